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
punctuation). A window's matcher runs only when some of those patterns find, among the
window's words, a word from each word list their later required tokens (no ``OP``, or
``"+"``) test: without them no match can start at the word. Only matches starting at
the word are kept, so each match is found once.
The cost is the number of trigger-word occurrences times a few patterns, instead of
every token times every pattern. When the rules do not meet these conditions one
``Matcher`` runs over the whole document.

The matches come sorted by end token, then start token, then the order their keys were
added (the rule file's order): the order the ``Matcher`` mostly gives, made exact.
"""

from __future__ import annotations

import bisect
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


def _lowers(spec: dict[str, Any]) -> set[str] | None:
    """The lower-case words a token spec accepts, when it tests nothing else."""
    if set(spec) - {"LOWER", "OP"}:
        return None
    lower = spec.get("LOWER")
    if isinstance(lower, str):
        return {lower}
    if isinstance(lower, dict) and set(lower) == {"IN"}:
        return set(lower["IN"])
    return None


def _required_words(pattern: list[dict[str, Any]]) -> list[set[str]]:
    """For each token after the first that every match holds (no ``OP``, or ``"+"``)
    and that tests only its lower-case word: the words it can be. A match needs one of
    each list among its tokens."""
    out = []
    for spec in pattern[1:]:
        words = _lowers(spec)
        if words is not None and spec.get("OP") in (None, "+", "1"):
            out.append(words)
    return out


def _next_words(pattern: list[dict[str, Any]]) -> set[str] | None:
    """The words the token after a pattern's first can be, or None when that is not a
    closed list (another attribute is tested, or the pattern can end after its first
    token)."""
    out: set[str] = set()
    for spec in pattern[1:]:
        words = _lowers(spec)
        if words is None:
            return None
        out |= words
        if spec.get("OP") not in ("?", "*"):
            return out
    return None


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
        self.direct: dict[int, list[int]] = {}  # first word -> keys of one-word patterns
        self.by_word: dict[int, Matcher] = {}  # first word -> its longer patterns' matcher
        self.nexts: dict[int, set[int] | None] = {}  # first word -> what may follow it
        self.reach: dict[int, int] = {}  # first word hash -> longest pattern from it
        self.open: set[int] = set()  # first words of patterns with a repeat
        # first word -> per longer pattern, the word lists its later tokens need
        self.needed: dict[int, list[list[frozenset[int]]]] = {}
        self.longest = 1
        for key, group in patterns:
            self.matcher.add(key, group)
            self.order.setdefault(vocab.strings.add(key), len(self.order))
            self.longest = max([self.longest, *map(len, group)])
        self.windowed = all(_bounded(p) for _, group in patterns for p in group)
        if self.windowed:
            for key, group in patterns:
                self._add_by_word(vocab, key, group)

    def _add_by_word(self, vocab: Any, key: str, group: list[list[dict[str, Any]]]) -> None:
        words: dict[int, list[list[dict[str, Any]]]] = {}
        kid = vocab.strings.add(key)
        for pattern in group:
            for word in _first_words(pattern) or ():
                h = vocab.strings.add(word)
                if len(pattern) == 1 and _lowers(pattern[0]) is not None:
                    if kid not in self.direct.setdefault(h, []):
                        self.direct[h].append(kid)  # a plain word: it matches wherever it is
                    continue
                words.setdefault(h, []).append(pattern)
                if any(s.get("OP") in ("*", "+") for s in pattern):
                    self.open.add(h)
                self.reach[h] = max(self.reach.get(h, 0), len(pattern))
                needs = [frozenset(map(vocab.strings.add, w)) for w in _required_words(pattern)]
                self.needed.setdefault(h, []).append(needs)
                nxt = _next_words(pattern)
                known = self.nexts.get(h, set())
                self.nexts[h] = (
                    None
                    if nxt is None or known is None
                    else known | {vocab.strings.add(w) for w in nxt}
                )
        for h, found in words.items():
            self.by_word.setdefault(h, Matcher(vocab)).add(key, found)

    @property
    def vocab(self) -> Any:
        return self.matcher.vocab

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """``(start, end)`` per occurrence of a first word of a longer pattern that the
        next token does not rule out, in text order: the token range no match starting
        at the word can outrun."""
        if not len(doc):
            return []
        columns = doc.to_array([LOWER, IS_PUNCT])
        return self._windows(columns[:, 0].tolist(), columns[:, 1])

    def _windows(self, lower: list[int], punct: Any) -> list[tuple[int, int]]:
        n = len(lower)
        out: list[tuple[int, int]] = []
        puncts: list[int] | None = None
        for s, h in enumerate(lower):
            if h not in self.by_word:
                continue
            allowed = self.nexts[h]
            if allowed is not None and (s + 1 >= n or lower[s + 1] not in allowed):
                continue
            e = s + self.reach[h]
            if h in self.open:
                if puncts is None:
                    puncts = [*np.flatnonzero(punct).tolist(), n]  # none: the end
                stop = puncts[bisect.bisect_right(puncts, s)]
                e = max(e, stop + self.longest + 1)
            out.append((s, min(e, n)))
        return out

    def _may_match(self, first: int, rest: list[int]) -> bool:
        """Whether some pattern beginning with ``first`` finds, among the window's later
        words ``rest``, a word from each list it needs (else its matcher is not run)."""
        seen = set(rest)
        return any(
            all(not words.isdisjoint(seen) for words in needs) for needs in self.needed[first]
        )

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match_id, start, end)``: the ``Matcher``'s matches over ``doc`` (see the
        module's account for their order)."""
        if not len(doc):
            return []
        if not self.windowed:
            found = self.matcher(doc)
        else:
            columns = doc.to_array([LOWER, IS_PUNCT])
            lower = columns[:, 0].tolist()
            found = []
            direct = self.direct
            for s, h in enumerate(lower):
                if h in direct:
                    found.extend((key, s, s + 1) for key in direct[h])
            for a, b in self._windows(lower, columns[:, 1]):
                if not self._may_match(lower[a], lower[a + 1 : b]):
                    continue
                matcher = self.by_word[lower[a]]
                found.extend(
                    (key, a, a + e) for key, s, e in matcher(doc[a:b], allow_missing=True) if s == 0
                )
            found = list(set(found))
        return sorted(found, key=lambda m: (m[2], m[1], self.order[m[0]]))
