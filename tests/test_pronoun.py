"""House.PronounAgreement: a place or organisation that is a clause's subject takes it/its.

Every sentence here is written for this test. The seed article is read from ../shared at run time.
"""
from __future__ import annotations

import re

import pytest

from stylecheck import check
from stylecheck.config import Config

from .conftest import SEED, assert_invariant, needs_shared

RULE = "House.PronounAgreement"


def _findings(text: str, preset: str = "ap", settings: dict | None = None):
    config = {"preset": preset, "select": [RULE]}
    if settings is not None:
        config["settings"] = settings
    diagnostics = check(text, path="story.txt", config=config)
    assert_invariant(text, diagnostics)
    return [d for d in diagnostics if d.rule == RULE]


def _summary(text: str, **kw):
    return [(d.match, d.suggestions) for d in _findings(text, **kw)]


# -- must fire ------------------------------------------------------------------------------------


def test_country_reiterating_his_support_is_an_error_at_its_exact_place():
    text = "Talks resumed in Oslo.\nLater, Norway reiterated his support for the ceasefire.\n"
    (d,) = _findings(text)
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 26, 2, 29)
    assert (d.offset, d.length, d.match) == (48, 3, "his")
    assert d.severity == "error"
    assert d.category == "pronoun"
    assert d.suggestions == ("its",)
    assert d.message == "'his' refers back to 'Norway', a place or organisation: use 'its'."


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Norway reiterated his support for the ceasefire.", [("his", ("its",))]),
        ("Norway reiterated his support as the talks resumed.", [("his", ("its",))]),
        ("The ministry reaffirmed her commitment to the budget.", [("her", ("its",))]),
        ("After the vote, Portugal found himself isolated.", [("himself", ("itself",))]),
        ("The Swedish central bank found herself under pressure.", [("herself", ("itself",))]),
        ("Mexico has once again expressed his concern about the dam.", [("his", ("its",))]),
        ("Analysts expected that the retailer would go his own way.", [("his", ("its",))]),
        ("Mexico recalled his ambassador after the row.", [("his", ("its",))]),
        ("The central bank cut his growth forecast for the year.", [("his", ("its",))]),
        ("The Bank of Japan on Thursday reaffirmed his pledge to hold rates.", [("his", ("its",))]),
        ("The United States strongly restated his position on the tariffs.", [("his", ("its",))]),
        ("Shares fell, and Peru reaffirmed his target for inflation.", [("his", ("its",))]),
        ("The Kremlin reaffirmed his demands in a statement.", [("his", ("its",))]),
        ("The Brazilian government reaffirmed his pledge to cut emissions.", [("his", ("its",))]),
        ("Officials said that Brazil had reiterated his offer to mediate.", [("his", ("its",))]),
        ("Microsoft launches his own search engine", [("his", ("its",))]),
        ("LIMA, May 4 - Peru reaffirmed his target for inflation.", [("his", ("its",))]),
        ("Norway reiterated his support; Finland expressed her regret.", [("his", ("its",)), ("her", ("its",))]),
    ],
)
def test_subject_place_or_body_with_a_personal_pronoun_fires(text, expected):
    assert _summary(text) == expected


def test_singular_agreement_of_a_team_name_still_fires_under_ap():
    assert _summary("Wales has reiterated his opposition to the new format.") == [("his", ("its",))]


# -- must not fire: the pronoun can refer to a person ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # A possessive subject: the person is the subject.
        "Norway's foreign minister reiterated his support for the ceasefire.",
        "The Norwegian foreign minister reiterated his support for the ceasefire.",
        "The company's founder found himself in court.",
        # An object between the subject and the pronoun.
        "Portugal praised the goalkeeper for his late save.",
        "Mexico thanked the envoy for his patience.",
        # A reporting verb before the pronoun.
        "The bank said his resignation had been accepted with regret.",
        "The ministry told his lawyers that the file was closed.",
        "Hendry said his country would not back down.",
        # A clause break before the pronoun.
        "Norway, after he left office, reiterated its support.",
        "Norway expressed regret that his visit was cancelled.",
        # Verbs whose object is usually someone else's.
        "Mexico welcomed his release from prison on Friday.",
        "The ministry renewed his contract for another year.",
        "The club confirmed his appointment as coach.",
        "Germany thanked her for her years of service.",
        # A self verb, but the thing is a person's standing or role.
        "The appeals court reaffirmed his conviction for fraud.",
        "The party reiterated her candidacy for the seat.",
        "The club reaffirmed his place as captain.",
        # A person's noun phrase whose modifier is a place or body.
        "The club captain expressed his frustration after the defeat.",
        "The prime minister's office reiterated his support for the plan.",
        "Sanchez's Administration reiterated his commitment to the reform.",
        "The Ortega government reiterated his commitment to the canal.",
        "Party leader Ana Ruiz reaffirmed her commitment to reform.",
        "The Office of the President expressed his condolences to the family.",
        "Miss Norway expressed her delight at the result.",
        "Prince of Wales found himself at the centre of the row.",
        # Names that are also people's names.
        "Jordan reaffirmed his commitment to the club after the final.",
        "Hamilton found himself fourth on the grid.",
        # A compound subject is plural.
        "Carney and Canada reiterated their support.",
        # Correct agreement.
        "Norway reiterated its support for the ceasefire.",
        "The firm found itself in trouble.",
        # Quoted speech is not rewritten for grammar.
        '"Norway reiterated his support," the envoy joked.',
    ],
)
def test_traps_stay_silent(text):
    assert _summary(text) == []


def test_british_plural_agreement_of_a_team_stays_silent():
    text = "Wales have lost 8 of their 10 matches under his management. Wales have reaffirmed his place."
    assert _summary(text, preset="british") == []
    assert _summary(text, preset="ap") == []


def test_a_place_name_used_as_a_surname_in_the_article_stays_silent():
    with_given_name = "Kevin Ireland joined the squad in May. Ireland expressed his delight at the call."
    assert _summary(with_given_name) == []
    assert _summary("The vote passed. Ireland expressed his delight at the result.") == [("his", ("its",))]
    # A longer place name is not a given name.
    text = "Belfast is in Northern Ireland. Ireland expressed his delight at the result."
    assert _summary(text) == [("his", ("its",))]


def test_a_person_named_before_the_subject_silences_the_owned_noun_frame():
    assert _summary("He complained that Russia had closed his airspace.") == []
    assert _summary("Russia has closed his airspace to civil flights.") == [("his", ("its",))]


def test_a_capitalised_name_ending_in_an_organisation_word_is_a_body():
    assert _summary("Vantage Holdings reiterated his rating on the stock.") == [("his", ("its",))]
    assert _summary("Kelso United found himself bottom of the table.") == [("himself", ("itself",))]


def test_a_hard_wrapped_line_continues_its_sentence():
    text = "Shares rose after analyst Ann Berg of Vantage\nHoldings reiterated his rating on the stock.\n"
    assert _summary(text) == []
    # A line that ends a sentence still ends it.
    text = "Shares rose on Monday.\nVantage Holdings reiterated his rating on the stock.\n"
    (d,) = _findings(text)
    assert (d.line, d.column, d.match) == (2, 29, "his")


def test_a_second_verb_joined_by_and_shares_the_subject():
    assert _summary("Portugal joined the talks and reaffirmed his commitment to the deal.") == [("his", ("its",))]
    assert _summary("After Mexico objected, Canada joined the call and reiterated his support.") == [("his", ("its",))]
    assert _summary("Portugal hosted the summit and found himself in the spotlight.") == [("himself", ("itself",))]
    # Another clause, a person, or a bare verb with its own subject in between: silent.
    for text in (
        "Portugal praised the striker, who scored twice and expressed his delight.",
        "Portugal watched the striker score and express his delight.",
        "Portugal said the striker trained and expressed his thanks.",
        "Portugal noticed the striker smiled and expressed his thanks.",
        "Portugal honoured the striker as he wept and expressed his thanks.",
        "Portugal honoured Mr Silva and expressed his thanks.",
        "Portugal's coach joined the talks and reaffirmed his commitment.",
        "Portugal and Spain joined the talks and reaffirmed his commitment.",
        "Wales have joined the talks and reaffirmed his commitment.",
        "The club chairman joined the board and reaffirmed his commitment.",
        "Portugal thanked the envoy and the envoy reaffirmed his commitment.",
    ):
        assert _summary(text) == [], text


def test_coordinated_frames_reach_past_infinitives_places_and_adverbs():
    # Two infinitives joined by "and", "to have" inside the first part, a place of several words
    # and "no longer" before the second verb: all the subject's.
    assert _summary("Peru agreed to stop dumping steel in world markets and to open his market.") == [("his", ("its",))]
    assert _summary("Peru managed to have good harvests and is stocking up his reserves.") == [("his", ("its",))]
    assert _summary("The committee was sitting in New York on Monday and could put his plan to a vote.") == [("his", ("its",))]
    assert _summary("Analysts said Peru was no longer dumping steel and had opened up his market.") == [("his", ("its",))]
    # A second "to" with no infinitive before "and", or a person in the first part: silent.
    for text in (
        "Peru sent steel to the port and to the striker with his thanks.",
        "Peru is to host the envoy and to thank the striker for his goal.",
    ):
        assert _summary(text) == [], text


def test_their_after_two_names_before_a_ticker_stays_silent():
    # The ticker is left out of the scope, which cuts the sentence; the owners before it still count.
    text = "BOSTON, May 2 - Halvard Mills Corp and Ostrow Bancshares Inc <OSB> said the state regulator approved their proposed merger.\n"
    assert _summary(text) == []
    assert _summary("BOSTON, May 2 - Halvard Mills Corp <HMC> said the state regulator approved their proposed merger.\n") == [("their", ("its",))]


def test_only_a_clause_opening_subject_counts():
    assert _summary("Carney and Canada reiterated his support.") == []
    assert _summary("Trade grew, and Canada reiterated his support.") == [("his", ("its",))]
    assert _summary("A report on Canada reiterated his support.") == []


# -- a newsroom's own entities and exceptions -----------------------------------------------------


def test_newsroom_adds_its_own_entity_and_head_noun_in_settings():
    text = "Globex reaffirmed his stance. The consortium expressed his doubts."
    assert _summary(text) == []
    settings = {"pronoun": {"entities": ["Globex"], "heads": ["consortium"]}}
    found = _findings(text, settings=settings)
    assert [(d.match, d.column, d.message) for d in found] == [
        ("his", 19, "'his' refers back to 'Globex', a place or organisation: use 'its'."),
        ("his", 56, "'his' refers back to 'The consortium', a place or organisation: use 'its'."),
    ]


def test_newsroom_exceptions_and_verbs_in_settings():
    assert _summary("Norway reiterated his support.", settings={"pronoun": {"exceptions": ["Norway"]}}) == []
    # With nobody else in reach, any verb will do: the evidence, not a verb list, decides.
    assert _summary("Norway underlined his support.") == [("his", ("its",))]
    # A person in the sentence before makes the check cautious; a newsroom's self verb (the
    # object is always the subject's own) overrides that caution.
    text = "Mr Berg said he would stay on. Norway underlined his support."
    assert _summary(text) == []
    assert _summary(text, settings={"pronoun": {"self_verbs": ["underlined"]}}) == [("his", ("its",))]


def test_an_added_entity_overrides_the_person_name_list():
    text = "Jordan reaffirmed his commitment to the peace plan."
    assert _summary(text) == []
    assert _summary(text, settings={"pronoun": {"entities": ["Jordan"]}}) == [("his", ("its",))]


def test_bad_pronoun_setting_is_a_one_line_error(cli, in_tmp):
    (in_tmp / ".stylecheck.yaml").write_text("settings:\n  pronoun: Globex\n")
    (in_tmp / "a.txt").write_text("Globex reaffirmed his stance.\n")
    result = cli("a.txt")
    assert result.code == 2
    assert "Traceback" not in result.err
    lines = result.err.strip().splitlines()
    assert len(lines) == 1
    assert "PronounAgreement.yml" in lines[0]
    assert "house setting 'pronoun'" in lines[0] and "must be a mapping" in lines[0]

    (in_tmp / ".stylecheck.yaml").write_text("settings:\n  pronoun:\n    entity: [Globex]\n")
    result = cli("a.txt")
    assert result.code == 2
    assert "house setting 'pronoun.entity' is unknown" in result.err


def test_json_output_carries_the_finding(cli, in_tmp):
    text = "Norway reiterated his support.\n"
    (in_tmp / "a.txt").write_text(text)
    result = cli("--format", "json", "a.txt")
    assert result.code == 1
    (d,) = result.json()["files"][0]["diagnostics"]
    assert (d["rule"], d["category"], d["severity"], d["line"], d["column"], d["end_column"]) == (
        RULE, "pronoun", "error", 1, 19, 22,
    )
    assert (d["offset"], d["length"], d["match"], d["suggestions"]) == (18, 3, "his", ["its"])


def test_markdown_code_is_not_prose():
    text = "Norway reiterated `his` support.\n\nNorway reiterated his support.\n"
    found = check(text, path="story.md", config={"select": [RULE]})
    assert [(d.line, d.column, d.match) for d in found] == [(3, 19, "his")]


def test_rule_is_fast_enough_on_a_long_article():
    import time

    from stylecheck.engine import Linter
    from stylecheck.source import Source

    linter = Linter(Config(select=(RULE,)))
    paragraph = (
        "The minister said his plan would pass. Norway reiterated its support for the talks. "
        "Her aides praised him for his patience, and the bank kept its forecast.\n\n"
    )
    # (The last paragraph opens with a sentence of its own: right after "her aides praised him
    # for his patience" the check is cautious, as a person is then in reach.)
    text = paragraph * 400 + "Talks resumed in Oslo. Norway reiterated his support.\n"
    started = time.process_time()
    result = linter.lint_source(Source.from_text(text, "long.txt"))
    elapsed = time.process_time() - started
    assert [d.match for d in result.diagnostics] == ["his"]
    assert elapsed < 1.0


# -- the seed article -----------------------------------------------------------------------------


@needs_shared(SEED)
def test_seed_only_pronoun_finding_is_canada_reiterating_his_support():
    text = SEED.read_bytes().decode("utf-8")
    diagnostics = check(text, path=str(SEED))
    assert_invariant(text, diagnostics)
    found = [d for d in diagnostics if d.category == "pronoun"]
    assert [(d.rule, d.line, d.match, d.severity, d.suggestions) for d in found] == [
        (RULE, 15, "his", "error", ("its",))
    ]
    (d,) = found
    assert d.message == "'his' refers back to 'Canada', a place or organisation: use 'its'."
    assert text[d.offset - len("reiterated ") : d.offset] == "reiterated "
    # Every other "his" in the article (a person's, as after a name and "said") stays silent.
    others = [m.start() for m in re.finditer(r"\bhis\b", text) if m.start() != d.offset]
    assert len(others) >= 2
    assert not any(x.offset in others for x in diagnostics)


def test_judgements_are_kept_by_file_and_line_only():
    import yaml

    from .conftest import ROOT

    data = yaml.safe_load((ROOT / "bench" / "judgements" / "pronoun.yml").read_text(encoding="utf-8"))
    entries = data["findings"]
    assert entries
    for entry in entries:
        assert set(entry) == {"corpus", "file", "line", "column", "rule", "match", "verdict", "why"}, entry
        assert entry["rule"] in (RULE, "House.ItsContraction")
        assert isinstance(entry["line"], int) and isinstance(entry["column"], int)
        assert entry["verdict"] in (True, False, "debatable")
        assert len(entry["match"]) <= 8  # the flagged word only, never corpus text


def test_a_newsroom_rule_of_this_type_with_its_own_entities_and_word_list(cli, tmp_path):
    styles = tmp_path / "styles"
    (styles / "Newsroom").mkdir(parents=True)
    (styles / "data").mkdir()
    (styles / "data" / "cantons.yml").write_text("names: [Vaud, Ticino]\n")
    (styles / "Newsroom" / "Agreement.yml").write_text(
        "extends: pronoun-agreement\n"
        "message: \"'%s' for '%s': write '%s'.\"\n"
        "level: warning\n"
        "category: pronoun\n"
        "places: [cantons.yml]\n"
        "entities: [Globex]\n"
    )
    story = tmp_path / "story.txt"
    story.write_text("Vaud reaffirmed his budget rules. Globex expressed his regret. Norway reiterated his support.\n")
    result = cli("--rules", str(styles), "--select", "Newsroom", "--format", "json", str(story))
    found = result.json()["files"][0]["diagnostics"]
    assert [(d["rule"], d["severity"], d["column"], d["message"]) for d in found] == [
        ("Newsroom.Agreement", "warning", 17, "'his' for 'Vaud': write 'its'."),
        ("Newsroom.Agreement", "warning", 52, "'his' for 'Globex': write 'its'."),
    ]


def test_a_missing_word_list_is_a_one_line_error(cli, tmp_path):
    style = tmp_path / "Newsroom"
    style.mkdir()
    (style / "Agreement.yml").write_text("extends: pronoun-agreement\ncategory: pronoun\nframes: nowhere.yml\n")
    (tmp_path / "a.txt").write_text("Norway reiterated his support.\n")
    result = cli("--rules", str(tmp_path), str(tmp_path / "a.txt"))
    assert result.code == 2
    assert "Traceback" not in result.err
    assert "word list 'nowhere.yml' not found" in result.err and "Agreement.yml" in result.err


def test_a_ticker_inside_a_sentence_does_not_cut_off_its_subjects():
    # The ticker is no copy, but the clause runs across it: "A and B said ... their" stays theirs.
    text = "Acme Widget Corp and Ohio Holdings Inc <OHH> said the state regulator approved\ntheir proposed merger."
    assert _summary(text) == []
    assert _summary(text.replace(" <OHH>", "")) == []
    # and a real slip after a ticker is still found, at its place
    text = "Acme Widget Corp <AWC> said on Monday that Brazil lowered her growth forecast."
    found = _findings(text)
    assert [(d.match, d.offset, d.suggestions) for d in found] == [("her", text.index("her"), ("its",))]


def test_names_in_a_very_long_text_are_found_where_a_find_per_name_finds_them():
    # Past 200,000 characters the capitalised words are indexed once rather than found again for
    # every name (which grows with the square of the length); the places must be the same.
    from stylecheck.document import Document
    from stylecheck.engine import Linter
    from stylecheck.ruletypes.pronoun import _DocState, _finds

    story = ("Acme Widget said its sales rose. Mr Berg of Acme, the retailer, spoke. O'Brien met "
             "Acme-Widget staff and ACME Widget buyers. New York and New Yorkers waited; Acmes rose. ")
    text = story * (210_000 // len(story) + 1)
    assert len(text) > 200_000
    rule = Linter(Config(preset="ap", select=(RULE,))).rules[RULE]
    state = _DocState(rule, Document.from_text(text, "long.txt"))

    def by_find(name):
        out = []
        for at in _finds(text, name):
            before = text[at - 1] if at else " "
            after = text[at + len(name)] if at + len(name) < len(text) else " "
            if not (before.isalnum() or before in "'’.-") and not after.isalnum():
                out.append((at, at + len(name)))
        return out

    for name in ("Acme", "Acme Widget", "New York", "Berg", "Brien", "Widget", "Yorkers"):
        found = list(state._occurrences(name))
        assert found == by_find(name), name
    assert len(list(state._occurrences("Acme"))) == 3 * text.count(story)  # "Acme-Widget" counts; "Acmes" does not
