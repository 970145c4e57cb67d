"""A progress bar on standard error, for archive-wide runs; silent unless stderr is a terminal.

Small on purpose (no dependency): it draws at most ten times a second, and only once a run has
taken longer than half a second, so a quick run never flickers.
"""
from __future__ import annotations

import sys
import time

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import TextIO

_DELAY = 0.5
_INTERVAL = 0.1
_WIDTH = 30


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = is_terminal(self.stream)
        self.enabled = enabled and total > 1
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self._drawn_at = 0.0
        self._visible = False

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < _DELAY or (now - self._drawn_at < _INTERVAL and self.done < self.total):
            return
        self._drawn_at = now
        filled = _WIDTH * self.done // max(1, self.total)
        bar = "#" * filled + "-" * (_WIDTH - filled)
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} files")
        self.stream.flush()
        self._visible = True

    def close(self) -> None:
        """Erase the bar, so what follows on the terminal starts on a clean line."""
        if self._visible:
            self.stream.write("\r" + " " * (_WIDTH + 30) + "\r")
            self.stream.flush()
            self._visible = False

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
