"""What the repeat checks share: a quick test that rules out a text with no word or phrase repeated.

The doubled-word and repeated-phrase checks each find their repeats with a precise pass, but most
articles hold no repeat at all, and a quick test over the whole text rules them out first. The
text is read once, for both checks: characters that may touch a word ([A-Za-z0-9_-]) are kept and
all others become spaces (common non-ASCII punctuation too), and the text is lowercased and split
into pieces. An apostrophe splits ("it's" is two pieces), as it ends a word in the checks' own
patterns. Then, in C (`map(operator.eq, ...)`):

* a word typed twice is a piece equal to the next one;
* a phrase of k pieces typed twice is k pieces in a row each equal to the piece k places on.

The test never answers "no" where a precise pass would find a repeat: equal words give equal
pieces. A text with a letter outside ASCII is lowercased as text rather than bytes, and a doubled
word there is left to the precise pass (its case folding is the regex module's).

The pieces are found once per document and kept with it, for both checks (texts over a megabyte
are tested block by block, so no list of millions of pieces is ever held).
"""
from __future__ import annotations

from operator import eq

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from ..document import Document

_KEPT = {*range(ord("A"), ord("Z") + 1), *range(ord("a"), ord("z") + 1), *range(ord("0"), ord("9") + 1), ord("_"), ord("-")}
_TO_SPACE = bytes(c if c in _KEPT or c >= 128 else 32 for c in range(256))
_PUNCTUATION = tuple(c.encode("utf-8") for c in "“”‘’–—…£€\ufffc«»•·°\u00a0")
# Longer texts are tested block by block.
WHOLE_TEXT_LIMIT = 1 << 20


class Pieces:
    """One text's pieces; `ascii` is False when a letter outside ASCII remains."""

    __slots__ = ("pieces", "ascii")

    def __init__(self, text: str) -> None:
        data = text.encode("utf-8").translate(_TO_SPACE)
        if not data.isascii():
            for mark in _PUNCTUATION:
                if mark in data:
                    data = data.replace(mark, b" ")
        self.ascii = data.isascii()
        self.pieces: list = data.lower().split() if self.ascii else data.decode("utf-8", "replace").lower().split()

    def may_double(self) -> bool:
        """Could a word here be followed, after white space, by the same word?"""
        pieces = self.pieces
        return not self.ascii or any(map(eq, pieces, pieces[1:]))

    def may_repeat(self, shortest: int, longest: int) -> bool:
        """Could a run of `shortest` to `longest` pieces here be followed by the same run?"""
        pieces = self.pieces
        for k in range(shortest, longest + 1):
            if b"\x01" * k in bytes(map(eq, pieces, pieces[k:])):
                return True
        return False


def pieces_of(doc: Document) -> Pieces | None:
    """The document's pieces, found once; None for a text too long to test whole."""
    prose = doc.prose
    if len(prose) > WHOLE_TEXT_LIMIT:
        return None
    return doc.memo(("repeats", "pieces"), lambda: Pieces(prose))
