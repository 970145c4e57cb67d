"""variants: one form per article for a word written in several ways (email/e-mail).

    extends: variants
    category: hyphenation
    groups:
      - [email|emails, e-mail|e-mails]          # forms; `|` separates a form's inflections
      - [ceasefire|ceasefires, cease-fire|cease-fires]

Like `consistency`, it reports only when an article uses two forms of a group, and **the preset
decides the form**: when a form of the group is one the house prefers (house setting
`preferred_forms`), every use of the other forms is reported with the house form as the suggestion
(`housemessage`), whatever the article's majority. Otherwise the minority form is reported, naming
the majority form and both counts (on a tie the form seen first is the article's). Unlike it, every form is a literal word list, so
all groups compile into one trie-shaped pattern: the scan costs about what one word costs,
however many groups there are (`consistency` tries every pattern at every word). The suggestion
keeps the inflection: "e-mails" -> "emails". Only lowercase spellings are matched, so a
capitalised one mid-sentence (a company called Email Systems) never counts.
"""
from __future__ import annotations

from collections import Counter

from .. import patterns
from ..diagnostic import Match
from ..document import Document
from ..wordlists import trie_pattern, word_starts
from .base import Field, Rule, format_message

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator


class Variants(Rule):
    FIELDS = {
        "groups": Field((list,), None, doc="lists of forms; a form is its spellings joined by |"),
        "housemessage": Field((str,), "", doc="the message when the house prefers one form (%s: found, house form, counts)"),
    }
    DEFAULT_MESSAGE = "'%s' here, but '%s' elsewhere in the article (%s to %s uses): pick one form."
    DEFAULT_HOUSE_MESSAGE = "'%s' here, but the house style is '%s' (%s to %s uses)."

    def compile(self, options: dict) -> None:
        groups = self.option("groups")
        if not groups:
            raise self.error("groups", "a variants rule needs 'groups': lists of two or more forms")
        # spelling -> (group, form, inflection)
        self.spellings: dict[str, tuple[int, int, int]] = {}
        self.forms: list[list[list[str]]] = []
        for g, group in enumerate(groups):
            if not isinstance(group, list) or len(group) < 2:
                raise self.error("groups", f"group {g + 1} must list two or more forms, not {group!r}")
            forms = [[s.strip() for s in str(form).split("|") if s.strip()] for form in group]
            self.forms.append(forms)
            for f, spellings in enumerate(forms):
                for i, spelling in enumerate(spellings):
                    if spelling in self.spellings:
                        raise self.error("groups", f"{spelling!r} is listed twice")
                    self.spellings[spelling] = (g, f, i)
        preferred = self.ctx.settings.get("preferred_forms") or []
        if not isinstance(preferred, list) or not all(isinstance(f, str) for f in preferred):
            raise self.error(None, f"house setting 'preferred_forms' must be a list of forms, not {preferred!r}")
        # The house form of each group (its index), where the house prefers one.
        self.house: dict[int, int] = {}
        for spelling in preferred:
            if spelling in self.spellings:
                g, f, _i = self.spellings[spelling]
                self.house.setdefault(g, f)
        self.house_message = self.option("housemessage") or self.DEFAULT_HOUSE_MESSAGE
        # Our own data, a trie-shaped literal alternation: no timeout needed.
        self.pattern = patterns.compile(r"(?<![\w'’-])(?:" + trie_pattern(sorted(self.spellings)) + r")(?![\w'’-])")
        # The scan for word starts is shared with other word-list rules (see WordStarts).
        index = word_starts(self.ctx.shared)
        self.word_starts = index if index.add(self.spellings) else None

    def check(self, doc: Document) -> Iterator[Match]:
        found: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
        prose = doc.prose
        if self.word_starts is not None:
            matches = self.word_starts.matches(self.pattern, doc, self.segments(doc))
        else:
            matches = (m for start, end in self.segments(doc) for m in self.pattern.finditer(prose, start, end))
        for m in matches:
            g, f, _i = self.spellings[m.group()]
            found.setdefault((g, f), []).append((m.start(), m.end(), m.group()))
        if len(found) < 2:
            return
        by_group: dict[int, list[int]] = {}
        for g, f in found:
            by_group.setdefault(g, []).append(f)
        for g, forms in by_group.items():
            if len(forms) < 2:
                continue
            house = self.house.get(g)
            if house is not None and house in forms:
                usual, message_of = house, self.house_message
            else:
                # The majority form: most uses, then first use.
                usual = max(forms, key=lambda f: (len(found[(g, f)]), -found[(g, f)][0][0]))
                message_of = self.message
            usual_uses = found[(g, usual)]
            usual_text = Counter(text for _s, _e, text in usual_uses).most_common(1)[0][0]
            for f in sorted(forms, key=lambda f: found[(g, f)][0][0]):
                if f == usual:
                    continue
                uses = found[(g, f)]
                for start, end, text in uses:
                    inflection = self.spellings[text][2]
                    target = self.forms[g][usual]
                    suggestion = target[inflection] if inflection < len(target) else target[0]
                    message = format_message(message_of, (text, usual_text, len(uses), len(usual_uses)))
                    yield Match(start, end, message, (suggestion,))


RULE = Variants
