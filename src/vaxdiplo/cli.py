"""Command line: ``vaxdiplo extract | schema | evaluate``."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import warnings
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import nullcontext, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vaxdiplo._output import atomic_output, check_output
from vaxdiplo.errors import Errors, VaxdiploError
from vaxdiplo.evaluation.gold import GoldFormatError
from vaxdiplo.models import DocumentFailure, Extraction

__all__ = ["main"]

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".md")
RECORD_SUFFIXES = (".jsonl", ".json")


@dataclass
class _Item:
    """One document to extract: a text file, or a record of a JSONL/JSON file."""

    doc_id: str | None
    source: str
    path: Path | None = None
    text: str | None = None
    published: Any = None
    failure: DocumentFailure | None = None


def _kind(path: Path) -> str:
    """What ``path`` is: "file", "folder", "missing", "dangling symbolic link", "FIFO"..."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "dangling symbolic link" if path.is_symlink() else "missing"
    except OSError as err:
        return f"unreadable: {err.strerror or err}"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def _failure(
    doc_id: str | None, source: str, err: BaseException | str, message: str = ""
) -> DocumentFailure:
    error = err if isinstance(err, str) else type(err).__name__
    return DocumentFailure(doc_id=doc_id, error=error, message=message or str(err), source=source)


def _failed(doc_id: str | None, source: str, err: BaseException | str, message: str = "") -> _Item:
    return _Item(doc_id, source, failure=_failure(doc_id, source, err, message))


def _not_regular(path: Path, kind: str) -> _Item:
    message = Errors.E015.format(path=path, kind=kind)
    return _failed(path.stem, str(path), "VaxdiploError", message)


def _record(obj: Any, source: str, path: Path, line: int | str) -> _Item:
    """An item for one JSON record ``{"id", "text", "published"}``."""
    if not isinstance(obj, dict):
        reason = f"a JSON {type(obj).__name__}"
    elif not isinstance(obj.get("text"), str):
        reason = "no string 'text'"
    elif not isinstance(obj.get("id"), str):
        reason = "no string 'id'"
    else:
        return _Item(obj["id"], source, text=obj["text"], published=obj.get("published"))
    message = Errors.E016.format(line=line, path=path, reason=reason)
    return _failed(None, source, "VaxdiploError", message)


def _records(path: Path) -> Iterator[_Item]:
    """The records of a JSONL file (one a line) or a JSON file (an object or a list);
    a line or file that cannot be read becomes a failure with its ``file:line``."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        yield _failed(None, str(path), err)
        return
    if path.suffix.lower() == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            yield _failed(None, f"{path}:{err.lineno}", err)
            return
        objs = obj if isinstance(obj, list) else [obj]
        for n, item in enumerate(objs):
            yield _record(item, f"{path}:item {n}", path, f"item {n}")
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield _failed(None, source, err, Errors.E016.format(line=lineno, path=path, reason=err))
            continue
        yield _record(obj, source, path, lineno)


def _inputs(paths: Sequence[str]) -> list[_Item]:
    """The documents named by files, folders (not recursive) and JSONL/JSON files.

    In a folder, regular files with a text suffix are read and other regular files
    skipped; a dangling symbolic link, a FIFO, a socket or a device is a failure.
    """
    items: list[_Item] = []
    for raw in paths:
        p = Path(raw)
        kind = _kind(p)
        if kind == "folder":
            for child in sorted(p.iterdir()):
                child_kind = _kind(child)
                if child_kind == "file" and child.suffix.lower() in TEXT_SUFFIXES:
                    items.append(_Item(child.stem, str(child), path=child))
                elif child_kind not in ("file", "folder"):
                    items.append(_not_regular(child, child_kind))
        elif kind == "file" and p.suffix.lower() in RECORD_SUFFIXES:
            items.extend(_records(p))
        elif kind in ("file", "missing"):
            items.append(_Item(p.stem, str(p), path=p))  # a missing file fails when read
        else:
            items.append(_not_regular(p, kind))
    _distinct_ids(items)
    return items


def _distinct_ids(items: list[_Item]) -> None:
    """Give files that share a stem ("a.txt", "a.md") their names, then their paths."""
    files = [it for it in items if it.path is not None]
    for key in (lambda it: it.path.name, lambda it: str(it.path)):
        counts = Counter(it.doc_id for it in items)
        for it in files:
            if counts[it.doc_id] > 1:
                it.doc_id = key(it)


def _read(path: Path) -> bytes:
    kind = _kind(path)
    if kind not in ("file", "missing"):
        raise VaxdiploError(Errors.E015.format(path=path, kind=kind))
    return path.read_bytes()


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _report_failure(failure: DocumentFailure) -> None:
    where = failure.source or failure.doc_id
    name = f" ({failure.doc_id})" if failure.doc_id and failure.doc_id != where else ""
    print(f"FAILED {where}{name}: {failure.error}: {_one_line(failure.message)}", file=sys.stderr)


def _process(ex: Any, item: _Item, args: argparse.Namespace) -> Extraction | DocumentFailure | None:
    """Extract one item, or with --explain print how its events were found (None);
    a failure is returned, not raised."""
    if item.failure is not None:
        return item.failure
    try:
        body = item.text if item.text is not None else _read(item.path)  # type: ignore[arg-type]
    except (OSError, VaxdiploError) as err:
        return _failure(item.doc_id, item.source, err)
    published = args.published or item.published
    if args.explain:
        try:
            text = ex.explain(body, published=published)
        except Exception as err:  # a batch records the failure and goes on
            return _failure(item.doc_id, item.source, err)
        print(f"=== {item.doc_id}\n{text}\n")
        return None
    result = next(ex.extract_many([(item.doc_id, body, published)]))
    if isinstance(result, DocumentFailure):
        result = result.model_copy(update={"source": item.source, "index": None})
    return result


def _readable_day(value: str) -> bool:
    from vaxdiplo.dates import parse_published

    try:
        parse_published(value)
    except ValueError:
        return False
    return True


def _extractor(args: argparse.Namespace) -> Any:
    """The extractor of ``--model``, ``--rules`` and ``--registry``, its pipeline loaded
    (a bad model or file fails once, not on every document)."""
    from vaxdiplo.extractor import Extractor

    ex = Extractor(model=args.model, rules=args.rules, registry=args.registry)
    ex.nlp  # noqa: B018
    return ex


def cmd_extract(args: argparse.Namespace) -> int:
    if args.explain and (args.output or args.html):
        print(Errors.E013, file=sys.stderr)
        return 2
    if args.published and not _readable_day(args.published):
        print(Errors.E003.format(value=args.published), file=sys.stderr)
        return 2
    target = check_output(args.output, args.paths) if args.output else None
    html = check_output(args.html, args.paths) if args.html else None
    items = _inputs(args.paths)
    if not items:
        print(Errors.E007.format(paths=args.paths), file=sys.stderr)
        return 2
    ex = _extractor(args)
    failures = 0
    shown: list[Extraction] = []
    with atomic_output(target) if target else nullcontext() as out:
        for item in items:
            result = _process(ex, item, args)
            if html and isinstance(result, Extraction):
                shown.append(result)
            if isinstance(result, DocumentFailure):
                failures += 1
                _report_failure(result)
                if out:
                    row = {"doc_id": result.doc_id, "failure": result.model_dump()}
                    out.write(json.dumps(row) + "\n")
                continue
            if result is None:
                continue
            if out:
                out.write(result.model_dump_json() + "\n")
            if not args.quiet:
                _print_result(result, mentions=args.mentions)
    if html:
        _write_html(html, shown, quiet=args.quiet)
    if out and not args.quiet:
        print(
            f"wrote {len(items) - failures} extraction(s) to {args.output}"
            + (f"; {failures} failure(s) recorded" if failures else "")
        )
    if failures:
        print(f"{failures} of {len(items)} document(s) failed", file=sys.stderr)
    return 1 if failures else 0


def _write_html(target: Path, results: list[Extraction], *, quiet: bool) -> None:
    """The events of a batch as one HTML page (see :func:`vaxdiplo.render`)."""
    from vaxdiplo.views import render

    with atomic_output(target) as out:
        out.write(render(results, "events", page=True, jupyter=False))
    if not quiet:
        print(f"wrote the events of {len(results)} document(s) to {target}")


def _print_result(result, *, mentions: bool) -> None:
    print(
        f"=== {result.doc_id}  published={result.published} "
        f"({result.published_source or 'unknown'})"
    )
    if mentions:
        seen = set()
        rows = []
        for m in result.mentions:
            key = (m.text, m.kind, (m.actor.id if m.actor else m.vaccine.id))
            if key in seen:
                continue
            seen.add(key)
            if m.actor is not None:
                extra = f"party={m.actor.party}" + (
                    f" title={m.actor.title}" if m.actor.title else ""
                )
                rows.append((m.text, m.kind, m.actor.id, extra))
            else:
                rows.append((m.text, "vaccine", m.vaccine.id, ""))
        if rows:
            w = max(len(r[0]) for r in rows)
            print("  mentions:")
            for text, kind, id_, extra in rows:
                print(f"    {text:<{w}}  {kind:<17} {id_:<28} {extra}")
    if not result.events:
        print("  events: none")
    else:
        print("  events:")
    for ev in result.events:
        g = ev.to_gold()
        parts = [f"{k}={v}" for k, v in g.items() if k not in ("type", "evidence", "rule")]
        print(f"    {ev.type:<20} {' '.join(parts)}  [{ev.rule}]")
    for w in result.warnings:
        print(f"  warning: {w}")


def cmd_schema(args: argparse.Namespace) -> int:
    from vaxdiplo import json_schema
    from vaxdiplo.extractor import Extractor

    if args.rules or args.registry:  # the types a rule file declares are in the union
        schema = Extractor(model="rules", rules=args.rules, registry=args.registry).json_schema()
    else:
        schema = json_schema()
    print(json.dumps(schema, indent=2))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from vaxdiplo import evaluate
    from vaxdiplo.evaluation import load_gold

    ex = _extractor(args)
    types = {name: spec.contract() for name, spec in ex.event_types.items()}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = load_gold(args.gold, types)
    for w in caught:
        print(f"vaxdiplo: {w.message}", file=sys.stderr)
    report = evaluate(docs, ex)
    if args.json:
        print(report.to_json())
    else:
        print(report.to_table())
    for doc_id, message in report.failures.items():
        print(f"FAILED {doc_id}: {_one_line(message)}", file=sys.stderr)
    if report.failures:
        print(
            f"{len(report.failures)} of {len(docs)} document(s) failed and were scored "
            "with no predictions",
            file=sys.stderr,
        )
    return 1 if report.failures else 0


def _user_files(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="FILE",
        help="a rule file added to the packaged rules (repeatable)",
    )
    p.add_argument(
        "--registry",
        action="append",
        default=[],
        metavar="FILE",
        help="a registry file added to the packaged registry (repeatable)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vaxdiplo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract events from text files, folders or gold JSONL")
    p.add_argument("paths", nargs="+")
    p.add_argument("-o", "--output", help="write one Extraction per line (JSONL)")
    p.add_argument("--html", help="write a page showing the events of the batch (displaCy)")
    p.add_argument("--model", default="default", help="default | rules | a spaCy pipeline")
    p.add_argument("--published", help="publication date for every input (ISO)")
    p.add_argument("--explain", action="store_true", help="show rule, trigger, roles, evidence")
    p.add_argument(
        "--mentions",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="print resolved mentions (default on)",
    )
    _user_files(p)
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_extract)
    s = sub.add_parser("schema", help="print the JSON Schema of an Extraction")
    _user_files(s)
    s.set_defaults(func=cmd_schema)
    e = sub.add_parser("evaluate", help="score against gold JSONL (EVENTS.md §6)")
    e.add_argument("gold")
    e.add_argument("--json", action="store_true")
    e.add_argument("--model", default="default")
    _user_files(e)
    e.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; user errors print one line and give exit status 2."""
    args = build_parser().parse_args(argv)
    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the flush at exit
        return code
    except BrokenPipeError:
        _silence_stdout()  # the reader stopped early (`vaxdiplo schema | head`)
        return 1
    except (VaxdiploError, GoldFormatError, OSError) as err:
        print(f"vaxdiplo: {_one_line(str(err))}", file=sys.stderr)
        return 2


def _silence_stdout() -> None:
    """Point stdout at the null device so the final flush at exit raises nothing."""
    with suppress(OSError, ValueError, AttributeError):  # stdout without a descriptor
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":
    raise SystemExit(main())
