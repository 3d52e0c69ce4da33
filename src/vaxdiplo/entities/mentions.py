"""What the linking steps produce: ``Ent`` mentions and a document's ``DocEntities``.

Also the word lists several steps share, and the photo credits ("Photo by VnExpress /
Hoang Tao") no mention may come from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from vaxdiplo.models import Actor, Mention, Vaccine
from vaxdiplo.registry import Registry

__all__ = ["HONORIFICS", "NOT_NAMES", "VACCINE_NOUNS", "DocEntities", "Ent", "credit_spans"]

#: Words before a name that are not part of it ("Dr Opas", "his counterpart").
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. prof prof. madam sir h.e. his her".split())
#: Capitalised words that never start or continue a person's or company's name.
NOT_NAMES = frozenset(
    "covid covid-19 coronavirus sars-cov-2 omicron delta vaccine vaccines the a an in on at "
    "of for and but with by to from said says he she it they this that these those there "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december minister president government "
    "ministry photo read full story countries country nations people officials leaders "
    "state states".split()
)
#: Nouns a vaccine is counted or named with ("AstraZeneca doses", "the Pfizer jab").
VACCINE_NOUNS = frozenset(
    "vaccine vaccines jab jabs shot shots dose doses formulation vials vial inoculation "
    "inoculations".split()
)

_CREDIT_AFTER_WORD = r"\b\s*(?:by|courtesy(?: of)?|:)[^\n.—–]{0,60}"
_CREDIT_AFTER_DASH = (
    r"\s*(?:[A-Z]{2,}/)*[A-Z]{2,}\s+Photos?\b(?:[ \t]+(?:[A-Z][\w’'.-]*[ \t]?){1,4})?"
)
_PHOTO = re.compile(
    # "Photo by ...", "Image: ..." (the word at a word boundary: "(?<!\wP)" after its "P"),
    # or "— AFP Photo Hoang Tao". Every branch begins with a literal character, so the
    # engine scans for those characters instead of trying the pattern at each one.
    "|".join(
        [
            *(
                f"{w[0]}(?<!\\w{w[0]}){w[1:]}{_CREDIT_AFTER_WORD}"
                for w in ("Photos?", "Image", "Picture", "File photo")
            ),
            *(f"{dash}{_CREDIT_AFTER_DASH}" for dash in "—–-"),
        ]
    )
)


_PHOTO_WORDS = ("Photo", "Image", "Picture", "File photo")
"""What every credit :data:`_PHOTO` finds holds: a cheap test before the pattern, whose
word boundary first keeps the engine from skipping ahead."""


@lru_cache(maxsize=64)
def credit_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of photo credits ("Photo by VnExpress / Hoang Tao").

    Args:
        text: The document text.

    Returns:
        ``(start, end)`` character offsets of every credit, in text order (kept for
        the last texts: the segmenter and the linker both ask).
    """
    if not any(word in text for word in _PHOTO_WORDS):
        return ()
    return tuple((m.start(), m.end()) for m in _PHOTO.finditer(text))


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
    dateline: bool = False
    """The place of the dateline ("HANOI —", "CORNWALL, Britain --"): no actor of any event."""

    @property
    def party(self) -> str | None:
        """The party the mention acts for, if it is resolved to an actor."""
        return self.actor.party if self.actor else None


@dataclass
class DocEntities:
    """All mentions of a document, and the country the document is about."""

    ents: list[Ent] = field(default_factory=list)
    home: str | None = None
    ranking: list[str] = field(default_factory=list)
    """Countries by how much the document is about them, home first."""
    registry: Registry | None = None
    """The registry the mentions were resolved with (packaged, or with a user's additions)."""
    keys: list[str] | None = field(default=None, repr=False, compare=False)
    """The folded text of every token of the document linked (None: not kept)."""
    texts: list[str] | None = field(default=None, repr=False, compare=False)
    """The text of every token (None: not kept)."""
    offsets: list[int] | None = field(default=None, repr=False, compare=False)
    """The character offset of every token (None: not kept)."""
    sent_starts: list[bool] | None = field(default=None, repr=False, compare=False)
    """Whether each token starts a sentence (None: not kept)."""

    def kept(self, doc: Doc, what: str) -> Any:
        """The per-token list ``what`` ("keys", "texts", "offsets", "sent_starts") kept
        by the linker, when it was kept for a ``Doc`` of ``doc``'s length (else None)."""
        value = getattr(self, what)
        return value if value is not None and len(value) == len(doc) else None

    def actors(self) -> list[Ent]:
        """The mentions resolved to an actor, qualifiers inside larger mentions left out."""
        return [e for e in self.ents if e.actor is not None and not e.absorbed]

    def to_mentions(self, doc: Doc) -> tuple[Mention, ...]:
        """The resolved mentions as public ``Mention`` models, with character offsets.

        Args:
            doc: The document the mentions were found in.
        """
        from spacy.attrs import IDX

        from vaxdiplo.extensions import doc_text, token_texts

        out = []
        full = doc_text(doc)
        starts, texts = self.kept(doc, "offsets"), self.kept(doc, "texts")
        if (starts is None or texts is None) and len(doc) and self.ents:
            starts, texts = doc.to_array(IDX).tolist(), token_texts(doc)
        for e in self.ents:
            if e.actor is None and e.vaccine is None:
                continue
            start = starts[e.start]  # type: ignore[index]
            end = starts[e.end - 1] + len(texts[e.end - 1]) - e.trim  # type: ignore[index]
            text = full[start:end]  # ``doc[e.start : e.end].text``
            kind = "vaccine" if e.vaccine is not None else e.actor.kind  # type: ignore[union-attr]
            out.append(
                Mention(
                    text=text,
                    start=start,
                    end=start + len(text),
                    kind=kind,
                    actor=e.actor,
                    vaccine=e.vaccine,
                    via=e.via,
                )
            )
        return tuple(out)
