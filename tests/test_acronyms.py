"""House.Acronyms (issue 14, follow-up): names and explanations read from the article, expansions in
lowercase and in plurals, and the lists learned from the corpora's build documents."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from stylecheck.config import Config
from stylecheck.engine import Linter
from stylecheck.source import Source

from .conftest import assert_invariant

RULE = "House.Acronyms"
MESSAGE = "Spell out '{}' at its first use (or add it to the house list of well-known acronyms)."
DATA = Path(__file__).resolve().parent.parent / "rules" / "data"
_LINTERS: dict = {}


def lint(text: str, preset: str = "ap"):
    if preset not in _LINTERS:
        _LINTERS[preset] = Linter(Config(preset=preset, select=(RULE,)))
    result = _LINTERS[preset].lint_source(Source.from_text(text, "story.txt"))
    assert_invariant(text, result.diagnostics)
    return result.diagnostics


def only(text: str, preset: str = "ap"):
    found = lint(text, preset)
    assert len(found) == 1, found
    return found[0]


def test_an_unexplained_acronym_is_still_reported_with_its_position_and_message():
    text = "Officials said the QRTB would meet again. The QRTB has two members."
    d = only(text)
    assert (d.rule, d.match, d.offset, d.line, d.column) == (RULE, "QRTB", 19, 1, 20)
    assert d.message == MESSAGE.format("QRTB")


def test_a_currency_prefix_is_not_an_acronym():
    assert lint("Profit was HK$327m and NZ$12m in the year.") == []


def test_initials_before_a_surname_with_a_particle_are_a_name():
    assert lint("The forwards were named: H Botha, PJ van der Merwe and G Smit.") == []
    assert lint("Coach JP de Villiers picked the side.") == []


def test_an_appositive_after_a_dash_explains_the_acronym():
    assert lint("If the deal fails, QTN - the Kenyan firm which lost the tender - may return.") == []
    assert lint("Sony tried it with the PXV - a variation on its console - in Japan.") == []
    # a dash with no description after it explains nothing
    assert only("The QTN - which lost - may return.").match == "QTN"


def test_a_word_saying_what_the_initials_name_before_or_after_them():
    assert lint("The manufacturers' organisation, the QEF, said orders fell.") == []
    assert lint("An economist at brokers QTV said prices rose.") == []
    assert lint("The part-Swiss QAV consortium built the airport.") == []
    assert lint("Miners employed by the state corporation QOMIBOL went on strike.") == []
    assert lint("The QDA industry association says sales may ease.") == []


def test_the_last_name_in_a_list_after_a_comma_and_and():
    assert lint("PCs running Windows 98, 2000, and QX are at risk.") == []


def test_laughter_in_capitals_is_not_initials():
    assert lint("What we said: HAHAHAHA. What we wanted to say was different.") == []


def test_an_expansion_in_lowercase_shortly_before():
    text = "It sold 100 mln dlrs of collateralized mortgage obligations, including floating rate CMOS."
    assert lint(text) == []
    assert lint("Satellite viewers with a personal video recorder can pause. Those without PVR cannot.") == []


def test_a_lowercase_expansion_may_have_small_words_between_its_words():
    # "of the" gives no letter; a comma or a hyphen between two of the words breaks the chain.
    assert lint("The firm sells insurance for the late harvests. Its ILH cover is cheap.") == []
    text = "The firm sells insurance, for late-harvest cover. Its ILH cover is cheap."
    assert only(text).match == "ILH"


def test_words_that_spell_the_letters_by_chance_do_not_define_it():
    text = "The film turned the city grid into a maze. Its CGI robots were everywhere."
    d = only(text)
    assert (d.match, d.offset) == ("CGI", text.index("CGI"))


def test_a_lowercase_expansion_far_back_does_not_count():
    text = "It sold collateralized mortgage obligations. " + "Prices held steady all day. " * 12 + "The CMO was priced."
    assert only(text).match == "CMO"


def test_a_plural_in_capitals_is_defined_by_the_singular_expansion():
    text = "The River Flood Early Warning System (RFEWS) is popular. Other towns want EWSS now."
    assert lint(text) == []


def test_a_ticker_after_an_exchange_code_is_the_company_name():
    text = "Crown Widget Holdings Inc. (OTCMKTS: CRWX) said sales rose. CRWX has refocused its efforts."
    assert lint(text) == []


def test_letters_among_c_d_l_m_alone_are_initials_not_a_roman_numeral():
    text = "Figures from the CML showed lending fell."
    assert only(text).match == "CML"
    assert lint("King Henry VIII and Pope Pius XII were named.") == []


def test_credit_ratings_and_triple_letters_are_not_laughter_or_initials():
    assert lint("Moody's said it rated the notes CCC, citing weak cash flow.") == []
    assert lint("The bonds were cut to BBB from AAA.") == []


def test_an_acronym_defined_by_its_capitalised_expansion_is_still_left_alone():
    text = "The Commodity Credit Corporation has accepted bids. The CCC said more would follow."
    assert lint(text) == []


def test_learned_names_and_known_acronyms_are_not_reported():
    usage = yaml.safe_load((DATA / "acronym-usage.yml").read_text(encoding="utf-8"))
    assert "REM" in usage["names"] and "NYPD" in usage["known"]
    assert lint("REM have been confirmed as headliners for the festival.", preset="british") == []
    assert lint("A man surrendered to the NYPD on Monday.") == []


def test_the_learned_lists_can_be_switched_off(tmp_path, cli):
    style = tmp_path / "Desk"
    style.mkdir()
    (style / "Acronyms.yml").write_text("extends: acronym\nlevel: suggestion\nusage: ''\n", encoding="utf-8")
    story = tmp_path / "a.txt"
    story.write_text("A man surrendered to the NYPD on Monday.\n", encoding="utf-8")
    diagnostics = cli("--rules", str(tmp_path), "--format", "json", str(story)).json()["files"][0]["diagnostics"]
    assert [(d["rule"], d["match"], d["column"]) for d in diagnostics if d["rule"] == "Desk.Acronyms"] == [
        ("Desk.Acronyms", "NYPD", 26)
    ]


@pytest.mark.parametrize("name", ["acronym-usage.yml", "acronym-companies.yml"])
def test_learned_lists_hold_initials_only(name):
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    for key, words in data.items():
        assert all(str(w).replace("&", "").isalpha() and str(w).isupper() for w in words), key


def test_a_code_elsewhere_is_found_as_the_plain_search_finds_it():
    # The stems before "-<figure>" are collected once per document; the answer must be the search's.
    import re

    from stylecheck.document import Document
    from stylecheck.ruletypes.acronym import _code_elsewhere

    text = "The CFM-56 engine and the XR-7B unit. AT&T-5 is odd; the ABC- line, the DEF-G part, xGHI-9."
    doc = Document.from_text(text, "story.txt")
    for word in ("CFM", "XR", "AT&T", "ABC", "DEF", "GHI", "XGHI", "FM", "NASA", "A" * 20):
        plain = word + "-" in text and re.search(r"(?<![\w-])" + re.escape(word) + r"-\w*\d", text) is not None
        assert _code_elsewhere(doc, word) is plain, word
    assert _code_elsewhere(doc, "CFM") and not _code_elsewhere(doc, "GHI")
