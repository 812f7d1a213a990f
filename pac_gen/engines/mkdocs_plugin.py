"""The ``pac_gen`` MkDocs / ProperDocs plugin: a thin adapter over the core.

Hooks only orchestrate, in the manner of Material's blog plugin:

- ``on_config`` resets the per-build state (the same instance serves every
  rebuild of ``mkdocs serve``), resolves the options and adds the stylesheets;
- ``on_files`` checks every plan once, logs warnings (so ``--strict`` fails on
  them), stops the build on errors, and adds the generated pages, downloads and
  assets with ``File.generated`` (nothing is ever written in ``docs/`` or ``plans/``);
- ``on_page_content`` swaps each generated page's placeholder for its HTML
  (built by :mod:`pac_gen.site.pages`) and gives it its table of contents;
- ``on_serve`` watches the plans folder.

Under ``mkdocs serve`` an invalid plan does not stop the server: its page lists
its errors, and the next valid save brings the plan back.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

# Plain mkdocs imports: under ProperDocs they are ProperDocs' own modules (see pac_gen.engines.mkdocs_config).
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import AnchorLink, TableOfContents

from pac_gen.agenda.ics import FeedParts
from pac_gen.check.problems import Problem, Severity, format_text
from pac_gen.check.validate import (
    CheckedPlan,
    Refusal,
    check_bytes,
    check_file,
    find_plan_files,
    refusal_problem,
    shown_path,
)
from pac_gen.engines.mkdocs_config import LANGUAGES, PacGenConfig
from pac_gen.format.loader import read_plan_bytes
from pac_gen.format.settings import Settings, SettingsError
from pac_gen.site.charts import PLOTLY_JS_NAME, plotly_js_path
from pac_gen.site.pages import (
    CALENDAR_FEED_URI,
    CALENDAR_URI,
    OVERVIEW_URI,
    PlanSource,
    SiteCalendar,
    SiteOptions,
    SitePage,
    TocEntry,
    download_names,
    downloads,
    error_page,
    overview_page,
    plan_page,
    plan_page_markdown,
    site_calendar,
    url_path,
)
from pac_gen.text import message, text

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

ASSETS_URI = "assets/pac_gen"
"""Where the files of ``pac_gen/site/assets/`` are published in the site."""

RESERVED_URIS = (OVERVIEW_URI, CALENDAR_URI, CALENDAR_FEED_URI)
"""Pages of the whole site that no plan may take."""


def _assets() -> list[tuple[str, bytes]]:
    """The package's asset files (name, bytes), in a stable order."""
    folder = resources.files("pac_gen.site") / "assets"
    return sorted((item.name, item.read_bytes()) for item in folder.iterdir()
                  if item.is_file() and not item.name.startswith("."))


@dataclass
class _Built:
    """What one plan file gave in a build: its check, and its page and downloads once made."""

    checked: CheckedPlan
    page: SitePage | None = None
    downloads: dict[str, bytes] = field(default_factory=dict)


_CacheKey = tuple[str, str, str, SiteOptions]
"""A plan's bytes (SHA-256), its display path, its path below plans_dir, and the site options."""


class _Claims:
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


def _dest(config: MkDocsConfig, uri: str) -> str:
    """Where MkDocs writes the file generated from ``uri`` (``plans/x.md`` → ``plans/x/index.html``)."""
    return File.generated(config, uri, content=b"").dest_uri


def _outputs(config: MkDocsConfig, source: PlanSource) -> list[str]:
    """Every file a plan adds to the site: its page and its downloads."""
    return [_dest(config, source.page_uri), *download_names(source).values()]


class PacGenPlugin(BasePlugin[PacGenConfig]):
    """Publishes every plan of ``plans_dir`` as a page, plus an overview of all of them."""

    def __init__(self) -> None:
        self.serving = False
        # Content-addressed, so not per-build state: an entry is only ever found
        # again for the same bytes under the same name with the same options
        # (today, language, URLs… are in the key), and then it is exactly what
        # this build would compute. It survives between `mkdocs serve` rebuilds,
        # which then redo only the plans that changed; each build keeps only the
        # entries it used, so the cache never outgrows one site.
        self._cache: dict[_CacheKey, _Built] = {}
        self._site_cache: dict[tuple[_CacheKey, ...], tuple[SitePage, SiteCalendar]] = {}
        # The plans' serialised ICS events, which the site's feed reuses; same lifetime.
        self.feeds = FeedParts()
        self._reset()

    def _reset(self) -> None:
        self.plans_dir = Path()
        self.options: SiteOptions | None = None
        self.sources: list[PlanSource] = []
        self.pages: dict[str, SitePage] = {}  # the site's own pages: overview, calendar
        # Plan pages by URI, rendered only when MkDocs asks for their content: made all
        # at once in on_files, a 1,000-plan site held nearly a gigabyte of HTML.
        self.plan_pages: dict[str, tuple[_Built, PlanSource, str]] = {}
        # The parts of each page kept out of the search index, between on_page_content
        # and on_post_page, as UTF-8 (mostly ASCII HTML: half the size of a str that
        # holds one narrow no-break space).
        self._put_back: dict[str, list[bytes]] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is ``mkdocs serve``, where errors must not stop the server."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Reset the state of the previous build, resolve the options, add the stylesheets."""
        self._reset()
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        configured = Path(os.path.normpath(base / self.config.plans_dir))
        self.plans_dir = configured.resolve()
        if configured.is_relative_to(base) and not self.plans_dir.is_relative_to(base.resolve()):
            # A `plans/` committed as a link to elsewhere on the machine that builds
            # (a CI runner's home…) would publish whatever is there.
            lang = self.config.language or _theme_language(config)
            raise PluginError("pac_gen: plans_dir: " + message("plugin.plans_outside", lang,
                                                             path=self.config.plans_dir, target=str(self.plans_dir)))
        try:
            settings = Settings.parse(today=self.config.today,  # type: ignore[arg-type]
                                      lang=self.config.language or _theme_language(config),
                                      timezone=self.config.timezone, working_day_hours=self.config.working_day_hours)
        except SettingsError as exc:
            raise PluginError(f"pac_gen: {exc.option}: {exc}") from None
        self.options = SiteOptions(settings, use_directory_urls=config.use_directory_urls,
                                   include_confidential=self.config.include_confidential,
                                   site_url=config.site_url or None, feeds=self.feeds)
        for name, _ in _assets():
            uri = f"{ASSETS_URI}/{name}"
            if name.endswith(".css") and uri not in config.extra_css:
                config.extra_css.append(uri)
            # charts.js is small and loads plotly.min.js itself, only on pages with charts.
            if name.endswith(".js") and uri not in config.extra_javascript:
                config.extra_javascript.append(uri)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Check every plan once, report its problems, and add the pages, downloads and assets."""
        options = self.options
        assert options is not None
        if not self.plans_dir.is_dir():
            why = "plugin.plans_dir.not_folder" if self.plans_dir.exists() else "plugin.plans_dir.missing"
            raise PluginError(f"pac_gen: plans_dir: {text(why, options.lang, path=self.plans_dir)}")
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        docs_dir = Path(config.docs_dir)
        errors: list[Problem] = []
        refused: list[Refusal] = []  # links out of plans_dir, names no plan may have…: reported, never read
        used: dict[_CacheKey, _Built] = {}
        # Where every file of the site will be written, and what put it there: two
        # plans (`x.yaml` and `x/index.yaml`, `a.yaml` and `a.csv.yaml`…) must not
        # end up at the same place, or one at a folder the other needs.
        claims = _Claims()
        for file in files:
            claims.claim(f"{Path(config.docs_dir).name}/{file.src_uri}", [file.dest_uri])
        claims.claim("pac_gen", [_dest(config, uri) for uri in RESERVED_URIS])
        for path in find_plan_files([self.plans_dir], refused):
            display = Path(os.path.relpath(path, base)).as_posix()
            relative = path.relative_to(self.plans_dir).as_posix()
            built = self._check(path, display, relative, options, used)
            checked = built.checked
            for problem in checked.warnings:
                log.warning(format_text(problem, severity=False))
            errors.extend(checked.errors)
            source = PlanSource(checked, relative)
            if not source.is_published(options.include_confidential):
                continue
            clash = claims.claim(display, _outputs(config, source))
            if clash is not None:
                output, owner = clash
                errors.append(Problem(display, 1, 1, Severity.ERROR, "E012",
                                      message("E012", options.lang, output=output, owner=owner)))
                continue  # never let one plan's page silently replace another's
            self.sources.append(source)
            if checked.plan is None:
                built.page = built.page or error_page(source, options)
                markdown = built.page.markdown
            else:
                built.downloads = built.downloads or downloads(source, options, display)
                markdown = plan_page_markdown(source)
            for name, data in built.downloads.items():
                files.append(File.generated(config, name, content=data))
            self.plan_pages[source.page_uri] = (built, source, display)
            added = self._add_file(files, config, source.page_uri, markdown, InclusionLevel.NOT_IN_NAV)
            # "Edit this page" opens the plan's YAML file, wherever it is relative to docs/.
            # Material prints the edit URL unescaped: a folder named `"><img onerror=…>`
            # ran script there, so the path is percent-encoded like every link to a plan.
            added.edit_uri = url_path(Path(os.path.relpath(path, docs_dir)).as_posix())
        errors.extend(refusal_problem(refusal, options.lang, shown_path(Path(os.path.relpath(refusal.path, base))))
                      for refusal in refused)
        if errors:
            lines = [format_text(p, severity=False) for p in sorted(errors)]
            if not self.serving:
                raise PluginError(f"pac_gen: {text('plugin.errors', options.lang, n=len(errors))}\n" + "\n".join(lines))
            for line in lines:  # the server keeps running; the plan's page shows its errors
                log.error(line)
        # `mkdocs build` has no next build: keeping pages for one would only hold memory.
        self._cache = used if self.serving else {}
        # The overview and the cohort calendar depend on every plan: made again when any plan changed.
        site_key = tuple(used)
        if site_key not in self._site_cache:
            self._site_cache = {site_key: (overview_page(self.sources, options), site_calendar(self.sources, options))}
        overview, calendar = self._site_cache[site_key]
        self._add_page(files, config, overview, InclusionLevel.INCLUDED)
        self._add_page(files, config, calendar.page, InclusionLevel.INCLUDED)
        files.append(File.generated(config, calendar.feed_uri, content=calendar.feed))
        for name, data in _assets():
            files.append(File.generated(config, f"{ASSETS_URI}/{name}", content=data))
        # The one copy of plotly.js in the site, straight from the installed package.
        files.append(File.generated(config, f"{ASSETS_URI}/{PLOTLY_JS_NAME}", abs_src_path=str(plotly_js_path())))
        return files

    def _check(self, path: Path, display: str, relative: str, options: SiteOptions,
               used: dict[_CacheKey, _Built]) -> _Built:
        """The plan's check, from the cache when these bytes were already checked with these options."""
        try:
            data, size = read_plan_bytes(path)
        except OSError:  # check_file reports why the file cannot be read
            return _Built(check_file(path, options.settings, display))
        key = (hashlib.sha256(data).hexdigest(), display, relative, options)
        built = self._cache.get(key) or used.get(key)
        if built is None:
            checked = check_bytes(display, data, options.settings, size)
            # The YAML node tree only serves to place problems, already placed: about
            # half a megabyte a plan, which made a 1,000-plan build pass 1 GB.
            checked.positions = None
            built = _Built(checked)
        used[key] = built
        return built

    def _add_page(self, files: Files, config: MkDocsConfig, page: SitePage, inclusion: InclusionLevel) -> File:
        self.pages[page.uri] = page
        return self._add_file(files, config, page.uri, page.markdown, inclusion)

    def _add_file(self, files: Files, config: MkDocsConfig, uri: str, markdown: str, inclusion: InclusionLevel) -> File:
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"pac_gen: {text('plugin.exists', self._lang, uri=uri, docs_dir=config.docs_dir)}")
        file = File.generated(config, uri, content=markdown, inclusion=inclusion)
        files.append(file)
        return file

    @property
    def _lang(self) -> str:
        return self.options.lang if self.options is not None else "fr"

    def _generated(self, uri: str) -> SitePage | None:
        """The generated page at ``uri``, rendered now if it is a plan's."""
        page = self.pages.get(uri)
        if page is not None:
            return page
        # Under `mkdocs build` a page is needed once; under `serve` the next rebuild
        # reuses it while the plan's bytes and the options stay the same.
        found = self.plan_pages.get(uri) if self.serving else self.plan_pages.pop(uri, None)
        if found is None:
            return None
        built, source, display = found
        if built.page is not None:
            return built.page
        assert self.options is not None
        page = plan_page(source, self.options, display)
        if self.serving:
            built.page = page
        return page

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Give a generated page its HTML and table of contents (Markdown never saw learner text)."""
        uri = page.file.src_uri
        generated = self._generated(uri)
        if generated is None:
            return html
        page.toc = TableOfContents([_anchor(entry) for entry in generated.toc])
        html = str(generated.html)
        # The search plugin indexes page.content after this hook; parts it should skip wait
        # behind a comment (learner text is escaped and sanitised: it never holds one) and
        # come back in on_post_page, so the published page is the same.
        for number, (part, stand_in) in enumerate(generated.unindexed):
            html = html.replace(str(part), _unindexed_marker(number) + str(stand_in) + _UNINDEXED_END, 1)
        self._put_back[uri] = [str(part).encode() for part, _ in generated.unindexed]
        return html

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Declare the page's language; put back the parts of a generated page kept out of the search index."""
        if self.options is not None:
            output = declare_language(output, page.file.src_uri, self.options.lang)
        parts = self._put_back.pop(page.file.src_uri, None)
        if parts is None:
            return output
        for number, part in enumerate(parts):
            start = output.find(_unindexed_marker(number))
            end = output.find(_UNINDEXED_END, start)
            if start < 0 or end < 0:  # never publish the search stand-in in place of the real part
                raise PluginError(f"pac_gen: {text('plugin.comments_removed', self._lang, uri=page.file.src_uri)}")
            output = output[:start] + part.decode() + output[end + len(_UNINDEXED_END):]
        return output

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Rebuild when a plan changes."""
        if self.plans_dir.is_dir():
            server.watch(str(self.plans_dir))
        return server


_HTML_LANG = re.compile(r'<html lang="[^"]*"')


def declare_language(html: str, src_uri: str, site_lang: str) -> str:
    """``<html lang>`` of a page: the site's, or that of the language folder it sits in (``en/…``).

    The theme writes the site's language on every page; the guide's translation in
    ``docs/en/`` must say ``en``, or screen readers read English with French rules.
    """
    folder = src_uri.split("/", 1)[0] if "/" in src_uri else ""
    lang = folder if folder in LANGUAGES else site_lang
    return _HTML_LANG.sub(f'<html lang="{lang}"', html, count=1)


def _unindexed_marker(number: int) -> str:
    return f"<!-- pac_gen:unindexed:{number} -->"


_UNINDEXED_END = "<!-- /pac_gen:unindexed -->"


def _anchor(entry: TocEntry) -> AnchorLink:
    link = AnchorLink(str(entry.title), entry.id, entry.level)
    link.children = [_anchor(child) for child in entry.children]
    return link


def _theme_language(config: MkDocsConfig) -> str:
    """The theme's language when the site supports it, else French."""
    theme_language = str(config.theme.get("language") or "")[:2]
    return theme_language if theme_language in LANGUAGES else "fr"

