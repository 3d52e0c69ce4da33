"""Comparing events field by field and matching predictions to gold (EVENTS.md §6).

Events on both sides are plain mappings::

    {"type": "Delivery", "supplier": "COVAX", "recipient": "VNM",
     "vaccine": "astrazeneca", "doses": 1200000, "channel": "covax",
     "date": "2021-06-04"}

Keys that are not scored (``evidence``, ``rule``, ``confidence``, ...) are
ignored. Within one article and one type:

* A pair is *detected* when the types are equal and the key role agrees
  (:data:`~vaxdiplo.evaluation.contract.KEY_ROLE`); for ``PhoneCall`` and
  ``Meeting`` the participant sets must share a party. A gold event whose key
  role is null is detected by any prediction of its type.
* A pair is *exact* when it is detected and every scored field
  (:data:`~vaxdiplo.evaluation.contract.SCORED_FIELDS`) that gold fills is
  equal.
* Predictions are matched one-to-one to gold events: first a maximum matching
  over exact pairs, then a maximum matching of what is left over detected
  pairs; at both stages non-optional gold events are preferred. Among the
  matchings that satisfy this, the one that leaves most room for detected
  pairs is chosen, so the resulting counts do not depend on the order of the
  predictions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from vaxdiplo.evaluation.contract import (
    KEY_ROLE,
    MONEY_TOLERANCE,
    PARTY_ROLES,
    SCORED_FIELDS,
    STATE_PRODUCERS,
    MatchKind,
    TypeContract,
)
from vaxdiplo.evaluation.values import as_day, money_amount

__all__ = ["is_detected", "is_exact", "match_group", "same_party"]

_FLOAT_SLACK = 1e-9

# ---------------------------------------------------------------------------
# Field comparison
# ---------------------------------------------------------------------------


def _party(value: Any) -> str | None:
    """The party string of a role value (a string, or a mapping with ``party``)."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        value = value.get("party")
        return None if value is None else str(value)
    return str(value)


def _parties(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, Mapping)):
        value = [value]
    return [p for p in (_party(v) for v in value) if p is not None]


def same_party(a: str, b: str) -> bool:
    """Whether two parties are the same under EVENTS.md §1.

    Args:
        a: A party id.
        b: Another party id.

    Returns:
        True when the strings are equal, or one is a state-owned producer
        (:data:`~vaxdiplo.evaluation.contract.STATE_PRODUCERS`) and the other
        its state.
    """
    return a == b or STATE_PRODUCERS.get(a) == b or STATE_PRODUCERS.get(b) == a


def _accepted(gold: Mapping[str, Any], role: str) -> list[str]:
    """Parties gold accepts for a role: its own value(s) and ``alt[role]``."""
    alt = gold.get("alt") or {}
    return _parties(gold.get(role)) + _parties(alt.get(role))


def _party_ok(pred_value: Any, gold: Mapping[str, Any], role: str) -> bool:
    pred = _party(pred_value)
    if pred is None:
        return False
    return any(same_party(pred, accepted) for accepted in _accepted(gold, role))


def _participants_share(
    pred: Mapping[str, Any], gold: Mapping[str, Any], role: str = "participants"
) -> bool:
    accepted = _accepted(gold, role)
    return any(same_party(p, a) for p in _parties(pred.get(role)) for a in accepted)


def _participants_equal(
    pred: Mapping[str, Any], gold: Mapping[str, Any], role: str = "participants"
) -> bool:
    """Set equality under :func:`same_party`, with ``alt`` parties as accepted extras.

    Every gold participant must be matched by some predicted participant, and
    every predicted participant must match a gold participant or a party that
    ``alt["participants"]`` lists.
    """
    gold_parties = _parties(gold.get(role))
    accepted = _accepted(gold, role)
    pred_parties = _parties(pred.get(role))
    covers_gold = all(any(same_party(p, g) for p in pred_parties) for g in gold_parties)
    all_accepted = all(any(same_party(p, a) for a in accepted) for p in pred_parties)
    return covers_gold and all_accepted


def _money_ok(pred_value: Any, gold_value: Any) -> bool:
    gold_amount = money_amount(gold_value)
    pred_amount = money_amount(pred_value)
    if gold_amount is None or pred_amount is None:
        return False
    if gold_amount == 0.0:
        return pred_amount == 0.0
    limit = MONEY_TOLERANCE * abs(gold_amount) * (1.0 + _FLOAT_SLACK)
    return abs(pred_amount - gold_amount) <= limit


def _doses_ok(pred_value: Any, gold_value: Any) -> bool:
    if pred_value is None or isinstance(pred_value, bool):
        return False
    try:
        return float(pred_value) == float(gold_value)
    except (TypeError, ValueError):
        return False


def _vaccine_id(value: Any) -> Any:
    if isinstance(value, Mapping):
        return value.get("id")
    return value


def _is_filled(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, (list, tuple, set, frozenset)) and not value:
        return False
    return True


def _field_ok(
    field: str, pred: Mapping[str, Any], gold: Mapping[str, Any], key: str | None = None
) -> bool:
    """Whether ``pred`` agrees with ``gold`` on ``field`` (read under ``key`` when given:
    a field of a user-declared type compared as the packaged field ``field`` is)."""
    gold_value = gold.get(key or field)
    pred_value = pred.get(key or field)
    if field == "participants":
        return _participants_equal(pred, gold)
    if field in PARTY_ROLES:
        return _party_ok(pred_value, gold, field)
    if field == "date":
        gold_day = as_day(gold_value)
        return gold_day is not None and as_day(pred_value) == gold_day
    if field == "money":
        return _money_ok(pred_value, gold_value)
    if field == "doses":
        return _doses_ok(pred_value, gold_value)
    if field == "vaccine":
        return pred_value is not None and _vaccine_id(pred_value) == _vaccine_id(gold_value)
    return pred_value is not None and pred_value == gold_value


def _custom_field_ok(
    field: str, pred: Mapping[str, Any], gold: Mapping[str, Any], contract: TypeContract
) -> bool:
    """A field of a user-declared type, compared by its kind."""
    if field in contract.set_roles:
        return _participants_equal(pred, gold, field)
    if field in contract.party_roles:
        return _party_ok(pred.get(field), gold, field)
    kind = dict(contract.kinds).get(field, field)
    return _field_ok(kind if kind in ("doses", "money", "vaccine") else field, pred, gold, field)


def is_detected(
    pred: Mapping[str, Any], gold: Mapping[str, Any], contract: TypeContract | None = None
) -> bool:
    """Whether a prediction detects a gold event (EVENTS.md §6).

    Args:
        pred: A predicted event in gold dict shape.
        gold: A gold event.

        contract: The type's contract when it is a user-declared type.

    Returns:
        True when the types are equal and the key role
        (:data:`~vaxdiplo.evaluation.contract.KEY_ROLE`, or the contract's)
        agrees where gold fills it; for ``PhoneCall`` and ``Meeting`` (and a
        set-valued key role) the sets must share a party.
    """
    etype = gold.get("type")
    if pred.get("type") != etype:
        return False
    role = contract.key_role if contract is not None else KEY_ROLE.get(str(etype))
    if role is None or not _is_filled(gold.get(role)):
        return True
    if role == "participants" or (contract is not None and role in contract.set_roles):
        return _participants_share(pred, gold, role)
    return _party_ok(pred.get(role), gold, role)


def is_exact(
    pred: Mapping[str, Any], gold: Mapping[str, Any], contract: TypeContract | None = None
) -> bool:
    """Whether a prediction matches a gold event exactly (EVENTS.md §6).

    Money is compared on its amount only (within
    :data:`~vaxdiplo.evaluation.contract.MONEY_TOLERANCE` of gold's amount), as
    EVENTS.md §6 specifies.

    Args:
        pred: A predicted event in gold dict shape.
        gold: A gold event.
        contract: The type's contract when it is a user-declared type.

    Returns:
        True when the prediction detects the gold event and every field of
        :data:`~vaxdiplo.evaluation.contract.SCORED_FIELDS` (or of the
        contract) that gold fills is equal.
    """
    if not is_detected(pred, gold, contract):
        return False
    if contract is not None:
        filled = [f for f in contract.scored if _is_filled(gold.get(f))]
        return all(_custom_field_ok(f, pred, gold, contract) for f in filled)
    return all(_field_ok(f, pred, gold) for f in SCORED_FIELDS if _is_filled(gold.get(f)))


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------


def _max_weight_matching(weights: list[list[int]]) -> list[tuple[int, int]]:
    """A maximum-weight one-to-one matching (Hungarian algorithm, O(n^3) in C).

    Args:
        weights: ``weights[i][j] >= 0``; zero means "no edge".

    Returns:
        The matched ``(row, column)`` pairs with positive weight, sorted by row.
        The result is deterministic for a given input.
    """
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not weights or not weights[0]:
        return []
    matrix = np.asarray(weights, dtype=np.int64)
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return sorted((int(i), int(j)) for i, j in zip(rows, cols, strict=True) if matrix[i, j] > 0)


def match_group(
    gold: Sequence[Mapping[str, Any]],
    preds: Sequence[Mapping[str, Any]],
    contract: TypeContract | None = None,
) -> list[tuple[int, int, MatchKind]]:
    """Match the gold and predicted events of one article and one type.

    The objective is lexicographic: most exact pairs with non-optional gold,
    then most exact pairs, then most detected-only pairs with non-optional
    gold, then most detected-only pairs. The first two can always be reached
    together, and so can the last two, so this is a maximum exact matching
    that prefers non-optional gold, followed by a maximum detected matching of
    the rest that prefers non-optional gold; the weighting picks, among the
    equally good exact matchings, one that leaves most for the second stage.

    Args:
        gold: The gold events of the group.
        preds: The predictions of the group.
        contract: The type's contract when it is a user-declared type.

    Returns:
        ``(gold index, pred index, kind)`` triples, indices local to the inputs.
    """
    if not gold or not preds:
        return []
    base = max(len(gold), len(preds)) + 1
    w_exact_required = base**3 + base**2
    w_exact_optional = base**2
    w_detected_required = base + 1
    w_detected_optional = 1
    weights: list[list[int]] = []
    kinds: dict[tuple[int, int], MatchKind] = {}
    for gi, g in enumerate(gold):
        optional = bool(g.get("optional", False))
        row: list[int] = []
        for pi, p in enumerate(preds):
            if is_exact(p, g, contract):
                kinds[gi, pi] = "exact"
                row.append(w_exact_optional if optional else w_exact_required)
            elif is_detected(p, g, contract):
                kinds[gi, pi] = "detected"
                row.append(w_detected_optional if optional else w_detected_required)
            else:
                row.append(0)
        weights.append(row)
    return [(gi, pi, kinds[gi, pi]) for gi, pi in _max_weight_matching(weights)]
