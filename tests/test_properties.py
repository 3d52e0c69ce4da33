"""Properties of ``extract`` on any input (hypothesis, rules-only pipeline, bounded).

For any ``str`` (lone surrogates included) and any publication date of years 1-9999,
``extract`` returns an ``Extraction`` or raises one of its documented errors; every
offset points at its text; the result survives a JSON round trip; and ``extract_many``
gives what ``extract`` gives item by item.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vaxdiplo import DocumentFailure, Extraction
from vaxdiplo.errors import VaxdiploError

DOCUMENTED = (TypeError, ValueError, VaxdiploError)

# Words and phrases the rules react to, so that generated texts also hold events.
_PHRASES = [
    "China",
    "Vietnam",
    "Japan",
    "COVAX",
    "will donate",
    "delivered",
    "1 million doses of",
    "Sinopharm vaccine",
    "AstraZeneca",
    "to",
    "on June 5",
    "December 31",
    "February 29",
    "June 5, 9999",
    "yesterday",
    "last Friday",
    "held talks with",
    "Prime Minister",
    ".",
    "\n",
    "\ud83d",
    "\udc00",
]
_DATES = ["on June 5", "on December 31", "on February 29", "on June 5, 9999", "yesterday",
          "last Friday", "on Dec. 31, 2021", ""]  # fmt: skip
_any_char = st.one_of(
    st.characters(exclude_categories=()),  # every code point, surrogates allowed
    st.characters(categories=["Cs"]),  # and lone surrogates often
)
_noise = st.text(_any_char, max_size=12)
_sentences = st.tuples(
    st.sampled_from(["China", "Japan", "India", "The United States", "COVAX"]),
    st.sampled_from(["will donate", "delivered", "sent", "has pledged", "sold"]),
    st.sampled_from(["1 million doses of", "500,000 doses of", "two million"]),
    st.sampled_from(["Sinopharm vaccine", "AstraZeneca vaccines", "Pfizer shots", "vaccine"]),
    st.sampled_from(["to Vietnam", "to Laos", "to Cambodia", "to the Philippines"]),
    st.sampled_from(_DATES),
    _noise,
).map(lambda parts: " ".join(parts) + ".")
_texts = st.lists(st.one_of(_sentences, st.sampled_from(_PHRASES), _noise), max_size=12).map(
    " ".join
)
_published = st.one_of(
    st.none(),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(2021, 3, 1)]),
)
_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _replaced(text: str) -> str:
    """The text the offsets refer to: lone surrogates replaced one for one."""
    return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


@_SETTINGS
@given(text=_texts, published=_published)
def test_properties_extract_returns_or_raises_a_documented_error(rules_extractor, text, published):
    try:
        result = rules_extractor.extract(text, published=published, doc_id="p")
    except DOCUMENTED:
        return
    assert isinstance(result, Extraction)
    assert result.doc_id == "p"


@_SETTINGS
@given(text=_texts, published=_published)
def test_properties_offsets_point_at_their_text(rules_extractor, text, published):
    result = rules_extractor.extract(text, published=published)
    if any("[W003]" in w for w in result.warnings):
        return  # stripped HTML: offsets refer to the stripped text
    given_text = _replaced(text)
    for event in result.events:
        for ev in event.evidence:
            assert given_text[ev.start : ev.end] == ev.text
    for mention in result.mentions:
        assert given_text[mention.start : mention.end] == mention.text


@_SETTINGS
@given(text=_texts, published=_published)
def test_properties_json_round_trip_is_equal(rules_extractor, text, published):
    result = rules_extractor.extract(text, published=published, doc_id="rt")
    assert Extraction.model_validate_json(result.model_dump_json()) == result


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    items=st.lists(
        st.tuples(
            st.one_of(st.none(), st.text(max_size=5), st.integers()),
            st.one_of(_texts, st.none(), st.binary(max_size=8)),
            _published,
        ),
        max_size=4,
    )
)
def test_properties_extract_many_equals_extract_item_by_item(rules_extractor, items):
    results = list(rules_extractor.extract_many(items))
    assert len(results) == len(items)
    for index, ((doc_id, text, published), result) in enumerate(zip(items, results, strict=True)):
        try:
            expected = rules_extractor.extract(text, published=published, doc_id=doc_id)
        except DOCUMENTED as err:
            assert isinstance(result, DocumentFailure)
            assert (result.index, result.error) == (index, type(err).__name__)
        else:
            assert result == expected
