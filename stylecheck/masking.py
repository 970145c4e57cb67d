"""Masking: what the Document and the Markdown scanner share to set non-prose aside.

Text that is not prose (markup, code, URLs, comments) is replaced by placeholder characters of the
same length, never removed, so that every offset into the masked text is an offset into the
original file. Blocks and comments are the records both scanners produce.
"""
from __future__ import annotations

from .patterns import Lazy
from .record import Record

# Markup that separated words (a tag, an emphasis marker) becomes a space; content that stood for
# a word or more (inline code, a URL) becomes this character, which is neither a word character
# nor white space, so words on either side never look adjacent.
MASK_FILL = "\ufffc"

class Block(Record):
    """A run of prose: kind is paragraph, heading, list, blockquote or table (cell row)."""

    __slots__ = ("kind", "start", "end")

    def __init__(self, kind: str, start: int, end: int) -> None:
        self.kind = kind
        self.start = start
        self.end = end


class Comment(Record):
    """An HTML-style comment (`<!-- ... -->`), kept for inline suppression directives."""

    __slots__ = ("start", "end", "body")

    def __init__(self, start: int, end: int, body: str) -> None:
        self.start = start
        self.end = end
        self.body = body


def mask_text(text: str, ranges: list[tuple[int, int, str]]) -> str:
    """Return `text` with each (start, end, fill) range masked. Line breaks are kept.

    Works on slices, not characters, so it costs one pass over the masked ranges.
    """
    if not ranges:
        return text
    parts: list[str] = []
    pos = 0
    for start, end, fill in sorted(ranges):
        if end <= pos:
            continue
        start = max(start, pos)
        parts.append(text[pos:start])
        parts.append(_LINE_KEEPING.sub(lambda m, f=fill: f * len(m.group()), text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


_LINE_KEEPING = Lazy(r"[^\r\n]+")


def find_comments(text: str) -> list[Comment]:
    """Every `<!-- ... -->` in `text`, as the non-greedy pattern `<!--(.*?)-->` would find them.

    A loop over str.find rather than that pattern: the pattern rescans to the end of the text
    from every unterminated `<!--`, which is quadratic on a file full of them.
    """
    comments: list[Comment] = []
    pos = 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            break
        close = text.find("-->", start + 4)
        if close < 0:
            break  # no later opener can be closed either
        comments.append(Comment(start, close + 3, text[start + 4 : close]))
        pos = close + 3
    return comments


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without white space at either end (empty when it is all white space)."""
    if start < end and text[start].isspace():
        first = _FIRST_NON_SPACE.search(text, start, end)
        if first is None:
            return start, start
        start = first.start()
    if end > start and text[end - 1].isspace():
        end = _LAST_NON_SPACE.search(text, start, end).end()  # text[start] is not white space
    return start, end


_FIRST_NON_SPACE = Lazy(r"\S")
_LAST_NON_SPACE = Lazy(r"(?r)\S")  # searched from the end


def add_block(blocks: list[Block], prose: str, kind: str, start: int, end: int) -> None:
    start, end = trim(prose, start, end)
    if end > start:
        blocks.append(Block(kind, start, end))
