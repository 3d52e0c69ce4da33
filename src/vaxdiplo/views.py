"""Events and mentions drawn with spaCy's displaCy.

:func:`render` takes an :class:`~vaxdiplo.models.Extraction` (or a list of them), or a
``Doc`` that went through the vaxdiplo components, and returns HTML:

* ``style="events"``: for each event, a heading (type, parties, attributes, date) over
  its evidence sentences, in which the trigger, the role spans (``donor: JPN``) and
  every other resolved mention (``vaccine: astrazeneca``) are marked;
* ``style="entities"``: the whole text with every resolved mention and its id (needs
  the text: a ``Doc`` has it, an ``Extraction`` takes ``text=``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from vaxdiplo.models import Actor, Extraction, Mention

__all__ = ["render"]

_COLORS = {
    "trigger": "#ffb347",
    "role": "#7fd3a8",
    "country": "#a9c8f5",
    "person": "#d8c3f0",
    "vaccine": "#f5e27a",
    "org": "#c9e7f2",
}


def render(
    items: Any,
    style: str = "events",
    *,
    text: str | None = None,
    page: bool = False,
    jupyter: bool | None = None,
) -> str:
    """HTML showing the events (or mentions) of one or more documents with displaCy.

    Args:
        items: an ``Extraction``, a ``Doc`` processed by the vaxdiplo components, or a
            list of either.
        style: ``"events"`` or ``"entities"``.
        text: the text of a single ``Extraction`` (for ``"entities"``).
        page: a complete HTML page rather than a fragment.
        jupyter: as in ``displacy.render``: ``None`` displays in a notebook when one
            runs, and returns the HTML otherwise.

    Raises:
        ValueError: an unknown style, or ``"entities"`` of an ``Extraction`` without text.
    """
    from spacy import displacy

    if style not in ("events", "entities"):
        raise ValueError(f"style must be 'events' or 'entities', not {style!r}")
    many = isinstance(items, (list, tuple))
    docs = [_as_parts(item, text if not many else None) for item in (items if many else [items])]
    data: list[dict[str, Any]] = []
    for doc_id, extraction, full in docs:
        data += (
            _events(doc_id, extraction)
            if style == "events"
            else [_entities(doc_id, extraction, full)]
        )
    if not data:
        data = [{"text": "(no events)", "ents": [], "title": None}]
    labels = {e["label"] for d in data for e in d["ents"]}
    options = {"colors": {label: _color(label) for label in labels}}
    html = displacy.render(
        data, style="ent", manual=True, page=page, jupyter=jupyter, options=options
    )
    return html or ""


def _as_parts(item: Any, text: str | None) -> tuple[str | None, Extraction, str | None]:
    """The id, an ``Extraction`` and the text of an ``Extraction`` or a processed ``Doc``."""
    if isinstance(item, Extraction):
        return item.doc_id, item, text
    events = getattr(item._, "vaxdiplo_events", None)
    ents = getattr(item._, "vaxdiplo_entities", None)
    if events is None or ents is None:
        raise ValueError("the Doc has not been through the vaxdiplo components")
    extraction = Extraction.model_construct(events=tuple(events), mentions=ents.to_mentions(item))
    return None, extraction, item.text


def _label(m: Mention) -> str:
    if m.vaccine is not None:
        return f"vaccine: {m.vaccine.id}"
    assert m.actor is not None
    return f"{m.kind}: {m.actor.id}"


def _color(label: str) -> str:
    head = label.split(":")[0]
    if head.startswith("trigger"):
        return _COLORS["trigger"]
    if head in ("country", "person", "vaccine"):
        return _COLORS[head]
    if head in ("government_body", "international_org", "company", "group"):
        return _COLORS["org"]
    return _COLORS["role"]


def _role_parties(event: Any) -> list[tuple[str, Actor]]:
    out = []
    for role in event.roles:
        value = getattr(event, role)
        for actor in value if isinstance(value, tuple) else [value]:
            if actor is not None:
                out.append((role, actor))
    return out


def _heading(doc_id: str | None, event: Any) -> str:
    gold = event.to_gold()
    parts = [f"{k}={v}" for k, v in gold.items() if k not in ("type", "evidence", "rule")]
    return " ".join([f"[{doc_id}]" if doc_id else "", event.type, *parts]).strip()


def _events(doc_id: str | None, extraction: Extraction) -> list[dict[str, Any]]:
    out = []
    for event in extraction.events:
        roles = _role_parties(event)
        for n, ev in enumerate(event.evidence):
            spans = []
            trig = event.trigger
            if trig is not None and ev.start <= trig.start and trig.end <= ev.end:
                spans.append((trig.start, trig.end, f"trigger: {event.type}"))
            for m in _inside(extraction.mentions, ev.start, ev.end):
                role = _role_of(m, roles)
                spans.append((m.start, m.end, f"{role}: {m.actor.party}" if role else _label(m)))
            title = _heading(doc_id, event) if n == 0 else None
            out.append(_manual(ev.text, ev.start, spans, title))
    return out


def _role_of(m: Mention, roles: Sequence[tuple[str, Actor]]) -> str | None:
    if m.actor is None:
        return None
    for role, actor in roles:
        if m.actor.id == actor.id or m.actor.party == actor.party:
            return role
    return None


def _inside(mentions: Iterable[Mention], start: int, end: int) -> list[Mention]:
    return [m for m in mentions if start <= m.start and m.end <= end]


def _entities(doc_id: str | None, extraction: Extraction, text: str | None) -> dict[str, Any]:
    if text is None:
        raise ValueError("style='entities' of an Extraction needs its text (text=...)")
    spans = [(m.start, m.end, _label(m)) for m in extraction.mentions]
    return _manual(text, 0, spans, f"[{doc_id}]" if doc_id else None)


def _manual(text: str, offset: int, spans: list[tuple[int, int, str]], title: str | None):
    """displaCy's manual format: spans sorted, none overlapping (the first one kept)."""
    ents, last = [], 0
    for s, e, label in sorted(spans, key=lambda x: (x[0], -x[1])):
        if s - offset >= last:
            ents.append({"start": s - offset, "end": e - offset, "label": label})
            last = e - offset
    return {"text": text, "ents": ents, "title": title}
