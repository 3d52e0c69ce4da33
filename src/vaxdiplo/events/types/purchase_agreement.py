"""``PurchaseAgreement``: a buyer contracts to buy doses from a seller.

Who buys and who sells: the rule's role map, with the company as the seller when the
sentence's grammar puts it on the buying side; a missing seller is the vaccine's
maker; a missing buyer the document's home country. Technology and bulk for local
production are a TechTransfer, not a purchase.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from vaxdiplo.entities import Ent
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.clauses.scope import production_materials
from vaxdiplo.events.context import DocContext, Facts
from vaxdiplo.events.roles import maker_actor
from vaxdiplo.rules.base import TriggerRule

__all__ = ["NAME", "RECENT_VACCINE", "fill", "reject"]

NAME = "PurchaseAgreement"
RECENT_VACCINE = "with_doses"


def reject(ctx: DocContext, rule: TriggerRule, trig: Token, sent: Span, facts: Facts) -> bool:
    """Technology or bulk for local production: a TechTransfer."""
    return production_materials(facts) or bool(facts["words"] & {"technology", "know-how"})


def fill(
    ctx: DocContext,
    c: Candidate,
    rule: TriggerRule,
    trig: Token,
    sent: Span,
    facts: Facts,
    args: list[Arg],
    vent: Ent | None,
) -> None:
    """Buyer and seller (see the module docstring)."""
    buyer = (c.roles.get("buyer") or [None])[0]
    seller = (c.roles.get("seller") or [None])[0]
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
    home, home_actor = ctx.ents.home, ctx.home_actor()
    if buyer is None and home_actor is not None and (seller is None or seller.party != home):
        buyer = home_actor
        c.weak_roles.add("buyer")
        c.trace.append(f"buyer {home} <- document home country")
    c.roles["buyer"] = [buyer] if buyer else []
    c.roles["seller"] = [seller] if seller else []
