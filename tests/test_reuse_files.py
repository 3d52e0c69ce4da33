"""A user's rule and registry files: added on top of the packaged ones, validated, and
kept to the ``Extractor`` (or command line run) they are given to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import vaxdiplo
from vaxdiplo import Extractor
from vaxdiplo.cli import main
from vaxdiplo.registry.user import RegistryFileError
from vaxdiplo.rules.base import RuleFileError

USER = Path(__file__).resolve().parent / "data" / "user"
RULES = USER / "bestow_rules.json"
REGISTRY = USER / "solidarity_registry.json"
BESTOW = "China bestowed 1 million doses of Sinovac vaccine to Laos on Monday."
FUND = "The Vaccine Solidarity Fund will donate 500,000 doses to Laos, officials said."


def _gold(ex: Extractor, text: str) -> list[dict]:
    return [
        {k: v for k, v in e.items() if k not in ("evidence", "rule")}
        for e in ex.extract(text, published="2021-06-02").to_gold()
    ]


@pytest.fixture(scope="module")
def user_extractor() -> Extractor:
    return Extractor(model="rules", rules=[RULES], registry=[REGISTRY])


def test_reuse_files_user_trigger_works_in_its_extractor_only(user_extractor, rules_extractor):
    found = _gold(user_extractor, BESTOW)
    assert found == [
        {
            "type": "DonationPledge",
            "donor": "CHN",
            "recipient": "LAO",
            "vaccine": "sinovac",
            "doses": 1_000_000,
            "date": "2021-05-31",
        }
    ]
    assert user_extractor.extract(BESTOW).events[0].rule == "pledge.bestow"
    assert _gold(rules_extractor, BESTOW) == []
    assert _gold(Extractor(model="rules"), BESTOW) == []
    assert vaxdiplo.extract(BESTOW, published="2021-06-02", model="rules").events == ()


def test_reuse_files_user_organisation_resolves_as_party(user_extractor, rules_extractor):
    [event] = _gold(user_extractor, FUND)
    assert (event["type"], event["donor"], event["recipient"]) == ("DonationPledge", "VSF", "LAO")
    mentions = {m.text: m.actor for m in user_extractor.extract(FUND).mentions if m.actor}
    assert mentions["Vaccine Solidarity Fund"].party == "VSF"
    assert mentions["Vaccine Solidarity Fund"].kind == "international_org"
    plain = {m.text for m in rules_extractor.extract(FUND).mentions}
    assert "Vaccine Solidarity Fund" not in plain


def test_reuse_files_user_alias_names_a_known_country(user_extractor):
    text = "Japan will donate 300,000 doses to Lan Xang."
    [event] = _gold(user_extractor, text)
    assert (event["donor"], event["recipient"]) == ("JPN", "LAO")


def _write(tmp_path: Path, name: str, content: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(content), encoding="utf-8")
    return path


BAD_RULES = [
    (
        [
            {
                "id": "pledge.ok",
                "type": "DonationPledge",
                "pattern": [{"LOWER": "x"}],
                "roles": {"subj": "donor"},
            },
            {
                "id": "pledge.bad",
                "type": "Coup",
                "pattern": [{"LOWER": "y"}],
                "roles": {"subj": "donor"},
            },
        ],
        ["entry 1", "'pledge.bad'", "'type'", "unknown event type 'Coup'"],
    ),
    (
        [{"id": "pledge.odd", "type": "DonationPledge", "pattern": [], "roles": {"s": "d"}}],
        ["entry 0", "'pledge.odd'", "'pattern'", "at least 1 item"],
    ),
    (
        {
            "triggers": [
                {
                    "id": "pledge.x",
                    "type": "DonationPledge",
                    "pattern": [{"LOWER": "x"}],
                    "roles": {"subj": "donor"},
                    "colour": "red",
                }
            ]
        },
        ["entry 0", "'pledge.x'", "'colour'", "unknown key"],
    ),
    ({"rulez": []}, ["unknown key 'rulez'"]),
]


@pytest.mark.parametrize(("content", "expected"), BAD_RULES, ids=["type", "pattern", "key", "top"])
def test_reuse_files_bad_rule_file_names_file_entry_problem(tmp_path, content, expected):
    path = _write(tmp_path, "my_rules.json", content)
    with pytest.raises(RuleFileError) as info:
        Extractor(model="rules", rules=[path])
    message = str(info.value)
    assert "[E008]" in message and str(path) in message
    for part in expected:
        assert part in message


def test_reuse_files_rule_id_clash_with_packaged_rules(tmp_path):
    rule = {
        "id": "pledge.verb",
        "type": "DonationPledge",
        "pattern": [{"LOWER": "x"}],
        "roles": {"subj": "donor"},
    }
    ex = Extractor(model="rules", rules=[_write(tmp_path, "clash.json", [rule])])
    with pytest.raises(RuleFileError, match=r"duplicate ids \['pledge.verb'\]"):
        ex.nlp  # noqa: B018


BAD_REGISTRY = [
    (
        {"organisations": [{"id": "MSF", "name": "Doctors Without Borders", "kind": "charity"}]},
        ["entry organisations[0] ('MSF')", "field 'kind'", "Input should be"],
    ),
    (
        {"people": [{"id": "jane-roe", "name": "Jane Roe", "offices": [{"title": "Queen"}]}]},
        ["jane-roe", "unknown title 'Queen'"],
    ),
    (
        {"organisations": [{"id": "WHO", "name": "Another WHO", "kind": "group"}]},
        ["duplicate organisation id 'WHO'"],
    ),
    ({"aliases": {"NOPE": ["Nowhere"]}}, ["aliases['NOPE']", "no country, organisation"]),
    ({"companies": []}, ["companies", "unknown key"]),
]


@pytest.mark.parametrize(
    ("content", "expected"), BAD_REGISTRY, ids=["kind", "title", "dupe", "alias", "key"]
)
def test_reuse_files_bad_registry_file_names_file_entry_problem(tmp_path, content, expected):
    path = _write(tmp_path, "my_registry.json", content)
    with pytest.raises(RegistryFileError) as info:
        Extractor(model="rules", registry=[path])
    message = str(info.value)
    assert "[E017]" in message and str(path) in message
    for part in expected:
        assert part in message


def test_reuse_files_cli_rules_and_registry(tmp_path, capsys):
    article = tmp_path / "bestow.txt"
    article.write_text(BESTOW + "\n" + FUND, encoding="utf-8")
    args = ["extract", str(article), "--model", "rules", "--published", "2021-06-02", "-q"]
    out = tmp_path / "out.jsonl"
    assert main([*args, "--rules", str(RULES), "--registry", str(REGISTRY), "-o", str(out)]) == 0
    events = json.loads(out.read_text(encoding="utf-8"))["events"]
    assert {(e["rule"], e["donor"]["party"]) for e in events} == {
        ("pledge.bestow", "CHN"),
        ("pledge.verb", "VSF"),
    }
    assert main([*args, "-o", str(out)]) == 0
    events = json.loads(out.read_text(encoding="utf-8"))["events"]
    assert {e["rule"] for e in events} == {"pledge.verb"}


def test_reuse_files_cli_bad_file_is_one_line(tmp_path, capsys):
    path = _write(tmp_path, "bad.json", [{"id": "x"}])
    (tmp_path / "a.txt").write_text(BESTOW, encoding="utf-8")
    assert main(["extract", str(tmp_path), "--model", "rules", "--rules", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "[E008]" in err and "entry 0" in err


@pytest.mark.parametrize(
    ("name", "source"),
    [("fixtures.jsonl", "fixtures/gold.jsonl"), ("corpus.jsonl", "tests/data/articles_a.jsonl")],
)
def test_reuse_files_packaged_examples_match_their_sources(name, source):
    from vaxdiplo import examples

    root = Path(__file__).resolve().parent.parent
    assert examples.path(name).read_bytes() == (root / source).read_bytes()
    assert examples.load(name) and all("text" in d for d in examples.load(name))
    with pytest.raises(FileNotFoundError):
        examples.path("no_such_file.jsonl")
