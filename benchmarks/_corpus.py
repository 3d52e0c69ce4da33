"""A deterministic corpus of real-length news articles for the benchmarks.

Half the articles are the bundled fixtures and the development set's texts, each
copy given its own dateline date, a reporter's name and a photo credit; the other half
are written here from paragraph templates (officials by name and title, datelines,
credits, event sentences and the background paragraphs real articles are mostly made
of). Every article has a unique id and differs from every other one.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "devset"

COUNTRIES = [
    ("Japan", "Tokyo", "Toshimitsu Motegi", "Foreign Minister"),
    ("Vietnam", "Hanoi", "Pham Minh Chinh", "Prime Minister"),
    ("China", "Beijing", "Wang Yi", "Foreign Minister"),
    ("Russia", "Moscow", "Sergey Lavrov", "Foreign Minister"),
    ("India", "New Delhi", "Subrahmanyam Jaishankar", "External Affairs Minister"),
    ("Australia", "Canberra", "Marise Payne", "Foreign Minister"),
    ("Thailand", "Bangkok", "Anutin Charnvirakul", "Health Minister"),
    ("Indonesia", "Jakarta", "Retno Marsudi", "Foreign Minister"),
    ("the Philippines", "Manila", "Teodoro Locsin", "Foreign Secretary"),
    ("South Korea", "Seoul", "Chung Eui-yong", "Foreign Minister"),
    ("Germany", "Berlin", "Heiko Maas", "Foreign Minister"),
    ("France", "Paris", "Jean-Yves Le Drian", "Foreign Minister"),
    ("Cambodia", "Phnom Penh", "Hun Sen", "Prime Minister"),
    ("Laos", "Vientiane", "Saleumxay Kommasith", "Foreign Minister"),
    ("Malaysia", "Kuala Lumpur", "Hishammuddin Hussein", "Foreign Minister"),
    ("the United States", "Washington", "Antony Blinken", "Secretary of State"),
    ("Brazil", "Brasilia", "Carlos Franca", "Foreign Minister"),
    ("Egypt", "Cairo", "Sameh Shoukry", "Foreign Minister"),
    ("Mexico", "Mexico City", "Marcelo Ebrard", "Foreign Minister"),
    ("Serbia", "Belgrade", "Nikola Selakovic", "Foreign Minister"),
]
VACCINES = ["AstraZeneca", "Pfizer-BioNTech", "Moderna", "Sinopharm", "Sinovac", "Sputnik V"]
AGENCIES = ["VNA", "Reuters", "AFP", "Xinhua", "Kyodo", "ANI", "AP", "Bernama", "TASS"]
REPORTERS = [
    "Hoang Tao", "Nguyen Khanh", "Maria Lopez", "Kenji Sato", "Anna Petrova", "Li Wei",
    "Rahul Mehta", "Siti Rahma", "James Carter", "Tran Minh", "Elena Rossi", "Omar Farouk",
]  # fmt: skip
QUANTITIES = ["500,000", "1 million", "1.2 million", "2 million", "300,000", "800,000"]

EVENTS = [
    "{A} will donate {n} doses of the {v} vaccine to {B}, {title} {name} said on {day}.",
    "A shipment of {n} doses of {v} vaccine donated by {A} arrived in {city2} on {day}.",
    "Health authorities in {A} on {day} approved the {v} vaccine for emergency use.",
    "{title} {name} held phone talks with his counterpart from {B} on {day}, "
    "discussing vaccine cooperation and supplies for the rest of the year.",
    "{A} asked {B} to provide {n} doses of vaccine as soon as possible, "
    "according to a statement from the ministry.",
    "{A} signed a contract with {B} to buy {n} doses of the {v} vaccine, "
    "with deliveries expected before the end of the quarter.",
    "{A} and {B} agreed on {day} to transfer technology to produce the {v} vaccine locally.",
    "{title} {name} met with the ambassador of {B} in {city} on {day}.",
    "{B} received {n} doses of the {v} vaccine through the COVAX facility on {day}.",
]
BACKGROUND = [
    "Cases of COVID-19 in {A} rose by {k} percent over the past week, with the largest "
    "outbreaks reported in industrial parks and in the densely populated districts of {city}. "
    "Local officials said testing would be expanded and that factories would be asked to "
    "keep workers on site where possible.",
    "The government of {A} extended social distancing measures in several provinces until "
    "the end of the month, closing restaurants, gyms and places of worship and limiting "
    "gatherings to no more than {k} people.",
    "Hospitals in the region have reported shortages of oxygen and intensive care beds, "
    "and several of them have set up field clinics in school buildings and sports halls to "
    "cope with the rising number of patients.",
    "Experts warned that new variants could spread quickly among people who have not been "
    "vaccinated, and urged the authorities to speed up the campaign, especially in remote "
    "areas where clinics are few and far apart.",
    "The two countries also discussed trade, investment, tourism and education, and agreed "
    "to resume direct flights once the situation allows, according to the statement.",
    "So far about {k} percent of the population of {A} has received at least one dose, "
    "well below the level that health officials say is needed to reopen the economy.",
]


def _fill(template: str, rng: random.Random, a: tuple, b: tuple, day: str) -> str:
    text = template.format(
        A=a[0], B=b[0], city=a[1], city2=b[1], name=a[2], title=a[3], day=day,
        v=rng.choice(VACCINES), n=rng.choice(QUANTITIES), k=rng.randint(3, 60),
    )  # fmt: skip
    return text[0].upper() + text[1:]


def _written(rng: random.Random, n: int) -> str:
    """An article written from the templates: headline, dateline, credit, paragraphs."""
    a, b = rng.sample(COUNTRIES, 2)
    published = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(330))
    day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    lead = _fill(rng.choice(EVENTS), rng, a, b, day)
    headline = f"{a[0][0].upper() + a[0][1:]} and {b[0]} step up vaccine cooperation"
    credit = f"Photo by {rng.choice(AGENCIES)} / {rng.choice(REPORTERS)}."
    dateline = f"{a[1].upper()}, {published:%B} {published.day} ({rng.choice(AGENCIES)})"
    paragraphs = [
        f" date {published.isoformat()} {headline} (story {n})",
        f"A health worker prepares a dose in {a[1]}. {credit}",
        f"{dateline} - {lead}",
    ]
    while sum(len(p.split()) for p in paragraphs) < rng.randint(220, 420):
        pool = EVENTS if rng.random() < 0.35 else BACKGROUND
        x, y = rng.sample(COUNTRIES, 2) if rng.random() < 0.3 else (a, b)
        paragraphs.append(_fill(rng.choice(pool), rng, x, y, day))
    return "\n\n".join(paragraphs)


def _base_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    for name in ("world.jsonl", "gold.jsonl"):
        path = SHARED / name
        if path.exists():
            for line in path.read_text(encoding="utf-8-sig").splitlines():
                if line.strip():
                    texts.append(json.loads(line)["text"])
    return [t for t in texts if len(t.split()) >= 100]


def _varied(rng: random.Random, text: str, n: int) -> str:
    """A real article with its own dateline date, reporter and photo credit."""
    published = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(330))
    body = text[len(" date 2021-01-01 ") :] if text.startswith(" date ") else text.lstrip()
    credit = f"Photo by {rng.choice(AGENCIES)} / {rng.choice(REPORTERS)} (file {n})."
    byline = f"Reporting by {rng.choice(REPORTERS)}; editing by {rng.choice(REPORTERS)}."
    return f" date {published.isoformat()} {credit}\n\n{body}\n\n{byline}"


def make_corpus(n: int, seed: int = 0) -> list[tuple[str, str, None]]:
    """``n`` articles as ``(id, text, None)`` triples (dates come from the datelines)."""
    rng = random.Random(seed)
    bases = _base_texts()
    out = []
    for i in range(n):
        if i % 2 == 0:
            text = _varied(rng, bases[(i // 2) % len(bases)], i)
        else:
            text = _written(rng, i)
        out.append((f"bench-{i:05d}", text, None))
    return out


def words(text: str) -> int:
    return len(text.split())
