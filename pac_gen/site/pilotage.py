"""The plan page's *Pilotage* section (format v1.1): motivation, measurement rhythm and reviews.

Plain data first (:func:`steering`, which the overview and the tests read too),
then one self-contained template, ``pac_gen_steering.html``, that the plan page
places after its indicators. Findings are learner Markdown: the template passes
them through the ``markdown`` filter (nh3), like every Markdown field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from pac_gen.format import metrics
from pac_gen.format.model import Action, Decision, Indicator, Motivation, Plan, Review
from pac_gen.site.render import render
from pac_gen.text import texts


@dataclass(frozen=True, slots=True)
class DecisionView:
    """A decision with the action it changes (None when it names none)."""

    decision: Decision
    action: Action | None

    @property
    def anchor(self) -> str:
        """The action's anchor on the plan page."""
        return f"action-{self.action.key}" if self.action is not None else ""


@dataclass(frozen=True, slots=True)
class ReviewView:
    """A review as the page shows it."""

    review: Review
    indicators: list[Indicator]
    decisions: list[DecisionView]
    upcoming: bool
    anchor: str

    @property
    def verdict(self) -> str:
        """``on_track``, ``off_track`` or ``unknown``."""
        on_track = self.review.on_track
        return "unknown" if on_track is None else ("on_track" if on_track else "off_track")


@dataclass(frozen=True, slots=True)
class RhythmView:
    """An indicator measured at a rhythm, with its last measurement and next due date."""

    indicator: Indicator
    last: date | None
    due: metrics.MeasurementDue


@dataclass(frozen=True, slots=True)
class Steering:
    """Everything the *Pilotage* section shows, as of a day."""

    reviews: list[ReviewView]
    rhythms: list[RhythmView]
    motivation: Motivation | None
    last_review: date | None
    overdue: list[Indicator]

    @property
    def present(self) -> bool:
        """False for a plan that uses none of v1.1 (its page stays as it was)."""
        return bool(self.reviews or self.rhythms or self.motivation)


def steering(plan: Plan, today: date) -> Steering:
    """The plan's steering as of ``today``: reviews newest first, rhythms in plan order."""
    actions = {a.key: a for a in plan.actions}
    indicators = {i.key: i for i in plan.indicators}
    reviews = []
    seen: dict[date, int] = {}
    for review in sorted(plan.reviews, key=lambda r: r.date, reverse=True):
        # `revue-2026-04-03`; two reviews on one day get `-2`, in file order.
        seen[review.date] = seen.get(review.date, 0) + 1
        anchor = f"revue-{review.date.isoformat()}" + (f"-{seen[review.date]}" if seen[review.date] > 1 else "")
        reviews.append(ReviewView(
            review,
            [indicators[k] for k in review.indicators if k in indicators],
            [DecisionView(d, actions.get(d.action) if d.action else None) for d in review.decisions],
            review.date > today,
            anchor,
        ))
    rhythms = []
    for indicator in plan.indicators:
        due = metrics.measurement_due(indicator, plan.start, plan.objective.deadline, today)
        if due is not None:
            known = metrics.measurements_until(indicator, today)
            rhythms.append(RhythmView(indicator, known[-1].date if known else None, due))
    counted = metrics.reviews_until(plan, today)
    return Steering(reviews, rhythms, plan.motivation, counted[0].date if counted else None,
                    metrics.overdue_indicators(plan, today))


def steering_html(plan: Plan, today: date, lang: str) -> Markup:
    """The *Pilotage* section of a plan page; empty for a plan that uses none of v1.1."""
    view = steering(plan, today)
    if not view.present:
        return Markup("")
    return render("pac_gen_steering.html", S=texts("steer", lang), C=texts("word", lang), lang=lang, view=view,
                  plan=plan)
