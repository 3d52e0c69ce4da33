"""spaCy's tokenizer with a cache that fills (``vaxdiplo._tokenizer``)."""

from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokenizer import Tokenizer

from vaxdiplo import Extractor
from vaxdiplo._tokenizer import CONTEXT_KEY, CarriedText, FillingTokenizer, filling
from vaxdiplo._tokenizer import settings as tokenizer_settings

_PARTS = [
    "Mr.", "Dr.", "U.S.", "don't", "a.m.", "(WHO)", "vaccine,", "doses.", "Vietnam's",
    "3,000", "1.5", "--", "—", "“Thanks”", "e-mail", "http://a.b/c?d=1", ":)", "(:)", "'s",
    "N.Y.,", "Jan.", "can't.", "Sinopharm/Sinovac", "COVID-19", " ", "  ", "\n", "\n\n",
    "\u00a0", "\t",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PARTS), max_size=30).map(lambda parts: " ".join(parts))


def _plain(tokenizer) -> Tokenizer:
    return Tokenizer(tokenizer.vocab, **tokenizer_settings(tokenizer))


def _tokens(doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.norm_, t.orth, t.is_punct, t.like_num) for t in doc]


_BASE = spacy.blank("en").tokenizer
_PLAIN = _plain(_BASE)  # spaCy's own: its cache never changes how it splits


@settings(max_examples=60, deadline=None)
@given(st.lists(_TEXTS, min_size=1, max_size=8))
def test_tokenizer_filling_gives_spacys_tokens_text_after_text(texts):
    fill, plain = filling(_BASE), _PLAIN  # a fresh cache to fill per example
    for text in texts:  # the cache carries over from text to text
        assert _tokens(fill(text)) == _tokens(plain(text))


@settings(max_examples=40, deadline=None)
@given(_TEXTS, st.tuples(st.integers(), st.text(max_size=5)))
def test_tokenizer_carried_text_same_tokens_with_its_context_in_user_data(text, context):
    fill = filling(_BASE)
    carried = pickle.loads(pickle.dumps(CarriedText(text, context)))  # as to a worker
    assert type(carried) is CarriedText and carried == text and carried.context == context
    doc = fill(carried)
    assert _tokens(doc) == _tokens(_PLAIN(text))
    assert doc.user_data == {CONTEXT_KEY: context}
    assert CONTEXT_KEY not in fill(text).user_data  # a plain text carries nothing


def test_tokenizer_filling_gives_the_same_tokens_as_spacy_on_the_fixtures(extractor):
    from pathlib import Path

    fill = extractor.nlp.tokenizer
    assert isinstance(fill, FillingTokenizer)
    plain = _plain(fill)
    for path in sorted((Path(__file__).resolve().parent.parent / "fixtures").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for _ in range(2):
            assert _tokens(fill(text)) == _tokens(plain(text))


def _counting(tokenizer):
    calls: list[str] = []
    search = tokenizer.prefix_search

    def prefix_search(string):
        calls.append(string)
        return search(string)

    tokenizer.prefix_search = prefix_search  # set before use: spaCy empties the cache
    return calls


@pytest.mark.parametrize("make, split_again", [(filling, []), (_plain, ["sent", "doses."])])
def test_tokenizer_chunks_after_a_special_case_are_split_once_only_when_filling(make, split_again):
    tokenizer = make(spacy.blank("en").tokenizer)
    calls = _counting(tokenizer)
    text = "Mr. Smith sent doses."
    first = tokenizer(text)
    calls.clear()
    assert _tokens(tokenizer(text)) == _tokens(first)
    assert [c for c in calls if c in ("sent", "doses.")] == split_again


def test_tokenizer_filling_stops_at_spacys_cache_bound():
    tokenizer = filling(spacy.blank("en").tokenizer)
    tokenizer.max_cache_size = 5
    doc = tokenizer("one two three four five six seven eight")
    assert len(doc) == 8
    assert len(tokenizer.__dict__["_seen"]) == 5
    tokenizer("nine ten")
    assert len(tokenizer.__dict__["_seen"]) == 5


def test_tokenizer_filling_keeps_settings_and_survives_pickling():
    base = spacy.blank("en").tokenizer
    fill = filling(base)
    assert fill.rules == base.rules and fill.max_cache_size == base.max_cache_size
    again = pickle.loads(pickle.dumps(fill))
    assert type(again) is FillingTokenizer
    assert _tokens(again("Mr. Smith's doses.")) == _tokens(base("Mr. Smith's doses."))


def test_tokenizer_filling_leaves_other_tokenizers_alone():
    def own(text):
        return spacy.blank("en").make_doc(text)

    assert filling(own) is own
    fill = filling(spacy.blank("en").tokenizer)
    assert filling(fill) is fill  # not wrapped twice


@pytest.mark.parametrize("model", ["default", "rules"])
def test_tokenizer_extractor_pipelines_fill_the_cache(model, extractor, rules_extractor):
    ex = extractor if model == "default" else rules_extractor
    assert type(ex.nlp.tokenizer) is FillingTokenizer
    assert type(Extractor(model=model).nlp.tokenizer) is FillingTokenizer
