"""Inline suppression works in plain text and Markdown alike."""
from __future__ import annotations

import pytest

from stylecheck import check

BODY = "One the the.\n{directive}\nTwo the the.\nThree the the.\n{after}\nFour the the.\n"


def lines_flagged(text: str, path: str) -> list[int]:
    return [d.line for d in check(text, path=path) if d.rule == "House.DoubledWord"]


@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_disable_until_enable(path):
    text = BODY.format(directive="<!-- stylecheck: disable House.DoubledWord -->", after="<!-- stylecheck: enable House.DoubledWord -->")
    if path.endswith(".md"):
        text = text.replace("\n", "\n\n")
        assert lines_flagged(text, path) == [1, 11]
    else:
        assert lines_flagged(text, path) == [1, 6]


@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_disable_all_rules_and_by_style(path):
    text = BODY.format(directive="<!-- stylecheck: disable -->", after="<!-- stylecheck: enable -->")
    assert lines_flagged(text, path) == [1, 6]
    text = BODY.format(directive="<!-- stylecheck: disable House -->", after="<!-- stylecheck: enable House -->")
    assert lines_flagged(text, path) == [1, 6]


@pytest.mark.parametrize("path", ["a.txt", "a.md"])
def test_disable_next_line_only(path):
    text = BODY.format(directive="<!-- stylecheck: disable-next-line House.DoubledWord -->", after="")
    assert lines_flagged(text, path) == [1, 4, 6]


def test_several_rules_in_one_directive():
    text = "<!-- stylecheck: disable House.DoubledWord, House.Abbreviations -->\nThe U.S. and US, the the.\n"
    assert check(text, path="a.txt") == []


def test_other_rules_stay_on():
    text = "<!-- stylecheck: disable House.Abbreviations -->\nThe U.S. and US, the the.\n"
    assert [d.rule for d in check(text, path="a.txt")] == ["House.DoubledWord"]


def test_vale_comment_syntax():
    text = "<!-- vale off -->\nA the the.\n<!-- vale on -->\nB the the.\n<!-- vale House.DoubledWord = NO -->\nC the the.\n"
    assert lines_flagged(text, "a.md") == [4]


def test_directive_inside_code_is_not_a_directive():
    text = "```\n<!-- stylecheck: disable -->\n```\n\nStill the the here.\n"
    assert lines_flagged(text, "a.md") == [5]


def test_comment_text_is_not_linted_in_plain_text():
    assert check("<!-- note: the the -->\n", path="a.txt") == []
