"""Step 1: the gazetteer pass, every alias of the registries found in the document.

Countries, capitals, demonyms, organisations, vaccines, titles, government bodies and
the people of the dated registry become mentions, except where a hit is a photo
credit or the US state ("Atlanta, Georgia"). Then three adjustments: "the Vietnamese
side" is one country mention, "Gavi, the Vaccine Alliance" one organisation, and a
body's own country ("Hungary's National Institute of Pharmacy") is absorbed into it.
"""

from __future__ import annotations

import itertools

from vaxdiplo._text import fold
from vaxdiplo.entities.gazetteer import Entry, Hit
from vaxdiplo.entities.mentions import Ent
from vaxdiplo.entities.qualifiers import qualifier_before
from vaxdiplo.entities.state import LinkState
from vaxdiplo.entities.vaccines import vaccine_context

__all__ = ["match_gazetteer"]

#: US cities whose ", Georgia" is the state, not the country.
_US_CITIES_OF_GEORGIA = frozenset("atlanta savannah augusta macon athens columbus albany".split())
#: Which entry a hit names when it could name several: the first category here.
_PRIORITY = {
    "org": 0,
    "person": 1,
    "vaccine": 2,
    "country": 3,
    "capital": 4,
    "body": 5,
    "title": 6,
    "demonym": 7,
}
_COUNTRY_VIA = {"country": "alias", "capital": "capital", "demonym": "demonym"}


def match_gazetteer(state: LinkState) -> None:
    """Add a mention for every gazetteer hit (see the module docstring).

    Args:
        state: The document being linked; its mentions are still empty.
    """
    hits = state.gaz.match(state.doc, state.keys, state.texts)
    state.vaccine_hits = {
        (h.start, h.end)
        for h in hits
        if all(e.cat == "vaccine" and e.maker is None for e in h.entries)
    }
    for hit in hits:
        if state.in_credit(hit.start, hit.end) or _us_state(state, hit) or _region(state, hit):
            continue
        ent = _from_hit(state, hit)
        if ent is not None:
            ent.trim = hit.trim
            if ent.vaccine is not None and hit.trim:
                ent.vaccine = state.vaccine_of(ent.vaccine.id, ent.vaccine.mention[: -hit.trim])
            state.add(ent)
            if ent.kind == "title":
                _qualifiers_in_title(state, ent)
    _extend_sides(state)
    _absorb_appositions(state)
    _absorb_body_countries(state)


def _us_state(state: LinkState, hit: Hit) -> bool:
    """ "Atlanta, Georgia": the US state, not the country."""
    keys = state.keys
    return (
        keys[hit.start : hit.end] == ["georgia"]
        and hit.start >= 2
        and keys[hit.start - 1] == ","
        and keys[hit.start - 2] in _US_CITIES_OF_GEORGIA
    )


_REGION_WORDS = frozenset({"south", "latin", "central", "north"})


def _region(state: LinkState, hit: Hit) -> bool:
    """ "the South American country", "Latin American nations": a region, not the USA."""
    keys = state.keys
    return (
        hit.end - hit.start == 1
        and keys[hit.start] in ("american", "americans")
        and hit.start >= 1
        and keys[hit.start - 1] in _REGION_WORDS
    )


def _qualifiers_in_title(state: LinkState, t: Ent) -> None:
    """ "UNICEF Executive Director", "Chinese Premier": the qualifier inside a title alias."""
    for i in range(t.start, t.end):
        limit = t.end - i - (1 if i == t.start else 0)
        hit = state.gaz.longest(i, state.keys, state.texts, limit) if limit > 0 else None
        if hit is None or any(e.cat in ("title", "stop") for e in hit.entries):
            continue
        ent = _from_hit(state, hit)
        if ent is None or ent.actor is None or ent.kind == "person":
            continue
        ent.absorbed = True
        state.append(ent)  # inside the title: its tokens are already taken
        return


def _extend_sides(state: LinkState) -> None:
    """ "the Vietnamese side": the country mention spans the demonym and "side"."""
    doc = state.doc
    for e in state.ents:
        if e.kind == "country" and e.end < len(doc) and doc[e.end].text in ("side", "sides"):
            state.reshape(e, e.start, e.end + 1)
            state.taken[e.end - 1] = True


def _absorb_appositions(state: LinkState) -> None:
    """ "Gavi, the Vaccine Alliance", "Brazil's health regulator Anvisa": one organisation."""
    doc = state.doc
    ents = sorted(state.ents, key=lambda e: e.start)
    for a, b in itertools.pairwise(ents):
        if a.actor is None or b.actor is None or a.actor.id != b.actor.id or a.kind == "country":
            continue
        between = [fold(t.text) for t in doc[a.end : b.start]]
        if between in ([], [","], [",", "the"]):
            b.absorbed = True


def _absorb_body_countries(state: LinkState) -> None:
    """ "Hungary's National Institute of Pharmacy": the body's own country."""
    for e in state.ents:
        if e.kind == "government_body" and e.actor is not None and e.actor.country:
            q = qualifier_before(state, e.start)
            if q is not None and q.kind == "country" and q.party == e.actor.country:
                q.absorbed = True


_AGENCY_AFTER = frozenset({"-", "\u2013", "\u2014", ")", "news", "agency", "reported", "reports"})


def _news_agency(state: LinkState, start: int, end: int) -> bool:
    """A one-word vaccine name that is also a news agency's ("Sputnik"), used as one: in
    a credit ("News / Sputnik -") or followed by "news agency" or "reported"."""
    doc = state.doc
    if end - start != 1:
        return False
    nxt = fold(doc[end].text) if end < len(doc) else ""
    prev = doc[start - 1].text if start > 0 else ""
    return nxt in _AGENCY_AFTER and (prev in ("/", "(", "|") or nxt not in ("-", ")"))


def _from_hit(state: LinkState, hit: Hit) -> Ent | None:
    """The mention a gazetteer hit makes, or None for a stop phrase."""
    start, end = hit.start, hit.end
    entry = min(hit.entries, key=lambda e: _PRIORITY.get(e.cat, 9))
    if entry.cat == "org":
        vaccine = next((e for e in hit.entries if e.cat == "vaccine"), None)
        if vaccine is not None and vaccine_context(state, start, end):
            entry = Entry("vaccine", vaccine.key, maker=vaccine.maker or entry.key)
    if entry.cat in _COUNTRY_VIA:
        actor = state.country_actor(entry.key)
        return Ent(start, end, "country", actor=actor, via=_COUNTRY_VIA[entry.cat])
    if entry.cat == "org":
        actor = state.org_actor(entry.key)
        return Ent(start, end, actor.kind, actor=actor, via="registry")
    if entry.cat == "vaccine":
        if _news_agency(state, start, end):
            return None  # "(UrduPoint News / Sputnik - 21st May, 2021)": the agency
        if entry.maker and not vaccine_context(state, start, end):
            actor = state.org_actor(entry.maker)  # "Pfizer said": the maker
            return Ent(start, end, actor.kind, actor=actor, via="registry", maker=entry.maker)
        vaccine = state.vaccine_of(entry.key, state.doc[start:end].text)
        return Ent(start, end, "vaccine", vaccine=vaccine, maker=entry.maker)
    if entry.cat == "title":
        return Ent(start, end, "title", title=entry.key, via="title")
    if entry.cat == "body":
        return Ent(start, end, "government_body", title=entry.key, via="body")
    if entry.cat == "person":
        return Ent(start, end, "person", via="registry", maker=entry.key)
    return None
