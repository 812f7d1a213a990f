"""The scale benchmark of issue 8, in one run: validation, site builds, growth, serve, plotly.

For each N of ``--sizes`` (default 10, 100 and 1,000) it generates N synthetic
plans (:mod:`benchmarks.generate`) and measures, side by side on this machine:

- ``pac-gen validate`` (``check_bytes`` on every file) against libyaml alone
  composing the same files, in CPU seconds (best of ``--repeats``);
- ``mkdocs build`` of the pac_gen site against a plain Material site made of the
  same plans written as Markdown pages (tables of tasks, indicators, rituals; not
  in the nav). Each build runs in its own subprocess, reaped with ``os.wait4``,
  so that its CPU time and peak memory (``ru_maxrss``) are its own;
- the site's size per plan and how many ``plotly.min.js`` it holds;
- with ``--serve-size`` plans (default 100) under ``mkdocs serve``: the time from
  saving one plan to the server answering with the rebuilt page;
- the README's preview (``make serve``) at ``--preview-sizes`` cohorts (default
  100, 1,000 and 3,000 plans, issue 16): first page, one save → rebuilt page and
  CPU per save, the table of :mod:`benchmarks.preview`.

It prints Markdown tables (pasted as they are in ``docs/performance.md``) and
the targets of the issue with the measured value of each. The exit code is 0
whether targets are met or not: the benchmark reports, it does not judge; it is
1 only when something failed to run (a build error, a server that never answered).

Usage::

    .venv/bin/python benchmarks/run.py                      # 10, 100, 1000 + serve at 100 + preview at 100, 1000, 3000
    .venv/bin/python benchmarks/run.py --sizes 10 --no-serve --repeats 1   # the CI smoke run
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_validate import measure as measure_validate
from benchmarks.generate import generate
from pac_gen.engines.process import stop

TODAY = "2026-11-27"  # the day the synthetic plans are valid and warning-free on
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}

# Both sites share the theme, the search plugin and the Markdown extensions, so
# that the ratio measures what pac_gen adds and nothing else.
COMMON_CONFIG = """\
theme:
  name: material
  language: fr
  font: false
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: true
"""

TARGETS = {
    "validate": 1.5,  # validate ≤ 1.5 × libyaml compose, at N = 1,000
    "build": 1.3,  # build ≤ 1.3 × the hand-written Material site, at N = 1,000
    "growth": 1.2,  # CPU time per plan at 1,000 ≤ 1.2 × that at 100
    "memory_mb": 1024.0,  # peak memory of the build at 1,000
    "preview_first_s": 15.0,  # issue 16: `make serve` first page, at every cohort size
    "preview_save_s": 1.0,  # issue 16: one save → that plan's rebuilt page (median)
    "preview_flat": 1.5,  # issue 16: CPU per save at the largest cohort ÷ at the smallest
    "serve_s": 2.0,  # one edit → rebuilt page under `mkdocs serve` with 100 plans
}


# ---------------------------------------------------------------------------
# The two sites


def write_pac_gen_site(root: Path, count: int) -> Path:
    """A project with ``count`` generated plans published by the pac_gen plugin; returns mkdocs.yml."""
    generate(root, count)
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "docs" / "index.md").write_text("# Promotion\n\nLes plans de la promotion.\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Promotion (pac_gen)\n" + COMMON_CONFIG
        + f"plugins:\n  - search:\n      lang: fr\n  - pac_gen:\n      plans_dir: plans\n      today: {TODAY}\n",
        encoding="utf-8",
    )
    return config


def _cell(value: Any) -> str:
    """A value as a Markdown table cell (the synthetic plans hold no ``|`` but lists)."""
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return str("" if value is None else value).replace("|", "\\|").replace("\n", " ")


def plan_markdown(data: dict[str, Any]) -> str:
    """A plan written by hand as a Markdown page: what a trainer would type without pac_gen."""
    objective = data["objectif"]
    lines = [
        f"# {data['titre']}", "", f"**Auteur** : {data['auteur']}", "",
        "## Stratégie", "", data["strategie"], "",
        "## Objectif", "", f"{objective['intitule']} — du {objective['debut']} au {objective['echeance']} "
        f"(phase : {objective['phase']}).", "", "## Actions", "",
    ]
    for action in data["actions"]:
        law = action["loi_des_nombres"]
        lines += [
            f"### {action['intitule']}", "",
            f"Type : {action['type']} · horizon : {action['horizon']} · du {action['lancement']} "
            f"au {action['date_limite']} · budget : {action['budget']} € · responsable : {action['responsable']}",
            "", f"Loi des nombres : {law['resultat_vise']} {law['unite']} visés pour "
            f"{law['volume_prevu']} prévus.", "",
            "| Tâche | Date limite | Durée | Budget | Statut | Commentaires |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        lines += [f"| {_cell(t['tache'])} | {t['date_limite']} | {t['duree']} | {t['budget']} € "
                  f"| {t['statut']} | {_cell(t['commentaires'])} |" for t in action["taches"]]
        lines.append("")
    lines += ["## Indicateurs", "", "| Indicateur | Type | Initiale | Cible | Outil | Phase |",
              "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {i['indicateur']} | {i['type']} | {i['valeur_initiale']} | {i['valeur_cible']} "
              f"| {i['outil']} | {i['phase']} |" for i in data["indicateurs"]]
    for indicator in data["indicateurs"]:
        lines += ["", f"### Mesures : {indicator['indicateur']}", "", "| Date | Valeur |", "| --- | --- |"]
        lines += [f"| {day} | {value} |" for day, value in indicator["mesures"].items()]
    lines += ["", "## Rituels", "", "| Rituel | Fréquence | Jours | Moment | Durée | Début | Pendant |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {r['rituel']} | {r['frequence']} | {_cell(r.get('jours'))} | {r['moment']} | {r['duree']} "
              f"| {r['debut']} | {r['pendant']} |" for r in data["rituels"]]
    lines += ["", "## Freins", "", "| Frein | Dépend de moi | Causes | Solutions |", "| --- | --- | --- | --- |"]
    lines += [f"| {o['frein']} | {o['depend_de_moi']} | {_cell(o['causes'])} | {_cell(o['solutions'])} |"
              for o in data["freins"]]
    lines += ["", "## Semaine idéale", "", "| Jour | De | À | Domaine | Activité |", "| --- | --- | --- | --- | --- |"]
    for day, blocks in data["semaine_ideale"].items():
        lines += [f"| {day} | {b['de']} | {b['a']} | {b['domaine']} | {b['activite']} |" for b in blocks]
    lines += ["", "## Notes", "", data["notes"], ""]
    return "\n".join(lines)


def write_material_site(root: Path, count: int) -> Path:
    """The same plans as hand-written Markdown pages of a plain Material site; returns mkdocs.yml."""
    plans_root = root / "source"
    files = generate(plans_root, count)
    docs = root / "docs"
    links = []
    for file in files:
        relative = file.relative_to(plans_root / "plans").with_suffix(".md")
        page = docs / "plans" / relative
        page.parent.mkdir(parents=True, exist_ok=True)
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        page.write_text(plan_markdown(data), encoding="utf-8")
        links.append(f"- [{data['titre']}]({relative.as_posix()})")
    (docs / "index.md").write_text("# Promotion\n\nLes plans de la promotion.\n", encoding="utf-8")
    (docs / "plans").mkdir(parents=True, exist_ok=True)
    (docs / "plans" / "index.md").write_text("# Plans\n\n" + "\n".join(links) + "\n", encoding="utf-8")
    config = root / "mkdocs.yml"
    # Plan pages are reached from plans/index.md, not from the nav (as on the pac_gen site).
    config.write_text(
        "site_name: Promotion (Material)\n" + COMMON_CONFIG
        + "plugins:\n  - search:\n      lang: fr\n"
        + "nav:\n  - Accueil: index.md\n  - Plans: plans/index.md\n"
        + "not_in_nav: |\n  /plans/apprenant-*/\n",
        encoding="utf-8",
    )
    return config


# ---------------------------------------------------------------------------
# Builds


@dataclass(frozen=True)
class Build:
    """One ``mkdocs build`` subprocess: its times, its peak memory and what it produced."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the build process
    peak_mb: float  # its maximum resident set size
    site_bytes: int
    plotly_bundles: int


def build_site(config: Path, site: Path) -> Build:
    """Run ``mkdocs build`` for ``config`` into ``site`` in a subprocess of its own.

    ``os.wait4`` gives the resource usage of that child alone, so the peak memory
    of one build never mixes with another's (``RUSAGE_CHILDREN`` would keep the
    largest of all children).

    Raises:
        RuntimeError: when the build fails.

    """
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "-f", str(config), "-d", str(site)]
    started = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = process.stderr.read()  # the build's warnings: never big, and reading avoids a full pipe
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here: tell Popen not to wait
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"mkdocs build failed ({config}):\n{errors.decode(errors='replace')[-3000:]}")
    files = [f for f in site.rglob("*") if f.is_file()]
    return Build(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mb=usage.ru_maxrss / 1024,  # kilobytes on Linux
        site_bytes=sum(f.stat().st_size for f in files),
        plotly_bundles=sum(1 for f in files if f.name == "plotly.min.js"),
    )


def best_builds(material: Path, pac_gen: Path, root: Path, repeats: int) -> tuple[Build, Build]:
    """Both sites built ``repeats`` times in turn, and the build of each with the least CPU time.

    Taking turns (Material, pac_gen, Material…) puts a passing load from other
    users of the machine on both sides; load only ever adds time, hence the least.
    """
    runs = [(build_site(material, root / "m-site"), build_site(pac_gen, root / "p-site")) for _ in range(repeats)]
    return min((m for m, _ in runs), key=lambda b: b.cpu), min((p for _, p in runs), key=lambda b: b.cpu)


# ---------------------------------------------------------------------------
# Serve


def free_port() -> int:
    """A TCP port nobody listens on at the moment, on 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page's text, or None while the server does not answer it."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.02) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


@contextmanager
def serving(config: Path, port: int) -> Iterator[subprocess.Popen[bytes]]:
    """``mkdocs serve`` on 127.0.0.1:``port`` for the duration of the block, then stopped."""
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"]
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(command, env=ENV, stdout=log, stderr=log)
    try:
        yield process
    finally:
        stop(process)  # Ctrl-C first, as pac-gen serve does: the engine removes its temporary files
        log.close()


def measure_serve(root: Path, count: int, edits: int, timeout: float = 120.0) -> list[float]:
    """Seconds from saving one plan to the server returning its rebuilt page, for each of ``edits`` saves.

    The first build is awaited first; then the title of one plan is changed
    (in the temporary copy) and the page polled until the new title shows.

    Raises:
        RuntimeError: when the server does not answer within ``timeout`` seconds.

    """
    config = write_pac_gen_site(root, count)
    number = min(5, count - 1)
    plan = root / "plans" / f"apprenant-{number // 10:03d}" / f"plan-{number:04d}.yaml"
    port = free_port()
    url = f"http://127.0.0.1:{port}/plans/{plan.parent.name}/{plan.stem}/"
    original = plan.read_text(encoding="utf-8")
    times = []
    with serving(config, port) as process:
        if not wait_until(lambda: fetch(url) is not None or process.poll() is not None, timeout, 0.2):
            raise RuntimeError("mkdocs serve: the first build did not finish in time")
        if process.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (code {process.returncode})")
        time.sleep(1.0)  # let the watcher settle after the first build
        for edit in range(edits):
            marker = f"Édition {edit} {time.time_ns()}"
            started = time.perf_counter()
            plan.write_text(original.replace(f"titre: Plan numéro {number}", f"titre: {marker}", 1), encoding="utf-8")
            if not wait_until(lambda marker=marker: marker in (fetch(url) or ""), timeout):  # type: ignore[misc]
                raise RuntimeError(f"mkdocs serve: edit {edit} did not show within {timeout} s")
            times.append(time.perf_counter() - started)
            time.sleep(0.5)
    return times


# ---------------------------------------------------------------------------
# Report


def machine() -> str:
    """CPU model, cores, memory and Python, for the results table."""
    model = "?"
    try:
        found = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
        model = found.group(1) if found else platform.processor() or "?"
    except OSError:
        pass
    memory = ""
    try:
        found = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
        memory = f", {int(found.group(1)) / 1024 / 1024:.0f} GiB RAM" if found else ""
    except OSError:
        pass
    return (f"{model}, {os.cpu_count()} CPU{memory}, Python {platform.python_version()}, "
            f"load average {os.getloadavg()[0]:.2f} at start")


def verdict(ok: bool) -> str:
    """✅ or ❌ in the targets table."""
    return "✅" if ok else "❌"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its tables; 0 unless something failed to run."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="numbers of plans")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each measure; the best is kept")
    parser.add_argument("--build-repeats", type=int, default=None,
                        help="builds of each site at each size, in turn (default: --repeats, at most 2 from 1,000 plans)")
    parser.add_argument("--serve-size", type=int, default=100, help="plans under mkdocs serve")
    parser.add_argument("--edits", type=int, default=5, help="saves measured under mkdocs serve")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve and preview measures")
    parser.add_argument("--preview-sizes", type=int, nargs="+", default=[100, 1000, 3000],
                        help="cohort sizes of the `make serve` preview measure (issue 16; benchmarks/preview.py)")
    args = parser.parse_args(argv)

    print(f"# pac_gen benchmark — {time.strftime('%Y-%m-%d %H:%M')}\n")
    print(f"Machine: {machine()}\n")
    print("Command: `" + " ".join(["benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]) + "`\n")

    validation: dict[int, tuple[float, float]] = {}
    print("## Validation (CPU s, best of", args.repeats, "runs)\n")
    print("| N | libyaml compose (s) | pac-gen validate (s) | ratio |")
    print("| ---: | ---: | ---: | ---: |")
    for count in args.sizes:
        compose, validate = measure_validate(count, args.repeats)
        validation[count] = (compose, validate)
        print(f"| {count} | {compose:.3f} | {validate:.3f} | {validate / compose:.2f} |", flush=True)

    builds: dict[int, tuple[Build, Build]] = {}
    print("\n## Site build (`mkdocs build`, one subprocess per build, the two sites in turn, least CPU time kept)\n")
    print("| N | site | wall (s) | CPU (s) | CPU per plan (ms) | peak memory (MB) | size per plan (KB) "
          "| plotly.min.js | ratio (CPU) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for count in args.sizes:
        repeats = args.build_repeats or (min(2, args.repeats) if count >= 1000 else args.repeats)
        with tempfile.TemporaryDirectory(prefix="pac-gen-bench-") as tmp:
            material, pac_gen = best_builds(write_material_site(Path(tmp) / "material", count),
                                            write_pac_gen_site(Path(tmp) / "pac_gen", count), Path(tmp), repeats)
        builds[count] = (material, pac_gen)
        for name, build in (("Material", material), ("pac_gen", pac_gen)):
            ratio_cell = f"{pac_gen.cpu / material.cpu:.2f}" if name == "pac_gen" else ""
            print(f"| {count} | {name} | {build.wall:.2f} | {build.cpu:.2f} | {1000 * build.cpu / count:.1f} "
                  f"| {build.peak_mb:.0f} | {build.site_bytes / count / 1024:.0f} | {build.plotly_bundles} "
                  f"| {ratio_cell} |", flush=True)

    serve: list[float] = []
    if not args.no_serve:
        with tempfile.TemporaryDirectory(prefix="pac-gen-serve-") as tmp:
            serve = measure_serve(Path(tmp), args.serve_size, args.edits)
        print(f"\n## `mkdocs serve` with {args.serve_size} plans: one save → rebuilt page\n")
        print("| edit | " + " | ".join(str(i + 1) for i in range(len(serve))) + " | median |")
        print("| --- | " + " | ".join("---:" for _ in serve) + " | ---: |")
        print("| seconds | " + " | ".join(f"{t:.2f}" for t in serve) + f" | {statistics.median(serve):.2f} |")

    from benchmarks import preview  # it reuses this module's server helpers: imported once this one is loaded

    previews: list[preview.PreviewRow] = []
    if not args.no_serve:
        print("\n## `make serve` (focused preview) by cohort size: first page, one save → rebuilt page\n")
        previews, failed = preview.print_table(args.preview_sizes, args.edits)
        if failed:
            raise RuntimeError("a preview server did not answer")

    print("\n## Targets\n")
    print("| target | measured | met |")
    print("| --- | --- | :---: |")
    largest = max(args.sizes)
    compose, validate = validation[largest]
    ratio = validate / compose
    print(f"| validate ≤ {TARGETS['validate']} × compose (N = {largest}) | {ratio:.2f} × "
          f"| {verdict(ratio <= TARGETS['validate'])} |")
    material, pac_gen = builds[largest]
    ratio = pac_gen.cpu / material.cpu
    print(f"| build ≤ {TARGETS['build']} × Material (N = {largest}) | {ratio:.2f} × "
          f"| {verdict(ratio <= TARGETS['build'])} |")
    if 100 in builds and largest > 100:
        growth = (builds[largest][1].cpu / largest) / (builds[100][1].cpu / 100)
        print(f"| CPU per plan at {largest} ≤ {TARGETS['growth']} × at 100 | {growth:.2f} × "
              f"| {verdict(growth <= TARGETS['growth'])} |")
    print(f"| peak memory < {TARGETS['memory_mb']:.0f} MB (N = {largest}) | {pac_gen.peak_mb:.0f} MB "
          f"| {verdict(pac_gen.peak_mb < TARGETS['memory_mb'])} |")
    if serve:
        median = statistics.median(serve)
        print(f"| serve: save → page < {TARGETS['serve_s']} s ({args.serve_size} plans, median) | {median:.2f} s "
              f"| {verdict(median < TARGETS['serve_s'])} |")
    if previews:
        medians = [statistics.median(row[3]) for row in previews]
        firsts = [row[2] for row in previews]
        sizes = ", ".join(f"{row[1]:,}" for row in previews)
        print(f"| preview: first page ≤ {TARGETS['preview_first_s']:.0f} s ({sizes} plans) | "
              f"{', '.join(f'{t:.1f} s' for t in firsts)} | {verdict(max(firsts) <= TARGETS['preview_first_s'])} |")
        print(f"| preview: save → page ≤ {TARGETS['preview_save_s']:.0f} s, median ({sizes} plans) | "
              f"{', '.join(f'{t:.2f} s' for t in medians)} | {verdict(max(medians) <= TARGETS['preview_save_s'])} |")
        cpus = [statistics.median(row[4]) for row in previews]
        print(f"| preview: CPU per save flat (largest ÷ smallest cohort ≤ {TARGETS['preview_flat']}) | "
              f"{cpus[-1] / cpus[0]:.2f} × | {verdict(cpus[-1] / cpus[0] <= TARGETS['preview_flat'])} |")
    bundles = {b[1].plotly_bundles for b in builds.values()}
    print(f"| one plotly.min.js whatever N | {', '.join(str(b) for b in sorted(bundles))} "
          f"| {verdict(bundles == {1})} |")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        sys.exit(1)
