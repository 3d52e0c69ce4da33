"""The spaCy components ``vaxdiplo_entities`` and ``vaxdiplo_events``."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import inspect
import json

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from vaxdiplo.components import (
    SPANS_KEY,
    EntityLinker,
    EventAssembler,
    make_entity_linker,
    make_event_assembler,
)
from vaxdiplo.rules.base import RuleFileError, load_rules

TEXT = (
    "Japan will donate 1 million doses of AstraZeneca vaccine to Vietnam, "
    "the foreign minister said on Tuesday."
)
FACTORIES = {
    "vaxdiplo_entities": (EntityLinker, make_entity_linker),
    "vaxdiplo_events": (EventAssembler, make_event_assembler),
}


def _blank_pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("vaxdiplo_entities")
    nlp.add_pipe("vaxdiplo_events")
    return nlp


@pytest.fixture(scope="module")
def blank_nlp() -> Language:
    return _blank_pipeline()


def _check_doc(doc) -> None:
    mentions = doc.spans[SPANS_KEY]
    by_text = {s.text: (s.label_, s.kb_id_) for s in mentions}
    assert by_text["Japan"] == ("country", "JPN")
    assert by_text["Vietnam"] == ("country", "VNM")
    assert any(label == "vaccine" and kb == "astrazeneca" for label, kb in by_text.values())
    cands = doc._.vaxdiplo_candidates
    assert cands, "no event candidates"
    assert [c.type for c in cands] == ["DonationPledge"]


def test_components_blank_pipeline(blank_nlp):
    assert blank_nlp.pipe_names == ["sentencizer", "vaxdiplo_entities", "vaxdiplo_events"]
    doc = blank_nlp(TEXT)
    _check_doc(doc)


def test_components_published_extension(blank_nlp):
    doc = blank_nlp.make_doc(TEXT)
    doc._.vaxdiplo_published = dt.date(2021, 7, 13)
    for _, proc in blank_nlp.pipeline:
        doc = proc(doc)
    from vaxdiplo.rules.engine import to_event

    [event] = [to_event(c, TEXT) for c in doc._.vaxdiplo_candidates]
    assert event.to_gold()["donor"] == "JPN"


def test_components_pipe_many(blank_nlp):
    docs = list(blank_nlp.pipe([TEXT, "Nothing happened here.", TEXT]))
    assert [len(d._.vaxdiplo_candidates) for d in docs] == [1, 0, 1]


def test_components_events_alone_links_entities():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("vaxdiplo_events")
    doc = nlp(TEXT)
    assert doc._.vaxdiplo_entities is not None
    assert [c.type for c in doc._.vaxdiplo_candidates] == ["DonationPledge"]


def test_components_custom_spans_key():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("vaxdiplo_entities", config={"spans_key": "actors"})
    doc = nlp(TEXT)
    assert "actors" in doc.spans and SPANS_KEY not in doc.spans
    assert {s.text for s in doc.spans["actors"]} >= {"Japan", "Vietnam"}


@pytest.mark.parametrize("factory", sorted(FACTORIES))
def test_components_default_config_matches_init(factory):
    meta = Language.get_factory_meta(factory)
    cls, make = FACTORIES[factory]
    params = inspect.signature(cls.__init__).parameters
    init_defaults = {
        name: p.default
        for name, p in params.items()
        if name not in ("self", "nlp", "name") and p.default is not inspect.Parameter.empty
    }
    assert meta.default_config == init_defaults
    factory_params = set(inspect.signature(make).parameters) - {"nlp", "name"}
    assert factory_params == set(init_defaults)


def test_components_entry_points():
    eps = importlib.metadata.entry_points(group="spacy_factories")
    names = {ep.name: ep.value for ep in eps}
    assert names.get("vaxdiplo_entities") == "vaxdiplo.components:make_entity_linker"
    assert names.get("vaxdiplo_events") == "vaxdiplo.components:make_event_assembler"
    for name in FACTORIES:
        assert callable(next(ep for ep in eps if ep.name == name).load())


def test_components_to_disk_from_disk(tmp_path, blank_nlp):
    blank_nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "vaxdiplo_events" / "triggers.json").is_file()
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == blank_nlp.pipe_names
    assert (
        loaded.get_pipe("vaxdiplo_events").finder.rules.keys()
        == blank_nlp.get_pipe("vaxdiplo_events").finder.rules.keys()
    )
    _check_doc(loaded(TEXT))


def test_components_saved_rules_are_used(tmp_path):
    rules = [r.to_dict() for r in load_rules() if r.type != "DonationPledge"]
    path = tmp_path / "triggers.json"
    path.write_text(json.dumps(rules), encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("vaxdiplo_entities")
    nlp.add_pipe("vaxdiplo_events", config={"rules_path": str(path)})
    assert nlp(TEXT)._.vaxdiplo_candidates == []


def _rule(rule_id: str = "pledge.test") -> dict:
    return {
        "id": rule_id,
        "type": "DonationPledge",
        "pattern": [{"LOWER": "donate"}],
        "roles": {"subj": "donor"},
    }


def test_components_rules_round_trip(tmp_path):
    path = tmp_path / "ok.json"
    path.write_text(json.dumps([_rule()]), encoding="utf-8")
    [rule] = load_rules(str(path))
    assert rule.to_dict() == _rule()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ([{**_rule(), "colour": "red"}], "colour"),
        ([_rule("pledge.a"), _rule("pledge.a")], "duplicate"),
        ([{**_rule(), "type": "Coup"}], "type"),
        ([{**_rule(), "pattern": []}], "pattern"),
        ({"not": "a list"}, "E008"),
    ],
    ids=["extra-key", "duplicate-id", "bad-type", "empty-pattern", "not-a-list"],
)
def test_components_rule_file_validation(tmp_path, content, reason):
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(RuleFileError, match=reason) as info:
        load_rules(str(path))
    assert "E008" in str(info.value) and str(path) in str(info.value)


def test_components_rule_file_not_json(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text("[{", encoding="utf-8")
    with pytest.raises(RuleFileError):
        load_rules(str(path))


_BLANK = spacy.blank("en")


def _breaks_one_token_at_a_time(text, columns, credits):
    """The layout breaks as the segmenter found them before, one token at a time."""
    import bisect

    ends = sorted({e for _, e in credits(text)})
    starts, prev_newline, prev_end = [], False, 0
    for i, (idx, length, is_space) in enumerate(columns.tolist()):
        if i > 0 and (prev_newline or "\n" in text[prev_end:idx]) and not is_space:
            starts.append(i)
        if i > 0 and not is_space and ends:
            k = bisect.bisect_left(ends, prev_end)
            if k < len(ends) and ends[k] <= idx:
                starts.append(i)
        prev_newline = (prev_newline or "\n" in text[idx : idx + length]) if is_space else False
        prev_end = idx + length
    return sorted(set(starts))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Vaccines", "arrived", ".", "\n", "\n\n", " ", "  \n ", "Photo by AFP",
                         "Photo: Reuters.", "Hanoi", "-", "\t"]),
        max_size=25,
    ).map(" ".join)
)  # fmt: skip
def test_components_sentence_breaks_as_token_by_token(text):
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    from vaxdiplo.components import sentence_breaks
    from vaxdiplo.entities import credit_spans

    doc = _BLANK.make_doc(text)
    if not len(doc):
        return
    columns = doc.to_array([IDX, LENGTH, IS_SPACE])
    want = _breaks_one_token_at_a_time(text, columns, credit_spans)
    assert sentence_breaks(text, columns, credit_spans) == want


@functools.cache
def _segmenting_pipelines() -> tuple[Language, Language]:
    """spaCy's sentencizer then the segmenter, and the segmenter doing both (made once)."""
    plain = spacy.blank("en")
    plain.add_pipe("sentencizer")
    plain.add_pipe("vaxdiplo_segmenter")
    folded = spacy.blank("en")
    folded.add_pipe("vaxdiplo_segmenter", config={"punctuation": True})
    return plain, folded


_SENTENCE_PARTS = ["Vaccines", "arrived", ".", "!", "?", "...", "?!", "!!", "。", ",", ";", "(",
                   ")", "\"", "'", "-", ":", "\n", "\n\n", " ", "Photo by AFP", "U.S.",
                   "Dr.", "e.g.", "3.5", "Mr", "“", "”", "a.m."]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_PARTS), max_size=30).map(" ".join),
       st.sampled_from(["", " "]))  # fmt: skip
def test_components_segmenter_with_punctuation_is_the_sentencizer_then_the_segmenter(text, pad):
    plain, folded = _segmenting_pipelines()
    text = pad + text
    want, got = plain(text), folded(text)
    assert [t.is_sent_start for t in got] == [t.is_sent_start for t in want]
    assert [s.start for s in got.sents] == [s.start for s in want.sents]


def test_components_punctuation_starts_positive_and_negative():
    from spacy.attrs import IS_PUNCT, ORTH
    from spacy.pipeline import Sentencizer

    from vaxdiplo.components import punctuation_starts

    nlp = spacy.blank("en")
    stops = np.array(sorted(nlp.vocab.strings.add(c) for c in Sentencizer.default_punct_chars),
                     dtype=np.uint64)
    for text, want in [
        ("Doses came. Laos got them!\" Then more", [0, 3, 8]),
        ("Doses came , and more ; then", [0]),  # no stop character: one sentence
        ("... ! Doses", [0, 2]),  # the first token, and after stops
    ]:
        doc = nlp.make_doc(text)
        columns = doc.to_array([ORTH, IS_PUNCT])
        got = punctuation_starts(columns[:, 0], columns[:, 1], stops).nonzero()[0].tolist()
        assert got == want, text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Photo by AFP", "File photo: Reuters", "— VNA/VNS Photo Minh Quyết",
                                 "Image courtesy of WHO", "Picture: AP", "photo", "PHOTO", "Doses",
                                 "arrived", ".", "\n", " — ", "Hanoi"]),
                max_size=12).map(" ".join))  # fmt: skip
def test_components_credit_spans_are_the_pattern_s_matches(text):
    from vaxdiplo.entities.mentions import _PHOTO, credit_spans

    assert list(credit_spans(text)) == [(m.start(), m.end()) for m in _PHOTO.finditer(text)]


def test_components_doc_text_is_joined_once_and_kept():
    from vaxdiplo.extensions import DOC_TEXT_KEY, doc_text

    doc = _BLANK("China sent doses.  Laos got them.")
    assert DOC_TEXT_KEY not in doc.user_data  # a Doc made without the Extractor
    assert doc_text(doc) == doc.text
    assert doc.user_data[DOC_TEXT_KEY] == doc.text  # kept: later calls do not join again
    kept = "China sent doses.  Laos got them."
    other = _BLANK.make_doc(kept)
    other.user_data[DOC_TEXT_KEY] = kept
    assert doc_text(other) is kept
