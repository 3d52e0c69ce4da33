"""Readers: articles with their id, text, publication date, URL and title.

Each reader yields :class:`Article` objects, and a
:class:`~vaxdiplo.models.DocumentFailure` (with ``file`` or ``file:line`` as its
``source``) in place of anything it cannot read, so that
``Extractor.extract_many(read(...))`` gives one result per article or failure, in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Article"]


@dataclass(frozen=True, slots=True)
class Article:
    """One article to extract from.

    Attributes:
        id: The article's id (the file's stem, or the record's id).
        text: The text to read (for HTML, the article text reduced from it).
        published: Publication date as given (a ``date`` or ISO string), checked when
            the article is extracted.
        url: Where the article was published, when known.
        title: The article's headline, when known (kept, not read for events).
        source: Where it was read from: a file, or ``file:line``.
    """

    id: str | None
    text: str
    published: Any = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
