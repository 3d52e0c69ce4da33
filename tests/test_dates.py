"""Tests for vaxdiplo.dates: finding and resolving date expressions."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vaxdiplo import dates
from vaxdiplo.dates import DateMention, find_dateline, find_dates, parse_published, resolve_date

SAT = dt.date(2021, 6, 5)  # a Saturday
WED = dt.date(2021, 6, 2)  # a Wednesday
WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def only(text: str, published: dt.date | None) -> DateMention:
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("text", "published", "expected", "span"),
    [
        ("The two leaders spoke on Friday.", SAT, dt.date(2021, 6, 4), "Friday"),
        ("The minister arrived on Wednesday.", WED, WED, "Wednesday"),
        (
            "The shipment landed Friday morning in the capital.",
            SAT,
            dt.date(2021, 6, 4),
            "Friday morning",
        ),
        ("Officials signed the deal late Wednesday night.", SAT, WED, "late Wednesday night"),
        (
            "He called his counterpart on Monday afternoon.",
            SAT,
            dt.date(2021, 5, 31),
            "Monday afternoon",
        ),
        ("The request was made last Tuesday.", SAT, dt.date(2021, 6, 1), "last Tuesday"),
        ("The regulator met this Thursday.", SAT, dt.date(2021, 6, 3), "this Thursday"),
        ("The plane touched down Saturday.", SAT, SAT, "Saturday"),
        ("The plane touched down Sunday.", SAT, dt.date(2021, 5, 30), "Sunday"),
        ("The agency approved it on Friday, officials said.", None, None, "Friday"),
    ],
)
def test_dates_weekday_resolves_on_or_before_published(
    text: str, published: dt.date | None, expected: dt.date | None, span: str
) -> None:
    mention = only(text, published)
    assert mention.kind == "weekday"
    assert mention.text == span
    assert mention.value == expected


def test_dates_last_weekday_on_same_weekday_is_previous_week() -> None:
    assert resolve_date("last Wednesday", WED) == dt.date(2021, 5, 26)


@pytest.mark.parametrize(
    "text",
    [
        "The next batch arrives next Monday.",
        "Talks are planned for next Friday.",
        "The jabs will start this coming Tuesday.",
    ],
)
def test_dates_future_weekday_is_vague(text: str) -> None:
    mention = only(text, SAT)
    assert mention.kind == "vague"
    assert mention.value is None


@pytest.mark.parametrize(
    "text",
    [
        "Clinics open on Fridays only.",
        pytest.param(
            "The Sunday Times reported on the vaccine.",
            marks=pytest.mark.xfail(
                reason="newspaper titles holding a weekday name are not recognised"
            ),
        ),
        "They may march to the ministry.",
        "friday is lower case here",
    ],
)
def test_dates_weekday_negative_cases(text: str) -> None:
    assert find_dates(text, SAT) == []


# --------------------------------------------------------------------------- relative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vaccines arrived yesterday.", dt.date(2021, 6, 4)),
        ("Yesterday the ministry approved it.", dt.date(2021, 6, 4)),
        ("The doses arrived today.", SAT),
        ("The premier said this morning that talks went well.", SAT),
        ("He will speak tonight.", SAT),
        ("The agency confirmed earlier today that it agreed.", SAT),
        ("The deal was signed the day before yesterday.", dt.date(2021, 6, 3)),
        ("The plane landed three days ago.", dt.date(2021, 6, 2)),
    ],
)
def test_dates_relative_words(text: str, expected: dt.date) -> None:
    mention = only(text, SAT)
    assert mention.kind == "relative"
    assert mention.value == expected
    assert only(text, None).value is None


# --------------------------------------------------------------------------- explicit days


@pytest.mark.parametrize(
    ("text", "published", "expected", "span"),
    [
        ("The jabs arrived on June 3.", SAT, dt.date(2021, 6, 3), "June 3"),
        ("The jabs arrived on 3 June.", SAT, dt.date(2021, 6, 3), "3 June"),
        ("It was approved on June 16, 2021.", None, dt.date(2021, 6, 16), "June 16, 2021"),
        ("It was approved on 16 June 2021.", None, dt.date(2021, 6, 16), "16 June 2021"),
        ("Talks began Jan. 12 in Tokyo.", dt.date(2021, 2, 1), dt.date(2021, 1, 12), "Jan. 12"),
        ("The pledge came on Sept 25.", dt.date(2021, 10, 1), dt.date(2021, 9, 25), "Sept 25"),
        ("The batch was released on 2021-06-04.", None, dt.date(2021, 6, 4), "2021-06-04"),
        ("The batch was released on 2021/6/4.", None, dt.date(2021, 6, 4), "2021/6/4"),
        (
            "The order was placed on December 31.",
            dt.date(2021, 1, 13),
            dt.date(2020, 12, 31),
            "December 31",
        ),
        ("The jabs are due on June 10.", SAT, dt.date(2021, 6, 10), "June 10"),  # within a week
        ("The meeting was held on June 20.", SAT, dt.date(2020, 6, 20), "June 20"),  # too far ahead
        (
            "It was signed on Friday, June 4, 2021.",
            None,
            dt.date(2021, 6, 4),
            "Friday, June 4, 2021",
        ),
        ("The deal was reached on the 4th of June.", SAT, dt.date(2021, 6, 4), "the 4th of June"),
        ("The vial arrived on June 3.", None, None, "June 3"),
    ],
)
def test_dates_explicit_day(
    text: str, published: dt.date | None, expected: dt.date | None, span: str
) -> None:
    mention = only(text, published)
    assert mention.kind == "day"
    assert mention.text == span
    assert mention.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministry reported on 4/6/2021 that doses arrived.",  # day-month order unknown
        "About 2021 doses were given.",
        "It received May 5 million doses.",
        "Covid-19 cases rose 12 percent.",
        "The clinic opens at 10:30.",
        "The vaccine may arrive soon.",
    ],
)
def test_dates_explicit_day_negative_cases(text: str) -> None:
    assert [m for m in find_dates(text, SAT) if m.kind == "day"] == []


# --------------------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The fair ran from September 25 to 28.", dt.date(2021, 9, 30), dt.date(2021, 9, 25)),
        ("The fair ran from September 25 to 28.", None, None),
        ("The talks ran September 25-28.", dt.date(2021, 9, 30), dt.date(2021, 9, 25)),
        ("The talks ran 25-28 September.", dt.date(2021, 9, 30), dt.date(2021, 9, 25)),
        ("They met between June 1 and 3.", SAT, dt.date(2021, 6, 1)),
        ("The visit lasted from June 30 to July 2.", dt.date(2021, 7, 3), dt.date(2021, 6, 30)),
        ("The summit took place June 30 to July 2, 2021.", None, dt.date(2021, 6, 30)),
    ],
)
def test_dates_range_gives_first_day(
    text: str, published: dt.date | None, expected: dt.date | None
) -> None:
    mention = only(text, published)
    assert mention.kind == "range"
    assert mention.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "The jabs arrived on June 16 to 3 provinces.",
        "It reached June 5 - 10 million doses in all.",
    ],
)
def test_dates_range_negative_cases(text: str) -> None:
    assert [m for m in find_dates(text, SAT) if m.kind == "range"] == []


# --------------------------------------------------------------------------- vague


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("The ministry approved the vaccine last week.", "last week", "vague"),
        ("Officials said earlier this month it was ready.", "earlier this month", "vague"),
        ("A second batch is due this week.", "this week", "vague"),
        ("More doses come next week.", "next week", "vague"),
        ("The lots were flown in over the weekend.", "over the weekend", "vague"),
        ("The contract was signed last month.", "last month", "vague"),
        ("The plant opened in March.", "in March", "month"),
        ("Trials began in April 2021.", "in April 2021", "month"),
        ("The country recently approved the jab.", "recently", "vague"),
        (
            "Output will grow in the first half of next year.",
            "in the first half of next year",
            "vague",
        ),
        ("All adults will be covered by the end of the year.", "by the end of the year", "vague"),
        ("The target for this year is modest.", "this year", "vague"),
        ("The shots arrived in late April.", "in late April", "vague"),
        ("More will come in the coming days.", "in the coming days", "vague"),
        ("The deal should close within this month.", "within this month", "vague"),
        ("The factory has operated since 2019.", "since 2019", "year"),
        ("The first lots came in 2021.", "in 2021", "year"),
    ],
)
def test_dates_vague_expressions_found_without_value(text: str, phrase: str, kind: str) -> None:
    mention = only(text, SAT)
    assert mention.text == phrase
    assert mention.kind == kind
    assert mention.value is None
    assert resolve_date(phrase, SAT) is None


@pytest.mark.parametrize(
    "text",
    [
        "Thousands march in protest.",
        "The regulator may grant approval.",
        "The firm announced a weekly update.",
    ],
)
def test_dates_vague_negative_cases(text: str) -> None:
    assert find_dates(text, SAT) == []


# --------------------------------------------------------------------------- find_dates shape


def test_dates_mentions_sorted_and_non_overlapping() -> None:
    text = (
        "On Friday, June 4, 2021 the first lot came; another arrived yesterday, and more last week."
    )
    mentions = find_dates(text, SAT)
    assert [m.text for m in mentions] == ["Friday, June 4, 2021", "yesterday", "last week"]
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_dates_find_dates_empty_text() -> None:
    assert find_dates("", SAT) == []


# --------------------------------------------------------------------------- resolve_date


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on Friday", SAT, dt.date(2021, 6, 4)),
        ("on Friday", None, None),
        ("yesterday", SAT, dt.date(2021, 6, 4)),
        ("from September 25 to 28", dt.date(2021, 9, 30), dt.date(2021, 9, 25)),
        ("from September 25 to 28", None, None),
        ("December 31", dt.date(2021, 1, 13), dt.date(2020, 12, 31)),
        ("June 16, 2021", None, dt.date(2021, 6, 16)),
        ("5.6.2021", SAT, None),  # ambiguous order
        ("20.06.2021", SAT, dt.date(2021, 6, 20)),  # handed to dateparser
        ("last week", SAT, None),
        ("next Monday", SAT, None),
        ("in March", SAT, None),
        ("", SAT, None),
        ("no date here", SAT, None),
    ],
)
def test_dates_resolve_date(
    expression: str, published: dt.date | None, expected: dt.date | None
) -> None:
    assert resolve_date(expression, published) == expected


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("text", "expected", "span"),
    [
        (
            " date 2021-06-05 A nurse holds a vial in Hue, May 13, 2021. Photo by a staffer.",
            dt.date(2021, 6, 5),
            "date 2021-06-05",
        ),
        (
            "Leaders agree on closer ties\n2021/6/5 6:49\nThe premier said ...",
            dt.date(2021, 6, 5),
            "2021/6/5 6:49",
        ),
        (
            "By a reporter\nAugust 10, 2021 | 09:22 pm PT\nText.",
            dt.date(2021, 8, 10),
            "August 10, 2021 | 09:22 pm PT",
        ),
        (
            "# Headline\n# 21 January 2021 19:16 (UTC +04:00)\nBody.",
            dt.date(2021, 1, 21),
            "21 January 2021 19:16 (UTC +04:00)",
        ),
        (
            "Thursday, September 2, 2021\nHanoi -- the jabs came.",
            dt.date(2021, 9, 2),
            "Thursday, September 2, 2021",
        ),
        (
            "Health desk\nPublished: 12 March 2021\nThe agency ...",
            dt.date(2021, 3, 12),
            "Published: 12 March 2021",
        ),
        (
            "Updated 2021-03-12T10:00Z\nThe agency ...",
            dt.date(2021, 3, 12),
            "Updated 2021-03-12T10:00Z",
        ),
        ("Wire service | June 5, 2021\nText.", dt.date(2021, 6, 5), "June 5, 2021"),
    ],
)
def test_dates_dateline_found(text: str, expected: dt.date, span: str) -> None:
    result = find_dateline(text)
    assert result is not None
    value, start, end = result
    assert value == expected
    assert text[start:end] == span


def test_dates_dateline_prefers_earlier_dateline_to_caption() -> None:
    text = (
        "Pact signed\n2021/6/5 6:49\n"
        "A nurse gives a shot at a clinic in Hue, May 13, 2021. Photo by a staffer."
    )
    assert find_dateline(text) == (dt.date(2021, 6, 5), 12, 25)


@pytest.mark.parametrize(
    "text",
    [
        "A nurse gives a shot at a clinic in Hue, May 13, 2021. Photo by a staffer.",
        "The ministry said the lots were delivered on June 3, 2021 in the capital.",
        "No dates at all in this text.",
        "The total to date 2021 doses.",
        "x" * 500 + "\n2021-06-05\n",  # beyond the head of the article
        "",
    ],
)
def test_dates_dateline_absent(text: str) -> None:
    assert find_dateline(text) is None


# --------------------------------------------------------------------------- parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (dt.date(2021, 6, 5), dt.date(2021, 6, 5)),
        (dt.datetime(2021, 6, 5, 23, 59), dt.date(2021, 6, 5)),
        ("2021-06-05", dt.date(2021, 6, 5)),
        ("2021-06-05T10:00:00Z", dt.date(2021, 6, 5)),
        ("2021-06-05 10:00", dt.date(2021, 6, 5)),
        (" 2021-06-05 ", dt.date(2021, 6, 5)),
    ],
)
def test_dates_parse_published_accepts(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("not a date", ValueError),
        ("2021-13-45", ValueError),
        ("", ValueError),
        ("June 5, 2021", ValueError),
        (20210605, TypeError),
        ([2021, 6, 5], TypeError),
        (3.5, TypeError),
    ],
)
def test_dates_parse_published_rejects(value: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        parse_published(value)
    assert repr(value) in str(info.value)


# --------------------------------------------------------------------------- properties


@given(
    published=st.dates(min_value=dt.date(1990, 1, 8), max_value=dt.date(2090, 12, 31)),
    weekday=st.sampled_from(WEEKDAY_NAMES),
    prefix=st.sampled_from(["", "on ", "this ", "late ", "early "]),
    suffix=st.sampled_from(["", " morning", " afternoon", " evening", " night"]),
)
def test_dates_weekday_property(published: dt.date, weekday: str, prefix: str, suffix: str) -> None:
    value = resolve_date(f"{prefix}{weekday}{suffix}", published)
    assert value is not None
    assert published - dt.timedelta(days=6) <= value <= published
    assert value.weekday() == WEEKDAY_NAMES.index(weekday)


@given(published=st.one_of(st.none(), st.dates()), text=st.text())
def test_dates_find_dates_never_raises_and_spans_match(
    published: dt.date | None, text: str
) -> None:
    for mention in find_dates(text, published):
        assert text[mention.start : mention.end] == mention.text
    result = find_dateline(text)
    if result is not None:
        assert 0 <= result[1] < result[2] <= len(text)


@given(
    published=st.one_of(st.none(), st.dates()),
    text=st.lists(
        st.sampled_from(
            [
                "on",
                "Friday",
                "June",
                "16",
                "2021",
                "to",
                "28",
                "-",
                "last",
                "week",
                "in",
                "March",
                ", ",
                " ",
                ".",
            ]
        )
    ).map(" ".join),
)
def test_dates_find_dates_on_date_like_text(published: dt.date | None, text: str) -> None:
    mentions = find_dates(text, published)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.text
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start


def test_dates_module_exports() -> None:
    assert set(dates.__all__) >= {
        "DateMention",
        "find_dates",
        "resolve_date",
        "find_dateline",
        "parse_published",
    }


_DATE_PIECES = st.lists(
    st.sampled_from(
        ["June", "February", "April", "Sept.", "Feb.", "FEBRUARY", "Monday,", "5", "28", "29",
         "30", "31", "32", "29th", "31st", "030", "2021", "2020", "9999", "0001", "1899",
         "12345", "of", ",", " ", "the", "th", "x", "\n"]
    ),
    max_size=14,
).map(" ".join)  # fmt: skip


@given(_DATE_PIECES, st.sampled_from([None, dt.date(2021, 3, 1), dt.date(2020, 3, 1)]))
def test_dates_warning_prechecks_change_no_warning(text, published):
    """The cheap tests that skip the day patterns (no day 29-31 by a month, no odd four digits)
    give the same warnings as running the patterns over every text."""
    import re

    from vaxdiplo import date_checks

    fast = date_checks.date_warnings(text, published)
    always = re.compile("")
    saved = date_checks._late_date, dates._FOUR_DIGITS
    try:
        date_checks._late_date, dates._FOUR_DIGITS = (lambda text: True), always
        assert date_checks.date_warnings(text, published) == fast
    finally:
        date_checks._late_date, dates._FOUR_DIGITS = saved


_FINDER_PIECES = st.lists(
    st.sampled_from(
        ["June", "june", "May", "may", "MARCH", "Sept.", "Jan", "Monday", "monday", "TUESDAY",
         "Sunday,", "5", "12", "31st", "2021", "1999", "2021-03-05", "2020/12/1", "9999", "in",
         "since", "last", "next", "early", "mid-", "the", "of", "yesterday", "today", "days",
         "ago", "week", "this", "month", "year", "to", "-", ",", "million", "doses", "\n"]
    ),
    max_size=12,
).map(" ".join)  # fmt: skip


@given(_FINDER_PIECES, st.sampled_from([None, dt.date(2021, 3, 1)]))
def test_dates_stem_prechecks_change_no_date(text, published):
    """The cheap tests before the month, weekday and year patterns (a capitalised month
    or weekday stem, a year's digits) find the same dates as running every pattern."""
    from vaxdiplo import date_checks

    fast = dates.find_dates(text, published), date_checks.date_warnings(text, published)
    always = re.compile("")
    saved = dates._MONTH_STEMS, dates._WEEKDAY_STEMS, dates._YEARISH, date_checks._MONTH_STEMS
    try:
        dates._MONTH_STEMS = dates._WEEKDAY_STEMS = dates._YEARISH = always
        date_checks._MONTH_STEMS = always
        slow = dates.find_dates(text, published), date_checks.date_warnings(text, published)
    finally:
        dates._MONTH_STEMS, dates._WEEKDAY_STEMS, dates._YEARISH = saved[:3]
        date_checks._MONTH_STEMS = saved[3]
    assert fast == slow


_DATELINE_PIECES = st.lists(
    st.sampled_from(
        ["Published:", "Poſted", "UPDATED", "date", "June 5, 2021", "2021-06-05", "2021/6/5",
         "5 June 2021", "10:30", "9.45 pm", "T10:30Z", "|", "Reuters", "HANOI", "-", ",", "\n",
         " ", "on", "to"]
    ),
    max_size=12,
).map(" ".join)  # fmt: skip


@given(_DATELINE_PIECES)
def test_dates_dateline_prechecks_change_no_dateline(text):
    """The cheap tests before the dateline patterns (a marker word, a clock time, a bar)
    find the dateline that running every pattern finds."""
    fast = dates._dateline_in_head.__wrapped__(text)
    saved = dates._DATELINE_NEEDS
    try:
        dates._DATELINE_NEEDS = [lambda head: True] * len(saved)
        assert dates._dateline_in_head.__wrapped__(text) == fast
    finally:
        dates._DATELINE_NEEDS = saved


def test_dates_stem_prechecks_positive_and_negative():
    assert dates._MONTH_STEMS.search("on Sept. 5") and dates._MONTH_STEMS.search("JUNE 5")
    assert dates._MONTH_STEMS.search("they may meet") is None
    assert dates._WEEKDAY_STEMS.search("on Monday") and not dates._WEEKDAY_STEMS.search("today")
    assert dates._YEARISH.search("in 2021") and not dates._YEARISH.search("5,000 doses")
    assert [d.value for d in dates.find_dates("on Monday, June 7, 2021", None)] == [
        dt.date(2021, 6, 7)
    ]


def test_dates_warning_prechecks_positive_and_negative():
    from vaxdiplo.date_checks import date_warnings

    assert len(date_warnings("It arrived on February 29, 2021.", None)) == 1
    assert len(date_warnings("It arrived on June 5, 9999.", None)) == 1
    assert date_warnings("It arrived on February 28, 2021 and June 5, 2021.", None) == []
    for text in ("It came on April the 31st, 2021.", "It came on the 31st of April 2021.",
                 "It came on 30 Feb. 2021.", "It came on April\n\n   31, 2021."):  # fmt: skip
        assert len(date_warnings(text, None)) == 1, text
    assert date_warnings("It came on April 30, 2021; 31 doses, 2029 vials.", None) == []
