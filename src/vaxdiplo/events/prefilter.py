"""Trigger matching only where a trigger word is: the same matches as the ``Matcher`` over
the whole document, for a fraction of its cost.

Every trigger pattern begins with a token from a word list (``{"LOWER": {"IN": [...]}}``),
so every match starts at a token of the union of those lists. A match starting at
token ``p`` cannot run past the first punctuation token ``q`` after it by more than
the pattern's length, and a pattern without a repeat cannot run past its own length
from ``p``, when no repeated (``"OP": "*"``) token of any pattern can be
punctuation (``{"IS_PUNCT": false}``, ``{"IS_ALPHA": true}``, or a word list without
punctuation). :class:`WindowedMatcher` checks both conditions when it is made and
then runs the ``Matcher`` on the windows ``p .. q + length`` alone (overlapping
windows joined); when the rules do not meet them it runs over the whole document.
Windows are disjoint and in text order, so the matches come in the order the
``Matcher`` gives over the whole document.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import IS_PUNCT, LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc

__all__ = ["WindowedMatcher"]


def _first_words(pattern: list[dict[str, Any]]) -> list[str] | None:
    first = pattern[0] if pattern else {}
    lower = first.get("LOWER")
    if "OP" in first:
        return None
    if isinstance(lower, str):
        return [lower]
    if isinstance(lower, dict) and set(lower) == {"IN"}:
        return list(lower["IN"])
    return None


def _repeat_skips_punct(spec: dict[str, Any]) -> bool:
    """Whether a ``*`` token can never be punctuation."""
    rest = {k: v for k, v in spec.items() if k != "OP"}
    if rest.get("IS_PUNCT") is False or rest.get("IS_ALPHA") is True:
        return True
    lower = rest.get("LOWER")
    if isinstance(lower, dict) and set(lower) == {"IN"}:
        return all(any(c.isalnum() for c in w) for w in lower["IN"])
    return False


class WindowedMatcher:
    """A ``Matcher`` over the given patterns, run only around their first words.

    Args:
        vocab: The pipeline's vocabulary.
        patterns: ``(key, patterns)`` pairs, as ``Matcher.add`` takes them.
    """

    def __init__(self, vocab: Any, patterns: list[tuple[str, list[list[dict[str, Any]]]]]) -> None:
        self.matcher = Matcher(vocab)
        fixed: dict[str, int] = {}  # first word -> longest pattern without a repeat
        open_words: set[str] = set()  # first words of patterns with a repeat
        self.windowed = True
        self.longest = 1
        for key, group in patterns:
            self.matcher.add(key, group)
            for pattern in group:
                first = _first_words(pattern)
                repeats = [s for s in pattern if s.get("OP") in ("*", "+")]
                if first is None or not all(_repeat_skips_punct(s) for s in repeats):
                    self.windowed = False
                for word in first or ():
                    if repeats:
                        open_words.add(word)
                    else:
                        fixed[word] = max(fixed.get(word, 0), len(pattern))
                self.longest = max(self.longest, len(pattern))
        hashes = {w: vocab.strings.add(w) for w in (*fixed, *open_words)}
        self.first = np.array(sorted(hashes.values()), dtype="uint64")
        self.open = np.array(sorted(hashes[w] for w in open_words), dtype="uint64")
        self.reach = dict(zip(self.first.tolist(), [0] * len(self.first), strict=True))
        for word, length in fixed.items():
            self.reach[hashes[word]] = length

    @property
    def vocab(self) -> Any:
        return self.matcher.vocab

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Disjoint token ranges, in text order, holding every match: a fixed-length
        pattern's length from its first word; a pattern with a repeat, up to its length
        past the first punctuation token after it."""
        columns = doc.to_array([LOWER, IS_PUNCT])
        lower = columns[:, 0]
        starts = np.flatnonzero(np.isin(lower, self.first))
        if not len(starts):
            return []
        ends = starts + np.array([self.reach[h] for h in lower[starts].tolist()], dtype=int)
        opened = np.isin(lower[starts], self.open)
        if opened.any():
            puncts = np.append(np.flatnonzero(columns[:, 1]), len(doc))  # none: the end
            stops = puncts[np.searchsorted(puncts, starts, side="right")]
            ends = np.where(opened, np.maximum(ends, stops + self.longest + 1), ends)
        ends = np.minimum(ends, len(doc))
        out: list[tuple[int, int]] = []
        for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        return out

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)`` as ``Matcher.__call__(doc)`` gives them."""
        if not self.windowed or not len(doc):
            return self.matcher(doc)
        out = []
        for a, b in self.windows(doc):
            out.extend((key, a + s, a + e) for key, s, e in self.matcher(doc[a:b]))
        return out
