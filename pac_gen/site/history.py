"""When each plan file last changed, from git: the overview's "mis à jour" column.

One ``git log`` for the whole plans folder, read as it streams and stopped as
soon as every plan has its date: a cohort of 3,000 plans costs one process, not
3,000 (a ``git log -1`` per plan took minutes of a preview). A plan's date is the
committer date of the newest commit that touched it; nothing when git is missing,
the folder is not in a repository, or the file was never committed.

A shallow clone (CI's ``actions/checkout`` fetches one commit by default) only
knows its oldest commit as a whole snapshot: every file it holds would look
changed on that day. Dates that come from such a boundary commit are left out
rather than shown wrong; the publish workflow fetches the whole history
(``fetch-depth: 0``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Collection
from datetime import UTC, datetime
from pathlib import Path

RECORD = b"\x1e"  # starts each commit in the log's output (ASCII record separator)


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None


def _boundary_commits(folder: Path) -> set[str] | None:
    """The commits a shallow clone was cut at (empty for a whole history); None outside a repository."""
    done = _git(["rev-parse", "--is-shallow-repository", "--git-path", "shallow"], folder)
    if done is None or done.returncode != 0:
        return None
    shallow, _, path = done.stdout.decode(errors="replace").partition("\n")
    if shallow.strip() != "true":
        return set()
    try:
        return set((folder / path.strip()).read_text(encoding="ascii").split())
    except OSError:
        return set()


def last_changes(folder: Path, wanted: Collection[str] = ()) -> dict[str, datetime]:
    """The last commit date (UTC) of each file below ``folder``, by its path below it (``camille/boutique.yaml``).

    Args:
        folder: The plans folder.
        wanted: The paths the caller needs; reading stops once all of them have a
            date (empty: read the whole history).

    Returns:
        The dates found; an empty mapping outside git.

    """
    boundaries = _boundary_commits(folder)
    if boundaries is None:
        return {}
    found: dict[str, datetime] = {}
    missing = set(wanted)
    command = ["git", "log", "--format=%x1e%H %ct", "--name-only", "--relative", "-z", "--no-renames", "--", "."]
    try:
        process = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError:
        return {}
    assert process.stdout is not None
    pending = b""
    try:
        while True:
            chunk = process.stdout.read(1 << 16)
            pending += chunk
            records = pending.split(RECORD)
            # The last record may still be cut: kept for the next chunk, unless the log has ended.
            pending = records.pop() if chunk else b""
            for record in records:
                _read_record(record, boundaries, found, missing)
            if not chunk or (wanted and not missing):
                break
    finally:
        process.stdout.close()
        if process.poll() is None:
            process.kill()  # every wanted plan has its date: the rest of the history is not needed
        process.wait()
    return found


class ChangeDates:
    """:func:`last_changes` for a preview's rebuilds: read again only when a commit moved HEAD.

    Dates come from commits, and a save is not a commit; a plan saved but never
    committed has no date, so without this every save of a new learner's plan would
    walk the cohort's whole history again (1.6 s at 20,000 commits).
    """

    def __init__(self) -> None:
        self._key: tuple[str, Path, frozenset[str]] | None = None
        self._dates: dict[str, datetime] = {}

    def __call__(self, folder: Path, wanted: Collection[str]) -> dict[str, datetime]:
        """The dates of ``wanted`` (see :func:`last_changes`), kept while HEAD and ``wanted`` stay the same."""
        done = _git(["rev-parse", "HEAD"], folder)
        if done is None or done.returncode != 0:
            self._key = None
            return {}
        key = (done.stdout.decode(errors="replace").strip(), folder, frozenset(wanted))
        if key != self._key:
            self._dates = last_changes(folder, wanted)
            self._key = key
        return self._dates


def _read_record(record: bytes, boundaries: set[str], found: dict[str, datetime], missing: set[str]) -> None:
    """One commit of the log: ``<sha> <epoch>\\0\\n<path>\\0<path>\\0…``; newest commits come first."""
    head, _, names = record.partition(b"\0")
    sha, _, stamp = head.decode("ascii", errors="replace").partition(" ")
    if not stamp.strip().isdigit() or sha in boundaries:
        return
    when = datetime.fromtimestamp(int(stamp), UTC)
    for raw in names.split(b"\0"):
        name = raw.strip(b"\n").decode("utf-8", errors="surrogateescape")
        if name and name not in found:
            found[name] = when
            missing.discard(name)
