"""An event under construction (``Candidate``), the frame of each type, and the model.

A ``Candidate`` is what the finder builds for one trigger: its type, roles (lists of
actors until :mod:`vaxdiplo.events.split` leaves one per single-valued role), vaccine,
doses, money, date, evidence offsets and a trace of how each part was found.
:func:`to_event` turns a finished candidate into its pydantic model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from vaxdiplo.entities import Ent
from vaxdiplo.evaluation.contract import KEY_ROLE
from vaxdiplo.models import EVENT_CLASSES, Actor, Evidence, Money, Vaccine

__all__ = ["KEY_ROLE", "ROLE_ORDER", "Arg", "Candidate", "to_event"]

ROLE_ORDER = {
    "PhoneCall": ("participants",),
    "Meeting": ("participants", "location"),
    "Approval": ("authority",),
    "DonationPledge": ("donor", "recipient"),
    "Delivery": ("supplier", "recipient"),
    "SupplyRequest": ("requester", "addressee"),
    "TechTransferRequest": ("requester", "addressee"),
    "TechTransfer": ("provider", "recipient"),
    "PurchaseAgreement": ("buyer", "seller"),
}
NO_DOSES = frozenset({"PhoneCall", "Meeting", "Approval", "TechTransferRequest"})
WITH_MONEY = frozenset({"DonationPledge", "PurchaseAgreement"})
# Event types whose date may come from the reporting verb ("said on Tuesday it will donate").
REPORT_DATED = frozenset({"DonationPledge", "SupplyRequest", "TechTransferRequest"})
FUTURE_OK = frozenset({"DonationPledge"})


@dataclass
class Arg:
    """An actor of a sentence and its relation to a trigger."""

    actor: Actor
    rel: str
    token: int
    ent: Ent | None = None


@dataclass
class Candidate:
    """An event under construction, with how each part was found."""

    type: str
    rule: str
    trigger: str
    sent_starts: list[int]
    roles: dict[str, Any] = field(default_factory=dict)
    vaccine: Vaccine | None = None
    doses: int | None = None
    money: Money | None = None
    date: dt.date | None = None
    date_conflict: bool = False
    approval: str = "unspecified"
    channel: str = "unspecified"
    confidence: float = 0.8
    evidence: list[tuple[int, int]] = field(default_factory=list)
    trace: list[str] = field(default_factory=list)
    weak: bool = False
    anaphoric: bool = False
    trigger_dep: str = ""
    weak_roles: set[str] = field(default_factory=set)
    """Roles filled from the document rather than the sentence (overridable)."""
    trigger_i: int = -1
    trigger_span: tuple[int, int] | None = None
    """Character offsets of the trigger word."""
    attributes: dict[str, Any] = field(default_factory=dict)
    """The attributes of a user-declared type, by name."""
    model: Any = None
    """The event model of a user-declared type (None: a packaged type)."""

    def copy(self) -> Candidate:
        """An independent copy (roles, trace, evidence and weak roles are not shared)."""
        return Candidate(
            **{
                **self.__dict__,
                "roles": dict(self.roles),
                "trace": list(self.trace),
                "evidence": list(self.evidence),
                "sent_starts": list(self.sent_starts),
                "weak_roles": set(self.weak_roles),
                "attributes": dict(self.attributes),
            }
        )

    def party(self, role: str) -> str | None:
        value = self.roles.get(role)
        if isinstance(value, Actor):
            return value.party
        return None

    def first(self, role: str) -> Actor | None:
        """The first actor of ``role`` while roles are lists (before splitting)."""
        values = self.roles.get(role) or [None]
        return values[0]

    def parties(self) -> set[str]:
        return {a.party for a in self.roles.get("participants", [])}


def to_event(c: Candidate, text: str) -> Any:
    """The pydantic event for a candidate."""
    cls = c.model or EVENT_CLASSES[c.type]
    data: dict[str, Any] = {
        "date": c.date,
        "rule": c.rule,
        "confidence": round(c.confidence, 2),
        "evidence": tuple(Evidence(text=text[s:e], start=s, end=e) for s, e in sorted(c.evidence)),
    }
    if c.trigger_span is not None:
        s, e = c.trigger_span
        data["trigger"] = Evidence(text=text[s:e], start=s, end=e)
    for role in ROLE_ORDER.get(c.type, cls.roles):
        value = c.roles.get(role)
        if role == "participants" or isinstance(cls.model_fields[role].default, tuple):
            data[role] = tuple(value or ())
        elif isinstance(value, list):
            data[role] = value[0] if value else None
        else:
            data[role] = value
    if c.model is not None:
        data.update(c.attributes)
        return cls(**data)
    if "vaccine" in cls.model_fields:
        data["vaccine"] = c.vaccine
    if "doses" in cls.model_fields:
        data["doses"] = c.doses
    if "money" in cls.model_fields:
        data["money"] = c.money
    if c.type == "Approval":
        data["approval"] = c.approval
    if c.type == "Delivery":
        data["channel"] = c.channel
    return cls(**data)
