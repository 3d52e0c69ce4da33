"""Events as a table: one row per event, the same columns for every event type.

:func:`event_rows` gives plain dicts (no dependency); :func:`to_frame` a pandas
``DataFrame`` (``pip install "vaxdiplo[tables]"``). The command line's CSV and Parquet
outputs are this table. Failures are never rows of it: they have their own file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vaxdiplo.models import EVENT_CLASSES, Actor, Extraction

__all__ = ["COLUMNS", "ROLES", "event_rows", "to_frame"]

ROLES: tuple[str, ...] = tuple(
    dict.fromkeys(role for cls in EVENT_CLASSES.values() for role in cls.roles)
)
"""Every role of any event type, each with a ``<role>_party`` and ``<role>_name`` column."""

COLUMNS: tuple[str, ...] = (
    "doc_id",
    "published",
    "url",
    "event",
    "type",
    "date",
    *(f"{role}_{part}" for role in ROLES for part in ("party", "name")),
    "vaccine",
    "vaccine_name",
    "doses",
    "money_amount",
    "money_currency",
    "channel",
    "approval",
    "confidence",
    "rule",
    "evidence",
    "evidence_start",
    "evidence_end",
    "evidence_spans",
)
"""The table's columns, in order. ``event`` is the event's position in its document;
a role with several actors (``participants``) lists their parties and names joined by
``;`` (parties sorted as in the gold format); ``evidence`` joins the evidence
sentences with a line break, ``evidence_start``/``evidence_end`` are the first span's
offsets into ``Extraction.text`` and ``evidence_spans`` all spans as ``start-end;...``."""

_DTYPES = {
    "event": "Int64",
    "doses": "Int64",
    "money_amount": "Float64",
    "confidence": "Float64",
    "evidence_start": "Int64",
    "evidence_end": "Int64",
}


def _actors(value: Any) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    actors: tuple[Actor, ...] = value if isinstance(value, tuple) else (value,)
    if not actors:
        return None, None
    ordered = sorted(actors, key=lambda a: (a.party, a.name))
    return ";".join(a.party for a in ordered), ";".join(a.name for a in ordered)


def _row(result: Extraction, n: int, event: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(
        doc_id=result.doc_id,
        published=result.published,
        url=result.url,
        event=n,
        type=event.type,
        date=event.date,
        confidence=event.confidence,
        rule=event.rule,
    )
    for role in event.roles:
        row[f"{role}_party"], row[f"{role}_name"] = _actors(getattr(event, role))
    vaccine = getattr(event, "vaccine", None)
    if vaccine is not None:
        row["vaccine"], row["vaccine_name"] = vaccine.id, vaccine.name
    row["doses"] = getattr(event, "doses", None)
    money = getattr(event, "money", None)
    if money is not None:
        row["money_amount"], row["money_currency"] = money.amount, money.currency
    row["channel"] = getattr(event, "channel", None)
    row["approval"] = getattr(event, "approval", None)
    if event.evidence:
        row["evidence"] = "\n".join(e.text for e in event.evidence)
        row["evidence_start"] = event.evidence[0].start
        row["evidence_end"] = event.evidence[0].end
        row["evidence_spans"] = ";".join(f"{e.start}-{e.end}" for e in event.evidence)
    return row


def event_rows(results: Iterable[Any]) -> list[dict[str, Any]]:
    """One dict per event of the ``Extraction`` objects in ``results`` (anything else,
    such as a ``DocumentFailure``, is left out), keys :data:`COLUMNS`."""
    return [
        _row(result, n, event)
        for result in results
        if isinstance(result, Extraction)
        for n, event in enumerate(result.events)
    ]


def to_frame(results: Iterable[Any]):  # -> pandas.DataFrame
    """A pandas ``DataFrame`` with one row per event and the columns :data:`COLUMNS`
    (the same columns, in the same order, for any input, even one without events).

    Args:
        results: ``Extraction`` objects (what ``Extractor.extract_many`` yields; its
            ``DocumentFailure`` items are left out).

    Raises:
        ImportError: pandas is not installed (``pip install "vaxdiplo[tables]"``).

    Example:
        >>> import vaxdiplo
        >>> df = vaxdiplo.to_frame(vaxdiplo.Extractor().extract_many(items))  # doctest: +SKIP
        >>> df.groupby("type").doses.sum()                                    # doctest: +SKIP
    """
    import pandas as pd

    frame = pd.DataFrame(event_rows(results), columns=list(COLUMNS))
    frame = frame.astype(_DTYPES)
    for name in COLUMNS:
        if name not in _DTYPES and name not in ("date", "published"):
            frame[name] = frame[name].astype("object")
    return frame
