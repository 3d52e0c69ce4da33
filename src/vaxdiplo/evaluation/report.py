"""The scores and matchings that :func:`~vaxdiplo.evaluation.score` returns.

Precision, recall and F1 are micro-averaged (computed from summed counts)
overall, per type and per article. They are defined as ``0.0`` when their
denominator is zero; :class:`Prf` keeps the raw counts so that "0 of 0" can be
told from "0 of 5", and :meth:`Report.to_table` prints ``-`` for undefined
figures.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from vaxdiplo.evaluation.contract import MatchKind

__all__ = ["ArticleMatches", "Prf", "Report", "Scores"]

_TABLE_HEADER = (
    "scope",
    "det P",
    "det R",
    "det F1",
    "ex P",
    "ex R",
    "ex F1",
    "det tp/fp/fn",
    "ex tp/fp/fn",
)


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
    predictions as passed to :func:`~vaxdiplo.evaluation.score`.

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
    """The result of :func:`~vaxdiplo.evaluation.score`.

    Attributes:
        overall: Micro-averaged scores over all articles.
        per_type: Scores per event type, for every type present in gold or
            predictions, in :data:`~vaxdiplo.evaluation.contract.EVENT_TYPES`
            order.
        per_article: Scores per document id, in gold order.
        matches: The matching per document id.
        failures: Documents whose extraction raised (id -> error), scored as
            having no predictions; only :func:`vaxdiplo.evaluate` fills it.
    """

    model_config = ConfigDict(frozen=True)

    overall: Scores
    per_type: dict[str, Scores]
    per_article: dict[str, Scores]
    matches: dict[str, ArticleMatches]
    failures: dict[str, str] = Field(default_factory=dict)

    def to_json(self, indent: int | None = 2) -> str:
        """Serialise the report as JSON.

        Args:
            indent: JSON indentation, or None for one line.

        Returns:
            The JSON text.
        """
        return self.model_dump_json(indent=indent, exclude=None if self.failures else {"failures"})

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
        body = [list(_TABLE_HEADER)] + [_table_cells(label, s) for label, s in rows]
        widths = [max(len(r[i]) for r in body) for i in range(len(_TABLE_HEADER))]
        lines = []
        for n, cells in enumerate(body):
            first = cells[0].ljust(widths[0])
            rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
            lines.append("  ".join([first, *rest]).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)


def _table_cells(label: str, s: Scores) -> list[str]:
    """The cells of one table row: label, P/R/F1 of both metrics, their counts."""
    cells = [label]
    for prf in (s.detected, s.exact):
        cells += [
            _fmt(prf.precision, prf.n_predicted),
            _fmt(prf.recall, prf.n_gold),
            _fmt(prf.f1, prf.n_predicted + prf.n_gold),
        ]
    cells += [f"{p.tp}/{p.fp}/{p.fn}" for p in (s.detected, s.exact)]
    return cells


def _fmt(value: float, denominator: int) -> str:
    return f"{value:.3f}" if denominator else "-"
