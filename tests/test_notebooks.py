"""Every notebook under ``notebooks/`` runs as users run it: ``jupyter nbconvert
--execute``, from the repository root and from ``notebooks/`` (the two at once), and is
stored with its outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
JUPYTER = Path(sys.executable).with_name("jupyter")


def test_notebooks_found():
    names = {p.name for p in NOTEBOOKS}
    assert {"quickstart.ipynb", "corpus.ipynb", "extend.ipynb"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_stored_with_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["outputs"] for c in code[1:]), "run and save the notebook"
    assert not any(o["output_type"] == "error" for c in code for o in c["outputs"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebooks_execute_from_root_and_from_notebooks(path, tmp_path):
    runs = []
    for where, target in ((REPO_ROOT, path.relative_to(REPO_ROOT)), (path.parent, path.name)):
        out = tmp_path / where.name
        command = [str(JUPYTER), "nbconvert", "--to", "notebook", "--execute"]
        command += ["--output-dir", str(out), str(target)]
        runs.append(
            (
                where,
                out / path.name,
                subprocess.Popen(
                    command, cwd=where, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
                ),
            )
        )
    for where, executed, proc in runs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, f"from {where}: {err[-2000:]}"
        nb = json.loads(executed.read_text(encoding="utf-8"))
        outputs = [o for c in nb["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
        assert outputs and not any(o["output_type"] == "error" for o in outputs)
