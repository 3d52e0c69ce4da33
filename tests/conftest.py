"""Shared fixtures: the extractors (loaded once per session) and the data tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from vaxdiplo import Extractor

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"
EVENTS_DIR = DATA_DIR / "events"
REPO_ROOT = TESTS_DIR.parent
FIXTURES_DIR = REPO_ROOT / "fixtures"


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file, one a line (blank lines skipped).

    Args:
        path: the file, absolute or relative to ``tests/data``.

    Returns:
        The objects, in file order.
    """
    path = Path(path)
    if not path.is_absolute():
        path = DATA_DIR / path
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:  # pragma: no cover - data error
                raise ValueError(f"{path}:{lineno}: {err}") from err
    return rows


def event_table_files() -> list[Path]:
    """The ``tests/data/events/<Type>.jsonl`` tables, sorted by type."""
    return sorted(EVENTS_DIR.glob("*.jsonl"))


def event_table_cases() -> list[tuple[str, dict[str, Any]]]:
    """``(type, line)`` for every line of every event table."""
    return [(path.stem, row) for path in event_table_files() for row in load_jsonl(path)]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The default-model extractor, its pipeline loaded once for the session."""
    ex = Extractor()
    ex.nlp  # noqa: B018  (load now, so the first test does not pay for it)
    return ex


@pytest.fixture(scope="session")
def rules_extractor() -> Extractor:
    """The extractor without a statistical pipeline (``model="rules"``)."""
    ex = Extractor(model="rules")
    ex.nlp  # noqa: B018
    return ex
