"""Sentence -> expected event tables, one file per event type (``tests/data/events``).

Each line of ``<Type>.jsonl`` is an article with its gold events. Only events of
``<Type>`` are compared, by the contract's scorer: every non-optional gold event must
be matched exactly and no other event of that type may be predicted (so a line without
gold events of the type asserts that none is found).

Lines with a ``url`` are real news sentences (quoted with their source); a real line
that the rules do not yet read right names the gap in ``known_gap`` and is a strict
expected failure.
"""

from __future__ import annotations

import json

import pytest

from conftest import event_table_cases, event_table_files, load_jsonl
from vaxdiplo.evaluation import GoldDocument, score

CASES = event_table_cases()


def _param(etype: str, row: dict) -> object:
    """A table case; a real sentence the rules do not yet read right carries its gap
    (``known_gap``) and is a strict expected failure, so that fixing it is noticed."""
    marks = (
        [pytest.mark.xfail(reason=row["known_gap"], strict=True)] if row.get("known_gap") else []
    )
    return pytest.param(etype, row, id=f"{etype}/{row['id']}", marks=marks)


MIN_POSITIVE = 10
MIN_NEGATIVE = 6


def _fmt(events: list[dict]) -> str:
    return "\n".join("  " + json.dumps(e, ensure_ascii=False) for e in events) or "  (none)"


def _is_positive(row: dict, etype: str) -> bool:
    return any(e["type"] == etype and not e.get("optional", False) for e in row["events"])


@pytest.mark.parametrize(("etype", "row"), [_param(etype, row) for etype, row in CASES])
def test_event_tables_case(extractor, etype, row):
    result = extractor.extract(row["text"], published=row.get("published"), doc_id=row["id"])
    predicted = [e.to_gold() for e in result.events if e.type == etype]
    gold = [e for e in row["events"] if e["type"] == etype]
    doc = GoldDocument(id=row["id"], published=row.get("published"), text=row["text"], events=gold)
    exact = score([doc], {row["id"]: predicted}).overall.exact
    n_gold = sum(1 for e in gold if not e.get("optional", False))
    assert (exact.tp, exact.fp, exact.fn) == (n_gold, 0, 0), (
        f"{etype} in {row['id']}: exact tp/fp/fn = {exact.tp}/{exact.fp}/{exact.fn}, "
        f"expected {n_gold}/0/0 ({row.get('note', '')})\n"
        f"predicted:\n{_fmt(predicted)}\ngold:\n{_fmt(gold)}"
    )


@pytest.mark.parametrize("path", event_table_files(), ids=lambda p: p.stem)
def test_event_tables_have_enough_cases(path):
    rows = load_jsonl(path)
    positive = sum(_is_positive(r, path.stem) for r in rows)
    negative = len(rows) - positive
    assert positive >= MIN_POSITIVE, f"{path.name}: {positive} positive lines"
    assert negative >= MIN_NEGATIVE, f"{path.name}: {negative} negative lines"


def test_event_tables_ids_unique():
    ids = [row["id"] for _, row in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_event_tables_cover_every_type():
    from vaxdiplo.evaluation import EVENT_TYPES

    assert sorted(p.stem for p in event_table_files()) == sorted(EVENT_TYPES)
