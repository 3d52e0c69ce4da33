"""``Delivery``: doses arrive in, or are shipped to, a recipient from a supplier.

Who the supplier is: the rule's role map, else COVAX when the sentence says so, else
the vaccine's owner or the actor after "donated by" / "from", else (for doses not said
to be a gift) the vaccine's maker. The recipient, when the sentence names none, is the
document's home country. The channel (donation, purchase, COVAX) is the nearer cue.
Vaccination figures, running totals, technology and bulk for local production and
references to earlier shipments are no deliveries.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.attributes import channel
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.clauses.scope import (
    MATERIAL_WORDS,
    cumulative_context,
    production_materials,
    reduced_relative,
    undated_perfect,
)
from vaxdiplo.events.context import DocContext, Facts, Site
from vaxdiplo.events.lexicon import AGREEMENT_NOUNS, VACCINE_NOUNS
from vaxdiplo.events.roles import home_for, maker_actor, phrase_supplier, vaccine_owner
from vaxdiplo.events.split import segment_words
from vaxdiplo.models import Actor

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "Delivery"
RECENT_VACCINE = "with_doses"

# "reached an agreement", "reached a record": no arrival
_REACHED_NOT_ARRIVED = AGREEMENT_NOUNS | frozenset(
    "consensus target record milestone peak level out full capacity agreement".split()
)
_TECHNOLOGY = frozenset({"technology", "know-how", "technologies"})


_PEOPLE = frozenset(
    "people persons residents citizens workers professionals staff doctors nurses teachers "
    "volunteers participants adults children seniors elderly pilgrims students soldiers "
    "officials employees athletes".split()
)
"""Who is vaccinated, not supplied, when they "receive" vaccines."""
_BETWEEN_SUBJECT_AND_VERB = frozenset("have has had already also all even".split())


def vaccination_not_delivery(ctx: DocContext, trig: Token, sent: Span, facts: Facts) -> bool:
    """ "35% of Chileans have received at least one dose", "health workers received the
    vaccine": vaccination, not delivery."""
    before = ctx.keys[max(sent.start, trig.i - 4) : trig.i]
    while before and before[-1] in _BETWEEN_SUBJECT_AND_VERB:
        before.pop()
    if before and before[-1] in _PEOPLE:
        return True  # "health care professionals received Sinopharm's vaccines"
    after = ctx.keys[trig.i + 1 : min(sent.end, trig.i + 6)]
    if "dose" in after or "shot" in after or "jab" in after:
        return not facts["doses"]
    return bool(facts["words"] & {"%", "percent"}) and not facts["doses"]


_DELIVERY_VERBS = frozenset(
    "received receives receiving delivered delivers sent sends shipped ships dispatched "
    "dispatches donated donates handed".split()
)


def _object_of_delivery_verb(ctx: DocContext, trig: Token, sent: Span) -> bool:
    """ "received its first batch", "delivered the second consignment": a shipment noun
    that is the object of a delivery verb, which makes the event itself."""
    before = ctx.keys[max(sent.start, trig.i - 4) : trig.i]
    return bool(set(before) & _DELIVERY_VERBS)


def _their_arrival(ctx: DocContext, trig: Token, facts: Facts) -> bool:
    """A shipment noun after a possessive pronoun, in a sentence with no count of its
    own ("after their arrival"): the shipment an earlier sentence reported."""
    if trig.i == 0 or not trig.text[:1].islower() or facts["doses"]:
        return False
    return fold(ctx.doc[trig.i - 1].text) in ("their", "its")


def reject(site: Site) -> bool:
    """Arrivals at a figure, vaccinations, technology, references, running totals."""
    ctx, trig, sent, facts = site.ctx, site.trig, site.sent, site.facts
    if set(ctx.keys[trig.i + 1 : trig.i + 4]) & _REACHED_NOT_ARRIVED:
        return True
    if vaccination_not_delivery(ctx, trig, sent, facts):
        return True
    if facts["words"] & _TECHNOLOGY:
        return True  # "transferred the technology to make the vaccine": a TechTransfer
    if reduced_relative(ctx, trig):
        return True  # "following the 616,000 doses Japan provided in July"
    if production_materials(facts):
        segments = segment_words(ctx, sent)
        if len(segments) < 2 or all(words & MATERIAL_WORDS for words in segments):
            return True  # bulk or technology for local production: a TechTransfer
    if ctx.parsed and trig.dep_ == "acl" and fold(trig.head.text) in VACCINE_NOUNS:
        return True  # "25 million doses provided by the American people": a description
    if site.rule.id == "delivery.shipment" and _object_of_delivery_verb(ctx, trig, sent):
        return True  # "received its first batch of ...": the verb's event
    nxt = ctx.doc[trig.i + 1] if trig.i + 1 < sent.end else None
    if fold(trig.text) in ("provided", "providing") and _conditional(ctx, trig, nxt):
        return True  # "provided that Baghdad will buy other quantities": a condition
    if _their_arrival(ctx, trig, facts):
        return True  # "Soon after their arrival, the doses were transported": told before
    return cumulative_context(ctx, trig, sent) or undated_perfect(ctx, trig, sent, facts)


def _conditional(ctx: DocContext, trig: Token, nxt: Token | None) -> bool:
    """ "provided that ...", "..., \"provided the existence of enough raw material\"": the
    word opens a condition (after a comma or quote mark, before a determiner)."""
    if nxt is None:
        return False
    if nxt.lower_ == "that":
        return True
    prev = ctx.doc[trig.i - 1].text if trig.i > 0 else ""
    return prev in (",", '"', "\u201c", "(") and nxt.lower_ in ("the", "there", "it", "a", "an")


def _supplier(ctx: DocContext, c: Candidate, sent: Span, facts: Facts, args, vent) -> None:
    if not c.roles.get("supplier"):
        owner = vaccine_owner(ctx, vent, args) or phrase_supplier(ctx, sent, args, facts)
        if owner is not None:
            c.roles["supplier"] = [owner]
            c.trace.append(f"supplier {owner.party} <- vaccine owner or 'donated by/from'")
    if (
        not c.roles.get("supplier")
        and c.channel in ("purchase", "unspecified")
        and c.vaccine is not None
    ):
        maker = maker_actor(ctx, c.vaccine.id)
        if maker is not None:
            c.roles["supplier"] = [maker]
            if c.channel == "unspecified":
                c.weak_roles.add("supplier")
            c.trace.append(f"supplier {maker.id} <- maker of a vaccine not said to be a gift")


_PORTS = frozenset({"airport", "port", "seaport", "airbase"})


def _airport_of(ctx: DocContext, args: list[Arg], c: Candidate) -> Actor | None:
    """A country whose airport or port the doses reached ("at Myanmar's Yangon
    International Airport")."""
    doc = ctx.doc
    for a in args:
        if (
            a.ent is None
            or a.actor.kind != "country"
            or a.rel not in ("at", "up.at", "in", "up.in")
        ):
            continue
        after = ctx.keys[a.ent.end : min(len(doc), a.ent.end + 6)]
        if after[:1] and after[0] in ("'s", "\u2019s") and set(after) & _PORTS:
            if a.actor.party != c.party("supplier"):
                return a.actor
    return None


def fill(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """Channel, supplier and recipient (see the module docstring)."""
    ctx, trig, sent, facts = site.ctx, site.trig, site.sent, site.facts
    if "covax" in facts["words"]:
        c.channel = "covax"
        covax = ctx.registry.org("COVAX")
        c.roles["supplier"] = [
            Actor(kind="international_org", name=covax.name, id="COVAX", party="COVAX")
        ]
        c.trace.append("supplier COVAX <- 'COVAX' in sentence")
    else:
        c.channel = channel(trig, sent, vent)
    _supplier(ctx, c, sent, facts, args, vent)
    if not c.roles.get("recipient"):
        port = _airport_of(ctx, args, c)
        if port is not None:
            c.roles["recipient"] = [port]  # "held Friday at Myanmar's Yangon International Airport"
            c.trace.append(f"recipient {port.party} <- whose airport the doses reached")
    if not c.roles.get("recipient"):
        home = home_for(ctx, c, "recipient", c.first("supplier"))
        if home is not None:
            c.roles["recipient"] = [home]
