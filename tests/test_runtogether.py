"""Run-together words: capitalised pairs (House.RunTogether) and lowercase joins
(House.RunTogetherLowercase), found where a space was lost and left alone where the joined form is
meant: brands, repeated forms, compounds, dictionary words, misspellings, URLs and code."""
from __future__ import annotations

import pickle

import pytest

from stylecheck import check
from stylecheck.config import Config
from stylecheck.engine import Linter

CAPITALISED = "House.RunTogether"
LOWERCASE = "House.RunTogetherLowercase"


def _found(text: str, rule: str, preset: str = "ap") -> list[tuple[int, int, str, tuple[str, ...], str]]:
    return [(d.line, d.column, d.match, d.suggestions, d.severity)
            for d in check(text, config=Config(preset=preset)) if d.rule == rule]


# -- capitalised pairs ---------------------------------------------------------------------------

def test_a_pair_the_article_also_writes_spaced_is_reported_at_its_exact_place():
    text = "Envoys from the United Nations arrived.\nThe UnitedNations team left on Friday.\n"
    assert _found(text, CAPITALISED) == [(2, 5, "UnitedNations", ("United Nations",), "suggestion")]
    (d,) = [d for d in check(text) if d.rule == CAPITALISED]
    assert d.message == "'UnitedNations' looks like two words run together: 'United Nations'?"
    assert text[d.offset : d.offset + d.length] == "UnitedNations"


@pytest.mark.parametrize("text, match, fixed", [
    ("The bill was signed by SenatorJane Okafor.", "SenatorJane", "Senator Jane"),  # title, given name
    ("The letter ran in TheGuardian last week.", "TheGuardian", "The Guardian"),  # "The" opens no brand
    ("Officials met at the PrimeMinister office.", "PrimeMinister", "Prime Minister"),  # a pair news writes spaced
    ("A spokesman for the council, HarrietWoolcombe, declined to comment.", "HarrietWoolcombe", "Harriet Woolcombe"),
    ("The report was written ofTexas farmers by mistake.", "ofTexas", "of Texas"),  # lowercase word before a name
    ("The ferry left for SriLanka at dawn.", "SriLanka", "Sri Lanka"),  # a pair news writes spaced, never joined
    ("The inquiry heard from MrPadstow on Monday.", "MrPadstow", "Mr Padstow"),  # a title before a name
    ("The film NightfallOn the Moor opens today.", "NightfallOn", "Nightfall On"),  # no name ends in a grammar word
    # A company suffix after a name the article also writes alone inside a sentence.
    ("Shares in KestrelCorp rose. Analysts said Kestrel had a good year.", "KestrelCorp", "Kestrel Corp"),
    ("The band played InLeeds last night.", "InLeeds", "In Leeds"),  # a grammar word before a place
    ("The report was by SimonHarte, a former judge.", "SimonHarte", "Simon Harte"),  # given name, surname
])
def test_a_pair_whose_halves_show_a_lost_space_is_reported(text, match, fixed):
    assert [(m, s) for _, _, m, s, _ in _found(text, CAPITALISED)] == [(match, (fixed,))]


@pytest.mark.parametrize("text", [
    # A brand written in camel case, even once: its halves are ordinary words.
    "The firm sells the ZoneGuard alarm to shops.",
    "Shoppers queued for the TalkTalk deal.",
    # Repeated the same way and never spaced: a name.
    "The RipVane jacket sold out. Buyers said the RipVane was warm, and RipVane stock ran low.",
    # Known brands and products, names with prefixes, three-part names.
    "She posted it on YouTube and PayPal, then wrote to McDonald and DeSantis at GlaxoSmithKline.",
    # Handles, hashtags, addresses, file names.
    "Follow @CityDesk and #LocalNews, mail desk@HarbourTimes.com or open NewsRoom.txt today.",
    # Code.
    "The script calls getCanvas(); then sets x = localStorage; done.",
    # A grammar word before a pair news writes spaced is what product names look like.
    "The bank's OnTrack service opened on Monday.",
    # A company suffix after a name the article never writes alone; a rare given name opening a brand.
    "Shares in KestrelCorp rose on Monday.",
    "The ViraCrest jacket sold out.",
])
def test_brands_names_handles_and_code_stay_silent(text):
    assert _found(text, CAPITALISED) == []


# -- lowercase joins -----------------------------------------------------------------------------

def test_a_lowercase_join_is_split_where_the_halves_beat_the_whole():
    text = "The council voted toprevent the closure of the library.\n"
    assert _found(text, LOWERCASE) == [(1, 19, "toprevent", ("to prevent",), "suggestion")]
    (d,) = [d for d in check(text) if d.rule == LOWERCASE]
    assert d.message == "'toprevent' looks like two words run together: 'to prevent'?"


@pytest.mark.parametrize("text, match, fixed", [
    ("She said the filethat was leaked had been altered.", "filethat", "file that"),
    ("The list was longer than any ofthe others.", "ofthe", "of the"),
    ("The city council met on Monday. Later the citycouncil voted.", "citycouncil", "city council"),
    ("Thedredging of the harbour starts in May.", "Thedredging", "The dredging"),
    ("Prices of several goods rose and the pricesrose again in May.", "pricesrose", "prices rose"),
    # Known to wordfreq (web text glues them), but news writes the pair spaced and never joined.
    ("The bridge is tobe rebuilt next year.", "tobe", "to be"),
    ("Officials said the bridge willbe closed.", "willbe", "will be"),
    # A phrase news writes outweighs the compound test: no one writes "newsconference".
    ("The mayor gave a newsconference on Friday.", "newsconference", "news conference"),
    # Two content words of which neither starts nor ends compounds in the dictionary.
    ("The team won a specialaward for the series.", "specialaward", "special award"),
])
def test_lowercase_joins_are_reported(text, match, fixed):
    assert [(m, s) for _, _, m, s, _ in _found(text, LOWERCASE)] == [(match, (fixed,))]


@pytest.mark.parametrize("text", [
    "The ship was taken aback by the storm, and the captain tried to atone.",  # dictionary words
    "It was foreseen by few, and the forseen changes never came.",  # a misspelling, not "for seen"
    "The board spent the morning on the outturn and on the overmighty barons.",  # compounds
    "The talks began anew, and the crowd beheld the ship.",  # dictionary words news also writes spaced
    "The stockmarket fell and the cashflow dried up.",  # closed compounds' variants, two content words
    "The vampirelike figure and the photojournal drew crowds.",  # a half that forms compounds
    "The stockbuilding figures were revised.",  # a closed compound of two content words
    "Write to toprevent@example.org or see example.org/toprevent for details.",
    "Use {% endfor %} to close the loop; x = y; z = w;",
    "The firm's onlinestore sold well, and the onlinestore was busy, said the onlinestore manager.",
])
def test_words_compounds_misspellings_repeats_addresses_and_code_stay_silent(text):
    assert _found(text, LOWERCASE) == []


# -- built once ----------------------------------------------------------------------------------

def test_the_frequency_data_is_built_with_the_rule_and_pickled_with_it():
    linter = Linter(Config(select=(CAPITALISED, LOWERCASE)))
    rule = linter.rules[LOWERCASE]
    copy = pickle.loads(pickle.dumps(rule))
    assert copy.zipf("prevent") == rule.zipf("prevent") > 4
    assert copy.zipf("mln") > 6  # the news list: wire copy's "mln" is as common as "the" is rare
    assert copy.best_split("toprevent") == rule.best_split("toprevent")
    assert copy.best_split("toprevent")[1:] == ("to", "prevent")
    assert copy.phrase("interest", "rates") == rule.phrase("interest", "rates") > 3  # the phrase model
    assert copy.phrase("in", "to") == 0.0  # "into" is a word news writes joined
