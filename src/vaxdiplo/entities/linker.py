"""``link``: every person, country, organisation and vaccine in a ``Doc``.

``link(doc, published)`` is a pure function of the ``Doc`` (tokens, and named
entities when a statistical pipeline set them) and the publication date. It runs
:data:`STEPS` in order over one :class:`~vaxdiplo.entities.state.LinkState` and
returns the resolved mentions of the document, in text order.

Mention spans never include a leading article. A title used alone with its
qualifier ("the Vietnamese prime minister", "the WHO Director-General") is one
person mention over qualifier and title; the qualifier stays a mention of its own,
absorbed. So is an organisation named inside a title ("UNICEF Executive Director").
A demonym with "side" ("the Russian side") is one country mention.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from spacy.tokens import Doc

from vaxdiplo.entities.aliases import link_aliases, resolve_titles_alone
from vaxdiplo.entities.gazetteer import Gazetteer, get_gazetteer
from vaxdiplo.entities.home import find_home, recount_home
from vaxdiplo.entities.lookup import match_gazetteer
from vaxdiplo.entities.mentions import DocEntities
from vaxdiplo.entities.organisations import (
    absorb_company_qualifiers,
    find_companies,
    resolve_bodies,
    resolve_body_acronyms,
)
from vaxdiplo.entities.people import find_people, resolve_people
from vaxdiplo.entities.state import LinkState

__all__ = ["STEPS", "link"]

Step = Callable[[LinkState], None]

STEPS: tuple[Step, ...] = (
    match_gazetteer,  # registry aliases: countries, organisations, vaccines, titles, people
    find_companies,  # companies unknown to the registry ("Vabiotech JSC")
    absorb_company_qualifiers,  # "Chinese manufacturer Sinovac"
    find_home,  # the dateline's country, or the country mentioned most
    find_people,  # names after titles and honorifics, statistical PERSON entities
    resolve_people,  # each person's title and country, or their office on the day
    link_aliases,  # "Chinh", "Li", "Tedros": people named earlier
    resolve_titles_alone,  # "the Prime Minister", "the Vietnamese prime minister"
    recount_home,  # without a dateline: the home country, counting the people
    resolve_bodies,  # "the Ministry of Health" and the country that owns it
    resolve_body_acronyms,  # "the National Institute of Health ... the NIH team"
)
"""The steps of :func:`link`, in the order they run."""


def link(
    doc: Doc, published: dt.date | None = None, gazetteer: Gazetteer | None = None
) -> DocEntities:
    """Resolve every mention in ``doc`` (see the module docstring).

    Args:
        doc: The document.
        published: The publication date: who held an office on that day.
        gazetteer: The alias index; by default the one over the packaged registry.

    Returns:
        The mentions in text order, the home country and the countries by weight.
    """
    state = LinkState(doc, published, gazetteer or get_gazetteer())
    for step in STEPS:
        step(state)
    state.ents.sort(key=lambda e: (e.start, e.end))
    ranking = [state.home] if state.home else []
    ranking += [c for c in state.ranking if c not in ranking]
    return DocEntities(
        ents=state.ents,
        home=state.home,
        ranking=ranking,
        registry=state.reg,
        keys=state.keys,
        texts=state.texts,
        offsets=state.offsets,
        sent_starts=state.sent_starts,
    )
