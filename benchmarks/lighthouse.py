"""Lighthouse (mobile) over every page kind of the example site, beside a plain Material page.

``make lighthouse`` runs it (not the test suite: the machine is shared and scores
move with its load). It builds the example site for 2026-11-27 with every page
kind pac_gen renders (:mod:`tests.browser.sites`: a plan page, the overview, the
cohort calendar, the error page ``mkdocs serve`` shows), serves it gzip-compressed
on 127.0.0.1 as GitHub Pages does, and runs Lighthouse 12 (pinned in
``benchmarks/lighthouse/package-lock.json``; ``npm ci`` there first) with Debian's
Chromium in its default mobile profile (Moto G Power, 4× CPU slowdown, slow 4G).

Each page runs ``--runs`` times (default 3); the table keeps the median of each
figure, printed as Markdown for ``docs/performance.md`` with the targets of issue 20
and the machine's load (``uptime``) before and after. Exit code 0 whatever the
scores: the benchmark reports, it does not judge; 1 when something failed to run.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.sites import MATERIAL_PAGE, PAGE_KINDS, GzipHandler, QuietServer, build_serving  # noqa: E402

LIGHTHOUSE = ROOT / "benchmarks" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = {**{f"pac_gen {kind}": path for kind, path in PAGE_KINDS.items()}, "plain Material page": MATERIAL_PAGE}
TARGETS = "performance ≥ 0.95, blocking time ≤ 200 ms, weight ≤ 400 KiB, accessibility ≥ the Material page"


def lighthouse(url: str, out: Path) -> dict[str, float]:
    """One Lighthouse run over ``url``: performance, TBT (ms), weight (KiB, compressed), accessibility."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    command = ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=performance,accessibility", "--chrome-flags=--headless=new --no-sandbox"]
    subprocess.run(command, env=env, check=True, timeout=300, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    audits, categories = report["audits"], report["categories"]
    return {
        "performance": categories["performance"]["score"],
        "tbt": audits["total-blocking-time"]["numericValue"],
        "weight": audits["total-byte-weight"]["numericValue"] / 1024,
        "accessibility": categories["accessibility"]["score"],
        "dom": audits["dom-size"].get("numericValue", 0),
        "fcp": audits["first-contentful-paint"]["numericValue"],
        "lcp": audits["largest-contentful-paint"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
    }


def uptime() -> str:
    """The machine's load as ``uptime`` prints it."""
    return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is kept (default 3)")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES), metavar="PAGE",
                        help="only these pages (names as in the table)")
    parser.add_argument("--keep", type=Path, help="keep every Lighthouse JSON report in this folder")
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        print(f"{LIGHTHOUSE} is missing: run `npm ci` in benchmarks/lighthouse/", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="pac_gen_lighthouse_") as tmp:
        work = Path(tmp)
        server = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(work / "site")))
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            (work / "src").mkdir()
            build_serving(work / "src", work / "site", site_url=base)
            print(f"load before: {uptime()}", flush=True)
            results: dict[str, dict[str, float]] = {}
            reports = args.keep or work
            reports.mkdir(parents=True, exist_ok=True)
            for name in args.pages:
                path, slug = PAGES[name], name.replace(" ", "-")
                runs = [lighthouse(base + path, reports / f"{slug}-{i}.json") for i in range(args.runs)]
                results[name] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                print(f"  {name}: " + ", ".join(f"{run['performance']:.2f}/{run['tbt']:.0f} ms" for run in runs),
                      flush=True)
            print(f"load after: {uptime()}\n")
        except (subprocess.SubprocessError, RuntimeError, OSError, KeyError, ValueError) as error:
            print(f"lighthouse benchmark failed: {error}", file=sys.stderr)
            return 1
        finally:
            server.shutdown()
            server.server_close()
    print(f"Lighthouse 12 mobile, median of {args.runs} runs per page; targets: {TARGETS}\n")
    print("| page | performance | blocking time | weight (compressed) | accessibility | DOM elements"
          " | FCP | LCP | CLS |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in results.items():
        print(f"| {name} (`{PAGES[name]}`) | {r['performance']:.2f} | {r['tbt']:,.0f} ms | {r['weight']:,.0f} KiB"
              f" | {r['accessibility']:.2f} | {r['dom']:,.0f} | {r['fcp'] / 1000:.1f} s | {r['lcp'] / 1000:.1f} s"
              f" | {r['cls']:.3f} |")
    material = results.get("plain Material page", {}).get("accessibility", 0.0)
    print()
    for name, r in results.items():
        if name.startswith("pac_gen"):
            met = (r["performance"] >= 0.95 and r["tbt"] <= 200 and r["weight"] <= 400
                   and r["accessibility"] >= material)
            print(f"{name}: {'targets met' if met else 'targets NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
