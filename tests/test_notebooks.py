"""Every notebook under ``notebooks/`` runs: its code cells executed in order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))


def _code_cells(path: Path) -> list[str]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4
    cells = []
    for cell in nb["cells"]:
        assert cell["cell_type"] in ("code", "markdown", "raw")
        if cell["cell_type"] == "code":
            source = cell["source"]
            cells.append("".join(source) if isinstance(source, list) else source)
    return cells


def test_notebooks_found():
    assert NOTEBOOKS, "no notebooks under notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_run(path, monkeypatch, extractor, capsys):
    monkeypatch.chdir(REPO_ROOT)
    namespace: dict = {"__name__": "__main__"}
    cells = _code_cells(path)
    assert cells, f"{path.name} has no code cells"
    for n, source in enumerate(cells):
        code = compile(source, f"{path.name}[code cell {n}]", "exec")
        exec(code, namespace)
    assert capsys.readouterr().out
