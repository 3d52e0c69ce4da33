"""The public API: input checking, dates, warnings, batches, models and import cost."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest

import vaxdiplo
from vaxdiplo import DocumentFailure, Extraction, Extractor
from vaxdiplo.errors import VaxdiploError
from vaxdiplo.extractor import ModelError

SENTENCE = (
    "Japan will donate 1 million doses of AstraZeneca vaccine to Vietnam, "
    "the foreign minister said on Tuesday."
)
PUBLISHED = "2021-07-13"


@pytest.mark.parametrize(("bad", "type_name"), [(None, "NoneType"), (123, "int")])
def test_api_extract_rejects_non_text(rules_extractor, bad, type_name):
    with pytest.raises(TypeError, match=type_name):
        rules_extractor.extract(bad)


def test_api_module_extract_rejects_non_text():
    with pytest.raises(TypeError, match="NoneType"):
        vaxdiplo.extract(None, model="rules")


def test_api_extract_decodes_utf8_bytes(rules_extractor):
    text = "Hà Nội received 1 million doses of AstraZeneca vaccine from Japan."
    from_bytes = rules_extractor.extract(text.encode("utf-8"), published=PUBLISHED)
    from_str = rules_extractor.extract(text, published=PUBLISHED)
    assert from_bytes == from_str
    assert any(m.text == "Hà Nội" for m in from_bytes.mentions)


def test_api_extract_rejects_invalid_utf8(rules_extractor):
    with pytest.raises(VaxdiploError, match=r"not valid UTF-8"):
        rules_extractor.extract(b"Vietnam \xff\xfe doses")


@pytest.mark.parametrize("text", ["", " ", "\n\t  \n"], ids=["empty", "space", "whitespace"])
def test_api_extract_empty_text(rules_extractor, text):
    result = rules_extractor.extract(text, doc_id="empty")
    assert isinstance(result, Extraction)
    assert result.events == ()
    assert result.doc_id == "empty"
    assert result.warnings and any("W005" in w for w in result.warnings)


def test_api_extract_bad_published(rules_extractor):
    with pytest.raises(ValueError, match="not a date"):
        rules_extractor.extract(SENTENCE, published="not a date")


@pytest.mark.parametrize(
    "published",
    [dt.date(2021, 7, 13), dt.datetime(2021, 7, 13, 9, 30), "2021-07-13"],
    ids=["date", "datetime", "iso"],
)
def test_api_extract_published_forms(rules_extractor, published):
    result = rules_extractor.extract(SENTENCE, published=published)
    assert result.published == dt.date(2021, 7, 13)
    assert result.published_source == "argument"
    assert [e.type for e in result.events] == ["DonationPledge"]


def test_api_extract_dateline_used_without_published(rules_extractor):
    result = rules_extractor.extract(" date 2021-06-05 " + SENTENCE)
    assert result.published == dt.date(2021, 6, 5)
    assert result.published_source == "dateline"
    assert any("W002" in w for w in result.warnings)


def test_api_extract_published_argument_beats_dateline(rules_extractor):
    result = rules_extractor.extract(" date 2021-06-05 " + SENTENCE, published=PUBLISHED)
    assert result.published == dt.date(2021, 7, 13)
    assert result.published_source == "argument"


def test_api_extract_no_date_warns(rules_extractor):
    result = rules_extractor.extract(SENTENCE)
    assert result.published is None and result.published_source is None
    assert any("W001" in w for w in result.warnings)


def test_api_extract_strips_html(rules_extractor):
    result = rules_extractor.extract(
        f"<html><body><p>{SENTENCE}</p></body></html>", published=PUBLISHED
    )
    assert any("W003" in w for w in result.warnings)
    assert [e.type for e in result.events] == ["DonationPledge"]
    for m in result.mentions:
        assert "<" not in m.text and ">" not in m.text
    for e in result.events:
        for ev in e.evidence:
            assert "<p>" not in ev.text


def test_api_extract_max_chars():
    with pytest.raises(VaxdiploError, match="over the limit"):
        Extractor(model="rules", max_chars=50).extract(SENTENCE)


def test_api_extract_many_keeps_order_and_failures(rules_extractor):
    items = [
        ("good", SENTENCE, PUBLISHED),
        ("none", None, None),
        ("bad-date", SENTENCE, "not a date"),
        ("bad-bytes", b"\xff\xfe", None),
        ("empty", "", None),
        ("bytes", SENTENCE.encode("utf-8"), PUBLISHED),
    ]
    results = list(rules_extractor.extract_many(items))
    assert len(results) == len(items)
    kinds = [type(r).__name__ for r in results]
    assert kinds == [
        "Extraction",
        "DocumentFailure",
        "DocumentFailure",
        "DocumentFailure",
        "Extraction",
        "Extraction",
    ]
    assert [r.doc_id for r in results] == [i[0] for i in items]
    failures = {r.doc_id: r for r in results if isinstance(r, DocumentFailure)}
    assert failures["none"].error == "TypeError"
    assert failures["bad-date"].error == "ValueError"
    assert failures["bad-bytes"].error == "VaxdiploError"
    assert all(f.message for f in failures.values())
    assert results[0].events and results[5].events


def test_api_unknown_model_fails_on_first_use():
    ex = Extractor(model="no_such_model")  # constructing loads nothing
    with pytest.raises(ModelError, match="no_such_model"):
        ex.extract(SENTENCE)


def test_api_rules_model_needs_no_statistical_pipeline(rules_extractor):
    assert not any(name in ("tagger", "parser", "ner") for name in rules_extractor.nlp.pipe_names)
    result = rules_extractor.extract(SENTENCE, published=PUBLISHED)
    assert result.model == "rules"
    [event] = result.events
    gold = event.to_gold()
    assert gold["type"] == "DonationPledge"
    assert (gold["donor"], gold["recipient"]) == ("JPN", "VNM")
    assert gold["vaccine"] == "astrazeneca" and gold["doses"] == 1_000_000
    assert event.evidence and event.evidence[0].text.startswith("Japan will donate")


def test_api_default_model_finds_simple_pledge(extractor):
    result = extractor.extract(SENTENCE, published=PUBLISHED)
    pledges = [e.to_gold() for e in result.events if e.type == "DonationPledge"]
    assert len(pledges) == 1, pledges
    assert (pledges[0]["donor"], pledges[0]["recipient"]) == ("JPN", "VNM")


def test_api_evidence_offsets_point_into_text(extractor):
    text = "Vietnam thanked China. " + SENTENCE
    result = extractor.extract(text, published=PUBLISHED)
    assert result.events
    for event in result.events:
        for ev in event.evidence:
            assert text[ev.start : ev.end] == ev.text
    for m in result.mentions:
        assert text[m.start : m.end] == m.text


def test_api_import_loads_no_spacy():
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import vaxdiplo"],
        capture_output=True,
        text=True,
        check=True,
    )
    modules = [
        line.rsplit("|", 1)[-1].strip()
        for line in proc.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    ]
    assert "vaxdiplo" in modules
    heavy = [m for m in modules if re.match(r"(spacy|en_core_web)", m)]
    assert not heavy, heavy


@pytest.mark.parametrize("model", ["default", "rules"])
def test_api_explain_names_rule_and_evidence(extractor, model):
    text = vaxdiplo.explain(SENTENCE, published=PUBLISHED, model=model)
    rules = {e.rule for e in vaxdiplo.extract(SENTENCE, published=PUBLISHED, model=model).events}
    assert rules
    for rule in rules:
        assert f"rule={rule}" in text
    assert "evidence" in text


def test_api_explain_empty_text():
    assert "no events" in vaxdiplo.explain("  ", model="rules")


def test_api_public_surface():
    for name in vaxdiplo.__all__:
        assert getattr(vaxdiplo, name) is not None, name
    assert vaxdiplo.Extractor is Extractor
