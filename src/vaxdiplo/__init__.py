"""vaxdiplo: typed, checkable vaccine-diplomacy events from English news.

>>> import vaxdiplo
>>> result = vaxdiplo.extract(text, published="2021-06-05")   # doctest: +SKIP
>>> [e.type for e in result.events]                           # doctest: +SKIP

Importing this package loads no spaCy model: pipelines load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vaxdiplo.__about__ import __version__
from vaxdiplo.models import (
    Actor,
    Approval,
    Delivery,
    DocumentFailure,
    DonationPledge,
    Event,
    EventList,
    Evidence,
    Extraction,
    Meeting,
    Mention,
    Money,
    PhoneCall,
    PurchaseAgreement,
    SupplyRequest,
    TechTransfer,
    TechTransferRequest,
    Vaccine,
)

if TYPE_CHECKING:
    from vaxdiplo.evaluation import Report
    from vaxdiplo.extractor import Extractor

__all__ = [
    "Actor",
    "Approval",
    "Delivery",
    "DocumentFailure",
    "DonationPledge",
    "Event",
    "EventList",
    "Evidence",
    "Extraction",
    "Extractor",
    "Meeting",
    "Mention",
    "Money",
    "PhoneCall",
    "PurchaseAgreement",
    "SupplyRequest",
    "TechTransfer",
    "TechTransferRequest",
    "Vaccine",
    "__version__",
    "evaluate",
    "explain",
    "extract",
    "json_schema",
    "merge_events",
    "render",
    "to_frame",
]


def __getattr__(name: str) -> Any:
    if name == "Extractor":
        from vaxdiplo.extractor import Extractor

        return Extractor
    raise AttributeError(f"module 'vaxdiplo' has no attribute {name!r}")


def extract(
    text: Any, *, published: Any = None, doc_id: str | None = None, model: str = "default"
) -> Extraction:
    """Extract the events of one article. See :meth:`vaxdiplo.Extractor.extract`."""
    from vaxdiplo.extractor import extract as _extract

    return _extract(text, published=published, doc_id=doc_id, model=model)


def explain(text: Any, *, published: Any = None, model: str = "default") -> str:
    """How each event of ``text`` was found: rule, trigger, roles, date, evidence."""
    from vaxdiplo.extractor import _extractor

    return _extractor(model).explain(text, published=published)


def evaluate(gold: Any, extractor: Extractor | None = None) -> Report:
    """Score ``extractor`` (default model if None) on gold documents (a path or a list
    of ``GoldDocument``) by the contract's rules (EVENTS.md §6). The event types the
    extractor's rule files declare are checked in gold and scored too.

    A document whose extraction raises is scored with no predictions and named, with
    its error, in ``Report.failures``; the other documents are scored as usual.
    """
    from vaxdiplo.evaluation import GoldDocument, load_gold, score
    from vaxdiplo.extractor import _extractor

    ex = extractor or _extractor("default")
    types = {name: spec.contract() for name, spec in ex.event_types.items()}
    docs = (
        list(gold)
        if not isinstance(gold, (str,)) and not hasattr(gold, "__fspath__")
        else load_gold(gold, types)
    )
    docs = [
        d
        if isinstance(d, GoldDocument)
        else GoldDocument.model_validate(d, context={"types": types})
        for d in docs
    ]
    predictions: dict[str, list[dict[str, Any]]] = {}
    failures: dict[str, str] = {}
    for d in docs:
        try:
            predictions[d.id] = ex.extract(d.text, published=d.published, doc_id=d.id).to_gold()
        except Exception as err:  # one document's failure is recorded, not fatal
            failures[d.id] = f"{type(err).__name__}: {err}"
    return score(docs, predictions, types).model_copy(update={"failures": failures})


def to_frame(results: Any) -> Any:
    """One row per event of ``results`` as a pandas ``DataFrame``.
    See :func:`vaxdiplo.tables.to_frame` (needs ``pip install "vaxdiplo[tables]"``)."""
    from vaxdiplo.tables import to_frame as _to_frame

    return _to_frame(results)


def merge_events(results: Any) -> Any:
    """Reports of one real-world event from several articles merged into one event
    with all its sources. See :func:`vaxdiplo.merging.merge_events`."""
    from vaxdiplo.merging import merge_events as _merge

    return _merge(results)


def render(items: Any, style: str = "events", **kwargs: Any) -> str:
    """HTML of the events (or mentions) of results or processed ``Doc``s, drawn with
    displaCy. See :func:`vaxdiplo.views.render`."""
    from vaxdiplo.views import render as _render

    return _render(items, style, **kwargs)


def json_schema(extractor: Extractor | None = None) -> dict[str, Any]:
    """JSON Schema of ``Extraction`` (which contains the event union), or of the results
    of ``extractor``, whose union also holds the event types its rule files declare."""
    if extractor is not None:
        return extractor.json_schema()
    return Extraction.model_json_schema()
