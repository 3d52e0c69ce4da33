"""A user's rule file: trigger rules added on top of the packaged ones.

A rule file is a JSON list of trigger rules (the schema of
:class:`~vaxdiplo.rules.base.TriggerRule`), or an object ``{"triggers": [...]}``.
:func:`load_rule_file` validates it entry by entry, so that an error names the file, the
entry and the problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vaxdiplo.errors import Errors
from vaxdiplo.rules.base import RuleFileError, TriggerRule, parse_triggers, read_json

__all__ = ["RuleSet", "load_rule_file", "parse_rule_set"]

_KEYS = frozenset({"triggers"})


@dataclass(frozen=True)
class RuleSet:
    """What one rule file holds."""

    triggers: tuple[TriggerRule, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"triggers": [r.to_dict() for r in self.triggers]}


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
    return RuleSet(triggers=parse_triggers(data.get("triggers", []), where))


def load_rule_file(path: str | Path) -> RuleSet:
    """Read and validate a user's rule file.

    Raises:
        RuleFileError: the file cannot be read, is not JSON, or breaks the schema.
    """
    return parse_rule_set(read_json(path), str(path))
