"""Loading and validating gold annotations (EVENTS.md §5).

A gold file holds one JSON object per article::

    {"id": "seed-000", "published": "2021-06-05", "text": "...",
     "events": [{"type": "PhoneCall", "participants": ["VNM", "CHN"],
                 "date": "2021-06-04"}]}

Gold events may carry ``optional`` (bool), ``alt`` (``{role: [other accepted
parties]}``) and free note keys (``evidence``, ``why``, ...), which are not
scored. :func:`load_gold` reads such files into :class:`GoldDocument` objects
and reports the file and line of the first problem it meets.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from vaxdiplo.evaluation.contract import EVENT_TYPES, PARTY_ROLES
from vaxdiplo.evaluation.values import as_day, money_amount

__all__ = ["GoldDocument", "GoldFormatError", "load_gold"]


class GoldFormatError(ValueError):
    """A gold file cannot be read; the message names the file and line."""


class GoldDocument(BaseModel):
    """One annotated article.

    Attributes:
        id: Unique document id; predictions are keyed by it.
        published: Publication date of the article, if known.
        text: The article text.
        events: Gold events as plain dicts in the format of EVENTS.md §5.
        extra: Every other top-level key of the gold object (e.g. ``"file"``).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    published: date | None = None
    text: str = ""
    events: list[dict[str, Any]] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _collect_extra(cls, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return data
        known = {"id", "published", "text", "events", "extra"}
        extra = dict(data.get("extra") or {})
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key in known:
                out[key] = value
            else:
                extra[key] = value
        out["extra"] = extra
        return out

    @field_validator("events")
    @classmethod
    def _check_events(cls, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for index, event in enumerate(events):
            _check_gold_event(event, index)
        return events


def _check_gold_event(event: Mapping[str, Any], index: int) -> None:
    """Raise ``ValueError`` when a gold event breaks the gold format."""
    where = f"event {index}"
    etype = event.get("type")
    if etype not in EVENT_TYPES:
        raise ValueError(f"{where}: unknown event type {etype!r}")
    optional = event.get("optional", False)
    if not isinstance(optional, bool):
        raise ValueError(f"{where}: 'optional' must be a boolean, got {optional!r}")
    alt = event.get("alt")
    if alt is not None:
        if not isinstance(alt, Mapping):
            raise ValueError(f"{where}: 'alt' must map roles to lists of parties")
        for role, parties in alt.items():
            if role != "participants" and role not in PARTY_ROLES:
                raise ValueError(f"{where}: 'alt' names {role!r}, which is not a party role")
            if isinstance(parties, str) or not isinstance(parties, Sequence):
                raise ValueError(f"{where}: 'alt[{role!r}]' must be a list of parties")
    participants = event.get("participants")
    if participants is not None and (
        isinstance(participants, str) or not isinstance(participants, Sequence)
    ):
        raise ValueError(f"{where}: 'participants' must be a list of parties")
    day = event.get("date")
    if day is not None and as_day(day) is None:
        raise ValueError(f"{where}: 'date' must be an ISO date (YYYY-MM-DD) or null, got {day!r}")
    money = event.get("money")
    if money is not None and money_amount(money) is None:
        raise ValueError(
            f"{where}: 'money' must be an object with a numeric 'amount', got {money!r}"
        )


def _parse_document(obj: Any, where: str) -> GoldDocument:
    if not isinstance(obj, Mapping):
        raise GoldFormatError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    try:
        return GoldDocument.model_validate(obj)
    except ValidationError as exc:
        raise GoldFormatError(f"{where}: invalid gold document: {exc}") from exc


def _decode(text: str, path: Path, lineno: int | None = None) -> Any:
    """Parse JSON text read from ``path``.

    Args:
        text: The JSON text.
        path: The file it was read from, for the error message.
        lineno: The file line the text starts on when it is a single line of
            a JSONL file; None to report the line the decoder names.

    Returns:
        The decoded value.

    Raises:
        GoldFormatError: When the text is not valid JSON.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line = exc.lineno if lineno is None else lineno
        raise GoldFormatError(
            f"{path}:{line}: invalid JSON: {exc.msg} (column {exc.colno})"
        ) from exc


def _load_jsonl(path: Path) -> list[GoldDocument]:
    docs: list[GoldDocument] = []
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            obj = _decode(line, path, lineno)
            docs.append(_parse_document(obj, f"{path}:{lineno}"))
    return docs


def _load_json(path: Path) -> list[GoldDocument]:
    obj = _decode(path.read_text(encoding="utf-8"), path)
    if isinstance(obj, list):
        return [_parse_document(item, f"{path}: item {i}") for i, item in enumerate(obj)]
    return [_parse_document(obj, str(path))]


def load_gold(path: str | Path) -> list[GoldDocument]:
    """Load gold documents.

    Args:
        path: A ``.jsonl`` file (one JSON object per line; blank lines are
            skipped), a ``.json`` file (one object or a list of objects), or a
            directory whose ``.json`` and ``.jsonl`` files (not recursive,
            sorted by name) are read in turn.

    Returns:
        The documents, in file order.

    Raises:
        GoldFormatError: When a file is not valid JSON or a document breaks the
            gold format (the message names the file and the line or list item),
            when a document id occurs twice, or when the path is neither such a
            file nor a directory.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix in (".json", ".jsonl"))
    elif path.is_file():
        files = [path]
    else:
        raise GoldFormatError(f"{path}: no such file or directory")
    docs: list[GoldDocument] = []
    seen: dict[str, Path] = {}
    for file in files:
        if file.suffix == ".jsonl":
            loaded = _load_jsonl(file)
        elif file.suffix == ".json":
            loaded = _load_json(file)
        else:
            raise GoldFormatError(f"{file}: expected a .json or .jsonl file")
        for doc in loaded:
            if doc.id in seen:
                raise GoldFormatError(
                    f"{file}: document id {doc.id!r} already read from {seen[doc.id]}"
                )
            seen[doc.id] = file
        docs.extend(loaded)
    return docs
