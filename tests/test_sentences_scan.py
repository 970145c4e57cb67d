"""Sentence boundaries found by the `\\K` scan (document._SENTENCE_END)."""
from __future__ import annotations

from stylecheck.document import Document


def _sentences(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [text[s:e] for s, e in doc.sentences]


def test_end_marks_closing_quotes_and_line_breaks():
    text = 'The vote passed. "It is over!" she said. Mr. Lee left?\n“Yes.” (Then) 5 more came…\nWHO next'
    assert _sentences(text) == [
        "The vote passed.",
        '"It is over!" she said.',
        "Mr. Lee left?",
        "“Yes.",  # the closing quote belongs to the boundary, as before the scan was rewritten
        "(Then) 5 more came…",
        "WHO next",
    ]


def test_no_boundary_without_a_capital_or_digit_after():
    assert _sentences("It rose 2.5 per cent. then fell. Later, calm.") == ["It rose 2.5 per cent. then fell.", "Later, calm."]
