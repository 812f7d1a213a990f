"""Charts of a plan as plotly figures: one per indicator, the action timeline,
the budgets, and the cohort overview.

Every figure is a plain JSON-able dict (``data`` + ``layout``, plus the plotly.js
``config`` and, for languages other than English, a plotly.js locale module built
from babel) so the core stays free of any site machinery. :func:`chart_html`
embeds a figure in a page as escaped JSON that ``assets/charts.js`` draws, once
the chart comes near the viewport, with plotly's own partial bundle of the
plotly.js version plotly.py embeds (see :func:`plotly_js_path`). A figure may
carry a ``phone`` layout that charts.js merges into ``layout`` when the chart is
narrower than 600 px (shorter labels, room for the legend below).

Learner text reaches plotly.js, which reads a few HTML-like tags and entities in
titles, legends and hover texts; it is entity-escaped first (:func:`plotly_text`)
so that a ``<b>`` in a task name stays text.
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import get_day_names, get_month_names, get_period_names
from babel.numbers import get_currency_symbol, get_decimal_symbol, get_group_symbol
from markupsafe import Markup

from pac_gen.site import render
from pac_gen.text import choice_word, colon, message, plural, with_unit
from pac_gen.format.metrics import (
    IndicatorStatus,
    expected_value,
    indicator_figures,
    is_late,
    measurements_until,
    reviews_of,
    task_counts,
    tasks_budget,
)
from pac_gen.format.model import ActionKind, Indicator, Plan, Status
from pac_gen.format.settings import Settings
from pac_gen.format.values import slug_words

Figure = dict[str, Any]

# Mid-tone colours readable on Material's light ("default") and dark ("slate") schemes.
KIND_COLOURS = {
    ActionKind.PROSPECTING: "#1e88e5",
    ActionKind.COMMUNICATION: "#f4a100",
    ActionKind.RETENTION: "#8e24aa",
}
STATUS_COLOURS = {
    IndicatorStatus.REACHED: "#2e7d32",
    IndicatorStatus.AHEAD: "#43a047",
    IndicatorStatus.ON_TRACK: "#1e88e5",
    IndicatorStatus.LATE: "#e53935",
    IndicatorStatus.NO_DATA: "#9e9e9e",
}
EXPECTED_COLOUR = "#9e9e9e"
TARGET_COLOUR = "#43a047"
TODAY_COLOUR = "#fb8c00"
DEADLINE_COLOUR = "#e53935"
DONE_COLOUR = "#2e7d32"
PLANNED_COLOUR = "#607d8b"
LATE_COLOUR = "#e53935"
REVIEW_COLOUR = "#7e57c2"  # v1.1: the reviews marked on the charts of the indicators they looked at

# Statuses the overview counts as "on track": the indicator is where it should be, or better.
ON_TRACK_OR_BETTER = (IndicatorStatus.REACHED, IndicatorStatus.AHEAD, IndicatorStatus.ON_TRACK)

_DAY_MS = 86_400_000


# ---------------------------------------------------------------------------
# Text helpers


def plotly_text(text: str) -> str:
    """Learner text made inert for plotly.js, which reads tags such as ``<b>``/``<br>`` and entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _t(code: str, settings: Settings, **args: Any) -> str:
    return message(code, settings.lang, **args)


def _wrap(text: str, width: int = 32) -> str:
    # Long action titles on an axis: plotly.js wraps nothing itself, <br> does.
    return "<br>".join(plotly_text(line) for line in textwrap.wrap(text, width) or [text])


def format_day(day: date, settings: Settings) -> str:
    """A date as the site language writes it: ``27 nov. 2026`` in French, ``Nov 27, 2026`` in English."""
    return render.day(day, settings.lang, "medium")


def format_number(value: float, settings: Settings, unit: str | None = None) -> str:
    """A number with the site language's separators (``1 390`` in French), and its unit if any."""
    return with_unit(round(value, 2), unit, settings.lang)


def separators(lang: str) -> str:
    """The ``layout.separators`` of plotly: the decimal then the thousands symbol of ``lang``.

    French gives a decimal comma and a narrow no-break space (``1 500,5``).
    """
    return get_decimal_symbol(lang) + get_group_symbol(lang)


@lru_cache(maxsize=8)
def plotly_locale(lang: str) -> dict[str, Any]:
    """A plotly.js locale module for ``lang``, from babel's data (month and day names, separators).

    ``assets/charts.js`` registers it with ``Plotly.register`` so that date axes
    read ``nov. 2026`` rather than ``Nov 2026`` once zoomed or resized.
    """
    locale = Locale.parse(lang)
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # babel counts from Monday, d3 from Sunday
    days = get_day_names("wide", locale=locale)
    short_days = get_day_names("abbreviated", locale=locale)
    months = get_month_names("wide", locale=locale)
    short_months = get_month_names("abbreviated", locale=locale)
    periods = get_period_names("abbreviated", "format", locale=locale)
    day_first = lang != "en"
    return {
        "moduleType": "locale",
        "name": lang,
        "dictionary": {},
        "format": {
            "days": [days[i] for i in sunday_first],
            "shortDays": [short_days[i] for i in sunday_first],
            "months": [months[i] for i in range(1, 13)],
            "shortMonths": [short_months[i] for i in range(1, 13)],
            "periods": [periods["am"], periods["pm"]],
            "decimal": get_decimal_symbol(locale),
            "thousands": get_group_symbol(locale),
            "grouping": [3],
            "date": "%d/%m/%Y" if day_first else "%m/%d/%Y",
            "year": "%Y",
            "month": "%b %Y",
            "dayMonth": "%-d %b" if day_first else "%b %-d",
            "dayMonthYear": "%-d %b %Y" if day_first else "%b %-d, %Y",
        },
    }


def _figure(data: list[dict[str, Any]], layout: dict[str, Any], settings: Settings,
            phone: dict[str, Any] | None = None) -> Figure:
    """A figure with the layout defaults every chart shares, the plotly.js config and the phone layout.

    The legend sits at the bottom of the whole figure (``yref: container``), below
    the axis and its ticks whatever the plot's height; ``phone`` is merged into the
    layout by ``assets/charts.js`` on narrow screens, where the legend takes more lines.
    """
    base: dict[str, Any] = {
        "separators": separators(settings.lang),
        # Transparent: the page's own background shows through, in both palettes.
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hovermode": "closest",
        "margin": {"t": 60, "r": 20, "b": 90, "l": 60},
        "legend": {"orientation": "h", "yref": "container", "yanchor": "bottom", "y": 0, "x": 0},
    }
    base.update(layout)
    figure: Figure = {
        "data": data,
        "layout": base,
        # No toolbar: on a phone it covers the labels, and its zoom buttons are controls
        # that a screen reader cannot name; hover and the figures as text remain.
        "config": {"responsive": True, "displaylogo": False, "displayModeBar": False, "locale": settings.lang},
    }
    if phone:
        figure["phone"] = phone
    if settings.lang != "en":  # plotly.js ships English only
        figure["locale"] = plotly_locale(settings.lang)
    return figure


def _value_axis(settings: Settings, unit: str = "", tozero: bool = False) -> dict[str, Any]:
    """A value axis whose ticks read like the text: ``1 560 €`` in French, ``€1,560`` in English.

    The thousands separator is the layout's ``separators`` (plotly leaves it out of
    4-digit numbers unless ``separatethousands``); a currency takes its symbol on the
    side the language writes it, any other unit follows the number.
    """
    axis: dict[str, Any] = {"separatethousands": True}
    if tozero:
        axis["rangemode"] = "tozero"
    if unit:
        prefix, suffix = unit_affixes(unit, settings.lang)
        if prefix:
            axis["tickprefix"] = prefix
        if suffix:
            axis["ticksuffix"] = suffix
    return axis


def unit_affixes(unit: str, lang: str) -> tuple[str, str]:
    """What goes before and after a number in ``unit``: ``("", "\u00a0€")`` in French, ``("€", "")`` in English.

    ``unit`` is a currency code (``EUR``), a currency symbol (``€``) or any other
    unit (``visiteurs``, which always follows the number).
    """
    symbol = get_currency_symbol(unit, locale=lang) if unit.isalpha() and unit.isupper() and len(unit) == 3 else unit
    is_currency = symbol != unit or unit in _CURRENCY_SYMBOLS
    if is_currency and Locale.parse(lang).currency_formats["standard"].pattern.startswith("¤"):
        return plotly_text(symbol), ""
    return "", "\u00a0" + plotly_text(symbol)


_CURRENCY_SYMBOLS = frozenset("€$£¥₣₹")


def _vline(day: date, colour: str, label: str, dash: str, top: bool = True) -> tuple[dict[str, Any], dict[str, Any]]:
    """A vertical line across the plot at ``day``, and its label.

    With ``top`` the label sits above the plot, centred on the line; otherwise inside
    the plot at its foot, on the left of the line: two lines a few days apart
    (today and the deadline) never have their labels on top of each other.
    """
    shape = {"type": "line", "xref": "x", "yref": "paper", "x0": day.isoformat(), "x1": day.isoformat(),
             "y0": 0, "y1": 1, "line": {"color": colour, "width": 1.5, "dash": dash}}
    note = {"xref": "x", "yref": "paper", "x": day.isoformat(), "y": 1 if top else 0,
            "yanchor": "bottom", "xanchor": "center" if top else "right",
            "text": label, "showarrow": False, "font": {"color": colour, "size": 12}}
    if not top:
        note.update(bgcolor="rgba(128,128,128,0.12)", borderpad=2)
    return shape, note


# ---------------------------------------------------------------------------
# Figures


def status_label(status: IndicatorStatus, settings: Settings) -> str:
    """``atteint``, ``en avance``, ``dans les temps``, ``en retard`` or ``aucune mesure`` (English with lang="en")."""
    return choice_word(status.value, settings.lang).lower()


def indicator_figure(plan: Plan, indicator: Indicator, settings: Settings) -> Figure:
    """One indicator against its expected path, with the target and today.

    The expected path is the straight line from the initial value at the plan's
    start to the target at the objective's deadline. Measurements are those dated
    on or before today, the ones the status is judged on. When lower is better
    the path goes down and the axis title says so; the status comes from
    :func:`pac_gen.format.metrics.indicator_figures`, which judges both directions alike.
    """
    start, deadline, today = plan.start, plan.objective.deadline, settings.today
    figures = indicator_figures(indicator, start, deadline, today)
    unit = indicator.unit
    known = measurements_until(indicator, today)

    def hover(label: str, value: float, day: date) -> str:
        return _t("chart.hover.value", settings, label=plotly_text(label),
                  value=plotly_text(format_number(value, settings, unit)), date=format_day(day, settings))

    expected_label = _t("chart.expected", settings)
    target_label = _t("chart.target", settings)
    initial_label = _t("chart.initial", settings)
    measured_label = _t("chart.measurements", settings)
    today_label = _t("chart.expected_today", settings)
    expected_now = round(expected_value(indicator, start, deadline, today), 4)
    data: list[dict[str, Any]] = [
        {"type": "scatter", "mode": "lines", "name": expected_label,
         "x": [start.isoformat(), deadline.isoformat()], "y": [indicator.initial, indicator.target],
         "line": {"color": EXPECTED_COLOUR, "dash": "dash", "width": 2},
         "hovertext": [hover(expected_label, indicator.initial, start), hover(expected_label, indicator.target, deadline)],
         "hoverinfo": "text"},
        {"type": "scatter", "mode": "lines",
         "name": _t("chart.target.named", settings, value=plotly_text(format_number(indicator.target, settings, unit))),
         "x": [start.isoformat(), deadline.isoformat()], "y": [indicator.target, indicator.target],
         "line": {"color": TARGET_COLOUR, "dash": "dot", "width": 2},
         "hovertext": [hover(target_label, indicator.target, start), hover(target_label, indicator.target, deadline)],
         "hoverinfo": "text"},
        {"type": "scatter", "mode": "markers", "name": initial_label,
         "x": [start.isoformat()], "y": [indicator.initial],
         "marker": {"symbol": "diamond", "size": 10, "color": EXPECTED_COLOUR},
         "hovertext": [hover(initial_label, indicator.initial, start)], "hoverinfo": "text"},
    ]
    if known:
        data.append(
            {"type": "scatter", "mode": "lines+markers", "name": measured_label,
             "x": [m.date.isoformat() for m in known], "y": [m.value for m in known],
             "line": {"color": STATUS_COLOURS[figures.status], "width": 3},
             "marker": {"size": 8, "color": STATUS_COLOURS[figures.status]},
             "hovertext": [hover(measured_label, m.value, m.date) for m in known], "hoverinfo": "text"})
    data.append(
        {"type": "scatter", "mode": "markers", "name": today_label,
         "x": [today.isoformat()], "y": [expected_now],
         "marker": {"symbol": "cross-thin-open", "size": 12, "color": TODAY_COLOUR, "line": {"width": 2}},
         "hovertext": [hover(today_label, expected_now, today)], "hoverinfo": "text"})

    reviews = reviews_of(plan, indicator, today)
    review_shapes: list[dict[str, Any]] = []
    if reviews:
        review_label = _t("chart.reviews", settings)
        review_days = [r.date for r in reversed(reviews)]
        review_values = [round(expected_value(indicator, start, deadline, d), 4) for d in review_days]
        data.append(
            {"type": "scatter", "mode": "markers", "name": review_label,
             "x": [d.isoformat() for d in review_days], "y": review_values,
             "marker": {"symbol": "star", "size": 13, "color": REVIEW_COLOUR},
             "hovertext": [_t("chart.hover.review", settings, date=format_day(r.date, settings),
                              verdict=_t(f"chart.review.{_verdict(r.on_track)}", settings)) for r in reversed(reviews)],
             "hoverinfo": "text"})
        review_shapes = [_vline(d, REVIEW_COLOUR, "", "dashdot")[0] for d in review_days]

    # A short unit is on every tick ("1 560 €"), as the text writes it; a longer one
    # ("réclamations") is the axis title, which also says which way is better when lower is.
    short_unit = unit if unit and len(unit) <= 3 else ""
    axis_title = plotly_text(unit) if unit and not short_unit else ""
    if indicator.lower_is_better:
        better = _t("chart.lower_is_better", settings)
        axis_title = f"{axis_title} ({better})" if axis_title else better
    today_line, today_note = _vline(today, TODAY_COLOUR, _t("chart.today", settings), "dot")
    title = _t("chart.indicator.title", settings, name=plotly_text(indicator.name),
               status=status_label(figures.status, settings))
    layout = {
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "height": 380,
        "xaxis": {"type": "date"},
        "yaxis": {"title": {"text": axis_title}, **_value_axis(settings, short_unit)},
        "shapes": [today_line, *review_shapes],
        "annotations": [today_note],
        "margin": {"t": 60, "r": 20, "b": 90, "l": 70},
    }
    # Five legend entries take three lines on a phone: the figure grows instead of the plot shrinking.
    # The reviews' entry (format v1.1) is one line more, which the bottom margin must hold too
    # or the legend, anchored at the bottom, climbs onto the axis' ticks.
    more = 24 if reviews else 0
    phone = {"height": 440 + more, "margin": {"b": 130 + more, "l": 60, "r": 10}}
    return _figure(data, layout, settings, phone)


def _verdict(on_track: bool | None) -> str:
    return "unknown" if on_track is None else ("on_track" if on_track else "off_track")


def _action_span(plan: Plan, start: date | None, due: date | None) -> tuple[date, date]:
    """The dates an action's bar runs between: its own, else the plan's start and the objective's deadline."""
    begin = start or plan.start
    end = due or plan.objective.deadline
    return (begin, end) if begin <= end else (end, begin)


def timeline_figure(plan: Plan, settings: Settings) -> Figure:
    """The actions as bars from launch to deadline, coloured by type, with their tasks' deadlines.

    Late tasks are red crosses whose hover text says so; done tasks are green
    dots, the others open dots. Dropped tasks and tasks without a deadline are
    left out. Vertical lines mark the objective's deadline and today. An action
    without a launch (deadline) starts at the plan's start (ends at the deadline).
    """
    keys = [a.key for a in plan.actions]
    data: list[dict[str, Any]] = []
    for kind in ActionKind:
        actions = [a for a in plan.actions if a.kind is kind]
        if not actions:
            continue
        spans = [_action_span(plan, a.start, a.due) for a in actions]
        kind_label = choice_word(kind.value, settings.lang)
        data.append({
            "type": "bar", "orientation": "h", "name": kind_label, "legendgroup": kind.value,
            "y": [a.key for a in actions],
            "base": [begin.isoformat() for begin, _ in spans],
            # A date axis counts bar lengths in milliseconds; a one-day minimum keeps same-day actions visible.
            "x": [max(1, (end - begin).days) * _DAY_MS for begin, end in spans],
            "marker": {"color": KIND_COLOURS[kind]},
            "opacity": 0.55,
            "hovertext": [_t("chart.hover.action", settings, title=plotly_text(a.title), kind=kind_label,
                             start=format_day(begin, settings), due=format_day(end, settings))
                          for a, (begin, end) in zip(actions, spans, strict=True)],
            "hoverinfo": "text",
        })

    groups: dict[str, list[tuple[str, date, str]]] = {"done": [], "planned": [], "late": []}
    for action in plan.actions:
        for task in action.tasks:
            if task.due is None or task.status is Status.DROPPED:
                continue
            group = "done" if task.status is Status.DONE else "late" if is_late(task, settings.today) else "planned"
            groups[group].append((action.key, task.due, task.task))
    styles = {
        "done": {"symbol": "circle", "size": 9, "color": DONE_COLOUR, "line": {"width": 1, "color": "#ffffff"}},
        "planned": {"symbol": "circle-open", "size": 10, "color": PLANNED_COLOUR, "line": {"width": 2}},
        "late": {"symbol": "x", "size": 12, "color": LATE_COLOUR, "line": {"width": 1, "color": "#ffffff"}},
    }
    for group, tasks in groups.items():
        if not tasks:
            continue
        status = _t(f"chart.task.status.{group}", settings)
        data.append({
            "type": "scatter", "mode": "markers", "name": _t(f"chart.task.{group}", settings),
            "y": [key for key, _, _ in tasks], "x": [due.isoformat() for _, due, _ in tasks],
            "marker": styles[group],
            "hovertext": [_t("chart.hover.task", settings, task=plotly_text(name), due=format_day(due, settings),
                             status=status) for _, due, name in tasks],
            "hoverinfo": "text",
        })

    deadline_line, deadline_note = _vline(plan.objective.deadline, DEADLINE_COLOUR, _t("chart.deadline", settings),
                                          "solid", top=False)
    today_line, today_note = _vline(settings.today, TODAY_COLOUR, _t("chart.today", settings), "dot")
    layout = {
        "title": {"text": _t("chart.timeline.title", settings), "x": 0, "xanchor": "left"},
        "height": 200 + 60 * len(keys),
        "barmode": "overlay",
        "xaxis": {"type": "date"},
        "yaxis": {"type": "category", "autorange": "reversed", "categoryorder": "array", "categoryarray": keys,
                  "tickmode": "array", "tickvals": keys, "ticktext": [_wrap(a.title) for a in plan.actions],
                  "automargin": True},
        "shapes": [deadline_line, today_line],
        "annotations": [deadline_note, today_note],
        "margin": {"t": 60, "r": 20, "b": 90, "l": 20},
    }
    # A phone keeps most of its width for the bars: shorter lines of action titles, a taller
    # figure for them and for the six legend entries below.
    phone = {"height": 260 + 80 * len(keys), "margin": {"b": 130, "r": 10, "l": 10},
             "yaxis": {"ticktext": [_wrap(a.title, 14) for a in plan.actions], "tickfont": {"size": 11}}}
    return _figure(data, layout, settings, phone)


def budget_figure(plan: Plan, settings: Settings) -> Figure | None:
    """Each action's budget beside the sum of its tasks' budgets; None when the plan gives no budget at all.

    A tasks' bar that goes over its action's budget is drawn red (the W601 warning).
    """
    if all(a.budget is None and not any(t.budget is not None for t in a.tasks) for a in plan.actions):
        return None
    keys = [a.key for a in plan.actions]
    currency = plan.currency
    none = _t("chart.budget.none", settings)

    def money(amount: Decimal | None) -> str:
        return plotly_text(render.money(amount, currency, settings.lang)) if amount is not None else none

    sums = [tasks_budget(a) for a in plan.actions]
    action_label, tasks_label = _t("chart.budget.action", settings), _t("chart.budget.tasks", settings)
    # Horizontal bars: the actions' titles read across on a phone instead of turning 90°.
    data: list[dict[str, Any]] = [
        {"type": "bar", "orientation": "h", "name": action_label, "y": keys,
         "x": [float(a.budget) if a.budget is not None else None for a in plan.actions],
         "marker": {"color": "#1e88e5"},
         "hovertext": [_t("chart.hover.amount", settings, title=plotly_text(a.title), label=action_label,
                          value=money(a.budget)) for a in plan.actions],
         "hoverinfo": "text"},
        {"type": "bar", "orientation": "h", "name": tasks_label, "y": keys, "x": [float(s) for s in sums],
         "marker": {"color": [LATE_COLOUR if a.budget is not None and s > a.budget else "#90caf9"
                              for a, s in zip(plan.actions, sums, strict=True)]},
         "hovertext": [_t("chart.hover.amount", settings, title=plotly_text(a.title), label=tasks_label,
                          value=money(s)) for a, s in zip(plan.actions, sums, strict=True)],
         "hoverinfo": "text"},
    ]
    layout = {
        "title": {"text": _t("chart.budget.title", settings), "x": 0, "xanchor": "left"},
        "height": 160 + 70 * len(keys),
        "barmode": "group",
        "xaxis": _value_axis(settings, currency, tozero=True),
        "yaxis": {"type": "category", "autorange": "reversed", "tickmode": "array", "tickvals": keys,
                  "ticktext": [_wrap(a.title) for a in plan.actions], "automargin": True},
        "margin": {"t": 60, "r": 20, "b": 90, "l": 20},
    }
    phone = {"height": 180 + 80 * len(keys), "margin": {"b": 90, "r": 10, "l": 10},
             "yaxis": {"ticktext": [_wrap(a.title, 14) for a in plan.actions], "tickfont": {"size": 11}}}
    return _figure(data, layout, settings, phone)


@dataclass(frozen=True, slots=True)
class PlanProgress:
    """A plan's progress as the overview shows it.

    Attributes:
        tasks_done: Tasks done.
        tasks_planned: Tasks not dropped.
        indicators_ok: Indicators on track, ahead or reached.
        indicators: All indicators.

    """

    tasks_done: int
    tasks_planned: int
    indicators_ok: int
    indicators: int

    @property
    def tasks_share(self) -> float:
        """Share of the planned tasks that are done, 0 when there are none."""
        return self.tasks_done / self.tasks_planned if self.tasks_planned else 0.0

    @property
    def indicators_share(self) -> float | None:
        """Share of the indicators on track or better; None without indicators."""
        return self.indicators_ok / self.indicators if self.indicators else None


def plan_progress(plan: Plan, today: date) -> PlanProgress:
    """Tasks done and indicators on track (or better) in a plan, as of ``today``."""
    counts = task_counts(plan, today)
    statuses = [indicator_figures(i, plan.start, plan.objective.deadline, today).status for i in plan.indicators]
    return PlanProgress(
        tasks_done=counts.done,
        tasks_planned=counts.total - counts.dropped,
        indicators_ok=sum(s in ON_TRACK_OR_BETTER for s in statuses),
        indicators=len(statuses),
    )


def _plan_label(path: str, plan: Plan) -> str:
    return f"{plan.author} · {plan.display_title}" if plan.author else plan.display_title


def overview_figure(plans: Sequence[tuple[str, Plan]], settings: Settings) -> Figure:
    """The cohort at a glance: for each plan, the share of tasks done and of indicators on track or better.

    Args:
        plans: ``(path, plan)`` pairs in the order to show them; the path names the
            plan on the axis when it has neither author nor title.
        settings: Today and the language.

    """
    paths = [path for path, _ in plans]
    progress = [plan_progress(plan, settings.today) for _, plan in plans]
    labels = [plotly_text(_plan_label(path, plan)) for path, plan in plans]
    tasks_label = _t("chart.overview.tasks", settings)
    indicators_label = _t("chart.overview.indicators", settings)
    data: list[dict[str, Any]] = [
        {"type": "bar", "orientation": "h", "name": tasks_label, "y": paths,
         "x": [round(100 * p.tasks_share, 1) for p in progress], "marker": {"color": "#1e88e5"},
         "hovertext": [plural("chart.overview.hover.tasks", p.tasks_done, settings.lang, label=label, planned=p.tasks_planned)
                       for label, p in zip(labels, progress, strict=True)],
         "hoverinfo": "text"},
        {"type": "bar", "orientation": "h", "name": indicators_label, "y": paths,
         "x": [None if p.indicators_share is None else round(100 * p.indicators_share, 1) for p in progress],
         "marker": {"color": "#43a047"},
         "hovertext": [plural("chart.overview.hover.indicators", p.indicators_ok, settings.lang, label=label, total=p.indicators)
                       if p.indicators else _t("chart.overview.hover.no_indicator", settings, label=label)
                       for label, p in zip(labels, progress, strict=True)],
         "hoverinfo": "text"},
    ]
    layout = {
        "title": {"text": _t("chart.overview.title", settings), "x": 0, "xanchor": "left"},
        "height": 160 + 70 * len(paths),
        "barmode": "group",
        # "%" on the ticks rather than an axis title, which the legend below would cover.
        # Just over 100 so that the "100 %" tick is drawn; a tick every 25 % on any width.
        "xaxis": {"range": [0, 101], "dtick": 25, "ticksuffix": "\u202f%" if settings.lang == "fr" else "%"},
        "yaxis": {"type": "category", "autorange": "reversed", "tickmode": "array", "tickvals": paths,
                  "ticktext": [_wrap(_plan_label(path, plan), 30) for path, plan in plans], "automargin": True},
        "margin": {"t": 60, "r": 20, "b": 90, "l": 20},
    }
    phone = {"height": 180 + 80 * len(paths), "margin": {"b": 100, "r": 10, "l": 10},
             "yaxis": {"ticktext": [_wrap(_plan_label(path, plan), 14) for path, plan in plans],
                       "tickfont": {"size": 11}}}
    return _figure(data, layout, settings, phone)


# ---------------------------------------------------------------------------
# Embedding in a page

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def figure_json(figure: Figure) -> str:
    r"""The figure as compact JSON safe inside a ``<script>`` element.

    ``<``, ``>``, ``&`` and the line separators U+2028/U+2029 are written as
    ``\u`` escapes, which JSON reads back as the same characters: no text from a
    plan can close the element (``</script>``) or open a comment (``<!--``).
    """
    text = json.dumps(figure, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def chart_id(plan_path: str, *parts: str) -> str:
    """A stable HTML id for a chart of a plan: ``pac-chart-camille-boutique-indicateur-visiteurs``.

    Args:
        plan_path: The plan's file name, relative to the plans folder or not; the
            ``.yaml``/``.yml`` suffix is dropped.
        parts: What the chart shows, e.g. ``("indicateur", indicator.key)``.

    """
    stem = re.sub(r"\.ya?ml\Z", "", plan_path, flags=re.IGNORECASE)
    return "-".join(s for s in ("pac-chart", slug_words(stem), *(slug_words(p) for p in parts)) if s)


_TAG_RE = re.compile(r"<br\s*/?>|<[^>]*>")


def plain_text(text: str) -> str:
    """What a reader sees of a plotly text (``<br>`` and entities), as plain text on one line."""
    return " ".join(html.unescape(_TAG_RE.sub(lambda m: " — " if m.group().startswith("<br") else "", text)).split())


def figure_text(figure: Figure) -> list[tuple[str, list[str]]]:
    """Every trace of a figure as its legend name and the texts its points show on hover.

    These are the chart's figures in words, formatted like the page's text: the
    alternative to the drawing for a screen reader, a reader without JavaScript, or
    someone who wants the numbers.
    """
    return [(plain_text(str(trace.get("name", ""))), [plain_text(str(t)) for t in trace.get("hovertext", [])])
            for trace in figure.get("data", []) if trace.get("hovertext")]


def chart_html(chart_id: str, figure: Figure, title: str, lang: str = "fr") -> Markup:
    """A chart's place in a page: a figure with its caption, the chart and its figures as text.

    ``assets/charts.js`` draws the empty ``div.pac-chart`` when it comes near the
    viewport, from the figure in its ``data-figure`` attribute (attribute-escaped on
    top of :func:`figure_json`'s escapes) rather than in an inline ``<script>``:
    Material's instant navigation re-creates inline scripts without their ``type``
    and would run the data as code. The drawing is hidden from assistive technology
    (plotly's layers are mouse controls with no names); the caption names the chart
    and the ``<details>`` below it gives every value of it as text. The caption
    wraps on a phone, where plotly's one-line title would be cut off (charts.js
    hides that one).
    """
    height = int(figure.get("layout", {}).get("height", 400))
    items = Markup("").join(
        Markup("<li><strong>{name}</strong> {values}</li>").format(name=colon(name, lang), values=" ; ".join(values))
        for name, values in figure_text(figure))
    return Markup(
        '<figure class="pac-chart-figure" data-search-exclude>\n<figcaption class="pac-chart-title">{title}</figcaption>\n'
        '<div class="pac-chart" id="{id}" aria-hidden="true" style="min-height:{height}px"'
        ' data-figure="{data}"></div>\n'
        '<details class="pac-chart-data"><summary>{summary}</summary><ul>{items}</ul></details>\n</figure>\n'
    ).format(id=chart_id, title=title, height=height, data=figure_json(figure), items=items,
             summary=message("chart.data", lang))


@dataclass(frozen=True, slots=True)
class Chart:
    """A figure with its id and its accessible name."""

    id: str
    title: str
    figure: Figure

    lang: str = "fr"

    def html(self) -> Markup:
        """The chart ready to be placed in a page."""
        return chart_html(self.id, self.figure, self.title, self.lang)


def plan_charts(plan_path: str, plan: Plan, settings: Settings,
                kinds: Iterable[str] = ("indicators", "timeline", "budget")) -> list[Chart]:
    """The charts of one plan page, in the order of ``kinds``.

    Args:
        plan_path: The plan's file name, for the ids.
        plan: The plan.
        settings: Today and the language.
        kinds: Any of ``indicators`` (one chart each), ``timeline`` and ``budget``
            (left out when the plan has no budget).

    """
    charts: list[Chart] = []
    for kind in kinds:
        if kind == "indicators":
            for indicator in plan.indicators:
                figure = indicator_figure(plan, indicator, settings)
                status = indicator_figures(indicator, plan.start, plan.objective.deadline, settings.today).status
                title = _t("chart.indicator.title", settings, name=indicator.name, status=status_label(status, settings))
                charts.append(Chart(chart_id(plan_path, "indicateur", indicator.key), title, figure, settings.lang))
        elif kind == "timeline":
            charts.append(Chart(chart_id(plan_path, "calendrier"), _t("chart.timeline.title", settings),
                                timeline_figure(plan, settings), settings.lang))
        elif kind == "budget":
            budget = budget_figure(plan, settings)
            if budget is not None:
                charts.append(Chart(chart_id(plan_path, "budget"), _t("chart.budget.title", settings), budget,
                                    settings.lang))
        else:
            raise ValueError(f"unknown chart kind {kind!r}")
    return charts


def charts_html(plan_path: str, plan: Plan, settings: Settings,
                kinds: Iterable[str] = ("indicators", "timeline", "budget")) -> Markup:
    """The HTML of :func:`plan_charts`, one chart after the other (empty when there is none)."""
    return Markup("").join(chart.html() for chart in plan_charts(plan_path, plan, settings, kinds))


def overview_chart_html(plans: Sequence[tuple[str, Plan]], settings: Settings) -> Markup:
    """The overview chart of a cohort (empty when there is no plan)."""
    if not plans:
        return Markup("")
    return chart_html("pac-chart-overview", overview_figure(plans, settings), _t("chart.overview.title", settings),
                      settings.lang)


def has_charts(html: str) -> bool:
    """Whether a page's HTML holds a chart (so the page needs plotly.js)."""
    return 'class="pac-chart"' in html


PLOTLY_JS = Path(__file__).parent / "vendor" / "plotly" / "plotly-basic.min.js"
"""plotly's own "basic" partial bundle (scatter and bar, every trace pac_gen draws), vendored
from npm ``plotly.js-basic-dist-min`` with its licence: the version of the plotly.js that the
installed plotly.py embeds (a test checks it), a quarter of the full bundle's size."""

_VERSION_RE = re.compile(rb"plotly\.js \(basic - minified\) v(\d+\.\d+\.\d+)")


def plotly_js_path() -> Path:
    """The plotly.js bundle published once in the site.

    Raises:
        FileNotFoundError: when the package was installed without it.

    """
    if not PLOTLY_JS.is_file():
        raise FileNotFoundError(PLOTLY_JS)
    return PLOTLY_JS


def plotly_js_version(path: Path | None = None) -> str:
    """The version written in the bundle's licence header (``4.1.1``), or ``""``."""
    with (path or plotly_js_path()).open("rb") as bundle:
        found = _VERSION_RE.search(bundle.read(300))
    return found.group(1).decode("ascii") if found else ""


PLOTLY_JS_NAME = "plotly.min.js"
"""The bundle's file name next to ``charts.js`` in the site (``assets/pac_gen/plotly.min.js``)."""
