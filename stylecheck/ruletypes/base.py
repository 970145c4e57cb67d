"""The one small interface every rule type implements, and the keys every rule shares.

A rule type is a subclass of `Rule` in a module of its own:

* `FIELDS` declares the YAML keys it adds (name -> `Field`), beside the shared `COMMON_FIELDS`;
* `compile(options)` builds its patterns, once per process;
* `check(doc)` yields `Match`es: spans of the original text, found by scanning `doc.prose`.

Read `existence.py` first: it is the smallest complete example.
"""
from __future__ import annotations

from ..errors import UserError, did_you_mean


import regex

from ..diagnostic import CATEGORIES, SEVERITIES, Match
from ..document import Document
from ..yamlload import line_of
from .. import patterns, valecompat
from ..record import Record
from ..structure import ALL_KINDS, KINDS, NOT_TEXT

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator
    from typing import Any, ClassVar

# The most entries one list or mapping of a rule may hold: every entry joins one alternation, and
# compiling 10,000 of them already takes seconds. Larger vocabularies belong in several rules.
MAX_ENTRIES = 10_000


class RuleError(UserError):
    """A rule file that cannot be used."""


class Field(Record):
    """A YAML key: the types it accepts and its default value."""

    __slots__ = ("types", "default", "choices", "doc")

    def __init__(self, types: tuple[type, ...], default: Any = None, choices: tuple[str, ...] = (), doc: str = "") -> None:
        self.types = types
        self.default = default
        self.choices = choices
        self.doc = doc


COMMON_FIELDS: dict[str, Field] = {
    "extends": Field((str,), None, doc="the rule type"),
    "message": Field((str,), "", doc="what to tell the writer; %s stands for the match"),
    "level": Field((str,), "warning", SEVERITIES),
    "scope": Field((str, list), "text", doc="text, prose, raw, paragraph, sentence, heading, list, blockquote, table, quote, or a kind of non-prose text (headline, dateline, caption ...); ~x excludes"),
    "link": Field((str,), ""),
    "description": Field((str,), ""),
    "category": Field((str,), "style", CATEGORIES),
    "examples": Field((dict,), None, doc="bad and good example texts, run by test-rules"),
    "action": Field((dict,), None, doc="Vale's action: {name: replace|remove|..., params: [...]}"),
    "skipquotes": Field((bool,), False, doc="ignore matches inside quoted speech"),
    "presets": Field((list,), None, doc="only run under these house presets"),
    "fix": Field((str,), "unsafe", ("safe", "unsafe"), doc="whether --fix may apply suggestions without review"),
    "limit": Field((int,), 0, doc="report at most this many matches per file (0: no limit)"),
    "supersedes": Field((list,), None, doc="rules whose findings this rule's findings replace where their spans overlap"),
    "vocab": Field((bool,), True, doc="accepted vocabulary becomes exceptions (Vale)"),
}

SCOPES = ("text", "raw", "paragraph", "sentence", "heading", "list", "blockquote", "table", "quote", "summary", "prose") + tuple(
    k for k in KINDS if k != "table"
)

# Every key a Vale rule file may hold, for any extension point. A rule loaded from a Vale style
# (see stylecheck/vale.py, which sets `vale: true`) accepts all of them, as Vale styles use them
# freely; a rule type reads the ones it understands.
VALE_KEYS = (
    "append", "tokens", "raw", "exceptions", "ignorecase", "nonword", "vocab", "swap", "capitalize",
    "pos", "max", "min", "token", "alpha", "either", "first", "second", "match", "style",
    "indicators", "threshold", "prefix", "formula", "condition", "code", "name", "custom",
    "filters", "ignore", "dicpath", "dictionaries", "aff", "dic", "metrics", "grade", "script",
    "selector", "limit", "description", "link", "action", "scope", "level", "message", "extends",
)
# Vale's scopes beyond ours; they are accepted in Vale rules and select nothing they cannot find.
VALE_SCOPES = ("alt", "title", "figure", "code", "comment")


class RuleContext(Record):
    """What a rule may read beyond its own YAML: house settings and the accepted vocabulary.

    `style_dir` is where the rule's style lives, for rule types that load word lists beside their
    YAML; `warnings` are notices from loading (a Vale rule skipped, ...), shown once per run;
    `shared` holds lookup structures the rules of one Linter share (e.g. valecompat.SharedAnchors).
    """

    __slots__ = ("preset", "settings", "accept", "style_dir", "warnings", "shared")
    __hash__ = None  # type: ignore[assignment]  # holds a list and dicts that fill in

    def __init__(
        self,
        preset: str = "ap",
        settings: dict[str, Any] | None = None,
        accept: tuple[str, ...] = (),
        style_dir: str = "",
        warnings: list[str] | None = None,
        shared: dict[str, Any] | None = None,
    ) -> None:
        self.preset = preset
        self.settings = {} if settings is None else settings
        self.accept = accept
        self.style_dir = style_dir
        self.warnings = [] if warnings is None else warnings
        self.shared = {} if shared is None else shared

    def vale_anchors(self) -> "valecompat.SharedAnchors":
        if "vale-anchors" not in self.shared:
            self.shared["vale-anchors"] = valecompat.SharedAnchors()
        return self.shared["vale-anchors"]


class Rule:
    """Base class of every rule type."""

    FIELDS: ClassVar[dict[str, Field]] = {}
    # The default `level` of this rule type when its YAML names none.
    DEFAULT_MESSAGE: ClassVar[str] = "%s"

    def __init__(self, rule_id: str, options: dict[str, Any], ctx: RuleContext, path: str = "") -> None:
        self.id = rule_id
        self.path = path
        self.ctx = ctx
        self.options = options
        # Vale mode: set by the Vale loader; the rule follows Vale's semantics and keys.
        self.vale: bool = bool(options.get("vale"))
        fields = {**COMMON_FIELDS, **self.FIELDS}
        if self.vale:
            fields = {**{k: Field((object,), None) for k in VALE_KEYS}, **fields, "vale": Field((bool,), False)}
            fields["limit"] = Field((int, str), 0)
        validate(options, fields, path)
        get = lambda key: options.get(key, fields[key].default)  # noqa: E731
        self.extends: str = options["extends"]
        self.message: str = get("message") or self.DEFAULT_MESSAGE
        self.level: str = get("level")
        self.category: str = get("category")
        self.link: str = get("link")
        self.description: str = get("description")
        self.examples: dict | None = get("examples")
        if self.examples:
            _check_examples(self.examples, path)
        self.action: dict | None = get("action")
        self.skip_quotes: bool = get("skipquotes")
        self.presets: list | None = get("presets")
        self.fix_safe: bool = get("fix") == "safe"
        self.limit: int = int(get("limit") or 0)
        # One finding per span: where this rule and a rule it supersedes report overlapping spans,
        # only this rule's finding is kept (the more specific rule says it). A bare rule name means
        # one of this rule's own style ("Times" in House is "House.Times").
        style = rule_id.rsplit(".", 1)[0] if "." in rule_id else ""
        self.supersedes: tuple[str, ...] = tuple(
            str(name) if "." in str(name) or not style else f"{style}.{name}" for name in (get("supersedes") or ())
        )
        scope = get("scope")
        self.scopes = [scope] if isinstance(scope, str) else [str(s) for s in scope]
        self.scope_key = tuple(self.scopes)
        for name in self.scopes:
            if self.vale and name.lstrip("~").split(".")[0] in VALE_SCOPES + SCOPES or "&" in name:
                continue
            if name.lstrip("~").split(".")[0] not in SCOPES:
                raise self.error("scope", f"unknown scope {name!r} (expected one of: {', '.join(SCOPES)})")
        self.compile(options)

    # -- the interface ------------------------------------------------------------------------

    def compile(self, options: dict[str, Any]) -> None:
        """Build patterns from the validated options. Called once per process."""

    def check(self, doc: Document) -> Iterator[Match]:
        raise NotImplementedError

    # -- helpers for rule types ---------------------------------------------------------------

    def error(self, key: str | None, message: str) -> RuleError:
        return RuleError(self.path, line_of(self.options, key) if key else getattr(self.options, "line", None), message)

    def option(self, key: str) -> Any:
        fields = {**COMMON_FIELDS, **self.FIELDS}
        return self.options.get(key, fields[key].default if key in fields else None)

    # -- Vale mode ----------------------------------------------------------------------------

    def compile_vale(self, pattern: str, key: str, flags: int = 0) -> "regex.Pattern[str]":
        """Compile a Vale pattern (regexp2 dialect); an untranslatable or bad one is a RuleError."""
        try:
            return valecompat.compile_vale(pattern, flags)
        except valecompat.ValeRegexError as exc:
            raise self.error(key, f"rule {self.id}: cannot translate Vale regex in {key!r}: {exc}") from None
        except (regex.error, OverflowError, RecursionError, ValueError) as exc:
            raise self.error(key, f"rule {self.id}: bad regex in {key!r}: {exc} (pattern: {pattern!r})") from None

    def vale_exceptions(self, key: str = "exceptions") -> "regex.Pattern[str] | None":
        """Vale's exception pattern: the rule's `exceptions`, plus accepted vocabulary when `vocab`."""
        terms = [str(t) for t in (self.options.get(key) or [])]
        if self.options.get("vocab", True) is not False:
            terms.extend(self.ctx.accept)
            terms.extend(str(t) for t in (self.ctx.settings.get("vale-accept") or []))
        source = valecompat.exceptions_source(terms)
        if source is None:
            return None
        try:
            return patterns.compile(source, regex.VERSION0)
        except regex.error as exc:
            raise self.error(key, f"rule {self.id}: bad pattern in {key!r}: {exc}") from None

    def vale_blocks(self, doc: Document) -> list[tuple[int, str]]:
        """The (offset, text) blocks Vale runs this rule on (see valecompat.vale_blocks)."""
        found = doc.memo(("valecompat", "blocks"), dict).get(self.scope_key)
        if found is not None:
            return found
        ignores = self.ctx.settings.get("vale-ignores") or ()
        return valecompat.vale_blocks(doc, self.scope_key, tuple((g, tuple(b), tuple(t)) for g, b, t in ignores))

    def vale_finditer(self, pattern: "regex.Pattern[str]", text: str, doc: Document) -> Iterator[Any]:
        """`pattern.finditer` over one Vale block, within the rule's time budget."""
        return pattern.finditer(text, timeout=doc_time_left(doc))

    def compile_pattern(self, pattern: str, key: str, flags: int = 0, parts: list[str] | None = None) -> "regex.Pattern[str]":
        """Compile a user pattern; a bad one becomes a RuleError naming the key and its line.

        `parts` are the user's own items the pattern was joined from: on an error the first bad
        item is named, rather than the joined pattern the user never wrote.
        """
        try:
            return patterns.compile(pattern, flags | regex.VERSION0)
        except (regex.error, OverflowError, RecursionError, ValueError) as exc:
            for part in parts or ():
                try:
                    regex.compile(part, flags | regex.VERSION0)
                except (regex.error, OverflowError, RecursionError, ValueError) as part_exc:
                    raise self.error(key, f"bad regex in {key!r}: {part!r}: {part_exc}") from None
            raise self.error(key, f"bad regex in {key!r}: {exc} (pattern: {pattern!r})") from None

    def segments(self, doc: Document) -> Iterator[tuple[int, int]]:
        """The (start, end) spans of `doc.prose` this rule's scope covers.

        Every scope but `raw` leaves out what is not language (tickers, photo counters, wire
        labels); `prose` leaves out everything that is not running prose (headlines, datelines,
        bylines, captions, tables, capitals: see structure.py), and `~kind` leaves one kind out of
        any scope. Vale rules keep Vale's scopes. Worked out once per document for each scope:
        most rules share the default one."""
        spans = doc.memo(("base", "segments", self.vale, self.scope_key), lambda: list(self._segments(doc)))
        return iter(spans)

    def _segments(self, doc: Document) -> Iterator[tuple[int, int]]:
        include = [s for s in self.scopes if not s.startswith("~")]
        exclude = {s[1:] for s in self.scopes if s.startswith("~")}
        if not include:
            include = ["text"]
        if self.vale:
            yield from self._vale_segments(doc, include, exclude)
            return
        structure = doc.structure
        cut = frozenset(exclude & ALL_KINDS) | NOT_TEXT
        for scope in include:
            if scope == "raw":
                yield 0, len(doc.text)
            elif scope in ("text", "summary", "prose"):
                kinds = ALL_KINDS if scope == "prose" else cut
                for block in doc.blocks:
                    if block.kind not in exclude:
                        yield from structure.cut(block.start, block.end, kinds)
            elif scope == "sentence":
                allowed = [(b.start, b.end) for b in doc.blocks if b.kind not in exclude] if exclude else None
                for s in doc.sentences:
                    if allowed is None or any(a <= s[0] < b for a, b in allowed):
                        yield from structure.cut(s[0], s[1], cut)
            elif scope == "quote":
                yield from doc.quotes
            elif scope in ALL_KINDS:
                yield from structure.of_kind((scope,))
            else:
                base = scope.split(".")[0]
                for block in doc.blocks:
                    if block.kind == base:
                        yield from structure.cut(block.start, block.end, cut)

    def _vale_segments(self, doc: Document, include: list[str], exclude: set[str]) -> Iterator[tuple[int, int]]:
        for scope in include:
            if scope == "raw":
                yield 0, len(doc.text)
            elif scope in ("text", "summary"):
                for block in doc.blocks:
                    if block.kind not in exclude:
                        yield block.start, block.end
            elif scope == "sentence":
                if exclude:
                    allowed = [(b.start, b.end) for b in doc.blocks if b.kind not in exclude]
                    yield from (s for s in doc.sentences if any(a <= s[0] < b for a, b in allowed))
                else:
                    yield from doc.sentences
            elif scope == "quote":
                yield from doc.quotes
            else:
                base = scope.split(".")[0]
                for block in doc.blocks:
                    if block.kind == base:
                        yield block.start, block.end

    def text_of(self, doc: Document) -> str:
        """The string this rule scans: the original text for `raw` scope, else the prose."""
        return doc.text if self.scopes == ["raw"] else doc.prose

    def finditer(self, pattern: "regex.Pattern[str]", doc: Document, start: int, end: int) -> Iterator[Any]:
        """`pattern.finditer` over [start, end), stopped when the rule's time budget is spent."""
        return pattern.finditer(self.text_of(doc), start, end, timeout=doc_time_left(doc))

    def is_exception(self, text: str, doc: Document, start: int = -1, end: int = -1) -> bool:
        """Is the match `text` (at [start, end) of the rule's text, when given) an exception?

        It is when it fully matches one of the rule's `exceptions`, or, outside Vale mode, when an
        exception that is a longer phrase holds it where it stands: with `swap: {Kiev: Kyiv}` and
        `exceptions: [Chicken Kiev]`, "Kiev" in "chicken Kiev" is left alone (ignorecase rules),
        "Kiev" elsewhere is not. User patterns, so under the budget."""
        exceptions = getattr(self, "exceptions", None)
        if exceptions is None:
            return False
        if exceptions.fullmatch(text, timeout=doc_time_left(doc)) is not None:
            return True
        phrases = getattr(self, "phrase_exceptions", None)
        if phrases is None or self.vale or start < 0:
            return False
        source = self.text_of(doc)
        reach = _PHRASE_REACH
        for m in phrases.finditer(source, max(0, start - reach), min(len(source), end + reach), overlapped=True, timeout=doc_time_left(doc)):
            if m.start() <= start and end <= m.end() and m.end() - m.start() > end - start:
                return True
        return False

    def format_message(self, *args: Any) -> str:
        return format_message(self.message, args)

    def describe(self) -> str:
        return self.description or self.message


def format_message(message: str, args: tuple[Any, ...]) -> str:
    """Vale-style printf: each `%s` takes the next argument; `%%` is a percent sign."""
    if "%" not in message:
        return message
    out: list[str] = []
    i = 0
    arg = 0
    n = len(message)
    while i < n:
        j = message.find("%", i)
        if j < 0 or j + 1 >= n:
            out.append(message[i:])
            break
        out.append(message[i:j])
        spec = message[j + 1]
        if spec == "s":
            out.append(str(args[arg]) if arg < len(args) else "")
            arg += 1
            i = j + 2
        elif spec == "%":
            out.append("%")
            i = j + 2
        else:
            out.append("%")
            i = j + 1
    return "".join(out)


def doc_time_left(doc: Document) -> float:
    """Seconds left in the current rule's budget on this document (see `Document.time_left`)."""
    return doc.time_left()


def validate(options: Any, fields: dict[str, Field], path: str) -> None:
    """Check keys and value types; errors name the file, the line and the key."""
    if not isinstance(options, dict):
        raise RuleError(path, getattr(options, "line", None), "a rule file must be a mapping of keys to values")
    for key, value in options.items():
        if key not in fields:
            raise RuleError(path, line_of(options, key), f"unknown key {key!r}{did_you_mean(key, fields)}")
        spec = fields[key]
        if value is None and spec.default is None:
            continue
        if not isinstance(value, spec.types) or (isinstance(value, bool) and bool not in spec.types and int in spec.types):
            expected = " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in spec.types)
            raise RuleError(path, line_of(options, key), f"{key!r} must be {expected}, not {_TYPE_NAMES.get(type(value), type(value).__name__)}")
        if isinstance(value, (list, dict)) and len(value) > MAX_ENTRIES:
            raise RuleError(path, line_of(options, key), f"{key!r} has {len(value):,} entries (at most {MAX_ENTRIES:,}); split the rule")
        if spec.choices and value not in spec.choices:
            raise RuleError(path, line_of(options, key), f"{key!r} must be one of {', '.join(spec.choices)}, not {value!r}")


_EXAMPLE_KEYS = ("text", "match", "suggest", "preset", "settings", "format")


def _check_examples(examples: dict, path: str) -> None:
    """`examples:` is {bad: [...], good: [...]}, each item a text or a mapping with a `text`."""
    import difflib

    for kind, items in examples.items():
        line = line_of(examples, kind)
        if kind not in ("bad", "good"):
            hint = difflib.get_close_matches(str(kind), ["bad", "good"], n=1)
            raise RuleError(path, line, f"unknown key {kind!r} in 'examples'" + (f" (did you mean {hint[0]!r}?)" if hint else " (expected bad, good)"))
        if items is None:
            continue
        if not isinstance(items, list):
            raise RuleError(path, line, f"'examples.{kind}' must be a list of texts, not {_TYPE_NAMES.get(type(items), type(items).__name__)}")
        for item in items:
            if isinstance(item, str):
                continue
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise RuleError(path, getattr(item, "line", line), f"each item of 'examples.{kind}' must be a text or a mapping with a 'text'")
            for key in item:
                if key not in _EXAMPLE_KEYS:
                    hint = difflib.get_close_matches(str(key), _EXAMPLE_KEYS, n=1)
                    raise RuleError(path, line_of(item, key), f"unknown key {key!r} in an example" + (f" (did you mean {hint[0]!r}?)" if hint else ""))


_TYPE_NAMES = {str: "a string", list: "a list", dict: "a mapping", bool: "true or false", int: "a whole number", float: "a number", type(None): "empty"}


def join_alternatives(items: list[str]) -> str:
    """One alternation from a word list, longest first so that longer phrases win."""
    return "|".join(sorted(items, key=len, reverse=True))


# How far around a match an exception phrase that holds it is looked for (characters each side).
_PHRASE_REACH = 120


def exceptions_pattern(rule: Rule, items: list[str], ignorecase: bool) -> "regex.Pattern[str] | None":
    """A full-match pattern for a rule's `exceptions` (plus the accepted vocabulary when `vocab`).

    Also sets `rule.phrase_exceptions`: the rule's own exceptions as whole words, searched around a
    match for a longer phrase that holds it (see `Rule.is_exception`)."""
    terms = list(items or [])
    flags = regex.IGNORECASE if ignorecase else 0
    rule.phrase_exceptions = None
    if items:
        rule.phrase_exceptions = rule.compile_pattern(r"(?<![\w])(?:" + "|".join(items) + r")(?![\w])", "exceptions", flags, list(items))
    if rule.option("vocab"):
        terms.extend(rule.ctx.accept)
    if not terms:
        return None
    return rule.compile_pattern("(?:" + "|".join(terms) + ")", "exceptions", flags)
