"""The Zensical adapter: the same site as the MkDocs plugin, through files Zensical reads.

Zensical reads ``mkdocs.yml`` and Markdown but runs no MkDocs plugin, so pages
cannot be added in memory. Instead, before each build:

1. the site build plan (:mod:`pac_gen.site.build`) checks the plans, exactly as
   the plugin does, and lists the generated pages, downloads and assets;
2. a build folder of its own (``.pac_gen/zensical/``, git-ignored) gets a
   ``docs/`` that holds the project's documentation (symbolic links to each file,
   copies under ``serve`` so that edits are seen), every generated page as a
   Markdown file that holds the page's HTML after a marker line, the downloads
   and the assets;
3. a generated ``mkdocs.yml`` there inherits the project's (``INHERIT``), points
   ``docs_dir`` and ``site_dir`` into the build folder, adds pac_gen's stylesheet
   and scripts, the Markdown extension that hands each page's HTML over untouched
   with its table of contents (:mod:`pac_gen.engines.zensical_markdown`), and
   lists the plan pages in ``not_in_nav``; a theme partial gives plan pages their
   edit button;
4. ``zensical build`` runs on it, and the site is moved where the project wants it.

Nothing is written in ``docs/`` or ``plans/``. What Zensical cannot do that the
plugin does is listed in ``docs/site.md``.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import yaml

from pac_gen.engines import process
from pac_gen.engines.zensical_markdown import HTML_MARK, toc_line
from pac_gen.format.loader import yaml_quote
from pac_gen.site.build import (
    Focus,
    PlanChanges,
    SiteBuild,
    SiteBuilder,
    SiteBuildError,
    asset_links,
    checked_options,
    edit_path,
    page_dest,
    preview_focus,
    problem_lines,
    site_options,
    write_report,
)
from pac_gen.site.pages import SitePage, TocEntry
from pac_gen.text import text

BUILD_DIR = Path(".pac_gen") / "zensical"
"""The build folder, relative to ``mkdocs.yml``."""

TOC_EXTENSION = "pac_gen.engines.zensical_markdown"


# --- Reading mkdocs.yml ---------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """YAML as MkDocs reads ``mkdocs.yml``: ``!ENV`` resolved; Python tags (emoji functions…) kept as None."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode) and node.value:
        *name_nodes, last = node.value
        names = [loader.construct_scalar(n) for n in name_nodes] if name_nodes else [loader.construct_scalar(last)]
        default = loader.construct_object(last) if name_nodes else None
    else:
        return None
    for name in names:
        if str(name) in os.environ:
            value = os.environ[str(name)]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """``INHERIT`` as MkDocs and Zensical do it: mappings merged, the child's values win."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def read_config(path: Path, depth: int = 0) -> dict[str, Any]:
    """The settings of ``mkdocs.yml`` pac_gen needs, with ``INHERIT`` followed.

    Raises:
        SiteBuildError: The file cannot be read or is not a YAML mapping.

    """
    try:
        with path.open(encoding="utf-8") as stream:
            config = yaml.load(stream, Loader=_ConfigLoader)
    except OSError as exc:
        raise SiteBuildError(f"pac_gen: {path}: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        detail = getattr(exc, "problem", None) or exc
        raise SiteBuildError(f"pac_gen: {path}{where}: {text('site.config_unreadable', detail=detail)}") from None
    if config is None:
        config = {}
    if not isinstance(config, dict):
        raise SiteBuildError(f"pac_gen: {path}: {text('site.config_table')}")
    parent = config.pop("INHERIT", None)
    if isinstance(parent, str) and depth < 10:
        config = _merge(read_config(path.parent / parent, depth + 1), config)
    return config


def plugin_options(config: Mapping[str, Any]) -> Any:
    """The options of the ``pac_gen`` entry under ``plugins:`` (None when it has none).

    Raises:
        SiteBuildError: ``plugins:`` has no ``pac_gen`` entry.

    """
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else (
        next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, None) for p in plugins)
    for name, options in entries:
        if name == "pac_gen":
            return options
    raise SiteBuildError(f"pac_gen: {text('site.no_plugin_entry')}")


# --- The build folder ----------------------------------------------------------


def _docs_files(docs_dir: Path) -> Iterator[tuple[str, Path]]:
    """The project's documentation files (URI, path), hidden ones left out as MkDocs does."""
    for folder, dirs, files in os.walk(docs_dir, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                path = Path(folder) / name
                yield path.relative_to(docs_dir).as_posix(), path


def _toc_tokens(entries: tuple[TocEntry, ...]) -> list[dict[str, Any]]:
    return [{"level": e.level, "id": e.id, "name": str(e.title), "html": str(e.title), "data-toc-label": "",
             "children": _toc_tokens(e.children)} for e in entries]


def page_source(page: SitePage, edit_url: str = "") -> str:
    """A generated page as Zensical reads it: front matter, table of contents, then its HTML untouched.

    ``edit_url`` is where the page's "edit" button goes (a plan's YAML file), or
    ``""`` for no button; the theme override of :func:`actions_partial` reads it.

    Charts, calendar and ideal week carry ``data-search-exclude`` (the template puts
    it), which Zensical's search honours too. The tables, which the MkDocs plugin
    hands to search as plain text (``page.unindexed``), are indexed as they are:
    Zensical's index takes their text.
    """
    html = str(page.html)
    front, _, placeholder = page.markdown.rpartition("---\n")
    assert placeholder.strip(), "page_markdown ends with the placeholder"
    return (f"{front}{EDIT_KEY}: {yaml_quote(edit_url)}\n---\n\n"
            f"{toc_line(_toc_tokens(page.toc))}\n{HTML_MARK}\n{html}\n")


EDIT_KEY = "pac_gen_edit_url"


def actions_partial() -> str:
    """Zensical's ``partials/actions.html``, with the edit button taken from the page's ``pac_gen_edit_url``.

    Zensical makes a page's edit link from its path in the docs folder, which for a
    generated page is a file that does not exist in the repository; the MkDocs
    plugin sets the link itself. The installed theme's own partial is used, so the
    override follows the pinned Zensical.
    """
    from zensical.config import get_builtin_theme_dir

    original = (Path(get_builtin_theme_dir()) / "partials" / "actions.html").read_text(encoding="utf-8")
    assert "page.edit_url" in original, "Zensical's actions partial no longer uses page.edit_url"
    choose = (f"{{% set edit_url = page.meta.{EDIT_KEY} if (page.meta and page.meta.{EDIT_KEY} is defined) "
              "else page.edit_url %}\n")
    return choose + original.replace("page.edit_url", "edit_url")


_DEFAULT_EDIT = {"github.com": "edit/master", "gitlab.com": "edit/master", "bitbucket.org": "src/default"}


def effective_edit_uri(config: Mapping[str, Any], docs_dir: str) -> str | None:
    """``edit_uri``, or what MkDocs and Zensical default it to for the big forges (from the project's docs_dir)."""
    edit_uri, repo_url = config.get("edit_uri"), config.get("repo_url")
    if isinstance(edit_uri, str) or not isinstance(repo_url, str):
        return edit_uri if isinstance(edit_uri, str) else None
    prefix = _DEFAULT_EDIT.get(urlparse(repo_url).hostname or "")
    return f"{prefix}/{docs_dir.strip('/')}" if prefix else None


def edit_url(config: Mapping[str, Any], docs_dir: str, relative: str) -> str:
    """The address of the edit button for a file at ``relative`` (percent-encoded) to the docs folder."""
    repo_url, edit_uri = config.get("repo_url"), effective_edit_uri(config, docs_dir)
    if not isinstance(repo_url, str) or not repo_url or not edit_uri:
        return ""
    base = urljoin(repo_url.rstrip("/") + "/", edit_uri.rstrip("/") + "/")
    return urljoin(base, relative)


def _ignore_pattern(uri: str) -> str:
    """A gitignore-style pattern (MkDocs' ``not_in_nav``) that matches exactly the file ``uri``."""
    escaped = "".join("\\" + char if char in "\\*?[]!# " else char for char in uri)
    return "/" + escaped


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` unless the file already holds it (a preview server then sees only real changes)."""
    try:
        if path.is_file() and not path.is_symlink() and path.read_bytes() == data:
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink():
        path.unlink()
    path.write_bytes(data)


def _link(path: Path, target: Path, copy: bool) -> None:
    if copy:
        _write(path, target.read_bytes())
        return
    if path.is_symlink() and Path(os.readlink(path)) == target:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink() or path.exists():
        path.unlink()
    path.symlink_to(target)


def _custom_dir(config: Mapping[str, Any], base: Path) -> Path | None:
    theme = config.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        return (base / theme["custom_dir"]).resolve()
    return None


def _generated_config(config: Mapping[str, Any], config_file: Path, build_dir: Path) -> dict[str, Any]:
    """The settings the build folder's ``mkdocs.yml`` adds to the project's (which it inherits)."""
    stylesheets, scripts = asset_links()
    generated: dict[str, Any] = {
        "INHERIT": os.path.relpath(config_file, build_dir),
        "docs_dir": "docs",
        "site_dir": "site",
        # Appended to the project's lists by INHERIT.
        "extra_css": [uri for uri in stylesheets if uri not in (config.get("extra_css") or [])],
        "extra_javascript": [uri for uri in scripts if uri not in (config.get("extra_javascript") or [])],
    }
    extensions = config.get("markdown_extensions")
    if extensions is None:
        # Without the key, Zensical uses its own list: keep it, and add ours.
        from zensical.config import DEFAULT_MARKDOWN_EXTENSIONS

        generated["markdown_extensions"] = [{name: options} for name, options in DEFAULT_MARKDOWN_EXTENSIONS.items()]
        generated["markdown_extensions"].append(TOC_EXTENSION)
    elif isinstance(extensions, dict):
        generated["markdown_extensions"] = {TOC_EXTENSION: {}}
    else:
        generated["markdown_extensions"] = [TOC_EXTENSION]
    # Zensical would default it from the build folder's docs/, not the project's.
    edit_uri = effective_edit_uri(config, str(config.get("docs_dir") or "docs"))
    if edit_uri is not None:
        generated["edit_uri"] = edit_uri
    # The project's theme overrides, if any, are mirrored there with pac_gen's edit button.
    generated["theme"] = {"custom_dir": "overrides"}
    return generated


class ZensicalSite:
    """One project built with Zensical; keeps the site build plan's cache between preview rebuilds."""

    def __init__(self, config_file: Path, serving: bool = False, log: Callable[[str], None] | None = None) -> None:
        self.config_file = config_file.resolve()
        self.base = self.config_file.parent
        self.build_dir = self.base / BUILD_DIR
        self.serving = serving
        self.builder = SiteBuilder()
        # Fed by serve() with the plan files that changed between two looks (see watched()).
        self.changes = PlanChanges()
        self._focus: tuple[Path, Focus | None] | None = None
        self.log = log or (lambda line: print(line, file=sys.stderr))
        self.plans_dir = self.base
        self.docs_dir = self.base

    def prepare(self) -> SiteBuild:
        """Check the plans and write the build folder (a build leaves plans with errors out).

        Raises:
            SiteBuildError: The configuration is unusable.

        """
        config = read_config(self.config_file)
        options = checked_options(plugin_options(config))
        theme = config.get("theme")
        theme_lang = theme.get("language") if isinstance(theme, dict) else None
        self.plans_dir, site = site_options(options, base=self.base, theme_lang=theme_lang,
                                            use_directory_urls=bool(config.get("use_directory_urls", True)),
                                            site_url=config.get("site_url"))
        # Zensical rewrites every relative link of a page, raw HTML too, from the page's Markdown source.
        site = replace(site, source_links=True)
        self.docs_dir = (self.base / str(config.get("docs_dir") or "docs")).resolve()
        if not self.docs_dir.is_dir():
            raise SiteBuildError(f"pac_gen: docs_dir: {text('site.docs_dir_missing', site.lang, path=self.docs_dir)}")
        own = dict(_docs_files(self.docs_dir))
        existing = {uri: page_dest(uri, site.use_directory_urls) for uri in own}
        build = self.builder.build(self.plans_dir, site, base=self.base, docs_dir=self.docs_dir,
                                   existing=existing, serving=self.serving, focus=self._preview_focus(),
                                   changes=self.changes)
        # Never given to Zensical, whose --strict counts only its own warnings (a broken link in docs/).
        for line in problem_lines(build.warnings):
            self.log(f"WARNING -  {line}")
        # A build leaves such plans out (pac-gen build names them); a preview shows each one's errors on its page.
        for line in problem_lines(build.errors):
            self.log(f"ERROR   -  {line}")
        self._write_build_folder(config, build, own)
        return build

    def _write_build_folder(self, config: Mapping[str, Any], build: SiteBuild, own: dict[str, Path]) -> None:
        docs = self.build_dir / "docs"
        wanted: set[str] = set()
        for uri, path in own.items():
            _link(docs / uri, path, copy=self.serving)
            wanted.add(uri)
        plan_uris = list(build.plan_pages)  # rendering a page lets it go from the build
        docs_name = str(config.get("docs_dir") or "docs")
        edit_urls = {uri: edit_url(config, docs_name, edit_path(entry.path, self.docs_dir))
                     for uri, entry in build.plan_pages.items()}
        for uri in [*build.pages, *build.plan_pages]:
            page = SiteBuilder.page(build, uri, self.serving)
            assert page is not None
            _write(docs / uri, page_source(page, edit_urls.get(uri, "")).encode())
            wanted.add(uri)
        for generated in build.files:
            if generated.source is not None:
                _link(docs / generated.uri, generated.source, copy=self.serving)
            else:
                _write(docs / generated.uri, generated.content or b"")
            wanted.add(generated.uri)
        for stale in [uri for uri, _ in _docs_files(docs) if uri not in wanted]:
            (docs / stale).unlink()  # a plan or a page removed since the last build
        overrides = self.build_dir / "overrides"
        custom = _custom_dir(config, self.base)
        theirs = dict(_docs_files(custom)) if custom is not None and custom.is_dir() else {}
        for uri, path in theirs.items():
            _link(overrides / uri, path, copy=self.serving)
        if "partials/actions.html" not in theirs:  # theirs wins: then plan pages' edit links are Zensical's
            _write(overrides / "partials" / "actions.html", actions_partial().encode())
        for stale in [uri for uri, _ in _docs_files(overrides) if uri not in theirs and uri != "partials/actions.html"]:
            (overrides / stale).unlink()
        generated_config = _generated_config(config, self.config_file, self.build_dir)
        # Plan pages stay out of the navigation, as the plugin's NOT_IN_NAV files do (a cohort has hundreds).
        theirs_not_in_nav = config.get("not_in_nav") if isinstance(config.get("not_in_nav"), str) else ""
        generated_config["not_in_nav"] = "\n".join(
            [*str(theirs_not_in_nav).splitlines(), *(_ignore_pattern(uri) for uri in plan_uris)]) + "\n"
        text = ("# Written by pac-gen for Zensical before each build; edit mkdocs.yml instead.\n"
                + yaml.dump(generated_config, allow_unicode=True, sort_keys=False))
        _write(self.build_dir / "mkdocs.yml", text.encode())
        _write(self.build_dir / ".gitignore", b"*\n")

    def _preview_focus(self) -> Focus | None:
        """The preview's focus, decided once for its plans folder (deciding counts the plans)."""
        if not self.serving:
            return None
        if self._focus is None or self._focus[0] != self.plans_dir:
            self._focus = (self.plans_dir, preview_focus(self.plans_dir, os.environ))
        return self._focus[1]

    def watched(self) -> dict[Path, float]:
        """Modification times of everything a preview rebuilds on: plans, docs and mkdocs.yml."""
        times = {self.config_file: _mtime(self.config_file)}
        for folder in (self.plans_dir, self.docs_dir):
            for root, dirs, files in os.walk(folder, followlinks=True):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    path = Path(root) / name
                    times[path] = _mtime(path)
        return times


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


# Zensical's command line, except that its "Aborted because --strict flag is set" (a
# RuntimeError it lets out after listing the warnings) ends with one line, not a traceback.
_RUN_ZENSICAL = """
import sys
from zensical.main import cli
try:
    cli(prog_name="zensical")
except RuntimeError as exc:
    print(f"ERROR   -  zensical: {exc}", file=sys.stderr)
    sys.exit(1)
"""


def _zensical(command: str, config: Path, *arguments: str) -> list[str]:
    # -P: the current folder is not put on sys.path (it may hold another copy of pac_gen).
    return [sys.executable, "-P", "-c", _RUN_ZENSICAL, command, "--config-file", str(config), *arguments]


def build(config_file: Path, site_dir: Path | None = None, strict: bool = False, report: Path | None = None) -> int:
    """Build the site with Zensical; 0 on success, 1 when it failed.

    Plans with errors are left out of the site (written to ``report`` for ``pac-gen build``).

    Args:
        config_file: The project's ``mkdocs.yml``.
        site_dir: Where the site goes (default: ``site_dir`` of ``mkdocs.yml``, else ``site``).
        strict: Zensical's own warnings fail the build (the plans' never do).
        report: Where to write what the build left out (:func:`pac_gen.site.build.write_report`).

    """
    site = ZensicalSite(config_file)
    try:
        build = site.prepare()
    except SiteBuildError as exc:
        print(f"ERROR   -  {exc}", file=sys.stderr)
        return 1
    if report is not None:
        write_report(build, str(report))
    if process.run(_zensical("build", site.build_dir / "mkdocs.yml", *(["--strict"] if strict else []))) != 0:
        return 1
    if site_dir is None:
        config = read_config(site.config_file)
        site_dir = site.base / str(config.get("site_dir") or "site")
    built = site.build_dir / "site"
    target = site_dir if site_dir.is_absolute() else Path.cwd() / site_dir
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    elif target.exists() or target.is_symlink():
        target.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(built, target)
    return 0


def serve(config_file: Path, dev_addr: str | None = None, poll: float = 1.0) -> int:
    """Preview the site with ``zensical serve``; pages are regenerated when a plan, a doc or mkdocs.yml changes.

    A plan with errors does not stop the preview: its page lists them, and the next
    valid save brings the plan back.
    """
    site = ZensicalSite(config_file, serving=True)
    try:
        site.prepare()
    except SiteBuildError as exc:
        print(f"ERROR   -  {exc}", file=sys.stderr)
        return 1
    seen = site.watched()
    site.changes.watching = site.plans_dir  # what watched() sees changed is handed to the next rebuild

    def rebuild_on_change() -> None:
        nonlocal seen
        now = site.watched()
        if now != seen:
            for path in now.keys() | seen.keys():
                if now.get(path) != seen.get(path):
                    site.changes.saw(path)
            seen = now
            try:
                site.prepare()
            except SiteBuildError as exc:
                print(f"ERROR   -  {exc}", file=sys.stderr)

    return process.run(_zensical("serve", site.build_dir / "mkdocs.yml", *(["--dev-addr", dev_addr] if dev_addr else [])),
                       between=rebuild_on_change, every=poll, stopped=0)

