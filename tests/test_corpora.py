"""End-to-end figures on whole articles, scored by the contract's rules (EVENTS.md §6).

The seed fixtures are the acceptance bar; the four article sets in tests/data were
written for this project in the style of wire copy and are held to a floor, so that a
rule change that helps one table but hurts whole articles shows up here. The shared
development set is third-party text: it is read from beside the checkout when present
and never copied into the repository.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vaxdiplo.evaluation import load_gold, score

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT.parent / "shared" / "devset" / "gold.jsonl"
WORLD = ROOT.parent / "shared" / "devset" / "world.jsonl"

# Both development files together, by mode: (detected F1, exact F1) floors. The product
# targets are 0.95 / 0.85 (default) and 0.88 / 0.75 (rules only), both met; the floors
# hold what is reached (0.954 / 0.874 and 0.925 / 0.803), so that no change loses ground
# on real articles.
DEVSET_FLOORS = {"extractor": (0.95, 0.87), "rules_extractor": (0.92, 0.80)}


def _report(extractor, path):
    docs = load_gold(path)
    preds = {
        d.id: extractor.extract(d.text, published=d.published, doc_id=d.id).to_gold() for d in docs
    }
    return score(docs, preds)


def test_corpora_seeds_exact_default(extractor):
    overall = _report(extractor, ROOT / "fixtures" / "gold.jsonl").overall
    assert (overall.exact.tp, overall.exact.fp, overall.exact.fn) == (11, 0, 0)
    assert overall.exact.f1 == 1.0


def test_corpora_seeds_detected_rules_only(rules_extractor):
    overall = _report(rules_extractor, ROOT / "fixtures" / "gold.jsonl").overall
    assert overall.detected.f1 >= 0.90, overall.detected


def test_corpora_article_sets_floor(extractor, tmp_path):
    lines = []
    for name in ("articles_a.jsonl", "articles_b.jsonl", "articles_c.jsonl", "articles_d.jsonl"):
        lines += (ROOT / "tests" / "data" / name).read_text(encoding="utf8").splitlines()
    combined = tmp_path / "articles.jsonl"
    combined.write_text("\n".join(lines) + "\n", encoding="utf8")
    overall = _report(extractor, combined).overall
    assert overall.detected.f1 >= 0.85, overall.detected
    assert overall.exact.f1 >= 0.65, overall.exact


@pytest.mark.skipif(
    not DEVSET.exists(), reason="the shared development set is not beside this checkout"
)
def test_corpora_devset_targets(extractor):
    overall = _report(extractor, DEVSET).overall
    assert overall.detected.f1 >= 0.90, overall.detected
    assert overall.exact.f1 >= 0.75, overall.exact


@pytest.mark.skipif(
    not (DEVSET.exists() and WORLD.exists()),
    reason="the shared development set is not beside this checkout",
)
@pytest.mark.parametrize("mode", sorted(DEVSET_FLOORS))
def test_corpora_devset_both_files_floor(request, mode, tmp_path):
    combined = tmp_path / "devset.jsonl"
    combined.write_text(
        DEVSET.read_text(encoding="utf8").rstrip("\n") + "\n" + WORLD.read_text(encoding="utf8"),
        encoding="utf8",
    )
    overall = _report(request.getfixturevalue(mode), combined).overall
    detected, exact = DEVSET_FLOORS[mode]
    assert overall.detected.f1 >= detected, overall.detected
    assert overall.exact.f1 >= exact, overall.exact
