"""Document: the prose of a Source, with markup set aside and scopes (blocks, sentences, quotes).

The Document owns the one mapping between prose and the original text, and it is the identity:
`prose` has exactly the length of `text`, with everything that is not prose (code, URLs, markup,
comments) replaced by placeholder characters. A rule scans `prose` and its offsets are offsets into
the original file, so no position is ever searched for again.
"""
from __future__ import annotations

import regex as re
from functools import cached_property

from .lines import LineIndex, line_start
from .patterns import Lazy
from .record import Record
from .source import Source

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator


# Markup that separated words (a tag, an emphasis marker) becomes a space; content that stood for
# a word or more (inline code, a URL) becomes this character, which is neither a word character
# nor white space, so words on either side never look adjacent.
MASK_FILL = "\ufffc"

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
                    spans.append(_trim(prose, start, boundary.start()))
                start = boundary.end()
            if start < block.end:
                spans.append(_trim(prose, start, block.end))
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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


def format_for_path(path: str | None) -> str:
    if path and path.lower().endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


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
        _add_block(blocks, prose, "paragraph", start, gap.start())
        start = gap.end()
    _add_block(blocks, prose, "paragraph", start, len(prose))
    return prose, blocks, comments


def _add_block(blocks: list[Block], prose: str, kind: str, start: int, end: int) -> None:
    start, end = _trim(prose, start, end)
    if end > start:
        blocks.append(Block(kind, start, end))
