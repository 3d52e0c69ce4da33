"""Readers: articles with their id, text, publication date, URL and title.

Each reader yields :class:`Article` objects, and a
:class:`~vaxdiplo.models.DocumentFailure` (with ``file`` or ``file:line`` as its
``source``) in place of anything it cannot read, so that
``Extractor.extract_many(read(...))`` gives one result per article or failure, in order.
"""

from __future__ import annotations

import csv
import json
import stat
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vaxdiplo.errors import Errors
from vaxdiplo.models import DocumentFailure

__all__ = [
    "HTML_SUFFIXES",
    "MANIFEST_NAMES",
    "RECORD_SUFFIXES",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "Article",
    "Columns",
    "count_articles",
    "html_to_text",
    "read",
    "read_csv",
    "read_folder",
    "read_records",
]


@dataclass(frozen=True, slots=True)
class Article:
    """One article to extract from.

    Attributes:
        id: The article's id (the file's stem, or the record's id).
        text: The text to read (for HTML, the article text reduced from it).
        published: Publication date as given (a ``date`` or ISO string), checked when
            the article is extracted.
        url: Where the article was published, when known.
        title: The article's headline, when known (kept, not read for events).
        source: Where it was read from: a file, or ``file:line``.
    """

    id: str | None
    text: str
    published: Any = None
    url: str | None = None
    title: str | None = None
    source: str | None = None


TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".jsonl", ".json")
TABLE_SUFFIXES = (".csv",)
MANIFEST_NAMES = ("manifest.csv", "manifest.jsonl")
"""A folder holding one of these files reads it as its manifest (see :func:`read_folder`)."""


@dataclass(frozen=True, slots=True)
class Columns:
    """Which JSON keys or CSV columns hold each field (the defaults of the CLI's
    ``--text-col``, ``--id-col``, ``--date-col``, ``--url-col`` and ``--title-col``).

    A manifest names each text file in its ``file`` column.
    """

    text: str = "text"
    id: str = "id"
    published: str = "published"
    url: str = "url"
    title: str = "title"
    file: str = "file"


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


def _not_regular(path: Path, kind: str, doc_id: str | None) -> DocumentFailure:
    return _failure(doc_id, str(path), "VaxdiploError", Errors.E015.format(path=path, kind=kind))


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """The article text of an HTML page, and its ``title``, ``url`` and ``published``
    from the page's metadata, with trafilatura (boilerplate, navigation and comments
    left out). A page in which trafilatura finds no article is reduced to all its
    text. The publication date is taken only from the page's metadata, never guessed
    from its text.
    """
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None or not (found.text or "").strip():
        from vaxdiplo._text import strip_html

        return strip_html(html).strip(), {"title": None, "url": None, "published": None}
    meta = {"title": found.title, "url": found.url, "published": found.date}
    return found.text, {k: _text_or_none(v) for k, v in meta.items()}


def _read_text_file(path: Path, doc_id: str, extra: dict[str, Any] | None = None) -> Any:
    """An :class:`Article` for a ``.txt`` or ``.html`` file, or a failure."""
    kind = _kind(path)
    if kind not in ("file", "missing"):
        return _not_regular(path, kind, doc_id)
    try:
        data = path.read_bytes()
    except OSError as err:
        return _failure(doc_id, str(path), err)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _failure(doc_id, str(path), "VaxdiploError", Errors.E002.format(reason=err))
    meta: dict[str, Any] = {"title": None, "url": None, "published": None}
    if path.suffix.lower() in HTML_SUFFIXES:
        text, meta = html_to_text(text)
    for key, value in (extra or {}).items():
        if value is not None:
            meta[key] = value
    return Article(doc_id, text, source=str(path), **meta)


def _from_record(obj: Any, source: str, where: str, cols: Columns, default_id: str | None) -> Any:
    """An :class:`Article` for a JSON object or CSV row, or a failure [E016]."""
    doc_id = obj.get(cols.id, default_id) if isinstance(obj, dict) else None
    if not isinstance(obj, dict):
        reason = f"a JSON {type(obj).__name__}"
    elif not isinstance(obj.get(cols.text), str):
        reason = f"no string {cols.text!r}"
    elif not isinstance(doc_id, str) or not doc_id:
        reason = f"no string {cols.id!r}"
    else:
        return Article(
            doc_id,
            obj[cols.text],
            published=obj.get(cols.published) or None,
            url=_text_or_none(obj.get(cols.url)),
            title=_text_or_none(obj.get(cols.title)),
            source=source,
        )
    message = Errors.E016.format(where=where, reason=reason)
    return _failure(None, source, "VaxdiploError", message)


def read_records(path: str | Path, columns: Columns | None = None) -> Iterator[Any]:
    """The articles of a JSONL file (an object a line) or a JSON file (an object or a
    list of objects), keys named by ``columns``; a line that is not a JSON object with
    a string text and id becomes a failure at ``file:line`` [E016]."""
    path, cols = Path(path), columns or Columns()
    kind = _kind(path)
    if kind not in ("file", "missing"):
        yield _not_regular(path, kind, None)
        return
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        yield _failure(None, str(path), err)
        return
    if path.suffix.lower() == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            yield _failure(None, f"{path}:{err.lineno}", err)
            return
        for n, item in enumerate(obj if isinstance(obj, list) else [obj]):
            yield _from_record(item, f"{path}:item {n}", f"item {n} of {path}", cols, None)
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source, where = f"{path}:{lineno}", f"line {lineno} of {path}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            message = Errors.E016.format(where=where, reason=err)
            yield _failure(None, source, err, message)
            continue
        yield _from_record(obj, source, where, cols, None)


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line, row)`` of a CSV file with a header (line: where the row starts)."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is a long field
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        reader.fieldnames  # noqa: B018  (reads the header)
        start = reader.line_num + 1
        for row in reader:
            yield start, row
            start = reader.line_num + 1


def read_csv(path: str | Path, columns: Columns | None = None) -> Iterator[Any]:
    """The articles of a CSV file with a header row, one a row, columns named by
    ``columns``. Without an id column, a row's id is ``<file stem>-<row number>``;
    a row without text or id becomes a failure at ``file:line`` [E016]."""
    path, cols = Path(path), columns or Columns()
    kind = _kind(path)
    if kind not in ("file", "missing"):
        yield _not_regular(path, kind, None)
        return
    try:
        for n, (line, row) in enumerate(_csv_rows(path), start=1):
            default_id = f"{path.stem}-{n}" if cols.id not in row else None
            row = {k: v for k, v in row.items() if k is not None}
            yield _from_record(row, f"{path}:{line}", f"line {line} of {path}", cols, default_id)
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        yield _failure(None, str(path), err)


def _manifest(folder: Path, manifest: Path | None, cols: Columns) -> tuple[dict[str, Any], list]:
    """Per-file metadata from a manifest (``file`` column or key), and its failures."""
    path = manifest or next((folder / n for n in MANIFEST_NAMES if (folder / n).is_file()), None)
    if path is None:
        return {}, []
    rows = _csv_rows(path) if path.suffix.lower() == ".csv" else _jsonl_rows(path)
    meta: dict[str, Any] = {}
    failures = []
    try:
        for line, row in rows:
            name = row.get(cols.file) if isinstance(row, dict) else None
            if not isinstance(name, str) or not name:
                reason = f"no {cols.file!r} naming a text file"
                message = Errors.E016.format(where=f"line {line} of {path}", reason=reason)
                failures.append(_failure(None, f"{path}:{line}", "VaxdiploError", message))
                continue
            meta[name] = {
                "id": _text_or_none(row.get(cols.id)),
                "published": row.get(cols.published) or None,
                "url": _text_or_none(row.get(cols.url)),
                "title": _text_or_none(row.get(cols.title)),
            }
    except (OSError, UnicodeDecodeError, csv.Error, json.JSONDecodeError) as err:
        failures.append(_failure(None, str(path), err))
    return meta, failures


def _jsonl_rows(path: Path) -> Iterator[tuple[int, Any]]:
    with path.open(encoding="utf-8-sig") as handle:
        for lineno, line in enumerate(handle, start=1):
            if line.strip():
                yield lineno, json.loads(line)


def _folder_files(folder: Path, manifest: Path | None) -> list[Path]:
    skip = {manifest.resolve()} if manifest else set()
    skip |= {(folder / n).resolve() for n in MANIFEST_NAMES}
    readable = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES + TABLE_SUFFIXES
    return [
        p
        for p in sorted(folder.iterdir())
        if p.resolve() not in skip
        and (p.suffix.lower() in readable or _kind(p) not in ("file", "folder"))
    ]


def read_folder(
    folder: str | Path, columns: Columns | None = None, manifest: str | Path | None = None
) -> Iterator[Any]:
    """The articles of a folder (not recursive, in name order): each ``.txt``,
    ``.text``, ``.md`` and ``.html`` file one article, each ``.jsonl``, ``.json`` and
    ``.csv`` file its records.

    A manifest (``manifest.csv`` or ``manifest.jsonl`` in the folder, or ``manifest``)
    gives the files it names in its ``file`` column their ``id``, ``published``, ``url``
    and ``title`` (columns named by ``columns``); other files keep their stem as id.
    """
    folder, cols = Path(folder), columns or Columns()
    meta, failures = _manifest(folder, Path(manifest) if manifest else None, cols)
    yield from failures
    yield from _read_paths(_folder_files(folder, Path(manifest) if manifest else None), cols, meta)


def _file_ids(paths: Sequence[Path]) -> dict[Path, str]:
    """Each file's id: its stem, or its name when stems collide, or its path."""
    ids = {p: p.stem for p in paths}
    for key in (lambda p: p.name, str):
        counts = Counter(ids.values())
        ids = {p: key(p) if counts[i] > 1 else i for p, i in ids.items()}
    return ids


def _read_paths(paths: Sequence[Path], cols: Columns, meta: dict[str, Any]) -> Iterator[Any]:
    singles = [p for p in paths if p.suffix.lower() not in RECORD_SUFFIXES + TABLE_SUFFIXES]
    ids = _file_ids(singles)
    for p in paths:
        suffix = p.suffix.lower()
        if suffix in RECORD_SUFFIXES:
            yield from read_records(p, cols)
        elif suffix in TABLE_SUFFIXES:
            yield from read_csv(p, cols)
        else:
            extra = dict(meta.get(p.name, {}))
            yield _read_text_file(p, extra.pop("id", None) or ids[p], extra)


def read(
    paths: str | Path | Iterable[str | Path],
    columns: Columns | None = None,
    manifest: str | Path | None = None,
) -> Iterator[Any]:
    """The articles of files and folders, in the order given (see :func:`read_folder`,
    :func:`read_records`, :func:`read_csv`), lazily: each file is read when its turn
    comes. Anything that cannot be read is a :class:`~vaxdiplo.models.DocumentFailure`
    in its place (a missing file, one that is not UTF-8, a FIFO, a broken line).

    Example:
        >>> from vaxdiplo import Extractor
        >>> from vaxdiplo.readers import read
        >>> results = Extractor().extract_many(read(["articles/"]))  # doctest: +SKIP
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    cols = columns or Columns()
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if _kind(p) == "folder":
            yield from _read_paths(files, cols, {})
            files = []
            yield from read_folder(p, cols, manifest)
        else:
            files.append(p)
    yield from _read_paths(files, cols, {})


def _count_file(path: Path) -> int:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        if suffix == ".csv":
            return sum(1 for _ in _csv_rows(path))
        if suffix == ".json":
            obj = json.loads(path.read_text(encoding="utf-8-sig"))
            return len(obj) if isinstance(obj, list) else 1
    except (OSError, UnicodeDecodeError, ValueError, csv.Error):
        return 1
    return 1


def count_articles(paths: str | Path | Iterable[str | Path]) -> int:
    """About how many items :func:`read` yields for ``paths`` (for a progress bar):
    files are counted, JSONL lines and CSV rows too, without reading any article."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    total = 0
    for raw in paths:
        p = Path(raw)
        files = _folder_files(p, None) if _kind(p) == "folder" else [p]
        total += sum(_count_file(f) for f in files)
    return total
