"""``WindowedMatcher``: the Matcher's matches, in its order, from windows alone."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher

from vaxdiplo.events.prefilter import WindowedMatcher
from vaxdiplo.rules import load_rules

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


def test_prefilter_same_matches_in_the_same_order_as_the_matcher():
    patterns = [(r.id, [[{k: v for k, v in s.items() if k != "POS"} for s in r.pattern]])
                for r in load_rules()]  # fmt: skip
    nlp, plain, windowed = _both(patterns)
    assert windowed.windowed
    for text in TEXTS:
        doc = nlp(text)
        assert windowed(doc) == plain(doc)


def test_prefilter_patterns_it_cannot_bound_run_over_the_whole_document():
    anything = [{"LOWER": "signed"}, {"OP": "*"}, {"LOWER": "deal"}]
    nlp, plain, windowed = _both([("any", [anything])])
    assert not windowed.windowed
    doc = nlp("Vietnam signed, after long talks; a deal")
    assert windowed(doc) == plain(doc) != []
