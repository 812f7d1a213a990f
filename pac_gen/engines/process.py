"""The site engines' own processes, stopped with pac-gen (Ctrl-C or SIGTERM), never left behind."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


class _Terminated(KeyboardInterrupt):
    """pac-gen got SIGTERM, which (unlike a terminal's Ctrl-C) reached it alone, not its engine."""


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (a CI job or a test stopping the preview) stops pac-gen the way Ctrl-C does."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def stop(child: subprocess.Popen[bytes], *, interrupted: bool = False) -> None:
    """End ``child`` if it still runs, letting it clean up first, then for good.

    The engine ends on Ctrl-C as its own command line does, removing what it made
    (MkDocs its temporary site folder, pac_gen's plugin its watcher's file);
    SIGTERM would kill it on the spot and leave them in the temporary folder.

    Args:
        child: The engine's process.
        interrupted: The child got the Ctrl-C too (a terminal sends it to the whole
            group) and is ending: it is not sent another, which would cut its clean-up short.

    """
    if child.poll() is not None:
        return
    if not interrupted:
        child.send_signal(signal.SIGINT)
    for then in (child.terminate, child.kill):
        try:
            child.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            then()
    child.wait()


def run(command: list[str], env: dict[str, str] | None = None,
        between: Callable[[], None] | None = None, every: float = 1.0, stopped: int = 130) -> int:
    """Run ``command`` until it ends or pac-gen is stopped; call ``between`` every ``every`` seconds meanwhile.

    Returns:
        The command's exit status, or ``stopped`` when pac-gen was stopped (130, as a shell
        says for Ctrl-C; a preview passes 0: stopping is how it ends).

    """
    with sigterm_interrupts():
        child = subprocess.Popen(command, env=env)
        interrupted = False
        try:
            while True:
                try:
                    return child.wait(timeout=every if between else None)
                except subprocess.TimeoutExpired:
                    if between is not None:
                        between()
        except KeyboardInterrupt as exc:
            interrupted = not isinstance(exc, _Terminated)
            return stopped
        finally:
            stop(child, interrupted=interrupted)
