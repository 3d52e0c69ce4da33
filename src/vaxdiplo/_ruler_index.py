"""spaCy's attribute ruler with its patterns looked up by token values.

spaCy's ``AttributeRuler`` (tag-to-POS mapping, morphology and lemma exceptions) finds
its matches with a ``Matcher``, which tries every pattern at every token. With the 180
patterns of ``en_core_web_sm`` that was about 40 µs a word, more than the tagger and the
parser together and about an eighth of the whole pipeline, for one to two matches a
word.

:class:`IndexedMatcher` stands in for the ruler's ``Matcher``. It files each pattern
under the values its first token must have (``{"LOWER": "ai", "TAG": {"IN": ["VBP",
"VBZ"]}}`` under ``LOWER`` = "ai"), reads the token attributes of a ``Doc`` once as an
array, looks each token up in those files and checks the candidates in full. It returns
what the ``Matcher`` returns for the ruler's call, ``(match_id, start, end)`` once each
(``AttributeRuler.match`` sorts them), so the ruler sets exactly the same attributes. A
pattern it cannot read this way (an operator, a predicate other than equality,
``IN``, ``NOT_IN`` and ``REGEX``, an attribute outside :data:`STRING_ATTRS` and
:data:`FLAG_ATTRS`) makes it hand every call to the ``Matcher``; so does any call
other than the ruler's own (spans, alignments, annotation checks).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["FLAG_ATTRS", "STRING_ATTRS", "IndexedMatcher", "index_attribute_ruler"]

STRING_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE", "SHAPE")
"""Token attributes read as strings (``TEXT`` is ``ORTH``, as for the ``Matcher``)."""
FLAG_ATTRS = (
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT",
    "IS_SPACE", "IS_STOP", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL",
)  # fmt: skip
"""Boolean token attributes (a pattern's ``True``/``False``)."""
_FILE_ORDER = ("LOWER", "ORTH", "NORM", "LEMMA", "TAG", "DEP", "POS", "ENT_TYPE", "SHAPE")


class _Unindexable(Exception):
    """A pattern the index does not read: the ``Matcher`` answers instead."""


_EQ, _IN, _NOT_IN, _REGEX = range(4)
_KINDS = {"eq": _EQ, "in": _IN, "not_in": _NOT_IN, "regex": _REGEX}


class _Search:
    """A ``REGEX`` predicate on an attribute's string, answered once per value."""

    def __init__(self, strings: Any, pattern: str) -> None:
        self.strings, self.regex, self.seen = strings, re.compile(pattern), {}

    def __call__(self, value: int) -> bool:
        hit = self.seen.get(value)
        if hit is None:
            if len(self.seen) > 100_000:
                self.seen.clear()
            text = self.strings[value] if value else ""
            hit = self.seen[value] = self.regex.search(text) is not None
        return hit


@dataclass(frozen=True)
class _Check:
    column: int  # the attribute's column in the array of a Doc
    kind: str  # "eq", "in", "not_in" or "regex"
    value: Any  # an id, a frozenset of ids, or a _Search
    attr: str


class _Pattern:
    """One pattern of a key: ``(offset, column, kind, value)`` checks, all to hold."""

    __slots__ = ("checks", "key", "length", "tokens")

    def __init__(self, key: int, tokens: tuple[tuple[_Check, ...], ...]) -> None:
        self.key, self.length, self.tokens = key, len(tokens), tokens
        self.checks = tuple(
            (k, c.column, _KINDS[c.kind], c.value)
            for k, checks in enumerate(tokens)
            for c in checks
        )

    def matches(self, rows: list[list[int]], start: int) -> bool:
        if start + self.length > len(rows):
            return False
        for k, column, kind, value in self.checks:
            got = rows[start + k][column]
            if kind == _EQ:
                if got != value:
                    return False
            elif kind == _IN:
                if got not in value:
                    return False
            elif kind == _NOT_IN:
                if got in value:
                    return False
            elif not value(got):
                return False
        return True


class _Index:
    """The patterns of some keys, filed by their first token's values."""

    def __init__(self, vocab: Any, patterns: Iterable[tuple[int, list[dict[str, Any]]]]):
        from spacy.attrs import IDS

        self.strings = vocab.strings
        self.columns: list[str] = []
        self.attr_ids: list[int] = []
        self.files: dict[int, dict[int, list[_Pattern]]] = {}  # column -> value -> patterns
        self.everywhere: list[_Pattern] = []  # first token without an equality
        for key, pattern in patterns:
            tokens = tuple(self._checks(spec) for spec in pattern)
            if not tokens:
                raise _Unindexable("an empty pattern")
            self._file(_Pattern(key, tokens))
        self.attr_ids = [IDS[name] for name in self.columns] or [IDS["ORTH"]]

    def _column(self, attr: str) -> int:
        if attr not in self.columns:
            self.columns.append(attr)
        return self.columns.index(attr)

    def _checks(self, spec: Any) -> tuple[_Check, ...]:
        if not isinstance(spec, dict):
            raise _Unindexable(f"a token pattern {spec!r}")
        return tuple(self._check(name, value) for name, value in spec.items())

    def _check(self, name: Any, value: Any) -> _Check:
        attr = str(name).upper()
        attr = "ORTH" if attr == "TEXT" else attr
        if attr in FLAG_ATTRS and isinstance(value, bool):
            return _Check(self._column(attr), "eq", int(value), attr)
        if attr not in STRING_ATTRS:
            raise _Unindexable(f"the attribute {name!r}")
        if isinstance(value, str):
            return _Check(self._column(attr), "eq", self.strings[value], attr)
        if isinstance(value, dict) and len(value) == 1:
            (op, arg), ids = next(iter(value.items())), None
            if op in ("IN", "NOT_IN") and isinstance(arg, list | tuple):
                if all(isinstance(v, str) for v in arg):
                    ids = frozenset(self.strings[v] for v in arg)
                    return _Check(self._column(attr), op.lower(), ids, attr)
            if op == "REGEX" and isinstance(arg, str):
                return _Check(self._column(attr), "regex", _Search(self.strings, arg), attr)
        raise _Unindexable(f"the predicate {value!r}")

    def _file(self, pattern: _Pattern) -> None:
        first = {c.attr: c for c in pattern.tokens[0] if c.kind in ("eq", "in")}
        attr = next((a for a in _FILE_ORDER if a in first), next(iter(first), None))
        if attr is None:
            self.everywhere.append(pattern)
            return
        check = first[attr]
        values = check.value if check.kind == "in" else (check.value,)
        file = self.files.setdefault(check.column, {})
        for value in values:
            file.setdefault(value, []).append(pattern)

    def __call__(self, doc: Any) -> list[tuple[int, int, int]]:
        if not len(doc):
            return []
        rows = doc.to_array(self.attr_ids).tolist()
        if len(self.attr_ids) == 1:
            rows = [[v] for v in rows]
        found: dict[tuple[int, int, int], None] = {}
        files, everywhere = list(self.files.items()), self.everywhere
        for i, row in enumerate(rows):
            for column, file in files:
                for pattern in file.get(row[column], ()):
                    if pattern.matches(rows, i):
                        found[(pattern.key, i, i + pattern.length)] = None
            for pattern in everywhere:
                if pattern.matches(rows, i):
                    found[(pattern.key, i, i + pattern.length)] = None
        return list(found)


class IndexedMatcher:
    """A ``Matcher`` (wrapped; every other use goes to it) that answers the attribute
    ruler's call from an index of its patterns (see the module)."""

    def __init__(self, matcher: Any, keys: Iterable[str | int]) -> None:
        self.matcher = matcher
        self.keys = [self._id(k) for k in keys]
        self._index: _Index | None | bool = None  # None: to build; False: unindexable

    def _id(self, key: str | int) -> int:
        return self.matcher.vocab.strings.add(key) if isinstance(key, str) else key

    @property
    def indexed(self) -> bool:
        """Whether the ruler's calls are answered from the index."""
        return self._built() is not None

    def _built(self) -> _Index | None:
        if self._index is None:
            vocab = self.matcher.vocab
            pairs = [
                (k, pattern)
                for k in self.keys
                for pattern in (self.matcher.get(k) or (None, []))[1]
            ]
            try:
                self._index = _Index(vocab, pairs)
            except _Unindexable:
                self._index = False
        return self._index or None

    def __call__(
        self,
        doc: Any,
        *,
        as_spans: bool = False,
        allow_missing: bool = False,
        with_alignments: bool = False,
    ) -> Any:
        from spacy.tokens import Doc

        index = self._built() if allow_missing and not (as_spans or with_alignments) else None
        if index is None or not isinstance(doc, Doc):  # a Span, or another call
            return self.matcher(
                doc, as_spans=as_spans, allow_missing=allow_missing, with_alignments=with_alignments
            )
        return index(doc)

    def add(self, key: str | int, patterns: Any, *args: Any, **kwargs: Any) -> None:
        self.matcher.add(key, patterns, *args, **kwargs)
        if self._id(key) not in self.keys:
            self.keys.append(self._id(key))
        self._index = None

    def remove(self, key: str | int) -> None:
        self.matcher.remove(key)
        self.keys = [k for k in self.keys if k != self._id(key)]
        self._index = None

    def __len__(self) -> int:
        return len(self.matcher)

    def __contains__(self, key: Any) -> bool:
        return key in self.matcher

    def __getattr__(self, name: str) -> Any:
        if name == "matcher":  # not set yet (unpickling)
            raise AttributeError(name)
        return getattr(self.matcher, name)


def index_attribute_ruler(ruler: Any) -> bool:
    """Give spaCy's ``AttributeRuler`` ``ruler`` an :class:`IndexedMatcher`; True when its
    patterns are indexed (False: left to its ``Matcher``, or not an attribute ruler)."""
    from spacy.pipeline import AttributeRuler

    if type(ruler) is not AttributeRuler:
        return False
    matcher: Callable[..., Any] = ruler.matcher
    if not isinstance(matcher, IndexedMatcher):
        matcher = ruler.matcher = IndexedMatcher(matcher, [str(i) for i in range(len(ruler.attrs))])
    return matcher.indexed
