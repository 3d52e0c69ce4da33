"""``vaxdiplo.dask``: the same events on a two-worker ``distributed.LocalCluster``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

distributed = pytest.importorskip(
    "distributed", reason="vaxdiplo[dask] is not installed (dask, distributed)"
)
db = pytest.importorskip("dask.bag", reason="vaxdiplo[dask] is not installed (dask.bag)")
dd = pytest.importorskip("dask.dataframe", reason="vaxdiplo[dask] is not installed")

import pandas as pd  # noqa: E402

import vaxdiplo  # noqa: E402
from vaxdiplo.dask import extract_bag, extract_frame  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _records() -> list[dict]:
    rows = [json.loads(line) for line in (FIXTURES / "gold.jsonl").open(encoding="utf-8")]
    return [{k: r.get(k) for k in ("id", "text", "published")} for r in rows]


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(str).sort_values(["doc_id", "event"]).reset_index(drop=True)


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_dask_bag_and_frame_give_the_local_events(client, rules_extractor):
    records = _records()
    local = vaxdiplo.to_frame(rules_extractor.extract_many(records))
    assert len(local) > 5
    events = extract_bag(db.from_sequence(records, npartitions=3), model="rules")
    assert isinstance(events, dd.DataFrame)
    assert list(events.columns) == list(local.columns)
    got = events.compute()
    assert _sorted(got).equals(_sorted(local))
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=2)
    assert _sorted(extract_frame(frame, model="rules").compute()).equals(_sorted(local))
    workers = client.run(
        lambda: __import__("vaxdiplo.extractor").extractor._extractor.cache_info().currsize
    )
    assert len(workers) == 2 and all(n == 1 for n in workers.values())  # one Extractor each
