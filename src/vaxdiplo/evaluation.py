"""Scoring of predicted vaccine-diplomacy events against gold annotations.

This module implements the gold format (EVENTS.md §5) and the scoring rules
(EVENTS.md §6). It is pure Python plus pydantic: it does not need spaCy or any
other part of the extraction pipeline, so it can score output produced by any
system that writes events in the gold dict shape.

Events on both sides are plain mappings::

    {"type": "Delivery", "supplier": "COVAX", "recipient": "VNM",
     "vaccine": "astrazeneca", "doses": 1200000, "channel": "covax",
     "date": "2021-06-04"}

Gold events may also carry ``optional`` (bool), ``alt`` (``{role: [other
accepted parties]}``) and free note keys (``evidence``, ``why``, ...), which
are not scored. Predicted events may carry extra keys (``evidence``,
``rule``, ``confidence``, ...), which are ignored.

Matching and counting, per article and per type:

* A pair is *detected* when the types are equal and the key role agrees
  (:data:`KEY_ROLE`); for ``PhoneCall`` and ``Meeting`` the participant sets
  must share a party. A gold event whose key role is null is detected by any
  prediction of its type.
* A pair is *exact* when it is detected and every scored field
  (:data:`SCORED_FIELDS`) that gold fills is equal.
* Predictions are matched one-to-one to gold events: first a maximum matching
  over exact pairs, then a maximum matching of what is left over detected
  pairs; at both stages non-optional gold events are preferred. Among the
  matchings that satisfy this, the one that leaves most room for detected
  pairs is chosen, so the resulting counts do not depend on the order of the
  predictions.
* For each metric, a matched non-optional gold event whose pair qualifies is a
  true positive; a matched optional gold event counts neither way (and its
  prediction is no false positive); an unmatched optional gold event is no
  miss; an unmatched non-optional gold event is a false negative; every
  unmatched prediction is a false positive, duplicates included. A pair that
  is detected but not exact with a non-optional gold event is one false
  negative and one false positive for the exact metric.

Precision, recall and F1 are micro-averaged (computed from summed counts)
overall, per type and per article. They are defined as ``0.0`` when their
denominator is zero; :class:`Prf` keeps the raw counts so that "0 of 0" can be
told from "0 of 5", and :meth:`Report.to_table` prints ``-`` for undefined
figures.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

__all__ = [
    "EVENT_TYPES",
    "KEY_ROLE",
    "MONEY_TOLERANCE",
    "PARTY_ROLES",
    "SCORED_FIELDS",
    "STATE_PRODUCERS",
    "ArticleMatches",
    "GoldDocument",
    "GoldFormatError",
    "Prf",
    "Report",
    "Scores",
    "is_detected",
    "is_exact",
    "load_gold",
    "same_party",
    "score",
]

EVENT_TYPES: tuple[str, ...] = (
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
"""The nine event types of EVENTS.md §4, in the order the spec lists them."""

KEY_ROLE: dict[str, str] = {
    "PhoneCall": "participants",
    "Meeting": "participants",
    "Approval": "authority",
    "DonationPledge": "donor",
    "Delivery": "recipient",
    "TechTransfer": "recipient",
    "SupplyRequest": "requester",
    "TechTransferRequest": "requester",
    "PurchaseAgreement": "buyer",
}
"""The role that decides whether a prediction *detects* a gold event, by type."""

PARTY_ROLES: tuple[str, ...] = (
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
"""Single-party roles (``participants`` is the one set-valued role)."""

SCORED_FIELDS: tuple[str, ...] = (
    "participants",
    *PARTY_ROLES,
    "vaccine",
    "approval",
    "doses",
    "money",
    "channel",
    "date",
)
"""Every field that counts for the exact metric when gold fills it."""

STATE_PRODUCERS: dict[str, str] = {
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
"""State-owned producers and public institutes mapped to their state (EVENTS.md §1).

Either the producer's registry id or its state's ISO3 code is accepted as the
party of such an actor, so the two compare equal in scoring.
"""

MONEY_TOLERANCE: float = 0.01
"""Largest accepted relative deviation of a predicted money amount from gold's."""

_FLOAT_SLACK = 1e-9
_GOLD_NOTE_KEYS = ("optional", "alt")

MatchKind = Literal["exact", "detected"]


class GoldFormatError(ValueError):
    """A gold file cannot be read; the message names the file and line."""


# ---------------------------------------------------------------------------
# Gold documents
# ---------------------------------------------------------------------------


class GoldDocument(BaseModel):
    """One annotated article.

    Attributes:
        id: Unique document id; predictions are keyed by it.
        published: Publication date of the article, if known.
        text: The article text.
        events: Gold events as plain dicts in the format of EVENTS.md §5.
        extra: Every other top-level key of the gold object (e.g. ``"file"``).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    published: date | None = None
    text: str = ""
    events: list[dict[str, Any]] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _collect_extra(cls, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return data
        known = {"id", "published", "text", "events", "extra"}
        extra = dict(data.get("extra") or {})
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key in known:
                out[key] = value
            else:
                extra[key] = value
        out["extra"] = extra
        return out

    @field_validator("events")
    @classmethod
    def _check_events(cls, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for index, event in enumerate(events):
            _check_gold_event(event, index)
        return events


def _check_gold_event(event: Mapping[str, Any], index: int) -> None:
    """Raise ``ValueError`` when a gold event breaks the gold format."""
    where = f"event {index}"
    etype = event.get("type")
    if etype not in EVENT_TYPES:
        raise ValueError(f"{where}: unknown event type {etype!r}")
    optional = event.get("optional", False)
    if not isinstance(optional, bool):
        raise ValueError(f"{where}: 'optional' must be a boolean, got {optional!r}")
    alt = event.get("alt")
    if alt is not None:
        if not isinstance(alt, Mapping):
            raise ValueError(f"{where}: 'alt' must map roles to lists of parties")
        for role, parties in alt.items():
            if role != "participants" and role not in PARTY_ROLES:
                raise ValueError(f"{where}: 'alt' names {role!r}, which is not a party role")
            if isinstance(parties, str) or not isinstance(parties, Sequence):
                raise ValueError(f"{where}: 'alt[{role!r}]' must be a list of parties")
    participants = event.get("participants")
    if participants is not None and (
        isinstance(participants, str) or not isinstance(participants, Sequence)
    ):
        raise ValueError(f"{where}: 'participants' must be a list of parties")
    day = event.get("date")
    if day is not None and _as_day(day) is None:
        raise ValueError(f"{where}: 'date' must be an ISO date (YYYY-MM-DD) or null, got {day!r}")
    money = event.get("money")
    if money is not None and _money_amount(money) is None:
        raise ValueError(
            f"{where}: 'money' must be an object with a numeric 'amount', got {money!r}"
        )


def _parse_document(obj: Any, where: str) -> GoldDocument:
    if not isinstance(obj, Mapping):
        raise GoldFormatError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    try:
        return GoldDocument.model_validate(obj)
    except ValidationError as exc:
        raise GoldFormatError(f"{where}: invalid gold document: {exc}") from exc


def _load_jsonl(path: Path) -> list[GoldDocument]:
    docs: list[GoldDocument] = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(
                    f"{where}: invalid JSON: {exc.msg} (column {exc.colno})"
                ) from exc
            docs.append(_parse_document(obj, where))
    return docs


def _load_json(path: Path) -> list[GoldDocument]:
    text = path.read_text(encoding="utf-8")
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(
            f"{path}:{exc.lineno}: invalid JSON: {exc.msg} (column {exc.colno})"
        ) from exc
    if isinstance(obj, list):
        return [_parse_document(item, f"{path}: item {i}") for i, item in enumerate(obj)]
    return [_parse_document(obj, str(path))]


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Load gold documents.

    Args:
        path: A ``.jsonl`` file (one JSON object per line; blank lines are
            skipped), a ``.json`` file (one object or a list of objects), or a
            directory whose ``.json`` and ``.jsonl`` files (not recursive,
            sorted by name) are read in turn.

    Returns:
        The documents, in file order.

    Raises:
        GoldFormatError: When a file is not valid JSON or a document breaks the
            gold format (the message names the file and the line or list item),
            when a document id occurs twice, or when the path is neither such a
            file nor a directory.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in (".json", ".jsonl"))
    elif path.is_file():
        files = [path]
    else:
        raise GoldFormatError(f"{path}: no such file or directory")
    docs: list[GoldDocument] = []
    seen: dict[str, Path] = {}
    for file in files:
        if file.suffix == ".jsonl":
            loaded = _load_jsonl(file)
        elif file.suffix == ".json":
            loaded = _load_json(file)
        else:
            raise GoldFormatError(f"{file}: expected a .json or .jsonl file")
        for doc in loaded:
            if doc.id in seen:
                raise GoldFormatError(
                    f"{file}: document id {doc.id!r} already read from {seen[doc.id]}"
                )
            seen[doc.id] = file
        docs.extend(loaded)
    return docs


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
        (:data:`STATE_PRODUCERS`) and the other its state.
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


def _participants_share(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    accepted = _accepted(gold, "participants")
    return any(same_party(p, a) for p in _parties(pred.get("participants")) for a in accepted)


def _participants_equal(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Set equality under :func:`same_party`, with ``alt`` parties as accepted extras.

    Every gold participant must be matched by some predicted participant, and
    every predicted participant must match a gold participant or a party that
    ``alt["participants"]`` lists.
    """
    gold_parties = _parties(gold.get("participants"))
    accepted = _accepted(gold, "participants")
    pred_parties = _parties(pred.get("participants"))
    covers_gold = all(any(same_party(p, g) for p in pred_parties) for g in gold_parties)
    all_accepted = all(any(same_party(p, a) for a in accepted) for p in pred_parties)
    return covers_gold and all_accepted


def _as_day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _money_amount(value: Any) -> float | None:
    if not isinstance(value, Mapping):
        return None
    amount = value.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        return None
    amount = float(amount)
    return amount if math.isfinite(amount) else None


def _money_ok(pred_value: Any, gold_value: Any) -> bool:
    gold_amount = _money_amount(gold_value)
    pred_amount = _money_amount(pred_value)
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


def _field_ok(field: str, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    gold_value = gold.get(field)
    pred_value = pred.get(field)
    if field == "participants":
        return _participants_equal(pred, gold)
    if field in PARTY_ROLES:
        return _party_ok(pred_value, gold, field)
    if field == "date":
        gold_day = _as_day(gold_value)
        return gold_day is not None and _as_day(pred_value) == gold_day
    if field == "money":
        return _money_ok(pred_value, gold_value)
    if field == "doses":
        return _doses_ok(pred_value, gold_value)
    if field == "vaccine":
        return pred_value is not None and _vaccine_id(pred_value) == _vaccine_id(gold_value)
    return pred_value is not None and pred_value == gold_value


def is_detected(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Whether a prediction detects a gold event (EVENTS.md §6).

    Args:
        pred: A predicted event in gold dict shape.
        gold: A gold event.

    Returns:
        True when the types are equal and the key role (:data:`KEY_ROLE`)
        agrees where gold fills it; for ``PhoneCall`` and ``Meeting`` the
        participant sets must share a party.
    """
    etype = gold.get("type")
    if pred.get("type") != etype:
        return False
    role = KEY_ROLE.get(str(etype))
    if role is None or not _is_filled(gold.get(role)):
        return True
    if role == "participants":
        return _participants_share(pred, gold)
    return _party_ok(pred.get(role), gold, role)


def is_exact(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Whether a prediction matches a gold event exactly (EVENTS.md §6).

    Money is compared on its amount only (within :data:`MONEY_TOLERANCE` of
    gold's amount), as EVENTS.md §6 specifies.

    Args:
        pred: A predicted event in gold dict shape.
        gold: A gold event.

    Returns:
        True when the prediction detects the gold event and every field of
        :data:`SCORED_FIELDS` that gold fills is equal.
    """
    if not is_detected(pred, gold):
        return False
    return all(_field_ok(f, pred, gold) for f in SCORED_FIELDS if _is_filled(gold.get(f)))


# ---------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------


def _max_weight_matching(weights: list[list[int]]) -> list[tuple[int, int]]:
    """A maximum-weight one-to-one matching (Hungarian algorithm, O(n^3)).

    Args:
        weights: ``weights[i][j] >= 0``; zero means "no edge".

    Returns:
        The matched ``(row, column)`` pairs with positive weight, sorted by row.
        The result is deterministic for a given input.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    n = max(rows, cols)
    top = max(max(row) for row in weights)
    # Square cost matrix, 1-based, minimising top - weight.
    cost = [[0] * (n + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, n + 1):
            w = weights[i - 1][j - 1] if i <= rows and j <= cols else 0
            cost[i][j] = top - w
    inf = float("inf")
    u = [0] * (n + 1)
    v = [0] * (n + 1)
    owner = [0] * (n + 1)  # owner[j]: row assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = inf
            j1 = 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0][j] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while True:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs = [
        (owner[j] - 1, j - 1)
        for j in range(1, n + 1)
        if owner[j] <= rows and j <= cols and weights[owner[j] - 1][j - 1] > 0
    ]
    return sorted(pairs)


def _match_group(
    gold: Sequence[Mapping[str, Any]], preds: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int, MatchKind]]:
    """Match the gold and predicted events of one article and one type.

    The objective is lexicographic: most exact pairs with non-optional gold,
    then most exact pairs, then most detected-only pairs with non-optional
    gold, then most detected-only pairs. The first two can always be reached
    together, and so can the last two, so this is a maximum exact matching
    that prefers non-optional gold, followed by a maximum detected matching of
    the rest that prefers non-optional gold; the weighting picks, among the
    equally good exact matchings, one that leaves most for the second stage.

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
            if is_exact(p, g):
                kinds[gi, pi] = "exact"
                row.append(w_exact_optional if optional else w_exact_required)
            elif is_detected(p, g):
                kinds[gi, pi] = "detected"
                row.append(w_detected_optional if optional else w_detected_required)
            else:
                row.append(0)
        weights.append(row)
    return [(gi, pi, kinds[gi, pi]) for gi, pi in _max_weight_matching(weights)]


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


class Prf(BaseModel):
    """Counts and precision, recall, F1 for one metric.

    ``precision = tp / (tp + fp)``, ``recall = tp / (tp + fn)``, and F1 their
    harmonic mean; each is ``0.0`` when its denominator is zero. Use
    :attr:`n_predicted` and :attr:`n_gold` (or the counts themselves) to tell
    "0 of 0" from "0 of 5".

    Attributes:
        tp: True positives.
        fp: False positives.
        fn: False negatives.
        precision: Precision (0.0 if ``tp + fp == 0``).
        recall: Recall (0.0 if ``tp + fn == 0``).
        f1: F1 (0.0 if precision + recall is 0).
    """

    model_config = ConfigDict(frozen=True)

    tp: int = 0
    fp: int = 0
    fn: int = 0
    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> Prf:
        """Build from counts, computing precision, recall and F1.

        Args:
            tp: True positives.
            fp: False positives.
            fn: False negatives.

        Returns:
            The scores.
        """
        precision = _ratio(tp, tp + fp)
        recall = _ratio(tp, tp + fn)
        f1 = _ratio(2 * tp, 2 * tp + fp + fn)
        return cls(tp=tp, fp=fp, fn=fn, precision=precision, recall=recall, f1=f1)

    @property
    def n_predicted(self) -> int:
        """Predictions that count for this metric (precision's denominator)."""
        return self.tp + self.fp

    @property
    def n_gold(self) -> int:
        """Gold events that count for this metric (recall's denominator)."""
        return self.tp + self.fn

    def __add__(self, other: Prf) -> Prf:
        return Prf.from_counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


class Scores(BaseModel):
    """Scores of both metrics for one scope (overall, a type or an article).

    Attributes:
        detected: Scores where a pair counts when it is detected.
        exact: Scores where a pair counts only when it is exact.
    """

    model_config = ConfigDict(frozen=True)

    detected: Prf = Field(default_factory=Prf)
    exact: Prf = Field(default_factory=Prf)

    def __add__(self, other: Scores) -> Scores:
        return Scores(detected=self.detected + other.detected, exact=self.exact + other.exact)


class ArticleMatches(BaseModel):
    """The matching of one article, for error analysis.

    Indices refer to the article's gold ``events`` list and to its list of
    predictions as passed to :func:`score`.

    Attributes:
        pairs: ``(gold index, pred index, "exact" | "detected")``, sorted.
        unmatched_gold: Gold events left unmatched (optional ones included).
        unmatched_pred: Predictions left unmatched (all false positives).
    """

    model_config = ConfigDict(frozen=True)

    pairs: list[tuple[int, int, MatchKind]] = Field(default_factory=list)
    unmatched_gold: list[int] = Field(default_factory=list)
    unmatched_pred: list[int] = Field(default_factory=list)


class Report(BaseModel):
    """The result of :func:`score`.

    Attributes:
        overall: Micro-averaged scores over all articles.
        per_type: Scores per event type, for every type present in gold or
            predictions, in :data:`EVENT_TYPES` order.
        per_article: Scores per document id, in gold order.
        matches: The matching per document id.
    """

    model_config = ConfigDict(frozen=True)

    overall: Scores
    per_type: dict[str, Scores]
    per_article: dict[str, Scores]
    matches: dict[str, ArticleMatches]

    def to_json(self, indent: int | None = 2) -> str:
        """Serialise the report as JSON.

        Args:
            indent: JSON indentation, or None for one line.

        Returns:
            The JSON text.
        """
        return self.model_dump_json(indent=indent)

    def to_table(self) -> str:
        """Render the scores as a plain-text table.

        Rows: overall, each type, each article. Columns: precision, recall and
        F1 of the detected metric, the same of the exact metric, then
        tp/fp/fn of each. A figure whose denominator is zero is shown as
        ``-`` rather than ``0.000``.

        Returns:
            The table, lines separated by newlines, without a final newline.
        """
        rows: list[tuple[str, Scores]] = [("overall", self.overall)]
        rows += [(f"type {name}", s) for name, s in self.per_type.items()]
        rows += [(f"article {doc_id}", s) for doc_id, s in self.per_article.items()]
        header = [
            "scope",
            "det P",
            "det R",
            "det F1",
            "ex P",
            "ex R",
            "ex F1",
            "det tp/fp/fn",
            "ex tp/fp/fn",
        ]
        body = [header]
        for label, s in rows:
            cells = [label]
            for prf in (s.detected, s.exact):
                cells += [
                    _fmt(prf.precision, prf.n_predicted),
                    _fmt(prf.recall, prf.n_gold),
                    _fmt(prf.f1, prf.n_predicted + prf.n_gold),
                ]
            cells += [f"{p.tp}/{p.fp}/{p.fn}" for p in (s.detected, s.exact)]
            body.append(cells)
        widths = [max(len(r[i]) for r in body) for i in range(len(header))]
        lines = []
        for n, cells in enumerate(body):
            first = cells[0].ljust(widths[0])
            rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
            lines.append("  ".join([first, *rest]).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)


def _fmt(value: float, denominator: int) -> str:
    return f"{value:.3f}" if denominator else "-"


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------


def _check_prediction(event: Any, doc_id: str, index: int) -> Mapping[str, Any]:
    if not isinstance(event, Mapping):
        raise TypeError(
            f"prediction {index} of {doc_id!r} is a {type(event).__name__}, expected a mapping"
        )
    if event.get("type") not in EVENT_TYPES:
        raise ValueError(
            f"prediction {index} of {doc_id!r} has unknown event type {event.get('type')!r}"
        )
    return event


def _count(
    gold: Sequence[Mapping[str, Any]],
    n_preds: int,
    pairs: Iterable[tuple[int, int, MatchKind]],
) -> Scores:
    """Counts of one group of gold events and predictions given their matching."""
    det_tp = ex_tp = ex_only_detected = 0
    matched_gold: set[int] = set()
    n_matched = 0
    for gi, _pi, kind in pairs:
        matched_gold.add(gi)
        n_matched += 1
        if gold[gi].get("optional", False):
            continue
        det_tp += 1
        if kind == "exact":
            ex_tp += 1
        else:
            ex_only_detected += 1
    missed = sum(
        1 for gi, g in enumerate(gold) if gi not in matched_gold and not g.get("optional", False)
    )
    unmatched_preds = n_preds - n_matched
    detected = Prf.from_counts(det_tp, unmatched_preds, missed)
    exact = Prf.from_counts(ex_tp, unmatched_preds + ex_only_detected, missed + ex_only_detected)
    return Scores(detected=detected, exact=exact)


def score(
    gold_docs: Sequence[GoldDocument],
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
) -> Report:
    """Score predicted events against gold (EVENTS.md §6).

    Args:
        gold_docs: The gold documents.
        predictions: Predicted events (dicts in gold shape; extra keys are
            ignored) keyed by document id. A gold document without an entry
            has no predictions.

    Returns:
        The report: micro-averaged scores overall, per type and per article,
        and the matching of each article.

    Raises:
        ValueError: When a prediction key names no gold document, a document id
            occurs twice in ``gold_docs``, or a prediction has an unknown type.
        TypeError: When a prediction is not a mapping.
    """
    ids = [doc.id for doc in gold_docs]
    if len(set(ids)) != len(ids):
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        raise ValueError(f"duplicate gold document ids: {dupes}")
    unknown = sorted(set(predictions) - set(ids))
    if unknown:
        raise ValueError(f"predictions for documents not in gold: {unknown}")

    per_type: dict[str, Scores] = {}
    per_article: dict[str, Scores] = {}
    matches: dict[str, ArticleMatches] = {}
    for doc in gold_docs:
        preds = [_check_prediction(p, doc.id, i) for i, p in enumerate(predictions.get(doc.id, ()))]
        article = Scores()
        pairs: list[tuple[int, int, MatchKind]] = []
        types = {e["type"] for e in doc.events} | {p["type"] for p in preds}
        for etype in (t for t in EVENT_TYPES if t in types):
            gold_idx = [i for i, e in enumerate(doc.events) if e["type"] == etype]
            pred_idx = [i for i, p in enumerate(preds) if p["type"] == etype]
            group_gold = [doc.events[i] for i in gold_idx]
            local = _match_group(group_gold, [preds[i] for i in pred_idx])
            group = _count(group_gold, len(pred_idx), local)
            per_type[etype] = per_type.get(etype, Scores()) + group
            article = article + group
            pairs += [(gold_idx[gi], pred_idx[pi], kind) for gi, pi, kind in local]
        pairs.sort()
        matched_gold = {gi for gi, _, _ in pairs}
        matched_pred = {pi for _, pi, _ in pairs}
        matches[doc.id] = ArticleMatches(
            pairs=pairs,
            unmatched_gold=[i for i in range(len(doc.events)) if i not in matched_gold],
            unmatched_pred=[i for i in range(len(preds)) if i not in matched_pred],
        )
        per_article[doc.id] = article

    overall = Scores()
    for s in per_article.values():
        overall = overall + s
    ordered_types = {t: per_type[t] for t in EVENT_TYPES if t in per_type}
    return Report(overall=overall, per_type=ordered_types, per_article=per_article, matches=matches)
