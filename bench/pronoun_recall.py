"""Recall of House.PronounAgreement and House.ItsContraction on errors planted in real articles.

    python bench/pronoun_recall.py                          # every class, all documents
    python bench/pronoun_recall.py --split held-out         # documents the learned lists never saw
    python bench/pronoun_recall.py --classes its-his --show-missed 20

Built on bench/planting.py (one plant per document per class, fixed seed, the corpus's own preset).
Where an "its" belongs to its clause's subject is decided by bench/pronoun_plants.py, a method
written apart from the rule (read its docstring). The classes:

* ``its-his``: "its" -> "his" or "her" (seeded coin), any frame; labels: frame, subject kind.
* ``its-his/<frame>``: the same, one class per frame (after-verb, after-preposition,
  after-infinitive, coordinated), so that every frame gets its full share of plants.
* ``its-his/<kind>``: the same, one class per kind of subject (country, city or state, company,
  organisation: "the bank", institution: a listed body such as "the Kremlin").
* ``itself-himself``: "itself" -> "himself" or "herself" (the reflexive frame).
* ``its-their``: "its" -> "their" after a company or organisation subject, in the AP corpora only
  (reuters, fixtures): AP's collective agreement. The BBC keeps British plural agreement.
* ``its-it's``: any "its" outside quotes -> "it's".  ``it's-its``: any "it's" outside quotes -> "its".

Only file names, classes and labels are printed, never corpus text.
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from planting import Plant, arguments, measure  # noqa: E402
from pronoun_plants import subject_owned  # noqa: E402

PRONOUN = "House.PronounAgreement"
ITS = "House.ItsContraction"
FRAMES = ("after-verb", "after-preposition", "after-infinitive", "coordinated")
KINDS = ("country", "city or state", "company", "organisation", "institution")
_IT_S = re.compile(r"(?<![\w'’])([Ii]t)(['’])s(?![\w'’])")
_ITS = re.compile(r"(?<![\w'’])([Ii])ts(?![\w'’])")


def _swap(text: str, start: int, end: int, new: str, labels: dict, rules: tuple[str, ...]) -> Plant:
    changed = text[:start] + new + text[end:]
    return Plant(changed, start, start + len(new), rules, labels, start, end)


def its_to_person(frame: str | None = None, kind: str | None = None):
    def planter(text: str, rng: random.Random):
        for o in subject_owned(text):
            if o["word"] != "its" or frame is not None and o["frame"] != frame or kind is not None and o["kind"] != kind:
                continue
            new = rng.choice(("his", "her"))
            yield _swap(text, o["start"], o["end"], new, {"frame": o["frame"], "subject": o["kind"]}, (PRONOUN,))
    return planter


def itself_to_person(text: str, rng: random.Random):
    for o in subject_owned(text):
        if o["word"] == "itself":
            new = rng.choice(("himself", "herself"))
            yield _swap(text, o["start"], o["end"], new, {"frame": "reflexive", "subject": o["kind"]}, (PRONOUN,))


def its_to_their(text: str, rng: random.Random):
    for o in subject_owned(text):
        if o["word"] == "its" and o["kind"] in ("company", "organisation", "institution"):
            yield _swap(text, o["start"], o["end"], "their", {"frame": o["frame"], "subject": o["kind"]}, (PRONOUN,))


def its_to_contraction(text: str, rng: random.Random):
    from stylecheck.document import Document

    doc = Document.from_text(text, "plant.txt")
    for m in _ITS.finditer(text):
        if not doc.in_quote(m.start(), m.end()):
            yield _swap(text, m.start(), m.end(), f"{m.group(1)}t's", {}, (ITS,))


def contraction_to_its(text: str, rng: random.Random):
    from stylecheck.document import Document

    doc = Document.from_text(text, "plant.txt")
    for m in _IT_S.finditer(text):
        if not doc.in_quote(m.start(), m.end()):
            yield _swap(text, m.start(), m.end(), f"{m.group(1)}s", {}, (ITS,))


CLASSES = {
    "its-his": its_to_person(),
    **{f"its-his/{f}": its_to_person(f) for f in FRAMES},
    **{f"its-his/{k}": its_to_person(kind=k) for k in KINDS},
    "itself-himself": itself_to_person,
    "its-their": its_to_their,
    "its-it's": its_to_contraction,
    "it's-its": contraction_to_its,
}
AP_ONLY = {"its-their"}


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--classes", default=",".join(CLASSES), help="comma-separated: " + ", ".join(CLASSES))
    args = parser.parse_args(argv)
    wanted = [c.strip() for c in args.classes.split(",") if c.strip()]
    corpora_names = [c.strip() for c in args.corpus.split(",") if c.strip()]
    results = {}
    for corpus_name in corpora_names:
        classes = {c: CLASSES[c] for c in wanted if not (c in AP_ONLY and corpus_name == "bbc")}
        if classes:
            results.update(measure(classes, [corpus_name], args.split, args.per_class, args.seed, args.limit,
                                   args.show_missed, select=(PRONOUN, ITS)))
    print("\nall corpora together")
    total: dict[str, list[int]] = {}
    for key, row in results.items():
        cls = key.split("/", 1)[1]
        t = total.setdefault(cls, [0, 0])
        t[0] += row["planted"]
        t[1] += row["found"]
        for label, c in row["labels"].items():
            t = total.setdefault(f"{cls} {label}", [0, 0])
            t[0] += c["planted"]
            t[1] += c["found"]
    for key, (planted, found) in total.items():
        print(f"  {key:<58} {planted:>6} {found:>6} {found / planted if planted else 0:>7.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
