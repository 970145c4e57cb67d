"""existence: flag every occurrence of any of a list of words, phrases or patterns (Vale's `existence`).

    extends: existence
    message: "Avoid '%s'."
    ignorecase: true
    tokens: [very unique, most unique]
"""
from __future__ import annotations


import regex

from ..diagnostic import Match
from ..document import Document
from ..valecompat import NONWORD_TEMPLATE, WORD_TEMPLATE, TokenIndex, compile_plain, merged_finditer, token_key
from .base import doc_time_left, exceptions_pattern, Field, join_alternatives, Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator


class Existence(Rule):
    FIELDS = {
        "tokens": Field((list,), [], doc="words or patterns, joined into one alternation"),
        "raw": Field((list,), [], doc="pattern pieces concatenated as they are"),
        "ignorecase": Field((bool,), False),
        "nonword": Field((bool,), False, doc="do not wrap the tokens in word boundaries"),
        "append": Field((bool,), False),
        "exceptions": Field((list,), []),
    }
    DEFAULT_MESSAGE = "Avoid '%s'."

    def compile(self, options: dict) -> None:
        if self.vale:
            return self._compile_vale()
        tokens = [str(t) for t in self.option("tokens")]
        raw = [str(t) for t in self.option("raw")]
        if not tokens and not raw:
            raise self.error("tokens", "an existence rule needs 'tokens' or 'raw'")
        flags = regex.IGNORECASE if self.option("ignorecase") else 0
        body = "".join(raw)
        if tokens:
            joined = join_alternatives(tokens)
            body += joined if self.option("nonword") else r"(?:\b(?:" + joined + r")\b)"
        self.pattern = self.compile_pattern(f"(?m){body}", "tokens" if tokens else "raw", flags, parts=tokens or None)
        self.exceptions = exceptions_pattern(self, self.option("exceptions"), self.option("ignorecase"))
        self.suggestions = _action_suggestions(self.action)

    def _compile_vale(self) -> None:
        # Vale's NewExistence: tokens in the order written, wrapped in the word template unless
        # `nonword`; `raw` pieces concatenated before (or, with `append`, after) them.
        listed = [str(t) for t in (self.option("tokens") or [])]
        tokens = [t for t in listed if t.strip()]
        raw = "".join(str(t) for t in (self.option("raw") or []))
        if not tokens and not raw:
            raise self.error("tokens", f"rule {self.id}: an existence rule needs 'tokens' or 'raw'")
        word = not self.option("nonword") and len(listed) > 0
        self.vale_parts = (WORD_TEMPLATE if word else NONWORD_TEMPLATE, raw, bool(self.option("append")), bool(self.option("ignorecase")))
        self.vale_tokens = tokens
        try:
            self.pattern = self.compile_vale(self._vale_source(tokens), "tokens" if tokens else "raw")
        except Exception:
            for token in tokens:  # name the bad token, not just the rule
                self.compile_vale(token, "tokens")
            raise
        # Each token's longest word: a document lacking it cannot match the token (see _pattern_for).
        ignorecase = bool(self.option("ignorecase"))
        self.vale_keys = [token_key(t, ignorecase) for t in tokens] if tokens else []
        self.vale_nonword = not word
        self.vale_index = TokenIndex(self.vale_keys, ignorecase, not word)
        self.vale_index.share(self.ctx.vale_anchors())
        # Only plain tokens and no `raw`: the whole pattern can run on `re` (see compile_plain).
        self.vale_plain_pattern = None
        if tokens and not raw and len(self.vale_index.plain) == len(tokens):
            self.vale_plain_pattern = compile_plain(self._vale_source(tokens))
        self.exceptions = self.vale_exceptions()
        self.suggestions = _action_suggestions(self.action)

    def _vale_source(self, tokens: list[str]) -> str:
        template, raw, append, ignorecase = self.vale_parts
        body = template.format("|".join(tokens))
        source = body + raw if append else raw + body
        return "(?i)" + source if ignorecase else source

    def _scan(self, doc: Document, text: str, keep: tuple[int, ...] | None):
        """Vale's matches of this rule in `text`, scanning only with tokens that can occur in `doc`.

        A token that cannot match anywhere changes nothing in a leftmost-first alternation, so
        leaving it out keeps the matches the same. A few remaining tokens (and no `raw`) are
        searched one by one with patterns compiled once each (`merged_finditer`); otherwise the
        whole pattern runs."""

        keys = self.vale_keys
        if keep is not None:
            if len(keep) <= 64 and 2 * len(keep) <= len(keys) and not self.vale_parts[1]:
                plain = self.vale_index.plain
                patterns = [
                    compile_plain(self._vale_source([self.vale_tokens[i]])) if i in plain
                    else self.compile_vale(self._vale_source([self.vale_tokens[i]]), "tokens")
                    for i in keep
                ]
                return merged_finditer(patterns, text, doc_time_left(doc))
        if self.vale_plain_pattern is not None:
            return self.vale_plain_pattern.finditer(text)
        return self.vale_finditer(self.pattern, text, doc)

    def _check_vale(self, doc: Document) -> Iterator[Match]:
        exceptions = self.exceptions
        keep = None
        if self.vale_keys and self.vale_index.prunes:
            keep = self.vale_index.keep(doc)  # once per document, whatever the number of blocks
            if not keep:
                return
        for offset, text in self.vale_blocks(doc):
            for m in self._scan(doc, text, keep):
                start, end = m.span()
                if start == end:
                    continue
                found = m.group()
                if exceptions is not None and exceptions.search(found.strip()):
                    continue
                yield Match(offset + start, offset + end, self.format_message(found, *self.suggestions[:1]), self.suggestions)

    def check(self, doc: Document) -> Iterator[Match]:
        if self.vale:
            yield from self._check_vale(doc)
            return
        for start, end in self.segments(doc):
            for m in self.finditer(self.pattern, doc, start, end):
                if m.end() == m.start():
                    continue
                text = m.group()
                if self.is_exception(text, doc, m.start(), m.end()):
                    continue
                yield Match(m.start(), m.end(), self.format_message(text), self.suggestions)


def _action_suggestions(action: dict | None) -> tuple[str, ...]:
    if action and action.get("name") == "replace":
        return tuple(str(p) for p in action.get("params") or ())
    return ()


RULE = Existence
