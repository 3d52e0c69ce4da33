"""The home country: the country the document is about.

The dateline names it ("PHNOM PENH, Aug. 20 (Xinhua)", "HÀ NỘI —"); without one, the
country mentioned most, counting officials quoted (who usually speak for the story's
own country), an early mention, and bodies qualified by a country. Without a dateline
it is counted twice: before the people are resolved (their titles need it) and after.
"""

from __future__ import annotations

import re
from collections import Counter

from vaxdiplo.dates import find_dateline
from vaxdiplo.entities.mentions import Ent
from vaxdiplo.entities.qualifiers import qualifier_before, qualifier_of
from vaxdiplo.entities.state import LinkState
from vaxdiplo.extensions import doc_text

__all__ = ["find_home", "recount_home"]

_DATED_AFTER = re.compile(
    r"[,/]\s*(?:\d|\(|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|"
    r"Fri|Sat|Sun)[a-z]*\.?(?:\s|,|$))"
)
"""What follows a dateline's place: a day or a date ("BEIJING, Aug. 20", "JAKARTA / Wed",
"HANOI, 29th March"), not another name ("UAE, China sign")."""
_CREDIT_AFTER = re.compile(r"[,/]\s*(?:\(|\d)")
"""A place written in title case is a dateline when a credit or a date follows it
("Harare, (APP - ...", "Tashkent, 17 Feb")."""
_DAY_THEN_AGENCY = re.compile(
    r"[,/]\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\s*[(\u2013\u2014-]"
)
"""A title-case place is a dateline when a day and an agency or dash follow it
("Bratislava, July 2 (TASR) -")."""
_DATELINE_CHARS = 400
"""How far into the text a dateline may be."""


def find_home(state: LinkState) -> None:
    """Set ``state.home`` (and ``ranking`` when there is no dateline).

    Args:
        state: The document being linked.
    """
    dateline = _dateline_country(state)
    state.home_from_dateline = dateline is not None
    if dateline is not None:
        dateline.dateline = True
    if dateline is not None and _bureau_only(state, dateline.actor.party):
        state.home_from_dateline = False
    if state.home_from_dateline and dateline is not None:
        state.home = dateline.actor.party
    else:  # no dateline, or a bureau's ("BUENOS AIRES (Sputnik) - Peru has signed ...")
        state.home = _most_mentioned(state)


def _bureau_only(state: LinkState, party: str | None) -> bool:
    """The dateline names a news bureau's city: its country is never mentioned again,
    while another country is mentioned at least twice."""
    counts: Counter[str] = Counter(
        e.actor.party
        for e in state.ents
        if e.kind == "country" and e.actor is not None and not e.dateline and not e.absorbed
    )
    if counts.get(party or "", 0) > 0 or not counts:
        return False
    return counts.most_common(1)[0][1] >= 2


def recount_home(state: LinkState) -> None:
    """Count the home country again, with the people resolved, unless a dateline set it.

    Args:
        state: The document being linked, after :func:`find_home`.
    """
    if not state.home_from_dateline:
        find_home(state)


def _dateline_country(state: LinkState) -> Ent | None:
    """The country or capital mention of the dateline, if the document has one."""
    doc = state.doc
    if not len(doc):
        return None
    k = min(len(doc), 200)  # the dateline lies in the first few hundred chars
    text = doc_text(doc)[: state.offsets[k - 1] + len(state.texts[k - 1])]
    dated = find_dateline(text)
    after_date = dated[2] if dated else -1
    for e in state.ents:
        if e.kind != "country" or e.via not in ("capital", "alias") or e.actor is None:
            continue
        if doc[e.start].idx > _DATELINE_CHARS:
            break
        nxt = doc[e.end].text if e.end < len(doc) else ""
        line_start = (
            e.start == 0
            or "\n" in doc[e.start - 1].text_with_ws
            or doc[e.start - 1].is_space
            or not text[after_date : doc[e.start].idx].strip()  # right after a dateline
        )
        after = doc[e.end : e.end + 6].text
        if (
            line_start
            and nxt in (",", "/")
            and (
                doc[e.start].text.isupper()
                or _CREDIT_AFTER.match(after)
                or _DAY_THEN_AGENCY.match(doc[e.end : e.end + 8].text)
            )
            and _DATED_AFTER.match(after)
        ):
            return e  # "PHNOM PENH, Aug. 20 (Xinhua)", "JAKARTA / Wed", not "UAE, China sign"
        if line_start and nxt == "[":
            inner = next((x for x in state.ents if x.start == e.end + 1), None)
            if inner is not None:
                inner.dateline = True  # "[India]" is the dateline's too
            return e  # "New Delhi [India], April 8 (ANI):"
        spaced = bool(doc[e.end - 1].whitespace_)  # "HANOI - ", not "US-donated"
        if (nxt in ("—", "–", ":", "(") or (nxt in ("-", "--") and spaced)) and (
            e.start == 0
            or "\n" in doc[e.start - 1].text_with_ws
            or doc[e.start - 1].is_punct
            or doc[e.start].is_sent_start
            or doc[e.start - 1].text in (".",)
        ):
            return e
    return None


_GOODS_WORDS = frozenset("vaccine vaccines jab jabs shot shots doses".split())
"""Words a country names the origin of, not the story's place ("China's vaccine")."""
_MAKER_WORDS = frozenset(
    "pharmaceutical pharmaceuticals firm company drugmaker giant maker manufacturer biotech "
    "biotechnology".split()
)


def _origin(state: LinkState, e: Ent, starts: dict[int, Ent], makers: frozenset[str]) -> bool:
    """ "China's Sinopharm", "the Russian vaccine": the country only says where goods
    come from, and weighs less toward the story's own country."""
    doc, j = state.doc, e.end
    if j < len(doc) and doc[j].text in ("'s", "\u2019s", "'", "\u2019"):
        j += 1
    while j < len(doc) and doc[j].lower_ in _MAKER_WORDS and j - e.end < 4:
        j += 1  # "U.S. pharmaceutical firm Pfizer"
    if j >= len(doc):
        return False
    nxt = starts.get(j)
    if nxt is not None and (nxt.kind == "vaccine" or nxt.vaccine is not None):
        return True
    if nxt is not None and nxt.kind == "company" and nxt.actor is not None:
        return nxt.actor.id in makers  # "China's Sinopharm"
    return doc[j].lower_ in _GOODS_WORDS


_COUNTERPART_GAP = frozenset(
    "and , foreign defence defense health trade finance prime minister ministers "
    "president presidents".split()
)


def _counterpart(state: LinkState, e: Ent) -> bool:
    """ "met his Indian and Chinese counterparts": the demonym names the other side."""
    doc, j = state.doc, e.end
    while j < len(doc) and j < e.end + 6:
        word = doc[j].lower_
        if word in ("counterpart", "counterparts"):
            return True
        nxt = state.ent_at(j)
        if word not in _COUNTERPART_GAP and (nxt is None or nxt.kind != "country"):
            return False
        j += 1
    return False


_ENVOYS = frozenset({"ambassador", "envoy", "ambassadors", "envoys", "embassy"})


def _accredited_to(state: LinkState, e: Ent) -> bool:
    """ "ambassador to Zimbabwe": the country an envoy is posted to."""
    doc = state.doc
    return e.start >= 2 and doc[e.start - 1].lower_ == "to" and doc[e.start - 2].lower_ in _ENVOYS


def _from_abroad(state: LinkState, start: int) -> bool:
    """A mention after "by" or "from" ("donated by the Chinese government")."""
    doc = state.doc
    k = start - 1
    while k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in ("by", "from")


def _most_mentioned(state: LinkState) -> str | None:
    """The country with most weight; sets ``state.ranking`` to all countries by weight."""
    doc = state.doc
    counts: Counter[str] = Counter()
    starts = {e.start: e for e in state.ents}
    makers = frozenset(v.maker for v in state.reg.vaccines if v.maker)
    first = True
    for e in state.ents:
        if e.actor is None or e.dateline or state.in_credit(e.start, e.end):
            continue
        if e.kind == "person" and e.actor.country and not e.absorbed:
            counts[e.actor.country] += 1.5  # officials quoted are usually the story's own
            continue
        if e.kind != "country":
            continue
        if _counterpart(state, e):
            continue  # "his Indian and Chinese counterparts": foreign to the story's side
        weight = 0.5 if e.via == "demonym" else 1.0
        if first and not doc[e.start].is_sent_start:
            weight += 0.5
        first = False
        counts[e.actor.party] += weight * (0.25 if _origin(state, e, starts, makers) else 1.0)
        if _accredited_to(state, e):
            counts[e.actor.party] += 1.0  # "Chinese ambassador to Zimbabwe": the host
    state.ranking = [c for c, _ in counts.most_common()]
    bodies: set[str] = set()
    for e in state.ents:  # bodies qualified by a country ("Vietnam's health ministry")
        if e.kind == "government_body" and e.actor is None:
            q = qualifier_before(state, e.start) or qualifier_of(state, e.end)
            if q is not None and _from_abroad(state, min(q.start, e.start)):
                continue  # "donated by the Chinese government": the giver's side
            if q is not None and q.kind == "country" and q.party not in bodies:
                bodies.add(q.party)  # once a country: "thanked the Chinese government" thrice
                counts[q.party] += 2.0
    return counts.most_common(1)[0][0] if counts else None
