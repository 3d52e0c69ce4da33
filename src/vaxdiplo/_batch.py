"""Batch extraction over ``nlp.pipe``: the machinery behind ``Extractor.extract_many``.

Each item is checked and prepared in the calling process, in input order (id, text,
publication date, dateline, warnings). Items that can be extracted go through
``nlp.pipe`` as ``(Doc, index)`` pairs (``as_tuples``); the others (bad items, empty
texts, failures handed on by a reader) wait in the same queue, so that results come
out in input order, one per item.

With ``n_process > 1`` spaCy's own worker processes run the pipeline's components:
each text goes out with its index, publication date and original text as its context,
which the segmenter takes up (see :func:`unpack_context`), and the event component
returns an empty ``Doc`` carrying only the events and mentions as JSON (see
:func:`carrier`), so that no parsed ``Doc`` is serialised on the way back. The context
travels with the text as a :class:`~vaxdiplo._tokenizer.CarriedText`, which the
pipeline's tokenizer (a ``FillingTokenizer``) reads in the worker: spaCy would
tokenise an ``as_tuples`` text in the calling process and send the ``Doc`` (with
another tokenizer, that is what happens). The calling process builds the same
``Extraction`` from the result as from a ``Doc`` processed at home.

When the pipeline raises inside a batch, the items in flight are run again one at a
time: the one that fails becomes a :class:`~vaxdiplo.models.DocumentFailure`, and the
pipe starts again with the items after them.
"""

from __future__ import annotations

import json
import logging
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter

from vaxdiplo.errors import Errors, VaxdiploError
from vaxdiplo.extensions import DOC_TEXT_KEY, doc_text
from vaxdiplo.models import DocumentFailure, Extraction, Mention

__all__ = ["ERROR_MODES", "DocumentError", "carrier", "iter_results", "unpack_context"]

logger = logging.getLogger("vaxdiplo")

ERROR_MODES = ("collect", "skip", "raise")
PAYLOAD_KEY = "vaxdiplo_payload"
"""``doc.user_data`` key of the events and mentions as JSON (multi-process runs: they
travel in the result's context, which spaCy pickles, and are put here on arrival; in
``user_data`` they would cost two more msgpack passes at each end)."""
TEXT_KEY = "vaxdiplo_text"
"""``doc.user_data`` key of the text evidence quotes, when the tokenizer saw another
(long punctuation runs broken up, see :mod:`vaxdiplo._runs`)."""

_MENTIONS: TypeAdapter[tuple[Mention, ...]] = TypeAdapter(tuple[Mention, ...])


class DocumentError(VaxdiploError):
    """A document of a batch failed and ``errors="raise"`` was asked for.

    Attributes:
        failure: The :class:`~vaxdiplo.models.DocumentFailure` with the document's id,
            index and error.
    """

    def __init__(self, failure: DocumentFailure) -> None:
        self.failure = failure
        super().__init__(
            Errors.E019.format(
                doc_id=failure.doc_id,
                index=failure.index,
                error=failure.error,
                message=failure.message,
            )
        )


@dataclass(slots=True)
class _Slot:
    """One input item on its way: ready at once (failure, empty text) or piped."""

    index: int
    doc_id: str | None = None
    ready: Extraction | DocumentFailure | None = None
    prepared: Any = None
    meta: dict[str, Any] = field(default_factory=dict)
    source: str | None = None


def check_arguments(batch_size: Any, n_process: Any, errors: Any) -> None:
    """Raise ``ValueError`` [E018] for a bad ``extract_many`` argument."""
    for name, value in (("batch_size", batch_size), ("n_process", n_process)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValueError(Errors.E018.format(name=name, value=value))
    if errors not in ERROR_MODES:
        raise ValueError(Errors.E018.format(name="errors", value=errors))


def _unpack(item: Any, index: int) -> tuple[Any, Any, Any, dict[str, Any], str | None]:
    """``(doc_id, text, published, meta, source)`` of a batch item.

    An item is a ``(doc_id, text, published)`` triple, a mapping with ``"text"`` (and
    optional ``"id"``, ``"published"``, ``"url"``, ``"title"``) or an object with those
    attributes (:class:`vaxdiplo.readers.Article`).
    """
    if isinstance(item, Mapping):
        if "text" in item:
            meta = {"url": item.get("url"), "title": item.get("title")}
            return item.get("id"), item["text"], item.get("published"), meta, item.get("source")
    elif hasattr(item, "text") and hasattr(item, "id") and not isinstance(item, (str, bytes)):
        meta = {"url": getattr(item, "url", None), "title": getattr(item, "title", None)}
        published, source = getattr(item, "published", None), getattr(item, "source", None)
        return item.id, item.text, published, meta, source
    elif not isinstance(item, (str, bytes)) and isinstance(item, Sequence) and len(item) == 3:
        return item[0], item[1], item[2], {}, None
    raise VaxdiploError(Errors.E014.format(index=index, value=item))


def _failure(slot: _Slot, err: BaseException) -> DocumentFailure:
    return DocumentFailure(
        doc_id=slot.doc_id,
        error=type(err).__name__,
        message=str(err),
        index=slot.index,
        source=slot.source,
    )


def _slot(ex: Any, item: Any, index: int) -> _Slot:
    """Check and prepare one item in the calling process."""
    from vaxdiplo.extractor import _check_doc_id

    if isinstance(item, DocumentFailure):  # a reader's failure, handed on in its place
        return _Slot(index, item.doc_id, ready=item.model_copy(update={"index": index}))
    slot = _Slot(index)
    try:
        doc_id, text, published, slot.meta, slot.source = _unpack(item, index)
        slot.doc_id = doc_id if isinstance(doc_id, str) else None
        slot.doc_id = _check_doc_id(doc_id)
        slot.prepared = ex._prepare(text, published)
        if not slot.prepared.text.strip():
            slot.ready = ex._extraction(slot.prepared, slot.doc_id, None, slot.meta)
    except Exception as err:  # a bad item is recorded and the batch goes on
        slot.ready = _failure(slot, err)
    return slot


def _feed(
    ex: Any, nlp: Any, items: Iterable[Any], pending: deque[_Slot], workers: bool | str = False
) -> Iterator[Any]:
    """``(Doc, index)`` for each item to pipe, or with ``workers`` ``(text, context)``
    (see :func:`unpack_context`), or with ``workers="carried"`` the text as a
    ``CarriedText`` with that context; every item's slot goes to ``pending``."""
    from vaxdiplo._long import LONG_TEXT
    from vaxdiplo._runs import break_runs
    from vaxdiplo._tokenizer import CarriedText

    for index, item in enumerate(items):
        slot = _slot(ex, item, index)
        pending.append(slot)
        if slot.ready is not None:
            continue
        text = slot.prepared.text
        if len(text) > LONG_TEXT and ex.model != "rules":
            slot.ready = _one(ex, slot)  # read a paragraph at a time (see vaxdiplo._long)
            continue
        broken = break_runs(text)  # same length: offsets index ``text``
        if workers:
            context = (index, slot.prepared.day, text if broken != text else None)
            yield CarriedText(broken, context) if workers == "carried" else (broken, context)
            continue
        try:
            doc = nlp.make_doc(broken)
        except Exception as err:  # the tokenizer's failure is this item's
            slot.ready = _failure(slot, err)
            continue
        doc._.vaxdiplo_published = slot.prepared.day
        doc.user_data[DOC_TEXT_KEY] = broken
        if broken != text:
            doc.user_data[TEXT_KEY] = text
        yield doc, index


def unpack_context(doc: Any) -> None:
    """In a worker process: take the ``(index, published, original text or None)``
    context :func:`_feed` gave the text (the tokenizer's, or spaCy's ``as_tuples``),
    leaving the index as the context that comes back with the result."""
    from vaxdiplo._tokenizer import CONTEXT_KEY

    carried = doc.user_data.pop(CONTEXT_KEY, None)
    index, day, original = doc._context if carried is None else carried
    doc._context = index
    doc._.vaxdiplo_published = day
    doc.user_data[DOC_TEXT_KEY] = doc.text
    if original is not None:
        doc.user_data[TEXT_KEY] = original


def carrier(doc: Any) -> Any:
    """An empty ``Doc`` whose context is the processed ``Doc``'s index with its events
    and mentions as JSON, so that only they are serialised back."""
    from spacy.tokens import Doc

    from vaxdiplo.events import to_event

    text = doc.user_data.get(TEXT_KEY)
    events = doc._.vaxdiplo_events
    if text is not None or events is None:
        events = [to_event(c, text or doc_text(doc)) for c in doc._.vaxdiplo_candidates]
    mentions = doc._.vaxdiplo_entities.to_mentions(doc)
    out = Doc(doc.vocab, words=[])
    data = [
        b"[" + b",".join(e.model_dump_json().encode() for e in events) + b"]",
        _MENTIONS.dump_json(mentions),
    ]
    out._context = (doc._context, data)
    return out


def payload(doc: Any) -> tuple[list[Any], tuple[Mention, ...]] | None:
    """The events (as JSON data, for the extractor's own result model to validate:
    it knows the event types its rule files declare) and mentions :func:`serialise`
    left on ``doc``, or None."""
    data = doc.user_data.get(PAYLOAD_KEY)
    if data is None:
        return None
    return json.loads(data[0]), _MENTIONS.validate_json(data[1])


def _finish(ex: Any, slot: _Slot, doc: Any) -> Extraction | DocumentFailure:
    try:
        return ex._extraction(slot.prepared, slot.doc_id, doc, slot.meta)
    except Exception as err:  # e.g. a bad url or title
        return _failure(slot, err)


def _one(ex: Any, slot: _Slot) -> Extraction | DocumentFailure:
    """An item run on its own: after its batch failed, or a long text."""
    if slot.ready is not None:
        return slot.ready
    try:
        doc = ex._run(slot.prepared.text, slot.prepared.day)
    except Exception as err:  # this item is the one that broke the batch, or not
        return _failure(slot, err)
    return _finish(ex, slot, doc)


def _ordered(
    ex: Any, items: Iterable[Any], batch_size: int, n_process: int
) -> Iterator[Extraction | DocumentFailure]:
    nlp = ex.nlp
    if nlp.max_length < ex.max_chars:
        nlp.max_length = ex.max_chars
    pending: deque[_Slot] = deque()
    from vaxdiplo._tokenizer import FillingTokenizer

    workers: bool | str = n_process > 1
    if workers and isinstance(nlp.tokenizer, FillingTokenizer):
        workers = "carried"
    feed = _feed(ex, nlp, items, pending, workers)
    cfg = (
        {"vaxdiplo_segmenter": {"context": True}, "vaxdiplo_events": {"serialise": True}}
        if workers
        else {}
    )
    while True:
        stream = _pipe(nlp, feed, workers, batch_size, n_process, cfg)
        try:
            for doc, index in stream:
                while pending[0].index != index:
                    yield pending.popleft().ready  # type: ignore[misc]
                yield _finish(ex, pending.popleft(), doc)
        except Exception:
            if not pending:
                raise
            logger.debug("a batch failed; its documents are run one at a time", exc_info=True)
            while pending:
                yield _one(ex, pending.popleft())
            continue
        while pending:
            yield pending.popleft().ready  # type: ignore[misc]
        return


def _pipe(
    nlp: Any, feed: Iterator[Any], workers: bool | str, batch_size: int, n_process: int, cfg: Any
) -> Iterator[tuple[Any, int]]:
    """``(Doc, index)`` pairs from ``nlp.pipe`` over :func:`_feed`'s items (with
    ``workers``, the payload of a :func:`carrier` put in the ``Doc``'s ``user_data``)."""
    if not workers:
        yield from nlp.pipe(feed, as_tuples=True, batch_size=batch_size, component_cfg=cfg)
        return
    if workers == "carried":
        docs = nlp.pipe(feed, batch_size=batch_size, n_process=n_process, component_cfg=cfg)
        pairs = ((doc, doc._context) for doc in docs)
    else:
        pairs = nlp.pipe(
            feed, as_tuples=True, batch_size=batch_size, n_process=n_process, component_cfg=cfg
        )
    for doc, (index, data) in pairs:
        doc._context = None
        doc.user_data[PAYLOAD_KEY] = data
        yield doc, index


def iter_results(
    ex: Any, items: Iterable[Any], batch_size: int, n_process: int, errors: str
) -> Iterator[Extraction | DocumentFailure]:
    """What ``Extractor.extract_many`` yields (arguments checked by the caller)."""
    for result in _ordered(ex, items, batch_size, n_process):
        if isinstance(result, DocumentFailure):
            if errors == "raise":
                raise DocumentError(result)
            if errors == "skip":
                logger.warning(
                    "skipped document %s (item %s): %s: %s",
                    result.doc_id,
                    result.index,
                    result.error,
                    result.message,
                )
                continue
        yield result
