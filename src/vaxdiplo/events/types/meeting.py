"""``Meeting``: talks in person or online. Participants: see :mod:`.talks`. The
location is the country "in" which it takes place, the country visited, or the host's
country; an online meeting has none."""

from __future__ import annotations

from spacy.tokens import Span

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.context import DocContext, Site
from vaxdiplo.events.types.talks import add_home_participant
from vaxdiplo.models import Actor
from vaxdiplo.rules.base import TriggerRule

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "Meeting"
RECENT_VACCINE = None
_ONLINE = frozenset({"online", "virtual", "virtually", "videoconference", "video"})


def reject(site: Site) -> bool:
    """Meetings are rejected only by their mood and checks."""
    del site
    return False


_PLACE_GLUE = frozenset(
    "the north south east west northern southern eastern western central northwest "
    "northeast southwest southeast".split()
)
_PLACE_NOUNS = frozenset("island islands province city capital region state".split())
_DATELINE_END = frozenset({"-", "—", "–", ":", ",", "(", "["})


def _place_of(ctx: DocContext, a: Arg, sent: Span, visit: bool) -> bool:
    """ "in Rome", "in southwest China's Yunnan Province", "on the Indonesian island of
    Bali", "a visit to Russia": the country names where the talks took place."""
    doc = ctx.doc
    if a.ent.via == "demonym":
        nxt = fold(doc[a.ent.end].text) if a.ent.end < sent.end else ""
        if nxt not in _PLACE_NOUNS:
            return False
    k = a.ent.start - 1
    while k >= max(sent.start, a.ent.start - 4) and fold(doc[k].text) in _PLACE_GLUE:
        k -= 1
    if k < sent.start:
        return False
    word = fold(doc[k].text)
    return word == "in" or (word == "on" and a.ent.via == "demonym") or (visit and word == "to")


def _held_at(ctx: DocContext, a: Arg) -> bool:
    """ "met ... at the Ministry of Foreign Affairs of China": the body's premises."""
    k = a.ent.start - 1
    while k >= 0 and fold(ctx.doc[k].text) == "the":
        k -= 1
    return k >= 0 and fold(ctx.doc[k].text) == "at" and a.actor.party in ctx.registry.country_ids


def _dateline_country(ctx: DocContext) -> str | None:
    """ "BEIJING: ...", "HÀ NỘI — ...": the country of a place that opens the article."""
    first = next(
        (e for e in ctx.ents.ents if e.actor is not None and e.actor.kind == "country"), None
    )
    if first is None or first.start > 2 or first.end >= len(ctx.doc):
        return None
    if ctx.doc[first.end].text not in _DATELINE_END:
        return None
    return first.actor.party


def _location(
    ctx: DocContext, rule: TriggerRule, sent: Span, words: set[str], args: list[Arg]
) -> Actor | None:
    if rule.virtual or words & _ONLINE:
        return None
    visit = rule.visit or "visit" in words
    for a in args:
        if a.ent is not None and a.actor.kind == "country" and _place_of(ctx, a, sent, visit):
            return a.actor
    for a in args:
        if a.ent is not None and a.actor.kind == "government_body" and _held_at(ctx, a):
            return ctx.country_actor(a.actor.party)  # "at the Ministry of Foreign Affairs of China"
    if "here" in words:  # "the summit that opened here": the dateline's place
        place = next((e for e in ctx.ents.ents if e.dateline and e.actor is not None), None)
        if place is not None:
            return place.actor
    if rule.id == "meeting.courtesy":  # a courtesy call is paid at the host's place
        host = next((a.actor for a in args if a.rel in ("to", "on", "up.to", "up.on")), None)
        place = ctx.country_actor(host.party) if host is not None else None
        if place is not None:
            return place
    if rule.host:
        host = next((a.actor for a in args if a.rel in ("subj", "agent")), None)
        if host is not None and host.party in ctx.registry.country_ids:
            return host
    return None


def _forum_or_place(c: Candidate, loc: Actor | None) -> None:
    """The forum ("the G20 summit", "the Quad Leaders' Summit") and the place ("in Rome")
    are no participants when two other parties took part."""
    parts = c.roles.get("participants", [])
    others = [p for p in parts if p.kind != "group" and (loc is None or p.party != loc.party)]
    if len({p.party for p in others}) >= 2:
        c.roles["participants"] = others


def fill(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """The location, and the home country as the other party of a one-party meeting."""
    ctx, rule, sent, facts = site.ctx, site.rule, site.sent, site.facts
    loc = _location(ctx, rule, sent, facts["words"], args)
    _forum_or_place(c, loc)
    if loc is None and not (rule.virtual or facts["words"] & _ONLINE):
        place = _dateline_country(ctx)
        if place is not None and place in c.parties():
            loc = next(p for p in c.roles["participants"] if p.party == place)
    if loc is not None:
        c.roles["location"] = [loc]
        c.trace.append(f"location {loc.party}")
    add_home_participant(ctx, c)
