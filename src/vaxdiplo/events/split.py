"""One event per real-world event within a sentence: splitting a candidate whose
single-valued role lists several parties ("to Nepal, Bhutan and the Maldives"), whose
coordinated segments each carry their own quantity ("300,000 Sinopharm doses from
China and 100,000 AstraZeneca doses through COVAX"), or whose shipments each have a
quantity and a day.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from spacy.tokens import Span

from vaxdiplo._text import fold
from vaxdiplo.events.attributes import maker_vaccine
from vaxdiplo.events.candidate import ROLE_ORDER, Candidate
from vaxdiplo.events.clauses.scope import MATERIAL_WORDS
from vaxdiplo.events.context import DocContext, Facts
from vaxdiplo.events.lexicon import GIFT_WORDS, PURCHASE_WORDS, REPORT_VERBS, VACCINE_NOUNS
from vaxdiplo.events.roles import maker_actor
from vaxdiplo.models import Actor, Vaccine
from vaxdiplo.quantities import Quantity, parse_number
from vaxdiplo.rules.base import TriggerRule

__all__ = ["SEGMENTED", "segment_words", "split", "split_segments", "split_shipments"]

SEGMENTED = frozenset({"Delivery", "DonationPledge", "PurchaseAgreement"})
"""Types whose coordinated segments may each be an event of their own."""

_LIST_GLUE = frozenset(
    ", and or the as well & also with to from companies both firms of including such "
    "manufacturers".split()
)
_SEGMENT_STARTS = frozenset({"with", "from", "to", "through", "via", "another", "a", "an", "under"})
_MILLIONS = ("million", "thousand", "billion", "m")


def split(ctx: DocContext, c: Candidate) -> list[Candidate]:
    """One event per party where a single-valued role lists several parties."""
    single = [r for r in ROLE_ORDER[c.type] if r != "participants"]
    multi = [r for r in single if len({a.party for a in c.roles.get(r, [])}) > 1]
    if not multi:
        for r in single:
            vals = c.roles.get(r) or []
            c.roles[r] = vals[0] if vals else None
        return [c]
    role = multi[0]
    pairs = _pair_with_doses(ctx, c, c.roles[role])
    values = _coordinated_values(ctx, c, c.roles[role])
    if pairs:
        out = []
        for actor, q in pairs:
            d = c.copy()
            d.roles[role] = [actor]
            d.doses = q.value
            d.trace.append(f"{role} {actor.party} paired with {q.text!r}")
            out.extend(split(ctx, d))
        return out
    out = []
    for actor in values:
        d = c.copy()
        d.roles[role] = [actor]
        _vaccine_of_maker(ctx, d, actor, values)
        out.extend(split(ctx, d))
    return out


def _vaccine_of_maker(ctx: DocContext, d: Candidate, actor: Actor, values: list[Actor]) -> None:
    """ "agreements with Sinopharm ... and with Sinovac": each maker's event has its own
    product, not the vaccine of another maker listed with it."""
    own = ctx.makers.get(actor.id)
    if own is None or d.vaccine is None or d.vaccine.id == own.id:
        return
    others = {ctx.makers[v.id].id for v in values if v is not actor and v.id in ctx.makers}
    if d.vaccine.id in others:
        d.vaccine = Vaccine(id=own.id, name=own.name, mention=actor.name)
        d.trace.append(f"vaccine {own.id} <- made by {actor.id}")


def _pair_with_doses(ctx: DocContext, c: Candidate, values: list[Actor]):
    """ "500,000 doses to Senegal and 300,000 to Côte d'Ivoire": pair each party with
    the quantity next to it."""
    if len(values) < 2 or c.type in ("Approval", "PhoneCall", "Meeting"):
        return None
    sent = ctx.sentence(c.sent_starts[0])
    facts = ctx.facts(sent)
    qs = [(i, q) for i, q in facts["doses"] if not q.cumulative]
    if len(qs) != len(values):
        return None
    pos = []
    for v in values:
        ps = [p for p in _positions(ctx, v, sent) if sent.start <= p < sent.end]
        if not ps:
            return None
        pos.append(ps[0])
    pairs = []
    for v, p in zip(values, pos, strict=True):
        _, q = min(qs, key=lambda x: abs(x[0] - p))
        pairs.append((v, q))
    if len({id(q) for _, q in pairs}) != len(pairs):
        return None
    return pairs


def _positions(ctx: DocContext, actor: Actor, sent: Span) -> list[int]:
    """Where the sentence mentions ``actor``'s party."""
    near = ctx.ents.ents[ctx.ents_before(sent.start) : ctx.ents_before(sent.end)]
    return [e.start for e in near if e.actor is not None and e.actor.party == actor.party]


def _coordinated_values(ctx: DocContext, c: Candidate, values: list[Actor]) -> list[Actor]:
    """Keep the values listed together with the first one ("Russia, Belarus and Serbia"),
    walking from the first one's mention in the candidate's sentence to its neighbours."""
    if len(values) < 2:
        return values
    doc = ctx.doc
    lo = c.sent_starts[0] if c.sent_starts else 0
    hi = doc[c.sent_starts[-1]].sent.end if c.sent_starts else len(doc)
    near = ctx.ents.ents[ctx.ents_before(lo) : ctx.ents_before(hi)]
    ents = [e for e in near if e.actor is not None and not e.absorbed]
    by_party = {v.party: v for v in values}
    anchors = [e for e in ents if e.actor.party == values[0].party and e.actor.id == values[0].id]
    if not anchors:
        return values
    if c.trigger_i >= 0:  # the mention nearest the trigger is the argument's own
        anchors = [min(anchors, key=lambda e: abs(e.start - c.trigger_i))]
    chain = max((_chain(doc, ents, a, by_party) for a in anchors), key=len)
    chain.sort(key=lambda e: e.start)
    return [by_party[e.actor.party] for e in chain]


def _glued(doc: Any, a_end: int, b_start: int) -> bool:
    """Only list words lie between two mentions ("Russia, Belarus and")."""
    between = {fold(t.text) for t in doc[a_end:b_start]}
    return between <= _LIST_GLUE and b_start - a_end <= 4


_COORDINATORS = frozenset({"and", "well", "plus", "also"})
_PAIRED_PREPS = frozenset({"with", "to", "from"})


def _prep_before(doc: Any, start: int) -> str:
    """The preposition that introduces a mention, past articles and qualifiers ("with
    the Chinese Sinopharm")."""
    j = start - 1
    while j >= 0 and start - j <= 3 and (doc[j].text[:1].isupper() or fold(doc[j].text) in _DETS):
        j -= 1
    return fold(doc[j].text) if j >= 0 else ""


_DETS = frozenset({"the", "a", "an", "its", "their"})


def _same_preposition(doc: Any, a: Any, b: Any) -> bool:
    """ "agreements with Sinopharm for its vaccine as well as with Sinovac": segments
    introduced by the same preposition and joined by a coordinator."""
    lo, hi = (a, b) if a.start < b.start else (b, a)
    if hi.start - lo.end > 30 or any(
        t.text in (";", ".") or t.like_num for t in doc[lo.end : hi.start]
    ):
        return False  # a count between makes segments of their own (``split_segments``)
    prep = _prep_before(doc, hi.start)
    return (
        prep in _PAIRED_PREPS
        and prep == _prep_before(doc, lo.start)
        and any(fold(t.text) in _COORDINATORS for t in doc[max(lo.end, hi.start - 6) : hi.start])
    )


def _chain(doc: Any, ents: list[Any], anchor: Any, by_party: dict[str, Actor]) -> list[Any]:
    """The mentions of ``by_party`` listed together with ``anchor``, both ways."""
    chain = [anchor]
    for step in (1, -1):
        edge = anchor
        while True:
            taken = {e.actor.party for e in chain}
            nxt = [
                e
                for e in ents
                if e.actor.party in by_party
                and e.actor.party not in taken
                and (
                    (step == 1 and e.start >= edge.end and _glued(doc, edge.end, e.start))
                    or (step == -1 and e.end <= edge.start and _glued(doc, e.end, edge.start))
                    or (e.start != edge.start and _same_preposition(doc, edge, e))
                )
            ]
            if not nxt:
                break
            edge = min(nxt, key=lambda e: abs(e.start - edge.start))
            chain.append(edge)
    return chain


def segment_words(ctx: DocContext, sent: Span) -> list[set[str]]:
    """The words of each coordinated segment of ``sent`` (one set when it has none)."""
    cuts = [*_cuts(ctx, sent), sent.end]
    return [set(ctx.keys[a:b]) for a, b in pairwise(cuts)]


def _cuts(ctx: DocContext, sent: Span) -> list[int]:
    """Where coordinated segments start: "and 300,000", "and from", "along with"."""
    keys, nums = ctx.keys, ctx.like_nums
    cuts = [sent.start]
    for i in range(sent.start + 1, sent.end - 1):
        word = keys[i]
        if word not in _CUT_WORDS:
            continue
        if word in ("along", "plus", "besides") and (
            nums[i + 1] or keys[i + 1] in ("with", "another")
        ):
            cuts.append(i)
        elif word == "and" and (nums[i + 1] or keys[i + 1] in _SEGMENT_STARTS):
            cuts.append(i)
        elif (
            word == "as"
            and i + 3 < sent.end
            and keys[i + 1 : i + 3] == ["well", "as"]
            and nums[i + 3]
        ):
            cuts.append(i)  # "16 million doses of X, as well as 1.5 million doses of Y"
        elif word == "," and nums[i + 1] and i + 2 < sent.end and not nums[i + 2]:
            cuts.append(i)  # "100,000 doses donated by Slovakia, 60,000 doses donated by"
    return cuts


_CUT_WORDS = frozenset({"along", "plus", "besides", "and", "as", ","})


def _segment_parties(
    ctx: DocContext, d: Candidate, rule: TriggerRule, facts: Facts, lo: int, hi: int
) -> None:
    """The parties a segment names by its prepositions ("from China", "through COVAX")
    and its channel."""
    doc = ctx.doc
    for e in facts["ents"]:
        if e.actor is None or e.absorbed or not (lo <= e.start < hi):
            continue
        prev = fold(doc[e.start - 1].text) if e.start > 0 else ""
        if prev == "the" and e.start > 1:
            prev = fold(doc[e.start - 2].text)
        if prev in ("through", "via", "under") and e.actor.id == "COVAX":
            if d.type == "Delivery":
                d.channel = "covax"
                d.roles["supplier"] = e.actor
            continue
        role = rule.roles.get("agent" if prev == "by" else prev)
        if role is None and prev == "from" and d.type == "Delivery":
            role = "supplier"  # "... and 482,400 doses from Sinopharm have arrived"
        if role and role in ROLE_ORDER[d.type]:
            d.roles[role] = e.actor
            d.weak_roles.discard(role)
    if d.type == "Delivery" and d.channel != "covax":
        seg_words = set(ctx.keys[lo:hi])
        if seg_words & GIFT_WORDS:
            d.channel = "donation"
        elif seg_words & PURCHASE_WORDS:
            d.channel = "purchase"
    if d.type == "Delivery" and d.channel == "covax" and d.party("supplier") != "COVAX":
        d.channel = "unspecified"


def split_segments(
    ctx: DocContext, c: Candidate, rule: TriggerRule, sent: Span, facts: Facts
) -> list[Candidate]:
    """ "300,000 Sinopharm doses from China and 100,000 AstraZeneca doses through COVAX",
    "contracts with Sinovac for 10 million doses and with Pfizer for 10 million doses":
    one event per coordinated segment, each with its own quantity, vaccine and party."""
    doc = ctx.doc
    cuts = _cuts(ctx, sent)
    if len(cuts) < 2:
        return [c]
    cuts.append(sent.end)
    doses = [(i, q) for i, q in facts["doses"] if not q.cumulative]
    known = {i for i, _ in facts["doses"]}
    doses += [(i, q) for i, q in _bare_numbers(ctx, sent) if i not in known]
    out = []
    for k in range(len(cuts) - 1):
        lo, hi = cuts[k], cuts[k + 1]
        qs = [q for i, q in doses if lo <= i < hi]
        if len(qs) != 1:
            return [c]
        if c.type == "Delivery" and set(ctx.keys[lo:hi]) & MATERIAL_WORDS:
            continue  # "6 million doses of bulk from Sinovac and ...": a TechTransfer
        d = c.copy()
        d.doses = qs[0].value
        d.trigger_i = c.trigger_i * 100 + k
        days = [
            dm
            for i, dm in facts["dates"]
            if lo <= i < hi
            and dm.value is not None
            and not any(fold(t.text) in REPORT_VERBS for t in doc[max(lo, i - 3) : i])
        ]
        if days:
            d.date = days[0].value
        vs = [e for e in facts["ents"] if e.vaccine is not None and lo <= e.start < hi]
        if vs:
            d.vaccine = vs[0].vaccine
        else:
            seg = {"ents": [e for e in facts["ents"] if lo <= e.start < hi]}
            d.vaccine = maker_vaccine(ctx, seg) or d.vaccine
        _maker_follows_vaccine(ctx, c, d)
        _segment_parties(ctx, d, rule, facts, lo, hi)
        d.trace.append(f"segment {k + 1}: doses {d.doses}")
        out.append(d)
    return out


_MAKER_ROLES = ("seller", "supplier", "provider")


def _maker_follows_vaccine(ctx: DocContext, c: Candidate, d: Candidate) -> None:
    """A segment of another vaccine ("deals for 30 million doses of Novavax's vaccine
    and 15 million of AstraZeneca's") is not sold by the first vaccine's maker."""
    if c.vaccine is None or d.vaccine is None or c.vaccine.id == d.vaccine.id:
        return
    old = maker_actor(ctx, c.vaccine.id)
    for role in _MAKER_ROLES:
        actor = d.roles.get(role)
        if old is not None and actor is not None and actor.party == old.party:
            new = maker_actor(ctx, d.vaccine.id)
            d.roles[role] = new
            d.trace.append(f"{role} {new.id if new else None} <- maker of {d.vaccine.id}")


def _bare_numbers(ctx: DocContext, sent: Span) -> list[tuple[int, Any]]:
    """ "... and 300,000 to Côte d'Ivoire": a count whose unit was said before."""
    out = []
    doc = ctx.doc
    for t in sent:
        if t.i == 0 or fold(doc[t.i - 1].text) != "and" or not t.like_num:
            continue
        j = t.i + 1
        text = t.text
        if j < sent.end and fold(doc[j].text) in _MILLIONS:
            text += " " + doc[j].text
            j += 1
        if j < sent.end and fold(doc[j].text) in VACCINE_NOUNS:
            continue  # a full quantity, already found
        value = parse_number(text)
        if value is None or value < 1000:
            continue
        start = t.idx - sent.start_char
        out.append(
            (t.i, Quantity(start, start + len(text), text, int(value), False, False, "doses"))
        )
    return out


def split_shipments(ctx: DocContext, c: Candidate, facts: Facts) -> list[Candidate]:
    """ "1.2 million doses on December 6 and 1.8 million doses on December 31": one
    Delivery per quantity, each with the day that follows it."""
    doses = [(i, q) for i, q in facts["doses"] if not q.cumulative]
    days = [(i, d) for i, d in facts["dates"] if d.value is not None]
    if len(doses) < 2 or len(days) < len(doses):
        return [c]
    out = []
    for n, (i, q) in enumerate(doses):
        nxt = doses[n + 1][0] if n + 1 < len(doses) else 10**9
        day = next((d for j, d in days if i < j < nxt), None)
        if day is None:
            return [c]
        d = c.copy()
        d.doses, d.date = q.value, day.value
        d.trace.append(
            f"shipment {n + 1}: doses {q.value} on {day.value} ({q.text!r}, {day.text!r})"
        )
        d.trigger_i = c.trigger_i * 100 + n
        out.append(d)
    return out
