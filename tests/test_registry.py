"""The packaged registries: schema, cross-references, coverage and lookups."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from datetime import date

import pytest
from pydantic import ValidationError

from vaxdiplo.registry import (
    CountryEntry,
    Office,
    OrgEntry,
    PersonEntry,
    Registry,
    RegistryError,
    load_registry,
)

REQUIRED_ORG_IDS = (
    "WHO",
    "COVAX",
    "GAVI",
    "UNICEF",
    "CEPI",
    "UN",
    "EU",
    "AU",
    "ASEAN",
    "PAHO",
    "WORLD_BANK",
    "ADB",
    "AVAT",
    "QUAD",
    "PFIZER",
    "BIONTECH",
    "MODERNA",
    "ASTRAZENECA",
    "JANSSEN",
    "SINOPHARM",
    "SINOVAC",
    "GAMALEYA",
    "RDIF",
    "SERUM_INSTITUTE",
    "BHARAT_BIOTECH",
    "NOVAVAX",
    "CANSINO",
    "VABIOTECH",
    "NANOGEN",
    "ASPEN",
    "BIOFARMA",
    "FIOCRUZ",
    "BUTANTAN",
    # further ids the linker relies on
    "VACSERA",
    "IVAC",
    "TORLAK",
    "ZHIFEI",
    "MEDIGEN",
    "VALNEVA",
    "SANOFI",
    "GSK",
    "G7",
    "G20",
    "AFRICA_CDC",
    "US_FDA",
    "BPOM",
    "MHRA",
    "EMA",
    "RED_CROSS",
    "BILL_GATES_FOUNDATION",
)

STATE_PRODUCERS = (
    ("SINOPHARM", "CHN"),
    ("GAMALEYA", "RUS"),
    ("RDIF", "RUS"),
    ("VACSERA", "EGY"),
    ("BUTANTAN", "BRA"),
    ("FIOCRUZ", "BRA"),
    ("BIOFARMA", "IDN"),
    ("VABIOTECH", "VNM"),
    ("IVAC", "VNM"),
    ("TORLAK", "SRB"),
)

VACCINE_IDS = (
    "astrazeneca",
    "pfizer-biontech",
    "moderna",
    "janssen",
    "sputnik-v",
    "sputnik-light",
    "sinopharm",
    "sinovac",
    "covaxin",
    "novavax",
    "cansino",
    "zf2001",
    "abdala",
    "soberana",
    "nanocovax",
    "covivac",
    "arct-154",
    "corbevax",
    "zycov-d",
    "medigen",
    "valneva",
    "sanofi-gsk",
    "qazvac",
    "turkovac",
    "epivaccorona",
    "covifenz",
)

#: Countries whose head of state or government must be known on any day of 2020-2022.
COVERED_COUNTRIES = (
    "VNM",
    "CHN",
    "RUS",
    "USA",
    "JPN",
    "IND",
    "IDN",
    "THA",
    "LAO",
    "KHM",
    "PHL",
    "MYS",
    "MMR",
    "SGP",
    "KOR",
    "AUS",
    "GBR",
    "FRA",
    "DEU",
    "ITA",
    "CAN",
    "PAK",
    "BGD",
    "EGY",
    "TUR",
    "BRA",
    "CHL",
    "ARG",
    "MEX",
    "HUN",
    "SRB",
    "ZAF",
    "NGA",
    "KEN",
    "CUB",
    "ARE",
    "TWN",
)

#: Demonyms that really are shared ("Congolese", "Dominican").
SHARED_DEMONYMS = frozenset({"Congolese", "Dominican"})

#: No settled demonym (uninhabited, or the name itself serves).
NO_DEMONYM = frozenset({"BVT", "HMD", "SGS", "UMI", "VAT"})


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def _fold(text: str) -> str:
    return text.casefold()


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "")).strip("-")


def _has_diacritic(text: str) -> bool:
    return any(ord(ch) > 127 for ch in text)


def _country_by_name(registry: Registry) -> dict[str, str]:
    return {_fold(n): c.id for c in registry.countries for n in c.names}


# -- loading -------------------------------------------------------------------------
def test_registry_load_is_cached() -> None:
    assert load_registry() is load_registry()


def test_registry_counts(registry: Registry) -> None:
    assert len(registry.countries) >= 250
    assert len(registry.organisations) >= 150
    assert len(registry.vaccines) == len(VACCINE_IDS)
    assert len(registry.people) >= 200
    assert len(registry.titles) >= 30
    assert len(registry.bodies) >= 10


@pytest.mark.parametrize(
    "model,data,field",
    [
        (
            CountryEntry,
            {"id": "VNM", "alpha2": "VN", "name": "Vietnam", "capital": "Hanoi"},
            "capital",
        ),
        (
            OrgEntry,
            {
                "id": "WHO",
                "name": "World Health Organization",
                "kind": "international_org",
                "acronym": ["WHO"],
            },
            "acronym",
        ),
        (OrgEntry, {"id": "X", "name": "X", "kind": "charity"}, "kind"),
        (
            Office,
            {"title": "President", "valid_from": "2021-05-01", "valid_to": "2021-04-01"},
            "valid_from",
        ),
        (
            PersonEntry,
            {"id": "x", "name": "X", "offices": [{"title": "President", "since": "2020"}]},
            "since",
        ),
    ],
)
def test_registry_bad_entry_raises(model: type, data: dict, field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        model.model_validate(data)


def test_registry_entries_are_frozen(registry: Registry) -> None:
    with pytest.raises(ValidationError):
        registry.country("VNM").name = "Viet Nam"  # type: ignore[misc]


def test_registry_unknown_reference_raises() -> None:
    person = PersonEntry(id="x", name="X", offices=(Office(title="President", country="ZZZ"),))
    with pytest.raises(RegistryError, match="ZZZ"):
        Registry(
            countries=(), organisations=(), vaccines=(), titles=(), people=(person,), bodies=()
        )


def test_registry_duplicate_id_raises() -> None:
    vnm = CountryEntry(id="VNM", alpha2="VN", name="Vietnam")
    with pytest.raises(RegistryError, match="VNM"):
        Registry(
            countries=(vnm, vnm), organisations=(), vaccines=(), titles=(), people=(), bodies=()
        )


def test_registry_unknown_id_raises_key_error(registry: Registry) -> None:
    with pytest.raises(KeyError):
        registry.country("ZZZ")
    with pytest.raises(KeyError):
        registry.org("NOT_AN_ORG")


# -- countries ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "iso,name",
    [
        ("VNM", "Vietnam"),
        ("RUS", "Russia"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("IRN", "Iran"),
        ("BOL", "Bolivia"),
        ("TZA", "Tanzania"),
        ("LAO", "Laos"),
        ("SYR", "Syria"),
        ("TWN", "Taiwan"),
        ("HKG", "Hong Kong"),
        ("MAC", "Macau"),
        ("PSE", "Palestine"),
        ("CZE", "Czech Republic"),
        ("TUR", "Turkey"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("XKX", "Kosovo"),
        ("CIV", "Côte d'Ivoire"),
    ],
)
def test_registry_country_display_name(registry: Registry, iso: str, name: str) -> None:
    assert registry.country(iso).name == name


@pytest.mark.parametrize(
    "alias,iso",
    [
        ("Viet Nam", "VNM"),
        ("Việt Nam", "VNM"),
        ("Socialist Republic of Vietnam", "VNM"),
        ("Russian Federation", "RUS"),
        ("Republic of Korea", "KOR"),
        ("Türkiye", "TUR"),
        ("USA", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("United States of America", "USA"),
        ("America", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("PRC", "CHN"),
        ("People's Republic of China", "CHN"),
        ("Mainland China", "CHN"),
        ("Lao PDR", "LAO"),
        ("DPRK", "PRK"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Czechia", "CZE"),
        ("UAE", "ARE"),
        ("Emirates", "ARE"),
        ("KSA", "SAU"),
        ("DRC", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Swaziland", "SWZ"),
        ("East Timor", "TLS"),
        ("Cabo Verde", "CPV"),
        ("Hong Kong SAR", "HKG"),
        ("Macao", "MAC"),
    ],
)
def test_registry_country_alias(registry: Registry, alias: str, iso: str) -> None:
    assert _country_by_name(registry)[_fold(alias)] == iso


def test_registry_holland_is_not_an_alias(registry: Registry) -> None:
    assert "holland" not in _country_by_name(registry)


@pytest.mark.parametrize(
    "demonym,iso",
    [
        ("Vietnamese", "VNM"),
        ("Chinese", "CHN"),
        ("Russian", "RUS"),
        ("American", "USA"),
        ("British", "GBR"),
        ("Emirati", "ARE"),
        ("Filipino", "PHL"),
        ("Philippine", "PHL"),
        ("Lao", "LAO"),
        ("Laotian", "LAO"),
        ("Indian", "IND"),
        ("Japanese", "JPN"),
        ("South Korean", "KOR"),
        ("Korean", "KOR"),
        ("Thai", "THA"),
        ("Indonesian", "IDN"),
        ("Malaysian", "MYS"),
        ("Cambodian", "KHM"),
        ("Egyptian", "EGY"),
        ("Turkish", "TUR"),
        ("Taiwanese", "TWN"),
        ("Kosovar", "XKX"),
        ("Palestinian", "PSE"),
    ],
)
def test_registry_demonym(registry: Registry, demonym: str, iso: str) -> None:
    assert demonym in registry.country(iso).demonyms


@pytest.mark.parametrize(
    "capital,iso",
    [
        ("Hanoi", "VNM"),
        ("Hà Nội", "VNM"),
        ("Ha Noi", "VNM"),
        ("Beijing", "CHN"),
        ("Moscow", "RUS"),
        ("Kremlin", "RUS"),
        ("Washington", "USA"),
        ("White House", "USA"),
        ("Tokyo", "JPN"),
        ("New Delhi", "IND"),
        ("Seoul", "KOR"),
        ("London", "GBR"),
        ("Downing Street", "GBR"),
        ("Elysee", "FRA"),
        ("Vientiane", "LAO"),
        ("Phnom Penh", "KHM"),
        ("Naypyidaw", "MMR"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Taipei", "TWN"),
        ("Abu Dhabi", "ARE"),
        ("Pretoria", "ZAF"),
        ("Brasilia", "BRA"),
        ("Pristina", "XKX"),
    ],
)
def test_registry_capital(registry: Registry, capital: str, iso: str) -> None:
    assert capital in registry.country(iso).capitals


def test_registry_country_names_unique(registry: Registry) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for c in registry.countries:
        for name in c.names:
            owners[_fold(name)].add(c.id)
    assert {n: ids for n, ids in owners.items() if len(ids) > 1} == {}


def test_registry_capitals_unique(registry: Registry) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for c in registry.countries:
        for name in c.capitals:
            owners[name].add(c.id)
    assert {n: ids for n, ids in owners.items() if len(ids) > 1} == {}


def test_registry_demonyms_unique(registry: Registry) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for c in registry.countries:
        for name in c.demonyms:
            owners[name].add(c.id)
    shared = {n for n, ids in owners.items() if len(ids) > 1}
    assert shared == SHARED_DEMONYMS


def test_registry_country_names_not_another_countrys_capital_or_demonym(registry: Registry) -> None:
    names = _country_by_name(registry)
    clashes = [
        (word, c.id, names[_fold(word)])
        for c in registry.countries
        for word in (*c.capitals, *c.demonyms)
        if _fold(word) in names and names[_fold(word)] != c.id
    ]
    assert clashes == []


def test_registry_every_country_has_a_demonym(registry: Registry) -> None:
    missing = sorted(c.id for c in registry.countries if not c.demonyms)
    assert missing == sorted(NO_DEMONYM)


@pytest.mark.parametrize("iso", COVERED_COUNTRIES)
def test_registry_covered_country_has_capital(registry: Registry, iso: str) -> None:
    assert registry.country(iso).capitals


# -- organisations ---------------------------------------------------------------------
@pytest.mark.parametrize("org_id", REQUIRED_ORG_IDS)
def test_registry_required_org_present(registry: Registry, org_id: str) -> None:
    assert registry.org(org_id).id == org_id


@pytest.mark.parametrize("org_id,iso", STATE_PRODUCERS)
def test_registry_state_producer(registry: Registry, org_id: str, iso: str) -> None:
    org = registry.org(org_id)
    assert org.state_owned and org.country == iso


@pytest.mark.parametrize("org_id", ["PFIZER", "SINOVAC", "NANOGEN", "MODERNA", "SERUM_INSTITUTE"])
def test_registry_private_company_not_state_owned(registry: Registry, org_id: str) -> None:
    org = registry.org(org_id)
    assert org.kind == "company" and not org.state_owned


@pytest.mark.parametrize(
    "alias,org_id",
    [
        ("World Health Organisation", "WHO"),
        ("China National Biotec Group", "SINOPHARM"),
        ("Beijing Bio-Institute of Biological Products", "SINOPHARM"),
        ("Wuhan Institute of Biological Products", "SINOPHARM"),
        ("Sinovac Biotech", "SINOVAC"),
        ("Gamaleya Center", "GAMALEYA"),
        ("Russian Direct Investment Fund", "RDIF"),
        ("Serum Institute of India", "SERUM_INSTITUTE"),
        ("CanSinoBIO", "CANSINO"),
        ("Aspen Pharmacare", "ASPEN"),
        ("PT Bio Farma", "BIOFARMA"),
        ("Oswaldo Cruz Foundation", "FIOCRUZ"),
        ("Instituto Butantan", "BUTANTAN"),
        ("COVAX Facility", "COVAX"),
        ("Gavi", "GAVI"),
        ("Gates Foundation", "BILL_GATES_FOUNDATION"),
        ("African Vaccine Acquisition Trust", "AVAT"),
        ("Johnson & Johnson", "JANSSEN"),
        ("Nanogen Pharmaceutical Biotechnology", "NANOGEN"),
        ("Finlay Vaccine Institute", "FINLAY"),
    ],
)
def test_registry_org_alias(registry: Registry, alias: str, org_id: str) -> None:
    org = registry.org(org_id)
    assert _fold(alias) in {_fold(n) for n in (org.name, *org.aliases)}


@pytest.mark.parametrize(
    "acronym,org_id",
    [
        ("WHO", "WHO"),
        ("UN", "UN"),
        ("EU", "EU"),
        ("AU", "AU"),
        ("ADB", "ADB"),
        ("CEPI", "CEPI"),
        ("RDIF", "RDIF"),
        ("BPOM", "BPOM"),
        ("CNBG", "SINOPHARM"),
        ("SII", "SERUM_INSTITUTE"),
        ("J&J", "JANSSEN"),
        ("IFRC", "RED_CROSS"),
    ],
)
def test_registry_org_acronym(registry: Registry, acronym: str, org_id: str) -> None:
    assert acronym in registry.org(org_id).acronyms


def test_registry_org_names_unique(registry: Registry) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for o in registry.organisations:
        for name in (o.name, *o.aliases):
            owners[_fold(name)].add(o.id)
        for acronym in o.acronyms:
            owners[acronym].add(o.id)
    assert {n: ids for n, ids in owners.items() if len(ids) > 1} == {}


def test_registry_org_acronyms_have_capitals(registry: Registry) -> None:
    bad = [(o.id, a) for o in registry.organisations for a in o.acronyms if a == a.lower()]
    assert bad == []


def test_registry_org_ids_are_upper_slugs(registry: Registry) -> None:
    bad = [
        o.id for o in registry.organisations if not re.fullmatch(r"[A-Z0-9]+(_[A-Z0-9]+)*", o.id)
    ]
    assert bad == []


def test_registry_international_orgs_have_no_country(registry: Registry) -> None:
    bad = [o.id for o in registry.organisations if o.kind == "international_org" and o.country]
    assert bad == []


def test_registry_national_bodies_have_a_country_or_parent(registry: Registry) -> None:
    bad = [
        o.id
        for o in registry.organisations
        if o.kind == "government_body" and o.country is None and o.parent is None
    ]
    assert bad == []


@pytest.mark.parametrize(
    "org_id,parent",
    [("EMA", "EU"), ("WHO_WPRO", "WHO"), ("PAHO", "WHO"), ("AVAT", "AU"), ("AFRICA_CDC", "AU")],
)
def test_registry_org_parent(registry: Registry, org_id: str, parent: str) -> None:
    assert registry.org(org_id).parent == parent


@pytest.mark.parametrize(
    "org_id,iso",
    [
        ("US_FDA", "USA"),
        ("BPOM", "IDN"),
        ("MHRA", "GBR"),
        ("CDSCO", "IND"),
        ("ANVISA", "BRA"),
        ("ROSPOTREBNADZOR", "RUS"),
        ("HU_OGYEI", "HUN"),
        ("DRAP", "PAK"),
        ("VN_DAV", "VNM"),
        ("NMPA", "CHN"),
        ("TH_FDA", "THA"),
        ("PH_FDA", "PHL"),
    ],
)
def test_registry_national_regulator(registry: Registry, org_id: str, iso: str) -> None:
    org = registry.org(org_id)
    assert org.kind == "government_body" and org.country == iso


# -- vaccines ---------------------------------------------------------------------------
@pytest.mark.parametrize("vaccine_id", VACCINE_IDS)
def test_registry_vaccine_present(registry: Registry, vaccine_id: str) -> None:
    assert registry.vaccine(vaccine_id).id == vaccine_id


@pytest.mark.parametrize(
    "alias,vaccine_id",
    [
        ("Vero Cell", "sinopharm"),
        ("Vero-Cell", "sinopharm"),
        ("BBIBP-CorV", "sinopharm"),
        ("Sinopharm Beijing", "sinopharm"),
        ("Sinopharm Wuhan", "sinopharm"),
        ("CoronaVac", "sinovac"),
        ("Comirnaty", "pfizer-biontech"),
        ("Corminaty", "pfizer-biontech"),
        ("Pfizer-BioNTech", "pfizer-biontech"),
        ("Pfizer/BioNTech", "pfizer-biontech"),
        ("BNT162b2", "pfizer-biontech"),
        ("Oxford-AstraZeneca", "astrazeneca"),
        ("Oxford/AstraZeneca", "astrazeneca"),
        ("Covishield", "astrazeneca"),
        ("Vaxzevria", "astrazeneca"),
        ("AZD1222", "astrazeneca"),
        ("ChAdOx1", "astrazeneca"),
        ("Gam-COVID-Vac", "sputnik-v"),
        ("Sputnik-V", "sputnik-v"),
        ("Sputnik", "sputnik-v"),
        ("Sputnik Light", "sputnik-light"),
        ("ZF2001", "zf2001"),
        ("Zifivax", "zf2001"),
        ("Soberana 02", "soberana"),
        ("Soberana Plus", "soberana"),
        ("Nanocovax", "nanocovax"),
        ("COVIVAC", "covivac"),
        ("ARCT-154", "arct-154"),
        ("Corbevax", "corbevax"),
        ("ZyCoV-D", "zycov-d"),
        ("MVC-COV1901", "medigen"),
        ("VLA2001", "valneva"),
        ("VidPrevtyn Beta", "sanofi-gsk"),
        ("Sanofi-GSK", "sanofi-gsk"),
        ("QazVac", "qazvac"),
        ("Turkovac", "turkovac"),
        ("EpiVacCorona", "epivaccorona"),
        ("Covifenz", "covifenz"),
        ("Covovax", "novavax"),
        ("Nuvaxovid", "novavax"),
        ("Convidecia", "cansino"),
        ("Ad5-nCoV", "cansino"),
        ("Covaxin", "covaxin"),
        ("BBV152", "covaxin"),
        ("Ad26.COV2.S", "janssen"),
        ("J&J", "janssen"),
        ("Spikevax", "moderna"),
        ("mRNA-1273", "moderna"),
        ("Abdala", "abdala"),
    ],
)
def test_registry_vaccine_alias(registry: Registry, alias: str, vaccine_id: str) -> None:
    vaccine = registry.vaccine(vaccine_id)
    assert alias in (vaccine.name, *vaccine.aliases)


def test_registry_vaccine_aliases_unique(registry: Registry) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for v in registry.vaccines:
        for name in (v.name, *v.aliases):
            owners[_fold(name)].add(v.id)
    assert {n: ids for n, ids in owners.items() if len(ids) > 1} == {}


def test_registry_az_is_not_an_alias(registry: Registry) -> None:
    assert all("AZ" not in v.aliases for v in registry.vaccines)


def test_registry_vaccine_maker_aliases_name_organisations(registry: Registry) -> None:
    org_names = {_fold(n) for o in registry.organisations for n in (o.name, *o.aliases)}
    acronyms = {a for o in registry.organisations for a in o.acronyms}
    stray = [
        (v.id, a)
        for v in registry.vaccines
        for a in v.maker_aliases
        if _fold(a) not in org_names and a not in acronyms
    ]
    assert stray == []


@pytest.mark.parametrize(
    "vaccine_id,maker",
    [
        ("astrazeneca", "ASTRAZENECA"),
        ("pfizer-biontech", "PFIZER"),
        ("sinopharm", "SINOPHARM"),
        ("sputnik-v", "GAMALEYA"),
        ("nanocovax", "NANOGEN"),
        ("covivac", "IVAC"),
    ],
)
def test_registry_vaccine_maker(registry: Registry, vaccine_id: str, maker: str) -> None:
    assert registry.vaccine(vaccine_id).maker == maker


# -- titles and bodies --------------------------------------------------------------------
@pytest.mark.parametrize(
    "title",
    [
        "President",
        "Vice President",
        "Prime Minister",
        "Premier",
        "Deputy Prime Minister",
        "Foreign Minister",
        "Deputy Foreign Minister",
        "Health Minister",
        "Deputy Health Minister",
        "Minister",
        "Ambassador",
        "Director-General",
        "Regional Director",
        "Executive Director",
        "Chief Executive",
        "Chairman",
        "Secretary-General",
        "Chancellor",
        "King",
        "Crown Prince",
        "Spokesperson",
        "Secretary of State",
        "State Councillor",
        "General Secretary",
        "Chairman of the National Assembly",
        "Consul General",
        "Chargé d'affaires",
        "CEO",
    ],
)
def test_registry_title_present(registry: Registry, title: str) -> None:
    assert registry.title(title).title == title


@pytest.mark.parametrize(
    "alias,title",
    [
        ("PM", "Prime Minister"),
        ("Minister of Foreign Affairs", "Foreign Minister"),
        ("Minister for Foreign Affairs", "Foreign Minister"),
        ("External Affairs Minister", "Foreign Minister"),
        ("Foreign Secretary", "Foreign Minister"),
        ("Minister of Health", "Health Minister"),
        ("Public Health Minister", "Health Minister"),
        ("Deputy PM", "Deputy Prime Minister"),
        ("Vice Premier", "Vice Premier"),
        ("DG", "Director-General"),
        ("Director General", "Director-General"),
        ("Chief Executive Officer", "CEO"),
        ("envoy", "Ambassador"),
    ],
)
def test_registry_title_alias(registry: Registry, alias: str, title: str) -> None:
    entry = registry.title(title)
    assert _fold(alias) in {_fold(n) for n in (entry.title, *entry.aliases)}


def test_registry_title_aliases_unique(registry: Registry) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for t in registry.titles:
        for name in (t.title, *t.aliases):
            owners[_fold(name)].add(t.title)
    assert {n: ts for n, ts in owners.items() if len(ts) > 1} == {}


@pytest.mark.parametrize(
    "alias,body,regulator",
    [
        ("health ministry", "Ministry of Health", True),
        ("Ministry of Public Health", "Ministry of Health", True),
        ("Ministry of Health and Family Welfare", "Ministry of Health", True),
        ("drug regulator", "Medicines Regulatory Authority", True),
        ("Food and Drug Administration", "Food and Drug Administration", True),
        ("foreign ministry", "Ministry of Foreign Affairs", False),
        ("Ministry of External Affairs", "Ministry of Foreign Affairs", False),
        ("Embassy", "Embassy", False),
        ("National Assembly", "National Assembly", False),
    ],
)
def test_registry_body(registry: Registry, alias: str, body: str, regulator: bool) -> None:
    entry = next(b for b in registry.bodies if b.name == body)
    assert _fold(alias) in {_fold(n) for n in (entry.name, *entry.aliases)}
    assert entry.regulator is regulator


# -- people ----------------------------------------------------------------------------
def test_registry_person_ids_are_slugs_of_ascii_names(registry: Registry) -> None:
    bad = [p.id for p in registry.people if p.name.isascii() is False or p.id != _slug(p.name)]
    assert bad == []


def test_registry_offices_reference_known_entries(registry: Registry) -> None:
    titles = {t.title for t in registry.titles}
    bad = [
        (p.id, o.title, o.country, o.org)
        for p in registry.people
        for o in p.offices
        if o.title not in titles
        or (o.country is not None and o.country not in registry.country_ids)
        or (o.org is not None and o.org not in registry.org_ids)
        or (o.country is None and o.org is None)
    ]
    assert bad == []


def test_registry_office_dates_ordered(registry: Registry) -> None:
    bad = [
        (p.id, o)
        for p in registry.people
        for o in p.offices
        if o.valid_from and o.valid_to and o.valid_from > o.valid_to
    ]
    assert bad == []


@pytest.mark.parametrize("iso", COVERED_COUNTRIES)
@pytest.mark.parametrize("day", [date(2020, 1, 1), date(2021, 6, 1), date(2022, 12, 31)])
def test_registry_leader_in_office(registry: Registry, iso: str, day: date) -> None:
    top = {t.title for t in registry.titles if t.level in ("head_of_state", "head_of_government")}
    leaders = [
        p.id
        for p in registry.people
        if any(o.country == iso and o.title in top and o.active_on(day) for o in p.offices)
    ]
    assert leaders, f"no head of state or government for {iso} on {day}"


@pytest.mark.parametrize("iso", COVERED_COUNTRIES)
@pytest.mark.parametrize("title", ["Foreign Minister", "Health Minister"])
def test_registry_minister_in_office(registry: Registry, iso: str, title: str) -> None:
    day = date(2021, 6, 1)
    if iso == "USA" and title == "Foreign Minister":
        title = "Secretary of State"
    assert registry.holders(title, on=day, country=iso), f"no {title} for {iso} on {day}"


@pytest.mark.parametrize(
    "title,country,org,day,expected",
    [
        ("Prime Minister", "VNM", None, date(2021, 3, 1), "nguyen-xuan-phuc"),
        ("Prime Minister", "VNM", None, date(2021, 6, 4), "pham-minh-chinh"),
        ("Foreign Minister", "VNM", None, date(2021, 3, 1), "pham-binh-minh"),
        ("Foreign Minister", "VNM", None, date(2021, 6, 4), "bui-thanh-son"),
        ("Health Minister", "VNM", None, date(2021, 6, 4), "nguyen-thanh-long"),
        ("President", "VNM", None, date(2021, 6, 4), "nguyen-xuan-phuc"),
        ("Premier", "CHN", None, date(2021, 6, 4), "li-keqiang"),
        ("Foreign Minister", "CHN", None, date(2021, 6, 4), "wang-yi"),
        ("Prime Minister", "JPN", None, date(2020, 6, 1), "shinzo-abe"),
        ("Prime Minister", "JPN", None, date(2021, 6, 1), "yoshihide-suga"),
        ("Prime Minister", "JPN", None, date(2022, 6, 1), "fumio-kishida"),
        ("Foreign Minister", "JPN", None, date(2021, 6, 1), "toshimitsu-motegi"),
        ("Foreign Minister", "JPN", None, date(2022, 6, 1), "yoshimasa-hayashi"),
        ("Health Minister", "IND", None, date(2021, 6, 1), "harsh-vardhan"),
        ("Health Minister", "IND", None, date(2021, 9, 1), "mansukh-mandaviya"),
        ("President", "USA", None, date(2020, 6, 1), "donald-trump"),
        ("President", "USA", None, date(2021, 6, 1), "joe-biden"),
        ("Secretary of State", "USA", None, date(2021, 6, 1), "antony-blinken"),
        ("Prime Minister", "THA", None, date(2021, 6, 1), "prayut-chan-o-cha"),
        ("Health Minister", "THA", None, date(2021, 6, 1), "anutin-charnvirakul"),
        ("Prime Minister", "LAO", None, date(2021, 6, 1), "phankham-viphavanh"),
        ("President", "LAO", None, date(2021, 6, 1), "thongloun-sisoulith"),
        ("Health Minister", "RUS", None, date(2021, 6, 1), "mikhail-murashko"),
        ("Prime Minister", "GBR", None, date(2022, 10, 1), "liz-truss"),
        ("Director-General", None, "WHO", date(2021, 6, 1), "tedros-adhanom-ghebreyesus"),
        ("Regional Director", None, "WHO_WPRO", date(2021, 6, 1), "takeshi-kasai"),
        ("Executive Director", None, "UNICEF", date(2021, 6, 1), "henrietta-fore"),
        ("Executive Director", None, "UNICEF", date(2022, 6, 1), "catherine-russell"),
        ("CEO", None, "GAVI", date(2021, 6, 1), "seth-berkley"),
        ("CEO", None, "RDIF", date(2021, 6, 1), "kirill-dmitriev"),
        ("Secretary-General", None, "UN", date(2021, 6, 1), "antonio-guterres"),
    ],
)
def test_registry_holder(
    registry: Registry, title: str, country: str | None, org: str | None, day: date, expected: str
) -> None:
    holders = registry.holders(title, on=day, country=country, org=org)
    assert [p.id for p in holders] == [expected]


@pytest.mark.parametrize(
    "person_id,variant,short",
    [
        ("pham-minh-chinh", "Phạm Minh Chính", "Chinh"),
        ("vu-duc-dam", "Vũ Đức Đam", "Đam"),
        ("toshimitsu-motegi", "Motegi Toshimitsu", "Motegi"),
        ("sergey-lavrov", "Sergei Lavrov", "Lavrov"),
        ("tedros-adhanom-ghebreyesus", "Tedros Adhanom", "Tedros"),
        ("li-keqiang", "Li Keqiang", "Li"),
        ("prayut-chan-o-cha", "Prayuth Chan-o-cha", "Prayut"),
    ],
)
def test_registry_person_names(
    registry: Registry, person_id: str, variant: str, short: str
) -> None:
    person = registry.person(person_id)
    assert variant in (person.name, *person.variants)
    assert short in person.short_names


def test_registry_vietnamese_people_have_both_spellings(registry: Registry) -> None:
    vietnamese = [p for p in registry.people if any(o.country == "VNM" for o in p.offices)]
    assert len(vietnamese) >= 25
    bad = [
        p.id
        for p in vietnamese
        if not p.name.isascii() or not any(_has_diacritic(v) for v in p.variants)
    ]
    assert bad == []


def test_registry_short_names_have_ascii_forms(registry: Registry) -> None:
    def strip(text: str) -> str:
        text = text.replace("đ", "d").replace("Đ", "D")
        return "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        )

    bad = [
        (p.id, s)
        for p in registry.people
        for s in p.short_names
        if _has_diacritic(s) and strip(s) not in p.short_names
    ]
    assert bad == []


def test_registry_people_have_offices_and_short_names(registry: Registry) -> None:
    bad = [p.id for p in registry.people if not p.offices or not p.short_names]
    assert bad == []


def test_registry_offices_on(registry: Registry) -> None:
    phuc = registry.person("nguyen-xuan-phuc")
    assert [o.title for o in phuc.offices_on(date(2020, 6, 1))] == ["Prime Minister"]
    assert [o.title for o in phuc.offices_on(date(2022, 6, 1))] == ["President"]
