"""LineIndex: maps code-point offsets to 1-based (line, column) pairs and back."""
from __future__ import annotations

import re
from bisect import bisect_right

from .patterns import Lazy

# A line ends at CRLF, a lone CR or LF: the three styles an article may arrive with.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BREAK_AFTER = Lazy(r"[\r\n]")
_BREAK_BEFORE = Lazy(r"(?r)[\r\n]")  # searched backwards from the end of the span


def line_start(text: str, pos: int) -> int:
    """Where the line holding `pos` starts. One search back to the nearest CR or LF: a pair of
    `rfind`s, one for each, would read back to the start of a text that has no CR at all, for
    every question (quadratic on a long file)."""
    found = _BREAK_BEFORE.search(text, 0, pos)
    return found.end() if found else 0


def line_end(text: str, pos: int) -> int:
    """Where the line holding `pos` ends (its line break, or the end of the text)."""
    found = _BREAK_AFTER.search(text, pos)
    return found.start() if found else len(text)


class LineIndex:
    __slots__ = ("starts", "length")

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.starts.extend(m.end() for m in _LINE_BREAK.finditer(text))
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of `offset` (columns count code points)."""
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of `position`."""
        return self.starts[line - 1] + column - 1

    def line_span(self, line: int, text: str) -> tuple[int, int]:
        """Start and end (excluding the line break) of 1-based `line` in `text`."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else self.length
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def __len__(self) -> int:
        return len(self.starts)
