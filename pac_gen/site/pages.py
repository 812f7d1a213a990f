"""Every page of the site, built from checked plans (no MkDocs here).

The MkDocs plugin (:mod:`pac_gen.engines.mkdocs_plugin`) only orchestrates: it finds and
checks the plans, then asks this module for each page's HTML and for the files
to download beside it. Pages are plain data (:class:`SitePage`) so that they can
be tested, and rebuilt identically, without MkDocs.

Learner text reaches the HTML only through the autoescaped templates of
:mod:`pac_gen.site.render`; the generated Markdown holds nothing but a placeholder
that the plugin swaps for the HTML once Markdown has run, so no Markdown
extension ever sees learner text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from pac_gen.site import charts, pilotage
from pac_gen.agenda import ics
from pac_gen.format import metrics
from pac_gen.agenda import views as agenda_views
from pac_gen.site.export import tasks_csv
from pac_gen.format.loader import yaml_quote
from pac_gen.text import colon, message, plural, text, texts
from pac_gen.format.model import Action, Indicator, Plan, Ritual
from pac_gen.check.problems import Problem
from pac_gen.site.render import render
from pac_gen.format.settings import Settings
from pac_gen.check.validate import CheckedPlan

PAGES_DIR = "plans"
"""Where the plan pages live in the site: ``plans/camille/boutique/``."""

OVERVIEW_URI = f"{PAGES_DIR}/index.md"
PLACEHOLDER = "<!-- pac_gen:content -->"
"""What the generated Markdown holds; the plugin replaces it by the page's HTML."""

@dataclass(frozen=True)
class SiteOptions:
    """The site's choices that shape the pages.

    Attributes:
        settings: Today, language, time zone and working-day length.
        use_directory_urls: MkDocs' option: pages are ``x/`` (``x/index.html``) rather than ``x.html``.
        include_confidential: Publish confidential plans too.
        site_url: The published address of the site (MkDocs' ``site_url``), when known.
        source_links: Relative links are written as in the pages' Markdown sources (from
            ``plans/a/b.md``, to ``b.csv`` and to ``other.md``), for an engine that rewrites
            every link of a page's HTML to the published URLs (Zensical does; MkDocs leaves
            raw HTML alone, so for it links are written as published).
        feeds: The ICS events already serialised, owned by the build (not a choice:
            left out of comparisons, so options stay a cache key).

    """

    settings: Settings
    use_directory_urls: bool = True
    include_confidential: bool = False
    site_url: str | None = None
    source_links: bool = False
    feeds: ics.FeedParts = field(default_factory=ics.FeedParts, compare=False, repr=False)

    @property
    def lang(self) -> str:
        """``fr`` or ``en``."""
        return self.settings.lang


@dataclass(frozen=True)
class PlanSource:
    """A checked plan and where its file sits below the plans folder.

    Attributes:
        checked: The result of :func:`pac_gen.check.validate.check_file`.
        relative: The file's path below the plans folder, with ``/`` (``camille/boutique.yaml``).

    """

    checked: CheckedPlan
    relative: str

    @property
    def stem(self) -> str:
        """The path without its suffix: ``camille/boutique``."""
        return str(PurePosixPath(self.relative).with_suffix(""))

    @property
    def page_uri(self) -> str:
        """The generated page's source name in the site: ``plans/camille/boutique.md``."""
        return f"{PAGES_DIR}/{self.stem}.md"

    @property
    def group(self) -> str:
        """The sub-folder the plan is in (the learner in a cohort repository), or ``""``."""
        parent = str(PurePosixPath(self.relative).parent)
        return "" if parent == "." else parent

    def is_published(self, include_confidential: bool) -> bool:
        """False for a confidential plan (valid or not) unless confidential plans are published."""
        return include_confidential or not self.checked.confidential


@dataclass(frozen=True)
class TocEntry:
    """An entry of a page's table of contents; ``title`` is HTML."""

    id: str
    title: Markup
    level: int = 2
    children: tuple[TocEntry, ...] = ()


@dataclass(frozen=True)
class SitePage:
    """One generated page: its title, its HTML and its table of contents.

    ``searchable`` is False for a page the search index should leave out (the
    cohort calendar: megabytes of dates, every entry already on a plan page).
    ``unindexed`` lists parts of ``html`` that search should not parse as they
    are, each with what it sees instead: the tables (their text in one paragraph:
    the same words, without the thousands of tags that made indexing most of the
    cost of a plan page). The plan's calendar, charts and ideal week, which repeat
    the tables, are marked ``data-search-exclude`` for Material's search instead.
    """

    uri: str
    title: Markup
    html: Markup
    toc: tuple[TocEntry, ...] = ()
    searchable: bool = True
    unindexed: tuple[tuple[Markup, Markup], ...] = ()

    @property
    def markdown(self) -> str:
        """The Markdown MkDocs reads for this page (see :func:`page_markdown`)."""
        return page_markdown(self.title, self.searchable)


def page_markdown(title: Markup, searchable: bool = True) -> str:
    """The Markdown MkDocs reads for a generated page: the title as metadata, then the placeholder for the HTML.

    The title is stored HTML-escaped because the theme prints it as HTML.
    """
    search = "" if searchable else "search:\n  exclude: true\n"  # Material's search plugin
    return f"---\ntitle: {yaml_quote(str(title))}\n{search}---\n\n{PLACEHOLDER}\n"


def plan_page_markdown(source: PlanSource) -> str:
    """What :func:`plan_page` gives MkDocs to read, known without rendering the page."""
    assert source.checked.plan is not None
    return page_markdown(_plan_title(source.checked.plan))


def _plan_title(plan: Plan) -> Markup:
    return escape(plan.display_title)


@dataclass(frozen=True)
class PlanExtras:
    """HTML that other modules add to a plan page: charts, calendar, ideal week."""

    charts_html: Markup = field(default_factory=Markup)
    calendar_html: Markup = field(default_factory=Markup)
    ideal_week_html: Markup = field(default_factory=Markup)
    steering_html: Markup = field(default_factory=Markup)


def _plan_extras(source: PlanSource, options: SiteOptions, display_path: str, ics_href: str) -> PlanExtras:
    """The one place where charts, calendar and ideal week are plugged into a plan page."""
    plan = source.checked.plan
    assert plan is not None
    settings = options.settings
    calendar_html = agenda_views.calendar_html(plan, display_path, settings)
    if ics_href:
        calendar_html = agenda_views.subscribe_html(ics_href, settings) + calendar_html
    return PlanExtras(
        charts_html=charts.charts_html(display_path, plan, settings),
        calendar_html=calendar_html,
        ideal_week_html=agenda_views.ideal_week_html(plan, settings),
        steering_html=pilotage.steering_html(plan, settings.today, settings.lang),
    )


def _overview_extras(sources: list[PlanSource], options: SiteOptions) -> Markup:
    """The overview's chart: tasks done and indicators on track in every published plan."""
    plans = [(s.checked.path, s.checked.plan) for s in sources if s.checked.plan is not None]
    return charts.overview_chart_html(plans, options.settings)


def url_path(path: str) -> str:
    """A link to ``path`` from the current page, percent-encoded.

    File and folder names come from the plans folder: unencoded, a plan file named
    ``javascript:alert(1).yaml`` would give a link that runs code (its ``:`` made a
    URL scheme); encoded, it stays a file name. ``/`` is kept.
    """
    return quote(path)


def _absolute_href(site_url: str, path: str) -> str:
    """A link to ``path`` at the published address of the site."""
    return site_url.rstrip("/") + "/" + quote(path)


def published_page_path(uri: str, use_directory_urls: bool) -> str:
    """A generated page's path in the published site: ``plans/camille/boutique.md`` → ``plans/camille/boutique/``.

    ``….html`` without directory URLs; an ``index.md`` is its folder (``plans/``).
    """
    path = PurePosixPath(uri).with_suffix("")
    if path.name == "index":
        return f"{path.parent}/" if str(path.parent) != "." else ""
    return f"{path}/" if use_directory_urls else f"{path}.html"


def plan_page_address(relative: str, site_url: str | None, use_directory_urls: bool = True) -> str | None:
    """The published, absolute address of the page of the plan at ``relative`` below the plans folder.

    None when ``site_url`` is unknown: a calendar app opens the address outside the
    site, so a relative one would lead nowhere (see docs/site.md). The site
    (:func:`plan_page_url`) and ``pac-gen export`` both ask here.
    """
    if not site_url:
        return None
    stem = PurePosixPath(relative).with_suffix("")
    return _absolute_href(site_url, published_page_path(f"{PAGES_DIR}/{stem}.md", use_directory_urls))


def plan_page_url(source: PlanSource, options: SiteOptions) -> str | None:
    """The plan page's published, absolute address (what the feeds link to), or None when ``site_url`` is unknown."""
    return plan_page_address(source.relative, options.site_url, options.use_directory_urls)


def _link_prefix(options: SiteOptions) -> str:
    # A page ``plans/a/b.md`` is served at ``plans/a/b/`` (directory URLs) or ``plans/a/b.html``;
    # files beside it (``plans/a/b.csv``) are one level up in the first case.
    return "../" if options.use_directory_urls and not options.source_links else ""


def _page_suffix(options: SiteOptions) -> str:
    """What ends a link to another page: its published form, or its Markdown source for the engine to rewrite."""
    if options.source_links:
        return ".md"
    return "/" if options.use_directory_urls else ".html"


def download_names(source: PlanSource) -> dict[str, str]:
    """The files offered beside a plan page, by kind: ``{"csv": "plans/camille/boutique.csv", …}``."""
    base = f"{PAGES_DIR}/{source.stem}"
    return {"csv": f"{base}.csv", "ics": f"{base}.ics"}


def downloads(source: PlanSource, options: SiteOptions, display_path: str) -> dict[str, bytes]:
    """The files to publish beside a plan page: the tasks as CSV, and the rituals feed.

    Args:
        source: A plan that has no error.
        options: The site options.
        display_path: The plan file's path as shown to readers (``plans/camille/boutique.yaml``).

    """
    plan = source.checked.plan
    assert plan is not None
    names = download_names(source)
    return {
        names["csv"]: tasks_csv(plan, options.lang),
        names["ics"]: ics.plan_feed(plan, source.relative, options.settings, options.feeds,
                                    plan_page_url(source, options)),
    }


def _days_left_text(plan: Plan, today: date, labels: Mapping[str, str], lang: str) -> str:
    left = metrics.days_left(plan, today)
    if left == 0:
        return labels["due_today"]
    return plural("site.days_left" if left > 0 else "site.overdue", abs(left), lang)


def _action_view(action: Action, plan: Plan, today: date) -> dict[str, Any]:
    law = action.law_of_numbers
    law_view = None
    if law is not None:
        multiplier = plan.objective.stage.multiplier
        needed = law.target_result * multiplier
        law_view = {"law": law, "multiplier": multiplier, "needed": needed, "met": law.planned_volume >= needed}
    tasks = [{"task": t, "late": metrics.is_late(t, today)} for t in action.tasks]
    return {
        "action": action,
        "anchor": f"action-{action.key}",
        "law": law_view,
        "tasks": tasks,
        "tasks_budget": metrics.tasks_budget(action),
    }


def _indicator_view(indicator: Indicator, plan: Plan, today: date) -> dict[str, Any]:
    reading = metrics.indicator_reading(indicator, plan.start, plan.objective.deadline, today)
    return {"indicator": indicator, "figures": reading.figures, "status": str(reading.status), "due": reading.due}


def _ritual_view(ritual: Ritual, plan: Plan) -> dict[str, Any]:
    action = next((a for a in plan.actions if a.key == ritual.action), None) if ritual.action else None
    return {"ritual": ritual, "action": action, "anchor": f"action-{action.key}" if action else ""}


def _problem_view(problem: Problem, lang: str) -> dict[str, Any]:
    fix_code = f"{problem.code}.fix"
    try:
        fix = message(fix_code, lang)
    except KeyError:
        fix = ""
    return {"problem": problem, "fix": fix}


def _status_counts(views: list[dict[str, Any]]) -> list[tuple[str, int]]:
    counts = Counter(v["status"] for v in views)
    order = [str(s) for s in metrics.IndicatorStatus]
    return [(status, counts[status]) for status in order if counts[status]]


def plan_page(source: PlanSource, options: SiteOptions, display_path: str) -> SitePage:
    """The page of a plan without errors: every section of the plan, in the site language.

    Args:
        source: The checked plan (it must have no error).
        options: Today, language and URL style.
        display_path: The plan file's path as shown to readers.

    """
    plan = source.checked.plan
    assert plan is not None, "plan_page needs a plan without errors"
    lang = options.lang
    today = options.settings.today
    labels = texts("site", lang)
    actions = [_action_view(a, plan, today) for a in plan.actions]
    indicators = [_indicator_view(i, plan, today) for i in plan.indicators]
    actions_by_key = {a.key: a for a in plan.actions}
    names = download_names(source)
    prefix = _link_prefix(options)
    ics_href = url_path(prefix + PurePosixPath(names["ics"]).name)
    if options.site_url:
        # Calendars fetch a subscription themselves: give them the published address.
        ics_href = _absolute_href(options.site_url, names["ics"])
    extras = _plan_extras(source, options, display_path, ics_href)
    context = {
        "plan": plan,
        "lang": lang,
        "L": labels,
        "C": texts("word", lang),
        "today": today,
        "display_path": display_path,
        "days_left": _days_left_text(plan, today, labels, lang),
        "counts": metrics.task_counts(plan, today),
        "actions": actions,
        "actions_budget": sum((a.budget for a in plan.actions if a.budget is not None), Decimal(0)),
        "tasks_budget": sum((metrics.tasks_budget(a) for a in plan.actions), Decimal(0)),
        "indicators": indicators,
        "indicator_counts": _status_counts(indicators),
        "rituals": [_ritual_view(r, plan) for r in plan.rituals],
        "actions_by_key": actions_by_key,
        "warnings": [_problem_view(p, lang) for p in source.checked.warnings],
        "acknowledged": [_problem_view(p, lang) for p in source.checked.acknowledged],
        "csv_href": url_path(prefix + PurePosixPath(names["csv"]).name),
        "ics_href": ics_href,
        "charts_html": extras.charts_html,
        "calendar_html": extras.calendar_html,
        "ideal_week_html": extras.ideal_week_html,
        "steering_html": extras.steering_html,
        "S": texts("steer", lang),
    }
    html = render("pac_gen_plan.html", **context)
    sections = [("resume", labels["summary"])]
    if plan.strategy:
        sections.insert(0, ("strategie", labels["strategy"]))
    if source.checked.acknowledged:
        sections.insert(0, ("avertissements-acceptes", labels["acknowledged"]))
    if source.checked.warnings:
        sections.insert(0, ("avertissements", labels["warnings"]))
    action_entries = tuple(TocEntry(v["anchor"], escape(v["action"].title), 3) for v in actions)
    toc = [TocEntry(i, escape(t)) for i, t in sections]
    toc.append(TocEntry("actions", escape(labels["actions"]), 2, action_entries))
    for present, anchor, key in (
        (plan.past_actions, "bilan", "past_actions"), (plan.obstacles, "freins", "obstacles"),
        (plan.team, "equipe", "team"), (plan.indicators, "indicateurs", "indicators"),
        (plan.rituals, "rituels", "rituals"), (plan.notes, "notes", "notes"),
    ):
        if present:
            toc.append(TocEntry(anchor, escape(labels[key])))
        if anchor == "indicateurs" and extras.steering_html:
            toc.append(_steering_toc(plan, lang))
    # The charts, calendar and ideal week carry data-search-exclude (see the template).
    unindexed = tuple((Markup(table), search_text(table)) for table in _TABLE_RE.findall(html))
    return SitePage(source.page_uri, _plan_title(plan), html, tuple(toc), unindexed=unindexed)


def _steering_toc(plan: Plan, lang: str) -> TocEntry:
    """The *Pilotage* entry of a plan's table of contents, with its parts."""
    words = texts("steer", lang)
    parts = [("pilotage-motivation", words["motivation"])] if plan.motivation else []
    if any(i.rhythm for i in plan.indicators):
        parts.append(("pilotage-releves", words["rhythms"]))
    parts.append(("pilotage-revues", words["reviews"]))
    return TocEntry("pilotage", escape(words["title"]), 2, tuple(TocEntry(a, escape(t), 3) for a, t in parts))


# Every table of the plan page template is wrapped like this, and learner text,
# escaped, never contains the closing tags.
_TABLE_RE = re.compile(r'<div class="pac-gen-table"[^>]*><table.*?</table></div>', re.DOTALL)
_TAG_RE = re.compile(r"<[^>]*>")


def search_text(html: str) -> Markup:
    """The text of an HTML fragment as one paragraph, entities kept as they are (so still escaped)."""
    return Markup("<p>") + Markup(" ".join(_TAG_RE.sub(" ", html).split())) + Markup("</p>")


def error_page(source: PlanSource, options: SiteOptions) -> SitePage:
    """The page shown under ``mkdocs serve`` for a plan with errors: the list of its problems."""
    labels = texts("site", options.lang)
    problems = [_problem_view(p, options.lang) for p in source.checked.problems]
    html = render("pac_gen_errors.html", L=labels, problems=problems, path=source.checked.path)
    title = escape(f"{colon(labels['errors'], options.lang)} {source.relative}")
    return SitePage(source.page_uri, title, html)


def overview_page(sources: list[PlanSource], options: SiteOptions,
                  updates: Mapping[str, datetime] | None = None,
                  left_out: Sequence[tuple[str, int]] = ()) -> SitePage:
    """The trainer's dashboard: every published plan, grouped by sub-folder, with its key figures.

    Args:
        sources: The published plans.
        options: The site options.
        updates: Each plan's last commit by its path below the plans folder
            (:func:`pac_gen.site.history.last_changes`); a plan without one says
            "date inconnue". Dates are days in the site's time zone, as on the plan pages.
        left_out: Plan files the build left out for their errors (path, number of
            errors), named in a notice at the top that says what to do.

    """
    lang = options.lang
    changed = updates or {}
    zone = options.settings.zone
    labels = texts("site", lang)
    today = options.settings.today
    suffix = _page_suffix(options)
    groups: dict[str, list[dict[str, Any]]] = {}
    for source in sorted(sources, key=lambda s: (s.group, s.relative)):
        plan = source.checked.plan
        row: dict[str, Any] = {"source": source, "plan": plan, "href": url_path(source.stem + suffix),
                               "warnings": len(source.checked.warnings), "errors": len(source.checked.errors),
                               "updated": changed[source.relative].astimezone(zone).date()
                               if source.relative in changed else None}
        if plan is not None:
            indicators = [_indicator_view(i, plan, today) for i in plan.indicators]
            row.update(counts=metrics.task_counts(plan, today), indicator_counts=_status_counts(indicators),
                       steering=pilotage.steering(plan, today), measured=metrics.last_measurement_day(plan, today))
        groups.setdefault(source.group, []).append(row)
    html = render(
        "pac_gen_overview.html", L=labels, C=texts("word", lang), S=texts("steer", lang), lang=lang, groups=groups,
        count=len(sources), overview_chart_html=_overview_extras(sources, options),
        left_out=[{"path": path, "errors": errors} for path, errors in sorted(left_out)],
    )
    return SitePage(OVERVIEW_URI, escape(labels["overview"]), html)


@dataclass(frozen=True)
class SiteCalendar:
    """The calendar of every published plan: its page and its ICS feed."""

    page: SitePage
    feed_uri: str
    feed: bytes


CALENDAR_URI = "calendrier.md"
CALENDAR_FEED_URI = "calendrier.ics"


def calendar_choices(sources: list[PlanSource], links: Mapping[str, str],
                     lang: str) -> list[tuple[str, list[agenda_views.CalendarChoice]]]:
    """The cohort calendar filter's entries, grouped by sub-folder as on the overview.

    A folder of several plans (one learner's) also gets an entry keeping all of them.
    """
    groups: dict[str, list[agenda_views.CalendarChoice]] = {}
    for source in sorted(sources, key=lambda s: (s.group, s.relative)):
        plan = source.checked.plan
        if plan is None:
            continue
        # Who first: a phone's select shows only the start of the label.
        label = f"{plan.author} — {plan.display_title}" if plan.author else plan.display_title
        groups.setdefault(source.group, []).append(agenda_views.CalendarChoice(
            source.stem, label, (source.checked.path,), links.get(source.checked.path, "")))
    for group, items in groups.items():
        if group and len(items) > 1:
            items.insert(0, agenda_views.CalendarChoice(
                f"{group}/", text("calendar.filter_group", lang, who=group), tuple(p for c in items for p in c.plans)))
    return list(groups.items())


def site_calendar(sources: list[PlanSource], options: SiteOptions) -> SiteCalendar:
    """The cohort's calendar (who does what when) and the feed gathering every plan."""
    published = [(s.checked.path, s.checked.plan) for s in sources if s.checked.plan is not None]
    up = _link_prefix(options)  # the calendar's page is one level down, as a plan page
    suffix = _page_suffix(options)
    links = {s.checked.path: url_path(f"{up}{PAGES_DIR}/{s.stem}{suffix}")
             for s in sources if s.checked.plan is not None}
    feed_href = (_absolute_href(options.site_url, CALENDAR_FEED_URI) if options.site_url
                 else url_path(up + CALENDAR_FEED_URI))
    # The filter's links live in a data- attribute, which no engine rewrites: written as published.
    pages = {s.checked.path: url_path(("../" if options.use_directory_urls else "")
                                      + published_page_path(s.page_uri, options.use_directory_urls))
             for s in sources if s.checked.plan is not None}
    html = agenda_views.subscribe_html(feed_href, options.settings) + agenda_views.site_calendar_html(
        published, options.settings, links, calendar_choices(sources, pages, options.lang))
    title = escape(text("calendar.site_calendar", options.lang))
    # Left out of search: at 1,000 plans it is the largest page, and indexing it cost more than building it.
    page = SitePage(CALENDAR_URI, title, Markup('<div class="pac-gen">') + html + Markup("</div>"), searchable=False)
    urls = {s.relative: url for s in sources if (url := plan_page_url(s, options))}
    feed = ics.site_feed([(s.relative, s.checked.plan) for s in sources if s.checked.plan is not None],
                         options.settings, options.feeds, urls)
    return SiteCalendar(page, CALENDAR_FEED_URI, feed)
