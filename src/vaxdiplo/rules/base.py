"""Trigger rules as typed data: a spaCy ``Matcher`` pattern, an event type and a role map."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from vaxdiplo.errors import Errors, VaxdiploError

__all__ = ["RuleFileError", "TriggerRule", "load_rules"]

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
    type: RuleType
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

    @field_validator("needs")
    @classmethod
    def _known_checks(cls, needs: tuple[str, ...]) -> tuple[str, ...]:
        from vaxdiplo.events.checks import checks

        unknown = [n for n in needs if n not in checks]
        if unknown:
            raise ValueError(f"unknown checks {unknown}; registered: {sorted(checks.get_all())}")
        return needs

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TriggerRule:
        return cls.model_validate(data)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(exclude_defaults=True)


def _parse(raw: bytes, where: str) -> tuple[TriggerRule, ...]:
    try:
        items = json.loads(raw)
        rules = tuple(TriggerRule.from_dict(item) for item in items)
    except (ValueError, ValidationError, TypeError) as err:
        raise RuleFileError(Errors.E008.format(path=where, reason=err)) from err
    ids = [r.id for r in rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise RuleFileError(Errors.E008.format(path=where, reason=f"duplicate ids {dupes}"))
    return rules


@cache
def load_rules(path: str | None = None) -> tuple[TriggerRule, ...]:
    """The packaged trigger rules, or those of a JSON file at ``path``."""
    if path is None:
        return _parse((files("vaxdiplo.rules") / "triggers.json").read_bytes(), "triggers.json")
    with open(path, "rb") as fh:
        return _parse(fh.read(), path)
