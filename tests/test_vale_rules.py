"""Vale-mode rule types on one's own tiny Vale rules and sentences: Vale's semantics, exact spans."""
from __future__ import annotations

import pytest

from stylecheck.valecompat import ValeRegexError, required_literal, translate

from .vale_helpers import lint_text, make_project, spans


def test_existence_keeps_vales_alternation_order(tmp_path):
    # Vale joins tokens in the order written (no longest-first sort): "In" wins over "In fact".
    ini = make_project(tmp_path, {"Filler": """
        extends: existence
        message: "Avoid '%s'."
        ignorecase: true
        tokens: [in, in fact]
    """})
    found = lint_text(tmp_path, ini, "In fact, the mayor left early.\n")
    assert spans(found) == [("Test.Filler", 1, 1, "In")]
    assert found[0].message == "Avoid 'In'."
    assert found[0].severity == "warning"  # Vale's default level


def test_existence_exceptions_are_searched_and_case_sensitive(tmp_path):
    ini = make_project(tmp_path, {"Adverbs": r"""
        extends: existence
        message: "Cut '%s'."
        ignorecase: true
        level: suggestion
        tokens: ['\w+ly']
        exceptions: [only]
    """})
    found = lint_text(tmp_path, ini, "Only the truly brave read only the budget.\n")
    # "only" is an exception; "Only" is not, since Vale's exceptions ignore `ignorecase`.
    assert spans(found) == [("Test.Adverbs", 1, 1, "Only"), ("Test.Adverbs", 1, 10, "truly")]
    assert {d.severity for d in found} == {"suggestion"}


def test_existence_raw_and_paragraph_scope_anchor(tmp_path):
    ini = make_project(tmp_path, {"ButStart": """
        extends: existence
        message: "Do not open a paragraph with '%s'."
        level: error
        scope: paragraph
        tokens: ['^But']
    """})
    text = "The council met on Monday.\n\nBut the vote failed, and But was a name.\n"
    assert spans(lint_text(tmp_path, ini, text)) == [("Test.ButStart", 3, 1, "But")]


def test_existence_nonword_and_code_point_columns(tmp_path):
    ini = make_project(tmp_path, {"Dots": r"""
        extends: existence
        message: "Use an ellipsis character, not '%s'."
        nonword: true
        tokens: ['\.\.\.']
    """})
    found = lint_text(tmp_path, ini, "Café owners waited...\n")
    assert spans(found) == [("Test.Dots", 1, 19, "...")]
    assert found[0].offset == 18 and found[0].end_column == 22


def test_substitution_group_reference_capitalize_and_sentence_message(tmp_path):
    ini = make_project(tmp_path, {
        "Wise": r"""
            extends: substitution
            message: "Use '%s' instead of '%s'."
            ignorecase: true
            swap:
              '(\w+)wise': 'in terms of $1'
        """,
        "Truce": """
            extends: substitution
            message: "Prefer '%s' over '%s'."
            capitalize: true
            ignorecase: true
            swap:
              cease-fire: ceasefire
        """,
        "Plain": """
            extends: substitution
            message: "Use '%s' instead of '%s'."
            action:
              name: replace
            swap:
              utilise: use|employ
        """,
    })
    found = lint_text(tmp_path, ini, "Taxwise, the cease-fire failed. Cease-fire talks utilise old maps.\n")
    assert spans(found) == [
        ("Test.Wise", 1, 1, "Taxwise"),
        ("Test.Truce", 1, 14, "cease-fire"),
        ("Test.Truce", 1, 33, "Cease-fire"),
        ("Test.Plain", 1, 50, "utilise"),
    ]
    messages = [d.message for d in found]
    assert messages[0] == "Use 'in terms of Tax' instead of 'Taxwise'."
    assert messages[2] == "Prefer 'Ceasefire' over 'Cease-fire'."
    assert messages[3] == "Use 'use' or 'employ' instead of 'utilise'."
    assert found[3].suggestions == ("use", "employ")


def test_substitution_skips_text_already_right(tmp_path):
    ini = make_project(tmp_path, {"Mail": """
        extends: substitution
        message: "Use '%s' instead of '%s'."
        ignorecase: true
        swap:
          'e-?mail': email
    """})
    assert spans(lint_text(tmp_path, ini, "Send an email or an e-mail.\n")) == [("Test.Mail", 1, 21, "e-mail")]


def test_repetition_counts_like_vale(tmp_path):
    ini = make_project(tmp_path, {"Twice": r"""
        extends: repetition
        message: "'%s' is repeated!"
        alpha: true
        tokens: ['[^\s]+']
    """})
    text = "The the clerk said it was very very very late.\nWords at the end end\nend of a line stay apart.\n"
    found = lint_text(tmp_path, ini, text)
    # Case counts (no `ignorecase`), a run of three gives two findings, a line break separates.
    assert spans(found) == [
        ("Test.Twice", 1, 27, "very very"),
        ("Test.Twice", 1, 32, "very very"),
        ("Test.Twice", 2, 14, "end end"),
    ]
    assert found[0].message == "'very' is repeated!"


def test_consistency_vale_reports_once_at_the_last_form(tmp_path):
    ini = make_project(tmp_path, {"Spelling": """
        extends: consistency
        message: "Inconsistent spelling of '%s'."
        level: error
        ignorecase: true
        either:
          adviser: advisor
    """})
    text = "The adviser spoke first.\n\nAn advisor replied, and the adviser left.\n"
    found = lint_text(tmp_path, ini, text)
    assert spans(found) == [("Test.Spelling", 3, 29, "adviser")]
    assert found[0].message == "Inconsistent spelling of 'adviser'."
    assert lint_text(tmp_path, ini, "The adviser spoke. The adviser left.\n") == []


def test_conditional_flags_undefined_acronyms(tmp_path):
    ini = make_project(tmp_path, {"Define": r"""
        extends: conditional
        message: "'%s' has no definition."
        first: '\b[A-Z]{3,5}\b'
        second: '(?:\b[A-Z][a-z]+ )+\(([A-Z]{3,5})\)'
        exceptions: [BBC]
    """})
    text = "The Port Workers Union (PWU) met the BBC. PWU leaders and NUJ staff agreed.\n"
    assert spans(lint_text(tmp_path, ini, text)) == [("Test.Define", 1, 59, "NUJ")]


def test_occurrence_reports_count_at_first_match(tmp_path):
    ini = make_project(tmp_path, {"Long": r"""
        extends: occurrence
        message: "This sentence has %s words."
        scope: sentence
        max: 6
        token: '\b\w+\b'
    """})
    text = "Short one here. The committee voted late on Tuesday to delay the harbour plan.\n"
    found = lint_text(tmp_path, ini, text)
    assert spans(found) == [("Test.Long", 1, 17, "The")]
    assert found[0].message == "This sentence has 11 words."


def test_capitalization_sentence_and_title_on_markdown_headings(tmp_path):
    ini = make_project(tmp_path, {
        "Sentence": """
            extends: capitalization
            message: "'%s' should use sentence-style capitalization."
            scope: heading
            match: $sentence
            exceptions: [Harbour Board]
        """,
    })
    text = "# Dock Workers Walk Out Again\n\nBody text here.\n\n## Talks with the Harbour Board resume\n"
    found = lint_text(tmp_path, ini, text, name="story.md")
    assert spans(found) == [("Test.Sentence", 1, 3, "Dock Workers Walk Out Again")]
    assert found[0].suggestions == ("Dock workers walk out again",)
    title = make_project(tmp_path / "t", {"Title": """
        extends: capitalization
        message: "'%s' should be in title case."
        scope: heading
        match: $title
    """})
    found = lint_text(tmp_path / "t", title, "# the mayor of the city resigns\n\n# The Mayor of the City Resigns\n", name="story.md")
    assert spans(found) == [("Test.Title", 1, 3, "the mayor of the city resigns")]
    assert found[0].suggestions == ("The Mayor of the City Resigns",)


def test_metric_formula_and_condition(tmp_path):
    ini = make_project(tmp_path, {"Wordy": """
        extends: metric
        message: "Average sentence length is %s words."
        formula: words / sentences
        condition: "> 7"
    """})
    text = "The council of the northern harbour town voted late on a wet Tuesday night. It failed.\n"
    found = lint_text(tmp_path, ini, text)
    assert [(d.rule, d.line, d.column, d.length) for d in found] == [("Test.Wordy", 1, 1, 0)]
    assert found[0].message == "Average sentence length is 8.00 words."
    assert lint_text(tmp_path, ini, "Short. Very short.\n") == []


def test_metric_refuses_code(tmp_path, cli):
    ini = make_project(tmp_path, {"Evil": """
        extends: metric
        message: "%s"
        formula: __import__('os').getcwd()
        condition: "> 1"
    """})
    (tmp_path / "a.txt").write_text("Words here.\n")
    result = cli("--config", str(ini), str(tmp_path / "a.txt"))
    assert result.code == 2
    assert "Test.Evil" in result.err and "Traceback" not in result.err


def test_vocab_accept_reject_and_vale_builtins(tmp_path):
    ini = make_project(
        tmp_path,
        {"Places": """
            extends: existence
            message: "Check the spelling of '%s'."
            tokens: [Kyiv, Kiev, Odesa]
        """},
        accept="# newsroom spellings\nKyiv\nOdesa\n",
        reject="irregardless\n",
        ini="StylesPath = styles\nVocab = Desk\n\n[*.txt]\nBasedOnStyles = Vale, Test\n",
    )
    text = "Officials in Kyiv and Kiev said irregardless of kyiv that the the port reopened.\n"
    found = lint_text(tmp_path, ini, text)
    assert spans(found) == [
        ("Test.Places", 1, 23, "Kiev"),
        ("Vale.Avoid", 1, 33, "irregardless"),
        ("Vale.Terms", 1, 49, "kyiv"),
        ("Vale.Repetition", 1, 59, "the the"),
    ]
    assert found[2].message == "Use 'Kyiv' instead of 'kyiv'."


def test_min_alert_level_and_rule_switches(tmp_path):
    rules = {
        "Soft": """
            extends: existence
            message: "Soft '%s'."
            level: suggestion
            tokens: [perhaps]
        """,
        "Loud": """
            extends: existence
            message: "Loud '%s'."
            tokens: [surely]
        """,
        "Off": """
            extends: existence
            message: "Off '%s'."
            tokens: [maybe]
        """,
    }
    ini = make_project(tmp_path, rules, ini=(
        "StylesPath = styles\nMinAlertLevel = warning\n\n[*.txt]\nBasedOnStyles = Test\n"
        "Test.Loud = error\nTest.Off = NO\n"
    ))
    found = lint_text(tmp_path, ini, "Perhaps, surely, maybe.\n")
    assert [(d.rule, d.severity, d.match) for d in found] == [("Test.Loud", "error", "surely")]


def test_regex_translation():
    assert translate(r"x{,3}") == r"x\{,3}"
    assert translate(r"a{2,3}b") == r"a{2,3}b"
    assert translate(r"\Q1.5\E") == r"1\.5"
    assert translate(r"end\Z") == r"end(?=\n?\Z)"
    assert translate(r"[\]a]+") == r"[\]a]+"
    for bad in (r"a*+", r"(?U)a+", r"[a-z-[aeiou]]"):
        with pytest.raises(ValeRegexError):
            translate(bad)


def test_required_literal_for_pruning():
    assert required_literal(r"congress(?:m[ae]n|wom[ae]n)") == "congress"
    assert required_literal(r"boys?") == "boy"
    assert required_literal(r"(?:bunch|group) of wolves") == " of wolves"
    assert required_literal(r"a|b") is None
    assert required_literal(r"(?i)word") is None
