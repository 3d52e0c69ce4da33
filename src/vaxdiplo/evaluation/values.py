"""Reading dates and money amounts from event fields.

Gold validation (:mod:`.gold`) and field comparison (:mod:`.matching`) read
these values the same way: what :func:`as_day` or :func:`money_amount` cannot
read is invalid in gold and never equal in a prediction.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

__all__ = ["as_day", "money_amount"]


def as_day(value: Any) -> date | None:
    """The calendar day of a date field.

    Args:
        value: A ``date``, a ``datetime`` or a string starting with an ISO date
            (``YYYY-MM-DD``).

    Returns:
        The day, or None when the value is none of these.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def money_amount(value: Any) -> float | None:
    """The amount of a money field.

    Args:
        value: A mapping whose ``amount`` is a finite int or float (not a bool).

    Returns:
        The amount as a float, or None when the value is not of that shape.
    """
    if not isinstance(value, Mapping):
        return None
    amount = value.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        return None
    amount = float(amount)
    return amount if math.isfinite(amount) else None
