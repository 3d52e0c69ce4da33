"""``WindowedMatcher``: the Matcher's matches, from windows alone, in a fixed order."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher

from vaxdiplo.events.prefilter import WindowedMatcher
from vaxdiplo.rules import load_rules

GOLD = Path(__file__).resolve().parent.parent / "fixtures" / "gold.jsonl"

TEXTS = [
    "Thai PM Meets Chinese Ambassador Over Sinovac Supply",
    "Vietnam signed a deal with Russia to buy 20 million doses, officials said.",
    "Japan gave the green light to the vaccine\n\nand the health ministry granted approval",
    "The contract that Indonesia signed with Sinovac covers 50 million doses. It arrived.",
    "",
    "phone call",
]


def _both(patterns):
    nlp = spacy.blank("en")
    plain = Matcher(nlp.vocab)
    for key, group in patterns:
        plain.add(key, group)
    return nlp, plain, WindowedMatcher(nlp.vocab, patterns)


def _fixture_texts() -> list[str]:
    return [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines()]


def test_prefilter_same_matches_as_the_matcher_sorted_by_end_start_and_rule():
    patterns = [(r.id, [[{k: v for k, v in s.items() if k != "POS"} for s in r.pattern]])
                for r in load_rules()]  # fmt: skip
    nlp, plain, windowed = _both(patterns)
    assert windowed.windowed
    order = {nlp.vocab.strings[key]: n for n, (key, _) in enumerate(patterns)}
    found = 0
    for text in [*TEXTS, *_fixture_texts()]:
        doc = nlp(text)
        got = windowed(doc)
        assert sorted(got) == sorted(plain(doc))
        assert got == sorted(got, key=lambda m: (m[2], m[1], order[m[0]]))
        found += len(got)
    assert found > 20


def test_prefilter_keeps_only_matches_starting_at_the_trigger_word():
    # "signed" and "deal" both start patterns; each match is reported once
    pats = [("a", [[{"LOWER": "signed"}, {"LOWER": "a"}, {"LOWER": "deal"}]]),
            ("b", [[{"LOWER": "deal"}]])]  # fmt: skip
    nlp, plain, windowed = _both(pats)
    doc = nlp("Vietnam signed a deal and a deal")
    assert sorted(windowed(doc)) == sorted(plain(doc))
    assert len(windowed(doc)) == 3


def test_prefilter_a_trigger_word_without_a_match_gives_nothing():
    pats = [("a", [[{"LOWER": "signed"}, {"LOWER": "deal"}]])]
    nlp, plain, windowed = _both(pats)
    doc = nlp("Vietnam signed the letter.")
    assert windowed(doc) == plain(doc) == []


def test_prefilter_patterns_it_cannot_bound_run_over_the_whole_document():
    anything = [{"LOWER": "signed"}, {"OP": "*"}, {"LOWER": "deal"}]
    nlp, plain, windowed = _both([("any", [anything])])
    assert not windowed.windowed
    doc = nlp("Vietnam signed, after long talks; a deal")
    assert windowed(doc) == plain(doc) != []


def _rule_patterns():
    return [(r.id, [[{k: v for k, v in s.items() if k != "POS"} for s in r.pattern]])
            for r in load_rules()]  # fmt: skip


def _pattern_words(patterns) -> list[str]:
    words = set()
    for _, group in patterns:
        for pattern in group:
            for spec in pattern:
                lower = spec.get("LOWER")
                if isinstance(lower, str):
                    words.add(lower)
                elif lower:
                    words |= set(lower.get("IN", ()))
    return sorted(words)


_PATTERNS = _rule_patterns()
_NLP, _PLAIN, _WINDOWED = _both(_PATTERNS)
_WORDS = [*_pattern_words(_PATTERNS), "the", ",", ".", "China", "5", "million", "Sinovac", "\n"]


_FILLER = st.sampled_from(["the", "China", "doses", "new", "talks"])


def _token_for(spec) -> st.SearchStrategy[str]:
    lower = spec.get("LOWER")
    if isinstance(lower, str):
        return st.just(lower)
    if isinstance(lower, dict) and "IN" in lower:
        return st.sampled_from(sorted(lower["IN"]))
    if spec.get("IS_PUNCT") is True:
        return st.just(",")
    if spec.get("LIKE_NUM"):
        return st.just("5")
    if spec.get("IS_UPPER"):
        return st.just("WHO")
    return _FILLER


_ANY_PATTERN = st.sampled_from([p for _, g in _PATTERNS for p in g])


@st.composite
def _instance(draw):
    """Words a pattern may match: each token once, optional ones kept or dropped."""
    words = []
    for spec in draw(_ANY_PATTERN):
        times = {"?": (0, 1), "*": (0, 2), "+": (1, 2)}.get(spec.get("OP"), (1, 1))
        for _ in range(draw(st.integers(*times))):
            words.append(draw(_token_for(spec)))
    return " ".join(words)


@settings(max_examples=400, deadline=None)
@given(st.lists(_instance() | st.sampled_from(_WORDS), max_size=12).map(" ".join))
def test_prefilter_needed_words_check_changes_no_match(text):
    """Skipping a window where no pattern finds the words its later tokens need gives
    the Matcher's matches, over texts made of the rules' own words."""
    doc = _NLP(text)
    assert sorted(_WINDOWED(doc)) == sorted(_PLAIN(doc))


def test_prefilter_needed_words_positive_and_negative():
    pats = [("a", [[{"LOWER": "have"}, {"IS_ALPHA": True, "OP": "*"}, {"LOWER": "received"}]])]
    nlp, plain, windowed = _both(pats)
    have = nlp.vocab.strings["have"]
    received, nice = nlp.vocab.strings.add("received"), nlp.vocab.strings.add("nice")
    assert windowed._may_match(have, [nice, received])
    assert not windowed._may_match(have, [nice, nice])
    for text in ("they have a nice day", "they have now received doses"):
        doc = nlp(text)
        assert sorted(windowed(doc)) == sorted(plain(doc))
    assert windowed(nlp("they have now received doses"))
