"""Clock times in prose: the recogniser the time rules share (a figure with a.m./p.m., "12 noon").
"""
from __future__ import annotations

import regex

from .. import patterns
from ..record import Record

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

_SP = r"[ \t\u00a0]"
TIME_PATTERN = patterns.compile(
    r"(?=\d)(?<![\w.,:/$£€¥-])(?P<hour>1[0-2]|0?\d)(?:(?P<sep>[:.])(?P<minutes>[0-5]\d))?(?P<space>[ \u00a0]?)"
    r"(?:(?P<ampm>(?P<half>[AaPp])(?P<dot1>\.)?(?P<inner>[ ]?)(?P<m>[Mm])(?P<dot2>\.)?)(?!\w)"
    rf"|(?P<word>noon|midnight|midday)(?!\w))"
    rf"(?P<phrase>{_SP}+(?P<when>this morning|in the morning|this afternoon|in the afternoon|this evening|in the evening|tonight|at night|last night)(?!\w))?",
    regex.VERSION0,
)


class TimeMention(Record):
    """A time of day in the text.

    `end` is the end of the time itself, before any "this morning"; `afternoon` is True for p.m.,
    False for a.m., None for "12 noon"-style; `word` is noon, midnight, midday after "12", or "".
    """

    __slots__ = (
        "start", "end", "hour", "minutes", "afternoon", "word", "phrase_start", "phrase_end", "phrase", "separator",
    )

    def __init__(
        self,
        start: int,
        end: int,
        hour: int,
        minutes: int | None,
        afternoon: bool | None,
        word: str,
        phrase_start: int = -1,
        phrase_end: int = -1,
        phrase: str = "",
        separator: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.hour = hour
        self.minutes = minutes
        self.afternoon = afternoon
        self.word = word
        self.phrase_start = phrase_start
        self.phrase_end = phrase_end
        self.phrase = phrase
        self.separator = separator




def read_time(m: Any) -> TimeMention | None:
    hour = int(m.group("hour"))
    minutes = int(m.group("minutes")) if m.group("minutes") else None
    word = m.group("word") or ""
    if word:
        # Only "12 noon", "12 midnight" and "12:00 midday" are times here; "3 midnight" is not.
        if hour != 12 or (minutes not in (None, 0)):
            return None
        afternoon = None
    else:
        if hour == 0 or (m.group("sep") == "." and minutes is None):
            return None
        # "am" right after a figure is taken for a time: as the verb it would need a subject there.
        afternoon = m.group("half").lower() == "p"
    end = m.end("ampm") if m.group("ampm") else m.end("word")
    if m.group("dot2") and not m.group("dot1"):
        end -= 1  # "10pm." ends a sentence: that full stop is not part of the time
    return TimeMention(
        m.start(), end, hour, minutes, afternoon, word,
        m.start("when") if m.group("when") else -1, m.end("when") if m.group("when") else -1,
        m.group("when") or "", m.group("sep") or "",
    )
