"""Reading the plan files of a revision through git (nothing checked out or written)."""

from __future__ import annotations

import subprocess
from pathlib import Path, PurePosixPath

from pac_gen.check.validate import PLAN_SUFFIXES, Refusal, find_plan_files, path_refusal, shown_path
from pac_gen.format import loader
from pac_gen.text import text

# ---------------------------------------------------------------------------
# Git


class RevisionError(Exception):
    """A revision git does not know, or no git at all: a usage error, with a message for the learner."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)


def plan_files_at(revision: str | None, plans_dir: str = "plans", cwd: Path | None = None,
                  lang: str = "fr") -> dict[str, bytes | Refusal]:
    """The plan files of a revision (None: the working tree), by the path ``pac-gen validate`` shows.

    Files are read through git (``git ls-tree``, ``git show``): nothing is checked
    out or written. Symbolic links, hidden files and folders are skipped, as by
    :func:`pac_gen.check.validate.find_plan_files`; a path no plan may have (E014) comes
    back as its :class:`~pac_gen.check.validate.Refusal`, so the report shows it as the
    check does.

    Raises:
        RevisionError: when git is missing, the folder is not a repository or the revision is unknown.

    """
    where = cwd or Path.cwd()
    folder = PurePosixPath(Path(plans_dir).as_posix())
    files: dict[str, bytes | Refusal] = {}
    if revision is None:
        root = where / plans_dir
        if root.is_dir():
            refused: list[Refusal] = []
            for found in find_plan_files([root], refused):
                try:
                    with found.open("rb") as stream:  # at most one byte over the limit, as check_file
                        data = stream.read(loader.MAX_FILE_BYTES + 1)
                except OSError as exc:
                    refused.append(Refusal(found, "path.unreadable", (("detail", str(exc.errno or "")),)))
                    continue
                files[(folder / found.relative_to(root).as_posix()).as_posix()] = data
            for refusal in refused:
                files[(folder / shown_path(refusal.path.relative_to(root))).as_posix()] = refusal
        return files
    if revision.startswith("-"):  # never let a revision be read as an option
        raise RevisionError(text("review.git.unknown", lang, rev=revision))
    try:
        inside = _git(["rev-parse", "--is-inside-work-tree"], where)
    except FileNotFoundError:
        raise RevisionError(text("review.git.no_git", lang)) from None
    if inside.returncode != 0:
        raise RevisionError(text("review.git.not_repo", lang))
    commit = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], where)
    if commit.returncode != 0:
        raise RevisionError(text("review.git.unknown", lang, rev=revision))
    sha = commit.stdout.decode().strip()
    listing = _git(["ls-tree", "-r", "-z", sha, "--", f"{folder}/"], where)
    if listing.returncode != 0:
        raise RevisionError(text("review.git.failed", lang, rev=revision, detail=listing.stderr.decode(errors="replace")))
    for entry in listing.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, name_bytes = entry.partition(b"\t")
        mode = meta.split(b" ")[0]
        name = name_bytes.decode("utf-8", errors="surrogateescape")
        path = PurePosixPath(name)
        if mode not in (b"100644", b"100755") or path.suffix.lower() not in PLAN_SUFFIXES:
            continue
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        why_not = path_refusal(Path(name), path.relative_to(folder).as_posix())
        if why_not is not None:
            files[shown_path(path)] = why_not
            continue
        shown = _git(["show", f"{sha}:./{name}"], where)
        if shown.returncode != 0:
            raise RevisionError(text("review.git.failed", lang, rev=revision, detail=shown.stderr.decode(errors="replace")))
        files[name] = shown.stdout[: loader.MAX_FILE_BYTES + 1]
    return files


def changed_plan_files(revision: str, plans_dir: str = "plans", cwd: Path | None = None,
                       lang: str = "fr") -> set[Path]:
    """The plan files of the working tree that are new or differ from ``revision`` (resolved paths).

    Raises:
        RevisionError: as :func:`plan_files_at`.

    """
    where = cwd or Path.cwd()
    before = plan_files_at(revision, plans_dir, where, lang)
    now = plan_files_at(None, plans_dir, where, lang)
    return {(where / name).resolve() for name, data in now.items() if before.get(name) != data}
