"""Across articles: reports of one real-world event merged into one event with all
its sources.

Two events are reports of the same real-world event when they come from different
documents, have the same type and the same party in every role (participants as a
set), dates no more than ``max_days`` apart (or one of them unknown), and no
conflicting vaccine, doses, money, channel or approval (equal, or one unknown or
``"unspecified"``). Within a document the document pass has merged its mentions
already, so two events of one document are never merged here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict

from vaxdiplo.models import Event, Evidence, Extraction

__all__ = ["MergedEvent", "Source", "merge_events"]

_FILLED = ("vaccine", "doses", "money", "channel", "approval")
_UNKNOWN = (None, "unspecified")


class Source(BaseModel):
    """One article's report of a merged event."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    doc_id: str | None
    url: str | None = None
    date: dt.date | None = None
    rule: str
    confidence: float
    evidence: tuple[Evidence, ...] = ()


class MergedEvent(BaseModel):
    """A real-world event and the reports of it.

    Attributes:
        event: The event, its fields filled from the sources in order (the first known
            date, vaccine, doses...), its confidence the highest of theirs and its
            evidence empty: evidence belongs to each source, in its own text.
        sources: The reports, in input order.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    event: Event
    sources: tuple[Source, ...]

    @property
    def doc_ids(self) -> tuple[str | None, ...]:
        return tuple(s.doc_id for s in self.sources)


def _parties(event: Any) -> tuple[Any, ...]:
    out: list[Any] = [event.type]
    for role in event.roles:
        value = getattr(event, role)
        if isinstance(value, tuple):
            out.append(tuple(sorted({a.party for a in value})))
        else:
            out.append(value.party if value is not None else None)
    return tuple(out)


def _agree(a: Any, b: Any) -> bool:
    return a in _UNKNOWN or b in _UNKNOWN or a == b


class _Cluster:
    def __init__(self, event: Any, source: Source) -> None:
        self.event = event
        self.sources = [source]
        self.docs = {source.doc_id}

    def accepts(self, event: Any, doc_id: str | None, max_days: int) -> bool:
        if doc_id in self.docs:
            return False
        a, b = self.event.date, event.date
        if a is not None and b is not None and abs((a - b).days) > max_days:
            return False
        return all(
            _agree(getattr(self.event, name, None), getattr(event, name, None)) for name in _FILLED
        )

    def add(self, event: Any, source: Source) -> None:
        update = {}
        if self.event.date is None and event.date is not None:
            update["date"] = event.date
        for name in _FILLED:
            if getattr(self.event, name, None) in _UNKNOWN and name in type(event).model_fields:
                value = getattr(event, name)
                if value not in _UNKNOWN:
                    update[name] = value
        update["confidence"] = max(self.event.confidence, event.confidence)
        self.event = self.event.model_copy(update=update)
        self.sources.append(source)
        self.docs.add(source.doc_id)


def merge_events(results: Iterable[Any], *, max_days: int = 1) -> list[MergedEvent]:
    """Merge the reports of each real-world event in ``results``.

    Args:
        results: ``Extraction`` objects (other items, such as a ``DocumentFailure``,
            are left out).
        max_days: How far apart two reported dates may be (time zones, a report of
            the next day).

    Returns:
        One :class:`MergedEvent` per real-world event, in the order of its first
        report; an event reported once has one source.

    Example:
        >>> merged = vaxdiplo.merge_events(ex.extract_many(read("news/")))  # doctest: +SKIP
        >>> [(m.event.type, m.doc_ids) for m in merged if len(m.sources) > 1]  # doctest: +SKIP
    """
    clusters: list[_Cluster] = []
    by_parties: dict[tuple[Any, ...], list[_Cluster]] = {}
    for result in results:
        if not isinstance(result, Extraction):
            continue
        for event in result.events:
            source = Source(
                doc_id=result.doc_id,
                url=result.url,
                date=event.date,
                rule=event.rule,
                confidence=event.confidence,
                evidence=event.evidence,
            )
            group = by_parties.setdefault(_parties(event), [])
            home = next((c for c in group if c.accepts(event, result.doc_id, max_days)), None)
            if home is None:
                home = _Cluster(event.model_copy(update={"evidence": ()}), source)
                group.append(home)
                clusters.append(home)
            else:
                home.add(event, source)
    return [MergedEvent(event=c.event, sources=tuple(c.sources)) for c in clusters]
