"""Companies unknown to the registry, the countries describing companies, and bodies.

- Capitalised runs with a company word ("Anhui Zhifei Longcom Biopharmaceutical",
  "Vabiotech JSC") are companies; the legal suffixes are left out of the name.
- A country describing a company ("Chinese manufacturer Sinovac", "US-based
  Arcturus", "Egypt's Vacsera") is absorbed into it.
- A government body of the title registry ("the Ministry of Health") belongs to the
  country qualifying it ("Vietnam's health ministry"), else the country the sentence
  is set in ("In Myanmar, the military government ..."), else the home country, else
  the one country the document's people speak for.
"""

from __future__ import annotations

from vaxdiplo._text import fold, slug
from vaxdiplo.entities.mentions import NOT_NAMES, Ent
from vaxdiplo.entities.qualifiers import qualifier_before, qualifier_of
from vaxdiplo.entities.state import LinkState
from vaxdiplo.models import Actor

__all__ = [
    "absorb_company_qualifiers",
    "find_companies",
    "resolve_bodies",
    "resolve_body_acronyms",
]

#: Words that make a capitalised run a company ("... Biopharmaceutical", "... Ltd").
_COMPANY_SUFFIXES = frozenset(
    "healthcare pharma pharmaceutical pharmaceuticals biotech biotechnology biologics "
    "biopharma biopharmaceutical biopharmaceuticals "
    "biological laboratories labs jsc inc inc. ltd ltd. corp corp. corporation company co "
    "co. group holdings llc plc ag gmbh biosciences bioscience therapeutics vaccines".split()
)
#: Words left out of a company's name.
_LEGAL_SUFFIXES = frozenset(
    "jsc inc inc. ltd ltd. corp corp. corporation company co co. llc plc ag gmbh sa limited "
    "group holdings".split()
)
#: Words between a demonym and the company it describes ("Chinese vaccine maker Sinovac").
_MAKER_WORDS = frozenset(
    "manufacturer company firm drugmaker pharmaceutical maker producer developer biotech "
    "giant - state-owned state owned biotechnology pharmaceuticals drug vaccine distributor "
    "pharma manufacturers companies firms drugmakers makers producers developers "
    "biopharmaceutical pharmaceutical-maker".split()
)
_POSSESSIVE_FILLERS = _MAKER_WORDS | {"state-owned", "the"}
_NAME_ENDS = _COMPANY_SUFFIXES | _LEGAL_SUFFIXES


def find_companies(state: LinkState) -> None:
    """Add a company mention for every capitalised run with a company word.

    Args:
        state: The document being linked, after the gazetteer pass.
    """
    texts, keys, starts, taken = state.texts, state.keys, state.sent_starts, state.taken
    n, i = len(texts), 0  # ``i``: where the next run may start
    # A run starts at an untaken capitalised word inside a sentence; the run before it
    # decides which of them start one (those it covers do not), so they are listed
    # first and skipped below when covered.
    firsts = [
        k
        for k, text in enumerate(texts)
        if text[:1].isupper() and not taken[k] and not starts[k] and text.isalpha()
    ]
    for first in firsts:
        if first < i:
            continue
        i = j = first
        while j < n and not state.taken[j] and texts[j][:1].isupper() and j - i < 5:
            j += 1
        words = keys[i:j]
        ends = [k for k, w in enumerate(words) if w in _NAME_ENDS]
        if ends and ends[-1] >= 1:  # "Life Sciences Company Gao Qiang": the name ends there
            j = i + ends[-1] + 1
            words = words[: ends[-1] + 1]
        if (
            j - i >= 2
            and any(w in _COMPANY_SUFFIXES for w in words[1:])
            and not any(w in NOT_NAMES for w in words)
        ):
            known = state.ent_at(i - 1) if i > 0 else None
            if known is not None and known.kind == "company" and known.end == i:
                state.reshape(known, known.start, j)  # "Cansino Bio Inc": the name goes on
                i = j
                continue
            core = [w for w, k in zip(texts[i:j], words, strict=True) if k not in _LEGAL_SUFFIXES]
            name = " ".join(core)
            if core and not state.in_credit(i, j):
                oid = slug(name, "_").upper()
                actor = Actor(kind="company", name=name, id=oid, country=None, party=oid)
                state.add(Ent(i, j, "company", actor=actor, via="pattern"))
        i = max(j, i + 1)
    state.sort()


def absorb_company_qualifiers(state: LinkState) -> None:
    """ "Chinese manufacturer Sinovac": the country describes the company.

    Args:
        state: The document being linked, its mentions in text order.
    """
    doc = state.doc
    for e in state.ents:
        if e.kind != "country":
            continue
        j = e.end
        if e.via != "demonym":
            if j + 1 < len(doc) and doc[j].text in ("-", "–") and fold(doc[j + 1].text) == "based":
                e.absorbed = True  # "US-based Arcturus"
            elif j < len(doc) and doc[j].text in ("'s", "’s"):
                k = j + 1
                while k < len(doc) and fold(doc[k].text) in _POSSESSIVE_FILLERS:
                    k += 1
                if _starts_with(state, k, ("company", "international_org")):
                    e.absorbed = True  # "China's Anhui Zhifei Longcom", "Egypt's Vacsera"
                continue
        while j < len(doc) and j < e.end + 3 and fold(doc[j].text) in _MAKER_WORDS:
            j += 1
        if e.via != "demonym" and j == e.end:
            nxt = state.ent_at(j) if j < len(doc) else None
            if (
                nxt is not None
                and nxt.start == j
                and nxt.kind == "company"
                and nxt.actor is not None
                and nxt.actor.country == e.actor.party
            ):
                e.absorbed = True  # "Malaysia Pharmaniaga Bhd": the company's own country
            continue  # a country name describes a company only through a maker word
        if _starts_with(state, j, ("company", "international_org", "group")):
            e.absorbed = True  # "U.S. pharmaceutical giant Pfizer"


def resolve_bodies(state: LinkState) -> None:
    """Give every government body of the title registry its country (see the module).

    A body whose country cannot be told stays without an actor.

    Args:
        state: The document being linked, its people and home country resolved.
    """
    for e in state.ents:
        if e.kind != "government_body" or e.actor is not None:
            continue
        qual = qualifier_before(state, e.start) or qualifier_of(state, e.end)
        country = None
        if qual is not None and qual.kind == "country":
            country = qual.party
            qual.absorbed = True
        country = country or _scene_country(state, e) or state.home or _people_country(state)
        name = e.title or state.doc[e.start : e.end].text
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


_INITIAL_SKIPS = frozenset({"of", "and", "for", "the", "on", "in", "&"})


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _INITIAL_SKIPS).upper()


def resolve_body_acronyms(state: LinkState) -> None:
    """An acronym after a government body it abbreviates is that body: "the National
    Institute of Health ... the NIH team" in a story about one country is that country's
    institute, not the registry's body of another country with the same initials; "the
    US Food and Drug Administration (FDA)" is the US body, not the home country's.

    Args:
        state: The document being linked, its bodies resolved.
    """
    bodies: dict[str, Actor] = {}
    doc = state.doc
    before: Ent | None = None
    for e in state.ents:
        text = state.span_text(e.start, e.end)
        named, before = before, e
        if (
            named is not None
            and named.actor is not None
            and e.kind == "government_body"
            and e.via == "body"
            and named.kind == "government_body"
            and e.start == named.end + 1
            and doc[named.end].text == "("
            and named.actor.party != (e.actor.party if e.actor else None)
        ):
            e.actor = named.actor  # "the US Food and Drug Administration (FDA)"
            continue
        if e.kind == "government_body" and e.via == "body" and e.actor is not None:
            bodies.setdefault(_initials(text), e.actor)
            continue
        if (
            e.actor is not None
            and e.kind in ("government_body", "international_org")
            and e.end - e.start == 1
            and text.isupper()
            and text in bodies
            and bodies[text].party != e.actor.party
        ):
            e.actor = bodies[text]


def _starts_with(state: LinkState, k: int, kinds: tuple[str, ...]) -> bool:
    """Whether a mention of one of ``kinds`` starts at token ``k``."""
    nxt = state.ent_at(k) if k < len(state.doc) else None
    return nxt is not None and nxt.start == k and nxt.kind in kinds


def _scene_country(state: LinkState, e: Ent) -> str | None:
    """ "In Myanmar, the military government said ...": the sentence sets the scene."""
    doc = state.doc
    sent = doc[e.start].sent
    first = [t for t in sent if not t.is_space][:1]
    if not first or fold(first[0].text) != "in":
        return None
    scene = state.ent_at(first[0].i + 1)
    if scene is None or scene.kind != "country" or scene.actor is None or scene.start >= e.start:
        return None
    if scene.end < len(doc) and doc[scene.end].text == ",":
        return scene.actor.party
    return None


def _people_country(state: LinkState) -> str | None:
    """The one country the document's people speak for, if there is exactly one."""
    countries = {
        e.actor.country
        for e in state.ents
        if e.kind == "person" and e.actor is not None and e.actor.country
    }
    return countries.pop() if len(countries) == 1 else None
