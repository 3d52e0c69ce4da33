"""The state the linking steps share: one document and the mentions found in it so far.

Every step of :func:`vaxdiplo.entities.link` is a plain function of a ``LinkState``: it
reads the ``Doc``, the registry and the mentions earlier steps found, and adds mentions
or resolves them. The questions several steps ask ("which mention covers this token?",
"is this span a photo credit?") and the actors they build are here.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cached_property

from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc

from vaxdiplo._text import fold
from vaxdiplo.entities.gazetteer import Gazetteer
from vaxdiplo.entities.mentions import Ent, credit_spans
from vaxdiplo.extensions import doc_text, token_texts
from vaxdiplo.models import Actor, Vaccine

__all__ = ["LinkState"]


class LinkState:
    """One document being linked.

    Args:
        doc: The document (tokens, and named entities when a statistical pipeline set them).
        published: The publication date, which decides who held an office.
        gazetteer: The alias index over the registries.

    Attributes:
        ents: The mentions found so far. Add with :meth:`add` or :meth:`append`, move
            bounds with :meth:`reshape` and reorder with :meth:`sort`, so that
            :meth:`ent_at` (indexed) stays right.
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
        self.credits = credit_spans(doc_text(doc))
        self._credit_starts = [a for a, _ in self.credits]
        self.tagged = doc.has_annotation("TAG")
        self.vaccine_hits: set[tuple[int, int]] = set()
        self.full_names: dict[str, Actor] = {}
        self.home: str | None = None
        self.home_from_dateline = False
        self.ranking: list[str] = []
        self._at: dict[int, Ent] | None = None  # token -> first mention covering it
        self._rank: dict[int, int] = {}  # id of a mention -> its place in ``ents``
        self._starts: dict[int, list[Ent]] = {}  # token -> mentions starting there
        self._actors: dict[tuple[str, str], Actor] = {}  # frozen, so shared by mentions

    def in_credit(self, start: int, end: int) -> bool:
        """Whether tokens ``start:end`` lie inside a photo credit."""
        s, e = self.offsets[start], self.offsets[end - 1] + len(self.texts[end - 1])
        k = bisect.bisect_right(self._credit_starts, s)  # credits are apart, in text order
        return k > 0 and e <= self.credits[k - 1][1]

    @cached_property
    def keys(self) -> list[str]:
        """The folded text of every token (the gazetteer's lookup keys), made once."""
        return list(map(fold, self.texts))

    @cached_property
    def texts(self) -> list[str]:
        """The text of every token, made once."""
        return token_texts(self.doc)

    @cached_property
    def offsets(self) -> list[int]:
        """The character offset of every token (``Token.idx``), read once."""
        return self.doc.to_array(IDX).tolist() if len(self.doc) else []

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, sliced from the text without making the span."""
        if end <= start:
            return ""
        return doc_text(self.doc)[
            self.offsets[start] : self.offsets[end - 1] + len(self.texts[end - 1])
        ]

    @cached_property
    def sent_starts(self) -> list[bool]:
        """For every token, whether it starts a sentence (``Token.is_sent_start``), read
        once from the ``Doc``'s array."""
        if not len(self.doc):
            return []
        return (self.doc.to_array(SENT_START) == 1).tolist()

    def add(self, ent: Ent) -> Ent:
        """Add a mention and mark its tokens as taken."""
        self.append(ent)
        for i in range(ent.start, ent.end):
            self.taken[i] = True
        return ent

    def append(self, ent: Ent) -> Ent:
        """Add a mention without taking its tokens (one inside another's)."""
        self.ents.append(ent)
        if self._at is not None:
            self._rank[id(ent)] = len(self.ents) - 1
            self._starts.setdefault(ent.start, []).append(ent)
            for i in range(ent.start, ent.end):
                self._at.setdefault(i, ent)  # last in list order: only where none was
        return ent

    def reshape(self, ent: Ent, start: int, end: int) -> None:
        """Move the bounds of a mention already added to ``start:end``."""
        grown = start <= ent.start and ent.end <= end
        old = range(ent.start, ent.end)
        ent.start, ent.end = start, end
        if self._at is None or not grown:
            self._at = None
            return
        rank = self._rank[id(ent)]
        if start != old.start:
            self._starts[old.start].remove(ent)
            moved = self._starts.setdefault(start, [])
            moved.insert(sum(self._rank[id(e)] < rank for e in moved), ent)
        for i in range(start, end):
            cur = self._at.get(i)
            if i not in old and (cur is None or rank < self._rank[id(cur)]):
                self._at[i] = ent

    def _index(self) -> dict[int, Ent]:
        if self._at is None:
            self._at, self._rank, self._starts = {}, {}, {}
            for n, e in enumerate(self.ents):
                self._rank[id(e)] = n
                self._starts.setdefault(e.start, []).append(e)
                for j in range(e.start, e.end):
                    self._at.setdefault(j, e)
        return self._at

    def ent_at(self, i: int) -> Ent | None:
        """The first mention (in list order) that covers token ``i``."""
        at = self._at
        return (at if at is not None else self._index()).get(i)

    def ents_within(self, start: int, end: int) -> list[Ent]:
        """The mentions lying within tokens ``start:end``, in list order."""
        self._index()
        found = [e for j in range(start, end) for e in self._starts.get(j, ()) if e.end <= end]
        return sorted(found, key=lambda e: self._rank[id(e)])

    def sort(self) -> None:
        """Put the mentions in text order (stable: ties keep their order)."""
        self.ents.sort(key=lambda e: e.start)
        self._at = None

    def country_actor(self, iso: str) -> Actor:
        """The actor for the registry country ``iso`` (one frozen object per document)."""
        actor = self._actors.get(("country", iso))
        if actor is None:
            c = self.reg.country(iso)
            actor = Actor(kind="country", name=c.name, id=c.id, country=c.id, party=c.id)
            self._actors["country", iso] = actor
        return actor

    def org_actor(self, org_id: str) -> Actor:
        """The actor for the registry organisation ``org_id``.

        A government body acts for its country; a body without one, for its parent.
        """
        actor = self._actors.get(("org", org_id))
        if actor is not None:
            return actor
        o = self.reg.org(org_id)
        if o.kind == "government_body" and o.country:
            party = o.country
        else:
            party = o.parent if (o.kind == "government_body" and o.parent) else o.id
        actor = Actor(kind=o.kind, name=o.name, id=o.id, country=o.country, party=party)
        self._actors["org", org_id] = actor
        return actor

    def vaccine_of(self, vid: str, span_text: str) -> Vaccine:
        """The registry vaccine ``vid`` as mentioned by ``span_text``."""
        return Vaccine(id=vid, name=self.reg.vaccine(vid).name, mention=span_text)
