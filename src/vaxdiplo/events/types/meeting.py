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


def _location(
    ctx: DocContext, rule: TriggerRule, sent: Span, words: set[str], args: list[Arg]
) -> Actor | None:
    if rule.virtual or words & _ONLINE:
        return None
    for a in args:
        if a.ent is None or a.actor.kind != "country" or a.ent.via == "demonym":
            continue
        prev = [fold(x.text) for x in ctx.doc[max(sent.start, a.ent.start - 2) : a.ent.start]]
        if prev[-1:] == ["in"] or prev == ["in", "the"]:
            return a.actor
        if (rule.visit or "visit" in words) and prev[-1:] == ["to"]:
            return a.actor
    if rule.host:
        host = next((a.actor for a in args if a.rel in ("subj", "agent")), None)
        if host is not None and host.party in ctx.registry.country_ids:
            return host
    return None


def fill(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """The location, and the home country as the other party of a one-party meeting."""
    ctx, rule, sent, facts = site.ctx, site.rule, site.sent, site.facts
    loc = _location(ctx, rule, sent, facts["words"], args)
    if loc is not None:
        c.roles["location"] = [loc]
        c.trace.append(f"location {loc.party}")
    add_home_participant(ctx, c)
