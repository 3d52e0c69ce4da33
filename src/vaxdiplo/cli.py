"""Command line: ``vaxdiplo extract | schema | evaluate``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["main"]

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".md")


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, Path | None, str | None, str | None]]:
    """(doc_id, path, text, published) for files, folders and gold JSONL files."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(p.iterdir()):
                if child.suffix.lower() in TEXT_SUFFIXES and child.is_file():
                    yield child.stem, child, None, None
        elif p.suffix.lower() in (".jsonl", ".json") and p.is_file():
            from vaxdiplo.evaluation import load_gold

            for d in load_gold(p):
                yield d.id, None, d.text, d.published.isoformat() if d.published else None
        else:
            yield p.stem, p, None, None


def _read(path: Path) -> bytes:
    return path.read_bytes()


def cmd_extract(args: argparse.Namespace) -> int:
    from vaxdiplo.extractor import Extractor
    from vaxdiplo.models import DocumentFailure

    ex = Extractor(model=args.model)
    items = list(_inputs(args.paths))
    if not items:
        from vaxdiplo.errors import Errors

        print(Errors.E007.format(paths=args.paths), file=sys.stderr)
        return 2
    out = open(args.output, "w", encoding="utf8") if args.output else None
    failures = 0
    try:
        for doc_id, path, text, published in items:
            try:
                body = text if text is not None else _read(path)  # type: ignore[arg-type]
            except OSError as err:
                result = DocumentFailure(doc_id=doc_id, error=type(err).__name__, message=str(err))
            else:
                published = args.published or published
                if args.explain:
                    print(f"=== {doc_id}")
                    try:
                        print(ex.explain(body, published=published))
                    except (TypeError, ValueError) as err:
                        print(f"FAILED: {err}")
                    print()
                    continue
                result = next(ex.extract_many([(doc_id, body, published)]))
            if isinstance(result, DocumentFailure):
                failures += 1
                print(f"=== {doc_id}: FAILED {result.error}: {result.message}", file=sys.stderr)
                if out:
                    out.write(json.dumps({"doc_id": doc_id, "failure": result.model_dump()}) + "\n")
                continue
            if out:
                out.write(result.model_dump_json() + "\n")
            if not args.quiet:
                _print_result(result, mentions=args.mentions)
    finally:
        if out:
            out.close()
    if out and not args.quiet:
        print(
            f"wrote {len(items) - failures} extraction(s) to {args.output}"
            + (f"; {failures} failure(s) recorded" if failures else "")
        )
    return 1 if failures and failures == len(items) else 0


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

    print(json.dumps(json_schema(), indent=2))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from vaxdiplo import evaluate
    from vaxdiplo.extractor import Extractor

    report = evaluate(args.gold, Extractor(model=args.model))
    if args.json:
        print(report.to_json())
    else:
        print(report.to_table())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vaxdiplo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract events from text files, folders or gold JSONL")
    p.add_argument("paths", nargs="+")
    p.add_argument("-o", "--output", help="write one Extraction per line (JSONL)")
    p.add_argument("--model", default="default", help="default | rules | a spaCy pipeline")
    p.add_argument("--published", help="publication date for every input (ISO)")
    p.add_argument("--explain", action="store_true", help="show rule, trigger, roles, evidence")
    p.add_argument(
        "--mentions",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="print resolved mentions (default on)",
    )
    p.add_argument("-q", "--quiet", action="store_true")
    p.set_defaults(func=cmd_extract)
    s = sub.add_parser("schema", help="print the JSON Schema of an Extraction")
    s.set_defaults(func=cmd_schema)
    e = sub.add_parser("evaluate", help="score against gold JSONL (EVENTS.md §6)")
    e.add_argument("gold")
    e.add_argument("--json", action="store_true")
    e.add_argument("--model", default="default")
    e.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
