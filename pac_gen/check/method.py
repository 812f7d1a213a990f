"""The method's coherence questions, asked of a valid plan, one rule each: a
warning with a stable code (``W101``…), its message and fix in the catalogue, and
an example plan that the reference page shows and the tests run.

Warnings never stop a normal build; ``--strict`` turns them into failures.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from pac_gen.agenda.model import ritual_slots
from pac_gen.check.problems import Severity
from pac_gen.check.rules import Context, Finding, RuleSet
from pac_gen.format import examples, metrics, recurrence
from pac_gen.format.model import Domain, IndicatorKind, Plan, Term, Weekday
from pac_gen.format.values import add_months
from pac_gen.text import Amount, choice_word, text, with_unit

WARNINGS = RuleSet(Severity.WARNING)
rule = WARNINGS.rule


# --- 1. Dates after the objective's deadline, tasks after their action, launch after due


@rule("W101", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    date_limite: 2026-07-15  # ← W101
""")
def action_after_deadline(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An action launched or due after the objective's deadline."""
    deadline = plan.objective.deadline
    for index, action in enumerate(plan.actions):
        for key, when in (("lancement", action.start), ("date_limite", action.due)):
            if when is not None and when > deadline:
                yield Finding(("actions", index, key), {"title": action.title, "date": when, "deadline": deadline})


@rule("W102", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    taches:
      - tache: Relancer les indécis
        date_limite: 2026-07-10  # ← W102
""")
def task_after_deadline(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A task due after the objective's deadline."""
    deadline = plan.objective.deadline
    for index, action in enumerate(plan.actions):
        for t_index, task in enumerate(action.tasks):
            if task.due is not None and task.due > deadline:
                yield Finding(("actions", index, "taches", t_index, "date_limite"),
                              {"title": task.task, "date": task.due, "deadline": deadline})


@rule("W103", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
rituels:
  - rituel: Revue de la semaine
    frequence: hebdomadaire
    debut: 2026-03-06
    pendant: 6 mois  # ← W103
""")
def ritual_after_deadline(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A ritual that runs past the objective's deadline (or starts after it)."""
    deadline = plan.objective.deadline
    for index, ritual in enumerate(plan.rituals):
        last = recurrence.last_day(ritual)
        args = {"title": ritual.ritual, "date": last, "deadline": deadline}
        if ritual.start > deadline:
            yield Finding(("rituels", index, "debut"), args)
        elif last > deadline:
            yield Finding(("rituels", index, "fin" if ritual.end is not None else "pendant"), args)


@rule("W104", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    date_limite: 2026-04-30
    taches:
      - tache: Relancer les indécis
        date_limite: 2026-05-15  # ← W104
""")
def task_after_its_action(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A task due after its action's deadline (but not after the objective's: that is W102)."""
    deadline = plan.objective.deadline
    for index, action in enumerate(plan.actions):
        for t_index, task in enumerate(action.tasks):
            if (task.due is not None and action.due is not None and task.due <= deadline
                    and task.due > action.due):
                yield Finding(("actions", index, "taches", t_index, "date_limite"),
                              {"title": task.task, "date": task.due, "due": action.due})


@rule("W105", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    lancement: 2026-05-01  # ← W105
    date_limite: 2026-04-30
""")
def launch_after_due(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An action launched after its own deadline."""
    for index, action in enumerate(plan.actions):
        if action.start is not None and action.due is not None and action.start > action.due:
            yield Finding(("actions", index, "lancement"),
                          {"title": action.title, "start": action.start, "due": action.due})


# --- 2. Are the actions consistent with the deadline?


def short_objective(plan: Plan) -> bool:
    """True when the objective is due within 3 months of the plan's start."""
    return plan.objective.deadline <= add_months(plan.start, 3)


@rule("W201", example="""\
objectif:
  intitule: Vendre 20 coffrets de Noël
  debut: 2026-10-01
  echeance: 2026-12-20
actions:
  - intitule: Stand au marché de Noël
    type: prospection
    horizon: court
  - intitule: Créer une communauté en ligne
    type: communication
    horizon: long  # ← W201
""")
def long_action_short_objective(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A long-term action for an objective less than 3 months away."""
    if short_objective(plan):
        for index, action in enumerate(plan.actions):
            if action.term is Term.LONG:
                yield Finding(("actions", index, "horizon"), {"title": action.title})


@rule("W202", example="""\
objectif:
  intitule: Vendre 20 coffrets de Noël
  debut: 2026-10-01
  echeance: 2026-12-20
actions:
  - intitule: Refaire le site  # ← W202
    type: communication
    horizon: moyen
""")
def no_short_action(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """No short-term action for an objective less than 3 months away."""
    if short_objective(plan) and not any(a.term is Term.SHORT for a in plan.actions):
        yield Finding(("actions",))


# --- 3. The law of numbers: ×3 at start-up, ×2 in growth


@rule("W301", example="""\
objectif:
  intitule: Signer 3 contrats de maintenance
  debut: 2026-03-01
  echeance: 2026-09-30
  phase: demarrage
actions:
  - intitule: Envoyer des SMS aux anciens clients
    type: prospection
    loi_des_nombres:
      resultat_vise: 3
      volume_prevu: 5  # ← W301 (3 × 3 = 9)
      unite: SMS
""")
def law_of_numbers(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A planned volume below the target result times the stage's multiplier."""
    multiplier = plan.objective.stage.multiplier
    for index, action in enumerate(plan.actions):
        law = action.law_of_numbers
        if law is not None and law.planned_volume < law.target_result * multiplier:
            yield Finding(("actions", index, "loi_des_nombres", "volume_prevu"),
                          {"volume": law.planned_volume, "target": law.target_result,
                           "multiplier": multiplier, "needed": law.target_result * multiplier})


# --- 4. Indicators: at least one of each kind, each with its source


def _indicators_path(plan: Plan) -> tuple[Any, ...]:
    return ("indicateurs",) if plan.indicators else ()


@rule("W401", example="""\
objectif:
  intitule: Augmenter le trafic du site de 20 %
  debut: 2026-03-01
  echeance: 2026-09-30
actions:
  - intitule: Publier deux articles par mois
    type: communication
indicateurs:
  - indicateur: Articles publiés  # ← W401
    type: suivi
    valeur_initiale: 0
    valeur_cible: 12
    outil: WordPress
""")
def no_result_indicator(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """No result indicator."""
    if all(i.kind is not IndicatorKind.RESULT for i in plan.indicators):
        yield Finding(_indicators_path(plan))


@rule("W402", example="""\
objectif:
  intitule: Augmenter le trafic du site de 20 %
  debut: 2026-03-01
  echeance: 2026-09-30
actions:
  - intitule: Publier deux articles par mois
    type: communication
indicateurs:
  - indicateur: Visiteurs par mois  # ← W402
    type: resultat
    valeur_initiale: 1000
    valeur_cible: 1200
    outil: Matomo
""")
def no_tracking_indicator(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """No tracking indicator."""
    if all(i.kind is not IndicatorKind.TRACKING for i in plan.indicators):
        yield Finding(_indicators_path(plan))


@rule("W403", example="""\
objectif:
  intitule: Augmenter le trafic du site de 20 %
  debut: 2026-03-01
  echeance: 2026-09-30
actions:
  - intitule: Publier deux articles par mois
    type: communication
indicateurs:
  - indicateur: Visiteurs par mois  # ← W403
    type: resultat
    valeur_initiale: 1000
    valeur_cible: 1200
""")
def indicator_without_source(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An indicator that does not say where its values come from."""
    for index, indicator in enumerate(plan.indicators):
        if not indicator.source:
            yield Finding(("indicateurs", index), {"title": indicator.name})


# --- 5. Obstacles without a solution


@rule("W501", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
freins:
  - frein: Je n'ose pas appeler  # ← W501
    depend_de_moi: oui
""")
def obstacle_without_solution(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An obstacle with no solution."""
    for index, obstacle in enumerate(plan.obstacles):
        if not obstacle.solutions:
            yield Finding(("freins", index), {"title": obstacle.obstacle})


# --- 6. Task budgets above their action's budget


@rule("W601", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Stand au salon de l'habitat
    type: prospection
    budget: 200  # ← W601
    taches:
      - tache: Louer le stand
        budget: 150
      - tache: Imprimer les flyers
        budget: 100
""")
def tasks_over_budget(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """Tasks whose budgets add up to more than their action's."""
    for index, action in enumerate(plan.actions):
        total = metrics.tasks_budget(action)
        if action.budget is not None and total > action.budget:
            yield Finding(("actions", index, "budget"), {"title": action.title, "total": Amount(total, plan.currency),
                                                             "budget": Amount(action.budget, plan.currency)})


# --- 7. Rituals outside the ideal week's blocks of their domain


@rule("W701", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
rituels:
  - rituel: Appels de prospection  # ← W701
    frequence: hebdomadaire
    jours: [mercredi]
    moment: apres_midi
    debut: 2026-03-04
    pendant: 8 semaines
semaine_ideale:
  mercredi:
    - {de: "09:00", a: "12:00", domaine: entreprise}
    - {de: "13:00", a: "18:00", domaine: famille}
""")
def ritual_outside_its_blocks(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A ritual with an occurrence outside the ideal week's blocks of its domain (the first one is named)."""
    if plan.ideal_week is None:
        return
    lang = ctx.settings.lang
    for index, ritual in enumerate(plan.rituals):
        try:
            outside = [slot.first for slot in ritual_slots(plan, index, ctx.settings) if slot.outside]
        except (ValueError, TypeError, OverflowError):
            continue  # an invalid rrule is already an error
        if outside:
            first = outside[0]
            domain = (ritual.domain or Domain.BUSINESS).value
            yield Finding(("rituels", index), {
                "title": ritual.ritual, "day": choice_word(list(Weekday)[first.weekday()].value, lang),
                "time": first.strftime("%H:%M"), "domain": choice_word(domain, lang).lower()})


# --- 8. Measurements outside the plan's period


@rule("W801", example="""\
objectif:
  intitule: Augmenter le trafic du site de 20 %
  debut: 2026-03-01
  echeance: 2026-09-30
actions:
  - intitule: Publier deux articles par mois
    type: communication
indicateurs:
  - indicateur: Visiteurs par mois
    type: resultat
    valeur_initiale: 1000
    valeur_cible: 1200
    outil: Matomo
    mesures:
      2026-10-31: 1250  # ← W801
""")
def measurement_after_deadline(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A measurement dated after the objective's deadline."""
    deadline = plan.objective.deadline
    for index, indicator in enumerate(plan.indicators):
        for m_index, measurement in enumerate(indicator.measurements):
            if measurement.date > deadline:
                yield Finding(("indicateurs", index, "mesures", m_index, "date"),
                              {"date": measurement.date, "deadline": deadline})


@rule("W802", example="""\
objectif:
  intitule: Augmenter le trafic du site de 20 %
  debut: 2026-03-01
  echeance: 2026-09-30
actions:
  - intitule: Publier deux articles par mois
    type: communication
indicateurs:
  - indicateur: Visiteurs par mois
    type: resultat
    valeur_initiale: 1000
    valeur_cible: 1200
    outil: Matomo
    mesures:
      2026-02-01: 980  # ← W802
""")
def measurement_before_start(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A measurement dated before the plan's start (it belongs in the initial value); more than a year before is W1201."""
    start = plan.start  # computed from the whole plan: once per rule, not once per date
    for index, indicator in enumerate(plan.indicators):
        for m_index, measurement in enumerate(indicator.measurements):
            if (measurement.date < start and measurement.date <= plan.objective.deadline
                    and not far_before(measurement.date, start)):  # far before: W1201
                yield Finding(("indicateurs", index, "mesures", m_index, "date"),
                              {"date": measurement.date, "start": start})


# --- 9. Reviews: decide what changes when off track, keep what works when on track


@rule("W901", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
suivi:
  - date: 2026-04-03
    constat: Deux rendez-vous seulement sur vingt appels.
    coherent: non  # ← W901
""")
def off_track_without_decision(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A review that finds the results off track and decides nothing."""
    for index, review in enumerate(plan.reviews):
        if review.on_track is False and not review.decisions:
            yield Finding(("suivi", index, "coherent"), {"date": review.date})


@rule("W902", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
suivi:
  - date: 2026-04-03
    constat: Trois rendez-vous pris, comme prévu.
    coherent: oui  # ← W902
""")
def on_track_without_good_practice(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A review that finds the results on track and names no good practice to keep."""
    for index, review in enumerate(plan.reviews):
        if review.on_track is True and not review.good_practices:
            yield Finding(("suivi", index, "coherent"), {"date": review.date})


# --- 10. An indicator that drifts with no review looking at it


@rule("W1001", example="""\
objectif:
  intitule: Augmenter le trafic du site de 20 %
  debut: 2026-03-01
  echeance: 2026-09-30
actions:
  - intitule: Publier deux articles par mois
    type: communication
indicateurs:
  - indicateur: Visiteurs par mois  # ← W1001
    type: resultat
    valeur_initiale: 1000
    valeur_cible: 1200
    outil: Matomo
    mesures:
      2026-05-31: 1010
      2026-06-30: 1020
suivi:
  - date: 2026-05-15  # before both measurements
    indicateurs: [visiteurs-par-mois]
    coherent: oui
    bonnes_pratiques: [Un article tous les quinze jours]
""", today=date(2026, 7, 10))
def drift_without_review(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An indicator behind its path at its last two measurements, with no review since the first of them.

    Only asked of a plan that keeps a follow-up log (``suivi``, even empty): a v1
    plan, written before the log existed, keeps its pages and its strict builds.
    """
    if "reviews" not in plan.model_fields_set:
        return
    today = ctx.settings.today
    start, deadline = plan.start, plan.objective.deadline
    for index, indicator in enumerate(plan.indicators):
        known = metrics.measurements_until(indicator, today)
        if len(known) < 2:
            continue
        first, second = known[-2:]
        if not all(metrics.measurement_status(indicator, m, start, deadline) is metrics.IndicatorStatus.LATE
                   for m in (first, second)):
            continue
        if not any(r.date >= first.date for r in metrics.reviews_of(plan, indicator, today)):
            yield Finding(("indicateurs", index), {"title": indicator.name, "first": first.date, "second": second.date})


# --- 11. Dates after today: they do not count yet


@rule("W1101", example="""\
objectif:
  intitule: Augmenter le trafic du site de 20 %
  debut: 2026-03-01
  echeance: 2026-09-30
actions:
  - intitule: Publier deux articles par mois
    type: communication
indicateurs:
  - indicateur: Visiteurs par mois
    type: resultat
    valeur_initiale: 1000
    valeur_cible: 1200
    outil: Matomo
    mesures:
      2026-04-30: 1050
      2026-05-31: 1080  # ← W1101 (aujourd'hui : 2026-05-15)
""", today=date(2026, 5, 15))
def measurement_after_today(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A measurement dated after today (and not after the deadline: that is W801); charts and statuses skip it."""
    today = ctx.settings.today
    deadline = plan.objective.deadline
    for index, indicator in enumerate(plan.indicators):
        for m_index, measurement in enumerate(indicator.measurements):
            if today < measurement.date <= deadline:
                yield Finding(("indicateurs", index, "mesures", m_index, "date"),
                              {"date": measurement.date, "today": today})


@rule("W1102", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-03-02
  echeance: 2026-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
suivi:
  - date: 2027-04-03  # ← W1102 (aujourd'hui : 2026-05-15)
    coherent: oui
    bonnes_pratiques: [Appeler le mardi matin]
""", today=date(2026, 5, 15))
def review_after_today(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A review dated after today: the page and the warnings leave it out until then."""
    today = ctx.settings.today
    for index, review in enumerate(plan.reviews):
        if review.date > today:
            yield Finding(("suivi", index, "date"), {"date": review.date, "today": today})


# --- 12. Mistakes that used to pass silently (issue 21): dates out of the plan, example content


# ``start`` is the plan's (``Plan.start``, computed from the whole plan): each rule reads it once.
def far_before(when: date, start: date) -> bool:
    """True when ``when`` is more than a year before the plan's start: a copied example date or a typo in the year."""
    return when < add_months(start, -12)


def before_start(when: date | None, start: date) -> bool:
    """True when ``when`` falls before the plan starts, but within the year before (older dates are W1201's)."""
    return when is not None and when < start and not far_before(when, start)


def _plan_dates(plan: Plan) -> Iterator[tuple[tuple[Any, ...], date]]:
    """Every date of an action, a task or a measurement, with its path."""
    for index, action in enumerate(plan.actions):
        for key, when in (("lancement", action.start), ("date_limite", action.due)):
            if when is not None:
                yield ("actions", index, key), when
        for t_index, task in enumerate(action.tasks):
            for key, when in (("date_limite", task.due), ("fait_le", task.done_on)):
                if when is not None:
                    yield ("actions", index, "taches", t_index, key), when
    for index, indicator in enumerate(plan.indicators):
        for m_index, measurement in enumerate(indicator.measurements):
            yield ("indicateurs", index, "mesures", m_index, "date"), measurement.date


@rule("W1201", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-11-02
  echeance: 2027-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    taches:
      - tache: Préparer la liste d'appels
        date_limite: 15/06/2023  # ← W1201
""")
def date_far_before_start(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An action, task or measurement date more than a year before the plan starts (the other date rules stay quiet on it)."""
    start = plan.start
    for path, when in _plan_dates(plan):
        if far_before(when, start):
            yield Finding(path, {"date": when, "start": start})


@rule("W1202", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-11-02
  echeance: 2027-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    date_limite: 2026-10-15  # ← W1202
""")
def action_due_before_start(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An action due before the plan starts (but within the year before: W1201 says the rest)."""
    start = plan.start
    for index, action in enumerate(plan.actions):
        if before_start(action.due, start):
            yield Finding(("actions", index, "date_limite"), {"title": action.title, "date": action.due, "start": start})


@rule("W1203", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-11-02
  echeance: 2027-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    taches:
      - tache: Préparer la liste d'appels
        date_limite: 2026-10-20  # ← W1203
""")
def task_due_before_start(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A task due before the plan starts (but within the year before: W1201 says the rest)."""
    start = plan.start
    for index, action in enumerate(plan.actions):
        for t_index, task in enumerate(action.tasks):
            if before_start(task.due, start):
                yield Finding(("actions", index, "taches", t_index, "date_limite"),
                              {"title": task.task, "date": task.due, "start": start})


@rule("W1204", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-11-02
  echeance: 2027-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    taches:
      - tache: Préparer la liste d'appels
        statut: fait
        fait_le: 2027-01-12  # ← W1204 (aujourd'hui : 2026-12-03)
""", today=date(2026, 12, 3))
def done_after_today(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A task marked done on a date after today."""
    today = ctx.settings.today
    for index, action in enumerate(plan.actions):
        for t_index, task in enumerate(action.tasks):
            if task.done_on is not None and task.done_on > today:
                yield Finding(("actions", index, "taches", t_index, "fait_le"),
                              {"title": task.task, "date": task.done_on, "today": today})


@rule("W1205", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-11-02
  echeance: 2027-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    taches:
      - tache: Préparer la liste d'appels
        statut: fait
        fait_le: 2026-10-28  # ← W1205
""")
def done_before_start(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """A task marked done before the plan starts (but within the year before: W1201 says the rest)."""
    start = plan.start
    for index, action in enumerate(plan.actions):
        for t_index, task in enumerate(action.tasks):
            if before_start(task.done_on, start):
                yield Finding(("actions", index, "taches", t_index, "fait_le"),
                              {"title": task.task, "date": task.done_on, "start": start})


@rule("W1206", example="""\
objectif:
  intitule: Augmenter le trafic du site de 20 %
  debut: 2026-11-02
  echeance: 2027-06-30
actions:
  - intitule: Publier deux articles par mois
    type: communication
indicateurs:
  - indicateur: Visiteurs par mois
    type: resultat
    valeur_initiale: 1000
    valeur_cible: 1000  # ← W1206
    outil: Matomo
""")
def target_equals_initial(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """An indicator whose target is its initial value: nothing to reach, no way to be late or on track."""
    for index, indicator in enumerate(plan.indicators):
        if indicator.target == indicator.initial:
            yield Finding(("indicateurs", index, "valeur_cible"),
                          {"title": indicator.name,
                           "value": with_unit(indicator.target, indicator.unit, ctx.settings.lang)})


@rule("W1207", example=f"""\
objectif:
  intitule: Gagner 5 nouveaux clients
  debut: 2026-11-02
  echeance: 2027-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    taches:
      - tache: {examples.example("task")}  # ← W1207
""")
def example_content_kept(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """Text (or a law of numbers) that ``pac-gen new`` wrote as an example and the learner never changed."""
    found: list[tuple[tuple[Any, ...], str | None, tuple[str, ...]]] = [
        (("strategie",), plan.strategy, examples.STRATEGY),
        (("objectif", "intitule"), plan.objective.statement, examples.STATEMENT),
    ]
    for index, action in enumerate(plan.actions):
        found.append((("actions", index, "intitule"), action.title, examples.ACTIONS))
        found += [(("actions", index, "taches", t_index, "tache"), task.task, examples.TASK)
                  for t_index, task in enumerate(action.tasks)]
    found += [(("indicateurs", index, "indicateur"), indicator.name, examples.INDICATORS)
              for index, indicator in enumerate(plan.indicators)]
    found += [(("rituels", index, "rituel"), ritual.ritual, examples.RITUAL) for index, ritual in enumerate(plan.rituals)]
    if plan.motivation is not None:
        found += [(("motivation", "leviers", index), booster, examples.BOOSTER)
                  for index, booster in enumerate(plan.motivation.boosters)]
    for index, obstacle in enumerate(plan.obstacles):
        found.append((("freins", index, "frein"), obstacle.obstacle, examples.OBSTACLE))
        found += [(("freins", index, "causes", c_index), cause, examples.CAUSE)
                  for c_index, cause in enumerate(obstacle.causes)]
        found += [(("freins", index, "solutions", s_index), solution, examples.SOLUTION)
                  for s_index, solution in enumerate(obstacle.solutions)]
    laws = {index: action.law_of_numbers for index, action in enumerate(plan.actions)}
    for path, value, keys in found:
        if examples.is_example(keys, value):
            yield Finding(path, {"value": value})
        if path[0] == "actions" and len(path) == 3:  # right after its action's title, in file order
            law = laws[path[1]]
            if law is not None and examples.is_example_law(law.target_result, law.planned_volume, law.unit):
                shown = text("W1207.law", ctx.settings.lang, target=law.target_result, unit=law.unit,
                             volume=law.planned_volume)
                yield Finding(("actions", path[1], "loi_des_nombres"), {"value": shown})


@rule("W1208", example="""\
objectif:
  intitule: Gagner 5 nouveaux clients
  echeance: 2027-06-30
actions:
  - intitule: Appeler les prospects du salon
    type: prospection
    lancement: 15/06/2023  # ← W1208
  - intitule: Relancer les devis
    type: fidelisation
    lancement: 2026-11-02
""")
def start_far_before_deadline(plan: Plan, ctx: Context) -> Iterator[Finding]:
    """Without ``objectif.debut`` the plan starts at its earliest launch: a launch that makes it start more
    than two years before its deadline is most likely a copied date (W1201 cannot see it: it is the start).
    """
    deadline, start = plan.objective.deadline, plan.start
    if plan.objective.start is not None or start >= add_months(deadline, -24):
        return
    for index, action in enumerate(plan.actions):
        if action.start == start:
            yield Finding(("actions", index, "lancement"), {"date": start, "deadline": deadline})
            return
