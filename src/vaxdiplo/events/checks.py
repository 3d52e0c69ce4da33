"""Named checks a trigger rule may require (``"needs": [...]`` in a rule file).

Every check is a function registered under its name in :data:`checks`, in the manner
of spaCy's ``registry.misc``; a rule file names checks, and a user's own rule file can
name the packaged ones or register new ones::

    from vaxdiplo.events.checks import checks

    @checks.register("mentions_covax")
    def mentions_covax(ctx, rule, trig, sent, facts):
        return "covax" in facts["words"]

A check receives the document context, the rule, the trigger token, its sentence and
the sentence's facts, and returns True when the sentence may hold the event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import catalogue

from vaxdiplo._text import fold
from vaxdiplo.events.lexicon import GIFT_WORDS, PRODUCTION_WORDS, VACCINE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from vaxdiplo.events.context import DocContext, Facts
    from vaxdiplo.rules.base import TriggerRule

__all__ = ["Check", "checks", "needs_ok", "object_is_vaccine"]

Check = Callable[["DocContext", "TriggerRule", "Token", "Span", "Facts"], bool]

checks = catalogue.create("vaxdiplo", "checks", entry_points=False)
"""The registry of checks, by the name a rule file uses."""

# Words that make "vaccine" a modifier of something else ("vaccine procurement plan").
_VACCINE_AS_MODIFIER = frozenset(
    "plan budget purchase procurement funding resolution proposal decree law bill import "
    "imports list".split()
)
_APPROVAL_WORDS = frozenset(
    "emergency use approval authorisation authorization eua granted received gave given "
    "regulator licence license registration".split()
)
_PLEDGE_NOUN_CONTEXT = frozenset(
    "pledge pledged donation donations announced commitment contribute gift offered made "
    "donate thanked welcomed".split()
)
_GIVING = frozenset({"provide", "give", "extend"})
_DELIVERY_NOUN_CONTEXT = frozenset(
    "arrived arrives landed received receives reached handed delivered delivering took welcomed "
    "arrival "
    "came transported flown transferred land lands provided sent shipped taken take takes "
    "ceremony".split()
)
_AGREEMENT_MADE = frozenset(
    "signed signs sign inked sealed reached entered struck agreed clinched concluded "
    "agreement contracted finalised finalized amendment partnered venture".split()
)
_TECH_WORDS = frozenset(
    "technology tech licence license licensing manufacture manufacturing locally produce "
    "producing "
    "production fill-and-finish fill finish filling".split()
)
_AIM_WORDS = frozenset({"aims", "aim", "target", "hopes", "plans"})
_SHIPMENT_WORDS = frozenset({"batch", "shipment", "consignment", "vials"})


def needs_ok(ctx: DocContext, rule: TriggerRule, trig: Token, sent: Span, facts: Facts) -> bool:
    """Every check the rule names passes (see :data:`checks`)."""
    return all(checks.get(need)(ctx, rule, trig, sent, facts) for need in rule.needs)


def has_vaccine(ctx: DocContext, facts: Facts) -> bool:
    """The sentence names a vaccine, a vaccine word or a maker with one main product."""
    ents = facts["ents"]
    return (
        any(e.vaccine is not None for e in ents)
        or bool(facts["words"] & VACCINE_WORDS)
        or any(e.actor is not None and e.actor.id in ctx.makers for e in ents)
    )


_RECEIVED_OTHERWISE = frozenset(
    "reply replies response answer letter call calls request requests invitation message "
    "assurance assurances praise thanks visit delegation proposal approval nod "
    "permission authorization authorisation opportunity decision credentials".split()
)
"""What is received before any vaccine is named when the vaccine is not what arrives."""


def object_is_vaccine(ctx: DocContext, trig: Token, sent: Span, before_ok: bool = False) -> bool:
    """A vaccine (or a batch or shipment) follows the trigger (or, with ``before_ok``,
    stands just before it)."""
    end = min(sent.end, trig.i + 14)
    lo = max(sent.start, trig.i - 12) if before_ok else trig.i + 1
    for t in ctx.doc[lo:end]:
        low = fold(t.text)
        if not before_ok and low in _RECEIVED_OTHERWISE:
            return False  # "received a positive reply to its request for doses"
        if low in VACCINE_WORDS or low in _SHIPMENT_WORDS:
            return True
        e = ctx.ent_at.get(t.i)
        if e is not None and e.vaccine is not None:
            return True
    return False


@checks.register("person")
def _person(ctx, rule, trig, sent, facts) -> bool:
    """A person is named in the sentence."""
    return any(e.actor is not None and e.actor.kind == "person" for e in facts["ents"])


@checks.register("actor_arg")
def _actor_arg(ctx, rule, trig, sent, facts) -> bool:
    """Some actor is named in the sentence."""
    return any(e.actor is not None and not e.absorbed for e in facts["ents"])


@checks.register("vaccine")
def _vaccine(ctx, rule, trig, sent, facts) -> bool:
    """A vaccine is named, and "vaccine" is not a modifier of a plan, budget, law ..."""
    if not has_vaccine(ctx, facts):
        return False
    if trig.i + 3 > sent.end:
        return True
    nxt = set(ctx.keys[trig.i + 1 : min(sent.end, trig.i + 4)])
    if not nxt & _VACCINE_AS_MODIFIER:
        return True
    return any(e.vaccine is not None for e in facts["ents"] if trig.i < e.start <= trig.i + 4)


@checks.register("approval_context")
def _approval_context(ctx, rule, trig, sent, facts) -> bool:
    """The sentence speaks of an authorisation."""
    return bool(facts["words"] & _APPROVAL_WORDS)


@checks.register("vaccine_or_money")
def _vaccine_or_money(ctx, rule, trig, sent, facts) -> bool:
    """A vaccine, money or doses are named."""
    return has_vaccine(ctx, facts) or bool(facts["money"] or facts["doses"])


@checks.register("pledge_noun_context")
def _pledge_noun_context(ctx, rule, trig, sent, facts) -> bool:
    """A pledge or donation is announced, made or welcomed; or given ("will provide a $28
    million grant": the giving verb a few words before the noun)."""
    if facts["words"] & _PLEDGE_NOUN_CONTEXT:
        return True
    before = ctx.doc[max(sent.start, trig.i - 6) : trig.i]
    return any(fold(t.text) in _GIVING for t in before) and not any(t.is_punct for t in before)


@checks.register("doses_or_vaccine")
def _doses_or_vaccine(ctx, rule, trig, sent, facts) -> bool:
    """A vaccine or a number of doses is named."""
    return has_vaccine(ctx, facts) or bool(facts["doses"])


@checks.register("object_vaccine")
def _object_vaccine(ctx, rule, trig, sent, facts) -> bool:
    """A vaccine follows the trigger."""
    return object_is_vaccine(ctx, trig, sent)


@checks.register("delivery_object")
def _delivery_object(ctx, rule, trig, sent, facts) -> bool:
    """A vaccine, batch or shipment stands near the trigger."""
    return object_is_vaccine(ctx, trig, sent, before_ok=True)


@checks.register("delivery_noun_context")
def _delivery_noun_context(ctx, rule, trig, sent, facts) -> bool:
    """Something arrived, landed, was received or sent."""
    return bool(facts["words"] & _DELIVERY_NOUN_CONTEXT)


@checks.register("production_context")
def _production_context(ctx, rule, trig, sent, facts) -> bool:
    """The sentence speaks of production or filling."""
    return bool(facts["words"] & PRODUCTION_WORDS)


@checks.register("agreement_made")
def _agreement_made(ctx, rule, trig, sent, facts) -> bool:
    """An agreement is signed, reached or concluded."""
    return bool(facts["words"] & _AGREEMENT_MADE)


@checks.register("no_tech")
def _no_tech(ctx, rule, trig, sent, facts) -> bool:
    """The sentence is not about technology or local production."""
    return not facts["words"] & _TECH_WORDS


@checks.register("no_future")
def _no_future(ctx, rule, trig, sent, facts) -> bool:
    """The sentence states no aim, target or plan."""
    return not facts["words"] & _AIM_WORDS


@checks.register("object_person")
def _object_person(ctx, rule, trig, sent, facts) -> bool:
    """A person or title follows the trigger ("received the ambassador"), and the
    vaccines are not what was received ("the vaccines were received by the minister")."""
    if (
        rule.host
        and rule.anchor > 0
        and set(ctx.keys[max(sent.start, trig.i - 8) : trig.i]) & VACCINE_WORDS
    ):
        return False
    for i in range(trig.i + 1, min(sent.end, trig.i + 6)):
        e = ctx.ent_at.get(i)
        if e is not None and (
            e.kind in ("person", "title") or (e.actor is not None and e.actor.kind == "person")
        ):
            return True
    return False


@checks.register("meet_partner")
def _meet_partner(ctx, rule, trig, sent, facts) -> bool:
    """Checked once the arguments are related (see ``types.talks``)."""
    return True


_GIVEN_GOODS = frozenset("vaccines doses jabs shots funds funding money".split())
_PLEDGE_FORMS = frozenset("pledge pledges pledged pledging promised promises".split())
_DONATE_FORMS = frozenset("donate donates donating gift gifts".split())


@checks.register("specific_gift")
def _specific_gift(ctx, rule, trig, sent, facts) -> bool:
    """The gift is of vaccines, doses, money or a maker's product."""
    ents = facts["ents"]
    after = set(ctx.keys[trig.i + 1 : min(sent.end, trig.i + 4)])
    further = set(ctx.keys[trig.i + 1 : min(sent.end, trig.i + 7)])
    return (
        any(e.vaccine is not None for e in ents)
        or bool(facts["doses"] or facts["money"])
        or any(e.actor is not None and e.actor.id in ctx.makers for e in ents)
        or (fold(trig.text) in _PLEDGE_FORMS and bool(after & _GIVEN_GOODS))
        or (
            fold(trig.text) in _DONATE_FORMS
            and bool(after & _SHIPMENT_WORDS)
            and bool(further & _GIVEN_GOODS)
        )
    )  # "pledged new funds to COVAX", "will donate a batch of coronavirus vaccines"


@checks.register("doses_near")
def _doses_near(ctx, rule, trig, sent, facts) -> bool:
    """Doses or a vaccine within a few words of the trigger."""
    near = range(max(sent.start, trig.i - 8), min(sent.end, trig.i + 7))
    if any(i in near for i, _ in facts["doses"]):
        return True
    return any((e := ctx.ent_at.get(i)) is not None and e.vaccine is not None for i in near)


_DEAL_STEMS = ("purchas", "bought", "buy", "contract", "agreed", "agreement", "deal", "procur")


@checks.register("unpaid")
def _unpaid(ctx, rule, trig, sent, facts) -> bool:
    """Nothing in the document speaks of buying or a deal ("Turkey will send 15 million
    doses to Africa" is a gift; "Russia will send 5.2 million vaccines", in an article
    about doses agreed between the two countries, is not)."""
    return not any(stem in ctx.lower_text for stem in _DEAL_STEMS)


@checks.register("no_gift")
def _no_gift(ctx, rule, trig, sent, facts) -> bool:
    """The sentence does not call the doses a gift."""
    return not facts["words"] & GIFT_WORDS


_PAST_AUX = frozenset({"has", "have", "had", "was", "were"})


@checks.register("past_gift_to")
def _past_gift_to(ctx, rule, trig, sent, facts) -> bool:
    """A gift made, not promised, to someone named: "Serbia has donated 4,680 doses to
    North Macedonia", "the US donated 1 million doses to Cambodia" (not "the donated
    doses", "will donate")."""
    doc = ctx.doc
    prev = fold(doc[trig.i - 1].text) if trig.i > sent.start else ""
    if ctx.parsed:
        if trig.tag_ not in ("VBD", "VBN") or trig.dep_ in ("amod", "acl", "compound"):
            return False
        if trig.tag_ == "VBN" and not {fold(c.text) for c in trig.children} & _PAST_AUX:
            return False
    elif not (prev in _PAST_AUX or (trig.i - 1) in ctx.ent_at):
        return False
    return any(
        fold(doc[e.start - 1].text) == "to" or fold(doc[e.start - 2].text) == "to"
        for e in facts["ents"]
        if e.start > trig.i + 1 and e.actor is not None and not e.absorbed
    )


_MAKING = frozenset(
    "produce production manufacture manufacturing co-production coproduction co-produce "
    "make bottle bottling fill-and-finish producing".split()
)
_MAKING_CUES = frozenset({"to", "on", "for", "of", "joint", "start", "local", "begin", "co", "-"})
_LOCAL_PLANT = frozenset("plant factory facility facilities locally domestically local".split())
_STARTED_MAKING = frozenset(
    "manufacturing producing making bottling manufactured produced made bottled".split()
)
_BUYING_FIRST = frozenset({"buy", "purchase", "procure", "procurement", "supply", "deliver"})


@checks.register("produce_after")
def _produce_after(ctx, rule, trig, sent, facts) -> bool:
    """The agreement is to produce a vaccine ("agreements with companies from Italy,
    Spain, France and Germany to start joint production of Sputnik V", "a memorandum on
    coproduction of Sinopharm vaccine"): a production word introduced as the agreement's
    purpose follows, before any word of buying, and a vaccine (or its maker) is named."""
    before = ctx.keys[sent.start : trig.i]
    under = next(
        (k for k in range(len(before) - 1, max(-1, len(before) - 4), -1) if before[k] == "under"),
        None,
    )
    made_here = set(before[: under or 0]) & _LOCAL_PLANT
    if under is not None and made_here and set(before[:under]) & (_MAKING | {"making"}):
        return has_vaccine(ctx, facts)  # "a new plant in Abu Dhabi will start making X under
        # a joint venture between ...", not "Pfizer is making doses under an agreement"
    if fold(trig.text) == "venture" and before[-3:-2] == ["at"] and set(before) & _STARTED_MAKING:
        return has_vaccine(ctx, facts)  # "started manufacturing X at a joint venture with"
    words = ctx.keys[trig.i + 1 : min(sent.end, trig.i + 25)]
    for k, w in enumerate(words):
        if w in _BUYING_FIRST:
            return False
        listed = (
            k >= 2
            and words[k - 1] in (",", "and")
            and set(words[max(0, k - 6) : k])
            & {
                "for",
                "on",
            }
        )  # "an agreement on cooperation for the accelerated registration, production"
        if w in _MAKING and (k == 0 or words[k - 1] in _MAKING_CUES or listed):
            return has_vaccine(ctx, facts)
    return False
