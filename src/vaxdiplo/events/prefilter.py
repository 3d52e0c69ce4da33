"""Trigger matching only where a trigger word is: the Matcher's matches over the whole
document, for a fraction of its cost.

Every trigger pattern begins with a token from a word list (``{"LOWER": {"IN": [...]}}``
or one ``LOWER`` word), so every match starts at a token of the union of those lists.
:class:`WindowedMatcher` keeps one small ``Matcher`` per first word, holding only the
patterns that begin with it, and at each occurrence of the word runs that matcher over a
window from the word that no match can outrun: the longest of those patterns when none
has a repeat, and otherwise up to that length past the first punctuation token after
the word, when no repeated (``"OP": "*"``/``"+"``) token of any pattern can be
punctuation (``{"IS_PUNCT": false}``, ``{"IS_ALPHA": true}``, or a word list without
punctuation). Only matches starting at the word are kept, so each match is found once.
The cost is the number of trigger-word occurrences times a few patterns, instead of
every token times every pattern. When the rules do not meet these conditions one
``Matcher`` runs over the whole document.

The matches come sorted by end token, then start token, then the order their keys were
added (the rule file's order): the order the ``Matcher`` mostly gives, made exact.
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


def _bounded(pattern: list[dict[str, Any]]) -> bool:
    """Whether a pattern starts with a word list and no repeat of it can be punctuation."""
    repeats = [s for s in pattern if s.get("OP") in ("*", "+")]
    return _first_words(pattern) is not None and all(_repeat_skips_punct(s) for s in repeats)


class WindowedMatcher:
    """The matches of a ``Matcher`` over the given patterns, found around their first
    words alone (see the module's account).

    Args:
        vocab: The pipeline's vocabulary.
        patterns: ``(key, patterns)`` pairs, as ``Matcher.add`` takes them.
    """

    def __init__(self, vocab: Any, patterns: list[tuple[str, list[list[dict[str, Any]]]]]) -> None:
        self.matcher = Matcher(vocab)
        self.order: dict[int, int] = {}  # key hash -> position in the rule order
        self.by_word: dict[int, Matcher] = {}  # first word hash -> its patterns' matcher
        self.reach: dict[int, int] = {}  # first word hash -> longest pattern from it
        self.open: set[int] = set()  # first words of patterns with a repeat
        self.longest = 1
        for key, group in patterns:
            self.matcher.add(key, group)
            self.order.setdefault(vocab.strings.add(key), len(self.order))
            self.longest = max([self.longest, *map(len, group)])
        self.windowed = all(_bounded(p) for _, group in patterns for p in group)
        if self.windowed:
            for key, group in patterns:
                self._add_by_word(vocab, key, group)
        self.first = np.array(sorted(self.by_word), dtype="uint64")

    def _add_by_word(self, vocab: Any, key: str, group: list[list[dict[str, Any]]]) -> None:
        words: dict[int, list[list[dict[str, Any]]]] = {}
        for pattern in group:
            for word in _first_words(pattern) or ():
                h = vocab.strings.add(word)
                words.setdefault(h, []).append(pattern)
                if any(s.get("OP") in ("*", "+") for s in pattern):
                    self.open.add(h)
                self.reach[h] = max(self.reach.get(h, 0), len(pattern))
        for h, found in words.items():
            self.by_word.setdefault(h, Matcher(vocab)).add(key, found)

    @property
    def vocab(self) -> Any:
        return self.matcher.vocab

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """``(start, end)`` per occurrence of a first word, in text order: the token range
        no match starting at the word can outrun."""
        columns = doc.to_array([LOWER, IS_PUNCT])
        lower = columns[:, 0]
        starts = np.flatnonzero(np.isin(lower, self.first))
        if not len(starts):
            return []
        firsts = lower[starts].tolist()
        ends = starts + np.array([self.reach[h] for h in firsts], dtype=int)
        opened = np.array([h in self.open for h in firsts], dtype=bool)
        if opened.any():
            puncts = np.append(np.flatnonzero(columns[:, 1]), len(doc))  # none: the end
            stops = puncts[np.searchsorted(puncts, starts, side="right")]
            ends = np.where(opened, np.maximum(ends, stops + self.longest + 1), ends)
        ends = np.minimum(ends, len(doc))
        return list(zip(starts.tolist(), ends.tolist(), strict=True))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)``: the ``Matcher``'s matches over ``doc`` (see the
        module's account for their order)."""
        if not len(doc):
            return []
        if not self.windowed:
            found = self.matcher(doc)
        else:
            lower = doc.to_array(LOWER)
            found = []
            for a, b in self.windows(doc):
                matcher = self.by_word[int(lower[a])]
                found.extend(
                    (key, a, a + e) for key, s, e in matcher(doc[a:b], allow_missing=True) if s == 0
                )
        return sorted(found, key=lambda m: (m[2], m[1], self.order[m[0]]))
