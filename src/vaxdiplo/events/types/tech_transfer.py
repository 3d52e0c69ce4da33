"""``TechTransfer``: a provider (the vaccine's maker, or its state for a state producer)
hands technology, a licence, bulk or materials for local production to a recipient.

Who the provider is: whichever party of the sentence is the vaccine maker's side;
else the rule's role map; else the vaccine's owner; else its maker. Recipients are the
other parties (one event each; companies over their country where both are named); a
local company unknown to the registry stands for the home country; else "to X"; else
the home country. The transfer must be done or agreed, not asked for or aimed at.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.attributes import recent_vaccine
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.clauses.arguments import governing_verb
from vaxdiplo.events.clauses.scope import cumulative_context
from vaxdiplo.events.context import DocContext, Facts, Site
from vaxdiplo.events.lexicon import RECEIVE_VERBS, TRANSFER_VERBS
from vaxdiplo.events.roles import (
    home_for,
    maker_actor,
    maker_country,
    maker_parties,
    to_phrase,
    vaccine_owner,
)
from vaxdiplo.models import Actor

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "TechTransfer"
RECENT_VACCINE = None

_OVERRIDES = frozenset({"thanked", "signed", "received", "completed", "agreed", "inked", "sealed"})
_BLOCKERS = frozenset(
    "ask asked asks seek sought seeks seeking request requested proposed propose urged called "
    "tasked aims aim promote accelerate acceleration capable wants negotiations negotiating "
    "hopes plans would could may explore exploring discussed discuss mobilising "
    "mobilizing".split()
)
_MADE = frozenset(
    "signed signs agreed received completed transferred handed shipped sent delivered supplied "
    "receives gave ships sends supplies provides thanked inked sealed granted grant will began "
    "started agreement agreements deal licence license provided partnered brought imported "
    "arrived landed successful successfully".split()
)
_VERB_ANCHORS = (
    TRANSFER_VERBS
    | RECEIVE_VERBS
    | {"ship", "send", "hand", "supply", "provide", "give", "bring", "arrive", "land"}
)


def tech_transfer_ok(ctx: DocContext, trig: Token, sent: Span, facts: Facts) -> bool:
    """The transfer is done or agreed: no request, aim or plan before the trigger (after
    the last "signed", "agreed", ...), and a completion word in the sentence."""
    before = ctx.keys[sent.start : trig.i]
    for k in range(len(before) - 1, -1, -1):
        if before[k] in _OVERRIDES:
            before = before[k + 1 :]
            break
    if set(before) & _BLOCKERS:
        return False
    return bool(facts["words"] & _MADE)


def _counted_as_total(trig: Token, facts: Facts) -> bool:
    """The count just before the trigger is a running total ("a total of 65.5 million
    doses of bulk")."""
    at = trig.idx - trig.sent.start_char
    return any(q.cumulative and 0 <= at - q.end <= 4 for _, q in facts["doses"])


def reject(site: Site) -> bool:
    """Not done or agreed; or the governing verb moves something else ("to package
    CoronaVac bulk": the bulk is not what is transferred here)."""
    ctx, rule, trig, sent, facts = site.ctx, site.rule, site.trig, site.sent, site.facts
    if not tech_transfer_ok(ctx, trig, sent, facts):
        return True
    if rule.id == "tech.bulk_arrived" and (
        cumulative_context(ctx, trig, sent) or _counted_as_total(trig, facts)
    ):
        return True  # "has received a total of 65.5 million doses of bulk": a running total
    if not (rule.verb_anchor and ctx.parsed):
        return False
    anchor = governing_verb(trig)
    return (
        anchor.pos_ in ("VERB", "AUX") and fold(anchor.lemma_ or anchor.text) not in _VERB_ANCHORS
    )


def _unique(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for p in actors:
        if p.party not in [q.party for q in out]:
            out.append(p)
    return out


def _sides(ctx: DocContext, c: Candidate) -> tuple[Actor | None, list[Actor]]:
    """The provider and the recipients, the maker's side first."""
    partners = c.roles.pop("partner", [])
    everyone = _unique(
        [*(c.roles.get("provider") or []), *(c.roles.get("recipient") or []), *partners]
    )
    parties, country = maker_parties(ctx, c), maker_country(ctx, c)
    side = [p for p in everyone if p.party in parties or p.id in parties]
    if not side and country:
        side = [p for p in everyone if p.party == country]
    if side:
        prov = side[0]
        c.trace.append(f"provider {prov.party} <- the vaccine's maker side")
        return prov, [p for p in everyone if p not in side and p.party != prov.party]
    companies = [p for p in everyone if p.kind == "company"]
    states = [p for p in everyone if p.kind == "country"]
    public = any(p.kind == "government_body" for p in everyone)  # "the RDIF signed ..."
    if not c.roles.get("provider") and companies and states and not public:
        c.trace.append(f"provider {companies[0].party} <- the company in an agreement with states")
        return companies[0], [p for p in everyone if p.party != companies[0].party]
    place = _production_place(ctx, c)
    if not c.roles.get("provider") and place is not None and len(everyone) >= 2:
        hosts = [p for p in everyone if p.party == place]
        if hosts and len(hosts) < len(everyone):  # "production of the vaccine in Iran"
            prov = next(p for p in everyone if p.party != place)
            c.trace.append(f"recipient {place} <- where the production is")
            return prov, hosts
    prov = c.first("provider")
    recs = [p for p in (c.roles.get("recipient") or []) if prov is None or p.party != prov.party]
    rest = [p for p in partners if p not in recs and (prov is None or p.party != prov.party)]
    if prov is None and rest and recs:
        prov = rest.pop(0)
    recs = recs or rest
    if prov is None and len(recs) > 1:
        prov = recs.pop(0)
    return prov, recs


_PRODUCTION_WORDS = frozenset(
    "production produce producing manufacture manufacturing co-production coproduction "
    "bottling fill-finish".split()
)


def _production_place(ctx: DocContext, c: Candidate) -> str | None:
    """The country named "in X" after a production word of the sentence ("agreements with
    Russia for joint production of the vaccine in Iran")."""
    sent = ctx.sentence(c.sent_starts[0])
    seen = False
    for t in sent:
        word = fold(t.text)
        seen = seen or word in _PRODUCTION_WORDS
        if seen and word == "in":
            e = next((x for x in ctx.facts(sent)["ents"] if x.start == t.i + 1), None)
            if e is not None and e.kind == "country" and e.actor is not None:
                return e.actor.party
    return None


def _local_companies(ctx: DocContext, c: Candidate, prov, recs: list[Actor]) -> list[Actor]:
    """A local company unknown to the registry stands for the home country."""
    home, home_actor = ctx.ents.home, ctx.home_actor()
    if home_actor is None or prov is None or prov.party == home:
        return recs
    swapped = []
    for r in recs:
        if r.kind == "company" and r.id not in ctx.registry.org_ids:
            swapped.append(home_actor)
            c.trace.append(f"recipient {home} <- home of the company {r.name!r}")
        else:
            swapped.append(r)
    return swapped


def fill(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """Provider and recipients (see the module docstring)."""
    ctx, sent = site.ctx, site.sent
    if c.vaccine is None:
        c.vaccine = recent_vaccine(ctx, sent)
    prov, recs = _sides(ctx, c)
    if any(r.kind == "company" for r in recs) and any(r.kind == "country" for r in recs):
        recs = [r for r in recs if r.kind != "country"]  # "Indian manufacturers including X"
    rec = recs[0] if recs else None
    if prov is None:
        prov = vaccine_owner(ctx, vent, args)
    if prov is None and c.vaccine is not None:
        maker = maker_actor(ctx, c.vaccine.id)
        if maker is not None and (rec is None or rec.party != maker.id):
            prov = maker
            c.weak_roles.add("provider")
            c.trace.append(f"provider {maker.id} <- maker of {c.vaccine.id}")
    recs = _local_companies(ctx, c, prov, recs)
    if rec is None:
        rec = to_phrase(ctx, sent, args, exclude=prov)
        if rec is not None:
            recs = [rec]
            c.trace.append(f"recipient {rec.party} <- 'to {rec.name}'")
    if rec is None:
        rec = home_for(ctx, c, "recipient", prov)
    c.roles["provider"] = [prov] if prov else []
    c.roles["recipient"] = recs if recs else ([rec] if rec else [])
