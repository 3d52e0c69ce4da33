"""Event types declared as data: a user's type, its roles and attributes, and the pydantic
model made for it.

A type is declared in a rule file (see :mod:`vaxdiplo.rules.files`)::

    {"name": "ExportBan",
     "description": "A state or bloc stops exports of vaccines or their inputs.",
     "roles": {"imposer": {"kinds": ["country", "government_body", "international_org"]},
               "target": {"kinds": ["country", "international_org", "company"]}},
     "key_role": "imposer",
     "attributes": {"goods": {"kind": "choice",
                              "values": {"vaccines": ["vaccine", "vaccines", "doses"]}}}}

:meth:`EventTypeSpec.model` returns the event model, made once with
``pydantic.create_model`` on the base every packaged event shares, so it has ``date``,
``evidence``, ``confidence``, ``rule``, ``trigger`` and ``to_gold``;
:meth:`EventTypeSpec.contract` gives the scorer what it needs to compare two events of
the type.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from vaxdiplo.evaluation.contract import EVENT_TYPES, TypeContract
from vaxdiplo.models import Actor, Money, Vaccine, _EventBase

__all__ = ["AttributeSpec", "EventTypeSpec", "RoleSpec"]

ActorKindName = Literal[
    "person", "country", "government_body", "international_org", "company", "group"
]
_PARTIES: tuple[ActorKindName, ...] = (
    "country",
    "government_body",
    "international_org",
    "company",
    "group",
)
_RESERVED = frozenset({"type", "date", "evidence", "confidence", "rule", "trigger"})
_MODELS: dict[str, type[_EventBase]] = {}


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RoleSpec(_Spec):
    """A role: which kinds of actor may fill it, and whether it holds several parties."""

    kinds: tuple[ActorKindName, ...] = Field(default=_PARTIES, min_length=1)
    many: bool = False


class AttributeSpec(_Spec):
    """An attribute read from the trigger's sentence.

    ``choice``: one of ``values`` (value -> the words that say it, nearest the trigger
    first); ``vaccine``: a registry vaccine id; ``doses``: a count of doses; ``money``: an
    amount and currency.
    """

    kind: Literal["choice", "vaccine", "doses", "money"]
    values: dict[str, tuple[str, ...]] = {}

    @model_validator(mode="after")
    def _values_for_choices(self) -> AttributeSpec:
        if (self.kind == "choice") != bool(self.values):
            raise ValueError("'values' is required for a choice and only for a choice")
        return self


class EventTypeSpec(_Spec):
    """A user's event type: name, roles, the role that decides detection, attributes."""

    name: str = Field(pattern=r"^[A-Z][A-Za-z0-9]*$")
    description: str = ""
    roles: dict[str, RoleSpec] = Field(min_length=1)
    key_role: str
    attributes: dict[str, AttributeSpec] = {}
    cancelled_by: tuple[str, ...] = ()
    """Words that, among the four before a trigger in its sentence, say the event did
    not happen ("threatened to block", "lift the ban", "denied imposing")."""

    @model_validator(mode="after")
    def _names(self) -> EventTypeSpec:
        if self.name in EVENT_TYPES or self.name in ("Request",):
            raise ValueError(f"{self.name!r} is a packaged event type")
        if self.key_role not in self.roles:
            raise ValueError(f"key_role {self.key_role!r} is not one of its roles")
        names = [*self.roles, *self.attributes]
        clash = sorted((set(names) & _RESERVED) | {n for n in names if names.count(n) > 1})
        if clash:
            raise ValueError(f"role or attribute names {clash} are reserved or repeated")
        bad = [n for n in names if not n.isidentifier() or not n.islower()]
        if bad:
            raise ValueError(f"role and attribute names must be lower-case identifiers: {bad}")
        return self

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_defaults=True)

    def model(self) -> type[_EventBase]:
        """The pydantic event model of the type (made once per declaration)."""
        key = json.dumps(self.model_dump(mode="json"), sort_keys=True)
        if key not in _MODELS:
            _MODELS[key] = self._make_model()
        return _MODELS[key]

    def _make_model(self) -> type[_EventBase]:
        fields: dict[str, Any] = {"type": (Literal[self.name], self.name)}  # type: ignore[valid-type]
        for role, spec in self.roles.items():
            fields[role] = (tuple[Actor, ...], ()) if spec.many else (Actor | None, None)
        for name, attr in self.attributes.items():
            fields[name] = _attribute_field(attr)
        model = create_model(  # type: ignore[call-overload]
            self.name,
            __base__=_EventBase,
            __doc__=self.description or f"A {self.name} event (declared in a rule file).",
            __module__="vaxdiplo.models",
            **fields,
        )
        model.roles = tuple(self.roles)
        model.fields = tuple(self.attributes)
        return model

    def contract(self) -> TypeContract:
        """What the scorer needs to compare events of this type."""
        return TypeContract(
            name=self.name,
            key_role=self.key_role,
            party_roles=tuple(r for r, s in self.roles.items() if not s.many),
            set_roles=tuple(r for r, s in self.roles.items() if s.many),
            fields=tuple(self.attributes),
            kinds=tuple((n, a.kind) for n, a in self.attributes.items()),
        )


def _attribute_field(attr: AttributeSpec) -> tuple[Any, Any]:
    if attr.kind == "choice":
        return (Literal[tuple(attr.values)] | None, None)  # type: ignore[valid-type]
    if attr.kind == "vaccine":
        return (Vaccine | None, None)
    if attr.kind == "doses":
        return (int | None, Field(default=None, ge=0))
    return (Money | None, None)
