"""The pydantic models: exact JSON round trips, frozen instances, the event union."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import vaxdiplo
from vaxdiplo.models import (
    EVENT_CLASSES,
    Actor,
    Approval,
    EventList,
    Evidence,
    Extraction,
    Mention,
    Money,
    Vaccine,
)

EVENT_TYPES = (
    "PhoneCall",
    "Meeting",
    "Approval",
    "DonationPledge",
    "Delivery",
    "SupplyRequest",
    "TechTransferRequest",
    "TechTransfer",
    "PurchaseAgreement",
)
KINDS = ("person", "country", "government_body", "international_org", "company", "group")

words = st.text(min_size=1, max_size=20)
iso3 = st.from_regex(r"\A[A-Z]{3}\Z")

actors = st.builds(
    Actor,
    kind=st.sampled_from(KINDS),
    name=words,
    id=words,
    country=st.none() | iso3,
    title=st.none() | words,
    party=words,
)
vaccines = st.builds(Vaccine, id=words, name=words, mention=words)
money = st.builds(
    Money,
    amount=st.floats(allow_nan=False, allow_infinity=False),
    currency=iso3,
)


@st.composite
def evidence(draw) -> Evidence:
    start = draw(st.integers(0, 10**6))
    return Evidence(
        text=draw(st.text(max_size=50)), start=start, end=start + draw(st.integers(0, 500))
    )


FIELD_STRATEGIES = {
    "participants": st.lists(actors, max_size=3).map(tuple),
    "vaccine": st.none() | vaccines,
    "doses": st.none() | st.integers(0, 10**10),
    "money": st.none() | money,
    "approval": st.sampled_from(("emergency", "full", "conditional", "unspecified")),
    "channel": st.sampled_from(("donation", "purchase", "covax", "unspecified")),
}
SINGLE_ROLES = (
    "location",
    "authority",
    "donor",
    "recipient",
    "supplier",
    "requester",
    "addressee",
    "provider",
    "buyer",
    "seller",
)


def event_strategy(cls) -> st.SearchStrategy:
    kwargs = {
        "date": st.none() | st.dates(),
        "evidence": st.lists(evidence(), max_size=3).map(tuple),
        "confidence": st.floats(0.0, 1.0),
        "rule": words,
    }
    for name in cls.model_fields:
        if name in FIELD_STRATEGIES:
            kwargs[name] = FIELD_STRATEGIES[name]
        elif name in SINGLE_ROLES:
            kwargs[name] = st.none() | actors
    return st.builds(cls, **kwargs)


any_event = st.one_of(*(event_strategy(cls) for cls in EVENT_CLASSES.values()))


def test_models_event_classes_are_the_nine_types():
    assert sorted(EVENT_CLASSES) == sorted(EVENT_TYPES)


@pytest.mark.parametrize("cls", list(EVENT_CLASSES.values()), ids=list(EVENT_CLASSES))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_models_event_json_round_trip(cls, data):
    event = data.draw(event_strategy(cls))
    assert event.type == cls.model_fields["type"].default
    events = [event]
    assert EventList.validate_json(EventList.dump_json(events)) == events
    assert cls.model_validate_json(event.model_dump_json()) == event


@settings(max_examples=60, deadline=None)
@given(events=st.lists(any_event, max_size=5))
def test_models_event_list_round_trip(events):
    assert EventList.validate_json(EventList.dump_json(events)) == events
    assert EventList.validate_python(EventList.dump_python(events, mode="json")) == events


@st.composite
def mentions(draw) -> Mention:
    start = draw(st.integers(0, 10**5))
    end = start + draw(st.integers(0, 50))
    if draw(st.booleans()):
        actor = draw(actors)
        return Mention(
            text=draw(words),
            start=start,
            end=end,
            kind=actor.kind,
            actor=actor,
            via=draw(st.none() | st.sampled_from(("registry", "alias", "ner"))),
        )
    return Mention(text=draw(words), start=start, end=end, kind="vaccine", vaccine=draw(vaccines))


extractions = st.builds(
    Extraction,
    doc_id=st.none() | words,
    published=st.none() | st.dates(),
    published_source=st.sampled_from((None, "argument", "dateline")),
    events=st.lists(any_event, max_size=4).map(tuple),
    mentions=st.lists(mentions(), max_size=4).map(tuple),
    warnings=st.lists(words, max_size=2).map(tuple),
    model=st.none() | st.sampled_from(("default", "rules")),
)


@settings(max_examples=60, deadline=None)
@given(extraction=extractions)
def test_models_extraction_round_trip(extraction):
    assert Extraction.model_validate_json(extraction.model_dump_json()) == extraction


def _actor() -> Actor:
    return Actor(kind="country", name="Vietnam", id="VNM")


@pytest.mark.parametrize(
    ("obj", "field", "value"),
    [
        (_actor(), "party", "CHN"),
        (Vaccine(id="sinopharm", name="BBIBP-CorV", mention="Vero Cell"), "id", "x"),
        (Money(amount=1.0, currency="USD"), "amount", 2.0),
        (Evidence(text="a", start=0, end=1), "end", 5),
        (Approval(authority=_actor()), "approval", "full"),
        (Extraction(), "doc_id", "x"),
    ],
    ids=["actor", "vaccine", "money", "evidence", "event", "extraction"],
)
def test_models_frozen_reject_assignment(obj, field, value):
    with pytest.raises(ValidationError, match="frozen"):
        setattr(obj, field, value)


def test_models_union_rejects_unknown_type():
    with pytest.raises(ValidationError) as info:
        EventList.validate_python([{"type": "Coup", "participants": []}])
    errors = info.value.errors()
    assert len(errors) == 1
    assert errors[0]["type"] == "union_tag_invalid"
    assert "Coup" in str(info.value)
    assert len(str(info.value)) < 600


def test_models_union_picks_class_by_type():
    [event] = EventList.validate_python([{"type": "Delivery", "doses": 5, "channel": "covax"}])
    assert type(event).__name__ == "Delivery"
    assert event.doses == 5


def test_models_extra_field_rejected():
    with pytest.raises(ValidationError):
        EventList.validate_python([{"type": "PhoneCall", "donor": None}])


def test_models_evidence_end_before_start_rejected():
    with pytest.raises(ValidationError, match="before start"):
        Evidence(text="x", start=5, end=2)


def test_models_json_schema_has_the_nine_events():
    schema = vaxdiplo.json_schema()
    assert set(EVENT_TYPES) <= set(schema["$defs"])
    assert {"Actor", "Vaccine", "Money", "Evidence", "Mention"} <= set(schema["$defs"])


@pytest.mark.parametrize(
    ("fields", "party"),
    [
        ({"kind": "country", "name": "Vietnam", "id": "VNM", "country": "VNM"}, "VNM"),
        ({"kind": "country", "name": "Vietnam", "id": "VNM"}, "VNM"),
        ({"kind": "person", "name": "P", "id": "pham-minh-chinh", "country": "VNM"}, "VNM"),
        ({"kind": "person", "name": "Jane Roe", "id": "jane-roe"}, "jane-roe"),
        ({"kind": "government_body", "name": "Ministry", "id": "VNM_MOH", "country": "VNM"}, "VNM"),
        ({"kind": "international_org", "name": "World Health Organization", "id": "WHO"}, "WHO"),
        ({"kind": "company", "name": "Pfizer", "id": "PFIZER", "country": "USA"}, "PFIZER"),
        ({"kind": "person", "name": "X", "id": "x", "country": "VNM", "party": "WHO"}, "WHO"),
    ],
    ids=[
        "country",
        "country-no-iso",
        "person-country",
        "person-alone",
        "body",
        "org",
        "company",
        "explicit",
    ],
)
def test_models_actor_default_party(fields, party):
    assert Actor(**fields).party == party


def test_models_to_gold_uses_parties():
    donor = Actor(kind="person", name="A", id="a", country="JPN")
    recipient = _actor()
    ev = EVENT_CLASSES["DonationPledge"](
        donor=donor,
        recipient=recipient,
        doses=1000,
        date=dt.date(2021, 7, 13),
        vaccine=Vaccine(id="astrazeneca", name="Vaxzevria", mention="AstraZeneca"),
        money=Money(amount=5.0, currency="USD"),
    )
    gold = ev.to_gold()
    assert gold["donor"] == "JPN" and gold["recipient"] == "VNM"
    assert gold["vaccine"] == "astrazeneca" and gold["doses"] == 1000
    assert gold["money"] == {"amount": 5.0, "currency": "USD"}
    assert gold["date"] == "2021-07-13"
