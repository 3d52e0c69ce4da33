"""A step of the document pass: a shipment told in one sentence and broken down by how
its parts were obtained in the next ("Cambodia received 2.5 million doses of Sinovac ...
She said the new batch included 2 million doses purchased from Sinovac by the Cambodian
government, and 500,000 doses donated by the company.") is one delivery per part, each
with its count and channel; the gift and the purchase of that sentence only describe
the parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vaxdiplo.events.context import DocContext

if TYPE_CHECKING:
    from vaxdiplo.events.document import DocumentState

__all__ = ["split_by_composition"]

_COMPOSED = frozenset(
    "included includes including comprised comprises consisted consists contained contains "
    "comprising consisting".split()
)
_SHIPMENT = frozenset("batch shipment consignment delivery cargo doses vaccines".split())
_CHANNEL = {
    "purchased": "purchase",
    "bought": "purchase",
    "procured": "purchase",
    "donated": "donation",
    "gifted": "donation",
    "granted": "donation",
}


def split_by_composition(ctx: DocContext, state: DocumentState) -> None:
    """Break a delivery into the parts a following sentence lists (see the module).

    The parts must each give a count and a channel word, and add up to the delivery's
    count when it has one.
    """
    deliveries = sorted(
        (c for c in state.events if c.type == "Delivery"), key=lambda c: c.sent_starts[0]
    )
    for start, end in ctx.sentences:
        words = ctx.keys[start:end]
        if _COMPOSED.isdisjoint(words) or _SHIPMENT.isdisjoint(words):
            continue
        sent = ctx.doc[start:end]
        before = [c for c in deliveries if c.sent_starts[0] < sent.start]
        if not before or sent.start in before[-1].sent_starts:
            continue
        parts = _parts(ctx, sent)
        whole = before[-1]
        if len(parts) < 2 or (whole.doses is not None and sum(n for n, _ in parts) != whole.doses):
            continue
        copies = []
        for k, (doses, channel) in enumerate(parts):
            d = whole.copy()
            d.doses, d.channel = doses, channel
            d.evidence = [*whole.evidence, (sent.start_char, sent.end_char)]
            d.sent_starts = [*whole.sent_starts, sent.start]
            d.trigger_i = whole.trigger_i * 100 + k
            d.trace.append(f"part {k + 1}: {doses} doses, {channel} <- the shipment's parts")
            copies.append(d)
        state.events = [
            e
            for e in state.events
            if e is not whole
            and not (
                e.type in ("DonationPledge", "PurchaseAgreement") and sent.start in e.sent_starts
            )
        ]
        state.events.extend(copies)


def _parts(ctx: DocContext, sent) -> list[tuple[int, str]]:
    """The sentence's counts, each with the channel word that follows it before the next."""
    quantities = sorted((i, q) for i, q in ctx.facts(sent)["doses"] if not q.cumulative and q.value)
    out = []
    for k, (i, q) in enumerate(quantities):
        end = quantities[k + 1][0] if k + 1 < len(quantities) else sent.end
        words = ctx.keys[i:end]
        channel = next((_CHANNEL[w] for w in words if w in _CHANNEL), None)
        if channel is None:
            return []
        out.append((q.value, channel))
    return out
