"""An alias index over the registries, matched token by token against a ``Doc``.

Every alias is tokenised with spaCy's English tokenizer and folded (lower case, no
diacritics), so "Hà Nội", "Ha Noi" and "HA NOI" share one key. Short all-capital
aliases ("WHO", "US", "UN") match only as written, so "who" and "us" never do.
Names of places, peoples and people must start with a capital letter in the text.

An organisation alias written with a country's possessive ("Thailand's Food and
Drug Administration") is matched as two hits, the country and the organisation
("Food and Drug Administration"), and only after that country; an alias that is an
apposition of another alias ("Gavi, the Vaccine Alliance") is matched as its parts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spacy.tokens import Doc

from vaxdiplo._text import fold
from vaxdiplo.registry import Registry, load_registry

__all__ = ["Entry", "Gazetteer", "Hit", "get_gazetteer"]

Category = Literal[
    "country", "capital", "demonym", "org", "body", "vaccine", "title", "person", "stop"
]

#: Place names that contain a country or capital name but are not that country.
STOP_PHRASES = (
    "South China Sea",
    "East China Sea",
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "Southeast Asia",
    "South-East Asia",
    "South East Asia",
    "East Asia",
    "Middle East",
    "West Africa",
    "East Africa",
    "Western Pacific",
    "Asia-Pacific",
    "Asia Pacific",
    "New York",
    "New Mexico",
    "New South Wales",
    "Washington Post",
    "Jakarta Post",
    "Bangkok Post",
    "Moscow Times",
    "China Daily",
    "Global Times",
    "Vietnam News Agency",
    "Viet Nam News Agency",
    "Vietnam News",
    "Viet Nam News",
    "Korea Herald",
    "Korea Times",
    "Japan Times",
    "Times of India",
    "Hindustan Times",
    "Indian Ocean",
    "Indian Express",
    "Pakistan Today",
    "Egypt Today",
    "Egypt Independent",
    "Manila Times",
    "Philippine Star",
    "Dubai Airport",
    "Jordan River",
    "Belt and Road",
    "Turkey Point",
    "Vietnam Plus",
    "VietnamPlus",
    "Vietnam Investment Review",
    "Vietnam Net",
    "VietNamNet",
    "Russia Today",
    "China Global Television Network",
    "China Central Television",
    "Greater Bay Area",
    "Korean Peninsula",
    "Persian Gulf",
    "English Channel",
)

#: Short all-capital aliases longer than this are matched case-insensitively.
_EXACT_MAX = 5
_CAPITALISED = frozenset({"country", "capital", "demonym", "person"})


@dataclass(frozen=True, slots=True)
class Entry:
    """What an alias names: a category and the registry key within it."""

    cat: Category
    key: str
    exact: tuple[str, ...] | None = None
    """Token texts the match must have as written (case-sensitive aliases)."""
    maker: str | None = None
    """For a vaccine alias that also names its maker ("Pfizer"): the maker's org id."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer match: tokens ``start:end`` and the entries it may name."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    trim: int = 0
    """Characters of the last token outside the match ("V." in "Sputnik V." ends a sentence)."""


class Gazetteer:
    """Alias index: folded token tuples to the entries they name."""

    def __init__(self, registry: Registry) -> None:
        import spacy

        self.registry = registry
        self._tokenizer = spacy.blank("en").tokenizer
        self.index: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        self.max_len = 1
        #: (country id, folded tokens) -> organisations named after that country's possessive
        self.qualified: dict[tuple[str, tuple[str, ...]], list[Entry]] = defaultdict(list)
        self._prefix_set: set[tuple[str, ...]] = set()
        self._first_set: set[str] = set()
        self._single_set: set[str] = set()
        self._pair_set: set[tuple[str, ...]] = set()
        self._prefix_count = -1
        self._build()

    # -- building ------------------------------------------------------------
    def _add(
        self, alias: str, cat: Category, key: str, *, exact: bool = False, maker: str | None = None
    ) -> None:
        alias = alias.strip()
        if not alias:
            return
        words = tuple(t.text for t in self._tokenizer(alias))
        letters = alias.replace(".", "").replace("&", "").replace(" ", "")
        if exact or (letters.isupper() and len(letters) <= _EXACT_MAX and letters.isalpha()):
            entry = Entry(cat, key, exact=words, maker=maker)
        else:
            entry = Entry(cat, key, maker=maker)
        folded = tuple(fold(w) for w in words)
        bucket = self.index[folded]
        if entry not in bucket:
            bucket.append(entry)
        self.max_len = max(self.max_len, len(folded))

    def _build(self) -> None:
        reg = self.registry
        for c in reg.countries:
            for name in c.names:
                self._add(name, "country", c.id)
            for name in c.capitals:
                self._add(name, "capital", c.id)
            for name in c.demonyms:
                self._add(name, "demonym", c.id)
        for o in reg.organisations:
            names = (o.name, *o.aliases)
            for name in names:
                head, sep, rest = name.partition(", the ")
                if sep and head in (*names, *o.acronyms) and rest in names:
                    continue  # "Gavi, the Vaccine Alliance": two mentions of one organisation
                self._add(name, "org", o.id)
            for name in o.acronyms:
                self._add(name, "org", o.id, exact=True)
        self._qualify_possessives()
        for v in reg.vaccines:
            makers = set(v.maker_aliases)
            for name in (v.name, *v.aliases):
                self._add(name, "vaccine", v.id, maker=v.maker if name in makers else None)
        for t in reg.titles:
            for name in (t.title, *t.aliases):
                self._add(name, "title", t.title)
        for b in reg.bodies:
            for name in (b.name, *b.aliases):
                self._add(name, "body", b.name)
        for p in reg.people:
            for name in (p.name, *p.variants):
                self._add(name, "person", p.id)
        for phrase in STOP_PHRASES:
            self._add(phrase, "stop", phrase)
        self.short_names: dict[str, list[str]] = defaultdict(list)
        for p in reg.people:
            for name in p.short_names:
                self.short_names[fold(name)].append(p.id)

    def _qualify_possessives(self) -> None:
        """Move "Thailand's Food and Drug Administration" to ``qualified[THA, food ... ]``."""
        for key in list(self.index):
            if not any(t in ("'s", "'") for t in key[1:-1]):
                continue
            k = next(i for i, t in enumerate(key) if t in ("'s", "'") and i > 0)
            countries = {
                e.key for e in self.index.get(key[:k], ()) if e.cat in ("country", "capital")
            }
            orgs = [e for e in self.index[key] if e.cat == "org"]
            if len(countries) != 1 or not orgs:
                continue
            (cid,) = countries
            rest = key[k + 1 :]
            for e in orgs:
                bucket = self.qualified[(cid, rest)]
                if e not in bucket:
                    bucket.append(e)
            remaining = [e for e in self.index[key] if e.cat != "org"]
            if remaining:
                self.index[key] = remaining
            else:
                del self.index[key]

    # -- matching --------------------------------------------------------------
    def _accept(self, entries: list[Entry], tokens: list[str]) -> tuple[Entry, ...]:
        out = []
        for e in entries:
            if e.exact is not None and tuple(tokens) != e.exact:
                continue
            if e.cat in _CAPITALISED and not tokens[0][:1].isupper():
                continue
            out.append(e)
        return tuple(out)

    def _prefixes(self) -> set[tuple[str, ...]]:
        """Every proper prefix of an index key (made again when keys were added)."""
        if self._prefix_count != len(self.index):
            self._prefix_set = {k[:n] for k in self.index for n in range(1, len(k))}
            self._first_set = {k[0] for k in self.index if k}
            self._single_set = {k[0] for k in self.index if len(k) == 1}
            self._pair_set = {k[:2] for k in self.index if len(k) >= 2}
            self._prefix_count = len(self.index)
        return self._prefix_set

    def _may_start(self, key: str) -> bool:
        """Whether a match can start at a token with this key: some index key begins
        with it (or with it less a full stop kept by the tokenizer, "Sputnik V.")."""
        self._prefixes()
        firsts = self._first_set
        return key in firsts or (key.endswith(".") and key[:-1] in firsts)

    def _lost_apostrophe(self, key: str) -> bool:
        """Whether ``key`` may be a one-word name that lost its possessive's apostrophe
        ("russias"): what :meth:`_possessive_without_apostrophe` looks up."""
        return len(key) >= 5 and key.endswith("s") and (key[:-1],) in self.index

    def _pair_at(self, i: int, keys: list[str]) -> bool:
        """Whether tokens ``i`` and ``i + 1`` begin some key of two tokens or more, the
        second maybe less a full stop or an "s" (the variants :meth:`longest` tries on a
        last token): without it, no match of two tokens or more starts at ``i``."""
        if i + 1 >= len(keys):
            return False
        first, second = keys[i], keys[i + 1]
        pairs = self._pair_set
        return (first, second) in pairs or (
            second[-1:] in (".", "s") and (first, second[:-1]) in pairs
        )

    def _reach(self, i: int, keys: list[str], upto: int) -> int:
        """How long a match at token ``i`` can be: one more than the longest run of
        tokens from ``i`` that begins some key. A longer look-up, and its variants
        (which change only the last token), finds nothing."""
        prefixes = self._prefixes()
        m = 0
        while m + 1 < upto and tuple(keys[i : i + m + 1]) in prefixes:
            m += 1
        return m + 1

    def longest(self, i: int, keys: list[str], texts: list[str], limit: int) -> Hit | None:
        """The longest match starting at token ``i`` and at most ``limit`` tokens long."""
        upto = min(self.max_len, limit, len(keys) - i)
        if upto <= 0 or not self._may_start(keys[i]):
            return None
        for length in range(self._reach(i, keys, upto), 0, -1):
            key = tuple(keys[i : i + length])
            entries = self.index.get(key)
            if entries:
                accepted = self._accept(entries, texts[i : i + length])
                if accepted:
                    return Hit(i, i + length, accepted)
            last = key[-1]
            if last.endswith(".") and len(last) > 1 and texts[i + length - 1][-2:-1].isalnum():
                # "Sputnik V." at the end of a sentence: the tokenizer kept the full stop
                entries = self.index.get((*key[:-1], last[:-1]))
                if entries:
                    words = [*texts[i : i + length - 1], texts[i + length - 1][:-1]]
                    accepted = self._accept(entries, words)
                    if accepted:
                        return Hit(i, i + length, accepted, trim=1)
            if length > 1 and last.endswith("s") and len(last) > 3:
                # "Li Keqiangs": a possessive that lost its apostrophe
                stripped = (*key[:-1], last[:-1])
                entries = self.index.get(stripped)
                if entries:
                    accepted = tuple(
                        e
                        for e in self._accept(entries, texts[i : i + length])
                        if e.cat in ("person", "country", "capital") and e.exact is None
                    )
                    if accepted:
                        return Hit(i, i + length, accepted)
        return None

    def _qualified_after(self, hit: Hit, keys: list[str]) -> Hit | None:
        """ "Thailand's" + "Food and Drug Administration": the organisation after the possessive."""
        j = hit.end
        if j >= len(keys) or keys[j] not in ("'s", "'"):
            return None
        countries = {e.key for e in hit.entries if e.cat in ("country", "capital")}
        for length in range(min(self.max_len, len(keys) - j - 1), 0, -1):
            key = tuple(keys[j + 1 : j + 1 + length])
            entries = [e for c in countries for e in self.qualified.get((c, key), ())]
            if entries:
                return Hit(j + 1, j + 1 + length, tuple(entries))
        return None

    def _person_inside(self, hit: Hit, keys: list[str], texts: list[str]) -> int | None:
        """ "President Xi Jinping": where a longer name of the same person starts inside ``hit``."""
        people = {e.key for e in hit.entries if e.cat == "person"}
        if not people:
            return None
        for j in range(hit.start + 1, hit.end):
            inner = self.longest(j, keys, texts, self.max_len)
            if (
                inner is not None
                and inner.end > hit.end
                and any(e.cat == "person" and e.key in people for e in inner.entries)
            ):
                return j
        return None

    def match(
        self, doc: Doc, keys: list[str] | None = None, texts: list[str] | None = None
    ) -> list[Hit]:
        """Longest, leftmost matches over ``doc``; stop phrases are matched and dropped.
        ``keys`` (folded) and ``texts`` of its tokens when the caller has them made."""
        texts = texts if texts is not None else [t.text for t in doc]
        keys = keys if keys is not None else [fold(t) for t in texts]
        hits: list[Hit] = []
        i, n = 0, len(doc)
        self._prefixes()
        distinct = set(keys)  # each distinct key tested once
        opening = distinct & self._first_set  # keys a match can start with: a key's first
        for key in distinct - opening:  # word, that word with a full stop, or "Russias"
            last = key[-1:]
            if (last == "." and self._may_start(key)) or (
                last == "s" and self._lost_apostrophe(key)
            ):
                opening.add(key)
        alone = {  # of those, keys that may match as one token ("Vietnam", "V." for "V")
            key
            for key in opening
            if key in self._single_set
            or (key.endswith(".") and key[:-1] in self._single_set)
            or self._lost_apostrophe(key)
        }
        starts = [
            k
            for k, key in enumerate(keys)
            if key in opening and (key in alone or self._pair_at(k, keys))
        ]
        nxt = 0
        while i < n:
            while nxt < len(starts) and starts[nxt] < i:
                nxt += 1
            if nxt == len(starts):
                break
            i = starts[nxt]
            found = self.longest(i, keys, texts, n)
            if found is not None:
                j = self._person_inside(found, keys, texts)
                if j is not None:
                    # "President Xi" + "Jinping" -> "President" + "Xi Jinping"
                    found = self.longest(i, keys, texts, j - i)
                    if found is None:
                        i = j
                        continue
            if found is None:
                found = self._possessive_without_apostrophe(i, keys, texts)
            if found is None:
                i += 1
                continue
            if found.entries[0].cat != "stop":
                hits.append(found)
                org = self._qualified_after(found, keys)
                if org is not None:
                    hits.append(org)
                    found = org
            i = found.end
        return hits

    def _possessive_without_apostrophe(
        self, i: int, keys: list[str], texts: list[str]
    ) -> Hit | None:
        """ "Russias", "Chinas", "Keqiangs": a name with its apostrophe lost."""
        key = keys[i]
        if len(key) < 5 or not key.endswith("s") or not texts[i][:1].isupper():
            return None
        entries = self.index.get((key[:-1],))
        if not entries:
            return None
        accepted = tuple(
            e
            for e in self._accept(entries, [texts[i][:-1]])
            if e.cat in ("country", "capital", "person")
        )
        return Hit(i, i + 1, accepted) if accepted else None


@cache
def get_gazetteer() -> Gazetteer:
    """The gazetteer over the packaged registry (built once per process)."""
    return Gazetteer(load_registry())
