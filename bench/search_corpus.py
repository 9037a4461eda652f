"""The vacancies bench/search_relevance.py loads: postings written like those of Vietnamese job boards, each with its
hidden ground truth (occupation concept, place before and since July 2025, destination country, pay), from a seed."""
import json
import random
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from bench.search_postings import domestic_posting, overseas_posting, weighted
from jobmatch.rules.tax_code import tax_code_for

DATA = Path(__file__).resolve().parent / "data"
PASSWORD = "Bench-relevance-2026!"


@dataclass(frozen=True)
class Place:
    """A ward of the 63-province map before July 2025, with the district and province it was in and where it lies now."""

    legacy_code: str
    ward: str
    district: str
    district_short: str
    province: str
    province_short: str
    ward_code: str  # the current ward, as a vacancy stores it
    ward_now: str
    province_code: str
    province_now: str
    province_now_short: str


@dataclass(frozen=True)
class Truth:
    """What a vacancy really is, kept by the benchmark and never sent to the product."""

    concept: str
    place: Place | None  # None abroad
    country: str | None  # ISO code of the destination abroad, None at home
    programme: str | None
    pay: tuple | None  # (low, high) VND a month, either end None when the posting states one side; None: not stated
    employment_type: str
    experience_years: int


@dataclass
class Employer:
    """A company of the corpus, signed up through the product with `sign_up`."""

    number: int
    name: str
    sector: str
    hq: Place
    agency: bool  # a licensed overseas-placement agency
    activity: int  # how many vacancies it posts, relative to the others
    sign_up: dict = field(default_factory=dict)


@dataclass
class Posting:
    employer: int  # its Employer's number
    payload: dict  # the body of POST /api/v1/vacancies
    truth: Truth


@dataclass(frozen=True)
class PlaceIndex:
    """The place names judgments may use: former provinces and districts, and the current provinces each former one
    went into."""

    places: tuple
    by_province: dict  # former province → {former district short name → [Place]}
    took_in: dict  # former province → set of current province codes

    def districts(self, province):
        return self.by_province.get(province, {})


def load_vocabulary():
    concepts = json.loads((DATA / "search_corpus_concepts.json").read_text(encoding="utf-8"))["concepts"]
    world = json.loads((DATA / "search_corpus_world.json").read_text(encoding="utf-8"))
    return concepts, world


def families(concepts):
    """{family: set of concepts}: the broader names judgments may give instead of listing concepts."""
    grouped = {}
    for key, concept in concepts.items():
        for family in concept["families"]:
            grouped.setdefault(family, set()).add(key)
    return grouped


def place_index(legacy_rows, current_of_legacy):
    """Places from the former wards (vietnamadminunits' admin_units_legacy rows) and their current ward, province and
    names ({legacy ward code: (ward code, ward name, province code, province name, province short name)})."""
    places = []
    for row in legacy_rows:
        current = current_of_legacy.get(row["wardCode"])
        if current is None:
            continue
        places.append(Place(row["wardCode"], row["ward"], row["district"], row["districtShort"], row["province"],
                            row["provinceShort"], *current))
    places.sort(key=lambda place: place.legacy_code)
    by_province, took_in = {}, {}
    for place in places:
        by_province.setdefault(place.province_short, {}).setdefault(place.district_short, []).append(place)
        took_in.setdefault(place.province_short, set()).add(place.province_code)
    return PlaceIndex(tuple(places), by_province, took_in)


def random_place(rng, index, province, district=None):
    districts = index.districts(province)
    chosen = district if district in districts else rng.choice(sorted(districts))
    return rng.choice(districts[chosen])


def make_employers(rng, index, world, count, today):
    """Companies across the sectors, a share of them licensed overseas-placement agencies, each with its head office."""
    sectors = {**{key: sector["weight"] for key, sector in world["sectors"].items()}, "agency": world["agency"]["weight"]}
    employers, names = [], set()
    for number in range(count):
        sector_key = weighted(rng, sectors)
        sector = world["agency"] if sector_key == "agency" else world["sectors"][sector_key]
        hq = random_place(rng, index, weighted(rng, world["places"]["profiles"][sector["places"]]))
        name = _company_name(rng, world, sector, names, hq)
        employer = Employer(number, name, sector_key, hq, sector_key == "agency", rng.choice([1, 1, 1, 2, 2, 3, 5]))
        employer.sign_up = {
            "name": name, "tax_code": tax_code_for(number + 1), "sector": rng.choice(sector["words"]),
            "size": rng.choice(["small", "medium", "large"]), "ward_code": hq.ward_code,
            "contact_name": "Phòng Nhân sự", "email": f"tuyendung{number}@bench-relevance.test", "password": PASSWORD,
        }
        if employer.agency:
            employer.sign_up |= {"overseas_licence": f"{100 + number}/LĐTBXH-GP",
                                 "overseas_licence_expires": (today + timedelta(days=730)).isoformat()}
        employers.append(employer)
    return employers


def _company_name(rng, world, sector, taken, hq):
    for _ in range(20):
        name = rng.choice(world["company_forms"]).format(brand=rng.choice(world["brands"]), word=rng.choice(sector["words"]))
        if name not in taken:
            break
    else:
        name = f"{name} - Chi nhánh {hq.province_short}"
    taken.add(name)
    return name


def choose_concept(rng, world, employer):
    sector = world["agency"] if employer.agency else world["sectors"][employer.sector]
    if not employer.agency and rng.random() < world["common_share"]:
        return weighted(rng, world["common_roles"])
    return weighted(rng, sector["concepts"])


def choose_workplace(rng, index, world, employer):
    """The head office's province most of the time (often its very district), otherwise another of the sector's."""
    if rng.random() < world["places"]["home_share"]:
        district = employer.hq.district_short if rng.random() < 0.5 else None
        return random_place(rng, index, employer.hq.province_short, district)
    sector = world["agency"] if employer.agency else world["sectors"][employer.sector]
    return random_place(rng, index, weighted(rng, world["places"]["profiles"][sector["places"]]))


def build_corpus(*, index, vacancies, seed, today):
    """(employers, postings): `vacancies` postings from about one employer per twelve, the same for the same seed."""
    rng = random.Random(seed)
    concepts, world = load_vocabulary()
    employers = make_employers(rng, index, world, max(40, vacancies // 12), today)
    activity = [employer.activity for employer in employers]
    postings = []
    for _ in range(vacancies):
        employer = rng.choices(employers, activity)[0]
        deadline = today + timedelta(days=rng.randint(20, 120))
        if employer.agency and rng.random() < world["agency"]["overseas_share"]:
            payload, truth = overseas_posting(rng, concepts, world, employer, deadline)
        else:
            concept = choose_concept(rng, world, employer)
            place = choose_workplace(rng, index, world, employer)
            payload, truth = domestic_posting(rng, concepts, world, employer, concept, place, deadline)
        postings.append(Posting(employer.number, payload, Truth(**truth)))
    return employers, postings
