"""Tests of the scorer (EVENTS.md §5 gold format, §6 scoring)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

# Allow running from a source checkout without installing the package.
_SRC = Path(__file__).resolve().parent.parent / "src"
if str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))

from vaxdiplo.evaluation import (  # noqa: E402
    EVENT_TYPES,
    KEY_ROLE,
    SCORED_FIELDS,
    STATE_PRODUCERS,
    GoldDocument,
    GoldFormatError,
    GoldWarning,
    Report,
    Scores,
    is_detected,
    load_gold,
    score,
)

FIXTURE = Path(__file__).parent.parent / "fixtures" / "gold.jsonl"

Counts = tuple[tuple[int, int, int], tuple[int, int, int]]


def _counts(scores: Scores) -> Counts:
    d, e = scores.detected, scores.exact
    return (d.tp, d.fp, d.fn), (e.tp, e.fp, e.fn)


def _score_one(gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> Report:
    doc = GoldDocument(id="a", text="", events=gold)
    return score([doc], {"a": preds})


def _run(gold: list[dict[str, Any]], preds: list[dict[str, Any]]) -> Counts:
    return _counts(_score_one(gold, preds).overall)


DETECTED_ONLY: Counts = ((1, 0, 0), (0, 1, 1))
EXACT: Counts = ((1, 0, 0), (1, 0, 0))
MISSED: Counts = ((0, 1, 1), (0, 1, 1))

# ---------------------------------------------------------------------------
# Exact vs detected
# ---------------------------------------------------------------------------

APPROVAL = {
    "type": "Approval",
    "authority": "VNM",
    "vaccine": "sinopharm",
    "approval": "emergency",
    "date": "2021-06-04",
}


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        pytest.param(APPROVAL, dict(APPROVAL), EXACT, id="identical"),
        pytest.param(APPROVAL, {**APPROVAL, "date": "2021-06-05"}, DETECTED_ONLY, id="wrong-date"),
        pytest.param(APPROVAL, {**APPROVAL, "date": None}, DETECTED_ONLY, id="missing-date"),
        pytest.param(
            APPROVAL, {**APPROVAL, "vaccine": "sputnik-v"}, DETECTED_ONLY, id="wrong-vaccine"
        ),
        pytest.param(
            APPROVAL, {**APPROVAL, "approval": "full"}, DETECTED_ONLY, id="wrong-approval"
        ),
        pytest.param(
            {k: v for k, v in APPROVAL.items() if k != "date"},
            {**APPROVAL, "date": "2020-01-01"},
            EXACT,
            id="gold-without-date-not-scored",
        ),
        pytest.param(
            {**APPROVAL, "vaccine": None},
            {**APPROVAL, "vaccine": "moderna"},
            EXACT,
            id="gold-null-not-scored",
        ),
        pytest.param(
            APPROVAL,
            {
                **APPROVAL,
                "evidence": [{"text": "x", "start": 0, "end": 1}],
                "rule": "r1",
                "confidence": 0.3,
            },
            EXACT,
            id="extra-prediction-keys-ignored",
        ),
        pytest.param(
            {
                "type": "Delivery",
                "supplier": "COVAX",
                "recipient": "VNM",
                "doses": 1200000,
                "channel": "covax",
            },
            {
                "type": "Delivery",
                "supplier": "COVAX",
                "recipient": "VNM",
                "doses": 1200000,
                "channel": "covax",
            },
            EXACT,
            id="delivery-identical",
        ),
        pytest.param(
            {
                "type": "Delivery",
                "supplier": "COVAX",
                "recipient": "VNM",
                "doses": 1200000,
                "channel": "covax",
            },
            {
                "type": "Delivery",
                "supplier": "COVAX",
                "recipient": "VNM",
                "doses": 1000000,
                "channel": "covax",
            },
            DETECTED_ONLY,
            id="wrong-doses",
        ),
        pytest.param(
            {"type": "Delivery", "supplier": "COVAX", "recipient": "VNM", "channel": "covax"},
            {"type": "Delivery", "supplier": "COVAX", "recipient": "VNM", "channel": "donation"},
            DETECTED_ONLY,
            id="wrong-channel",
        ),
        pytest.param(
            {"type": "Delivery", "supplier": "COVAX", "recipient": "VNM"},
            {"type": "Delivery", "supplier": "JPN", "recipient": "VNM"},
            DETECTED_ONLY,
            id="wrong-other-role",
        ),
        pytest.param(
            {"type": "Meeting", "participants": ["VNM", "RUS"], "location": "RUS"},
            {"type": "Meeting", "participants": ["VNM", "RUS"], "location": None},
            DETECTED_ONLY,
            id="missing-location",
        ),
        pytest.param(
            APPROVAL,
            {**APPROVAL, "type": "DonationPledge", "donor": "VNM"},
            ((0, 1, 1), (0, 1, 1)),
            id="type",
        ),
    ],
)
def test_evaluation_exact_vs_detected(gold: dict, pred: dict, expected: Counts) -> None:
    assert _run([gold], [pred]) == expected


@pytest.mark.parametrize(
    ("gold", "pred"),
    [
        ({"type": "Approval", "authority": "VNM"}, {"type": "Approval", "authority": "THA"}),
        ({"type": "Approval", "authority": "VNM"}, {"type": "Approval", "authority": None}),
        (
            {"type": "DonationPledge", "donor": "CHN", "recipient": "VNM"},
            {"type": "DonationPledge", "donor": "VNM", "recipient": "CHN"},
        ),
        (
            {"type": "Delivery", "supplier": "COVAX", "recipient": "VNM"},
            {"type": "Delivery", "supplier": "COVAX", "recipient": "THA"},
        ),
        (
            {"type": "TechTransfer", "provider": "RUS", "recipient": "VNM"},
            {"type": "TechTransfer", "provider": "VNM", "recipient": "RUS"},
        ),
        (
            {"type": "SupplyRequest", "requester": "VNM", "addressee": "CHN"},
            {"type": "SupplyRequest", "requester": "CHN", "addressee": "CHN"},
        ),
        (
            {"type": "TechTransferRequest", "requester": "VNM"},
            {"type": "TechTransferRequest", "requester": "WHO"},
        ),
        (
            {"type": "PurchaseAgreement", "buyer": "ARG", "seller": "RDIF"},
            {"type": "PurchaseAgreement", "buyer": "RDIF", "seller": "ARG"},
        ),
        (
            {"type": "PhoneCall", "participants": ["VNM", "CHN"]},
            {"type": "PhoneCall", "participants": ["JPN", "USA"]},
        ),
        (
            {"type": "PhoneCall", "participants": ["VNM", "CHN"]},
            {"type": "PhoneCall", "participants": []},
        ),
    ],
)
def test_evaluation_key_role_mismatch_is_fp_and_fn(gold: dict, pred: dict) -> None:
    assert _run([gold], [pred]) == MISSED


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        (
            {"type": "Delivery", "recipient": None, "doses": 5},
            {"type": "Delivery", "recipient": "THA", "doses": 5},
            EXACT,
        ),
        (
            {"type": "Delivery", "doses": 5},
            {"type": "Delivery", "recipient": "THA", "doses": 6},
            DETECTED_ONLY,
        ),
        (
            {"type": "Approval", "vaccine": "sinovac"},
            {"type": "Approval", "authority": "BRA", "vaccine": "sinovac"},
            EXACT,
        ),
        (
            {"type": "Meeting", "participants": None},
            {"type": "Meeting", "participants": ["VNM", "JPN"]},
            EXACT,
        ),
        (
            {"type": "Meeting", "participants": []},
            {"type": "Meeting", "participants": ["VNM", "JPN"]},
            EXACT,
        ),
    ],
)
def test_evaluation_gold_key_role_null_is_detected(
    gold: dict, pred: dict, expected: Counts
) -> None:
    assert _run([gold], [pred]) == expected


# ---------------------------------------------------------------------------
# Optional gold, duplicates
# ---------------------------------------------------------------------------

OPT = {"type": "Approval", "authority": "VNM", "vaccine": "sputnik-v", "optional": True}


@pytest.mark.parametrize(
    ("gold", "preds", "expected"),
    [
        pytest.param(
            [OPT],
            [{"type": "Approval", "authority": "VNM", "vaccine": "sputnik-v"}],
            ((0, 0, 0), (0, 0, 0)),
            id="matched-exact",
        ),
        pytest.param(
            [OPT],
            [{"type": "Approval", "authority": "VNM", "vaccine": "moderna"}],
            ((0, 0, 0), (0, 0, 0)),
            id="matched-detected",
        ),
        pytest.param([OPT], [], ((0, 0, 0), (0, 0, 0)), id="unmatched-no-fn"),
        pytest.param(
            [OPT],
            [{"type": "Approval", "authority": "THA"}],
            ((0, 1, 0), (0, 1, 0)),
            id="unrelated-pred-fp",
        ),
        pytest.param(
            [OPT, APPROVAL],
            [dict(APPROVAL)],
            ((1, 0, 0), (1, 0, 0)),
            id="optional-unmatched-beside-required",
        ),
        pytest.param(
            [OPT, OPT],
            [{"type": "Approval", "authority": "VNM"}] * 3,
            ((0, 1, 0), (0, 1, 0)),
            id="extra-pred-beyond-optionals-fp",
        ),
    ],
)
def test_evaluation_optional_gold(gold: list, preds: list, expected: Counts) -> None:
    assert _run(gold, preds) == expected


@pytest.mark.parametrize(
    ("gold", "preds", "expected"),
    [
        pytest.param(
            [APPROVAL], [dict(APPROVAL), dict(APPROVAL)], ((1, 1, 0), (1, 1, 0)), id="twice"
        ),
        pytest.param([APPROVAL], [dict(APPROVAL)] * 3, ((1, 2, 0), (1, 2, 0)), id="thrice"),
        pytest.param(
            [APPROVAL],
            [{**APPROVAL, "date": None}, dict(APPROVAL)],
            ((1, 1, 0), (1, 1, 0)),
            id="exact-one-wins-over-detected-duplicate",
        ),
    ],
)
def test_evaluation_duplicate_prediction_is_fp(gold: list, preds: list, expected: Counts) -> None:
    assert _run(gold, preds) == expected


# ---------------------------------------------------------------------------
# Money, participants, alt, state producers
# ---------------------------------------------------------------------------

PLEDGE = {
    "type": "DonationPledge",
    "donor": "VNM",
    "recipient": "COVAX",
    "money": {"amount": 500000.0, "currency": "USD"},
}


@pytest.mark.parametrize(
    ("amount", "exact"),
    [
        (500000.0, True),
        (500000, True),
        (504000.0, True),  # 0.8 %
        (505000.0, True),  # exactly 1 %
        (495000.0, True),  # exactly -1 %
        (510000.0, False),  # 2 %
        (490000.0, False),  # -2 %
        (5000000.0, False),
        (None, False),
    ],
)
def test_evaluation_money_within_one_percent(amount: float | None, exact: bool) -> None:
    money = None if amount is None else {"amount": amount, "currency": "USD"}
    pred = {**PLEDGE, "money": money}
    assert _run([PLEDGE], [pred]) == (EXACT if exact else DETECTED_ONLY)


CALL = {"type": "PhoneCall", "participants": ["VNM", "CHN"], "date": "2021-06-04"}


@pytest.mark.parametrize(
    ("participants", "expected"),
    [
        pytest.param(["VNM", "CHN"], EXACT, id="equal"),
        pytest.param(["CHN", "VNM"], EXACT, id="order-insensitive"),
        pytest.param(["CHN", "VNM", "CHN"], EXACT, id="repeats-ignored"),
        pytest.param(["VNM"], DETECTED_ONLY, id="subset-shares-one"),
        pytest.param(["VNM", "JPN"], DETECTED_ONLY, id="shares-one"),
        pytest.param(["VNM", "CHN", "JPN"], DETECTED_ONLY, id="superset"),
        pytest.param(["JPN", "USA"], MISSED, id="shares-none"),
        pytest.param(["VNM", "SINOPHARM"], EXACT, id="state-producer-in-set"),
    ],
)
def test_evaluation_participant_sets(participants: list[str], expected: Counts) -> None:
    assert _run([CALL], [{**CALL, "participants": participants}]) == expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        pytest.param(
            {
                "type": "Delivery",
                "recipient": "VNM",
                "supplier": "PFIZER",
                "alt": {"supplier": ["USA"]},
            },
            {"type": "Delivery", "recipient": "VNM", "supplier": "USA"},
            EXACT,
            id="alt-other-role",
        ),
        pytest.param(
            {"type": "DonationPledge", "donor": "MY_COMPANY", "alt": {"donor": ["MYS"]}},
            {"type": "DonationPledge", "donor": "MYS"},
            EXACT,
            id="alt-key-role-detects",
        ),
        pytest.param(
            {"type": "DonationPledge", "donor": "MY_COMPANY", "alt": {"recipient": ["MYS"]}},
            {"type": "DonationPledge", "donor": "MYS"},
            MISSED,
            id="alt-of-other-role-does-not-help",
        ),
        pytest.param(
            {
                "type": "Delivery",
                "recipient": "VNM",
                "supplier": "PFIZER",
                "alt": {"supplier": ["USA"]},
            },
            {"type": "Delivery", "recipient": "VNM", "supplier": "DEU"},
            DETECTED_ONLY,
            id="party-outside-alt",
        ),
        pytest.param(
            {
                "type": "Meeting",
                "participants": ["VNM", "PFIZER"],
                "alt": {"participants": ["USA"]},
            },
            {"type": "Meeting", "participants": ["VNM", "PFIZER", "USA"]},
            EXACT,
            id="alt-participant-extra-accepted",
        ),
        pytest.param(
            {
                "type": "Meeting",
                "participants": ["AUS", "PFIZER"],
                "alt": {"participants": ["USA"]},
            },
            {"type": "Meeting", "participants": ["USA", "JPN"]},
            DETECTED_ONLY,
            id="alt-participant-detects",
        ),
        pytest.param(
            {
                "type": "Meeting",
                "participants": ["VNM", "PFIZER"],
                "alt": {"participants": ["USA"]},
            },
            {"type": "Meeting", "participants": ["VNM", "USA"]},
            DETECTED_ONLY,
            id="alt-participant-does-not-replace-gold",
        ),
    ],
)
def test_evaluation_alt_parties_accepted(gold: dict, pred: dict, expected: Counts) -> None:
    assert _run([gold], [pred]) == expected


@pytest.mark.parametrize(
    ("gold_party", "pred_party", "equal"),
    [
        ("SINOPHARM", "CHN", True),
        ("CHN", "SINOPHARM", True),
        ("GAMALEYA", "RUS", True),
        ("RUS", "RDIF", True),
        ("VABIOTECH", "VNM", True),
        ("IVAC", "VNM", True),
        ("TORLAK", "SRB", True),
        ("SINOVAC", "CHN", False),
        ("SINOPHARM", "RUS", False),
        ("GAMALEYA", "RDIF", False),
        ("PFIZER", "USA", False),
    ],
)
def test_evaluation_state_producer_equivalence(
    gold_party: str, pred_party: str, equal: bool
) -> None:
    gold = {"type": "PurchaseAgreement", "buyer": "ARG", "seller": gold_party}
    pred = {"type": "PurchaseAgreement", "buyer": "ARG", "seller": pred_party}
    assert _run([gold], [pred]) == (EXACT if equal else DETECTED_ONLY)
    # As key role too.
    gold_key = {"type": "Approval", "authority": gold_party}
    pred_key = {"type": "Approval", "authority": pred_party}
    assert _run([gold_key], [pred_key]) == (EXACT if equal else MISSED)


def test_evaluation_state_producers_table() -> None:
    assert STATE_PRODUCERS == {
        "SINOPHARM": "CHN",
        "GAMALEYA": "RUS",
        "RDIF": "RUS",
        "VACSERA": "EGY",
        "BUTANTAN": "BRA",
        "FIOCRUZ": "BRA",
        "BIOFARMA": "IDN",
        "VABIOTECH": "VNM",
        "IVAC": "VNM",
        "TORLAK": "SRB",
    }


def test_evaluation_constants() -> None:
    assert len(EVENT_TYPES) == 9
    assert set(KEY_ROLE) == set(EVENT_TYPES)
    assert KEY_ROLE["Delivery"] == "recipient" and KEY_ROLE["PurchaseAgreement"] == "buyer"
    assert set(SCORED_FIELDS) == {
        "participants", "location", "authority", "donor", "recipient", "supplier", "requester",
        "addressee", "provider", "buyer", "seller", "vaccine", "approval", "doses", "money",
        "channel", "date",
    }  # fmt: skip


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------

DEL_AZ = {"type": "Delivery", "recipient": "VNM", "vaccine": "astrazeneca", "doses": 1000000}
DEL_PF = {"type": "Delivery", "recipient": "VNM", "vaccine": "pfizer-biontech", "doses": 2000000}


@pytest.mark.parametrize(
    ("gold", "preds", "expected", "pairs"),
    [
        pytest.param(
            [DEL_AZ, DEL_PF],
            [dict(DEL_PF), dict(DEL_AZ)],
            ((2, 0, 0), (2, 0, 0)),
            [(0, 1, "exact"), (1, 0, "exact")],
            id="crossed-order",
        ),
        pytest.param(
            # Gold 0 is exact with both predictions, gold 1 only with prediction 0:
            # pairing greedily in gold order would give one exact pair, not two.
            [
                {"type": "Delivery", "recipient": "VNM"},
                {"type": "Delivery", "recipient": "VNM", "vaccine": "pfizer-biontech"},
            ],
            [
                {"type": "Delivery", "recipient": "VNM", "vaccine": "pfizer-biontech"},
                {"type": "Delivery", "recipient": "VNM", "vaccine": "moderna"},
            ],
            ((2, 0, 0), (2, 0, 0)),
            [(0, 1, "exact"), (1, 0, "exact")],
            id="greedy-would-mis-pair",
        ),
        pytest.param(
            # Prediction 0 is exact with both gold events, prediction 1 only detects
            # gold 0: the exact pair must go to gold 1 so both gold events are found.
            [{"type": "Delivery", "date": "2021-06-04"}, {"type": "Delivery", "recipient": "VNM"}],
            [
                {"type": "Delivery", "recipient": "VNM", "date": "2021-06-04"},
                {"type": "Delivery", "recipient": "THA"},
            ],
            ((2, 0, 0), (1, 1, 1)),
            [(0, 1, "detected"), (1, 0, "exact")],
            id="exact-pair-leaves-room-for-detected",
        ),
        pytest.param(
            [{**DEL_AZ, "optional": True}, DEL_AZ],
            [dict(DEL_AZ)],
            ((1, 0, 0), (1, 0, 0)),
            [(1, 0, "exact")],
            id="prefers-non-optional-gold",
        ),
        pytest.param(
            [{**DEL_AZ, "optional": True}, {**DEL_AZ, "doses": 5}],
            [dict(DEL_AZ)],
            ((0, 0, 1), (0, 0, 1)),
            [(0, 0, "exact")],
            id="exact-optional-before-detected-required",
        ),
        pytest.param(
            [DEL_AZ, {**DEL_AZ, "recipient": "THA"}],
            [{**DEL_AZ, "doses": 7}],
            ((1, 0, 1), (0, 1, 2)),
            [(0, 0, "detected")],
            id="detected-only-pair",
        ),
    ],
)
def test_evaluation_matching_prefers_exact_pairs(
    gold: list, preds: list, expected: Counts, pairs: list
) -> None:
    report = _score_one(gold, preds)
    assert _counts(report.overall) == expected
    assert report.matches["a"].pairs == pairs


def test_evaluation_matches_lists_unmatched() -> None:
    gold = [CALL, APPROVAL, OPT]
    preds = [{"type": "Approval", "authority": "THA"}, dict(CALL)]
    m = _score_one(gold, preds).matches["a"]
    assert m.pairs == [(0, 1, "exact")]
    assert m.unmatched_gold == [1, 2]
    assert m.unmatched_pred == [0]


# ---------------------------------------------------------------------------
# Per type, per article, report
# ---------------------------------------------------------------------------


def _two_docs() -> tuple[list[GoldDocument], dict[str, list[dict]]]:
    docs = [
        GoldDocument(id="d1", events=[CALL, APPROVAL, OPT]),
        GoldDocument(id="d2", events=[DEL_AZ, DEL_PF]),
        GoldDocument(id="d3", events=[]),
    ]
    preds = {
        "d1": [dict(CALL), {**APPROVAL, "date": None}],
        "d2": [
            dict(DEL_AZ),
            {"type": "Delivery", "recipient": "THA"},
            {"type": "PurchaseAgreement", "buyer": "VNM"},
        ],
    }
    return docs, preds


def test_evaluation_per_type_and_per_article() -> None:
    docs, preds = _two_docs()
    report = score(docs, preds)
    assert list(report.per_type) == ["PhoneCall", "Approval", "Delivery", "PurchaseAgreement"]
    assert _counts(report.per_type["PhoneCall"]) == ((1, 0, 0), (1, 0, 0))
    assert _counts(report.per_type["Approval"]) == ((1, 0, 0), (0, 1, 1))
    assert _counts(report.per_type["Delivery"]) == ((1, 1, 1), (1, 1, 1))
    assert _counts(report.per_type["PurchaseAgreement"]) == ((0, 1, 0), (0, 1, 0))
    assert list(report.per_article) == ["d1", "d2", "d3"]
    assert _counts(report.per_article["d1"]) == ((2, 0, 0), (1, 1, 1))
    assert _counts(report.per_article["d2"]) == ((1, 2, 1), (1, 2, 1))
    assert _counts(report.per_article["d3"]) == ((0, 0, 0), (0, 0, 0))
    assert _counts(report.overall) == ((3, 2, 1), (2, 3, 2))
    det = report.overall.detected
    assert det.precision == pytest.approx(3 / 5)
    assert det.recall == pytest.approx(3 / 4)
    assert det.f1 == pytest.approx(2 * 3 / (2 * 3 + 2 + 1))
    ex = report.overall.exact
    assert (ex.precision, ex.recall) == (pytest.approx(2 / 5), pytest.approx(2 / 4))
    # Micro-averaging: overall counts are the sums of the per-article counts.
    for metric in ("detected", "exact"):
        for field in ("tp", "fp", "fn"):
            total = sum(getattr(getattr(s, metric), field) for s in report.per_article.values())
            assert getattr(getattr(report.overall, metric), field) == total
            total_t = sum(getattr(getattr(s, metric), field) for s in report.per_type.values())
            assert getattr(getattr(report.overall, metric), field) == total_t


@pytest.mark.parametrize(
    ("gold", "preds", "n_gold", "n_pred"),
    [
        pytest.param([], [], 0, 0, id="0-of-0"),
        pytest.param([APPROVAL, CALL], [], 2, 0, id="0-of-2"),
        pytest.param([], [dict(APPROVAL)], 0, 1, id="0-predicted-1"),
    ],
)
def test_evaluation_zero_denominators(gold: list, preds: list, n_gold: int, n_pred: int) -> None:
    prf = _score_one(gold, preds).overall.detected
    assert (prf.precision, prf.recall, prf.f1) == (0.0, 0.0, 0.0)
    assert (prf.n_gold, prf.n_predicted) == (n_gold, n_pred)


def test_evaluation_report_json_and_table() -> None:
    docs, preds = _two_docs()
    report = score(docs, preds)
    data = json.loads(report.to_json())
    assert data["overall"]["detected"] == {
        "tp": 3,
        "fp": 2,
        "fn": 1,
        "precision": 0.6,
        "recall": 0.75,
        "f1": pytest.approx(2 / 3),
    }
    assert data["matches"]["d1"]["pairs"] == [[0, 0, "exact"], [1, 1, "detected"]]
    assert Report.model_validate_json(report.to_json()) == report
    table = report.to_table()
    lines = table.splitlines()
    assert lines[0].split()[:4] == ["scope", "det", "P", "det"]
    assert lines[2].startswith("overall")
    assert "0.600" in lines[2] and "3/2/1" in lines[2] and "2/3/2" in lines[2]
    assert any(line.startswith("type Approval") for line in lines)
    d3 = next(line for line in lines if line.startswith("article d3"))
    assert "0.000" not in d3 and "-" in d3 and "0/0/0" in d3
    assert len(lines) == 2 + 1 + 4 + 3


def test_evaluation_score_unknown_prediction_id_raises() -> None:
    with pytest.raises(ValueError, match="nope"):
        score([GoldDocument(id="a", events=[])], {"a": [], "nope": [dict(APPROVAL)]})


@pytest.mark.parametrize(
    "pred",
    [{"type": "Vaccination"}, {"authority": "VNM"}],
)
def test_evaluation_score_unknown_prediction_type_raises(pred: dict) -> None:
    with pytest.raises(ValueError, match="unknown event type"):
        _score_one([], [pred])


def test_evaluation_score_duplicate_gold_id_raises() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        score([GoldDocument(id="a"), GoldDocument(id="a")], {})


def test_evaluation_gold_document_is_frozen_and_keeps_extra() -> None:
    doc = GoldDocument.model_validate(
        {"id": "x", "published": "2021-06-05", "text": "t", "events": [], "file": "f.txt"}
    )
    assert doc.published == date(2021, 6, 5)
    assert doc.extra == {"file": "f.txt"}
    with pytest.raises(ValidationError):
        doc.id = "y"  # type: ignore[misc]


# ---------------------------------------------------------------------------
# load_gold
# ---------------------------------------------------------------------------

DOC1 = {"id": "x1", "published": "2021-06-05", "text": "a", "events": [APPROVAL], "file": "x1.txt"}
DOC2 = {"id": "x2", "published": None, "text": "b", "events": [CALL, OPT]}
DOC3 = {"id": "x3", "text": "c", "events": []}


def test_evaluation_load_gold_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(DOC1) + "\n\n" + json.dumps(DOC2) + "\n   \n", encoding="utf-8")
    docs = load_gold(path)
    assert [d.id for d in docs] == ["x1", "x2"]
    assert docs[0].published == date(2021, 6, 5) and docs[1].published is None
    assert docs[0].extra == {"file": "x1.txt"}
    assert docs[1].events[1]["optional"] is True


@pytest.mark.parametrize(
    ("content", "ids"),
    [
        pytest.param([DOC1, DOC2], ["x1", "x2"], id="list"),
        pytest.param(DOC3, ["x3"], id="single-object"),
        pytest.param([], [], id="empty-list"),
    ],
)
def test_evaluation_load_gold_json(tmp_path: Path, content: Any, ids: list[str]) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(content, indent=2), encoding="utf-8")
    docs = content if isinstance(content, list) else [content]
    if any(d["events"] for d in docs):
        assert [d.id for d in load_gold(str(path))] == ids
    else:
        with pytest.warns(GoldWarning, match=r"\[W009\]"):
            assert [d.id for d in load_gold(str(path))] == ids


def test_evaluation_load_gold_directory(tmp_path: Path) -> None:
    (tmp_path / "b.jsonl").write_text(json.dumps(DOC2) + "\n", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps([DOC1]), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps(DOC3), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not gold", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "d.json").write_text("{broken", encoding="utf-8")
    assert [d.id for d in load_gold(tmp_path)] == ["x1", "x2", "x3"]


@pytest.mark.parametrize(
    ("lines", "bad_line", "message"),
    [
        pytest.param(
            [json.dumps(DOC1), "", '{"id": "x2", "events": [}'], 3, "invalid JSON", id="bad-json"
        ),
        pytest.param([json.dumps(DOC1), "[1, 2]"], 2, "expected a JSON object", id="not-an-object"),
        pytest.param([json.dumps({"text": "no id"})], 1, "id", id="missing-id"),
        pytest.param(
            [json.dumps(DOC1), json.dumps({"id": "z", "events": [{"type": "Vaccination"}]})],
            2,
            "Vaccination",
            id="bad-type",
        ),
        pytest.param(
            [json.dumps({"id": "z", "events": [{"type": "Approval", "date": "June 4"}]})],
            1,
            "date",
            id="bad-date",
        ),
        pytest.param(
            [json.dumps({"id": "z", "events": [{"type": "Approval", "optional": "yes"}]})],
            1,
            "optional",
            id="bad-optional",
        ),
        pytest.param([json.dumps(DOC1), json.dumps(DOC1)], 2, "already read", id="duplicate-id"),
    ],
)
def test_evaluation_load_gold_bad_line_error(
    tmp_path: Path, lines: list[str], bad_line: int, message: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    text = str(info.value)
    assert message in text
    if message != "already read":
        assert f"{path}:{bad_line}:" in text
    else:
        assert str(path) in text


def test_evaluation_load_gold_bad_json_file_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n  {"id": "a"},\n  {"id": }\n]\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad\.json:3: invalid JSON"):
        load_gold(path)
    path.write_text(json.dumps([DOC1, {"events": []}]), encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad\.json: item 1"):
        load_gold(path)


def test_evaluation_load_gold_missing_path(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="no such file"):
        load_gold(tmp_path / "missing.jsonl")


# ---------------------------------------------------------------------------
# Fixture gold
# ---------------------------------------------------------------------------


def test_evaluation_fixture_gold() -> None:
    docs = load_gold(FIXTURE)
    assert len(docs) == 5
    own = {d.id: [e for e in d.events if not e.get("optional", False)] for d in docs}
    report = score(docs, own)
    assert report.overall.exact.f1 == 1.0
    assert report.overall.detected.f1 == 1.0
    assert report.overall.exact.tp == 11
    empty = score(docs, {})
    assert empty.overall.detected.recall == 0.0
    assert empty.overall.exact.recall == 0.0
    assert empty.overall.detected.fn == 11
    assert empty.overall.exact.fn == 11
    assert empty.overall.detected.fp == 0


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

PARTIES = ["VNM", "CHN", "RUS", "SINOPHARM", "WHO", "COVAX"]
ROLES_BY_TYPE: dict[str, tuple[str, ...]] = {
    "PhoneCall": (),
    "Meeting": ("location",),
    "Approval": ("authority",),
    "DonationPledge": ("donor", "recipient"),
    "Delivery": ("supplier", "recipient"),
    "SupplyRequest": ("requester", "addressee"),
    "TechTransferRequest": ("requester", "addressee"),
    "TechTransfer": ("provider", "recipient"),
    "PurchaseAgreement": ("buyer", "seller"),
}
_party = st.sampled_from(PARTIES)
_maybe_party = st.one_of(st.none(), _party)


def _event(etype: str, optional: st.SearchStrategy[bool]) -> st.SearchStrategy[dict[str, Any]]:
    fields: dict[str, st.SearchStrategy[Any]] = {
        "type": st.just(etype),
        "optional": optional,
        "date": st.one_of(
            st.none(), st.dates(date(2021, 1, 1), date(2021, 1, 10)).map(date.isoformat)
        ),
        "vaccine": st.one_of(st.none(), st.sampled_from(["sinopharm", "sputnik-v", "astrazeneca"])),
    }
    for role in ROLES_BY_TYPE[etype]:
        fields[role] = _maybe_party
    if etype in ("PhoneCall", "Meeting"):
        fields["participants"] = st.one_of(
            st.none(), st.lists(_party, min_size=1, max_size=3, unique=True)
        )
    if etype in (
        "DonationPledge",
        "Delivery",
        "SupplyRequest",
        "TechTransfer",
        "PurchaseAgreement",
    ):
        fields["doses"] = st.one_of(st.none(), st.sampled_from([1000, 500000]))
    if etype in ("DonationPledge", "PurchaseAgreement"):
        fields["money"] = st.one_of(
            st.none(),
            st.sampled_from([1e5, 1.005e5, 1.02e5]).map(lambda a: {"amount": a, "currency": "USD"}),
        )
    if etype == "Approval":
        fields["approval"] = st.one_of(st.none(), st.sampled_from(["emergency", "full"]))
    if etype == "Delivery":
        fields["channel"] = st.one_of(st.none(), st.sampled_from(["donation", "covax"]))
    return st.fixed_dictionaries(fields)


# Few types, so that events of one type often compete for the same predictions.
_types = st.sampled_from(["PhoneCall", "Approval", "Delivery", "PurchaseAgreement"])


def _events(
    optional: st.SearchStrategy[bool], max_size: int = 6
) -> st.SearchStrategy[list[dict[str, Any]]]:
    return st.lists(_types.flatmap(lambda t: _event(t, optional)), max_size=max_size)


def _docs(optional: st.SearchStrategy[bool]) -> st.SearchStrategy[list[GoldDocument]]:
    return st.lists(_events(optional), min_size=1, max_size=3).map(
        lambda lists: [GoldDocument(id=f"d{i}", events=evs) for i, evs in enumerate(lists)]
    )


_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _all_counts(report: Report) -> tuple:
    return (
        _counts(report.overall),
        {t: _counts(s) for t, s in report.per_type.items()},
        {a: _counts(s) for a, s in report.per_article.items()},
    )


@_SETTINGS
@given(docs=_docs(st.booleans()))
def test_evaluation_property_gold_against_itself_is_perfect(docs: list[GoldDocument]) -> None:
    own = {d.id: [e for e in d.events if not e["optional"]] for d in docs}
    assume(any(own.values()))
    report = score(docs, own)
    for prf in (report.overall.exact, report.overall.detected):
        assert (prf.precision, prf.recall, prf.f1) == (1.0, 1.0, 1.0)
        assert prf.fp == prf.fn == 0


@_SETTINGS
@given(data=st.data(), docs=_docs(st.booleans()))
def test_evaluation_property_extra_spurious_prediction_never_increases_precision(
    data: st.DataObject, docs: list[GoldDocument]
) -> None:
    preds = {d.id: data.draw(_events(st.just(False))) for d in docs}
    target = data.draw(st.sampled_from([d.id for d in docs]))
    extra = data.draw(_types.flatmap(lambda t: _event(t, st.just(False))))
    gold = next(d for d in docs if d.id == target).events
    # A prediction that detects no gold event of its article.
    assume(not any(is_detected(extra, g) for g in gold))
    before = score(docs, preds)
    after = score(docs, {**preds, target: [*preds[target], extra]})
    for metric in ("detected", "exact"):
        b, a = getattr(before.overall, metric), getattr(after.overall, metric)
        assert a.precision <= b.precision
        assert (a.tp, a.fp, a.fn) == (b.tp, b.fp + 1, b.fn)


@_SETTINGS
@given(data=st.data(), docs=_docs(st.booleans()))
def test_evaluation_property_extra_prediction_never_lowers_true_positives(
    data: st.DataObject, docs: list[GoldDocument]
) -> None:
    preds = {d.id: data.draw(_events(st.just(False))) for d in docs}
    target = data.draw(st.sampled_from([d.id for d in docs]))
    extra = data.draw(_types.flatmap(lambda t: _event(t, st.just(False))))
    before = score(docs, preds)
    after = score(docs, {**preds, target: [*preds[target], extra]})
    for metric in ("detected", "exact"):
        b, a = getattr(before.overall, metric), getattr(after.overall, metric)
        assert a.tp >= b.tp
        assert a.recall >= b.recall
        assert a.tp + a.fp == b.tp + b.fp + 1 - _matched_optional_delta(before, after, docs)


def _matched_optional_delta(before: Report, after: Report, docs: list[GoldDocument]) -> int:
    """How many more predictions are matched to optional gold after than before."""

    def matched_optional(report: Report) -> int:
        return sum(
            1
            for d in docs
            for gi, _pi, _kind in report.matches[d.id].pairs
            if d.events[gi].get("optional", False)
        )

    return matched_optional(after) - matched_optional(before)


@_SETTINGS
@given(data=st.data(), docs=_docs(st.booleans()))
def test_evaluation_property_permuting_predictions_keeps_counts(
    data: st.DataObject, docs: list[GoldDocument]
) -> None:
    preds: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        # Mix near-copies of gold with random events to get competing pairs.
        near = [{**e, "date": None} for e in d.events if data.draw(st.booleans())]
        preds[d.id] = (
            near
            + [dict(e) for e in d.events if data.draw(st.booleans())]
            + data.draw(_events(st.just(False)))
        )
    shuffled = {k: data.draw(st.permutations(v)) for k, v in preds.items()}
    assert _all_counts(score(docs, shuffled)) == _all_counts(score(docs, preds))
