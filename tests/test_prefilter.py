"""prefilter.py: literal prefixes of user patterns, and scans identical to the full pattern's."""
from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from stylecheck.document import Document

from stylecheck.prefilter import Prefilter, literal_prefix, trie_pattern


def test_literal_prefix_reads_the_certain_start_of_a_pattern():
    assert literal_prefix("emails?") == "email"
    assert literal_prefix("e-mails?") == "e-mail"
    assert literal_prefix(r"web[- ]sites?") == "web"
    assert literal_prefix(r"co-operat(?:e|ed|ion)") == "co-operat"
    assert literal_prefix(r"(?<![\w.])U\.S\.(?!\w)") == "U.S."
    assert literal_prefix(r"\bcolou?r\b") == "colo"
    assert literal_prefix(r"ab+c") == "ab"
    assert literal_prefix(r"ab{0,2}c") == "a"


def test_literal_prefix_gives_nothing_when_unsure():
    assert literal_prefix(r"(?:re)?elect") == ""
    assert literal_prefix(r"email|e-mail") == ""  # two starts
    assert literal_prefix(r"(?i)email") == ""
    assert literal_prefix(r"\d+ per cent") == ""
    assert literal_prefix(r"^Headline") == ""
    assert literal_prefix(r"[Ee]mail") == ""


def test_trie_pattern_matches_the_longest_word_first():
    pattern = regex.compile(trie_pattern(["cease", "ceasefire", "cut", "cutback"]))
    assert [m.group() for m in pattern.finditer("a ceasefire, a cutback, a cut, cease")] == ["ceasefire", "cutback", "cut", "cease"]


# Forms written for these tests: a rule of many pairs, as a hyphenation house style has.
_FORMS = [
    "emails?", "e-mails?", "ceasefires?", "cease-fires?", "online", "on-line", r"web[- ]?sites?",
    "startups?", "start-ups?", "payouts?", "pay-outs?", r"U\.S\.", "US", "Ill", r"S\. Korea",
]
_PIECES = ["email", "e-mail", "E-mail", "emails", "ceasefire", "cease-fire", "cease", "online", "on-line",
           "website", "web site", "web-site", "start-ups", "startup", "payout", "pay-outs", "U.S.", "US", "S. Korea",
           "Ill", "ill", " ", " ", ", ", ".", "-", "x", "’s", "\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16), st.booleans(), st.booleans())
def test_prefiltered_scan_finds_exactly_what_the_pattern_finds(pieces, ignorecase, word_bounded):
    text = "".join(pieces)
    flags = regex.IGNORECASE if ignorecase else 0
    wrap = (lambda f: rf"\b(?:{f})\b") if word_bounded else (lambda f: f)
    pattern = regex.compile("|".join(f"({wrap(f)})" for f in _FORMS), flags | regex.VERSION0)
    prefilter = Prefilter.build(pattern, _FORMS, flags, word_start=word_bounded)
    assert prefilter is not None
    doc = Document.from_text(text)
    assert doc.text == text
    third = len(text) // 3
    for start, end in ((0, len(text)), (third, len(text)), (0, 2 * third), (third, 2 * third)):
        expected = [(m.span(), m.lastindex) for m in pattern.finditer(text, start, end) if m.end() > m.start()]
        found = [(m.span(), m.lastindex) for m in prefilter.finditer(text, start, end, timeout=5)]
        assert found == expected, text
        # Candidates found once in the whole text and kept on the document: the same matches.
        kept = [(m.span(), m.lastindex) for m in prefilter.finditer(text, start, end, timeout=5, doc=doc)]
        assert kept == expected, (text, start, end)


def test_few_forms_or_no_prefix_means_no_prefilter():
    pattern = regex.compile("a|b")
    assert Prefilter.build(pattern, ["emails?", "e-mails?"], 0, True) is None
    assert Prefilter.build(pattern, _FORMS + [r"(?:re)?elect"], 0, True) is None


def test_consistency_rule_with_many_pairs_uses_the_prefilter(tmp_path):
    from stylecheck.config import Config
    from stylecheck.engine import Linter
    from stylecheck.source import Source

    style = tmp_path / "Desk"
    style.mkdir()
    pairs = "\n".join(f"  '{a}': '{b}'" for a, b in zip(_FORMS[0:10:2], _FORMS[1:10:2]))
    (style / "Hyphens.yml").write_text(f"extends: consistency\neither:\n{pairs}\n", encoding="utf-8")
    linter = Linter(Config(styles=(str(style),)))
    rule = linter.rules["Desk.Hyphens"]
    assert rule.prefilter is not None
    text = "Send an email. The e-mail came. Another email went. The cease-fire held."
    found = [(d.match, d.offset, d.message) for d in linter.lint_source(Source.from_text(text)).diagnostics]
    # AP prefers "email" (house setting preferred_forms, issue 14): the house's message, same finding.
    assert found == [("e-mail", 19, "'e-mail' here, but the house style is 'email' (1 to 2 uses).")]
