"""Scoring of predicted vaccine-diplomacy events against gold annotations.

The package implements the gold format (EVENTS.md §5) and the scoring rules
(EVENTS.md §6). It is pure Python plus pydantic: it does not need spaCy or any
other part of the extraction pipeline, so it can score output produced by any
system that writes events in the gold dict shape.

Flow::

    gold file ──load_gold──▶ [GoldDocument]            gold.py
                                   │   predictions {doc id: [event dict]}
                                   ▼        │
                                 score ◀────┘            scoring.py
                                   │  per article, per type:
                                   │  match_group, is_exact, is_detected
                                   │                     matching.py
                                   ▼
                                 Report (Scores, Prf,    report.py
                                 ArticleMatches) ─▶ to_json / to_table

The constants of the contract (event types, key roles, scored fields, state
producers, money tolerance) live in ``contract.py``; ``values.py`` reads dates
and money amounts the same way for gold validation and for matching.

Example:
    >>> from vaxdiplo.evaluation import load_gold, score
    >>> docs = load_gold("gold.jsonl")  # doctest: +SKIP
    >>> print(score(docs, predictions).to_table())  # doctest: +SKIP
"""

from __future__ import annotations

from vaxdiplo.evaluation.contract import (
    EVENT_TYPES,
    FIELDS_BY_TYPE,
    KEY_ROLE,
    MONEY_TOLERANCE,
    PARTY_ROLES,
    SCORED_FIELDS,
    STATE_PRODUCERS,
)
from vaxdiplo.evaluation.contract import MatchKind as MatchKind
from vaxdiplo.evaluation.gold import (
    GoldDocument,
    GoldEvent,
    GoldFormatError,
    GoldWarning,
    load_gold,
)
from vaxdiplo.evaluation.matching import is_detected, is_exact, same_party
from vaxdiplo.evaluation.report import ArticleMatches, Prf, Report, Scores
from vaxdiplo.evaluation.scoring import score

__all__ = [
    "EVENT_TYPES",
    "FIELDS_BY_TYPE",
    "KEY_ROLE",
    "MONEY_TOLERANCE",
    "PARTY_ROLES",
    "SCORED_FIELDS",
    "STATE_PRODUCERS",
    "ArticleMatches",
    "GoldDocument",
    "GoldEvent",
    "GoldFormatError",
    "GoldWarning",
    "Prf",
    "Report",
    "Scores",
    "is_detected",
    "is_exact",
    "load_gold",
    "same_party",
    "score",
]
