"""``Approval``: an authority (a national regulator standing for its state, or WHO)
authorises a vaccine. Who the authority is: the rule's role map, else a government
body of the sentence; never the vaccine's maker. The approval kind (emergency, full,
conditional) comes from the rule or the words near the trigger, then the sentence."""

from __future__ import annotations

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.clauses.scope import cumulative_context
from vaxdiplo.events.context import DocContext, Site
from vaxdiplo.events.lexicon import ORDINALS, VACCINE_NOUNS
from vaxdiplo.events.roles import vaccine_owner_arg
from vaxdiplo.models import Actor
from vaxdiplo.rules.base import TriggerRule

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "Approval"
RECENT_VACCINE = "always"
"""An approval always takes the previous sentences' vaccine when it names none."""

_CERTIFIED_THINGS = frozenset(
    "plants plant facilities facility sites site factories factory laboratories laboratory "
    "labs lab manufacturers hospitals clinics centres centers staff personnel".split()
)
_PRODUCTION_NEXT = ("production", "manufacturing", "producer", "manufacturer", "plant")


def reject(site: Site) -> bool:
    """Licensed production, earlier approvals recalled, running totals."""
    ctx, trig, sent = site.ctx, site.trig, site.sent
    nxt = ctx.doc[trig.i + 1].text if trig.i + 1 < len(ctx.doc) else ""
    if fold(nxt) in _PRODUCTION_NEXT:
        return True  # "licensed production" is not an authorisation of use
    doc = ctx.doc
    if trig.i > 0 and doc[trig.i - 1].text == "-" and not doc[trig.i - 1].whitespace_:
        return True  # "World Health Organization-approved vaccines": a description
    if fold(nxt) in _CERTIFIED_THINGS:
        return True  # "GMP certified plants": a description of the plants
    before = ctx.keys[max(sent.start, trig.i - 3) : trig.i]
    if before and before[-1] in ("upon", "under", "pending", "awaiting", "without"):
        return True  # "Upon approval from the regulator", "under license from Sinovac"
    clause = set(ctx.keys[max(sent.start, trig.i - 8) : trig.i])
    if clause & {"after", "once", "until", "before"} and "will" in {fold(t.text) for t in sent}:
        return True  # "After Kazakhstan's regulating agencies issue an approval, ... will"
    if (
        ctx.parsed
        and trig.dep_ == "acl"
        and any(c.dep_ == "amod" and fold(c.text) in ORDINALS for c in trig.head.children)
    ):
        return True  # "the third vaccine cleared for use after X and Y": earlier approvals
    # "has been registered in 60 countries so far"
    return cumulative_context(ctx, trig, sent, new_before_total=True)


def _kind(ctx: DocContext, rule: TriggerRule, trig: Token, sent: Span, words: set[str]) -> str:
    if rule.approval:
        return rule.approval
    local = {fold(x.text) for x in ctx.doc[max(sent.start, trig.i - 3) : min(sent.end, trig.i + 3)]}
    if "full" in local or "fully" in local:
        return "full"
    if "conditional" in local or "conditionally" in local:
        return "conditional"
    if "emergency" in words or "eua" in words or "emergency-use" in words:
        return "emergency"
    if "conditional" in words or "conditionally" in words or "conditions" in words:
        return "conditional"  # "registered the vaccine, with conditions"
    if "full" in words or "fully" in words:
        return "full"
    return "unspecified"


_OWNER_GLUE = frozenset(
    {"'s", "’s", "-", "partner", "company", "firm", "drugmaker", "covid-19", "covid", "coronavirus"}
    | VACCINE_NOUNS
)
"""Words between a country and the company or vaccine it owns ("Chinese Covid-19 vaccine
Sinopharm")."""


def _modifies_maker(site: Site, a: Arg) -> bool:
    """ "German partner BioNTech", "British-Swedish AstraZeneca": a country naming whose
    company or vaccine it is."""
    ctx = site.ctx
    if a.ent is None or a.actor.kind != "country":
        return False
    k = a.ent.end
    while k < site.sent.end and (
        fold(ctx.doc[k].text) in _OWNER_GLUE
        or ((o := ctx.ent_at.get(k)) is not None and o.kind == "country")  # "British-Swedish"
    ):
        k += 1
    e = ctx.ent_at.get(k)
    if k < site.sent.end and fold(ctx.doc[k].text) in VACCINE_NOUNS:
        return True  # "China's vaccine named Sinopharm"
    return e is not None and (e.vaccine is not None or e.kind == "company")


def _not_the_owner(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """ "the Cuban Soberana vaccine received authorisation in Iran", "developed by Pfizer
    and its German partner BioNTech": a country named only as the owner of a vaccine or
    company is not the authority."""
    owners = [a for a in args if _modifies_maker(site, a)]
    owner = vaccine_owner_arg(site.ctx, vent, args)
    if owner is not None:
        owners.append(owner)
    if not owners:
        return
    others = {
        a.actor.party for a in args if a not in owners and site.rule.roles.get(a.rel) == "authority"
    }
    parties = {o.actor.party for o in owners}
    c.roles["authority"] = [
        a for a in c.roles.get("authority", []) if a.party not in parties or a.party in others
    ]


_MADE_BY = frozenset("produced developed made manufactured".split())


def _made_by(site: Site, a: Arg) -> bool:
    """ "a vaccine produced by the Beijing Biological Products Institute": the maker,
    not the authority."""
    if a.ent is None:
        return False
    before = [
        fold(t.text) for t in site.ctx.doc[max(site.sent.start, a.ent.start - 4) : a.ent.start]
    ]
    return any(w in _MADE_BY and "by" in before[k + 1 :] for k, w in enumerate(before))


_FIRST_OF = frozenset({"nation", "nations", "country", "countries", "state", "states"})


def _first_to(site: Site, args: list[Arg]) -> Actor | None:
    """ "X was the world's first nation to register": X, the subject of the copula."""
    doc, trig = site.ctx.doc, site.trig
    words = [w.lower_ for w in doc[max(site.sent.start, trig.i - 4) : trig.i]]
    if words[-1:] != ["to"] or "first" not in words or not set(words) & _FIRST_OF:
        return None
    subjects = [a.actor for a in args if a.rel in ("subj", "up.subj") and a.actor.kind == "country"]
    if not subjects:
        subjects = [a.actor for a in args if a.token < trig.i and a.actor.kind == "country"]
    return subjects[0] if subjects else None


def fill(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """The authority (not the maker: "Medigen's approval"; not the vaccine's owner) and
    the approval kind; "authorised in X" makes X the authority when nothing else does."""
    ctx, rule, trig, sent, facts = site.ctx, site.rule, site.trig, site.sent, site.facts
    c.roles["authority"] = [a for a in c.roles.get("authority", []) if a.kind != "company"]
    makers = {a.actor.party for a in args if _made_by(site, a)}
    c.roles["authority"] = [a for a in c.roles["authority"] if a.party not in makers]
    _not_the_owner(site, c, args, vent)
    first = _first_to(site, args)
    if first is not None:  # "Serbia was one of the first countries to register Sputnik V"
        c.roles["authority"] = [first]
        c.trace.append(f"authority {first.party} <- the first country to approve")
    kind = _kind(ctx, rule, trig, sent, facts["words"])
    if kind != "unspecified":
        c.approval = kind
    if not c.roles.get("authority"):
        place = [a.actor for a in args if a.rel in ("in", "up.in") and a.actor.kind == "country"]
        bodies = [a.actor for a in args if a.actor.kind == "government_body"]
        if place or bodies:
            found = (place or bodies)[0]
            listed = [  # "in India, Argentina, ... and Morocco": split keeps those listed
                a.actor
                for a in args
                if place and a.rel in ("conj", "up.conj") and a.actor.kind == "country"
            ]
            c.roles["authority"] = [found, *place[1:], *listed]
            c.trace.append(f"authority {found.party} <- {'place' if place else 'body'} in sentence")
