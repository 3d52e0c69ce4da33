"""``merge_events``: reports of one real-world event from several articles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import vaxdiplo
from vaxdiplo.readers import read

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DELIVERY = "China delivered {n} doses of Sinopharm vaccine to Laos on June {d}."


def test_merging_the_seed_phone_call_has_two_sources(extractor):
    results = list(extractor.extract_many(read(FIXTURES / "gold.jsonl")))
    merged = vaxdiplo.merge_events(results)
    calls = [m for m in merged if m.event.type == "PhoneCall" and len(m.sources) > 1]
    [call] = calls
    assert call.doc_ids == ("seed-000", "seed-003")
    assert sorted(a.party for a in call.event.participants) == ["CHN", "VNM"]
    assert call.event.date == dt.date(2021, 6, 4)
    texts = {r.doc_id: r.text for r in results}
    for source in call.sources:
        assert source.evidence
        for ev in source.evidence:
            assert texts[source.doc_id][ev.start : ev.end] == ev.text
    assert sum(len(m.sources) for m in merged) == sum(len(r.events) for r in results)


def test_merging_needs_other_articles_and_compatible_dates_and_quantities(rules_extractor):
    items = [
        ("a", DELIVERY.format(n="1 million", d=5), "2021-06-06"),
        ("b", DELIVERY.format(n="1 million", d=6), "2021-06-07"),  # a day later: same
        ("c", DELIVERY.format(n="2 million", d=5), "2021-06-06"),  # other doses
        ("d", DELIVERY.format(n="1 million", d=20), "2021-06-21"),  # two weeks later
        ("e", DELIVERY.format(n="1 million", d=5) * 2, "2021-06-06"),
    ]
    results = list(rules_extractor.extract_many(items))
    merged = vaxdiplo.merge_events(results)
    groups = sorted(m.doc_ids for m in merged)
    assert ("a", "b", "e") in groups
    assert ("c",) in groups and ("d",) in groups
    assert all(len(set(g)) == len(g) for g in groups)  # one document, one report
