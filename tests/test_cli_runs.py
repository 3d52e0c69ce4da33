"""``vaxdiplo extract -o``: tables, failures file, exit status, progress, kill and resume."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

import vaxdiplo
from vaxdiplo.cli import main
from vaxdiplo.tables import COLUMNS

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "fixtures"
SEEDS = sorted(FIXTURES.glob("*.txt"))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of 24 articles (the seeds under other names) with a manifest of dates."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    rows = ["file,id,published,url"]
    for n in range(24):
        seed = SEEDS[n % len(SEEDS)]
        (folder / f"{n:02d}.txt").write_bytes(seed.read_bytes())
        rows.append(f"{n:02d}.txt,art-{n:02d},2021-06-{5 + n % 3:02d},https://x.example/{n}")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def _cli(*args: str, **kwargs) -> subprocess.Popen:
    code = "import sys; from vaxdiplo.cli import main; raise SystemExit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, *args], **kwargs)


def test_cli_runs_csv_and_parquet_are_the_to_frame_table(corpus, tmp_path, rules_extractor):
    csv_out, parquet_out = tmp_path / "events.csv", tmp_path / "events.parquet"
    for out in (csv_out, parquet_out):
        assert main(["extract", str(corpus), "-o", str(out), "-q", "--model", "rules"]) == 0
    from vaxdiplo.readers import read

    frame = vaxdiplo.to_frame(rules_extractor.extract_many(read(corpus)))
    assert list(frame.columns) == list(COLUMNS) and len(frame) > 24
    assert set(frame.doc_id) <= {f"art-{n:02d}" for n in range(24)}
    parquet = pd.read_parquet(parquet_out)
    assert list(parquet.columns) == list(COLUMNS)
    assert parquet.astype(str).equals(frame.astype(str))
    table = pd.read_csv(csv_out, keep_default_na=False, dtype=str)
    expected = frame.astype(object).where(frame.notna(), "").astype(str)
    assert table.equals(expected)


def test_cli_runs_to_frame_columns_of_an_event(rules_extractor):
    text = "China delivered 1 million doses of Sinopharm vaccine to Laos on June 5."
    result = rules_extractor.extract(text, published="2021-06-06", doc_id="d1")
    [row] = vaxdiplo.to_frame([result]).to_dict("records")
    assert row["doc_id"] == "d1" and row["type"] == "Delivery" and row["event"] == 0
    assert (row["supplier_party"], row["supplier_name"]) == ("CHN", "China")
    assert (row["recipient_party"], row["vaccine"], row["doses"]) == ("LAO", "sinopharm", 1000000)
    assert row["channel"] == "unspecified" and str(row["date"]) == "2021-06-05"
    assert text[row["evidence_start"] : row["evidence_end"]] == row["evidence"]
    assert row["rule"] and 0 < row["confidence"] <= 1
    assert vaxdiplo.to_frame([]).columns.tolist() == list(COLUMNS)


def test_cli_runs_exit_status_keep_going_and_strict(corpus, tmp_path, capsys):
    (corpus / "05.txt").write_bytes(b"\xff\xfe not UTF-8")
    out = tmp_path / "events.jsonl"
    args = ["extract", str(corpus), "-o", str(out), "--model", "rules"]
    assert main([*args, "--keep-going"]) == 1
    assert len(out.read_text().splitlines()) == 23
    [failure] = map(json.loads, (tmp_path / "events.failures.jsonl").read_text().splitlines())
    assert failure["doc_id"] == "art-05" and "[E002]" in failure["message"]
    assert "24 documents, " in capsys.readouterr().err
    assert main([*args, "--strict"]) == 1
    assert len(out.read_text().splitlines()) == 5  # stopped at the failure
    assert "6 documents, " in capsys.readouterr().err
    (corpus / "05.txt").write_bytes(SEEDS[0].read_bytes())
    assert main(args) == 0
    assert not (tmp_path / "events.failures.jsonl").exists()  # the stale failures went


def test_cli_runs_bad_model_and_date_fail_before_reading(corpus, tmp_path, capsys, monkeypatch):
    import vaxdiplo.cli as cli

    def never(*args, **kwargs):
        raise AssertionError("inputs were read")

    monkeypatch.setattr(cli, "_inputs", never)
    out = str(tmp_path / "o.jsonl")
    assert main(["extract", str(corpus), "-o", out, "--model", "no_such_model"]) == 2
    assert "[E004]" in capsys.readouterr().err
    assert main(["extract", str(corpus), "-o", out, "--published", "June 5th"]) == 2
    assert "[E003]" in capsys.readouterr().err
    assert main(["extract", str(corpus), "-o", str(tmp_path / "o.xlsx")]) == 2
    assert "[E020]" in capsys.readouterr().err


def test_cli_runs_killed_run_resumes_to_the_same_records(corpus, tmp_path):
    whole, part = tmp_path / "whole.jsonl", tmp_path / "part.jsonl"
    common = ["--model", "rules", "--batch-size", "2", "-q"]
    assert main(["extract", str(corpus), "-o", str(whole), *common]) == 0
    ledger = tmp_path / ".part.jsonl.ledger"
    proc = _cli("extract", str(corpus), "-o", str(part), *common)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if ledger.exists() and ledger.read_bytes().count(b"\n") >= 4:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = tmp_path / ".part.jsonl.partial"
    assert not part.exists() and partial.exists()
    with partial.open("ab") as handle:  # as if killed in the middle of a record
        handle.write(b'{"doc_id": "art-99", "events": [{"ty')
    assert main(["extract", str(corpus), "-o", str(part), *common, "--resume"]) == 0
    assert part.read_bytes() == whole.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "part.jsonl", "whole.jsonl"]


def test_cli_runs_progress_bar_on_a_terminal_only(corpus, tmp_path, capsys):
    main_fd, child_fd = pty.openpty()
    out = tmp_path / "events.jsonl"
    proc = _cli(
        "extract", str(corpus), "-o", str(out), "--model", "rules", stderr=child_fd,
        env={**os.environ, "COLUMNS": "160", "TERM": "xterm"},
    )  # fmt: skip
    os.close(child_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert proc.wait() == 0
    os.close(main_fd)
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "documents" in screen and "24/24" in screen and "events" in screen
    assert "docs/s" in screen and "ETA" in screen
    assert "24 documents, " in screen and "0 failures" in screen
    assert main(["extract", str(corpus), "-o", str(out), "--model", "rules"]) == 0
    err = capsys.readouterr().err
    assert "docs/s" not in err and err.startswith("24 documents, ")
