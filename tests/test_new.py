"""``pac-gen new``: template with --yes, questions on a terminal, never overwrite."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from pac_gen.check.validate import check_bytes, check_file
from pac_gen.cli import main
from pac_gen.cli.new_plan import Answers, LawAnswer, Questions, course_choice, quote, render_plan
from pac_gen.format.model import ActionKind, Frequency, IndicatorKind, Rhythm, Stage, Term, TimeOfDay, Weekday
from pac_gen.format.settings import Settings
from tests.conftest import compare_golden

TODAY = date(2026, 11, 27)


def checked(path: Path, lang: str = "fr"):
    return check_file(path, Settings(today=TODAY, lang=lang))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A cohort repository with the committed schema, as the plans sit in one."""
    (tmp_path / "docs" / "schema").mkdir(parents=True)
    (tmp_path / "docs" / "schema" / "plan.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "docs" / "schema" / "plan.schema.en.json").write_text("{}", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_yes_writes_a_template_that_validates_with_only_example_content_warnings(repo: Path, lang: str) -> None:
    path = repo / "plans" / "camille" / "nouveau.yaml"
    assert main(["new", str(path), "--yes", "--lang", lang, "--today", "2026-11-27"]) == 0
    result = checked(path, lang)
    assert result.errors == []
    assert {p.code for p in result.warnings} == {"W1207"}  # every text the learner did not type (tests/test_coherence_21.py)
    plan = result.plan
    assert plan is not None
    assert plan.objective.start == date(2026, 11, 27)
    assert plan.objective.deadline == date(2027, 5, 27)  # six months later
    assert plan.objective.stage is Stage.STARTUP
    assert [(a.kind, a.term) for a in plan.actions] == [
        (ActionKind.PROSPECTING, Term.SHORT), (ActionKind.COMMUNICATION, Term.MEDIUM), (ActionKind.RETENTION, Term.LONG)]
    law = plan.actions[0].law_of_numbers
    assert law is not None and (law.target_result, law.planned_volume) == (3, 9)
    assert [i.kind for i in plan.indicators] == [IndicatorKind.RESULT, IndicatorKind.TRACKING]
    assert plan.rituals[0].days == [Weekday.FRIDAY] and plan.rituals[0].start == date(2026, 11, 27)
    lines = path.read_text(encoding="utf-8").splitlines()
    schema = "plan.schema.json" if lang == "fr" else "plan.schema.en.json"
    assert lines[0] == f"# yaml-language-server: $schema=../../docs/schema/{schema}"


def test_template_explains_the_method_in_french_comments(repo: Path) -> None:
    path = repo / "plans" / "a.yaml"
    assert main(["new", str(path), "--yes", "--today", "2026-11-27"]) == 0
    content = path.read_text(encoding="utf-8")
    assert "#  - prospection : aller chercher de nouveaux clients" in content
    assert "#  - fidelisation : faire revenir et recommander" in content
    assert "# Loi des nombres : pour 1 résultat, prévoir 3 tentatives en démarrage (2 en développement)." in content
    assert "#  - resultat : dit si l'objectif est atteint" in content
    assert "#  - suivi : pilote les actions en cours de route" in content


def test_schema_comment_points_at_the_installed_copy_outside_a_repository(tmp_path: Path) -> None:
    # An address the editor can load offline (tests/test_schema.py opens it in yaml-language-server).
    from pac_gen.format.schema import PACKAGED_SCHEMAS

    path = tmp_path / "plan.yaml"
    assert main(["new", str(path), "--yes", "--today", "2026-11-27"]) == 0
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={PACKAGED_SCHEMAS['fr'].as_uri()}"
    assert PACKAGED_SCHEMAS["fr"].is_file()


def test_no_answer_at_all_on_standard_input_writes_nothing_and_says_why(repo: Path) -> None:
    # Before: an empty or closed standard input silently gave the default template.
    path = repo / "plans" / "b.yaml"
    done = subprocess.run([sys.executable, "-m", "pac_gen", "new", str(path), "--today", "2026-11-27"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "PYTHONUTF8": "1"}, check=False)
    assert done.returncode == 1
    assert not path.exists()
    assert done.stderr == (
        "pac-gen new : les réponses se sont arrêtées avant la fin, à la question « Ton nom (facultatif) » ; "
        "aucun fichier écrit.\nDonne une réponse par ligne (une ligne vide garde la valeur proposée), ou écris un "
        f"modèle à compléter avec « pac-gen new {path} --yes ».\n")


def test_refuses_to_overwrite_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("objectif: mon brouillon\n", encoding="utf-8")
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    assert main(["new", str(path), "--yes", "--today", "2026-11-27"]) == 1
    assert path.read_text(encoding="utf-8") == "objectif: mon brouillon\n"
    assert path.stat().st_mtime_ns == 1_700_000_000_000_000_000
    assert capsys.readouterr().err == f"pac-gen new : {path} existe déjà ; il n'est pas modifié. Choisis un autre nom.\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


GOLDEN = Path(__file__).parent / "golden" / "new"

# The learner, answering in the course's words, with a few mistakes that are re-asked.
ANSWERS = [
    "Camille Lefèvre",                          # author
    "Vendre en direct aux boutiques de Lyon",   # strategy
    "Gagner 5 nouvelles boutiques revendeuses",  # objective
    "31/02/2027",                               # impossible date: asked again
    "2026-11-01",                               # before the start: asked again
    "30/06/2027",                               # deadline
    "en démarrage",                             # stage, the course's words
    "Démarcher les boutiques de Lyon",          # action 1
    "prospecter",                               # the verb: understood
    "court terme",                              # the course's words
    "15/07/2027",                               # after the objective's deadline: asked again
    "15/02/2027",
    "400",                                      # budget
    "5", "boutiques", "10", "20",               # law of numbers: 10 < 5 × 3, asked again
    "Lister 40 boutiques", "20/12/2026", "0",   # task 1
    "Imprimer le catalogue", "15/01/2027", "500", "250",  # task 2: 500 would exceed the action's 400
    "",                                         # no more tasks
    "Newsletter des revendeuses", "fidélisation", "à long terme", "", "",  # action 2: due by default, no budget
    "Écrire le premier numéro", "31/01/2027", "",
    "",
    "",                                         # no more actions
    "Boutiques revendeuses", "boutiques",       # result indicator, in another unit than the example's €
    "", "0",                                    # no stale default: an answer is needed
    "0", "5",                                   # a target equal to the initial value: asked again
    "Tableau de suivi", "chaque mois",
    "Boutiques démarchées", "boutiques", "0", "40", "CRM", "tous les 15 jours",
    "Démarchage du jeudi", "jeudi", "le matin", "12 semaines",
    "15/12/2026",                               # first review
    "8", "Un binôme", "oui", "6",               # motivation
    "",                                         # obstacle: the example is kept
]


def interview(answers: list[str], lang: str = "fr") -> tuple[Answers, list[str]]:
    """The answers and the transcript (each prompt with its answer, each explanation) of a scripted interview."""
    lines = iter(answers)
    shown: list[str] = []

    def ask(prompt: str) -> str:
        answer = next(lines, None)
        if answer is None:
            raise EOFError
        shown.append(prompt + answer)
        return answer

    return Questions(ask, shown.append, lang, TODAY).answers(), shown


def test_interview_transcript_and_file_are_the_golden_ones() -> None:
    answers, shown = interview(ANSWERS)
    content = render_plan(answers, "../../docs/schema/plan.schema.json", "fr", "plans/camille/boutiques.yaml")
    compare_golden({GOLDEN / "interview.txt": "\n".join(shown) + "\n", GOLDEN / "interview.yaml": content})


def test_interview_asks_for_tasks_dates_budgets_in_the_course_words_and_explains_each_refusal() -> None:
    answers, shown = interview(ANSWERS)
    for line in [
        "Phase, pour la loi des nombres (×3 en démarrage, ×2 en développement) : démarrage ou développement "
        "[démarrage] : en démarrage",
        "  type : prospection, communication ou fidélisation [prospection] : prospecter",
        "  horizon : court terme, moyen terme ou long terme [court terme] : court terme",
        "La date limite de l'action se place après le début du plan (27 novembre 2026) et au plus tard à "
        "l'échéance (30 juin 2027).",
        "La loi des nombres demande au moins 15 tentatives pour 5 résultats (×3 en démarrage) : prévois-en au moins 15.",
        "    budget de la tâche en euros (Entrée : pas de budget) : 500",
        "Avec cette tâche, les budgets des tâches feraient 500\u00a0€, plus que le budget de l'action (400\u00a0€).",
        # The unit changed from the example's €: its 1000 → 1200 are not offered any more.
        "  valeur initiale, en boutiques (avant le plan) : ",
        "Il faut une réponse ici.",
        "La valeur cible est celle du départ (0) : il n'y aurait rien à atteindre. Donne la valeur visée à l'échéance.",
        "  le frein (Entrée : garder l'exemple « Manque de temps pour prospecter ») : ",
    ]:
        assert line in shown, line
    assert "L'échéance doit venir après le début du plan (27 novembre 2026)." in shown
    first, second = answers.actions
    assert (first.term, first.due, first.budget, first.law) == (
        Term.SHORT, date(2027, 2, 15), Decimal(400), LawAnswer(5, 20, "boutiques"))
    assert [(t.title, t.due, t.budget) for t in first.tasks] == [
        ("Lister 40 boutiques", date(2026, 12, 20), Decimal(0)),
        ("Imprimer le catalogue", date(2027, 1, 15), Decimal(250))]
    assert (second.kind, second.term, second.due, second.budget) == (
        ActionKind.RETENTION, Term.LONG, date(2027, 6, 30), None)
    assert answers.result is not None and (answers.result.unit, answers.result.initial, answers.result.target) == (
        "boutiques", 0, 5)
    assert answers.tracking is not None and answers.tracking.rhythm is Rhythm.BIWEEKLY
    assert answers.ritual is not None and answers.ritual.time_of_day is TimeOfDay.MORNING
    assert answers.obstacle is None  # kept the example


def test_the_plan_written_validates_with_example_warnings_exactly_where_examples_were_kept() -> None:
    answers, _ = interview(ANSWERS)
    content = render_plan(answers, "schema.json", "fr", "plans/camille/boutiques.yaml")
    result = check_bytes("boutiques.yaml", content.encode("utf-8"), Settings(today=TODAY))
    assert result.errors == []
    lines = content.splitlines()
    assert [(p.code, p.line, lines[p.line - 1].strip()) for p in result.warnings] == [
        ("W1207", 118, '- frein: "Manque de temps pour prospecter"'),
        ("W1207", 120, 'causes: ["Le travail de production passe toujours en premier"]'),
        ("W1207", 121, "solutions: [\"Bloquer deux demi-journées de prospection dans l'agenda\"]"),
    ]


def test_an_interview_answered_with_enter_keeps_examples_and_each_is_flagged() -> None:
    answers, _ = interview(["", "", "Trouver 3 clients", "", "", "Appeler des prospects", "", "", "", "", "", "", "",
                            *[""] * 12, *[""] * 4, "", *[""] * 4, ""])
    content = render_plan(answers, "schema.json", "fr", "plan.yaml")
    result = check_bytes("plan.yaml", content.encode("utf-8"), Settings(today=TODAY))
    assert result.errors == []
    lines = content.splitlines()
    assert [lines[p.line - 1].strip() for p in result.warnings if p.code == "W1207"] == [
        "resultat_vise: 3",
        '- tache: "Préparer la première étape"',
        '- rituel: "Revue de la semaine : CA, contacts, mise à jour du CRM"',
        '- indicateur: "Chiffre d\'affaires du mois"',
        '- indicateur: "Prospects contactés par mois"',
        '- frein: "Manque de temps pour prospecter"',
        'causes: ["Le travail de production passe toujours en premier"]',
        "solutions: [\"Bloquer deux demi-journées de prospection dans l'agenda\"]",
    ]


@pytest.mark.parametrize(("kind", "answer", "expected"), [
    (Term, "court terme", Term.SHORT), (Term, "à long terme", Term.LONG), (Term, "Moyen terme", Term.MEDIUM),
    (Term, "short term", Term.SHORT), (Stage, "en développement", Stage.GROWTH), (Stage, "Démarrage", Stage.STARTUP),
    (Rhythm, "tous les 15 jours", Rhythm.BIWEEKLY), (Rhythm, "Toutes les 2 semaines", Rhythm.BIWEEKLY),
    (Rhythm, "chaque mois", Rhythm.MONTHLY), (Rhythm, "every quarter", Rhythm.QUARTERLY),
    (TimeOfDay, "l'après-midi", TimeOfDay.AFTERNOON), (TimeOfDay, "le soir", TimeOfDay.EVENING),
    (ActionKind, "fidéliser", ActionKind.RETENTION), (ActionKind, "Prospection", ActionKind.PROSPECTING),
    (Weekday, "Jeudi", Weekday.THURSDAY), (Term, "bientôt", None), (Term, "terme", None),
])
def test_the_course_words_are_understood(kind: type, answer: str, expected: object) -> None:
    assert course_choice(kind, answer) is expected


@pytest.mark.parametrize(("lang", "kind", "answers", "said"), [
    ("fr", Term, ["bientôt", "court"],
     "« bientôt » n'est pas une réponse possible. Réponds par : court terme, moyen terme ou long terme."),
    ("fr", ActionKind, ["prospectoin", "prospection"],
     "« prospectoin » n'est pas une réponse possible : voulais-tu dire « prospection » ? Réponds par : prospection, "
     "communication ou fidélisation."),
    ("en", Term, ["soon", "short"], "“soon” is not one of the answers. Answer with: short term, medium term or long term."),
])
def test_a_refused_choice_is_asked_again_with_the_words_of_the_language(
        lang: str, kind: type, answers: list[str], said: str) -> None:
    lines = iter(answers)
    shown: list[str] = []
    questions = Questions(lambda prompt: next(lines), shown.append, lang, TODAY)
    default = next(iter(kind))
    assert questions.choice("action_term", kind, default) is course_choice(kind, answers[-1])
    assert shown == [said]


def test_answers_piped_on_standard_input_are_read_line_by_line(repo: Path) -> None:
    path = repo / "plans" / "camille" / "boutiques.yaml"
    done = subprocess.run([sys.executable, "-m", "pac_gen", "new", str(path), "--today", "2026-11-27"],
                          input="\n".join(ANSWERS) + "\n", capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "PYTHONUTF8": "1"}, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    # The transcript shows each question with the answer read, as on a terminal.
    assert "  horizon : court terme, moyen terme ou long terme [court terme] : court terme\n" in done.stdout
    assert done.stdout.endswith(
        f"\nJ'ai écrit ton plan dans {path}.\n"
        "Encore du contenu d'exemple, que tu n'as pas tapé : remplace-le par le tien (pac-gen validate le signale, "
        "W1207) :\n"
        '  ligne 118 : frein: "Manque de temps pour prospecter"\n'
        '  ligne 120 : causes: ["Le travail de production passe toujours en premier"]\n'
        "  ligne 121 : solutions: [\"Bloquer deux demi-journées de prospection dans l'agenda\"]\n"
        f"Étape suivante : complète-le, puis vérifie-le avec « pac-gen validate {path} ».\n")
    result = checked(path)
    assert result.errors == []
    assert [(p.code, p.line) for p in result.warnings] == [("W1207", 118), ("W1207", 120), ("W1207", 121)]
    golden = (GOLDEN / "interview.yaml").read_text(encoding="utf-8")
    assert path.read_text(encoding="utf-8").splitlines()[3:] == golden.splitlines()[3:]  # same plan, other path


def test_answers_that_stop_early_write_nothing_and_name_the_question(repo: Path) -> None:
    path = repo / "plans" / "c.yaml"
    done = subprocess.run([sys.executable, "-m", "pac_gen", "new", str(path), "--today", "2026-11-27"],
                          input="\n".join(ANSWERS[:9]) + "\n", capture_output=True, text=True, encoding="utf-8",
                          env={**os.environ, "PYTHONUTF8": "1"}, check=False)
    assert done.returncode == 1
    assert not path.exists()
    assert done.stderr.startswith("pac-gen new : les réponses se sont arrêtées avant la fin, à la question "
                                  "« horizon : court terme, moyen terme ou long terme » ; aucun fichier écrit.\n")


def test_questions_answered_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal("\n".join(ANSWERS) + "\n"))
    path = tmp_path / "plans" / "camille.yaml"
    assert main(["new", str(path), "--today", "2026-11-27"]) == 0
    out = capsys.readouterr().out
    assert "La date « 31/02/2027 » n'existe pas dans le calendrier." in out
    result = checked(path)
    assert result.errors == []
    plan = result.plan
    assert plan is not None
    assert plan.author == "Camille Lefèvre"
    assert plan.objective.deadline == date(2027, 6, 30)
    assert plan.objective.stage is Stage.STARTUP
    assert [(a.title, a.kind, a.term, a.due, a.budget) for a in plan.actions] == [
        ("Démarcher les boutiques de Lyon", ActionKind.PROSPECTING, Term.SHORT, date(2027, 2, 15), 400),
        ("Newsletter des revendeuses", ActionKind.RETENTION, Term.LONG, date(2027, 6, 30), None)]
    law = plan.actions[0].law_of_numbers
    assert law is not None and (law.target_result, law.planned_volume, law.unit) == (5, 20, "boutiques")
    assert [(t.task, t.due, t.budget) for t in plan.actions[0].tasks] == [
        ("Lister 40 boutiques", date(2026, 12, 20), 0), ("Imprimer le catalogue", date(2027, 1, 15), 250)]
    ritual, review = plan.rituals
    assert (ritual.ritual, ritual.days, ritual.time_of_day, ritual.start, str(ritual.span)) == (
        "Démarchage du jeudi", [Weekday.THURSDAY], TimeOfDay.MORNING, date(2026, 12, 3), "12 semaines")
    assert (review.frequency, review.start, review.end) == (Frequency.MONTHLY, date(2026, 12, 15), date(2027, 6, 30))
    assert [i.rhythm for i in plan.indicators] == [Rhythm.MONTHLY, Rhythm.BIWEEKLY]
    assert plan.reviews == [] and "reviews" in plan.model_fields_set
    motivation = plan.motivation
    assert motivation is not None
    assert (motivation.level, motivation.boosters, motivation.in_group, motivation.planned_hours) == (
        8, ["Un binôme"], True, 6)
    assert [i.kind for i in plan.indicators] == [IndicatorKind.RESULT, IndicatorKind.TRACKING]


def test_abandoned_questions_write_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _Terminal("Camille\nstratégie\n"))
    path = tmp_path / "plan.yaml"
    assert main(["new", str(path), "--today", "2026-11-27"]) == 1
    assert not path.exists()
    assert "à la question « Ton objectif, mesurable (ex. Augmenter le CA en ligne de 30 %) » ; aucun fichier écrit." in (
        capsys.readouterr().err)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_questions_on_a_real_pseudo_terminal_in_english(tmp_path: Path) -> None:
    import pty

    master, slave = pty.openpty()
    path = tmp_path / "plan.yaml"
    answers = ["", "", "Double my turnover", "end of May", "2027-05-31", "", "Call shops", "prospecting",
               "short term", "", "", "", "", "", "Turnover", "€", "1000", "2000", "CRM", "quarterly", "Calls", "calls",
               "0", "40", "CRM", "", "Weekly review", "friday", "afternoon", "3 months", "", "", "", "", "", ""]
    proc = subprocess.Popen([sys.executable, "-m", "pac_gen", "new", str(path), "--lang", "en", "--today", "2026-11-27"],
                            stdin=slave, stdout=slave, stderr=slave, close_fds=True,
                            env={**os.environ, "PYTHONUTF8": "1"})
    os.close(slave)
    os.write(master, ("\n".join(answers) + "\n").encode("utf-8"))
    output = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    assert proc.wait(timeout=120) == 0, output.decode("utf-8", "replace")
    shown = output.decode("utf-8").replace("\r\n", "\n")
    assert "Deadline of the objective (YYYY-MM-DD or DD/MM/YYYY) [2027-05-27]: " in shown
    assert "Date “end of May” is not recognised: write it 2026-06-15 or 15/06/2026." in shown
    assert "  initial value, in calls (before the plan): " in shown  # no stale default after the unit change
    assert "  day: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday [Friday]: " in shown
    result = checked(path, "en")
    assert result.errors == []
    assert result.plan is not None
    assert result.plan.objective.deadline == date(2027, 5, 31)
    assert result.plan.indicators[1].target == 40
    assert [i.rhythm for i in result.plan.indicators] == [Rhythm.QUARTERLY, Rhythm.WEEKLY]
    assert ("how often it is measured: every week, every 2 weeks, every month or every quarter [every week]: "
            in shown)
    assert result.plan.motivation is not None and result.plan.motivation.level == 7
    assert "strategie" not in path.read_text(encoding="utf-8")  # an empty answer leaves the key out
    assert "Example content you did not type is still there" in shown


@pytest.mark.parametrize("value", [
    'a "quoted" word', "back\\slash", "# not a comment", "key: value", "- item", "{flow}", "[list]",
    "&anchor *alias !tag", "100 %", "yes", "2026-01-01", "tab\there", "line\u2028separator", "next\x85line",
    "ümlaut ½ €", "'single'", "@at `tick`",
])
def test_quote_always_gives_back_the_same_text(value: str) -> None:
    expected = "".join(c for c in value if c not in "\t\x85")  # control characters are dropped
    assert yaml.safe_load(f"key: {quote(value)}\n") == {"key": expected}


def test_a_file_where_the_folder_should_be_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "plans"
    blocker.write_text("pas un dossier", encoding="utf-8")
    assert main(["new", str(blocker / "x.yaml"), "--yes", "--today", "2026-11-27"]) == 2
    assert capsys.readouterr().err.startswith(f"pac-gen new : impossible de créer {blocker / 'x.yaml'} : son dossier")
    assert blocker.read_text(encoding="utf-8") == "pas un dossier"


def test_a_name_that_would_never_be_read_as_a_plan_is_refused_before_any_question(tmp_path, capsys):
    """`validate` skips a .txt file and refuses « ? »: `new` said « vérifie-le » and wrote it anyway."""
    assert main(["new", str(tmp_path / "plans" / "moi" / "plan.txt"), "--yes"]) == 2
    assert capsys.readouterr().err == (
        f"pac-gen new : {tmp_path}/plans/moi/plan.txt ne serait pas lu comme un plan : son nom doit finir par "
        ".yaml (ou .yml). Par exemple : plans/camille/boutique.yaml\n")
    assert main(["new", str(tmp_path / "plans" / "a?b.yaml"), "--yes", "--lang", "en"]) == 2
    assert capsys.readouterr().err == (
        f"{tmp_path}/plans/a?b.yaml:1:1: error: E014 This path cannot be a plan's: its name holds “?”, which a "
        "plan's path may not hold (< > : \" \\ | ? * do not work on Windows). Rename or move it.\n")
    assert not (tmp_path / "plans").exists()
