"""The attributes of one event from its own sentence: the date the trigger governs,
the quantity (doses, money) it governs, the vaccine, and the delivery channel.

Which sentence's date applies when the trigger's own sentence gives none (the call the
pledge was made in, the visit the talks were part of, the event an anaphor refers to)
is decided afterwards, for every type, in :mod:`vaxdiplo.events.document`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.dates import DateMention
from vaxdiplo.entities import Ent
from vaxdiplo.events.candidate import REPORT_DATED
from vaxdiplo.events.clauses.arguments import clause_chain
from vaxdiplo.events.context import DocContext, Facts
from vaxdiplo.events.lexicon import GIFT_WORDS, PURCHASE_WORDS, REPORT_VERBS, forms_match
from vaxdiplo.extensions import doc_text
from vaxdiplo.models import Vaccine

__all__ = [
    "channel",
    "coordinated_vaccines",
    "maker_vaccine",
    "pick_date",
    "pick_quantity",
    "pick_vaccines",
    "recent_vaccine",
]

_RATES = (
    "a month",
    "per month",
    "a year",
    "per year",
    "a day",
    "per day",
    "a week",
    "per week",
    "monthly",
    "annually",
)
_CONTRAST = frozenset({"beyond", "besides", "unlike", "instead", "except", "apart"})
_VACCINE_LIST_GLUE = frozenset(
    "and or the as well vaccine vaccines 's s both from by of made developed produced "
    "company firm drugmaker laboratory laboratories lab pharmaceutical pharmaceuticals "
    "manufacturer maker group".split()
)


_RELATIVE_DAYS = frozenset(
    "today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday "
    "sunday".split()
)


def _restated(dates: list[tuple[int, DateMention]]) -> list[tuple[int, DateMention]]:
    """ "today January 18, 2021", "on Sunday, June 6": a relative day restated by the
    calendar date right after it is that date."""
    out = []
    for k, (i, d) in enumerate(dates):
        nxt = dates[k + 1] if k + 1 < len(dates) else None
        if (
            nxt is not None
            and 0 < nxt[0] - i <= 3
            and fold(d.text.split()[-1].strip(",")) in _RELATIVE_DAYS
            and nxt[1].value is not None
            and any(ch.isdigit() for ch in nxt[1].text)
        ):
            continue
        out.append((i, d))
    return out


def pick_date(
    ctx: DocContext, cand_type: str, trig: Token, sent: Span, facts: Facts
) -> tuple[dt.date | None, str]:
    """The date of an event of ``cand_type`` announced by ``trig``, and how it was chosen:
    the date the trigger's clause governs; else the reporting verb's, for the types a
    report dates; else the only date of the sentence; never the publication date."""
    dates: list[tuple[int, DateMention]] = _restated(facts["dates"])
    if not dates:
        return None, "none"
    doc = ctx.doc
    if not ctx.parsed:
        before = ctx.keys[sent.start : trig.i]
        if "had" in before[-4:]:
            return None, "past-perfect"
        best = min(dates, key=lambda d: abs(d[0] - trig.i))
        return best[1].value, f"nearest {best[1].text!r}"
    chain = clause_chain(trig)
    chain_ids = {t.i for t in chain}
    attached, reported = [], []
    for tok_i, d in dates:
        node = doc[tok_i]
        for _ in range(14):
            if node.i in chain_ids:
                attached.append(d)
                break
            if node.pos_ in ("VERB", "AUX") and node.i != tok_i:
                if forms_match(node, REPORT_VERBS):
                    reported.append((node, d))
                    break
                if node.dep_ not in ("acl", "amod", "advcl") or node.i == node.head.i:
                    break
            if node.i == node.head.i:
                break
            node = node.head
    announced = [d for _, d in reported if d.value is not None]
    if cand_type == "DonationPledge" and announced:
        return announced[0].value, f"announced {announced[0].text!r}"  # EVENTS.md §7.7
    dated = [d for d in attached if d.value is not None]
    if dated:
        return dated[0].value, f"governed {dated[0].text!r}"
    if attached and not (reported and cand_type in REPORT_DATED):
        d = attached[0]
        return None, f"governed {d.text!r}"
    if not reported:
        for tok_i, d in dates:
            near = doc[max(sent.start, tok_i - 3) : min(sent.end, tok_i + 1)]
            verbs = [t for t in near if forms_match(t, REPORT_VERBS)]
            if verbs:
                reported.append((verbs[-1], d))
    if reported:
        node, d = reported[0]
        verb = trig.head if trig.pos_ == "NOUN" and trig.dep_ in _ARG_DEPS else trig
        aux = {fold(c.text) for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if "had" in aux:
            return None, f"past perfect under {node.text!r}"
        if (
            cand_type in REPORT_DATED
            or cand_type in ("PhoneCall", "Meeting")
            or aux & {"has", "have", "been", "will"}
        ):
            return d.value, f"report {d.text!r}"
        return None, f"report only {d.text!r}"
    days = [d for _, d in dates if d.value is not None]
    if len(dates) == 1 and days and not any(forms_match(t, REPORT_VERBS) for t in sent):
        return days[0].value, f"only date in the sentence {days[0].text!r}"
    if len(dates) == 1 and days and cand_type == "DonationPledge" and not trig.i < dates[0][0]:
        return days[0].value, f"announced, the only date {days[0].text!r}"  # §7.7
    if cand_type in ("PhoneCall", "Meeting"):
        free = [d for d in days if d not in {r[1] for r in reported}]
        if len(free) == 1:
            return free[0].value, f"the visit's date {free[0].text!r}"
    return None, "unattached"


_PASSIVE = frozenset({"been", "was", "were"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
"""A noun trigger that is an argument of its verb takes the verb's tense ("an
authorization has been given")."""


def pick_quantity(items: list[tuple[int, Any]], trig: Token) -> Any:
    """The quantity the trigger governs: the first one after it ("received 141,600
    doses, the first consignment of the 13 million ordered"), else the nearest before."""
    good = [
        (i, q) for i, q in items if not getattr(q, "cumulative", False) and not _rate(q, trig.sent)
    ]
    if not good:
        return None
    before = [(i, q) for i, q in good if i < trig.i]
    doc = trig.doc
    at = trig.idx - trig.sent.start_char  # quantity offsets count from the sentence
    just_before = [q for _, q in before if 0 <= at - q.end <= 4]
    if just_before:  # "6 million doses of bulk", "500,000 doses donated"
        return just_before[-1]
    passive = {fold(t.text) for t in doc[max(trig.sent.start, trig.i - 2) : trig.i]} & _PASSIVE
    if passive and before:  # "0.5 million doses had been received, with another 0.5m ..."
        return before[-1][1]
    after = [(i, q) for i, q in good if i > trig.i]
    if after and (after[0][0] - trig.i <= 12 or not [x for x in good if x[0] < trig.i]):
        return after[0][1]
    return min(good, key=lambda x: (abs(x[0] - trig.i), x[0]))[1]


def _rate(q: Any, sent: Span) -> bool:
    """ "3 million doses a month" is a capacity, not a quantity of the event."""
    base = sent.start_char
    after = doc_text(sent.doc)[base + q.end : min(base + q.end + 14, sent.end_char)].lower()
    return after.lstrip().startswith(_RATES)


def pick_vaccines(ctx: DocContext, trig: Token, facts: Facts) -> list[Ent]:
    """The vaccines of the sentence, nearest the trigger first, except those named in
    contrast ("unlike Sinovac")."""
    vs = [
        e
        for e in facts["ents"]
        if e.vaccine is not None and not (set(ctx.keys[max(0, e.start - 6) : e.start]) & _CONTRAST)
    ]
    if not vs:
        return []
    vs.sort(key=lambda e: abs(e.start - trig.i))
    return vs


def coordinated_vaccines(ctx: DocContext, vaccines: list[Ent]) -> list[Ent | None]:
    """The first vaccine and those listed with it ("approved Sinovac and Sinopharm")."""
    first = vaccines[0]
    out: list[Ent | None] = [first]
    for v in vaccines[1:]:
        lo, hi = (
            sorted((first.end, v.start)) if v.start > first.start else sorted((v.end, first.start))
        )
        between = {
            fold(t.text) for t in ctx.doc[lo:hi] if not t.is_punct and not _maker_name(ctx, t.i)
        }
        if between <= _VACCINE_LIST_GLUE and v.vaccine.id not in {x.vaccine.id for x in out if x}:
            out.append(v)  # names and punctuation between: "Covishield and Bharat's Covaxin"
    return out


def _maker_name(ctx: DocContext, i: int) -> bool:
    """Token ``i`` names a company or institute ("Bharat Biotech's Covaxin") or the
    country a maker is from ("the Chinese laboratory Sinovac")."""
    e = ctx.ent_at.get(i)
    return e is not None and (
        e.kind in ("company", "international_org", "vaccine")
        or (e.kind == "country" and e.via == "demonym")
    )


def maker_vaccine(ctx: DocContext, facts: Facts) -> Vaccine | None:
    """The main product of a maker named in the sentence ("a deal with CanSino")."""
    for e in facts["ents"]:
        if e.actor is None:
            continue
        v = ctx.makers.get(e.maker or e.actor.id)
        if v is not None:
            return Vaccine(id=v.id, name=v.name, mention=ctx.doc[e.start : e.end].text)
    return None


def recent_vaccine(ctx: DocContext, sent: Span) -> Vaccine | None:
    """The vaccine of the previous sentences ("... begun producing the CanSino vaccine.
    The Chinese company transferred the technology ...")."""
    for e in reversed(ctx.ents.ents[: ctx.ents_before(sent.start)]):
        if e.start < sent.start - 80:
            break  # the mentions are in text order: all before it are further back
        if e.vaccine is not None:
            return e.vaccine
        if e.actor is not None and (e.maker or e.actor.id) in ctx.makers:
            v = ctx.makers[e.maker or e.actor.id]  # "a deal with Pfizer ... the shot"
            return Vaccine(id=v.id, name=v.name, mention=ctx.doc[e.start : e.end].text)
    return None


def channel(trig: Token, sent: Span, vent: Ent | None) -> str:
    """Donation or purchase, by the nearer cue when a sentence has both
    ("2 million doses purchased from Sinovac, along with 1 million donated by China")."""
    pivot = vent.start if vent is not None else trig.i
    best, dist = "unspecified", 10**6
    for t in sent:
        w = fold(t.text)
        kind = "donation" if w in GIFT_WORDS else "purchase" if w in PURCHASE_WORDS else None
        if kind and abs(t.i - pivot) < dist:
            best, dist = kind, abs(t.i - pivot)
    return best
