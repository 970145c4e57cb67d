"""Where Vale's behaviour is a plain bug, stylecheck keeps the right behaviour (and says so here).

Vale does not carry a match's offset through: it searches the file again for the matched text
(internal/core/location.go), masking the first raw occurrence of each text it already placed.
bench/vale_compat.py replays that search to tell these cases apart from real disagreements;
the replay is checked here against hand-worked examples, next to stylecheck's true positions.
"""
from __future__ import annotations

import importlib.util

from stylecheck.document import Document

from .conftest import ROOT
from .vale_helpers import lint_text, make_project, spans


def _replay_module():
    spec = importlib.util.spec_from_file_location("vale_compat", ROOT / "bench" / "vale_compat.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def _vale_positions(tmp_path, ini, text):
    from stylecheck.engine import Linter
    from stylecheck.source import read_source
    from stylecheck.vale import load_vale_ini

    linter = Linter(load_vale_ini(str(ini)))
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    source = read_source(str(path))
    doc = Document.from_source(source)
    ours = linter.lint_document(doc).diagnostics
    replayed = _replay_module().replay(source.text, ours, linter, doc)
    return [replayed[i] for i in range(len(ours))]


# Vale handles texts under 1,000 bytes differently (it masks the words before each match), so
# the examples are followed by enough neutral text to be article-sized.
FILLER = "\n" + "Rain fell on the town all week long. " * 30 + "\n"

BE = """
    extends: existence
    message: "Try to avoid using '%s'."
    ignorecase: true
    tokens: [is, chairman]
"""


def test_vale_moves_a_match_into_an_earlier_word(tmp_path):
    # Vale masks the first raw "is" (inside "crisis") after its first alert; its next search then
    # finds "is" at the end of "cr##is" and reports the second alert there: a wrong position.
    ini = make_project(tmp_path, {"Be": BE})
    text = "The crisis is over, and the deal is done.\n" + FILLER
    assert spans(lint_text(tmp_path, ini, text)) == [("Test.Be", 1, 12, "is"), ("Test.Be", 1, 34, "is")]
    assert _vale_positions(tmp_path, ini, text) == [(1, 12, 13), (1, 9, 10)]


def test_vale_drops_a_second_alert_at_the_same_place(tmp_path):
    # Vale's search skips a match after a hyphen when there is another, so both "chairman"
    # alerts land on the second one, and its duplicate check drops one: a lost alert.
    ini = make_project(tmp_path, {"Be": BE})
    text = "The co-chairman met the chairman.\n" + FILLER
    assert spans(lint_text(tmp_path, ini, text)) == [("Test.Be", 1, 8, "chairman"), ("Test.Be", 1, 25, "chairman")]
    assert _vale_positions(tmp_path, ini, text) == [(1, 25, 32), None]
