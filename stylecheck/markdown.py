"""Markdown: find the prose of a Markdown file and mask the rest, keeping every offset.

markdown-it-py tells us the block structure (which lines are paragraphs, headings, table rows,
and which are code, HTML or reference definitions). Everything starts masked; only the lines of
prose blocks are unmasked, and inside them the inline syntax that is not prose (code spans, link
destinations, autolinks, HTML tags and comments, emphasis markers) is masked again.
"""
from __future__ import annotations

import regex as re

from . import patterns
from .masking import MASK_FILL, Block, Comment, add_block, find_comments, mask_text
from .lines import LineIndex

_FRONT_MATTER = patterns.compile(r"\A(?:---[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)(?:---|\.\.\.)|\+\+\+[ \t]*(?:\r\n|\r|\n).*?(?:\r\n|\r|\n)\+\+\+)[ \t]*(?=\r\n|\r|\n|\Z)", re.S)

# Inline syntax inside a prose block, in priority order (a code span hides everything in it).
_INLINE = patterns.compile(
    r"""(?P<code>(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"""
    r"""|(?P<comment><!--.*?-->)"""
    r"""|(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>)"""
    r"""|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*?)?/?>)"""
    r"""|(?P<dest>\]\((?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\))"""
    r"""|(?P<refuse>\]\[[^\]\n]*\])"""
    r"""|(?P<url>\b(?:https?://|www\.)[^\s<>"'“”‘’]+(?<![.,;:!?)\]'"]))"""
    r"""|(?P<escape>\\(?=[!-/:-@\[-`{-~]))"""
    r"""|(?P<marker>!?\[|\]|(?<![\p{L}\p{N}])[*_~]+|[*_~]+(?![\p{L}\p{N}])|\*+)""",
    re.S,
)
# Structure at the start of a line: indentation, block quote markers.
_QUOTE_PREFIX = patterns.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
_LIST_MARKER = patterns.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+\[[ xX]\])?(?=[ \t]|$)")
_ATX = patterns.compile(r"[ \t]*#{1,6}(?=[ \t]|$)|[ \t]+#+[ \t]*$|[ \t]*(?:=+|-+)[ \t]*$", re.M)
_TABLE_PIPE = patterns.compile(r"(?<!\\)\|")
_OPEN_COMMENT_NEUTRAL = "<!-\ufffc"

_parser = None


def _markdown_parser():
    global _parser  # one parser per process: building it is costlier than using it
    if _parser is None:
        from markdown_it import MarkdownIt

        # Only the block structure is used (inline syntax is masked by _INLINE below), so the
        # inline pass is switched off: it is the costly part, and quadratic on runs of "[".
        _parser = MarkdownIt("commonmark").enable("table").enable("strikethrough").disable("inline")
    return _parser


def scan_markdown(text: str) -> tuple[str, list[Block], list[Comment]]:
    lines = LineIndex(text)
    front = _FRONT_MATTER.match(text)
    parse_text = text
    if front:
        # Blank the front matter out for the parser, keeping its line count.
        parse_text = mask_text(text, [(0, front.end(), " ")])
    tokens = _markdown_parser().parse(parse_text)

    def line_range(first: int, last: int) -> tuple[int, int]:
        start = lines.starts[first] if first < len(lines.starts) else len(text)
        end = lines.starts[last] if last < len(lines.starts) else len(text)
        return start, end

    unmask: list[tuple[int, int, str]] = []  # (start, end, block kind) of prose lines
    code: list[tuple[int, int]] = []
    list_item_lines: set[int] = set()
    quote_depth = 0
    list_depth = 0
    table_depth = 0
    heading = False
    for token in tokens:
        t = token.type
        if t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "list_item_open" and token.map:
            list_item_lines.add(token.map[0])
        elif t == "table_open":
            table_depth += 1
        elif t == "table_close":
            table_depth -= 1
        elif t == "heading_open":
            heading = True
        elif t == "heading_close":
            heading = False
        elif t in ("fence", "code_block") and token.map:
            code.append(line_range(*token.map))
        elif t == "inline" and token.map:
            if heading:
                kind = "heading"
            elif table_depth:
                kind = "table"
            elif list_depth:
                kind = "list"
            elif quote_depth:
                kind = "blockquote"
            else:
                kind = "paragraph"
            start, end = line_range(*token.map)
            unmask.append((start, end, kind))

    # Everything that is not a prose line is masked, then inline syntax inside prose lines.
    ranges: list[tuple[int, int, str]] = []
    pos = 0
    for start, end, _kind in sorted(unmask):
        if start > pos:
            ranges.append((pos, start, " "))
        pos = max(pos, end)
    if pos < len(text):
        ranges.append((pos, len(text), " "))

    comments: list[Comment] = []
    unmask = sorted(set(unmask))  # table cells of one row share their row's line range
    for start, end, kind in unmask:
        segment = text[start:end]
        if kind == "table":
            ranges.extend((start + m.start(), start + m.end(), " ") for m in _TABLE_PIPE.finditer(segment))
        for m in _QUOTE_PREFIX.finditer(segment):
            ranges.append((start + m.start(), start + m.end(), " "))
        first_line = lines.position(start)[0] - 1
        if first_line in list_item_lines:
            line_start = start
            # The list marker sits after any block quote prefix on the item's first line.
            prefix = _QUOTE_PREFIX.match(segment)
            offset = prefix.end() if prefix else 0
            marker = _LIST_MARKER.match(segment, offset)
            if marker:
                ranges.append((line_start + marker.start(), line_start + marker.end(), " "))
        if kind == "heading":
            ranges.extend((start + m.start(), start + m.end(), " ") for m in _ATX.finditer(segment))
        for m in _INLINE.finditer(_without_open_comments(segment)):
            group = m.lastgroup
            s, e = start + m.start(), start + m.end()
            if group in ("code", "url", "autolink"):
                ranges.append((s, e, MASK_FILL))
                code.append((s, e)) if group == "code" else None
            elif group == "comment":
                ranges.append((s, e, " "))
                comments.append(Comment(s, e, m.group()[4:-3]))
            elif group == "dest" or group == "refuse":
                ranges.append((s, s + 1, " "))
                ranges.append((s + 1, e, MASK_FILL))
            elif group == "ticks":
                continue
            else:
                ranges.append((s, e, " "))

    # HTML comments in blocks of their own (directives usually stand alone on a line).
    if "<!--" in text:
        seen = {c.start for c in comments}
        for comment in find_comments(text):
            if comment.start in seen or any(s <= comment.start < e for s, e in code):
                continue
            if front and comment.start < front.end():
                continue
            comments.append(comment)
        comments.sort(key=lambda c: c.start)

    prose = mask_text(text, ranges)
    blocks: list[Block] = []
    for start, end, kind in unmask:
        add_block(blocks, prose, kind, start, end)
    return prose, blocks, comments


def _without_open_comments(segment: str) -> str:
    """`segment` with every `<!--` that no `-->` follows made inert (same length).

    Such an opener can never start a comment, but _INLINE's `<!--.*?-->` would rescan to the end
    of the segment from each one: quadratic on a paragraph full of them.
    """
    last_close = segment.rfind("-->")
    cut = last_close + 3 if last_close >= 0 else 0
    if segment.find("<!--", cut) < 0:
        return segment
    return segment[:cut] + segment[cut:].replace("<!--", _OPEN_COMMENT_NEUTRAL)
