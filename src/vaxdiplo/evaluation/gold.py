"""Loading and validating gold annotations (EVENTS.md §5).

A gold file holds one JSON object per article::

    {"id": "seed-000", "published": "2021-06-05", "text": "...",
     "events": [{"type": "PhoneCall", "participants": ["VNM", "CHN"],
                 "date": "2021-06-04"}]}

Gold events may carry ``optional`` (bool), ``alt`` (``{role: [other accepted
parties]}``) and note keys (:data:`~vaxdiplo.evaluation.contract.NOTE_KEYS`:
``evidence``, ``why``, ...), which are not scored. Every other key must be a role
or field of the event's type, with a value of its type (:class:`GoldEvent`): a
misspelt ``"donorr"`` or a ``"donor": 42`` is an error, not a silent miss.
:func:`load_gold` reads such files (UTF-8, with or without a byte order mark) into
:class:`GoldDocument` objects and reports the file, line and key of the first
problem it meets.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import warnings
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)

from vaxdiplo.errors import Warnings
from vaxdiplo.evaluation.contract import (
    EVENT_TYPES,
    FIELDS_BY_TYPE,
    NOTE_KEYS,
    PARTY_ROLES,
    TypeContract,
)
from vaxdiplo.evaluation.values import as_day

__all__ = ["GoldDocument", "GoldEvent", "GoldFormatError", "GoldWarning", "load_gold"]


class GoldFormatError(ValueError):
    """A gold file cannot be read; the message names the file, line and key."""


class GoldWarning(UserWarning):
    """A gold file that can be read but scores nothing (no events)."""


class GoldMoney(BaseModel):
    """A money field of a gold event: a finite ``amount`` and a ``currency``."""

    model_config = ConfigDict(extra="forbid", strict=True)

    amount: float
    currency: str | None = None

    @field_validator("amount")
    @classmethod
    def _finite(cls, amount: float) -> float:
        if not math.isfinite(amount):
            raise ValueError("the amount must be a finite number")
        return amount


class _GoldKeys(BaseModel):
    """The keys every gold event may have besides its type's roles and fields: its day,
    whether it is optional, alternative parties and note keys the scorer ignores."""

    model_config = ConfigDict(extra="forbid", strict=True)

    date: dt.date | str | None = None
    optional: bool = False
    alt: dict[str, list[str | list[str]]] | None = None
    evidence: Any = None
    why: Any = None
    note: Any = None
    notes: Any = None
    comment: Any = None
    rule: Any = None
    confidence: Any = None

    @field_validator("date")
    @classmethod
    def _iso_day(cls, value: Any) -> Any:
        if value is not None and as_day(value) is None:
            raise ValueError(f"must be an ISO date (YYYY-MM-DD) or null, got {value!r}")
        return value


class GoldEvent(_GoldKeys):
    """The schema of one gold event (EVENTS.md §5), used to validate gold files.

    Every role and field is optional; a key that is neither a role or field of the
    event's type (:data:`~vaxdiplo.evaluation.contract.FIELDS_BY_TYPE`), ``date``,
    ``optional``, ``alt`` nor a note key is an error. Values are checked strictly
    (a party is a string, ``doses`` a number, not a bool).
    """

    type: Literal[EVENT_TYPES]  # type: ignore[valid-type]
    participants: list[str] | None = None
    location: str | None = None
    authority: str | None = None
    donor: str | None = None
    recipient: str | None = None
    supplier: str | None = None
    requester: str | None = None
    addressee: str | None = None
    provider: str | None = None
    buyer: str | None = None
    seller: str | None = None
    vaccine: str | None = None
    approval: str | None = None
    channel: str | None = None
    doses: int | float | None = None
    money: GoldMoney | None = None

    @model_validator(mode="after")
    def _fields_of_type(self) -> GoldEvent:
        own = set(FIELDS_BY_TYPE[self.type])
        common = {"type", "date", "optional", "alt", *NOTE_KEYS}
        foreign = sorted(self.model_fields_set - common - own)
        if foreign:
            raise ValueError(f"{foreign[0]!r} is not a role or field of {self.type}")
        for role in self.alt or {}:
            if role != "participants" and role not in PARTY_ROLES:
                raise ValueError(f"'alt' names {role!r}, which is not a party role")
            if role not in own:
                raise ValueError(f"'alt' names {role!r}, which is not a role of {self.type}")
        return self


class _CustomGoldBase(_GoldKeys):
    """The keys every gold event of a user-declared type may have."""

    party_roles: ClassVar[tuple[str, ...]] = ()

    @model_validator(mode="after")
    def _alt_roles(self) -> _CustomGoldBase:
        roles = set(self.party_roles)
        for role in self.alt or {}:
            if role not in roles:
                raise ValueError(f"'alt' names {role!r}, which is not a party role of the type")
        return self


_GOLD_MODELS: dict[TypeContract, type[_CustomGoldBase]] = {}


def gold_event_model(contract: TypeContract) -> type[_CustomGoldBase]:
    """The gold schema of a user-declared type (made once per contract)."""
    if contract not in _GOLD_MODELS:
        kinds = dict(contract.kinds)
        value_types = {"doses": int | float, "money": GoldMoney}
        fields: dict[str, Any] = {"type": (Literal[contract.name], ...)}  # type: ignore[valid-type]
        fields |= {r: (list[str] | None, None) for r in contract.set_roles}
        fields |= {r: (str | None, None) for r in contract.party_roles}
        fields |= {
            f: (value_types.get(kinds.get(f, ""), str) | None, None) for f in contract.fields
        }
        model = create_model(f"Gold{contract.name}", __base__=_CustomGoldBase, **fields)
        model.party_roles = (*contract.set_roles, *contract.party_roles)
        _GOLD_MODELS[contract] = model
    return _GOLD_MODELS[contract]


# The member of a union that pydantic names in an error's location ("doses.int").
_UNION_TAG = re.compile(r"^(?:int|float|str|bool|date|(?:list|dict|function-\w+)\[.*\])$")


def _describe(exc: ValidationError) -> str:
    """The first problem of a validation error on one line, naming its key."""
    err = exc.errors(include_url=False)[0]
    loc = ".".join(str(part) for part in err["loc"] if not _UNION_TAG.match(str(part)))
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        return f"unknown key {loc!r}"
    if not loc:
        return msg
    if err["type"] == "value_error":
        return f"key {loc!r}: {msg}"
    return f"key {loc!r}: {msg}, got {err['input']!r:.80}"


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
    def _check_events(
        cls, events: list[dict[str, Any]], info: ValidationInfo
    ) -> list[dict[str, Any]]:
        types = (info.context or {}).get("types") or {}
        for index, event in enumerate(events):
            _check_gold_event(event, index, types)
        return events


def _check_gold_event(event: Any, index: int, types: Mapping[str, TypeContract]) -> None:
    """Raise ``ValueError`` naming the event and key when a gold event breaks the format."""
    if not isinstance(event, Mapping):
        raise ValueError(f"event {index}: expected an object, got {type(event).__name__}")
    contract = types.get(event.get("type"))  # type: ignore[call-overload]
    model = gold_event_model(contract) if contract is not None else GoldEvent
    try:
        model.model_validate(dict(event))
    except ValidationError as exc:
        raise ValueError(f"event {index}: {_describe(exc)}") from None


def _parse_document(
    obj: Any, where: str, types: Mapping[str, TypeContract] | None = None
) -> GoldDocument:
    if not isinstance(obj, Mapping):
        raise GoldFormatError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    try:
        return GoldDocument.model_validate(obj, context={"types": types or {}})
    except ValidationError as exc:
        raise GoldFormatError(f"{where}: invalid gold document: {_describe(exc)}") from exc


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


def _read_text(path: Path) -> str:
    """The text of a gold file: UTF-8, a byte order mark allowed."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GoldFormatError(
            f"{path}:{line}: not UTF-8 text ({exc.reason} at byte {exc.start}); "
            "save the file as UTF-8"
        ) from exc


def _load_jsonl(path: Path, types: Mapping[str, TypeContract]) -> list[GoldDocument]:
    docs: list[GoldDocument] = []
    for lineno, line in enumerate(_read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        obj = _decode(line, path, lineno)
        docs.append(_parse_document(obj, f"{path}:{lineno}", types))
    return docs


def _load_json(path: Path, types: Mapping[str, TypeContract]) -> list[GoldDocument]:
    obj = _decode(_read_text(path), path)
    if isinstance(obj, list):
        return [_parse_document(item, f"{path}: item {i}", types) for i, item in enumerate(obj)]
    return [_parse_document(obj, str(path), types)]


def load_gold(
    path: str | Path, types: Mapping[str, TypeContract] | None = None
) -> list[GoldDocument]:
    """Load gold documents.

    Args:
        path: A ``.jsonl`` file (one JSON object per line; blank lines are
            skipped), a ``.json`` file (one object or a list of objects), or a
            directory whose ``.json`` and ``.jsonl`` files (not recursive,
            sorted by name) are read in turn.
        types: User-declared event types by name, whose gold events are checked
            against their roles and fields.

    Returns:
        The documents, in file order.

    Raises:
        GoldFormatError: When a file is not UTF-8 or not valid JSON, or a document
            breaks the gold format (the message names the file, the line or list
            item, and the key), when a document id occurs twice, or when the path
            is neither such a file nor a directory.

    Warns:
        GoldWarning: When the documents hold no events at all (W009).
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
            loaded = _load_jsonl(file, types or {})
        elif file.suffix == ".json":
            loaded = _load_json(file, types or {})
        else:
            raise GoldFormatError(f"{file}: expected a .json or .jsonl file")
        for doc in loaded:
            if doc.id in seen:
                raise GoldFormatError(
                    f"{file}: document id {doc.id!r} already read from {seen[doc.id]}"
                )
            seen[doc.id] = file
        docs.extend(loaded)
    if not any(doc.events for doc in docs):
        warnings.warn(Warnings.W009.format(path=path, docs=len(docs)), GoldWarning, stacklevel=2)
    return docs
