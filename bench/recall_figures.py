"""Recall of the figure-slip checks: errors planted in real articles, and the peers' labelled sentences.

    python bench/recall_figures.py                          # every class, every corpus
    python bench/recall_figures.py --split held-out
    python bench/recall_figures.py --classes decade --corpus bbc --show-missed 10
    python bench/recall_figures.py --peers                  # LanguageTool's and proselint's examples
    python bench/recall_figures.py --overlaps               # spans that carry two findings, by rule pair

**Planted errors** (see planting.py for the harness). Each planter finds, in one real article, the
places where a slip of its class can be made from what the article already says, and makes it:

* ``malformed-amount``: an amount the article gives, made malformed: a decimal point left without
  its digits ("£17.5m" -> "£17.m"), a thousands group one digit short or long ("$110,000" ->
  "$110,00", "4,472,000 dlrs" -> "4,472,0000 dlrs"), a decimal comma ("1.4 mln" -> "1,4 mln"),
  or a plural magnitude ("£22 billion" -> "£22 billions");
* ``malformed-time``: a clock time made "5:pm", "13:30 p.m." or "10:5 p.m.";
* ``symbol-after``: a currency symbol moved after the figure ("$100" -> "100$", "150 dlrs" ->
  "150$");
* ``decade``: a decade given an apostrophe ("the 1990s" -> "the 1990's", "the '60s" -> "the 60's");
* ``year``: a year in a date given a doubled digit ("May 2014" -> "May 20014");
* ``range``: a range inverted ("March 3-5" -> "March 5-3", "2001-2005" -> "2005-2001"), or a date
  made into an inverted or impossible range ("Feb. 27" -> "Feb. 27-30", "March 13" -> "March 13-11");
* ``ages``: a person the article gives an age ("Rahman, 34,") given a second, different one at a
  later mention of the surname ("Rahman said" -> "Rahman, 35, said" or "the 35-year-old Rahman said").

Labels split each class by the kind of slip. Only file names and labels are printed.

**Peers' labelled sentences** (``--peers``): LanguageTool's examples for its CURRENCY,
APOSTROPHE_IN_DATES, YEAR_20001 and INVALID_DATE rules, and proselint's for misc.currency and the
decade items of dates_times.dates, read from ../shared/peers at run time. An incorrect sentence
counts as caught when one of the expected rules reports a span overlapping LanguageTool's marked
span (anywhere in the sentence for proselint, which marks none); a correct sentence counts as a
false alarm when any of the figure-slip rules reports anything in it.
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import lint_text, linter_for_preset, shared_dir  # noqa: E402
from planting import Plant, arguments, measure, overlaps  # noqa: E402

AMOUNTS = ("House.MalformedAmounts",)
TIMES = ("House.MalformedTimes",)
SYMBOL = ("House.CurrencyAfterNumber",)
DECADE = ("House.DecadeApostrophe",)
YEAR = ("House.ImpossibleYears",)
RANGE = ("House.DateRanges",)
AGES = ("House.AgeConsistency",)
SLIP_RULES = AMOUNTS + TIMES + SYMBOL + DECADE + YEAR + RANGE + AGES

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_MONTH_NUMBER = {m[:3].lower(): i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _replace(text: str, start: int, end: int, new: str, labels: dict, rules: tuple[str, ...],
             span: tuple[int, int] | None = None) -> Plant:
    """``text`` with [start, end) replaced by ``new``; the planted span is ``span`` (relative to
    ``start``) or the whole replacement."""
    changed = text[:start] + new + text[end:]
    s, e = (start + span[0], start + span[1]) if span else (start, start + len(new))
    return Plant(changed, s, e, rules, labels, start, end)


# -- malformed amounts ------------------------------------------------------------------------------

_SHORT_AMOUNT = regex.compile(r"(?<![\w.,])([$£€])(\d+)(?:\.(\d+))?(m|bn)(?!\w)")
_WIRE_AMOUNT = regex.compile(r"(?<![\w.,$£€])(\d+)\.(\d+)[ ](mln|bln|million|billion)[ ](dlrs|dollars|stg|euros|yen|marks|francs)(?!\w)")
_GROUPED = regex.compile(r"(?<![\w.,])([$£€][ ]?)?(\d{1,3}(?:,\d{3})+)(?![\d.,]\d)([ ](?:dlrs|dollars|pounds|euros|stg|yen))?")
_MAGNITUDE = regex.compile(r"(?<![\w.,])([$£€]?\d[\d,.]*)[ ](million|billion|trillion|thousand)(?!\w)")
_DECIMAL_MAGNITUDE = regex.compile(r"(?<![\w.,])([$£€]?)(\d+)\.(\d+)([ ]?(?:mln|bln|million|billion|m|bn))(?!\w)")


def malformed_amounts(text: str, rng: random.Random) -> list[Plant]:
    plants = []
    for m in _SHORT_AMOUNT.finditer(text):  # £17.5m -> £17.m, £17m -> £17.m
        new = f"{m.group(1)}{m.group(2)}.{m.group(4)}"
        plants.append(_replace(text, m.start(), m.end(), new, {"kind": "dot-before-magnitude"}, AMOUNTS))
    for m in _WIRE_AMOUNT.finditer(text):  # 17.5 mln dlrs -> 17. mln dlrs
        new = f"{m.group(1)}. {m.group(3)} {m.group(4)}"
        plants.append(_replace(text, m.start(), m.end(), new, {"kind": "dot-before-magnitude"}, AMOUNTS, (0, len(m.group(1)) + 2 + len(m.group(3)))))
    for m in _GROUPED.finditer(text):
        if not (m.group(1) or m.group(3)):
            continue  # an amount: a symbol before or a currency word after
        number = m.group(2)
        if rng.random() < 0.5:  # a digit lost from the last group
            new_number = number[:-1]
            kind = "group-too-short"
        else:  # a digit doubled in the last group
            new_number = number + number[-1]
            kind = "group-too-long"
        start = m.start(2)
        plants.append(_replace(text, start, m.end(2), new_number, {"kind": kind}, AMOUNTS))
    for m in _DECIMAL_MAGNITUDE.finditer(text):  # 1.4 mln -> 1,4 mln
        if len(m.group(3)) == 3:
            continue  # "3.531 billion" -> "3,531 billion" is a well-formed figure, only a wrong one
        new = f"{m.group(1)}{m.group(2)},{m.group(3)}{m.group(4)}"
        plants.append(_replace(text, m.start(), m.end(), new, {"kind": "decimal-comma"}, AMOUNTS))
    for m in _MAGNITUDE.finditer(text):  # £22 billion -> £22 billions
        plants.append(_replace(text, m.start(), m.end(), f"{m.group(1)} {m.group(2)}s", {"kind": "plural-magnitude"}, AMOUNTS))
    return plants


# -- malformed times --------------------------------------------------------------------------------

_TIME = regex.compile(r"(?<![\w.,:])(1[0-2]|[1-9])(?:([:.])([0-5]\d))?([ ]?)([ap]\.?m\.?|[AP]\.?M\.?)(?!\w)")
_CLOCK24 = regex.compile(r"(?<![\w.,:])(1[3-9]|2[0-3])(:?)([0-5]\d)(?=[ ](?:GMT|EST|EDT|CST|CDT|PST|PDT|BST|hrs|local)\b)")


def malformed_times(text: str, rng: random.Random) -> list[Plant]:
    plants = []
    for m in _TIME.finditer(text):
        hour, sep, minutes, space, ampm = m.groups()
        if not minutes:  # 5pm -> 5:pm
            new = f"{hour}:{ampm}"
            plants.append(_replace(text, m.start(), m.end(), new, {"kind": "colon-without-minutes"}, TIMES))
        else:
            new = f"{hour}{sep}{minutes[0] if minutes[1] == '0' else minutes[1]}{space}{ampm}"
            if sep == ":":  # 10:50 p.m. -> 10:5 p.m.
                plants.append(_replace(text, m.start(), m.end(), new, {"kind": "one-digit-minutes"}, TIMES))
        if ampm.lower().startswith("p") and int(hour) < 12:  # 1:30 p.m. -> 13:30 p.m.
            new = f"{int(hour) + 12}{sep or ''}{minutes or ''}{space}{ampm}"
            plants.append(_replace(text, m.start(), m.end(), new, {"kind": "hour-past-12"}, TIMES))
    for m in _CLOCK24.finditer(text):  # 1530 GMT -> 15:30 p.m. GMT: a 24-hour time given a p.m.
        new = f"{m.group(1)}:{m.group(3)} {'p.m.' if rng.random() < 0.5 else 'pm'}"
        plants.append(_replace(text, m.start(), m.end(), new, {"kind": "24-hour-with-pm"}, TIMES))
    return plants


# -- a symbol after the figure ----------------------------------------------------------------------

_SYMBOL_AMOUNT = regex.compile(r"(?<![\w.,$£€])([$£€])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(m|bn)?(?![\w.,]?\d)(?!\w)")
_WORD_AMOUNT = regex.compile(r"(?<![\w.,$£€])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ ](dlrs|dollars|euros)(?!\w)")


def symbol_after(text: str, rng: random.Random) -> list[Plant]:
    plants = []
    for m in _SYMBOL_AMOUNT.finditer(text):
        if text[m.start() - 2 : m.start()].isupper() and m.group(1) == "$":
            continue  # "US$5": the prefix would be left behind
        space = " " if rng.random() < 0.25 else ""
        new = f"{m.group(2)}{m.group(3) or ''}{space}{m.group(1)}"
        plants.append(_replace(text, m.start(), m.end(), new, {"kind": "symbol-moved", "symbol": m.group(1)}, SYMBOL))
    for m in _WORD_AMOUNT.finditer(text):
        symbol = "€" if m.group(2) == "euros" else "$"
        plants.append(_replace(text, m.start(), m.end(), f"{m.group(1)}{symbol}", {"kind": "word-as-symbol-after", "symbol": symbol}, SYMBOL))
    return plants


# -- decades ----------------------------------------------------------------------------------------

_DECADE = regex.compile(r"(?<![\w.,$£€'’/-]|[\w]-)(['’]?)((?:1[5-9]|20)?\d0)s(?!\w)")


def decades(text: str, rng: random.Random) -> list[Plant]:
    plants = []
    for m in _DECADE.finditer(text):
        digits = m.group(2)
        apostrophe = "’" if "’" in text[max(0, m.start() - 200) : m.end() + 200] else "'"
        new = f"{m.group(1)}{digits}{apostrophe}s"
        before = regex.search(r"([\p{L}]+)-?[ \t]*['’]?$", text[max(0, m.start() - 20) : m.start()])
        plants.append(_replace(text, m.start(), m.end(), new,
                               {"digits": str(len(digits)), "before": before.group(1).lower() if before else "-"}, DECADE))
    return plants


# -- five-digit years --------------------------------------------------------------------------------

_DATED_YEAR = regex.compile(rf"(?<![\w.])({_MONTH})\.?[ ]((?:\d{{1,2}},?[ ])?)((?:19|20)\d\d)(?![\w]|[.,]\d)")


def years(text: str, rng: random.Random) -> list[Plant]:
    plants = []
    for m in _DATED_YEAR.finditer(text):
        year = m.group(3)
        i = rng.randrange(4)
        new = year[: i + 1] + year[i:]
        plants.append(_replace(text, m.start(3), m.end(3), new, {"with-day": "yes" if m.group(2) else "no", "digit": str(i + 1)}, YEAR))
    return plants


# -- inverted or impossible ranges -----------------------------------------------------------------

_DAY_RANGE = regex.compile(rf"(?<![\w./])({_MONTH})(\.?[ ])(\d{{1,2}})([-–]|[ ]to[ ])(\d{{1,2}})(?![\w]|[-/:.,]\d)"
                           rf"|(?<![\w.,:/-])(\d{{1,2}})([-–]|[ ]to[ ])(\d{{1,2}})([ ])({_MONTH})\b")
_YEAR_RANGE = regex.compile(r"(?<![\w.,:/-])((?:19|20)\d\d)([-–]|[ ]to[ ])((?:19|20)\d\d)(?![\w]|[-/:.,]\d)")
_MONTH_DAY = regex.compile(rf"(?<![\w./])(?<![Ii]n[ ])({_MONTH})(\.?[ ])(\d{{1,2}})(?![\w]|[-/:.,]\d|[ ]?[-–])")


def ranges(text: str, rng: random.Random) -> list[Plant]:
    plants = []
    for m in _DAY_RANGE.finditer(text):
        if m.group(1):
            first, last = int(m.group(3)), int(m.group(5))
            if last <= first:
                continue
            new = f"{m.group(1)}{m.group(2)}{last}{m.group(4)}{first}"
        else:
            first, last = int(m.group(6)), int(m.group(8))
            if last <= first:
                continue
            new = f"{last}{m.group(7)}{first}{m.group(9)}{m.group(10)}"
        plants.append(_replace(text, m.start(), m.end(), new, {"kind": "days-swapped"}, RANGE))
    for m in _YEAR_RANGE.finditer(text):
        first, last = int(m.group(1)), int(m.group(3))
        if last <= first:
            continue
        plants.append(_replace(text, m.start(), m.end(), f"{last}{m.group(2)}{first}", {"kind": "years-swapped"}, RANGE))
    for m in _MONTH_DAY.finditer(text):
        month = _MONTH_NUMBER[m.group(1)[:3].lower()]
        day = int(m.group(3))
        if not 1 <= day <= _DAYS[month - 1]:
            continue
        if day >= 3 and rng.random() < 0.5:  # March 13 -> March 13-11
            new = f"{m.group(1)}{m.group(2)}{day}-{rng.randrange(1, day)}"
            kind = "date-made-inverted"
        else:  # Feb. 27 -> Feb. 27-30
            length = 29 if month == 2 else _DAYS[month - 1]
            if length == 31 or day >= length:
                continue
            new = f"{m.group(1)}{m.group(2)}{day}-{length + 1}"
            kind = "date-made-impossible"
        plants.append(_replace(text, m.start(), m.end(), new, {"kind": kind}, RANGE))
    return plants


# -- two ages ---------------------------------------------------------------------------------------

_NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ ])?\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){0,2}"
_AGED = regex.compile(rf"(?<![\p{{L}}])({_NAME}),[ ](?:aged[ ]|a[ ])?([1-9]\d)(?:,|-year-old)"
                      rf"|(?<![\w-])([1-9]\d)-year-old[ ](?:\p{{Ll}}+[ ]){{0,2}}({_NAME})(?![\p{{L}}])")
_MONTH_OR_DAY = regex.compile(rf"{_MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
# A later bare mention of the surname (no first name or title before it: "Katherine Jackson" may be
# another Jackson than "Michael Jackson, 46,").
_LATER = r"(?<![\p{{L}}'’.-])(?<!\p{{Lu}}[\p{{L}}.'’-]*[ ]){surname}(?=[ ]\p{{Ll}})"


def ages(text: str, rng: random.Random) -> list[Plant]:
    plants = []
    for m in _AGED.finditer(text):
        name, age = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        surname = name.split()[-1]
        if surname in ("Mr", "Mrs", "Ms", "Miss", "Dr") or _MONTH_OR_DAY.fullmatch(surname):
            continue
        other = int(age) + rng.choice((1, -1, 1, 10))
        for later in regex.finditer(_LATER.format(surname=regex.escape(surname)), text[m.end() :]):
            at = m.end() + later.start()
            end = m.end() + later.end()
            if rng.random() < 0.5:
                new = f"{surname}, {other},"
                plants.append(_replace(text, at, end, new, {"first": "appositive" if m.group(1) else "year-old", "second": "appositive"},
                                       AGES, (len(surname) + 2, len(surname) + 2 + len(str(other)))))
            else:
                before = text[max(0, at - 4) : at]
                starts = not before.strip() or before.rstrip()[-1:] in ".!?\"“"
                article = "The " if starts else "the "
                new = f"{article}{other}-year-old {surname}"
                plants.append(_replace(text, at, end, new, {"first": "appositive" if m.group(1) else "year-old", "second": "year-old"},
                                       AGES, (len(article), len(article) + len(str(other)))))
            break
    return plants


PLANTERS = {
    "malformed-amount": malformed_amounts,
    "malformed-time": malformed_times,
    "symbol-after": symbol_after,
    "decade": decades,
    "year": years,
    "range": ranges,
    "ages": ages,
}


# -- the peers' labelled sentences -------------------------------------------------------------------

_LT_RULES = {"CURRENCY": ("currency", SYMBOL), "CURRENCY_SPACE": ("currency", ("House.Money",)), "APOSTROPHE_IN_DATES": ("decades", DECADE),
             "YEAR_20001": ("years", YEAR), "INVALID_DATE": ("ranges", RANGE)}
_DECADE_SENTENCE = regex.compile(r"\d0['’]?s\b")


def peer_examples() -> list[tuple[str, str, str, tuple[str, ...], tuple[int, int] | None]]:
    """(source, class, label, rules, marked span) for every labelled sentence of the classes measured."""
    peers = shared_dir() / "peers"
    found = []
    lt = peers / "languagetool_examples.jsonl"
    if lt.exists():
        with lt.open(encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                wanted = _LT_RULES.get(item.get("rule_id"))
                if not wanted:
                    continue
                # INVALID_DATE's range examples only: the single impossible dates are ImpossibleDates' business.
                if item["rule_id"] == "INVALID_DATE" and not regex.search(r"\d[ ]?[-–][ ]?\d", item["text"]):
                    continue
                span = (item["marker_start"], item["marker_end"]) if item.get("marker_start") is not None else None
                found.append(("languagetool", wanted[0], item["label"], wanted[1], item["text"], span))
    pl = peers / "proselint_examples.jsonl"
    if pl.exists():
        with pl.open(encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                module = item.get("check_module")
                if module == "misc.currency":
                    found.append(("proselint", "currency", item["label"], SYMBOL + ("House.MoneyRedundancy",), item["text"], None))
                elif module == "dates_times.dates" and _DECADE_SENTENCE.search(item["text"]):
                    found.append(("proselint", "decades", item["label"], DECADE, item["text"], None))
    return found


def measure_peers(preset: str) -> int:
    linter = linter_for_preset(preset)
    rows: dict[tuple[str, str], list[int]] = {}
    for source, klass, label, rules, text, span in peer_examples():
        diagnostics = [d for d in lint_text(linter, text, "peer.txt") if d.rule in SLIP_RULES + rules]
        row = rows.setdefault((source, klass), [0, 0, 0, 0])  # incorrect, caught, correct, false alarms
        if label == "incorrect":
            row[0] += 1
            row[1] += any(d.rule in rules and (span is None or overlaps(d, *span)) for d in diagnostics)
        else:
            row[2] += 1
            row[3] += bool(diagnostics)
    if not rows:
        print("no peer examples found (put ../shared beside the checkout or set STYLECHECK_SHARED)")
        return 0
    print(f"peers' labelled sentences (preset: {preset})")
    print(f"{'source/class':<28} {'incorrect':>9} {'caught':>6} {'recall':>7} {'correct':>8} {'flagged':>8}")
    for (source, klass), (bad, caught, good, flagged) in sorted(rows.items()):
        recall = f"{caught / bad:.0%}" if bad else "-"
        print(f"{source + '/' + klass:<28} {bad:>9} {caught:>6} {recall:>7} {good:>8} {flagged:>8}")
    return 0


def measure_overlaps(corpus_names: list[str], split: str, limit: int) -> int:
    """Spans that carry two findings (of any two rules), counted by rule pair, on the untouched corpora."""
    from collections import Counter

    from corpora import corpora, documents

    print(f"spans carrying two findings (split: {split})")
    for name in corpus_names:
        linter = linter_for_preset(corpora()[name].preset)
        pairs: Counter = Counter()
        for doc_name, text in documents(name, split, limit):
            found = sorted(lint_text(linter, text, doc_name), key=lambda d: d.offset)
            for i, a in enumerate(found):
                for b in found[i + 1 :]:
                    if b.offset >= a.offset + max(a.length, 1):
                        break
                    if b.rule != a.rule:
                        pairs[tuple(sorted((a.rule, b.rule)))] += 1
        print(f"{name}: {sum(pairs.values())} spans")
        for (a, b), count in pairs.most_common():
            print(f"    {count:>5}  {a} + {b}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    parser.add_argument("--classes", default=",".join(PLANTERS), help="comma-separated: " + ", ".join(PLANTERS))
    parser.add_argument("--peers", action="store_true", help="measure on the peers' labelled sentences instead")
    parser.add_argument("--preset", default="ap", choices=("ap", "british"), help="the preset for --peers")
    parser.add_argument("--overlaps", action="store_true", help="count spans carrying two findings on the corpora instead")
    args = parser.parse_args(argv)
    if args.peers:
        return measure_peers(args.preset)
    if args.overlaps:
        return measure_overlaps([c.strip() for c in args.corpus.split(",")], args.split, args.limit)
    classes = [c.strip() for c in args.classes.split(",") if c.strip()]
    unknown = [c for c in classes if c not in PLANTERS]
    if unknown:
        parser.error(f"unknown class {unknown[0]!r}; pick from {', '.join(PLANTERS)}")
    results = measure({c: PLANTERS[c] for c in classes}, [c.strip() for c in args.corpus.split(",")], args.split,
                      args.per_class, args.seed, args.limit, args.show_missed, select=SLIP_RULES)
    print(f"\nper class, all corpora together (split: {args.split})")
    for klass in classes:
        rows = [row for key, row in results.items() if key.split("/", 1)[1] == klass]
        planted = sum(r["planted"] for r in rows)
        caught = sum(r["found"] for r in rows)
        print(f"{klass:<40} {planted:>8} {caught:>6} {caught / planted if planted else 0:>7.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
