"""House.PronounAgreement decides from evidence, not a verb list: every frame, every kind of subject,
the people who could own the pronoun instead, and AP's collective agreement. Every sentence here is
written for this test (none is taken from a corpus); they mirror the shapes the issue names."""
from __future__ import annotations

import pytest

from stylecheck import check

from .conftest import assert_invariant

RULE = "House.PronounAgreement"


def _findings(text: str, preset: str = "ap"):
    diagnostics = check(text, path="story.txt", config={"preset": preset, "select": [RULE]})
    assert_invariant(text, diagnostics)
    return [d for d in diagnostics if d.rule == RULE]


def _summary(text: str, preset: str = "ap"):
    return [(d.match, d.suggestions) for d in _findings(text, preset)]


@pytest.mark.parametrize(
    "text, pronoun",
    [
        # Right after the verb, whatever the verb.
        ("Iceland trimmed her growth forecast for next year.", "her"),
        ("The council released her annual report on Monday.", "her"),
        ("Norway underlined his support for the ceasefire.", "his"),
        # After a preposition, and after a preposition and a gerund.
        ("Portugal fell behind on his debt repayments.", "his"),
        ("Argentina defaulted on her bonds again.", "her"),
        ("The carmaker struggled with redesigning his flagship model.", "his"),
        # After an infinitive, however the verb group runs.
        ("Peru is to resubmit his bid for the games.", "his"),
        ("The airline is preparing to overhaul his fleet.", "his"),
        ("Ohio is modelling her new law on the federal one.", "her"),
        # After a second verb joined by "and".
        ("Finland joined the talks and reaffirmed her commitment to the pact.", "her"),
        # A long verb group.
        ("The bank had been understating his losses for years.", "his"),
    ],
)
def test_every_frame_fires(text, pronoun):
    assert _summary(text) == [(pronoun, ("its",))]


@pytest.mark.parametrize(
    "text, reflexive",
    [
        ("After the vote, the charity found herself short of cash.", "herself"),
        ("Ireland distanced himself from the plan.", "himself"),
        # A reflexive is bound in its clause: a person in the sentence before cannot own it.
        ("Mr Ruiz spoke first. Uganda then declared himself neutral.", "himself"),
    ],
)
def test_a_reflexive_anywhere_in_the_clause(text, reflexive):
    assert _summary(text) == [(reflexive, ("itself",))]


@pytest.mark.parametrize(
    "text, subject",
    [
        ("Chile trimmed her inflation target.", "Chile"),                 # country
        ("Texas is rewriting her election code.", "Texas"),              # state
        ("Madrid raised his parking charges again.", "Madrid"),          # city
        ("The county published her budget on Friday.", "The county"),    # organisation noun
        ("The retailer closed his last store in the town.", "The retailer"),
        ("Vantage Holdings cut his dividend by half.", "Vantage Holdings"),   # a company by its name
        ("Samsung struggled to sell his folding phone.", "Samsung"),          # a listed company
    ],
)
def test_every_kind_of_subject(text, subject):
    (d,) = _findings(text)
    assert d.message == f"'{d.match}' refers back to '{subject}', a place or organisation: use 'its'."


def test_a_name_the_article_shows_to_be_a_body():
    # Unknown to every list: the article's own "said it" makes it a body.
    text = "Brightwell said it would cut 200 jobs. Brightwell also lowered his sales forecast."
    (d,) = _findings(text)
    assert (d.match, d.suggestions, d.column) == ("his", ("its",), 64)
    assert _summary("Brightwell also lowered his sales forecast.") == []
    # "Brightwell's shares" and "Brightwell Inc" are evidence too.
    assert _summary("Brightwell's shares fell. Brightwell then lowered his forecast.") == [("his", ("its",))]
    assert _summary("Brightwell Inc is based in Leeds. Brightwell lowered his forecast.") == [("his", ("its",))]
    # A name the article shows to be a person's is never a body.
    assert _summary("Mr Brightwell said he was leaving. Brightwell lowered his forecast.") == []


@pytest.mark.parametrize(
    "text",
    [
        # A person named or referred to earlier in the sentence.
        "Chile's finance minister trimmed his inflation target.",
        "The coach said Chile had let his players down.",
        "Ana Ruiz said the ministry had ignored her warnings.",
        # A person in the sentence before, and a thing a person owns.
        "Mr Ruiz joined the board in May. The bank then cut his pay.",
        "She resigned on Monday. The party accepted her resignation.",
        # A person the subject acts on.
        "Chile praised the striker for his late goal.",
        "Kenya thanked the envoy and the envoy renewed his pledge.",
        # A person's standing.
        "The club confirmed his departure for Spain.",
        "The appeals court upheld his appeal.",
        "The ministry renewed her contract.",
        # Plural agreement under the British preset is left alone below; a compound subject is plural.
        "Brightwell and Norcom reported their results.",
        "Shareholders said the retailer had ignored their concerns.",
        # "her" as an object, not a possessive.
        "The club told her the news on Friday.",
    ],
)
def test_someone_else_could_own_it(text):
    assert _summary(text) == []


def test_collective_agreement_only_under_ap():
    text = "The retailer said their sales had fallen."
    assert _summary(text, preset="ap") == [("their", ("its",))]
    assert _summary(text, preset="british") == []
    assert _summary("The government have said their plans will go ahead.", preset="british") == []


def test_a_wrong_pronoun_is_no_person_for_the_next_sentence():
    text = "Norway reiterated his support. Finland expressed his regret."
    assert [d.match for d in _findings(text)] == ["his", "his"]
