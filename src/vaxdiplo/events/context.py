"""What every step of the rule layer reads about one document: ``DocContext``.

It holds the ``Doc``, its resolved mentions (``DocEntities``), the publication date,
whether a parser and a tagger ran, an index of mentions by token, and per sentence the
dates, doses, money, folded words and mentions (``facts``), computed once.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any

from spacy.attrs import IDX, IS_PUNCT, LIKE_NUM, SENT_START
from spacy.tokens import Doc, Span, Token

from vaxdiplo._text import fold
from vaxdiplo.dates import find_dateline, find_dates
from vaxdiplo.entities import DocEntities, Ent
from vaxdiplo.extensions import doc_text, token_texts
from vaxdiplo.models import Actor
from vaxdiplo.quantities import find_doses, find_money
from vaxdiplo.registry import Registry
from vaxdiplo.rules.base import TriggerRule

__all__ = ["DocContext", "Facts", "Site"]


class SentenceFacts(dict):  # type: ignore[type-arg]
    """A sentence's ``dates``, ``doses`` and ``money`` (each a list of ``(token,
    mention)``), ``words`` (folded) and ``ents`` (mentions starting in it), as a
    ``dict``. The three lists are found when first read (``facts["dates"]`` or
    ``facts.get("dates")``): most triggers are turned down before any is needed.
    """

    LAZY = frozenset({"dates", "doses", "money"})

    def __init__(self, find: Any, items: dict[str, Any]) -> None:
        super().__init__(items)
        self._find = find  # key -> the list

    def __missing__(self, key: str) -> Any:
        if key not in self.LAZY:
            raise KeyError(key)
        value = self[key] = self._find(key)
        return value

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self.LAZY or key in self else default

    def extended(self, **more: Any) -> SentenceFacts:
        """A copy with ``more`` keys (the lazy ones still found when read)."""
        return SentenceFacts(self._find, {**self, **more})


Facts = SentenceFacts
"""What :meth:`DocContext.facts` gives (see :class:`SentenceFacts`)."""

_AGENCY = re.compile(r"\s*+(?:\(\s*+)?[A-Z][A-Za-z]++\s*+(?:\)\s*+)?(?:--|-|–|—|:)")
"""An agency after a date ("(Xinhua) --", "AFP:"); possessive, so linear on any input."""
_CITY_BEFORE = re.compile(r"\s*+[A-Z][A-Z .'-]{2,}\s*[,/–—-]\s*+(?:[A-Z][a-z]{2}\w*+,?\s*+)?")
"""The place before a date, the whole of its line's start ("PHNOM PENH, ", "Jakarta / Wed, ")."""
_LINE_WINDOW = 200
"""A dateline is read within this many characters either side of its date: a place
or an agency further away along the same line is not a dateline's. The bound keeps the
check constant-time per date, whatever the length of the line."""
_DATELINE_WORDS = frozenset("published updated posted at on am pm gmt ict utc by wed thu".split())


_PLACE_AFTER = re.compile(
    r"\s++(?:City|Street|Road|Avenue|Square|Bridge|Stadium|University|Hospital|Park)\b"
)


def _dateline_like(text: str, start: int, end: int) -> bool:
    """A date that dates the article, not an event: "PHNOM PENH, Aug. 20 (Xinhua) --",
    "CAIRO – 1 July 2021:", "Jakarta / Wed, March 10, 2021", "Published: 31 Jul 2021",
    "October 6, 2020: India and ...".

    Only :data:`_LINE_WINDOW` characters either side of the date are read."""
    lo, hi = max(0, start - _LINE_WINDOW), min(len(text), end + _LINE_WINDOW)
    cut = text.rfind("\n", lo, start)
    line_start = cut + 1 if cut >= 0 or lo == 0 else None
    cut = text.find("\n", end, hi)
    line_end = cut if cut >= 0 else (hi if hi == len(text) else None)
    after = text[end : hi if line_end is None else line_end]
    if line_start is not None:
        before = text[line_start:start]
        city = _CITY_BEFORE.fullmatch(before) is not None
        if _AGENCY.match(after) and (not before.strip() or city):
            return True
        first_after = after.lstrip()[:1] or ("" if line_end is not None else "?")
        if city and first_after in ("(", ":", "-", "–", "—", "|", ""):
            return True
        if not before.strip() and after[:1] in (":", "–", "—") and len(after) > 1:
            return True  # "October 6, 2020: India and South Africa have asked ..."
    if line_start is None or line_end is None:
        return False  # a line longer than the window either side is not a dateline's
    line = text[line_start:line_end].strip()
    return len(line) < 70 and not (set(re.findall(r"[a-z]+", line)) - _DATELINE_WORDS)


_PERFECT_GIFT = re.compile(r"\b(?:has|have)\s+(?:donated|gifted|sent|shipped)\s+$")
"""A gift made to someone ("Serbia has donated 4,680 doses to North Macedonia")."""
_PERFECT_TOTAL = re.compile(r"\b(?:has|have)\s+(?:\w+\s+)?\w+ed\s+a\s+total\s+of\s*$")
_CUMULATIVE_CUES = ("so far", "to date", "bringing", "since", "in total", "altogether")
_PERIOD = re.compile(
    r"\b(?:during|over|throughout|in)\s+the\s+(?:past\s+|last\s+|first\s+|second\s+)?"
    r"(?:\w+\s+(?:and\s+\w+\s+)?)?(?:seasons?|months|weeks|years|period|half|quarter)\b"
)
"""A stretch of time a total was gathered over ("during the spring and summer seasons")."""


@lru_cache(maxsize=64)
def _speaks_of_total(text: str) -> bool:
    """The sentence says its count is a running total ("so far", "during the past
    months"); read once per sentence, not once per count."""
    low = text.lower()
    return any(cue in low for cue in _CUMULATIVE_CUES) or _PERIOD.search(low) is not None


def recount(q: Any, text: str) -> Any:
    """ "A total of 1,113,600 doses ... landed" and "has donated 4,680 doses to North
    Macedonia" are the shipment's size, not a running total, unless the sentence also
    says so ("so far", "to date", "bringing")."""
    if "combined" in text[max(0, q.start - 12) : q.start].lower():
        return replace(q, cumulative=True)  # "a combined 65 million doses from A and B"
    before = text[max(0, q.start - 30) : q.start].lower()
    if not q.cumulative or not ("total of" in before[-12:] or _PERFECT_GIFT.search(before)):
        return q
    if _PERFECT_TOTAL.search(before):
        return q  # "Indonesia has received a total of 65.5 million doses": a running total
    if _speaks_of_total(text):
        return q
    if "total of" not in before[-12:] and " to " not in text[q.end : q.end + 80]:
        return q  # "has delivered 4 million doses": a running total unless sent somewhere
    return replace(q, cumulative=False)


class DocContext:
    """One document as the rule layer sees it.

    Args:
        doc: The parsed (or only tokenised) ``Doc``.
        ents: Its resolved mentions.
        published: The publication date dates are resolved against.
        registry: The registries (countries, organisations, vaccines).
        makers: Vaccine makers with one main product, by organisation id.
    """

    def __init__(
        self,
        doc: Doc,
        ents: DocEntities,
        published: dt.date | None,
        registry: Registry,
        makers: dict[str, Any],
    ) -> None:
        self.doc = doc
        self.ents = ents
        self.published = published
        self.registry = registry
        self.makers = makers
        self.parsed = doc.has_annotation("DEP")
        self.tagged = doc.has_annotation("TAG")
        self.ent_at: dict[int, Ent] = {}
        for e in ents.ents:
            for i in range(e.start, e.end):
                self.ent_at.setdefault(i, e)
        self._ent_starts = [e.start for e in ents.ents]  # the mentions are in text order
        self._sent_cache: dict[int, Facts] = {}
        self._sentence_spans: dict[int, Span] = {}
        self.sentence_cache: dict[tuple[str, int], Any] = {}
        """What the clause analysis works out once per sentence, by (what, first token)."""
        self.text = doc_text(doc)
        line = find_dateline(self.text)
        self.dateline = (line[1], line[2]) if line else (-1, -1)

    @cached_property
    def keys(self) -> list[str]:
        """The folded text of every token (``fold(token.text)``), made once: the checks
        read words by slicing it (``ctx.keys[sent.start : sent.end]``)."""
        kept = self.ents.kept(self.doc, "keys")
        if kept is not None:
            return kept  # the linker's, for the same tokens
        return [fold(t) for t in token_texts(self.doc)]

    @cached_property
    def like_nums(self) -> list[bool]:
        """For every token, ``Token.like_num``, read once from the ``Doc``'s array."""
        return (self.doc.to_array(LIKE_NUM) == 1).tolist() if len(self.doc) else []

    @cached_property
    def puncts(self) -> list[bool]:
        """For every token, ``Token.is_punct``, read once from the ``Doc``'s array."""
        return (self.doc.to_array(IS_PUNCT) == 1).tolist() if len(self.doc) else []

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """``(start, end)`` tokens of every sentence, as ``doc.sents`` gives them, read once
        from the sentence starts (no ``Span`` per sentence for the passes that skim them)."""
        doc = self.doc
        if not len(doc):
            return []
        if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
            return [(s.start, s.end) for s in doc.sents]  # as spaCy does (or raises)
        flags = self.ents.kept(doc, "sent_starts")  # the linker's, for the same tokens
        if flags is None:
            flags = (doc.to_array(SENT_START) == 1).tolist()
        starts = [0, *(i for i in itertools.compress(range(len(flags)), flags) if i)]
        return list(zip(starts, [*starts[1:], len(doc)], strict=True))

    def sentence(self, i: int) -> Span:
        """The sentence of token ``i``, as ``doc[i].sent`` gives it, one ``Span`` per
        sentence made once (``Token.sent`` walks the tokens and makes two)."""
        doc = self.doc
        if doc.user_token_hooks or doc.user_span_hooks:
            return doc[i].sent  # a user's own sentence hook decides
        k = bisect.bisect_right(self._sentence_starts, i) - 1
        span = self._sentence_spans.get(k)
        if span is None:
            span = self._sentence_spans[k] = doc[slice(*self.sentences[k])]
        return span

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [start for start, _ in self.sentences]

    @cached_property
    def lower_text(self) -> str:
        """The document's text in lower case, made once for the checks that read it all."""
        return self.text.lower()

    def facts(self, sent: Span) -> Facts:
        """The sentence's dates, quantities, words and mentions (cached; the dates and
        quantities found when first read)."""
        key = sent.start
        if key not in self._sent_cache:
            base, end = sent.start_char, sent.end_char
            self._sent_cache[key] = SentenceFacts(
                lambda what: self._sentence_facts(what, base, end),
                {
                    "words": set(self.keys[sent.start : sent.end]),
                    "ents": self.ents.ents[
                        self.ents_before(sent.start) : self.ents_before(sent.end)
                    ],
                },
            )
        return self._sent_cache[key]

    def _sentence_facts(self, what: str, base: int, end: int) -> list[tuple[int, Any]]:
        """The dates, doses or money of the sentence at characters ``base:end``."""
        text = self.text[base:end]  # ``sent.text`` without a Token per word
        if what == "dates":
            return [
                (self.tok(base + d.start), d)
                for d in find_dates(text, self.published)
                if not (self.dateline[0] <= base + d.start < self.dateline[1])
                and not _dateline_like(self.text, base + d.start, base + d.end)
                and not _PLACE_AFTER.match(self.text, base + d.end)
            ]
        if what == "doses":
            return [(self.tok(base + q.start), recount(q, text)) for q in find_doses(text)]
        return [(self.tok(base + m.start), m) for m in find_money(text)]

    def ents_before(self, i: int) -> int:
        """How many mentions start before token ``i``: ``ents.ents[:n]`` are those."""
        return bisect.bisect_left(self._ent_starts, i)

    @cached_property
    def offsets(self) -> list[int]:
        """The character offset of every token (``Token.idx``), read once."""
        kept = self.ents.kept(self.doc, "offsets")  # the linker's, for the same tokens
        if kept is not None:
            return kept
        return self.doc.to_array(IDX).tolist() if len(self.doc) else []

    def tok(self, char: int) -> int:
        """The index of the token at character offset ``char``."""
        i = bisect.bisect_right(self.offsets, char) - 1
        if i >= 0 and char < self.offsets[i] + len(self.doc[i]):
            return i  # inside token ``i``
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span.start if span is not None else 0

    def home_actor(self) -> Actor | None:
        """The document's home country as an actor, when it has one."""
        return self.country_actor(self.ents.home)

    def country_actor(self, iso: str | None) -> Actor | None:
        """The registry country ``iso`` as an actor, if it is one."""
        if not iso or iso not in self.registry.country_ids:
            return None
        cn = self.registry.country(iso)
        return Actor(kind="country", name=cn.name, id=cn.id, country=cn.id, party=cn.id)

    def state(self, party: str | None) -> str | None:
        """A state producer stands for its state (EVENTS.md §1) when comparing events."""
        if party and party in self.registry.org_ids:
            o = self.registry.org(party)
            if o.state_owned and o.country:
                return o.country
        return party

    def org_actor(self, org_id: str) -> Actor:
        """The registry's organisation ``org_id`` as an actor: its own party, or its
        country's for a government body (a public institute acts for its state)."""
        m = self.registry.org(org_id)
        party = m.country if (m.kind == "government_body" and m.country) else m.id
        return Actor(kind=m.kind, name=m.name, id=m.id, country=m.country, party=party)


@dataclass(frozen=True)
class Site:
    """One trigger of one rule in its sentence: what a type's ``reject`` and ``fill``
    read."""

    ctx: DocContext
    rule: TriggerRule
    trig: Token
    sent: Span
    facts: Facts
