"""Steps of the document pass that read a request or pledge against the talks it was
made in (EVENTS.md §7.5): its date, and the other side as its addressee or recipient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vaxdiplo.events.candidate import Candidate
from vaxdiplo.events.context import DocContext

if TYPE_CHECKING:
    from vaxdiplo.events.document import DocumentState

__all__ = ["date_requests", "recipient_from_talks"]


def date_requests(ctx: DocContext, state: DocumentState) -> None:
    events = state.events
    """A request made during a call or meeting takes its date (EVENTS.md §7.5)."""
    talks = [e for e in events if e.type in ("PhoneCall", "Meeting") and e.date is not None]
    roles = {
        "SupplyRequest": ("requester", "addressee"),
        "TechTransferRequest": ("requester", "addressee"),
        "DonationPledge": ("donor", "recipient"),  # a pledge announced in the call
    }
    for c in events:
        if c.type not in roles or c.date or c.date_conflict:
            continue
        who = {c.party(r) for r in roles[c.type] if r not in c.weak_roles} - {None}
        if c.type == "DonationPledge" and len(who) < 2:
            continue
        for t in talks:
            if who and who <= t.parties():
                c.date = t.date
                c.trace.append(f"date {t.date} <- the {t.type} it was made in")
                break
    for c in events:
        if c.type not in ("SupplyRequest", "TechTransferRequest") or c.roles.get("addressee"):
            continue
        req = c.party("requester")
        found = []
        for t in (e for e in events if e.type in ("PhoneCall", "Meeting")):
            others = [a for a in t.roles.get("participants", []) if a.party != req]
            if req in t.parties() and len({a.party for a in others}) == 1:
                here = bool(set(t.sent_starts) & set(c.sent_starts))
                near = _last_mention(ctx, c, others[0].party) if here else -_distance(c, t)
                found.append((here, near, t))
        if found:  # talks of the request's sentence (the side named last), else the nearest
            t = max(found, key=lambda f: f[:2])[2]
            side = next(a for a in t.roles["participants"] if a.party != req)
            c.roles["addressee"] = side
            c.trace.append(f"addressee {side.party} <- the {t.type} it was made in")


_OTHER_SIDE = {
    "DonationPledge": ("donor", "recipient"),
    "SupplyRequest": ("requester", "addressee"),
    "TechTransferRequest": ("requester", "addressee"),
}
"""The role talks fill with the other side, by the role of the side that acts."""


def recipient_from_talks(ctx: DocContext, state: DocumentState) -> None:
    """ "Moon pledged a million doses in his summit with Phuc", "held the bilateral
    meeting with Wang Yi where he reiterated his request": a pledge or request made in
    talks between two sides, with no recipient or addressee of its own, is to the other
    side."""
    talks = [e for e in state.events if e.type in ("PhoneCall", "Meeting")]
    for c in state.events:
        doer, other = _OTHER_SIDE.get(c.type, ("", ""))
        if not doer or not c.party(doer):
            continue
        if c.party(other) and other not in c.weak_roles:
            continue
        found = []
        for t in talks:
            if not set(t.sent_starts) & set(c.sent_starts):
                continue
            others = [a for a in t.roles.get("participants", []) if a.party != c.party(doer)]
            if c.party(doer) in t.parties() and len({a.party for a in others}) == 1:
                found.append((_last_mention(ctx, c, others[0].party), t, others[0]))
        if found:  # the talks whose other side is named last before the request
            _, t, side = max(found, key=lambda f: f[0])
            c.roles[other] = side
            c.weak_roles.discard(other)
            c.trace.append(f"{other} {side.party} <- the {t.type} it was made in")


def _last_mention(ctx: DocContext, c: Candidate, party: str) -> int:
    """Where ``party`` is last named before ``c``'s trigger in its sentence (-1: not)."""
    sent = ctx.sentence(c.sent_starts[0])
    return max(
        (
            e.start
            for e in ctx.facts(sent)["ents"]
            if e.actor is not None and e.actor.party == party and e.start < c.trigger_i
        ),
        default=-1,
    )


def _distance(c: Candidate, t: Candidate) -> float:
    """How far talks lie from a request, in tokens; talks after it count double."""
    here = c.sent_starts[0]
    return min(abs(here - s) * (1 if s <= here else 2) for s in t.sent_starts)
