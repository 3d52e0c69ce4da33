"""Entity registries: countries, organisations, vaccines, titles, people, bodies.

The data lives in JSON files next to this module (``data/``) and is validated
with frozen pydantic models on load. ``load_registry()`` reads every file once
per process and returns the same :class:`Registry` on each call.

Conventions (see the event contract, EVENTS.md):

* country ids are ISO 3166-1 alpha-3 codes (plus ``XKX`` for Kosovo);
* organisation ids are upper-case slugs (``WHO``, ``SINOPHARM``, ``US_FDA``);
* vaccine ids are the contract's lower-case ids (``sputnik-v``);
* person ids are lower-case ASCII slugs of the canonical name.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date
from importlib.resources import files
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, TypeAdapter, model_validator

__all__ = [
    "BodyEntry",
    "CountryEntry",
    "Office",
    "OrgEntry",
    "OrgKind",
    "PersonEntry",
    "Registry",
    "RegistryError",
    "TitleEntry",
    "TitleLevel",
    "VaccineEntry",
    "load_registry",
]

OrgKind = Literal["international_org", "company", "government_body", "group"]
TitleLevel = Literal[
    "head_of_state",
    "head_of_government",
    "deputy_head",
    "minister",
    "diplomat",
    "org_head",
    "official",
    "company",
]


class RegistryError(ValueError):
    """The registry data is inconsistent (unknown reference, duplicate id...)."""


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CountryEntry(_Entry):
    """A country or territory, keyed by ISO 3166-1 alpha-3."""

    id: str
    alpha2: str
    name: str
    official_name: str | None = None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Display name followed by every alias (no demonyms, no capitals)."""
        return (self.name, *self.aliases)


class OrgEntry(_Entry):
    """An international organisation, company, national body or group.

    ``aliases`` match case-insensitively; ``acronyms`` only as written.
    ``parent`` is the id of the organisation a body belongs to (EMA -> EU).
    """

    id: str
    name: str
    kind: OrgKind
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    country: str | None = None
    state_owned: bool = False
    parent: str | None = None


class VaccineEntry(_Entry):
    """A COVID-19 vaccine product.

    ``maker_aliases`` are the aliases that are also company names ("Pfizer"),
    so a linker can decide between the product and the company from context.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    maker_aliases: tuple[str, ...] = ()
    maker: str | None = None


class TitleEntry(_Entry):
    """A canonical office title and the ways news writes it."""

    title: str
    aliases: tuple[str, ...] = ()
    level: TitleLevel


class Office(_Entry):
    """One office held by a person, with its dates (``None``: open or unknown)."""

    title: str
    country: str | None = None
    org: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    @model_validator(mode="after")
    def _check_dates(self) -> Office:
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError(f"valid_from {self.valid_from} is after valid_to {self.valid_to}")
        return self

    def active_on(self, day: date) -> bool:
        """Whether the office was held on ``day`` (open bounds count as held)."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day <= self.valid_to


class PersonEntry(_Entry):
    """A person with name variants and dated offices."""

    id: str
    name: str
    variants: tuple[str, ...] = ()
    short_names: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()

    def offices_on(self, day: date) -> tuple[Office, ...]:
        """Offices held on ``day``."""
        return tuple(o for o in self.offices if o.active_on(day))


class BodyEntry(_Entry):
    """A generic government body whose country comes from context."""

    name: str
    aliases: tuple[str, ...] = ()
    regulator: bool = False


_COUNTRIES = TypeAdapter(tuple[CountryEntry, ...])
_ORGS = TypeAdapter(tuple[OrgEntry, ...])
_VACCINES = TypeAdapter(tuple[VaccineEntry, ...])
_TITLES = TypeAdapter(tuple[TitleEntry, ...])
_PEOPLE = TypeAdapter(tuple[PersonEntry, ...])
_BODIES = TypeAdapter(tuple[BodyEntry, ...])


_T = TypeVar("_T")


def _index(entries: Iterable[_T], key: str, what: str) -> dict[str, _T]:
    out: dict[str, _T] = {}
    for entry in entries:
        value = getattr(entry, key)
        if value in out:
            raise RegistryError(f"duplicate {what} {key} {value!r}")
        out[value] = entry
    return out


class Registry:
    """All registries, cross-checked, with lookups by id.

    Lookups raise ``KeyError`` for an unknown id; use ``in`` tests
    (``"VNM" in registry.country_ids``) to probe.
    """

    def __init__(
        self,
        *,
        countries: Iterable[CountryEntry],
        organisations: Iterable[OrgEntry],
        vaccines: Iterable[VaccineEntry],
        titles: Iterable[TitleEntry],
        people: Iterable[PersonEntry],
        bodies: Iterable[BodyEntry],
    ) -> None:
        self.countries: tuple[CountryEntry, ...] = tuple(countries)
        self.organisations: tuple[OrgEntry, ...] = tuple(organisations)
        self.vaccines: tuple[VaccineEntry, ...] = tuple(vaccines)
        self.titles: tuple[TitleEntry, ...] = tuple(titles)
        self.people: tuple[PersonEntry, ...] = tuple(people)
        self.bodies: tuple[BodyEntry, ...] = tuple(bodies)
        self._countries = _index(self.countries, "id", "country")
        self._orgs = _index(self.organisations, "id", "organisation")
        self._vaccines = _index(self.vaccines, "id", "vaccine")
        self._titles = _index(self.titles, "title", "title")
        self._people = _index(self.people, "id", "person")
        _index(self.bodies, "name", "body")
        self._offices: dict[str, list[tuple[PersonEntry, Office]]] = {}
        for person in self.people:  # offices by title, people in registry order
            for office in person.offices:
                self._offices.setdefault(office.title, []).append((person, office))
        self._check_references()

    # -- lookups -----------------------------------------------------------
    @property
    def country_ids(self) -> frozenset[str]:
        return frozenset(self._countries)

    @property
    def org_ids(self) -> frozenset[str]:
        return frozenset(self._orgs)

    @property
    def vaccine_ids(self) -> frozenset[str]:
        return frozenset(self._vaccines)

    @property
    def person_ids(self) -> frozenset[str]:
        return frozenset(self._people)

    def country(self, id: str) -> CountryEntry:
        return self._countries[id]

    def org(self, id: str) -> OrgEntry:
        return self._orgs[id]

    def vaccine(self, id: str) -> VaccineEntry:
        return self._vaccines[id]

    def person(self, id: str) -> PersonEntry:
        return self._people[id]

    def title(self, canonical: str) -> TitleEntry:
        return self._titles[canonical]

    def holders(
        self,
        title: str,
        *,
        on: date,
        country: str | None = None,
        org: str | None = None,
    ) -> tuple[PersonEntry, ...]:
        """People holding ``title`` (canonical) for ``country``/``org`` on ``on``."""
        found: list[PersonEntry] = []
        for person, o in self._offices.get(title, ()):
            if (
                (country is None or o.country == country)
                and (org is None or o.org == org)
                and o.active_on(on)
                and not (found and found[-1] is person)
            ):
                found.append(person)
        return tuple(found)

    # -- consistency -------------------------------------------------------
    def _check_references(self) -> None:
        problems: list[str] = []
        for org in self.organisations:
            if org.country is not None and org.country not in self._countries:
                problems.append(f"organisation {org.id}: unknown country {org.country!r}")
            if org.parent is not None and org.parent not in self._orgs:
                problems.append(f"organisation {org.id}: unknown parent {org.parent!r}")
        for vaccine in self.vaccines:
            if vaccine.maker is not None and vaccine.maker not in self._orgs:
                problems.append(f"vaccine {vaccine.id}: unknown maker {vaccine.maker!r}")
            stray = set(vaccine.maker_aliases) - set(vaccine.aliases)
            if stray:
                problems.append(
                    f"vaccine {vaccine.id}: maker_aliases not in aliases {sorted(stray)}"
                )
        for person in self.people:
            for office in person.offices:
                if office.title not in self._titles:
                    problems.append(f"person {person.id}: unknown title {office.title!r}")
                if office.country is not None and office.country not in self._countries:
                    problems.append(f"person {person.id}: unknown country {office.country!r}")
                if office.org is not None and office.org not in self._orgs:
                    problems.append(f"person {person.id}: unknown org {office.org!r}")
        if problems:
            raise RegistryError("inconsistent registry data:\n  " + "\n  ".join(problems))


def _read(name: str) -> bytes:
    return (files("vaxdiplo.registry") / "data" / name).read_bytes()


@functools.cache
def load_registry() -> Registry:
    """Load and validate the packaged registry data (cached per process).

    Raises:
        pydantic.ValidationError: a data file does not match its schema.
        RegistryError: entries reference unknown ids or repeat an id.
    """
    return Registry(
        countries=_COUNTRIES.validate_json(_read("countries.json")),
        organisations=_ORGS.validate_json(_read("organisations.json")),
        vaccines=_VACCINES.validate_json(_read("vaccines.json")),
        titles=_TITLES.validate_json(_read("titles.json")),
        people=_PEOPLE.validate_json(_read("people.json")),
        bodies=_BODIES.validate_json(_read("bodies.json")),
    )
