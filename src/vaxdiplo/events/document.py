"""The document pass: from the candidates of every trigger to one event per
real-world event, as a short ordered list of named steps (:data:`STEPS`).

Each step reads and rewrites a :class:`DocumentState`:

1. ``keep_best_per_sentence``: several triggers of one type in one sentence name one
   event, unless they differ in an explicit role or quantity;
2. ``set_anaphors_aside``: "the call", "the deal" only add to an event found elsewhere;
3. ``expand_separately``: "met A, B and C separately" is one meeting per partner;
4. ``drop_unplaced_people``: a person no one can place is no party;
5. ``drop_background``: attributive purchases ("doses bought by the government"), and
   gifts or purchases that only describe a shipment of the same sentence;
6. ``merge_mentions``: valid candidates that are one event merge (evidence, roles,
   date, vaccine, quantities), in order of appearance;
7. ``attach_anaphors``: anaphors add evidence, vaccine and money to the event meant;
8. ``date_from_anaphors``: a sentence that refers to a dated event takes its date
   ("During the meeting, X announced that ...");
9. ``date_requests``: a request or pledge made in a call or meeting takes its date
   (EVENTS.md §7.5), and its addressee when the call had two sides;
10. ``recipient_from_talks``: a pledge made in two-sided talks is to the other side;
11. ``date_from_remarks``: talks in which reported remarks were made take the day of
    the report ("X said Wednesday ... X made the remarks in a phone call with Y");
12. ``channel_from_followups``: a later sentence about the shipment gives its channel;
    ``split_by_composition``: one that lists its parts ("included 2 million doses
    purchased ... and 500,000 doses donated") makes one delivery per part;
13. ``covax_from_context``: a guessed supplier gives way to COVAX when the sentence
    before speaks of COVAX shipments;
14. ``channel_from_pledges``: a delivery between the parties of a reported pledge is a
    donation, and comes from the pledge's donor when its supplier was only guessed;
15. ``drop_weak_meetings``: talks that are the document's phone call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from vaxdiplo._text import fold
from vaxdiplo.events.candidate import KEY_ROLE, ROLE_ORDER, Candidate
from vaxdiplo.events.composition import split_by_composition
from vaxdiplo.events.context import DocContext
from vaxdiplo.events.lexicon import GIFT_NOUNS, REPORT_VERBS, forms_match
from vaxdiplo.events.made_in_talks import date_requests, recipient_from_talks
from vaxdiplo.models import Actor

__all__ = ["STEPS", "DocumentState", "document_pass"]


@dataclass
class DocumentState:
    """What the document pass works on."""

    events: list[Candidate]
    """The candidates, then the merged events."""
    anaphors: list[Candidate] = field(default_factory=list)
    anaphor_dates: dict[int, tuple[dt.date, str]] = field(default_factory=dict)
    """Sentence start -> the date and type of the event an anaphor there refers to."""


def document_pass(ctx: DocContext, cands: list[Candidate]) -> list[Candidate]:
    """Run :data:`STEPS` over the document's candidates; the events that remain."""
    state = DocumentState(list(cands))
    for step in STEPS:
        step(ctx, state)
    return state.events


def keep_best_per_sentence(ctx: DocContext, state: DocumentState) -> None:
    cands = state.events
    """Several triggers of one type in one sentence usually name one event: keep the
    best-filled candidate, unless the others differ in an explicit role or quantity."""
    appositive = {(c.type, c.sent_starts[0]) for c in cands if c.trigger_dep not in ("appos",)}
    cands = [
        c
        for c in cands
        if not (c.trigger_dep == "appos" and (c.type, c.sent_starts[0]) in appositive)
    ]  # "received 141,600 doses, the first consignment of the 13 million ordered"
    out: list[Candidate] = []
    for c in cands:
        twin = next(
            (
                o
                for o in out
                if o.type == c.type
                and o.sent_starts == c.sent_starts
                and o.trigger_i != c.trigger_i
                and _same_sentence_event(ctx, o, c)
            ),
            None,
        )
        if twin is None:
            out.append(c)
        elif _filled(c) > _filled(twin):
            out[out.index(twin)] = c
    state.events = out


def _same_sentence_event(ctx: DocContext, a: Candidate, b: Candidate) -> bool:
    if a.doses is not None and b.doses is not None and a.doses != b.doses:
        return False
    if a.vaccine and b.vaccine and a.vaccine.id != b.vaccine.id:
        return False
    if a.type in ("PhoneCall", "Meeting"):
        return True
    if a.doses is not None and a.doses == b.doses and _party_set(a) == _party_set(b):
        return True  # the same shipment read twice, its sides swapped by one reading
    for role in ROLE_ORDER[a.type]:
        if role in a.weak_roles or role in b.weak_roles:
            continue
        pa, pb = ctx.state(a.party(role)), ctx.state(b.party(role))
        if pa is not None and pb is not None and pa != pb:
            return False
    return True


def _party_set(c: Candidate) -> set[str | None]:
    return {c.party(role) for role in ROLE_ORDER[c.type]} - {None}


def _filled(c: Candidate) -> float:
    n = 0.0
    for role in ROLE_ORDER[c.type]:
        v = c.roles.get(role)
        if v:
            n += 0.5 if role in c.weak_roles else 1.0
    return (
        n
        + (c.vaccine is not None) * 0.5
        + (c.doses is not None) * 0.5
        + (c.date is not None) * 0.25
    )


_TALKS = ("PhoneCall", "Meeting")


def set_anaphors_aside(ctx: DocContext, state: DocumentState) -> None:
    """Anaphoric candidates ("during the call") start no event, unless they are talks
    between two named sides that nothing before tells of ("At the talks with Russian
    President Vladimir Putin in Moscow on Wednesday, Nazarbayev thanked him")."""
    talks = [c.sent_starts[0] for c in state.events if c.type in _TALKS and not c.anaphoric]
    first = min(talks, default=len(ctx.doc))
    own = [
        c
        for c in state.events
        if c.anaphoric and c.type in _TALKS and len(c.parties()) >= 2 and c.sent_starts[0] < first
    ]
    state.anaphors = [c for c in state.events if c.anaphoric and c not in own]
    state.events = [c for c in state.events if not c.anaphoric or c in own]


def expand_separately(ctx: DocContext, state: DocumentState) -> None:
    """ "met A, B and C separately": one meeting of the subject with each partner."""
    expanded: list[Candidate] = []
    for c in state.events:
        others = c.roles.pop("separately", None)
        if not others:
            expanded.append(c)
            continue
        for o in others:
            d = c.copy()
            both = {p.party: p for p in [*c.roles["participants"], o]}  # each party once
            d.roles["participants"] = list(both.values())
            d.trace.append(f"separately: {o.party}")
            d.trigger_i = c.trigger_i * 100 + len(expanded)
            expanded.append(d)
    state.events = expanded


def _placed(actor: Any) -> bool:
    return not (actor.kind == "person" and actor.party == actor.id)


def drop_unplaced_people(ctx: DocContext, state: DocumentState) -> None:
    """A person the registry and the text cannot place (no country, no organisation) is
    no party: an event never names a person's id as a party."""
    for c in state.events:
        for role, value in list(c.roles.items()):
            if isinstance(value, list):
                c.roles[role] = [a for a in value if _placed(a)]
            elif value is not None and not _placed(value):
                c.roles[role] = None


def _describes(c: Candidate) -> bool:
    return fold(c.trigger) in GIFT_NOUNS or c.trigger_dep in ("acl", "amod")


def _between_parties(ctx: DocContext, c: Candidate) -> bool:
    """ "the 5.2 million vaccines agreed between Bolivia and Russia": the phrase states the
    deal and both its sides."""
    nxt = c.trigger_i + 1
    return 0 <= nxt < len(ctx.doc) and ctx.doc[nxt].lower_ == "between"


def drop_background(ctx: DocContext, state: DocumentState) -> None:
    """ "doses bought by the government are expected": background, not the deal;
    "1 million doses, a gift from Beijing, landed": the gift is the shipment."""
    cands = [
        c
        for c in state.events
        if not (
            c.type == "PurchaseAgreement"
            and c.trigger_dep in ("acl", "amod")
            and not _between_parties(ctx, c)
        )
    ]
    delivered = {st for c in cands if c.type == "Delivery" for st in c.sent_starts}
    state.events = [
        c
        for c in cands
        if not (
            c.type in ("DonationPledge", "PurchaseAgreement")
            and _describes(c)
            and set(c.sent_starts) <= delivered
        )
    ]


def merge_mentions(ctx: DocContext, state: DocumentState) -> None:
    """Valid candidates, each merged into the first event it is the same as."""
    out: list[Candidate] = []
    for c in state.events:
        if not valid(ctx, c):
            continue
        for o in out:
            if o.type == c.type and same_event(ctx, o, c):
                absorb(o, c)
                break
        else:
            out.append(c)
    state.events = out


def attach_anaphors(ctx: DocContext, state: DocumentState) -> None:
    """Each anaphor adds to the latest event of its kind before it."""
    for a in state.anaphors:
        _attach_anaphor(state, a)


def date_from_anaphors(ctx: DocContext, state: DocumentState) -> None:
    """ "During the meeting, Liao announced that China would donate ...": the sentence
    refers to the meeting, and the pledge takes its date."""
    for c in state.events:
        if c.date is None and not c.date_conflict and c.type not in ("PhoneCall", "Meeting"):
            hit = state.anaphor_dates.get(c.sent_starts[0])
            if hit is not None:
                c.date = hit[0]
                c.trace.append(f"date {hit[0]} <- the {hit[1]} the sentence refers to")


_REMARKS = ("remarks", "comments", "statement")


def _reported_day(ctx: DocContext, sent: Any) -> dt.date | None:
    """The day a sentence's reporting verb gives ("Xi said Wednesday that ...")."""
    for tok_i, d in ctx.facts(sent)["dates"]:
        near = ctx.doc[max(sent.start, tok_i - 3) : min(sent.end, tok_i + 3)]
        if d.value is not None and any(forms_match(t, REPORT_VERBS) for t in near):
            return d.value
    return None


def date_from_remarks(ctx: DocContext, state: DocumentState) -> None:
    """ "Xi said Wednesday that ... Xi made the remarks in a phone conversation with
    Putin": talks in which the remarks were made take the day they were reported."""
    for c in state.events:
        if c.type not in ("PhoneCall", "Meeting") or c.date is not None or c.date_conflict:
            continue
        sent = ctx.sentence(c.sent_starts[0])
        words = ctx.facts(sent)["words"]
        if not (words & set(_REMARKS) and words & {"made", "makes", "gave"}) or sent.start == 0:
            continue
        day = _reported_day(ctx, ctx.sentence(sent.start - 1))
        if day is not None:
            c.date = day
            c.trace.append(f"date {day} <- the report of the remarks made in it")


def channel_from_pledges(ctx: DocContext, state: DocumentState) -> None:
    """A delivery between the donor and recipient of a reported pledge is a donation; a
    delivery whose supplier was only guessed (the vaccine's maker) to the recipient of a
    pledge comes from its donor ("200,000 doses reached Guatemala. India has sent these as
    a gift to Guatemala.")."""
    pledges = [c for c in state.events if c.type == "DonationPledge" and c.party("donor")]
    pledged = {(c.party("donor"), c.party("recipient")) for c in pledges}
    for c in state.events:
        if c.type != "Delivery":
            continue
        if "supplier" in c.weak_roles and c.channel == "unspecified":
            donors = {
                p.party("donor") for p in pledges if p.party("recipient") == c.party("recipient")
            }
            if len(donors) == 1:
                donor = next(p for p in pledges if p.party("recipient") == c.party("recipient"))
                c.roles["supplier"] = donor.roles["donor"]
                c.weak_roles.discard("supplier")
                c.trace.append(f"supplier {donor.party('donor')} <- the pledge to the recipient")
        if c.channel == "unspecified" and (c.party("supplier"), c.party("recipient")) in pledged:
            c.channel = "donation"
            c.trace.append("channel donation <- the document reports the pledge")


_SHIPPING = frozenset(
    "shipments shipment deliveries delivery doses arrive arrived arriving".split()
)


def covax_from_context(ctx: DocContext, state: DocumentState) -> None:
    """ "Vaccine shipments through COVAX continue to arrive across Africa. South Sudan
    received its first batch ...": a delivery whose supplier was only guessed comes
    through COVAX when the sentence before speaks of COVAX shipments."""
    covax = None
    for c in state.events:
        if c.type != "Delivery" or c.channel != "unspecified":
            continue
        if c.party("supplier") is not None and "supplier" not in c.weak_roles:
            continue
        start = c.sent_starts[0]
        if start == 0:
            continue
        words = ctx.facts(ctx.sentence(start - 1))["words"]
        if "covax" in words and words & _SHIPPING:
            covax = covax or _covax_actor(ctx)
            c.roles["supplier"] = covax
            c.weak_roles.discard("supplier")
            c.channel = "covax"
            c.trace.append("supplier COVAX <- COVAX shipments in the sentence before")


def _covax_actor(ctx: DocContext) -> Any:
    org = ctx.registry.org("COVAX")
    return Actor(kind="international_org", name=org.name, id="COVAX", party="COVAX")


def drop_weak_meetings(ctx: DocContext, state: DocumentState) -> None:
    """Talks reported beside a phone call ("talks with") are that call."""
    if any(c.type == "PhoneCall" for c in state.events):
        state.events = [c for c in state.events if not (c.type == "Meeting" and c.weak)]


def _attach_anaphor(state: DocumentState, a: Candidate) -> None:
    """ "During the call, ...", "The contract is worth ...": add to the event meant."""
    kinds = ("PhoneCall", "Meeting") if a.type in ("PhoneCall", "Meeting") else (a.type,)
    before = [e for e in state.events if e.type in kinds and min(e.sent_starts) <= a.sent_starts[0]]
    if not before:
        return
    same = [e for e in before if e.type == a.type] or before
    target = max(same, key=lambda e: max(s for s in e.sent_starts if s <= a.sent_starts[0]))
    target.vaccine = target.vaccine or a.vaccine
    if target.date is None and a.date is not None and a.type == target.type:
        target.date = a.date  # "..., on Tuesday signed the agreement with Pfizer"
        target.trace.append(f"date {a.date} <- the anaphor")
    if target.type in ("PurchaseAgreement", "DonationPledge"):
        target.money = target.money or a.money
    for ev in a.evidence:
        if ev not in target.evidence:
            target.evidence.append(ev)
    target.trace.append(f"-- anaphor {a.rule} {a.trigger!r} adds evidence --")
    if target.date is not None:
        state.anaphor_dates[a.sent_starts[0]] = (target.date, target.type)


_GIVE_WORDS = frozenset("sent donated gifted delivered provided shipped gave".split())


def _giver_from_followup(ctx: DocContext, c: Candidate, sent: Any) -> None:
    """ "... reached Guatemala. India has sent these as a gift": the giver the later
    sentence names replaces a supplier only guessed from the vaccine's maker."""
    for e in ctx.facts(sent)["ents"]:
        if e.actor is not None and e.kind == "country" and e.actor.party != c.party("recipient"):
            c.roles["supplier"] = e.actor
            c.weak_roles.discard("supplier")
            c.trace.append(f"supplier {e.actor.party} <- the giver a later sentence names")
            return


_REFERRING = frozenset(
    {"shipment", "consignment", "batch", "doses", "vaccines", "delivery", "quantity", "cargo"}
)
_ARRIVAL_WORDS = frozenset("arrived landed unloaded received reached delivered".split())


def _refers_to_shipment(words: list[str]) -> bool:
    """ "The shipment was purchased ...", "This is part of the contracted quantity",
    "India has sent these as a gift": the sentence is about a shipment told before."""
    pairs = list(pairwise(words))
    return (
        any(a in ("the", "this", "that", "these") and b in _REFERRING for a, b in pairs)
        or any(a in _GIVE_WORDS and b in ("these", "them") for a, b in pairs)
        or bool(pairs and pairs[0][0] in ("this", "it") and pairs[0][1] in ("is", "was"))
    )


def channel_from_followups(ctx: DocContext, state: DocumentState) -> None:
    """ "... arrived on Wednesday night. The shipment was purchased under the government's
    agreements with Pfizer.": a later sentence tells how the doses were obtained, and on
    which day they were unloaded."""
    events = state.events
    deliveries = sorted((c for c in events if c.type == "Delivery"), key=lambda c: c.sent_starts[0])
    if not deliveries:
        return
    starts = {st for c in events for st in c.sent_starts}
    for start, end in ctx.sentences:
        before = [c for c in deliveries if c.sent_starts[0] < start]
        if start in starts or not before:
            continue
        words = [ctx.keys[i] for i in range(start, end) if not ctx.puncts[i]]
        if not _refers_to_shipment(words):
            continue
        sent, c = ctx.doc[start:end], before[-1]
        kind = (
            "purchase"
            if set(words) & {"purchased", "bought", "procured"}
            else "donation"
            if set(words) & {"donated", "gifted", "donation", "gift", "grant"}
            else None
        )
        if kind and c.channel == "unspecified":
            c.channel = kind
            c.trace.append(f"channel {kind} <- a later sentence about the shipment")
            if kind == "donation" and "supplier" in c.weak_roles:
                _giver_from_followup(ctx, c, sent)
        days = [d.value for _, d in ctx.facts(sent)["dates"] if d.value is not None]
        if (
            c.date is None
            and not c.date_conflict
            and len(days) == 1
            and set(words) & _ARRIVAL_WORDS
        ):
            c.date = days[0]  # "The doses were unloaded at Queen Alia Airport on Saturday."
            c.trace.append(f"date {days[0]} <- a later sentence about the shipment")


def valid(ctx: DocContext, c: Candidate) -> bool:
    if c.type in ("PhoneCall", "Meeting"):
        return len(c.parties()) >= 2
    pair = {
        "Delivery": ("supplier", "recipient"),
        "DonationPledge": ("donor", "recipient"),
        "TechTransfer": ("provider", "recipient"),
        "PurchaseAgreement": ("seller", "buyer"),
    }
    if c.type in pair:
        a, b = pair[c.type]
        if c.party(a) is not None and c.party(a) == c.party(b):
            if b in c.weak_roles:
                c.roles[b] = None
                c.weak_roles.discard(b)
            else:
                return False
    key = KEY_ROLE[c.type]
    if c.type == "DonationPledge":
        return c.roles.get("donor") is not None or c.roles.get("recipient") is not None
    if c.type == "Approval":
        return c.roles.get(key) is not None and c.vaccine is not None
    return c.roles.get(key) is not None


def _compatible(a: Any, b: Any) -> bool:
    return a is None or b is None or a == b


def same_event(ctx: DocContext, o: Candidate, c: Candidate) -> bool:
    if o.type == "Meeting" and o.parties() == c.parties():
        return True
    if not _compatible(o.date, c.date) and o.type not in ("PhoneCall",):
        return False
    if o.type == "PhoneCall":
        a, b = o.parties(), c.parties()
        return bool(a & b) and (a <= b or b <= a or "participants" in o.weak_roles | c.weak_roles)
    if o.type == "Meeting":
        return bool(o.parties() & c.parties()) and (
            len(o.parties() & c.parties()) >= 2
            or min(len(o.parties()), len(c.parties())) <= 1
            or o.parties() == c.parties()
        )
    vac_ok = _compatible(o.vaccine and o.vaccine.id, c.vaccine and c.vaccine.id)
    dose_ok = _compatible(o.doses, c.doses)
    for role in ROLE_ORDER[o.type]:
        if role in o.weak_roles or role in c.weak_roles:
            continue
        a, b = o.party(role), c.party(role)
        if role != KEY_ROLE.get(o.type):
            a, b = ctx.state(a), ctx.state(b)
        if role == "supplier" and "COVAX" in (a, b) and "donation" in (o.channel, c.channel):
            continue  # a country's gift delivered through COVAX (§7.9)
        if not _compatible(a, b):
            return False
    if o.type == "Approval":
        return vac_ok
    return vac_ok and dose_ok


def absorb(o: Candidate, c: Candidate) -> None:
    if o.type in ("PhoneCall", "Meeting"):
        have = o.parties()
        for a in c.roles.get("participants", []):
            if a.party not in have:
                o.roles["participants"].append(a)
                have.add(a.party)
        if o.roles.get("location") is None and c.roles.get("location") is not None:
            o.roles["location"] = c.roles["location"]
    else:
        for role in ROLE_ORDER[o.type]:
            if c.roles.get(role) is None:
                continue
            if o.roles.get(role) is None or (role in o.weak_roles and role not in c.weak_roles):
                o.roles[role] = c.roles[role]
                if role not in c.weak_roles:
                    o.weak_roles.discard(role)
    if o.date is not None and c.date is not None and o.date != c.date:
        o.date = None
        o.date_conflict = True
    elif o.date is None and not o.date_conflict:
        o.date = c.date
    o.vaccine = o.vaccine or c.vaccine
    o.doses = o.doses if o.doses is not None else c.doses
    o.money = o.money or c.money
    if o.approval == "unspecified":
        o.approval = c.approval
    if o.channel == "unspecified":
        o.channel = c.channel
    elif o.type == "Delivery" and o.channel == "donation" and c.channel == "covax":
        o.channel = "covax"  # a gift delivered through COVAX comes from COVAX (§7.9)
        o.roles["supplier"] = c.roles.get("supplier")
    for ev in c.evidence:
        if ev not in o.evidence:
            o.evidence.append(ev)
    o.trace.extend(["-- merged --", *c.trace])
    o.confidence = min(1.0, o.confidence + 0.05)


Step = Callable[[DocContext, DocumentState], None]

STEPS: tuple[Step, ...] = (
    keep_best_per_sentence,
    set_anaphors_aside,
    expand_separately,
    drop_unplaced_people,
    drop_background,
    merge_mentions,
    attach_anaphors,
    date_from_anaphors,
    date_requests,
    recipient_from_talks,
    date_from_remarks,
    channel_from_followups,
    split_by_composition,
    covax_from_context,
    channel_from_pledges,
    drop_weak_meetings,
)
"""The document pass, in order."""
