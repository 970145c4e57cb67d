"""House.ItsContraction: "its" for "it's" and "it's" for "its", decided by the words around it; the
fix is safe only where the other reading is impossible. Sentences written for this test."""
from __future__ import annotations

import pytest

from stylecheck import check
from stylecheck.engine import Linter
from stylecheck.config import Config
from stylecheck.source import Source

from .conftest import assert_invariant

RULE = "House.ItsContraction"


def _findings(text: str):
    diagnostics = check(text, path="story.txt", config={"select": [RULE]})
    assert_invariant(text, diagnostics)
    return [d for d in diagnostics if d.rule == RULE]


def _fixes(text: str):
    linter = Linter(Config(select=(RULE,)))
    return [(d.match, d.suggestions, d.fix.applicability if d.fix else None)
            for d in linter.lint_source(Source.from_text(text, "story.txt")).diagnostics]


@pytest.mark.parametrize(
    "text, match, suggestion, applicability",
    [
        # No possessive stands before an article, "been" or "not", so these are always reported;
        # but the word may be one left over from an edit ("its the dollar value" for "the dollar
        # value"), which "it's" would not mend: the fix is offered, not applied unasked.
        ("The mayor said its a fine day for the harbour.", "its", "it's", "unsafe"),
        ("Its been a hard winter for the fleet.", "Its", "It's", "unsafe"),
        ("Residents say its not safe to swim there.", "its", "it's", "unsafe"),
        # "it's own" has no reading that keeps it: the one safe fix.
        ("The ferry has lost it's own berth.", "it's", "its", "safe"),
    ],
)
def test_certain_readings_fire_and_only_it_s_own_is_fixed_unasked(text, match, suggestion, applicability):
    (d,) = _findings(text)
    assert (d.match, d.suggestions, d.category) == (match, (suggestion,), "typo")
    assert d.severity == "suggestion"
    assert _fixes(text) == [(match, (suggestion,), applicability)]


def test_a_likely_reading_fires_with_an_unsafe_fix():
    text = "Critics say its likely to close by March."
    assert _fixes(text) == [("its", ("it's",), "unsafe")]


def test_message_says_why():
    (d,) = _findings("Residents say its not safe to swim there.")
    assert d.message == "'its': the possessive does not fit before 'not': write 'it's' (it is, it has)."
    (d,) = _findings("The ferry has lost it's own berth.")
    assert d.message == "'it's': 'it's' means 'it is' or 'it has'; here the possessive 'its' is meant."


@pytest.mark.parametrize(
    "text",
    [
        "The council cut its budget again.",
        "It's a fine day for the harbour.",
        "It's time to rebuild the pier.",
        "The port kept its going rate for berths.",
        "Its 2024 results were mixed.",
        "The ferry said its timetable would change.",
        "Its likely successor is a smaller boat.",      # "likely" before a noun: the possessive
        "It's Monday, and the market is shut.",          # a name after "it's": left alone
        "The team lifted its first trophy in years.",
    ],
)
def test_correct_uses_stay_silent(text):
    assert _findings(text) == []


@pytest.mark.parametrize(
    "text, match, suggestion",
    [
        # The word before takes an object (a verb, a preposition) and a noun follows.
        ("The bank cut it's forecast for the year.", "it's", "its"),
        ("Shares fell after the company revised it's outlook.", "it's", "its"),
        # A clause after "think" or "but", an adjective then "that" or "to".
        ("I think its clear that the plan failed.", "its", "it's"),
        ("The pier is old, but its still safe to walk on.", "its", "it's"),
    ],
)
def test_likely_readings_from_the_words_around_fire_unsafe(text, match, suggestion):
    (d,) = _findings(text)
    assert (d.match, d.suggestions) == (match, (suggestion,))
    assert _fixes(text) == [(match, (suggestion,), "unsafe")]


@pytest.mark.parametrize(
    "text",
    [
        "The film It's A Wonderful Life is on tonight.",    # title case: no evidence
        "Do They Know It's Christmas topped the chart.",     # a title between capitals
        "The airline will fly its A350 jets to Lima.",       # "A350" is a name, not the article
        "Officials said its is not yet known.",              # a slip for "it": neither form mends it
        "\"It's good news for the town,\" she said.",
        "The bank said it is confident its new branch will open.",
    ],
)
def test_titles_names_and_slips_stay_silent(text):
    assert _findings(text) == []
