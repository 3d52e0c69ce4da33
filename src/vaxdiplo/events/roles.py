"""Roles from clause arguments, for every type but the talks (see ``types.talks``).

:func:`assign_roles` maps each argument's relation (:mod:`.clauses.arguments`) to a role
through the rule's role map (``"roles": {"subj": "donor", "to": "recipient"}`` in a
rule file); the helpers below find the parties a sentence names without a relation
("China's Sinopharm", "donated by the Chinese government", "from the US drugmaker",
the vaccine's maker), used by the type modules in :mod:`.types`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.clauses.arguments import transfer_role
from vaxdiplo.events.context import DocContext, Facts
from vaxdiplo.events.lexicon import COMPANY_NOUNS
from vaxdiplo.models import Actor
from vaxdiplo.rules.base import TriggerRule

__all__ = [
    "assign_roles",
    "company_reference",
    "home_for",
    "maker_actor",
    "maker_country",
    "maker_parties",
    "phrase_supplier",
    "through_channel",
    "to_phrase",
    "vaccine_owner",
    "vaccine_owner_arg",
]

DOER_ROLE = {
    "DonationPledge": "donor",
    "Delivery": "supplier",
    "TechTransfer": "provider",
    "PurchaseAgreement": "seller",
    "Approval": "authority",
}
"""The role of the actor thanked for an event ("thanked China for the vaccines")."""

RECEIVER_ROLE = {
    "DonationPledge": "recipient",
    "Delivery": "recipient",
    "TechTransfer": "recipient",
}
"""The role of the actor who thanks for an event ("Nepal thanked India for the gift")."""

_FALLBACK_RELS = ("speaker", "thanker")
_OWNER_GLUE = frozenset("'s ' - donated made produced gifted supplied sponsored provided".split())


def assign_roles(
    ctx: DocContext, etype: str, rule: TriggerRule, trig: Token, args: list[Arg]
) -> tuple[dict[str, list[Actor]], list[str]]:
    """Roles (each a list of actors, in order) and their trace, from the arguments.
    A reporting speaker, or whoever thanks for the event, fills a role only when nothing
    closer does."""
    roles: dict[str, list[Actor]] = {}
    trace: list[str] = []
    ordered = [a for a in args if a.rel not in _FALLBACK_RELS] + [
        a for a in args if a.rel in _FALLBACK_RELS
    ]
    for a in ordered:
        if a.actor.kind == "person" and a.actor.party == a.actor.id:
            continue  # a person we could not place speaks for nobody we know
        role = _role_of(ctx, etype, rule, trig, a)
        if role is None or role == "none":
            continue
        if a.rel in _FALLBACK_RELS and roles.get(role):
            continue
        roles.setdefault(role, [])
        if a.actor.party not in [x.party for x in roles[role]]:
            roles[role].append(a.actor)
            trace.append(f"{role} {a.actor.party} <- {a.rel} {a.actor.name!r}")
    doer = rule.roles.get("subj")
    if doer and doer not in ("none", "participants") and not roles.get(doer):
        before = _just_before(ctx, trig, args)
        if before is not None:  # "earlier in March China had promised to deliver"
            roles[doer] = [before.actor]
            trace.append(f"{doer} {before.actor.party} <- right before the verb")
    return roles, trace


_BETWEEN_SUBJECT_AND_VERB = frozenset(
    "has have had will would was were is are also already previously earlier then recently".split()
)


def _just_before(ctx: DocContext, trig: Token, args: list[Arg]) -> Arg | None:
    """An actor the verb follows with only auxiliaries and adverbs between, when the
    parser gave the verb no subject of its own."""
    if not ctx.parsed or trig.tag_ == "VBG":
        return None  # without a parser word order already decides; "..., asking" has none
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
        return None
    for a in args:
        unplaced = a.actor.kind == "person" and a.actor.party == a.actor.id
        if a.ent is None or a.ent.end > trig.i or unplaced:
            continue  # (a person no one can place is no doer)
        between = ctx.keys[a.ent.end : trig.i]
        if all(w in _BETWEEN_SUBJECT_AND_VERB for w in between):
            return a
    return None


def _role_of(ctx: DocContext, etype: str, rule: TriggerRule, trig: Token, a: Arg) -> str | None:
    role = rule.roles.get(a.rel)
    if a.rel == "thanked":
        role = DOER_ROLE.get(etype)
    elif a.rel == "thanker":
        role = RECEIVER_ROLE.get(etype, role)
    if (
        etype == "Delivery"
        and a.rel == "subj"
        and role is None
        and a.ent is not None
        and a.ent.via == "demonym"
    ):
        role = "supplier"  # "a third Japanese donation of ... arrived"
    if role in ("giver", "taker"):
        role = transfer_role(ctx, trig, role)
    return role


def home_for(ctx: DocContext, c: Candidate, role: str, other: Actor | None) -> Actor | None:
    """The document's home country for the unfilled ``role`` (recorded as weak), unless
    the other side of the event is the home country."""
    home, actor = ctx.ents.home, ctx.home_actor()
    if actor is None or (other is not None and other.party == home):
        return None
    c.weak_roles.add(role)
    c.trace.append(f"{role} {home} <- document home country")
    return actor


def maker_actor(ctx: DocContext, vaccine_id: str) -> Actor | None:
    """The registry's maker of the vaccine ``vaccine_id`` as an actor."""
    maker = ctx.registry.vaccine(vaccine_id).maker
    return ctx.org_actor(maker) if maker else None


def vaccine_owner_arg(ctx: DocContext, vent: Ent | None, args: list[Arg]) -> Arg | None:
    """The argument naming whose vaccine it is: "China's Sinopharm", "the Cuban Soberana",
    "Japan-donated AstraZeneca"."""
    if vent is None:
        return None
    lo = max(0, vent.start - 4)
    for a in args:
        if a.ent is None:
            continue
        if lo <= a.ent.start and a.ent.end <= vent.start:
            between = ctx.keys[a.ent.end : vent.start]
            if all(w in _OWNER_GLUE for w in between):
                return a
    return None


def vaccine_owner(ctx: DocContext, vent: Ent | None, args: list[Arg]) -> Actor | None:
    """The actor whose vaccine it is (see :func:`vaccine_owner_arg`)."""
    arg = vaccine_owner_arg(ctx, vent, args)
    return arg.actor if arg is not None else None


def phrase_supplier(ctx: DocContext, sent: Span, args: list[Arg], facts: Facts) -> Actor | None:
    """ "donated by China", "a gift from the people of India", "from the US",
    "under a contract with Russia"."""
    givers = {
        "donated",
        "gifted",
        "supplied",
        "provided",
        "sent",
        "given",
        "offered",
        "shipped",
        "manufactured",
        "made",
        "produced",
        "developed",
    }
    for a in args:
        if a.ent is None or (a.actor.kind == "person" and a.actor.party == a.actor.id):
            continue
        left = a.ent.start
        while left > sent.start and (
            (q := ctx.ent_at.get(left - 1)) is not None and q.absorbed and q.kind == "country"
        ):
            left = q.start  # "donated by the Chinese government": skip the qualifier
        prev = ctx.keys[max(sent.start, left - 4) : left]
        while prev and prev[-1] in ("the", "people", "of", "government", "'s"):
            if prev[-2:] == ["people", "of"] or prev[-1] in ("the", "'s"):
                prev = prev[:-2] if prev[-2:] == ["people", "of"] else prev[:-1]
            else:
                break
        if not prev:
            continue
        if prev[-1] == "from" or (prev[-1] == "by" and len(prev) > 1 and prev[-2] in givers):
            return a.actor
        if prev[-1] == "with" and set(prev) & {"contract", "deal", "agreement"}:
            return a.actor
    return None


def to_phrase(ctx: DocContext, sent: Span, args: list[Arg], exclude: Actor | None) -> Actor | None:
    """The first actor after "to" ("to the Philippines"), other than ``exclude``."""
    for a in args:
        if a.ent is None or (exclude is not None and a.actor.party == exclude.party):
            continue
        prev = ctx.keys[max(sent.start, a.ent.start - 2) : a.ent.start]
        if prev[-1:] == ["to"] or prev == ["to", "the"]:
            return a.actor
    return None


def company_reference(ctx: DocContext, a: Arg, facts: Facts) -> Arg:
    """ "from the US drugmaker": the maker of the vaccine named, not the country."""
    if a.ent is None or a.actor.kind != "country":
        return a
    if a.ent.start == 0 or fold(ctx.doc[a.ent.start - 1].text) != "the":
        return a  # "an Indian company": a company of that country, not a known maker
    nxt = ctx.keys[a.ent.end : min(len(ctx.doc), a.ent.end + 2)]
    if not (set(nxt) & COMPANY_NOUNS):
        return a
    for e in facts["ents"]:
        if e.vaccine is not None:
            actor = maker_actor(ctx, e.vaccine.id)
            if actor is not None:
                return Arg(actor, a.rel, a.token, a.ent)
    return Arg(a.actor, "other", a.token, a.ent)


def maker_country(ctx: DocContext, c: Candidate) -> str | None:
    """The country of the maker of the candidate's vaccine."""
    if c.vaccine is None:
        return None
    maker = ctx.registry.vaccine(c.vaccine.id).maker
    return ctx.registry.org(maker).country if maker else None


def maker_parties(ctx: DocContext, c: Candidate) -> set[str]:
    """The maker of the candidate's vaccine and, for a state producer, its state and the
    state's other producers (EVENTS.md §1)."""
    if c.vaccine is None:
        return set()
    v = ctx.registry.vaccine(c.vaccine.id)
    out = {a.upper() for a in v.maker_aliases if a.upper() in ctx.registry.org_ids}
    if v.maker:
        out.add(v.maker)
        m = ctx.registry.org(v.maker)
        if m.country and m.state_owned:
            out.add(m.country)
            out |= {
                o.id for o in ctx.registry.organisations if o.state_owned and o.country == m.country
            }
    return out


def through_channel(ctx: DocContext, args: list[Arg]) -> Actor | None:
    """ "through the COVAX mechanism", "via COVAX", "through the African Vaccine
    Acquisition Trust": the organisation a gift or a purchase goes through (a gift's
    recipient when no country is named to benefit; a purchase's buyer when none is
    named)."""
    for a in args:
        if a.ent is None or a.actor.kind != "international_org":
            continue
        k = a.ent.start - 1
        while k >= 0 and fold(ctx.doc[k].text) in ("the", "its", "un", "global"):
            k -= 1
        if k >= 0 and fold(ctx.doc[k].text) in ("through", "via"):
            return a.actor
    return None
