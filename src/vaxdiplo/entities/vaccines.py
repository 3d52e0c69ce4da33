"""Maker or vaccine: whether a maker's name ("AstraZeneca", "Pfizer") names its vaccine.

"AstraZeneca doses", "the CanSino and Covaxin vaccines", "Sinopharm and Sputnik V" and
"shipments of Pfizer" are vaccines; "Pfizer's Comirnaty" and "Pfizer CEO" are the maker.
"""

from __future__ import annotations

from vaxdiplo._text import fold
from vaxdiplo.entities.mentions import VACCINE_NOUNS
from vaxdiplo.entities.state import LinkState

__all__ = ["vaccine_context"]

#: Words between a maker's name and the vaccine noun ("Pfizer-BioNTech COVID-19 vaccine").
_VACCINE_FILLERS = frozenset(
    "covid covid-19 coronavirus - / 's ’s mrna sars-cov-2 biontech anti covid19 and".split()
)
#: Nouns that count a vaccine ("a batch of Sinopharm").
_DOSE_CONTEXT = frozenset("doses shots jabs vials batch batches shipment consignment".split())
_CONJUNCTIONS = (",", "and", "or", "&")


def vaccine_context(state: LinkState, start: int, end: int) -> bool:
    """Whether a maker's name over tokens ``start:end`` is used for its vaccine.

    Args:
        state: The document being linked (its ``vaccine_hits`` already set).
        start: The first token of the name.
        end: The token after the name.

    Returns:
        True for "AstraZeneca doses", "Moderna and AstraZeneca shots", "doses of Pfizer".
    """
    doc = state.doc
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
            or (w == "of" and k + 1 < len(doc) and doc[k + 1].text[:1].isupper())
        ):
            break  # "the AstraZeneca-University of Oxford vaccine" goes on
        k += 1
    if _coordinated_with_vaccine(state, start, end):
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


def _coordinated_with_vaccine(state: LinkState, start: int, end: int) -> bool:
    """ "Sinopharm and Sputnik V", "Sputnik V or Sinopharm": listed with a vaccine."""
    doc = state.doc
    hits = state.vaccine_hits
    if end < len(doc) and doc[end].text in ("'s", "’s"):
        return False  # "Pfizer's Comirnaty": the maker
    if (
        end + 1 < len(doc)
        and fold(doc[end].text) in _CONJUNCTIONS
        and any(s == end + 1 for s, _ in hits)
    ):
        return True
    return (
        start >= 2
        and fold(doc[start - 1].text) in _CONJUNCTIONS
        and any(e == start - 1 for _, e in hits)
    )
