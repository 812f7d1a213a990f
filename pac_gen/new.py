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

from pac_gen.loader import yaml_quote
from pac_gen.messages import message
from pac_gen.model import ActionKind, IndicatorKind, Stage, Term, TimeOfDay, Weekday
from pac_gen.schema import PACKAGED_SCHEMAS
from pac_gen.validate import CheckedPlan, Settings, check_bytes
from pac_gen.values import Choice, ValueProblem, parse_date, parse_number, parse_span

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


@dataclass
class RitualAnswer:
    """The weekly ritual of the new plan."""

    text: str
    day: Weekday
    time_of_day: TimeOfDay
    span: str


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


# --- Text of the questions and of the file, French first ----------------------------------------

TEXT: dict[str, dict[str, str]] = {
    "intro": {
        "fr": "Nouveau plan d'action commercial : {path}\n"
              "1 plan = 1 objectif. Répondez aux questions ; Entrée garde la valeur entre crochets.",
        "en": "New commercial action plan: {path}\n"
              "1 plan = 1 objective. Answer the questions; Enter keeps the value in brackets.",
    },
    "author": {"fr": "Votre nom (facultatif)", "en": "Your name (optional)"},
    "strategy": {"fr": "La stratégie commerciale que ce plan sert (une phrase)",
                 "en": "The commercial strategy this plan serves (one sentence)"},
    "statement": {"fr": "L'objectif, mesurable (ex. Augmenter le CA en ligne de 30 %)",
                  "en": "The objective, measurable (e.g. Increase online turnover by 30%)"},
    "deadline": {"fr": "Échéance de l'objectif (AAAA-MM-JJ ou JJ/MM/AAAA)",
                 "en": "Deadline of the objective (YYYY-MM-DD or DD/MM/YYYY)"},
    "deadline_past": {"fr": "L'échéance doit venir après le début du plan ({start}).",
                      "en": "The deadline must come after the plan's start ({start})."},
    "stage": {"fr": "Phase : demarrage (×3) ou developpement (×2)", "en": "Stage: startup (×3) or growth (×2)"},
    "actions": {"fr": "Les premières actions (titre vide pour terminer).",
                "en": "The first actions (empty title to finish)."},
    "action_title": {"fr": "Action {n} : intitulé", "en": "Action {n}: title"},
    "action_kind": {"fr": "  type : prospection, communication ou fidelisation",
                    "en": "  kind: prospecting, communication or retention"},
    "action_term": {"fr": "  horizon : court, moyen ou long", "en": "  term: short, medium or long"},
    "one_action": {"fr": "Il faut au moins une action.", "en": "At least one action is needed."},
    "result": {"fr": "Indicateur de résultat (dit si l'objectif est atteint)",
               "en": "Result indicator (says whether the objective is reached)"},
    "tracking": {"fr": "Indicateur de suivi (pilote les actions en cours de route)",
                 "en": "Tracking indicator (steers the actions along the way)"},
    "ind_name": {"fr": "  ce qui est mesuré", "en": "  what is measured"},
    "ind_unit": {"fr": "  unité", "en": "  unit"},
    "ind_initial": {"fr": "  valeur initiale (avant le plan)", "en": "  initial value (before the plan)"},
    "ind_target": {"fr": "  valeur cible (à l'échéance)", "en": "  target value (by the deadline)"},
    "ind_source": {"fr": "  outil de mesure (CRM, Excel, Instagram…)", "en": "  source (CRM, Excel, Instagram…)"},
    "ritual": {"fr": "Rituel hebdomadaire (une action récurrente dans l'agenda)",
               "en": "Weekly ritual (a recurring action in the agenda)"},
    "ritual_text": {"fr": "  ce que vous faites chaque semaine", "en": "  what you do each week"},
    "ritual_day": {"fr": "  jour (lundi…dimanche)", "en": "  day (monday…sunday)"},
    "ritual_moment": {"fr": "  moment : matin, apres_midi ou soir", "en": "  time of day: morning, afternoon or evening"},
    "ritual_span": {"fr": "  pendant (ex. 3 mois, 12 semaines)", "en": "  for (e.g. 3 months, 12 weeks)"},
    "exists": {"fr": "pac-gen new : {path} existe déjà ; il n'est pas modifié. Choisissez un autre nom.",
               "en": "pac-gen new: {path} already exists; it is left untouched. Choose another name."},
    "cannot_write": {"fr": "pac-gen new : impossible de créer {path} : son dossier n'existe pas et ne peut pas être créé "
                           "(un fichier porte-t-il déjà ce nom ?) ou n'est pas accessible. Rien n'est écrit.",
                     "en": "pac-gen new: cannot create {path}: its folder does not exist and cannot be created "
                           "(is there a file of that name?) or cannot be written to. Nothing written."},
    "aborted": {"fr": "pac-gen new : abandon, aucun fichier écrit.", "en": "pac-gen new: aborted, no file written."},
    "invalid": {"fr": "pac-gen new : le plan produit n'est pas valide (bogue de pac-gen), rien n'est écrit :",
                "en": "pac-gen new: the plan produced is not valid (a pac-gen bug), nothing written:"},
    "written": {"fr": "Plan créé : {path}\nÉtape suivante : complétez-le, puis vérifiez-le avec "
                      "« pac-gen validate {path} ».",
                "en": "Plan created: {path}\nNext: complete it, then check it with “pac-gen validate {path}”."},
    "warnings": {"fr": "Questions de la méthode à revoir dans ce plan :",
                 "en": "Questions of the method to review in this plan:"},
}


def text(key: str, lang: str, **args: Any) -> str:
    """A text of ``pac-gen new`` in ``lang`` (French when unknown)."""
    entry = TEXT[key]
    return (entry.get(lang) or entry["fr"]).format(**args)


# Defaults per language: what a template says when the learner has not answered.
DEFAULTS: dict[str, dict[str, Any]] = {
    "fr": {
        "strategy": "Rappel de ma stratégie commerciale : cible, positionnement, canaux.",
        "statement": "Augmenter mon chiffre d'affaires de 20 %",
        "actions": [
            ("Contacter des prospects par téléphone", ActionKind.PROSPECTING, Term.SHORT),
            ("Publier chaque semaine sur les réseaux sociaux", ActionKind.COMMUNICATION, Term.MEDIUM),
            ("Lancer une newsletter pour les clients", ActionKind.RETENTION, Term.LONG),
        ],
        "result": ("Chiffre d'affaires du mois", "€", 1000, 1200, "Tableau Excel"),
        "tracking": ("Prospects contactés par mois", "contacts", 0, 30, "CRM"),
        "ritual": ("Revue de la semaine : CA, contacts, mise à jour du CRM", Weekday.FRIDAY,
                   TimeOfDay.AFTERNOON, "3 mois"),
        "task": "Préparer la première étape",
        "unit": "rendez-vous",
        "obstacle": "Manque de temps pour prospecter",
        "cause": "Le travail de production passe toujours en premier",
        "solution": "Bloquer deux demi-journées de prospection dans l'agenda",
    },
    "en": {
        "strategy": "Reminder of my commercial strategy: target, positioning, channels.",
        "statement": "Increase my turnover by 20%",
        "actions": [
            ("Call prospects", ActionKind.PROSPECTING, Term.SHORT),
            ("Post every week on social networks", ActionKind.COMMUNICATION, Term.MEDIUM),
            ("Start a newsletter for customers", ActionKind.RETENTION, Term.LONG),
        ],
        "result": ("Monthly turnover", "€", 1000, 1200, "Excel sheet"),
        "tracking": ("Prospects contacted per month", "contacts", 0, 30, "CRM"),
        "ritual": ("Weekly review: turnover, contacts, CRM update", Weekday.FRIDAY, TimeOfDay.AFTERNOON,
                   "3 months"),
        "task": "Prepare the first step",
        "unit": "appointments",
        "obstacle": "Not enough time to prospect",
        "cause": "Production work always comes first",
        "solution": "Block two half days of prospecting in the agenda",
    },
}


def default_deadline(start: date) -> date:
    """Six months after the start: long enough for medium-term actions."""
    return start + relativedelta(months=6)


def default_answers(today: date, lang: str = "fr") -> Answers:
    """The answers of a template written with ``--yes``: a complete, valid plan to edit."""
    words = DEFAULTS.get(lang, DEFAULTS["fr"])
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
        colon = " : " if self.lang == "fr" else ": "
        prompt = text(key, self.lang) + (f" [{default}]" if default else "") + colon
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
        words = DEFAULTS.get(self.lang, DEFAULTS["fr"])
        author = self.ask("author", str, "")
        strategy = self.ask("strategy", str, "")
        statement = self.ask("statement", required)
        deadline = self.ask("deadline", self._deadline, default_deadline(self.today).isoformat())
        stage = self.choice("stage", Stage, Stage.STARTUP)
        self.say(text("actions", self.lang))
        actions: list[ActionAnswer] = []
        while True:
            title = self.ask_line(text("action_title", self.lang, n=len(actions) + 1) + (" : " if self.lang == "fr" else ": "))
            title = clean(title)
            if not title:
                if actions:
                    break
                self.say(text("one_action", self.lang))
                continue
            kind = self.choice("action_kind", ActionKind, ActionKind.PROSPECTING)
            term = self.choice("action_term", Term, Term.SHORT)
            actions.append(ActionAnswer(title, kind, term))
        self.say(text("result", self.lang))
        result = self._indicator(words["result"])
        self.say(text("tracking", self.lang))
        tracking = self._indicator(words["tracking"])
        self.say(text("ritual", self.lang))
        ritual_text = self.ask("ritual_text", required, words["ritual"][0])
        day = self.choice("ritual_day", Weekday, words["ritual"][1])
        moment = self.choice("ritual_moment", TimeOfDay, words["ritual"][2])
        span = self.ask("ritual_span", _span_text, words["ritual"][3])
        return Answers(author, strategy, statement, self.today, deadline, stage, actions, result, tracking,
                       RitualAnswer(ritual_text, day, moment, span))

    def _deadline(self, answer: str) -> date:
        deadline = parse_date(answer)
        if deadline <= self.today:
            raise Refused(text("deadline_past", self.lang, start=self.today.isoformat()))
        return deadline

    def _indicator(self, default: tuple[Any, ...]) -> IndicatorAnswer:
        name = self.ask("ind_name", required, default[0])
        unit = self.ask("ind_unit", str, default[1])
        initial = self.ask("ind_initial", parse_number, _number(default[2]))
        target = self.ask("ind_target", parse_number, _number(default[3]))
        source = self.ask("ind_source", required, default[4])
        return IndicatorAnswer(name, unit, initial, target, source)


def required(answer: str) -> str:
    """A text answer that may not be empty."""
    if not answer:
        raise ValueProblem("E118")
    return answer


def _span_text(answer: str) -> str:
    return parse_span(answer).text


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


COMMENTS: dict[str, dict[str, str]] = {
    "head": {
        "fr": "# Plan d'action commercial (format pac_gen v1). 1 plan = 1 objectif.\n"
              "# Vérifiez-le avec : pac-gen validate {path}\n"
              "# Les clés sont en français ; chaque clé a aussi un alias anglais (voir le guide).",
        "en": "# Commercial action plan (pac_gen format v1). 1 plan = 1 objective.\n"
              "# Check it with: pac-gen validate {path}\n"
              "# Keys are French (canonical); every key also has an English alias (see the guide).",
    },
    "strategy": {
        "fr": "# Rappel de la stratégie commerciale que ce plan sert (Markdown possible).",
        "en": "# Reminder of the commercial strategy this plan serves (Markdown allowed).",
    },
    "objective": {
        "fr": "# L'objectif : mesurable, avec une échéance. Phase « demarrage » ou « developpement » :\n"
              "# elle règle la loi des nombres (×3 en démarrage, ×2 en développement).",
        "en": "# The objective: measurable, with a deadline. Stage “demarrage” (startup) or\n"
              "# “developpement” (growth) drives the law of numbers (×3 at start-up, ×2 in growth).",
    },
    "actions": {
        "fr": "# Les actions, de trois types, car elles n'agissent pas au même moment du parcours client :\n"
              "#  - prospection : aller chercher de nouveaux clients (appels, salons, démarchage) ;\n"
              "#  - communication : se faire connaître et donner envie (réseaux, site, presse) ;\n"
              "#  - fidelisation : faire revenir et recommander les clients actuels (newsletter, offres).\n"
              "# Horizon : court, moyen ou long terme. Chaque action a ses moyens, son budget et ses tâches.",
        "en": "# The actions, of three kinds, because they act at different moments of the customer journey:\n"
              "#  - prospection (prospecting): find new customers (calls, fairs, canvassing);\n"
              "#  - communication: get known and make people want to buy (social networks, site, press);\n"
              "#  - fidelisation (retention): bring current customers back and make them recommend you.\n"
              "# Horizon (term): court, moyen or long. Each action has its means, budget and tasks.",
    },
    "law": {
        "fr": "# Loi des nombres : pour 1 résultat, prévoir 3 tentatives en démarrage (2 en développement).",
        "en": "# Law of numbers: for 1 result, plan 3 attempts at start-up (2 in growth).",
    },
    "rituals": {
        "fr": "# Les rituels : des actions récurrentes placées dans l'agenda (ici chaque semaine).",
        "en": "# Rituals: recurring actions placed in the agenda (here every week).",
    },
    "indicators": {
        "fr": "# Les indicateurs, avec valeur initiale (avant le plan) et valeur cible (à l'échéance) :\n"
              "#  - resultat : dit si l'objectif est atteint (chiffre d'affaires, nombre de clients) ;\n"
              "#  - suivi : pilote les actions en cours de route (contacts, visites, devis envoyés).\n"
              "# Ajoutez les mesures au fil du plan, par exemple :\n"
              "#    mesures:\n"
              "#      {example}: 12",
        "en": "# Indicators, with an initial value (before the plan) and a target (by the deadline):\n"
              "#  - resultat (result): says whether the objective is reached (turnover, customers);\n"
              "#  - suivi (tracking): steers the actions along the way (contacts, visits, quotes sent).\n"
              "# Add measurements as the plan runs, for example:\n"
              "#    mesures:\n"
              "#      {example}: 12",
    },
    "obstacles": {
        "fr": "# Les freins : ce qui pourrait empêcher les actions. Dépend-il de moi ? Quelles solutions ?",
        "en": "# Obstacles: what could prevent the actions. Is it within my control? Which solutions?",
    },
    "more": {
        "fr": "# Pour aller plus loin (voir le guide) : bilan (actions déjà menées), equipe,\n"
              "# semaine_ideale (les blocs moi / famille / social / entreprise) et notes.",
        "en": "# To go further (see the guide): bilan (past actions), equipe (team),\n"
              "# semaine_ideale (ideal week: me / family / social / business blocks) and notes.",
    },
}


def _comment(key: str, lang: str, **args: Any) -> str:
    entry = COMMENTS[key]
    return (entry.get(lang) or entry["fr"]).format(**args)


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
    words = DEFAULTS.get(lang, DEFAULTS["fr"])
    out: list[str] = [f"# yaml-language-server: $schema={schema_ref}",
                      _comment("head", lang, path=display_path.replace("\n", " ")), ""]
    if answers.author:
        out.append(f"auteur: {quote(answers.author)}")
    if answers.strategy:
        out += [_comment("strategy", lang), f"strategie: {quote(answers.strategy)}"]
    out += ["", _comment("objective", lang), "objectif:",
            f"  intitule: {quote(answers.statement)}",
            f"  debut: {answers.start.isoformat()}",
            f"  echeance: {answers.deadline.isoformat()}",
            f"  phase: {answers.stage.value}",
            "", _comment("actions", lang), "actions:"]
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
            out += [_indent(_comment("law", lang), 4), "    loi_des_nombres:",
                    "      resultat_vise: 3", f"      volume_prevu: {3 * multiplier}",
                    f"      unite: {quote(words['unit'])}"]
        out += ["    taches:",
                f"      - tache: {quote(words['task'])}",
                f"        date_limite: {task_due.isoformat()}",
                "        statut: a_faire"]
    if answers.ritual is not None:
        ritual = answers.ritual
        out += ["", _comment("rituals", lang), "rituels:",
                f"  - rituel: {quote(ritual.text)}",
                "    frequence: hebdomadaire",
                f"    jours: [{ritual.day.value}]",
                f"    moment: {ritual.time_of_day.value}",
                "    duree: 1h",
                f"    debut: {_first_weekday(answers.start, ritual.day).isoformat()}",
                f"    pendant: {quote(ritual.span)}"]
    indicators = [(IndicatorKind.RESULT, answers.result), (IndicatorKind.TRACKING, answers.tracking)]
    if any(i for _, i in indicators):
        example = (answers.start + relativedelta(months=1)).isoformat()
        out += ["", _comment("indicators", lang, example=example), "indicateurs:"]
        for kind, indicator in indicators:
            if indicator is None:
                continue
            out += [f"  - indicateur: {quote(indicator.name)}", f"    type: {kind.value}"]
            if indicator.unit:
                out.append(f"    unite: {quote(indicator.unit)}")
            out += [f"    valeur_initiale: {_number(indicator.initial)}",
                    f"    valeur_cible: {_number(indicator.target)}",
                    f"    outil: {quote(indicator.source)}"]
    out += ["", _comment("obstacles", lang), "freins:",
            f"  - frein: {quote(words['obstacle'])}",
            "    depend_de_moi: oui",
            f"    causes: [{quote(words['cause'])}]",
            f"    solutions: [{quote(words['solution'])}]",
            "", _comment("more", lang), ""]
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
