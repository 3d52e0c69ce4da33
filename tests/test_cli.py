"""The command line: ``vaxdiplo extract | schema | evaluate``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vaxdiplo.cli import main

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "fixtures"
N_SEEDS = len(list(FIXTURES.glob("*.txt")))


def test_cli_extract_folder_writes_jsonl(tmp_path, capsys):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in FIXTURES.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == N_SEEDS == 5
    docs = [json.loads(line) for line in lines]
    assert [d["doc_id"] for d in docs] == sorted(p.stem for p in FIXTURES.glob("*.txt"))
    assert all("events" in d and "mentions" in d and d["text"] for d in docs)
    captured = capsys.readouterr()
    assert captured.out == ""  # with -o no tables; no progress bar off a terminal
    [summary] = captured.err.splitlines()
    assert summary.startswith(f"{N_SEEDS} documents, ") and " 0 failures " in summary
    assert summary.endswith(f"wrote {out}")
    assert not (tmp_path / "out.failures.jsonl").exists()


def test_cli_extract_without_output_prints_tables(capsys):
    assert main(["extract", str(FIXTURES / "000_625f166aeea52ebd.txt")]) == 0
    printed = capsys.readouterr().out
    assert "mentions:" in printed and "pham-minh-chinh" in printed


def test_cli_extract_no_mentions(capsys):
    assert main(["extract", str(FIXTURES / "000_625f166aeea52ebd.txt"), "--no-mentions"]) == 0
    printed = capsys.readouterr().out
    assert "mentions:" not in printed and "events:" in printed


def test_cli_extract_explain(capsys):
    assert main(["extract", str(FIXTURES / "000_625f166aeea52ebd.txt"), "--explain"]) == 0
    printed = capsys.readouterr().out
    assert "rule=" in printed and "evidence" in printed
    from vaxdiplo.rules import load_rules

    ids = {r.id for r in load_rules()}
    found = {m for m in ids if f"rule={m}" in printed}
    assert found, printed[:2000]


def test_cli_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "$defs" in schema
    assert "DonationPledge" in schema["$defs"]


def test_cli_evaluate_json(capsys):
    assert main(["evaluate", str(FIXTURES / "gold.jsonl"), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "per_type" in report and "overall" in report
    assert set(report["per_article"]) == {f"seed-00{i}" for i in range(5)}


def test_cli_evaluate_table(capsys):
    assert main(["evaluate", str(FIXTURES / "gold.jsonl")]) == 0
    assert capsys.readouterr().out.startswith("scope")


def test_cli_missing_file_does_not_stop_batch(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    missing = tmp_path / "no_such_file.txt"
    unreadable = tmp_path / "latin1.txt"
    unreadable.write_bytes("Hà Nội".encode("latin-1", "replace") + b"\xff\xfe")
    good = FIXTURES / "003_298c9196fca855d1.txt"
    code = main(["extract", str(missing), str(good), str(unreadable), "-o", str(out)])
    assert code == 1  # the batch went on, and says some documents failed
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in rows] == [good.stem]
    failures = tmp_path / "out.failures.jsonl"
    failed = [json.loads(line) for line in failures.read_text(encoding="utf-8").splitlines()]
    assert [(f["doc_id"], f["error"]) for f in failed] == [
        ("no_such_file", "FileNotFoundError"),
        ("latin1", "VaxdiploError"),
    ]
    captured = capsys.readouterr()
    assert captured.err.count("FAILED") == 2
    assert "3 documents, " in captured.err and " 2 failures " in captured.err


def test_cli_all_inputs_failing_exit_code(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
    assert "FAILED" in capsys.readouterr().err


def test_cli_extract_gold_jsonl_uses_published(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(FIXTURES / "gold.jsonl"), "-o", str(out), "-q"]) == 0
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert docs[0]["doc_id"] == "seed-000"
    assert docs[0]["published"] == "2021-06-05"
    assert docs[0]["published_source"] == "argument"


def test_cli_requires_a_command():
    with pytest.raises(SystemExit):
        main([])
