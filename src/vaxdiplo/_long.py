"""Long texts through the statistical pipeline a paragraph at a time.

spaCy's statistical components cost more per word on one very long ``Doc`` than on
the same words as many short ones (measured: a 250,000-character article reads in
8.7 s as one ``Doc`` and in 5.7 s as its paragraphs through ``nlp.pipe``), and a
megabyte-long ``Doc`` holds every layer's arrays at once. A text longer than
:data:`LONG_TEXT` characters is therefore cut after its paragraph breaks (a blank line)
into pieces of at least :data:`MIN_PIECE` characters, the pieces go through every
component before the vaxdiplo linker (``nlp.pipe``), and ``Doc.from_docs`` joins them
into one ``Doc`` with the very text and tokens of the whole (by construction, see
:func:`join_pieces`); the linker and the rules then read that ``Doc`` as usual. A
sentence never spans a paragraph break (the segmenter starts one after every line
break), so only what the statistical model guesses from words across a break can
differ from reading the text whole. Shorter texts, texts without paragraph breaks and
the rules-only pipeline are read whole.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "LONG_TEXT",
    "MIN_PIECE",
    "before_linker",
    "join_pieces",
    "long_pieces",
    "paragraph_pieces",
    "piece_docs",
    "read_by_paragraph",
]

LONG_TEXT = 100_000
"""Texts longer than this many characters are read a paragraph at a time."""
MIN_PIECE = 300
"""Paragraphs are joined into pieces of at least this many characters."""

_PARAGRAPH_END = re.compile(r"\n[ \t]*+\n\s*+")
_LATER = ("vaxdiplo_entities", "vaxdiplo_events")


def paragraph_pieces(text: str, least: int | None = None) -> list[str]:
    """``text`` cut after its blank lines into pieces of at least ``least`` characters
    (:data:`MIN_PIECE` by default; the last may be shorter); joined, the pieces are
    ``text``."""
    least = MIN_PIECE if least is None else least
    out: list[str] = []
    start = 0
    for m in _PARAGRAPH_END.finditer(text):
        if m.end() - start >= least:
            out.append(text[start : m.end()])
            start = m.end()
    if start < len(text):
        out.append(text[start:])
    return out


def long_pieces(nlp: Any, text: str) -> list[str] | None:
    """The pieces ``text`` is read by (see the module's account), or None when it is read
    whole: not longer than :data:`LONG_TEXT`, no paragraph break, or a pipeline without
    the vaxdiplo linker (rules-only pipelines are read whole by the caller)."""
    if len(text) <= LONG_TEXT or "vaxdiplo_entities" not in nlp.pipe_names:
        return None
    pieces = paragraph_pieces(text)
    return pieces if len(pieces) >= 2 else None


def before_linker(nlp: Any) -> list[str]:
    """The names of the components a piece goes through (all before the linker)."""
    return [name for name in nlp.pipe_names if name not in _LATER]


def piece_docs(nlp: Any, pieces: list[str]) -> list[Any]:
    """A ``Doc`` per piece, made by the tokenizer, with its text kept as ``Extractor``
    keeps a whole text's (the segmenter reads it without joining the tokens again)."""
    from vaxdiplo.extensions import DOC_TEXT_KEY

    docs = []
    for piece in pieces:
        doc = nlp.make_doc(piece)
        doc.user_data[DOC_TEXT_KEY] = piece
        docs.append(doc)
    return docs


def join_pieces(docs: list[Any], text: str) -> Any | None:
    """One ``Doc`` of the piece ``Doc``s, or None when its text is not ``text``.

    A piece ends in the whitespace after a blank line and the next begins with a
    character that is not whitespace; spaCy's tokenizer always cuts there and never
    lets a token's trailing space cross such a cut, so the pieces' tokens are the whole
    text's (``tests/test_long.py`` checks this on generated texts)."""
    from spacy.tokens import Doc

    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    return doc if doc.text == text else None


def read_by_paragraph(nlp: Any, text: str) -> Any | None:
    """The ``Doc`` of ``text`` with every component before the vaxdiplo linker applied,
    read a piece at a time (see the module's account); None when ``text`` is read
    whole (:func:`long_pieces`) or the joined text is not ``text``."""
    pieces = long_pieces(nlp, text)
    if pieces is None:
        return None
    with nlp.select_pipes(enable=before_linker(nlp)):
        docs = list(nlp.pipe(piece_docs(nlp, pieces), batch_size=64))
    return join_pieces(docs, text)
