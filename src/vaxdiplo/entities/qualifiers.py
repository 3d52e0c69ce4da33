"""Qualifiers: the country or organisation right next to a mention.

"Vietnam's health ministry", "Prime Minister of Laos", "the Chinese Premier": several
steps ask which country or organisation qualifies a title, a name or a government body.
"""

from __future__ import annotations

from vaxdiplo._text import fold
from vaxdiplo.entities.mentions import Ent
from vaxdiplo.entities.state import LinkState

__all__ = ["qualifier_before", "qualifier_inside", "qualifier_of"]

_QUALIFIER_KINDS = ("country", "international_org", "company", "government_body", "group")


def qualifier_before(state: LinkState, i: int) -> Ent | None:
    """A country, demonym, capital or organisation right before token ``i``.

    Args:
        state: The document being linked.
        i: The first token of the qualified mention; a possessive ("'s") may come between.

    Returns:
        The resolved mention that ends there, if any.
    """
    doc = state.doc
    j = i - 1
    if j >= 0 and doc[j].text in ("'s", "’s", "'"):
        j -= 1
    if j < 0:
        return None
    e = state.ent_at(j)
    if e is None or e.end != j + 1 or e.kind not in _QUALIFIER_KINDS or e.actor is None:
        return None
    return e


def qualifier_of(state: LinkState, i: int) -> Ent | None:
    """ "of Laos", "of the WHO" after token ``i - 1``.

    Only a resolved mention that is not a person qualifies; "the" may come before it.

    Args:
        state: The document being linked.
        i: The token after the qualified mention, where "of" or "for" would be.
    """
    doc = state.doc
    j = i
    if j < len(doc) and fold(doc[j].text) in ("of", "for"):
        j += 1
        if j < len(doc) and fold(doc[j].text) == "the":
            j += 1
        e = state.ent_at(j)
        if e is not None and e.start == j and e.actor is not None and e.kind != "person":
            return e
    return None


def qualifier_inside(state: LinkState, t: Ent) -> Ent | None:
    """The country or organisation named inside the title ``t`` ("Chinese Premier").

    Args:
        state: The document being linked.
        t: A title mention.

    Returns:
        The absorbed mention within the title's tokens, if any.
    """
    for e in state.ents_within(t.start, t.end):
        if e is not t and e.absorbed and e.actor is not None and e.kind != "person":
            return e
    return None
