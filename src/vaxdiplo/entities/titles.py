"""The words around a person's name: the title and the country or organisation.

"Russian Deputy Prime Minister Yuri Borisov", "the Chinese Ambassador to Laos, Jiang
Zaidong", "his Chinese counterpart, Li Keqiang", "Tedros, WHO regional director",
", executive of Pfizer Thailand", "President Xi".
"""

from __future__ import annotations

from vaxdiplo._text import fold
from vaxdiplo.entities.mentions import HONORIFICS, Ent
from vaxdiplo.entities.qualifiers import qualifier_before, qualifier_inside, qualifier_of
from vaxdiplo.entities.state import LinkState

__all__ = ["org_apposition", "org_in_title", "title_after", "title_before", "title_in_name"]

_COUNTERPART = frozenset({"counterpart", "counterparts"})
_ARTICLES = ("the", "a", "an")


def title_before(state: LinkState, start: int) -> tuple[Ent | None, Ent | None]:
    """The title (and its qualifier) introducing a name that starts at ``start``.

    Args:
        state: The document being linked.
        start: The first token of the name.

    Returns:
        ``(title, qualifier)``, either None: "Chinese Premier Li Keqiang" gives both,
        "his Chinese counterpart, Li Keqiang" and "WHO's Tedros" only the qualifier.
    """
    doc = state.doc
    j = start - 1
    while j >= 0 and (fold(doc[j].text) in HONORIFICS or doc[j].text == ","):
        j -= 1
    e = state.ent_at(j) if j >= 0 else None
    if (
        e is not None
        and e.kind == "country"
        and e.start >= 2
        and fold(doc[e.start - 1].text) in ("to", "in")
    ):
        # "the Chinese Ambassador to Laos, Jiang Zaidong"
        t = state.ent_at(e.start - 2)
        if t is not None and t.kind == "title":
            e.absorbed = False
            return t, qualifier_before(state, t.start)
    if e is None:
        if j >= 0 and fold(doc[j].text) in _COUNTERPART:
            return None, qualifier_before(state, j)
        return None, None
    if e.kind == "title":
        q = (
            qualifier_before(state, e.start)
            or qualifier_of(state, e.end)
            or qualifier_inside(state, e)
        )
        return e, q
    if e.kind in ("country", "international_org", "company") and e.actor is not None:
        # "Pfizer CEO Albert Bourla" handled via title; "WHO's Tedros": qualifier only
        return None, e
    return None, None


def title_after(state: LinkState, end: int) -> tuple[Ent | None, Ent | None]:
    """ ", WHO regional director", ", the Chinese ambassador" after a name.

    Args:
        state: The document being linked.
        end: The token after the name.

    Returns:
        ``(title, qualifier)``, both None when no title follows.
    """
    doc = state.doc
    j = end
    if j < len(doc) and doc[j].text == ",":
        j += 1
        while j < len(doc) and fold(doc[j].text) in _ARTICLES:
            j += 1
        q = None
        e = state.ent_at(j)
        if e is not None and e.start == j and e.kind != "title" and e.actor is not None:
            q = e
            j = e.end
        t = state.ent_at(j)
        if t is not None and t.kind == "title" and t.start == j:
            return t, q or qualifier_of(state, t.end)
    return None, None


def org_in_title(state: LinkState, t: Ent) -> Ent | None:
    """ "WHO regional director": the organisation named inside a title.

    Args:
        state: The document being linked.
        t: A title mention.

    Returns:
        A new (unlisted) mention of the first single-token organisation alias in ``t``.
    """
    for i in range(t.start, t.end):
        tok = state.doc[i]
        for entry in state.gaz.index.get((fold(tok.text),), ()):
            if entry.cat == "org" and (entry.exact is None or entry.exact == (tok.text,)):
                return Ent(i, i + 1, "international_org", actor=state.org_actor(entry.key))
    return None


def org_apposition(state: LinkState, end: int) -> Ent | None:
    """ ", executive of Pfizer Thailand": a person speaking for an organisation.

    Args:
        state: The document being linked.
        end: The token after the name.

    Returns:
        The company or international organisation named within a few words, if any.
    """
    doc = state.doc
    if end >= len(doc) or doc[end].text != ",":
        return None
    for j in range(end + 1, min(len(doc), end + 6)):
        if fold(doc[j].text) in ("of", "at", "from", "for"):
            e = state.ent_at(j + 1) if j + 1 < len(doc) else None
            if e is not None and e.start == j + 1 and e.kind in ("company", "international_org"):
                return e
            return None
        if not doc[j].is_alpha or doc[j].is_sent_start:
            return None
    return None


def title_in_name(state: LinkState, e: Ent) -> str | None:
    """ "President Xi": a registry variant that starts with the title it is used with.

    Args:
        state: The document being linked.
        e: A person mention from the gazetteer.

    Returns:
        The canonical title the name starts with, if any.
    """
    hit = state.gaz.longest(e.start, state.keys, state.texts, e.end - e.start - 1)
    if hit is None:
        return None
    return next((x.key for x in hit.entries if x.cat == "title"), None)
