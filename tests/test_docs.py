"""The documentation in ``docs/`` against the code, so that the two cannot drift.

* Every event type and role of :mod:`vaxdiplo.models`, every vaccine id and every
  organisation id of the registry, every key role and scored field of the scorer is
  named in the docs.
* The tables between ``<!-- BEGIN GENERATED: name -->`` and ``<!-- END GENERATED: name
  -->`` are rendered here from the code; a test fails when a table is stale. Run
  ``.venv/bin/python tests/test_docs.py`` to rewrite them.
* Every link in ``README.md`` and ``docs/*.md`` resolves inside the repository: nothing
  points to files that a clone does not have, nor to a web address.
* The gold example in ``docs/gold-format.md`` is valid gold and uses registry ids.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import typing
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from vaxdiplo.dates import resolve_date
from vaxdiplo.evaluation import (
    EVENT_TYPES,
    KEY_ROLE,
    MONEY_TOLERANCE,
    PARTY_ROLES,
    SCORED_FIELDS,
    STATE_PRODUCERS,
    GoldDocument,
    score,
)
from vaxdiplo.models import EVENT_CLASSES
from vaxdiplo.quantities import find_doses, find_money
from vaxdiplo.registry import load_registry

REPO_ROOT = Path(__file__).resolve().parent.parent
DOCS_DIR = REPO_ROOT / "docs"
README = REPO_ROOT / "README.md"
CONTRACT = DOCS_DIR / "contract.md"
GOLD_FORMAT = DOCS_DIR / "gold-format.md"
SCORING = DOCS_DIR / "scoring.md"

# ---------------------------------------------------------------------------
# Rendering the generated tables
# ---------------------------------------------------------------------------


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _code(value: object) -> str:
    return f"`{value}`"


def _field_text(cls: type, name: str) -> str:
    """A non-role field of an event, with its choices when it has a fixed set."""
    annotation = cls.model_fields[name].annotation
    if typing.get_origin(annotation) is typing.Literal:
        return f"{_code(name)} ({', '.join(typing.get_args(annotation))})"
    return _code(name)


def render_event_types() -> str:
    """Type, what it is, its roles, its other fields and the role that detects it."""
    rows = []
    for name, cls in EVENT_CLASSES.items():
        doc = (cls.__doc__ or "").strip().splitlines()[0]
        rows.append(
            [
                _code(name),
                doc,
                ", ".join(_code(r) for r in cls.roles),
                ", ".join(_field_text(cls, f) for f in cls.fields),
                _code(KEY_ROLE[name]),
            ]
        )
    return _table(["type", "what it is", "roles (parties)", "other fields", "key role"], rows)


def _spellings(entry: typing.Any) -> str:
    """The aliases of a vaccine, one per spelling (case, spaces and dashes ignored)."""
    seen = {re.sub(r"[^0-9a-z]", "", entry.name.lower())}
    out = []
    for alias in entry.aliases:
        key = re.sub(r"[^0-9a-z]", "", alias.lower())
        if key not in seen:
            seen.add(key)
            out.append(alias)
    return "; ".join(out)


def render_vaccines() -> str:
    """Every vaccine of the registry: id, product name, other names, maker."""
    reg = load_registry()
    rows = [
        [_code(v.id), v.name, _spellings(v), _code(v.maker) if v.maker else ""]
        for v in reg.vaccines
    ]
    return _table(["id", "product", "also recognised as", "maker"], rows)


def _party_of(org_id: str) -> str:
    """The party the entity linker gives a registered organisation."""
    from vaxdiplo.entities.state import LinkState

    return LinkState.org_actor(SimpleNamespace(reg=load_registry(), _actors={}), org_id).party


def render_state_producers() -> str:
    """The producers the scorer treats as their state, with the extractor's party, and
    the other state-owned entries of the registry, which it does not."""
    reg = load_registry()
    rows = [
        [_code(oid), reg.org(oid).name, _code(state), _code(_party_of(oid))]
        for oid, state in STATE_PRODUCERS.items()
    ]
    others = [
        f"{_code(o.id)} ({o.country}, party {_code(_party_of(o.id))})"
        for o in reg.organisations
        if o.state_owned and o.id not in STATE_PRODUCERS
    ]
    return (
        _table(["id", "name", "state", "party in the output"], rows)
        + "\n\nMarked state-owned in the registry but not treated as their state by the"
        + " scorer: "
        + ", ".join(others)
        + "."
    )


_ORG_GROUPS = (
    ("International organisations and groups", ("international_org", "group")),
    ("Companies", ("company",)),
    ("Government bodies and public institutes", ("government_body",)),
)


def render_organisations() -> str:
    """Every registered organisation by kind: id, name, country, party."""
    reg = load_registry()
    parts = []
    for title, kinds in _ORG_GROUPS:
        rows = [
            [_code(o.id), o.name, o.kind, o.country or "", _code(_party_of(o.id))]
            for o in reg.organisations
            if o.kind in kinds
        ]
        header = ["id", "name", "kind", "country", "party"]
        parts.append(f"**{title}** ({len(rows)})\n\n" + _table(header, rows))
    return "\n\n".join(parts)


DATE_PUBLISHED = dt.date(2021, 6, 5)
DATE_EXAMPLES = (
    "on Friday",
    "on Saturday",
    "last Saturday",
    "next Monday",
    "yesterday",
    "three days ago",
    "June 2",
    "June 10",
    "June 16",
    "December 31",
    "September 25 to 28",
    "December 30 to January 2, 2022",
    "2021-06-01",
    "May 3, 2021",
    "4/6/2021",
    "last week",
    "earlier this month",
    "in March",
    "mid-May",
    "by the end of the year",
)


def render_dates() -> str:
    """How date expressions resolve, with and without a publication date."""
    rows = []
    for text in DATE_EXAMPLES:
        with_day = resolve_date(text, DATE_PUBLISHED)
        without = resolve_date(text, None)
        rows.append([text, with_day or "None", without or "None"])
    header = ["as written", "published Saturday 2021-06-05", "no publication date"]
    return _table(header, rows)


DOSE_EXAMPLES = (
    "received 1.2 million doses",
    "nearly 2 million doses",
    "1,000,000 AstraZeneca vaccine doses",
    "half a million shots",
    "3 lakh doses",
    "10 crore doses",
    "500 000 jabs",
    "two doses of the vaccine are needed",
    "a second dose",
    "Covid 19 vaccines",
    "bringing the total to 5.6 million doses",
    "has so far delivered 4.08 million doses",
)


def render_doses() -> str:
    """What counts of doses the normaliser reads, and which ones are running totals."""
    rows = []
    for text in DOSE_EXAMPLES:
        found = find_doses(text)
        if not found:
            rows.append([text, "no count", ""])
            continue
        q = found[0]
        note = []
        if q.approximate:
            note.append("approximate: kept as written")
        if q.cumulative:
            note.append("running total: never an event's doses")
        rows.append([text, q.value, "; ".join(note)])
    return _table(["as written", "doses", "note"], rows)


MONEY_EXAMPLES = (
    "$500,000",
    "US$1.5 billion",
    "A$100 million",
    "€20m",
    "VND2 trillion",
    "Rs 100 crore",
    "100 million yuan",
    "¥10 billion",
    "2 billion baht",
    "5 million Mexican pesos",
    "10 million pesos",
)


def render_money() -> str:
    """How sums of money are read: amount and ISO 4217 currency as written."""
    rows = []
    for text in MONEY_EXAMPLES:
        found = find_money(text)
        if found:
            rows.append([text, f"{found[0].amount:.1f}", _code(found[0].currency)])
        else:
            rows.append([text, "not read", ""])
    return _table(["as written", "amount", "currency"], rows)


def render_key_roles() -> str:
    """The role that decides detection, by type."""
    rows = [[_code(t), _code(KEY_ROLE[t])] for t in EVENT_TYPES]
    return _table(["type", "key role"], rows)


def render_scored_fields() -> str:
    """The fields that count for the exact metric, and how each is compared."""
    how = {
        "participants": "the same set of parties (see below)",
        "vaccine": "the same vaccine id",
        "approval": "the same kind",
        "doses": "the same number",
        "money": f"amount within {MONEY_TOLERANCE:.0%} of gold's; currency not compared",
        "channel": "the same channel",
        "date": "the same calendar day",
    }
    rows = [[_code(f), how.get(f, "the same party")] for f in SCORED_FIELDS]
    return _table(["field", "equal when"], rows)


SCORING_EXAMPLE_GOLD = {
    "id": "example",
    "published": "2021-09-14",
    "events": [
        {
            "type": "Delivery",
            "supplier": "COVAX",
            "alt": {"supplier": ["USA"]},
            "recipient": "GHA",
            "vaccine": "moderna",
            "doses": 350000,
            "channel": "covax",
            "date": "2021-09-13",
        },
        {"type": "PhoneCall", "participants": ["GHA", "CHN"], "date": "2021-09-12"},
        {
            "type": "SupplyRequest",
            "requester": "GHA",
            "addressee": "CHN",
            "vaccine": "sinopharm",
            "date": "2021-09-12",
        },
        {"type": "DonationPledge", "donor": "USA", "recipient": "GHA", "optional": True},
    ],
}
SCORING_EXAMPLE_PREDICTIONS = [
    {
        "type": "Delivery",
        "supplier": "USA",
        "recipient": "GHA",
        "vaccine": "moderna",
        "doses": 350000,
        "channel": "covax",
        "date": "2021-09-13",
    },
    {"type": "PhoneCall", "participants": ["CHN", "GHA"], "date": "2021-09-11"},
    {"type": "DonationPledge", "donor": "USA", "recipient": "GHA"},
    {"type": "Approval", "authority": "GHA", "vaccine": "sinopharm"},
]


def render_scoring_example() -> str:
    """The worked example of docs/scoring.md: inputs, matching and counts."""
    report = score(
        [GoldDocument.model_validate(SCORING_EXAMPLE_GOLD)],
        {"example": SCORING_EXAMPLE_PREDICTIONS},
    )
    matches = report.matches["example"]
    gold_lines = "\n".join(json.dumps(e) for e in SCORING_EXAMPLE_GOLD["events"])
    pred_lines = "\n".join(json.dumps(e) for e in SCORING_EXAMPLE_PREDICTIONS)
    return "\n".join(
        [
            "Gold events (indices 0 to 3):",
            "",
            "```json",
            gold_lines,
            "```",
            "",
            "Predictions (indices 0 to 3):",
            "",
            "```json",
            pred_lines,
            "```",
            "",
            "The report, in the table `vaxdiplo evaluate` prints:",
            "",
            "```text",
            report.to_table(),
            "```",
            "",
            "and the matching, as in the `matches` of `--json`:",
            "",
            "```json",
            json.dumps({"matches": {"example": matches.model_dump()}}),
            "```",
        ]
    )


GENERATED: dict[Path, dict[str, tuple[Callable[[], str], str]]] = {
    CONTRACT: {
        "event-types": (render_event_types, "`vaxdiplo.models` and `vaxdiplo.evaluation`"),
        "state-producers": (render_state_producers, "`vaxdiplo.evaluation` and the registry"),
        "vaccines": (render_vaccines, "the registry"),
        "dates": (render_dates, "`vaxdiplo.dates.resolve_date`"),
        "doses": (render_doses, "`vaxdiplo.quantities.find_doses`"),
        "money": (render_money, "`vaxdiplo.quantities.find_money`"),
        "organisations": (render_organisations, "the registry"),
    },
    SCORING: {
        "key-roles": (render_key_roles, "`vaxdiplo.evaluation`"),
        "scored-fields": (render_scored_fields, "`vaxdiplo.evaluation`"),
        "scoring-example": (render_scoring_example, "`vaxdiplo.evaluation.score`"),
    },
}
"""Per document, each generated block: its renderer and what it is generated from."""


def generated_body(path: Path, name: str) -> str:
    """The text a generated block must hold: a visible note, then the rendering."""
    render, source = GENERATED[path][name]
    return f"\n*Generated by `tests/test_docs.py` from {source}.*\n\n{render()}\n\n"


def _block_pattern(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- BEGIN GENERATED: {re.escape(name)} [^>]*-->\n)(.*?)(<!-- END GENERATED: "
        rf"{re.escape(name)} -->)",
        re.S,
    )


def generated_block(text: str, name: str) -> str | None:
    """The body of the generated block ``name`` of a document, or None."""
    m = _block_pattern(name).search(text)
    return None if m is None else m.group(2)


def rewrite_generated() -> list[Path]:
    """Render every generated block into its document; return the documents changed."""
    changed = []
    for path, blocks in GENERATED.items():
        text = path.read_text(encoding="utf-8")
        new = text
        for name in blocks:
            body = generated_body(path, name)
            new, n = _block_pattern(name).subn(
                lambda m, body=body: m.group(1) + body + m.group(3), new
            )
            if n != 1:
                raise SystemExit(f"{path.name}: expected one block {name!r}, found {n}")
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed.append(path)
    return changed


# ---------------------------------------------------------------------------
# Reading the documents
# ---------------------------------------------------------------------------


def _docs() -> list[Path]:
    return [README, *sorted(DOCS_DIR.glob("*.md"))]


_FENCE = re.compile(r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`\n]*`")


def _prose(text: str) -> str:
    """The text without fenced code blocks and inline code."""
    return _INLINE_CODE.sub("", _FENCE.sub("", text))


_LINK_PATTERNS = (
    re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)"),  # [text](target)
    re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M),  # [ref]: target
    re.compile(r"<((?:[a-z][a-z0-9+.-]*:)[^>\s]+)>", re.I),  # <scheme:...>
    re.compile(r"""(?:href|src)\s*=\s*["']([^"']*)["']""", re.I),  # HTML attributes
)


def links(text: str) -> list[str]:
    """Every link target of a Markdown text (code blocks and code spans ignored)."""
    prose = _prose(text)
    return [m.group(1) for rx in _LINK_PATTERNS for m in rx.finditer(prose)]


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[`*_]|<[^>]+>", "", heading).strip().lower()
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """The heading anchors of a Markdown file (repeated headings numbered as on GitHub)."""
    text = _FENCE.sub("", path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for m in re.finditer(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", text, re.M):
        base = slug = _slug(m.group(1))
        n = 0
        while slug in out:
            n += 1
            slug = f"{base}-{n}"
        out.add(slug)
    return out


def link_problem(source: Path, target: str) -> str | None:
    """Why a link of ``source`` is not allowed, or None when it is."""
    if re.match(r"[a-z][a-z0-9+.-]*:|//", target, re.I):
        return "points outside the repository"
    if not target:
        return "empty link"
    path_part, _, anchor = target.partition("#")
    if path_part.startswith("/"):
        return "absolute path"
    dest = (source.parent / path_part).resolve() if path_part else source.resolve()
    if not dest.is_relative_to(REPO_ROOT):
        return "points outside the repository"
    if not dest.exists():
        return "no such file in the repository"
    if anchor and dest.suffix == ".md" and anchor not in anchors(dest):
        return f"no heading with anchor #{anchor} in {dest.relative_to(REPO_ROOT)}"
    return None


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------


def test_docs_index_and_pages_exist() -> None:
    for path in (DOCS_DIR / "README.md", CONTRACT, GOLD_FORMAT, SCORING):
        assert path.is_file(), path
    index = (DOCS_DIR / "README.md").read_text(encoding="utf-8")
    for page in ("contract.md", "gold-format.md", "scoring.md"):
        assert f"({page}" in index, f"docs/README.md does not link {page}"


@pytest.mark.parametrize(
    ("path", "name"),
    [(path, name) for path, blocks in GENERATED.items() for name in blocks],
    ids=lambda x: x.name if isinstance(x, Path) else x,
)
def test_docs_generated_tables_are_current(path: Path, name: str) -> None:
    body = generated_block(path.read_text(encoding="utf-8"), name)
    assert body is not None, f"{path.name} has no generated block {name!r}"
    assert body == generated_body(path, name), (
        f"{path.name}: the table {name!r} is stale; run `.venv/bin/python tests/test_docs.py`"
    )


@pytest.mark.parametrize("etype", sorted(EVENT_CLASSES))
def test_docs_contract_names_every_event_type_and_role(etype: str) -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    prose = _FENCE.sub("", text)
    assert re.search(rf"^### `{etype}`", prose, re.M), f"no section for {etype}"
    cls = EVENT_CLASSES[etype]
    for name in (*cls.roles, *cls.fields):
        assert f"`{name}`" in prose, f"{etype}.{name} is not in docs/contract.md"


def test_docs_contract_names_common_event_fields() -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    common = {"type", "date", "evidence", "confidence", "rule"}
    assert common <= set(next(iter(EVENT_CLASSES.values())).model_fields)
    missing = [f for f in sorted(common) if f"`{f}`" not in text]
    assert missing == []


def test_docs_contract_names_every_vaccine_id() -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    missing = sorted(v for v in load_registry().vaccine_ids if f"`{v}`" not in text)
    assert missing == []


def test_docs_contract_names_every_organisation_and_state_producer() -> None:
    text = CONTRACT.read_text(encoding="utf-8")
    ids = load_registry().org_ids | set(STATE_PRODUCERS)
    missing = sorted(o for o in ids if f"`{o}`" not in text)
    assert missing == []


def test_docs_scoring_names_every_key_role_and_scored_field() -> None:
    text = SCORING.read_text(encoding="utf-8")
    missing = [f for f in (*KEY_ROLE.values(), *SCORED_FIELDS) if f"`{f}`" not in text]
    assert missing == []


def test_docs_gold_format_names_every_gold_key() -> None:
    text = GOLD_FORMAT.read_text(encoding="utf-8")
    keys = {"id", "published", "text", "events", "type", "optional", "alt", "evidence", "why"}
    keys |= {"participants", *PARTY_ROLES, "vaccine", "doses", "money", "date"}
    keys |= {"approval", "channel"}
    missing = sorted(k for k in keys if f"`{k}`" not in text)
    assert missing == []


def _gold_examples() -> list[dict[str, typing.Any]]:
    blocks = re.findall(
        r"^```json\n(.*?)^```", GOLD_FORMAT.read_text(encoding="utf-8"), re.S | re.M
    )
    docs = []
    for block in blocks:
        value = json.loads(block)
        if isinstance(value, dict) and "id" in value and "events" in value:
            docs.append(value)
    return docs


def test_docs_gold_example_is_valid_gold_with_registry_ids() -> None:
    examples = _gold_examples()
    assert examples, "docs/gold-format.md has no gold document example"
    reg = load_registry()
    known = reg.country_ids | reg.org_ids
    for example in examples:
        doc = GoldDocument.model_validate(example)
        for event in doc.events:
            values = [event.get(r) for r in PARTY_ROLES]
            values += list(event.get("participants") or [])
            for role_alts in (event.get("alt") or {}).values():
                values += list(role_alts)
            parties = [v for v in values if v is not None]
            assert [p for p in parties if p not in known] == [], event
            if event.get("vaccine") is not None:
                assert event["vaccine"] in reg.vaccine_ids, event


@pytest.mark.parametrize("path", _docs(), ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_docs_links_stay_inside_the_repository(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    problems = [(t, p) for t in links(text) if (p := link_problem(path, t)) is not None]
    assert problems == []
    assert "../shared" not in text
    assert "/work/" not in text


def test_docs_link_checker_rejects_what_a_clone_lacks() -> None:
    source = DOCS_DIR / "contract.md"
    assert link_problem(source, "../shared/spec/EVENTS.md") is not None
    assert link_problem(source, "../../elsewhere.md") is not None
    assert link_problem(source, "/etc/hosts") is not None
    assert link_problem(source, "file:///etc/hosts") is not None
    assert link_problem(source, "scoring.md#no-such-heading") is not None
    assert link_problem(source, "scoring.md") is None
    assert link_problem(source, "https://www.iso.org/iso-3166-country-codes.html") is not None
    assert link_problem(source, "//example.org/x.md") is not None
    assert link_problem(source, "../src/vaxdiplo/registry/data/countries.json") is None
    text = "[a](x.md) [b]: y.md `[c](z.md)` <https://example.org> <a href='w.md'>"
    assert sorted(links("[b]: y.md\n" + text)) == sorted(
        ["x.md", "y.md", "https://example.org", "w.md"]
    )


if __name__ == "__main__":
    for changed in rewrite_generated():
        print(f"rewrote {changed.relative_to(REPO_ROOT)}")
    sys.exit(0)
