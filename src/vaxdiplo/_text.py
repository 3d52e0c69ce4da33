"""Small text helpers shared by the entity and rule layers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "slug", "strip_html"]

_EXTRA = str.maketrans(
    {"đ": "d", "Đ": "d", "’": "'", "‘": "'", "–": "-", "—": "-", "ø": "o", "ł": "l", "ı": "i"}
)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case ASCII-ish key of ``text``: diacritics removed, quotes and dashes unified."""
    text = text.translate(_EXTRA)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def slug(text: str, sep: str = "-") -> str:
    """``"Phạm Minh Chính"`` -> ``"pham-minh-chinh"``; ``sep="_"`` and upper() for org ids."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    return sep.join(words)


_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S | re.I)
_ENTITY = re.compile(r"&(#?\w+);")


def strip_html(text: str) -> str:
    """Remove tags and decode entities, keeping line breaks at block elements."""
    import html

    text = re.sub(r"<(br|/p|/div|/h\d|/li)\b[^>]*>", "\n", text, flags=re.I)
    return html.unescape(_TAG.sub(" ", text))
