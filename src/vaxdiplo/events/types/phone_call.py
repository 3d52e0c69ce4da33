"""``PhoneCall``: leaders or ministers talk by phone. Participants: see :mod:`.talks`.
A video call is a ``Meeting``."""

from __future__ import annotations

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.context import DocContext, Facts
from vaxdiplo.events.types.talks import add_home_participant
from vaxdiplo.rules.base import TriggerRule

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "PhoneCall"
RECENT_VACCINE = None
_VIDEO = ("video", "virtual", "online", "zoom")


def reject(ctx: DocContext, rule: TriggerRule, trig: Token, sent: Span, facts: Facts) -> bool:
    """A video call is a Meeting."""
    return trig.i > 0 and fold(ctx.doc[trig.i - 1].text) in _VIDEO


def fill(
    ctx: DocContext,
    c: Candidate,
    rule: TriggerRule,
    trig: Token,
    sent: Span,
    facts: Facts,
    args: list[Arg],
    vent: Ent | None,
) -> None:
    """The home country as the other party of a one-party call."""
    add_home_participant(ctx, c)
