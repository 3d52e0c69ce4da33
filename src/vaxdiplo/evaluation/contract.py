"""Constants of the event contract that the scorer relies on (EVENTS.md §1, §4, §6).

Every other module of :mod:`vaxdiplo.evaluation` takes its event types, roles,
scored fields and tolerances from here, so the contract is written down once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

EVENT_TYPES: tuple[str, ...] = (
    "PhoneCall",
    "Meeting",
    "Approval",
    "DonationPledge",
    "Delivery",
    "SupplyRequest",
    "TechTransferRequest",
    "TechTransfer",
    "PurchaseAgreement",
)
"""The nine event types of EVENTS.md §4, in the order the spec lists them."""

KEY_ROLE: dict[str, str] = {
    "PhoneCall": "participants",
    "Meeting": "participants",
    "Approval": "authority",
    "DonationPledge": "donor",
    "Delivery": "recipient",
    "TechTransfer": "recipient",
    "SupplyRequest": "requester",
    "TechTransferRequest": "requester",
    "PurchaseAgreement": "buyer",
}
"""The role that decides whether a prediction *detects* a gold event, by type."""

PARTY_ROLES: tuple[str, ...] = (
    "location",
    "authority",
    "donor",
    "recipient",
    "supplier",
    "requester",
    "addressee",
    "provider",
    "buyer",
    "seller",
)
"""Single-party roles (``participants`` is the one set-valued role)."""

SCORED_FIELDS: tuple[str, ...] = (
    "participants",
    *PARTY_ROLES,
    "vaccine",
    "approval",
    "doses",
    "money",
    "channel",
    "date",
)
"""Every field that counts for the exact metric when gold fills it."""

STATE_PRODUCERS: dict[str, str] = {
    "SINOPHARM": "CHN",
    "GAMALEYA": "RUS",
    "RDIF": "RUS",
    "VACSERA": "EGY",
    "BUTANTAN": "BRA",
    "FIOCRUZ": "BRA",
    "BIOFARMA": "IDN",
    "VABIOTECH": "VNM",
    "IVAC": "VNM",
    "TORLAK": "SRB",
}
"""State-owned producers and public institutes mapped to their state (EVENTS.md §1).

Either the producer's registry id or its state's ISO3 code is accepted as the
party of such an actor, so the two compare equal in scoring.
"""

FIELDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "PhoneCall": ("participants", "vaccine"),
    "Meeting": ("participants", "location", "vaccine"),
    "Approval": ("authority", "vaccine", "approval"),
    "DonationPledge": ("donor", "recipient", "vaccine", "doses", "money"),
    "Delivery": ("supplier", "recipient", "vaccine", "doses", "channel"),
    "SupplyRequest": ("requester", "addressee", "vaccine", "doses"),
    "TechTransferRequest": ("requester", "addressee", "vaccine"),
    "TechTransfer": ("provider", "recipient", "vaccine", "doses"),
    "PurchaseAgreement": ("buyer", "seller", "vaccine", "doses", "money"),
}
"""The roles and fields each event type has (EVENTS.md §4), besides ``date``."""

NOTE_KEYS: tuple[str, ...] = ("evidence", "why", "note", "notes", "comment", "rule", "confidence")
"""Keys a gold event may carry as notes for readers; they are not scored."""

MONEY_TOLERANCE: float = 0.01
"""Largest accepted relative deviation of a predicted money amount from gold's."""

MatchKind = Literal["exact", "detected"]
"""How a matched pair of gold event and prediction qualifies."""


@dataclass(frozen=True)
class TypeContract:
    """A user-declared event type, as the scorer sees it (see
    :class:`vaxdiplo.rules.types.EventTypeSpec`).

    Attributes:
        name: The event type.
        key_role: The role that decides whether a prediction detects a gold event.
        party_roles: Roles that hold one party (compared as parties).
        set_roles: Roles that hold a set of parties (compared as ``participants`` are).
        fields: Other scored fields.
        kinds: ``(field, kind)`` pairs: ``doses``, ``money`` and ``vaccine`` fields are
            compared as the packaged ones are; every other field by equality.
    """

    name: str
    key_role: str
    party_roles: tuple[str, ...] = ()
    set_roles: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    kinds: tuple[tuple[str, str], ...] = ()

    @property
    def scored(self) -> tuple[str, ...]:
        """Every field that counts for the exact metric when gold fills it."""
        return (*self.set_roles, *self.party_roles, *self.fields, "date")
