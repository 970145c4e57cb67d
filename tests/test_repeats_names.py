"""House.DoubledWord, House.RepeatedPhrase and House.NameVariants (issue 13): what each catches,
what each leaves alone, where, with which message and which fix.

Every sentence here is written for this test.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from stylecheck import check
from stylecheck.ruletypes.proselines import is_all_capitals, is_lone_word, is_table_row
from stylecheck.ruletypes.repeats import Pieces

from .conftest import assert_invariant

DOUBLED, PHRASE, NAMES = "House.DoubledWord", "House.RepeatedPhrase", "House.NameVariants"


def _findings(text: str, rule: str, preset: str = "ap"):
    diagnostics = check(text, path="story.txt", config={"preset": preset, "select": [rule]})
    assert_invariant(text, diagnostics)
    return [d for d in diagnostics if d.rule == rule]


def _matches(text: str, rule: str) -> list[str]:
    return [d.match for d in _findings(text, rule)]


# -- doubled words: what is caught ----------------------------------------------------------------


def test_an_article_typed_twice_is_an_error_with_a_safe_fix_at_its_place():
    text = "The board met.\nIt approved the the budget on Monday.\n"
    (d,) = _findings(text, DOUBLED)
    assert (d.line, d.column, d.end_line, d.end_column, d.match) == (2, 13, 2, 20, "the the")
    assert (d.severity, d.message, d.suggestions) == ("error", "'the' is repeated.", ("the",))
    assert d.fix is not None and d.fix.applicability == "safe"


def test_a_word_some_reading_keeps_twice_gets_a_fix_for_review_only():
    # "the will will be read" is grammatical: removing a "will" is never applied unasked.
    (d,) = _findings("The council will will vote on Friday.\n", DOUBLED)
    assert (d.match, d.suggestions, d.fix.applicability) == ("will will", ("will",), "unsafe")


def test_a_word_ending_one_line_and_starting_the_next_is_caught_across_the_break():
    text = "The mayor said the plan would cost more than the council\ncouncil had expected at first.\n"
    (d,) = _findings(text, DOUBLED)
    assert (d.line, d.column, d.end_line, d.end_column) == (1, 50, 2, 8)
    assert d.match == "council\ncouncil"
    assert d.message == "'council' is repeated. (at the end of one line and the start of the next)"


def test_a_capitalised_double_is_a_slip_when_the_article_uses_the_word_alone():
    text = "Labour attacked the British British plan. British voters were unmoved.\n"
    assert _matches(text, DOUBLED) == ["British British"]


def test_a_capitalised_double_of_an_ordinary_word_is_a_slip():
    # "in" is written in lowercase elsewhere: "In In" is no name.
    assert _matches("In In 2002 the club moved to a new ground in the city.\n", DOUBLED) == ["In In"]


def test_a_common_word_doubled_inside_a_longer_name_is_a_slip():
    assert _matches("Shares closed higher on the New York York Stock Exchange.\n", DOUBLED) == ["York York"]


def test_a_content_word_doubled_after_a_determiner_offers_the_comma_for_stress_too():
    (d,) = _findings("It was the sweet sweet taste of victory.\n", DOUBLED)
    assert d.suggestions == ("sweet", "sweet, sweet")
    assert d.message == "'sweet' is repeated. If it is doubled for stress, set the two apart with a comma: 'sweet, sweet'."
    assert d.fix.applicability == "unsafe"


# -- doubled words: what is left alone ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "What she had had for lunch was never disclosed.\n",  # grammatical
        "He said that that plan would fail.\n",
        "It is the moment we have been waiting for for years, the coach said.\n",  # stranded preposition
        "Tourists returned to Koh Phi Phi after the storm.\n",  # a name that only comes doubled
        "South Africa's Bafana Bafana lost the final.\n",
        "The band's hit Girls Girls Girls charted in 1987.\n",  # a title's triple
        "The firm opened its new New York office in May.\n",  # a lowercase word before a name
        "\"I was really really nervous,\" the singer said.\n",  # stress in quoted speech
        "\"The outlook is very\nvery good,\" the minister told reporters.\n",  # a quote wrapped over lines
        "Item        Price  Price\nBread       1.20   1.25\nMilk        0.90   0.95\n",  # a table row
        "The offer was accepted by the board.\nReuter\n Reuter\n",  # a signature on its own lines
        "The ship sailed south south east of the cape.\n",  # a compass point
        "Port stocks: Boston 12 unch, Phila nil nil, Baltimore 3 off.\n",  # nil is a figure
    ],
)
def test_doubles_english_allows_names_tables_and_signatures_are_left_alone(text):
    assert _matches(text, DOUBLED) == []


def test_a_new_paragraph_after_an_indented_break_is_not_a_double():
    text = "    The dividend is payable to holders of record on\n    On Tuesday the board met again.\n"
    assert _matches(text, DOUBLED) == []


# -- repeated phrases -----------------------------------------------------------------------------


def test_a_phrase_typed_twice_is_an_error_at_its_place_with_the_first_copy_suggested():
    text = "The new budget is an echo is an echo of last year's plan.\n"
    (d,) = _findings(text, PHRASE)
    assert (d.column, d.end_column, d.match) == (16, 37, "is an echo is an echo")
    assert (d.severity, d.message, d.suggestions) == ("error", "'is an echo' is repeated.", ("is an echo",))
    assert d.fix.applicability == "unsafe"


def test_a_phrase_repeated_in_another_case_keeps_the_first_copy():
    (d,) = _findings("I write i write every morning before the paper goes out.\n", PHRASE)
    assert (d.match, d.suggestions) == ("I write i write", ("I write",))


def test_a_phrase_repeated_across_a_line_break():
    text = "Shares of the company rose in early trading on\nthe news on the news that it had found a buyer.\n"
    (d,) = _findings(text, PHRASE)
    assert (d.line, d.column, d.end_line, d.end_column) == (1, 45, 2, 21)
    assert d.match == "on\nthe news on the news"
    assert d.message == "'on the news' is repeated. (across a line break)"


def test_five_words_are_caught_and_a_contraction_counts_as_two():
    assert _matches("They said the plan was fine the plan was fine to them.\n", PHRASE) == ["the plan was fine the plan was fine"]
    assert _matches("We know it's a risk it's a risk worth taking.\n", PHRASE) == ["it's a risk it's a risk"]


@pytest.mark.parametrize(
    "text",
    [
        "\"We will win, we will win,\" the captain said.\n",  # set apart by punctuation
        "Sales grew more and more and more, and the side won back to back to back titles.\n",  # N-and-N, N-to-N
        "The index rose year on year on year.\n",
        "Ask what makes a house a home before you buy it.\n",  # make + object + complement
        "Rates rose to 1.5 1.5 pct in the table.\n",  # figures
        "The crowd sang New York New York before the game, and New York New York again after it.\n",  # made twice
        "FIRM SEES GROWTH AHEAD GROWTH AHEAD\n\nThe firm said sales would rise.\n",  # a headline in capitals
        "Mar/May no quote      no quote\nJan/Mar no quote      no quote\n",  # columns
    ],
)
def test_phrases_english_repeats_and_tables_are_left_alone(text):
    assert _matches(text, PHRASE) == []


def test_a_preposition_pair_with_a_determiner_or_a_participle_is_a_slip():
    assert _matches("He returned to the to the club in May.\n", PHRASE) == ["to the to the"]
    assert _matches("The firm was acquired by acquired by a rival last year.\n", PHRASE) == ["acquired by acquired by"]


def test_the_quick_test_never_rules_out_a_repeat_the_precise_pass_finds():
    rng = random.Random(13)
    words = "the a plan it's well-known rate rose fell in on to of by Mr Smith said new".split()
    for _ in range(300):
        sentence = [rng.choice(words) for _ in range(rng.randint(4, 12))]
        k = rng.randint(2, 5)
        i = rng.randrange(0, max(1, len(sentence) - k))
        phrase = sentence[i : i + k]
        text = " ".join(sentence[: i + k] + phrase + sentence[i + k :]) + "."
        found = _matches(text, PHRASE)
        if found:
            assert Pieces(text).may_repeat(2, 5), text
        if _matches(text, DOUBLED):
            assert Pieces(text).may_double(), text


# -- name variants: what is caught ----------------------------------------------------------------


def test_a_doubled_letter_in_a_known_name_says_which_spelling_is_known():
    text = "Chancellor Merkel arrived in Paris. The talks, Merkell said, went well, and Merkel left early.\n"
    (d,) = _findings(text, NAMES)
    assert (d.column, d.end_column, d.match, d.severity) == (48, 55, "Merkell", "warning")
    assert d.message == (
        "'Merkell' here, but 'Merkel' elsewhere in the article (1 to 2 uses): the same name spelled two ways? "
        "'Merkel' is the known spelling."
    )
    assert d.suggestions == ("Merkel",)
    assert d.fix.applicability == "unsafe"


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("Sales at Toyota rose. The rise at Toyota beat Toyotta's rivals.\n", "Toyotta", "Toyota"),  # company
        ("The summit opened in Stockhholm on Monday. Leaders left Stockholm on Friday.\n", "Stockhholm", "Stockholm"),  # place
        ("Mikhail Khodorkovsky was jailed. Lawyers for Khordokovsky appealed.\n", "Khordokovsky", "Khodorkovsky"),  # letters moved
        ("The coach praised Rooney. Later Roony scored twice and Rooney left.\n", "Roony", "Rooney"),  # dropped letter
        ("Olek Kovalenko won the race, and Kovalenco thanked the crowd with Kovalenko.\n", "Kovalenco", "Kovalenko"),  # long name
    ],
)
def test_people_places_and_companies_misspelt_once(text, wrong, right):
    (d,) = _findings(text, NAMES)
    assert (d.match, d.suggestions) == (wrong, (right,))


def test_a_tie_with_no_evidence_asks_which_is_right_at_both_spellings():
    text = "Dana Wojtaszek spoke first. Later Wojtazsek took questions.\n"
    found = _findings(text, NAMES)
    assert [(d.match, d.suggestions) for d in found] == [("Wojtaszek", ()), ("Wojtazsek", ())]
    assert found[0].message == (
        "'Wojtaszek' here, but 'Wojtazsek' elsewhere in the article (one use each): the same name spelled two ways? Which is right?"
    )


def test_the_word_list_and_the_article_disagreeing_asks_which_is_right_at_the_less_used():
    text = "President Zelenskyy met the envoy. Later, Zelensky thanked him, and Zelenskyy left for Paris.\n"
    (d,) = _findings(text, NAMES)
    assert (d.match, d.suggestions) == ("Zelensky", ())
    assert d.message.endswith("'Zelensky' is the known spelling, 'Zelenskyy' the more used here: which is right?")


def test_two_known_spellings_of_one_person_beside_the_same_name():
    text = "The cleric Mohammed Ali spoke first; Muhammad Ali spoke after prayers, and Mohammed left.\n"
    assert _matches(text, NAMES) == ["Muhammad"]


# -- name variants: what is left alone ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jon Smith met John Brown, and Jon left with John.\n",  # two known names
        "Sales rose in Austria and in Australia.\n",
        "Kenya and its Kenyan neighbours signed the deal.\n",  # a name and its ending
        "Ben Finney spoke. The Finneys moved to Ohio, where Finney teaches.\n",  # a family
        "Mario and Maria Rossi opened the cafe together.\n",  # a final vowel
        "Hoffman wrote the score; Hoffmann, a critic, praised Hoffman's work.\n",
        "Annette Bening starred in Being Julia; Bening won praise.\n",  # a name beside a common word
        "The Reading side beat Yeading, and Reading went top.\n",  # another first letter
        "Smithe      Smith  Smithe\nJones       Jones  Jones\n",  # a table row
    ],
)
def test_different_names_are_left_alone(text):
    assert _matches(text, NAMES) == []


def test_a_spelling_also_written_in_lowercase_is_an_ordinary_word():
    assert _matches("The Tories met. Tories said the stories were false, and Stories ran.\n", NAMES) == []


# -- the lines that are not prose -----------------------------------------------------------------


def test_table_rows_lone_words_and_capitals_lines():
    table = "Name      Price  Change\nBread     1.20   +0.05\n"
    assert is_table_row(table, 2) and is_table_row(table, 30)
    prose = "The price rose.  Bread cost more than it did.\n"  # two spaces after a full stop
    assert not is_table_row(prose, 5)
    assert is_lone_word("Done.\nReuter\n", 6, 12) and not is_lone_word("Done.\nAlgeria.\n", 6, 13)
    assert is_all_capitals("FIRM SEES GROWTH\nThe firm said.\n", 3) and not is_all_capitals("FIRM SEES GROWTH\nThe firm said.\n", 20)


# -- the planting script --------------------------------------------------------------------------


def test_the_planters_change_only_their_span():
    bench = Path(__file__).resolve().parent.parent / "bench"
    sys.path.insert(0, str(bench))
    try:
        import recall_repeats
    finally:
        sys.path.remove(str(bench))
    text = (
        "The mayor of Northbridge met the council on Monday and said the budget was fine.\n"
        "Later the council of Northbridge voted for the plan, and the mayor thanked the members.\n"
    )
    rng = random.Random(1)
    for name, planter in recall_repeats.PLANTERS.items():
        for plant in planter(text, rng):
            assert plant.text[: plant.start] == text[: plant.original_start], name
            assert plant.text[plant.end :] == text[plant.original_end :], name
            assert plant.text != text, name
