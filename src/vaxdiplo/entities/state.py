"""The state the linking steps share: one document and the mentions found in it so far.

Every step of :func:`vaxdiplo.entities.link` is a plain function of a ``LinkState``: it
reads the ``Doc``, the registry and the mentions earlier steps found, and adds mentions
or resolves them. The questions several steps ask ("which mention covers this token?",
"is this span a photo credit?") and the actors they build are here.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from vaxdiplo.entities.gazetteer import Gazetteer
from vaxdiplo.entities.mentions import Ent, credit_spans
from vaxdiplo.models import Actor, Vaccine

__all__ = ["LinkState"]


class LinkState:
    """One document being linked.

    Args:
        doc: The document (tokens, and named entities when a statistical pipeline set them).
        published: The publication date, which decides who held an office.
        gazetteer: The alias index over the registries.

    Attributes:
        ents: The mentions found so far.
        taken: For each token, whether a mention added with :meth:`add` covers it.
        vaccine_hits: Token spans of gazetteer hits that can only be a vaccine
            ("Sputnik V").
        full_names: People named in full (or known to the registry), by actor id: the
            people later short references can point to.
        home: The country the document is about.
        home_from_dateline: Whether ``home`` comes from the dateline ("HANOI, July 10").
        ranking: Countries by how often the document mentions them.
    """

    def __init__(self, doc: Doc, published: dt.date | None, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.published = published
        self.gaz = gazetteer
        self.reg = gazetteer.registry
        self.ents: list[Ent] = []
        self.taken = [False] * len(doc)
        self.credits = credit_spans(doc.text)
        self.tagged = doc.has_annotation("TAG")
        self.vaccine_hits: set[tuple[int, int]] = set()
        self.full_names: dict[str, Actor] = {}
        self.home: str | None = None
        self.home_from_dateline = False
        self.ranking: list[str] = []

    def in_credit(self, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` lie inside a photo credit."""
        s, e = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        return any(a <= s and e <= b for a, b in self.credits)

    def add(self, ent: Ent) -> Ent:
        """Add a mention and mark its tokens as taken."""
        self.ents.append(ent)
        for i in range(ent.start, ent.end):
            self.taken[i] = True
        return ent

    def ent_at(self, i: int) -> Ent | None:
        """The first mention (in list order) that covers token ``i``."""
        for e in self.ents:
            if e.start <= i < e.end:
                return e
        return None

    def sort(self) -> None:
        """Put the mentions in text order (stable: ties keep their order)."""
        self.ents.sort(key=lambda e: e.start)

    def country_actor(self, iso: str) -> Actor:
        """The actor for the registry country ``iso``."""
        c = self.reg.country(iso)
        return Actor(kind="country", name=c.name, id=c.id, country=c.id, party=c.id)

    def org_actor(self, org_id: str) -> Actor:
        """The actor for the registry organisation ``org_id``.

        A government body acts for its country; a body without one, for its parent.
        """
        o = self.reg.org(org_id)
        if o.kind == "government_body" and o.country:
            return Actor(
                kind="government_body", name=o.name, id=o.id, country=o.country, party=o.country
            )
        party = o.parent if (o.kind == "government_body" and o.parent) else o.id
        return Actor(kind=o.kind, name=o.name, id=o.id, country=o.country, party=party)

    def vaccine_of(self, vid: str, span_text: str) -> Vaccine:
        """The registry vaccine ``vid`` as mentioned by ``span_text``."""
        return Vaccine(id=vid, name=self.reg.vaccine(vid).name, mention=span_text)
