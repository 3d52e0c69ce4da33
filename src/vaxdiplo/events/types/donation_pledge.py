"""``DonationPledge``: a donor promises doses or money to a recipient.

Who the donor is: the rule's role map (``subj``, ``agent``, ``poss``, ...; see the
rule file), else the owner of the vaccine named ("China's Sinopharm"). The recipient,
when the sentence names none, is the document's home country, unless the gift is to
COVAX or the world. Past gifts recalled in passing, references to earlier pledges,
attributive participles and running totals are no pledges.
"""

from __future__ import annotations

from spacy.tokens import Token

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.clauses.scope import (
    attributive,
    cumulative_context,
    past_gift,
    production_materials,
    reduced_relative,
)
from vaxdiplo.events.context import DocContext, Facts, Site
from vaxdiplo.events.roles import through_channel, vaccine_owner
from vaxdiplo.models import Actor

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "DonationPledge"
RECENT_VACCINE = "with_doses"

_EARLIER = ("earlier", "previous", "prior", "original", "initial")
_DEMONSTRATIVES = ("this", "that", "these", "those")
_TO_MANY = frozenset({"covax", "countries", "world", "nations", "globally"})


def _perfect_relative(ctx: DocContext, trig: Token) -> bool:
    """ "the doses Washington has promised": a reference to a pledge."""
    return (
        ctx.parsed
        and trig.dep_ == "relcl"
        and bool({fold(c.text) for c in trig.children if c.dep_ == "aux"} & {"has", "have", "had"})
    )


_SOFT_NOUNS = frozenset(
    "contribution contributions commitment support aid contributing contributed".split()
)
_SALE_WORDS = frozenset(
    "purchases purchased purchase bought buys buy sold sells contract contracts".split()
)


def _thanks_for_a_sale(ctx: DocContext, trig: Token, facts: Facts) -> bool:
    """ "thanked the company for its contribution ..., as well as its supply of vaccines
    according to an agreement under which Viet Nam purchases 31 million doses", "honoured
    its commitment by delivering": a soft noun in a sentence about a sale or a shipment
    names no gift."""
    if fold(trig.text) not in _SOFT_NOUNS:
        return False
    return bool(facts["words"] & (_SALE_WORDS | {"delivering", "honoured", "honored"}))


_GIFT_NOUNS_MOVED = frozenset({"donation", "donations", "gift", "gifts"})
_MOVED = frozenset(
    "transports transported transporting unloaded unloading unloads loaded carried carrying "
    "airport".split()
)


_SELL = frozenset("sell sold selling sells resell".split())


def _sale_or_gift(ctx: DocContext, trig: Token) -> bool:
    """ "sell or donate", "donate or sell": one of two, nothing promised yet."""
    before = ctx.keys[max(0, trig.i - 2) : trig.i]
    after = ctx.keys[trig.i + 1 : trig.i + 3]
    sold_before = len(before) == 2 and before[1] == "or" and before[0] in _SELL
    sold_after = len(after) == 2 and after[0] == "or" and after[1] in _SELL
    return sold_before or sold_after


def reject(site: Site) -> bool:
    """Running totals, modifiers, references to earlier pledges, past gifts, technology."""
    ctx, trig, sent, facts = site.ctx, site.trig, site.sent, site.facts
    if cumulative_context(ctx, trig, sent) or attributive(ctx, trig):
        return True
    if reduced_relative(ctx, trig) or _perfect_relative(ctx, trig):
        return True
    if past_gift(ctx, trig, sent):
        return True
    if trig.i > 0 and fold(ctx.doc[trig.i - 1].text) in _DEMONSTRATIVES:
        return True  # "As part of this donation, a shipment ...": the pledge named before
    if trig.i > 0 and fold(ctx.doc[trig.i - 1].text) in _EARLIER:
        return True  # "tripling an earlier pledge": a reference, not a new pledge
    if _thanks_for_a_sale(ctx, trig, facts):
        return True
    if _sale_or_gift(ctx, trig):
        return True  # "decided to sell or donate unused vaccines": not yet a gift
    if fold(trig.text) in _GIFT_NOUNS_MOVED and facts["words"] & _MOVED:
        return True  # "A driver transports Japan's donation of 64,000 doses at the airport"
    before = set(ctx.keys[max(sent.start, trig.i - 2) : trig.i])
    if before & {"total", "cumulative", "overall"}:
        return True  # "brought Japan's total donation to 3.9 million doses"
    # technology or bulk for local production: a TechTransfer
    return production_materials(facts) or bool(facts["words"] & {"technology", "know-how"})


def fill(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """The recipient from the home country; the donor from the vaccine's owner."""
    ctx, facts = site.ctx, site.facts
    home, home_actor = ctx.ents.home, ctx.home_actor()
    donor = c.first("donor")
    through = through_channel(ctx, args)
    beneficiaries = [
        a
        for a in args
        if a.actor.kind == "country" and (donor is None or a.actor.party != donor.party)
    ]
    if not c.roles.get("recipient") and through is not None and not beneficiaries:
        c.roles["recipient"] = [through]  # "share 30 million doses through COVAX" (§7.9)
        c.trace.append(f"recipient {through.party} <- the channel given")
    if (
        not c.roles.get("recipient")
        and home_actor is not None
        and donor is not None
        and donor.party != home
        and not (facts["words"] & _TO_MANY)
    ):
        c.roles["recipient"] = [home_actor]
        c.weak_roles.add("recipient")
        c.trace.append(f"recipient {home} <- document home country")
    if not c.roles.get("donor"):
        owner = vaccine_owner(ctx, vent, args)
        recipient = c.first("recipient")
        if owner is not None and owner.party != (recipient.party if recipient else None):
            c.roles["donor"] = [owner]
            c.trace.append(f"donor {owner.party} <- vaccine owner")
    if not c.roles.get("donor") and c.roles.get("recipient"):
        giver = _possessive_country(ctx, facts, c)
        if giver is not None:
            c.roles["donor"] = [giver]
            c.trace.append(f"donor {giver.party} <- the one other country in a possessive")


def _possessive_country(ctx: DocContext, facts: Facts, c: Candidate) -> Actor | None:
    """ "in keeping with India's stated commitment ..., supplies under grant assistance to
    Bhutan, Maldives ... will begin": the one country other than the recipients that the
    sentence names in a possessive."""
    doc = ctx.doc
    taken = {a.party for a in c.roles.get("recipient") or []}
    found: dict[str, Actor] = {}
    for e in facts["ents"]:
        if e.actor is None or e.absorbed or e.kind != "country" or e.actor.party in taken:
            continue
        if e.end < len(doc) and doc[e.end].text in ("'s", "\u2019s"):
            found.setdefault(e.actor.party, e.actor)
    return next(iter(found.values())) if len(found) == 1 else None
