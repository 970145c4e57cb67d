"""Documents: prose masking in Markdown keeps every offset; scopes (sentences, quotes, blocks)."""
from __future__ import annotations

import textwrap

from stylecheck import check
from stylecheck.document import MASK_FILL, Document

from .conftest import assert_invariant

MARKDOWN = textwrap.dedent(
    """\
    ---
    title: the the front matter
    ---
    # Heading with `the the` code

    Body text with the the error and `the the` in code.
    A [link the the](https://example.com/the/the) and <span class="the the">x</span>.
    An autolink <https://example.com/the the> and an image ![alt](the/the.png).
    <!-- the the in a comment -->

        the the in indented code

    ```
    the the in a fence
    ```

    > Quoted the the line.

    - List item the the.
    """
)


def test_markdown_prose_has_the_same_length_and_line_breaks():
    doc = Document.from_text(MARKDOWN, "a.md")
    assert len(doc.prose) == len(doc.text)
    assert [i for i, c in enumerate(doc.prose) if c == "\n"] == [i for i, c in enumerate(doc.text) if c == "\n"]


def test_markdown_masks_code_urls_html_comments_and_front_matter():
    doc = Document.from_text(MARKDOWN, "a.md")
    visible = doc.prose
    # Front matter, fences, indented code and the comment are blanked out entirely.
    assert "front matter" not in visible
    assert "in a fence" not in visible
    assert "indented code" not in visible
    assert "in a comment" not in visible
    # Inline code and URLs become the fill character; tags and markup become spaces.
    line4 = visible.splitlines()[5]
    assert line4 == "Body text with the the error and " + MASK_FILL * 9 + " in code."
    assert "span" not in visible and "example.com" not in visible and "the.png" not in visible
    assert "link the the" in visible


def test_markdown_findings_only_in_prose_at_exact_positions():
    diagnostics = [d for d in check(MARKDOWN, path="a.md") if d.rule == "House.DoubledWord"]
    assert_invariant(MARKDOWN, diagnostics)
    assert [(d.line, d.column, d.match) for d in diagnostics] == [
        (6, 16, "the the"),   # body text
        (7, 9, "the the"),    # link text is prose
        (17, 10, "the the"),  # block quote
        (19, 13, "the the"),  # list item
    ]


def test_markdown_blocks_have_kinds():
    doc = Document.from_text(MARKDOWN, "a.md")
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["heading", "paragraph", "blockquote", "list"]


def test_markdown_with_crlf_and_bom_keeps_positions():
    text = "\ufeff" + MARKDOWN.replace("\n", "\r\n")
    diagnostics = [d for d in check(text, path="a.md") if d.rule == "House.DoubledWord"]
    stripped = text[1:]
    assert_invariant(stripped, diagnostics)
    assert [(d.line, d.column) for d in diagnostics] == [(6, 16), (7, 9), (17, 10), (19, 13)]


def test_plain_text_paragraphs_and_sentences():
    text = "Mr. Smith arrived at 9 a.m. on Monday. He left.\n\nA second paragraph? Yes!\nHeadline line\nBody starts here."
    doc = Document.from_text(text, "a.txt")
    assert [text[s:e] for s, e in ((b.start, b.end) for b in doc.blocks)] == [
        "Mr. Smith arrived at 9 a.m. on Monday. He left.",
        "A second paragraph? Yes!\nHeadline line\nBody starts here.",
    ]
    assert [text[s:e] for s, e in doc.sentences] == [
        "Mr. Smith arrived at 9 a.m. on Monday.",
        "He left.",
        "A second paragraph?",
        "Yes!",
        "Headline line",
        "Body starts here.",
    ]


def test_quotes_straight_curly_and_unclosed():
    text = 'He said "the plan works" and “we agree” today.\n\n“An open quote runs on\n\nNext.'
    doc = Document.from_text(text, "a.txt")
    assert [text[s:e] for s, e in doc.quotes] == ['"the plan works"', "“we agree”", "“An open quote runs on"]
    start = text.index("plan")
    assert doc.in_quote(start, start + 4)
    assert not doc.in_quote(text.index("today"), text.index("today") + 5)


def test_plain_text_masks_urls_and_comments():
    text = "See https://example.com/the the page. <!-- the the -->"
    doc = Document.from_text(text, "a.txt")
    assert "example" not in doc.prose and "<!--" not in doc.prose
    assert [d.rule for d in check(text, path="a.txt")] == []


def test_hard_wrapped_lines_do_not_end_sentences_but_a_short_headline_line_does():
    text = (
        "Shares of the company rose to\n15 percent of the market, the\nCompany said on Tuesday. It was\n"
        "the best result.\n\nHeadline with no stop\n"
        "The story starts here and goes on for a long while, longer than the headline above it by far."
    )
    doc = Document.from_text(text, "a.txt")
    assert [text[s:e] for s, e in doc.sentences] == [
        "Shares of the company rose to\n15 percent of the market, the\nCompany said on Tuesday.",
        "It was\nthe best result.",
        "Headline with no stop",
        "The story starts here and goes on for a long while, longer than the headline above it by far.",
    ]
