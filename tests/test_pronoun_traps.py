"""The trap set: real sentences from ../shared/corpus where his/her/himself/herself refers to a
person beside a place or organisation name (bench/pronoun_traps.yml, built by
bench/build_pronoun_traps.py; offsets only, no corpus text). House.PronounAgreement stays silent on
every one, each document linted whole under its desk's preset (BBC British, the others AP)."""
from __future__ import annotations

import gzip
import json
from collections import defaultdict

import yaml

from stylecheck.config import Config
from stylecheck.engine import Linter
from stylecheck.source import Source

from .conftest import ROOT, SHARED, needs_shared

RULE = "House.PronounAgreement"
CORPUS = SHARED / "corpus"
PRESETS = {"bbc": "british", "reuters": "ap", "fixtures": "ap"}


def _traps():
    data = yaml.safe_load((ROOT / "bench" / "pronoun_traps.yml").read_text(encoding="utf-8"))
    return data["traps"]


def _texts(wanted: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    texts = {}
    for name in wanted.get("bbc", ()):
        texts[("bbc", name)] = (CORPUS / "bbc" / name).read_text(encoding="utf-8", errors="replace")
    for name in wanted.get("fixtures", ()):
        texts[("fixtures", name)] = (CORPUS / "extractor_fixtures" / name).read_text(encoding="utf-8", errors="replace")
    if wanted.get("reuters"):
        with gzip.open(CORPUS / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                if str(item.get("id")) in wanted["reuters"]:
                    texts[("reuters", str(item["id"]))] = item["text"]
    return texts


def test_trap_set_is_large_enough_and_holds_offsets_only():
    traps = _traps()
    assert len(traps) >= 300
    for corpus, name, offset, word in traps:
        assert corpus in PRESETS and isinstance(name, str) and isinstance(offset, int)
        assert word in ("his", "her", "himself", "herself")


@needs_shared(CORPUS)
def test_no_finding_on_any_trap():
    traps = _traps()
    wanted: dict[str, set[str]] = defaultdict(set)
    for corpus, name, _offset, _word in traps:
        wanted[corpus].add(name)
    texts = _texts(wanted)
    linters = {preset: Linter(Config(preset=preset, select=(RULE,))) for preset in set(PRESETS.values())}
    findings: dict[tuple[str, str], list] = {}
    for (corpus, name), text in texts.items():
        findings[(corpus, name)] = linters[PRESETS[corpus]].lint_source(Source.from_text(text, name)).diagnostics
    wrong = []
    for corpus, name, offset, word in traps:
        text = texts[(corpus, name)]
        assert text[offset : offset + len(word)] == word, (corpus, name, offset)  # the set matches the corpus
        if any(d.offset == offset for d in findings[(corpus, name)]):
            wrong.append((corpus, name, offset))
    assert wrong == []
