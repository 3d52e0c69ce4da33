"""The entity layer: every person, country, organisation and vaccine in a ``Doc``.

``link(doc, published)`` resolves the mentions of a document to actors and vaccines.
It runs a short list of steps (:data:`vaxdiplo.entities.linker.STEPS`) over one shared
state; each step is a module::

    Doc (tokens, NER), publication date
     |
     |  state.py          LinkState: the document, the mentions so far, actor builders
     v
    1. lookup.py          gazetteer hits (gazetteer.py: the alias index over the
     |                    registries); maker or vaccine (vaccines.py); "Atlanta,
     |                    Georgia"; "the Vietnamese side"; "Gavi, the Vaccine Alliance"
    2. organisations.py   companies unknown to the registry; "Chinese maker Sinovac"
    3. home.py            the home country: the dateline, or the country most mentioned
    4. people.py          names after titles and honorifics, PERSON entities; then each
     |                    person's actor, from the words around the name (titles.py,
     |                    qualifiers.py) or the office held that day (offices.py)
    5. aliases.py         later references: "Chinh" -> Pham Minh Chinh, "the Prime
     |                    Minister" -> whoever the document or the registry says
    6. home.py            the home country again, counting the people (no dateline)
    7. organisations.py   government bodies and the country that owns them
     v
    DocEntities (mentions.py): Ent mentions in text order, home country, ranking

``linker.py`` holds :func:`link` and the list of steps; ``mentions.py`` the result
types and the word lists several steps share; ``credit_spans`` finds the photo
credits no mention may come from.
"""

from __future__ import annotations

from vaxdiplo.entities.gazetteer import Entry, Gazetteer, Hit, get_gazetteer
from vaxdiplo.entities.linker import link
from vaxdiplo.entities.mentions import (
    HONORIFICS,
    VACCINE_NOUNS,
    DocEntities,
    Ent,
    credit_spans,
)

__all__ = [
    "HONORIFICS",
    "VACCINE_NOUNS",
    "DocEntities",
    "Ent",
    "Entry",
    "Gazetteer",
    "Hit",
    "credit_spans",
    "get_gazetteer",
    "link",
]
