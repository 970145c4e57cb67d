"""House.AOrAn: "a" or "an" by the sound of the next word, from pronunciation data and letter
names, with the readings that could go either way left alone."""
from __future__ import annotations

import pickle

import pytest

from stylecheck import check
from stylecheck.config import Config
from stylecheck.engine import Linter
from stylecheck.ruletypes.articles import number_sound

RULE = "House.AOrAn"


def _found(text: str, preset: str = "ap") -> list[tuple[int, int, str, tuple[str, ...]]]:
    return [(d.line, d.column, d.match, d.suggestions) for d in check(text, config=Config(preset=preset)) if d.rule == RULE]


def test_a_wrong_article_is_reported_at_its_place_with_the_reason():
    text = "The hearing ran late.\nIt lasted a hour and then an one-off vote was held.\n"
    assert _found(text) == [(2, 11, "a hour", ("an hour",)), (2, 27, "an one", ("a one",))]
    first = next(d for d in check(text) if d.rule == RULE)
    assert first.message == "'a' before 'hour', which starts with a vowel sound: write 'an hour'."
    assert first.severity == "suggestion" and first.category == "typo"
    assert text[first.offset : first.offset + first.length] == "a hour"


@pytest.mark.parametrize("text, match, fixed", [
    ("She joined an university in the north.", "an university", "a university"),  # "you-"
    ("He was a honest broker.", "a honest", "an honest"),  # silent h
    ("It is an European first.", "an European", "a European"),
    ("A FBI agent gave evidence.", "A FBI", "An FBI"),  # letters: "ef"
    ("The council held an UN vote.", "an UN", "a UN"),  # letters: "you"
    ("It was an U.S. decision.", "an U.S.", "a U.S."),
    ("The chair is a MP for the city.", "a MP", "an MP"),
    ("He took an MSc in law.", None, None),  # "em-ess-see": right as written
    ("The driver was a 18-year-old.", "a 18", "an 18"),
    ("Profits rose by a 8% margin.", "a 8", "an 8"),
    ("The plan needs an 180-day review.", "an 180", "a 180"),
    ("They bought a X-ray machine.", "a X", "an X"),
    ("The ship made an U-turn.", "an U", "a U"),
    ("The court heard an usual case.", "an usual", "a usual"),
])
def test_the_sound_decides(text, match, fixed):
    found = [(m, s) for _, _, m, s in _found(text)]
    assert found == ([(match, (fixed,))] if match else [])


@pytest.mark.parametrize("text", [
    "A hotel and an hotel, a historic vote and an historic vote.",  # an unstressed h: both written
    "She grew a herb garden next to an herb garden.",  # "herb" is said both ways
    "A NATO summit, an NATO summit, a FTSE firm, an FTSE firm.",  # letters or a word: they disagree
    "The bridge opened in an 1850 ceremony, or a 1850 ceremony.",  # a year or a number
    "Plan A works, and Grade A beef and vitamin A are sold.",  # a capital A inside a sentence
    "A AND B SET A NEW RECORD\n\nThe two firms merged.",  # all-capital headline
    "The rating was a AAA grade, on a lb of beef, at a St Louis store.",  # "triple A", "pound", "Saint"
    "Sales rose a and the firm said an the figures were wrong.",  # another kind of typo
])
def test_readings_that_can_go_either_way_stay_silent(text):
    assert _found(text) == []


def test_a_line_break_inside_a_sentence_does_not_start_one():
    # Hard-wrapped copy: "class\nA shares" is the letter A, not an article.
    assert _found("The firm issued class\nA Empire shares and class\nB shares.") == []
    assert _found("The firm met.\n\nA FBI agent came.") == [(3, 1, "A FBI", ("An FBI",))]


@pytest.mark.parametrize("number, sound", [
    ("8", "vowel"), ("80", "vowel"), ("800m", "vowel"), ("802.11b", "vowel"), ("11", "vowel"),
    ("18", "vowel"), ("11,000", "vowel"), ("18.5", "vowel"), ("1850", None), ("1100", None),
    ("110", "consonant"), ("180,000", "consonant"), ("1", "consonant"), ("100", "consonant"),
])
def test_numbers_sound_as_they_are_said(number, sound):
    assert number_sound(number) == sound


def test_the_pronunciation_data_is_built_with_the_rule_and_pickled_with_it():
    rule = Linter(Config(select=(RULE,))).rules[RULE]
    copy = pickle.loads(pickle.dumps(rule))
    for word, sound in (("hour", "vowel"), ("one", "consonant"), ("university", "consonant"),
                        ("umbrella", "vowel"), ("zelenskyy", "consonant"), ("herb", None)):
        assert copy.word_sound(word) == rule.word_sound(word) == sound
