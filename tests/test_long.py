"""Long texts through the statistical pipeline a paragraph at a time (``vaxdiplo._long``)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vaxdiplo._long as long_texts
from vaxdiplo._long import join_pieces, long_pieces, paragraph_pieces, read_by_paragraph

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ARTICLE = next(FIXTURES.glob("004_*.txt")).read_text(encoding="utf-8")
PUBLISHED = "2021-06-05"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Doses arrived.", "\n", "\n\n", " \n \n ", "\t", "x" * 40, " "]),
             max_size=40).map("".join),
    st.integers(min_value=1, max_value=120),
)  # fmt: skip
def test_long_paragraph_pieces_join_to_the_text_and_cut_only_after_blank_lines(text, least):
    pieces = paragraph_pieces(text, least)
    assert "".join(pieces) == text
    assert all(p for p in pieces)
    for piece in pieces[:-1]:
        assert len(piece) >= least
        body = piece.rstrip()
        assert "\n" in piece[len(body) :]  # ends in whitespace holding a blank line
        assert piece[len(body) :].count("\n") >= 2


_PARTS = ["Doses", "arrived.", "U.S.", "don't", "(WHO)", "3,000", "--", "http://a.b/c", "x" * 30,
          " ", "  ", "\n", "\n\n", " \n \n ", "\n\n ", "\t", "\u00a0", "\u2028", "\x85",
          "\r\n\r\n", "\u3000"]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PARTS), min_size=1, max_size=60).map("".join),
       st.integers(min_value=1, max_value=60))  # fmt: skip
def test_long_pieces_tokenised_apart_and_joined_are_the_whole_texts_tokens(extractor, text, least):
    tokenizer = extractor.nlp.tokenizer
    pieces = paragraph_pieces(text, least)
    joined = join_pieces([tokenizer(p) for p in pieces], text)
    whole = tokenizer(text)
    assert joined is not None
    assert [(t.text, t.whitespace_) for t in joined] == [(t.text, t.whitespace_) for t in whole]


def test_long_pieces_are_found_only_for_long_texts_with_paragraph_breaks(extractor, monkeypatch):
    nlp = extractor.nlp
    monkeypatch.setattr(long_texts, "LONG_TEXT", 50)
    assert long_pieces(nlp, "a b. " * 5) is None  # not long
    assert long_pieces(nlp, "a b. " * 100) is None  # no blank line
    text = ("a b. " * 70 + "\n\n") * 3
    assert long_pieces(nlp, text) == [text[: len(text) // 3]] * 3


def test_long_paragraph_pieces_of_a_text_without_blank_lines_is_the_text():
    text = "One line.\nAnother line.\n" * 50
    assert paragraph_pieces(text, 10) == [text]


def test_long_short_texts_and_texts_without_paragraphs_are_read_whole(extractor):
    nlp = extractor.nlp
    assert read_by_paragraph(nlp, ARTICLE) is None  # not long
    assert read_by_paragraph(nlp, "word " * 30_000) is None  # no paragraph break


def test_long_text_read_by_paragraph_has_the_tokens_and_events_of_the_whole(extractor, monkeypatch):
    text = "\n\n".join([ARTICLE] * 3)
    whole = extractor.extract(text, published=PUBLISHED)
    monkeypatch.setattr(long_texts, "LONG_TEXT", 5_000)
    monkeypatch.setattr(long_texts, "MIN_PIECE", 400)
    doc = read_by_paragraph(extractor.nlp, text)
    assert doc is not None and doc.text == text
    assert [t.text for t in doc] == [t.text for t in extractor.nlp.make_doc(text)]
    assert doc.has_annotation("DEP") and doc.has_annotation("TAG")
    pieced = extractor.extract(text, published=PUBLISHED)
    assert whole.events
    assert [e.to_gold() for e in pieced.events] == [e.to_gold() for e in whole.events]
    for event in pieced.events:
        assert all(text[ev.start : ev.end] == ev.text for ev in event.evidence)
    [many] = extractor.extract_many([("long", text, PUBLISHED)])
    assert many.events == pieced.events


def test_long_rules_only_texts_are_read_whole(rules_extractor, monkeypatch):
    monkeypatch.setattr(long_texts, "LONG_TEXT", 5_000)
    calls = []
    monkeypatch.setattr(long_texts, "paragraph_pieces", lambda *a: calls.append(a) or [])
    text = "\n\n".join([ARTICLE] * 3)
    assert rules_extractor.extract(text, published=PUBLISHED).events
    assert calls == []
