"""Each generic rule type, loaded from YAML the way a newsroom writes it, with exact findings."""
from __future__ import annotations

import textwrap

import pytest

from stylecheck.config import Config
from stylecheck.document import Document
from stylecheck.engine import Linter


def lint_with(tmp_path, rule_yaml: str, text: str, name: str = "Test", path: str = "a.txt", **config):
    style = tmp_path / "Newsroom"
    style.mkdir(exist_ok=True)
    (style / f"{name}.yml").write_text(textwrap.dedent(rule_yaml))
    linter = Linter(Config(styles=(str(style),), **config))
    return linter.lint_document(Document.from_text(text, path)).diagnostics


def spans(diagnostics):
    return [(d.rule, d.offset, d.match) for d in diagnostics]


def test_existence_tokens_ignorecase_and_word_boundaries(tmp_path):
    found = lint_with(
        tmp_path,
        """\
        extends: existence
        message: "Avoid '%s'."
        ignorecase: true
        level: error
        tokens: [very unique, utilize]
        """,
        "A Very Unique plan to utilize. Not underutilized.",
    )
    assert spans(found) == [("Newsroom.Test", 2, "Very Unique"), ("Newsroom.Test", 22, "utilize")]
    assert found[0].message == "Avoid 'Very Unique'."
    assert found[0].severity == "error"
    assert (found[0].line, found[0].column, found[0].end_column) == (1, 3, 14)


def test_existence_exceptions_and_replace_action(tmp_path):
    found = lint_with(
        tmp_path,
        """\
        extends: existence
        message: "Use 'cellphone' instead of '%s'."
        tokens: ['cell[ -]phone', 'cell phones?']
        exceptions: [cell-phone]
        action: {name: replace, params: [cellphone]}
        """,
        "A cell phone and a cell-phone.",
    )
    assert spans(found) == [("Newsroom.Test", 2, "cell phone")]
    assert found[0].suggestions == ("cellphone",)


def test_substitution_message_suggestions_and_recasing(tmp_path):
    found = lint_with(
        tmp_path,
        """\
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        swap:
          cease-fire: ceasefire
          e-mail: email
          '(\\w+)-wise': 'regarding $1|about $1'
        """,
        "Cease-fire talks by e-mail. Money-wise it failed.",
    )
    assert [(d.match, d.suggestions) for d in found] == [
        ("Cease-fire", ("Ceasefire",)),
        ("e-mail", ("email",)),
        ("Money-wise", ("Regarding Money", "About Money")),
    ]
    assert found[0].message == "Use 'Ceasefire' instead of 'Cease-fire'."
    assert found[2].message == "Use 'Regarding Money' or 'About Money' instead of 'Money-wise'."


def test_occurrence_max_per_sentence(tmp_path):
    found = lint_with(
        tmp_path,
        """\
        extends: occurrence
        message: "Too many commas in one sentence."
        scope: sentence
        max: 2
        token: ','
        """,
        "One, two, three, four. Five, six.",
    )
    assert [(d.offset, d.match) for d in found] == [(0, "One, two, three, four.")]


def test_repetition_doubled_word_across_a_line_break(tmp_path):
    found = lint_with(
        tmp_path,
        """\
        extends: repetition
        message: "'%s' is repeated."
        alpha: true
        ignorecase: true
        tokens: ['[^\\s]+']
        """,
        "It was the\nthe end. Then then. LL Cool J. 42 42.",
    )
    assert [(d.line, d.column, d.match) for d in found] == [(1, 8, "the\nthe"), (2, 10, "Then then")]
    assert found[0].end_line == 2 and found[0].end_column == 4


def test_consistency_reports_minority_with_counts(tmp_path):
    rule = """\
        extends: consistency
        message: "'%s' here, but '%s' elsewhere (%s to %s)."
        either:
          advisor: adviser
        """
    found = lint_with(tmp_path, rule, "The adviser met an advisor. Another adviser left.")
    assert [(d.match, d.message, d.suggestions) for d in found] == [
        ("advisor", "'advisor' here, but 'adviser' elsewhere (1 to 2).", ("adviser",))
    ]
    # A tie: the first form in the article is its choice.
    tie = lint_with(tmp_path, rule, "The advisor met an adviser.")
    assert [d.match for d in tie] == ["adviser"]


def test_consistency_vale_mode_flags_the_second_form(tmp_path):
    found = lint_with(
        tmp_path,
        """\
        extends: consistency
        mode: vale
        message: "Inconsistent spelling of '%s'."
        either:
          advisor: adviser
        """,
        "The advisor met an adviser. Another adviser left.",
    )
    assert [d.match for d in found] == ["adviser", "adviser"]


def test_conditional_acronym_needs_definition(tmp_path):
    found = lint_with(
        tmp_path,
        """\
        extends: conditional
        message: "Spell out '%s' at first use."
        first: '\\b([A-Z]{3,5})\\b'
        second: '(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3,5})\\)'
        exceptions: [NATO]
        """,
        "The Federal Aviation Administration (FAA) and NATO met the NTSB.",
    )
    assert [(d.offset, d.match) for d in found] == [(59, "NTSB")]


def test_skipquotes_ignores_quoted_speech(tmp_path):
    rule = """\
        extends: existence
        message: "Avoid '%s'."
        skipquotes: true
        tokens: [gonna]
        """
    found = lint_with(tmp_path, rule, 'They are gonna vote. "We are gonna win," she said.')
    assert [d.offset for d in found] == [9]


def test_scope_heading_only(tmp_path):
    rule = """\
        extends: existence
        message: "No exclamation marks in headlines."
        scope: heading
        nonword: true
        tokens: ['!']
        """
    found = lint_with(tmp_path, rule, "# Big news!\n\nIt happened!\n", path="a.md")
    assert [(d.line, d.column) for d in found] == [(1, 11)]


def test_limit_caps_findings_per_file(tmp_path):
    rule = """\
        extends: existence
        message: "Avoid '%s'."
        limit: 1
        tokens: [really]
        """
    found = lint_with(tmp_path, rule, "really really? really.")
    assert len(found) == 1


@pytest.mark.parametrize(
    "body,expected",
    [
        ("extends: existence\nmessage: x\n", "an existence rule needs 'tokens' or 'raw'"),
        ("extends: substitution\nswap: {}\n", "a substitution rule needs a non-empty 'swap' mapping"),
        ("extends: occurrence\ntoken: x\n", "an occurrence rule needs 'max' or 'min'"),
        ("extends: conditional\nfirst: x\n", "a conditional rule needs 'first' and 'second' patterns"),
        ("extends: consistency\n", "a consistency rule needs an 'either' mapping"),
    ],
)
def test_missing_required_keys(tmp_path, body, expected):
    from stylecheck.ruletypes import RuleError

    with pytest.raises(RuleError) as info:
        lint_with(tmp_path, body, "x")
    assert expected in str(info.value)


def test_scope_quote_and_paragraph(tmp_path):
    quote_rule = """\
        extends: existence
        message: "Quoted '%s'."
        scope: quote
        tokens: [really]
        """
    text = 'It was really late. "We really tried," she said.\n\nReally, no.'
    found = lint_with(tmp_path, quote_rule, text, name="InQuotes")
    assert [(d.offset, d.match) for d in found] == [(text.index("really tried"), "really")]
    paragraph_rule = """\
        extends: occurrence
        message: "Paragraph too long."
        scope: paragraph
        max: 5
        token: '\\b\\w+\\b'
        """
    found = [d for d in lint_with(tmp_path, paragraph_rule, text, name="Long") if d.rule == "Newsroom.Long"]
    assert [(d.line, d.column, d.end_line, d.end_column) for d in found] == [(1, 1, 1, 49)]
