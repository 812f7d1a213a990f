"""Start a new plan: ask the method's questions, or take sensible defaults, and
write a commented YAML file that validates as written.

The file is written from a text template rather than dumped by a YAML library so
that it can carry comments explaining the method next to each section. Every
answer a learner types is emitted as a double-quoted YAML scalar (see
:func:`quote`), so an answer can never change the structure of the file.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from dateutil.relativedelta import relativedelta

from pac_gen.check.validate import CheckedPlan, check_bytes
from pac_gen.format import examples
from pac_gen.format.loader import yaml_quote
from pac_gen.format.model import ActionKind, IndicatorKind, Motivation, Rhythm, Stage, Term, TimeOfDay, Weekday
from pac_gen.format.schema import PACKAGED_SCHEMAS
from pac_gen.format.settings import Settings
from pac_gen.format.values import Choice, ValueProblem, parse_bool, parse_date, parse_number, parse_span
from pac_gen.text import colon, message, text

T = TypeVar("T")

#: Where the committed schemas live, relative to a repository's root.
SCHEMA_FILES = {"fr": "docs/schema/plan.schema.json", "en": "docs/schema/plan.schema.en.json"}


@dataclass
class ActionAnswer:
    """One action of the new plan: its title, kind and term."""

    title: str
    kind: ActionKind
    term: Term


@dataclass
class IndicatorAnswer:
    """One indicator of the new plan, with its initial and target values."""

    name: str
    unit: str
    initial: float
    target: float
    source: str
    rhythm: Rhythm | None = None


@dataclass
class RitualAnswer:
    """The weekly ritual of the new plan."""

    text: str
    day: Weekday
    time_of_day: TimeOfDay
    span: str


@dataclass
class MotivationAnswer:
    """The learner's commitment (format v1.1): level 0–10, what would raise it, in a group, hours set aside."""

    level: int
    booster: str
    in_group: bool
    hours: float


@dataclass
class Answers:
    """Everything :func:`render_plan` needs to write a plan."""

    author: str
    strategy: str
    statement: str
    start: date
    deadline: date
    stage: Stage
    actions: list[ActionAnswer] = field(default_factory=list)
    result: IndicatorAnswer | None = None
    tracking: IndicatorAnswer | None = None
    ritual: RitualAnswer | None = None
    motivation: MotivationAnswer | None = None
    first_review: date | None = None


# --- Text of the questions and of the file, French first ----------------------------------------

def _defaults(lang: str) -> dict[str, Any]:
    """What a template says when the learner has not answered: the example texts W1207 recognises."""
    def say(key: str) -> str:
        return examples.example(key, lang)

    return {
        "strategy": say("strategy"), "statement": say("statement"),
        "actions": [(say("action_1"), ActionKind.PROSPECTING, Term.SHORT),
                    (say("action_2"), ActionKind.COMMUNICATION, Term.MEDIUM),
                    (say("action_3"), ActionKind.RETENTION, Term.LONG)],
        "result": (say("result"), "€", 1000, 1200, say("result_source"), Rhythm.MONTHLY),
        "tracking": (say("tracking"), "contacts", 0, 30, "CRM", Rhythm.WEEKLY),
        "motivation": (7, say("booster"), False, 5.0),
        "ritual": (say("ritual"), Weekday.FRIDAY, TimeOfDay.AFTERNOON, say("ritual_span")),
        "task": say("task"), "unit": say("unit"),
        "obstacle": say("obstacle"), "cause": say("cause"), "solution": say("solution"),
    }


def default_deadline(start: date) -> date:
    """Six months after the start: long enough for medium-term actions."""
    return start + relativedelta(months=6)


def default_first_review(start: date) -> date:
    """One month after the start: the first results are in, and there is still time to change course."""
    return start + relativedelta(months=1)


def default_answers(today: date, lang: str = "fr") -> Answers:
    """The answers of a template written with ``--yes``: a complete, valid plan to edit."""
    words = _defaults(lang)
    return Answers(
        author="",
        strategy=words["strategy"],
        statement=words["statement"],
        start=today,
        deadline=default_deadline(today),
        stage=Stage.STARTUP,
        actions=[ActionAnswer(*a) for a in words["actions"]],
        result=IndicatorAnswer(*words["result"]),
        tracking=IndicatorAnswer(*words["tracking"]),
        ritual=RitualAnswer(*words["ritual"]),
        motivation=MotivationAnswer(*words["motivation"]),
        first_review=default_first_review(today),
    )


# --- Asking ---------------------------------------------------------------------------------------


def clean(answer: str) -> str:
    """An answer without control characters or unpaired surrogates, trimmed."""
    kept = "".join(c for c in answer if unicodedata.category(c) not in ("Cc", "Cs"))
    return kept.strip()


class Refused(ValueError):
    """An answer that parses but that the method refuses; the message says why."""


class Questions:
    """Asks the method's questions one by one, re-asking until each answer is valid.

    Args:
        ask: Shows a prompt and returns the line typed (``input``); raises EOFError at the end.
        say: Shows a line (an explanation or an error).
        lang: ``fr`` or ``en``.
        today: The plan's start.

    """

    def __init__(self, ask: Callable[[str], str], say: Callable[[str], None], lang: str, today: date) -> None:
        self.ask_line = ask
        self.say = say
        self.lang = lang
        self.today = today

    def ask(self, key: str, parse: Callable[[str], T], default: str | None = None) -> T:
        """Ask until ``parse`` accepts the answer; an empty answer takes ``default``."""
        prompt = colon(text(f"new.{key}", self.lang) + (f" [{default}]" if default else ""), self.lang) + " "
        while True:
            answer = clean(self.ask_line(prompt))
            if not answer and default is not None:
                answer = default
            try:
                return parse(answer)
            except ValueProblem as problem:
                self.say(message(problem.code, self.lang, **problem.args_))
            except Refused as refusal:
                self.say(str(refusal))

    def choice(self, key: str, kind: type[Choice], default: Choice) -> Any:
        """Ask for one of an enumeration's words, French or English."""
        shown = default.english_aliases().get(default.value, default.value) if self.lang == "en" else default.value
        return self.ask(key, kind.parse, shown)

    def answers(self) -> Answers:
        """Ask every question and return the answers."""
        words = _defaults(self.lang)
        author = self.ask("author", str, "")
        strategy = self.ask("strategy", str, "")
        statement = self.ask("statement", required)
        deadline = self.ask("deadline", self._deadline, default_deadline(self.today).isoformat())
        stage = self.choice("stage", Stage, Stage.STARTUP)
        self.say(text("new.actions", self.lang))
        actions: list[ActionAnswer] = []
        while True:
            title = self.ask_line(colon(text("new.action_title", self.lang, n=len(actions) + 1), self.lang) + " ")
            title = clean(title)
            if not title:
                if actions:
                    break
                self.say(text("new.one_action", self.lang))
                continue
            kind = self.choice("action_kind", ActionKind, ActionKind.PROSPECTING)
            term = self.choice("action_term", Term, Term.SHORT)
            actions.append(ActionAnswer(title, kind, term))
        self.say(text("new.result", self.lang))
        result = self._indicator(words["result"])
        self.say(text("new.tracking", self.lang))
        tracking = self._indicator(words["tracking"])
        self.say(text("new.ritual", self.lang))
        ritual_text = self.ask("ritual_text", required, words["ritual"][0])
        day = self.choice("ritual_day", Weekday, words["ritual"][1])
        moment = self.choice("ritual_moment", TimeOfDay, words["ritual"][2])
        span = self.ask("ritual_span", _span_text, words["ritual"][3])
        self.say(text("new.steering", self.lang))
        first_review = self.ask("first_review", lambda answer: self._review_date(answer, deadline),
                                default_first_review(self.today).isoformat())
        self.say(text("new.motivation", self.lang))
        level, _, _, hours = words["motivation"]
        motivation = MotivationAnswer(
            self.ask("motivation_level", _level, str(level)),
            self.ask("motivation_booster", str, ""),
            self.ask("motivation_group", parse_bool, text("new.no", self.lang)),
            self.ask("motivation_hours", _hours, _number(hours)),
        )
        return Answers(author, strategy, statement, self.today, deadline, stage, actions, result, tracking,
                       RitualAnswer(ritual_text, day, moment, span), motivation, first_review)

    def _review_date(self, answer: str, deadline: date) -> date:
        day = parse_date(answer)
        if not self.today < day <= deadline:
            raise Refused(text("new.review_outside", self.lang, start=self.today.isoformat(),
                               deadline=deadline.isoformat()))
        return day

    def _deadline(self, answer: str) -> date:
        deadline = parse_date(answer)
        if deadline <= self.today:
            raise Refused(text("new.deadline_past", self.lang, start=self.today.isoformat()))
        return deadline

    def _indicator(self, default: tuple[Any, ...]) -> IndicatorAnswer:
        name = self.ask("ind_name", required, default[0])
        unit = self.ask("ind_unit", str, default[1])
        initial = self.ask("ind_initial", parse_number, _number(default[2]))
        target = self.ask("ind_target", parse_number, _number(default[3]))
        source = self.ask("ind_source", required, default[4])
        rhythm = self.choice("ind_rhythm", Rhythm, default[5])
        return IndicatorAnswer(name, unit, initial, target, source, rhythm)


def required(answer: str) -> str:
    """A text answer that may not be empty."""
    if not answer:
        raise ValueProblem("E118")
    return answer


def _span_text(answer: str) -> str:
    return parse_span(answer).text


def _level(answer: str) -> int:
    # The model's own rule (E123), so that the question and the file agree.
    try:
        return int(Motivation.model_validate({"niveau": int(answer)}).level or 0)
    except ValueError:
        raise ValueProblem("E123", value=answer) from None


def _hours(answer: str) -> float:
    hours = float(parse_number(answer))
    if hours <= 0:
        raise ValueProblem("E114", value=answer)
    return hours


# --- Writing ----------------------------------------------------------------------------------------

# Characters YAML readers treat as line breaks or refuse even inside quotes.
def quote(value: str) -> str:
    """A double-quoted YAML scalar holding the answer ``value`` once cleaned (:func:`clean`)."""
    return yaml_quote(clean(value))


def _number(value: float) -> str:
    number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return repr(number)


def _action_due(start: date, deadline: date, term: Term) -> date:
    months = {Term.SHORT: 2, Term.MEDIUM: 4}.get(term)
    due = deadline if months is None else start + relativedelta(months=months)
    return min(due, deadline)


def _first_weekday(start: date, day: Weekday) -> date:
    return start + timedelta(days=(day.number - start.weekday()) % 7)


def render_plan(answers: Answers, schema_ref: str, lang: str = "fr", display_path: str = "plan.yaml") -> str:
    """The plan file for ``answers``, with the schema comment and the method's explanations.

    Args:
        answers: What the learner answered (or the defaults).
        schema_ref: Path or URL of the JSON schema, for the editor comment.
        lang: Language of the comments and default texts.
        display_path: The file name shown in the header comment.

    """
    words = _defaults(lang)
    out: list[str] = [f"# yaml-language-server: $schema={schema_ref}",
                      text("new.comment.head", lang, path=display_path.replace("\n", " ")), ""]
    if answers.author:
        out.append(f"auteur: {quote(answers.author)}")
    if answers.strategy:
        out += [text("new.comment.strategy", lang), f"strategie: {quote(answers.strategy)}"]
    out += ["", text("new.comment.objective", lang), "objectif:",
            f"  intitule: {quote(answers.statement)}",
            f"  debut: {answers.start.isoformat()}",
            f"  echeance: {answers.deadline.isoformat()}",
            f"  phase: {answers.stage.value}",
            "", text("new.comment.actions", lang), "actions:"]
    multiplier = answers.stage.multiplier
    for action in answers.actions:
        due = _action_due(answers.start, answers.deadline, action.term)
        task_due = min(answers.start + timedelta(days=14), due)
        out += [f"  - intitule: {quote(action.title)}",
                f"    type: {action.kind.value}",
                f"    horizon: {action.term.value}",
                f"    lancement: {answers.start.isoformat()}",
                f"    date_limite: {due.isoformat()}"]
        if answers.author:
            out.append(f"    responsable: {quote(answers.author)}")
        out += ["    moyens_actuels: []", "    moyens_a_prevoir: []", "    budget: 0"]
        if action.kind is ActionKind.PROSPECTING:
            out += [_indent(text("new.comment.law", lang), 4), "    loi_des_nombres:",
                    "      resultat_vise: 3", f"      volume_prevu: {3 * multiplier}",
                    f"      unite: {quote(words['unit'])}"]
        out += ["    taches:",
                f"      - tache: {quote(words['task'])}",
                f"        date_limite: {task_due.isoformat()}",
                "        statut: a_faire"]
    if answers.ritual is not None:
        ritual = answers.ritual
        out += ["", text("new.comment.rituals", lang), "rituels:",
                f"  - rituel: {quote(ritual.text)}",
                "    frequence: hebdomadaire",
                f"    jours: [{ritual.day.value}]",
                f"    moment: {ritual.time_of_day.value}",
                "    duree: 1h",
                f"    debut: {_first_weekday(answers.start, ritual.day).isoformat()}",
                f"    pendant: {quote(ritual.span)}"]
    if answers.first_review is not None:
        # The first review date, suggested as a monthly ritual up to the deadline (the method's "set times").
        if answers.ritual is None:
            out += ["", text("new.comment.rituals", lang), "rituels:"]
        out += [f"  - rituel: {quote(text('new.example.review_ritual', lang))}",
                "    frequence: mensuelle",
                f"    debut: {answers.first_review.isoformat()}",
                f"    fin: {answers.deadline.isoformat()}"]
    indicators = [(IndicatorKind.RESULT, answers.result), (IndicatorKind.TRACKING, answers.tracking)]
    if any(i for _, i in indicators):
        example = (answers.start + relativedelta(months=1)).isoformat()
        out += ["", text("new.comment.indicators", lang, example=example), "indicateurs:"]
        for kind, indicator in indicators:
            if indicator is None:
                continue
            out += [f"  - indicateur: {quote(indicator.name)}", f"    type: {kind.value}"]
            if indicator.unit:
                out.append(f"    unite: {quote(indicator.unit)}")
            out += [f"    valeur_initiale: {_number(indicator.initial)}",
                    f"    valeur_cible: {_number(indicator.target)}",
                    f"    outil: {quote(indicator.source)}"]
            if indicator.rhythm is not None:
                out.append(f"    periodicite: {indicator.rhythm.value}")
    if answers.first_review is not None:
        out += ["", text("new.comment.reviews", lang, date=answers.first_review.isoformat()), "suivi: []"]
    if answers.motivation is not None:
        m = answers.motivation
        out += ["", text("new.comment.motivation", lang), "motivation:", f"  niveau: {m.level}"]
        if m.booster:
            out.append(f"  leviers: [{quote(m.booster)}]")
        out += [f"  en_groupe: {'oui' if m.in_group else 'non'}", f"  heures_prevues: {_number(m.hours)}"]
    out += ["", text("new.comment.obstacles", lang), "freins:",
            f"  - frein: {quote(words['obstacle'])}",
            "    depend_de_moi: oui",
            f"    causes: [{quote(words['cause'])}]",
            f"    solutions: [{quote(words['solution'])}]",
            "", text("new.comment.more", lang), ""]
    return "\n".join(out)


def _indent(block: str, spaces: int) -> str:
    return "\n".join(" " * spaces + line for line in block.splitlines())


def schema_reference(path: Path, lang: str = "fr") -> str:
    """The schema for the editor comment: relative to ``path`` when a repository holds it.

    The repository is found by walking up from the plan's folder to a folder
    holding ``docs/schema/plan.schema.json``. Outside any, the comment points at the
    copy installed with pac_gen (a ``file:`` URI): the editor can load it, offline.
    """
    wanted = SCHEMA_FILES.get(lang, SCHEMA_FILES["fr"])
    folder = path.absolute().parent
    for candidate in (folder, *folder.parents):
        schema = candidate / wanted
        if schema.is_file():
            return Path(os.path.relpath(schema, folder)).as_posix()
    return PACKAGED_SCHEMAS.get(lang, PACKAGED_SCHEMAS["fr"]).as_uri()


def check_text(path: Path, content: str, today: date, lang: str = "fr") -> CheckedPlan:
    """Validate a plan about to be written, as ``pac-gen validate`` would."""
    return check_bytes(str(path), content.encode("utf-8"), Settings(today=today, lang=lang))


def write_new(path: Path, content: str) -> bool:
    """Create ``path`` with ``content`` (and its folders); False, untouched, when it already exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # "x" refuses an existing file even if one appeared since the first check.
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
    except FileExistsError:
        return False
    return True


__all__ = [
    "ActionAnswer", "Answers", "IndicatorAnswer", "Questions", "RitualAnswer", "check_text", "default_answers",
    "quote", "render_plan", "schema_reference", "text", "write_new",
]
