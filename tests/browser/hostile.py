"""A plan whose every text field tries to run script, and a small site that publishes it.

If any of it runs, it sets ``window.__pwned`` and opens a dialog; the browser test
fails on either. Text fields get :data:`TEXT`, Markdown fields get :data:`MARKDOWN`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

# Breaks out of an attribute or an element, in every way a template or a
# Markdown renderer could get wrong: raw tags, event handlers, entities that
# plotly.js would decode, an attribute break-out.
TEXT = (
    "Piège <script>window.__pwned=1;alert(1)</script>"
    '<img src=x onerror="window.__pwned=2;alert(2)">'
    "<svg onload=alert(3)></svg> &lt;b onmouseover=alert(4)&gt; "
    "\"' onfocus=\"alert(5)\" autofocus x='"
)
MARKDOWN = (
    TEXT
    + "\n\n[clic](javascript:window.__pwned=6;alert(6)) "
    + '<a href="javascript:alert(7)">lien</a> '
    + '<iframe src="javascript:alert(8)"></iframe> '
    + "<details open ontoggle=alert(9)><summary>x</summary></details> "
    + "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=) "
    + "![img](x \"a\" onerror=alert(11))\n"
)


def hostile_plan() -> dict[str, Any]:
    """The plan as data: every free-text field holds :data:`TEXT` or :data:`MARKDOWN`."""
    return {
        "titre": TEXT,
        "auteur": TEXT,
        "strategie": MARKDOWN,
        "objectif": {"intitule": TEXT, "debut": "2026-09-01", "echeance": "2027-02-26", "phase": "demarrage"},
        "bilan": [{"action": TEXT, "atouts": [TEXT], "freins": [TEXT], "efficace": True}],
        "actions": [
            {
                "id": "piege",
                "intitule": TEXT,
                "type": "prospection",
                "horizon": "court",
                "lancement": "2026-10-01",
                "date_limite": "2027-01-29",
                "responsable": TEXT,
                "moyens_actuels": [TEXT],
                "moyens_a_prevoir": [TEXT],
                "budget": 100,
                "loi_des_nombres": {"resultat_vise": 2, "volume_prevu": 6, "unite": TEXT},
                "taches": [
                    {
                        "tache": TEXT, "responsable": TEXT, "date_limite": "2026-11-20", "duree": "1h",
                        "moyens": TEXT, "budget": 50, "statut": "en_cours", "commentaires": MARKDOWN,
                        "resultat": MARKDOWN,
                    },
                    {
                        "tache": TEXT, "date_limite": "2026-10-20", "statut": "fait", "fait_le": "2026-10-19",
                        "commentaires": MARKDOWN,
                    },
                ],
            }
        ],
        "rituels": [
            {
                "rituel": TEXT, "frequence": "hebdomadaire", "jours": ["mardi"], "heure": "10:00",
                "duree": "1h", "debut": "2026-11-03", "pendant": "8 semaines", "action": "piege",
            }
        ],
        "indicateurs": [
            {
                "id": "ventes", "indicateur": TEXT, "type": "resultat", "unite": TEXT, "valeur_initiale": 1,
                "valeur_cible": 10, "outil": TEXT, "phase": 5,
                "mesures": {"2026-10-01": 2, "2026-11-01": 4},
            },
            {
                "id": "contacts", "indicateur": TEXT + " 2", "type": "suivi", "valeur_initiale": 0,
                "valeur_cible": 20, "outil": TEXT, "mesures": {"2026-10-15": 5},
            },
        ],
        "freins": [{"frein": TEXT, "depend_de_moi": True, "causes": [TEXT], "solutions": [TEXT], "action": "piege"}],
        "equipe": [{"nom": TEXT, "role": TEXT, "cout": 10, "disponibilite": TEXT}],
        "semaine_ideale": {
            "mardi": [{"de": "09:00", "a": "12:00", "domaine": "entreprise", "activite": TEXT}],
        },
        "notes": MARKDOWN,
    }


MKDOCS_YML = """\
site_name: Site piégé
theme:
  name: material
  language: fr
  font: false
  features:
    - navigation.instant
  palette:
    - scheme: default
      toggle:
        icon: material/weather-night
        name: Passer en mode sombre
    - scheme: slate
      toggle:
        icon: material/weather-sunny
        name: Passer en mode clair
plugins:
  - search:
      lang: fr
  - pac_gen:
      plans_dir: plans
      today: 2026-11-27
"""


def write_hostile_project(folder: Path, site_url: str) -> Path:
    """Write ``mkdocs.yml``, ``docs/index.md`` and ``plans/pirate/piege.yaml`` in ``folder``; return the plan file.

    ``site_url`` is where the site will be served: Material's instant navigation needs it.
    """
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "index.md").write_text("# Accueil\n\nUn site pour un plan piégé.\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(f"site_url: {site_url}\n{MKDOCS_YML}", encoding="utf-8")
    plan_file = folder / "plans" / "pirate" / "piege.yaml"
    plan_file.parent.mkdir(parents=True)
    plan_file.write_text(yaml.safe_dump(hostile_plan(), allow_unicode=True, sort_keys=False, width=1000),
                         encoding="utf-8")
    return plan_file
