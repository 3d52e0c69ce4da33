"""Small text helpers shared by the entity and rule layers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "looks_like_html", "slug", "strip_html"]

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


_HTML_TAG = re.compile(
    r"</?(?:p|div|span|br|a|html|body|h\d|li|ul|script|style|b|i|strong|em)\b[^>]*+>", re.I
)
_BLOCK_END = re.compile(r"<(?:br|/p|/div|/h\d|/li)\b[^>]*+>", re.I)
_RAW_OPEN = re.compile(r"<(script|style)\b", re.I)
_RAW_CLOSE = {name: re.compile(rf"</{name}>", re.I) for name in ("script", "style")}


def looks_like_html(text: str) -> bool:
    """Whether ``text`` holds at least one common HTML tag (``<p>``, ``</div>``, ``<br/>``).

    Every tag ends with ``>``, so nothing after the last ``>`` is searched: a run of
    ``<`` or an unclosed tag costs one pass, not one pass per ``<``.
    """
    return _HTML_TAG.search(text, 0, text.rfind(">") + 1) is not None


def _drop_tags(text: str) -> str:
    """Replace each ``<script>``/``<style>`` element and each other tag with a space.

    One left-to-right pass: what ``<(script|style)\\b.*?</\\1>|<[^>]+>`` would replace,
    without rescanning the rest of the text for every ``<`` (a tag needs a ``>`` after
    it, an element its closing tag; where none follows, none will follow later).
    """
    out: list[str] = []
    pos = 0
    closes: dict[str, re.Match[str] | None] = {}
    i = text.find("<")
    while i >= 0:
        opened = _RAW_OPEN.match(text, i)
        if opened is not None:
            name = opened.group(1).lower()
            close = closes.get(name, False)
            if close is False or (close is not None and close.start() < opened.end()):
                close = closes[name] = _RAW_CLOSE[name].search(text, opened.end())
            if close is not None:
                out += (text[pos:i], " ")
                pos = close.end()
                i = text.find("<", pos)
                continue
        if i + 1 < len(text) and text[i + 1] != ">":
            j = text.find(">", i + 1)
            if j < 0:
                break  # no ">" after this "<": no tag starts here or later
            out += (text[pos:i], " ")
            pos = j + 1
            i = text.find("<", pos)
        else:
            i = text.find("<", i + 1)
    out.append(text[pos:])
    return "".join(out)


def strip_html(text: str) -> str:
    """Remove tags and decode entities, keeping line breaks at block elements."""
    import html

    cut = text.rfind(">") + 1  # no tag ends after the last ">"
    text = _BLOCK_END.sub("\n", text[:cut]) + text[cut:]
    return html.unescape(_drop_tags(text))
