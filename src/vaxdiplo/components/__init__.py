"""spaCy components: ``vaxdiplo_entities`` (linking) and ``vaxdiplo_events`` (rules).

Both are thin wrappers over pure functions (:func:`vaxdiplo.entities.link`,
:func:`vaxdiplo.rules.find_events`) and are registered as factories and through the
``spacy_factories`` entry point, so ``nlp.add_pipe("vaxdiplo_entities")`` works in any
English pipeline. The publication date is read from ``doc._.vaxdiplo_published``.
"""

from __future__ import annotations

import bisect
from pathlib import Path

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from vaxdiplo.extensions import register_extensions

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
    """Resolves people, countries, organisations and vaccines (see ``entities``)."""

    def __init__(
        self, nlp: Language, name: str = "vaxdiplo_entities", spans_key: str = SPANS_KEY
    ) -> None:
        register_extensions()
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from vaxdiplo.entities import link

        ents = link(doc, doc._.vaxdiplo_published)
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
        """Nothing to save: the registries ship with the package."""
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> EntityLinker:
        return self


class EventAssembler:
    """Finds events from the linked mentions (see ``rules.engine``)."""

    def __init__(
        self, nlp: Language, name: str = "vaxdiplo_events", rules_path: str | None = None
    ) -> None:
        from vaxdiplo.events import EventFinder
        from vaxdiplo.rules import load_rules

        register_extensions()
        self.name = name
        self.rules_path = rules_path
        self.finder = EventFinder(nlp.vocab, load_rules(rules_path))

    def __call__(self, doc: Doc, *, serialise: bool = False) -> Doc:
        """Set ``doc._.vaxdiplo_candidates``; with ``serialise`` (as
        ``Extractor.extract_many`` asks of worker processes through ``component_cfg``),
        leave the events and mentions as JSON in ``doc.user_data`` instead, so that
        ``Doc.to_bytes`` can carry them."""
        from vaxdiplo.entities import link

        ents = doc._.vaxdiplo_entities
        if ents is None:
            ents = link(doc, doc._.vaxdiplo_published)
            doc._.vaxdiplo_entities = ents
        doc._.vaxdiplo_candidates = self.finder(doc, ents, doc._.vaxdiplo_published)
        if serialise:
            from vaxdiplo._batch import serialise as to_user_data

            to_user_data(doc)
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Save the trigger rules in use, so a saved pipeline keeps them."""
        import json

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        rules = [r.to_dict() for r in self.finder.rules.values()]
        (path / "triggers.json").write_text(json.dumps(rules, indent=1), encoding="utf8")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> EventAssembler:
        from vaxdiplo.events import EventFinder
        from vaxdiplo.rules import load_rules

        file = Path(path) / "triggers.json"
        if file.exists():
            self.finder = EventFinder(self.finder.matcher.vocab, load_rules(str(file)))
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
    assigns=["doc._.vaxdiplo_candidates"],
    requires=["doc._.vaxdiplo_entities"],
)
def make_event_assembler(nlp: Language, name: str, rules_path: str | None) -> EventAssembler:
    return EventAssembler(nlp, name, rules_path)


class Segmenter:
    """Sentence starts the statistical parser misses: after a line break (headlines,
    captions, datelines) and after a photo credit. Runs before the parser, which keeps
    the boundaries it is given; without a parser, after the sentencizer."""

    def __init__(self, nlp: Language, name: str = "vaxdiplo_segmenter") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from vaxdiplo.entities import credit_spans
        from vaxdiplo.extensions import doc_text

        if not len(doc):
            return doc
        text = doc_text(doc)
        ends = sorted({e for _, e in credit_spans(text)})
        columns = doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()
        starts: list[int] = []
        prev_newline = False
        prev_end = 0  # where the previous token's text ends
        for i, (idx, length, is_space) in enumerate(columns):
            if i > 0 and (prev_newline or "\n" in text[prev_end:idx]):
                if not is_space:
                    starts.append(i)
            if i > 0 and not is_space and ends:
                # a credit ends between the previous token and this one
                k = bisect.bisect_left(ends, prev_end)
                if k < len(ends) and ends[k] <= idx:
                    starts.append(i)
            if is_space:
                prev_newline = prev_newline or "\n" in text[idx : idx + length]
            else:
                prev_newline = False
            prev_end = idx + length
        if starts:
            # Setting ``Token.is_sent_start`` checks the whole Doc for a parse each time:
            # set the first that way (it raises on a parsed Doc), the rest in one array.
            doc[starts[0]].is_sent_start = True
            column = doc.to_array(SENT_START)
            column[starts] = 1
            doc.from_array([SENT_START], column)
        return doc


@Language.factory("vaxdiplo_segmenter", default_config={})
def make_segmenter(nlp: Language, name: str) -> Segmenter:
    return Segmenter(nlp, name)
