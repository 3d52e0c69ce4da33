"""Participants of talks (``PhoneCall`` and ``Meeting``), shared by both types.

Every actor related to the trigger as a participant (subject, object, "with",
"between", coordinated, the speaker, ...) takes part; a person the registry cannot
place is no party; a company is represented by its state
when that state takes part; "separately" makes one event per partner. With one party
known, the document's home country is the other.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Doc

from vaxdiplo._text import fold
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.clauses.actors import sentence_actors
from vaxdiplo.events.context import DocContext, Facts
from vaxdiplo.models import Actor
from vaxdiplo.rules.base import TriggerRule

__all__ = ["DIRECT_RELS", "PARTICIPANT_RELS", "add_home_participant", "participants"]

PARTICIPANT_RELS = frozenset(
    "subj obj with between conj appos up.subj speaker agent poss dative up.with up.obj pass "
    "up.agent mod up.conj".split()
)
"""Relations (see :mod:`vaxdiplo.events.clauses.arguments`) that make a participant."""
DIRECT_RELS = frozenset("subj obj with between conj pass agent dative poss mod appos self".split())
"""Relations direct enough for a talk noun that needs an actor ("the meeting")."""
_PARTNER_KINDS = ("person", "country", "international_org", "company", "government_body")


_SIDE_RELS = ("subj", "up.subj", "poss", "speaker")
"""Who holds talks with each of several partners ("his phone calls with A and B")."""


def _unplaced(actor: Actor) -> bool:
    return actor.kind == "person" and actor.party == actor.id


def _collect(rule: TriggerRule, args: list[Arg], trace: list[str]) -> list[Actor]:
    parts: list[Actor] = []
    for a in args:
        if a.rel == "self":
            continue
        if a.actor.kind != "person" and a.rel not in PARTICIPANT_RELS:
            if not (rule.visit and a.rel in ("to", "up.to")):
                continue
        if _unplaced(a.actor):
            continue  # a person no one can place is no party
        parts.append(a.actor)
        trace.append(f"participant {a.actor.party} <- {a.rel}")
    countries = {p.party for p in parts if p.kind != "company"}
    parts = [p for p in parts if not (p.kind == "company" and p.country in countries)]
    return _one_per_party(parts)


def _one_per_party(parts: list[Actor]) -> list[Actor]:
    """Each party once ("Prime Minister Chinh" and "Vietnam" are one side)."""
    seen: set[str] = set()
    out = []
    for p in parts:
        if p.party not in seen:
            seen.add(p.party)
            out.append(p)
    return out


def _has_partner(args: list[Arg]) -> bool:
    """ "met X", "met with X", or two subjects; "met Chinese Ambassador to Egypt Liao"."""
    rels = [a.rel for a in args if a.actor.kind in _PARTNER_KINDS]
    partner = any(r in ("obj", "with", "dative") for r in rels) or any(
        a.rel == "obj.deep" and a.actor.kind == "person" for a in args
    )
    return partner or rels.count("subj") + rels.count("conj") >= 2


def _sides_met(doc: Doc | None, trig: int | None) -> bool:
    """ "The ministers met virtually last week", "the two leaders met": the sides, named
    in the sentence before, meet."""
    if doc is None or trig is None or trig < 2:
        return False
    k = trig - 1
    if fold(doc[k].text) in ("have", "had", "also", "then", "later"):
        k -= 1
    if fold(doc[k].text) not in _TWO_SIDES:
        return False
    return fold(doc[k - 1].text) in ("the", "two", "both")


def participants(
    rule: TriggerRule,
    args: list[Arg],
    facts: Facts,
    plural: bool = False,
    doc: Doc | None = None,
    trig: int | None = None,
) -> tuple[dict[str, list[Actor]], list[str]] | None:
    """The participants (and ``separately`` partners) and their trace; None when the
    rule's checks on the arguments fail (no partner met, no actor of the talk)."""
    trace: list[str] = []
    parts = _collect(rule, args, trace)
    roles: dict[str, list[Actor]] = {"participants": parts}
    if "meet_partner" in rule.needs and not _has_partner(args):
        if not _sides_met(doc, trig):
            return None
    separately = bool(facts["words"] & {"separately", "bilateral"}) or rule.each or plural
    if separately and len({p.party for p in parts}) >= 3:
        subj = next(
            (a.actor for r in _SIDE_RELS for a in args if a.rel == r and a.actor in parts),
            parts[0],
        )
        others: list[Actor] = []
        for p in parts:
            if p.party != subj.party and p.party not in [o.party for o in others]:
                others.append(p)
        roles["participants"] = [subj]
        roles["separately"] = others
    if "actor_arg" in rule.needs and not any(
        a.rel in DIRECT_RELS or (a.actor.kind == "person" and a.rel.startswith("up.")) for a in args
    ):
        return None
    return roles, trace


_TWO_SIDES = frozenset(
    "leaders sides parties ministers presidents countries heads delegations".split()
)


def _the_two(ctx: DocContext, c: Candidate) -> list[Actor]:
    """ "X and Y have been discussing the pandemic. During a telephone conversation on
    Monday, the two leaders talked ...", "X told Y that ... . A phone conversation was
    held": the two parties of the sentence before, for talks whose own sentence says
    "the two" or names no party."""
    sent = ctx.sentence(c.sent_starts[0])
    words = [t.lower_ for t in sent]
    unnamed = not c.roles.get("participants")  # "a phone conversation was held"
    if not unnamed and not any(
        a in ("two", "both") and b in _TWO_SIDES for a, b in itertools.pairwise(words)
    ):
        return []
    if sent.start == 0:
        return []
    prev = ctx.sentence(sent.start - 1)
    actors = _one_per_party([a for _, a, _ in sentence_actors(ctx, prev)])
    actors = [a for a in actors if not _unplaced(a)]
    return actors if len(actors) == 2 else []


_VISIT_WORDS = frozenset("visit visiting visited visits trip tour".split())


def add_home_participant(ctx: DocContext, c: Candidate) -> None:
    """With one party known, the country of the place a visitor came to is the other (the
    host), else the home country."""
    home, home_actor = ctx.ents.home, ctx.home_actor()
    parts = c.roles.get("participants", [])
    if len({p.party for p in parts}) < 2:
        two = _the_two(ctx, c)
        if two:
            c.roles["participants"] = parts = _one_per_party([*parts, *two])
            c.trace.append("participants <- the two named in the sentence before")
    parties = {p.party for p in parts}
    place = c.roles.get("location")
    place = place[0] if isinstance(place, list) and place else place
    sent = ctx.sentence(c.sent_starts[0])
    visit = any(t.lower_ in _VISIT_WORDS for t in sent) and "separately" not in c.roles
    if visit and len(parties) == 1 and isinstance(place, Actor) and place.party not in parties:
        parts.append(place)  # "Visiting Indian minister Jaishankar ... in Colombo": the host
        c.trace.append(f"participant {place.party} <- the host of the visit")
        parties.add(place.party)
    if len(parties) == 1 and home_actor is not None and home not in parties:
        parts.append(home_actor)
        c.weak_roles.add("participants")
        c.trace.append(f"participant {home} <- document home country")
    c.roles["participants"] = parts
