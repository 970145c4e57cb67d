"""Build rules/data/acronym-usage.yml: what edited news copy shows about acronyms, learned from the
corpora's build documents.

    python bench/build_acronym_usage.py            # writes rules/data/acronym-usage.yml
    python bench/build_acronym_usage.py --report   # also prints the counts behind each entry

House.Acronyms asks for an acronym to be spelled out unless the article explains it or the house
counts it as well known. Two lists carry evidence across articles, the way acronym-companies.yml
does for companies. Each is decided by the rule's own reading of each article's first use of an
acronym (``Acronym.first_uses``, with these two lists left out), over the *build* documents of the
three corpora only (never the held-out ones, see corpora.py). Only the initials are kept, no text.

``names``: initials that are a name, not an abbreviation (a band, a news agency, a product). Their
first use stands alone as a name ("Morrissey, REM and Supergrass", "the news agency IRNA", "a deal
with NTL") in at least ``NAME_DOCUMENTS`` documents, at least ``NAME_RATIO`` times as often as it
is left unexplained, and no build document spells them out.

``known``: acronyms that readers are expected to know. Several newsrooms use them unexplained: an
unexplained first use (reported by the rule, or a name standing alone) in documents from at least
``KNOWN_NEWSROOMS`` different publications (the BBC, Reuters, each web site of the extractor
fixtures), in at least ``KNOWN_SHARE`` of the documents that use them (the others spell them out
or explain them); *and* common in general English: a Zipf frequency of at least ``KNOWN_ZIPF``
(word frequencies, rules/data/frequencies). One newsroom's habit is not enough: a desk writes its
own jargon unexplained (the BBC's technology pages GPRS, Reuters' commodity desks LME and FOB),
and AP asks for those to be spelled out. ``KNOWN_ZIPF`` was calibrated on the hand-judged findings
of the build documents (bench/judgements/style-consistency.yml): at 3.5 the list takes away only
findings judged debatable (NYPD, UCLA); at 3.0 it also takes away true ones (CGI, a technical term).
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import corpora, documents, linter_for_preset  # noqa: E402

from stylecheck import frequencies  # noqa: E402
from stylecheck.document import Document  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "acronym-usage.yml"
RULE = "House.Acronyms"
# First uses that show the initials standing alone as a name (not inside a longer name, and not a
# company that the article or acronym-companies.yml names: those are counted elsewhere).
STANDALONE = ("list", "as-name", "descriptor")
NAME_DOCUMENTS = 3
NAME_RATIO = 3
# A first use left unexplained (None: the rule reports it), or a name standing alone with nothing
# said about it; against one spelled out or explained ("the steroid THG", "RSVP, a system").
UNEXPLAINED = (None, "list", "as-name")
EXPLAINED = ("defined", "explained", "descriptor")
KNOWN_NEWSROOMS = 2
KNOWN_SHARE = 0.8
KNOWN_ZIPF = 3.5


def key(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 2 and word[:-1].isupper() else word


def newsroom(corpus_name: str, document: str) -> str:
    """The publication a document comes from: the BBC, Reuters, or the web site of a fixture."""
    if corpus_name != "fixtures":
        return corpus_name
    return document.rsplit(".txt", 1)[0].rstrip("0123456789")


def count() -> tuple[dict[str, Counter], dict[str, set], dict[str, set], dict[str, set]]:
    """Per acronym: how many build documents gave its first use each reason, which documents left it
    unexplained or explained it, and which newsrooms left it unexplained."""
    reasons: dict[str, Counter] = defaultdict(Counter)
    unexplained: dict[str, set] = defaultdict(set)
    explained: dict[str, set] = defaultdict(set)
    newsrooms: dict[str, set] = defaultdict(set)
    for corpus_name in ("bbc", "reuters", "fixtures"):
        rule = linter_for_preset(corpora()[corpus_name].preset, select=(RULE,)).rules[RULE]
        rule.known_names = rule.known_unexplained = frozenset()  # learn from the articles alone
        for name, text in documents(corpus_name, "build"):
            doc = Document.from_text(text, name)
            for _m, word, reason in rule.first_uses(doc):
                k = key(word)
                reasons[k][reason] += 1
                if reason in UNEXPLAINED:
                    unexplained[k].add(name)
                    newsrooms[k].add(newsroom(corpus_name, name))
                elif reason in EXPLAINED:
                    explained[k].add(name)
    return reasons, unexplained, explained, newsrooms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", action="store_true", help="print the counts behind each entry")
    args = parser.parse_args(argv)
    reasons, unexplained, explained, newsrooms = count()
    names = sorted(
        word for word, seen in reasons.items()
        if not seen["wellknown"] and not seen["company"] and not seen["defined"]
        and sum(seen[r] for r in STANDALONE) >= max(NAME_DOCUMENTS, NAME_RATIO * seen[None])
    )
    zipf = frequencies.load()
    known = sorted(
        word for word in unexplained
        if not reasons[word]["wellknown"] and word not in names
        and len(newsrooms[word]) >= KNOWN_NEWSROOMS
        and len(unexplained[word]) >= KNOWN_SHARE * (len(unexplained[word]) + len(explained[word]))
        and zipf.zipf(word.lower()) >= KNOWN_ZIPF
    )
    if args.report:
        for word in names:
            print(f"name   {word:8} {dict(reasons[word])}")
        for word in known:
            print(f"known  {word:8} unexplained in {len(unexplained[word])} ({', '.join(sorted(newsrooms[word]))}), "
                  f"explained in {len(explained[word])}, Zipf {zipf.zipf(word.lower()):.1f}")
    lines = [
        "# Generated by bench/build_acronym_usage.py from the build documents of the BBC, Reuters and web",
        "# corpora: do not edit by hand. House.Acronyms does not ask to spell these out.",
        "# names: initials standing alone as a name (in a list of names, after a word saying what it names,",
        f"#   after a preposition) in at least {NAME_DOCUMENTS} documents and {NAME_RATIO} times as often as left unexplained;",
        "#   never spelled out (a band, a news agency).",
        "names: [" + ", ".join(names) + "]",
        f"# known: left unexplained by at least {KNOWN_NEWSROOMS} newsrooms, in {KNOWN_SHARE:.0%} of the documents using them,",
        f"#   and as common in English as Zipf {KNOWN_ZIPF}.",
        "known: [" + ", ".join(known) + "]",
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"{OUT}: {len(names)} names, {len(known)} known")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
