"""The output of ``vaxdiplo extract -o``: records appended per document with flush and
fsync, a ledger of the documents done, and a rename into place at the end.

While a run goes on, its records go to ``.NAME.partial`` beside the output (JSONL:
one ``Extraction`` a line; CSV: the rows of :func:`vaxdiplo.tables.to_frame`; Parquet:
the extractions as JSONL, made into the table at the end) and its failures to
``.FAILURES.partial``. After each document one line goes to the ledger
``.NAME.ledger``: the document's key and the byte lengths of both partial files
after it. ``--resume`` cuts both partial files back to the lengths of the ledger's
last complete line (a record written after it, or a half-written line, goes) and
skips the documents done, so that a run killed at any moment and resumed writes
exactly the records of a run never interrupted. At the end the partial files are
renamed onto the output and the failures file, and the ledger is removed: an
earlier output stays as it was until then.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any, BinaryIO

from vaxdiplo.errors import Errors, VaxdiploError
from vaxdiplo.models import DocumentFailure, Extraction

__all__ = ["FORMATS", "RunOutput", "default_failures_path", "output_format"]

FORMATS = ("jsonl", "csv", "parquet")


def output_format(path: Path, given: str | None) -> str:
    """The output format: ``given``, or the output's suffix (``.jsonl``, ``.csv``,
    ``.parquet``); ``VaxdiploError`` [E020] when neither names one."""
    fmt = given or path.suffix.lower().lstrip(".")
    if fmt == "json":
        fmt = "jsonl"
    if fmt not in FORMATS:
        raise VaxdiploError(Errors.E020.format(output=path, formats=", ".join(FORMATS)))
    if fmt != "jsonl":
        try:
            import pandas  # noqa: F401

            if fmt == "parquet":
                import pyarrow  # noqa: F401
        except ImportError as err:
            raise VaxdiploError(Errors.E021.format(fmt=fmt, reason=err)) from err
    return fmt


def default_failures_path(output: Path) -> Path:
    """``events.jsonl`` -> ``events.failures.jsonl`` (any output format)."""
    return output.with_name(f"{output.stem}.failures.jsonl")


def _sync(handle: BinaryIO) -> None:
    handle.flush()
    os.fsync(handle.fileno())


def _csv_bytes(results: list[Extraction], header: bool) -> bytes:
    from vaxdiplo.tables import to_frame

    buffer = io.StringIO()
    to_frame(results).to_csv(buffer, header=header, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


class RunOutput:
    """The files of one ``extract -o`` run (see the module's description).

    Args:
        target: The output file.
        failures: The failures file (JSONL, one ``DocumentFailure`` a line).
        fmt: One of :data:`FORMATS`.
    """

    def __init__(self, target: Path, failures: Path, fmt: str) -> None:
        self.target, self.failures, self.fmt = target, failures, fmt
        self.partial = target.with_name(f".{target.name}.partial")
        self.failures_partial = failures.with_name(f".{failures.name}.partial")
        self.ledger = target.with_name(f".{target.name}.ledger")
        self.done: set[str] = set()
        self.documents = self.events = self.failed = 0
        self.result_model: type[Extraction] = Extraction  # the extractor's, for Parquet
        self._out: BinaryIO | None = None
        self._fail: BinaryIO | None = None
        self._log: BinaryIO | None = None

    def _ledger_lines(self) -> list[dict[str, Any]]:
        """The ledger's complete lines (a half-written last line is left out), each
        with ``end``: the ledger's length up to it."""
        try:
            data = self.ledger.read_bytes()
        except FileNotFoundError:
            return []
        lines, end = [], 0
        for raw in data.split(b"\n")[:-1]:  # what follows the last newline is cut short
            try:
                line = json.loads(raw)
            except ValueError:
                break
            end += len(raw) + 1
            lines.append({**line, "end": end})
        return lines

    def open(self, resume: bool) -> set[str]:
        """Start afresh, or (``resume``) carry on from the ledger; return the keys done."""
        lines = self._ledger_lines() if resume else []
        try:
            if lines and self.partial.exists():
                self._resume(lines)
            else:
                self._start()
        except OSError as err:
            reason = err.strerror or err
            raise VaxdiploError(Errors.E010.format(output=self.target, reason=reason)) from err
        return self.done

    def _start(self) -> None:
        for path in (self.partial, self.failures_partial, self.ledger):
            path.unlink(missing_ok=True)
        self._out = self.partial.open("wb")
        self._fail = self.failures_partial.open("wb")
        self._log = self.ledger.open("wb")
        if self.fmt == "csv":
            self._out.write(_csv_bytes([], header=True))
            _sync(self._out)
        self._write_ledger({"key": None})

    def _resume(self, lines: list[dict[str, Any]]) -> None:
        last = lines[-1]
        for path, size in ((self.partial, last["out"]), (self.failures_partial, last["fail"])):
            with path.open("ab") as handle:
                handle.truncate(size)
                _sync(handle)
        for line in lines[1:]:
            self.done.add(line["key"])
            self.documents += 1
            self.events += line["events"]
            self.failed += line["failed"]
        self._out = self.partial.open("ab")
        self._fail = self.failures_partial.open("ab")
        with self.ledger.open("r+b") as handle:  # drop a half-written last line
            handle.truncate(last["end"])
        self._log = self.ledger.open("ab")

    def _write_ledger(self, entry: dict[str, Any]) -> None:
        assert self._out and self._fail and self._log
        entry.update(out=self._out.tell(), fail=self._fail.tell())
        self._log.write(json.dumps(entry).encode("utf-8") + b"\n")
        _sync(self._log)

    def write(self, key: str, result: Extraction | DocumentFailure) -> None:
        """Append one document's records, then its ledger line (each synced)."""
        assert self._out and self._fail
        failed = isinstance(result, DocumentFailure)
        if failed:
            self._fail.write(result.model_dump_json().encode("utf-8") + b"\n")
            _sync(self._fail)
        elif self.fmt == "csv":
            self._out.write(_csv_bytes([result], header=False))
            _sync(self._out)
        else:
            self._out.write(result.model_dump_json().encode("utf-8") + b"\n")
            _sync(self._out)
        events = 0 if failed else len(result.events)  # type: ignore[union-attr]
        self.documents += 1
        self.events += events
        self.failed += failed
        self._write_ledger({"key": key, "events": events, "failed": int(failed)})

    def close(self) -> None:
        for handle in (self._out, self._fail, self._log):
            if handle is not None:
                handle.close()

    def discard(self) -> None:
        """Remove the partial files and the ledger (nothing was read)."""
        self.close()
        for path in (self.partial, self.failures_partial, self.ledger):
            path.unlink(missing_ok=True)

    def finish(self) -> None:
        """Put the output and the failures file in place and remove the ledger."""
        self.close()
        if self.fmt == "parquet":
            _to_parquet(self.partial, self.target, self.result_model)
            self.partial.unlink()
        else:
            os.replace(self.partial, self.target)
        if self.failures_partial.stat().st_size:
            os.replace(self.failures_partial, self.failures)
        else:
            self.failures_partial.unlink()
            self.failures.unlink(missing_ok=True)  # an earlier run's failures, now stale
        self.ledger.unlink()


def _to_parquet(jsonl: Path, target: Path, model: type[Extraction]) -> None:
    """The table of the extractions in ``jsonl`` (read with ``model``, which knows the
    event types of the extractor's rule files), written to ``target`` (atomically)."""
    from vaxdiplo.tables import to_frame

    with jsonl.open(encoding="utf-8") as handle:
        frame = to_frame(model.model_validate_json(line) for line in handle)
    tmp = target.with_name(f".{target.name}.tmp")
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, target)
