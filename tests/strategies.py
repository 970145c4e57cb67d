"""Hypothesis strategies that build news-ish and Markdown-ish text, so that rules actually fire.

Arbitrary Unicode alone almost never contains "the the" or "U.S." beside "US"; an invariant test in
which no rule fires proves nothing. These strategies mix our own words (chosen to trip the bundled
rules and the test-only style in tests/data/fuzz), digits, quotes and markup with the hard parts
of Unicode (combining marks, emoji sequences, zero-width and bidi controls, right-to-left scripts)
and the three line-break styles.
"""
from __future__ import annotations

from hypothesis import strategies as st

WORDS = (
    "the", "The", "the", "a", "in", "in", "and", "of", "to", "is", "had", "that",
    "council", "Council", "budget", "officials", "said", "item", "cell", "TODO",
    "US", "U.S.", "UK", "U.K.", "UN", "U.N.", "EU", "E.U.",
    "so-called", "Herald", "Maria", "HeraldMaria", "Lopez", "McDonald", "YouTube",
    "gray", "grey", "e-mail", "E-mail", "colour", "colours", "per", "cent",
    "NATO", "(NATO)", "BBC", "(BBC)", "Mr.", "Dr.", "St.", "A.", "p.m.", "etc.",
    "5%", "12", "1,200", "$3.5", "40 per cent", "2024", "3 p.m.", "No.",
    "Herald Maria HeraldMaria", "LopezHerald", "budget BudgetCouncil council",
)
UNICODE_BITS = (
    "e\u0301", "a\u0308\u0323", "\u0301", "👍🏽", "👨‍👩‍👧", "🇺🇦", "\u200b", "\u200c", "\u200d",
    "\u2060", "\ufeff", "\u00ad", "\u00a0", "\u202f", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c",
    "שלום", "السلام", "\u202e", "\u200f", "\u061c", "新闻", "Ωμέγα", "İstanbul", "ß", "ﬁ", "\U0001d400",
    "\ufffc", "\ufffd", "\t",
)
PUNCTUATION = (
    ".", ".", ",", "!", "?", "…", ";", ":", " - ", "—", "(", ")", '"', '"', "“", "”", "'", "’", "‘",
)
MARKUP = (
    "*", "**", "_", "__", "~~", "`", "``", "```", "[", "]", "](", ")", "![", "\\", "\\*", "|", "<", ">",
    "](http://example.com/the the)", "[link][ref]", "<b>", "</b>", "<br/>", "&amp;", "&#x27;",
    "<!--", "-->", "<!-- a note -->", "<!-- stylecheck: disable -->", "<!-- stylecheck: enable -->",
    "<!-- stylecheck: disable-next-line Fuzz.Twice -->", "<!-- vale off -->", "<!-- vale on -->",
    "<!-- vale House.DoubledWord = NO -->", "http://example.com/a.b", "www.example.org.", "<https://x.y>",
    "<a@b.c>", "`the the`",
)
INLINE_SPACE = (" ", " ", " ", "  ", "\t", "\u00a0")
NEWLINES = ("\n", "\r\n", "\r")
LINE_PREFIXES = (
    "", "", "", "", "# ", "## ", "###### ", "> ", "> > ", ">", "- ", "* ", "+ ", "1. ", "2) ",
    "  - ", "    - ", "- [ ] ", "> - ", "    ", "\t", "| ", "```", "~~~", "---", "===", "***",
    "+++", "<div>", "[ref]: http://example.com ", "    > ",
)

# One draw per token, its trailing white space included (or none: glued to the next token), so
# that generating a document stays cheap next to linting it.
_PIECES = WORDS * 4 + PUNCTUATION + MARKUP + UNICODE_BITS + ("0", "7", "1999", "31", "100000")
_SPACED = tuple(piece + space for piece in _PIECES for space in INLINE_SPACE + ("",))
tokens = st.one_of(
    st.sampled_from(_SPACED),
    st.sampled_from(_SPACED),
    st.sampled_from(_SPACED),
    st.text(min_size=1, max_size=3),
)


@st.composite
def lines(draw, prefix=st.sampled_from(LINE_PREFIXES)) -> str:
    """One line: a structural prefix, then tokens separated by inline white space (or glued)."""
    return draw(prefix) + "".join(draw(st.lists(tokens, max_size=14)))


@st.composite
def nested_lines(draw) -> list[str]:
    """Deeply nested block quotes and lists, the shapes that make parsers recurse."""
    depth = draw(st.integers(min_value=1, max_value=40))
    kind = draw(st.sampled_from(("quote", "list", "ordered", "mixed")))
    out = []
    for level in range(depth):
        if kind == "quote":
            prefix = ">" * (level + 1) + " "
        elif kind == "list":
            prefix = "  " * level + "- "
        elif kind == "ordered":
            prefix = "   " * level + "1. "
        else:
            prefix = "> " * (level // 2) + "  " * level + ("- " if level % 2 else "* ")
        out.append(prefix + "".join(draw(st.lists(tokens, max_size=4))))
    return out


@st.composite
def documents(draw) -> str:
    """A news-ish or Markdown-ish document, with one or mixed line-break styles, maybe a BOM."""
    body: list[str] = []
    if draw(st.booleans()) and draw(st.booleans()):
        body += ["---", "title: " + draw(lines(prefix=st.just(""))), "---"]
    for _ in range(draw(st.integers(min_value=0, max_value=8))):
        choice = draw(st.integers(min_value=0, max_value=9))
        if choice == 0:
            body += draw(nested_lines())
        elif choice == 1:
            body.append("")  # a blank line: a paragraph break
        else:
            body.append(draw(lines()))
    if draw(st.booleans()):
        newline = draw(st.sampled_from(NEWLINES))
        text = newline.join(body)
    else:  # mixed line-break styles in one file
        text = "".join(line + draw(st.sampled_from(NEWLINES)) for line in body)
    if draw(st.integers(min_value=0, max_value=5)) == 0:
        text = "\ufeff" + text
    return text


# Arbitrary Unicode as well: every code point Python strings hold, except lone surrogates
# (which no decoded file can contain).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
mixed_text = st.one_of(documents(), documents(), any_text)
