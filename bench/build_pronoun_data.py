"""Build rules/data/pronoun_learned.yml: how edited news uses "its" against "his"/"her" (and "their",
and "it's"), counted on the corpora's *build* split only (see corpora.py), so that every figure can
also be reported on held-out text.

    python bench/build_pronoun_data.py            # writes rules/data/pronoun_learned.yml

What is counted (every count is over build documents; nothing is chosen by hand):

* ``owned``: the words that follow a possessive. After "its", "his" or "her", "their", the next
  lowercase words up to the first function word, punctuation or figure (at most three: "its growth
  forecast", "his knee injury"). Each word gets three counts: after its, after his/her, after their.
  A noun a body owns ("forecast", "loans", "shareholders") is far more common after "its" than its
  share of all possessives; a person's ("wife", "goal", "resignation") after "his"/"her".
* ``before``: the word right before the possessive ("reiterated its", "scored his", "on its").
* ``person_nouns``: lowercase nouns that name a person, from how the corpus refers back to them:
  "the N who", "N, who", "the N said he/she" against "the N which", "N, which", "the N said it".
* ``given_names``: capitalised words that open a person's name: "W X" where the same article later
  calls X "Mr/Mrs/Ms/Dr X", or says "X said he/she" or "X, who".
* ``its_prev`` / ``its_prev2`` / ``its_next`` / ``its_next2`` (for House.ItsContraction): the word
  before, two before, after and two after "its" against "it's"/"it is"/"it has been|got" (not "it
  has" before a noun: "it has 500 staff" is no contraction), for words seen there 20 times or more;
  ``its_shape_*``: the rarer words by shape ("-ing", "-ed", a name, a figure); ``its_general_*``: the
  wider evidence for rarer words, any possessive (his/their/our/your/my/its) against "is/was/are/
  were" (the word after, and after next) and against "he/she/they/we" (the word before);
  ``its_quoted``: "its" against the contraction in quoted speech and out of it (the prior odds).

The output is data, not code: the rule weighs it (naive Bayes log-odds, see
stylecheck/ruletypes/pronoun.py). Words with fewer than MIN_COUNT uses are left out.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import documents  # noqa: E402
from stylecheck.ruletypes.itscontraction import FEATURES as ITS_FEATURES, TOKEN, context_keys, word_shape  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "rules" / "data" / "pronoun_learned.yml"
CORPORA = ("bbc", "reuters", "fixtures")
MIN_COUNT = 3
# House.ItsContraction: a word's own counts beside its/it's are kept from this many uses; a rarer
# word is weighed by the wider possessive/copula counts or by its shape.
ITS_MIN_COUNT = 20
GENERAL_FEATURES = ("prev", "next", "next2")
POSSESSIVES = frozenset("his their our your my its".split())  # not "her": also an object
COPULAS = frozenset("is was are were".split())
SUBJECTS = frozenset("he she they we".split())

# Closed-class words that end the run of words owned by a possessive ("its plan *to* ...").
FUNCTION = frozenset(
    """a an the this that these those of to in on at for with from by about as into onto over under
    after before during since until through against between among within without and or but nor so
    yet if than then when while where who whom whose which what whether because although though
    is was are were be been being has have had do does did will would could should shall may might
    must can cannot not no it its it's he she his her him they them their we us our you your i me
    my there here also only just even still again already very more most less least much many such
    own up down out off back said says""".split()
)
# The rule's own token pattern (what it keys its/it's by), run with the stdlib `re` as counted.
_TOKEN = re.compile(TOKEN.pattern)
_CAP = re.compile(r"[A-Z][a-z]+$")
# "Acme said it/its", "Acme Inc": a body. "Mr Acme", "Acme said he": a person.
BODY_NAME = re.compile(
    r"(?<![\w&.-])((?:[A-Z][\w&-]*)(?: [A-Z][\w&-]*){0,2})(?: (?:said|says) its\b|,? (?:Inc|Corp|Co|Ltd|Plc|PLC|plc|LLC|AG|SA|NV)\b)"
)
PRECEDED_BY_NAME = re.compile(r"[A-Z][\w&.-]*\s\Z")
FULL_NAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z][\w-]+)")
PERSON_NAME = re.compile(r"(?:Mr|Mrs|Ms|Dr|Miss|Sir)\.? ([A-Z][\w-]+)|([A-Z][\w-]+) (?:said|says|told|added) (?:he|she)\b")


def _count_rows(table: dict, least: int) -> list[str]:
    """`  word: its person their` for each word used at least `least` times, sorted."""
    return [f"  {_key(w)}: {c['its']} {c['person']} {c['their']}" for w, c in sorted(table.items()) if sum(c.values()) >= least]


def _totals_line(name: str, totals: dict) -> str:
    return f"{name}: {{its: {totals['its']}, person: {totals['person']}, their: {totals['their']}}}"


def tokens(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _TOKEN.findall(text)]


def _gazetteer() -> tuple[frozenset, frozenset]:
    """Place names (one word) and organisation head nouns, for finding body subjects."""
    import yaml

    data = Path(__file__).resolve().parent.parent / "rules" / "data" / "gazetteer"
    places = set()
    for name in ("countries.yml", "us_states.yml", "cities.yml"):
        d = yaml.safe_load((data / name).read_text(encoding="utf-8"))
        places.update(w for w in d.get("names") or () if " " not in w)
        places.difference_update(d.get("person_names") or ())
    heads = yaml.safe_load((data / "organisations.yml").read_text(encoding="utf-8")).get("heads") or ()
    return frozenset(places), frozenset(heads)


SKIPPABLE = frozenset(
    """has had is was will would could should may might must can cannot did does been be being
    also again still already now then not never even further once yet soon just only recently
    to""".split()
)


def body_subject_before(toks: list[str], lower: list[str], i: int, places: frozenset, heads: frozenset) -> bool:
    """Whether the clause subject before the verb at token i is a body: "it", "the HEAD" or a
    gazetteer place, with only auxiliaries, adverbs, "to" and lowercase words between (at most four)."""
    k = i - 1
    skipped = 0
    while k >= 0 and skipped < 4 and (lower[k] in SKIPPABLE or lower[k].endswith("ly") and toks[k][:1].islower()):
        k -= 1
        skipped += 1
    if k < 0:
        return False
    if lower[k] == "it":
        return True
    if toks[k] in places:
        return k == 0 or not toks[k - 1][:1].isupper()
    return lower[k] in heads and k >= 1 and lower[k - 1] == "the"


def main(argv: list[str] | None = None) -> int:
    import argparse

    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args(argv)
    places, heads = _gazetteer()
    verbs: dict[str, Counter] = defaultdict(Counter)  # word before the possessive, body subjects only
    reflexive: dict[str, Counter] = defaultdict(Counter)
    bodyish: dict[str, Counter] = defaultdict(Counter)
    verb_totals: Counter = Counter()
    reflexive_totals: Counter = Counter()
    owned: dict[str, Counter] = defaultdict(Counter)  # word -> {its, person, their}
    before: dict[str, Counter] = defaultdict(Counter)
    persony: dict[str, Counter] = defaultdict(Counter)  # noun -> {person, thing}
    given: Counter = Counter()
    # House.ItsContraction: each place's words around "its" (reading 0) against "it's", "it is",
    # "it has been/got" (reading 1), and the wider evidence of any possessive against "is/was".
    its_words: dict[str, dict[str, Counter]] = {f: defaultdict(Counter) for f in ITS_FEATURES}
    general: dict[str, dict[str, Counter]] = {f: defaultdict(Counter) for f in GENERAL_FEATURES}
    quoted: dict[str, Counter] = {"quoted": Counter(), "unquoted": Counter()}
    its_contexts: list[tuple[dict[str, str], int]] = []
    totals: Counter = Counter()
    her_before: dict[str, Counter] = defaultdict(Counter)
    body_docs: dict[str, set] = defaultdict(set)
    full_names: dict[str, set] = defaultdict(set)  # first word -> capitalised words after it
    person_docs: dict[str, set] = defaultdict(set)
    lowercase_uses: Counter = Counter()
    documents_read = 0
    for corpus_name in CORPORA:
        for _name, text in documents(corpus_name, "build"):
            documents_read += 1
            toks = tokens(text)
            lower = [t.lower() for t in toks]
            n = len(toks)
            count_quoted(text, quoted)
            for i, word in enumerate(lower):
                kind = None
                if word == "its":
                    kind = "its"
                elif word in ("his", "her"):
                    kind = "person"
                elif word == "their":
                    kind = "their"
                if kind is not None:
                    # "her" is also an object ("told her the ..."): only a following content word counts.
                    # A leading name or figure is a feature of its own ("its Tenngasco unit", "its
                    # 1987 harvest"), and the lowercase words after it still count.
                    run = []
                    j0 = i + 1
                    if j0 < n and (toks[j0][:1].isupper() or toks[j0][:1].isdigit()) and (kind != "person" or word == "his"):
                        run.append("<number>" if toks[j0][:1].isdigit() else "<name>")
                        while j0 < n and j0 < i + 5 and (toks[j0][:1].isupper() or toks[j0][:1].isdigit()):
                            j0 += 1
                    for j in range(j0, min(n, j0 + 3)):
                        w = toks[j]
                        if not w.isalpha() and "-" not in w and "'" not in w or not w[:1].islower() or lower[j] in FUNCTION:
                            break
                        run.append(lower[j])
                    if run:
                        totals[kind] += 1
                        for w in run:
                            owned[w][kind] += 1
                        if i > 0 and toks[i - 1][:1].isalpha():
                            before[lower[i - 1]][kind] += 1
                            if toks[i - 1][:1].islower() and body_subject_before(toks, lower, i - 1, places, heads):
                                verbs[lower[i - 1]][kind] += 1
                                verb_totals[kind] += 1
                # "her" as an object ("told her the", "gave her a", "for her ,") against a possessive
                # ("cut her forecast"), by the word before it.
                if word == "her" and i > 0 and i + 1 < n and toks[i - 1][:1].islower():
                    nxt = lower[i + 1]
                    if nxt in FUNCTION or not toks[i + 1][:1].isalnum():
                        her_before[lower[i - 1]]["object"] += 1
                    elif toks[i + 1][:1].islower():
                        her_before[lower[i - 1]]["possessive"] += 1
                # Reflexives: the verb before "itself" against "himself"/"herself".
                if word in ("itself", "himself", "herself", "themselves") and i > 0 and toks[i - 1][:1].islower():
                    rkind = {"itself": "its", "themselves": "their"}.get(word, "person")
                    reflexive[lower[i - 1]][rkind] += 1
                    reflexive_totals[rkind] += 1
                # "its" against "it's" / "it is" / "it has been|got" ("it has" before a noun is no
                # contraction: "it has 500 staff"), by the words around it.
                reading, after = -1, i + 1
                if word == "its":
                    reading = 0
                elif word == "it's":
                    reading = 1
                elif word == "it" and i + 2 < n and (lower[i + 1] == "is" or lower[i + 1] == "has" and lower[i + 2] in ("been", "got")):
                    reading, after = 1, i + 2
                if reading >= 0 and after < n:
                    its_contexts.append((its_context(toks, i, after), reading))
                if 0 < i and i + 2 < n:
                    if word in POSSESSIVES:
                        general["next"][_next_key(toks[i + 1])][0] += 1
                        general["next2"][_next_key(toks[i + 2])][0] += 1
                        general["prev"][_next_key(toks[i - 1])][0] += 1
                    elif word in COPULAS:
                        general["next"][_next_key(toks[i + 1])][1] += 1
                        general["next2"][_next_key(toks[i + 2])][1] += 1
                    elif word in SUBJECTS:
                        general["prev"][_next_key(toks[i - 1])][1] += 1
                # Person nouns: "the N who", "N, who", "the N said he".
                if word in ("who", "whom") and i >= 1:
                    j = i - 1 if lower[i - 1] != "," else i - 2
                    if j >= 0 and toks[j][:1].islower() and toks[j].isalpha():
                        persony[lower[j]]["person"] += 1
                elif word == "which" and i >= 1:
                    j = i - 1 if lower[i - 1] != "," else i - 2
                    if j >= 0 and toks[j][:1].islower() and toks[j].isalpha():
                        persony[lower[j]]["thing"] += 1
                elif word in ("said", "says", "added", "told") and i >= 2 and i + 1 < n and lower[i - 2] in ("the", "a"):
                    noun = lower[i - 1]
                    if toks[i - 1].isalpha() and toks[i - 1][:1].islower():
                        if lower[i + 1] in ("he", "she", "his", "her"):
                            persony[noun]["person"] += 1
                            bodyish[noun]["person"] += 1
                        elif lower[i + 1] in ("it", "its"):
                            persony[noun]["thing"] += 1
                            bodyish[noun]["body"] += 1
                elif word in ("himself", "herself", "itself") and i >= 2 and lower[i - 2] in ("the", "a"):
                    noun = lower[i - 1]
                    if toks[i - 1].isalpha() and toks[i - 1][:1].islower():
                        persony[noun]["person" if word != "itself" else "thing"] += 1
            # Given names: "W X" where X is a person later in the same article.
            for t in toks:
                if t[:1].islower():
                    lowercase_uses[t] += 1
            surnames = set()
            for i in range(n - 1):
                if toks[i] in ("Mr", "Mrs", "Ms", "Dr", "Miss") and _CAP.match(toks[i + 1]):
                    surnames.add(toks[i + 1])
                elif _CAP.match(toks[i]) and i + 2 < n and lower[i + 1] in ("said", "says", "told", "added") and lower[i + 2] in ("he", "she", "his", "her"):
                    surnames.add(toks[i])
                elif _CAP.match(toks[i]) and i + 2 < n and lower[i + 1] == "," and lower[i + 2] == "who":
                    surnames.add(toks[i])
            # Names the article shows to be bodies ("Acme said it", "Acme Inc"), or people.
            for m in BODY_NAME.finditer(text):
                if not PRECEDED_BY_NAME.search(text, 0, m.start()):  # the whole name, not its tail
                    body_docs[m.group(1)].add(_name)
            for m in PERSON_NAME.finditer(text):
                person_docs[(m.group(1) or m.group(2))].add(_name)
            for m in FULL_NAME.finditer(text):
                full_names[m.group(1)].add(m.group(2))
            seen_given = set()
            for i in range(n - 1):
                w, x = toks[i], toks[i + 1]
                if _CAP.match(w) and _CAP.match(x) and (i == 0 or not _CAP.match(toks[i - 1])):
                    if x in surnames:
                        seen_given.add(w)
            for w in seen_given:
                given[w] += 1
    lines = [
        "# Generated by bench/build_pronoun_data.py from the build split of the corpora in ../shared",
        "# (bbc, reuters, fixtures; see bench/corpora.py). Do not edit by hand: rerun the script.",
        "# Counts only (no corpus text). See the script's docstring for what each table counts.",
        f"documents: {documents_read}",
        _totals_line("totals", totals),
        "# word: its his/her their  (uses of the word in the run after each possessive)",
        "owned:",
    ]
    lines += _count_rows(owned, MIN_COUNT)
    lines.append(_totals_line("verb_totals", verb_totals))
    lines.append("# word: its his/her their  (the word right before the possessive, when the clause's subject")
    lines.append("# is a body: 'it', 'the <head noun>' or a gazetteer place)")
    lines.append("verbs:")
    lines += _count_rows(verbs, 2)
    lines.append(_totals_line("reflexive_totals", reflexive_totals))
    lines.append("# word: itself himself/herself themselves  (the word right before the reflexive)")
    lines.append("reflexive:")
    lines += _count_rows(reflexive, 2)
    body_nouns = sorted(
        w for w, c in bodyish.items()
        if c["body"] >= 2 and c["body"] >= 4 * c["person"] and w not in FUNCTION and (not w.endswith("s") or w.endswith("ss"))
    )
    lines.append("# nouns that 'said it/its' at least twice and four times as often as 'said he/she'")
    lines.append("body_nouns: [" + ", ".join(_key(w) for w in body_nouns) + "]")
    lines.append("# word: its his/her their  (the word right before the possessive)")
    lines.append("before:")
    lines += _count_rows(before, MIN_COUNT)
    names = sorted(
        w for w, c in given.items()
        if c >= 2 and w.lower() not in FUNCTION and lowercase_uses[w.lower()] < 5 and w not in places
        and w not in ("Mr", "Mrs", "Ms", "Dr", "Sir", "Miss")
    )
    for first in names:
        for surname in full_names.get(first, ()):
            person_docs[surname].add("*")
    companies = sorted(
        n for n, docs in body_docs.items()
        if len(docs) >= 3 and not person_docs.get(n) and not any(person_docs.get(w) for w in n.split())
        and n.split()[0] not in ("The", "A", "An", "It", "He", "She", "They", "We", "But", "And", "In", "On", "At", "Reuter", "Reuters")
        and n.split()[0].lower() not in FUNCTION and n not in places
    )
    # Second pass: a lowercase noun right before a person's full name is a role ("coach Ana Ruiz",
    # "striker Tom Ellis", "spokesman Ed Cole"); before a body's or a place's name it is not.
    given_set = frozenset(names)
    role: dict[str, Counter] = defaultdict(Counter)
    after_article: Counter = Counter()
    for corpus_name in CORPORA:
        for _name, text in documents(corpus_name, "build"):
            toks = tokens(text)
            for i in range(len(toks) - 2):
                w = toks[i]
                if i and toks[i - 1] in ("the", "a", "an", "The", "A", "An"):
                    after_article[w] += 1
                if w.isalpha() and w[:1].islower() and w.lower() not in FUNCTION and _CAP.match(toks[i + 1]):
                    if toks[i + 1] in given_set and _CAP.match(toks[i + 2]):
                        role[w]["person"] += 1
                    else:
                        role[w]["other"] += 1
    for w, c in role.items():
        if c["person"] >= 5 and c["person"] >= 0.3 * (c["person"] + c["other"]) and after_article[w] >= 3:
            persony[w]["person"] += c["person"]
    nouns = sorted(
        w for w, c in persony.items()
        if (w not in bodyish or bodyish[w]["body"] <= bodyish[w]["person"])
        and c["person"] >= MIN_COUNT and c["person"] >= 2 * c["thing"] and w not in FUNCTION and not w.endswith("ed")
    )
    lines.append("# nouns referred back to as a person (who, said he/she) at least four times as often as a thing")
    lines.append("person_nouns: [" + ", ".join(_key(w) for w in nouns) + "]")
    lines.append("# capitalised words that open a person's name in at least two articles")
    lines.append("given_names: [" + ", ".join(_key(w) for w in names) + "]")
    lines.append("# names written 'NAME said it/its' or 'NAME Inc/Corp/...' in at least three articles, and never")
    lines.append("# as a person ('Mr NAME', 'NAME said he')")
    lines.append("bodies: [" + ", ".join(json.dumps(n) for n in companies) + "]")
    lines.append("# word before 'her': object possessive  ('told her the ...' against 'cut her forecast')")
    lines.append("her_before:")
    for w in sorted(her_before):
        c = her_before[w]
        if sum(c.values()) >= 2:
            lines.append(f"  {_key(w)}: {c['object']} {c['possessive']}")
    # The word two before counts only where the word before is too rare to count by itself
    # ("would cut its", "to revive its"): beside a frequent one it would count the same evidence twice.
    prev_uses = Counter(keys["prev"] for keys, _ in its_contexts)
    for keys, reading in its_contexts:
        for feature, value in keys.items():
            if value and not (feature == "prev2" and prev_uses[keys["prev"]] >= ITS_MIN_COUNT):
                its_words[feature][value][reading] += 1
    lines.extend(its_lines(its_words, general, quoted))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {documents_read} build documents; totals {dict(totals)}; "
          f"{len(nouns)} person nouns, {len(names)} given names")
    return 0


def its_context(toks: list[str], i: int, after: int) -> dict[str, str]:
    """The words around "its"/"it's" at token i (or "it is" at i, with "is" at after - 1)."""
    return context_keys(toks[max(0, i - 2):i], toks[after:after + 2], FUNCTION)


_ITS_FORMS = re.compile(r"(?<![A-Za-z\d'’-])(?:(its)|it['’]s|it\s+is|it\s+has\s+(?:been|got))(?![A-Za-z\d'’-])", re.IGNORECASE)


def count_quoted(text: str, quoted: dict[str, Counter]) -> None:
    """How often "its" (0) and "it's"/"it is"/"it has been|got" (1) stand in quoted speech and out
    of it, as the rule's Document sees quotes: speech takes the contraction far more often."""
    from stylecheck.document import Document

    if "it" not in text.lower():
        return
    doc = None
    for m in _ITS_FORMS.finditer(text):
        if doc is None:
            doc = Document.from_text(text, "story.txt")
        quoted["quoted" if doc.in_quote(m.start(), m.end()) else "unquoted"][0 if m.group(1) else 1] += 1


def its_lines(its_words: dict[str, dict[str, Counter]], general: dict[str, dict[str, Counter]],
              quoted: dict[str, Counter]) -> list[str]:
    """The House.ItsContraction tables (see stylecheck/ruletypes/itscontraction.py)."""
    t_its = sum(c[0] for c in its_words["next"].values())
    t_contracted = sum(c[1] for c in its_words["next"].values())
    lines = [
        "# House.ItsContraction: the words around 'its' against 'it's' / 'it is' / 'it has been|got',",
        "# as stylecheck/ruletypes/itscontraction.py keys them (capitalised function words are lowercased).",
        "its_function_words: [" + ", ".join(_key(w) for w in sorted(FUNCTION)) + "]",
        f"its_totals: {{its: {t_its}, contracted: {t_contracted}}}",
        "# its, it's/it is in quoted speech and out of it (the prior odds of the two readings)",
        "its_quoted: {" + ", ".join(f"{k}: {c[0]} {c[1]}" for k, c in quoted.items()) + "}",
    ]
    frequent: dict[str, set[str]] = {}
    for feature in ITS_FEATURES:
        table = its_words[feature]
        frequent[feature] = {w for w, c in table.items() if c[0] + c[1] >= ITS_MIN_COUNT}
        lines.append(f"# word {feature}: its, it's/it is (words seen there at least {ITS_MIN_COUNT} times)")
        lines.append(f"its_{feature}:")
        for w in sorted(frequent[feature]):
            lines.append(f"  {_key(w)}: {table[w][0]} {table[w][1]}")
        shapes: dict[str, Counter] = defaultdict(Counter)
        for w, c in table.items():
            if w not in frequent[feature]:
                shapes[word_shape(w)][0] += c[0]
                shapes[word_shape(w)][1] += c[1]
        lines.append(f"# the rarer words {feature}, by shape: its, it's/it is")
        lines.append(f"its_shape_{feature}:")
        for w in sorted(shapes):
            lines.append(f"  {_key(w)}: {shapes[w][0]} {shapes[w][1]}")
    lines.append("# the wider evidence for rarer words: after his/their/our/your/my/its against after is/was/are/were")
    lines.append("# (next, next2), before them against before he/she/they/we (prev)")
    totals = {f: (sum(c[0] for c in general[f].values()), sum(c[1] for c in general[f].values())) for f in GENERAL_FEATURES}
    lines.append("its_general_totals: {" + ", ".join(f"{f}: {a} {b}" for f, (a, b) in totals.items()) + "}")
    for feature in GENERAL_FEATURES:
        table = general[feature]
        lines.append(f"its_general_{feature}:")
        for w in sorted(table):
            c = table[w]
            if w not in frequent[feature] and c[0] + c[1] >= MIN_COUNT:
                lines.append(f"  {_key(w)}: {c[0]} {c[1]}")
    return lines


def _next_key(token: str) -> str:
    """The word after its/it's as counted: lowercase, or "<name>" / "<number>"."""
    if token[:1].isdigit():
        return "<number>"
    if token[:1].isupper() and token.lower() not in FUNCTION:
        return "<name>"
    return token.lower()


def _key(word: str) -> str:
    return json.dumps(word) if not re.fullmatch(r"[a-z][a-z-]*|[A-Z][a-z]+", word) or word in (
        "yes", "no", "on", "off", "true", "false", "null", "y", "n") else word


if __name__ == "__main__":
    raise SystemExit(main())
