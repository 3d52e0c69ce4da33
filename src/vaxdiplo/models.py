"""Typed output of vaxdiplo: actors, vaccines, quantities, evidence and the nine events.

Every model is frozen and round-trips through JSON exactly. The events form a
discriminated union on ``type`` (see ``Event``); ``EventList`` validates and dumps
lists of them and gives their JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, create_model, model_validator

__all__ = [
    "EVENT_CLASSES",
    "Actor",
    "ActorKind",
    "Approval",
    "Delivery",
    "DocumentFailure",
    "DonationPledge",
    "Event",
    "EventList",
    "Evidence",
    "Extraction",
    "Meeting",
    "Mention",
    "Money",
    "PhoneCall",
    "PurchaseAgreement",
    "SupplyRequest",
    "TechTransfer",
    "TechTransferRequest",
    "Vaccine",
    "extraction_model",
]

ActorKind = Literal["person", "country", "government_body", "international_org", "company", "group"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Actor(_Frozen):
    """A participant in an event, resolved to the party it acts for.

    Attributes:
        kind: What the actor is.
        name: Canonical display name.
        id: ISO3 for a country, registry id for an organisation, slug for a person.
        country: ISO3 of the state the actor belongs to or speaks for.
        title: Role as written or normalised ("Prime Minister").
        party: Who the actor acts for: the unit that scoring compares.
    """

    kind: ActorKind
    name: str
    id: str
    country: str | None = None
    title: str | None = None
    party: str

    @model_validator(mode="before")
    @classmethod
    def _default_party(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("party"):
            data = dict(data)
            kind, country = data.get("kind"), data.get("country")
            if kind in ("person", "government_body"):
                data["party"] = country or data.get("id")
            else:
                data["party"] = data.get("id")
        return data


class Vaccine(_Frozen):
    """A vaccine product: contract id, canonical name and the text as written."""

    id: str
    name: str
    mention: str


class Money(_Frozen):
    """An amount of money in an ISO 4217 currency."""

    amount: float
    currency: str = Field(pattern=r"^[A-Z]{3}$")


class Evidence(_Frozen):
    """A sentence that supports an event, with character offsets into the input text."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"evidence end {self.end} is before start {self.start}")
        return self


class _EventBase(_Frozen):
    """Fields every event carries."""

    type: str
    date: dt.date | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    rule: str = "manual"
    trigger: Evidence | None = None
    """The word that announced the event, with its offsets (not part of the gold format)."""
    roles: ClassVar[tuple[str, ...]] = ()
    fields: ClassVar[tuple[str, ...]] = ()

    def to_gold(self) -> dict[str, Any]:
        """Return the event in the gold format of EVENTS.md §5 (parties as strings)."""
        out: dict[str, Any] = {"type": self.type}
        for role in self.roles:
            value = getattr(self, role)
            if isinstance(value, tuple):
                out[role] = sorted({a.party for a in value})
            elif value is not None:
                out[role] = value.party
        for name in self.fields:
            value = getattr(self, name)
            if value is None:
                continue
            if isinstance(value, Vaccine):
                out[name] = value.id
            elif isinstance(value, Money):
                out[name] = {"amount": value.amount, "currency": value.currency}
            else:
                out[name] = value
        if self.date is not None:
            out["date"] = self.date.isoformat()
        out["evidence"] = [e.text for e in self.evidence]
        out["rule"] = self.rule
        return out


class PhoneCall(_EventBase):
    """A telephone conversation between two or more parties."""

    type: Literal["PhoneCall"] = "PhoneCall"
    participants: tuple[Actor, ...] = ()
    vaccine: Vaccine | None = None
    roles: ClassVar[tuple[str, ...]] = ("participants",)
    fields: ClassVar[tuple[str, ...]] = ("vaccine",)


class Meeting(_EventBase):
    """Talks, a visit or a virtual summit."""

    type: Literal["Meeting"] = "Meeting"
    participants: tuple[Actor, ...] = ()
    location: Actor | None = None
    vaccine: Vaccine | None = None
    roles: ClassVar[tuple[str, ...]] = ("participants", "location")
    fields: ClassVar[tuple[str, ...]] = ("vaccine",)


class Approval(_EventBase):
    """Authorisation of a vaccine's use."""

    type: Literal["Approval"] = "Approval"
    authority: Actor | None = None
    vaccine: Vaccine | None = None
    approval: Literal["emergency", "full", "conditional", "unspecified"] = "unspecified"
    roles: ClassVar[tuple[str, ...]] = ("authority",)
    fields: ClassVar[tuple[str, ...]] = ("vaccine", "approval")


class DonationPledge(_EventBase):
    """A promise or announcement of a gift of vaccines or money for vaccines."""

    type: Literal["DonationPledge"] = "DonationPledge"
    donor: Actor | None = None
    recipient: Actor | None = None
    vaccine: Vaccine | None = None
    doses: int | None = Field(default=None, ge=0)
    money: Money | None = None
    roles: ClassVar[tuple[str, ...]] = ("donor", "recipient")
    fields: ClassVar[tuple[str, ...]] = ("vaccine", "doses", "money")


class Delivery(_EventBase):
    """Doses that arrive or are handed over."""

    type: Literal["Delivery"] = "Delivery"
    supplier: Actor | None = None
    recipient: Actor | None = None
    vaccine: Vaccine | None = None
    doses: int | None = Field(default=None, ge=0)
    channel: Literal["donation", "purchase", "covax", "unspecified"] = "unspecified"
    roles: ClassVar[tuple[str, ...]] = ("supplier", "recipient")
    fields: ClassVar[tuple[str, ...]] = ("vaccine", "doses", "channel")


class SupplyRequest(_EventBase):
    """A request for doses or for priority access to them."""

    type: Literal["SupplyRequest"] = "SupplyRequest"
    requester: Actor | None = None
    addressee: Actor | None = None
    vaccine: Vaccine | None = None
    doses: int | None = Field(default=None, ge=0)
    roles: ClassVar[tuple[str, ...]] = ("requester", "addressee")
    fields: ClassVar[tuple[str, ...]] = ("vaccine", "doses")


class TechTransferRequest(_EventBase):
    """A request for technology, a licence or help to produce vaccines."""

    type: Literal["TechTransferRequest"] = "TechTransferRequest"
    requester: Actor | None = None
    addressee: Actor | None = None
    vaccine: Vaccine | None = None
    roles: ClassVar[tuple[str, ...]] = ("requester", "addressee")
    fields: ClassVar[tuple[str, ...]] = ("vaccine",)


class TechTransfer(_EventBase):
    """An agreement on, or transfer of, production technology or bulk for local production."""

    type: Literal["TechTransfer"] = "TechTransfer"
    provider: Actor | None = None
    recipient: Actor | None = None
    vaccine: Vaccine | None = None
    doses: int | None = Field(default=None, ge=0)
    roles: ClassVar[tuple[str, ...]] = ("provider", "recipient")
    fields: ClassVar[tuple[str, ...]] = ("vaccine", "doses")


class PurchaseAgreement(_EventBase):
    """A contract or deal to buy doses."""

    type: Literal["PurchaseAgreement"] = "PurchaseAgreement"
    buyer: Actor | None = None
    seller: Actor | None = None
    vaccine: Vaccine | None = None
    doses: int | None = Field(default=None, ge=0)
    money: Money | None = None
    roles: ClassVar[tuple[str, ...]] = ("buyer", "seller")
    fields: ClassVar[tuple[str, ...]] = ("vaccine", "doses", "money")


Event = Annotated[
    PhoneCall
    | Meeting
    | Approval
    | DonationPledge
    | Delivery
    | SupplyRequest
    | TechTransferRequest
    | TechTransfer
    | PurchaseAgreement,
    Field(discriminator="type"),
]
"""Any of the nine events, told apart by ``type``."""

EVENT_CLASSES: dict[str, type[_EventBase]] = {
    cls.model_fields["type"].default: cls
    for cls in (
        PhoneCall,
        Meeting,
        Approval,
        DonationPledge,
        Delivery,
        SupplyRequest,
        TechTransferRequest,
        TechTransfer,
        PurchaseAgreement,
    )
}

EventList: TypeAdapter[list[Event]] = TypeAdapter(list[Event])
"""Validates, dumps and describes (JSON Schema) lists of events."""


class Mention(_Frozen):
    """A span of the input resolved to an actor or a vaccine."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: Literal[
        "person", "country", "government_body", "international_org", "company", "group", "vaccine"
    ]
    actor: Actor | None = None
    vaccine: Vaccine | None = None
    via: str | None = None
    """How it was found: "registry", "alias", "demonym", "capital", "title", "ner", "document"."""


class DocumentFailure(_Frozen):
    """A document a batch could not process, with the reason.

    ``index`` is the item's position in the batch; ``source`` where it was read from
    (a file, or ``file:line`` of a JSONL file) when it came from one.
    """

    doc_id: str | None
    error: str
    message: str
    index: int | None = None
    source: str | None = None


class Extraction(_Frozen):
    """Everything vaxdiplo found in one document.

    ``text`` is the text every offset (evidence, mentions) indexes: the text passed in,
    or what was read from it (HTML reduced to text). ``url`` and ``title`` are carried
    from the article when a reader or a batch item gives them.
    """

    doc_id: str | None = None
    published: dt.date | None = None
    published_source: Literal["argument", "dateline"] | None = None
    events: tuple[Event, ...] = ()
    mentions: tuple[Mention, ...] = ()
    warnings: tuple[str, ...] = ()
    model: str | None = None
    text: str | None = None
    url: str | None = None
    title: str | None = None

    def to_gold(self) -> list[dict[str, Any]]:
        """The events in the gold format of EVENTS.md §5."""
        return [e.to_gold() for e in self.events]


_EXTRACTION_MODELS: dict[tuple[type[_EventBase], ...], type[Extraction]] = {}


def extraction_model(extra: tuple[type[_EventBase], ...] = ()) -> type[Extraction]:
    """``Extraction``, or a subclass whose events may also be of the ``extra`` event
    models (user-declared types, see :mod:`vaxdiplo.rules.types`), made once per set."""
    if not extra:
        return Extraction
    if extra not in _EXTRACTION_MODELS:
        union = Annotated[Union[(*EVENT_CLASSES.values(), *extra)], Field(discriminator="type")]
        _EXTRACTION_MODELS[extra] = create_model(
            "Extraction",
            __base__=Extraction,
            __module__=__name__,
            events=(tuple[union, ...], ()),  # type: ignore[valid-type]
        )
    return _EXTRACTION_MODELS[extra]
