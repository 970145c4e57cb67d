"""times: clock times in house style, and "10 a.m. this morning" said twice.

    extends: times
    check: style          # style | redundancy

Recognised: a figure with a.m./p.m. in any spelling ("10:57 PM", "3pm", "3.30 p.m", "7 A.M.") and
"12 noon" / "12 midnight". A bare "3:10" or "3.30" is not taken for a time (scores, ratios,
versions, prices), so only times that say a.m. or p.m. are checked.

House settings:

    time_style: ap           # ap: "3 p.m.", "3:30 p.m." | british: "3pm", "3.30pm" | any
    time_zero_minutes: false # allow "3:00 p.m."
    time_noon: noon          # what 12 p.m. is written as: noon | midday | any ("midnight" for 12 a.m.)

House style for times applies inside quoted speech too (it is house style, not the speaker's
words), but the redundancy check leaves quotations alone: a quotation is not rewritten.
"""
from __future__ import annotations

from ..diagnostic import Match
from ..document import Document
from ..figurescan.times import (  # the recogniser, shared through the figure scan
    TimeMention,
)
from .base import Field
from .figures import FigureRule, fit_stop, setting

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterator



def find_times(rule: FigureRule, doc: Document) -> list[TimeMention]:
    """Every time in the document's prose (one scan shared with the date and money rules)."""
    from .figures import figures

    return figures(rule, doc).times


class Times(FigureRule):
    FIELDS = {
        "check": Field((str,), "style", ("style", "redundancy"), doc="which time check this rule runs"),
    }

    def compile(self, options: dict) -> None:
        super().compile(options)
        self.style: str = setting(self, "time_style", "ap", ("ap", "british", "any"))
        self.zero_minutes: bool = setting(self, "time_zero_minutes", False)
        self.noon: str = setting(self, "time_noon", "noon", ("noon", "midday", "any"))

    def _check(self, doc: Document) -> Iterator[Match]:
        times = find_times(self, doc)
        if not times:
            return
        if self.mode == "style":
            yield from self._style(doc, times)
        else:
            yield from self._redundancy(doc, times)

    def render(self, t: TimeMention, written: str) -> str:
        """The time as house style writes it; `written` is kept where the house has no view."""
        twelve = t.hour == 12 and not t.minutes
        if t.word:
            return t.word  # "12 noon": the 12 says nothing more
        if twelve and self.noon != "any":
            return self.noon if t.afternoon else "midnight"
        if self.style == "any":
            return written
        minutes = "" if t.minutes is None or (t.minutes == 0 and not self.zero_minutes) else f"{t.minutes:02d}"
        if self.style == "ap":
            return f"{t.hour}" + (f":{minutes}" if minutes else "") + (" p.m." if t.afternoon else " a.m.")
        return f"{t.hour}" + (f".{minutes}" if minutes else "") + ("pm" if t.afternoon else "am")

    def _style(self, doc: Document, times: list[TimeMention]) -> Iterator[Match]:
        text = doc.text
        for t in times:
            written = text[t.start : t.end]
            wanted = self.render(t, written)
            if written == wanted:
                continue
            # "10:57 PM." at the end of a sentence: the span takes in the sentence's full stop, which
            # becomes the one of "p.m." (the suggestion reads "10:57 p.m.", never "10:57 p.m").
            suggestion, end = fit_stop(text, t.start, t.end, wanted)
            yield Match(t.start, end, f"{self.house} style: write '{wanted}' ({self._reason(t, written, wanted)}).", (suggestion,))

    def _reason(self, t: TimeMention, written: str, wanted: str) -> str:
        if wanted in ("noon", "midnight", "midday"):
            return f"'{wanted}' rather than 12" if not t.word else f"'{wanted}' alone: 12 is implied"
        if t.minutes == 0 and not self.zero_minutes:
            return "no ':00' on the hour" if self.style == "ap" else "no '.00' on the hour"
        if self.style == "ap":
            if t.separator == ".":
                return "a colon between hours and minutes, and 'a.m.'/'p.m.'" if written[-4:].lower() != wanted[-4:] else "a colon between hours and minutes"
            return "lowercase 'a.m.' and 'p.m.' with periods"
        if t.separator == ":":
            return "a full stop between hours and minutes"
        return "'am'/'pm' closed up, lowercase, without full stops"

    def _redundancy(self, doc: Document, times: list[TimeMention]) -> Iterator[Match]:
        text = doc.text
        for t in times:
            if not t.phrase or t.word or t.afternoon is None:
                continue
            part = _PART_OF_DAY[t.phrase.split()[-1]]
            written = text[t.start : t.end]
            half = "p.m." if t.afternoon else "a.m."
            if part == "night" and not t.afternoon:
                continue  # "2 a.m. last night" is how people speak of the small hours
            if (part == "morning") != t.afternoon:
                # The time alone, in the house form: this finding replaces the style rule's on the
                # same time (one finding per span), so its suggestion does both jobs.
                wanted = self.render(t, written)
                suggestion, end = fit_stop(text, t.start, t.phrase_end, wanted)
                also = "" if wanted == written else f"; {self.house} style writes '{wanted}'"
                yield Match(t.start, end, f"'{t.phrase}' repeats what '{half}' already says{also}.", (suggestion,))
            else:
                yield Match(t.start, t.phrase_end, f"'{written}' and '{t.phrase}' contradict each other: check the time.")


_PART_OF_DAY = {"morning": "morning", "afternoon": "afternoon", "evening": "evening", "tonight": "night", "night": "night"}


RULE = Times
