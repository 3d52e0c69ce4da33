"""Scoring predictions against gold documents (EVENTS.md §6).

:func:`score` splits each article's gold events and predictions by type,
matches each group with :func:`~vaxdiplo.evaluation.matching.match_group` and
counts the result. For each metric (*detected*, *exact*):

* a matched non-optional gold event whose pair qualifies is a true positive;
* a matched optional gold event counts neither way, and its prediction is no
  false positive;
* an unmatched optional gold event is no miss; an unmatched non-optional gold
  event is a false negative;
* every unmatched prediction is a false positive, duplicates included;
* a pair that is detected but not exact with a non-optional gold event is one
  false negative and one false positive for the exact metric.

The counts are summed per article, per type and overall into a
:class:`~vaxdiplo.evaluation.report.Report`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from vaxdiplo.evaluation.contract import EVENT_TYPES, MatchKind, TypeContract
from vaxdiplo.evaluation.gold import GoldDocument
from vaxdiplo.evaluation.matching import match_group
from vaxdiplo.evaluation.report import ArticleMatches, Prf, Report, Scores

__all__ = ["score"]


def _check_prediction(
    event: Any, doc_id: str, index: int, types: Mapping[str, TypeContract]
) -> Mapping[str, Any]:
    if not isinstance(event, Mapping):
        raise TypeError(
            f"prediction {index} of {doc_id!r} is a {type(event).__name__}, expected a mapping"
        )
    if event.get("type") not in EVENT_TYPES and event.get("type") not in types:
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


def _score_article(
    doc: GoldDocument, preds: Sequence[Mapping[str, Any]], types: Mapping[str, TypeContract]
) -> tuple[dict[str, Scores], ArticleMatches]:
    """Match and count one article, type by type.

    Args:
        doc: The gold document.
        preds: Its checked predictions.
        types: The contracts of user-declared types.

    Returns:
        The scores of each type present in gold or predictions (in
        :data:`~vaxdiplo.evaluation.contract.EVENT_TYPES` order) and the
        article's matching.
    """
    by_type: dict[str, Scores] = {}
    pairs: list[tuple[int, int, MatchKind]] = []
    present = {e["type"] for e in doc.events} | {p["type"] for p in preds}
    for etype in (t for t in (*EVENT_TYPES, *types) if t in present):
        gold_idx = [i for i, e in enumerate(doc.events) if e["type"] == etype]
        pred_idx = [i for i, p in enumerate(preds) if p["type"] == etype]
        group_gold = [doc.events[i] for i in gold_idx]
        local = match_group(group_gold, [preds[i] for i in pred_idx], types.get(etype))
        by_type[etype] = _count(group_gold, len(pred_idx), local)
        pairs += [(gold_idx[gi], pred_idx[pi], kind) for gi, pi, kind in local]
    pairs.sort()
    matched_gold = {gi for gi, _, _ in pairs}
    matched_pred = {pi for _, pi, _ in pairs}
    matches = ArticleMatches(
        pairs=pairs,
        unmatched_gold=[i for i in range(len(doc.events)) if i not in matched_gold],
        unmatched_pred=[i for i in range(len(preds)) if i not in matched_pred],
    )
    return by_type, matches


def score(
    gold_docs: Sequence[GoldDocument],
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
    types: Mapping[str, TypeContract] | None = None,
) -> Report:
    """Score predicted events against gold (EVENTS.md §6).

    Args:
        gold_docs: The gold documents.
        predictions: Predicted events (dicts in gold shape; extra keys are
            ignored) keyed by document id. A gold document without an entry
            has no predictions.
        types: User-declared event types by name (their key role, roles and
            fields); scored after the packaged types, in this order.

    Returns:
        The report: micro-averaged scores overall, per type and per article,
        and the matching of each article.

    Raises:
        ValueError: When a prediction key names no gold document, a document id
            occurs twice in ``gold_docs``, or a prediction has an unknown type.
        TypeError: When a prediction is not a mapping.
    """
    types = dict(types or {})
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
        given = predictions.get(doc.id, ())
        preds = [_check_prediction(p, doc.id, i, types) for i, p in enumerate(given)]
        by_type, matches[doc.id] = _score_article(doc, preds, types)
        article = Scores()
        for etype, group in by_type.items():
            per_type[etype] = per_type.get(etype, Scores()) + group
            article = article + group
        per_article[doc.id] = article

    overall = Scores()
    for s in per_article.values():
        overall = overall + s
    ordered_types = {t: per_type[t] for t in (*EVENT_TYPES, *types) if t in per_type}
    return Report(overall=overall, per_type=ordered_types, per_article=per_article, matches=matches)
