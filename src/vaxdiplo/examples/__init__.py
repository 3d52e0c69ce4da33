"""Example data shipped with the package, found relative to it (never to the working
directory), so notebooks and scripts run from anywhere.

================================  ====================================================
name                              what
================================  ====================================================
``fixtures.jsonl``                the seed fixtures in the gold format (a copy of the
                                  repository's ``fixtures/gold.jsonl``)
``corpus.jsonl``                  an example corpus: twelve annotated news articles
                                  (a copy of ``tests/data/articles_a.jsonl``)
``export_ban/export_ban.json``    the ``ExportBan`` event type and its triggers
``export_ban/sentences.jsonl``    its table of real sentences, each with its source
``export_ban/gold.jsonl``         a small gold file that ``vaxdiplo evaluate`` scores
================================  ====================================================

Example:
    >>> from vaxdiplo import examples
    >>> docs = examples.load("corpus.jsonl")  # doctest: +SKIP
    >>> Extractor(rules=[examples.path("export_ban/export_ban.json")])  # doctest: +SKIP
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

__all__ = ["load", "path"]


def path(name: str) -> Path:
    """The file ``name`` of the example data (see the module docstring).

    Raises:
        FileNotFoundError: there is no such example file.
    """
    found = Path(str(files(__name__) / name))
    if not found.is_file():
        raise FileNotFoundError(f"no example file {name!r} in {found.parent}")
    return found


def load(name: str) -> list[dict[str, Any]]:
    """The JSON objects of the example JSONL file ``name``, one per line."""
    text = path(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
