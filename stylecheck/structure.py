"""Structure: which parts of a Document are running prose, and which are not.

News copy carries text that is not prose: a headline, a dateline, a byline, photo captions and
their counters, stock tickers, tables of figures, wire labels. A rule about sentences (spell out
"three", define an acronym, no figure at a sentence start) must not read them as sentences, and a
consistency rule must not count their forms as the article's. This module decides, once per
document, what is what; `Document.structure` holds the answer and the rules' scopes use it (see
`ruletypes/base.py`: the `prose` scope, and `~kind` to leave one kind out of any scope).

**Paragraphs, not lines.** Copy is often hard-wrapped (wire copy is), so nothing here is decided
by a physical line. A paragraph is a run of lines that ends at a blank line, before a line
indented deeper than the block's least indented line (wire copy indents each paragraph's first
line), before and after a row of aligned columns, and, in a hard-wrapped block, after a short line
that ends a sentence. A paragraph is prose when it ends like a sentence (. ! ? … : ; before any
closing quotes or brackets), or when it is long and holds sentences of its own.

Kinds of text that are not prose (`KINDS`):

========  ===================================================================================
headline  the document's first paragraph when it does not end like a sentence; Markdown headings
caption   any later short paragraph that does not end like a sentence (crossheads, captions)
byline    "By Jane Smith" as a paragraph; credits such as "(Reporting by ...; Editing by ...)"
dateline  "LONDON, March 3 (Reuters) -", "WASHINGTON —" opening one of the first paragraphs
table     a row of aligned columns; a paragraph of figures that does not end like a sentence;
          Markdown tables
caps      a paragraph written in capitals ("BANK RAISES RATES")
label     wire labels: "Reuter", "NOTE:", "UPDATE 2-", "Advertisement"
counter   photo counters: "2 / 18", "3 of 12"
ticker    stock tickers: "<ABC>", "(NYSE: ABC)"
code      program code pasted into plain text (a paragraph with three marks of code: braces,
          `$name`, `->`, `f()`, HTML tags, `"key": value`)
embed     an embedded post, quoted verbatim from elsewhere: a paragraph signed
          "— Name (@handle) December 22, 2014"
========  ===================================================================================

`ticker`, `counter`, `label` and `code` are not language, and an `embed` is not the writer's: no
rule's `text` scope reads them (`NOT_TEXT`). The others are text that is not running prose: a rule reads them unless its scope is
`prose` or leaves them out by name.
"""
from __future__ import annotations

import re as _re
from bisect import bisect_right

from .patterns import Lazy
from .record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable
    from typing import Any

KINDS = ("headline", "caption", "byline", "dateline", "table", "caps", "label", "counter", "ticker", "code", "embed")
NOT_TEXT = frozenset(("ticker", "counter", "label", "code", "embed"))
ALL_KINDS = frozenset(KINDS)

# A sentence inside a paragraph (a long paragraph whose last one lost its full stop is prose).
_SENTENCE_INSIDE = Lazy(r"""[a-z\p{Ll}\d)"'”’][.!?]["'”’)]*\s+["'“‘(]*\p{Lu}""")
_WORD = Lazy(r"[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*")
_DIGIT = Lazy(r"\p{N}")
_LINE = Lazy(r"[^\r\n]+")
# A row of aligned columns: two gaps of two or more spaces (or a tab) between things on a line.
_COLUMNS = Lazy(r"\S(?:[ ]{2,}|\t)[ \t]*\S(?:.*?\S(?:[ ]{2,}|\t)[ \t]*\S)")
# A table row that is not aligned: figures compared ("Net 1,204,663 vs 893,150").
_FIGURES_COMPARED = Lazy(r"\p{N}[\p{N},.]*\s*(?:\p{L}+\s+)?vs\.?\s+\p{N}|\p{N}\s*\(\s*\p{N}")
_LIST_MARKER = Lazy(r"(?:[-*•·▪◦]|\p{N}{1,3}[.)])[ \t]")

_AGENCY = r"(?:Reuters?|AP|AFP|UPI|CNN|Bloomberg|dpa|DPA|AAP|PA|IANS|Xinhua|BBC|ANI|PTI|Kyodo|Yonhap|TASS|Tass|Interfax|MarketWatch|CNBC|NBC|ABC|CBS)"
_MONTH = r"(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[\p{L}]*\.?"
_PLACE_WORD = r"\p{Lu}[\p{L}.'’-]*"
_PLACE = _PLACE_WORD + r"(?:[ /]" + _PLACE_WORD + r")*"
# "SALVADOR, Feb 26 - ", "MOUNTAINSIDE, N.J., April 3 - ", "SURABAYA, Indonesia/JAKARTA (Reuters) - ",
# "WASHINGTON (AP) — ", "Washington (CNN) -- ": the city in capitals, or any place before an agency.
_DATELINE = Lazy(
    r"(?:\p{Lu}[\p{Lu}.'’-]+(?:[ /]\p{Lu}[\p{Lu}.'’-]*)*"
    r"(?:,[ \t]*" + _PLACE + r"){0,2}"
    r"(?:,?[ \t]+" + _MONTH + r"[ \t]+\p{N}{1,2})?"
    r"(?:[ \t]*\(" + _AGENCY + r"[^()\r\n]{0,30}\))?"
    r"|" + _PLACE + r"(?:,[ \t]*" + _PLACE + r"){0,2}(?:,?[ \t]+" + _MONTH + r"[ \t]+\p{N}{1,2})?"
    r"[ \t]*\(" + _AGENCY + r"[^()\r\n]{0,30}\))"
    r"[ \t]*(?:-{1,2}|–|—)[ \t]+(?=\S)"
)
_LATER_DATELINE = Lazy(
    r"\p{Lu}[\p{Lu}.'’-]{2,}(?:[ /]\p{Lu}[\p{Lu}.'’-]*)*,[ \t]*" + _PLACE + r"(?:,[ \t]*" + _PLACE + r")?"
    r"(?:,?[ \t]+" + _MONTH + r"[ \t]+\p{N}{1,2})?(?:[ \t]*\(" + _AGENCY + r"[^()\r\n]{0,30}\))?[ \t]*(?:-{1,2}|–|—)[ \t]+(?=\S)"
)
_BYLINE = Lazy(r"By[ \t]+\p{Lu}")
_CREDIT = Lazy(
    r"\((?:(?:Additional|Editing|Writing|Reporting|Compiled|Photo(?:graph)?s?|Pictures?|Images?|Video|Graphic|Sources?)"
    r"(?:[ \t]+(?:by|and|reporting|credit))?\b|AP[ \t]+Photo|Reuters[ \t]+(?:Photo|Picture|/))[^()\r\n]*\)"
)
_COUNTER = Lazy(r"(?:(?:Photo|Image|Picture|Slide|Gallery)s?[ \t]*)?\p{N}{1,3}[ \t]*(?:/|of)[ \t]*\p{N}{1,3}")
_COUNTER_PREFIX = Lazy(r"\p{N}{1,3}[ \t]*/[ \t]*\p{N}{1,3}(?=[ \t]+\S)")
_LABEL = Lazy(
    r"(?i:reuters?(?:\.*\^M)?|ap|afp|upi|advertisement|story continues below|continue reading(?: below)?|read more|related"
    r"|(?:image|photo|picture) (?:caption|copyright|credit)|ends?|more|##+|-+|\*+)"
)
_LABEL_PREFIX = Lazy(
    r"(?:NOTE|NOTES|UPDATE|CORRECTED|REFILE|CORRECTION|EDITOR['’]?S[ \t]+NOTE|FLASH|URGENT|BULLETIN|ADVISORY"
    r"|RPT|REPEAT|WRAPUP|ANALYSIS|FEATURE|INTERVIEW|EXCLUSIVE|FACTBOX|TIMELINE|PREVIEW|RESEARCH[ \t]+ALERT)"
    r"(?:[ \t]*\p{N}{1,2})?[ \t]*(?::|-{1,2}|–|—)[ \t]*"
)
# A wire label run into the end of a paragraph: "... for the future. REUTER".
_LABEL_SUFFIX = Lazy(r"(?<=[.!?\"'”’)][ \t\r\n]+)(?:REUTERS?|Reuters?)\b(?:\.*\^M)?[^\p{L}\p{N}]*\Z")
_TICKER = Lazy(
    r"<\p{Lu}[\p{Lu}\p{N}.&/-]{0,11}>"
    r"|\((?:NYSE|Nyse|NASDAQ|Nasdaq|AMEX|Amex|LSE|TSX|OTC|ASX|NYSE[ \t]+Arca|Euronext|Pink[ \t]+Sheets)"
    r"[ \t]*:[ \t]*[\p{Lu}\p{N}.]{1,8}\)"
)

# A paragraph that does not end like a sentence is still prose when it is this long and holds a sentence.
_LONG_PARAGRAPH = 20
_VERY_LONG_PARAGRAPH = 40
# In a hard-wrapped block, a line shorter than this share of the longest line ends its paragraph
# when it ends a sentence.
_SHORT_LINE = 0.6
# A caps paragraph: at least this share of its letters are capitals (and at least four of them).
_CAPS_SHARE = 0.85


class Paragraph(Record):
    """A paragraph: [start, end) of the prose, trimmed; `kind` is "prose" or one of `KINDS`."""

    __slots__ = ("start", "end", "kind")

    def __init__(self, start: int, end: int, kind: str) -> None:
        self.start = start
        self.end = end
        self.kind = kind


class Structure:
    """The paragraphs of a document and the spans of it that are not prose (sorted, disjoint)."""

    def __init__(self, paragraphs: list[Paragraph], spans: list[tuple[int, int, str]]) -> None:
        self.paragraphs = paragraphs
        self.spans = spans
        self._paragraph_starts = [p.start for p in paragraphs]
        self._span_starts = [s[0] for s in spans]
        self._figure_lists: set[int] | None = None

    @classmethod
    def of(cls, doc: Any) -> "Structure":
        """The structure of a Document (its prose, blocks and format)."""
        return _scan(doc)

    # -- questions rules ask --------------------------------------------------------------------

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph holding `pos`, or None (between paragraphs, or outside any block)."""
        i = bisect_right(self._paragraph_starts, pos) - 1
        if i >= 0 and pos < self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def in_figure_list(self, prose: str, paragraph: Paragraph) -> bool:
        """Is the paragraph one of a run of three or more adjacent paragraphs that each open with a
        figure ("46% of pages ...", "2,000 jobs ...")? Such a run is a list whose bullets were lost
        (extracted web copy), and a figure opening a list item is no sentence start."""
        runs = self._figure_lists
        if runs is None:
            runs = self._figure_lists = _figure_lists(prose, self.paragraphs)
        return paragraph.start in runs

    def kind_at(self, pos: int) -> str | None:
        """The kind of non-prose text at `pos`, or None where it is prose (or not in any span)."""
        i = bisect_right(self._span_starts, pos) - 1
        if i >= 0 and pos < self.spans[i][1]:
            return self.spans[i][2]
        return None

    def is_prose(self, start: int, end: int | None = None) -> bool:
        """True when [start, end) touches no non-prose span."""
        end = start + 1 if end is None else end
        i = bisect_right(self._span_starts, end - 1) - 1
        while i >= 0:
            s, e, _kind = self.spans[i]
            if e <= start:
                return True
            if s < end:
                return False
            i -= 1
        return True

    def of_kind(self, kinds: "Iterable[str]") -> list[tuple[int, int]]:
        wanted = set(kinds)
        return [(s, e) for s, e, kind in self.spans if kind in wanted]

    def cut(self, start: int, end: int, kinds: "frozenset[str] | set[str]") -> list[tuple[int, int]]:
        """[start, end) without the spans of `kinds`, as the pieces left (none empty)."""
        if not kinds or not self.spans:
            return [(start, end)]
        pieces = []
        spans = self.spans
        i = max(0, bisect_right(self._span_starts, start) - 1)
        pos = start
        while i < len(spans) and spans[i][0] < end:
            s, e, kind = spans[i]
            i += 1
            if e <= pos or kind not in kinds:
                continue
            if s > pos:
                pieces.append((pos, s))
            pos = max(pos, e)
        if pos < end:
            pieces.append((pos, end))
        return pieces


# -- the scan ---------------------------------------------------------------------------------------


def _scan(doc: Any) -> Structure:
    prose = doc.prose
    paragraphs: list[Paragraph] = []
    spans: list[tuple[int, int, str]] = []
    plain = doc.format != "markdown"
    seen_prose = 0  # prose paragraphs so far: datelines open one of the first few
    for block in doc.blocks:
        if block.kind == "heading":
            paragraphs.append(Paragraph(block.start, block.end, "headline"))
            continue
        if block.kind == "table":
            paragraphs.append(Paragraph(block.start, block.end, "table"))
            continue
        for start, end, row in _paragraphs(prose, block.start, block.end, doc.text):
            kind = "table" if row else _kind(prose, start, end, first=not paragraphs)
            paragraphs.append(Paragraph(start, end, kind))
            if kind != "prose":
                if plain and prose.find("<", start, end) >= 0:  # a ticker in a headline ("ACME <ACM> TO ...")
                    spans.extend((m.start(), m.end(), "ticker") for m in _TICKER.finditer(prose, start, end))
                continue
            seen_prose += 1
            at = start
            if seen_prose <= 3:
                head = _LABEL_PREFIX.match(prose, at, end)
                if head:
                    spans.append((at, head.end(), "label"))
                    at = head.end()
                dateline = _DATELINE.match(prose, at, min(end, at + 120))
                if dateline:
                    spans.append((at, dateline.end(), "dateline"))
                    at = dateline.end()
            else:
                head = _LABEL_PREFIX.match(prose, at, end)
                if head:
                    spans.append((at, head.end(), "label"))
                    at = head.end()
                # Later in the copy only a dateline with its place spelled out: a roundup's items
                # ("FREETOWN, Sierra Leone - ...").
                dateline = _LATER_DATELINE.match(prose, at, min(end, at + 120))
                if dateline:
                    spans.append((at, dateline.end(), "dateline"))
                    at = dateline.end()
            tail = _LABEL_SUFFIX.search(prose, max(at, end - 24), end)
            if tail:
                spans.append((tail.start(), end, "label"))
            counter = _COUNTER_PREFIX.match(prose, at, end)
            if counter:
                spans.append((at, counter.end(), "counter"))
            bracket = prose.find("(", start, end) >= 0
            if bracket:
                spans.extend((m.start(), m.end(), "byline") for m in _CREDIT.finditer(prose, start, end))
            if plain and (bracket or prose.find("<", start, end) >= 0):
                spans.extend((m.start(), m.end(), "ticker") for m in _TICKER.finditer(prose, start, end))
    for p in paragraphs:
        if p.kind != "prose":
            spans.append((p.start, p.end, p.kind))
    spans.sort(key=lambda s: (s[0], -s[1]))
    # Disjoint: a span inside a paragraph's span splits it (the ticker inside a headline keeps its
    # own kind); spans never partly overlap.
    merged: list[tuple[int, int, str]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            outer = merged.pop()
            if outer[0] < span[0]:
                merged.append((outer[0], span[0], outer[2]))
            merged.append((span[0], min(span[1], outer[1]), span[2]))
            if span[1] < outer[1]:
                merged.append((span[1], outer[1], outer[2]))
            continue
        merged.append(span)
    return Structure(paragraphs, merged)


def _paragraphs(prose: str, start: int, end: int, text: str) -> list[tuple[int, int, bool]]:
    """The paragraphs of one block: (start, end, is a row of aligned columns). String methods on
    each line, no pattern per line: this runs on every line of every document. Columns are seen in
    the original `text`: masked markup (a link's address, a tag) leaves runs of spaces in the prose
    that are no gaps between columns."""
    lines = []  # (start, end, indent) of each line's text, trimmed
    for m in _LINE.finditer(prose, start, end):  # noqa: B020
        line = m.group()
        body = line.lstrip()
        if not body:
            continue
        indent = len(line) - len(body)
        s = m.start() + indent
        lines.append((s, s + len(body.rstrip()), indent))
    if len(lines) == 1:
        s, e, _indent = lines[0]
        return [(s, e, _is_row(text, s, e))]
    if not lines:
        return []
    least = min(indent for _s, _e, indent in lines)
    longest = max(e - s for s, e, _indent in lines)
    wrapped = len(lines) >= 3
    found: list[tuple[int, int, bool]] = []
    current: list[int] | None = None  # [start, end] of the paragraph being built
    for s, e, indent in lines:
        row = _is_row(text, s, e)
        if current is not None and e - s <= 40 and _LABEL.fullmatch(prose, s, e):
            found.append((current[0], current[1], False))
            current = None
        # A new paragraph: a line indented deeper (by one space only after a sentence's end: wire
        # copy's stray one-space indents), or a row of columns.
        if current is not None and (
            row or indent > least + 1 or indent > least and _ends_like_sentence(prose, current[0], current[1])
        ):
            found.append((current[0], current[1], False))
            current = None
        if row:
            found.append((s, e, True))
            continue
        if current is None:
            current = [s, e]
        else:
            current[1] = e
        if wrapped and e - s < _SHORT_LINE * longest and _ends_like_sentence(prose, s, e):
            found.append((current[0], current[1], False))
            current = None
    if current is not None:
        found.append((current[0], current[1], False))
    return found


_CLOSERS = "\"'”’)]»*_ \t"


def _ends_like_sentence(prose: str, start: int, end: int) -> bool:
    """Does [start, end) end with . ! ? … : or ; before any closing quotes or brackets?"""
    tail = prose[max(start, end - 8) : end].rstrip(_CLOSERS)
    return tail[-1:] in (".", "!", "?", "…", ":", ";") and tail != ""


def _is_row(prose: str, start: int, end: int) -> bool:
    """A row of aligned columns (two gaps of two spaces or a tab between things)."""
    line = prose[start:end]
    if "  " not in line and "\t" not in line:
        return False
    return _COLUMNS.search(prose, start, end) is not None


def _kind(prose: str, start: int, end: int, first: bool) -> str:
    """What a paragraph is: "prose" or one of KINDS."""
    text = prose[start:end]
    short = len(text) <= 400
    if "(@" in text and _EMBED_SIGNATURE.search(text):
        return "embed"
    if _may_be_code(text) and (_code_marks(text) >= 3 or text[:1] == "<" and text[-1:] == ">" and _code_marks(text) >= 2):
        return "code"
    if short and _COUNTER.fullmatch(text):
        return "counter"
    if short and _LABEL.fullmatch(text):
        return "label"
    if text.isupper() or short and _caps(text):
        return "caps"
    ends = _ends_like_sentence(prose, start, end)
    if short and len(text) <= 200 and (_PAGE_STAMP.match(text) or text.count("|") >= 2 and _STAMP_WORDS.search(text)):
        return "byline"  # a web page's "Posted: Thursday, ... 8:09 PM" or "Name | Staff Writer | date"
    if text.startswith("By") and short and _BYLINE.match(text):
        if len(_WORD.findall(text)) <= 12 and not _SENTENCE_INSIDE.search(text):
            return "byline"
    if ends:
        return "prose"
    words = len(_WORD.findall(text))
    if words >= _VERY_LONG_PARAGRAPH or words >= _LONG_PARAGRAPH and _SENTENCE_INSIDE.search(text):
        return "prose"
    if first:
        return "headline"
    if _DIGIT.search(text) and (_FIGURES_COMPARED.search(text) or len(_LOWER_WORDS.findall(text)) < 3):
        return "table"
    return "caption"


# Marks of program code: a brace, or ");" ending a line, a $variable, ->, =>, ::, a call "f(" with a
# quoted or empty argument, a // comment, an HTML tag, a quoted key and a colon.
_CODE = Lazy(
    r"[{}][ \t]*(?:\r\n|\r|\n|$)|[)\]];[ \t]*(?:\r\n|\r|\n|$)|\$[A-Za-z_]\w*|->|=>|::|\w\((?:['\"$]|\))"
    r"|(?<![:\w])//[ \t]|</?[a-z][a-z0-9]*(?:[ \t][^<>]*)?>|\"[\w./-]+\"[ \t]*:"
)
_EMBED_SIGNATURE = Lazy(r"[—–-][ \t]*[^()\r\n]{1,80}\(@\w{1,30}\)[ \t]*\p{L}+\.?[ \t]+\p{N}{1,2},?[ \t]+\p{N}{4}[ \t]*\Z")
_LOWER_WORDS = Lazy(r"(?<![\p{L}\p{N}])\p{Ll}+")
# A content system's stamp opening a short paragraph: when the page was posted or updated.
_PAGE_STAMP = Lazy(
    r"(?:Posted|Published|Updated|Last[ \t]+updated|Last[ \t]+modified)(?:[ \t]*:|[ \t]+(?:on|at)\b)?[ \t]*"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d)"
)
# What a credit line separated by bars holds: a role or a date.
_STAMP_WORDS = Lazy(
    r"\b(?:Writer|Editor|Reporter|Correspondent|Contributor|Staff|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4})\b"
)


_FIGURE_LIST_RUN = 3


def _figure_lists(prose: str, paragraphs: list[Paragraph]) -> set[int]:
    """The starts of paragraphs in runs of `_FIGURE_LIST_RUN` or more adjacent paragraphs that
    each open with a digit."""
    found: set[int] = set()
    run: list[int] = []
    for paragraph in [*paragraphs, None]:
        if paragraph is not None and prose[paragraph.start : paragraph.start + 1].isdigit():
            run.append(paragraph.start)
            continue
        if len(run) >= _FIGURE_LIST_RUN:
            found.update(run)
        run = []
    return found


def is_list_item(prose: str, paragraph: Paragraph) -> bool:
    """Does the paragraph open with a list marker ("- ", "2. ")?"""
    return _LIST_MARKER.match(prose, paragraph.start, paragraph.end) is not None


_NO_UPPER = {c: None for c in range(ord("A"), ord("Z") + 1)}
_NO_LOWER = {c: None for c in range(ord("a"), ord("z") + 1)}


# Signs of code, as one alternation for the stdlib `re` (a literal search in C, where ten `in`
# tests would each walk the paragraph).
_CODE_SIGNS = _re.compile("|".join(_re.escape(sign) for sign in ("{", "}", "->", "=>", "::", "//", ");", '":', "</", "/>")))


def _may_be_code(text: str) -> bool:
    """Any sign of code at all (most paragraphs have none; the marks are counted only then)."""
    return _CODE_SIGNS.search(text) is not None or "$" in text and _VARIABLE.search(text) is not None


_VARIABLE = Lazy(r"\$[A-Za-z_]")


def _caps(text: str) -> bool:
    """Written in capitals: at least four capitals, and that share of the letters (counted with
    str.translate, in C: this runs on every short paragraph; letters beyond ASCII are left out of
    the count, which only matters to a headline in capitals of non-Latin letters)."""
    upper = len(text) - len(text.translate(_NO_UPPER))
    if upper < 4:
        return False
    return upper >= _CAPS_SHARE * (upper + len(text) - len(text.translate(_NO_LOWER)))


def _code_marks(text: str) -> int:
    """How many marks of program code the text holds, counting to three at most."""
    count = 0
    for _m in _CODE.finditer(text):
        count += 1
        if count >= 3:
            break
    return count
