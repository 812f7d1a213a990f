"""Build small sites with MkDocs, ProperDocs and Zensical and read the HTML they produce.

Builds are subprocesses of the real command lines (``mkdocs build``,
``properdocs build``, ``pac-gen build --engine zensical``); the sites are shared through module-scoped fixtures so the
file stays fast.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow  # real MkDocs, ProperDocs and Zensical builds of small sites: `make test-fast` leaves them out

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CAMILLE = ROOT / "plans" / "camille" / "boutique.yaml"
LEA = ROOT / "plans" / "lea" / "cabinet.yaml"
EPOCH = "1798761600"  # 2027-01-01, for MkDocs' own dates (sitemap); the plugin's `today` wins for plans
NNBSP, NBSP = "\u202f", "\xa0"

SMALL_PLAN = """\
titre: Plan {n}
auteur: Apprenant {n}
objectif:
  intitule: Trouver 3 clients
  debut: 2026-09-01
  echeance: 2027-03-31
actions:
  - intitule: Appeler des prospects
    type: prospection
    horizon: court
    lancement: 2026-09-01
    date_limite: 2027-03-01
    loi_des_nombres: {{resultat_vise: 3, volume_prevu: {volume}, unite: appels}}
    taches:
      - tache: Lister les prospects
        date_limite: 2026-10-01
        statut: fait
indicateurs:
  - indicateur: Clients signés
    type: resultat
    valeur_initiale: 0
    valeur_cible: 3
    outil: CRM
  - indicateur: Appels passés
    type: suivi
    valeur_initiale: 0
    valeur_cible: 12
    outil: CRM
"""

BAD_PLAN = """\
objectif:
  intitule: X
  echeanse: 2027-01-01
actions:
  - intitule: Y
    type: prospection
"""


def hostile(n: int) -> str:
    """Every kind of live markup a learner could try, plus template syntax."""
    return (f"<script>alert({n})</script><img src=x onerror=alert({n})>"
            f"<a href='javascript:alert({n})'>lien{n}</a> {{{{ 7*7 }}}} {{% print('P{n}') %}}")


def hostile_markdown(n: int) -> str:
    return hostile(n) + f"\n\n[clic{n}](javascript:alert({n})) <b onmouseover=alert({n})>gras</b>\n"


def hostile_plan() -> str:
    q = lambda n: json.dumps(hostile(n))  # noqa: E731 - JSON strings are YAML strings
    m = lambda n: json.dumps(hostile_markdown(n))  # noqa: E731
    return f"""\
titre: {q(1)}
auteur: {q(2)}
strategie: {m(3)}
objectif:
  intitule: {q(4)}
  debut: 2026-09-01
  echeance: 2027-03-31
bilan:
  - action: {q(5)}
    atouts: [{q(6)}]
    freins: [{q(7)}]
    efficace: oui
actions:
  - id: appels
    intitule: {q(8)}
    type: prospection
    horizon: court
    lancement: 2026-09-01
    date_limite: 2027-03-01
    responsable: {q(9)}
    moyens_actuels: [{q(10)}]
    moyens_a_prevoir: [{q(11)}]
    budget: 100
    loi_des_nombres: {{resultat_vise: 1, volume_prevu: 3, unite: {q(12)}}}
    taches:
      - tache: {q(13)}
        responsable: {q(14)}
        date_limite: 2026-10-01
        moyens: {q(15)}
        commentaires: {m(16)}
        resultat: {m(17)}
rituels:
  - rituel: {q(18)}
    frequence: hebdomadaire
    debut: 2026-09-04
    pendant: 3 mois
    action: appels
indicateurs:
  - indicateur: {q(19)}
    type: resultat
    unite: {q(20)}
    valeur_initiale: 0
    valeur_cible: 3
    outil: {q(21)}
  - indicateur: {q(22)}
    type: suivi
    valeur_initiale: 0
    valeur_cible: 3
    outil: CRM
freins:
  - frein: {q(23)}
    causes: [{q(24)}]
    solutions: [{q(25)}]
    action: appels
equipe:
  - nom: {q(26)}
    role: {q(27)}
    disponibilite: {q(28)}
notes: {m(29)}
"""


def make_project(root: Path, plans: dict[str, str | Path], options: str = "today: 2026-11-27",
                 extra: str = "", language: str = "fr") -> Path:
    """A project folder with mkdocs.yml, docs/index.md and the given plans (text or a file to copy)."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    for name, content in plans.items():
        target = root / "plans" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Path):
            shutil.copyfile(content, target)
        else:
            target.write_text(content, encoding="utf-8")
    option_lines = "".join(f"      {line}\n" for line in options.splitlines())
    (root / "mkdocs.yml").write_text(
        f"site_name: Test\n{extra}theme:\n  name: material\n  language: {language}\n  font: false\n"
        "  features: [content.action.edit]\n"
        f"plugins:\n  - search\n  - pac_gen:\n{option_lines}"
        "markdown_extensions:\n  - admonition\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    return root


def build(project: Path, tool: str = "mkdocs", strict: bool = False, site: str = "site") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "SOURCE_DATE_EPOCH": EPOCH}
    # Zensical runs no plugin: pac-gen prepares its build (pac_gen/engines/zensical.py).
    program = [str(BIN / "pac-gen"), "build", "--engine", tool] if tool == "zensical" else [str(BIN / tool), "build"]
    command = [*program, "--site-dir", site, *(["--strict"] if strict else [])]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)


def built(project: Path, tool: str = "mkdocs", site: str = "site") -> Path:
    result = build(project, tool, site=site)
    assert result.returncode == 0, result.stderr
    return project / site


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def content(html: str) -> str:
    """The part of a page the plugin wrote (from its first div to the end of the article)."""
    start = html.index('<div class="pac-gen ')
    return html[start:html.index("</article>", start)]


def text(html: str) -> str:
    """Visible text with entities decoded and spaces collapsed."""
    parser = _Collector()
    parser.feed(html)
    return re.sub(r"[ \t\r\n]+", " ", "".join(parser.text)).strip()  # keeps no-break spaces


BLOCKS = {"td", "th", "tr", "dt", "dd", "li", "p", "div", "br", "ul", "h1", "h2", "h3", "h4", "section"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag in BLOCKS:
            self.text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.text.append(" ")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _Collector()
    parser.feed(html)
    return parser.tags


def rows_with_class(html: str, cls: str) -> list[str]:
    return [text(m) for m in re.findall(rf'<tr class="[^"]*\b{cls}\b[^"]*">(.*?)</tr>', html, re.S)]


MAIN_PLANS: dict[str, str | Path] = {
    "camille/boutique.yaml": CAMILLE,
    "lea/cabinet.yaml": LEA,
    "hostile.yaml": hostile_plan(),
    "warn.yaml": SMALL_PLAN.format(n=1, volume=5),
}
EDIT = "repo_url: https://github.com/example/cohorte\nedit_uri: edit/main/docs/\n"


@pytest.fixture(scope="module")
def main_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("main"), MAIN_PLANS, extra=EDIT)


@pytest.fixture(scope="module", params=["mkdocs", "properdocs", "zensical"])
def main_site(request: pytest.FixtureRequest, main_project: Path) -> Path:
    return built(main_project, request.param, site=f"site-{request.param}")


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("en"), {"camille/boutique.yaml": CAMILLE, "lea/cabinet.yaml": LEA},
                           options="today: 2026-12-16\ninclude_confidential: true", language="en")
    return built(project, "properdocs")


def test_plan_page_header_and_summary_in_french(main_site: Path) -> None:
    page = text(content(read(main_site, "plans/camille/boutique/index.html")))
    assert "Apprenant·e Camille Lefèvre" in page
    assert "Objectif Augmenter le chiffre d'affaires en ligne de 30 %" in page
    assert "Début 1 septembre 2026" in page
    assert "Échéance 28 février 2027 (93 jours restants)" in page
    assert "Phase Démarrage (×3)" in page
    assert "Je fabrique à la main de la vaisselle en grès" in page
    assert f"Tâches : 8 faites · 3 en cours · 1 en retard · 16 au total (1 abandonnée) — 53{NBSP}%" in page
    assert f"Budget des actions : 1{NNBSP}070{NBSP}€ · Somme des budgets des tâches : 865{NBSP}€" in page
    assert "Chiffre d'affaires en ligne du mois écoulé : En avance" in page
    assert "Inscrits à la newsletter : En retard" in page


def test_plan_page_actions_tasks_and_late_marking(main_site: Path) -> None:
    html = content(read(main_site, "plans/camille/boutique/index.html"))
    page = text(html)
    assert "Type Prospection : trouver de nouveaux clients Horizon Court terme" in page
    assert "Lancement 1 septembre 2026 Date limite 31 octobre 2026 Responsable Camille" in page
    assert f"Budget 600{NBSP}€ (Somme des budgets des tâches : 590{NBSP}€)" in page
    assert "Moyens actuels Site WordPress existant" in page
    assert "Moyens à prévoir Extension de boutique WooCommerce et module de paiement" in page
    assert (f"Loi des nombres : Résultat visé 3{NBSP}boutiques · Volume prévu 12{NBSP}boutiques · "
            "Multiplicateur de la phase ×3 · Volume nécessaire 9 — respectée") in page
    headers = re.search(r'<table class="pac-gen-tasks">\s*<thead>(.*?)</thead>', html, re.S)
    assert headers is not None
    assert text(headers.group(1)) == "Tâche Date limite Durée Responsable Moyens Budget Statut Commentaires Résultat"
    late = rows_with_class(html, "pac-gen-late")
    assert late == ["Envoyer le catalogue PDF aux 12 boutiques retenues 20/11/2026 1/2 journée Courriel personnalisé "
                    "⚠ En retard En cours Envoyé à 5 boutiques sur 12. En retard : la préparation des commandes de la "
                    "boutique en ligne m'a pris plus de temps que prévu."]
    assert "Photographier 25 pièces sur fond neutre 30/09/2026 2 jours Julie Martin (photographe) Studio photo de Julie " \
           f"350{NBSP}€ Fait (fait le 25/09/2026)" in page


def test_plan_page_other_sections(main_site: Path) -> None:
    html = content(read(main_site, "plans/camille/boutique/index.html"))
    page = text(html)
    assert "Marchés de créateurs le week-end Contact direct avec les clients" in page
    assert "Publicité Facebook payante (printemps 2025) Beaucoup de vues en peu de temps Presque aucune vente" in page
    assert "Casse des colis pendant le transport Non Manipulations brutales dans les centres de tri" in page
    assert f"Julie Martin Photographe indépendante 350{NBSP}€ Deux demi-journées en septembre" in page
    indicator = rows_with_class(html, "pac-gen-indicator")[0]
    assert indicator == (f"Chiffre d'affaires en ligne du mois écoulé Résultat 1{NNBSP}200{NBSP}€ 1{NNBSP}560{NBSP}€ "
                         f"1{NNBSP}390{NBSP}€ (le 01/11/2026) 53{NBSP}% En avance prochain relevé le 01/12/2026 "
                         "Tableau Excel alimenté par les exports WooCommerce 5")
    assert ("Revue de la semaine (CA, commandes, mise à jour du CRM) — Chaque semaine (vendredi) à 14:00, 1h, "
            "à partir du 4 septembre 2026, pendant 3 mois · Domaine : Entreprise") in page
    # The learner's "##" fits right under the page's h2 "Notes" (axe's heading-order: no h4 after an h2).
    assert '<h3>Ce que j&#39;ai appris en préparant ce plan</h3>' in html or "<h3>Ce que j'ai appris" in html
    assert "Motivation : pouvoir passer un samedi sur deux en famille" in page


def test_toc_download_and_css(main_site: Path) -> None:
    html = read(main_site, "plans/camille/boutique/index.html")
    for anchor in ("#strategie", "#resume", "#actions", "#action-depot-vente", "#bilan", "#freins", "#equipe",
                   "#indicateurs", "#pilotage", "#rituels", "#notes"):
        assert f'href="{anchor}" class="md-nav__link"' in html
    assert '<a href="../boutique.csv" download>' in html
    from pac_gen.check.validate import check_file
    from pac_gen.format.settings import Settings
    from pac_gen.site.export import tasks_csv
    from tests.conftest import TODAY

    plan = check_file(CAMILLE, Settings(today=TODAY)).plan
    assert plan is not None
    assert (main_site / "plans/camille/boutique.csv").read_bytes() == tasks_csv(plan, "fr")
    assert "assets/pac_gen/pac_gen.css" in html
    assert (main_site / "assets/pac_gen/pac_gen.css").read_bytes() == (ROOT / "pac_gen/site/assets/pac_gen.css").read_bytes()


def test_warnings_shown_as_admonitions(main_site: Path) -> None:
    html = content(read(main_site, "plans/warn/index.html"))
    match = re.search(r'<div class="admonition warning pac-gen-warning">(.*?)</div>', html, re.S)
    assert match is not None
    assert text(match.group(1)) == (
        "W301 — Loi des nombres : 5 prévus pour 3 visés, il en faudrait au moins 9 (×3). "
        "Comment corriger : Augmente le volume prévu : en démarrage il faut 3 tentatives par résultat, "
        "en développement 2. Emplacement : plans/warn.yaml:13:55")


def test_overview_groups_plans_and_is_the_only_nav_entry(main_site: Path) -> None:
    html = read(main_site, "plans/index.html")
    body = content(html)
    assert [text(h) for h in re.findall(r'<h2 [^>]*class="pac-gen-group">(.*?)</h2>', body)] == ["Autres plans", "camille"]
    row = next(r for r in rows_with_class(body, "pac-gen-plan-row") if "céramiques" in r)
    assert row == ("Ma boutique en ligne de céramiques Camille Lefèvre Dernière revue : 26 nov. 2026 "
                   "⚠ 1 relevé en retard (Visiteurs de la boutique en ligne par mois) Motivation : 7/10 "
                   "Augmenter le chiffre d'affaires en ligne de 30 % "
                   f"28 février 2027 53{NBSP}% ⚠ 1 En avance : 2 En retard : 2 0 "
                   "date inconnue Dernier relevé : 25 nov. 2026")  # a project outside git: no last commit
    assert '<a href="camille/boutique/">' in body
    warn_row = next(r for r in rows_with_class(body, "pac-gen-plan-row") if r.startswith("Plan 1"))
    assert warn_row.endswith(" 1 date inconnue Dernier relevé : aucun")  # one warning
    home = read(main_site, "index.html")
    assert re.search(r'href="(\./)?plans/"', home)  # Zensical writes "./plans/"
    assert "plans/camille/boutique/" not in home  # plan pages are not in the navigation


def test_edit_link_opens_the_yaml_file(main_site: Path) -> None:
    html = read(main_site, "plans/camille/boutique/index.html")
    assert 'href="https://github.com/example/cohorte/edit/main/plans/camille/boutique.yaml"' in html
    assert "edit/main/docs/plans" not in html


def test_confidential_plan_hidden_by_default(main_site: Path) -> None:
    assert not (main_site / "plans/lea").exists()
    assert "cabinet" not in read(main_site, "plans/index.html")


def test_hostile_plan_produces_no_live_markup(main_site: Path) -> None:
    full = read(main_site, "plans/hostile/index.html")
    html = content(full)
    for tag, attrs in tags(html):
        assert tag not in ("script", "img", "iframe", "object", "embed"), (tag, attrs)
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)
    page = text(html)
    for n in range(1, 30):
        if n in (3, 16, 17, 29):  # Markdown fields: raw HTML is removed, the text stays
            assert f"{{{{ 7*7 }}}} {{% print('P{n}') %}}" in page, n
        else:
            assert f"<script>alert({n})</script><img src=x onerror=alert({n})>" in page, n
    assert "49" not in page
    figures = [html_lib.unescape(d) for d in re.findall(r'data-figure="([^"]*)"', full)]
    assert figures  # the hostile indicators have charts
    for data in figures:
        json.loads(data)  # one whole JSON value: learner text could not end the attribute
        assert "<" not in data and ">" not in data
    assert "<script>alert" not in full
    assert "<img src=x" not in full
    title = re.search(r"<title>(.*?)</title>", full, re.S)
    assert title is not None and title.group(1).startswith("&lt;script&gt;alert(1)&lt;/script&gt;")


def test_two_builds_are_byte_identical(main_project: Path) -> None:
    first, second = built(main_project, site="repro-1"), built(main_project, site="repro-2")
    files_1 = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_2 = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_1 == files_2
    assert Path("sitemap.xml.gz") in files_1  # its gzip timestamp comes from SOURCE_DATE_EPOCH
    different = [str(p) for p in files_1 if (first / p).read_bytes() != (second / p).read_bytes()]
    assert different == []


def test_english_site_with_confidential_plans_and_a_later_today(english_site: Path) -> None:
    html = content(read(english_site, "plans/camille/boutique/index.html"))
    page = text(html)
    assert "Deadline February 28, 2027 (74 days left)" in page
    assert "Type Prospecting: find new customers" in page
    assert "Budget of the actions: €1,070" in page
    assert "Download: Tasks (CSV for Excel)" in page
    assert [r.split(" ")[0] for r in rows_with_class(html, "pac-gen-late")] == [
        "Organiser", "Envoyer", "Relancer", "Ajouter", "Écrire"]
    assert "⚠ Late In progress" in page
    assert (english_site / "plans/lea/cabinet/index.html").exists()
    assert "lea" in text(content(read(english_site, "plans/index.html")))


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs", "zensical"])
def test_bad_plan_is_left_out_of_the_build_with_positions(tmp_path: Path, tool: str) -> None:
    # Issue 21: the engine builds the others; `pac-gen build` exits 3 (tests/test_publish.py).
    project = make_project(tmp_path, {"ok.yaml": SMALL_PLAN.format(n=1, volume=9), "bad.yaml": BAD_PLAN})
    result = build(project, tool, strict=True)
    assert result.returncode == (3 if tool == "zensical" else 0), result.stderr
    output = result.stdout + result.stderr
    assert "plans/bad.yaml:2:3: E103 Il manque la clé obligatoire « echeance » (deadline) ici." in output
    assert "plans/bad.yaml:3:3: E101 Clé inconnue « echeanse »" in output
    assert "Traceback" not in output
    assert (project / "site/plans/ok/index.html").is_file() and not (project / "site/plans/bad").exists()


@pytest.mark.parametrize("tool", ["mkdocs", "zensical"])
def test_a_plan_warning_never_fails_even_a_strict_build(tmp_path: Path, tool: str) -> None:
    project = make_project(tmp_path, {"warn.yaml": SMALL_PLAN.format(n=1, volume=5)})
    result = build(project, tool, strict=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING -  plans/warn.yaml:13:55: W301 Loi des nombres : 5 prévus pour 3 visés" in result.stderr
    assert "Traceback" not in result.stderr
    assert (project / "site/plans/warn/index.html").is_file()


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs", "zensical"])
def test_an_acknowledged_warning_leaves_the_build_log_and_shows_on_the_page(tmp_path: Path, tool: str) -> None:
    # Issue 21: the W301 above is a warning line of the (strict) build's log; acknowledged on its action, it
    # is no longer one, and the page shows it apart with its reason. No plan warning fails a build any more
    # (test_a_plan_warning_never_fails_even_a_strict_build); `pac-gen validate --strict` is where it counts
    # (tests/test_acknowledge.py).
    reason = "Les appels viennent de clients déjà chauds"
    plain = SMALL_PLAN.format(n=1, volume=5)
    plan = plain.replace("    taches:\n", f"    avertissements_acceptes:\n      W301: {reason}\n    taches:\n", 1)
    project = make_project(tmp_path, {"warn.yaml": plain})
    warned = build(project, tool, strict=True)
    assert warned.returncode == 0, warned.stderr
    assert "WARNING -  plans/warn.yaml:13:55: W301 Loi des nombres" in warned.stderr
    (project / "plans" / "warn.yaml").write_text(plan, encoding="utf-8")
    result = build(project, tool, strict=True)
    assert result.returncode == 0, result.stderr
    assert "W301" not in result.stderr
    html = content(read(project / "site", "plans/warn/index.html"))
    assert "pac-gen-warning" not in html
    match = re.search(r'<div class="admonition info pac-gen-acknowledged">(.*?)</div>', html, re.S)
    assert match is not None
    assert text(match.group(1)) == (
        "W301 — Loi des nombres : 5 prévus pour 3 visés, il en faudrait au moins 9 (×3). "
        f"Raison : {reason} Emplacement : plans/warn.yaml:13:55")
    # The acknowledgement left behind once the volume is right is itself a warning of the log.
    (project / "plans" / "warn.yaml").write_text(plan.replace("volume_prevu: 5", "volume_prevu: 9"), encoding="utf-8")
    stale = build(project, tool, strict=True)
    assert stale.returncode == 0, stale.stderr
    assert "WARNING -  plans/warn.yaml:15:7: W1301 Aucun avertissement W301 n'est signalé sur cet élément" in stale.stderr


def test_serve_shows_errors_then_recovers(tmp_path: Path) -> None:
    # In-process, as `mkdocs serve` does: the same plugin instance rebuilds after each save.
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    project = make_project(tmp_path, {"p.yaml": BAD_PLAN})

    def rebuild() -> str:
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
        config.plugins["pac_gen"].serving = True
        mkdocs_build(config)
        return text(content(read(project / "site", "plans/p/index.html")))

    page = rebuild()
    assert "Ce plan contient des erreurs" in page
    assert "plans/p.yaml:3:3 E101 Clé inconnue « echeanse »" in page
    (project / "plans/p.yaml").write_text(SMALL_PLAN.format(n=7, volume=9), encoding="utf-8")
    page = rebuild()
    assert "Ce plan contient des erreurs" not in page
    assert "Apprenant·e Apprenant 7" in page


class _Counted:
    """Counts the calls of one of the plugin's core functions (checking a plan, rendering its page)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
        import pac_gen.site.build

        self.calls: list[str] = []
        wrapped = getattr(pac_gen.site.build, name)

        def counted(*args: object, **kwargs: object) -> object:
            self.calls.append(str(args[0] if name == "check_bytes" else args[2]))
            return wrapped(*args, **kwargs)

        monkeypatch.setattr(pac_gen.site.build, name, counted)

    def take(self) -> list[str]:
        calls, self.calls = sorted(self.calls), []
        return calls


def _in_process_build(project: Path, serving: bool) -> Any:
    """Build ``project`` in this process and return the plugin instance.

    MkDocs keeps one instance of a plugin for the whole process (as `mkdocs serve`
    does across rebuilds): the tests give their plans bytes of their own
    (:func:`_own_plans`) so that no earlier test's build is found in its cache.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    plugin = config.plugins["pac_gen"]
    plugin.serving = serving
    mkdocs_build(config)
    return plugin


def _own_plans(tmp_path: Path, count: int) -> dict[str, str | Path]:
    return {f"p{n}.yaml": SMALL_PLAN.format(n=n, volume=9) + f"# {tmp_path}\n" for n in range(count)}


def test_serve_rebuild_redoes_only_the_plan_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path, _own_plans(tmp_path, 3))
    checks, pages = _Counted(monkeypatch, "check_bytes"), _Counted(monkeypatch, "plan_page")
    _in_process_build(project, serving=True)
    assert checks.take() == pages.take() == ["plans/p0.yaml", "plans/p1.yaml", "plans/p2.yaml"]
    first = {name: read(project / "site", f"plans/p{name}/index.html") for name in range(3)}

    _in_process_build(project, serving=True)  # nothing saved: everything from the cache
    assert checks.take() == pages.take() == []
    assert {name: read(project / "site", f"plans/p{name}/index.html") for name in range(3)} == first

    (project / "plans/p1.yaml").write_text(SMALL_PLAN.format(n=7, volume=9), encoding="utf-8")
    _in_process_build(project, serving=True)
    assert checks.take() == pages.take() == ["plans/p1.yaml"]
    assert "Apprenant 7" in read(project / "site", "plans/p1/index.html")
    assert read(project / "site", "plans/p0/index.html") == first[0]
    assert read(project / "site", "plans/p2/index.html") == first[2]


def test_build_renders_each_plan_page_once_when_mkdocs_asks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pac_gen.engines.mkdocs_plugin

    project = make_project(tmp_path, _own_plans(tmp_path, 3))
    pages = _Counted(monkeypatch, "plan_page")
    rendered_in_on_files: list[list[str]] = []
    on_files = pac_gen.engines.mkdocs_plugin.PacGenPlugin.on_files

    def watched(self: pac_gen.engines.mkdocs_plugin.PacGenPlugin, *args: Any, **kwargs: Any) -> Any:
        files = on_files(self, *args, **kwargs)
        rendered_in_on_files.append(list(pages.calls))
        return files

    monkeypatch.setattr(pac_gen.engines.mkdocs_plugin.PacGenPlugin, "on_files", watched)
    plugin = _in_process_build(project, serving=False)
    # Rendering them all in on_files held every page in memory at once (930 MB at 1,000 plans).
    assert rendered_in_on_files == [[]]
    assert pages.take() == ["plans/p0.yaml", "plans/p1.yaml", "plans/p2.yaml"]
    assert plugin.build.plan_pages == {} and plugin._put_back == {}  # nothing kept once written
    assert "Apprenant 2" in read(project / "site", "plans/p2/index.html")


@pytest.mark.slow
def test_plan_page_size_does_not_grow_with_the_number_of_plans(tmp_path: Path) -> None:
    sizes = []
    for count in (10, 200):
        plans: dict[str, str | Path] = {f"p{n:03}.yaml": SMALL_PLAN.format(n=0, volume=9) for n in range(count)}
        site = built(make_project(tmp_path / str(count), plans))
        sizes.append(len((site / "plans/p000/index.html").read_bytes()))
    assert sizes[0] == sizes[1]


def test_one_plotly_bundle_loaded_only_through_charts_js(main_site: Path) -> None:
    bundles = sorted(p.relative_to(main_site).as_posix() for p in main_site.rglob("plotly*.js"))
    assert bundles == ["assets/pac_gen/plotly.min.js"]
    from pac_gen.site.charts import plotly_js_path

    assert (main_site / bundles[0]).read_bytes() == plotly_js_path().read_bytes()  # the package's own file
    pages = {p.relative_to(main_site).as_posix(): p.read_text("utf-8") for p in main_site.rglob("*.html")}
    with_charts = {name for name, html in pages.items() if 'class="pac-chart"' in html}
    assert {"plans/camille/boutique/index.html", "plans/index.html"} <= with_charts
    assert "index.html" not in with_charts  # the home page has no chart
    for name, html in pages.items():
        # No page loads plotly itself (charts.js fetches it once, only where a chart is),
        # and nothing comes from a CDN.
        assert "plotly.min.js" not in html, name
        assert "cdn.plot.ly" not in html and "cdn.jsdelivr" not in html, name
        assert 'src="../../../assets/pac_gen/charts.js"' in html or "assets/pac_gen/charts.js" in html, name


def test_cli_exports_are_the_bytes_the_site_publishes(main_project: Path, main_site: Path,
                                                      monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from pac_gen.cli import main

    # From any working directory: the UIDs come from the path below the plans folder.
    plan = main_project / "plans" / "camille" / "boutique.yaml"
    for where, given in ((main_project, "plans/camille/boutique.yaml"), (plan.parent, "boutique.yaml"),
                         (tmp_path, str(plan))):
        monkeypatch.chdir(where)
        for fmt in ("csv", "ics"):
            target = tmp_path / f"export.{fmt}"
            assert main(["export", given, "--format", fmt, "-o", str(target), "--today", "2026-11-27"]) == 0
            assert target.read_bytes() == (main_site / f"plans/camille/boutique.{fmt}").read_bytes(), (where, fmt)
    # The cohort's feed holds the very same events.
    events = (main_site / "plans/camille/boutique.ics").read_bytes().split(b"BEGIN:VEVENT", 1)[1]
    assert b"UID:camille%2Fboutique.yaml/" in events
    assert events.rsplit(b"END:VEVENT", 1)[0] in (main_site / "calendrier.ics").read_bytes()


def test_search_still_indexes_the_tables_text(main_site: Path) -> None:
    # The tables reach the search index as their text in one paragraph (cheaper to
    # index), while the published page keeps the tables themselves.
    import json

    if (main_site / "search.json").exists():  # Zensical's index
        docs = json.loads((main_site / "search.json").read_text("utf-8"))["items"]
    else:
        docs = json.loads((main_site / "search/search_index.json").read_text("utf-8"))["docs"]
    sections = {doc["location"]: doc["text"] for doc in docs if doc["location"].startswith("plans/camille/boutique/")}
    task = "Photographier 25 pièces sur fond neutre"
    found = [location for location, text in sections.items() if task in html_lib.unescape(text)]
    assert found and all("#action-" in location for location in found), found
    page = read(main_site, "plans/camille/boutique/index.html")
    assert page.count('<table class="pac-gen-tasks">') == 4
    assert "pac_gen:unindexed" not in page  # every part put back


def test_search_skips_the_charts_calendar_and_ideal_week_that_repeat_the_tables(main_site: Path) -> None:
    import json

    page = read(main_site, "plans/camille/boutique/index.html")
    if (main_site / "search.json").exists():  # Zensical honours the attribute, and takes it out of the page
        docs = json.loads((main_site / "search.json").read_text("utf-8"))["items"]
        assert "data-search-exclude" not in page and 'class="pac-chart-figure"' in page
    else:
        # Material's search ends an exclusion at the first closing tag of the same name (it compares
        # elements by tag): the attribute sits on elements whose tag the fragment does not nest.
        assert '<div class="pac-gen-calendar" data-search-exclude>' in page
        assert page.count('<figure class="pac-chart-figure" data-search-exclude>') == 6
        assert '<section class="pac-week" aria-label="Semaine idéale" data-search-exclude>' in page
        docs = json.loads((main_site / "search/search_index.json").read_text("utf-8"))["docs"]
    texts = html_lib.unescape(" ".join(doc["text"] for doc in docs
                                       if doc["location"].startswith("plans/camille/boutique/")))
    assert "Photographier 25 pièces" in texts  # the tables are indexed
    assert "Copie l" not in texts  # the calendar's subscribe box
    assert "Les chiffres du graphique" not in texts and "Trajectoire attendue" not in texts  # the charts
    assert "Moins d'une fois par semaine" not in texts and "Soirée en famille" not in texts  # the ideal week


def test_a_plugin_that_drops_html_comments_stops_the_build_instead_of_publishing_stand_ins() -> None:
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    from pac_gen.engines.mkdocs_plugin import PacGenPlugin

    plugin = PacGenPlugin()
    page: Any = SimpleNamespace(file=SimpleNamespace(src_uri="plans/p.md"))
    plugin._put_back["plans/p.md"] = ["<table>…</table>".encode()]
    with pytest.raises(PluginError, match=re.escape("plans/p.md : un autre plugin a retiré les commentaires HTML")):
        plugin.on_post_page("<p>le texte du tableau, sans les commentaires</p>", page=page, config=None)
    assert plugin.on_post_page("<p>une autre page</p>", page=page, config=None) == "<p>une autre page</p>"


@pytest.mark.parametrize("tool", ["mkdocs", "zensical"])
@pytest.mark.parametrize("directory_urls", [True, False])
def test_plan_file_names_never_become_link_schemes(tmp_path: Path, directory_urls: bool, tool: str) -> None:
    # A learner names a folder or a file like a URL. A colon is refused in a plan's
    # path (E014, tests/test_hostile_round2.py); every other character is encoded in links.
    plans: dict[str, str | Path] = {
        "javascript;alert(1)&x=/a.yaml": SMALL_PLAN.format(n=1, volume=9),
        "javascript;alert(2)#y.yaml": SMALL_PLAN.format(n=2, volume=9),
    }
    extra = "" if directory_urls else "use_directory_urls: false\n"
    site = built(make_project(tmp_path, plans, extra=extra), tool)
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    hrefs = [h for page in pages for h in re.findall(r'href="([^"]*)"', page)]
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert "javascript%3Balert%281%29%26x%3D/a" + ("/" if directory_urls else ".html") in hrefs
    assert "javascript%3Balert%282%29%23y.csv" in {h.rsplit("/", 1)[-1] for h in hrefs}


def test_titles_beyond_the_basic_plane_keep_their_page_title(tmp_path: Path) -> None:
    # json.dumps wrote 🚀 as a surrogate pair that MkDocs' YAML refused: the page lost its title.
    plan = SMALL_PLAN.format(n=1, volume=9).replace("titre: Plan 1", 'titre: "Plan 🚀 de l\'été\\u2028suite"')
    site = built(make_project(tmp_path, {"p.yaml": plan}))
    page = read(site, "plans/p/index.html")
    assert "<title>Plan 🚀 de l&#39;été\u2028suite - Test</title>" in page


@pytest.mark.parametrize("hours", [".nan", "-7", "0", "1000000000000"])
def test_a_working_day_outside_0_to_24_hours_stops_the_build_with_a_clear_error(tmp_path: Path, hours: str) -> None:
    project = make_project(tmp_path, {"p.yaml": SMALL_PLAN.format(n=1, volume=9)},
                           options=f"today: 2026-11-27\nworking_day_hours: {hours}")
    result = build(project)
    assert result.returncode == 1
    assert ("pac_gen: working_day_hours: la journée de travail dure plus de 0 et au plus 24 heures"
            in result.stdout + result.stderr)
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(("plans_dir", "why"), [("absent", "n'existe pas"), ("mkdocs.yml", "n'est pas un dossier")])
def test_a_plans_dir_that_is_not_a_folder_is_named_as_such(tmp_path: Path, plans_dir: str, why: str) -> None:
    project = make_project(tmp_path, {"p.yaml": SMALL_PLAN.format(n=1, volume=9)},
                           options=f"today: 2026-11-27\nplans_dir: {plans_dir}")
    result = build(project)
    assert result.returncode == 1
    expected = f"pac_gen: plans_dir: {(project / plans_dir).resolve()} {why} (le dossier des plans, relatif à mkdocs.yml)"
    assert expected in result.stdout + result.stderr


def test_pages_of_the_english_folder_declare_english(tmp_path: Path) -> None:
    # The theme writes the site's language (fr) on every page; docs/en/ is the English guide.
    project = make_project(tmp_path, {"camille/boutique.yaml": CAMILLE})
    (project / "docs" / "en").mkdir()
    (project / "docs" / "en" / "index.md").write_text("# Home\n", encoding="utf-8")
    (project / "docs" / "enfin.md").write_text("# Enfin\n", encoding="utf-8")
    site = built(project)
    declared = {page: re.search(r'<html lang="([^"]*)"', read(site, page)).group(1)  # type: ignore[union-attr]
                for page in ("index.html", "en/index.html", "enfin/index.html", "plans/camille/boutique/index.html",
                             "plans/index.html")}
    assert declared == {"index.html": "fr", "en/index.html": "en", "enfin/index.html": "fr",
                        "plans/camille/boutique/index.html": "fr", "plans/index.html": "fr"}


@pytest.mark.parametrize(("options", "expected"), [
    ("today: 2026-11-27\ntimezone: Mars/Olympus",
     "pac_gen: timezone: “Mars/Olympus” is not an IANA time zone (e.g. Europe/Paris)"),
    ("today: 2026-11-27\nplans_dir: absent", "does not exist (the plans folder, relative to mkdocs.yml)"),
])
def test_plugin_errors_speak_english_on_an_english_site(tmp_path: Path, options: str, expected: str) -> None:
    project = make_project(tmp_path, {"p.yaml": SMALL_PLAN.format(n=1, volume=9)}, options=f"{options}\nlanguage: en")
    result = build(project)
    assert result.returncode == 1
    assert expected in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
