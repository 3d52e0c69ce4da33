"""Bad input and what it gets: output safety, documented errors, batches that go on,
dates that cannot be, gold that breaks the format, and the command line's answers.

Each case is in the README table "Bad input and what it gets".
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from itertools import permutations
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import vaxdiplo
import vaxdiplo.cli as cli
from vaxdiplo import DocumentFailure, Extractor
from vaxdiplo.cli import main
from vaxdiplo.errors import VaxdiploError
from vaxdiplo.evaluation import GoldDocument, GoldFormatError, load_gold, score
from vaxdiplo.evaluation.gold import GoldWarning
from vaxdiplo.evaluation.matching import is_detected, is_exact, match_group

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "fixtures"
SENTENCE = "China delivered 1 million doses of Sinopharm vaccine to Laos on June 5."
PUBLISHED = "2021-06-06"


def _no_traceback(captured) -> None:
    assert "Traceback" not in captured.err + captured.out


# --------------------------------------------------------------------------- 1. output


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "in" / "v.txt"
    path.parent.mkdir()
    path.write_text(SENTENCE, encoding="utf-8")
    return path


def _output_cases(article: Path) -> dict[str, tuple[list[str], Path]]:
    folder = article.parent
    link = folder.parent / "link.jsonl"
    link.symlink_to(article)
    gold = folder.parent / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g", "text": SENTENCE}) + "\n", encoding="utf-8")
    return {
        "same-file": ([str(article)], article),
        "symlink-to-input": ([str(article)], link),
        "inside-input-folder": ([str(folder)], folder / "out.jsonl"),
        "jsonl-input": ([str(gold)], gold),
        "relative-spelling": ([str(article)], folder / ".." / "in" / "v.txt"),
    }


@pytest.mark.parametrize(
    "case",
    ["same-file", "symlink-to-input", "inside-input-folder", "jsonl-input", "relative-spelling"],
)
def test_bad_input_output_path_resolving_to_an_input_is_refused(article, case, monkeypatch, capsys):
    inputs, output = _output_cases(article)[case]
    before = {p: p.read_bytes() for p in article.parent.parent.rglob("*") if p.is_file()}

    def never(*args, **kwargs):
        raise AssertionError("inputs were opened before the output was checked")

    monkeypatch.setattr(cli, "_inputs", never)
    assert main(["extract", *inputs, "-o", str(output)]) == 2
    captured = capsys.readouterr()
    assert "[E009]" in captured.err and len(captured.err.strip().splitlines()) == 1
    _no_traceback(captured)
    after = {p: p.read_bytes() for p in article.parent.parent.rglob("*") if p.is_file()}
    assert after == before


def test_bad_input_output_written_beside_and_renamed_at_the_end(tmp_path, monkeypatch, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text("earlier output\n", encoding="utf-8")
    good = FIXTURES / "003_298c9196fca855d1.txt"
    from vaxdiplo._sinks import RunOutput

    finish = RunOutput.finish

    def interrupted(self):
        assert (tmp_path / ".out.jsonl.partial").exists(), "no partial file beside the output"
        assert out.read_text(encoding="utf-8") == "earlier output\n"
        raise KeyboardInterrupt

    monkeypatch.setattr(RunOutput, "finish", interrupted)
    with pytest.raises(KeyboardInterrupt):
        main(["extract", str(good), "-o", str(out)])
    assert out.read_text(encoding="utf-8") == "earlier output\n"
    monkeypatch.setattr(RunOutput, "finish", finish)
    assert main(["extract", str(good), "-o", str(out), "-q"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["doc_id"] == good.stem
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_bad_input_output_path_errors_print_one_line(tmp_path, where, capsys):
    output = tmp_path / "no" / "such" / "out.jsonl" if where == "missing-folder" else tmp_path
    good = FIXTURES / "003_298c9196fca855d1.txt"
    assert main(["extract", str(good), "-o", str(output)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("vaxdiplo: [E010]")
    assert len(captured.err.strip().splitlines()) == 1
    _no_traceback(captured)


# --------------------------------------------------------------------------- 2. extract


def test_bad_input_published_year_1_with_yesterday(rules_extractor):
    text = "China delivered 1 million doses of Sinopharm vaccine to Laos yesterday."
    result = rules_extractor.extract(text, published="0001-01-01")
    assert [(e.type, e.date) for e in result.events] == [("Delivery", None)]


def test_bad_input_published_year_9999_with_december_31(rules_extractor):
    text = "China delivered 1 million doses of Sinopharm vaccine to Laos on December 31."
    result = rules_extractor.extract(text, published="9999-12-31")
    assert [e.date for e in result.events] == [dt.date(9999, 12, 31)]


@pytest.mark.parametrize("published", ["0001-01-01", "0001-01-03", "9999-12-31"])
@pytest.mark.parametrize(
    "when", ["on Friday", "last Monday", "the day after tomorrow", "3 days ago", "on Jan. 2"]
)
def test_bad_input_published_at_the_calendar_ends(rules_extractor, published, when):
    text = f"China delivered 1 million doses of Sinopharm vaccine to Laos {when}."
    result = rules_extractor.extract(text, published=published)
    assert [e.type for e in result.events] == ["Delivery"]


def test_bad_input_lone_surrogate_is_replaced_with_a_warning(rules_extractor):
    text = SENTENCE.replace("Laos", "Laos " + json.loads('"\\ud83d"'))  # as JSON can give
    assert "\ud83d" in text
    result = rules_extractor.extract(text, published=PUBLISHED)
    assert any("[W006]" in w and "1 lone surrogate" in w for w in result.warnings)
    [event] = result.events
    assert event.recipient.party == "LAO"
    ev = event.evidence[0]
    assert "\ufffd" in ev.text and text.replace("\ud83d", "\ufffd")[ev.start : ev.end] == ev.text
    json.loads(result.model_dump_json())  # encodable


def test_bad_input_str_subclass_is_read_as_str(rules_extractor):
    class Headline(str):
        pass

    plain = rules_extractor.extract(SENTENCE, published=PUBLISHED)
    for text in (np.str_(SENTENCE), Headline(SENTENCE)):
        result = rules_extractor.extract(text, published=PUBLISHED, doc_id=np.str_("a"))
        assert result.model_copy(update={"doc_id": None}) == plain
        assert type(result.doc_id) is str


def test_bad_input_non_string_doc_id_is_rejected_before_the_pipeline(rules_extractor, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the pipeline ran")

    monkeypatch.setattr(rules_extractor, "_run", never)
    with pytest.raises(TypeError, match=r"\[E011\].*int: 7"):
        rules_extractor.extract(SENTENCE, published=PUBLISHED, doc_id=7)


def test_bad_input_max_chars_above_spacy_max_length(rules_extractor, monkeypatch):
    monkeypatch.setattr(rules_extractor.nlp, "max_length", 100)
    ex = Extractor(model="rules", max_chars=400)
    text = (SENTENCE + " ") * 3
    assert len(text) > 100
    result = ex.extract(text, published=PUBLISHED)
    assert result.events
    with pytest.raises(VaxdiploError, match=r"\[E006\]"):
        ex.extract(text * 2, published=PUBLISHED)


@pytest.mark.parametrize("bad", [0, -5, "1000", 2.5, True, None])
def test_bad_input_max_chars_must_be_a_positive_int(bad):
    with pytest.raises(ValueError, match=r"\[E012\]"):
        Extractor(model="rules", max_chars=bad)


@pytest.mark.parametrize(
    "text, warned",
    [
        ("Trung Quốc tặng Việt Nam 500.000 liều vắc-xin Sinopharm vào ngày 20 tháng 6.", False),
        ("中国向越南捐赠50万剂国药疫苗。", True),
        ("Китай передал Вьетнаму 500 тысяч доз вакцины.", True),
        ("China donated 500,000 Sinopharm doses to Vietnam on June 20.", False),
        ("2021-06-20 500,000 — “12” …", False),  # no letters: no share to speak of
    ],
)  # fmt: skip
def test_bad_input_text_in_another_script_is_warned(rules_extractor, text, warned):
    result = rules_extractor.extract(text, published="2021-06-21")
    assert any("[W004]" in w for w in result.warnings) is warned


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ_1 é中ß²Ⅻ\u0301“.\ud800ДΩ٣ǅ"), max_size=40))
def test_bad_input_ascii_letter_share_is_the_regex_count(text):
    import re

    from vaxdiplo.extractor import _ascii_letter_share

    ascii_ = sum(map(len, re.findall("[A-Za-z]+", text)))
    other = sum(map(len, re.findall(r"[^\W\d_A-Za-z]+", text)))
    assert _ascii_letter_share(text) == (ascii_ / (ascii_ + other) if ascii_ + other else None)


# --------------------------------------------------------------------------- 3. batches


def test_bad_input_extract_many_records_malformed_items(rules_extractor):
    items = [
        ("a", SENTENCE, PUBLISHED),
        (7, SENTENCE, PUBLISHED),
        "not a triple",
        ("short",),
        None,
        {"id": "d"},
        ("e", SENTENCE, "2021-13-45"),
        ("f", SENTENCE, PUBLISHED),
    ]
    results = list(rules_extractor.extract_many(items))
    assert [type(r).__name__ for r in results] == [
        "Extraction",
        *["DocumentFailure"] * 6,
        "Extraction",
    ]
    failures = {r.index: r for r in results if isinstance(r, DocumentFailure)}
    assert failures[1].doc_id is None and "int: 7" in failures[1].message
    assert failures[1].error == "TypeError"
    assert all("[E014]" in failures[i].message for i in (2, 3, 4, 5))
    assert failures[6].doc_id == "e" and failures[6].error == "ValueError"
    assert results[-1].doc_id == "f" and results[-1].events


def _write_jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_bad_input_cli_goes_on_past_broken_jsonl_lines_and_bad_dates(tmp_path, capsys):
    records = tmp_path / "records.jsonl"
    _write_jsonl(
        records,
        [
            json.dumps({"id": "ok1", "text": SENTENCE, "published": PUBLISHED}),
            '{"id": "broken", "text": ',
            json.dumps({"id": "baddate", "text": SENTENCE, "published": "2021-02-30"}),
            json.dumps({"id": "notext"}),
            "[1, 2]",
            "",
            json.dumps({"id": "ok2", "text": SENTENCE, "published": PUBLISHED}),
        ],
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(records), "-o", str(out), "-q"]) == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in rows] == ["ok1", "ok2"]
    assert all(r["events"] for r in rows)
    failed = (tmp_path / "out.failures.jsonl").read_text(encoding="utf-8").splitlines()
    failures = [json.loads(line) for line in failed]
    assert [f["doc_id"] for f in failures] == [None, "baddate", None, None]
    assert [f["source"] for f in failures] == [f"{records}:{n}" for n in (2, 3, 4, 5)]
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    heads = [line.split(": ")[0] for line in lines]
    assert heads[:4] == [
        f"FAILED {records}:2",
        f"FAILED {records}:3 (baddate)",
        f"FAILED {records}:4",
        f"FAILED {records}:5",
    ]
    assert lines[4].startswith("6 documents, 2 events, 4 failures")
    assert "[E003]" in lines[1] and "[E016]" in lines[0]
    _no_traceback(captured)


def test_bad_input_explain_goes_on_past_a_non_utf8_file(tmp_path, capsys):
    bad = tmp_path / "a_latin1.txt"
    bad.write_bytes("Hà Nội got doses".encode("latin-1", "replace") + b"\xff")
    good = tmp_path / "b_good.txt"
    good.write_text(SENTENCE, encoding="utf-8")
    args = ["extract", str(tmp_path), "--explain", "--published", PUBLISHED, "--model", "rules"]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert "=== b_good" in captured.out and "rule=" in captured.out
    assert "FAILED" in captured.err and "a_latin1" in captured.err and "[E002]" in captured.err
    _no_traceback(captured)


class _Flaky(Extractor):
    def extract(self, text, *, published=None, doc_id=None):
        if doc_id == "d2":
            raise RuntimeError("the pipeline broke")
        return super().extract(text, published=published, doc_id=doc_id)


def test_bad_input_evaluate_goes_on_when_one_extraction_raises(rules_extractor):
    gold = [
        GoldDocument(id="d1", text=SENTENCE, published=PUBLISHED, events=[_delivery()]),
        GoldDocument(id="d2", text=SENTENCE, published=PUBLISHED, events=[_delivery()]),
    ]
    report = vaxdiplo.evaluate(gold, _Flaky(model="rules"))
    assert report.failures == {"d2": "RuntimeError: the pipeline broke"}
    assert report.per_article["d1"].detected.tp == 1
    assert report.per_article["d2"].detected.fn == 1
    assert json.loads(report.to_json())["failures"] == report.failures


def test_bad_input_cli_evaluate_goes_on_when_one_extraction_raises(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("vaxdiplo.extractor.Extractor", _Flaky)
    gold = tmp_path / "gold.jsonl"
    doc = {"text": SENTENCE, "published": PUBLISHED, "events": [_delivery()]}
    _write_jsonl(gold, [json.dumps({"id": i, **doc}) for i in ("d1", "d2")])
    assert main(["evaluate", str(gold), "--model", "rules"]) == 1
    captured = capsys.readouterr()
    assert "article d1" in captured.out and "article d2" in captured.out
    assert "FAILED d2: RuntimeError: the pipeline broke" in captured.err
    _no_traceback(captured)


def _delivery() -> dict:
    return {"type": "Delivery", "supplier": "CHN", "recipient": "LAO", "doses": 1000000}


# --------------------------------------------------------------------------- 4. dates


def test_bad_input_year_outside_1900_2099_is_warned_not_replaced(rules_extractor):
    text = "China delivered 1 million doses of Sinopharm vaccine to Laos on June 5, 9999."
    result = rules_extractor.extract(text, published=PUBLISHED)
    assert [e.date for e in result.events] == [None]
    assert any("[W007]" in w and "9999" in w for w in result.warnings)


def test_bad_input_impossible_day_gives_no_date_with_a_warning(rules_extractor):
    text = "China delivered 1 million doses of Sinopharm vaccine to Laos on February 29."
    result = rules_extractor.extract(text, published="2021-06-06")
    assert [e.date for e in result.events] == [None]
    assert any("[W008]" in w and "2021" in w for w in result.warnings)
    leap = rules_extractor.extract(text, published="2020-06-06")
    assert [e.date for e in leap.events] == [dt.date(2020, 2, 29)]
    assert not any("[W008]" in w for w in leap.warnings)
    january = rules_extractor.extract(text, published="2021-01-10")  # the last February 29
    assert [e.date for e in january.events] == [dt.date(2020, 2, 29)]


def test_bad_input_counts_after_a_date_are_no_year(rules_extractor):
    text = "On June 5, 1500 health workers received Sinopharm vaccine doses from China."
    result = rules_extractor.extract(text, published=PUBLISHED)
    assert not any("[W007]" in w for w in result.warnings)


# --------------------------------------------------------------------------- 5. scorer


def _gold_file(tmp_path: Path, events: list[dict], name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    docs = [{"id": "x0", "text": "t", "events": []}, {"id": "x1", "text": "t", "events": events}]
    _write_jsonl(path, [json.dumps(doc) for doc in docs])
    return path


@pytest.mark.parametrize(
    ("event", "key"),
    [
        ({"type": "DonationPledge", "donorr": "JPN"}, "unknown key 'donorr'"),
        ({"type": "DonationPledge", "donor": 42}, "key 'donor'"),
        ({"type": "Delivery", "donor": "JPN"}, "'donor' is not a role or field of Delivery"),
        ({"type": "Delivery", "doses": True}, "key 'doses'"),
        ({"type": "Delivery", "doses": "5"}, "key 'doses'"),
        ({"type": "PhoneCall", "participants": "VNM"}, "key 'participants'"),
        ({"type": "PurchaseAgreement", "money": {"amount": "1"}}, "key 'money.amount'"),
        ({"type": "Delivery", "alt": {"donor": ["JPN"]}}, "'alt' names 'donor'"),
    ],
    ids=["misspelt-role", "party-not-a-string", "role-of-another-type", "doses-bool",
         "doses-string", "participants-string", "money-string", "alt-role-of-another-type"],
)  # fmt: skip
def test_bad_input_gold_validated_naming_file_line_and_key(tmp_path, event, key):
    path = _gold_file(tmp_path, [{"type": "Approval", "authority": "VNM"}, event])
    with pytest.raises(GoldFormatError) as info:
        load_gold(path)
    message = str(info.value)
    assert message.startswith(f"{path}:2: ") and "event 1" in message and key in message
    assert "\n" not in message


def test_bad_input_gold_read_as_utf8_with_bom(tmp_path):
    path = tmp_path / "bom.jsonl"
    doc = {"id": "x", "text": "Hà Nội", "events": [{"type": "Approval", "authority": "VNM"}]}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    [loaded] = load_gold(path)
    assert loaded.id == "x" and loaded.text == "Hà Nội"


def test_bad_input_gold_not_utf8_names_the_file(tmp_path):
    path = tmp_path / "latin.jsonl"
    good = json.dumps({"id": "a", "text": "t", "events": [{"type": "Approval"}]})
    path.write_bytes(good.encode() + b"\n" + '{"id": "b", "text": "Hà"}'.encode("latin-1"))
    with pytest.raises(GoldFormatError, match=rf"^{path}:2: not UTF-8"):
        load_gold(path)


@pytest.mark.parametrize("content", ["", "\n\n", json.dumps({"id": "a", "text": "t"})])
def test_bad_input_empty_gold_warns(tmp_path, content):
    path = tmp_path / "empty.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.warns(GoldWarning, match=r"\[W009\]"):
        load_gold(path)


def _lexicographic(gold: list[dict], preds: list[dict], pairs) -> tuple[int, int, int, int]:
    """The objective the matching maximises, most important first."""
    required = [not g.get("optional", False) for g in gold]
    exact = [(gi, pi) for gi, pi, kind in pairs if kind == "exact"]
    detected = [(gi, pi) for gi, pi, kind in pairs if kind == "detected"]
    return (
        sum(required[gi] for gi, _ in exact),
        len(exact),
        sum(required[gi] for gi, _ in detected),
        len(detected),
    )


def _best_by_brute_force(gold: list[dict], preds: list[dict]) -> tuple[int, int, int, int]:
    """The best objective over every one-to-one matching (a gold event's pick past the
    predictions means it stays unmatched)."""
    best = (0, 0, 0, 0)
    n = len(preds)
    for order in permutations(range(n + len(gold)), len(gold)):
        pairs = []
        for gi, pi in enumerate(order):
            if pi >= n:
                continue
            if is_exact(preds[pi], gold[gi]):
                pairs.append((gi, pi, "exact"))
            elif is_detected(preds[pi], gold[gi]):
                pairs.append((gi, pi, "detected"))
        best = max(best, _lexicographic(gold, preds, pairs))
    return best


def test_bad_input_hungarian_matching_is_optimal():
    rng = np.random.default_rng(9)
    parties = ["VNM", "CHN", "LAO"]
    for _ in range(100):

        def event(optional: bool) -> dict:
            return {
                "type": "Approval",
                "authority": str(rng.choice(parties)),
                "vaccine": str(rng.choice(["sinopharm", "pfizer"])),
                "optional": optional,
            }

        gold = [event(bool(rng.random() < 0.3)) for _ in range(rng.integers(1, 5))]
        preds = [event(False) for _ in range(rng.integers(1, 5))]
        pairs = match_group(gold, preds)
        assert len({gi for gi, _, _ in pairs}) == len({pi for _, pi, _ in pairs}) == len(pairs)
        assert _lexicographic(gold, preds, pairs) == _best_by_brute_force(gold, preds)


def test_bad_input_hungarian_matching_on_many_events_of_one_type():
    gold = [{"type": "Delivery", "recipient": "VNM", "doses": n} for n in range(400)]
    preds = [{"type": "Delivery", "recipient": "VNM", "doses": n} for n in reversed(range(400))]
    report = score([GoldDocument(id="a", events=gold)], {"a": preds})
    assert (report.overall.exact.tp, report.overall.exact.fp) == (400, 0)


@pytest.mark.parametrize(
    "content",
    [
        json.dumps({"id": "a", "text": "t", "events": [{"type": "Delivery", "donorr": "X"}]}),
        "{broken",
        b"\xff\xfe".decode("latin-1"),
    ],
    ids=["unknown-key", "bad-json", "not-utf8"],
)
def test_bad_input_cli_gold_errors_are_one_line(tmp_path, content, capsys):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(content.encode("latin-1" if "\xff" in content else "utf-8"))
    assert main(["evaluate", str(path), "--model", "rules"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(f"vaxdiplo: {path}:1: ")
    assert len(captured.err.strip().splitlines()) == 1
    _no_traceback(captured)


# --------------------------------------------------------------------------- 6. CLI


def test_bad_input_explain_with_output_is_refused(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    good = FIXTURES / "003_298c9196fca855d1.txt"
    assert main(["extract", str(good), "--explain", "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert "[E013]" in captured.err and "wrote" not in captured.out
    assert not out.exists()


def test_bad_input_same_stem_in_one_folder_gets_distinct_ids(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.md").write_text(SENTENCE.replace("Laos", "Cambodia"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path.parent / f"{tmp_path.name}.jsonl"
    assert main(["extract", str(tmp_path), "-o", str(out), "-q", "--model", "rules"]) == 0
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a.md", "a.txt", "b"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_bad_input_dangling_symlinks_and_fifos_are_recorded(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    os.mkfifo(folder / "pipe.txt")
    os.mkfifo(folder / "pipe_without_suffix")
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(folder), "-o", str(out), "-q", "--model", "rules"])
    assert code == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    failed = (tmp_path / "out.failures.jsonl").read_text(encoding="utf-8").splitlines()
    failures = {f["doc_id"]: f["message"] for f in map(json.loads, failed)}
    assert set(failures) == {"gone", "pipe", "pipe_without_suffix"}
    assert "dangling symbolic link" in failures["gone"] and "FIFO" in failures["pipe"]
    assert [r["doc_id"] for r in rows] == ["good"] and rows[0]["events"]
    assert "4 documents, 1 events, 3 failures" in capsys.readouterr().err
    # a FIFO named on the command line is not opened either (that would block)
    assert main(["extract", str(folder / "pipe.txt"), "-q", "--model", "rules"]) == 1


def test_bad_input_schema_into_a_closed_pipe_prints_no_traceback():
    code = "from vaxdiplo.cli import main; raise SystemExit(main(['schema']))"
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdout.close()  # the reader is gone before anything was written: `| head -0`
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    proc.stderr.close()
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert proc.returncode == 1


def test_bad_input_cli_unreadable_published_is_one_line(capsys):
    good = FIXTURES / "003_298c9196fca855d1.txt"
    assert main(["extract", str(good), "--published", "June 5th"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("[E003]") and captured.out == ""


def test_bad_input_unknown_model_is_one_line(capsys):
    assert main(["evaluate", str(FIXTURES / "gold.jsonl"), "--model", "no_such_model"]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("vaxdiplo: [E004]")
    _no_traceback(captured)


# --------------------------------------------------------------------------- 7. README


def test_bad_input_readme_table_lists_the_answers():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Bad input and what it gets", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][2:]
    assert len(rows) >= 20
    for code in ("E001", "E002", "E003", "E006", "E009", "E010", "E011", "E013", "E014",
                 "E015", "E016", "W003", "W005", "W006", "W007", "W008", "W009"):  # fmt: skip
        assert code in section, code


def test_bad_input_document_failure_is_in_the_api():
    failure = DocumentFailure(doc_id=None, error="E", message="m", index=3, source="f:2")
    assert DocumentFailure.model_validate_json(failure.model_dump_json()) == failure


def test_bad_input_gold_schema_follows_the_event_models():
    from vaxdiplo.evaluation import FIELDS_BY_TYPE
    from vaxdiplo.models import EVENT_CLASSES

    assert {name: (*cls.roles, *cls.fields) for name, cls in EVENT_CLASSES.items()} == (
        FIELDS_BY_TYPE
    )
