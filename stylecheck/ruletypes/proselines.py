"""Which lines of a text are not prose: table rows, one-word lines and all-capitals lines.

Shared by the typo checks (doubled words, repeated phrases, name variants). A finding on a line
that is not prose is usually not a slip of the keyboard:

* a **table row** sets its columns apart with runs of spaces or a tab ("Price  Price" heads two
  columns, "nil    nil" fills two cells). A line is a row when it holds a tab between two words,
  or two or more gaps of two spaces or more between words, or one such gap beside a line that
  has two. A gap after sentence punctuation does not count: typewritten copy puts two spaces
  after a full stop.
* a **one-word line** is a signature ("Reuter"), a counter or a heading fragment, not a sentence.
* an **all-capitals line** is a headline or a label: capitals say nothing there about names.

Each test looks at one line, found from a position, so a check pays only for the lines where it
has something to report (never a pass over the whole text).
"""
from __future__ import annotations

from .. import patterns

# A gap between two words: a tab, or two spaces or more not after sentence punctuation.
_GAP = patterns.compile(r"(?<=\S)(?:[ ]*\t[ \t]*|(?<![.!?:;]) {2,})(?=\S)")
_LETTER_LOWER = patterns.compile(r"\p{Ll}")
_LETTER_UPPER = patterns.compile(r"\p{Lu}")


def line_span(text: str, pos: int, limit: int = 0) -> tuple[int, int]:
    """The [start, end) of the line holding offset `pos` (line breaks excluded). With `limit`,
    no more than `limit` characters are read either side of `pos`: a longer line is cut there
    (the callers only need to know a line is long, and a paragraph on one line must not be read
    again for every position asked about)."""
    low = max(0, pos - limit) if limit else 0
    high = min(len(text), pos + limit) if limit else len(text)
    start = max(text.rfind("\n", low, pos), text.rfind("\r", low, pos)) + 1
    if start == 0 and low > 0:
        start = low
    ends = [e for e in (text.find("\n", pos, high), text.find("\r", pos, high)) if e >= 0]
    return start, min(ends) if ends else high


# Rows of a table and labels are short; a longer line is prose (and is never read whole here).
_LONGEST_ROW = 400


def is_table_row(text: str, pos: int) -> bool:
    """Is the line holding `pos` a table row? It holds a tab between words, or two column gaps, or
    one gap beside a line that has two (a row of a table whose other rows are fuller)."""
    start, end = line_span(text, pos, _LONGEST_ROW)
    if end - start >= _LONGEST_ROW:
        return False  # a paragraph on one line
    if text.find("  ", start, end) < 0 and text.find("\t", start, end) < 0:
        return False  # no run of spaces, no tab: prose (the common case, answered in C)
    gaps = _gaps(text, start, end)
    if gaps != 1:
        return gaps >= 2
    if start > 0:
        before = line_span(text, start - 1 - (text[start - 2 : start] == "\r\n"), _LONGEST_ROW)
        if _gaps(text, *before) >= 2:
            return True
    if end < len(text):
        after = line_span(text, end + 1 + (text[end : end + 2] == "\r\n"), _LONGEST_ROW)
        if _gaps(text, *after) >= 2:
            return True
    return False


def _gaps(text: str, start: int, end: int) -> int:
    """Column gaps on the line [start, end): 2 for a tab (a tab always sets columns apart)."""
    gaps = 0
    for gap in _GAP.finditer(text, start, end):
        gaps += 2 if "\t" in gap.group() else 1
        if gaps >= 2:
            break
    return gaps


def is_lone_word(text: str, start: int, end: int) -> bool:
    """Does the word at [start, end) stand alone on its line (a signature, a counter)?"""
    line_start, line_end = line_span(text, start, 24)
    # Indentation and a closing mark at most: longer lines are answered without slicing them.
    if start - line_start > 16 or line_end - end > 4:
        return False
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def is_all_capitals(text: str, pos: int) -> bool:
    """Is the line holding `pos` written in capitals only (a headline, a label)?"""
    start, end = line_span(text, pos, _LONGEST_ROW)
    if end - start >= _LONGEST_ROW:
        return False
    return _LETTER_LOWER.search(text, start, end) is None and _LETTER_UPPER.search(text, start, end) is not None
