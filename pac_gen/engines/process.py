"""The site engines' own processes, stopped with pac-gen (Ctrl-C or SIGTERM), never left behind."""

from __future__ import annotations

import signal
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (a CI job or a test stopping the preview) stops pac-gen the way Ctrl-C does."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def stop(child: subprocess.Popen[bytes]) -> None:
    """End ``child`` if it still runs: politely, then for good after 10 seconds."""
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
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
        try:
            while True:
                try:
                    return child.wait(timeout=every if between else None)
                except subprocess.TimeoutExpired:
                    if between is not None:
                        between()
        except KeyboardInterrupt:
            return stopped
        finally:
            stop(child)
