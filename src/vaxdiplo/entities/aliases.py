"""Step 4: later references within the document.

A person named in full is later "Chinh", "Li" or "Tedros" (a word of their name, a
registry short name or a word of a registry variant); a title used alone ("the Prime
Minister", "the Vietnamese prime minister", "the Director-General") is the person of
the document with that title, or else whoever held the office that day.
"""

from __future__ import annotations

from vaxdiplo._text import fold
from vaxdiplo.entities.mentions import NOT_NAMES, Ent
from vaxdiplo.entities.offices import holder
from vaxdiplo.entities.qualifiers import qualifier_before, qualifier_inside, qualifier_of
from vaxdiplo.entities.state import LinkState
from vaxdiplo.models import Actor

__all__ = ["link_aliases", "resolve_titles_alone"]


def link_aliases(state: LinkState) -> None:
    """Single-token later references to people already named in the document.

    Args:
        state: The document being linked, its people resolved (``full_names`` set).
    """
    parts = _name_parts(state)
    plural = {part + "s" for part in parts}  # a name part with an "s" after it
    named = [i for i, key in enumerate(state.keys) if key in parts or key in plural]
    for i in named:
        if not state.texts[i][:1].isupper():
            continue
        existing = state.ent_at(i)
        key = state.keys[i]
        if key not in parts:
            if existing is None:
                key = key[:-1]  # "Chinhs": a possessive that lost its apostrophe
            else:
                continue
        if existing is not None:
            if (
                existing.kind == "person"
                and existing.end - existing.start == 1
                and (existing.actor is None or existing.actor.id != parts[key].id)
                and existing.actor is not None
                and existing.actor.id not in state.full_names
            ):
                existing.actor = parts[key]
                existing.via = "document"
            continue
        if state.in_credit(i, i + 1) or state.keys[i] in NOT_NAMES:
            continue
        state.add(Ent(i, i + 1, "person", actor=parts[key], via="document"))
    state.sort()


def resolve_titles_alone(state: LinkState) -> None:
    """ "the Prime Minister", "the Vietnamese prime minister", "the Director-General".

    The title becomes a person mention; a qualifier right before it ("the Vietnamese
    prime minister") becomes part of that one mention.

    Args:
        state: The document being linked, after :func:`link_aliases`.
    """
    people = [e for e in state.ents if e.kind == "person" and e.actor is not None]
    for e in state.ents:
        if e.kind != "title" or e.absorbed:
            continue
        before_q = qualifier_before(state, e.start)
        qual = before_q or qualifier_of(state, e.end) or qualifier_inside(state, e)
        candidates = [
            p
            for p in people
            if p.actor.title == e.title  # type: ignore[union-attr]
            and (qual is None or p.actor.party == qual.party)  # type: ignore[union-attr]
        ]
        actor = None
        before = [p for p in candidates if p.start < e.start]
        if before:
            actor = before[-1].actor
        elif qual is not None and qual.actor is not None:
            actor = candidates[0].actor if candidates else holder(state, e.title, qual)
        elif state.home_from_dateline:
            actor = _home_holder(state, e.title)  # "the External Affairs Minister" of a
        elif candidates:  # New Delhi dateline is India's, not a minister named later
            actor = candidates[0].actor
        if actor is None:
            continue
        if qual is not None:
            qual.absorbed = True
        if before_q is not None and before_q is qual:
            state.reshape(e, qual.start, e.end)  # "the Vietnamese prime minister": one mention
        e.actor = actor
        e.kind = "person"
        e.via = "title"


def _home_holder(state: LinkState, title: str | None) -> Actor | None:
    """The home country's holder of ``title`` on the publication date, if exactly one."""
    if title is None or state.published is None or state.home is None:
        return None
    holders = state.reg.holders(title, on=state.published, country=state.home, org=None)
    if len(holders) != 1:
        return None
    p = holders[0]
    return Actor(
        kind="person", name=p.name, id=p.id, country=state.home, title=title, party=state.home
    )


def _name_parts(state: LinkState) -> dict[str, Actor]:
    """Folded words and short names of the people named in full, to the person."""
    parts: dict[str, Actor] = {}
    for actor in state.full_names.values():
        keys = {fold(w) for w in actor.name.split() if len(w) > 1}
        try:
            p = state.reg.person(actor.id)
            keys |= {fold(s) for s in p.short_names}
            for v in p.variants:
                keys |= {fold(w) for w in v.split() if len(w) > 1}
        except KeyError:
            pass
        for k in keys:
            parts.setdefault(k, actor)
    return parts
