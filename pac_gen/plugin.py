"""The ``pac_gen`` MkDocs / ProperDocs plugin: a thin adapter over the core.

Hooks only orchestrate, in the manner of Material's blog plugin:

- ``on_config`` resets the per-build state (the same instance serves every
  rebuild of ``mkdocs serve``), resolves the options and adds the stylesheets;
- ``on_files`` checks every plan once, logs warnings (so ``--strict`` fails on
  them), stops the build on errors, and adds the generated pages, downloads and
  assets with ``File.generated`` (nothing is ever written in ``docs/`` or ``plans/``);
- ``on_page_content`` swaps each generated page's placeholder for its HTML
  (built by :mod:`pac_gen.site`) and gives it its table of contents;
- ``on_serve`` watches the plans folder.

Under ``mkdocs serve`` an invalid plan does not stop the server: its page lists
its errors, and the next valid save brings the plan back.
"""

from __future__ import annotations

import importlib
import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pac_gen.charts import PLOTLY_JS_NAME, plotly_js_path
from pac_gen.config import LANGUAGES, PacGenConfig, running_tool
from pac_gen.problems import Problem
from pac_gen.site import (
    PlanSource,
    SiteOptions,
    SitePage,
    TocEntry,
    downloads,
    error_page,
    overview_page,
    plan_page,
    site_calendar,
)
from pac_gen.today import resolve_today
from pac_gen.validate import Settings, check_file, find_plan_files, outside_link_problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import PluginError
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.plugins import BasePlugin, get_plugin_logger
    from mkdocs.structure.files import File, Files, InclusionLevel
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink, TableOfContents
else:
    _TOOL = running_tool()
    PluginError = importlib.import_module(f"{_TOOL}.exceptions").PluginError
    BasePlugin = importlib.import_module(f"{_TOOL}.plugins").BasePlugin
    get_plugin_logger = importlib.import_module(f"{_TOOL}.plugins").get_plugin_logger
    _files = importlib.import_module(f"{_TOOL}.structure.files")
    File, Files, InclusionLevel = _files.File, _files.Files, _files.InclusionLevel
    _toc = importlib.import_module(f"{_TOOL}.structure.toc")
    AnchorLink, TableOfContents = _toc.AnchorLink, _toc.TableOfContents

log = get_plugin_logger(__name__)

ASSETS_URI = "assets/pac_gen"
"""Where the files of ``pac_gen/assets/`` are published in the site."""


def _problem_line(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}:{problem.column}: {problem.code} {problem.message}"


def _assets() -> list[tuple[str, bytes]]:
    """The package's asset files (name, bytes), in a stable order."""
    folder = resources.files("pac_gen") / "assets"
    return sorted((item.name, item.read_bytes()) for item in folder.iterdir()
                  if item.is_file() and not item.name.startswith("."))


class PacGenPlugin(BasePlugin[PacGenConfig]):
    """Publishes every plan of ``plans_dir`` as a page, plus an overview of all of them."""

    def __init__(self) -> None:
        self.serving = False
        self._reset()

    def _reset(self) -> None:
        self.plans_dir = Path()
        self.options: SiteOptions | None = None
        self.sources: list[PlanSource] = []
        self.pages: dict[str, SitePage] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is ``mkdocs serve``, where errors must not stop the server."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Reset the state of the previous build, resolve the options, add the stylesheets."""
        self._reset()
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self.plans_dir = (base / self.config.plans_dir).resolve()
        try:
            today = resolve_today(self.config.today)  # type: ignore[arg-type]
        except ValueError as exc:
            raise PluginError(f"pac_gen: today: {exc}") from None
        try:
            ZoneInfo(self.config.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise PluginError(f"pac_gen: timezone: {self.config.timezone!r} n'est pas un fuseau IANA "
                              "(ex. Europe/Paris)") from None
        lang = self.config.language or _theme_language(config)
        settings = Settings(today=today, lang=lang, timezone=self.config.timezone,
                            working_day_hours=float(self.config.working_day_hours))
        self.options = SiteOptions(settings, use_directory_urls=config.use_directory_urls,
                                   include_confidential=self.config.include_confidential,
                                   site_url=config.site_url or None)
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
            raise PluginError(f"pac_gen: plans_dir: le dossier {self.plans_dir} n'existe pas")
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        docs_dir = Path(config.docs_dir)
        errors: list[Problem] = []
        refused: list[Path] = []  # symbolic links leading outside plans_dir: reported, never read
        for path in find_plan_files([self.plans_dir], refused):
            display = Path(os.path.relpath(path, base)).as_posix()
            checked = check_file(path, options.settings, display)
            for problem in checked.warnings:
                log.warning(_problem_line(problem))
            errors.extend(checked.errors)
            source = PlanSource(checked, path.relative_to(self.plans_dir).as_posix())
            if not source.is_published(options.include_confidential):
                continue
            self.sources.append(source)
            if checked.plan is not None:
                page = plan_page(source, options, display)
                for name, data in downloads(source, options, display).items():
                    files.append(File.generated(config, name, content=data))
            else:
                page = error_page(source, options)
            added = self._add_page(files, config, page, InclusionLevel.NOT_IN_NAV)
            # "Edit this page" opens the plan's YAML file, wherever it is relative to docs/.
            added.edit_uri = Path(os.path.relpath(path, docs_dir)).as_posix()
        errors.extend(outside_link_problem(path, options.lang, Path(os.path.relpath(path, base)).as_posix())
                      for path in refused)
        if errors:
            lines = [_problem_line(p) for p in sorted(errors)]
            if not self.serving:
                raise PluginError(f"pac_gen: {len(errors)} erreur(s) dans les plans :\n" + "\n".join(lines))
            for line in lines:  # the server keeps running; the plan's page shows its errors
                log.error(line)
        self._add_page(files, config, overview_page(self.sources, options), InclusionLevel.INCLUDED)
        calendar = site_calendar(self.sources, options)
        self._add_page(files, config, calendar.page, InclusionLevel.INCLUDED)
        files.append(File.generated(config, calendar.feed_uri, content=calendar.feed))
        for name, data in _assets():
            files.append(File.generated(config, f"{ASSETS_URI}/{name}", content=data))
        # The one copy of plotly.js in the site, straight from the installed package.
        files.append(File.generated(config, f"{ASSETS_URI}/{PLOTLY_JS_NAME}", abs_src_path=str(plotly_js_path())))
        return files

    def _add_page(self, files: Files, config: MkDocsConfig, page: SitePage, inclusion: InclusionLevel) -> File:
        if files.get_file_from_path(page.uri) is not None:
            raise PluginError(f"pac_gen: {page.uri} existe déjà dans {config.docs_dir} : "
                              "renommez ce fichier, cette page est générée à partir des plans")
        file = File.generated(config, page.uri, content=page.markdown, inclusion=inclusion)
        files.append(file)
        self.pages[page.uri] = page
        return file

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Give a generated page its HTML and table of contents (Markdown never saw learner text)."""
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        page.toc = TableOfContents([_anchor(entry) for entry in generated.toc])
        return str(generated.html)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        """Rebuild when a plan changes."""
        if self.plans_dir.is_dir():
            server.watch(str(self.plans_dir))
        return server


def _anchor(entry: TocEntry) -> AnchorLink:
    link = AnchorLink(str(entry.title), entry.id, entry.level)
    link.children = [_anchor(child) for child in entry.children]
    return link


def _theme_language(config: MkDocsConfig) -> str:
    """The theme's language when the site supports it, else French."""
    theme_language = str(config.theme.get("language") or "")[:2]
    return theme_language if theme_language in LANGUAGES else "fr"

