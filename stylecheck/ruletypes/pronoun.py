"""pronoun-agreement: a place or organisation that is the subject of a clause takes it/its, not he/his.

    extends: pronoun-agreement
    message: "'%s' refers back to '%s', a place or organisation: use '%s'."
    entities: [Acme Widgets]        # more names that stand for a body (a newsroom's own list)
    exceptions: [Victoria]          # names never read as a place or organisation
    collective: [ap]                # presets under which "their" after a singular body is reported

The decision rests on evidence in and around the sentence (see pronoun_clause.py for the clause):

1. **Who the subject is.** A noun phrase that opens its clause and stands for a place or a body:
   a gazetteer name, an organisation's noun phrase ("the retailer", "the Swiss central bank"), or
   a name the article itself shows to be a body ("Acme said it ...", "Acme's shares", "Acme Inc").
2. **The frame.** The pronoun follows the subject's verb group directly, after a preposition,
   after an infinitive, after a second verb joined by "and", or (a reflexive) anywhere in the
   clause; nothing in between may name a person or open another clause.
3. **Who else could own it.** A person named or referred to earlier in the sentence or in the
   sentence before (a name, he/she, Mr/Ms, a title, a person noun such as "the coach"), a possessive
   subject ("Canada's prime minister"), a person the subject acts on ("praised the striker for his
   goal"). Such a person raises the evidence the check asks for before it speaks.
4. **What is owned.** Naive-Bayes log-odds, learned from how edited news uses "its" against
   "his/her" (rules/data/pronoun_learned.yml, built by bench/build_pronoun_data.py): the words the
   pronoun owns ("its forecast", "his injury") and the verb or preposition before it, counted after
   subjects that are bodies ("it cut its", "the bank cut its"). The score must reach the threshold
   for the competitors found (rules/data/pronoun.yml `thresholds`); a person's thing never is.

Under the presets listed in `collective` (AP), "their" after a singular body is reported too
("Apple reported their first loss" -> "its"); elsewhere plural agreement stands ("the government
have ... their").

A newsroom adds its own names with the house setting `pronoun` in its config:

    settings:
      pronoun:
        entities: [Acme Widgets, Northwind]   # names of bodies that take "its"
        heads: [consortium]                   # organisation head nouns ("the consortium")
        exceptions: [Lyon]                    # names never read as a place or organisation
        self_verbs: [underlined]              # verbs whose object is always the subject's own
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from functools import lru_cache
from types import MappingProxyType

import regex

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..resources import data_path
from ..yamlload import YamlError, load_yaml_file
from . import pronoun_clause as clause
from .base import Field, Rule, RuleError

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any

SETTINGS_KEY = "pronoun"
SETTING_LISTS = ("entities", "heads", "exceptions", "self_verbs")

# The form a pronoun takes when it refers to a place or organisation.
NEUTER = {
    "his": "its", "her": "its", "their": "its",
    "himself": "itself", "herself": "itself", "themselves": "itself",
}

_PERSONAL = patterns.compile(r"(?<![\p{L}\p{N}'’-])(?:h(?:is|er(?:self)?|imself)|H(?:is|er))(?![\p{L}\p{N}'’-])")
_PERSONAL_OR_THEIR = patterns.compile(r"(?<![\p{L}\p{N}'’-])(?:h(?:is|er(?:self)?|imself)|H(?:is|er)|their)(?![\p{L}\p{N}'’-])")
_ROLE_AS = patterns.compile(r"\s+as\b")
_SENTENCE_FINAL = patterns.compile(r"[.!?…:;][\"'”’)\]]*\Z")
# The words a possessive owns: up to three lowercase words, after any capitalised name ("its
# Tenngasco Corp subsidiary").
_OWNED_RUN = patterns.compile(
    r"\s+(?P<own>own\s+)?(?P<first>[\p{Lu}\p{N}<$£€])?(?:(?:[\p{Lu}\p{N}<$£€][\p{L}\p{N}&'’.,/<>()£$€-]*|more|most|less|very|newly|recently|\p{Ll}+ly)\s+){0,4}"
    r"(\p{Ll}[\p{Ll}'’-]*)(?:\s+(\p{Ll}[\p{Ll}'’-]*))?(?:\s+(\p{Ll}[\p{Ll}'’-]*))?"
    r"|\s+(?P<only>[\p{Lu}\p{N}$£€])"
)
# The weight of each owned word: the first is the surest to be owned ("his grip firm").
_OWNED_WEIGHTS = (1.0, 0.7, 0.4)

# The article's own evidence about a capitalised name, read around each place it is used (only
# for the names a candidate needs: a subject, or a possible person before it).
_BODY_AFTER = patterns.compile(
    r",?\s+(?:Inc|Corp|Co|Cos|Ltd|plc|PLC|LLC|AG|SA|NV|SE|SpA)\b"
    r"|\s+(?:said|says|added|reported|announced)\s+(?:on\s+\p{Lu}\p{Ll}+\s+)?(?:that\s+)?(?:it|its)\b"
    r"|['’]s\s+(?P<owned>\p{Ll}+)"
    r"|,\s+(?:the|a|an)\s+(?P<phrase>(?:[\p{L}-]+\s+){0,3}[\p{L}-]+)"
)
_LEGAL_LOWER = frozenset(("inc", "corp", "co", "cos", "ltd", "plc", "llc", "lp", "ag", "sa", "spa", "nv", "se", "gmbh"))
_NAME_GOES_ON = patterns.compile(r"[ \t]+(?:\p{Lu}|&)")  # "Ford Motor Co": a longer name
_PERSON_PRONOUN = patterns.compile(r"(?<![\p{L}\p{N}])(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Hh]imself|[Hh]erself)(?![\p{L}\p{N}])")
_BODY_BEFORE = patterns.compile(r"(?r)(?:shares|stock)\s+(?:of|in)\s+\Z")
_PERSON_AFTER = patterns.compile(
    r"\s+(?:said|says|told|added|admitted|insisted|explained)\s+(?:he|she)\b|,\s+(?:aged\s+)?\d{1,2},"
)


class PronounAgreement(Rule):
    FIELDS = {
        "places": Field(
            (list,),
            ["gazetteer/countries.yml", "gazetteer/us_states.yml", "gazetteer/cities.yml"],
            doc="gazetteer files (names:, person_names:) under rules/data/",
        ),
        "organisations": Field((str,), "gazetteer/organisations.yml", doc="heads:, determiners:, names:, companies:"),
        "demonyms": Field((str,), "gazetteer/demonyms.yml", doc="names: demonyms allowed before a head noun"),
        "frames": Field((str,), "pronoun.yml", doc="closed word classes and thresholds"),
        "learned": Field((str,), "pronoun_learned.yml", doc="counts learned from edited news"),
        "entities": Field((list,), [], doc="more names of places or bodies"),
        "exceptions": Field((list,), [], doc="names never read as a place or body"),
        "collective": Field((list,), [], doc="presets under which 'their' after a singular body is reported"),
    }
    DEFAULT_MESSAGE = "'%s' refers back to '%s', a place or organisation: use '%s'."

    def compile(self, options: dict) -> None:
        extra = self._house_setting()
        frames = self._data(self.option("frames"))
        orgs = self._data(self.option("organisations"))
        learned = self._data(self.option("learned"))
        demonyms = frozenset(_strings(self._data(self.option("demonyms")).get("names")))

        excluded = set(_strings(self.option("exceptions"))) | set(extra["exceptions"])
        added = set(_strings(self.option("entities"))) | set(extra["entities"])
        places: dict[str, str] = {}
        person_names: set[str] = set()
        for file in self.option("places"):
            data = self._data(str(file))
            kind = "country" if "countr" in str(file) else "city or state" if "cit" in str(file) or "state" in str(file) else "place"
            for name in _strings(data.get("names")):
                places.setdefault(name, kind)
            person_names.update(_strings(data.get("person_names")))
        bodies: dict[str, str] = {}
        for name in _strings(orgs.get("names")):
            bodies[name] = "institution"
        for name in _strings(orgs.get("companies")) + _strings(learned.get("bodies")):
            bodies.setdefault(name, "company")
        for name in person_names | excluded:
            places.pop(name, None)
            bodies.pop(name, None)
        for name in added:
            bodies[name] = "entity"
        learned_bodies = frozenset(_strings(learned.get("body_nouns")))
        heads = (frozenset(_strings(orgs.get("heads"))) | learned_bodies | frozenset(extra["heads"])) - excluded
        self.lexicon = clause.Lexicon(
            frames, places, bodies, heads, demonyms,
            person_nouns=frozenset(_strings(learned.get("person_nouns"))) - heads,
            given_names=frozenset(_strings(learned.get("given_names"))) - set(places) - set(bodies),
            suffixes=frozenset(_strings(orgs.get("suffixes"))),
        )
        self.heads = heads
        self.self_verbs = frozenset(extra["self_verbs"])
        self.other_verbs = frozenset(_strings(frames.get("other_verbs")))
        self.standing_nouns = frozenset(_strings(frames.get("standing_nouns")))
        self.roles = frozenset(_strings(frames.get("roles")))
        self.irregular_past = frozenset(_strings(frames.get("irregular_past")))
        thresholds = dict(frames.get("thresholds") or {})
        self.thresholds = {str(k): float(v) for k, v in thresholds.items()}
        self.collective = self.ctx.preset in _strings(self.option("collective"))

        # Learned log-odds: body-owned (+) against person-owned (-), and its against their.
        totals = dict(learned.get("totals") or {})
        self.owned = _log_odds(learned.get("owned"), totals)
        # The verb before the pronoun, counted after body subjects only ("it cut its", "the bank cut its").
        self.verbs = _log_odds(learned.get("verbs"), dict(learned.get("verb_totals") or totals))
        self.reflexive = _log_odds(learned.get("reflexive"), dict(learned.get("reflexive_totals") or {"its": 1, "person": 1, "their": 1}))
        # How often "her" after a word is an object rather than a possessive ("told her", "gave her").
        self.her_object: dict[str, float] = {}
        for word, counts in dict(learned.get("her_before") or {}).items():
            parts = str(counts).split()
            if len(parts) == 2 and all(p.isdigit() for p in parts):
                obj, poss = int(parts[0]), int(parts[1])
                self.her_object[str(word)] = (obj + 0.5) / (obj + poss + 1.0)
        # "President Reagan", "Mr Blair": a title makes the name after it a person's.
        self.name_titles = frozenset(_strings(frames.get("name_titles")))
        self.pattern = _PERSONAL_OR_THEIR if self.collective else _PERSONAL

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
        spans = _across_tickers(_merged(self.segments(doc)), doc)
        if not spans:
            return
        prose = doc.prose
        starts = [s for s, _ in spans]
        state = _DocState(self, doc)
        for m in self.finditer(self.pattern, doc, spans[0][0], spans[-1][1]):
            p_start, p_end = m.span()
            i = bisect_right(starts, p_start) - 1
            if i < 0 or p_end > spans[i][1]:
                continue
            found = self._judge(state, prose, m.group(), p_start, p_end, spans[i])
            if found is not None:
                state.flagged.add(p_start)  # a wrong "his" refers to no person in the next sentence
                yield found

    def _judge(self, state: _DocState, prose: str, pronoun: str, p_start: int, p_end: int, seg: tuple[int, int]) -> Match | None:
        low = pronoun.lower()
        reflexive = low.endswith("self")
        their = low == "their"
        after = _OWNED_RUN.match(prose, p_end, seg[1])
        owned_words = _owned_words(after, self.lexicon)
        if not reflexive and not owned_words:
            return None  # "thanked her for", "his." : not a possessive before a noun
        if low == "her":
            # "suspended her indefinitely", "helped her win", "told her Acme ...": maybe an object.
            word_before = prose[max(seg[0], p_start - 30) : p_start].split()[-1:] or [""]
            object_rate = self.her_object.get(word_before[0].lower(), 0.3)
            if object_rate >= 0.5 or owned_words[0] == "<name>" and object_rate >= 0.2:
                return None
        if _inside_open_quote(prose, seg[0], p_start):
            return None  # quoted speech that the document's quote finder lost across a line break
        s_start, prev_start = state.sentence_bounds(p_start, seg[0])
        toks = state.tokens(s_start, p_start)
        if not toks:
            return None
        found = self._subject_and_frame(state, toks, reflexive)
        if found is None:
            return None
        subject, verb_index, frame, plural = found
        if plural:
            return None  # British collective agreement: "Scotland have ..."
        lex = self.lexicon
        path = toks[verb_index + 1 :]
        verb = toks[verb_index]
        for t in reversed(path):  # the verb that governs the pronoun: "is looking to develop", "and reaffirmed"
            if t.tag in ("n", "g", "v"):
                verb = t
                break
        if their:
            if subject.kind in ("country", "city or state"):
                return None  # "the Netherlands ... their", team names: leave places to editors
            if _plural_owner_before(toks[: subject.first]) or any(_plural(t) or t.tag == "N" for t in path):
                return None  # another plural owner is in reach ("Workers said the company ...", "A and B said ...")
            if prev_start < s_start and any(t.lower in _PLURAL_PRONOUNS or t.tag == "h" and _plural(t)
                                            for t in state.tokens(prev_start, s_start)):
                return None  # "... the officers ... . Acme said under their agreements": theirs
            score = _weighted(self.owned, owned_words, 1) + self.verbs.get(verb.lower, _ZERO)[1]
            if score < self.thresholds.get("their", 0.0):
                return None
        else:
            table = self.reflexive if reflexive else self.owned
            owned_score = 0.0 if reflexive else _weighted(table, owned_words, 0)
            # The verb says less about the owner than the owned noun does: half its weight, at most 2.
            verb_score = (self.reflexive if reflexive else self.verbs).get(verb.lower, _ZERO)[0]
            verb_score = max(-VERB_CAP, min(VERB_CAP, VERB_WEIGHT * verb_score))
            score = owned_score + verb_score
            if owned_score <= self.thresholds.get("person_owned", -2.5):
                return None  # a person's thing: "the club confirmed his resignation"
            if not reflexive and (owned_words and owned_words[0] in self.standing_nouns
                                  or owned_words and owned_words[0] in self.roles and len(owned_words) == 1 and _ROLE_AS.match(prose, after.end(3))
                                  or verb.lower in self.other_verbs and owned_score < self.thresholds.get("same_sentence", 1.5)):
                return None  # "renewed his contract", "welcomed his release": someone else's
            if verb.lower in self.self_verbs:
                score = max(score, 10.0)
            before = toks[: subject.first]
            for k in range(len(before) - 1, -1, -1):
                if before[k].text == ";":  # a semicolon closes a clause as a full stop would
                    before = before[k + 1 :]
                    break
            if reflexive:
                # A reflexive is bound inside its own clause ("Iraq dissociated himself"): a person
                # outside it cannot own it, so only the clause (checked by the frame) counts.
                need = self.thresholds.get("no_competitor", -2.5)
            elif any(_one_person(t, state.persons) for t in before) or _speaker_before(before, lex, self.heads):
                need = self.thresholds.get("same_sentence", 1.5)
            elif state.person_in(prev_start, s_start, pronouns_only=True):
                need = self.thresholds.get("same_sentence", 1.5)  # "he", "her" just before: the topic
            elif state.person_in(prev_start, s_start):
                need = self.thresholds.get("previous_sentence", 0.0)
            else:
                need = self.thresholds.get("no_competitor", -2.5)
            if need > self.thresholds.get("no_competitor", -2.5) and not reflexive:
                # With a person in reach, what is owned decides: the verb may only count against.
                score = owned_score + min(verb_score, 0.0)
                if verb.lower in self.self_verbs:
                    score = 10.0
            if verb.tag == "v" and frame == "after-verb":
                # "The bank said his ...": the pronoun opens a clause of its own; only what it owns tells.
                need += self.thresholds.get("reporting", 1.5)
                score = owned_score
            if score < need:
                return None
        if subject.first < len(toks) and toks[subject.first].text in state.persons:
            return None
        form = NEUTER[low]
        if pronoun[:1].isupper():
            form = form.capitalize()
        return Match(p_start, p_end, self.format_message(pronoun, subject.name, form), (form,))

    def _subject_and_frame(self, state: _DocState, toks: list[clause.Token], reflexive: bool) -> Any:
        """The clause-opening body subject whose verb group reaches the pronoun through a frame."""
        lex = self.lexicon
        n = len(toks)
        # Candidate subject starts: the sentence start and every clause opening, nearest first.
        for i in range(n - 1, -1, -1):
            if not _opens_clause(toks, i, lex):
                continue
            subject = clause.subject_at(toks, i, n, lex, state.bodies, state.persons)
            if subject is None:
                continue
            if subject.name.split()[-1] in state.persons or subject.name in state.persons:
                continue
            group = clause.verb_group(toks, subject.last + 1, n, lex)
            if group is None:
                continue
            verb_index, plural = group
            path = "".join(t.tag for t in toks[verb_index + 1 :])
            if reflexive:
                if clause.REFLEXIVE_PATH.match(path):
                    return subject, verb_index, "reflexive", plural
                continue
            frame = clause.frame_of(path)
            if frame is None:
                continue
            if frame == "coordinated" and (toks[verb_index].tag == "v" or _clause_inside(toks[verb_index + 1 :])):
                continue  # "said the striker trained and expressed his ...": the striker's
            if frame == "coordinated" and not self._same_form(toks, verb_index):
                continue  # "watched the striker score and express his ...": the striker's
            if frame == "after-verb" and toks[verb_index].tag in ("a", "A") and toks[verb_index].lower not in ("has", "had", "have", "hasn't", "hadn't", "hasn’t", "hadn’t"):
                continue  # "Brazil is his home": a copula, the pronoun names someone else's
            return subject, verb_index, frame, plural
        return None

    def _same_form(self, toks: list[clause.Token], verb_index: int) -> bool:
        """A second verb joined by "and" shares the subject only in the same form as the first:
        a past or present verb and a bare one ("watched X score and express") belong apart."""
        first = toks[verb_index]
        second = None
        for k in range(len(toks) - 1, verb_index, -1):
            if toks[k].tag == "c":
                j = k + 1
                while j < len(toks) and toks[j].tag in ("a", "r"):
                    j += 1
                if j < len(toks) and j > k + 1:
                    return True  # "and has reaffirmed", "and will reaffirm": its own auxiliary
                if j < len(toks) and toks[j].tag == "t":
                    # "agreed to stop X and to raise": two infinitives, only after a first one
                    return any(t.tag == "t" for t in toks[verb_index + 1 : k])
                second = toks[j] if j < len(toks) else None
                break
        if second is None:
            return False
        finite = lambda t: t.lower.endswith("ed") or t.lower.endswith("s") and not t.lower.endswith("ss") or t.lower in self.irregular_past  # noqa: E731
        return not (finite(first) and not finite(second))


_ZERO = (0.0, 0.0)
OWN_BONUS = 2.0
VERB_WEIGHT = 0.5
VERB_CAP = 2.0
_AGENT_PLURALS = ("ers", "ors", "ists", "ians")  # traders, investors, economists, politicians
_PLURAL_PRONOUNS = frozenset(("they", "them", "their", "theirs", "themselves"))
_PERSONAL_PRONOUNS = frozenset(("he", "she", "him", "his", "her", "hers", "himself", "herself"))


class _TokenStarts:
    """The start offsets of a token list, as a sequence `bisect` can search without a copy."""

    __slots__ = ("toks",)

    def __init__(self, toks: list[clause.Token]) -> None:
        self.toks = toks

    def __len__(self) -> int:
        return len(self.toks)

    def __getitem__(self, i: int) -> int:
        return self.toks[i].start


class _Names:
    """A read-only set or mapping of names whose answers are worked out on first use."""

    __slots__ = ("look",)

    def __init__(self, look) -> None:
        self.look = look

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and bool(self.look(name))

    def get(self, name: str, default=None):
        return self.look(name) or default


class _DocState:
    """What one document's check works out once: sentences, tokens, and the names the article
    itself shows to be bodies or people (computed on the first candidate that needs them)."""

    def __init__(self, rule: PronounAgreement, doc: Document) -> None:
        self.rule = rule
        self.doc = doc
        self.prose = doc.prose
        self._sentences: list[tuple[int, int]] | None = None
        self._person: dict[str, bool] = {}
        self._index: dict[str, list[int]] | None = None
        self._body: dict[str, str | None] = {}
        self.persons = _Names(self.is_person)
        self.bodies = _Names(self.body_kind)
        self._tokens: dict[int, list[clause.Token]] = {}
        self._token_ends: dict[int, int] = {}
        self.flagged: set[int] = set()

    def sentence_bounds(self, offset: int, fallback: int) -> tuple[int, int]:
        if self._sentences is None:
            self._sentences = self.doc.sentences
        start, index = _sentence_start(self.prose, self._sentences, offset, fallback)
        prev = self._sentences[index - 1][0] if index > 0 else start
        return start, min(prev, start)

    def tokens(self, start: int, end: int) -> list[clause.Token]:
        """The tagged tokens of prose[start:end]. Candidates in one sentence share its start: the
        stretch is tokenised once, to the end of the sentence, and each takes what it needs."""
        toks = self._tokens.get(start)
        if toks is None or self._token_ends[start] < end:
            stop = max(end, self._sentence_end(end))
            toks = clause.tokens(self.prose, start, stop)
            clause.tag(toks, self.rule.lexicon)
            self._tokens[start] = toks
            self._token_ends[start] = stop
        if toks and toks[-1].end > end:
            return toks[: bisect_left(_TokenStarts(toks), end)]
        return toks

    def _sentence_end(self, offset: int) -> int:
        """The end of the Document sentence holding `offset` (or `offset` itself)."""
        sentences = self._sentences or []
        i = bisect_right(sentences, (offset, float("inf"))) - 1
        if 0 <= i < len(sentences) and sentences[i][0] <= offset <= sentences[i][1]:
            return sentences[i][1]
        return offset

    # -- the article's evidence on a name, looked up where the name is used, once per name ------

    def _occurrences(self, name: str):
        """Where `name` stands as a whole word in the prose (str.find: no pattern per name).

        In a long text (a whole archive in one file) a find per name would read the text once for
        every name, which grows with the square of its length: there the places where a
        capitalised word starts are indexed once, and each name tries only those of its first word."""
        prose = self.prose
        n = len(name)
        starts = self._indexed_starts(name) if len(prose) > _INDEX_FROM else None
        resume = 0  # as a find loop does, the next occurrence is looked for after this one
        for at in _finds(prose, name) if starts is None else starts:
            if at < resume or not prose.startswith(name, at):
                continue
            resume = at + n
            before = prose[at - 1] if at else " "
            after = prose[at + n] if at + n < len(prose) else " "
            if not (before.isalnum() or before in "'’.-") and not after.isalnum():
                yield at, at + n

    def _indexed_starts(self, name: str) -> list[int] | None:
        """Where the capitalised word that opens `name` starts in the prose (None when `name` does
        not open with one: then a find loop looks for it)."""
        first = _FIRST_WORD.match(name) if name[:1].isupper() else None
        if first is None:
            return None
        index = self._index
        if index is None:
            index = self._index = {}
            for m in _CAPITALISED_RUN.finditer(self.prose):
                index.setdefault(m.group(), []).append(m.start())
        return index.get(first.group(), [])

    def is_person(self, name: str) -> bool:
        """The article shows `name` to be a person's: "Mr NAME", "President NAME", "Ana NAME" (a
        given name), "coach Ana NAME", "NAME said he", "NAME, 45,"."""
        found = self._person.get(name)
        if found is not None:
            return found
        lex = self.rule.lexicon
        found = False
        if name[:1].isupper() and name not in lex.bodies and name.lower() not in self.rule.heads:
            prose = self.prose
            for start, end in self._occurrences(name):
                if _PERSON_AFTER.match(prose, end, min(len(prose), end + 40)):
                    found = True
                    break
                before = prose[max(0, start - 40) : start]
                if not before[-1:].isspace():
                    continue
                words = before.split()[-2:]
                if not words:
                    continue
                first, last = (words[0] if len(words) == 2 else ""), words[-1]
                if last.rstrip(".") in self.rule.name_titles:
                    found = True  # "President Lula", "Mr Berg"
                elif last in ("says", "said") and first[-1:] in "\"”'’" and name not in lex.places \
                        and not prose.startswith(("'s", "’s"), end):
                    found = True  # "... soon," says Ruiz: a quoted speaker
                elif last in lex.given_names and last.lower() not in lex.not_given_names and f"{last} {name}" not in lex.places:
                    found = True  # "Kevin Ireland": the place name is a surname here
                elif last[:1].isupper() and (first.rstrip(".") in self.rule.name_titles or first in lex.person_nouns and not first.endswith("s")):
                    found = True  # "coach Ana Ruiz", "Prime Minister Ruiz"
                elif (last[:1].isupper() and last.isalpha() and not last.isupper() and first[-1:] not in ".!?\"“"
                      and last not in lex.places and last not in lex.bodies and last not in lex.demonyms
                      and last not in lex.time_words and last.lower() not in lex.not_given_names
                      and last.lower() not in lex.closed and last.lower() not in self.rule.heads
                      and f"{last} {name}" not in lex.bodies and f"{last} {name}" not in lex.places and name not in lex.suffixes
                      and name not in lex.places and not _NAME_GOES_ON.match(prose, end)
                      and not first[:1].isupper() and name not in lex.demonyms and name.lower() not in _LEGAL_LOWER
                      and self._person_pronoun_near(start)):
                    found = True  # "Emmanuelle Charpentier ... she": an unknown given name
                if found:
                    break
        self._person[name] = found
        return found

    def _person_pronoun_near(self, offset: int) -> bool:
        """A personal pronoun in the 300 characters after `offset` ("Ana Ruiz ... she said")."""
        return _PERSON_PRONOUN.search(self.prose, offset, min(len(self.prose), offset + 300)) is not None

    def body_kind(self, name: str) -> str | None:
        """The article shows `name` to be a body's: "NAME said it/its", "NAME Inc", "NAME's
        shares" (a noun bodies own), "shares of NAME", "NAME, the retailer"."""
        if name in self._body:
            return self._body[name]
        rule = self.rule
        prose = self.prose
        found = None
        words = name.split()
        if words and words[0].lower() not in rule.lexicon.clause_words:
            for start, end in self._occurrences(name):
                m = _BODY_AFTER.match(prose, end, min(len(prose), end + 80))
                if m is not None:
                    if m.group("owned") is not None:
                        if rule.owned.get(m.group("owned"), _ZERO)[0] < 2.0:
                            m = None  # "Acme's chief executive" says little; "Acme's shares" says body
                    elif m.group("phrase") is not None:
                        if not any(w.lower() in rule.heads for w in m.group("phrase").split()):
                            m = None
                if m is not None or _BODY_BEFORE.search(prose, max(0, start - 20), start):
                    found = "company"
                    break
            if found is not None and self.is_person(words[-1]):
                found = None  # "Mr Ford ... Ford said it would ...": a person's name first
        self._body[name] = found
        return found

    def person_in(self, start: int, end: int, pronouns_only: bool = False) -> bool:
        """Whether a person is named or referred to in prose[start:end] (the sentence before);
        with `pronouns_only`, by a personal pronoun (he, his, her ...)."""
        if end <= start:
            return False
        toks = [t for t in self.tokens(start, end) if t.start not in self.flagged]
        if pronouns_only:
            return any(t.lower in _PERSONAL_PRONOUNS for t in toks)
        return any(_one_person(t, self.persons) for t in toks)


def _opens_clause(toks: list[clause.Token], i: int, lex: clause.Lexicon) -> bool:
    """Token i starts the sentence, or follows punctuation, a clause opener or a dateline dash."""
    if i == 0:
        return True
    before = toks[i - 1]
    if before.tag == "x" and before.lower not in ("or",):
        if before.lower == "and":
            return False
        return True
    if before.tag == "v":
        return True  # "the spokesman said the company ...": a reported clause
    if before.lower in lex.openers:
        if before.lower == "and":
            # "Carney and Canada ..." is a compound subject: only ", and Canada ..." opens a clause.
            return i >= 2 and toks[i - 2].text in (",", ";", ":")
        return True
    return False


def _clause_inside(path: list[clause.Token]) -> bool:
    """A noun followed by a past-tense verb before "and": another clause ("noticed the striker
    smiled and ..."), whose subject may own what follows."""
    for k in range(1, len(path)):
        if path[k].tag == "c":
            return False
        if path[k].tag == "n" and path[k].lower.endswith("ed") and path[k - 1].tag in ("n", "h", "N"):
            return True
    return False


def _one_person(tok: clause.Token, persons: frozenset) -> bool:
    """A word that names or refers to one person (a plural cannot own "his" or "her")."""
    if tok.tag == "N":
        return tok.text in persons
    return tok.tag == "h" and not _plural(tok)


def _speaker_before(before: list[clause.Token], lex: clause.Lexicon, heads: frozenset = frozenset()) -> bool:
    """Someone who may be a person speaks or acts before the subject: "X said that Canada ...",
    "A senior official at one of the banks said the ministry ...", "Sosnoff also informed the SEC
    that ..." (an unknown capitalised name, or a noun phrase whose head is no place or body, then
    a verb). A plural speaker ("Analysts expected ...") cannot own "his" or "her"."""
    for k, t in enumerate(before):
        if t.tag == "v" and k > 0:
            start = k - 1
            while start > 0 and before[start - 1].tag not in ("x", "c", "v"):
                start -= 1
            phrase = before[start:k]
            cut = next((i for i, w in enumerate(phrase) if w.tag in ("p", "t")), len(phrase))
            head_phrase = [w for w in phrase[:cut] if w.tag != "r"]
            if not head_phrase:
                continue
            head = head_phrase[-1]
            if head.tag == "B" or head.lower in heads or head.tag == "o" or head.tag == "d":
                continue
            # A noun: a person word, a name, or a word after a determiner ("a senior official").
            nounish = head.tag in ("h", "N") or head.tag == "n" and any(w.tag == "d" for w in head_phrase[:-1])
            if nounish and not _plural(head):
                return True
        if t.tag == "N" and k + 1 < len(before):
            j = k + 1
            while j < len(before) and before[j].tag == "r":
                j += 1
            if j < len(before) and before[j].tag in ("n", "v") and before[j].lower.endswith(("ed", "s")):
                return True
    return False


def _weighted(table: dict, words: list[str], side: int) -> float:
    """The owned words' log-odds, the first weighing most. "own" ("its own plan") binds the
    possessive to the clause's subject: it adds OWN_BONUS."""
    bonus = 0.0
    if words and words[0] == "own":
        bonus, words = OWN_BONUS, words[1:]
    return bonus + sum(weight * table.get(w, _ZERO)[side] for weight, w in zip(_OWNED_WEIGHTS, words))


def _owned_words(after: Any, lex: clause.Lexicon) -> list[str]:
    """The features of what a possessive owns: "<name>" or "<number>" for a leading capitalised
    word or figure ("its Tenngasco unit", "its 1987 harvest"), then up to three lowercase words."""
    if after is None:
        return []
    first = after.group("first") or after.group("only")
    out = ["own"] if after.group("own") else []
    if first:
        out.append("<number>" if first.isdigit() or first in "$£€" else "<name>")
    return out + _content_run([w for w in after.groups()[2:5] if w], lex)


def _content_run(words: list[str], lex: clause.Lexicon) -> list[str]:
    out = []
    for w in words:
        if w in lex.prepositions or w in lex.determiners or w in lex.clause_words or w in lex.auxiliaries \
                or w in lex.plural_auxiliaries or w in lex.other_pronouns or w in lex.person_words or w == "to" or w == "and":
            break
        out.append(w)
    return out


def _inside_open_quote(prose: str, block_start: int, offset: int) -> bool:
    """An odd number of straight double quotes (or more opening than closing curly ones) between
    the paragraph's start and `offset`: the pronoun stands inside a quotation."""
    para = prose.rfind("\n\n", block_start, offset)
    start = block_start if para < 0 else para
    text = prose[start:offset]
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def _plural_owner_before(before: list[clause.Token]) -> bool:
    """A plural that may own "their", before the subject: people ("Workers said the company ..."),
    "they", names joined by "and", or a plural noun that is itself a clause's subject ("shares
    fell as ...")."""
    for k, t in enumerate(before):
        if t.lower in _PLURAL_PRONOUNS or t.tag == "c" and 0 < k < len(before) - 1 and before[k - 1].tag in ("N", "B") and before[k + 1].tag in ("N", "B", "d"):
            return True
        if _plural(t) and (t.tag == "h" or t.lower.endswith(_AGENT_PLURALS) or k + 1 < len(before) and before[k + 1].tag in ("A", "a", "v", "r")
                           or k + 1 < len(before) and before[k + 1].tag == "n" and before[k + 1].lower.endswith("ed")):
            return True
    return False


def _plural(tok: clause.Token) -> bool:
    low = tok.lower
    return tok.tag in ("n", "h", "N") and not tok.text.isupper() and len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ics"))


def _counts(table: Any) -> dict[str, tuple[int, int, int]]:
    out = {}
    for word, counts in dict(table or {}).items():
        parts = str(counts).split()
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            out[str(word)] = (int(parts[0]), int(parts[1]), int(parts[2]))
    return out


def _log_odds(table: Any, totals: dict, pseudo: float = 2.0) -> dict[str, tuple[float, float]]:
    """word -> (log-odds its against his/her, log-odds its against their), from "its person their"
    counts. Each side is divided by its total, so that the corpus's overall mix cancels out, after
    `pseudo` uses shared out in proportion to the totals: a word seen too rarely to tell leans
    nowhere, however small one side's total is."""
    out: dict[str, tuple[float, float]] = {}
    counts = _counts(table)
    t = [float(totals.get(k, 1) or 1) for k in ("its", "person", "their")]
    whole = sum(t)
    for word, c in counts.items():
        p = [(c[k] + pseudo * t[k] / whole) / t[k] for k in range(3)]
        out[word] = (round(math.log(p[0] / p[1]), 3), round(math.log(p[0] / p[2]), 3))
    return out


def _merged(spans: Iterator[tuple[int, int]]) -> list[tuple[int, int]]:
    """Scope spans sorted, with overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _across_tickers(spans: list[tuple[int, int]], doc: Document) -> list[tuple[int, int]]:
    """Spans that only a stock ticker parts joined again: "Acme Inc <ACM> and Beta Corp said ...
    their" is one clause, whose subjects the scope must not cut off."""
    if len(spans) < 2:
        return spans
    structure = doc.structure
    out = [spans[0]]
    for start, end in spans[1:]:
        gap_start = out[-1][1]
        if structure.kind_at(gap_start) == "ticker" and all(structure.kind_at(p) == "ticker" or doc.prose[p].isspace() for p in range(gap_start, start)):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _finds(prose: str, name: str):
    """Every place `name` occurs, overlapping ones aside (as a find loop steps past each)."""
    n = len(name)
    at = prose.find(name)
    while at >= 0:
        yield at
        at = prose.find(name, at + n)


# Past this length the prose's capitalised words are indexed (see `_occurrences`).
_INDEX_FROM = 200_000
_CAPITALISED_RUN = patterns.Lazy(r"(?<![\p{L}\p{N}])[\p{Lu}\p{Lt}][\p{L}\p{N}]*")
_FIRST_WORD = patterns.Lazy(r"[\p{L}\p{N}]+")


def _sentence_start(prose: str, sentences: list[tuple[int, int]], offset: int, fallback: int) -> tuple[int, int]:
    """Where the sentence holding `offset` starts, and its index. A hard-wrapped line (a single
    line break after a line that does not end a sentence) continues the sentence before it,
    whatever the Document's headline heuristic says: "... of Acme\\nHoldings reiterated ..." is
    one sentence."""
    i = bisect_right(sentences, (offset, float("inf"))) - 1
    if i < 0 or not sentences[i][0] <= offset < sentences[i][1]:
        return fallback, max(i + 1, 0)
    while i > 0:
        start = sentences[i][0]
        gap = prose[sentences[i - 1][1] : start]
        if gap.count("\n") != 1 or start <= fallback:
            break
        previous = prose[sentences[i - 1][0] : sentences[i - 1][1]]
        if _SENTENCE_FINAL.search(previous):
            break
        i -= 1
    return max(sentences[i][0], fallback), i


def _strings(value: Any) -> list[str]:
    if not value:
        return []
    return [str(v) for v in value if v is not None and str(v).strip()]


def _alternation(words: Any, escape: bool = True) -> str:
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))
    if not items:
        return r"(?!)"
    parts = [regex.escape(w) if escape else w for w in items]
    return "|".join(p.replace(r"\ ", r"\s+") for p in parts)


def _data_path(rule_path: str, name: str) -> str | None:
    """A word list: absolute, beside the rule's style (`<styles>/data/`), or in the bundled data."""
    import os

    if os.path.isabs(name):
        return name if os.path.isfile(name) else None
    return data_path(name, rule_path)


@lru_cache(maxsize=32)
def _load_data(path: str) -> MappingProxyType[str, Any]:
    """A word list file, read once per process; read-only, as the memo is shared."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=loader)  # noqa: S506 (a safe loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = load_yaml_file(path)  # the line-tracking loader names the line of the error
    if not isinstance(data, dict):
        raise YamlError(path, None, "a word list file must be a mapping of lists")
    return MappingProxyType({str(k): tuple(v) if isinstance(v, list) else v for k, v in data.items()})


RULE = PronounAgreement
