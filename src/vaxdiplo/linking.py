"""Entity linking: every person, country, organisation and vaccine in a ``Doc``.

``link(doc, published)`` is a pure function of the ``Doc`` (tokens, and named
entities when a statistical pipeline set them) and the publication date. It
returns the resolved mentions of the document, in text order:

1. gazetteer matches (countries, capitals, demonyms, organisations, vaccines,
   titles, government bodies, people of the dated registry);
2. people introduced by a title or an honorific ("Health Minister Hala Zayed",
   "Dr Opas"), and statistical PERSON entities;
3. each person's title and country from the words around the name
   ("Russian Deputy Prime Minister", "Prime Minister of Laos,",
   "his Chinese counterpart, Li Keqiang", ", WHO regional director") or from the
   office they held on the publication date;
4. later references within the document: "Chinh", "Li", "Tedros",
   "the Prime Minister", "the Vietnamese prime minister";
5. government bodies ("the Ministry of Health") given the country that owns them.

Mention spans never include a leading article. A title used alone with its
qualifier ("the Vietnamese prime minister", "the WHO Director-General") is one
person mention over qualifier and title; the qualifier stays a mention of its own,
absorbed. So is an organisation named inside a title ("UNICEF Executive Director").
A demonym with "side" ("the Russian side") is one country mention.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from vaxdiplo._text import fold, slug
from vaxdiplo.gazetteer import Entry, Gazetteer, Hit, get_gazetteer
from vaxdiplo.models import Actor, Mention, Vaccine
from vaxdiplo.registry import PersonEntry

__all__ = ["DocEntities", "Ent", "credit_spans", "link"]

VACCINE_NOUNS = frozenset(
    "vaccine vaccines jab jabs shot shots dose doses formulation vials vial inoculation "
    "inoculations".split()
)
_VACCINE_FILLERS = frozenset(
    "covid covid-19 coronavirus - / 's ’s mrna sars-cov-2 biontech anti covid19 and".split()
)
_DOSE_CONTEXT = frozenset("doses shots jabs vials batch batches shipment consignment".split())
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. prof prof. madam sir h.e. his her".split())
_COUNTERPART = frozenset({"counterpart", "counterparts"})
_NOT_NAMES = frozenset(
    "covid covid-19 coronavirus sars-cov-2 omicron delta vaccine vaccines the a an in on at "
    "of for and but with by to from said says he she it they this that these those there "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december minister president government "
    "ministry photo read full story countries country nations people officials leaders "
    "state states".split()
)
#: US cities whose ", Georgia" is the state, not the country.
_US_CITIES_OF_GEORGIA = frozenset("atlanta savannah augusta macon athens columbus albany".split())
_COMPANY_SUFFIXES = frozenset(
    "healthcare pharma pharmaceutical pharmaceuticals biotech biotechnology biologics "
    "biopharma biopharmaceutical biopharmaceuticals "
    "biological laboratories labs jsc inc inc. ltd ltd. corp corp. corporation company co "
    "co. group holdings llc plc ag gmbh biosciences bioscience therapeutics vaccines".split()
)
_LEGAL_SUFFIXES = frozenset(
    "jsc inc inc. ltd ltd. corp corp. corporation company co co. llc plc ag gmbh sa limited "
    "group holdings".split()
)
_PHOTO = re.compile(
    r"(?:\bPhotos?|\bImage|\bPicture|\bFile photo)\b\s*(?:by|courtesy(?: of)?|:)[^\n.—–]{0,60}"
    r"|[—–-]\s*(?:[A-Z]{2,}/)*[A-Z]{2,}\s+Photos?\b(?:[ \t]+(?:[A-Z][\w’'.-]*[ \t]?){1,4})?",
)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of photo credits ("Photo by VnExpress / Hoang Tao")."""
    return [(m.start(), m.end()) for m in _PHOTO.finditer(text)]


_ORG_TITLE_LEVELS = frozenset({"org_head", "company"})


@dataclass
class Ent:
    """A resolved mention over tokens ``start:end`` of a ``Doc``."""

    start: int
    end: int
    kind: str
    """person, country, government_body, international_org, company, group, vaccine, title."""
    actor: Actor | None = None
    vaccine: Vaccine | None = None
    via: str = "registry"
    title: str | None = None
    """For a title mention: the canonical title."""
    absorbed: bool = False
    """A qualifier inside a larger mention ("Russian" in "Russian Deputy Prime Minister")."""
    maker: str | None = None
    trim: int = 0
    """Characters at the end of the last token outside the mention ("." of "V.")."""

    @property
    def party(self) -> str | None:
        return self.actor.party if self.actor else None


@dataclass
class DocEntities:
    """All mentions of a document, and the country the document is about."""

    ents: list[Ent] = field(default_factory=list)
    home: str | None = None
    ranking: list[str] = field(default_factory=list)
    """Countries by how much the document is about them, home first."""

    def actors(self) -> list[Ent]:
        return [e for e in self.ents if e.actor is not None and not e.absorbed]

    def to_mentions(self, doc: Doc) -> tuple[Mention, ...]:
        out = []
        for e in self.ents:
            if e.actor is None and e.vaccine is None:
                continue
            span = doc[e.start : e.end]
            kind = "vaccine" if e.vaccine is not None else e.actor.kind  # type: ignore[union-attr]
            text = span.text[: len(span.text) - e.trim]
            out.append(
                Mention(
                    text=text,
                    start=span.start_char,
                    end=span.start_char + len(text),
                    kind=kind,
                    actor=e.actor,
                    vaccine=e.vaccine,
                    via=e.via,
                )
            )
        return tuple(out)


class _Linker:
    def __init__(self, doc: Doc, published: dt.date | None, gaz: Gazetteer) -> None:
        self.doc = doc
        self.published = published
        self.gaz = gaz
        self.reg = gaz.registry
        self.ents: list[Ent] = []
        self.taken = [False] * len(doc)
        self.credit_spans = credit_spans(doc.text)
        self.tagged = doc.has_annotation("TAG")
        self._vaccine_hits: set[tuple[int, int]] = set()
        """Token spans of gazetteer hits that can only be a vaccine ("Sputnik V")."""

    # -- helpers ---------------------------------------------------------------
    def _in_credit(self, start: int, end: int) -> bool:
        s, e = self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])
        return any(a <= s and e <= b for a, b in self.credit_spans)

    def _add(self, ent: Ent) -> Ent:
        self.ents.append(ent)
        for i in range(ent.start, ent.end):
            self.taken[i] = True
        return ent

    def country_actor(self, iso: str) -> Actor:
        c = self.reg.country(iso)
        return Actor(kind="country", name=c.name, id=c.id, country=c.id, party=c.id)

    def org_actor(self, org_id: str) -> Actor:
        o = self.reg.org(org_id)
        if o.kind == "government_body" and o.country:
            return Actor(
                kind="government_body", name=o.name, id=o.id, country=o.country, party=o.country
            )
        party = o.parent if (o.kind == "government_body" and o.parent) else o.id
        return Actor(kind=o.kind, name=o.name, id=o.id, country=o.country, party=party)

    def vaccine_of(self, vid: str, span_text: str) -> Vaccine:
        return Vaccine(id=vid, name=self.reg.vaccine(vid).name, mention=span_text)

    def _ent_at(self, i: int) -> Ent | None:
        for e in self.ents:
            if e.start <= i < e.end:
                return e
        return None

    # -- 1. gazetteer ------------------------------------------------------------
    def gazetteer_pass(self) -> None:
        hits = self.gaz.match(self.doc)
        self._vaccine_hits = {
            (h.start, h.end)
            for h in hits
            if all(e.cat == "vaccine" and e.maker is None for e in h.entries)
        }
        for hit in hits:
            if self._in_credit(hit.start, hit.end) or self._us_state(hit):
                continue
            ent = self._from_hit(hit)
            if ent is not None:
                ent.trim = hit.trim
                if ent.vaccine is not None and hit.trim:
                    ent.vaccine = self.vaccine_of(ent.vaccine.id, ent.vaccine.mention[: -hit.trim])
                self._add(ent)
                if ent.kind == "title":
                    self._qualifiers_in_title(ent)
        self._extend_sides()
        self._absorb_appositions()
        for e in self.ents:  # "Hungary's National Institute of Pharmacy": the body's own country
            if e.kind == "government_body" and e.actor is not None and e.actor.country:
                q = self._qualifier_before(e.start)
                if q is not None and q.kind == "country" and q.party == e.actor.country:
                    q.absorbed = True

    def _us_state(self, hit: Hit) -> bool:
        """ "Atlanta, Georgia": the US state, not the country."""
        doc = self.doc
        return (
            fold(doc[hit.start : hit.end].text) == "georgia"
            and hit.start >= 2
            and doc[hit.start - 1].text == ","
            and fold(doc[hit.start - 2].text) in _US_CITIES_OF_GEORGIA
        )

    def _qualifiers_in_title(self, t: Ent) -> None:
        """ "UNICEF Executive Director", "Chinese Premier": the qualifier inside a title alias."""
        keys = [fold(tok.text) for tok in self.doc]
        texts = [tok.text for tok in self.doc]
        for i in range(t.start, t.end):
            limit = t.end - i - (1 if i == t.start else 0)
            hit = self.gaz.longest(i, keys, texts, limit) if limit > 0 else None
            if hit is None or any(e.cat in ("title", "stop") for e in hit.entries):
                continue
            ent = self._from_hit(hit)
            if ent is None or ent.actor is None or ent.kind == "person":
                continue
            ent.absorbed = True
            self.ents.append(ent)
            return

    def _extend_sides(self) -> None:
        """ "the Vietnamese side": the country mention spans the demonym and "side"."""
        doc = self.doc
        for e in self.ents:
            if e.kind == "country" and e.end < len(doc) and doc[e.end].text in ("side", "sides"):
                e.end += 1
                self.taken[e.end - 1] = True

    def _absorb_appositions(self) -> None:
        """ "Gavi, the Vaccine Alliance", "Brazil's health regulator Anvisa": one organisation."""
        doc = self.doc
        ents = sorted(self.ents, key=lambda e: e.start)
        for a, b in itertools.pairwise(ents):
            if (
                a.actor is None
                or b.actor is None
                or a.actor.id != b.actor.id
                or a.kind == "country"
            ):
                continue
            between = [fold(t.text) for t in doc[a.end : b.start]]
            if between in ([], [","], [",", "the"]):
                b.absorbed = True

    def _from_hit(self, hit: Hit) -> Ent | None:
        span = self.doc[hit.start : hit.end]
        entry = self._choose(hit)
        if entry.cat == "org":
            vaccine = next((e for e in hit.entries if e.cat == "vaccine"), None)
            if vaccine is not None and self._vaccine_context(hit.start, hit.end):
                entry = Entry("vaccine", vaccine.key, maker=vaccine.maker or entry.key)
        if entry.cat in ("country", "capital", "demonym"):
            via = {"country": "alias", "capital": "capital", "demonym": "demonym"}[entry.cat]
            return Ent(hit.start, hit.end, "country", actor=self.country_actor(entry.key), via=via)
        if entry.cat == "org":
            actor = self.org_actor(entry.key)
            return Ent(hit.start, hit.end, actor.kind, actor=actor, via="registry")
        if entry.cat == "vaccine":
            if entry.maker and not self._vaccine_context(hit.start, hit.end):
                actor = self.org_actor(entry.maker)
                return Ent(
                    hit.start, hit.end, actor.kind, actor=actor, via="registry", maker=entry.maker
                )
            return Ent(
                hit.start,
                hit.end,
                "vaccine",
                vaccine=self.vaccine_of(entry.key, span.text),
                maker=entry.maker,
            )
        if entry.cat == "title":
            return Ent(hit.start, hit.end, "title", title=entry.key, via="title")
        if entry.cat == "body":
            return Ent(hit.start, hit.end, "government_body", title=entry.key, via="body")
        if entry.cat == "person":
            return Ent(
                hit.start,
                hit.end,
                "person",
                via="registry",
                title=None,
                actor=None,
                maker=entry.key,
            )
        return None

    @staticmethod
    def _choose(hit: Hit) -> Entry:
        order = {
            "org": 0,
            "person": 1,
            "vaccine": 2,
            "country": 3,
            "capital": 4,
            "body": 5,
            "title": 6,
            "demonym": 7,
        }
        return min(hit.entries, key=lambda e: order.get(e.cat, 9))

    def _vaccine_context(self, start: int, end: int) -> bool:
        """Whether a maker's name is used for its vaccine ("AstraZeneca doses")."""
        doc = self.doc
        j = end
        while j < len(doc) and j < end + 4 and fold(doc[j].text) in _VACCINE_FILLERS:
            j += 1
        if j < len(doc) and fold(doc[j].text) in VACCINE_NOUNS:
            return True
        # "the CanSino and Covaxin vaccines", "Moderna and AstraZeneca shots"
        k = end
        while k < len(doc) and k < end + 6:
            w = fold(doc[k].text)
            if w in VACCINE_NOUNS:
                return True
            if not (
                w in (",", "and", "or", "-", "/")
                or w in _VACCINE_FILLERS
                or doc[k].text[:1].isupper()
            ):
                break
            k += 1
        if self._coordinated_with_vaccine(start, end):
            return True
        before = [fold(t.text) for t in doc[max(0, start - 3) : start]]
        if "of" in before and any(w in _DOSE_CONTEXT or w in VACCINE_NOUNS for w in before):
            return True
        return (
            bool(before)
            and before[-1] in ("of", "with")
            and start >= 2
            and (fold(doc[start - 2].text) in VACCINE_NOUNS | _DOSE_CONTEXT)
        )

    def _coordinated_with_vaccine(self, start: int, end: int) -> bool:
        """ "Sinopharm and Sputnik V", "Sputnik V or Sinopharm": listed with a vaccine."""
        doc = self.doc
        conj = (",", "and", "or", "&")
        hits = self._vaccine_hits
        if end < len(doc) and doc[end].text in ("'s", "’s"):
            return False  # "Pfizer's Comirnaty": the maker
        if (
            end + 1 < len(doc)
            and fold(doc[end].text) in conj
            and any(s == end + 1 for s, _ in hits)
        ):
            return True
        return (
            start >= 2
            and fold(doc[start - 1].text) in conj
            and any(e == start - 1 for _, e in hits)
        )

    # -- 2. people -----------------------------------------------------------------
    def _name_run(self, i: int, limit: int = 4) -> int:
        """End of a run of capitalised, untaken name tokens starting at ``i``."""
        doc = self.doc
        j = i
        while j < len(doc) and j - i < limit:
            t = doc[j]
            text = t.text
            if self.taken[j] and not self._is_person_tok(j):
                break
            if not (text[:1].isupper() and text[:1].isalpha()) or fold(text) in _NOT_NAMES:
                break
            if self.tagged and t.pos_ not in ("PROPN", "X") and not self.taken[j]:
                break
            if t.is_sent_start and j > i:
                break
            j += 1
        return j

    def _is_person_tok(self, j: int) -> bool:
        e = self._ent_at(j)
        return e is not None and e.kind == "person"

    def people_pass(self) -> None:
        doc = self.doc
        # (a) names after titles and honorifics
        for e in list(self.ents):
            if e.kind != "title":
                continue
            j = e.end
            while j < len(doc) and (fold(doc[j].text) in HONORIFICS or doc[j].text == ","):
                if doc[j].text == "," and j > e.end:
                    break
                j += 1
            if j < len(doc) and doc[j].text == ",":
                j += 1
                while j < len(doc) and fold(doc[j].text) in HONORIFICS:
                    j += 1
            self._person_from_run(j)
        for i, t in enumerate(doc):
            if (
                fold(t.text) in HONORIFICS
                and t.text[:1].isupper()
                and fold(t.text) not in ("his", "her")
            ):
                self._person_from_run(i + 1)
        # (b) statistical PERSON entities
        for ne in doc.ents:
            if ne.label_ != "PERSON":
                continue
            s, end = ne.start, ne.end
            while s < end and fold(doc[s].text) in HONORIFICS:
                s += 1
            while end > s and doc[end - 1].is_space:
                end -= 1  # "Phuong Anh\n\n\n"
            if s >= end or any(self.taken[k] for k in range(s, end)):
                continue
            words = [fold(t.text) for t in doc[s:end]]
            if any(w in _NOT_NAMES for w in words) or end - s > 5 or self._in_credit(s, end):
                continue
            if not all(t.text[:1].isupper() for t in doc[s:end] if t.is_alpha):
                continue
            self._add(Ent(s, end, "person", via="ner"))

    def _person_from_run(self, j: int) -> None:
        if j >= len(self.doc) or self.taken[j]:
            return
        end = self._name_run(j)
        if end == j or self._in_credit(j, end):
            return
        # a lone token that is a registry short name becomes that person later
        self._add(Ent(j, end, "person", via="title"))

    # -- 3. person attributes ---------------------------------------------------------
    def _qualifier_before(self, i: int) -> Ent | None:
        """A country, demonym, capital or organisation right before token ``i``."""
        doc = self.doc
        j = i - 1
        if j >= 0 and doc[j].text in ("'s", "’s", "'"):
            j -= 1
        if j < 0:
            return None
        e = self._ent_at(j)
        if (
            e is not None
            and e.end == j + 1
            and e.kind in ("country", "international_org", "company", "government_body", "group")
            and e.actor is not None
        ):
            return e
        return None

    def _qualifier_of(self, i: int) -> Ent | None:
        """ "of Laos", "of the WHO" after token ``i - 1``."""
        doc = self.doc
        j = i
        if j < len(doc) and fold(doc[j].text) in ("of", "for"):
            j += 1
            if j < len(doc) and fold(doc[j].text) == "the":
                j += 1
            e = self._ent_at(j)
            if e is not None and e.start == j and e.actor is not None and e.kind != "person":
                return e
        return None

    def _title_before(self, start: int) -> tuple[Ent | None, Ent | None]:
        """The title (and its qualifier) introducing a name that starts at ``start``."""
        doc = self.doc
        j = start - 1
        while j >= 0 and (fold(doc[j].text) in HONORIFICS or doc[j].text == ","):
            j -= 1
        e = self._ent_at(j) if j >= 0 else None
        if (
            e is not None
            and e.kind == "country"
            and e.start >= 2
            and fold(doc[e.start - 1].text) in ("to", "in")
        ):
            # "the Chinese Ambassador to Laos, Jiang Zaidong"
            t = self._ent_at(e.start - 2)
            if t is not None and t.kind == "title":
                e.absorbed = False
                return t, self._qualifier_before(t.start)
        if e is None:
            if j >= 0 and fold(doc[j].text) in _COUNTERPART:
                q = self._qualifier_before(j)
                return None, q
            return None, None
        if e.kind == "title":
            q = (
                self._qualifier_before(e.start)
                or self._qualifier_of(e.end)
                or self._qualifier_inside(e)
            )
            return e, q
        if e.kind in ("country", "international_org", "company") and e.actor is not None:
            # "Pfizer CEO Albert Bourla" handled via title; "WHO's Tedros": qualifier only
            return None, e
        return None, None

    def _qualifier_inside(self, t: Ent) -> Ent | None:
        """The country or organisation named inside the title ``t`` ("Chinese Premier")."""
        for e in self.ents:
            if (
                e is not t
                and e.absorbed
                and e.actor is not None
                and e.kind != "person"
                and (t.start <= e.start and e.end <= t.end)
            ):
                return e
        return None

    def _org_in_title(self, t: Ent) -> Ent | None:
        """ "WHO regional director": the organisation named inside a title."""
        for i in range(t.start, t.end):
            tok = self.doc[i]
            for entry in self.gaz.index.get((fold(tok.text),), ()):
                if entry.cat == "org" and (entry.exact is None or entry.exact == (tok.text,)):
                    return Ent(i, i + 1, "international_org", actor=self.org_actor(entry.key))
        return None

    def _org_apposition(self, end: int) -> Ent | None:
        """ ", executive of Pfizer Thailand": a person speaking for an organisation."""
        doc = self.doc
        if end >= len(doc) or doc[end].text != ",":
            return None
        for j in range(end + 1, min(len(doc), end + 6)):
            if fold(doc[j].text) in ("of", "at", "from", "for"):
                e = self._ent_at(j + 1) if j + 1 < len(doc) else None
                if (
                    e is not None
                    and e.start == j + 1
                    and e.kind in ("company", "international_org")
                ):
                    return e
                return None
            if not doc[j].is_alpha or doc[j].is_sent_start:
                return None
        return None

    def _title_after(self, end: int) -> tuple[Ent | None, Ent | None]:
        """ ", WHO regional director", ", the Chinese ambassador" after a name."""
        doc = self.doc
        j = end
        if j < len(doc) and doc[j].text == ",":
            j += 1
            while j < len(doc) and fold(doc[j].text) in ("the", "a", "an"):
                j += 1
            q = None
            e = self._ent_at(j)
            if e is not None and e.start == j and e.kind != "title" and e.actor is not None:
                q = e
                j = e.end
            t = self._ent_at(j)
            if t is not None and t.kind == "title" and t.start == j:
                return t, q or self._qualifier_of(t.end)
        return None, None

    def resolve_people(self) -> None:
        by_full: dict[str, Actor] = {}
        for e in self.ents:
            if e.kind != "person" or e.actor is not None:
                continue
            title_ent, qual = self._title_before(e.start)
            if title_ent is None:
                t2, q2 = self._title_after(e.end)
                if t2 is not None:
                    title_ent, qual = t2, q2 or qual
            if qual is None and title_ent is not None:
                qual = self._org_in_title(title_ent)
            if qual is None and e.via != "registry":
                qual = self._org_apposition(e.end)
            for x in (title_ent, qual):
                if x is not None:
                    x.absorbed = True
            title = title_ent.title if title_ent else None
            if title is None and e.via == "registry":
                title = self._title_in_name(e)
            person_id = e.maker if e.via == "registry" else None
            if person_id is None:
                person_id = self._short_name_person(e)
            e.actor = self._person_actor(e, person_id, title, qual)
            e.maker = None
            if e.end - e.start > 1 or person_id:
                by_full.setdefault(e.actor.id, e.actor)
        self._alias_pass(by_full)
        self._title_only_pass()

    def _title_in_name(self, e: Ent) -> str | None:
        """ "President Xi": a registry variant that starts with the title it is used with."""
        keys = [fold(t.text) for t in self.doc[: e.end]]
        texts = [t.text for t in self.doc[: e.end]]
        hit = self.gaz.longest(e.start, keys, texts, e.end - e.start - 1)
        if hit is None:
            return None
        return next((x.key for x in hit.entries if x.cat == "title"), None)

    def _short_name_person(self, e: Ent) -> str | None:
        if e.end - e.start != 1:
            return None
        ids = self.gaz.short_names.get(fold(self.doc[e.start].text), [])
        ids = [p for p in ids if self._active(self.reg.person(p))]
        return ids[0] if len(ids) == 1 else None

    def _active(self, p: PersonEntry) -> bool:
        if self.published is None:
            return True
        return bool(p.offices_on(self.published))

    def _office(self, p: PersonEntry, title: str | None):
        offices = p.offices_on(self.published) if self.published else p.offices
        if not offices:
            offices = p.offices
        if title:
            same = [o for o in offices if o.title == title] or [
                o for o in p.offices if o.title == title
            ]
            if same:
                return same[-1]
        return offices[-1] if offices else None

    def _person_actor(
        self, e: Ent, person_id: str | None, title: str | None, qual: Ent | None
    ) -> Actor:
        span = self.doc[e.start : e.end]
        if person_id:
            p = self.reg.person(person_id)
            office = self._office(p, title)
            country = office.country if office else None
            org = office.org if office else None
            title = (office.title if office else None) or title
            if org:
                o = self.reg.org(org)
                party = o.id if o.kind != "government_body" or not o.country else o.country
                return Actor(
                    kind="person",
                    name=p.name,
                    id=p.id,
                    country=country or o.country,
                    title=title,
                    party=party,
                )
            return Actor(
                kind="person",
                name=p.name,
                id=p.id,
                country=country,
                title=title,
                party=country or p.id,
            )
        name = " ".join(t.text for t in span if fold(t.text) not in HONORIFICS)
        pid = slug(name)
        if qual is not None and qual.actor is not None:
            qa = qual.actor
            if qa.kind in ("international_org", "company", "group"):
                return Actor(
                    kind="person", name=name, id=pid, country=None, title=title, party=qa.party
                )
            return Actor(
                kind="person", name=name, id=pid, country=qa.party, title=title, party=qa.party
            )
        if title is not None and self._title_level(title) not in _ORG_TITLE_LEVELS:
            home = self.home
            return Actor(
                kind="person", name=name, id=pid, country=home, title=title, party=home or pid
            )
        return Actor(kind="person", name=name, id=pid, country=None, title=title, party=pid)

    def _title_level(self, title: str) -> str | None:
        try:
            return self.reg.title(title).level
        except KeyError:
            return None

    def _alias_pass(self, by_full: dict[str, Actor]) -> None:
        """Single-token later references to people already named in the document."""
        parts: dict[str, Actor] = {}
        for actor in by_full.values():
            keys = {fold(w) for w in actor.name.split() if len(w) > 1}
            try:
                p = self.reg.person(actor.id)
                keys |= {fold(s) for s in p.short_names}
                for v in p.variants:
                    keys |= {fold(w) for w in v.split() if len(w) > 1}
            except KeyError:
                pass
            for k in keys:
                parts.setdefault(k, actor)
        doc = self.doc
        for i, t in enumerate(doc):
            if not t.text[:1].isupper():
                continue
            existing = self._ent_at(i)
            key = fold(t.text)
            if key not in parts:
                if key.endswith("s") and key[:-1] in parts and existing is None:
                    key = key[:-1]
                else:
                    continue
            if existing is not None:
                if (
                    existing.kind == "person"
                    and existing.end - existing.start == 1
                    and (existing.actor is None or existing.actor.id != parts[key].id)
                    and existing.actor is not None
                    and existing.actor.id not in by_full
                ):
                    existing.actor = parts[key]
                    existing.via = "document"
                continue
            if self._in_credit(i, i + 1) or fold(t.text) in _NOT_NAMES:
                continue
            self._add(Ent(i, i + 1, "person", actor=parts[key], via="document"))
        self.ents.sort(key=lambda e: e.start)

    def _title_only_pass(self) -> None:
        """ "the Prime Minister", "the Vietnamese prime minister", "the Director-General"."""
        people = [e for e in self.ents if e.kind == "person" and e.actor is not None]
        for e in self.ents:
            if e.kind != "title" or e.absorbed:
                continue
            before_q = self._qualifier_before(e.start)
            qual = before_q or self._qualifier_of(e.end) or self._qualifier_inside(e)
            candidates = [
                p
                for p in people
                if p.actor.title == e.title  # type: ignore[union-attr]
                and (qual is None or p.actor.party == qual.party)  # type: ignore[union-attr]
            ]
            actor = None
            if candidates:
                before = [p for p in candidates if p.start < e.start]
                actor = (before[-1] if before else candidates[0]).actor
            elif qual is not None and qual.actor is not None:
                actor = self._holder(e.title, qual)
            if actor is None:
                continue
            if qual is not None:
                qual.absorbed = True
            if before_q is not None and before_q is qual:
                e.start = qual.start  # "the Vietnamese prime minister": one mention
            e.actor = actor
            e.kind = "person"
            e.via = "title"

    def _holder(self, title: str | None, qual: Ent) -> Actor | None:
        if title is None or qual.actor is None:
            return None
        qa = qual.actor
        country = qa.party if qa.kind == "country" else None
        org = qa.id if qa.kind in ("international_org", "company") else None
        if self.published is not None:
            holders = self.reg.holders(title, on=self.published, country=country, org=org)
            if len(holders) == 1:
                p = holders[0]
                return Actor(
                    kind="person",
                    name=p.name,
                    id=p.id,
                    country=country or qa.country,
                    title=title,
                    party=qa.party,
                )
        name = f"{title} of {qa.name}"
        return Actor(
            kind="person",
            name=name,
            id=slug(name),
            country=country or qa.country,
            title=title,
            party=qa.party,
        )

    # -- 4. government bodies ---------------------------------------------------------
    def bodies_pass(self) -> None:
        for e in self.ents:
            if e.kind != "government_body" or e.actor is not None:
                continue
            qual = self._qualifier_before(e.start) or self._qualifier_of(e.end)
            country = None
            if qual is not None and qual.kind == "country":
                country = qual.party
                qual.absorbed = True
            country = country or self._scene_country(e) or self.home or self._people_country()
            name = e.title or self.doc[e.start : e.end].text
            if country is None:
                e.actor = None
                continue
            e.actor = Actor(
                kind="government_body",
                name=name,
                id=f"{country}_{slug(name, '_').upper()}",
                country=country,
                party=country,
            )

    def _scene_country(self, e: Ent) -> str | None:
        """ "In Myanmar, the military government said ...": the sentence sets the scene."""
        sent = self.doc[e.start].sent
        first = [t for t in sent if not t.is_space][:1]
        if not first or fold(first[0].text) != "in":
            return None
        scene = self._ent_at(first[0].i + 1)
        if (
            scene is None
            or scene.kind != "country"
            or scene.actor is None
            or scene.start >= e.start
        ):
            return None
        if scene.end < len(self.doc) and self.doc[scene.end].text == ",":
            return scene.actor.party
        return None

    def _people_country(self) -> str | None:
        """The one country the document's people speak for, if there is exactly one."""
        countries = {
            e.actor.country
            for e in self.ents
            if e.kind == "person" and e.actor is not None and e.actor.country
        }
        return countries.pop() if len(countries) == 1 else None

    # -- companies unknown to the registry --------------------------------------------
    def company_pass(self) -> None:
        doc = self.doc
        i = 0
        while i < len(doc):
            t = doc[i]
            if self.taken[i] or not t.text[:1].isupper() or not t.is_alpha or t.is_sent_start:
                i += 1
                continue
            j = i
            while j < len(doc) and not self.taken[j] and doc[j].text[:1].isupper() and j - i < 5:
                j += 1
            words = [fold(w.text) for w in doc[i:j]]
            if (
                j - i >= 2
                and any(w in _COMPANY_SUFFIXES for w in words[1:])
                and not any(w in _NOT_NAMES for w in words)
            ):
                core = [w.text for w in doc[i:j] if fold(w.text) not in _LEGAL_SUFFIXES]
                name = " ".join(core)
                if core and not self._in_credit(i, j):
                    oid = slug(name, "_").upper()
                    actor = Actor(kind="company", name=name, id=oid, country=None, party=oid)
                    self._add(Ent(i, j, "company", actor=actor, via="pattern"))
            i = max(j, i + 1)

    # -- home country ---------------------------------------------------------------------
    def find_home(self) -> str | None:
        doc = self.doc
        self.home_from_dateline = True
        for e in self.ents:
            if e.kind != "country" or e.via not in ("capital", "alias") or e.actor is None:
                continue
            if doc[e.start].idx > 400:
                break
            nxt = doc[e.end].text if e.end < len(doc) else ""
            line_start = (
                e.start == 0 or "\n" in doc[e.start - 1].text_with_ws or doc[e.start - 1].is_space
            )
            if line_start and nxt in (",", "/") and doc[e.start].text.isupper():
                return e.actor.party  # "PHNOM PENH, Aug. 20 (Xinhua)", "JAKARTA / Wed"
            if nxt in ("—", "–", "-", ":", "(") and (
                e.start == 0
                or "\n" in doc[e.start - 1].text_with_ws
                or doc[e.start - 1].is_punct
                or doc[e.start].is_sent_start
                or doc[e.start - 1].text in (".",)
            ):
                return e.actor.party
        self.home_from_dateline = False
        counts: Counter[float] = Counter()
        first = True
        for e in self.ents:
            if e.actor is None or self._in_credit(e.start, e.end):
                continue
            if e.kind == "person" and e.actor.country and not e.absorbed:
                counts[e.actor.country] += 1.5  # officials quoted are usually the story's own
                continue
            if e.kind != "country":
                continue
            weight = 0.5 if e.via == "demonym" else 1.0
            if first and not doc[e.start].is_sent_start:
                weight += 0.5
            first = False
            counts[e.actor.party] += weight
        self.ranking = [c for c, _ in counts.most_common()]
        for e in self.ents:  # bodies qualified by a country ("Vietnam's health ministry")
            if e.kind == "government_body" and e.actor is None:
                q = self._qualifier_before(e.start) or self._qualifier_of(e.end)
                if q is not None and q.kind == "country":
                    counts[q.party] += 2.0
        return counts.most_common(1)[0][0] if counts else None

    def absorb_qualifiers(self) -> None:
        """ "Chinese manufacturer Sinovac": the demonym describes the company."""
        doc = self.doc
        fillers = {
            "manufacturer",
            "company",
            "firm",
            "drugmaker",
            "pharmaceutical",
            "maker",
            "producer",
            "developer",
            "biotech",
            "giant",
            "-",
            "state-owned",
            "state",
            "owned",
        }
        for e in self.ents:
            if e.kind != "country":
                continue
            j = e.end
            if e.via != "demonym":
                if (
                    j + 1 < len(doc)
                    and doc[j].text in ("-", "–")
                    and fold(doc[j + 1].text) == "based"
                ):
                    e.absorbed = True  # "US-based Arcturus"
                elif j < len(doc) and doc[j].text in ("'s", "’s"):
                    k = j + 1
                    while k < len(doc) and fold(doc[k].text) in fillers | {"state-owned", "the"}:
                        k += 1
                    nxt = self._ent_at(k) if k < len(doc) else None
                    if (
                        nxt is not None
                        and nxt.start == k
                        and nxt.kind in ("company", "international_org")
                    ):
                        e.absorbed = True  # "China's Anhui Zhifei Longcom", "Egypt's Vacsera"
                continue
            while j < len(doc) and j < e.end + 3 and fold(doc[j].text) in fillers:
                j += 1
            nxt = self._ent_at(j) if j < len(doc) else None
            if (
                nxt is not None
                and nxt.start == j
                and nxt.kind in ("company", "international_org", "group")
            ):
                e.absorbed = True

    def run(self) -> DocEntities:
        self.gazetteer_pass()
        self.company_pass()
        self.ents.sort(key=lambda e: e.start)
        self.absorb_qualifiers()
        self.ranking: list[str] = []
        self.home = self.find_home()
        self.people_pass()
        self.ents.sort(key=lambda e: e.start)
        self.resolve_people()
        if not self.home_from_dateline:
            self.home = self.find_home()  # now counting the people resolved
        self.bodies_pass()
        self.ents.sort(key=lambda e: (e.start, e.end))
        ranking = [self.home] if self.home else []
        ranking += [c for c in self.ranking if c not in ranking]
        return DocEntities(ents=self.ents, home=self.home, ranking=ranking)


def link(
    doc: Doc, published: dt.date | None = None, gazetteer: Gazetteer | None = None
) -> DocEntities:
    """Resolve every mention in ``doc`` (see the module docstring)."""
    return _Linker(doc, published, gazetteer or get_gazetteer()).run()
