"""``IndexedMatcher``: the attribute ruler's matches by look-up, the same as the Matcher's."""

from __future__ import annotations

import pickle

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from conftest import FIXTURES_DIR, load_jsonl
from vaxdiplo._ruler_index import IndexedMatcher, index_attribute_ruler
from vaxdiplo.extractor import DEFAULT_MODEL

ATTRS = ("TAG", "POS", "MORPH", "LEMMA", "DEP")


@pytest.fixture(scope="module")
def plain_nlp():
    """The default pipeline as spaCy loads it: its ruler keeps the Matcher."""
    return spacy.load(DEFAULT_MODEL)


@pytest.fixture(scope="module")
def ruler_patterns(plain_nlp):
    return plain_nlp.get_pipe("attribute_ruler").patterns


def _texts() -> list[str]:
    rows = (
        load_jsonl(FIXTURES_DIR / "gold.jsonl")
        + load_jsonl("articles_a.jsonl")
        + load_jsonl("articles_b.jsonl")
    )
    return [r["text"] for r in rows]


def _annotations(doc: Doc) -> list[tuple[str, ...]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_extractor_pipeline_sets_the_same_token_attributes_as_spacy(extractor, plain_nlp):
    ruler = extractor.nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.matcher, IndexedMatcher) and ruler.matcher.indexed
    keep = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    ours = [n for n in extractor.nlp.pipe_names if n not in keep]
    theirs = [n for n in plain_nlp.pipe_names if n not in keep]
    texts = _texts()
    words = 0
    for a, b in zip(
        extractor.nlp.pipe(texts, disable=ours), plain_nlp.pipe(texts, disable=theirs), strict=True
    ):
        assert [t.text for t in a] == [t.text for t in b]
        assert _annotations(a) == _annotations(b)
        words += len(a)
    assert words > 5_000


def _with_ruler_patterns(patterns):
    nlp = spacy.blank("en")
    plain = Matcher(nlp.vocab)
    for n, p in enumerate(patterns):
        plain.add(str(n), p["patterns"])
    return nlp, plain


def _vocabulary(patterns) -> tuple[list[str], list[str], list[str]]:
    words, tags, deps = {"nothin'", "nuthin'", "y'", "y", "ya", "n't", "nt"}, {"NN"}, {"ROOT"}
    for p in patterns:
        for pattern in p["patterns"]:
            for spec in pattern:
                for attr, value in spec.items():
                    values = value.get("IN", []) if isinstance(value, dict) else [value]
                    pool = {"LOWER": words, "TAG": tags, "DEP": deps}.get(attr)
                    if pool is not None:
                        pool.update(v for v in values if isinstance(v, str))
    words |= {w.title() for w in words} | {w.upper() for w in words} | {"\n", " "}
    return sorted(words), sorted(tags), sorted(deps)


@pytest.fixture(scope="module")
def default_rules(ruler_patterns):
    """A Matcher with the default ruler's patterns, its index, and words to try them."""
    nlp, plain = _with_ruler_patterns(ruler_patterns)
    indexed = IndexedMatcher(plain, [str(n) for n in range(len(ruler_patterns))])
    return nlp, plain, indexed, _vocabulary(ruler_patterns)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_index_same_matches_as_the_matcher_on_the_default_rulers_patterns(data, default_rules):
    nlp, plain, indexed, (words, tags, deps) = default_rules
    assert indexed.indexed
    n = data.draw(st.integers(1, 30))
    doc = Doc(
        nlp.vocab,
        words=data.draw(st.lists(st.sampled_from(words), min_size=n, max_size=n)),
        tags=data.draw(st.lists(st.sampled_from(tags), min_size=n, max_size=n)),
        deps=data.draw(st.lists(st.sampled_from(deps), min_size=n, max_size=n)),
        heads=[0] * n,
    )
    assert sorted(indexed(doc, allow_missing=True)) == sorted(plain(doc, allow_missing=True))


_BLANK = spacy.blank("en")
_WORDS = ["a", "A", "b", "bb", "B", "ab", "c", " ", "1", "the"]
_TAGS = ["NN", "VB", "DT", "CD"]
_VALUE = st.one_of(
    st.sampled_from(_WORDS),
    st.builds(lambda v: {"IN": v}, st.lists(st.sampled_from(_WORDS), max_size=3)),
    st.builds(lambda v: {"NOT_IN": v}, st.lists(st.sampled_from(_WORDS), max_size=3)),
    st.builds(lambda v: {"REGEX": v}, st.sampled_from(["^a", "b$", "^$", "[0-9]", "A"])),
)
_SPEC = st.one_of(
    st.fixed_dictionaries({}, optional={"LOWER": _VALUE, "ORTH": _VALUE, "TEXT": _VALUE}),
    st.fixed_dictionaries({"TAG": st.sampled_from(_TAGS)}, optional={"lower": _VALUE}),
    st.sampled_from(["IS_SPACE", "IS_DIGIT", "IS_TITLE", "IS_ALPHA"]).flatmap(
        lambda flag: st.fixed_dictionaries({flag: st.booleans()})
    ),
)


@settings(max_examples=300, deadline=None)
@given(
    rules=st.lists(
        st.lists(st.lists(_SPEC, min_size=1, max_size=3), min_size=1, max_size=3),
        min_size=1,
        max_size=6,
    ),
    words=st.lists(st.sampled_from(_WORDS), min_size=0, max_size=12),
    data=st.data(),
)
def test_index_same_matches_as_the_matcher_on_any_indexable_patterns(rules, words, data):
    nlp = _BLANK
    plain = Matcher(nlp.vocab)
    for n, patterns in enumerate(rules):
        plain.add(str(n), patterns)
    indexed = IndexedMatcher(plain, [str(n) for n in range(len(rules))])
    assert indexed.indexed
    tags = data.draw(st.lists(st.sampled_from(_TAGS), min_size=len(words), max_size=len(words)))
    doc = Doc(nlp.vocab, words=words, tags=tags if words else None)
    assert sorted(indexed(doc, allow_missing=True)) == sorted(plain(doc, allow_missing=True))


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "a", "OP": "?"}],
        [{"LENGTH": 1}],
        [{"MORPH": {"IS_SUBSET": ["Number=Sing"]}}],
        [{"_": {"ruler_test_flag": True}}],
        [{"IS_SENT_START": True}],
        [{"LOWER": {"FUZZY": "aa"}}],
        [{"LOWER": {"IN": ["a"], "NOT_IN": ["b"]}}],
        [{"LENGTH": {">=": 2}}],
    ],
)
def test_index_hands_patterns_it_cannot_read_to_the_matcher(pattern):
    Token.set_extension("ruler_test_flag", default=False, force=True)
    nlp = spacy.blank("en")
    plain = Matcher(nlp.vocab)
    plain.add("0", [[{"LOWER": "b"}]])
    plain.add("1", [pattern])
    indexed = IndexedMatcher(plain, ["0", "1"])
    assert not indexed.indexed
    doc = nlp("a b a")
    assert indexed(doc, allow_missing=True) == plain(doc, allow_missing=True)


def test_index_answers_only_the_rulers_call(ruler_patterns):
    nlp, plain = _with_ruler_patterns(ruler_patterns[:5])
    indexed = IndexedMatcher(plain, ["0", "1", "2", "3", "4"])
    doc = Doc(nlp.vocab, words=["a", "b"], tags=["_SP", "NN"])
    spans = indexed(doc, as_spans=True, allow_missing=True)
    expected = plain(doc, as_spans=True, allow_missing=True)
    assert [s.text for s in spans] == [s.text for s in expected]
    assert indexed(doc[0:2], allow_missing=True) == plain(doc[0:2], allow_missing=True)
    assert indexed(doc, allow_missing=True) == [(nlp.vocab.strings["0"], 0, 1)]


def test_ruler_added_and_removed_patterns_reach_the_index():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "jabs"}]], {"LEMMA": "jab"})
    assert index_attribute_ruler(ruler)
    assert nlp("Jabs and shots")[0].lemma_ == "jab"
    assert nlp("Jabs and shots")[2].lemma_ == ""
    ruler.add([[{"LOWER": "shots"}]], {"LEMMA": "shot"})
    assert nlp("Jabs and shots")[2].lemma_ == "shot"
    assert isinstance(ruler.matcher, IndexedMatcher) and ruler.matcher.indexed
    ruler.matcher.remove("1")
    assert nlp("Jabs and shots")[2].lemma_ == ""
    assert nlp("Jabs and shots")[0].lemma_ == "jab"


def test_indexed_ruler_saves_and_pickles_as_spacys(plain_nlp):
    nlp = spacy.load(DEFAULT_MODEL)
    ruler = nlp.get_pipe("attribute_ruler")
    assert index_attribute_ruler(ruler)
    assert index_attribute_ruler(ruler)  # a second call keeps the same index
    assert ruler.patterns == plain_nlp.get_pipe("attribute_ruler").patterns
    theirs = plain_nlp.get_pipe("attribute_ruler")
    assert ruler.to_bytes(exclude=["vocab"]) == theirs.to_bytes(exclude=["vocab"])
    copy = pickle.loads(pickle.dumps(ruler.matcher))
    doc = plain_nlp("Y'all gonna be nothin' but fine, she said.")
    assert sorted(copy(doc, allow_missing=True)) == sorted(ruler.matcher(doc, allow_missing=True))


def test_index_attribute_ruler_leaves_other_components():
    nlp = spacy.blank("en")
    assert not index_attribute_ruler(nlp.add_pipe("sentencizer"))
    assert not index_attribute_ruler(None)
