"""The ``pac_gen`` MkDocs / ProperDocs plugin: a thin adapter over the core.

Hooks only orchestrate, in the manner of Material's blog plugin:

- ``on_config`` resets the per-build state (the same instance serves every
  rebuild of ``mkdocs serve``), resolves the options and adds the stylesheets;
- ``on_files`` asks the engine-free :mod:`pac_gen.site.build` for what the plans
  add to the site (checked once, output paths claimed, plans with errors left
  out), logs the plans' problems, and adds the generated pages, downloads and
  assets with ``File.generated`` (nothing is ever written in ``docs/`` or ``plans/``);
- ``on_page_content`` swaps each generated page's placeholder for its HTML
  (built by :mod:`pac_gen.site.pages`) and gives it its table of contents;
- ``on_serve`` watches the plans folder; in a focused preview, it also tells
  the build which plan files changed, so that a rebuild never walks the cohort.

Under ``mkdocs serve`` an invalid plan does not stop the server: its page lists
its errors, and the next valid save brings the plan back. A build leaves it out
and publishes the others (issue 21).

The plans' problems are logged through a logger of their own, outside MkDocs'
(``pac_gen.plans``): ``--strict`` counts MkDocs' warnings (a broken link in
``docs/``), never a learner's plan warning or error, so that one learner cannot
stop the cohort's publication. ``pac-gen build`` says what was left out and
ends with its own exit status (``docs/site.md``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import jinja2
import jinja2.bccache
import watchdog.events

# Plain mkdocs imports: under ProperDocs they are ProperDocs' own modules (see pac_gen.engines.mkdocs_config).
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import AnchorLink, TableOfContents

from pac_gen.engines.mkdocs_config import PacGenConfig
from pac_gen.site.build import (
    FOCUS_ENV,
    REPORT_ENV,
    Focus,
    GeneratedFile,
    PlanChanges,
    SiteBuild,
    SiteBuilder,
    SiteBuildError,
    asset_links,
    edit_path,
    preview_focus,
    problem_lines,
    site_options,
    write_report,
)
from pac_gen.site.pages import SiteOptions, SitePage, TocEntry
from pac_gen.text import LANGUAGES, text

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page
    from watchdog.observers.api import BaseObserver


class _EngineStyle(logging.Handler):
    """Lines as MkDocs prints its own (``WARNING -  …``), on the ``sys.stderr`` of the moment."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"{record.levelname:<7} -  {record.getMessage()}", file=sys.stderr)


plans_log = logging.getLogger("pac_gen.plans")
"""The plans' problems: not under the ``mkdocs`` logger, so the engine's ``--strict`` does not count them."""
if not plans_log.handlers:
    plans_log.addHandler(_EngineStyle())
    plans_log.propagate = False
    plans_log.setLevel(logging.INFO)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled Jinja templates in memory, for the life of one preview server."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _quiet_dirty_warning(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith("A 'dirty' build is being performed")


class PacGenPlugin(BasePlugin[PacGenConfig]):
    """Publishes every plan of ``plans_dir`` as a page, plus an overview of all of them."""

    def __init__(self) -> None:
        self.serving = False
        # Its caches (checked plans, ICS events) survive between `mkdocs serve` rebuilds.
        self.builder = SiteBuilder()
        # So do the theme's compiled templates: MkDocs makes a new Jinja environment
        # for every rebuild, and compiling Material's templates again was a quarter
        # of a preview rebuild (keyed by each template's source: never stale).
        self._templates = _CompiledTemplates()
        # The plan files the server's watcher saw change, for a focused rebuild (see on_serve).
        self.changes = PlanChanges()
        # A preview's focus, decided once for its plans folder (deciding counts the plans).
        self._focus: tuple[Path, str | None, Focus | None] | None = None
        # What the last build generated (output paths), so that a plan deleted during a
        # `--dirty` preview does not leave its page behind for the next build.
        self._generated_outputs: tuple[str, set[str]] = ("", set())
        # The system's watcher of the plans folder and the file it touches, while serving.
        self._native: tuple[BaseObserver, Path] | None = None
        self._reset()

    def _reset(self) -> None:
        self.plans_dir = Path()
        self.options: SiteOptions | None = None
        self.build: SiteBuild | None = None
        # The parts of each page kept out of the search index, between on_page_content
        # and on_post_page, as UTF-8 (mostly ASCII HTML: half the size of a str that
        # holds one narrow no-break space).
        self._put_back: dict[str, list[bytes]] = {}
        self._stale_outputs: set[str] = set()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this is ``mkdocs serve``, where errors must not stop the server.

        ``pac-gen serve`` runs a focused preview with ``--dirty`` (pages of docs/
        that did not change are not rebuilt): the engine's warning about dirty
        builds, meant for site authors, is left out of the learner's terminal.
        """
        self.serving = command == "serve"
        self.changes = PlanChanges()
        self._focus = None
        self._generated_outputs = ("", set())
        if self.serving and dirty:
            for name in ("mkdocs.commands.build", "properdocs.commands.build"):
                logging.getLogger(name).addFilter(_quiet_dirty_warning)

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Under ``serve``, keep the theme's compiled templates from one rebuild to the next."""
        if self.serving:
            env.bytecode_cache = self._templates
        return env

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Reset the state of the previous build, resolve the options, add the stylesheets."""
        self._reset()
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        try:
            self.plans_dir, self.options = site_options(
                dict(self.config), base=base, theme_lang=config.theme.get("language"),
                use_directory_urls=config.use_directory_urls, site_url=config.site_url, feeds=self.builder.feeds)
        except SiteBuildError as exc:
            raise PluginError(str(exc)) from None
        stylesheets, scripts = asset_links()
        config.extra_css.extend(uri for uri in stylesheets if uri not in config.extra_css)
        config.extra_javascript.extend(uri for uri in scripts if uri not in config.extra_javascript)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Check every plan once, report its problems, and add the pages, downloads and assets."""
        assert self.options is not None
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        docs_dir = Path(config.docs_dir)
        try:
            build = self.builder.build(self.plans_dir, self.options, base=base, docs_dir=docs_dir,
                                       existing={file.src_uri: file.dest_uri for file in files},
                                       serving=self.serving, focus=self.focus, changes=self.changes)
        except SiteBuildError as exc:
            raise PluginError(str(exc)) from None
        self.build = build
        for line in problem_lines(build.warnings):
            plans_log.warning(line)
        # A build leaves such plans out (pac-gen build names them); a preview shows each one's errors on its page.
        for line in problem_lines(build.errors):
            plans_log.error(line)
        report = os.environ.get(REPORT_ENV)
        if report and not self.serving:
            write_report(build, report)
        ours: list[File] = []
        for entry in build.plan_pages.values():
            added = File.generated(config, entry.uri, content=entry.markdown, inclusion=InclusionLevel.NOT_IN_NAV)
            # "Edit this page" opens the plan's YAML file (percent-encoded), wherever it is relative to docs/.
            added.edit_uri = edit_path(entry.path, docs_dir)
            ours.append(added)
        for page in build.pages.values():
            ours.append(File.generated(config, page.uri, content=page.markdown, inclusion=InclusionLevel.INCLUDED))
        ours.extend(_generated_file(config, generated) for generated in build.files)
        for file in ours:
            files.append(file)
        if self.serving:
            outputs = {file.abs_dest_path for file in ours}
            site_dir, before = self._generated_outputs
            self._stale_outputs = before - outputs if site_dir == config.site_dir else set()
            self._generated_outputs = (config.site_dir, outputs)
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """In a preview, remove the pages and downloads of plans deleted since the last build.

        A ``--dirty`` build (``pac-gen serve``) keeps the site folder: the page of a
        deleted plan would still be served at its address.
        """
        for path in self._stale_outputs:
            with contextlib.suppress(OSError):
                os.remove(path)
        self._stale_outputs = set()

    @property
    def focus(self) -> Focus | None:
        """The focus of this preview (None to show every plan, and always in a one-off build)."""
        if not self.serving:
            return None
        given = os.environ.get(FOCUS_ENV)
        if self._focus is None or self._focus[:2] != (self.plans_dir, given):
            self._focus = (self.plans_dir, given, preview_focus(self.plans_dir, os.environ))
        return self._focus[2]

    @property
    def _lang(self) -> str:
        return self.options.lang if self.options is not None else "fr"

    def _generated(self, uri: str) -> SitePage | None:
        """The generated page at ``uri``, rendered now if it is a plan's."""
        if self.build is None:
            return None
        return self.builder.page(self.build, uri, self.serving)

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
        """Rebuild when a plan changes; in a focused preview, tell the build which plan files changed.

        The engine finds changes by listing and stat'ing every watched file twice a
        second: for the plans folder of a large cohort, a cost that grows with it.
        A focused preview watches the plans folder with the system's notifications
        instead (watchdog's native observer), notes each changed path for
        :class:`~pac_gen.site.build.PlanChanges`, then touches a file of its own
        outside the project, which is what the engine polls instead of the plans: the
        rebuild always comes after the path was noted. Where the system refuses
        (no notification watch left…), the engine polls the plans folder as before,
        and a second handler on that same poll notes the paths.
        """
        if not self.plans_dir.is_dir():
            return server
        folder = os.path.abspath(self.plans_dir)
        if self.focus is None:
            server.watch(folder)
            return server
        pulse = self._watch_natively(folder)
        if pulse is not None:
            server.watch(str(pulse))
        else:
            server.watch(folder)
            server.observer.schedule(_ChangedPaths(self.changes), folder, recursive=True)
        self.changes.watching = self.plans_dir
        return server

    def _watch_natively(self, folder: str) -> Path | None:
        """Start watching ``folder`` with the system's notifications; the file they touch, or None if refused."""
        import watchdog.observers

        pulse = Path(tempfile.mkdtemp(prefix="pac_gen-preview-")) / "plans-changed"
        pulse.write_bytes(b"")
        observer = watchdog.observers.Observer()
        try:
            observer.schedule(_ChangedPaths(self.changes, pulse), folder, recursive=True)
            observer.start()
        except OSError:
            shutil.rmtree(pulse.parent, ignore_errors=True)
            return None
        self._native = (observer, pulse)
        return pulse

    def on_shutdown(self) -> None:
        """The server's watchers are gone: a later build must walk the plans folder again."""
        self.changes.watching = None
        if self._native is not None:
            observer, pulse = self._native
            self._native = None
            observer.stop()
            observer.join()
            shutil.rmtree(pulse.parent, ignore_errors=True)


class _ChangedPaths(watchdog.events.FileSystemEventHandler):
    """Notes the paths below the plans folder that a watcher saw change; then touches ``pulse``, if given."""

    def __init__(self, changes: PlanChanges, pulse: Path | None = None) -> None:
        self.changes = changes
        self.pulse = pulse

    def on_any_event(self, event: watchdog.events.FileSystemEvent) -> None:
        # Opening and reading a plan (the build does) is no change; nor is a folder "modified",
        # one whose content changed: the files themselves are reported.
        if event.event_type not in ("created", "deleted", "modified", "moved") or (
                event.is_directory and event.event_type == "modified"):
            return
        for path in (event.src_path, event.dest_path):
            if path:
                self.changes.saw(os.fsdecode(path))
        if self.pulse is not None:
            with contextlib.suppress(OSError), self.pulse.open("ab") as pulse:
                pulse.write(b".")  # a new size: the engine's poll sees it whatever its clock's resolution


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


def _generated_file(config: MkDocsConfig, generated: GeneratedFile) -> File:
    if generated.source is not None:
        return File.generated(config, generated.uri, abs_src_path=str(generated.source))
    return File.generated(config, generated.uri, content=generated.content or b"")
