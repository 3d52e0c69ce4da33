"""Clause analysis alone (``vaxdiplo.events.clauses``): a table of sentences -> the
relation of each named party to the trigger, and the mood of the trigger's clause,
in both modes (parsed, and rules-only from word order)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaxdiplo.events.clauses import arguments, mood
from vaxdiplo.events.context import DocContext

MODES = ("extractor", "rules_extractor")

# (case id, sentence, trigger word, {party: relation}, modes where it is a known gap)
ARGUMENT_CASES = [
    (
        "active",
        "China donated 500,000 doses to Nepal.",
        "donated",
        {"CHN": "subj", "NPL": "to"},
        {},
    ),
    (
        "passive",
        "500,000 doses were donated by China to Nepal.",
        "donated",
        {"CHN": "agent", "NPL": "to"},
        {},
    ),
    (
        "nominal-possessive",
        "China's donation of 500,000 doses to Nepal arrived on Monday.",
        "donation",
        {"CHN": "poss", "NPL": "to"},
        {"extractor": "the parser hangs 'to Nepal' under 'doses of', read as 'of'"},
    ),
    (
        "nominal-from",
        "Laos received a donation of vaccines from China.",
        "donation",
        {"CHN": "from"},
        {"extractor": "the parser attaches 'from China' under 'of vaccines'"},
    ),
    (
        "coordination",
        "India sent vaccines to Nepal, Bhutan and the Maldives.",
        "sent",
        {"IND": "subj", "NPL": "to", "BTN": "to", "MDV": "to"},
        {},
    ),
    (
        "control",
        "Russia agreed to supply Sputnik V to Vietnam.",
        "supply",
        {"RUS": "subj", "VNM": "to"},
        {},
    ),
    (
        "relative-clause",
        "The vaccines, which China donated to Cambodia, arrived.",
        "donated",
        {"CHN": "subj", "KHM": "to"},
        {},
    ),
    (
        "received-from",
        "Vietnam received 1 million doses from Japan.",
        "received",
        {"VNM": "subj", "JPN": "from"},
        {},
    ),
    (
        "thanked",
        "Nepal thanked India for the gift of vaccines.",
        "gift",
        {"NPL": "thanker", "IND": "thanked"},
        {},
    ),
    (
        "thanks-to",
        "Nepal expressed thanks to India for the gift of vaccines.",
        "gift",
        {"NPL": "thanker", "IND": "thanked"},
        {},
    ),
    (
        "object",
        "Vietnam asked Russia to transfer vaccine technology.",
        "asked",
        {"VNM": "subj", "RUS": "obj"},
        {},
    ),
    (
        "reported-speech",
        "Russia will supply vaccines to Laos next month, Vietnam's foreign minister said.",
        "supply",
        {"RUS": "subj", "LAO": "to", "VNM": "speaker"},
        {},
    ),
    (
        "pronoun-under-report",
        "China said on Monday it had donated vaccines to Laos.",
        "donated",
        {"CHN": "speaker", "LAO": "to"},
        {"rules_extractor": "the speaker before the trigger reads as its subject"},
    ),
    (
        "apposition-subject",
        "Sinovac, a Chinese company, sold doses to Chile.",
        "sold",
        {"SINOVAC": "subj", "CHL": "to"},
        {},
    ),
    (
        "apposition-object",
        "Chile bought doses from Sinovac, the Chinese company.",
        "bought",
        {"CHL": "subj", "SINOVAC": "from"},
        {},
    ),
    (
        "apposition-country",
        "The US, the largest donor, shipped doses to Ghana.",
        "shipped",
        {"USA": "subj", "GHA": "to"},
        {"extractor": "a subject followed by an apposition is not related"},
    ),
]

MOOD_CASES = [
    (
        "fact",
        "Pakistan has bought 23 million doses from China.",
        "bought",
        "PurchaseAgreement",
        None,
    ),
    ("modal", "Pakistan may buy 23 million doses from China.", "buy", "PurchaseAgreement", "modal"),
    (
        "modal-outside-clause",
        "It may be noted that Pakistan has bought 23 million doses.",
        "bought",
        "PurchaseAgreement",
        None,
    ),
    ("negated", "Japan did not donate vaccines to Vietnam.", "donate", "Delivery", "negated"),
    ("future", "Indonesia will receive doses from China.", "receive", "Delivery", "future"),
    (
        "future-pledge",
        "Japan will donate 1 million doses to Vietnam.",
        "donate",
        "DonationPledge",
        None,
    ),
    ("plan", "China plans to donate 1 million doses to Laos.", "donate", "Delivery", "plan"),
    ("raising", "China is expected to deliver more doses to Laos.", "deliver", "Delivery", "plan"),
    ("month-may", "The doses arrived in May from China.", "arrived", "Delivery", None),
    (
        "talks-far-after-will",
        "Biden will announce the deal on Thursday at the G7 meeting in Britain.",
        "meeting",
        "Meeting",
        "future",
    ),
    (
        "talks-after-will-in-another-clause",
        "Biden will announce the deal, and the G7 meeting in Britain agreed to it.",
        "meeting",
        "Meeting",
        None,
    ),
]


def _context(extractor, text: str) -> tuple[DocContext, object]:
    doc = extractor.process(text, published="2021-06-01")
    finder = extractor.nlp.get_pipe("vaxdiplo_events").finder
    ctx = DocContext(doc, doc._.vaxdiplo_entities, None, finder.registry, finder.makers)
    return ctx, doc


def _cases(table, gaps_at: int):
    for mode in MODES:
        for case in table:
            marks = []
            gap = case[gaps_at].get(mode) if isinstance(case[gaps_at], dict) else None
            if gap:
                marks.append(pytest.mark.xfail(reason=gap, strict=True))
            yield pytest.param(mode, *case[1:gaps_at], id=f"{mode}-{case[0]}", marks=marks)


@pytest.mark.parametrize(("mode", "text", "trigger", "expected"), list(_cases(ARGUMENT_CASES, 4)))
def test_events_clauses_arguments_table(request, mode, text, trigger, expected):
    ctx, doc = _context(request.getfixturevalue(mode), text)
    trig = next(t for t in doc if t.text == trigger)
    found: dict[str, str] = {}
    for arg in arguments(ctx, trig.sent, trig):
        found.setdefault(arg.actor.party, arg.rel)
    assert {party: found.get(party) for party in expected} == expected


@pytest.mark.parametrize(
    ("mode", "text", "trigger", "etype", "expected"),
    [
        pytest.param(mode, *case[1:], id=f"{mode}-{case[0]}")
        for mode in MODES
        for case in MOOD_CASES
    ],
)
def test_events_clauses_mood_table(request, mode, text, trigger, etype, expected):
    ctx, doc = _context(request.getfixturevalue(mode), text)
    trig = next(t for t in doc if t.text == trigger)
    assert mood(ctx, trig, trig.sent, etype) == expected


def test_events_clauses_actor_inside_relative_clause_keeps_subject(extractor):
    ctx, doc = _context(extractor, "Vietnam, which borders China, received doses from Japan.")
    trig = next(t for t in doc if t.text == "received")
    rels = {a.actor.party: a.rel for a in arguments(ctx, trig.sent, trig)}
    assert rels["VNM"] == "subj"
    assert rels["JPN"] == "from"


@pytest.mark.xfail(
    reason="an actor inside a relative clause on the subject reads as the subject", strict=True
)
def test_events_clauses_unrelated_actor_is_other(extractor):
    ctx, doc = _context(extractor, "Vietnam, which borders China, received doses from Japan.")
    trig = next(t for t in doc if t.text == "received")
    rels = {a.actor.party: a.rel for a in arguments(ctx, trig.sent, trig)}
    assert rels["JPN"] == "from"
    assert rels.get("CHN") not in ("subj", "from", "to", "agent")


_PIECES = st.lists(
    st.sampled_from(
        ["China", "donated", "doses", ".", "!", "?", "\n", "\n\n", "Mr.", "U.S.", "the",
         "Photo: Reuters", "shipment", "arrived", ",", "  ", '"', "(Xinhua) --", "5,000"]
    ),
    max_size=30,
).map(" ".join)  # fmt: skip


@given(text=_PIECES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_events_context_sentences_are_the_docs_sentences(extractor, rules_extractor, text):
    """``DocContext.sentences`` (read from the sentence starts) is ``doc.sents``, in both
    modes, on any text; and the linker's kept lists give what the ``Doc`` gives."""
    for ex in (extractor, rules_extractor):
        ctx, doc = _context(ex, text)
        expected = [(s.start, s.end) for s in doc.sents] if len(doc) else []
        assert ctx.sentences == expected
        assert ctx.offsets == [t.idx for t in doc]
        assert [(ctx.sentence(t.i).start, ctx.sentence(t.i).end) for t in doc] == [
            (t.sent.start, t.sent.end) for t in doc
        ]
        ents = replace(ctx.ents, sent_starts=None, offsets=None, keys=None, texts=None)
        alone = DocContext(doc, ents, None, ctx.registry, ctx.makers)  # read from the Doc
        assert alone.sentences == expected and alone.offsets == ctx.offsets
        assert ents.to_mentions(doc) == ctx.ents.to_mentions(doc)


def test_events_context_sentences_positive_and_negative(rules_extractor):
    ctx, doc = _context(rules_extractor, "China donated doses. Laos received them.\nPhoto: AP")
    assert ctx.sentences == [(0, 4), (4, 8), (8, 9), (9, 12)]  # the line break is its own
    assert ctx.sentences[-1][1] == len(doc)
    ctx, _ = _context(rules_extractor, "")
    assert ctx.sentences == []
