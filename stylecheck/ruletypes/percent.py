"""percent: percentages follow the house form ("5%", "5 percent" or "5 per cent"), in figures.

    extends: percent
    category: percent

The house setting `percent` (`"%"`, `"percent"` or `"per cent"`) decides the form: AP writes "5%"
(AP Stylebook), and so does the British preset, after the BBC News style guide; a desk that writes
"5 per cent" sets `percent: per cent`. Any other form is reported with the house form as the suggestion: "5 per cent"
under AP, "5%" under the British preset, the wire abbreviations "pct" and "pc", "5 %" with a space,
and a spelled-out number before the sign or word ("five percent"; both styles use figures for
percentages, except at the start of a sentence, which this rule leaves alone). Fractions become
decimals ("1-3/8 pct" -> "1.375%", AP).

A form that differs from the house's is a `warning` when the article also uses the house form (it
is inconsistent), and a `suggestion` when the whole article keeps to one other form.
"""
from __future__ import annotations


from .. import patterns
from ..diagnostic import Match
from ..document import Document
from .base import Rule

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator

HOUSE_FORMS = ("%", "percent", "per cent")
_SPELLED = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred"
).split()
_VALUES = {w: i + 1 for i, w in enumerate(_SPELLED[:20])}
_VALUES.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100})


_SPACING = patterns.compile(r"[ \t\u00a0-]+")

class Percent(Rule):
    FIELDS = {}
    DEFAULT_MESSAGE = "'%s': the house style writes percentages as '%s'%s."

    def compile(self, options: dict) -> None:
        house = self.ctx.settings.get("percent", "%")
        if house not in HOUSE_FORMS:
            raise self.error(None, f"house setting 'percent' must be one of {', '.join(map(repr, HOUSE_FORMS))}, not {house!r}")
        self.house = house
        words = "|".join(sorted(_SPELLED, key=len, reverse=True))
        # Find the rare marker first (a literal scan), then read the number just before it: a
        # number pattern tried at every position of the text costs ten times as much.
        self.pattern = patterns.compile(r"%|\bp(?:er(?:cent|[ \t\u00a0]+cent|-cent)|ct|c)\b")
        # A figure (with a fraction: "1-3/8", "5/8"), or a number in words ("forty-three", "fifty nine").
        self.number = patterns.compile(
            r"(?<![\p{L}\p{N}.,/-])(?:\p{N}+(?:,\p{N}{3})*(?:\.\p{N}+)?(?:-\p{N}+/\p{N}+)?|\p{N}+/\p{N}+"
            r"|(?i:" + words + r")(?:[- ](?:" + words + r"))?)"
            r"[ \t\u00a0]{0,2}\Z"
        )
        self.point_before = patterns.compile(r"\bpoint[ \t]+\Z")

    def check(self, doc: Document) -> Iterator[Match]:
        found: list[tuple[int, int, str, str, bool]] = []  # start, end, number, form, spelled
        prose = doc.prose
        find = prose.find
        for start, end in self.segments(doc):
            # Every match holds '%', 'pc' or 'cent' (percent, per cent): three searches in C skip
            # the paragraphs without one.
            if find("%", start, end) < 0 and find("cent", start, end) < 0 and find("pc", start, end) < 0:
                continue
            for m in self.finditer(self.pattern, doc, start, end):
                before = self.number.search(prose, max(start, m.start() - 40), m.start())
                if before is None:
                    continue
                number = before.group().rstrip(" \t\u00a0")
                spelled = not number[0].isdigit()
                if spelled and (_sentence_start(prose, before.start(), start) or self.point_before.search(prose, max(start, before.start() - 12), before.start())):
                    continue  # "Forty-three per cent of ..." opens a sentence in words; "one point three per cent"
                if m.group() == "%":
                    form = "%" if before.group() == number else " %"
                else:
                    form = _SPACING.sub(" ", m.group())
                found.append((before.start(), m.end(), number, form, spelled))
        if not found:
            return
        mixed = any(form == self.house and not spelled for _s, _e, _n, form, spelled in found)
        for start, end, number, form, spelled in found:
            if form == self.house and not spelled:
                continue
            figure = _decimal(number) if not spelled else _figure(number.lower())
            if figure is None:
                continue
            suggestion = figure + ("%" if self.house == "%" else " " + self.house)
            why = " (in figures)" if spelled else ""
            yield Match(start, end, self.format_message(prose[start:end], suggestion, why), (suggestion,), None if mixed else "suggestion")


def _decimal(number: str) -> str:
    """A figure as the house writes it before "%": fractions as decimals ("1-3/8" -> "1.375", AP)."""
    if "/" not in number:
        return number
    whole, _, fraction = number.rpartition("-")
    top, _, bottom = fraction.partition("/")
    if not bottom.isdigit() or int(bottom) == 0 or not top.isdigit() or whole and not whole.isdigit():
        return number
    value = (int(whole) if whole else 0) + int(top) / int(bottom)
    return f"{value:.4f}".rstrip("0").rstrip(".")


_SENTENCE_END_BEFORE = patterns.compile(r"(?:[.!?…:][\"'”’)\]]*|^)[ \t\r\n]*[\"'“‘(]*\Z")


def _sentence_start(prose: str, at: int, segment_start: int) -> bool:
    """Does a sentence (or the segment) open at `at`?"""
    return at <= segment_start or _SENTENCE_END_BEFORE.search(prose, max(segment_start, at - 6), at) is not None


def _figure(words: str) -> str | None:
    total = 0
    for part in words.replace(" ", "-").split("-"):
        if part not in _VALUES:
            return None
        total += _VALUES[part]
    return str(total)


RULE = Percent
