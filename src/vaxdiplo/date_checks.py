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

_LATE_DAY = re.compile(r"(?<!\d)(?:29|3[01])(?!\d)")
"""A day number that some month or year lacks (29, 30, 31)."""


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
    low = text.lower()
    if not any(map(str.isdigit, text)) or not any(stem in low for stem in _MONTH_STEMS):
        return []
    found: list[tuple[int, str]] = []
    far = _far_years(text)
    for m in far:
        found.append((m.start(), Warnings.W007.format(text=m.group(), year=m.group("y"))))
    taken = {m.start() for m in far}  # "June 5" of "June 5, 9999" is warned about once
    if not _LATE_DAY.search(text):
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
