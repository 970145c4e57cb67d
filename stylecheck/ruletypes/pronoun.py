"""pronoun-agreement: a place or organisation that is the subject of a clause takes it/its, not he/his.

    extends: pronoun-agreement
    message: "'%s' refers back to '%s', a place or organisation: use '%s'."
    entities: [Acme Widgets]        # more names that stand for a body (a newsroom's own list)
    exceptions: [Victoria]          # names never read as a place or organisation

The check decides from sentence structure, never from word distance. SUBJECT is a gazetteer name
("Canada", "the Kremlin", "Acme Holdings") or an organisation's noun phrase ("the Canadian
government", "the Bank of Japan") that opens its clause: at the sentence start, after punctuation
or after a clause opener such as "that" or "when". A pronoun is reported only in the tight frame

    SUBJECT (auxiliary | adverb)* VERB (adverb)? PRONOUN

or after a second finite verb joined by "and" when nothing in between opens another clause or
names a person ("Canada joined the call and reiterated his support"), and only when the frame is
one that the subject alone can fill:

* a reflexive after the verb ("Canada found himself") -> "itself";
* "his own"/"her own" after the verb ("the firm went his own way") -> "its";
* his/her after a verb whose object is the subject's own ("reiterated his support") -> "its";
* his/her before a noun a body owns ("recalled his ambassador") -> "its", unless the verb is one
  that usually takes someone else's thing ("welcomed his ...").

Anything else stays silent: a possessive subject ("Canada's prime minister reiterated his"),
an object ("praised the striker for his goal"), a reporting verb ("the company said his"), a
plural verb of British collective agreement ("Scotland have ..."), or a name that is also a
person's name (Jordan, Hamilton). Precision is the product: a copy desk switches off a linter
that cries wolf.

Word lists live in `rules/data/` (`gazetteer/*.yml`, `pronoun.yml`). A newsroom adds its own with
the house setting `pronoun` in its config:

    settings:
      pronoun:
        entities: [Acme Widgets, Northwind]   # names of bodies that take "its"
        heads: [consortium]                   # organisation head nouns ("the consortium")
        exceptions: [Lyon]                    # names never read as a place or organisation
        self_verbs: [underlined]              # verbs whose object is the subject's own
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from types import MappingProxyType

import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..resources import data_path
from ..yamlload import YamlError, load_yaml_file
from .base import Field, Rule, RuleError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any

SETTINGS_KEY = "pronoun"
SETTING_LISTS = ("entities", "heads", "exceptions", "self_verbs")

# The form a pronoun takes when it refers to a place or organisation.
NEUTER = {
    "his": "its", "her": "its", "hers": "its",
    "him": "it", "he": "it", "she": "it",
    "himself": "itself", "herself": "itself",
}

# The pronouns the check reports; lower case, as after a verb they never open a sentence.
# (he/she/him after a verb begin a new argument, usually a person: they are never reported.)
_PRONOUN = patterns.compile(r"\bh(?:is|er(?:self)?|imself)\b")
_NEXT_WORD = patterns.compile(r"\s+(\p{L}+)")
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# The word before the pronoun (the verb) and an optional adverb in between.
# Searched backwards from the pronoun, so that it costs one attempt, not one per window position.
_VERB_BEFORE = patterns.compile(r"(?r)(?<![\p{L}\p{N}'’-])(?P<verb>\p{Ll}[\p{Ll}-]*)\s+(?:(?P<adverb>\p{Ll}+ly)\s+)?\Z")
# A word shaped like a finite verb: past tense, or third person singular present.
_VERBISH = patterns.compile(r"\p{Ll}+(?:ed|[^su\W]s|es)")
_MODALS = frozenset(("will", "would", "could", "should", "shall", "may", "might", "must", "can", "cannot", "did", "does"))
# A capitalised word right before a name, on the same line.
_GIVEN_NAME = patterns.compile(r"(?r)(?<![\p{L}\p{N}'’.-])(?P<word>\p{Lu}\p{Ll}+)[ \t]+\Z")
# A person named before the subject: the owner of "his" may be that person.
_PERSON_BEFORE = patterns.compile(r"\b(?:[Hh]e|[Ss]he|Mr|Mrs|Ms|Dr|said|says|told|added)\b")
_AND_BEFORE = patterns.compile(r"(?r)(?<![\p{L}-])and\s+\Z")
# Words that open a clause or name a person; between a subject's verb and "and VERB-ed his" they
# mean the second verb may have another subject.
_CLAUSE_WORDS = frozenset((
    "who", "whom", "whose", "which", "whether", "or", "he", "she", "him", "her", "his", "hers",
    "they", "them", "their", "i", "we", "you", "Mr", "Mrs", "Ms", "Dr", "Sir", "Lady", "Lord",
))
_SENTENCE_FINAL = patterns.compile(r"[.!?…:;][\"'”’)\]]*\Z")
_LAST_WORD = patterns.compile(r"(?P<word>\p{L}+)\W*\Z")


class PronounAgreement(Rule):
    FIELDS = {
        "places": Field(
            (list,),
            ["gazetteer/countries.yml", "gazetteer/us_states.yml", "gazetteer/cities.yml"],
            doc="gazetteer files (names:, person_names:) under rules/data/",
        ),
        "organisations": Field((str,), "gazetteer/organisations.yml", doc="heads:, determiners:, names:"),
        "demonyms": Field((str,), "gazetteer/demonyms.yml", doc="names: demonyms allowed before a head noun"),
        "frames": Field((str,), "pronoun.yml", doc="verb and function-word classes"),
        "entities": Field((list,), [], doc="more names of places or bodies"),
        "exceptions": Field((list,), [], doc="names never read as a place or body"),
    }
    DEFAULT_MESSAGE = "'%s' refers back to '%s', a place or organisation: use '%s'."

    def compile(self, options: dict) -> None:
        extra = self._house_setting()
        frames = self._data(self.option("frames"))
        orgs = self._data(self.option("organisations"))
        demonyms = _strings(self._data(self.option("demonyms")).get("names"))

        added = set(_strings(self.option("entities"))) | set(extra["entities"])
        excluded = set(_strings(self.option("exceptions"))) | set(extra["exceptions"])
        names: set[str] = set(_strings(orgs.get("names")))
        person_names: set[str] = set()
        for file in self.option("places"):
            data = self._data(str(file))
            names.update(_strings(data.get("names")))
            person_names.update(_strings(data.get("person_names")))
        names = (names - person_names - excluded) | added
        heads = (set(_strings(orgs.get("heads"))) | set(extra["heads"])) - excluded

        self.names = frozenset(names)
        self.demonyms = frozenset(demonyms)
        self.led_by_person = frozenset(_strings(orgs.get("led_by_person")))
        self.not_given_names = frozenset(_strings(frames.get("not_given_names")))
        self.self_verbs = frozenset(_strings(frames.get("self_verbs"))) | frozenset(extra["self_verbs"])
        self.other_verbs = frozenset(_strings(frames.get("other_verbs")))
        self.reporting_verbs = frozenset(_strings(frames.get("reporting_verbs")))
        self.irregular_verbs = frozenset(_strings(frames.get("irregular_verbs")))
        self.plural_auxiliaries = frozenset(_strings(frames.get("plural_auxiliaries")))
        self.openers = frozenset(_strings(frames.get("clause_openers")))
        self.not_possessed = frozenset(_strings(frames.get("not_possessed")))
        own_nouns = _strings(frames.get("own_nouns"))
        complement_verbs = frozenset(_strings(frames.get("complement_verbs")))

        # A person's standing or role after the pronoun: "his conviction", "his place as captain".
        self.persons_thing = patterns.compile(
            rf"\s+(?:\p{{Ll}}[\p{{L}}-]*\s+)?(?:(?:{_alternation(_strings(frames.get('other_nouns')))})(?![\p{{L}}-])"
            rf"|(?:place|role|position|job|post|spot|standing)\s+as\b)",
            regex.VERSION0,
        )
        # Nouns a body owns, after the pronoun and at most one adjective ("his new embassy").
        self.owned = patterns.compile(
            rf"\s+(?:\p{{Ll}}[\p{{L}}-]*\s+)?(?:{_alternation(own_nouns)})(?![\p{{L}}-])", regex.VERSION0
        )
        # The subject, ending right where the verb begins (run only for a candidate pronoun).
        modifiers = _strings(frames.get("modifiers")) + demonyms
        determiners = _strings(orgs.get("determiners"))
        suffixes = _strings(orgs.get("suffixes"))
        auxiliaries = _strings(frames.get("auxiliaries")) + sorted(self.plural_auxiliaries)
        place = rf"(?:[Tt]he\s+)?(?:{_alternation(names)})" if names else r"(?!)"
        head = _alternation([_either_case(h) for h in heads], escape=False) if heads else r"(?!)"
        modifier = (
            rf"(?:{_alternation(modifiers)}|\p{{Lu}}[\p{{L}}.&-]*|\p{{Ll}}+-(?:based|owned|run|backed|listed))"
        )
        # "the Bank of Japan"; not "the Office of the President", which speaks for a person.
        titles = _alternation(_strings(frames.get("person_titles")))
        of_name = (
            rf"(?:\s+of\s+(?:the\s+)?(?!(?:{titles})\b)\p{{Lu}}[\p{{L}}.&-]*"
            rf"(?:\s+(?:and\s+)?(?!(?:{titles})\b)\p{{Lu}}[\p{{L}}.&-]*){{0,3}})?"
        )
        subject = (
            r"(?<![\p{L}\p{N}'’.&-])"
            rf"(?P<subject>(?P<place>{place})"
            rf"|(?:{_alternation([_either_case(d) for d in determiners], escape=False)})\s+(?P<modifiers>(?:{modifier}\s+){{0,3}})(?P<head>{head}){of_name}"
            # No apostrophes: "Acme's Bank" is a possessive, like "Canada's prime minister".
            rf"|(?:[Tt]he\s+)?(?:\p{{Lu}}[\p{{L}}\p{{N}}&-]*\s+){{1,4}}(?:{_alternation(suffixes)})\.?)"
            rf"\s+(?P<between>(?:(?:{_alternation(auxiliaries)}|\p{{Ll}}+ly|on\s+(?:{_WEEKDAYS}))\s+)*)"
        )
        self.subject = patterns.compile(subject + r"\Z", regex.VERSION0)
        # A subject with its own finite verb, for a second verb joined by "and".
        self.clause_subject = patterns.compile(
            subject + rf"(?P<first_verb>{_alternation(self.irregular_verbs)}|{_VERBISH.pattern})(?![\p{{L}}\p{{N}}'’-])",
            regex.VERSION0,
        )
        # What may not stand between that verb and "and": another clause, or a person.
        self.clause_break = patterns.compile(
            r"[,;:()\[\]\"“”—–]|(?<![\p{L}-])(?:"
            + _alternation(sorted(self.reporting_verbs | complement_verbs | self.openers | _CLAUSE_WORDS))
            + r")(?![\p{L}-])",
            regex.VERSION0,
        )

    # -- data ---------------------------------------------------------------------------------

    def _house_setting(self) -> dict[str, list[str]]:
        """The newsroom's additions from `settings: {pronoun: {...}}` in its config."""
        value = self.ctx.settings.get(SETTINGS_KEY) or {}
        if not isinstance(value, dict):
            raise RuleError(self.path, None, f"house setting '{SETTINGS_KEY}' (settings: in the config) must be a mapping with the lists {', '.join(SETTING_LISTS)}")
        out: dict[str, list[str]] = {}
        for key in value:
            if key not in SETTING_LISTS:
                raise RuleError(self.path, None, f"house setting '{SETTINGS_KEY}.{key}' is unknown (expected one of: {', '.join(SETTING_LISTS)})")
        for key in SETTING_LISTS:
            items = value.get(key) or []
            if isinstance(items, str) or not isinstance(items, (list, tuple)):
                raise RuleError(self.path, None, f"house setting '{SETTINGS_KEY}.{key}' must be a list of words or names")
            out[key] = [str(item) for item in items]
        return out

    def _data(self, name: str) -> MappingProxyType[str, Any]:
        path = _data_path(self.path, name)
        if path is None:
            raise self.error(None, f"word list {name!r} not found in the style's data folder or the bundled rules/data")
        try:
            return _load_data(str(path))
        except YamlError as exc:
            raise RuleError(exc.path, exc.line, exc.message) from None

    # -- the check ----------------------------------------------------------------------------

    def check(self, doc: Document) -> Iterator[Match]:
        spans = _merged(self.segments(doc))
        if not spans:
            return
        prose = doc.prose
        starts = [s for s, _ in spans]
        sentences: list[tuple[int, int]] | None = None
        # One scan for the pronoun literals over the whole scope; everything else runs per hit.
        for m in self.finditer(_PRONOUN, doc, spans[0][0], spans[-1][1]):
            p_start, p_end = m.span()
            i = bisect_right(starts, p_start) - 1
            if i < 0 or p_end > spans[i][1]:
                continue
            seg_start, seg_end = spans[i]
            verb_match = _VERB_BEFORE.search(prose, max(seg_start, p_start - 60), p_start)
            if verb_match is None:
                continue
            pronoun = m.group()
            verb = verb_match.group("verb")
            after = _NEXT_WORD.match(prose, p_end, seg_end)
            following = after.group(1) if after else None
            if pronoun in ("himself", "herself"):
                kind = "reflexive"
            elif following == "own":
                kind = "own"
            elif verb in self.self_verbs:
                if self.persons_thing.match(prose, p_end, seg_end):
                    continue  # "the court reaffirmed his conviction": someone else's
                kind = "frame"
            elif self.owned.match(prose, p_end, seg_end):
                kind = "owned"
            else:
                continue
            frame = self._frame(kind, verb, pronoun, following)
            if frame is None:
                continue
            v_start = verb_match.start("verb")
            # The subject search comes first, bounded by the block: most candidates have none,
            # and then the sentences of the document are never needed.
            subject = self.subject.search(prose, max(seg_start, v_start - 200), v_start)
            coordinated = (
                subject is None and frame == "verb" and kind != "owned" and self._finite(verb)
                and _AND_BEFORE.search(prose, max(seg_start, v_start - 12), v_start) is not None
            )
            if subject is None and not coordinated:
                continue
            if sentences is None:
                sentences = doc.sentences
            s_start = _sentence_start(prose, sentences, p_start, seg_start)
            if subject is not None and subject.start() < s_start:
                subject = self.subject.search(prose, s_start, v_start)
            if subject is not None and not self._opens_clause(prose, s_start, subject.start()):
                subject = None
            if subject is None and frame == "verb" and kind != "owned" and self._finite(verb):
                subject = self._coordinated_subject(prose, s_start, v_start)
            if subject is None:
                continue
            between = subject.group("between").split()
            if set(between) & self.plural_auxiliaries:
                continue  # British collective agreement: "Scotland have ..." takes "their"
            if frame == "after-modal" and not (between and between[-1] in _MODALS):
                continue  # a bare "go" is a verb only after "would", "will" ...
            if kind == "owned" and _PERSON_BEFORE.search(prose, s_start, subject.start()):
                continue  # "he said Russia had closed his airspace": the owner may be that person
            if self._named_for_a_person(subject):
                continue  # "the Blair government reaffirmed his ...": it may speak for him
            place = subject.group("place")
            if place and self._named_person(prose, _bare_name(place)):
                continue  # "Stephen Ireland ... Ireland expressed his ...": a surname here
            name = " ".join(subject.group("subject").split())
            form = NEUTER[pronoun]
            yield Match(p_start, p_end, self.format_message(pronoun, name, form), (form,))

    def _named_for_a_person(self, subject: Any) -> bool:
        """An organisation led by a person and named after one ("the Trump administration"):
        a capitalised modifier that is no demonym and no place or body in the gazetteers."""
        head = subject.group("head")
        if not head or head.lower() not in self.led_by_person:
            return False
        words = subject.group("modifiers").split()
        return any(w[:1].isupper() and w not in self.demonyms and w not in self.names for w in words)

    def _coordinated_subject(self, prose: str, sentence_start: int, verb_start: int) -> Any:
        """The subject of "SUBJECT VERB ... and VERB-ed his": a second finite verb joined by "and"
        shares the clause's subject when nothing between opens another clause or names a person
        ("Norway joined the talks and reiterated his support"; not "... the envoy, who ... and")."""
        conj = _AND_BEFORE.search(prose, max(sentence_start, verb_start - 12), verb_start)
        if conj is None:
            return None
        found = None
        for head in self.clause_subject.finditer(prose, sentence_start, conj.start()):
            if self._opens_clause(prose, sentence_start, head.start()):
                found = head
        if found is None or self.clause_break.search(prose, found.start("first_verb"), conj.start()):
            return None
        return found

    def _finite(self, verb: str) -> bool:
        return verb in self.irregular_verbs or bool(_VERBISH.fullmatch(verb))

    def _frame(self, kind: str, verb: str, pronoun: str, following: str | None) -> str | None:
        """Whether the verb and the word after the pronoun make a frame only the subject fills:
        None (no), "verb" (yes), or "after-modal" (yes if a modal precedes the bare verb)."""
        if verb in self.reporting_verbs:
            return None
        finite = verb in self.self_verbs or self._finite(verb)
        verb_form = "verb" if finite else "after-modal"
        if kind in ("reflexive", "own"):
            return verb_form
        if pronoun == "her" and (following is None or following.lower() in self.not_possessed):
            return None  # "thanked her for ...": an object, not a possessive
        if kind == "frame":
            return "verb"
        return verb_form if verb not in self.other_verbs else None

    def _named_person(self, prose: str, name: str) -> bool:
        """Whether the article also writes the place name after a given name ("Jimmy Wales"),
        which makes the bare name a person's surname. Run only for a finding about to be made."""
        for m in regex.finditer(rf"(?<![\p{{L}}\p{{N}}'’.-]){regex.escape(name)}(?![\p{{L}}\p{{N}}])", prose):
            before = _GIVEN_NAME.search(prose, max(0, m.start() - 40), m.start())
            if before is None:
                continue
            word = before.group("word")
            if word.lower() not in self.not_given_names and f"{word} {name}" not in self.names:
                return True
        return False

    def _opens_clause(self, prose: str, sentence_start: int, subject_start: int) -> bool:
        """The subject starts its sentence or follows punctuation or a clause opener."""
        before = prose[sentence_start:subject_start].rstrip()
        if not before:
            return True
        if before[-1] in ",;:(—–-\"“‘'":  # "-": a dateline dash (the subject never follows a hyphen)
            return True
        last = _LAST_WORD.search(before)
        if last is None or last.group("word").lower() not in self.openers:
            return False
        word_start = last.start("word")
        if last.group("word").lower() in ("and", "or"):
            # "Carney and Canada ..." is a compound subject: only ", and Canada ..." opens a clause.
            rest = before[:word_start].rstrip()
            return not rest or rest[-1] in ",;:"
        return True


def _bare_name(place: str) -> str:
    """`the  Netherlands` -> `Netherlands`."""
    words = place.split()
    return " ".join(words[1:] if words[0] in ("the", "The") else words)


def _merged(spans: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    """Scope spans sorted, with overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _sentence_start(prose: str, sentences: list[tuple[int, int]], offset: int, fallback: int) -> int:
    """Where the sentence holding `offset` starts. A hard-wrapped line (a single line break after
    a line that does not end a sentence) continues the sentence before it, whatever the
    Document's headline heuristic says: "... of Acme\nHoldings reiterated ..." is one sentence."""
    i = bisect_right(sentences, (offset, float("inf"))) - 1
    if i < 0 or not sentences[i][0] <= offset < sentences[i][1]:
        return fallback
    while i > 0:
        start = sentences[i][0]
        gap = prose[sentences[i - 1][1] : start]
        if gap.count("\n") != 1 or start <= fallback:
            break
        previous = prose[sentences[i - 1][0] : sentences[i - 1][1]]
        if _SENTENCE_FINAL.search(previous):
            break
        i -= 1
    return max(sentences[i][0], fallback)


def _strings(value: Any) -> list[str]:
    if not value:
        return []
    return [str(v) for v in value if v is not None and str(v).strip()]


def _alternation(words: Any, escape: bool = True) -> str:
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    if not items:
        return r"(?!)"
    parts = [regex.escape(w) if escape else w for w in items]
    # A space in a listed name matches any run of white space (names wrap across lines).
    return "|".join(p.replace(r"\ ", r"\s+") for p in parts)


def _either_case(word: str) -> str:
    """`company` -> `[Cc]ompany`: head nouns and determiners open a sentence or a name."""
    first, rest = word[:1], regex.escape(word[1:])
    if first.lower() == first.upper():
        return regex.escape(word)
    return f"[{first.upper()}{first.lower()}]{rest}"


def _data_path(rule_path: str, name: str) -> str | None:
    """A word list: absolute, beside the rule's style (`<styles>/data/`), or in the bundled data."""
    import os

    if os.path.isabs(name):
        return name if os.path.isfile(name) else None
    return data_path(name, rule_path)


@lru_cache(maxsize=32)
def _load_data(path: str) -> MappingProxyType[str, Any]:
    """A word list file, read once per process; read-only, as the memo is shared."""
    data = load_yaml_file(path)
    if not isinstance(data, dict):
        raise YamlError(path, None, "a word list file must be a mapping of lists")
    return MappingProxyType({str(k): tuple(v) if isinstance(v, list) else v for k, v in data.items()})


RULE = PronounAgreement
