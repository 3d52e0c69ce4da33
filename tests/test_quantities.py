"""Tests for vaxdiplo.quantities: dose counts, money and number parsing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vaxdiplo import quantities
from vaxdiplo.quantities import MoneyMention, Quantity, find_doses, find_money, parse_number


def only_dose(text: str) -> Quantity:
    found = find_doses(text)
    assert len(found) == 1, found
    return found[0]


def only_money(text: str) -> MoneyMention:
    found = find_money(text)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------- doses


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("The country received 1.54 million doses from Japan.", 1_540_000, "1.54 million doses"),
        ("Tokyo sent one million doses by air.", 1_000_000, "one million doses"),
        ("Seoul pledged a million doses.", 1_000_000, "a million doses"),
        ("Canberra gave half a million doses.", 500_000, "half a million doses"),
        ("The firm shipped two hundred thousand doses.", 200_000, "two hundred thousand doses"),
        ("The EU donated 1 million doses.", 1_000_000, "1 million doses"),
        ("A further 0.5 million doses were flown in.", 500_000, "0.5 million doses"),
        ("Beijing delivered 15 million Sinovac doses.", 15_000_000, "15 million Sinovac doses"),
        (
            "Washington bought 500 million Pfizer coronavirus vaccine doses.",
            500_000_000,
            "500 million Pfizer coronavirus vaccine doses",
        ),
        ("The plan covers 200 million shots.", 200_000_000, "200 million shots"),
        ("London gave 1.2 million jabs.", 1_200_000, "1.2 million jabs"),
        ("Moscow offered 2 million vaccines.", 2_000_000, "2 million vaccines"),
        ("Ottawa shared 2 million vaccine doses.", 2_000_000, "2 million vaccine doses"),
        ("Wellington sent 1.8m doses.", 1_800_000, "1.8m doses"),
        ("The state got 3 lakh doses.", 300_000, "3 lakh doses"),
        ("The state got 3,00,000 doses.", 300_000, "3,00,000 doses"),
        ("Delhi released 1 crore doses.", 10_000_000, "1 crore doses"),
        ("The agency holds 1,000,000 doses.", 1_000_000, "1,000,000 doses"),
        ("Paris pledged twenty million doses.", 20_000_000, "twenty million doses"),
        ("Japan To Donate 1 Million AstraZeneca Doses", 1_000_000, "1 Million AstraZeneca Doses"),
        ("TOKYO SENDS 2.5 MILLION DOSES", 2_500_000, "2.5 MILLION DOSES"),
        ("Madrid sent twenty-five thousand doses.", 25_000, "twenty-five thousand doses"),
        ("A batch of 2 million doses of Moderna landed.", 2_000_000, "2 million doses"),
        ("It bought 1.9 million doses of Sinopharm.", 1_900_000, "1.9 million doses"),
        ("Berlin promised an additional 20 million doses.", 20_000_000, "20 million doses"),
        ("Rome sent another 1 million doses.", 1_000_000, "1 million doses"),
        ("Officials handed over 1 million doses.", 1_000_000, "1 million doses"),
        ("The lab can fill 12 doses per vial.", 12, "12 doses"),
        (
            "The Union health ministry has asked global vaccine alliance GAVI to supply 5 crore "
            "of the allocated 10 crore doses of Covishield to India",
            50_000_000,
            "5 crore of the allocated 10 crore doses",
        ),
        ("It gave 200,000 of the 1 million doses.", 200_000, "200,000 of the 1 million doses"),
    ],
)
def test_quantities_doses_exact(text: str, value: int, span: str) -> None:
    q = only_dose(text)
    assert (q.value, q.text, q.approximate, q.cumulative, q.unit) == (
        value,
        span,
        False,
        False,
        "doses",
    )
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("text", "value", "span"),
    [
        ("The shipment held nearly 400,000 doses.", 400_000, "nearly 400,000 doses"),
        ("Japan sent more than 1.3 million doses.", 1_300_000, "more than 1.3 million doses"),
        ("Officials expect over 18 million doses.", 18_000_000, "over 18 million doses"),
        ("It received about 1.2 million doses.", 1_200_000, "about 1.2 million doses"),
        ("Some 3 million doses arrived.", 3_000_000, "Some 3 million doses"),
        ("India will export up to 5 million doses.", 5_000_000, "up to 5 million doses"),
    ],
)
def test_quantities_doses_approximate(text: str, value: int, span: str) -> None:
    q = only_dose(text)
    assert (q.value, q.text, q.approximate) == (value, span, True)


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        ("This batch brings the total to 5.6 million doses.", True),
        ("Japan has so far delivered 4.08 million doses to the region.", True),
        ("The country has received a total of 3 million doses.", True),
        ("It has given 3 million doses to date.", True),
        ("It has handed out 3 million doses so far.", True),
        ("Deliveries have reached 2 million doses.", True),
        ("It received 9 million doses in total.", True),
        ("The cumulative figure stood at 7 million doses.", True),
        ("Japan gave 1 million doses on Friday.", False),
        ("The firm shipped 2 million doses, its largest lot.", False),
    ],
)
def test_quantities_doses_cumulative(text: str, cumulative: bool) -> None:
    assert only_dose(text).cumulative is cumulative


def test_quantities_doses_cumulative_is_local() -> None:
    text = "Japan has so far delivered 4 million doses. On Friday it pledged 1 million doses."
    assert [q.cumulative for q in find_doses(text)] == [True, False]


def test_quantities_doses_part_of_a_whole_is_one_count() -> None:
    """ "5 crore of the allocated 10 crore doses": the part, and not the whole besides."""
    found = find_doses("to supply 5 crore of the allocated 10 crore doses of Covishield")
    assert [q.value for q in found] == [50_000_000]
    assert [q.value for q in find_doses("received 2 million doses and 3 million doses")] == [
        2_000_000,
        3_000_000,
    ]


def test_quantities_doses_several_in_sorted_order() -> None:
    text = "China gave 1 million doses, Russia 2 million Sputnik V doses and India 500,000 shots."
    found = find_doses(text)
    assert [q.value for q in found] == [1_000_000, 2_000_000, 500_000]
    assert [q.start for q in found] == sorted(q.start for q in found)


@pytest.mark.parametrize(
    "text",
    [
        "About 1.2 million of its 96 million population are covered.",
        "The province recorded 5,250 infections.",
        "Some 70 percent of adults are vaccinated.",
        "Volunteers got two doses in the study.",
        "He received a second dose on Monday.",
        "It is a two-dose vaccine.",
        "People who got 2 doses are protected.",
        "The regimen requires 3 doses.",
        "About 400,000 people received doses last week.",
        "Covid-19 vaccine doses are scarce.",
        "Covid 19 vaccines are scarce.",
        "The firm makes vaccines.",
        "The batch of Moderna doses arrived.",
        "",
    ],
)
def test_quantities_doses_negative_cases(text: str) -> None:
    assert find_doses(text) == []


# --------------------------------------------------------------------------- money


@pytest.mark.parametrize(
    ("text", "amount", "currency", "span"),
    [
        ("The bank lent $500,000 to the clinic.", 500_000, "USD", "$500,000"),
        ("It pledged US$1 billion for vaccines.", 1e9, "USD", "US$1 billion"),
        ("A grant of USD 5 million was approved.", 5e6, "USD", "USD 5 million"),
        ("The fund got US$ 20m.", 20e6, "USD", "US$ 20m"),
        ("Washington gave $30 million.", 30e6, "USD", "$30 million"),
        ("Washington gave $30M.", 30e6, "USD", "$30M"),
        ("Brussels added €100 million.", 100e6, "EUR", "€100 million"),
        ("Brussels added EUR 5 million.", 5e6, "EUR", "EUR 5 million"),
        ("London committed £2bn.", 2e9, "GBP", "£2bn"),
        ("The fund raised VND2 trillion.", 2e12, "VND", "VND2 trillion"),
        ("The fund raised VND 2 trillion.", 2e12, "VND", "VND 2 trillion"),
        ("Citizens gave 2 trillion dong.", 2e12, "VND", "2 trillion dong"),
        ("Tokyo granted 1 billion yen.", 1e9, "JPY", "1 billion yen"),
        ("Tokyo granted ¥1 billion.", 1e9, "JPY", "¥1 billion"),
        ("Beijing granted 100 million yuan.", 100e6, "CNY", "100 million yuan"),
        ("The state set aside Rs 100 crore.", 1e9, "INR", "Rs 100 crore"),
        ("The state set aside ₹50 crore.", 5e8, "INR", "₹50 crore"),
        ("Canberra gave A$10 million.", 10e6, "AUD", "A$10 million"),
        ("Ottawa gave C$5 million.", 5e6, "CAD", "C$5 million"),
        ("The city-state gave S$3 million.", 3e6, "SGD", "S$3 million"),
        ("The territory gave HK$2 million.", 2e6, "HKD", "HK$2 million"),
        ("Taipei gave NT$5 billion.", 5e9, "TWD", "NT$5 billion"),
        ("Brasilia paid R$1 billion.", 1e9, "BRL", "R$1 billion"),
        ("Moscow spent 100 million rubles.", 100e6, "RUB", "100 million rubles"),
        ("Bangkok spent 5 billion baht.", 5e9, "THB", "5 billion baht"),
        ("Mexico paid 2 million Mexican pesos.", 2e6, "MXN", "2 million Mexican pesos"),
        ("Manila paid 3 billion Philippine pesos.", 3e9, "PHP", "3 billion Philippine pesos"),
        (
            "The donors gave 10 million Australian dollars.",
            10e6,
            "AUD",
            "10 million Australian dollars",
        ),
        ("The donors gave 5 million dollars.", 5e6, "USD", "5 million dollars"),
        ("The donors gave 5 million pounds sterling.", 5e6, "GBP", "5 million pounds sterling"),
        ("Beijing offered RMB 10 million.", 10e6, "CNY", "RMB 10 million"),
        ("Tokyo offered one billion yen.", 1e9, "JPY", "one billion yen"),
        ("The fund needs a billion dollars.", 1e9, "USD", "a billion dollars"),
        ("The bank lent 250 million USD.", 250e6, "USD", "250 million USD"),
    ],
)
def test_quantities_money(text: str, amount: float, currency: str, span: str) -> None:
    m = only_money(text)
    assert (m.amount, m.currency, m.text) == (amount, currency, span)
    assert text[m.start : m.end] == m.text


def test_quantities_money_yen_sign_means_yuan_in_chinese_context() -> None:
    text = "China gave ¥1 billion, worth about 100 million yuan."
    assert [(m.amount, m.currency) for m in find_money(text)] == [(1e9, "CNY"), (1e8, "CNY")]


@pytest.mark.parametrize(
    "text",
    [
        "Coverage reached 70 percent.",
        "Coverage reached 70%.",
        "Global doses surpassed billion mark.",
        "The country got 1 billion doses.",
        "It paid 20 million pesos.",  # which peso is unknown
        "The plane carried 2 million pounds of cargo.",
        "The team won 3 games.",
        "",
    ],
)
def test_quantities_money_negative_cases(text: str) -> None:
    assert find_money(text) == []


# --------------------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.54 million", 1_540_000),
        ("one million", 1_000_000),
        ("half a million", 500_000),
        ("two hundred thousand", 200_000),
        ("one hundred and fifty thousand", 150_000),
        ("1,000,000", 1_000_000),
        ("1.8m", 1_800_000),
        ("3 lakh", 300_000),
        ("2 crore", 20_000_000),
        ("20bn", 20_000_000_000),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("one and a half million", 1_500_000),
        ("  42 ", 42),
    ],
)
def test_quantities_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text", ["", "doses", "million", "1.2.3", "1 million doses", "twenty-", "a"]
)
def test_quantities_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


# --------------------------------------------------------------------------- properties


@given(n=st.integers(min_value=1, max_value=10**9))
def test_quantities_doses_property_thousands_separators(n: int) -> None:
    text = f"{n:,} doses"
    found = find_doses(text)
    assert [q.value for q in found] == [n]
    assert found[0].text == text


@given(
    amount=st.one_of(
        st.integers(min_value=1, max_value=10**12).map(lambda n: (f"{n:,}", float(n))),
        st.integers(min_value=1, max_value=10**12).map(lambda n: (str(n), float(n))),
        st.decimals(min_value=Decimal("0.01"), max_value=10**9, places=2).map(
            lambda d: (f"{d:,.2f}", float(d))
        ),
    ),
    scale=st.sampled_from([("", 1), (" million", 10**6), (" billion", 10**9)]),
)
def test_quantities_money_property_dollars(
    amount: tuple[str, float], scale: tuple[str, int]
) -> None:
    written, value = amount
    word, factor = scale
    text = f"The grant of ${written}{word} was approved."
    found = find_money(text)
    assert len(found) == 1
    assert found[0].currency == "USD"
    assert found[0].amount == pytest.approx(value * factor, rel=1e-12)
    if not word:
        assert found[0].amount == value


@given(text=st.text())
def test_quantities_find_never_raises_and_spans_match(text: str) -> None:
    for q in find_doses(text):
        assert text[q.start : q.end] == q.text
        assert q.value > 0
    for m in find_money(text):
        assert text[m.start : m.end] == m.text
    parse_number(text)


@given(
    text=st.lists(
        st.sampled_from(
            [
                "1.5",
                "million",
                "doses",
                "$",
                "US$",
                "2,000",
                "nearly",
                "a",
                "half",
                "of",
                "yen",
                "shots",
                " ",
                ",",
            ]
        )
    ).map(" ".join)
)
def test_quantities_find_on_number_like_text(text: str) -> None:
    for q in find_doses(text):
        assert text[q.start : q.end] == q.text
    for m in find_money(text):
        assert text[m.start : m.end] == m.text


def test_quantities_module_exports() -> None:
    assert set(quantities.__all__) == {
        "MoneyMention",
        "Quantity",
        "find_doses",
        "find_money",
        "parse_number",
    }
