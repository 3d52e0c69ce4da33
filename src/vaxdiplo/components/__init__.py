"""spaCy components: ``vaxdiplo_entities`` (linking) and ``vaxdiplo_events`` (rules).

Both are thin wrappers over pure functions (:func:`vaxdiplo.entities.link`,
:func:`vaxdiplo.rules.find_events`) and are registered as factories and through the
``spacy_factories`` entry point, so ``nlp.add_pipe("vaxdiplo_entities")`` works in any
English pipeline. The publication date is read from ``doc._.vaxdiplo_published``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from vaxdiplo.entities.gazetteer import Gazetteer
from vaxdiplo.errors import Errors
from vaxdiplo.extensions import register_extensions
from vaxdiplo.registry import Registry, load_registry
from vaxdiplo.registry.user import RegistryAdditions, extend_registry
from vaxdiplo.rules.base import RuleFileError, TriggerRule
from vaxdiplo.rules.files import RuleSet
from vaxdiplo.rules.types import EventTypeSpec

__all__ = [
    "EntityLinker",
    "EventAssembler",
    "Segmenter",
    "make_entity_linker",
    "make_event_assembler",
    "make_segmenter",
]

SPANS_KEY = "vaxdiplo_mentions"


class EntityLinker:
    """Resolves people, countries, organisations and vaccines (see ``entities``).

    A user's registry additions (:meth:`add_registry`) extend this component's registry
    only; :meth:`to_disk` saves them, so a saved pipeline keeps them.
    """

    def __init__(
        self, nlp: Language, name: str = "vaxdiplo_entities", spans_key: str = SPANS_KEY
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key
        self.additions: list[RegistryAdditions] = []
        self._sources: list[str] = []
        self.gazetteer: Gazetteer | None = None  # None: the packaged registry's

    @property
    def registry(self) -> Registry:
        """The registry in use: the packaged one with this component's additions."""
        return self.gazetteer.registry if self.gazetteer is not None else load_registry()

    def add_registry(self, additions: RegistryAdditions, source: str | None = None) -> None:
        """Add a user's registry entries (see :mod:`vaxdiplo.registry.user`).

        Raises:
            RegistryFileError: an entry clashes with a known id or refers to an unknown one.
        """
        from vaxdiplo.entities import Gazetteer

        both = [*self.additions, additions]
        sources = [*self._sources, source or "registry additions"]
        extended = extend_registry(load_registry(), both, sources)
        self.additions, self._sources = both, sources
        self.gazetteer = Gazetteer(extended)

    def __call__(self, doc: Doc) -> Doc:
        from vaxdiplo.entities import link

        ents = link(doc, doc._.vaxdiplo_published, self.gazetteer)
        doc._.vaxdiplo_entities = ents
        spans = []
        for e in ents.ents:
            if e.actor is None and e.vaccine is None:
                continue
            label = "vaccine" if e.vaccine is not None else e.actor.kind
            kb = e.vaccine.id if e.vaccine is not None else e.actor.id
            spans.append(Span(doc, e.start, e.end, label=label, kb_id=kb))
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=spans)
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the registry additions (``registry.json``); the packaged registry ships
        with the package."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = [a.to_dict() for a in self.additions]
        (path / "registry.json").write_text(json.dumps(data, indent=1), encoding="utf8")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> EntityLinker:
        """Load the registry additions a saved pipeline holds."""
        file = Path(path) / "registry.json"
        if file.exists():
            self.additions, self._sources, self.gazetteer = [], [], None
            for data in json.loads(file.read_text(encoding="utf8")):
                self.add_registry(RegistryAdditions.model_validate(data), str(file))
        return self


class EventAssembler:
    """Finds events from the linked mentions (see :mod:`vaxdiplo.events`).

    A user's trigger rules (:meth:`add_rules`) extend this component's rules only;
    :meth:`to_disk` saves every rule in use, so a saved pipeline keeps them.
    """

    def __init__(
        self, nlp: Language, name: str = "vaxdiplo_events", rules_path: str | None = None
    ) -> None:
        from vaxdiplo.events import EventFinder
        from vaxdiplo.rules import load_rules

        register_extensions()
        self.name = name
        self.rules_path = rules_path
        self.finder = EventFinder(nlp.vocab, load_rules(rules_path))

    @property
    def rules(self) -> tuple[TriggerRule, ...]:
        """The trigger rules in use."""
        return tuple(self.finder.rules.values())

    @property
    def types(self) -> tuple[EventTypeSpec, ...]:
        """The user-declared event types in use."""
        return tuple(self.finder.types.values())

    def add_rules(self, rules: RuleSet | Sequence[TriggerRule], source: str = "user rules") -> None:
        """Add trigger rules (a rule file's :class:`~vaxdiplo.rules.files.RuleSet`, with
        the event types it declares, or a sequence of rules) to those in use.

        Raises:
            RuleFileError: a rule's id or a type's name is already in use.
        """
        if isinstance(rules, RuleSet):
            triggers, types = rules.triggers, rules.types
        else:
            triggers, types = tuple(rules), ()
        clash = sorted({t.name for t in types} & set(self.finder.types))
        if clash:
            raise RuleFileError(Errors.E008.format(path=source, reason=f"types {clash} twice"))
        self.set_rules((*self.rules, *triggers), source, (*self.types, *types))

    def set_rules(
        self,
        rules: Sequence[TriggerRule],
        source: str = "rules",
        types: Sequence[EventTypeSpec] | None = None,
    ) -> None:
        """Use exactly ``rules`` (checked for unique ids) and ``types`` (by default the
        types in use)."""
        from vaxdiplo.events import EventFinder
        from vaxdiplo.rules.base import check_unique

        check_unique(tuple(rules), source)
        types = self.types if types is None else tuple(types)
        self.finder = EventFinder(self.finder.matcher.vocab, tuple(rules), types)

    def __call__(self, doc: Doc, *, serialise: bool = False) -> Doc:
        """Set ``doc._.vaxdiplo_candidates`` and ``doc._.vaxdiplo_events``; with
        ``serialise`` (as ``Extractor.extract_many`` asks of worker processes through
        ``component_cfg``), return instead an empty ``Doc`` carrying the events and
        mentions as JSON in its ``user_data`` (see :func:`vaxdiplo._batch.carrier`):
        only they travel back to the calling process."""
        from vaxdiplo.entities import link
        from vaxdiplo.events import to_event
        from vaxdiplo.extensions import doc_text

        ents = doc._.vaxdiplo_entities
        if ents is None:
            ents = link(doc, doc._.vaxdiplo_published)
            doc._.vaxdiplo_entities = ents
        cands = self.finder(doc, ents, doc._.vaxdiplo_published)
        doc._.vaxdiplo_candidates = cands
        text = doc_text(doc)  # once: ``doc.text`` joins every token again
        doc._.vaxdiplo_events = tuple(to_event(c, text) for c in cands)
        if serialise:
            from vaxdiplo._batch import carrier

            return carrier(doc)
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the trigger rules (``triggers.json``) and the user-declared event types
        (``types.json``) in use, so a saved pipeline keeps them."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        rules = [r.to_dict() for r in self.rules]
        (path / "triggers.json").write_text(json.dumps(rules, indent=1), encoding="utf8")
        types = [t.to_dict() for t in self.types]
        (path / "types.json").write_text(json.dumps(types, indent=1), encoding="utf8")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> EventAssembler:
        """Load the rules and types a saved pipeline holds."""
        from vaxdiplo.rules.base import parse_triggers, read_json
        from vaxdiplo.rules.files import parse_types

        path = Path(path)
        types = self.types
        if (path / "types.json").exists():
            types = parse_types(read_json(path / "types.json"), str(path / "types.json"))
        file = path / "triggers.json"
        if file.exists():
            rules = parse_triggers(read_json(file), str(file), [t.name for t in types])
            self.set_rules(rules, str(file), types)
        return self


@Language.factory(
    "vaxdiplo_entities",
    default_config={"spans_key": SPANS_KEY},
    assigns=["doc._.vaxdiplo_entities", "doc.spans"],
)
def make_entity_linker(nlp: Language, name: str, spans_key: str) -> EntityLinker:
    return EntityLinker(nlp, name, spans_key)


@Language.factory(
    "vaxdiplo_events",
    default_config={"rules_path": None},
    assigns=["doc._.vaxdiplo_candidates", "doc._.vaxdiplo_events"],
    requires=["doc._.vaxdiplo_entities"],
)
def make_event_assembler(nlp: Language, name: str, rules_path: str | None) -> EventAssembler:
    return EventAssembler(nlp, name, rules_path)


def sentence_breaks(text: str, columns: Any, credits: Any) -> list[int]:
    """The tokens that start a sentence by the text's layout: the first non-space token
    after a line break, and the first token after a photo credit (``credits(text)``
    gives their spans). ``columns`` are the tokens' ``IDX``, ``LENGTH`` and ``IS_SPACE``.
    Computed on arrays, without a Python step per token."""
    columns = np.asarray(columns, dtype=np.int64)
    idx, length, space = columns[:, 0], columns[:, 1], columns[:, 2].astype(bool)
    ends = idx + length
    n = len(idx)
    out = np.zeros(n, dtype=bool)
    lines = np.array([m.start() for m in _NEWLINE.finditer(text)], dtype=np.int64)
    if len(lines):
        # the end of the last token that is not a space before each token (0: none)
        solid = np.where(space, 0, ends)
        before = np.concatenate(([0], np.maximum.accumulate(solid)[:-1]))
        crossed = np.searchsorted(lines, idx) - np.searchsorted(lines, before)
        out |= crossed > 0
    credit_ends = np.array(sorted({e for _, e in credits(text)}), dtype=np.int64)
    if len(credit_ends):
        prev_end = np.concatenate(([0], ends[:-1]))
        k = np.searchsorted(credit_ends, prev_end)
        inside = k < len(credit_ends)
        after = np.zeros(n, dtype=bool)
        after[inside] = credit_ends[k[inside]] <= idx[inside]
        out |= after
    out &= ~space
    out[0] = False
    return np.flatnonzero(out).tolist()


_NEWLINE = re.compile("\n")


def punctuation_starts(orth: Any, punct: Any, stops: Any) -> Any:
    """The sentence starts spaCy's ``Sentencizer`` gives, on arrays: the first token,
    and each token that is neither punctuation nor a stop character (``orth`` in
    ``stops``, the hashes of its ``punct_chars``) with a stop character after the
    previous such token. ``orth`` and ``punct`` are the tokens' ``ORTH`` and
    ``IS_PUNCT``; a boolean array. ``stops`` is sorted."""
    at = np.minimum(np.searchsorted(stops, orth), len(stops) - 1)  # ``stops`` sorted
    stop = stops[at] == orth  # as ``np.isin``, several times faster on short arrays
    plain = np.flatnonzero(~(stop | (np.asarray(punct) == 1)))
    seen = np.concatenate(([0], np.cumsum(stop)))  # stop characters before each token
    previous = np.concatenate(([-1], plain[:-1]))
    out = np.zeros(len(orth), dtype=bool)
    out[plain[seen[plain] > seen[previous + 1]]] = True
    if len(out):
        out[0] = True
    return out


class Segmenter:
    """Sentence starts the statistical parser misses: after a line break (headlines,
    captions, datelines) and after a photo credit. Runs before the parser, which keeps
    the boundaries it is given; without a parser, after the sentencizer, or (with
    ``punctuation``, the rules-only pipeline) in its place: it then also sets the
    starts spaCy's ``Sentencizer`` would, worked out on arrays."""

    def __init__(
        self, nlp: Language, name: str = "vaxdiplo_segmenter", punctuation: bool = False
    ) -> None:
        from spacy.pipeline import Sentencizer

        self.name = name
        self.punctuation = punctuation
        self._stops = np.array(
            sorted(nlp.vocab.strings.add(c) for c in Sentencizer.default_punct_chars),
            dtype=np.uint64,
        )

    def __call__(self, doc: Doc, *, context: bool = False) -> Doc:
        """Set the sentence starts; with ``context`` (worker processes of
        ``Extractor.extract_many``), first take the publication date and the text from
        the context spaCy's ``as_tuples`` gave the ``Doc`` (see
        :func:`vaxdiplo._batch.unpack_context`)."""
        from vaxdiplo.entities import credit_spans
        from vaxdiplo.extensions import doc_text

        if context:
            from vaxdiplo._batch import unpack_context

            unpack_context(doc)
        if not len(doc):
            return doc
        columns = doc.to_array([IDX, LENGTH, IS_SPACE, ORTH, IS_PUNCT])
        starts = sentence_breaks(doc_text(doc), columns[:, :3], credit_spans)
        if self.punctuation:
            first = punctuation_starts(columns[:, 3], columns[:, 4], self._stops)
            first[starts] = True
            doc.from_array([SENT_START], np.where(first, 1, -1).astype(np.int64).view(np.uint64))
        elif starts:
            # Setting ``Token.is_sent_start`` checks the whole Doc for a parse each time:
            # set the first that way (it raises on a parsed Doc), the rest in one array.
            doc[starts[0]].is_sent_start = True
            column = doc.to_array(SENT_START)
            column[starts] = 1
            doc.from_array([SENT_START], column)
        return doc


@Language.factory("vaxdiplo_segmenter", default_config={"punctuation": False})
def make_segmenter(nlp: Language, name: str, punctuation: bool) -> Segmenter:
    return Segmenter(nlp, name, punctuation)
