"""Generate ``src/vaxdiplo/registry/data/countries.json``.

Sources: pycountry (ids, alpha-2 codes, ISO names) and the hand-curated
``country_extras.json`` (display names, aliases, demonyms, capitals), keyed by
ISO 3166-1 alpha-3. Extras for codes pycountry does not know (Kosovo, ``XKX``)
must carry ``alpha2`` and may carry ``official_name``.

Run ``python scripts/build_registry.py`` after editing the extras or upgrading
pycountry; ``tests/test_registry_data_integrity.py`` fails when the generated
file is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pycountry

DATA_DIR = Path(__file__).resolve().parent.parent / "src" / "vaxdiplo" / "registry" / "data"
EXTRAS_PATH = DATA_DIR / "country_extras.json"
OUTPUT_PATH = DATA_DIR / "countries.json"

#: Codes accepted in the extras although pycountry does not list them.
NON_ISO_CODES = frozenset({"XKX"})

_EXTRA_KEYS = frozenset({"name", "aliases", "demonyms", "capitals", "alpha2", "official_name"})


def load_extras(path: Path = EXTRAS_PATH) -> dict[str, dict[str, Any]]:
    """Read the hand-curated extras, rejecting unknown keys."""
    extras: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    for code, extra in extras.items():
        unknown = set(extra) - _EXTRA_KEYS
        if unknown:
            raise ValueError(f"{code}: unknown keys in country extras: {sorted(unknown)}")
    return extras


def _unique(names: list[str], exclude: str) -> list[str]:
    """Drop empty names, ``exclude`` and case-insensitive repeats, keeping order."""
    seen = {exclude.casefold()}
    out: list[str] = []
    for name in names:
        key = name.casefold()
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def build(extras: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Return the country entries, sorted by id, as plain dicts."""
    extras = load_extras() if extras is None else extras
    entries: dict[str, dict[str, Any]] = {}
    for country in pycountry.countries:
        extra = extras.get(country.alpha_3, {})
        iso_name: str = country.name
        common: str | None = getattr(country, "common_name", None)
        official: str | None = getattr(country, "official_name", None)
        name: str = extra.get("name") or common or iso_name
        aliases = [*extra.get("aliases", ()), iso_name, *(n for n in (official, common) if n)]
        entries[country.alpha_3] = {
            "id": country.alpha_3,
            "alpha2": country.alpha_2,
            "name": name,
            "official_name": official,
            "aliases": _unique(aliases, exclude=name),
            "demonyms": _unique(list(extra.get("demonyms", ())), exclude=""),
            "capitals": _unique(list(extra.get("capitals", ())), exclude=""),
        }
    for code in sorted(set(extras) - set(entries)):
        if code not in NON_ISO_CODES:
            raise ValueError(
                f"{code} is neither an ISO 3166-1 alpha-3 code nor allowed in NON_ISO_CODES"
            )
        extra = extras[code]
        entries[code] = {
            "id": code,
            "alpha2": extra["alpha2"],
            "name": extra["name"],
            "official_name": extra.get("official_name"),
            "aliases": _unique(list(extra.get("aliases", ())), exclude=extra["name"]),
            "demonyms": _unique(list(extra.get("demonyms", ())), exclude=""),
            "capitals": _unique(list(extra.get("capitals", ())), exclude=""),
        }
    return [entries[code] for code in sorted(entries)]


def render(entries: list[dict[str, Any]]) -> str:
    """Serialise entries exactly as ``countries.json`` is stored."""
    return json.dumps(entries, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    OUTPUT_PATH.write_text(render(build()), encoding="utf-8")
    print(f"wrote {OUTPUT_PATH}")


if __name__ == "__main__":
    main()
