"""Structure before prose (issue 14): one notion of what is running prose, judged by paragraph, used
by every rule's scope; and the style rules that lean on it (acronyms, abbreviations, numerals,
spelling, percent) with the preset deciding the form."""
from __future__ import annotations

import pytest

from stylecheck.config import Config
from stylecheck.document import Document
from stylecheck.engine import Linter

from .conftest import lint_rule as lint


def kinds(text: str, fmt: str | None = None) -> list[tuple[str, str]]:
    doc = Document.from_text(text, "story.md" if fmt == "markdown" else "story.txt")
    return [(p.kind, doc.prose[p.start : p.end]) for p in doc.structure.paragraphs]


def spans(text: str) -> list[tuple[str, str]]:
    doc = Document.from_text(text, "story.txt")
    return [(kind, doc.prose[s:e]) for s, e, kind in doc.structure.spans]


WIRE = (
    "ACME MILLS <ACM> TO CLOSE PLANT\n"
    "\n"
    "DULUTH, Minn., March 3 - Acme Mills Inc said it would close\n"
    "its Duluth plant, where 4 lines make flour, by the end of\n"
    "the year.\n"
    "    The company, which employs 300 people there, said demand\n"
    "had fallen for 3 years.\n"
    "    Shr 1.10 dlrs vs 90 cts\n"
    "    Net 4,500,000 vs 3,700,000\n"
    "    NOTE: results are unaudited.\n"
    " Reuter\n"
)


def test_wire_story_paragraphs_and_what_is_not_prose():
    assert kinds(WIRE) == [
        ("caps", "ACME MILLS <ACM> TO CLOSE PLANT"),
        ("prose", "DULUTH, Minn., March 3 - Acme Mills Inc said it would close\nits Duluth plant, where 4 lines make flour, by the end of\nthe year."),
        ("prose", "The company, which employs 300 people there, said demand\nhad fallen for 3 years."),
        ("table", "Shr 1.10 dlrs vs 90 cts"),
        ("table", "Net 4,500,000 vs 3,700,000"),
        ("prose", "NOTE: results are unaudited."),
        ("label", "Reuter"),
    ]
    assert spans(WIRE) == [
        ("caps", "ACME MILLS "),
        ("ticker", "<ACM>"),
        ("caps", " TO CLOSE PLANT"),
        ("dateline", "DULUTH, Minn., March 3 - "),
        ("table", "Shr 1.10 dlrs vs 90 cts"),
        ("table", "Net 4,500,000 vs 3,700,000"),
        ("label", "NOTE: "),
        ("label", "Reuter"),
    ]


def test_hard_wrapped_lines_are_checked_as_the_paragraph_they_belong_to():
    # Neither line holding a figure ends like a sentence; both are running prose.
    assert [(d.match, d.line) for d in lint(WIRE, "House.SmallNumbers")] == [("4", 4), ("3", 7)]


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Council backs new bus lanes\n\nThe council voted on Monday to add lanes.", "headline"),
        ("Lead story\n\nThe council voted.\n\nPicture: the new lanes on Friday", "caption"),
        ("By Jane Doe and Sam Roe\n\nThe council voted on Monday.", "byline"),
        ("The council voted.\n\n2 / 18", "counter"),
        ("The council voted.\n\nNORTH      12664      11895", "table"),
        ("The council voted.\n\n$app->get('/x', function($y) { return $y; });", "code"),
        ("The council voted.\n\nGreat day at the lanes — Jo Smith (@josmith) May 2, 2014", "embed"),
        ("Posted: Tuesday, June 3, 2014, 9:12 PM\n\nThe council voted on Monday.", "byline"),
        ("Sam Roe | Staff Writer | Monday, 2 June 2014\n\nThe council voted on Monday.", "byline"),
    ],
)
def test_kinds_of_text_that_are_not_prose(text, kind):
    assert kinds(text)[-1][0] == kind or kinds(text)[0][0] == kind


def test_a_single_line_without_end_punctuation_is_a_headline_but_a_sentence_is_prose():
    assert kinds("Storm closes 4 bridges in the north") == [("headline", "Storm closes 4 bridges in the north")]
    assert kinds("Officials said 4 bridges were closed.") == [("prose", "Officials said 4 bridges were closed.")]


def test_markdown_headings_and_tables_are_not_prose():
    text = "# Storm hits 4 towns\n\nThe storm hit 4 towns.\n\n| town | homes |\n| --- | --- |\n| Ayr | 4 |\n"
    found = kinds(text, "markdown")
    assert found[0] == ("headline", "Storm hits 4 towns")
    assert ("prose", "The storm hit 4 towns.") in found
    assert all(kind == "table" for kind, _ in found[2:])


def test_scopes_prose_text_and_a_kind_excluded(tmp_path):
    style = tmp_path / "Desk"
    style.mkdir()
    (style / "Prose.yml").write_text("extends: existence\nmessage: found\nscope: prose\ntokens: [ACME, ACM]\n")
    (style / "Text.yml").write_text("extends: existence\nmessage: found\ntokens: [ACME, ACM]\n")
    (style / "NoCaps.yml").write_text("extends: existence\nmessage: found\nscope: [text, ~caps]\ntokens: [ACME, ACM]\n")
    linter = Linter(Config(styles=(str(style),)))
    found = linter.lint_document(Document.from_text(WIRE, "wire.txt")).diagnostics
    by_rule: dict[str, list] = {}
    for d in found:
        by_rule.setdefault(d.rule, []).append((d.line, d.column, d.match))
    # The capitals headline is text but not prose; its ticker <ACM> is not text for any rule.
    assert by_rule == {"Desk.Text": [(1, 1, "ACME")]}


# -- acronyms -----------------------------------------------------------------------------------------


def test_acronym_defined_by_an_expansion_in_any_case_earlier_even_on_a_wrapped_line():
    text = (
        "Patients with multiple sclerosis (MS) were\n"
        "studied by the team for two years.\n"
        "    The team said MS patients improved. The plant makes 400\n"
        "megawatts (MW) and a 40 MW unit is planned.\n"
    )
    assert lint(text, "House.Acronyms") == []


def test_acronym_expansion_in_words_that_are_not_in_order_or_with_connectors():
    assert lint("The U.S. Agriculture Department said the USDA would act.", "House.Acronyms") == []
    assert lint("The Energy Department said the DOE would act.", "House.Acronyms") == []
    assert lint("The export enhancement program, EEP, was extended.", "House.Acronyms") == []


def test_acronym_tickers_labels_and_company_names_are_not_uses():
    text = "Qorvex Systems Inc <QVX> said profit rose. QVX shares rose.\n\nNOTE: figures are unaudited.\n"
    assert lint(text, "House.Acronyms") == []
    assert lint("Talks with Zentrel Corp went well, and ZTL Corp was named.", "House.Acronyms") == []


def test_acronym_undefined_is_reported_once_at_its_first_use_in_prose():
    text = "GPCB RULING DUE\n\nThe GPCB said it would rule. The GPCB met."
    (d,) = lint(text, "House.Acronyms")
    assert (d.match, d.line, d.column) == ("GPCB", 3, 5)


# -- abbreviations: the preset decides ------------------------------------------------------------------


def test_abbreviations_recommend_the_preset_form_whatever_the_majority():
    text = "US officials met UK envoys. US troops and US ships left, and the U.S. said so."
    ap = lint(text, "House.Abbreviations", "ap")
    assert [(d.match, d.offset, d.suggestions) for d in ap] == [("US", 0, ("U.S.",)), ("US", 28, ("U.S.",)), ("US", 42, ("U.S.",))]
    assert ap[0].message == "'US' here, but the house style writes 'U.S.' (3 to 1 uses)."
    (uk,) = lint(text, "House.Abbreviations", "british")
    assert (uk.match, uk.suggestions) == ("U.S.", ("US",))


def test_abbreviations_without_a_house_preference_name_the_majority(tmp_path):
    text = "US officials met. US troops and US ships left, and the U.S. said so."
    (d,) = lint(text, "House.Abbreviations", "ap", preferred_forms=())
    assert (d.match, d.suggestions) == ("U.S.", ("US",))
    assert d.message == "'U.S.' here, but 'US' elsewhere in the article (1 to 3 uses): pick one form."


def test_abbreviations_names_shouting_quotes_and_headlines():
    # A form before a capitalised word may be a name: counted, never reported.
    assert lint("The U.S. firm said US Sprint would grow.", "House.Abbreviations") == []
    # "US" in a run of capitals is the pronoun.
    assert lint("U.S. officials met. Banners read \"PLEASE HELP US NOW\" outside.", "House.Abbreviations") == []
    # A headline drops the dots by convention: it neither votes nor is reported.
    assert lint("US AND EU TALK TRADE\n\nThe U.S. and the EU met.", "House.Abbreviations") == []
    # Without a house form, quoted speech does not vote: the article itself writes U.S. once and US once.
    # With quotes voting, US would win 3 to 1; without them it is a tie, and the first form (U.S.)
    # is the article's. Every US is reported, the quoted ones too; the counts are the votes.
    text = 'The U.S. agreed. "The US and US allies must act," he said. Later US envoys left.'
    found = lint(text, "House.Abbreviations", "ap", preferred_forms=())
    assert [(d.match, d.offset) for d in found] == [("US", 22), ("US", 29), ("US", text.index("US envoys"))]
    assert found[0].message == "'US' here, but 'U.S.' elsewhere in the article (1 to 1 uses): pick one form."


# -- numerals ---------------------------------------------------------------------------------------------


def test_small_numbers_not_on_names_or_counters_and_thousands_not_on_addresses():
    assert lint("The 3 network said its 3 customers left, and 3's boss agreed.", "House.SmallNumbers") == []
    assert lint("Photos\n\n2 / 18\n\nCrowds gathered.", "House.FigureAtSentenceStart") == []
    assert lint("The firm, at 12500 Elm Street, hired 14,000 staff and 2,500 temps.", "House.ThousandsSeparators") == []


def test_figure_at_sentence_start_with_percent_suggests_words_for_the_preset():
    text = "The survey was out on Monday. 27% of shops said sales fell."
    (ap,) = lint(text, "House.FigureAtSentenceStart", "ap")
    assert (ap.match, ap.offset, ap.suggestions) == ("27%", 30, ("Twenty-seven percent",))
    (uk,) = lint(text, "House.FigureAtSentenceStart", "british")
    assert uk.suggestions == ("Twenty-seven per cent",)


def test_thousands_separators_follow_the_house_whatever_the_majority():
    text = "The town has 12500 people, the district 40000 and the region 250,000."
    found = lint(text, "House.ThousandsSeparators")
    assert [(d.match, d.suggestions) for d in found] == [("12500", ("12,500",)), ("40000", ("40,000",))]
    assert found[0].message == "Thousands separators: '12500' here, but the house style writes numbers like '250,000' (2 to 1)."


# -- spelling, percent --------------------------------------------------------------------------------------


def test_spelling_keeps_proper_names_and_terms_of_art():
    assert lint("The latest labor department figures surprised markets.", "House.Spelling", "british") == []
    assert lint("Copper eased in kerb trading after the morning session.", "House.Spelling", "ap") == []
    (d,) = lint("The labor market and the labour market differ.", "House.Spelling", "british")
    assert (d.match, d.suggestions) == ("labor", ("labour",))


def test_percent_british_preset_follows_the_bbc_and_per_cent_is_a_setting():
    text = "Prices rose 4 per cent in May and 3% in June."
    (d,) = lint(text, "House.Percent", "british")
    assert (d.match, d.suggestions, d.severity) == ("4 per cent", ("4%",), "warning")
    (d,) = lint(text, "House.Percent", "british", percent="per cent")
    assert (d.match, d.suggestions) == ("3%", ("3 per cent",))
    (d,) = lint("Fees are 1-3/8 pct of the issue.", "House.Percent", "ap")
    assert (d.match, d.suggestions) == ("1-3/8 pct", ("1.375%",))


def test_vale_rules_keep_vales_scopes(tmp_path):
    # A Vale style reads tickers and labels as Vale would: structure is stylecheck's own.
    from stylecheck.config import load_config

    (tmp_path / "styles" / "V").mkdir(parents=True)
    (tmp_path / "styles" / "V" / "Tick.yml").write_text("extends: existence\nmessage: found '%s'\nlevel: warning\ntokens: [ACM]\n")
    (tmp_path / ".vale.ini").write_text("StylesPath = styles\n[*.txt]\nBasedOnStyles = V\n")
    (tmp_path / "wire.txt").write_text("Acme Mills Inc <ACM> said it would close a plant.\n")
    config = load_config(str(tmp_path / ".vale.ini"))
    found = Linter(config).lint_path(str(tmp_path / "wire.txt")).diagnostics
    assert [d.match for d in found] == ["ACM"]


def test_judgements_are_kept_by_position_and_span_only():
    import yaml

    from .conftest import ROOT

    data = yaml.safe_load((ROOT / "bench" / "judgements" / "style-consistency.yml").read_text(encoding="utf-8"))
    entries = data["findings"]
    assert len(entries) >= 400
    for entry in entries:
        assert set(entry) == {"corpus", "file", "line", "column", "rule", "match", "verdict", "why"}
        assert entry["verdict"] in (True, False, "debatable")  # YAML reads true/false as booleans
        assert isinstance(entry["line"], int) and isinstance(entry["column"], int)
        assert len(str(entry["match"])) <= 20 and len(entry["why"]) <= 160  # no corpus text


def test_a_run_of_paragraphs_that_each_open_with_a_figure_is_a_list_not_sentence_starts():
    # Web copy whose bullets were lost: each item opens with its figure.
    items = "What the survey of bus users found:\n\n41% of riders wait over ten minutes.\n\n" \
            "27% of stops have no shelter.\n\n12% of buses run late at night.\n\nThe council will act."
    assert lint(items, "House.FigureAtSentenceStart") == []
    # Two such paragraphs are no list: each is a sentence that opens with a figure.
    two = "The survey found much to fix.\n\n41% of riders wait over ten minutes.\n\n27% of stops have no shelter."
    assert [d.match for d in lint(two, "House.FigureAtSentenceStart")] == ["41%", "27%"]


def test_a_page_stamp_is_no_copy_for_the_time_and_date_rules():
    text = "Posted: Tuesday, June 3, 2014, 9:12 PM\n\nThe council met at 9:30 PM on Monday."
    assert [d.match for d in lint(text, "House.Times")] == ["9:30 PM"]
