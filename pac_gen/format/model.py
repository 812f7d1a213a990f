"""The plan file format, version 1, as pydantic models.

Field aliases are the canonical French keys of the format; the English alias of
each key is kept in ``json_schema_extra["en"]``. Python attribute names are
English so the code reads without the French course. The documents these models
validate were already normalised by :mod:`pac_gen.format.normalize` (keys matched in
either language, whatever their case, accents or separators).
"""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal
from typing import Annotated, Any

from annotated_types import Ge, Le
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from pac_gen.format import values
from pac_gen.format.values import Duration, Span, ValueProblem


def _wrap(parser: Any) -> BeforeValidator:
    def validate(value: Any) -> Any:
        try:
            return parser(value)
        except ValueProblem as problem:
            raise PydanticCustomError(problem.code, problem.code, problem.args_) from None

    return BeforeValidator(validate)


_TEXT_TYPES = ["string", "number", "boolean"]  # a text field keeps what was written: `titre: 2026` is "2026"
# An "errorMessage" is a key of pac_gen.text: pac_gen.format.schema writes the text in the schema's language.

DateValue = Annotated[
    date,
    _wrap(values.parse_date),
    WithJsonSchema({"type": "string", "pattern": values.DATE_PATTERN, "examples": ["2026-06-15", "15/06/2026"],
                    "errorMessage": "schema.error.date"}),
]
TimeValue = Annotated[
    time, _wrap(values.parse_time),
    WithJsonSchema({"type": "string", "pattern": values.TIME_PATTERN, "examples": ["14:00"],
                    "errorMessage": "schema.error.time"}),
]
DurationValue = Annotated[
    Duration, _wrap(values.parse_duration),
    WithJsonSchema({"type": "string", "examples": ["2h", "1h30", "30 min", "½ journée", "1 jour", "1 semaine"]}),
]
SpanValue = Annotated[
    Span, _wrap(values.parse_span),
    WithJsonSchema({"type": "string", "examples": ["3 mois", "8 semaines", "10 jours"]}),
]
Money = Annotated[
    Decimal, _wrap(values.parse_money),
    WithJsonSchema({"anyOf": [{"type": "number", "minimum": 0, "maximum": values.MAX_NUMBER},
                              {"type": "string", "pattern": values.MONEY_PATTERN,
                               "errorMessage": "schema.error.money"}],
                    "examples": [1500]}),
]
Number = Annotated[float, _wrap(values.parse_number), WithJsonSchema(
    {"anyOf": [{"type": "number", "minimum": -values.MAX_NUMBER, "maximum": values.MAX_NUMBER},
               {"type": "string", "pattern": values.NUMBER_PATTERN, "errorMessage": "schema.error.number"}]})]
Flag = Annotated[
    bool, _wrap(values.parse_bool),
    WithJsonSchema({"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": values.BOOL_PATTERN,
                                                     "errorMessage": "schema.error.flag"}],
                    "examples": ["oui", "non"]}),
]
Slug = Annotated[
    str, _wrap(values.parse_slug),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": "^" + values.SLUG_RE.pattern.removesuffix("\\Z") + "$",
                               "maxLength": 80,
                               "errorMessage": "schema.error.id"},
                              {"type": "integer", "minimum": 0}]}),
]
Text = Annotated[str, Field(min_length=1), WithJsonSchema({"type": _TEXT_TYPES, "minLength": 1})]
Markdown = Annotated[str, WithJsonSchema({"type": _TEXT_TYPES, "contentMediaType": "text/markdown"})]


def _currency(value: Any) -> str:
    from babel.numbers import list_currencies

    if isinstance(value, str) and value.strip().upper() in list_currencies():
        return value.strip().upper()
    raise ValueProblem("E112", value=value)


def _currency_schema() -> dict[str, Any]:
    from babel.numbers import list_currencies

    codes = sorted(list_currencies())
    any_case = "|".join("".join(f"[{c.upper()}{c.lower()}]" for c in code) for code in codes)
    space = values.WHITESPACE_CLASS
    return {"anyOf": [{"enum": codes}, {"type": "string", "pattern": f"^{space}*(?:{any_case}){space}*$"}],
            "examples": ["EUR", "CHF", "CAD"]}


Currency = Annotated[str, _wrap(_currency), WithJsonSchema(_currency_schema())]


def choice(cls: type[values.Choice]) -> Any:
    """An annotated type that accepts a :class:`~pac_gen.format.values.Choice` in French or English."""
    words = cls.accepted_words()
    pattern = values.spelling_pattern(*(values.normalize_word(w) for w in words))
    # The enum is what editors propose; the pattern, every spelling accepted (`Fidélisation`).
    return Annotated[cls, _wrap(cls.parse), WithJsonSchema({"anyOf": [{"enum": words},
                                                                       {"type": "string", "pattern": pattern}]})]


class ActionKind(values.Choice):
    """Where an action sits in the customer journey."""

    PROSPECTING = "prospection"
    COMMUNICATION = "communication"
    RETENTION = "fidelisation"

    @classmethod
    def english_aliases(cls) -> dict[str, str]:  # noqa: D102
        return {"prospection": "prospecting", "fidelisation": "retention"}


class Term(values.Choice):
    """Short, medium or long term."""

    SHORT = "court"
    MEDIUM = "moyen"
    LONG = "long"

    @classmethod
    def english_aliases(cls) -> dict[str, str]:  # noqa: D102
        return {"court": "short", "moyen": "medium"}


class Stage(values.Choice):
    """Start-up or growth: drives the law of numbers (×3 or ×2)."""

    STARTUP = "demarrage"
    GROWTH = "developpement"

    @classmethod
    def english_aliases(cls) -> dict[str, str]:  # noqa: D102
        return {"demarrage": "startup", "developpement": "growth"}

    @property
    def multiplier(self) -> int:
        """How many attempts the method plans for one result."""
        return 3 if self is Stage.STARTUP else 2


class Status(values.Choice):
    """Where a task stands."""

    TODO = "a_faire"
    DOING = "en_cours"
    DONE = "fait"
    DROPPED = "abandonne"

    @classmethod
    def english_aliases(cls) -> dict[str, str]:  # noqa: D102
        return {"a_faire": "todo", "en_cours": "doing", "fait": "done", "abandonne": "dropped"}


class Frequency(values.Choice):
    """How often a ritual comes back, in words."""

    DAILY = "quotidienne"
    WEEKLY = "hebdomadaire"
    BIWEEKLY = "toutes_les_2_semaines"
    MONTHLY = "mensuelle"

    @classmethod
    def english_aliases(cls) -> dict[str, str]:  # noqa: D102
        return {"quotidienne": "daily", "hebdomadaire": "weekly",
                "toutes_les_2_semaines": "biweekly", "mensuelle": "monthly"}


class Rhythm(values.Choice):
    """How often an indicator is measured (v1.1, « la périodicité de suivi »)."""

    WEEKLY = "hebdomadaire"
    BIWEEKLY = "toutes_les_2_semaines"
    MONTHLY = "mensuelle"
    QUARTERLY = "trimestrielle"

    @classmethod
    def english_aliases(cls) -> dict[str, str]:  # noqa: D102
        return {"hebdomadaire": "weekly", "toutes_les_2_semaines": "biweekly",
                "mensuelle": "monthly", "trimestrielle": "quarterly"}

    def due_count(self, start: date, last: date) -> int:
        """How many due dates fall after ``start`` and on or before ``last``, without listing them."""
        if self in (Rhythm.WEEKLY, Rhythm.BIWEEKLY):
            return max((last - start).days // (7 if self is Rhythm.WEEKLY else 14), 0)
        step = 1 if self is Rhythm.MONTHLY else 3
        periods = ((last.year - start.year) * 12 + last.month - start.month) // step
        if periods > 0 and self.due(start, periods) > last:
            periods -= 1
        return max(periods, 0)

    def due(self, start: date, count: int) -> date:
        """The ``count``-th due date after ``start``: whole weeks, or calendar months clipped to the month's end."""
        if self is Rhythm.WEEKLY:
            return start + timedelta(weeks=count)
        if self is Rhythm.BIWEEKLY:
            return start + timedelta(weeks=2 * count)
        return values.add_months(start, count * (1 if self is Rhythm.MONTHLY else 3))


class Weekday(values.Choice):
    """A day of the week; ``index`` is 0 for Monday, as in :mod:`datetime`."""

    MONDAY = "lundi"
    TUESDAY = "mardi"
    WEDNESDAY = "mercredi"
    THURSDAY = "jeudi"
    FRIDAY = "vendredi"
    SATURDAY = "samedi"
    SUNDAY = "dimanche"

    @classmethod
    def english_aliases(cls) -> dict[str, str]:  # noqa: D102
        return {"lundi": "monday", "mardi": "tuesday", "mercredi": "wednesday", "jeudi": "thursday",
                "vendredi": "friday", "samedi": "saturday", "dimanche": "sunday"}

    @property
    def number(self) -> int:
        """0 for Monday … 6 for Sunday, as :meth:`datetime.date.weekday`."""
        return list(Weekday).index(self)


class TimeOfDay(values.Choice):
    """Morning, afternoon or evening, each with its default hour."""

    MORNING = "matin"
    AFTERNOON = "apres_midi"
    EVENING = "soir"

    @classmethod
    def english_aliases(cls) -> dict[str, str]:  # noqa: D102
        return {"matin": "morning", "apres_midi": "afternoon", "soir": "evening"}

    @property
    def hour(self) -> time:
        """09:00, 14:00 or 18:00."""
        return {TimeOfDay.MORNING: time(9), TimeOfDay.AFTERNOON: time(14), TimeOfDay.EVENING: time(18)}[self]


class Domain(values.Choice):
    """The four domains of the ideal week."""

    ME = "moi"
    FAMILY = "famille"
    SOCIAL = "social"
    BUSINESS = "entreprise"

    @classmethod
    def english_aliases(cls) -> dict[str, str]:  # noqa: D102
        return {"moi": "me", "famille": "family", "entreprise": "business"}


class IndicatorKind(values.Choice):
    """A tracking indicator steers the action; a result indicator says whether the objective is reached."""

    TRACKING = "suivi"
    RESULT = "resultat"

    @classmethod
    def english_aliases(cls) -> dict[str, str]:  # noqa: D102
        return {"suivi": "tracking", "resultat": "result"}


def key(fr: str, en: str, doc_fr: str, doc_en: str, default: Any = ..., **kwargs: Any) -> Any:
    """A field of the format: French key, English alias and bilingual help text."""
    return Field(
        default,
        alias=fr,
        description=doc_fr,
        json_schema_extra={"en": en, "description_en": doc_en},
        **kwargs,
    )


def _acknowledgement_reason(value: Any) -> str:
    # A reason is what the trainer reads: a blank one says nothing (E303).
    if isinstance(value, str) and value.strip():
        return value
    raise ValueProblem("E303", value=value)


AcknowledgementReason = Annotated[str, _wrap(_acknowledgement_reason)]
# Codes are checked against the warning rules by pac_gen.check.acknowledge (E301, E302): the
# schema only asks for the shape of a warning code, so that a new warning needs no new schema.
AcknowledgedWarnings = Annotated[dict[str, AcknowledgementReason], WithJsonSchema({
    "type": "object",
    "propertyNames": {"pattern": "^W[0-9]{3,4}$", "errorMessage": "schema.error.warning_code"},
    "additionalProperties": {"type": _TEXT_TYPES, "minLength": 1, "pattern": "\\S",
                             "errorMessage": "schema.error.reason"},
    "examples": [{"W601": "Budget financé par la subvention régionale"}],
})]


def acknowledged_warnings() -> Any:
    """The key every item that can carry a warning has, to keep one on purpose (:mod:`pac_gen.check.acknowledge`)."""
    return key("avertissements_acceptes", "acknowledged_warnings",
               "Avertissements que tu gardes en connaissance de cause, là où ils s'affichent : "
               "le code (W601) et une courte raison. Ils ne comptent plus pour --strict.",
               "Warnings you keep on purpose, where they are reported: the code (W601) and a short "
               "reason. They no longer count for --strict.", {})


class Section(BaseModel):
    """Base of every part of a plan: unknown keys are refused, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


TextList = list[Text]


class Objective(Section):
    """The one objective a plan serves."""

    statement: Text = key("intitule", "statement", "L'objectif, par exemple « Augmenter le trafic de mon site de 20 % ».",
                          "The objective, e.g. “Increase my site's traffic by 20%”.")
    deadline: DateValue = key("echeance", "deadline", "Date à laquelle l'objectif doit être atteint.",
                              "Date by which the objective must be reached.")
    start: DateValue | None = key("debut", "start", "Début du plan ; par défaut le plus ancien lancement d'action.",
                                  "Start of the plan; default: the earliest action launch.", None)
    stage: choice(Stage) = key("phase", "stage", "demarrage (×3) ou developpement (×2) : règle la loi des nombres.",  # type: ignore[valid-type]
                               "startup (×3) or growth (×2): drives the law of numbers.", Stage.STARTUP)
    acknowledged: AcknowledgedWarnings = acknowledged_warnings()


class PastAction(Section):
    """An action carried out before the plan, with what it taught."""

    action: Text = key("action", "action", "L'action déjà menée.", "The action carried out.")
    strengths: TextList = key("atouts", "strengths", "Ce qui a bien marché.", "What worked.", [])
    obstacles: TextList = key("freins", "obstacles", "Ce qui a freiné.", "What held it back.", [])
    effective: Flag | None = key("efficace", "effective", "L'action a-t-elle été efficace ? (oui/non)",
                                 "Was it effective? (yes/no)", None)


class LawOfNumbers(Section):
    """How many attempts for how many results: 3 appointments wanted, 9 SMS planned."""

    target_result: int = key("resultat_vise", "target_result", "Le nombre de résultats voulus (ex. 3 rendez-vous).",
                             "How many results are wanted (e.g. 3 appointments).", ge=0, le=values.MAX_NUMBER)
    planned_volume: int = key("volume_prevu", "planned_volume", "Le nombre d'actions prévues (ex. 9 SMS).",
                              "How many attempts are planned (e.g. 9 SMS).", ge=0, le=values.MAX_NUMBER)
    unit: Text | None = key("unite", "unit", "Ce que l'on compte (SMS, appels, rendez-vous…).",
                            "What is counted (SMS, calls, appointments…).", None)


class Task(Section):
    """One step of an action, with its owner, deadline, means and status."""

    id: Slug | None = key("id", "id", "Identifiant court, unique dans le plan : l'événement d'agenda de la tâche "
                          "garde son identité quand elle change de texte ou d'action.",
                          "Short id, unique in the plan: the task's calendar event keeps its identity "
                          "when its text or action changes.", None)
    task: Text = key("tache", "task", "Ce qu'il faut faire.", "What to do.")
    owner: Text | None = key("responsable", "owner", "Qui s'en charge.", "Who does it.", None)
    due: DateValue | None = key("date_limite", "due", "Date limite de la tâche.", "Deadline of the task.", None)
    duration: DurationValue | None = key("duree", "duration", "Temps à y passer : 2h, 1h30, ½ journée, 1 jour…",
                                         "Effort: 2h, 1h30, half day, 1 day…", None)
    means: Text | None = key("moyens", "means", "Outil ou moyen utilisé.", "Tool or means used.", None)
    budget: Money | None = key("budget", "budget", "Budget de la tâche, dans la devise du plan.",
                               "Budget of the task, in the plan's currency.", None)
    status: choice(Status) = key("statut", "status", "a_faire, en_cours, fait ou abandonne.",  # type: ignore[valid-type]
                                 "todo, doing, done or dropped.", Status.TODO)
    done_on: DateValue | None = key("fait_le", "done_on", "Date à laquelle la tâche a été faite.",
                                    "Date the task was done.", None)
    comments: Markdown | None = key("commentaires", "comments", "Commentaires (Markdown).", "Comments (Markdown).", None)
    result: Markdown | None = key("resultat", "result", "Résultat obtenu (Markdown).", "Result obtained (Markdown).", None)
    acknowledged: AcknowledgedWarnings = acknowledged_warnings()


class Action(Section):
    """One of the actions chosen to reach the objective."""

    id: Slug | None = key("id", "id", "Identifiant court (par défaut : le titre en minuscules avec des tirets).",
                          "Short id (default: the title as a slug).", None)
    title: Text = key("intitule", "title", "L'action, par exemple « Mettre en place une boutique sur le site ».",
                      "The action, e.g. “Set up a shop on the site”.")
    kind: choice(ActionKind) = key("type", "kind", "prospection, communication ou fidelisation.",  # type: ignore[valid-type]
                                   "prospecting, communication or retention.")
    term: choice(Term) | None = key("horizon", "term", "court, moyen ou long terme.",  # type: ignore[valid-type]
                                    "short, medium or long term.", None)
    start: DateValue | None = key("lancement", "start", "Date de lancement.", "Launch date.", None)
    due: DateValue | None = key("date_limite", "due", "Date limite de l'action.", "Deadline of the action.", None)
    owner: Text | None = key("responsable", "owner", "Qui pilote l'action.", "Who leads the action.", None)
    current_means: TextList = key("moyens_actuels", "current_means",
                                  "Moyens déjà disponibles : temps, argent, compétences, outils.",
                                  "Means already available: time, money, skills, tools.", [])
    means_needed: TextList = key("moyens_a_prevoir", "means_needed", "Investissements encore à faire.",
                                 "Investments still to make.", [])
    budget: Money | None = key("budget", "budget", "Budget de l'action.", "Budget of the action.", None)
    law_of_numbers: LawOfNumbers | None = key("loi_des_nombres", "law_of_numbers",
                                              "Résultat visé, volume prévu et unité.",
                                              "Target result, planned volume and unit.", None)
    tasks: list[Task] = key("taches", "tasks", "Les tâches de l'action.", "The action's tasks.", [])
    acknowledged: AcknowledgedWarnings = acknowledged_warnings()

    @property
    def key(self) -> str:
        """The action's id, explicit or derived from its title."""
        return self.id or values.slugify(self.title)


class Ritual(Section):
    """A recurring action placed in the agenda for a period."""

    id: Slug | None = key("id", "id", "Identifiant court, unique dans le plan : les abonnés à l'agenda gardent "
                          "le rituel quand son texte change.",
                          "Short id, unique in the plan: calendar subscribers keep the ritual when its "
                          "text changes.", None)
    ritual: Text = key("rituel", "ritual", "Ce que l'on fait à chaque fois.", "What is done each time.")
    frequency: choice(Frequency) | None = key(  # type: ignore[valid-type]
        "frequence", "frequency", "quotidienne, hebdomadaire, toutes_les_2_semaines ou mensuelle.",
        "daily, weekly, biweekly or monthly.", None)
    rrule: Text | None = key("rrule", "rrule", "Règle RFC 5545 pour ce que les mots ne disent pas (ex. FREQ=MONTHLY;BYDAY=1MO).",
                             "RFC 5545 rule for what the words cannot say (e.g. FREQ=MONTHLY;BYDAY=1MO).", None)
    days: list[choice(Weekday)] = key("jours", "days", "Jours de la semaine (lundi…dimanche).",  # type: ignore[valid-type]
                                      "Days of the week (monday…sunday).", [])
    time_of_day: choice(TimeOfDay) | None = key("moment", "time_of_day",  # type: ignore[valid-type]
                                                "matin (9h), apres_midi (14h) ou soir (18h).",
                                                "morning (9am), afternoon (2pm) or evening (6pm).", None)
    time: TimeValue | None = key("heure", "time", "Heure de début HH:MM (remplace le moment).",
                                 "Start time HH:MM (overrides time_of_day).", None)
    duration: DurationValue | None = key("duree", "duration", "Durée de chaque séance (1h par défaut).",
                                         "Length of each occurrence (default 1h).", None)
    start: DateValue = key("debut", "start", "Premier jour possible du rituel.", "First day the ritual may happen.")
    end: DateValue | None = key("fin", "end", "Dernier jour possible du rituel (inclus).",
                                "Last day the ritual may happen (included).", None)
    span: SpanValue | None = key("pendant", "for", "Durée du rituel depuis son début : 3 mois, 12 semaines…",
                                 "How long the ritual runs from its start: 3 months, 12 weeks…", None)
    action: Slug | None = key("action", "action", "Id de l'action que le rituel sert.", "Id of the action it serves.", None)
    domain: choice(Domain) = key("domaine", "domain", "moi, famille, social ou entreprise (par défaut).",  # type: ignore[valid-type]
                                 "me, family, social or business (default).", Domain.BUSINESS)
    acknowledged: AcknowledgedWarnings = acknowledged_warnings()

    @property
    def key(self) -> str:
        """The ritual's id, explicit or derived from its text."""
        return self.id or values.slugify(self.ritual)


class Measurement(Section):
    """One dated value of an indicator."""

    date: DateValue = key("date", "date", "Date de la mesure.", "Date of the measurement.")
    value: Number = key("valeur", "value", "Valeur mesurée.", "Measured value.")


class Indicator(Section):
    """A tracking or result indicator with its initial and target values."""

    id: Slug | None = key("id", "id", "Identifiant court.", "Short id.", None)
    name: Text = key("indicateur", "indicator", "Ce qui est mesuré, ex. « Chiffre d'affaires sur 3 mois ».",
                     "What is measured, e.g. “Turnover over 3 months”.")
    kind: choice(IndicatorKind) = key("type", "kind", "suivi (pilote l'action) ou resultat (dit si l'objectif est atteint).",  # type: ignore[valid-type]
                                      "tracking (steers the action) or result (says whether the objective is reached).")
    unit: Text | None = key("unite", "unit", "Unité : €, contacts, %…", "Unit: €, contacts, %…", None)
    initial: Number = key("valeur_initiale", "initial", "Valeur de référence avant le plan.",
                          "Reference value before the plan.")
    target: Number = key("valeur_cible", "target", "Valeur à atteindre à l'échéance (plus basse que l'initiale si moins = mieux).",
                         "Value to reach by the deadline (below the initial one when lower is better).")
    source: Text | None = key("outil", "source", "D'où viennent les valeurs (CRM, Excel, Instagram…).",
                              "Where the values come from (CRM, Excel, Instagram…).", None)
    journey_phase: int | None = key("phase", "journey_phase", "Phase du parcours client mesurée (1 à 7).",
                                    "Phase of the customer journey measured (1 to 7).", None, ge=1, le=7)
    measurements: list[Measurement] = key("mesures", "measurements",
                                          "Mesures datées : « 2026-01-31: 120 » ou une liste de {date, valeur}.",
                                          "Dated measurements: “2026-01-31: 120” or a list of {date, value}.", [])
    rhythm: choice(Rhythm) | None = key(  # type: ignore[valid-type]
        "periodicite", "frequency", "Tous les combien l'indicateur est relevé : hebdomadaire, toutes_les_2_semaines, "
        "mensuelle ou trimestrielle.", "How often the indicator is measured: weekly, biweekly, monthly or quarterly.",
        None)
    acknowledged: AcknowledgedWarnings = acknowledged_warnings()

    @property
    def key(self) -> str:
        """The indicator's id, explicit or derived from its name."""
        return self.id or values.slugify(self.name)

    @property
    def lower_is_better(self) -> bool:
        """True when the target is below the initial value (complaints, cancellations)."""
        return self.target < self.initial


class Obstacle(Section):
    """What could prevent the actions, and the solutions."""

    obstacle: Text = key("frein", "obstacle", "Ce qui pourrait empêcher l'action.", "What could prevent the action.")
    within_my_control: Flag | None = key("depend_de_moi", "within_my_control", "Ce frein dépend-il de moi ? (oui/non)",
                                         "Is it within my control? (yes/no)", None)
    causes: TextList = key("causes", "causes", "Les causes du frein.", "Its causes.", [])
    solutions: TextList = key("solutions", "solutions", "Les solutions envisagées.", "The solutions considered.", [])
    action: Slug | None = key("action", "action", "Id de l'action concernée.", "Id of the action concerned.", None)
    acknowledged: AcknowledgedWarnings = acknowledged_warnings()


class TeamMember(Section):
    """A partner, contractor, intern or collaborator."""

    name: Text = key("nom", "name", "Nom.", "Name.")
    role: Text | None = key("role", "role", "Rôle dans le plan.", "Role in the plan.", None)
    cost: Money | None = key("cout", "cost", "Coût.", "Cost.", None)
    availability: Text | None = key("disponibilite", "availability", "Disponibilité.", "Availability.", None)


class Block(Section):
    """A block of the ideal week: from, to, domain and activity."""

    start: TimeValue = key("de", "from", "Heure de début HH:MM.", "Start time HH:MM.")
    end: TimeValue = key("a", "to", "Heure de fin HH:MM.", "End time HH:MM.")
    domain: choice(Domain) = key("domaine", "domain", "moi, famille, social ou entreprise.",  # type: ignore[valid-type]
                                 "me, family, social or business.")
    activity: Text | None = key("activite", "activity", "L'activité prévue.", "The planned activity.", None)


def _decision_from_text(value: Any) -> Any:
    # A decision may be written as a plain sentence: it is the mapping's `decision`.
    return {"decision": value} if isinstance(value, str) else value


class Decision(Section):
    """What a review decides to change, optionally linked to an action and due by a date."""

    decision: Text = key("decision", "decision", "Ce que l'on change.", "What changes.")
    action: Slug | None = key("action", "action", "Id de l'action concernée.", "Id of the action concerned.", None)
    due: DateValue | None = key("echeance", "due", "Date à laquelle la décision doit être appliquée.",
                                "Date by which the decision is carried out.", None)


DecisionItem = Annotated[Decision, BeforeValidator(_decision_from_text, json_schema_input_type=Text | Decision)]


class Review(Section):
    """One dated review of the follow-up log (v1.1): what the indicators show and what is decided."""

    date: DateValue = key("date", "date", "Date de la revue.", "When the review took place.")
    findings: Markdown | None = key("constat", "findings", "Ce que montrent les indicateurs et les actions (Markdown).",
                                    "What the indicators and actions show (Markdown).", None)
    indicators: list[Slug] = key("indicateurs", "indicators", "Ids des indicateurs examinés.",
                                 "Ids of the indicators looked at.", [])
    on_track: Flag | None = key("coherent", "on_track", "Les résultats sont-ils cohérents avec l'objectif ? (oui/non)",
                                "Are the results consistent with the objective? (yes/no)", None)
    good_practices: TextList = key("bonnes_pratiques", "good_practices", "Ce qui marche et que l'on garde.",
                                   "What works and is kept.", [])
    decisions: list[DecisionItem] = key("decisions", "decisions",
                                        "Ce que l'on change : un texte, ou {decision, action, echeance}.",
                                        "What changes: a text, or {decision, action, due}.", [])
    acknowledged: AcknowledgedWarnings = acknowledged_warnings()


def _level(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10:
        return value
    raise ValueProblem("E123", value=value)


Level = Annotated[int, Ge(0), Le(10), _wrap(_level)]


class Motivation(Section):
    """The learner's commitment (v1.1): level 0–10, what would raise it, alone or in a group, hours set aside."""

    level: Level | None = key("niveau", "level", "Motivation de 0 à 10.", "Motivation from 0 to 10.", None)
    boosters: TextList = key("leviers", "boosters", "Ce qui augmenterait la motivation.",
                             "What would raise the motivation.", [])
    in_group: Flag | None = key("en_groupe", "in_group", "Travailler en groupe ? (oui/non)",
                                "Working in a group? (yes/no)", None)
    planned_hours: Number | None = key("heures_prevues", "planned_hours", "Heures mises de côté pour le plan.",
                                       "Hours set aside for the plan.", None, gt=0)


class Plan(Section):
    """One plan file: one objective and the actions, rituals and indicators that serve it."""

    title: Text | None = key("titre", "title", "Titre du plan ; par défaut l'objectif.",
                             "Title of the plan; default: the objective.", None)
    author: Text | None = key("auteur", "author", "L'apprenant·e.", "The learner.", None)
    strategy: Markdown | None = key("strategie", "strategy", "Rappel de la stratégie commerciale (Markdown).",
                                    "Reminder of the commercial strategy (Markdown).", None)
    currency: Currency = key("devise", "currency", "Code ISO 4217 de la monnaie (EUR par défaut).",
                             "ISO 4217 currency code (default EUR).", "EUR")
    objective: Objective = key("objectif", "objective", "L'objectif du plan.", "The plan's objective.")
    past_actions: list[PastAction] = key("bilan", "past_actions", "Actions déjà menées et ce qui a marché.",
                                         "Actions carried out before, and what worked.", [])
    actions: list[Action] = key("actions", "actions", "Les actions choisies pour atteindre l'objectif.",
                                "The actions chosen to reach the objective.", min_length=1)
    rituals: list[Ritual] = key("rituels", "rituals", "Actions récurrentes placées dans l'agenda.",
                                "Recurring actions placed in the agenda.", [])
    indicators: list[Indicator] = key("indicateurs", "indicators", "Indicateurs de suivi et de résultat.",
                                      "Tracking and result indicators.", [])
    obstacles: list[Obstacle] = key("freins", "obstacles", "Ce qui pourrait empêcher les actions, et les solutions.",
                                    "What could prevent the actions, and the solutions.", [])
    team: list[TeamMember] = key("equipe", "team", "Partenaires, prestataires, stagiaires, collaborateurs.",
                                 "Partners, contractors, interns, collaborators.", [])
    ideal_week: dict[choice(Weekday), list[Block]] | None = key(  # type: ignore[valid-type]
        "semaine_ideale", "ideal_week", "La semaine idéale : pour chaque jour, des blocs {de, a, domaine, activite}.",
        "The ideal week: for each day, blocks {from, to, domain, activity}.", None)
    notes: Markdown | None = key("notes", "notes", "Réflexion libre (Markdown).", "Free reflection (Markdown).", None)
    reviews: list[Review] = key("suivi", "reviews", "Le journal de suivi : les revues datées et leurs décisions.",
                                "The follow-up log: dated reviews and their decisions.", [])
    motivation: Motivation | None = key("motivation", "motivation",
                                        "Motivation (0 à 10), leviers, en groupe, heures prévues.",
                                        "Motivation (0 to 10), boosters, in a group, planned hours.", None)
    confidential: Flag = key("confidentiel", "confidential",
                             "oui : le plan est validé mais pas publié (sauf option include_confidential).",
                             "yes: the plan is validated but not published (unless include_confidential).", False)
    acknowledged: AcknowledgedWarnings = acknowledged_warnings()

    @property
    def display_title(self) -> str:
        """The title, or the objective when there is none."""
        return self.title or self.objective.statement

    @property
    def owner(self) -> str:
        """Whose plan it is, as calendars and feeds name it on every entry: the learner, else the title."""
        return self.author or self.display_title

    @property
    def start(self) -> date:
        """The objective's start, else the earliest action launch, else the earliest date in the plan."""
        return plan_start(self.objective, self.actions, self.rituals)


def plan_start(objective: Objective, actions: list[Action], rituals: list[Ritual]) -> date:
    """When a plan starts: ``objectif.debut``, else the earliest action launch, else its earliest date.

    A function rather than only :attr:`Plan.start` so that parts of a plan (what
    the review could read of an invalid file) get the same answer.
    """
    if objective.start is not None:
        return objective.start
    launches = [a.start for a in actions if a.start is not None]
    if launches:
        return min(launches)
    dated = [r.start for r in rituals] + [t.due for a in actions for t in a.tasks if t.due]
    return min([*dated, objective.deadline])
