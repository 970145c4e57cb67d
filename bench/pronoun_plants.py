"""Where an "its" in real copy belongs to its clause's subject: the planting method of the pronoun
benches (pronoun_recall.py plants errors there; pronoun_traps.py reads the same gazetteers).

The method is written independently of the rule (stylecheck/ruletypes/pronoun*.py shares no code
with it) and is deliberately conservative: an "its" or "itself" is planted only when a plain reading
leaves no other owner.

1. The pronoun is outside quoted speech, and its clause is the stretch after the last clause
   boundary before it: sentence start, a comma, semicolon, colon, bracket, quote mark or dash, or a
   subordinating or relative word (that, which, who, because, when, while, if, although, but ...).
2. The clause opens with a *subject* that is a body, of one of these kinds:
   - country, or city or state: a name from rules/data/gazetteer/ (countries.yml, us_states.yml,
     cities.yml; never their person_names), with or without "the";
   - organisation: "the" (or "this"), at most three modifier words, and a head noun from the
     hand-written `heads:` of organisations.yml ("the bank", "the Swiss central bank");
   - company: a capitalised name that ends in a corporate word (Inc, Corp, Co, Ltd, plc, Group,
     Holdings ...), or is listed under `companies:` or `names:` of organisations.yml, or that the
     same article writes as "NAME said it/its" in another sentence;
   and the name is not followed by "'s", a hyphen or another capitalised word (not "Canada's
   envoy", not "Canada Post").
3. The subject is followed by its verb group: auxiliaries and adverbs, then one lowercase word.
4. From that verb to the pronoun, the words form one of these frames, with no capitalised word and no
   pronoun in between:
   (figures may stand in the first part of a coordinated frame: "rose 5 pct and raised its ...")
   - after-verb:        VERB (particle)? its            "lowered its forecast", "said its profit"
   - after-preposition: VERB (particle)? PREP (-ing)? its  "defaulted on its loans"
   - after-infinitive:  VERB (to VERB)+ (PREP)? its     "is to resubmit its", "plans to cut its"
   - coordinated:       VERB ... and VERB (tail)? its  (the words before "and": at most twelve, with
                        no comma, and no noun phrase that may name a person, who could own the
                        pronoun ("hired a coach and extended his contract"); "its" and a place's
                        or listed body's name may stand there;
                        the second verb after an auxiliary or "to", in -ed/-s, or in -ing after a
                        first verb in -ing, so not a noun)
   - reflexive:         "itself" anywhere in the clause after the verb, with the same limits.
Each plant is labelled with its frame and its subject kind.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’.&-][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")
BOUNDARY_PUNCT = set(",;:()[]\"“”—–")
BOUNDARY_WORDS = {
    "that", "which", "who", "whom", "whose", "because", "when", "while", "if", "although", "though",
    "whereas", "where", "whether", "but", "so", "as", "after", "before", "since", "until", "unless",
    "than", "or", "nor", "once", "what", "how", "why",
}
AUX = {"has", "had", "is", "was", "will", "would", "could", "should", "may", "might", "must", "can",
       "did", "does", "been", "be", "being", "shall", "cannot"}
ADVERBS = {"also", "again", "still", "already", "now", "not", "never", "further", "once", "recently",
           "then", "just", "even", "only", "yet", "soon", "first", "later", "formally"}
PARTICLES = {"up", "down", "out", "off", "back", "away", "over"}
PREPOSITIONS = {"of", "in", "on", "at", "for", "with", "from", "by", "about", "against", "into", "onto",
                "upon", "over", "under", "through", "toward", "towards", "across", "behind", "beyond",
                "between", "among", "during", "within", "without", "despite", "via", "around", "amid"}
PRONOUNS = {"he", "she", "him", "his", "her", "hers", "it", "its", "they", "them", "their", "we", "us",
            "our", "you", "your", "i", "me", "my", "himself", "herself", "themselves"}
DETERMINERS_SINGULAR = {"a", "an", "this", "that", "another", "each", "every"}
SUFFIXES = {"Inc", "Corp", "Corporation", "Co", "Ltd", "Limited", "plc", "PLC", "LLC", "AG", "SA", "NV",
            "Group", "Holdings", "Industries", "Airlines", "Airways", "Motors", "Bank", "Bancorp", "Cos"}
REPORTING = {"said", "says", "told", "added", "announced", "reported", "stated", "noted"}


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, str], frozenset, dict[str, str]]:
    """(place name -> kind, organisation head nouns, listed body name -> kind)."""
    import yaml

    data = ROOT / "rules" / "data" / "gazetteer"
    places: dict[str, str] = {}
    for file, kind in (("countries.yml", "country"), ("us_states.yml", "city or state"), ("cities.yml", "city or state")):
        d = yaml.safe_load((data / file).read_text(encoding="utf-8"))
        for name in d.get("names") or ():
            if name not in (d.get("person_names") or ()):
                places.setdefault(str(name), kind)
    orgs = yaml.safe_load((data / "organisations.yml").read_text(encoding="utf-8"))
    bodies = {str(n): "company" for n in orgs.get("companies") or ()}
    bodies.update({str(n): "institution" for n in orgs.get("names") or ()})
    return places, frozenset(orgs.get("heads") or ()), bodies


@lru_cache(maxsize=1)
def place_words() -> frozenset:
    """The words of the gazetteer's place names and listed bodies ("Japan", "United", "States")."""
    places, _, bodies = gazetteer()
    return frozenset(w for name in list(places) + list(bodies) for w in name.split() if w[:1].isupper())


def said_it_names(text: str) -> dict[str, set[int]]:
    """Capitalised names the article writes as "NAME said it/its" (1 to 4 words), with where."""
    found: dict[str, set[int]] = {}
    for m in re.finditer(r"((?:[A-Z][\w&.-]*\s+){1,4})(?:said|says)\s+(?:it|its)\b", text):
        words = m.group(1).split()
        while words and words[0] in ("The", "But", "And", "In", "On"):
            words = words[1:]
        if words and words[0].lower() not in PRONOUNS:
            found.setdefault(" ".join(words), set()).add(m.end())
    return found


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end) if m.group() != "."]


def _subject(toks: list, i: int, places: dict, heads: frozenset, bodies: dict, said_it: dict) -> tuple[int, str] | None:
    """(index after the subject, kind) for a body subject starting at token i."""
    n = len(toks)
    j = i + 1 if toks[i][2].lower() == "the" else i
    if j >= n:
        return None

    def clean_end(k: int) -> bool:
        if k >= n:
            return True
        w = toks[k][2]
        return not (w[:1].isupper() or w.endswith(("'s", "’s")) or w in ("-", "'", "’"))

    # Names, longest first.
    for length in (5, 4, 3, 2, 1):
        if j + length > n:
            continue
        words = toks[j : j + length]
        if not all(w[2][:1].isupper() or w[2] == "&" for w in words) or words[0][2].lower() in PRONOUNS:
            continue
        name = " ".join(w[2] for w in words)
        kind = places.get(name) or bodies.get(name)
        # "said it" evidence counts only from elsewhere in the article, not from this very clause.
        elsewhere = any(abs(at - words[-1][1]) > 40 for at in said_it.get(name, ()))
        if kind is None and (words[-1][2] in SUFFIXES and length >= 2 or elsewhere):
            kind = "company"
        if kind is not None and clean_end(j + length):
            return j + length, kind
    # the (modifiers) HEAD
    if toks[i][2].lower() in ("the", "this"):
        for k in range(i + 1, min(n, i + 5)):
            w = toks[k][2]
            if w.lower() in heads and clean_end(k + 1):
                if any(t[2].lower() in PRONOUNS or t[2] in BOUNDARY_PUNCT for t in toks[i + 1 : k]):
                    return None
                return k + 1, "organisation"
            if w[:1] in BOUNDARY_PUNCT or w.lower() in BOUNDARY_WORDS or w.lower() in AUX or w.lower() in PREPOSITIONS:
                return None  # "the directors of the company": the directors
    return None


def _frame(path: list[str], reflexive: bool) -> str | None:
    """The frame of the words from the verb (first) to the pronoun (excluded)."""
    words = [w.lower() for w in path]
    # "its" may stand in the first part of a coordinated frame ("cut its rates and raised its
    # forecast"): a thing's owner, never a person's.
    # So may a place's or a listed body's name ("ended talks with Britain and cut its ...").
    last_and = max((k for k, w in enumerate(words) if w == "and"), default=0)
    if any(w[:1].isupper() and not (k < last_and and w in place_words()) or w in PRONOUNS and not (w == "its" and k < last_and)
           or w in BOUNDARY_WORDS or w in BOUNDARY_PUNCT or not w[:1].isalnum() for k, w in enumerate(path) if k > 0):
        return None
    if reflexive:
        return "reflexive" if len(words) <= 11 and "and" not in words[1:] else None
    rest = words[1:]
    if rest and rest[0] in PARTICLES:
        rest = rest[1:]
    if not rest:
        return "after-verb"
    if rest[0] in PREPOSITIONS and (len(rest) == 1 or len(rest) == 2 and rest[1].endswith("ing")):
        return "after-preposition"
    if rest[0] == "to" and _infinitive_tail(rest):
        return "after-infinitive"
    if "and" in rest and words[0] not in REPORTING:  # "said the contract ... and will": the contract's
        k = rest.index("and")
        first, second = rest[:k], rest[k + 1 :]
        if len(first) > 12 or "and" in second:
            return None
        for a, w in enumerate(first):
            # A singular noun phrase before "and" may be a person who could own the pronoun ("hired
            # a coach and extended his contract"): only one that names no person may stand there.
            if (w in DETERMINERS_SINGULAR or w == "the") and any(_person_like(x) for x in first[a + 1 : a + 4]):
                return None
        had_aux = False
        while second and second[0] in ADVERBS | AUX:
            had_aux = had_aux or second[0] in AUX
            second = second[1:]
        infinitive = bool(second) and second[0] == "to" and "to" in rest[:k] and len(second) > 1
        if infinitive:
            second = second[1:]  # "to stop dumping chips and to open its market"
        if not second or second[0] in PREPOSITIONS or second[0] == "to" or second[0] in ("the", "a", "an"):
            return None
        # A verb, not a noun joined by "and" ("materials and energy to feed"): after an auxiliary
        # or "to", in -ed or -s, or in -ing after a first verb in -ing ("is shedding ... and
        # focusing on its").
        if not (had_aux or infinitive or second[0].endswith("ed")
                or second[0].endswith("s") and not second[0].endswith(("ss", "is", "us"))
                or second[0].endswith("ing") and words[0].endswith("ing")):
            return None
        tail = second[1:]
        if tail and tail[0] in PARTICLES:
            tail = tail[1:]
        if not tail or tail[0] in PREPOSITIONS and len(tail) == 1 or tail[0] == "to" and _infinitive_tail(tail):
            return "coordinated"
    return None


PERSON_NOUNS = {"man", "woman", "boy", "girl", "child", "chief", "head", "boss", "coach", "staff", "official",
                "player", "star", "captain", "president", "chairman", "minister", "spokesman", "spokeswoman",
                "executive", "director", "manager", "partner", "client", "customer", "member", "rival",
                "friend", "guest", "team", "side", "squad", "colleague", "leader", "candidate", "winner",
                "person", "people", "family", "wife", "husband", "son", "daughter", "father", "mother"}


def _person_like(word: str) -> bool:
    """A noun that may name a person: a listed one, or an agent's ending ("striker", "investor",
    "economist", "politician", "assistant", "chairwoman")."""
    return word in PERSON_NOUNS or word.endswith(("er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants", "ent", "ents", "man", "men", "woman", "women"))


def _infinitive_tail(rest: list[str]) -> bool:
    """"to VERB", "to be able to VERB", each possibly ending in a preposition."""
    k = 0
    seen = False
    while k < len(rest) and rest[k] == "to":
        if k + 1 >= len(rest) or rest[k + 1] in PREPOSITIONS or rest[k + 1] in ("the", "a", "an", "and"):
            return False
        k += 2
        seen = True
        while k < len(rest) and rest[k] in {"able"} | ADVERBS:
            k += 1
    if not seen:
        return False
    tail = rest[k:]
    return not tail or len(tail) == 1 and (tail[0] in PREPOSITIONS or tail[0] in PARTICLES)


def subject_owned(text: str, doc=None) -> list[dict]:
    """Every "its"/"itself" of `text` that belongs to its clause's body subject, as
    {start, end, word, frame, subject, kind, verb}."""
    from stylecheck.document import Document

    places, heads, bodies = gazetteer()
    if doc is None:
        doc = Document.from_text(text, "plant.txt")
    said_it = said_it_names(text)
    out = []
    for s_start, s_end in doc.sentences:
        sentence = text[s_start:s_end]
        if " its" not in sentence and "Its" not in sentence:
            continue
        toks = _tokens(text, s_start, s_end)
        for p, (start, end, word) in enumerate(toks):
            if word not in ("its", "itself"):
                continue
            if doc.in_quote(start, end):
                continue
            # The clause: after the last boundary.
            c = p - 1
            while c >= 0 and not (toks[c][2] in BOUNDARY_PUNCT or toks[c][2].lower() in BOUNDARY_WORDS
                                  or toks[c][2] == "-" and c > 0):
                c -= 1
            c += 1
            if c >= p:
                continue
            found = _subject(toks, c, places, heads, bodies, said_it)
            if found is None:
                continue
            after, kind = found
            k = after
            while k < p and (toks[k][2].lower() in AUX or toks[k][2].lower() in ADVERBS or toks[k][2].endswith("ly") and toks[k][2][:1].islower()):
                k += 1
            if k >= p or not toks[k][2][:1].islower() or toks[k][2].lower() in PREPOSITIONS | PRONOUNS | {"to", "and"}:
                continue
            if toks[k][2] in ("have", "are", "were", "do"):
                continue
            path = [t[2] for t in toks[k:p]]
            frame = _frame(path, word == "itself")
            if frame is None:
                continue
            out.append({"start": start, "end": end, "word": word, "frame": frame, "kind": kind,
                        "subject": " ".join(t[2] for t in toks[c:after]), "verb": toks[k][2].lower()})
    return out
