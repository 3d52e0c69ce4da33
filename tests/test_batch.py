"""``Extractor.extract_many``: nlp.pipe batches, input order, failures, worker processes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from vaxdiplo import DocumentFailure, Extraction
from vaxdiplo._batch import DocumentError
from vaxdiplo.readers import Article

REPO_ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "China delivered 1 million doses of Sinopharm vaccine to Laos on June 5."
PUBLISHED = "2021-06-06"


def _gold_items() -> list[tuple[str, str, str | None]]:
    rows = [json.loads(line) for line in (REPO_ROOT / "fixtures" / "gold.jsonl").open()]
    return [(r["id"], r["text"], r.get("published")) for r in rows if r.get("text")]


def _mixed() -> list[object]:
    return [
        ("a", SENTENCE, PUBLISHED),
        ("bad-date", SENTENCE, "2021-13-45"),
        ("empty", "   ", PUBLISHED),
        "not a triple",
        {"id": "m", "text": SENTENCE, "published": PUBLISHED, "url": "https://x.example/m"},
        Article(id="art", text=SENTENCE, published=PUBLISHED, title="Laos gets doses"),
        ("z", SENTENCE.replace("Laos", "Cambodia"), PUBLISHED),
    ]


def test_batch_extract_many_equals_extract_in_input_order(extractor):
    items = _gold_items()
    many = list(extractor.extract_many(items, batch_size=2))
    single = [extractor.extract(t, published=p, doc_id=i) for i, t, p in items]
    assert many == single
    assert [r.doc_id for r in many] == [i for i, _, _ in items]
    assert all(r.text == t for r, (_, t, _) in zip(many, items, strict=True))


def test_batch_extract_many_one_result_per_item_with_failures_in_place(rules_extractor):
    results = list(rules_extractor.extract_many(_mixed(), batch_size=2))
    kinds = [type(r).__name__ for r in results]
    assert (
        kinds
        == ["Extraction", "DocumentFailure", "Extraction", "DocumentFailure"] + ["Extraction"] * 3
    )
    assert results[1].doc_id == "bad-date" and results[1].index == 1
    assert "[E003]" in results[1].message
    assert results[2].events == () and any("[W005]" in w for w in results[2].warnings)
    assert results[4].url == "https://x.example/m" and results[4].doc_id == "m"
    assert results[5].title == "Laos gets doses" and results[5].events
    assert results[6].events[0].recipient.party == "KHM"


def test_batch_extract_many_skip_logs_and_raise_names_the_document(rules_extractor, caplog):
    with caplog.at_level(logging.WARNING, logger="vaxdiplo"):
        kept = list(rules_extractor.extract_many(_mixed(), errors="skip"))
    assert [r.doc_id for r in kept] == ["a", "empty", "m", "art", "z"]
    assert "bad-date" in caplog.text
    results = rules_extractor.extract_many(_mixed(), errors="raise")
    assert next(results).doc_id == "a"
    with pytest.raises(DocumentError, match=r"\[E019\] Document 'bad-date' \(item 1\)") as info:
        next(results)
    assert info.value.failure.error == "ValueError"


@pytest.mark.parametrize(
    "kwargs", [{"batch_size": 0}, {"n_process": "2"}, {"errors": "ignore"}, {"batch_size": True}]
)
def test_batch_extract_many_bad_arguments_fail_at_the_call(rules_extractor, kwargs):
    with pytest.raises(ValueError, match=r"\[E018\]"):
        rules_extractor.extract_many([], **kwargs)


def test_batch_reader_failures_are_handed_on_in_place(rules_extractor):
    failure = DocumentFailure(doc_id=None, error="VaxdiploError", message="x", source="f.jsonl:2")
    results = list(rules_extractor.extract_many([("a", SENTENCE, PUBLISHED), failure]))
    assert results[1] == failure.model_copy(update={"index": 1})


@pytest.fixture
def broken_on_boom(rules_extractor, monkeypatch):
    """The event component raises on any text holding "BOOM"."""
    component = rules_extractor.nlp.get_pipe("vaxdiplo_events")

    class Fragile:
        def __init__(self, finder):
            self.finder = finder

        def __getattr__(self, name):
            return getattr(self.finder, name)

        def __call__(self, doc, ents, published):
            if "BOOM" in doc.text:
                raise RuntimeError("the rules broke")
            return self.finder(doc, ents, published)

    monkeypatch.setattr(component, "finder", Fragile(component.finder))
    return rules_extractor


@pytest.mark.parametrize("n_process", [1, 2])
def test_batch_a_document_breaking_the_pipeline_fails_alone(broken_on_boom, n_process):
    items = [(f"d{i}", SENTENCE + (" BOOM" if i == 5 else ""), PUBLISHED) for i in range(12)]
    results = list(broken_on_boom.extract_many(items, batch_size=4, n_process=n_process))
    assert [r.doc_id for r in results] == [f"d{i}" for i in range(12)]
    assert [isinstance(r, DocumentFailure) for r in results] == [i == 5 for i in range(12)]
    assert results[5].error == "RuntimeError" and results[5].index == 5
    assert all(r.events for r in results if isinstance(r, Extraction))


def test_batch_two_processes_give_the_same_results(rules_extractor, caplog):
    items = [*_gold_items(), *_mixed()]
    one = list(rules_extractor.extract_many(items, batch_size=3))
    caplog.set_level(logging.DEBUG, logger="vaxdiplo")
    two = list(rules_extractor.extract_many(items, batch_size=3, n_process=2))
    assert two == one
    assert not [r for r in caplog.records if "batch failed" in r.getMessage()]  # no retries
    assert sum(len(r.events) for r in one if isinstance(r, Extraction)) > 10


def test_batch_two_processes_keep_evidence_of_broken_up_runs(rules_extractor):
    text = SENTENCE + " " + "=" * 300 + " The end."
    [one] = rules_extractor.extract_many([("r", text, PUBLISHED)])
    [two] = rules_extractor.extract_many([("r", text, PUBLISHED)], n_process=2)
    assert two == one and one.events
    ev = one.events[0].evidence[0]
    assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize("way", ["carried", "as_tuples"])
def test_batch_workers_send_back_only_the_events_and_mentions(rules_extractor, way):
    import datetime as dt

    from vaxdiplo._batch import PAYLOAD_KEY, payload
    from vaxdiplo._tokenizer import CarriedText

    nlp = rules_extractor.nlp
    context = (7, dt.date(2021, 6, 6), None)  # what extract_many gives a worker
    if way == "carried":  # the text carries it to the worker's tokenizer
        doc = nlp.make_doc(CarriedText(SENTENCE, context))
    else:  # spaCy's as_tuples sets it on the Doc
        doc = nlp.make_doc(SENTENCE)
        doc._context = context
    cfg = {"vaxdiplo_segmenter": {"context": True}, "vaxdiplo_events": {"serialise": True}}
    for name, proc in nlp.pipeline:
        doc = proc(doc, **cfg.get(name, {}))
    assert len(doc) == 0 and not doc.user_data  # an empty carrier
    index, data = doc._context  # the index, and the payload: pickled, not msgpack'd
    assert index == 7
    doc.user_data[PAYLOAD_KEY] = data
    events, mentions = payload(doc)
    home = rules_extractor.extract(SENTENCE, published=PUBLISHED)
    assert [e["type"] for e in events] == [e.type for e in home.events] == ["Delivery"]
    assert events[0]["date"] == "2021-06-05"  # the date came through the context
    assert {m.text for m in mentions} == {m.text for m in home.mentions}


def test_batch_two_processes_with_another_tokenizer_give_the_same_results(caplog):
    from spacy.tokenizer import Tokenizer

    from vaxdiplo import Extractor
    from vaxdiplo._tokenizer import FillingTokenizer, settings

    ex = Extractor(model="rules")
    plain = Tokenizer(ex.nlp.vocab, **settings(ex.nlp.tokenizer))
    assert isinstance(ex.nlp.tokenizer, FillingTokenizer)
    items = _gold_items()
    one = list(ex.extract_many(items, batch_size=3))
    ex.nlp.tokenizer = plain  # not one that reads a carried context: as_tuples instead
    caplog.set_level(logging.DEBUG, logger="vaxdiplo")
    two = list(ex.extract_many(items, batch_size=3, n_process=2))
    assert two == one
    assert not [r for r in caplog.records if "batch failed" in r.getMessage()]  # no retries
    assert sum(len(r.events) for r in one if isinstance(r, Extraction)) > 10
