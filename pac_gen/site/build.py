"""What the plans add to a site, whatever engine builds it (no MkDocs, no Zensical here).

Every engine adapter — the MkDocs/ProperDocs plugin (:mod:`pac_gen.engines.mkdocs_plugin`) and
the Zensical path (:mod:`pac_gen.engines.zensical`) — asks :class:`SiteBuilder`
for a :class:`SiteBuild`: the plans found and checked once, their problems, the
output paths each one claims (two plans never write to the same place), and the
list of generated pages, downloads and assets with their content. The adapter
then only hands these to its engine, and renders each plan page when the engine
needs it (:meth:`SiteBuilder.page`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import Markup

from pac_gen.agenda.ics import FeedParts
from pac_gen.check.problems import Problem, Severity, format_text
from pac_gen.check.validate import (
    CheckedPlan,
    Refusal,
    check_bytes,
    check_file,
    find_plan_files,
    plans_below,
    refusal_problem,
    shown_path,
)
from pac_gen.format.loader import read_plan_bytes
from pac_gen.format.settings import Settings, SettingsError
from pac_gen.site.charts import PLOTLY_JS_NAME, plotly_js_path
from pac_gen.site.history import ChangeDates, last_changes
from pac_gen.site.pages import (
    CALENDAR_FEED_URI,
    CALENDAR_URI,
    OVERVIEW_URI,
    PlanSource,
    SiteCalendar,
    SiteOptions,
    SitePage,
    download_names,
    downloads,
    error_page,
    overview_page,
    plan_page,
    plan_page_markdown,
    site_calendar,
    url_path,
)
from pac_gen.text import LANGUAGES, message, plural, text

ASSETS_URI = "assets/pac_gen"
"""Where the files of ``pac_gen/site/assets/`` are published in the site."""

RESERVED_URIS = (OVERVIEW_URI, CALENDAR_URI, CALENDAR_FEED_URI)
"""Pages of the whole site that no plan may take."""

OPTION_DEFAULTS: dict[str, Any] = {
    "plans_dir": "plans", "today": None, "include_confidential": False,
    "working_day_hours": 7, "timezone": "Europe/Paris", "language": None,
}
"""The options of the ``pac_gen`` entry under ``plugins:`` in ``mkdocs.yml``, with their defaults."""


class SiteBuildError(Exception):
    """A problem that stops the site build; its message is ready to show (French, one line per problem)."""


FOCUS_ENV = "PAC_GEN_FOCUS"
"""Set by ``pac-gen serve`` for its engine: the preview's :class:`Focus`, as :meth:`Focus.to_env` writes it."""

FOCUS_FROM = 50
"""A preview shows every plan of a folder of at most this many plans; past it, only those being edited."""


@dataclass(frozen=True)
class Focus:
    """The plans a preview of a large cohort shows: those being edited.

    A cohort of a thousand plans took 98 s before its first page and 27 s per save,
    since the engine rebuilds every page each time. A learner previews their own
    plans: the ones below ``paths``, plus any saved since the preview started.
    The overview and the cohort calendar say that they show only these.

    Attributes:
        paths: Files or folders, relative to the plans folder (``camille``, ``camille/boutique.yaml``).
        since: Seconds since the epoch: a plan modified after it is shown too.

    """

    paths: tuple[str, ...] = ()
    since: float | None = None

    def wants(self, path: Path, relative: str) -> bool:
        """True when the plan at ``path`` (``relative`` below the plans folder) is shown."""
        if any(relative == p or relative.startswith(p.rstrip("/") + "/") for p in self.paths):
            return True
        try:
            return self.since is not None and path.stat().st_mtime > self.since
        except OSError:
            return True  # let the check say what is wrong with it

    def to_env(self) -> str:
        """The focus as one environment value: the start time, then each path, separated by NUL-free tabs."""
        return "\t".join([repr(self.since) if self.since is not None else "", *self.paths])

    @classmethod
    def from_env(cls, value: str) -> Focus:
        """The focus :meth:`to_env` wrote."""
        since, *paths = value.split("\t")
        return cls(tuple(p for p in paths if p), float(since) if since else None)


def preview_focus(plans_dir: Path, environ: Mapping[str, str]) -> Focus | None:
    """The focus of a preview started by ``pac-gen serve``, or None to show every plan.

    ``pac-gen serve`` writes absolute paths; they become paths below ``plans_dir``
    (a path outside it shows nothing). None when the variable is not set, and when
    no path was chosen and the plans folder holds at most :data:`FOCUS_FROM` plans:
    a small site is quick to rebuild whole, and a newcomer sees the examples.
    """
    value = environ.get(FOCUS_ENV)
    if value is None:
        return None
    given = Focus.from_env(value)
    root = plans_dir.resolve()
    inside = [Path(p).resolve() for p in given.paths]
    focus = Focus(tuple(p.relative_to(root).as_posix() if p != root else "" for p in inside
                        if p.is_relative_to(root)), given.since)
    if "" in focus.paths:  # the whole plans folder was chosen
        return None
    if given.paths:
        return focus
    count = 0
    for _ in find_plan_files([plans_dir]):
        count += 1
        if count > FOCUS_FROM:
            return focus
    return None


class PlanChanges:
    """The paths below the plans folder that a preview's file watcher saw change since the last rebuild.

    The engine adapter feeds it from its engine's watcher (another thread) and sets
    ``watching`` to the folder watched; a focused rebuild of that plans folder then
    looks at these paths only, instead of walking and reading the state of every plan
    of the cohort. Without a watcher of that folder (none yet, or ``plans_dir`` changed
    in ``mkdocs.yml`` meanwhile), each rebuild walks the whole folder, as nothing else
    would tell it about a new plan.
    """

    def __init__(self) -> None:
        self.watching: Path | None = None
        self._lock = threading.Lock()
        self._paths: set[Path] = set()

    def saw(self, path: str | os.PathLike[str]) -> None:
        """Note that the file or folder at ``path`` was created, modified, deleted or moved (either end)."""
        with self._lock:
            self._paths.add(Path(path))

    def take(self) -> set[Path]:
        """The paths seen since the last call, forgotten here."""
        with self._lock:
            paths, self._paths = self._paths, set()
        return paths


@dataclass
class _Cohort:
    """The plan files of a focused preview: walked once, then kept up to date from a watcher's reports.

    Attributes:
        plans_dir: The plans folder.
        focus: The focus they were sorted with.
        known: Every plan file of the folder (their count is the notice's total).
        shown: The plans the preview shows: those in focus, and those seen saved since.
        refused: Paths found but no plan may have, by path.

    """

    plans_dir: Path
    focus: Focus
    known: set[Path] = field(default_factory=set)
    shown: set[Path] = field(default_factory=set)
    refused: dict[Path, Refusal] = field(default_factory=dict)

    @classmethod
    def walk(cls, plans_dir: Path, focus: Focus) -> _Cohort:
        """Every plan of the folder, sorted into shown or left out (the one walk of a watched preview)."""
        refused: list[Refusal] = []
        cohort = cls(plans_dir, focus, refused={})
        for path in find_plan_files([plans_dir], refused):
            cohort.known.add(path)
            if focus.wants(path, path.relative_to(plans_dir).as_posix()):
                cohort.shown.add(path)
        cohort.refused = {refusal.path: refusal for refusal in refused}
        return cohort

    def update(self, changed: Iterable[Path]) -> None:
        """Forget what was at each changed path, and take what is there now: a plan saved, added or moved in is shown."""
        for path in changed:
            if path == self.plans_dir or not path.is_relative_to(self.plans_dir):
                continue
            below = str(path) + os.sep
            if path in self.known:
                self.known.discard(path)
                self.shown.discard(path)
            elif path.is_dir() and not path.is_symlink():
                if any(str(p).startswith(below) for p in self.known):
                    continue  # a folder already there, whose content changed: its files are reported themselves
            elif not os.path.lexists(path):  # perhaps a folder deleted or moved away: what was below it goes too
                for gone in [p for p in self.known if str(p).startswith(below)]:
                    self.known.discard(gone)
                    self.shown.discard(gone)
                for gone in [p for p in self.refused if str(p).startswith(below)]:
                    del self.refused[gone]
            self.refused.pop(path, None)
            refused: list[Refusal] = []
            for found in plans_below(self.plans_dir, path, refused):
                self.known.add(found)
                self.shown.add(found)
            self.refused.update((refusal.path, refusal) for refusal in refused)


def assets() -> list[tuple[str, bytes]]:
    """The package's asset files (name, bytes), in a stable order."""
    folder = resources.files("pac_gen.site") / "assets"
    return sorted((item.name, item.read_bytes()) for item in folder.iterdir()
                  if item.is_file() and not item.name.startswith("."))


def asset_links() -> tuple[list[str], list[str]]:
    """The stylesheets and scripts every page links to (charts.js loads plotly.min.js itself, only where needed)."""
    names = [name for name, _ in assets()]
    return ([f"{ASSETS_URI}/{n}" for n in names if n.endswith(".css")],
            [f"{ASSETS_URI}/{n}" for n in names if n.endswith(".js")])


def theme_language(language: object) -> str:
    """The site's language from the theme's ``language`` when pac_gen speaks it, else French."""
    code = str(language or "")[:2]
    return code if code in LANGUAGES else "fr"


def site_options(options: Mapping[str, Any], *, base: Path, theme_lang: object, use_directory_urls: bool,
                 site_url: str | None, feeds: FeedParts | None = None) -> tuple[Path, SiteOptions]:
    """The plans folder and the site options from the plugin's (type-checked) options.

    Args:
        options: ``plans_dir``, ``today``, ``include_confidential``, ``working_day_hours``,
            ``timezone`` and ``language``, as in :data:`OPTION_DEFAULTS`.
        base: The folder of ``mkdocs.yml``, which ``plans_dir`` is relative to.
        theme_lang: The theme's ``language``, used when ``language`` is not set.
        use_directory_urls: The site's ``use_directory_urls``.
        site_url: The site's ``site_url``.
        feeds: The ICS events already serialised, kept by the builder between preview rebuilds.

    Raises:
        SiteBuildError: An option has a value pac_gen cannot use.

    """
    lang = options["language"] or theme_language(theme_lang)
    configured = Path(os.path.normpath(base / options["plans_dir"]))
    plans_dir = configured.resolve()
    if configured.is_relative_to(base) and not plans_dir.is_relative_to(base.resolve()):
        # A `plans/` committed as a link to elsewhere on the machine that builds
        # (a CI runner's home…) would publish whatever is there.
        raise SiteBuildError("pac_gen: plans_dir: " + message("plugin.plans_outside", lang,
                                                              path=options["plans_dir"], target=str(plans_dir)))
    try:
        settings = Settings.parse(today=options["today"], lang=lang, timezone=options["timezone"],
                                  working_day_hours=options["working_day_hours"])
    except SettingsError as exc:
        raise SiteBuildError(f"pac_gen: {exc.option}: {exc}") from None
    return plans_dir, SiteOptions(settings, use_directory_urls=use_directory_urls,
                                  include_confidential=options["include_confidential"], site_url=site_url or None,
                                  feeds=feeds if feeds is not None else FeedParts())


def checked_options(raw: object) -> dict[str, Any]:
    """The ``pac_gen`` plugin options as written in ``mkdocs.yml``, checked as MkDocs checks them.

    For engines that do not run MkDocs' config classes (Zensical): unknown keys and
    values of the wrong type are refused with the option's name.

    Raises:
        SiteBuildError: An unknown option, or a value of the wrong type.

    """
    if raw is None:
        raw = {}
    if not isinstance(raw, Mapping):
        raise SiteBuildError(f"pac_gen: {text('plugin.options_table')}")
    options = dict(OPTION_DEFAULTS)
    expected: dict[str, tuple[type, ...]] = {
        "plans_dir": (str,), "today": (str, date), "include_confidential": (bool,),
        "working_day_hours": (int, float), "timezone": (str,), "language": (str,),
    }
    for key, value in raw.items():
        if key not in expected:
            raise SiteBuildError(f"pac_gen: {text('plugin.option_unknown', name=key, known=', '.join(expected))}")
        if value is None and OPTION_DEFAULTS[key] is None:
            continue
        if not isinstance(value, expected[key]) or (isinstance(value, bool) and bool not in expected[key]):
            raise SiteBuildError(f"pac_gen: {key}: {text('plugin.option_type', value=repr(value))}")
        if key == "language" and value not in LANGUAGES:
            raise SiteBuildError(f"pac_gen: language: {text('plugin.language', value=repr(value), known=', '.join(LANGUAGES))}")
        options[key] = value
    return options


def page_dest(uri: str, use_directory_urls: bool) -> str:
    """Where a site engine writes the file made from ``uri`` (``plans/x.md`` → ``plans/x/index.html``)."""
    path = PurePosixPath(uri)
    if path.suffix != ".md":
        return uri
    if path.stem in ("index", "README"):
        return str(path.with_name("index.html"))
    if use_directory_urls:
        return str(path.with_suffix("") / "index.html")
    return str(path.with_suffix(".html"))


def edit_path(plan: Path, docs_dir: Path) -> str:
    """What "edit this page" opens for a plan's page: the plan's YAML file, relative to the docs folder.

    Percent-encoded: Material prints the edit URL unescaped, and a folder named
    ``"><img onerror=…>`` ran script there; encoded like every link to a plan.
    """
    return url_path(Path(os.path.relpath(plan, docs_dir)).as_posix())


class Claims:
    """Output paths of the site and their owners; refuses overlaps."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self.folders: dict[str, str] = {}

    def claim(self, owner: str, outputs: list[str]) -> tuple[str, str] | None:
        """Take ``outputs`` for ``owner``, or return (output, other owner) of the first clash."""
        for output in outputs:
            parents = [str(p) for p in PurePosixPath(output).parents if str(p) != "."]
            other = self.files.get(output) or self.folders.get(output)
            other = other or next((self.files[p] for p in parents if p in self.files), None)
            if other is not None and other != owner:
                return output, other
        for output in outputs:
            self.files[output] = owner
            for parent in PurePosixPath(output).parents:
                self.folders.setdefault(str(parent), owner)
        return None


@dataclass
class Built:
    """What one plan file gave in a build: its check, and its page and downloads once made."""

    checked: CheckedPlan
    page: SitePage | None = None
    downloads: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class GeneratedFile:
    """A file the site gets besides its pages: ``content``, or the file at ``source`` copied as it is."""

    uri: str
    content: bytes | None = None
    source: Path | None = None


@dataclass(frozen=True)
class PlanPageEntry:
    """A plan's page in the site, rendered only when the engine asks for it.

    Attributes:
        uri: The page's source name (``plans/camille/boutique.md``).
        markdown: What the engine reads before the page's HTML replaces it.
        path: The plan file, for the page's "edit" button.
        built: The plan's check (and its page once rendered).
        source: The plan and its place below the plans folder.
        display: The plan file's path as shown to readers.

    """

    uri: str
    markdown: str
    path: Path
    built: Built
    source: PlanSource
    display: str


@dataclass(frozen=True)
class LeftOut:
    """A plan file a published build leaves out because it has errors (issue 21).

    Attributes:
        path: The file, as shown in messages (``plans/karim/formations.yaml``).
        errors: How many errors it has.
        named: Whether the overview names it: not a confidential plan, which the
            site never shows, valid or not (the build's messages still name it).

    """

    path: str
    errors: int
    named: bool = True


@dataclass
class SiteBuild:
    """Everything the plans add to one build of the site.

    ``pages`` holds the site's own pages (overview, calendar), ready; ``plan_pages``
    the plan pages, rendered by :meth:`SiteBuilder.page`. ``files`` are the downloads
    and assets. A plan with ``errors`` is left out of a published build (``withheld``:
    no page, not in the calendars, feeds or downloads, named on the overview), so
    that one learner's mistake never takes the cohort's site down; a preview gives it
    a page listing its errors instead. ``warnings`` never stop a build: the engines'
    ``--strict`` does not count them (see ``docs/site.md``).
    """

    options: SiteOptions
    sources: list[PlanSource] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    pages: dict[str, SitePage] = field(default_factory=dict)
    plan_pages: dict[str, PlanPageEntry] = field(default_factory=dict)
    files: list[GeneratedFile] = field(default_factory=list)
    left_out: int = 0
    withheld: list[LeftOut] = field(default_factory=list)


REPORT_ENV = "PAC_GEN_REPORT"
"""Set by ``pac-gen build`` for its engine: a file where the build writes what it left out (:func:`write_report`)."""


def write_report(build: SiteBuild, path: str) -> None:
    """Tell ``pac-gen build`` which plan files the build left out (JSON: ``{"left_out": [path, …]}``)."""
    Path(path).write_text(json.dumps({"left_out": [w.path for w in build.withheld]}), encoding="utf-8")


def read_report(path: Path) -> list[str]:
    """The plan files :func:`write_report` said were left out; none when the build never wrote it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return []
    return [str(p) for p in data.get("left_out", [])]


def problem_lines(problems: Iterable[Problem]) -> list[str]:
    """The plans' problems as the build logs them, one ``file:line:col: CODE message`` line each."""
    return [format_text(p, severity=False) for p in sorted(problems)]


_CacheKey = tuple[str, str, str, SiteOptions]
"""A plan's bytes (SHA-256), its display path, its path below plans_dir, and the site options."""


def _with_focus_note(html: Markup, shown: int, left_out: int, lang: str) -> Markup:
    """A page of the whole site with the notice of a focused preview under its title.

    Under the page's own ``<h1>`` (the overview), else first (the cohort calendar,
    whose title the theme writes above the content when the content has none).
    """
    note = Markup('<p class="admonition note pac-gen-preview">{}</p>').format(
        plural("site.preview_focus", shown, lang, total=shown + left_out))
    title, end, rest = str(html).partition("</h1>")
    return Markup(title + end) + note + Markup(rest) if end else note + html


class SiteBuilder:
    """Makes :class:`SiteBuild` objects; one instance serves every rebuild of a preview server."""

    def __init__(self) -> None:
        # Content-addressed, so not per-build state: an entry is only ever found
        # again for the same bytes under the same name with the same options
        # (today, language, URLs… are in the key), and then it is exactly what
        # this build would compute. It survives between preview rebuilds, which
        # then redo only the plans that changed; each build keeps only the
        # entries it used, so the cache never outgrows one site.
        self._cache: dict[_CacheKey, Built] = {}
        self._site_cache: dict[tuple[tuple[_CacheKey, ...], int, tuple[LeftOut, ...], tuple[tuple[str, datetime], ...]],
                               tuple[SitePage, SiteCalendar]] = {}
        # The plans' serialised ICS events, which the site's feed reuses; same lifetime
        # (handed to the pages through SiteOptions.feeds, see site_options).
        self.feeds = FeedParts()
        # The plan files of a focused preview, walked at its first build, then kept up to
        # date from what its watcher reports (see _Cohort): a save costs the same whatever
        # the size of the cohort.
        self._cohort: _Cohort | None = None
        # The overview's git dates, read again in a preview only when a commit moved HEAD.
        self._dates = ChangeDates()

    def build(self, plans_dir: Path, options: SiteOptions, *, base: Path, docs_dir: Path,
              existing: Mapping[str, str], serving: bool, focus: Focus | None = None,
              changes: PlanChanges | None = None) -> SiteBuild:
        """Check every plan once and list what the site gets from them.

        Args:
            plans_dir: The plans folder.
            options: The site options.
            base: The folder of ``mkdocs.yml``; paths in messages are relative to it.
            docs_dir: The site's documentation folder (its name owns the files of ``existing``).
            existing: The site's own files, source URI to output path.
            serving: A preview: keep the cache for the next rebuild, and give plans with
                errors a page that lists them.
            focus: In a preview of a large cohort, the plans to show (the others are
                neither read nor checked, and the overview says so).
            changes: With ``focus``, what the preview's file watcher saw since the last
                build: when it is watching ``plans_dir``, the folder is walked once, and each
                rebuild then looks only at the plans shown and at the paths reported.

        Raises:
            SiteBuildError: The plans folder is missing, or a generated page is already a file of the site.

        """
        lang = options.lang
        if not plans_dir.is_dir():
            why = "plugin.plans_dir.not_folder" if plans_dir.exists() else "plugin.plans_dir.missing"
            raise SiteBuildError(f"pac_gen: plans_dir: {text(why, lang, path=plans_dir)}")
        for uri in (OVERVIEW_URI, CALENDAR_URI):
            if uri in existing:
                raise SiteBuildError(f"pac_gen: {text('plugin.exists', lang, uri=uri, docs_dir=docs_dir)}")
        result = SiteBuild(options)
        directory = options.use_directory_urls
        refused: list[Refusal] = []  # links out of plans_dir, names no plan may have…: reported, never read
        used: dict[_CacheKey, Built] = {}
        # Where every file of the site will be written, and what put it there: two
        # plans (`x.yaml` and `x/index.yaml`, `a.yaml` and `a.csv.yaml`…) must not
        # end up at the same place, or one at a folder the other needs.
        claims = Claims()
        for src_uri, dest_uri in existing.items():
            claims.claim(f"{docs_dir.name}/{src_uri}", [dest_uri])
        claims.claim("pac_gen", [page_dest(uri, directory) for uri in RESERVED_URIS])
        for path in self._plan_files(plans_dir, focus, changes, refused, result):
            display = Path(os.path.relpath(path, base)).as_posix()
            relative = path.relative_to(plans_dir).as_posix()
            built = self._check(path, display, relative, options, used)
            checked = built.checked
            result.warnings.extend(checked.warnings)
            result.errors.extend(checked.errors)
            source = PlanSource(checked, relative)
            published = source.is_published(options.include_confidential)
            if checked.errors and not serving:
                # Published builds leave it out, so that the others are still published.
                result.withheld.append(LeftOut(display, len(checked.errors), named=published))
                continue
            if not published:
                continue
            outputs = [page_dest(source.page_uri, directory), *download_names(source).values()]
            clash = claims.claim(display, outputs)
            if clash is not None:
                output, owner = clash
                result.errors.append(Problem(display, 1, 1, Severity.ERROR, "E012",
                                             message("E012", options.lang, output=output, owner=owner)))
                if not serving:
                    result.withheld.append(LeftOut(display, 1))
                continue  # never let one plan's page silently replace another's
            if source.page_uri in existing:
                raise SiteBuildError(f"pac_gen: {text('plugin.exists', lang, uri=source.page_uri, docs_dir=docs_dir)}")
            result.sources.append(source)
            if checked.plan is None:
                built.page = built.page or error_page(source, options)
                markdown = built.page.markdown
            else:
                built.downloads = built.downloads or downloads(source, options, display)
                markdown = plan_page_markdown(source)
            result.files.extend(GeneratedFile(name, data) for name, data in built.downloads.items())
            result.plan_pages[source.page_uri] = PlanPageEntry(source.page_uri, markdown, path, built, source, display)
        for refusal in refused:  # never read: not published in any build, named on the overview
            problem = refusal_problem(refusal, options.lang, shown_path(Path(os.path.relpath(refusal.path, base))))
            result.errors.append(problem)
            if not serving:
                result.withheld.append(LeftOut(problem.path, 1))
        # A one-off build has no next build: keeping pages for one would only hold memory.
        self._cache = used if serving else {}
        # The overview and the cohort calendar depend on every plan: made again when any plan changed.
        # One git log for every plan's last change (the overview's "mis à jour"); a new commit
        # changes the dates without changing any plan's bytes, so they are part of the key.
        wanted = [s.relative for s in result.sources]
        # No plan shown: nothing to date (an empty ``wanted`` would read the whole history).
        updates = {} if not wanted else self._dates(plans_dir, wanted) if serving else last_changes(plans_dir, wanted)
        site_key = (tuple(used), result.left_out, tuple(result.withheld), tuple(sorted(updates.items())))
        if site_key not in self._site_cache:
            named = [(w.path, w.errors) for w in result.withheld if w.named]
            overview = overview_page(result.sources, options, updates, left_out=named)
            calendar = site_calendar(result.sources, options)
            if focus is not None:
                shown = len(result.sources)
                overview = dataclasses.replace(overview, html=_with_focus_note(overview.html, shown, result.left_out,
                                                                               options.lang))
                calendar = dataclasses.replace(calendar, page=dataclasses.replace(calendar.page, html=_with_focus_note(
                    calendar.page.html, shown, result.left_out, options.lang)))
            self._site_cache = {site_key: (overview, calendar)}
        overview, calendar = self._site_cache[site_key]
        result.pages = {overview.uri: overview, calendar.page.uri: calendar.page}
        result.files.append(GeneratedFile(calendar.feed_uri, calendar.feed))
        result.files.extend(GeneratedFile(f"{ASSETS_URI}/{name}", data) for name, data in assets())
        # The one copy of plotly.js in the site, straight from the installed package.
        result.files.append(GeneratedFile(f"{ASSETS_URI}/{PLOTLY_JS_NAME}", source=plotly_js_path()))
        return result

    def _plan_files(self, plans_dir: Path, focus: Focus | None, changes: PlanChanges | None,
                    refused: list[Refusal], result: SiteBuild) -> Iterable[Path]:
        """The plan files the build shows, in path order; those a focus leaves out are counted in ``result``."""
        if focus is None:
            self._cohort = None
            return find_plan_files([plans_dir], refused)
        cohort = self._cohort
        watched = changes is not None and changes.watching == plans_dir
        if cohort is None or not watched or (cohort.plans_dir, cohort.focus) != (plans_dir, focus):
            if changes is not None:
                changes.take()  # the walk sees all of it
            cohort = _Cohort.walk(plans_dir, focus)
        else:
            assert changes is not None
            cohort.update(sorted(changes.take()))
        self._cohort = cohort
        refused.extend(cohort.refused[path] for path in sorted(cohort.refused))
        result.left_out = len(cohort.known) - len(cohort.shown)
        return sorted(cohort.shown)

    def _check(self, path: Path, display: str, relative: str, options: SiteOptions,
               used: dict[_CacheKey, Built]) -> Built:
        """The plan's check, from the cache when these bytes were already checked with these options."""
        try:
            data, size = read_plan_bytes(path)
        except OSError:  # check_file reports why the file cannot be read
            return Built(check_file(path, options.settings, display))
        key = (hashlib.sha256(data).hexdigest(), display, relative, options)
        built = self._cache.get(key) or used.get(key)
        if built is None:
            checked = check_bytes(display, data, options.settings, size)
            # The YAML node tree only serves to place problems, already placed: about
            # half a megabyte a plan, which made a 1,000-plan build pass 1 GB.
            checked.positions = None
            built = Built(checked)
        used[key] = built
        return built

    @staticmethod
    def page(build: SiteBuild, uri: str, serving: bool) -> SitePage | None:
        """The generated page at ``uri`` (None for a page of the site's own), a plan's rendered now.

        In a one-off build a page is needed once, so it is let go; in a preview the
        next rebuild reuses it while the plan's bytes and the options stay the same.
        """
        page = build.pages.get(uri)
        if page is not None:
            return page
        entry = build.plan_pages.get(uri) if serving else build.plan_pages.pop(uri, None)
        if entry is None:
            return None
        if entry.built.page is not None:
            return entry.built.page
        page = plan_page(entry.source, build.options, entry.display)
        if serving:
            entry.built.page = page
        return page
