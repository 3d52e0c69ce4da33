"""Date normalisation: find date expressions in English news text and resolve them.

Every expression is resolved against the article's publication date, following the
contract's rules:

* a weekday name ("on Friday", "late Wednesday night") is the most recent such day on
  or before the publication date; "next Monday" is a future, vague reference;
* "yesterday", "today", "tonight" ... are offsets from the publication date;
* an explicit day without a year ("December 31") takes the publication year, unless
  that would put it more than a week after publication, in which case the previous
  year is used;
* a range ("September 25-28") resolves to its first day;
* vague references ("last week", "in March", "by the end of the year") are found, so
  that callers know a date is attached, but never resolved to a day.

Nothing here calls ``dateparser.search_dates``: precompiled regular expressions find
candidates, and :func:`resolve_date` falls back to ``dateparser.parse`` only for a
single expression that the rules below do not cover.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "DateKind",
    "DateMention",
    "find_dateline",
    "find_dates",
    "parse_published",
    "resolve_date",
]

DateKind = Literal["day", "range", "weekday", "relative", "vague", "month", "year"]

#: An explicit day without a year may lie at most this far after publication.
FUTURE_TOLERANCE = _dt.timedelta(days=7)

#: Years an explicit date may name; a date naming another year gives no day.
PLAUSIBLE_YEARS = range(1900, 2100)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text.

    Attributes:
        start: Offset of the first character in the searched string.
        end: Offset one past the last character.
        text: ``string[start:end]``.
        value: The resolved calendar day, or ``None`` when the expression is vague or
            cannot be resolved (no publication date and no year).
        kind: What sort of expression it is.
    """

    start: int
    end: int
    text: str
    value: _dt.date | None
    kind: DateKind


# --------------------------------------------------------------------------- tables

_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

_NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a few": 3,
}  # fmt: skip


def _title_or_upper(words: list[str]) -> str:
    """Alternation of ``words`` in Title case and UPPER case, longest first.

    Month and weekday names are matched case-sensitively so that "may" (the verb)
    and "march" (the verb) are not taken for months.
    """
    forms = {w.title() for w in words} | {w.upper() for w in words}
    return "|".join(sorted(forms, key=len, reverse=True))


_ABBREVIATED = [m for m in _MONTHS if len(m) <= 4 and m != "may" and m != "june" and m != "july"]
_FULL_MONTHS = [m for m in _MONTHS if m not in _ABBREVIATED]
_MONTH = rf"(?:(?:{_title_or_upper(_ABBREVIATED)})\.?|{_title_or_upper(_FULL_MONTHS)})(?![A-Za-z])"
_WEEKDAY = rf"(?:{_title_or_upper(list(_WEEKDAYS))})(?![A-Za-z])"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
# A day of the month: not part of a larger number, a time, a percentage or a count.
_DAY = (
    r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%]|\.\d|,\d{3}"
    r"|[ \t]*(?:million|billion|thousand|per ?cent|percent|doses?|people|countries)\b)"
)
_DASH = r"(?:[ \t]*[-\u2013\u2014][ \t]*|\s+(?:to|through|till|until|and)\s+)"
_B = r"(?<![\w.,/-])"  # left boundary: not glued to a preceding word or number


def _named(pattern: str, suffix: str) -> str:
    """Return ``pattern`` with group names ``(?P<x>`` renamed ``(?P<x{suffix}>``."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{suffix}>", pattern)


_M = rf"(?P<m>{_MONTH})"
_D = rf"(?P<d>{_DAY})"
_Y = rf"(?P<y>{_YEAR})"
_WD_OPT = rf"(?:{_WEEKDAY},?\s+)?"

_RE_ISO = re.compile(rf"{_B}(?P<y>{_YEAR})-(?P<m>1[0-2]|0?[1-9])-(?P<d>3[01]|[12]\d|0?[1-9])(?!\d)")
_RE_YMD_SLASH = re.compile(
    rf"{_B}(?P<y>{_YEAR})/(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?![\d/])"
)
_RE_MONTH_DAY = re.compile(rf"{_B}{_WD_OPT}{_M}\s+(?:the\s+)?{_D}(?:,?\s+{_Y})?")
_RE_DAY_MONTH = re.compile(rf"{_B}{_WD_OPT}(?:the\s+)?{_D}(?:\s+of)?\s+{_M}(?:,?\s+{_Y})?")

_FROM = r"(?:(?i:from|between)\s+)?"
_RE_RANGE_MDD = re.compile(rf"{_B}{_FROM}{_M}\s+{_D}{_DASH}{_named(_D, '2')}(?:,?\s+{_Y})?")
_RE_RANGE_DDM = re.compile(rf"{_B}{_FROM}{_D}{_DASH}{_named(_D, '2')}\s+{_M}(?:,?\s+{_Y})?")
_RE_RANGE_MDMD = re.compile(
    rf"{_B}{_FROM}{_M}\s+{_D}{_DASH}{_named(_M, '2')}\s+{_named(_D, '2')}(?:,?\s+{_Y})?"
)
_RE_RANGE_DMDM = re.compile(
    rf"{_B}{_FROM}{_D}\s+{_M}{_DASH}{_named(_D, '2')}\s+{_named(_M, '2')}(?:,?\s+{_Y})?"
)

# "June 5, 9999": a day with a year outside the plausible range (not a count: no word after).
_FAR_Y = r"(?P<y>\d{4})(?![\d,.]?\d)(?![ \t]*[A-Za-z%])"
_RE_FAR_YEAR = [
    re.compile(rf"{_B}{_M}\s+{_D},?\s+{_FAR_Y}"),
    re.compile(rf"{_B}{_D}(?:\s+of)?\s+{_M},?\s+{_FAR_Y}"),
]

_RE_WEEKDAY = re.compile(
    rf"{_B}(?:(?P<pre>(?i:last|this|next|coming|late|early|earlier|later))\s+(?:(?i:on)\s+)?)?"
    rf"(?P<wd>{_WEEKDAY})"
    r"(?:\s+(?i:morning|afternoon|evening|night))?"
)

_RE_RELATIVE = re.compile(
    r"(?i)\b(?:"
    r"(?P<m2>the\s+day\s+before\s+yesterday)"
    r"|(?P<p2>the\s+day\s+after\s+tomorrow)"
    r"|(?P<m1>yesterday(?:\s+(?:morning|afternoon|evening))?|last\s+night)"
    r"|(?P<p1>tomorrow(?:\s+(?:morning|afternoon|evening))?)"
    r"|(?P<zero>(?:earlier|later)\s+today|today|tonight"
    r"|(?:earlier\s+|later\s+)?this\s+(?:morning|afternoon|evening))"
    r"|(?P<ago>(?:a\s+couple\s+of|a\s+few|an?|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|[1-9])\s+days?\s+ago)"
    r")\b"
)

_PERIOD = r"(?:week|month|year|weekend|fortnight|quarter|summer|winter|spring|autumn|fall)"
_VAGUE_PATTERNS = [
    # last week, earlier this month, later next year, the past week
    rf"(?:(?:earlier|later|early|late)\s+)?(?:this|last|next|the\s+past|the\s+previous|the\s+following|the\s+coming)\s+{_PERIOD}",
    rf"(?:earlier|later|early|late)\s+in\s+the\s+{_PERIOD}",
    r"(?:over|during|at)\s+the\s+weekend",
    r"recently|lately|in\s+recent\s+(?:days|weeks|months|years)",
    r"(?:a\s+few|several|a\s+couple\s+of|two|three|four|a)\s+(?:weeks?|months?|years?)\s+ago",
    r"(?:in|over|during|for)\s+the\s+(?:coming|next|past|last|previous|following)\s+(?:few\s+|several\s+|two\s+|three\s+)?(?:days|weeks|months|years)",
    rf"within\s+(?:this|the|a|the\s+next|the\s+same)\s+{_PERIOD}",
    rf"(?:by|at|before|until|till|towards?|around)\s+the\s+end\s+of\s+(?:the|this|next|last)\s+{_PERIOD}",
    r"by\s+(?:the\s+)?year[-\s]end|by\s+the\s+year'?s\s+end",
    r"(?:in|during|by|within|for)\s+the\s+(?:first|second|third|fourth|last|final|next)\s+(?:half|quarter)"
    rf"(?:\s+of\s+(?:this|next|last|the)\s+year|\s+of\s+{_YEAR})?",
]
_RE_VAGUE = re.compile(r"(?i)\b(?:" + "|".join(f"(?:{p})" for p in _VAGUE_PATTERNS) + r")\b")
# "late April", "mid-March 2021", "by the end of June", "in early 2022"
_RE_VAGUE_MONTH = re.compile(
    rf"{_B}(?:(?i:by|at|before|until|till|towards?)\s+the\s+end\s+of\s+(?:(?i:early|late|mid)[-\s]+)?"
    rf"|(?i:(?:in\s+)?(?:early|late|mid))[-\s]+)(?:{_MONTH}|{_YEAR})(?:,?\s+{_YEAR})?"
)
_RE_MONTH = re.compile(
    rf"{_B}(?:(?:(?i:in|since|by|until|till|through|throughout|during|from|before|after|of|last|this|next)\s+)"
    rf"{_MONTH}(?:,?\s+{_YEAR})?|{_MONTH},?\s+{_YEAR})"
)
_RE_YEAR = re.compile(
    rf"{_B}(?i:in|since|by|until|till|through|throughout|during|before|after|for|of)\s+{_YEAR}"
    r"(?![.,]\d|\s*(?:%|percent|million|billion|thousand|doses?)\b)"
)


# --------------------------------------------------------------------------- helpers


def _month_number(token: str) -> int:
    return _MONTHS[token.rstrip(".").lower()]


def _day_number(token: str) -> int:
    return int(re.match(r"\d+", token).group())  # type: ignore[union-attr]


def _make_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _shift(day: _dt.date | None, days: int) -> _dt.date | None:
    """``day`` moved by ``days``, or None past the calendar's ends (years 1 and 9999)."""
    if day is None:
        return None
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return None


def _intended_year(month: int, day: int, published: _dt.date) -> int:
    """The year a day without one is meant in: the publication year, or the year
    before when the day would lie more than :data:`FUTURE_TOLERANCE` after publication.

    A day the publication year lacks (February 29 of a common year) is placed right
    after the month's last day, so "February 29" in a June 2021 article means 2021.
    """
    last = calendar.monthrange(published.year, month)[1]
    position = _dt.date(published.year, month, min(day, last))
    limit = _shift(published, FUTURE_TOLERANCE.days)
    if limit is not None and (position > limit or (day > last and position == limit)):
        return published.year - 1
    return published.year


def _infer_year(month: int, day: int, published: _dt.date | None) -> _dt.date | None:
    """The day ``month``/``day`` in its intended year (see :func:`_intended_year`);
    None when that year has no such day ("February 29" in a 2021 article)."""
    if published is None:
        return None
    return _make_date(_intended_year(month, day, published), month, day)


def _weekday_on_or_before(weekday: int, published: _dt.date) -> _dt.date | None:
    return _shift(published, -((published.weekday() - weekday) % 7))


def _explicit(
    m: re.Match[str], published: _dt.date | None, numeric_month: bool = False
) -> _dt.date | None:
    month = int(m.group("m")) if numeric_month else _month_number(m.group("m"))
    day = _day_number(m.group("d"))
    year = m.group("y")
    if year:
        return _make_date(int(year), month, day)
    return _infer_year(month, day, published)


def _range_order_ok(groups: dict[str, str | None]) -> bool:
    """Whether the second day of a range comes after the first ("June 16 to 3" does not)."""
    month1 = _month_number(groups["m"] or "")
    month2 = _month_number(groups["m2"]) if groups.get("m2") else month1
    day1, day2 = _day_number(groups["d"] or ""), _day_number(groups["d2"] or "")
    return month2 < month1 or (month2, day2) > (month1, day1)  # a range may cross New Year


def _range_start(m: re.Match[str], published: _dt.date | None) -> _dt.date | None:
    groups = m.groupdict()
    month1 = _month_number(groups["m"])
    month2 = _month_number(groups["m2"]) if groups.get("m2") else month1
    day1 = _day_number(groups["d"])
    if groups.get("y"):
        year = int(groups["y"])
        # "December 30 to January 2, 2022" starts in the year before
        return _make_date(year - 1 if month2 < month1 else year, month1, day1)
    return _infer_year(month1, day1, published)


def _ago(phrase: str) -> int:
    head = re.match(r"(.+?)\s+days?\s+ago", phrase.lower()).group(1)  # type: ignore[union-attr]
    head = re.sub(r"\s+", " ", head)
    return int(head) if head.isdigit() else _NUMBER_WORDS[head]


# Cheap tests that let most sentences skip most expressions: what every month, weekday
# or year pattern needs (runs of literals, which the engine scans for quickly), and words.
_MONTH_STEMS = re.compile(_title_or_upper([m[:3] for m in _MONTHS]))
_WEEKDAY_STEMS = re.compile(_title_or_upper([d[:3] for d in _WEEKDAYS]))
_YEARISH = re.compile(_YEAR)  # also what every dateline holds
_RELATIVE_KEYS = (
    "yesterday", "today", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", " ago",
)  # fmt: skip
_VAGUE_KEYS = (
    "week", "month", "year", "recent", "lately", " ago", "days", "quarter", "half", "fortnight",
    "summer", "winter", "spring", "autumn", "fall",
)  # fmt: skip
_VAGUE_MONTH_KEYS = ("early", "late", "mid", "end of")


def _candidates(text: str, published: _dt.date | None) -> list[DateMention]:
    found: list[DateMention] = []

    def add(m: re.Match[str], value: _dt.date | None, kind: DateKind) -> None:
        found.append(DateMention(m.start(), m.end(), m.group(), value, kind))

    low = text.lower()
    has_digit = any(map(str.isdigit, text))
    has_month = _MONTH_STEMS.search(text) is not None
    if has_digit and _YEARISH.search(text) is not None:
        for rx in (_RE_ISO, _RE_YMD_SLASH):
            for m in rx.finditer(text):
                if (value := _explicit(m, published, numeric_month=True)) is not None:
                    add(m, value, "day")
        for m in _RE_YEAR.finditer(text):
            add(m, None, "year")
    if has_digit and has_month:
        for rx in (_RE_MONTH_DAY, _RE_DAY_MONTH):
            for m in rx.finditer(text):
                add(m, _explicit(m, published), "day")
        for rx in (_RE_RANGE_MDD, _RE_RANGE_DDM, _RE_RANGE_MDMD, _RE_RANGE_DMDM):
            for m in rx.finditer(text):
                if _range_order_ok(m.groupdict()):
                    add(m, _range_start(m, published), "range")
        for m in _far_years(text):
            add(m, None, "day")  # longer than the day alone, so the year is not lost
    if _WEEKDAY_STEMS.search(text) is not None:
        for m in _RE_WEEKDAY.finditer(text):
            pre = (m.group("pre") or "").lower()
            if pre in ("next", "coming"):
                add(m, None, "vague")
                continue
            value = None
            if published is not None:
                value = _weekday_on_or_before(_WEEKDAYS[m.group("wd").lower()], published)
                if pre == "last" and value == published:
                    value = _shift(value, -7)  # "last Tuesday" in a Tuesday article
            add(m, value, "weekday")
    if any(key in low for key in _RELATIVE_KEYS):
        for m in _RE_RELATIVE.finditer(text):
            offset = {"m2": -2, "p2": 2, "m1": -1, "p1": 1, "zero": 0}.get(m.lastgroup or "")
            if offset is None:
                offset = -_ago(m.group())
            add(m, _shift(published, offset), "relative")
    if any(key in low for key in _VAGUE_KEYS):
        for m in _RE_VAGUE.finditer(text):
            add(m, None, "vague")
    if (has_month or has_digit) and any(key in low for key in _VAGUE_MONTH_KEYS):
        for m in _RE_VAGUE_MONTH.finditer(text):
            add(m, None, "vague")
    if has_month:
        for m in _RE_MONTH.finditer(text):
            add(m, None, "month")
    return found


def _select(candidates: list[DateMention]) -> list[DateMention]:
    """Non-overlapping mentions, longest first, then leftmost; sorted by start."""
    starts: list[int] = []
    chosen: list[DateMention] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        i = bisect.bisect_right(starts, cand.start)
        if i > 0 and chosen[i - 1].end > cand.start:
            continue
        if i < len(chosen) and chosen[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        chosen.insert(i, cand)
    return chosen


# --------------------------------------------------------------------------- public API


def find_dates(text: str, published: _dt.date | None) -> list[DateMention]:
    """Find the date expressions of ``text``, resolved against ``published``.

    Args:
        text: Any string (typically one sentence).
        published: The article's publication date, or ``None`` when unknown.

    Returns:
        Non-overlapping mentions sorted by start offset; where candidates overlap the
        longest wins. Vague expressions are returned with ``value=None``.
    """
    if not text:
        return []
    return _select(_candidates(text, published))


_DATEPARSER_LANGUAGES = ["en"]
_RE_NUMERIC_DMY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}")


@functools.lru_cache(maxsize=256)
def _dateparser_settings(published: _dt.date | None) -> dict[str, Any]:
    if published is None:
        return {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    base = _dt.datetime.combine(published, _dt.time(12))
    return {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}


@functools.lru_cache(maxsize=4096)
def resolve_date(expression: str, published: _dt.date | None) -> _dt.date | None:
    """Resolve one date expression by the rules of :func:`find_dates`.

    Args:
        expression: A single date expression, e.g. ``"on Friday"`` or ``"June 16"``.
        published: The article's publication date, or ``None``.

    Returns:
        The calendar day, or ``None`` when the expression is vague, unresolvable
        without a publication date, or not a date at all.
    """
    stripped = expression.strip()
    if not stripped:
        return None
    mentions = find_dates(stripped, published)
    if mentions:
        # The longest mention stands for the expression ("on Friday" -> "Friday").
        best = max(mentions, key=lambda m: m.end - m.start)
        if best.end - best.start >= len(stripped) // 2:
            return best.value
    if not any(map(str.isdigit, stripped)):
        return None  # weekday, relative and vague words are all handled above
    numeric = _RE_NUMERIC_DMY.fullmatch(stripped)
    if numeric and int(numeric.group(1)) <= 12 and int(numeric.group(2)) <= 12:
        return None  # "4/6/2021": day-month order unknown
    import dateparser  # deferred: importing dateparser is slow

    try:
        parsed = dateparser.parse(
            stripped, languages=_DATEPARSER_LANGUAGES, settings=_dateparser_settings(published)
        )
    except (OverflowError, ValueError):  # arithmetic past year 1 or 9999
        return None
    return None if parsed is None else parsed.date()


_FOUR_DIGITS = re.compile(r"\d{4,}")
"""Runs of four digits or more: a far year needs one that does not begin a year of
1900-2099 (a cheap test before the day patterns run over the whole text)."""


def _far_years(text: str) -> list[re.Match[str]]:
    """Explicit days whose year lies outside :data:`PLAUSIBLE_YEARS` ("June 5, 9999")."""
    if all(m.group().startswith(("19", "20")) for m in _FOUR_DIGITS.finditer(text)):
        return []
    return [
        m
        for rx in _RE_FAR_YEAR
        for m in rx.finditer(text)
        if int(m.group("y")) not in PLAUSIBLE_YEARS
    ]


# --------------------------------------------------------------------------- datelines

_DATELINE_HEAD = 400

_DATE_WITH_YEAR = (
    rf"(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_YEAR}-(?:1[0-2]|0?[1-9])-(?:3[01]|[12]\d|0?[1-9])(?!\d)"
    rf"|{_YEAR}/(?:1[0-2]|0?[1-9])/(?:3[01]|[12]\d|0?[1-9])(?![\d/])"
    rf"|{_MONTH}\s+(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,?\s+{_YEAR}"
    rf"|(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR})"
)
_ISO_TIME = r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
_CLOCK = (
    r"(?:(?i:at)\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]*(?i:[ap]\.?[ \t]?m\.?))?"
    r"(?:[ \t]*[(\[]?[ \t]*(?:UTC|GMT|[A-Z]{2,4})?[ \t]*(?:[+-]\d{1,2}(?::?\d{2})?)?[ \t]*[)\]]?)?"
)
_TIME_TAIL = rf"(?:{_ISO_TIME}|[ \t,|\-\u2013\u2014]*{_CLOCK})"
_MARKER = (
    r"(?i:\b(?:last\s+updated|first\s+published|published|updated|posted|date)\b"
    r"(?:\s+on)?[ \t]*[:=\-]?[ \t]*)"
)
_EDGE = " \t\r\n#>*_|-\u2013\u2014\u2022:,"

_RE_DATELINES = [
    # a line that holds nothing but the date (and maybe a marker and a time)
    re.compile(
        rf"(?m)^[ \t#>*_|\-\u2013\u2014\u2022]*{_MARKER}?{_DATE_WITH_YEAR}{_TIME_TAIL}?[ \t*_|]*$"
    ),
    # "Published: 12 March 2021", " date 2021-06-05 ..."
    re.compile(rf"(?<!to ){_MARKER}{_DATE_WITH_YEAR}{_TIME_TAIL}?"),
    # a date followed by a time: "2021/6/5 6:49", "August 10, 2021 | 09:22 pm PT"
    re.compile(rf"{_B}{_DATE_WITH_YEAR}{_TIME_TAIL}"),
    # a date set off by a bar: "Reuters | June 5, 2021", "June 5, 2021 | Hanoi"
    re.compile(rf"\|[ \t]*{_DATE_WITH_YEAR}|{_B}{_DATE_WITH_YEAR}[ \t]*\|"),
]
_DATELINE_NEEDS = [  # what each pattern's match holds: a cheap test before it
    lambda head: True,
    lambda head: any(w in head.casefold() for w in ("date", "published", "posted")),
    re.compile(r"\d[:.]\d\d").search,  # a clock time
    lambda head: "|" in head,
]
_RE_DATE_WITH_YEAR_PARTS = [
    (
        re.compile(
            rf"(?P<y>{_YEAR})[-/](?P<m>1[0-2]|0?[1-9])[-/](?P<d>3[01]|[12]\d|0?[1-9])(?!\d)"
        ),
        True,
    ),
    (re.compile(rf"{_M}\s+(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?,?\s+{_Y}"), False),
    (re.compile(rf"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+{_M},?\s+{_Y}"), False),
]


def _date_in(segment: str) -> _dt.date | None:
    for rx, numeric in _RE_DATE_WITH_YEAR_PARTS:
        m = rx.search(segment)
        if m:
            month = int(m.group("m")) if numeric else _month_number(m.group("m"))
            return _make_date(int(m.group("y")), month, int(m.group("d")))
    return None


def find_dateline(text: str) -> tuple[_dt.date, int, int] | None:
    """``(date, start, end)`` of the earliest publication dateline in the first 400
    characters of ``text`` (the span covers the dateline), or None. Only dateline-shaped
    text counts: a line holding a date alone, a date after a ``date``/``Published``/
    ``Updated``/``Posted`` marker, a date followed by a clock time, or a date set off
    by ``|``; a date inside a sentence (a photo caption, say) is not a dateline."""
    return _dateline_in_head(text[:_DATELINE_HEAD])


@functools.lru_cache(maxsize=256)
def _dateline_in_head(head: str) -> tuple[_dt.date, int, int] | None:
    """:func:`find_dateline` of an article's first characters (kept: the preparation,
    the linker and the rule layer all ask for it)."""
    if not _YEARISH.search(head):
        return None
    best: tuple[int, int] | None = None
    for rx, needs in zip(_RE_DATELINES, _DATELINE_NEEDS, strict=True):
        m = rx.search(head) if needs(head) else None
        if m is None:
            continue
        start, end = m.start(), m.end()
        while start < end and head[start] in _EDGE:
            start += 1
        while end > start and head[end - 1] in _EDGE:
            end -= 1
        if best is None or start < best[0]:
            best = (start, end)
    if best is None:
        return None
    value = _date_in(head[best[0] : best[1]])
    return None if value is None else (value, best[0], best[1])


def parse_published(value: object) -> _dt.date | None:
    """Normalise a publication date given as ``None``, a date, a datetime or an ISO string.

    Args:
        value: ``None``; a :class:`datetime.date`; a :class:`datetime.datetime` (its
            date is used); or an ISO 8601 string such as ``"2021-06-05"``,
            ``"2021-06-05T10:00:00Z"`` or ``"2021-06-05 10:00"``.

    Returns:
        The date, or ``None`` for ``None``.

    Raises:
        ValueError: ``value`` is a string that is not an ISO date.
        TypeError: ``value`` is of any other type.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"published date must be None, a date, a datetime or an ISO string, "
            f"not {type(value).__name__}: {value!r}"
        )
    stripped = value.strip()
    try:
        if len(stripped) == 10:
            return _dt.date.fromisoformat(stripped)
        return _dt.datetime.fromisoformat(stripped).date()
    except ValueError:
        raise ValueError(f"published date {value!r} is not an ISO date (YYYY-MM-DD)") from None
