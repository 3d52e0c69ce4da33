"""Events of the types a user declares in a rule file (:mod:`vaxdiplo.rules.types`).

They go through the same grammar as the packaged types, without a module of their own:
the rule's checks (``needs``), the clause's mood (:func:`.clauses.scope.mood`: negation,
modality, plans), the words that cancel the type (``cancelled_by``), the clause
arguments mapped to roles by the rule's role map (:func:`.roles.assign_roles`) and kept
when the actor is of a kind the role accepts, the date the trigger's clause governs
(:func:`.attributes.pick_date`) and the attributes the type declares. The candidates of
a document then merge when they are one event (:func:`merge_custom`).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.events.attributes import pick_date, pick_quantity, pick_vaccines
from vaxdiplo.events.candidate import Candidate
from vaxdiplo.events.checks import needs_ok
from vaxdiplo.events.clauses.arguments import arguments
from vaxdiplo.events.clauses.scope import mood
from vaxdiplo.events.context import DocContext, Facts
from vaxdiplo.events.roles import assign_roles
from vaxdiplo.models import Actor, Money
from vaxdiplo.rules.base import TriggerRule
from vaxdiplo.rules.types import AttributeSpec, EventTypeSpec

__all__ = ["custom_candidates", "merge_custom"]

_CANCEL_WINDOW = 4


def custom_candidates(
    ctx: DocContext, spec: EventTypeSpec, rule: TriggerRule, trig: Token
) -> list[Candidate]:
    """The candidate a trigger of a user-declared type announces (none or one)."""
    sent = ctx.sentence(trig.i)
    facts = ctx.facts(sent)
    if not needs_ok(ctx, rule, trig, sent, facts) or _cancelled(ctx, spec, trig, sent):
        return []
    if mood(ctx, trig, sent, spec.name) is not None:
        return []
    roles, trace = assign_roles(ctx, spec.name, rule, trig, arguments(ctx, sent, trig))
    c = Candidate(
        type=spec.name, rule=rule.id, trigger=trig.text, sent_starts=[sent.start], trigger_i=trig.i
    )
    c.model = spec.model()
    c.trigger_span = (trig.idx, trig.idx + len(trig.text))
    c.evidence.append((sent.start_char, sent.end_char))
    c.trace = [f"trigger {trig.text!r} ({rule.id})"]
    for role, actors in roles.items():
        kept = [a for a in actors if role in spec.roles and _fits(a, spec.roles[role].kinds)]
        if kept:
            c.roles[role] = kept if spec.roles[role].many else kept[0]
            c.trace += [t for t in trace if t.startswith(f"{role} ")]
    c.date, how = pick_date(ctx, spec.name, trig, sent, facts)
    c.trace.append(f"date {c.date} <- {how}")
    for name, attr in spec.attributes.items():
        value = _attribute(ctx, attr, trig, sent, facts)
        if value is not None:
            c.attributes[name] = value
            c.trace.append(f"{name} {value!r} <- the sentence")
    return [c]


def _cancelled(ctx: DocContext, spec: EventTypeSpec, trig: Token, sent: Span) -> bool:
    words = set(ctx.keys[max(sent.start, trig.i - _CANCEL_WINDOW) : trig.i])
    return bool(words & {fold(w) for w in spec.cancelled_by})


def _fits(actor: Actor, kinds: tuple[str, ...]) -> bool:
    """An actor fills a role that accepts its kind; a person one that accepts the country
    the person speaks for."""
    if actor.kind in kinds:
        return True
    return actor.kind == "person" and "country" in kinds and actor.party != actor.id


def _attribute(ctx: DocContext, attr: AttributeSpec, trig: Token, sent: Span, facts: Facts) -> Any:
    if attr.kind == "choice":
        return _choice(ctx, attr, trig, sent)
    if attr.kind == "vaccine":
        found = pick_vaccines(ctx, trig, facts)
        return found[0].vaccine if found else None
    if attr.kind == "doses":
        q = pick_quantity(facts["doses"], trig)
        return q.value if q is not None else None
    m = pick_quantity(facts["money"], trig)
    return Money(amount=m.amount, currency=m.currency) if m is not None else None


def _choice(ctx: DocContext, attr: AttributeSpec, trig: Token, sent: Span) -> str | None:
    """The value whose words occur nearest the trigger in its sentence, those after it
    first ("halted exports of the vaccine")."""
    keys = [fold(t.text) for t in sent]
    best: tuple[tuple[bool, int], str] | None = None
    for value, phrases in attr.values.items():
        for phrase in phrases:
            words = [fold(w) for w in phrase.split()]
            for k in range(len(keys) - len(words) + 1):
                if keys[k : k + len(words)] == words:
                    i = sent.start + k
                    rank = (i < trig.i, abs(i - trig.i))
                    if best is None or rank < best[0]:
                        best = (rank, value)
    return best[1] if best is not None else None


def _agree(a: Candidate, b: Candidate) -> bool:
    """Two candidates of one type can be one event: the same filled key role, and no role,
    attribute or date on which both are filled and differ."""
    for role in a.model.roles:
        x, y = a.roles.get(role), b.roles.get(role)
        if isinstance(x, Actor) and isinstance(y, Actor) and x.party != y.party:
            return False
    for name in a.model.fields:
        x, y = a.attributes.get(name), b.attributes.get(name)
        if x is not None and y is not None and x != y:
            return False
    if a.date is not None and b.date is not None and a.date != b.date:
        return False
    return True


def _same_event(a: Candidate, b: Candidate, specs: dict[str, EventTypeSpec]) -> bool:
    if a.type != b.type or not _agree(a, b):
        return False
    if a.sent_starts == b.sent_starts:
        return True
    key = specs[a.type].key_role
    x, y = a.roles.get(key), b.roles.get(key)
    return isinstance(x, Actor) and isinstance(y, Actor) and x.party == y.party


def merge_custom(cands: list[Candidate], specs: dict[str, EventTypeSpec]) -> list[Candidate]:
    """One event per real-world event: candidates of one type in one sentence, or with the
    same key party, that agree on everything both give merge (evidence, roles,
    attributes and date gathered), in order of appearance."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.sent_starts[0], c.trigger_i)):
        same = next((o for o in out if _same_event(o, c, specs)), None)
        if same is None:
            out.append(c)
            continue
        same.evidence = sorted(set(same.evidence) | set(c.evidence))
        same.sent_starts = sorted(set(same.sent_starts) | set(c.sent_starts))
        for role, value in c.roles.items():
            same.roles.setdefault(role, value)
        for name, value in c.attributes.items():
            same.attributes.setdefault(name, value)
        same.date = same.date or c.date
        same.trace.append(f"merged with {c.trigger!r} ({c.rule})")
    return out
