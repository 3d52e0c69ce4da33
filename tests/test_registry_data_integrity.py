"""countries.json is generated: it must equal what scripts/build_registry.py builds now."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pycountry
import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "build_registry.py"


@pytest.fixture(scope="module")
def build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_registry", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_registry_data_countries_json_is_up_to_date(build_script: ModuleType) -> None:
    stored = build_script.OUTPUT_PATH.read_text(encoding="utf-8")
    assert stored == build_script.render(build_script.build()), (
        "countries.json is stale: run `python scripts/build_registry.py`"
    )


def test_registry_data_extras_ids_are_iso_or_allowed(build_script: ModuleType) -> None:
    extras = build_script.load_extras()
    iso = {c.alpha_3 for c in pycountry.countries}
    unknown = sorted(set(extras) - iso - {"XKX"})
    assert unknown == []


def test_registry_data_extras_cover_every_pycountry_country(build_script: ModuleType) -> None:
    extras = build_script.load_extras()
    missing = sorted({c.alpha_3 for c in pycountry.countries} - set(extras))
    assert missing == []


def test_registry_data_build_is_sorted_and_unique(build_script: ModuleType) -> None:
    ids = [entry["id"] for entry in build_script.build()]
    assert ids == sorted(set(ids))


def test_registry_data_build_rejects_unknown_code(build_script: ModuleType) -> None:
    with pytest.raises(ValueError, match="ZZZ"):
        build_script.build({"ZZZ": {"name": "Nowhere", "alpha2": "ZZ"}})


def test_registry_data_build_rejects_unknown_extra_key(
    build_script: ModuleType, tmp_path: Path
) -> None:
    path = tmp_path / "extras.json"
    path.write_text(
        json.dumps({"VNM": {"name": "Vietnam", "capital": ["Hanoi"]}}), encoding="utf-8"
    )
    with pytest.raises(ValueError, match="capital"):
        build_script.load_extras(path)


def test_registry_data_pycountry_names_become_aliases(build_script: ModuleType) -> None:
    by_id = {entry["id"]: entry for entry in build_script.build()}
    assert by_id["VNM"]["name"] == "Vietnam"
    assert "Viet Nam" in by_id["VNM"]["aliases"]
    assert by_id["VNM"]["official_name"] == "Socialist Republic of Viet Nam"
    assert "Korea, Republic of" in by_id["KOR"]["aliases"]
    assert by_id["XKX"]["alpha2"] == "XK"
