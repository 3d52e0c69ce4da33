"""Steps 2 and 3: people, found and then resolved.

People are introduced by a title or an honorific ("Health Minister Hala Zayed",
"Dr Opas"), or come from statistical PERSON entities. Each is then resolved to an
actor: a registry person (by full name, or by a short name used alone while in
office), or a person of the document, whose title and country come from the words
around the name (see :mod:`vaxdiplo.entities.titles`).
"""

from __future__ import annotations

from vaxdiplo._text import fold
from vaxdiplo.entities.mentions import HONORIFICS, NOT_NAMES, Ent
from vaxdiplo.entities.offices import person_actor, short_name_person
from vaxdiplo.entities.qualifiers import qualifier_of
from vaxdiplo.entities.state import LinkState
from vaxdiplo.entities.titles import (
    org_apposition,
    org_in_title,
    title_after,
    title_before,
    title_in_name,
)

__all__ = ["find_people", "resolve_people"]


def find_people(state: LinkState) -> None:
    """Add a person mention for every name after a title or honorific, and every PERSON.

    Args:
        state: The document being linked, after the gazetteer pass.
    """
    _names_after_titles(state)
    _names_after_honorifics(state)
    _statistical_people(state)
    if not state.tagged:
        _short_names_alone(state)
    state.sort()


def resolve_people(state: LinkState) -> None:
    """Give every person mention an actor, and record the people named in full.

    A title or qualifier that introduces a person is absorbed into the person.

    Args:
        state: The document being linked, after :func:`find_people`.
    """
    for e in state.ents:
        if e.kind != "person" or e.actor is not None:
            continue
        title_ent, qual = title_before(state, e.start)
        if title_ent is None:
            t2, q2 = title_after(state, e.end)
            if t2 is not None:
                title_ent, qual = t2, q2 or qual
        if qual is None and title_ent is not None:
            qual = org_in_title(state, title_ent)
        if qual is None and e.via != "registry":
            qual = org_apposition(state, e.end)
        if qual is None and title_ent is not None and e.via != "registry":
            qual = qualifier_of(state, e.end)  # "Prime Minister Roosevelt Skerrit of Dominica"
        for x in (title_ent, qual):
            if x is not None:
                x.absorbed = True
        title = title_ent.title if title_ent else None
        if title is None and e.via == "registry":
            title = title_in_name(state, e)
        person_id = e.maker if e.via == "registry" else None
        if person_id is None:
            person_id = short_name_person(state, e)
            if person_id in state.full_names and title is None and qual is None:
                e.actor = state.full_names[person_id]  # named in full earlier: that person
                e.maker = None
                continue
        e.actor = person_actor(state, e, person_id, title, qual)
        e.maker = None
        if e.end - e.start > 1 or person_id:
            state.full_names.setdefault(e.actor.id, e.actor)


def _names_after_titles(state: LinkState) -> None:
    """ "Health Minister Hala Zayed", "the Prime Minister, Mr Prayut"."""
    doc = state.doc
    for e in list(state.ents):
        if e.kind != "title":
            continue
        j = e.end
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
            j += 3  # "National Security Advisor (NSA) Ajit Doval"
        while j < len(doc) and (fold(doc[j].text) in HONORIFICS or doc[j].text == ","):
            if doc[j].text == "," and j > e.end:
                break
            j += 1
        if j < len(doc) and doc[j].text == ",":
            j += 1
            while j < len(doc) and fold(doc[j].text) in HONORIFICS:
                j += 1
        _person_from_run(state, j)


def _names_after_honorifics(state: LinkState) -> None:
    """ "Dr Opas", "Mr Prayut": a capitalised honorific (not "His") before a name."""
    for i, (key, text) in enumerate(zip(state.keys, state.texts, strict=True)):
        if key in HONORIFICS and text[:1].isupper() and key not in ("his", "her"):
            _person_from_run(state, i + 1)


def _statistical_people(state: LinkState) -> None:
    """PERSON entities of a statistical pipeline, without honorifics or trailing space."""
    doc = state.doc
    for ne in doc.ents:
        if ne.label_ != "PERSON" and not _short_name_entity(state, ne.start, ne.end):
            continue
        s, end = ne.start, ne.end
        while s < end and fold(doc[s].text) in HONORIFICS:
            s += 1
        while end > s and doc[end - 1].is_space:
            end -= 1  # "Phuong Anh\n\n\n"
        if s >= end or any(state.taken[k] for k in range(s, end)):
            continue
        words = [fold(t.text) for t in doc[s:end]]
        if any(w in NOT_NAMES for w in words) or end - s > 5 or state.in_credit(s, end):
            continue
        if not all(t.text[:1].isupper() for t in doc[s:end] if t.is_alpha):
            continue
        state.add(Ent(s, end, "person", via="ner"))


def _short_name_entity(state: LinkState, start: int, end: int) -> bool:
    """A one-token entity of another label that is a registry person's short name
    ("Momen also held a bilateral meeting", read as a place by the statistical model)."""
    if end - start != 1 or state.taken[start]:
        return False
    return state.texts[start][:1].isupper() and state.keys[start] in state.gaz.short_names


def _short_names_alone(state: LinkState) -> None:
    """Without a statistical model: a registry short name inside a sentence, followed by a
    lower-case word ("..., Momen also held"), is a person mention."""
    texts, starts, short = state.texts, state.sent_starts, state.gaz.short_names
    for i in [k for k, key in enumerate(state.keys[:-1]) if key in short]:  # the rare ones
        if (
            len(texts[i]) >= 4
            and not starts[i]
            and texts[i + 1][:1].islower()
            and _short_name_entity(state, i, i + 1)
        ):
            state.add(Ent(i, i + 1, "person", via="short"))


def _person_from_run(state: LinkState, j: int) -> None:
    """A person mention over the name run starting at token ``j``, if there is one."""
    if j >= len(state.doc) or state.taken[j]:
        return
    end = _name_run(state, j)
    if end == j or state.in_credit(j, end):
        return
    # a lone token that is a registry short name becomes that person later
    state.add(Ent(j, end, "person", via="title"))


def _name_run(state: LinkState, i: int, limit: int = 4) -> int:
    """End of a run of capitalised, untaken name tokens starting at ``i``."""
    doc = state.doc
    j = i
    while j < len(doc) and j - i < limit:
        t = doc[j]
        text = t.text
        if state.taken[j] and not _is_person_tok(state, j):
            break
        if not (text[:1].isupper() and text[:1].isalpha()) or fold(text) in NOT_NAMES:
            break
        if state.tagged and t.pos_ not in ("PROPN", "X") and not state.taken[j]:
            break
        if t.is_sent_start and j > i:
            break
        j += 1
    return j


def _is_person_tok(state: LinkState, j: int) -> bool:
    e = state.ent_at(j)
    return e is not None and e.kind == "person"
