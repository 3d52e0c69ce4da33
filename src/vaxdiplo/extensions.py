"""Custom attributes vaxdiplo sets on spaCy objects, declared in one place.

``register_extensions()`` is idempotent and is called when a vaxdiplo component is
created, never on import. Every attribute is prefixed ``vaxdiplo_``.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["EXTENSIONS", "register_extensions"]

EXTENSIONS = {
    "vaxdiplo_published": "publication date (datetime.date) used to resolve relative dates",
    "vaxdiplo_entities": "DocEntities: resolved mentions and the document's home country",
    "vaxdiplo_candidates": "event candidates with their traces (see events.candidate.Candidate)",
    "vaxdiplo_events": "the events as public pydantic models (see vaxdiplo.models)",
}


def register_extensions() -> None:
    """Declare the ``Doc`` attributes (once; an existing one is left alone)."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
