"""A user's registry file: entries added on top of the packaged registry.

A registry file is one JSON object with any of these keys (each optional)::

    {
      "organisations": [{"id": "MSF", "name": "Doctors Without Borders",
                         "kind": "international_org", "acronyms": ["MSF"]}],
      "people": [{"id": "jane-roe", "name": "Jane Roe",
                  "offices": [{"title": "Foreign Minister", "country": "NZL",
                               "valid_from": "2020-11-06"}]}],
      "titles": [...], "vaccines": [...], "bodies": [...],
      "aliases": {"VNM": ["Socialist Republic"], "WHO": ["the global health body"]}
    }

New entries follow the packaged schemas (:mod:`vaxdiplo.registry`); ``aliases`` adds
names to a country, organisation, vaccine or person already known (packaged or added in
the same file). :func:`load_registry_file` validates a file and
:func:`extend_registry` returns a new :class:`~vaxdiplo.registry.Registry` with the
additions: the packaged registry itself is never changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from vaxdiplo.errors import Errors, VaxdiploError
from vaxdiplo.registry import (
    BodyEntry,
    OrgEntry,
    PersonEntry,
    Registry,
    RegistryError,
    TitleEntry,
    VaccineEntry,
)

__all__ = ["RegistryAdditions", "RegistryFileError", "extend_registry", "load_registry_file"]


class RegistryFileError(VaxdiploError, ValueError):
    """A user registry file does not match the registry schema; the message names the
    file, the entry and the problem."""


class RegistryAdditions(BaseModel):
    """What one user registry file adds (see the module docstring)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    organisations: tuple[OrgEntry, ...] = ()
    people: tuple[PersonEntry, ...] = ()
    titles: tuple[TitleEntry, ...] = ()
    vaccines: tuple[VaccineEntry, ...] = ()
    bodies: tuple[BodyEntry, ...] = ()
    aliases: dict[str, tuple[str, ...]] = {}

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_defaults=True)


def _label(node: Any) -> str | None:
    """The id, name or title of an entry, when it is an object that has one."""
    if not isinstance(node, dict):
        return None
    return next((str(node[k]) for k in ("id", "name", "title") if node.get(k)), None)


def describe_entry_error(err: ValidationError, data: Any) -> str:
    """The first problem of a validation error as ``<section>[<n>] (id ...): <field>:
    <message>``, naming the entry by its index and its id or name when it has one."""
    first = err.errors(include_url=False)[0]
    loc = list(first["loc"])
    where: list[str] = []
    node = data
    while loc and isinstance(loc[0], str) and isinstance(node, dict) and loc[0] in node:
        where.append(str(loc[0]))
        node = node[loc.pop(0)]
        if loc and isinstance(loc[0], int) and isinstance(node, list) and loc[0] < len(node):
            index = loc.pop(0)
            node = node[index]
            label = _label(node)
            where[-1] += f"[{index}]" + (f" ({label!r})" if label else "")
            break
    field = ".".join(str(p) for p in loc)
    entry = where[0] if where else "the file"
    problem = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        problem = "unknown key"
    return f"entry {entry}: {'field ' + repr(field) + ': ' if field else ''}{problem}"


def load_registry_file(path: str | Path) -> RegistryAdditions:
    """Read and validate a user registry file.

    Raises:
        RegistryFileError: the file is missing, not JSON, or an entry breaks the schema
            (the message names the file, the entry and the problem).
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise RegistryFileError(Errors.E017.format(path=path, reason=err)) from err
    if not isinstance(data, dict):
        reason = f"expected a JSON object, got a {type(data).__name__}"
        raise RegistryFileError(Errors.E017.format(path=path, reason=reason))
    try:
        return RegistryAdditions.model_validate(data)
    except ValidationError as err:
        reason = describe_entry_error(err, data)
        raise RegistryFileError(Errors.E017.format(path=path, reason=reason)) from err


def _with_aliases(entry: Any, names: tuple[str, ...]) -> Any:
    field = "variants" if isinstance(entry, PersonEntry) else "aliases"
    known = getattr(entry, field)
    return entry.model_copy(update={field: (*known, *(n for n in names if n not in known))})


def extend_registry(
    base: Registry, additions: Iterable[RegistryAdditions], sources: Iterable[str] = ()
) -> Registry:
    """A new registry: ``base`` with every addition, checked as the packaged data is.

    Raises:
        RegistryFileError: an added id is already known, ``aliases`` names an unknown
            id, or an entry refers to an unknown country, organisation or title.
    """
    sections = {
        "countries": list(base.countries),
        "organisations": list(base.organisations),
        "vaccines": list(base.vaccines),
        "titles": list(base.titles),
        "people": list(base.people),
        "bodies": list(base.bodies),
    }
    names = list(sources)
    for n, add in enumerate(additions):
        where = names[n] if n < len(names) else f"registry addition {n}"
        for section in ("organisations", "vaccines", "titles", "people", "bodies"):
            sections[section].extend(getattr(add, section))
        for key, extra in add.aliases.items():
            _add_aliases(sections, key, extra, where)
    try:
        return Registry(**sections)
    except RegistryError as err:
        where = ", ".join(names) or "registry additions"
        raise RegistryFileError(Errors.E017.format(path=where, reason=err)) from err


def _add_aliases(sections: dict[str, list[Any]], key: str, names: tuple[str, ...], where: str):
    id_field = {"titles": "title", "bodies": "name"}
    for section, entries in sections.items():
        field = id_field.get(section, "id")
        for i, entry in enumerate(entries):
            if getattr(entry, field) == key:
                entries[i] = _with_aliases(entry, names)
                return
    reason = f"entry aliases[{key!r}]: no country, organisation, vaccine or person {key!r}"
    raise RegistryFileError(Errors.E017.format(path=where, reason=reason))
