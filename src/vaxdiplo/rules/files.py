"""A user's rule file: trigger rules, and event types, added on top of the packaged ones.

A rule file is a JSON list of trigger rules (the schema of
:class:`~vaxdiplo.rules.base.TriggerRule`), or an object ``{"types": [...],
"triggers": [...]}`` whose ``types`` declare new event types
(:class:`~vaxdiplo.rules.types.EventTypeSpec`) that its triggers may announce.
:func:`load_rule_file` validates it entry by entry, so that an error names the file, the
entry and the problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vaxdiplo.errors import Errors
from vaxdiplo.rules.base import (
    RuleFileError,
    TriggerRule,
    entry_problem,
    parse_triggers,
    read_json,
)
from vaxdiplo.rules.types import EventTypeSpec

__all__ = ["RuleSet", "load_rule_file", "parse_rule_set"]

_KEYS = frozenset({"types", "triggers"})


@dataclass(frozen=True)
class RuleSet:
    """What one rule file holds."""

    triggers: tuple[TriggerRule, ...] = ()
    types: tuple[EventTypeSpec, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "types": [t.to_dict() for t in self.types],
            "triggers": [r.to_dict() for r in self.triggers],
        }


def _fail(where: str, reason: str) -> RuleFileError:
    return RuleFileError(Errors.E008.format(path=where, reason=reason))


def parse_types(items: Any, where: str) -> tuple[EventTypeSpec, ...]:
    """Validate the ``types`` of a rule file, one entry at a time.

    Raises:
        RuleFileError: not a list, a bad entry, or a name used twice.
    """
    if not isinstance(items, list):
        raise _fail(where, f"'types' must be a list, got a {type(items).__name__}")
    out: list[EventTypeSpec] = []
    for n, item in enumerate(items):
        label = item.get("name") if isinstance(item, dict) else None
        entry = f"types entry {n}" + (f" ({label!r})" if label else "")
        try:
            spec = EventTypeSpec.model_validate(item)
        except ValidationError as err:
            raise _fail(where, f"{entry}: {entry_problem(err)}") from err
        if spec.name in [t.name for t in out]:
            raise _fail(where, f"{entry}: the type {spec.name!r} is declared twice")
        out.append(spec)
    return tuple(out)


def check_role_maps(
    triggers: tuple[TriggerRule, ...], types: tuple[EventTypeSpec, ...], where: str
):
    """A trigger of a declared type maps arguments to that type's roles only.

    Raises:
        RuleFileError: naming the trigger and the role it maps to.
    """
    by_name = {t.name: t for t in types}
    for n, rule in enumerate(triggers):
        spec = by_name.get(rule.type)
        if spec is None:
            continue
        unknown = sorted(set(rule.roles.values()) - set(spec.roles) - {"none"})
        if unknown:
            roles = sorted(spec.roles)
            reason = f"entry {n} ({rule.id!r}): field 'roles': {unknown} are not roles of "
            raise _fail(where, reason + f"{rule.type} (its roles: {roles})")


def parse_rule_set(data: Any, where: str) -> RuleSet:
    """A rule set from the JSON value of a rule file read from ``where``.

    Raises:
        RuleFileError: the value or one of its entries breaks the schema.
    """
    if isinstance(data, list):
        return RuleSet(triggers=parse_triggers(data, where))
    if not isinstance(data, dict):
        reason = f"expected a list of trigger rules or an object, got a {type(data).__name__}"
        raise RuleFileError(Errors.E008.format(path=where, reason=reason))
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        reason = f"unknown key {unknown[0]!r} (expected {sorted(_KEYS)})"
        raise RuleFileError(Errors.E008.format(path=where, reason=reason))
    types = parse_types(data.get("types", []), where)
    triggers = parse_triggers(data.get("triggers", []), where, [t.name for t in types])
    check_role_maps(triggers, types, where)
    return RuleSet(triggers=triggers, types=types)


def load_rule_file(path: str | Path) -> RuleSet:
    """Read and validate a user's rule file.

    Raises:
        RuleFileError: the file cannot be read, is not JSON, or breaks the schema.
    """
    return parse_rule_set(read_json(path), str(path))
