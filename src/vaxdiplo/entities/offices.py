"""People as actors: who holds which office on the publication date.

A registry person acts for the country (or organisation) of the office they held when
the document was published; a person of the document acts for the country or
organisation qualifying them, or for the document's home country when their title is a
government one. "the Vietnamese prime minister" is whoever held that office that day.
"""

from __future__ import annotations

from vaxdiplo._text import fold, slug
from vaxdiplo.entities.mentions import HONORIFICS, Ent
from vaxdiplo.entities.state import LinkState
from vaxdiplo.models import Actor
from vaxdiplo.registry import Office, PersonEntry

__all__ = ["holder", "person_actor", "short_name_person"]

#: Title levels of people who speak for an organisation, not for the home country.
_ORG_TITLE_LEVELS = frozenset({"org_head", "company"})


def short_name_person(state: LinkState, e: Ent) -> str | None:
    """The registry person a one-token name ("Chinh") stands for, if exactly one in office.

    Args:
        state: The document being linked.
        e: A person mention.

    Returns:
        The person's registry id, or None.
    """
    if e.end - e.start != 1:
        return None
    ids = state.gaz.short_names.get(fold(state.doc[e.start].text), [])
    ids = [p for p in ids if _active(state, state.reg.person(p))]
    return ids[0] if len(ids) == 1 else None


def person_actor(
    state: LinkState, e: Ent, person_id: str | None, title: str | None, qual: Ent | None
) -> Actor:
    """The actor for the person mention ``e``.

    Args:
        state: The document being linked.
        e: A person mention.
        person_id: The registry person it names, if known.
        title: The canonical title used with the name, if any.
        qual: The country or organisation qualifying the name, if any.
    """
    if person_id:
        return _registry_person(state, person_id, title)
    span = state.doc[e.start : e.end]
    name = " ".join(t.text for t in span if fold(t.text) not in HONORIFICS)
    pid = slug(name)
    if qual is not None and qual.actor is not None:
        qa = qual.actor
        if qa.kind in ("international_org", "company", "group"):
            return _person(name, pid, None, title, qa.party)
        return _person(name, pid, qa.party, title, qa.party)
    if title is not None and _title_level(state, title) not in _ORG_TITLE_LEVELS:
        home = state.home
        return _person(name, pid, home, title, home or pid)
    return _person(name, pid, None, title, pid)


def holder(state: LinkState, title: str | None, qual: Ent) -> Actor | None:
    """The person holding ``title`` for the country or organisation ``qual``.

    Args:
        state: The document being linked.
        title: A canonical title.
        qual: The resolved country or organisation mention.

    Returns:
        The registry person who held the office on the publication date if exactly one
        did, else a person named after the office ("Prime Minister of Laos"); None
        without a title or a resolved qualifier.
    """
    if title is None or qual.actor is None:
        return None
    qa = qual.actor
    country = qa.party if qa.kind == "country" else None
    org = qa.id if qa.kind in ("international_org", "company") else None
    if state.published is not None:
        holders = state.reg.holders(title, on=state.published, country=country, org=org)
        if len(holders) == 1:
            p = holders[0]
            return _person(p.name, p.id, country or qa.country, title, qa.party)
    name = f"{title} of {qa.name}"
    return _person(name, slug(name), country or qa.country, title, qa.party)


def _registry_person(state: LinkState, person_id: str, title: str | None) -> Actor:
    """A registry person, acting for the country or organisation of their office."""
    p = state.reg.person(person_id)
    office = _office(state, p, title)
    country = office.country if office else None
    org = office.org if office else None
    title = (office.title if office else None) or title
    if org:
        o = state.reg.org(org)
        party = o.id if o.kind != "government_body" or not o.country else o.country
        return _person(p.name, p.id, country or o.country, title, party)
    return _person(p.name, p.id, country, title, country or p.id)


def _person(name: str, pid: str, country: str | None, title: str | None, party: str) -> Actor:
    return Actor(kind="person", name=name, id=pid, country=country, title=title, party=party)


def _active(state: LinkState, p: PersonEntry) -> bool:
    if state.published is None:
        return True
    return bool(p.offices_on(state.published))


def _office(state: LinkState, p: PersonEntry, title: str | None) -> Office | None:
    """The office ``p`` held on the publication date, preferring one with ``title``."""
    offices = p.offices_on(state.published) if state.published else p.offices
    if not offices:
        offices = p.offices
    if title:
        same = [o for o in offices if o.title == title] or [
            o for o in p.offices if o.title == title
        ]
        if same:
            return same[-1]
    return offices[-1] if offices else None


def _title_level(state: LinkState, title: str) -> str | None:
    try:
        return state.reg.title(title).level
    except KeyError:
        return None
