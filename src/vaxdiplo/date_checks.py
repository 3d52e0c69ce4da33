"""Explicit dates that give no day although they look like one, as warnings.

:mod:`vaxdiplo.dates` leaves such dates without a value rather than guess: a year
outside 1900-2099 ("June 5, 9999") is not replaced by the publication year, and a
day its year lacks ("February 29" in a 2021 article) is not moved to another year.
:func:`date_warnings` says so in the extraction's warnings.
"""

from __future__ import annotations

import datetime as _dt
import re

from vaxdiplo.dates import (
    _MONTH,
    _MONTH_STEMS,
    _RE_DAY_MONTH,
    _RE_MONTH_DAY,
    _day_number,
    _far_years,
    _intended_year,
    _make_date,
    _month_number,
)
from vaxdiplo.errors import Warnings

__all__ = ["date_warnings"]

_LATE_NUMBER = re.compile(r"(?:29|3[01])(?!\d)")
"""A day number that some month or year lacks (29, 30, 31)."""
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}")
_MONTH_AT_END = re.compile(rf"{_MONTH}\Z")


def _late_date(text: str) -> bool:
    """Whether a month stands next to a late day number ("June 30", "the 31st of May"):
    what a date needs to warrant a warning of a day its month lacks. A cheap test before
    the day patterns run over the whole text; it holds for every date they find with
    day 29-31 (``tests/test_dates.py`` checks that the warnings are the same)."""
    for m in _LATE_NUMBER.finditer(text):
        s = m.start()
        if s and text[s - 1].isdigit():
            continue
        if _MONTH_AFTER.match(text, m.end()):
            return True
        j = len(text[:s].rstrip())
        if text[:j].endswith("the") and j < s:  # "June the 30th"
            j = len(text[: j - 3].rstrip()) if j > 3 and text[j - 4].isspace() else j
        if j < s and _MONTH_AT_END.search(text[max(0, j - 12) : j]):
            return True
    return False


def date_warnings(text: str, published: _dt.date | None) -> list[str]:
    """Warnings about explicit dates that give no day although they look like one.

    Args:
        text: The article text.
        published: The publication date, or None.

    Returns:
        One :data:`~vaxdiplo.errors.Warnings.W007` per date naming a year outside
        1900-2099 and one :data:`~vaxdiplo.errors.Warnings.W008` per day that does not
        exist in its year ("February 29" in a 2021 article, "April 31, 2021"), in
        text order.
    """
    if not any(map(str.isdigit, text)) or _MONTH_STEMS.search(text) is None:
        return []
    found: list[tuple[int, str]] = []
    far = _far_years(text)
    for m in far:
        found.append((m.start(), Warnings.W007.format(text=m.group(), year=m.group("y"))))
    taken = {m.start() for m in far}  # "June 5" of "June 5, 9999" is warned about once
    if not _late_date(text):
        return [w for _, w in sorted(found)]  # every day up to 28 exists in every month
    for rx in (_RE_MONTH_DAY, _RE_DAY_MONTH):
        for m in rx.finditer(text):
            if m.start() in taken:
                continue
            month, day = _month_number(m.group("m")), _day_number(m.group("d"))
            if m.group("y"):
                year = int(m.group("y"))
            elif published is not None:
                year = _intended_year(month, day, published)
            else:
                continue
            if year > 0 and _make_date(year, month, day) is None:
                found.append((m.start(), Warnings.W008.format(text=m.group(), year=year)))
    return [w for _, w in sorted(found)]
