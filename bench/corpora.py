"""The shared corpora, read one way by every accuracy script in bench/.

Each corpus is linted under the preset of the desk that edited it: BBC copy under the British
preset, Reuters and the web articles (mostly US) under AP. Documents are named by their path inside
the corpus folder (``business_001.txt``) or by their id (``reut_00001``).

**Build and held-out documents.** A data list learned from the corpora (pronoun preferences, word
frequencies from news, known names) is built from the *build* documents only. About one document in
five is *held out* (``held_out(name)``, a fixed hash of the name, never chosen by hand), so every
figure can be reported twice: on all documents, and on text the lists were not built from.

The corpora are found beside the checkout (``../shared``) or at ``$STYLECHECK_SHARED``; no corpus
text is ever copied into the project.
"""
from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from pathlib import Path
from typing import Iterator, NamedTuple

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def shared_dir() -> Path:
    return Path(os.environ.get("STYLECHECK_SHARED") or ROOT.parent / "shared")


class Corpus(NamedTuple):
    name: str
    path: Path
    preset: str


def corpora() -> dict[str, Corpus]:
    base = shared_dir() / "corpus"
    return {
        "bbc": Corpus("bbc", base / "bbc", "british"),
        "reuters": Corpus("reuters", base / "reuters21578.jsonl.gz", "ap"),
        "fixtures": Corpus("fixtures", base / "extractor_fixtures", "ap"),
    }


def corpus(name: str) -> Corpus:
    known = corpora()
    if name not in known:
        raise SystemExit(f"unknown corpus {name!r}; pick one of {', '.join(known)}")
    found = known[name]
    if not found.path.exists():
        raise SystemExit(f"{found.path}: not found (put ../shared beside the checkout or set STYLECHECK_SHARED)")
    return found


def read_documents(path: Path) -> Iterator[tuple[str, str]]:
    """(name, text) pairs from a folder of .txt/.md files or a JSON-lines file (gzipped or not)."""
    if path.is_dir():
        for file in sorted(path.rglob("*")):
            if file.suffix in (".txt", ".md") and file.name != "PROVENANCE.md":
                yield str(file.relative_to(path)), file.read_text(encoding="utf-8", errors="replace")
    else:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                yield str(item.get("id")), item["text"]


def held_out(name: str) -> bool:
    """True for about one document in five: never used to build a data list."""
    return zlib.crc32(name.encode("utf-8")) % 5 == 0


def documents(name: str, split: str = "all", limit: int = 0) -> Iterator[tuple[str, str]]:
    """The corpus's documents; ``split`` is ``all``, ``build`` or ``held-out``."""
    count = 0
    for doc_name, text in read_documents(corpus(name).path):
        if split == "build" and held_out(doc_name) or split == "held-out" and not held_out(doc_name):
            continue
        yield doc_name, text
        count += 1
        if limit and count >= limit:
            return


def linter_for_preset(preset: str, select: tuple[str, ...] | None = None):
    """A linter with the bundled house style under ``preset`` (all rules, or ``select``)."""
    from stylecheck.config import Config
    from stylecheck.engine import Linter

    return Linter(Config(preset=preset, select=select))


def lint_text(linter, text: str, name: str):
    """The diagnostics of ``text`` linted as plain text named ``name``."""
    from stylecheck.source import Source

    return linter.lint_source(Source.from_text(text, name)).diagnostics
