"""Start a new plan: a guided interview with the method's questions (or sensible
defaults with ``--yes``), written as a commented YAML file that validates as written.

The file is written from a text template rather than dumped by a YAML library so
that it can carry comments explaining the method next to each section. Every
answer a learner types is emitted as a double-quoted YAML scalar (see
:func:`quote`), so an answer can never change the structure of the file.

Where the learner types nothing for a task, a law of numbers or an obstacle, the
file keeps an example (``pac_gen.format.examples``): W1207 then flags it at its line
until the learner writes their own, and ``pac-gen new`` lists them at the end.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from dateutil.relativedelta import relativedelta

from pac_gen.check.validate import CheckedPlan, check_bytes
from pac_gen.format import examples
from pac_gen.format.loader import yaml_quote
from pac_gen.format.model import ActionKind, IndicatorKind, Motivation, Rhythm, Stage, Term, TimeOfDay, Weekday
from pac_gen.format.schema import PACKAGED_SCHEMAS
from pac_gen.format.settings import Settings
from pac_gen.format.values import (
    Choice,
    ValueProblem,
    normalize_word,
    parse_bool,
    parse_date,
    parse_money,
    parse_number,
    parse_span,
)
from pac_gen.text import LANGUAGES, choice_word, colon, message, text

T = TypeVar("T")

#: Where the committed schemas live, relative to a repository's root.
SCHEMA_FILES = {"fr": "docs/schema/plan.schema.json", "en": "docs/schema/plan.schema.en.json"}


@dataclass
class TaskAnswer:
    """One task of an action: what, by when, for how much."""

    title: str
    due: date
    budget: Decimal | None = None


@dataclass
class LawAnswer:
    """The law of numbers of a prospecting action: results wanted, attempts planned, what is counted."""

    target: int
    volume: int
    unit: str


@dataclass
class ActionAnswer:
    """One action of the new plan.

    ``due`` None: a date from the term (the template). ``law`` None on a prospecting
    action: the example law. ``tasks`` empty: the example task.
    """

    title: str
    kind: ActionKind
    term: Term
    due: date | None = None
    budget: Decimal | None = Decimal(0)
    law: LawAnswer | None = None
    tasks: list[TaskAnswer] = field(default_factory=list)


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
class ObstacleAnswer:
    """An obstacle, whether it is within the learner's control, its cause and a solution."""

    obstacle: str
    within_my_control: bool
    cause: str
    solution: str


@dataclass
class Answers:
    """Everything :func:`render_plan` needs to write a plan (``obstacle`` None: the example obstacle)."""

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
    obstacle: ObstacleAnswer | None = None


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


# The course's own way of saying a choice: "court terme", "à long terme", "en démarrage",
# "l'après-midi", "tous les 15 jours". Words around the choice are dropped, then the rest
# is compared with the format's words and with the words the site shows (``word.…``).
_AROUND = ("a_", "en_", "le_", "la_", "l_", "les_", "chaque_", "every_", "in_", "the_")
_SAME = {"tous_les_15_jours": "toutes_les_2_semaines", "tous_les_quinze_jours": "toutes_les_2_semaines",
         "toutes_les_deux_semaines": "toutes_les_2_semaines", "quinzaine": "toutes_les_2_semaines",
         "semaine": "hebdomadaire", "mois": "mensuelle", "trimestre": "trimestrielle",
         "fideliser": "fidelisation", "prospecter": "prospection", "communiquer": "communication"}


def course_choice(kind: type[Choice], answer: str) -> Choice | None:
    """The member of ``kind`` a learner meant with the course's words, or None."""
    table: dict[str, Choice] = {}
    for member in kind:
        table[normalize_word(member.value)] = member
        table[normalize_word(member.english_aliases().get(member.value, member.value))] = member
        for lang in LANGUAGES:
            table[normalize_word(choice_word(member.value, lang))] = member
    word = normalize_word(answer)
    for _ in range(2):  # "à court terme": "a_" then "_terme"
        if word in table:
            return table[word]
        if word in _SAME and _SAME[word] in table:
            return table[_SAME[word]]
        word = word.removesuffix("_terme").removesuffix("_term")
        for prefix in _AROUND:
            word = word.removeprefix(prefix)
    return table.get(word) or (table.get(_SAME[word]) if word in _SAME else None)


class Questions:
    """The guided interview: asks the method's questions one by one, re-asking until each answer is valid.

    Args:
        ask: Shows a prompt and returns the line typed (``input``); raises EOFError at the end.
        say: Shows a line (an explanation or an error).
        lang: ``fr`` or ``en``.
        today: The plan's start.

    Attributes:
        question: The question being asked (for a message when the answers run out).

    """

    def __init__(self, ask: Callable[[str], str], say: Callable[[str], None], lang: str, today: date) -> None:
        self.ask_line = ask
        self.say = say
        self.lang = lang
        self.today = today
        self.question = ""

    def _day(self, value: date) -> str:
        from pac_gen.site.render import day  # the pages' way of writing a date

        return day(value, self.lang)

    def _money(self, value: Decimal) -> str:
        from pac_gen.site.render import money  # the pages' way of writing an amount

        return money(value, "EUR", self.lang)

    def _shown(self, value: date) -> str:
        """A date offered as a default, written as the learner would (15/06/2027 in French)."""
        return value.strftime(text("new.date_pattern", self.lang))

    def ask(self, key: str, parse: Callable[[str], T], default: str | None = None, **args: Any) -> T:
        """Ask until ``parse`` accepts the answer; an empty answer takes ``default``."""
        self.question = text(f"new.{key}", self.lang, **args).strip()
        prompt = colon(text(f"new.{key}", self.lang, **args) + (f" [{default}]" if default else ""), self.lang) + " "
        while True:
            answer = clean(self.ask_line(prompt))
            if not answer and default is None:
                self.say(text("new.required", self.lang))
                continue
            answer = answer or (default or "")
            try:
                return parse(answer)
            except ValueProblem as problem:
                self.say(message(problem.code, self.lang, **problem.args_))
            except Refused as refusal:
                self.say(str(refusal))

    def words(self, kind: type[Choice]) -> list[str]:
        """The answers offered for a choice, in the interview's language: the site's words."""
        return [self.word(member) for member in kind]

    def word(self, member: Choice) -> str:
        """One answer offered for a choice, in lower case within a sentence ("Monday" keeps its capital)."""
        shown = choice_word(member.value, self.lang)
        return shown if isinstance(member, Weekday) else shown.lower()

    def one_of(self, words: list[str]) -> str:
        """``court terme, moyen terme ou long terme``."""
        return ", ".join(words[:-1]) + text("new.or", self.lang) + words[-1] if len(words) > 1 else words[0]

    def choice(self, key: str, kind: type[Choice], default: Choice) -> Any:
        """Ask for one of a list's words: the format's, French or English, or the course's own."""
        choices = self.one_of(self.words(kind))

        def parse(answer: str) -> Choice:
            found = course_choice(kind, answer)
            if found is not None:
                return found
            try:
                kind.parse(answer)
            except ValueProblem as problem:
                close = problem.args_.get("suggestion")
                if close:
                    shown = self.word(kind.parse(close))
                    raise Refused(text("new.choice_close", self.lang, value=answer, close=shown,
                                       choices=choices)) from None
            raise Refused(text("new.choice_refused", self.lang, value=answer, choices=choices))

        return self.ask(key, parse, self.word(default), choices=choices)

    def answers(self) -> Answers:
        """Ask every question and return the answers."""
        words = _defaults(self.lang)
        author = self.ask("author", str, "")
        strategy = self.ask("strategy", str, "")
        statement = self.ask("statement", required)
        deadline = self.ask("deadline", self._deadline, self._shown(default_deadline(self.today)))
        stage = self.choice("stage", Stage, Stage.STARTUP)
        self.say(text("new.actions", self.lang))
        actions: list[ActionAnswer] = []
        while True:
            title = self.ask("action_title", str, "", n=len(actions) + 1)
            if not title:
                if actions:
                    break
                self.say(text("new.one_action", self.lang))
                continue
            actions.append(self._action(title, stage, deadline))
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
        first_review = self.ask("first_review", lambda answer: self._within(answer, deadline, "new.review_outside"),
                                self._shown(default_first_review(self.today)))
        self.say(text("new.motivation", self.lang))
        level, _, _, hours = words["motivation"]
        motivation = MotivationAnswer(
            self.ask("motivation_level", _level, str(level)),
            self.ask("motivation_booster", str, ""),
            self.ask("motivation_group", parse_bool, text("new.no", self.lang)),
            self.ask("motivation_hours", _hours, _number(hours)),
        )
        self.say(text("new.obstacles", self.lang))
        obstacle = self._obstacle(words["obstacle"])
        return Answers(author, strategy, statement, self.today, deadline, stage, actions, result, tracking,
                       RitualAnswer(ritual_text, day, moment, span), motivation, first_review, obstacle)

    def _action(self, title: str, stage: Stage, deadline: date) -> ActionAnswer:
        kind = self.choice("action_kind", ActionKind, ActionKind.PROSPECTING)
        term = self.choice("action_term", Term, Term.SHORT)
        due = self.ask("action_due", lambda answer: self._within(answer, deadline, "new.action_due_outside"),
                       self._shown(_action_due(self.today, deadline, term)))
        budget = self.ask("action_budget", _optional_money, "")
        law = self._law(stage) if kind is ActionKind.PROSPECTING else None
        tasks: list[TaskAnswer] = []
        while True:
            done = text("new.task_done" if tasks else "new.task_none", self.lang)
            task = self.ask("task", str, "", n=len(tasks) + 1, done=done)
            if not task:
                break
            task_due = self.ask("task_due", lambda answer: self._task_due(answer, due),
                                self._shown(min(self.today + timedelta(days=14), due)))
            spent = sum((t.budget or Decimal(0) for t in tasks), Decimal(0))
            task_budget = self.ask("task_budget", partial(self._task_budget, spent=spent, budget=budget), "")
            tasks.append(TaskAnswer(task, task_due, task_budget))
        return ActionAnswer(title, kind, term, due, budget, law, tasks)

    def _law(self, stage: Stage) -> LawAnswer | None:
        example = text("new.law_example", self.lang, target=examples.LAW_TARGET,
                       unit=examples.example("unit", self.lang), volume=examples.LAW_TARGET * stage.multiplier)
        target = self.ask("law", _optional_count, "", example=example)
        if target is None:
            return None
        unit = self.ask("law_unit", required)
        needed = target * stage.multiplier

        def volume(answer: str) -> int:
            planned = _count(answer)
            if planned < needed:
                raise Refused(text("new.law_too_few", self.lang, needed=needed, target=target,
                                   multiplier=stage.multiplier, stage=self.word(stage)))
            return planned

        return LawAnswer(target, self.ask("law_volume", volume, str(needed)), unit)

    def _indicator(self, default: tuple[Any, ...]) -> IndicatorAnswer:
        name = self.ask("ind_name", required, default[0])
        unit = self.ask("ind_unit", str, default[1])
        # The example values only make sense in the example's unit: after a change, no default.
        same_unit = unit == default[1]
        shown = {"unit": unit} if unit else {}
        suffix = "" if unit else "_plain"
        initial = self.ask("ind_initial" + suffix, parse_number, _number(default[2]) if same_unit else None, **shown)

        def target(answer: str) -> float:
            value = parse_number(answer)
            if value == initial:
                raise Refused(text("new.ind_same", self.lang, value=_number(value)))
            return value

        goal = self.ask("ind_target" + suffix, target, _number(default[3]) if same_unit else None, **shown)
        source = self.ask("ind_source", required, default[4])
        rhythm = self.choice("ind_rhythm", Rhythm, default[5])
        return IndicatorAnswer(name, unit, initial, goal, source, rhythm)

    def _obstacle(self, example: str) -> ObstacleAnswer | None:
        obstacle = self.ask("obstacle", str, "", example=example)
        if not obstacle:
            return None
        mine = self.ask("obstacle_mine", parse_bool, text("new.yes", self.lang))
        cause = self.ask("obstacle_cause", str, "")
        solution = self.ask("obstacle_solution", required)
        return ObstacleAnswer(obstacle, mine, cause, solution)

    def _within(self, answer: str, deadline: date, refusal: str) -> date:
        day = parse_date(answer)
        if not self.today < day <= deadline:
            raise Refused(text(refusal, self.lang, start=self._day(self.today), deadline=self._day(deadline)))
        return day

    def _task_due(self, answer: str, action_due: date) -> date:
        day = parse_date(answer)
        if not self.today <= day <= action_due:
            raise Refused(text("new.task_due_outside", self.lang, start=self._day(self.today),
                               due=self._day(action_due)))
        return day

    def _task_budget(self, answer: str, spent: Decimal, budget: Decimal | None) -> Decimal | None:
        amount = _optional_money(answer)
        if amount is not None and budget is not None and spent + amount > budget:
            raise Refused(text("new.task_over_budget", self.lang, total=self._money(spent + amount),
                               budget=self._money(budget)))
        return amount

    def _deadline(self, answer: str) -> date:
        deadline = parse_date(answer)
        if deadline <= self.today:
            raise Refused(text("new.deadline_past", self.lang, start=self._day(self.today)))
        return deadline


def required(answer: str) -> str:
    """A text answer that may not be empty."""
    if not answer:
        raise ValueProblem("E118")
    return answer


def _optional_money(answer: str) -> Decimal | None:
    return parse_money(answer) if answer else None


def _count(answer: str) -> int:
    number = parse_number(answer)
    if number < 0 or not float(number).is_integer():
        raise ValueProblem("E114", value=answer)
    return int(number)


def _optional_count(answer: str) -> int | None:
    return _count(answer) if answer else None


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
        due = action.due or _action_due(answers.start, answers.deadline, action.term)
        out += [f"  - intitule: {quote(action.title)}",
                f"    type: {action.kind.value}",
                f"    horizon: {action.term.value}",
                f"    lancement: {answers.start.isoformat()}",
                f"    date_limite: {due.isoformat()}"]
        if answers.author:
            out.append(f"    responsable: {quote(answers.author)}")
        out += ["    moyens_actuels: []", "    moyens_a_prevoir: []"]
        if action.budget is not None:
            out.append(f"    budget: {action.budget}")
        if action.kind is ActionKind.PROSPECTING:
            law = action.law or LawAnswer(examples.LAW_TARGET, examples.LAW_TARGET * multiplier, words["unit"])
            out += [_indent(text("new.comment.law", lang), 4), "    loi_des_nombres:",
                    f"      resultat_vise: {law.target}", f"      volume_prevu: {law.volume}",
                    f"      unite: {quote(law.unit)}"]
        tasks = action.tasks or [TaskAnswer(words["task"], min(answers.start + timedelta(days=14), due))]
        out.append("    taches:")
        for task in tasks:
            out += [f"      - tache: {quote(task.title)}",
                    f"        date_limite: {task.due.isoformat()}"]
            if task.budget is not None:
                out.append(f"        budget: {task.budget}")
            out.append("        statut: a_faire")
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
    obstacle = answers.obstacle or ObstacleAnswer(words["obstacle"], True, words["cause"], words["solution"])
    out += ["", text("new.comment.obstacles", lang), "freins:",
            f"  - frein: {quote(obstacle.obstacle)}",
            f"    depend_de_moi: {'oui' if obstacle.within_my_control else 'non'}"]
    if obstacle.cause:
        out.append(f"    causes: [{quote(obstacle.cause)}]")
    out += [f"    solutions: [{quote(obstacle.solution)}]", "", text("new.comment.more", lang), ""]
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
    "ActionAnswer", "Answers", "IndicatorAnswer", "LawAnswer", "ObstacleAnswer", "Questions", "RitualAnswer",
    "TaskAnswer", "check_text", "course_choice", "default_answers", "quote", "render_plan", "schema_reference", "text",
    "write_new",
]
