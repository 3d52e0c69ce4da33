"""``PurchaseAgreement``: a buyer contracts to buy doses from a seller.

Who buys and who sells: the rule's role map, with the company as the seller when the
sentence's grammar puts it on the buying side; a missing seller is the vaccine's
maker; a missing buyer the document's home country. Technology and bulk for local
production are a TechTransfer, not a purchase.
"""

from __future__ import annotations

from vaxdiplo.entities import Ent
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.clauses.scope import production_materials
from vaxdiplo.events.context import Site
from vaxdiplo.events.roles import home_for, maker_actor

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "PurchaseAgreement"
RECENT_VACCINE = "with_doses"


_COLLABORATION = frozenset({"collaboration", "cooperation", "research"})
_BUYING = frozenset(
    "buy bought buying purchase purchased purchasing procure procured procurement order "
    "ordered doses supply supplies".split()
)


def reject(site: Site) -> bool:
    """Technology or bulk for local production: a TechTransfer; a collaboration or
    research agreement that buys nothing."""
    words = site.facts["words"]
    if words & _COLLABORATION and not words & _BUYING:
        return True
    facts = site.facts
    return production_materials(facts) or bool(facts["words"] & {"technology", "know-how"})


def fill(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """Buyer and seller (see the module docstring)."""
    ctx = site.ctx
    buyer = c.first("buyer")
    seller = c.first("seller")
    if (
        buyer is not None
        and buyer.kind == "company"
        and (seller is None or seller.kind in ("country", "government_body", "person"))
    ):
        buyer, seller = seller, buyer
        c.trace.append("buyer/seller swapped: the company sells")
    if seller is None and c.vaccine is not None:
        seller = maker_actor(ctx, c.vaccine.id)
        if seller is not None:
            c.trace.append(f"seller {seller.id} <- maker of {c.vaccine.id}")
    if buyer is None:
        buyer = home_for(ctx, c, "buyer", seller)
    c.roles["buyer"] = [buyer] if buyer else []
    c.roles["seller"] = [seller] if seller else []
