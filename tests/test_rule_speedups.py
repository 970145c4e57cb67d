"""The speed-ups of the newsroom rule types find exactly what the plain scans they replace find."""
from __future__ import annotations

import re

from stylecheck.config import Config
from stylecheck.document import Document
from stylecheck.engine import Linter
from stylecheck.wordlists import WordStarts

TEXT = (
    "The colour guard's co-operation was praised; the color of the cooperation was not.\n\n"
    "Watercolours and colourful e-mails: an email, a co-operative and colours' owners.\n\n"
    "A cease-fire, a ceasefire and the well-organised, organized organisation colour"
)


def _plain(pattern: "re.Pattern[str]", doc: Document, segments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [m.span() for start, end in segments for m in pattern.finditer(doc.prose, start, end)]


def test_word_starts_matches_what_finditer_finds_in_every_segment():
    index = WordStarts()
    assert index.add(["colour", "colours", "color", "email", "e-mail", "co-operation", "cooperation", "ceasefire"])
    pattern = re.compile(r"(?<![\w'’-])(?:colours?|color|e-?mail|co-?operation|ceasefire)(?![\w'’-])")
    doc = Document.from_text(TEXT)
    # Whole blocks, a segment cut in the middle of a word, and overlapping segments.
    cut = TEXT.index("colourful") + 6
    segments = [(b.start, b.end) for b in doc.blocks] + [(0, cut), (TEXT.index("color "), len(TEXT))]
    found = [m.span() for m in index.matches(pattern, doc, segments)]
    assert found == _plain(pattern, doc, segments)
    assert (TEXT.index("colourful"), cut) in found  # cut at the segment end, as finditer reads it


def test_word_starts_refuses_words_that_do_not_start_with_a_word_character():
    index = WordStarts()
    assert not index.add(["-fold", "colour"])
    assert index.words == set()


def test_dialect_and_variants_find_what_their_own_patterns_find():
    linter = Linter(Config(preset="british"))
    spelling = linter.rules["House.Spelling"]
    hyphenation = linter.rules["House.Hyphenation"]
    assert spelling.word_starts is hyphenation.word_starts is not None
    doc = Document.from_text(TEXT)
    segments = [(b.start, b.end) for b in doc.blocks]
    by_index = [m.span() for m in spelling.word_starts.matches_by(spelling._form_at, doc, segments)]
    assert by_index == _plain(spelling.pattern, doc, segments)
    assert [TEXT[s:e] for s, e in by_index] == ["colour", "color", "colourful", "organised", "organized", "organisation", "colour"]
    by_index = [m.span() for m in hyphenation.word_starts.matches(hyphenation.pattern, doc, segments)]
    assert by_index == _plain(hyphenation.pattern, doc, segments)
    assert [TEXT[s:e] for s, e in by_index] == ["co-operation", "cooperation", "e-mails", "email", "co-operative", "cease-fire", "ceasefire"]


def test_number_words_through_the_shared_scan_find_what_the_plain_scan_finds():
    linter = Linter(Config(preset="ap"))
    rule = linter.rules["House.LargeNumbers"]
    assert rule.word_starts is not None
    text = (
        "Often the committee met twenty-one times, and forty delegates came from eleven towns.\n\n"
        "Sixty-five people, a non-twenty rule, the twelve's coach and plenty of fifteen-year-olds voted.\n\n"
        "Between 'thirty' and “ninety” members wrote to the eighteen chairs of the forty-four boards."
    )
    doc = Document.from_text(text)
    shared = [(m.start, m.end, m.message) for m in rule.check(doc)]
    rule.word_starts = None  # the plain scan of the whole pattern in every segment
    try:
        plain = [(m.start, m.end, m.message) for m in rule.check(Document.from_text(text))]
    finally:
        rule.word_starts = linter.rules["House.Spelling"].word_starts
    assert shared == plain
    assert [text[s:e] for s, e, _ in shared] == ["twenty-one", "forty", "eleven", "ninety", "eighteen", "forty-four"]


def test_percent_finds_each_form_in_its_own_paragraph_after_the_quick_skip():
    # A desk that writes "per cent" (the British preset's default is "%" since issue 14).
    linter = Linter(Config(preset="british", settings=(("percent", "per cent"),)))
    text = (
        "Prices rose by 5 percent in the spring.\n\n"
        "No figure at all in this paragraph.\n\n"
        "Rents went up 7 per cent and wages 2pc.\n\n"
        "Fares climbed 3 pct while fuel fell 4%."
    )
    found = [(d.match, d.suggestions) for d in linter.lint_source(Document.from_text(text).source).diagnostics if d.rule == "House.Percent"]
    # The house form is "per cent": the paragraph that uses it has nothing to report.
    assert found == [("5 percent", ("5 per cent",)), ("3 pct", ("3 per cent",)), ("4%", ("4 per cent",))]


def test_figure_rules_tried_at_number_starts_find_what_a_scan_of_each_segment_finds():
    linter = Linter(Config(preset="ap"))
    text = (
        "3 people came. The team won 3 of 4 games and 2 players left; 7 others stayed on.\n\n"
        "It cost 12,500 dollars, then 13500 dollars, and ½5 is odd. In 1999 about 4 in 10 agreed.\n\n"
        "5 ministers met 9 envoys at 10:30. The 80386 chip sold 25000 units and 1,200 more in March."
    )
    for rule_id in ("House.SmallNumbers", "House.FigureAtSentenceStart", "House.ThousandsSeparators"):
        rule = linter.rules[rule_id]
        doc = Document.from_text(text)
        found = [(m.start, m.end, m.message) for m in rule.check(doc)]

        def plain_scan(doc: Document, rule=rule):
            for start, end in rule.segments(doc):
                yield from rule.pattern.finditer(doc.prose, start, end)

        rule._at_number_starts = plain_scan  # the scan it replaces, on this instance only
        try:
            plain = [(m.start, m.end, m.message) for m in rule.check(Document.from_text(text))]
        finally:
            del rule._at_number_starts
        assert found == plain, rule_id
        assert found, rule_id  # each rule has something to say about this text


def test_word_starts_finds_the_same_matches_before_and_after_it_compiles_its_trie():
    runs, trie = WordStarts(), WordStarts()
    trie.DOCUMENTS_BEFORE_TRIE = 0  # this instance compiles its trie for its first document
    words = ["colour", "colours", "color", "email", "e-mail", "co-operation", "cooperation", "ceasefire"]
    assert runs.add(words) and trie.add(words)
    pattern = re.compile(r"(?<![\w'’-])(?:colours?|color|e-?mail|co-?operation|ceasefire)(?![\w'’-])")
    cut = TEXT.index("colourful") + 6
    for doc in (Document.from_text(TEXT), Document.from_text(TEXT.upper()), Document.from_text(TEXT[:cut])):
        segments = [(b.start, b.end) for b in doc.blocks] + [(0, min(cut, len(doc.prose)))]
        found = [m.span() for m in runs.matches(pattern, doc, segments)]
        assert found == [m.span() for m in trie.matches(pattern, doc, segments)] == _plain(pattern, doc, segments)
    assert runs._pattern is None and trie._pattern is not None


def test_lowercase_words_of_ascii_text_are_those_the_unicode_scan_finds():
    from stylecheck.wordlists import _LOWERCASE_RUN, _NOT_A_WORD_CHARACTER, _lowercase_words, distinct_matches

    texts = [
        "the cat_sat on mat2 and don't stop; ok-then x",
        "Mixed CASE words, a b c, under_score and 3rd place\nnew line\ttab",
        "",
    ]
    for text in texts:
        assert _lowercase_words(text) == distinct_matches(text, _LOWERCASE_RUN, _NOT_A_WORD_CHARACTER)
    assert _lowercase_words("the cat sat") == {"the", "cat", "sat"}
    assert _lowercase_words("déjà vu and naïve café") == {"déjà", "vu", "and", "naïve", "café"}
