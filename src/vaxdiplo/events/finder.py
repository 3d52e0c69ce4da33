"""From a trigger to candidate events: the per-trigger flow of the rule layer.

For every trigger match (the rule file, see :mod:`vaxdiplo.rules.base`):

1. the rule's named checks (:mod:`.checks`) and, for a request, which request types it
   is (:mod:`.types.request`);
2. the mood of the trigger's clause (:func:`.clauses.scope.mood`) and the type's own
   rejections (``reject`` in :mod:`.types`);
3. the clause arguments (:func:`.clauses.arguments.arguments`), mapped to roles by the
   rule's role map (:mod:`.roles`, or :mod:`.types.talks` for calls and meetings);
4. vaccine, date, doses and money from the sentence (:mod:`.attributes`), then the
   type's ``fill``;
5. one candidate per party or segment (:mod:`.split`).

The candidates of the whole document then go through :mod:`.document`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from vaxdiplo._text import fold
from vaxdiplo.entities import DocEntities, Ent
from vaxdiplo.events.attributes import (
    coordinated_vaccines,
    maker_vaccine,
    pick_date,
    pick_quantity,
    pick_vaccines,
    recent_vaccine,
)
from vaxdiplo.events.candidate import NO_DOSES, WITH_MONEY, Candidate
from vaxdiplo.events.checks import needs_ok
from vaxdiplo.events.clauses.arguments import arguments, governing_verb
from vaxdiplo.events.clauses.scope import mood
from vaxdiplo.events.context import DocContext, Facts, Site
from vaxdiplo.events.custom import custom_candidates, merge_custom
from vaxdiplo.events.document import document_pass
from vaxdiplo.events.lexicon import SUPPLY_WORDS, VACCINE_WORDS
from vaxdiplo.events.prefilter import WindowedMatcher
from vaxdiplo.events.roles import assign_roles, company_reference
from vaxdiplo.events.split import SEGMENTED, split, split_segments, split_shipments
from vaxdiplo.events.types import TALKS, TYPES, participants, request_types
from vaxdiplo.models import Money
from vaxdiplo.registry import Registry, VaccineEntry, load_registry
from vaxdiplo.rules.base import TriggerRule, load_rules
from vaxdiplo.rules.types import EventTypeSpec

__all__ = ["EventFinder", "find_events"]

_NAME_KINDS = ("company", "international_org", "government_body", "group")
_DOSE_WORDS = frozenset({"deliveries", "shipments", "shot", "jab"})


class EventFinder:
    """Finds events in a linked ``Doc``; holds the compiled trigger rules.

    Args:
        vocab: The pipeline's vocabulary.
        rules: Trigger rules; the packaged rule file when None.
        types: The user-declared event types the rules may announce
            (see :mod:`vaxdiplo.events.custom`).
    """

    def __init__(
        self,
        vocab,
        rules: tuple[TriggerRule, ...] | None = None,
        types: tuple[EventTypeSpec, ...] = (),
    ) -> None:
        self.rules = {r.id: r for r in (rules or load_rules())}
        self.types = {t.name: t for t in types}
        rules = self.rules.values()
        self.matcher = WindowedMatcher(
            vocab, [(r.id, self._by_first_word(r.pattern)) for r in rules]
        )
        self._plain = WindowedMatcher(
            vocab, [(r.id, self._by_first_word(self._strip_pos(r.pattern))) for r in rules]
        )
        self.registry = load_registry()

    @property
    def makers(self) -> dict[str, VaccineEntry]:
        """Makers with one main product in the packaged registry (see :func:`main_products`)."""
        return main_products(self.registry)

    @staticmethod
    def _by_first_word(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
        """The pattern as one pattern per word of its first token's ``LOWER`` set: the
        same matches, but the Matcher tests each first token with a plain comparison
        instead of calling a set predicate for every rule at every token."""
        first = pattern[0]
        lower = first.get("LOWER")
        if "OP" in first or not isinstance(lower, dict) or set(lower) != {"IN"}:
            return [pattern]
        words = dict.fromkeys(lower["IN"])
        return [[{**first, "LOWER": word}, *pattern[1:]] for word in words]

    @staticmethod
    def _strip_pos(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The pattern without tagger and parser attributes (rules-only mode)."""
        out = []
        for spec in pattern:
            spec = {k: v for k, v in spec.items() if k not in ("POS", "TAG", "ENT_TYPE", "DEP")}
            out.append(spec or {"IS_ALPHA": True})
        return out

    def __call__(self, doc: Doc, ents: DocEntities, published: dt.date | None) -> list[Candidate]:
        registry = ents.registry or self.registry
        ctx = DocContext(doc, ents, published, registry, main_products(registry))
        cands: list[Candidate] = []
        custom: list[Candidate] = []
        done: set[tuple[str, int]] = set()
        for rule, trig in self.triggers(ctx):
            if (rule.type, trig.i) in done:
                continue
            spec = self.types.get(rule.type)
            if spec is not None:
                found = custom_candidates(ctx, spec, rule, trig)
                custom.extend(found)
            else:
                found = candidates(ctx, rule, trig)
                cands.extend(found)
            if found:  # a rule whose checks fail leaves the token to the next rule
                done.add((rule.type, trig.i))
        return document_pass(ctx, cands) + merge_custom(custom, self.types)

    def triggers(self, ctx: DocContext) -> Iterator[tuple[TriggerRule, Token]]:
        """Each matching rule and its trigger token, once per rule and token; words inside
        an organisation's name ("Holding Company for Biological Products") are no
        triggers."""
        doc = ctx.doc
        matcher = self.matcher if ctx.tagged else self._plain
        seen: set[tuple[str, int]] = set()  # a rule whose pattern matches several spans
        for match_id, start, end in matcher(doc):
            rule = self.rules[doc.vocab.strings[match_id]]
            if rule.rules_only and ctx.tagged:
                continue
            trig = doc[start + rule.anchor if rule.anchor >= 0 else end + rule.anchor]
            if (rule.id, trig.i) in seen:
                continue
            inside = ctx.ent_at.get(trig.i)
            if inside is not None and inside.kind in _NAME_KINDS and inside.end - inside.start > 1:
                continue
            seen.add((rule.id, trig.i))
            yield rule, trig


@lru_cache(maxsize=16)
def main_products(registry: Registry) -> dict[str, VaccineEntry]:
    """Vaccine makers with one main product, by organisation id: a maker with one product
    stands for it ("a deal with CanSino")."""
    by_maker: dict[str, list[VaccineEntry]] = {}
    for v in registry.vaccines:
        if v.maker:
            by_maker.setdefault(v.maker, []).append(v)
    makers = {m: vs[0] for m, vs in by_maker.items() if len(vs) == 1}
    for m, vs in by_maker.items():
        main = [v for v in vs if v.id.replace("-", "") in m.lower().replace("_", "")]
        if len(vs) > 1 and len(main) == 1:
            makers[m] = main[0]
    return makers


def candidates(ctx: DocContext, rule: TriggerRule, trig: Token) -> list[Candidate]:
    """The candidates one trigger announces (none, one, or one per party or segment)."""
    sent = ctx.sentence(trig.i)
    facts = ctx.facts(sent)
    if not needs_ok(ctx, rule, trig, sent, facts):
        return []
    etypes = request_types(ctx, trig, sent) if rule.type == "Request" else [rule.type]
    out = []
    for etype in etypes:
        if mood(ctx, trig, sent, rule.type if rule.type == "Request" else etype) is not None:
            continue
        if TYPES[etype].reject(Site(ctx, rule, trig, sent, facts)):
            continue
        out.extend(build(ctx, rule, etype, trig, sent, facts))
    return out


_SEPARATE_TALKS = frozenset({"calls", "meetings", "conversations"})
"""Plural talk nouns: one event per partner ("phone calls with the foreign ministers of
Algeria and Ethiopia")."""


def build(
    ctx: DocContext, rule: TriggerRule, etype: str, trig: Token, sent: Span, facts: Facts
) -> list[Candidate]:
    """Relate the sentence's actors to the trigger, fill the roles and attributes, and
    split the result into one candidate per real-world event."""
    anchor = governing_verb(trig) if (rule.verb_anchor and ctx.parsed) else trig
    args = [company_reference(ctx, a, facts) for a in arguments(ctx, sent, anchor)]
    if etype in TALKS:
        found = participants(rule, args, facts, fold(trig.text) in _SEPARATE_TALKS, ctx.doc, trig.i)
        if found is None:
            return []
        roles, trace = found
    else:
        roles, trace = assign_roles(ctx, etype, rule, trig, args)
    trace.insert(0, f"trigger {trig.text!r} ({rule.id})")
    vaccines, facts = _clause_vaccines(ctx, anchor, facts)
    cands: list[Candidate] = []
    for vent in _vaccine_list(ctx, etype, vaccines, sent):
        c = _candidate(ctx, rule, etype, trig, sent, facts, vent)
        c.trace = [*trace, *c.trace]
        _recent_vaccine(ctx, c, sent, facts)
        c.roles = {k: list(v) for k, v in roles.items()}
        TYPES[etype].fill(Site(ctx, rule, trig, sent, facts), c, args, vent)
        cands.extend(split(ctx, c))
    if etype in SEGMENTED and len(cands) == 1:
        segmented = split_segments(ctx, cands[0], rule, sent, facts)
        if len(segmented) != 1 or segmented[0] is not cands[0]:
            return segmented
    if etype == "Delivery" and len(cands) == 1:
        cands = split_shipments(ctx, cands[0], facts)
    return cands


def _clause_vaccines(ctx: DocContext, anchor: Token, facts: Facts) -> tuple[list[Ent], Facts]:
    """The vaccines of the trigger's clause when it is one of several ("..., while
    Sinovac has sent ..."): a vaccine named in another clause is another event's."""
    vaccines = pick_vaccines(ctx, anchor, facts)
    if not (
        ctx.parsed
        and anchor.pos_ in ("VERB", "AUX")
        and anchor.dep_ in ("advcl", "conj", "ccomp", "parataxis")
    ):
        return vaccines, facts
    clause = {t.i for t in anchor.subtree}
    inside = [v for v in vaccines if v.start in clause]
    if inside:
        return inside, facts
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in anchor.children):
        return vaccines, facts  # a clause the parser left without its subject
    scoped = {"ents": [e for e in facts["ents"] if e.start in clause]}
    mv = maker_vaccine(ctx, scoped) or maker_vaccine(ctx, facts)
    return [], facts.extended(clause_vaccine=mv, clause_scoped=True)


def _vaccine_list(ctx: DocContext, etype: str, vaccines: list[Ent], sent: Span) -> list[Ent | None]:
    """One vaccine per event; an approval lists all those coordinated ("approved
    Sinovac and Sinopharm"), except earlier approvals ("after X and Y")."""
    if etype == "Approval" and len(vaccines) > 1:
        earlier = [
            v
            for v in vaccines
            if set(ctx.keys[max(sent.start, v.start - 6) : v.start]) & {"after", "following"}
        ]
        if len(earlier) < len(vaccines):  # "the third vaccine cleared after X and Y"
            vaccines = [v for v in vaccines if v not in earlier]
    if etype == "Approval" and len(vaccines) > 1:
        return coordinated_vaccines(ctx, vaccines)
    return list(vaccines[:1]) or [None]


def _candidate(
    ctx: DocContext,
    rule: TriggerRule,
    etype: str,
    trig: Token,
    sent: Span,
    facts: Facts,
    vent: Ent | None,
) -> Candidate:
    """A candidate with its vaccine, date, doses and money from the sentence."""
    c = Candidate(
        type=etype, rule=rule.id, trigger=trig.text, sent_starts=[sent.start], trigger_i=trig.i
    )
    c.trigger_span = (trig.idx, trig.idx + len(trig.text))
    c.evidence.append((sent.start_char, sent.end_char))
    c.weak = rule.weak
    c.anaphoric = rule.anaphoric
    c.trigger_dep = trig.dep_ if ctx.parsed else ""
    if vent is not None:
        c.vaccine = vent.vaccine
        c.trace.append(f"vaccine {vent.vaccine.id} <- {vent.vaccine.mention!r}")
    elif facts.get("clause_vaccine") is not None:
        c.vaccine = facts["clause_vaccine"]
    elif facts.get("clause_scoped"):
        pass
    elif etype not in TALKS or facts["words"] & (VACCINE_WORDS | SUPPLY_WORDS):
        c.vaccine = maker_vaccine(ctx, facts)
    c.date, how = pick_date(ctx, etype, trig, sent, facts)
    c.trace.append(f"date {c.date} <- {how}")
    if etype not in NO_DOSES:
        q = pick_quantity(facts["doses"], trig)
        if q is not None:
            c.doses = q.value
            c.trace.append(f"doses {q.value} <- {q.text!r}")
    if etype in WITH_MONEY:
        m = pick_quantity(facts["money"], trig)
        if m is not None:
            c.money = Money(amount=m.amount, currency=m.currency)
            c.trace.append(f"money {m.amount} {m.currency} <- {m.text!r}")
    return c


def _recent_vaccine(ctx: DocContext, c: Candidate, sent: Span, facts: Facts) -> None:
    """The previous sentences' vaccine, for the types that take it (``RECENT_VACCINE``
    of the type's module): always, or when the sentence speaks of doses."""
    wants = TYPES[c.type].RECENT_VACCINE
    if c.vaccine is not None or facts.get("clause_scoped") or wants is None:
        return
    if wants == "with_doses" and c.doses is None and not facts["words"] & _DOSE_WORDS:
        return
    c.vaccine = recent_vaccine(ctx, sent)
    if c.vaccine is not None:
        c.trace.append(f"vaccine {c.vaccine.id} <- the previous sentences")


def find_events(
    doc: Doc, ents: DocEntities, published: dt.date | None, finder: EventFinder | None = None
) -> list[Candidate]:
    """Candidates (merged) for ``doc``; see :func:`~vaxdiplo.events.candidate.to_event`
    for the models."""
    return (finder or EventFinder(doc.vocab))(doc, ents, published)
