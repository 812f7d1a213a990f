"""The benchmark script keeps running (issue 8): a smoke run at N = 10, and its hand-written site.

No timed assertion: times depend on the machine. What is checked is that every
measure ran and produced the rows and values that do not depend on time.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from benchmarks.generate import generate, plan_text
from benchmarks.run import plan_markdown, write_material_site, write_pac_gen_site

pytestmark = pytest.mark.slow  # a smoke run of the benchmark script: `make test-fast` leaves them out

ROOT = Path(__file__).resolve().parent.parent


def test_smoke_run_prints_every_table_and_exits_0() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "10", "--repeats", "1",
         "--serve-size", "10", "--edits", "1", "--preview-sizes", "10"],
        cwd=ROOT, capture_output=True, text=True, timeout=240, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "| N | libyaml compose (s) | pac-gen validate (s) | ratio |" in out
    assert re.search(r"^\| 10 \| \d+\.\d{3} \| \d+\.\d{3} \| \d+\.\d{2} \|$", out, re.MULTILINE)
    material = re.search(r"^\| 10 \| Material \|(.*)\|$", out, re.MULTILINE)
    pac_gen = re.search(r"^\| 10 \| pac_gen \|(.*)\|$", out, re.MULTILINE)
    assert material and pac_gen, out
    # wall, CPU, CPU per plan, peak MB, KB per plan, plotly bundles, ratio
    assert material.group(1).split("|")[5].strip() == "0"
    cells = [c.strip() for c in pac_gen.group(1).split("|")]
    assert cells[5] == "1"  # one plotly.min.js in the site
    assert float(cells[3]) > 0 and re.fullmatch(r"\d+\.\d{2}", cells[6])
    assert re.search(r"^\| seconds \| \d+\.\d{2} \| \d+\.\d{2} \|$", out, re.MULTILINE)
    assert "| one plotly.min.js whatever N | 1 | ✅ |" in out
    assert "| serve: save → page < 2.0 s (10 plans, median) |" in out
    # issue 16: the preview by cohort size, its row and its targets
    plans = 10 + len(list((ROOT / "plans").rglob("*.yaml")))
    assert re.search(rf"^\| make serve \(pac-gen serve\) \| {plans} \| \d+\.\d s \| \d+\.\d\d s ", out, re.MULTILINE), out
    assert f"| preview: save → page ≤ 1 s, median ({plans} plans) |" in out
    assert "| preview: CPU per save flat (largest ÷ smallest cohort ≤ 1.5) | 1.00 × | ✅ |" in out


def test_hand_written_page_has_the_plan_tables() -> None:
    data = yaml.safe_load(plan_text(13))
    page = plan_markdown(data)
    assert page.startswith("# Plan numéro 13\n\n**Auteur** : Apprenant 1\n")
    assert "| Tâche 0 de l'action 0 | 2026-01-25 | 1h30 | 100 € | fait | Relancer *deux fois* si pas de réponse. |" in page
    assert "| Indicateur 3 | suivi | 0 | 120 | CRM | 4 |" in page
    assert "| 2026-10-10 | 102 |" in page  # Indicateur 3, twelfth measurement: 11 × 9 + 3
    assert "| Rituel 1 | toutes_les_2_semaines | mardi | matin | 1h | 2026-01-06 | 6 mois |" in page
    assert "| Frein 1 | oui | manque de temps | bloquer des créneaux |" in page
    assert page.count("| vendredi |") == 5  # four blocks of the ideal week, and Rituel 0's day


def test_both_sites_hold_the_same_plans(tmp_path: Path) -> None:
    pac_gen = write_pac_gen_site(tmp_path / "p", 12)
    material = write_material_site(tmp_path / "m", 12)
    plans = sorted(p.relative_to(tmp_path / "p" / "plans").with_suffix("").as_posix()
                   for p in (tmp_path / "p" / "plans").rglob("*.yaml"))
    pages = sorted(p.relative_to(tmp_path / "m" / "docs" / "plans").with_suffix("").as_posix()
                   for p in (tmp_path / "m" / "docs" / "plans").rglob("plan-*.md"))
    assert plans == pages
    assert plans[0] == "apprenant-000/plan-0000" and plans[-1] == "apprenant-001/plan-0011"
    assert "today: 2026-11-27" in pac_gen.read_text(encoding="utf-8")
    config = material.read_text(encoding="utf-8")
    assert "nav:\n  - Accueil: index.md\n  - Plans: plans/index.md\n" in config
    assert "not_in_nav: |\n  /plans/apprenant-*/\n" in config
    index = (tmp_path / "m" / "docs" / "plans" / "index.md").read_text(encoding="utf-8")
    assert "- [Plan numéro 11](apprenant-001/plan-0011.md)" in index


def test_generated_plans_are_ten_per_learner(tmp_path: Path) -> None:
    files = generate(tmp_path, 21)
    folders = sorted({f.parent.name for f in files})
    assert folders == ["apprenant-000", "apprenant-001", "apprenant-002"]
    assert len([f for f in files if f.parent.name == "apprenant-001"]) == 10


def test_history_benchmark_smoke_run_agrees_with_per_plan_lookups() -> None:
    # The script itself checks that one git log and a git log per plan give the same dates.
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "history.py"), "--plans", "60", "--weeks", "3", "--sample", "10",
         "--repeats", "1"], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 60 |"))
    assert row.split("|")[2].strip() == "61"  # the first commit, then 20 learners a week for 3 weeks
