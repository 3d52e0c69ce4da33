"""Trigger rules as typed data: a spaCy ``Matcher`` pattern, an event type and a role map."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from vaxdiplo.errors import Errors, VaxdiploError

__all__ = [
    "RuleFileError",
    "TriggerRule",
    "check_unique",
    "load_rules",
    "parse_triggers",
    "read_json",
]

RuleType = Literal[
    "PhoneCall",
    "Meeting",
    "Approval",
    "DonationPledge",
    "Delivery",
    "Request",
    "TechTransfer",
    "PurchaseAgreement",
]
"""``Request`` rules yield a SupplyRequest, a TechTransferRequest or both, by what is asked."""
PACKAGED_TYPES: tuple[str, ...] = get_args(RuleType)


class RuleFileError(VaxdiploError, ValueError):
    """A rule file does not match the rule schema."""


class TriggerRule(BaseModel):
    """One trigger: where an event of ``type`` is announced in a sentence.

    Attributes:
        id: Stable rule id, reported in ``Event.rule``.
        type: The event type (``Request`` covers both kinds of request).
        pattern: A spaCy ``Matcher`` token pattern.
        anchor: Index of the pattern token that is the trigger word (negative counts from
            the end of the match).
        roles: Relation of an actor to the trigger (``subj``, ``obj``, ``agent``, a
            preposition, ``poss``, ``mod``, ``speaker``, ``obj.poss``; ``*`` for every
            argument) mapped to the role it fills.
        needs: Names of checks the sentence must pass, each registered in
            :data:`vaxdiplo.events.checks.checks` (packaged or a user's own).
        weak: Dropped when the document reports a phone call (talks that are that call).
        visit: The trigger is a visit: the place visited is the meeting's location.
        host: The subject hosts the meeting: its country is the location.
        virtual: The meeting is online: no location.
        each: One call or meeting per party the subject talks to.
        gift: The event is a gift (for ``committed to providing``).
        approval: Approval kind the trigger implies.
        rules_only: Used only without a statistical tagger.
        anaphoric: Never starts an event; only adds evidence, vaccine or money to the
            latest event of its type.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z_]+\.[a-z_]+$")
    type: str
    """A packaged type (:data:`RuleType`) or a type declared in the same rule file."""
    pattern: list[dict[str, Any]] = Field(min_length=1)
    anchor: int = 0
    roles: dict[str, str] = Field(min_length=1)
    needs: tuple[str, ...] = ()
    weak: bool = False
    visit: bool = False
    host: bool = False
    virtual: bool = False
    each: bool = False
    """Each party the subject talks to is a talk of its own ("she also called X, Y and Z")."""
    gift: bool = False
    approval: Literal["emergency", "full", "conditional"] | None = None
    rules_only: bool = False
    anaphoric: bool = False
    verb_anchor: bool = False
    """Relate the actors to the verb that governs the trigger ("received raw materials")."""
    """Only adds to an event already found ("during the call", "the contract is worth")."""

    @field_validator("type")
    @classmethod
    def _known_type(cls, etype: str, info: ValidationInfo) -> str:
        declared = (info.context or {}).get("types") or ()
        if etype not in PACKAGED_TYPES and etype not in declared:
            known = [*PACKAGED_TYPES, *declared]
            raise ValueError(f"unknown event type {etype!r}; known: {known}")
        return etype

    @field_validator("needs")
    @classmethod
    def _known_checks(cls, needs: tuple[str, ...]) -> tuple[str, ...]:
        from vaxdiplo.events.checks import checks

        unknown = [n for n in needs if n not in checks]
        if unknown:
            raise ValueError(f"unknown checks {unknown}; registered: {sorted(checks.get_all())}")
        return needs

    @classmethod
    def from_dict(cls, data: dict[str, Any], types: Iterable[str] = ()) -> TriggerRule:
        """A rule from its dict; ``types`` names the user-declared types it may have."""
        return cls.model_validate(data, context={"types": tuple(types)})

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(exclude_defaults=True)


def entry_problem(err: ValidationError) -> str:
    """The first problem of a validation error, naming its field."""
    first = err.errors(include_url=False)[0]
    field = ".".join(str(p) for p in first["loc"])
    problem = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        problem = "unknown key"
    return f"field {field!r}: {problem}" if field else problem


def parse_triggers(items: Any, where: str, types: Iterable[str] = ()) -> tuple[TriggerRule, ...]:
    """Validate trigger rules read from ``where``, one entry at a time, so that an error
    names the file, the entry (its index and id) and the problem.

    Raises:
        RuleFileError: not a list of objects, a bad entry, or an id used twice.
    """
    if not isinstance(items, list):
        reason = f"expected a list of trigger rules, got a {type(items).__name__}"
        raise RuleFileError(Errors.E008.format(path=where, reason=reason))
    rules = []
    for n, item in enumerate(items):
        label = item.get("id") if isinstance(item, dict) else None
        entry = f"entry {n}" + (f" ({label!r})" if label else "")
        if not isinstance(item, dict):
            reason = f"{entry}: expected an object, got a {type(item).__name__}"
            raise RuleFileError(Errors.E008.format(path=where, reason=reason))
        try:
            rules.append(TriggerRule.from_dict(item, types))
        except ValidationError as err:
            reason = f"{entry}: {entry_problem(err)}"
            raise RuleFileError(Errors.E008.format(path=where, reason=reason)) from err
    check_unique(rules, where)
    return tuple(rules)


def check_unique(rules: list[TriggerRule] | tuple[TriggerRule, ...], where: str) -> None:
    """Raise ``RuleFileError`` when two rules share an id."""
    ids = [r.id for r in rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RuleFileError(Errors.E008.format(path=where, reason=f"duplicate ids {dupes}"))


def read_json(path: str | Path) -> Any:
    """The JSON value of a rule file (UTF-8, a byte order mark allowed).

    Raises:
        RuleFileError: the file cannot be read or is not JSON.
    """
    try:
        with open(path, "rb") as fh:
            return json.loads(fh.read().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise RuleFileError(Errors.E008.format(path=path, reason=err)) from err


@cache
def load_rules(path: str | None = None) -> tuple[TriggerRule, ...]:
    """The packaged trigger rules, or those of a JSON file at ``path``."""
    if path is None:
        raw = (files("vaxdiplo.rules") / "triggers.json").read_bytes()
        return parse_triggers(json.loads(raw), "triggers.json")
    return parse_triggers(read_json(path), path)
