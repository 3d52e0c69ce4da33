"""Command line: ``vaxdiplo extract | schema | evaluate``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from vaxdiplo._output import atomic_output, check_output
from vaxdiplo.errors import Errors, VaxdiploError
from vaxdiplo.evaluation.gold import GoldFormatError
from vaxdiplo.models import DocumentFailure, Extraction

__all__ = ["main"]


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _failure_line(failure: DocumentFailure) -> str:
    where = failure.source or failure.doc_id
    name = f" ({failure.doc_id})" if failure.doc_id and failure.doc_id != where else ""
    return f"FAILED {where}{name}: {failure.error}: {_one_line(failure.message)}"


def _readable_day(value: str) -> bool:
    from vaxdiplo.dates import parse_published

    try:
        parse_published(value)
    except ValueError:
        return False
    return True


def _inputs(args: argparse.Namespace) -> Iterator[Any]:
    """The articles (and reading failures) of the paths given, read lazily."""
    from vaxdiplo.readers import Columns, read

    columns = Columns(
        text=args.text_col,
        id=args.id_col,
        published=args.date_col,
        url=args.url_col,
        title=args.title_col,
    )
    return read(args.paths, columns, manifest=args.manifest)


def _key(item: Any) -> str:
    """What the ledger knows an item by: where it was read from (file or file:line)."""
    if isinstance(item, DocumentFailure):
        return item.source or item.doc_id or ""
    return item.source or item.id or ""


def _todo(
    articles: Iterable[Any], done: set[str], keys: deque[str], published: str | None
) -> Iterator[Any]:
    """The articles not done yet, ``--published`` given to those without a date; the
    key of each goes to ``keys`` as it is handed on."""
    from vaxdiplo.readers import Article

    for item in articles:
        key = _key(item)
        if key in done:
            continue
        if published and isinstance(item, Article) and item.published is None:
            item = dataclasses.replace(item, published=published)
        keys.append(key)
        yield item


def _run_output(args: argparse.Namespace) -> Any:
    """The run's output files, checked before anything is read or loaded."""
    from vaxdiplo._sinks import RunOutput, default_failures_path, output_format

    target = check_output(args.output, args.paths)
    fmt = output_format(target, args.format)
    failures = check_output(args.failures or default_failures_path(Path(args.output)), args.paths)
    if failures == target:
        raise VaxdiploError(Errors.E022.format(failures=failures))
    return RunOutput(target, failures, fmt)


def _explain_all(ex: Any, articles: Iterable[Any], args: argparse.Namespace) -> int:
    documents = failures = 0
    for item in articles:
        documents += 1
        if not isinstance(item, DocumentFailure):
            try:
                text = ex.explain(item.text, published=item.published or args.published)
            except Exception as err:  # a batch records the failure and goes on
                item = DocumentFailure(
                    doc_id=item.id, error=type(err).__name__, message=str(err), source=item.source
                )
            else:
                print(f"=== {item.id}\n{text}\n")
                continue
        failures += 1
        print(_failure_line(item), file=sys.stderr)
    if not documents:
        print(Errors.E007.format(paths=args.paths), file=sys.stderr)
        return 2
    if failures:
        print(f"{failures} of {documents} document(s) failed", file=sys.stderr)
    return 1 if failures else 0


def _extract_all(ex: Any, run: Any, html: Path | None, args: argparse.Namespace) -> int:
    from vaxdiplo._progress import Progress
    from vaxdiplo.readers import count_articles

    done = run.open(args.resume) if run else set()
    keys: deque[str] = deque()
    todo = _todo(_inputs(args), done, keys, args.published)
    results = ex.extract_many(todo, batch_size=args.batch_size, n_process=args.n_process)
    start = (run.documents, run.events, run.failed) if run else (0, 0, 0)
    total = lambda: count_articles(args.paths)  # noqa: E731  (counted only for a bar)
    shown: list[Extraction] = []  # for --html
    try:
        with Progress(total, enabled=run is not None and not args.quiet, start=start) as bar:
            for result in results:
                key = keys.popleft()
                failed = isinstance(result, DocumentFailure)
                if failed:
                    result = result.model_copy(update={"index": None})  # same when resumed
                    bar.note(_failure_line(result))
                if run:
                    run.write(key, result)
                elif not args.quiet and not failed:
                    _print_result(result, mentions=args.mentions)
                if html and not failed:
                    shown.append(result)
                bar.advance(0 if failed else len(result.events), failed)
                if failed and args.strict:
                    break
    except BaseException:
        if run:
            run.close()  # kept for --resume
        raise
    if not bar.documents:
        if run:
            run.discard()
        print(Errors.E007.format(paths=args.paths), file=sys.stderr)
        return 2
    if run:
        run.finish()
    if html:
        _write_html(html, shown, quiet=args.quiet)
    wrote = f"; wrote {args.output}" if run else ""
    print(bar.summary() + wrote, file=sys.stderr)
    return 1 if bar.failures else 0


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
    run = _run_output(args) if args.output else None
    html = check_output(args.html, args.paths) if args.html else None
    ex = _extractor(args)
    if run is not None:
        run.result_model = ex.extraction_model
    if args.explain:
        return _explain_all(ex, _inputs(args), args)
    return _extract_all(ex, run, html, args)


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


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return number


def _add_extract(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="extract events from text/HTML files, folders, JSONL, JSON or CSV",
        description="Extract events. Exit status: 0 when every document was read, 1 when "
        "any failed (each failure is printed on one line and written to the failures "
        "file), 2 for a usage error.",
    )
    p.add_argument("paths", nargs="+", help="files and folders (.txt .html .jsonl .json .csv)")
    p.add_argument("-o", "--output", help="write the results: .jsonl, .csv or .parquet")
    p.add_argument("--html", help="write a page showing the events of the batch (displaCy)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), help="default: -o's suffix")
    p.add_argument("--failures", help="failures file (default: OUTPUT_STEM.failures.jsonl)")
    p.add_argument("--resume", action="store_true", help="carry on an interrupted -o run")
    p.add_argument("--model", default="default", help="default | rules | a spaCy pipeline")
    p.add_argument("--published", help="publication date of articles without their own (ISO)")
    p.add_argument("--n-process", type=_positive, default=1, help="worker processes (1)")
    p.add_argument("--batch-size", type=_positive, default=64, help="nlp.pipe batch size (64)")
    stop = p.add_mutually_exclusive_group()
    stop.add_argument(
        "--keep-going",
        dest="strict",
        action="store_false",
        help="go on past failed documents (the default); the exit status is still 1",
    )
    stop.add_argument("--strict", action="store_true", help="stop at the first failed document")
    p.add_argument("--text-col", default="text", help="JSON key or CSV column of the text")
    p.add_argument("--id-col", default="id", help="JSON key or CSV column of the id")
    p.add_argument("--date-col", default="published", help="key or column of the date")
    p.add_argument("--url-col", default="url", help="key or column of the URL")
    p.add_argument("--title-col", default="title", help="key or column of the title")
    p.add_argument(
        "--manifest", help="CSV/JSONL naming .txt files (column 'file') with id, dates, URLs"
    )
    p.add_argument("--explain", action="store_true", help="show rule, trigger, roles, evidence")
    p.add_argument(
        "--mentions",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="print resolved mentions (default on; without -o)",
    )
    _user_files(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no tables, no progress bar")
    p.set_defaults(func=cmd_extract, strict=False)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vaxdiplo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    _add_extract(sub)
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
