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
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(FIXTURES), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == N_SEEDS == 5
    docs = [json.loads(line) for line in lines]
    assert [d["doc_id"] for d in docs] == sorted(p.stem for p in FIXTURES.glob("*.txt"))
    assert all("events" in d and "mentions" in d for d in docs)
    printed = capsys.readouterr().out
    assert "mentions:" in printed
    assert "pham-minh-chinh" in printed
    assert f"wrote {N_SEEDS} extraction(s)" in printed


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
    assert len(rows) == 3
    assert rows[0]["failure"]["error"] == "FileNotFoundError"
    assert rows[1]["doc_id"] == good.stem and "events" in rows[1]
    assert rows[2]["failure"]["error"] == "VaxdiploError"
    captured = capsys.readouterr()
    assert "FAILED" in captured.err
    assert "2 failure(s) recorded" in captured.out
    assert "2 of 3 document(s) failed" in captured.err


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
