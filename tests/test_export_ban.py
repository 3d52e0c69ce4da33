"""The worked example of a user-declared event type: ``ExportBan`` (imposer, target,
goods, date), declared with its triggers in ``vaxdiplo/examples/export_ban/export_ban.json``.

Its table of real sentences (``vaxdiplo/examples/export_ban/sentences.jsonl``, each with the
address it was quoted from) passes; its model is a pydantic model made for it, in the
JSON Schema of the results; ``vaxdiplo evaluate`` checks its gold and scores it.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

from conftest import load_jsonl
from vaxdiplo import Extractor, evaluate, examples
from vaxdiplo.cli import main
from vaxdiplo.evaluation import GoldFormatError, load_gold

EXAMPLE = examples.path("export_ban/export_ban.json").parent
RULES = EXAMPLE / "export_ban.json"
TABLE = load_jsonl(EXAMPLE / "sentences.jsonl")
GOLD = EXAMPLE / "gold.jsonl"


@pytest.fixture(scope="module")
def ban_extractor() -> Extractor:
    return Extractor(rules=[RULES])


def _case(row: dict) -> object:
    marks = [pytest.mark.xfail(reason=row["xfail"])] if "xfail" in row else []
    return pytest.param(row, id=row["id"], marks=marks)


def _project(event: dict, keys: typing.Iterable[str]) -> tuple:
    return tuple((k, event.get(k)) for k in sorted(keys))


def test_export_ban_table_size():
    kinds = [row["kind"] for row in TABLE if "xfail" not in row]
    assert kinds.count("positive") >= 10
    assert kinds.count("negative") >= 6
    assert all(row["source"].startswith("http") for row in TABLE)


@pytest.mark.parametrize("row", [_case(r) for r in TABLE])
def test_export_ban_table(ban_extractor, row):
    result = ban_extractor.extract(row["text"], published=row["published"])
    found = [e.to_gold() for e in result.events if e.type == "ExportBan"]
    keys = {"imposer", "target", "goods"} | {k for e in row["events"] for k in e if k == "date"}
    expected = sorted(_project(e, keys) for e in row["events"])
    assert sorted(_project(e, keys) for e in found) == expected


def test_export_ban_model_is_made_for_the_type(ban_extractor):
    spec = ban_extractor.event_types["ExportBan"]
    model = spec.model()
    assert issubclass(model, BaseModel) and model.__name__ == "ExportBan"
    assert model is spec.model()
    assert set(model.model_fields) >= {"type", "imposer", "target", "goods", "date", "evidence"}
    goods = typing.get_args(model.model_fields["goods"].annotation)
    assert typing.get_args(goods[0]) == ("vaccines", "raw_materials", "drugs")
    with pytest.raises(ValidationError, match="goods"):
        model(goods="bananas")
    event = model(imposer={"kind": "country", "name": "India", "id": "IND"}, goods="drugs")
    assert event.to_gold() == {
        "type": "ExportBan",
        "imposer": "IND",
        "goods": "drugs",
        "evidence": [],
        "rule": "manual",
    }


def test_export_ban_result_round_trips_and_keeps_to_gold(ban_extractor):
    [row] = [r for r in TABLE if r["id"] == "pos-00"]
    result = ban_extractor.extract(row["text"], published=row["published"])
    assert ban_extractor.extraction_model.model_validate_json(result.model_dump_json()) == result
    [event] = [e for e in result.events if e.type == "ExportBan"]
    assert event.to_gold()["target"] == "AUS"
    assert event.trigger.text == "blocked"
    assert row["text"][event.trigger.start : event.trigger.end] == "blocked"


def test_export_ban_in_the_json_schema(ban_extractor, capsys):
    schema = ban_extractor.json_schema()
    assert "ExportBan" in schema["$defs"]
    assert set(schema["$defs"]["ExportBan"]["properties"]) >= {"imposer", "target", "goods"}
    events = schema["properties"]["events"]["items"]
    assert "ExportBan" in events["discriminator"]["mapping"]
    assert main(["schema", "--rules", str(RULES)]) == 0
    assert "ExportBan" in json.loads(capsys.readouterr().out)["$defs"]
    assert main(["schema"]) == 0
    assert "ExportBan" not in json.loads(capsys.readouterr().out)["$defs"]


def test_export_ban_scored_by_evaluate(ban_extractor, capsys):
    report = evaluate(GOLD, ban_extractor)
    ban = report.per_type["ExportBan"]
    assert (ban.detected.tp, ban.exact.tp) == (5, 5)
    assert (ban.detected.fp, ban.detected.fn) == (0, 0)
    assert main(["evaluate", str(GOLD), "--rules", str(RULES), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["per_type"]["ExportBan"]["exact"]["f1"] == 1.0


def test_export_ban_gold_is_checked_against_the_type(ban_extractor, tmp_path: Path):
    types = {n: s.contract() for n, s in ban_extractor.event_types.items()}
    assert len(load_gold(GOLD, types)) == 5
    with pytest.raises(GoldFormatError, match="ExportBan"):
        load_gold(GOLD)  # a type no rule file declared
    bad = tmp_path / "gold.jsonl"
    row = {"id": "x", "text": "t", "events": [{"type": "ExportBan", "imposr": "IND"}]}
    bad.write_text(json.dumps(row), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="unknown key 'imposr'"):
        load_gold(bad, types)
