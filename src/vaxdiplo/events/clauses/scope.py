"""Scope of a trigger's clause: negation, modality, plans and futures, running totals,
and the constructions that only refer to an event (reduced relatives, attributive
participles, recalled past gifts).

:func:`mood` answers for the words of the trigger's own clause (a window cut at the
nearest clause boundary) and for the verb that governs a nominal trigger.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from vaxdiplo._text import fold
from vaxdiplo.events.candidate import FUTURE_OK
from vaxdiplo.events.context import DocContext, Facts
from vaxdiplo.events.lexicon import (
    AGREE_VERBS,
    CONTENT_VERBS,
    GIFT_NOUNS,
    MODALS,
    NEGATING_VERBS,
    NEGATIONS,
    PLAN_WORDS,
    PRODUCTION_WORDS,
    REQUEST_WORDS,
    VACCINE_NOUNS,
    forms_match,
)

__all__ = [
    "MATERIAL_WORDS",
    "attributive",
    "cumulative_context",
    "mood",
    "participle_by",
    "past_gift",
    "production_materials",
    "reduced_relative",
    "undated_perfect",
]

_BOUNDARIES = (",", ";", ":", "that", "which", "while", "after", "before", "as")
_PLAN_WHEN_TO = frozenset({"Delivery", "Approval", "PurchaseAgreement", "Meeting", "PhoneCall"})
_AGREED_WORDS = frozenset({"agreed", "signed", "deal", "agreement", "contract", "contracted"})
_PLAN_FREE = frozenset({"Request", "PhoneCall", "Meeting"})
_AIMED = frozenset({"Delivery", "PurchaseAgreement", "TechTransfer", "Approval"})
_PLEDGE_WORDS = ("promised", "pledged", "promise", "pledge")
_MADE_IN_TALKS = frozenset({"request", "pledge", "promise", "application"})
_RUNNING_ON = ("bringing", "brings", "raising", "taking the", "takes the", "took the")
"""A shipment of its own that takes a running total on ("..., bringing the total to")."""
_REQUEST_MADE = frozenset({"submitted", "submit", "made", "sent"})
"""Words that make a request rather than plan one ("submitted a request")."""
_TOTAL_PHRASES = (
    "so far",
    "to date",
    "in total",
    "bringing the total",
    "brings the total",
    "bringing the number",
    "has reached",
    "have reached",
    "the most vaccines",
)


def _future_talks(ctx: DocContext, trig: Token, sent: Span) -> bool:
    """Without a parser: a talk noun a few words after "will" in the same clause."""
    words = ctx.keys[max(sent.start, trig.i - 12) : trig.i]
    for k in range(len(words) - 1, -1, -1):
        if words[k] in _BOUNDARIES or words[k] in ("and", "but"):
            return False
        if words[k] in ("will", "'ll"):
            return True
    return False


_MODALS_OR_WILL = MODALS | {"will"}


def _clause_window(ctx: DocContext, trig: Token, sent: Span) -> list[str]:
    """Up to seven words before the trigger, cut at the nearest clause boundary.
    Month names ("May 14") and names ("Will") keep their capitals: they are no modals."""
    lo = max(sent.start, trig.i - 7)
    window = [
        ctx.doc[i].text if ctx.keys[i] in _MODALS_OR_WILL and ctx.doc[i].text[:1].isupper() else key
        for i, key in enumerate(ctx.keys[lo : trig.i], lo)
    ]
    for k in range(len(window) - 1, -1, -1):
        if window[k] in _BOUNDARIES:
            return window[k + 1 :]
    return window


def _negates(neg: Token, trig: Token) -> bool:
    """A negation word bears on the trigger: it hangs on the trigger, on a verb above it,
    or on one of the trigger's own dependents ("no vaccines arrived"), not on another
    noun ("received no response to their request")."""
    head = neg.head
    if head.i == trig.i or head.head.i == trig.i:
        return True
    return head.pos_ in ("VERB", "AUX") and trig in head.subtree


def _negated(ctx: DocContext, trig: Token, sent: Span, window: list[str]) -> bool:
    doc = ctx.doc
    if ctx.parsed:
        lo = max(sent.start, trig.i - len(window))
        if any(fold(t.text) in NEGATIONS and _negates(t, trig) for t in doc[lo : trig.i]):
            return True
    elif any(w in NEGATIONS for w in window):
        return True
    if any(w in NEGATING_VERBS for w in ctx.keys[sent.start : trig.i]):
        return True  # "denied that ... had met", "refused reports that it asked"
    if ctx.parsed and any(child.dep_ == "neg" for child in trig.children):
        return True
    after = ctx.keys[trig.i + 1 : min(sent.end, trig.i + 3)]
    return after[:1] == ["not"]


def _governing_mood(trig: Token, etype: str) -> str | None:
    """The mood of the verb above a nominal trigger ("will sign a deal", "plans a visit",
    "urging the company to accelerate delivery")."""
    node = trig
    for _ in range(4):
        if node.i == node.head.i:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        auxes = {fold(c.text) for c in node.children if c.dep_ in ("aux", "auxpass", "neg")}
        if node.dep_ == "xcomp":
            auxes.add("to")
        if auxes & NEGATIONS:
            return "negated"
        if auxes & MODALS or (auxes & {"will", "'ll"} and etype not in FUTURE_OK):
            return "future"
        if forms_match(node, PLAN_WORDS) and etype not in _PLAN_FREE:
            return "plan"
        agreed = fold(node.head.lemma_ or node.head.text) in AGREE_VERBS and etype in (
            "TechTransfer",
            "PurchaseAgreement",
        )
        if etype in _AIMED and (("to" in auxes and not agreed) or forms_match(node, CONTENT_VERBS)):
            return "plan"
        return None
    return None


_PLAN_NOUNS = frozenset({"plan", "plans", "intention", "intends", "aim", "target", "goal"})
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "dobj", "pobj", "prep", "advcl"})


def _asked_for(trig: Token) -> bool:
    """The trigger is inside what a request asks for ("urged China to deliver", "asked
    Bourla to increase the amount of vaccine provided"): not a fact."""
    node = trig
    for _ in range(6):
        if node.i == node.head.i or node.dep_ not in _COMPLEMENT_DEPS:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX") and fold(node.lemma_ or node.text) in REQUEST_WORDS:
            return True
    return False


def _planned(trig: Token, etype: str) -> bool:
    """The trigger is what a plan is about ("announce plans on Thursday to buy and donate
    500 million doses"): a plan noun or verb governs it, past the seven-word window."""
    node = trig
    for _ in range(6):
        if node.i == node.head.i or node.dep_ not in _COMPLEMENT_DEPS | {"conj"}:
            return False
        node = node.head
        word = fold(node.lemma_ or node.text)
        if word in _PLAN_NOUNS or (word in PLAN_WORDS and node.pos_ in ("VERB", "NOUN")):
            return not (etype == "DonationPledge" and word in (*_PLEDGE_WORDS, "set"))
    return False


def mood(ctx: DocContext, trig: Token, sent: Span, etype: str) -> str | None:
    """``"negated"``, ``"modal"``, ``"future"``, ``"plan"`` or None (a fact) for an
    event of ``etype`` announced by ``trig`` (``"Request"`` for either request type)."""
    window = _clause_window(ctx, trig, sent)
    if _negated(ctx, trig, sent, window):
        return "negated"
    if any(w in MODALS for w in window):
        if not (etype in FUTURE_OK and "would" in window):
            return "modal"
    if etype not in FUTURE_OK and ("will" in window or "'ll" in window):
        if etype not in ("TechTransfer",):
            return "future"
    if not ctx.parsed and etype == "Meeting" and _future_talks(ctx, trig, sent):
        return "future"  # "will announce the deal on Thursday at the G7 meeting"
    if (len(window) >= 1 and window[-1] == "to") or window[-2:] == ["to", "be"]:
        set_to = etype == "DonationPledge" and window[-2:] == ["set", "to"]
        set_to = set_to or "first" in window[-4:-1]  # "the world's first nation to register"
        if etype in _PLAN_WHEN_TO and not (set(window) & _AGREED_WORDS) and not set_to:
            return "plan"
    if ctx.parsed and trig.pos_ in ("NOUN", "PROPN"):
        governed = _governing_mood(trig, etype)
        if governed is not None:
            return governed
    if ctx.parsed and trig.dep_ == "conj" and trig.head.pos_ in ("VERB", "AUX"):
        shared = {fold(c.text) for c in trig.head.children if c.dep_ in ("aux", "neg")}
        if shared & ({"will", "'ll"} | MODALS) and etype not in FUTURE_OK:
            return "future"  # "will co-chair the meeting ... and hold talks with"
    if ctx.parsed and etype not in ("Request", "PhoneCall", "Meeting") and _asked_for(trig):
        return "plan"  # "asked Pfizer to increase the amount of vaccine provided to Japan"
    if ctx.parsed and etype not in ("Request", "PhoneCall", "Meeting") and _planned(trig, etype):
        return "plan"
    if etype == "Meeting" and window[-1:] == ["in"]:
        return "plan"  # "still in talks with": negotiations under way
    plan = [w for w in window if w in PLAN_WORDS]
    if etype == "Request":
        plan = [w for w in plan if w not in REQUEST_WORDS | _REQUEST_MADE]
    if etype == "DonationPledge":  # "is set to donate": an announced gift
        plan = [w for w in plan if w not in (*_PLEDGE_WORDS, "set")]
    if etype in ("PhoneCall", "Meeting"):
        plan = [w for w in plan if w not in _MADE_IN_TALKS]  # "the request was conveyed
        # to him during his meetings in Colombo today": what the talks were about
    return "plan" if plan else None


def _asides(ctx: DocContext, trig: Token, sent: Span) -> set[int]:
    """Tokens of appositions and relative clauses that do not hold the trigger ("arrived
    in Abuja, the third and largest delivery so far to an African country")."""
    if not ctx.parsed:
        return set()
    out: set[int] = set()
    for t in sent:
        if t.dep_ in ("appos", "relcl") and trig not in t.subtree:
            out.update(x.i for x in t.subtree)
    return out


def cumulative_context(
    ctx: DocContext, trig: Token, sent: Span, *, new_before_total: bool = False
) -> bool:
    """A running total is reported, and no count of this event's own is given
    ("..., bringing the total received to 24 million" keeps "one million doses"). With
    ``new_before_total``, what a sentence reports before "bringing the total to" is new
    ("authorized in Montenegro and Saint Vincent, bringing the total number of
    countries to 26")."""
    asides = _asides(ctx, trig, sent)
    low = " ".join(ctx.keys[i] for i in range(sent.start, sent.end) if i not in asides)
    if new_before_total and any(w in low for w in _RUNNING_ON):
        return False
    doses = ctx.facts(sent)["doses"]
    own_count = any(not q.cumulative for _, q in doses)
    if any(cue in low for cue in ("so far", "to date", "in total", "altogether")) and not (
        own_count and any(w in low for w in _RUNNING_ON)
    ):
        return True  # "has so far supplied ..., of which 6.47 million doses were grants"
    if own_count:
        return False
    return any(p in low for p in _TOTAL_PHRASES)


_ONE_SHIPMENT = frozenset(
    "first second third latest another batch consignment shipment tranche".split()
)
"""Words that make "N doses have arrived" one shipment, not a running total."""


def _half_of(sent: Span) -> bool:
    """ "the first half of the doses" (one shipment), not "half a million doses"."""
    return any(t.lower_ == "half" and t.i + 1 < sent.end and t.nbor().lower_ == "of" for t in sent)


def undated_perfect(ctx: DocContext, trig: Token, sent: Span, facts: Facts) -> bool:
    """ "1.2 million doses have arrived": a running total, not a shipment."""
    before = ctx.keys[max(sent.start, trig.i - 4) : trig.i]
    if not ({"has", "have"} & set(before)):
        return False
    if facts["words"] & {"since", "already", "altogether", "far"}:
        return True
    if "total" in facts["words"]:  # "has received a total of 348,000 doses ... on March 7"
        return not (_one_day(facts) and "as" not in facts["words"])
    if facts["words"] & _ONE_SHIPMENT or _half_of(sent):
        return False  # "the first half of more than 5.6 million doses have arrived"
    return any(q.approximate for _, q in facts["doses"])


def _one_day(facts: Facts) -> bool:
    """The sentence names one calendar day ("on March 7"), the day of one arrival."""
    days = {d.value for _, d in facts["dates"] if d.value is not None}
    return len(days) == 1


def past_gift(ctx: DocContext, trig: Token, sent: Span) -> bool:
    """ "China has earlier gifted 15 million doses", "the largest such gift", "first
    donated ... followed by": past gifts recalled in passing, not pledges."""
    words = [fold(t.text) for t in sent]
    recalled = {"earlier", "previously", "already"} & set(words)
    past = any(w in ("gifted", "donated") for w in words)
    if fold(trig.text) in ("gifted", "donated") and {"first", "followed"} & set(words):
        return True  # "Japan first donated 1.24 million doses ... on June 4, followed by ..."
    return bool(recalled and past) or ("such" in words and fold(trig.text) in GIFT_NOUNS)


def reduced_relative(ctx: DocContext, trig: Token) -> bool:
    """ "doses Washington has promised", "the vaccines China had pledged"."""
    j = trig.i - 1
    if j >= 0 and fold(ctx.doc[j].text) in ("has", "have", "had"):
        j -= 1
    elif not fold(trig.text).endswith("ed"):
        return False  # without an auxiliary only a past form makes a reduced relative
    e = ctx.ent_at.get(j)
    if e is None or e.actor is None:
        return False
    j = e.start - 1
    return j >= 0 and fold(ctx.doc[j].text) in VACCINE_NOUNS


def attributive(ctx: DocContext, trig: Token) -> bool:
    """ "Japan-donated vaccines", "the donated doses": a modifier, not a pledge."""
    if trig.i > 0 and ctx.doc[trig.i - 1].text in ("-", "–"):
        return True
    if not ctx.parsed:
        return participle_by(ctx, trig)
    return trig.dep_ in ("amod", "compound")


_AUXILIARIES = frozenset("has have had was were is are be been being".split())


def participle_by(ctx: DocContext, trig: Token) -> bool:
    """Without a parser: "doses of the Pfizer vaccine donated by the US", "raw materials
    sought by vaccine manufacturers": a participle describing a noun, with no auxiliary
    before it, refers to an event told elsewhere."""
    doc = ctx.doc
    return (
        trig.text.lower().endswith(("ed", "ught"))
        and trig.i + 1 < len(doc)
        and fold(doc[trig.i + 1].text) == "by"
        and trig.i > 0
        and fold(doc[trig.i - 1].text) not in _AUXILIARIES
        and doc[trig.i - 1].is_alpha
    )


MATERIAL_WORDS = frozenset({"bulk", "concentrate", "substance", "ingredient", "ingredients"})
"""What is only made for local filling and production."""


def production_materials(facts: Facts) -> bool:
    words = facts["words"]
    if words & MATERIAL_WORDS:
        return True  # only made for local filling and production
    materials = {
        "bulk",
        "concentrate",
        "materials",
        "ingredient",
        "ingredients",
        "substance",
        "documentation",
        "lines",
        "know-how",
    }
    return bool(words & materials) and bool(words & PRODUCTION_WORDS)
