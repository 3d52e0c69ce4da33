"""Quantity normalisation: vaccine dose counts, sums of money and spelled-out numbers.

* :func:`find_doses` finds counts of vaccine doses ("1.54 million doses", "half a
  million shots", "3 lakh doses"), marks approximate ones ("more than ...") and running
  totals ("bringing the total to ...");
* :func:`find_money` finds sums of money with their ISO 4217 currency ("US$1 billion",
  "VND2 trillion", "Rs 100 crore");
* :func:`parse_number` turns one number expression into a float.

All matching is done with precompiled regular expressions; amounts are computed with
:class:`decimal.Decimal` so that "1.54 million" is exactly 1540000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["MoneyMention", "Quantity", "find_doses", "find_money", "parse_number"]


@dataclass(frozen=True)
class Quantity:
    """A count found in a text.

    Attributes:
        start: Offset of the first character in the searched string.
        end: Offset one past the last character.
        text: ``string[start:end]``.
        value: The count.
        approximate: The text hedges the count ("nearly", "more than", "about").
        cumulative: The count is a running total ("bringing the total to ...",
            "so far", "to date").
        unit: What is counted; ``"doses"``.
    """

    start: int
    end: int
    text: str
    value: int
    approximate: bool
    cumulative: bool
    unit: str


@dataclass(frozen=True)
class MoneyMention:
    """A sum of money found in a text.

    Attributes:
        start: Offset of the first character in the searched string.
        end: Offset one past the last character.
        text: ``string[start:end]``.
        amount: The amount in units of ``currency``.
        currency: ISO 4217 code.
    """

    start: int
    end: int
    text: str
    amount: float
    currency: str


# --------------------------------------------------------------------------- numbers

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "lakh": 100_000, "lakhs": 100_000,
    "lac": 100_000, "lacs": 100_000, "million": 10**6, "millions": 10**6, "mn": 10**6,
    "mln": 10**6, "m": 10**6, "crore": 10**7, "crores": 10**7, "billion": 10**9,
    "bn": 10**9, "bln": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12, "dozen": 12,
}  # fmt: skip
_BIG_SCALES = (
    "thousand",
    "million",
    "billion",
    "trillion",
    "lakh",
    "lakhs",
    "lac",
    "lacs",
    "crore",
    "crores",
)

_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,000,000
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # 3,00,000 (Indian grouping)
    r"|\d{1,3}(?: \d{3})+(?![\d.])"  # 200 000
    r"|\d+(?:\.\d+)?|\.\d+)(?![\d,]\d)"
)
_SCALE_WORD = (
    r"(?i:(?:hundred\s+)?(?:thousand|millions?|billion|trillion|lakhs?|lacs?|crores?"
    r"|mln|bln|mn|bn)(?![a-z]))"
)
_SCALE_ABBR = r"(?i:mln|mn|bn|tn|m|b|k)"
_UNIT_WORD = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_WORD = "|".join(_TENS)
_FIRST_WORD = rf"(?:{_UNIT_WORD}|{_TENS_WORD})(?![a-z])"
_NEXT_WORD = (
    rf"(?:{_UNIT_WORD}|{_TENS_WORD}|hundred|thousand|million|billion|trillion|lakhs?|crores?)"
    r"(?![a-z])"
)
MAX_NUMBER_WORDS = 12
"""The most words a number written in words may have ("two hundred and fifty-three
thousand four hundred and twelve" has ten): the bound keeps the number patterns linear
on a run of number words."""
_WORDS = (
    rf"(?:(?:half\s+an?|a\s+half|a\s+quarter\s+of\s+an?|{_FIRST_WORD}\s+and\s+a\s+half|an?)\s+"
    rf"(?:{_SCALE_WORD}|dozen)"
    rf"|{_FIRST_WORD}(?:(?:\s++and\s++|\s++|-){_NEXT_WORD}){{0,{MAX_NUMBER_WORDS - 1}}})"
)
NUMBER_PATTERN = (
    rf"(?:(?P<digits>{_DIGITS})(?:[ \t]*(?P<scale>{_SCALE_WORD})|(?P<abbr>{_SCALE_ABBR}))?(?![\w])"
    rf"|(?P<words>(?i:{_WORDS}))(?![\w-]))"
)
_RE_NUMBER = re.compile(rf"(?<![\w.,$€£¥₹-]){NUMBER_PATTERN}")
_RE_NUMBER_FULL = re.compile(NUMBER_PATTERN)


def _words_value(phrase: str) -> Decimal | None:
    words = re.sub(r"[\s-]+", " ", phrase.lower()).split()
    if words[:2] in (["half", "a"], ["half", "an"]):
        return Decimal("0.5") * _SCALES[words[2]]
    if words[:2] == ["a", "half"]:
        return Decimal("0.5") * _SCALES[words[2]]
    if words[:4] in (["a", "quarter", "of", "a"], ["a", "quarter", "of", "an"]):
        return Decimal("0.25") * _SCALES[words[4]]
    if words[0] in ("a", "an"):
        return Decimal(_SCALES[words[1]])
    if words[1:4] == ["and", "a", "half"]:
        return (Decimal(_UNITS.get(words[0], _TENS.get(words[0], 0))) + Decimal("0.5")) * _SCALES[
            words[4]
        ]
    total = current = 0
    for word in words:
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:  # pragma: no cover - the pattern admits no other word
            return None
    return Decimal(total + current)


def _match_value(m: re.Match[str]) -> Decimal | None:
    if m.group("words"):
        return _words_value(m.group("words"))
    try:
        value = Decimal(m.group("digits").replace(",", "").replace(" ", ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numerals
        return None
    scale = m.group("scale") or m.group("abbr")
    if scale:
        parts = scale.lower().split()
        for part in parts:
            value *= _SCALES[part]
    return value


def _has_scale(m: re.Match[str]) -> bool:
    if m.group("scale") or m.group("abbr"):
        return True
    words = m.group("words")
    return bool(words) and any(w in words.lower() for w in _BIG_SCALES)


def parse_number(text: str) -> float | None:
    """Parse a number written in digits, words or both.

    Examples: ``"1.54 million"`` -> 1540000.0, ``"half a million"`` -> 500000.0,
    ``"two hundred thousand"`` -> 200000.0, ``"1.8m"``, ``"3 lakh"``, ``"2 crore"``,
    ``"20bn"``, ``"twenty-five"``, ``"a dozen"`` -> 12.0.

    Args:
        text: The number expression alone.

    Returns:
        The value, or ``None`` when ``text`` is not a number expression.
    """
    m = _RE_NUMBER_FULL.fullmatch(text.strip())
    if m is None:
        return None
    value = _match_value(m)
    return None if value is None else float(value)


# --------------------------------------------------------------------------- doses

_APPROX = (
    r"(?:nearly|almost|about|around|approximately|roughly|some|over|under|up\s+to|at\s+least"
    r"|close\s+to|more\s+than|less\s+than|fewer\s+than|upwards\s+of|an\s+estimated|just\s+over"
    r"|just\s+under|well\s+over|well\s+above|above|below|in\s+excess\s+of|as\s+many\s+as"
    r"|approx\.?|~)"
)
_RE_APPROX_BEFORE = re.compile(
    rf"(?i)(?<![\w-])(?<!handed\s)(?<!hands\s)(?<!hand\s)(?<!handing\s)(?<!turned\s)(?<!passed\s)"
    rf"{_APPROX}\s*$"
)
_RE_DOSE_UNIT = re.compile(
    r"(?i)(?:vaccines?\s+doses|vaccine\s+(?:shots|jabs)|doses?|shots|jabs|vaccines)(?![\w-])"
)
_RE_TOKEN = re.compile(r"\s++([A-Za-z][\w'\u2019./-]*|\([A-Za-z][\w'\u2019./ -]*\))")
_MAX_GAP = 5
# Words that cannot stand between a number and "doses" in a count of doses.
_GAP_STOP = frozenset(
    """
    people persons residents citizens workers staff children adults patients individuals
    elderly who which that have has had received receive receiving got get given give were
    was are is be been being will would could should can may might and or but to in for by
    from at on with per each than its their his her our your as require requires required
    need needs needed population cases deaths infections percent
    """.split()
)
_RE_DOSE_PRECHECK = re.compile(r"(?i)dose|shot|jab|vaccine")
_RE_COVID_BEFORE = re.compile(r"(?i)covid[\s-]?$")
# Context showing that a small count is a schedule ("two doses of the vaccine are needed").
_RE_REGIMEN = re.compile(
    r"(?i)\b(?:regimen|schedule|apart|booster|require[sd]?|need(?:s|ed)?|fully|per\s+person"
    r"|each|both|study|trial|second|first|third|\w+-dose|got|get|gets|getting|received|receiving"
    r"|taken|given|vaccinated|immuni[sz]ed)\b"
)
_RE_CUMULATIVE_BEFORE = re.compile(
    r"(?i)\b(?:total|so\s+far|to\s+date|cumulative(?:ly)?|altogether|ha(?:s|ve)\s+(?:now\s+)?reached"
    r"|(?:has|have)\s+(?:now\s+)?(?:so\s+far\s+)?(?:received|delivered|donated|administered|shipped)\s+(?:a\s+total\s+of\s+)?$"
    r"|\b(?:bring(?:ing|s)?|brought|rais(?:ing|es|ed)|tak(?:ing|es)|took)\s+(?:(?:the|its|their)\s+(?:[\w-]+\s+){0,3})?to\s+$)"
)
_RE_CUMULATIVE_AFTER = re.compile(
    r"(?i)[^.;]{0,40}?\b(?:so\s+far|to\s+date|in\s+total|in\s+all|altogether|cumulative(?:ly)?)\b"
)
_CONTEXT = 100
_RE_SPACE = re.compile(r"\s+")


def _context_before(text: str, start: int, floor: int) -> str:
    """Text before ``start`` back to ``floor``, the previous sentence end or
    :data:`_CONTEXT` characters, whichever is nearest."""
    lo = max(floor, start - _CONTEXT)
    window = text[lo:start]
    cut = max(window.rfind(". "), window.rfind("; "), window.rfind("\n"))
    return window[cut + 1 :] if cut >= 0 else window


def _dose_unit_end(text: str, pos: int) -> int | None:
    """End of the dose word that follows ``pos`` within :data:`_MAX_GAP` words."""
    for _ in range(_MAX_GAP + 1):
        ws = _RE_SPACE.match(text, pos, pos + 4)
        if ws is None:
            return None
        unit = _RE_DOSE_UNIT.match(text, ws.end())
        if unit:
            return unit.end()
        token = _RE_TOKEN.match(text, pos)
        if (
            token is None
            or token.group(1).lower() in _GAP_STOP
            or _RE_NUMBER.fullmatch(token.group(1))
        ):
            return None
        pos = token.end()
    return None


_RE_PART_OF = re.compile(r"[ \t]+of[ \t]+(?:the|its|their)[ \t]+(?:[a-z]+[ \t]+)?+")


def _part_of_doses_end(text: str, at: int) -> int | None:
    """ "5 crore of the allocated 10 crore doses": the part is counted in the whole's
    unit; the end of the whole's unit, so that the part is the count."""
    m = _RE_PART_OF.match(text, at)
    if m is None:
        return None
    whole = _RE_NUMBER.match(text, m.end())
    return _dose_unit_end(text, whole.end()) if whole is not None else None


def find_doses(text: str) -> list[Quantity]:
    """Find counts of vaccine doses.

    A count is a number followed, within five words, by "doses", "shots", "jabs" or
    "vaccines" ("15 million Sinovac doses", "1.9 million doses of Sinopharm"). Counts
    below ten written without a scale word are taken only when nothing suggests a
    vaccination schedule: "two doses", "a second dose" and "two-dose vaccine" are not
    counts of doses.

    Args:
        text: Any string.

    Returns:
        The counts, sorted by start offset.
    """
    if not text or not _RE_DOSE_PRECHECK.search(text):
        return []
    found: list[Quantity] = []
    floor = 0
    for m in _RE_NUMBER.finditer(text):
        if m.start() < floor:
            continue  # the whole of a part counted before ("5 of the 10 million doses")
        end = _dose_unit_end(text, m.end()) or _part_of_doses_end(text, m.end())
        if end is None:
            continue
        value = _match_value(m)
        if value is None or value <= 0 or value != value.to_integral_value():
            continue
        if _RE_COVID_BEFORE.search(text, max(0, m.start() - 7), m.start()):
            continue  # "Covid 19 vaccines"
        if value < 10 and not _has_scale(m):
            if m.group("words"):
                continue
            sentence = text[max(0, m.start() - 60) : end + 40]
            if _RE_REGIMEN.search(sentence):
                continue
        start = m.start()
        before = _context_before(text, start, floor)
        approx = _RE_APPROX_BEFORE.search(before)
        if approx:
            start -= len(before) - approx.start()
        cumulative = bool(
            _RE_CUMULATIVE_BEFORE.search(before) or _RE_CUMULATIVE_AFTER.match(text, end)
        )
        found.append(
            Quantity(
                start, end, text[start:end], int(value), approx is not None, cumulative, "doses"
            )
        )
        floor = end
    return found


# --------------------------------------------------------------------------- money

_PREFIX_CURRENCIES = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD",
    "A$": "AUD", "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD",
    "S$": "SGD", "SGD": "SGD", "HK$": "HKD", "HKD": "HKD", "NT$": "TWD", "TWD": "TWD",
    "R$": "BRL", "BRL": "BRL", "NZ$": "NZD", "NZD": "NZD",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "CNY": "CNY", "RMB": "CNY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "INR": "INR",
    "VND": "VND", "₫": "VND", "RUB": "RUB", "₽": "RUB", "THB": "THB", "฿": "THB",
    "KRW": "KRW", "₩": "KRW", "₱": "PHP", "PHP": "PHP", "CHF": "CHF", "IDR": "IDR",
    "Rp": "IDR", "MYR": "MYR", "RM": "MYR", "MXN": "MXN", "ZAR": "ZAR", "AED": "AED",
    "SAR": "SAR",
}  # fmt: skip
_SUFFIX_CODES = sorted({c for c in _PREFIX_CURRENCIES.values()}, key=len, reverse=True)
_CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
    "dong": "VND", "rupee": "INR", "rupees": "INR", "ruble": "RUB", "rubles": "RUB",
    "rouble": "RUB", "roubles": "RUB", "baht": "THB", "won": "KRW", "reais": "BRL",
    "rupiah": "IDR", "ringgit": "MYR", "sterling": "GBP", "pounds sterling": "GBP",
    "swiss francs": "CHF", "british pounds": "GBP",
}  # fmt: skip
_DOLLAR_COUNTRIES = {
    "": "USD", "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD",
    "canadian": "CAD", "singapore": "SGD", "singaporean": "SGD", "hong kong": "HKD",
    "taiwan": "TWD", "new taiwan": "TWD", "taiwanese": "TWD", "new zealand": "NZD",
}  # fmt: skip
_PESO_COUNTRIES = {"mexican": "MXN", "philippine": "PHP"}

_PREFIX_ALT = "|".join(re.escape(p) for p in sorted(_PREFIX_CURRENCIES, key=len, reverse=True))
_RE_MONEY_PREFIX = re.compile(
    rf"(?<![A-Za-z0-9$])(?P<cur>{_PREFIX_ALT})[ \t]?(?=[\d.])(?P<num>{NUMBER_PATTERN})"
)
_DOLLAR_ADJ = "|".join(re.escape(k) for k in sorted(_DOLLAR_COUNTRIES, key=len, reverse=True) if k)
_RE_MONEY_SUFFIX = re.compile(
    rf"(?<![\w.,$€£¥₹-])(?P<num>{NUMBER_PATTERN})\s++(?:"
    rf"(?P<dadj>(?i:{_DOLLAR_ADJ})\s+)?(?P<dollar>(?i:dollars?))"
    rf"|(?P<padj>(?i:mexican|philippine))\s+(?P<peso>(?i:pesos?))"
    rf"|(?P<word>(?i:{'|'.join(sorted(_CURRENCY_WORDS, key=len, reverse=True))}))"
    rf"|(?P<code>{'|'.join(_SUFFIX_CODES)})"
    r")(?![\w$])"
)
# Cheap substring tests that let most sentences skip the money expressions.
_PREFIX_MARKS = tuple(sorted({p.rstrip(".$") or "$" for p in _PREFIX_CURRENCIES} | {"$"}))
_SUFFIX_MARKS = (
    "dollar", "euro", "yen", "yuan", "renminbi", "dong", "rupee", "ruble", "rouble", "baht",
    "won", "reais", "rupiah", "ringgit", "sterling", "franc", "peso", "pound",
)  # fmt: skip
_RE_CHINESE_CONTEXT = re.compile(r"(?i)\b(?:yuan|rmb|renminbi)\b")


def _amount(m: re.Match[str]) -> float | None:
    value = _match_value(m)
    return None if value is None else float(value)


def find_money(text: str) -> list[MoneyMention]:
    """Find sums of money with their ISO 4217 currency.

    A currency sign or code before the number ("$500,000", "US$ 20m", "VND2
    trillion", "Rs 100 crore") or a currency word after it ("2 trillion dong", "100
    million yuan", "10 million Australian dollars"). "¥" is yen unless the text speaks
    of yuan or RMB. Pesos and pounds count only when qualified ("Mexican pesos",
    "pounds sterling"), as the bare words are ambiguous.

    Args:
        text: Any string.

    Returns:
        Non-overlapping mentions sorted by start offset.
    """
    if not text:
        return []
    candidates: list[MoneyMention] = []
    has_prefix = any(map(str.isdigit, text)) and any(mark in text for mark in _PREFIX_MARKS)
    low = text.lower()
    has_suffix = any(mark in low for mark in _SUFFIX_MARKS) or any(
        code in text for code in _SUFFIX_CODES
    )
    for m in _RE_MONEY_PREFIX.finditer(text) if has_prefix else ():
        currency = _PREFIX_CURRENCIES[m.group("cur")]
        if m.group("cur") == "¥" and _RE_CHINESE_CONTEXT.search(text):
            currency = "CNY"
        amount = _amount(m)
        if amount is not None:
            candidates.append(MoneyMention(m.start(), m.end(), m.group(), amount, currency))
    for m in _RE_MONEY_SUFFIX.finditer(text) if has_suffix else ():
        if m.group("dollar"):
            adj = re.sub(r"\s+", " ", (m.group("dadj") or "").strip().lower())
            currency = _DOLLAR_COUNTRIES[adj]
        elif m.group("peso"):
            currency = _PESO_COUNTRIES[m.group("padj").lower()]
        elif m.group("word"):
            currency = _CURRENCY_WORDS[re.sub(r"\s+", " ", m.group("word").lower())]
        else:
            currency = m.group("code")
        amount = _amount(m)
        if amount is not None:
            candidates.append(MoneyMention(m.start(), m.end(), m.group(), amount, currency))
    chosen: list[MoneyMention] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)
