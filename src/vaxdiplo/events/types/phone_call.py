"""``PhoneCall``: leaders or ministers talk by phone. Participants: see :mod:`.talks`.
A video call is a ``Meeting``."""

from __future__ import annotations

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.context import Site
from vaxdiplo.events.types.talks import add_home_participant

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "PhoneCall"
RECENT_VACCINE = None
_VIDEO = ("video", "virtual", "online", "zoom")


def reject(site: Site) -> bool:
    """A video call is a Meeting."""
    ctx, trig = site.ctx, site.trig
    return trig.i > 0 and fold(ctx.doc[trig.i - 1].text) in _VIDEO


def fill(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """The home country as the other party of a one-party call."""
    ctx = site.ctx
    add_home_participant(ctx, c)
