"""``PurchaseAgreement``: a buyer contracts to buy doses from a seller.

Who buys and who sells: the rule's role map, with the company as the seller when the
sentence's grammar puts it on the buying side; a missing seller is the vaccine's
maker; a missing buyer the document's home country. Technology and bulk for local
production are a TechTransfer, not a purchase.
"""

from __future__ import annotations

from vaxdiplo._text import fold
from vaxdiplo.entities import Ent
from vaxdiplo.events.candidate import Arg, Candidate
from vaxdiplo.events.clauses.scope import production_materials
from vaxdiplo.events.context import DocContext, Site
from vaxdiplo.events.roles import (
    home_for,
    maker_actor,
    maker_country,
    maker_parties,
    through_channel,
)

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


_BOUGHT = frozenset("bought buys purchased purchases procured procures ordered".split())
_DEAL_NOUNS = frozenset("agreement agreements deal deals contract contracts".split())


def _signed_the_one_before(site: Site) -> bool:
    """ "Bangladesh signed the tripartite agreement with Sinopharm and Incepta": a definite
    deal with no count, money or buying word is the deal a sentence before announced
    (an anaphor: it adds to that deal, if it is a purchase, and starts none)."""
    facts, doc, trig = site.facts, site.ctx.doc, site.trig
    if facts["doses"] or facts.get("money") or facts["words"] & (_BUYING - {"doses"}):
        return False
    for t in doc[trig.i + 1 : min(site.sent.end, trig.i + 5)]:
        if t.lower_ in _DEAL_NOUNS:
            before = [w.lower_ for w in doc[trig.i + 1 : t.i]]
            return before[:1] == ["the"]
    return False


def _maker_side(ctx: DocContext, c: Candidate) -> set[str]:
    sides = maker_parties(ctx, c)
    country = maker_country(ctx, c)
    return sides | {country} if country else sides


def fill(site: Site, c: Candidate, args: list[Arg], vent: Ent | None) -> None:
    """Buyer and seller (see the module docstring); the vaccine maker's side named among
    the buyers ("the RDIF and the government of Argentina signed a contract to deliver",
    "Russia signed an agreement to supply UNICEF") is the seller."""
    ctx = site.ctx
    if _signed_the_one_before(site):
        c.anaphoric = True
    buyers = list(c.roles.get("buyer") or [])
    sellers = list(c.roles.get("seller") or [])
    seller = c.first("seller")
    sides = _maker_side(ctx, c)
    makers = [b for b in buyers if b.party in sides or b.id in sides]
    seller_made = seller is not None and (seller.party in sides or seller.id in sides)
    bought_from = fold(site.trig.text) in _BOUGHT and seller is not None
    if (
        makers
        and not seller_made
        and not bought_from  # "Russia has purchased 160,000 doses ... from the Health Ministry"
        and (seller is None or len(makers) == len(buyers))
    ):
        others = [b for b in buyers if b not in makers]
        buyers = others if seller is None else [*others, seller]  # "Sinovac signed an
        seller = makers[0]  # agreement with Gavi to supply": Gavi buys
        c.trace.append(f"seller {seller.party} <- the vaccine maker's side")
    buyer = buyers[0] if buyers else None
    if (
        buyer is not None
        and buyer.kind == "company"
        and (buyer.id in ctx.makers or buyer.id not in ctx.registry.org_ids)
        and (seller is None or seller.kind in ("country", "government_body", "person"))
    ):  # a known buyer that makes no vaccine ("Pharmaniaga buys 14 mln doses") buys
        buyer, seller = seller, buyer
        buyers = [buyer] if buyer else []
        c.trace.append("buyer/seller swapped: the company sells")
    if seller is None and c.vaccine is not None:
        seller = maker_actor(ctx, c.vaccine.id)
        if seller is not None:
            c.trace.append(f"seller {seller.id} <- maker of {c.vaccine.id}")
    through = through_channel(ctx, args) if not buyers else None
    if through is not None and (seller is None or through.party != seller.party):
        buyers = [through]  # "member states, through the African Vaccine Acquisition Trust"
        c.trace.append(f"buyer {through.party} <- the body bought through")
    if not buyers:
        home = home_for(ctx, c, "buyer", seller)
        buyers = [home] if home else []
    c.roles["buyer"] = buyers[:1] if len({b.party for b in buyers}) == 1 else buyers
    if seller is not None and sellers[:1] == [seller]:
        c.roles["seller"] = sellers  # "with Sinopharm ... as well as with Sinovac": split later
    else:
        c.roles["seller"] = [seller] if seller else []
