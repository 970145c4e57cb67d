"""Document: the prose of a Source, with markup set aside and scopes (blocks, sentences, quotes).

The Document owns the one mapping between prose and the original text, and it is the identity:
`prose` has exactly the length of `text`, with everything that is not prose (code, URLs, markup,
comments) replaced by placeholder characters. A rule scans `prose` and its offsets are offsets into
the original file, so no position is ever searched for again.
"""
from __future__ import annotations

import time
from functools import cached_property

import regex as re

from .defaults import DEFAULT_TIME_BUDGET

from .lines import LineIndex, line_start
from .masking import MASK_FILL, Block, Comment, add_block, find_comments, mask_text, trim
from .patterns import Lazy
from .source import Source

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Callable, Iterator
    from typing import Any, TypeVar

    T = TypeVar("T")


MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")

_BLANK_LINE = Lazy(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)(?:[ \t]*(?:\r\n|\r|\n))*")
_COMMENT = Lazy(r"<!--(.*?)-->", re.S)
_URL = Lazy(r"""\b(?:https?://|www\.)[^\s<>"'“”‘’]+(?<![.,;:!?)\]'"])""")
# A sentence ends at . ! ? or … (with any closing quotes or brackets) before white space and a
# capital, digit or opening quote; or, in a block whose lines are not hard-wrapped, at a line break
# after a short line without end punctuation (a headline or a byline run into the next line).
# The end mark is matched, then dropped from the match by `\K`: a pattern that starts with a
# character class lets the engine skip from mark to mark, three times faster than starting with
# a look-behind (the same boundaries: a block never starts right after an end mark).
_SENTENCE_END = Lazy(
    r"""(?:(?P<punct>[.!?…]\K["'”’)\]]*(?:[ \t]+|(?:\r\n|\r|\n)[ \t]*))|(?P<line>(?:\r\n|\r|\n)[ \t]*))"""
    r"""(?=["'“‘(\[]*[\p{Lu}\d])""",
)
# A line shorter than this share of its block's longest line is not a wrapped line.
_SHORT_LINE = 0.6
_LINE_SPLIT = Lazy(r"\r\n|\r|\n")
_ABBREVIATION_BEFORE = Lazy(
    r"""(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Cpl|Adm|Maj|Rev|Hon|St|Mt|Ft|Jr|Sr|"""
    r"""Inc|Co|Corp|Ltd|No|Nos|vs|etc|approx|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Ave|Blvd|Rd|Dept|Univ|"""
    r"""Calif|Conn|Fla|Ill|Mass|Mich|Minn|Penn|Tenn|Wash|Wis|Va|Md|Ga|Ala|Ariz|Ark|Colo|Del|Ind|Kan|"""
    r"""Ky|La|Miss|Mo|Mont|Neb|Nev|Okla|Ore|Pa|Tex|Vt|Wyo|a\.m|p\.m|i\.e|e\.g)\.|\b\p{Lu}\.)["'”’)\]]*[ \t]*$""",
)
_ABBREVIATION_TAIL = 24


class Document:
    """A linted document. Build one with `Document.from_source` or `Document.from_text`."""

    def __init__(
        self,
        source: Source,
        fmt: str,
        prose: str,
        blocks: list[Block],
        comments: list[Comment],
    ) -> None:
        assert len(prose) == len(source.text), "prose must mirror the original text"
        self.source = source
        self.format = fmt
        self.text = source.text
        self.prose = prose
        self.blocks = blocks
        self.comments = comments
        # What rules compute once per document and share (see `memo`), and the deadline of the
        # rule now checking it (set by the engine; see `time_left`).
        self._memo: dict[Any, Any] = {}
        self.rule_deadline: float | None = None

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def from_source(cls, source: Source, fmt: str | None = None) -> "Document":
        fmt = fmt or format_for_path(source.path)
        if fmt == "markdown":
            from .markdown import scan_markdown

            prose, blocks, comments = scan_markdown(source.text)
        else:
            prose, blocks, comments = _scan_plain(source.text)
        return cls(source, fmt, prose, blocks, comments)

    @classmethod
    def from_text(cls, text: str, path: str = "<text>", fmt: str | None = None) -> "Document":
        return cls.from_source(Source.from_text(text, path), fmt)

    # -- scopes -------------------------------------------------------------------------------

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans, each inside one block, trimmed of surrounding white space."""
        spans: list[tuple[int, int]] = []
        prose = self.prose
        for block in self.blocks:
            start = block.start
            longest = 0  # the block's longest line, measured only if a bare line break shows up
            for boundary in _SENTENCE_END.finditer(prose, block.start, block.end):
                if boundary.group("punct") is not None:
                    tail = prose[max(start, boundary.start() - _ABBREVIATION_TAIL) : boundary.start()]
                    if "\n" not in boundary.group() and "\r" not in boundary.group() and _ABBREVIATION_BEFORE.search(tail):
                        continue
                else:
                    if not longest:
                        longest = max(map(len, _LINE_SPLIT.split(prose[block.start : block.end])))
                    begins = line_start(prose, boundary.start())
                    if boundary.start() - max(begins, block.start) >= _SHORT_LINE * longest:
                        continue  # a hard-wrapped line: the sentence goes on
                if boundary.start() > start:
                    spans.append(trim(prose, start, boundary.start()))
                start = boundary.end()
            if start < block.end:
                spans.append(trim(prose, start, block.end))
        return [s for s in spans if s[1] > s[0]]

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        """Quoted speech, quote marks included. An unclosed quote runs to the end of its block,
        as a quotation continued into the next paragraph does in news copy."""
        spans: list[tuple[int, int]] = []
        prose = self.prose
        for block in self.blocks:
            for m in _QUOTE.finditer(prose, block.start, block.end):
                spans.append((m.start(), m.end()))
        return spans

    # -- shared results and the time budget ---------------------------------------------------

    def memo(self, key: Any, build: Callable[[], T]) -> T:
        """`build()`, computed once per document for `key` and shared by every rule that asks.

        Keys are tuples that start with the name of the module that owns the result (for example
        `("wordlists", "lowercase-words")`), so two modules never share a key by accident. A mutable
        result (a dict or set that a rule fills in as it goes) is the rule's own to keep consistent."""
        memo = self._memo
        if key in memo:
            return memo[key]
        found = memo[key] = build()
        return found

    def time_left(self) -> float:
        """Seconds left in the current rule's budget on this document (the default budget when no
        rule is running): what every scan of a user pattern passes as its `timeout`."""
        deadline = self.rule_deadline
        if deadline is None:
            return DEFAULT_TIME_BUDGET
        return max(0.001, deadline - time.monotonic())

    @cached_property
    def structure(self) -> Any:
        """What is running prose and what is not (headlines, datelines, tables, tickers ...):
        see structure.py. Decided once per document, by paragraph."""
        from .structure import Structure

        return Structure.of(self)

    def blocks_of(self, *kinds: str) -> Iterator[Block]:
        for block in self.blocks:
            if block.kind in kinds:
                yield block

    def in_quote(self, start: int, end: int) -> bool:
        """True when the span [start, end) lies inside quoted speech."""
        from bisect import bisect_right

        quotes = self.quotes
        i = bisect_right(quotes, (start, float("inf"))) - 1
        return i >= 0 and quotes[i][0] <= start and end <= quotes[i][1]


# Curly quotes pair by their shape; straight quotes pair in order. Either may stay open to the end
# of the block.
_QUOTE = Lazy(r'“[^”\n\r]*(?:”|(?=[\r\n]|$))|"[^"\r\n]*(?:"|(?=[\r\n]|$))')


def format_for_path(path: str | None) -> str:
    if path and path.lower().endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


def _scan_plain(text: str) -> tuple[str, list[Block], list[Comment]]:
    """Plain text: paragraphs are separated by blank lines; comments and URLs are not prose."""
    comments = find_comments(text) if "<!--" in text else []
    ranges = [(c.start, c.end, " ") for c in comments]
    if "http" in text or "www." in text:  # a URL needs one of these; most articles have none
        ranges.extend((m.start(), m.end(), MASK_FILL) for m in _URL.finditer(text))
    prose = mask_text(text, ranges)
    blocks: list[Block] = []
    start = 0
    for gap in _BLANK_LINE.finditer(prose):
        add_block(blocks, prose, "paragraph", start, gap.start())
        start = gap.end()
    add_block(blocks, prose, "paragraph", start, len(prose))
    return prose, blocks, comments


__all__ = [
    "MASK_FILL", "MARKDOWN_SUFFIXES", "Block", "Comment", "Document", "find_comments", "format_for_path", "mask_text",
]
