"""Custom attributes vaxdiplo sets on spaCy objects, declared in one place.

``register_extensions()`` is idempotent and is called when a vaxdiplo component is
created, never on import. Every attribute is prefixed ``vaxdiplo_``.

``doc._.vaxdiplo_published`` takes and gives a ``datetime.date`` but keeps it in
``doc.user_data`` as an ISO string, so a ``Doc`` carrying it can be serialised
(``Doc.to_bytes``, as ``nlp.pipe(..., n_process=2)`` does to send it to a worker).
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

__all__ = [
    "DOC_TEXT_KEY",
    "EXTENSIONS",
    "PUBLISHED_KEY",
    "doc_text",
    "register_extensions",
    "token_texts",
]

EXTENSIONS = {
    "vaxdiplo_published": "publication date (datetime.date) used to resolve relative dates",
    "vaxdiplo_entities": "DocEntities: resolved mentions and the document's home country",
    "vaxdiplo_candidates": "event candidates with their traces (see events.candidate.Candidate)",
    "vaxdiplo_events": "the events as public pydantic models (see vaxdiplo.models)",
}

PUBLISHED_KEY = "vaxdiplo_published"
"""The ``doc.user_data`` key holding the publication date as an ISO string."""


DOC_TEXT_KEY = "vaxdiplo_doc_text"
"""The ``doc.user_data`` key of the text the tokenizer was given (set by ``Extractor``),
which is ``doc.text`` without joining every token again."""


def doc_text(doc: Doc) -> str:
    """``doc.text``, from ``doc.user_data`` when the ``Extractor`` kept it there.

    A ``Doc`` always has the text it was made from (merging or splitting tokens keeps
    it), so the kept string is that text; ``doc.text`` re-joins every token. A ``Doc``
    made without the ``Extractor`` (``nlp(text)`` with the vaxdiplo components) gets
    the joined text kept on first use, so that no layer joins it twice.
    """
    text = doc.user_data.get(DOC_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[DOC_TEXT_KEY] = doc.text  # joined once, then kept
    return text


def token_texts(doc: Doc) -> list[str]:
    """The text of every token: the strings of the tokens' ``ORTH`` ids, looked up in
    one pass (without making a ``Token`` object per token)."""
    from spacy.attrs import ORTH

    if not len(doc):
        return []
    return list(map(doc.vocab.strings.__getitem__, doc.to_array(ORTH).tolist()))


def _get_published(doc: Doc) -> dt.date | None:
    value = doc.user_data.get(PUBLISHED_KEY)
    return dt.date.fromisoformat(value) if value else None


def _set_published(doc: Doc, value: dt.date | None) -> None:
    if isinstance(value, dt.datetime):
        value = value.date()
    doc.user_data[PUBLISHED_KEY] = value.isoformat() if value is not None else None


def register_extensions() -> None:
    """Declare the ``Doc`` attributes (once; an existing one is left alone)."""
    for name in EXTENSIONS:
        if Doc.has_extension(name):
            continue
        if name == "vaxdiplo_published":
            Doc.set_extension(name, getter=_get_published, setter=_set_published)
        else:
            Doc.set_extension(name, default=None)
