"""What every extracted event guarantees, whatever the text: no person's id as a party,
no party twice among the participants, and no guess for a role the text leaves open."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA_DIR, event_table_files, load_jsonl
from vaxdiplo.models import Actor

CORPORA = [*event_table_files(), *sorted(DATA_DIR.glob("articles_*.jsonl"))]
MODES = ("extractor", "rules_extractor")


def _actors(event) -> list[Actor]:
    out = []
    for name in type(event).model_fields:
        value = getattr(event, name)
        if isinstance(value, Actor):
            out.append(value)
        elif isinstance(value, tuple):
            out.extend(v for v in value if isinstance(v, Actor))
    return out


def _violations(events) -> list[str]:
    found = []
    for event in events:
        for actor in _actors(event):
            if actor.kind == "person" and actor.party == actor.id:
                found.append(f"{event.type}: person id {actor.party!r} as a party")
        parts = [a.party for a in getattr(event, "participants", ())]
        if len(parts) != len(set(parts)):
            found.append(f"{event.type}: participants repeat a party {parts}")
    return found


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", CORPORA, ids=lambda p: p.stem)
def test_events_guarantees_hold_on_every_corpus(request, mode, path):
    extractor = request.getfixturevalue(mode)
    problems = []
    for row in load_jsonl(path):
        result = extractor.extract(row["text"], published=row.get("published"))
        problems += [f"{row['id']}: {p}" for p in _violations(result.events)]
    assert problems == []


_NAMES = st.sampled_from(
    ["Aldo Ferreri", "Mira Kostova", "Tomas Lindqvist", "Ana Beltran", "Kofi Mensah"]
)
_COUNTRIES = st.sampled_from(["Vietnam", "Chile", "Kenya", "Serbia", "Laos", "Peru"])
_TEMPLATES = st.sampled_from(
    [
        "{p1} met {p2} in {c1} on Monday to discuss vaccines.",
        "{p1} held a phone call with {p2} and Health Minister {p3} of {c1}.",
        "{p1} thanked {p2} for the vaccines {c1} donated to {c2}.",
        "{c1} Foreign Minister {p1} met {p2} and {p3} on Tuesday.",
        "{p1} asked {p2} to send more vaccines to {c1}, {p3} said.",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(template=_TEMPLATES, p1=_NAMES, p2=_NAMES, p3=_NAMES, c1=_COUNTRIES, c2=_COUNTRIES)
def test_events_guarantees_hold_with_unknown_people(extractor, template, p1, p2, p3, c1, c2):
    text = template.format(p1=p1, p2=p2, p3=p3, c1=c1, c2=c2)
    result = extractor.extract(text, published="2021-06-01")
    assert _violations(result.events) == []


# (sentence, event type, role the text leaves open)
OPEN_ROLES = [
    (
        "Japan will donate 1 million AstraZeneca doses, the foreign ministry said.",
        "DonationPledge",
        "recipient",
    ),
    ("Hungary has agreed to buy 5 million doses of the vaccine.", "PurchaseAgreement", "seller"),
    ("Vietnam asked for more vaccine doses on Monday.", "SupplyRequest", "addressee"),
    ("The Philippines received 500,000 doses of vaccines on Sunday.", "Delivery", "supplier"),
]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("text", "etype", "role"), OPEN_ROLES)
def test_events_guarantees_open_role_stays_none(request, mode, text, etype, role):
    result = request.getfixturevalue(mode).extract(text, published="2021-06-01")
    events = [e for e in result.events if e.type == etype]
    assert len(events) == 1
    assert getattr(events[0], role) is None


FILLED_ROLES = [
    (
        "Japan will donate 1 million AstraZeneca doses to Vietnam.",
        "DonationPledge",
        "recipient",
        "VNM",
    ),
    (
        "Hungary has agreed to buy 5 million doses of the vaccine from China.",
        "PurchaseAgreement",
        "seller",
        "CHN",
    ),
]


@pytest.mark.parametrize(("text", "etype", "role", "party"), FILLED_ROLES)
def test_events_guarantees_stated_role_is_filled(extractor, text, etype, role, party):
    events = [e for e in extractor.extract(text, published="2021-06-01").events if e.type == etype]
    assert [getattr(e, role).party for e in events] == [party]
