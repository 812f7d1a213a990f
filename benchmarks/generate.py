"""Generate N synthetic, valid plans laid out like a cohort repository.

Each plan has 5 actions × 4 tasks, 3 rituals, 4 indicators × 12 measurements,
2 obstacles and an ideal week (about 300 lines); 10 plans per learner folder.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

KINDS = ("prospection", "communication", "fidelisation")
TERMS = ("court", "moyen", "long")
STATUSES = ("fait", "en_cours", "a_faire", "a_faire")
START = date(2026, 1, 5)  # a Monday
DEADLINE = date(2026, 12, 31)


def plan_text(number: int) -> str:
    """The YAML text of synthetic plan ``number`` (valid, no warning on 2026-11-27)."""
    lines = [
        "# yaml-language-server: $schema=../../docs/schema/plan.schema.json",
        f"titre: Plan numéro {number}",
        f"auteur: Apprenant {number // 10}",
        "strategie: |",
        "  Se faire connaître des **commerçants du quartier** puis les fidéliser.",
        "  - visites en boutique",
        "  - newsletter mensuelle",
        "devise: EUR",
        "objectif:",
        f"  intitule: Signer {10 + number % 7} nouveaux clients",
        f"  echeance: {DEADLINE.isoformat()}",
        f"  debut: {START.isoformat()}",
        "  phase: demarrage",
        "actions:",
    ]
    for a in range(5):
        due = START + timedelta(days=60 * (a + 1))
        lines += [
            f"  - id: action-{a}",
            f"    intitule: Action {a} du plan {number}",
            f"    type: {KINDS[a % 3]}",
            f"    horizon: {TERMS[a % 3]}",
            f"    lancement: {(START + timedelta(days=7 * a)).isoformat()}",
            f"    date_limite: {due.isoformat()}",
            "    responsable: Moi",
            "    moyens_actuels: [ordinateur, réseau personnel]",
            "    moyens_a_prevoir:",
            "      - flyers",
            "    budget: 1000",
            "    loi_des_nombres:",
            "      resultat_vise: 4",  # not the example law `pac-gen new` writes (W1207)
            "      volume_prevu: 12",
            "      unite: rendez-vous",
            "    taches:",
        ]
        for t in range(4):
            lines += [
                f"      - tache: Tâche {t} de l'action {a}",
                f"        date_limite: {(due - timedelta(days=10 * (4 - t))).isoformat()}",
                "        duree: 1h30",
                "        budget: 100",
                f"        statut: {STATUSES[t]}" if a < 4 else "        statut: a_faire",
                "        commentaires: Relancer *deux fois* si pas de réponse.",
            ]
            if STATUSES[t] == "fait" and a < 4:
                lines.append(f"        fait_le: {(due - timedelta(days=10 * (4 - t) + 1)).isoformat()}")
    lines += ["rituels:"]
    for r, (frequency, day, moment) in enumerate(
        (("hebdomadaire", "vendredi", "apres_midi"), ("toutes_les_2_semaines", "mardi", "matin"),
         ("mensuelle", "lundi", "matin"))
    ):
        lines += [f"  - rituel: Rituel {r}", f"    frequence: {frequency}"]
        if day:
            lines.append(f"    jours: [{day}]")
        lines += [f"    moment: {moment}", "    duree: 1h", f"    debut: {(START + timedelta(days=4 if r == 0 else 1 if r == 1 else 0)).isoformat()}",
                  "    pendant: 6 mois", "    action: action-0"]
    lines += ["indicateurs:"]
    for i in range(4):
        lines += [
            f"  - id: indicateur-{i}",
            f"    indicateur: Indicateur {i}",
            f"    type: {'resultat' if i == 0 else 'suivi'}",
            "    unite: contacts",
            "    valeur_initiale: 0",
            "    valeur_cible: 120",
            "    outil: CRM",
            f"    phase: {i + 1}",
            "    mesures:",
        ]
        for m in range(12):
            when = START + timedelta(days=25 * m + 3)
            lines.append(f"      {when.isoformat()}: {m * 9 + i}")
    lines += ["freins:"]
    for o in range(2):
        lines += [
            f"  - frein: Frein {o}",
            f"    depend_de_moi: {'oui' if o else 'non'}",
            "    causes: [manque de temps]",
            "    solutions: [bloquer des créneaux]",
            "    action: action-1",
        ]
    lines += ["equipe:", "  - nom: Alex", "    role: stagiaire", "    cout: 600", "    disponibilite: 2 jours par semaine"]
    lines += ["semaine_ideale:"]
    for day in ("lundi", "mardi", "mercredi", "jeudi", "vendredi"):
        lines += [
            f"  {day}:",
            "    - {de: \"08:30\", a: \"12:30\", domaine: entreprise, activite: Prospection}",
            "    - {de: \"12:30\", a: \"13:30\", domaine: social, activite: Déjeuner}",
            "    - {de: \"13:30\", a: \"18:00\", domaine: entreprise, activite: Production}",
            "    - {de: \"18:00\", a: \"20:00\", domaine: moi, activite: Sport}",
        ]
    lines += ["notes: |", "  Ce que j'ai appris cette semaine : **écouter** avant de proposer.", ""]
    return "\n".join(lines)


def generate(root: Path, count: int) -> list[Path]:
    """Write ``count`` plans under ``root/plans/apprenant-XX/plan-YYYY.yaml``."""
    files = []
    for number in range(count):
        folder = root / "plans" / f"apprenant-{number // 10:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        file = folder / f"plan-{number:04d}.yaml"
        file.write_text(plan_text(number), encoding="utf-8")
        files.append(file)
    return files


def main() -> None:
    """Command line: ``python benchmarks/generate.py ROOT N``."""
    parser = argparse.ArgumentParser()
    parser.add_argument("root", type=Path)
    parser.add_argument("count", type=int)
    args = parser.parse_args()
    generate(args.root, args.count)


if __name__ == "__main__":
    main()
