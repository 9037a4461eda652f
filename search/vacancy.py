"""The vacancy index: its mapping, the document built from plain vacancy data, and the search query builder."""
import base64
import binascii
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date

from elasticsearch.dsl import Boolean, Date, Document, GeoPoint, Integer, Keyword, Long, Text

from search.folding import fold
from search.synonyms import expansions


class VacancyDocument(Document):
    vacancy_id = Long()
    title = Text(analyzer="standard")
    title_folded = Text(analyzer="standard")
    description = Text(analyzer="standard")
    description_folded = Text(analyzer="standard")
    employer_name = Text(analyzer="standard")
    employer_name_folded = Text(analyzer="standard")
    occupation_label = Text(analyzer="standard")
    occupation_label_folded = Text(analyzer="standard")
    skills = Text(analyzer="standard")
    skills_folded = Text(analyzer="standard")
    isco_code = Keyword()
    isco_minor = Keyword()
    isco_submajor = Keyword()
    isco_major = Keyword()
    province_code = Keyword()
    ward_code = Keyword()
    location = GeoPoint()
    salary_min = Long()
    salary_max = Long()
    salary_negotiable = Boolean()
    employment_type = Keyword()
    openings = Integer()
    is_overseas = Boolean()
    destination_country = Keyword()
    programme = Keyword()
    welcomes_priority = Boolean()
    no_experience_required = Boolean()
    training_provided = Boolean()
    status = Keyword()
    deadline = Date(format="strict_date")
    posted_at = Date()

    class Index:
        settings = {"number_of_shards": 1}


def vacancy_document(vacancy):
    """The search document for one vacancy, from a plain dict of its fields (see services.search_index)."""
    isco = vacancy["isco_code"] or ""
    skills = vacancy.get("skills") or []
    return {
        "vacancy_id": vacancy["id"],
        "title": vacancy["title"],
        "title_folded": fold(vacancy["title"]),
        "description": vacancy.get("description") or "",
        "description_folded": fold(vacancy.get("description")),
        "employer_name": vacancy["employer_name"],
        "employer_name_folded": fold(vacancy["employer_name"]),
        "occupation_label": vacancy.get("occupation_label") or "",
        "occupation_label_folded": fold(vacancy.get("occupation_label")),
        "skills": skills,
        "skills_folded": [fold(skill) for skill in skills],
        "isco_code": isco or None,
        "isco_minor": isco[:3] or None,
        "isco_submajor": isco[:2] or None,
        "isco_major": isco[:1] or None,
        "province_code": vacancy.get("province_code"),
        "ward_code": vacancy.get("ward_code"),
        "location": geo_point(vacancy.get("latitude"), vacancy.get("longitude")),
        "salary_min": vacancy.get("salary_min"),
        "salary_max": vacancy.get("salary_max"),
        "salary_negotiable": bool(vacancy.get("salary_negotiable")),
        "employment_type": vacancy["employment_type"],
        "openings": vacancy.get("openings"),
        "is_overseas": bool(vacancy.get("is_overseas")),
        "destination_country": vacancy.get("destination_country"),
        "programme": vacancy.get("programme"),
        "welcomes_priority": bool(vacancy.get("welcomes_priority")),
        "no_experience_required": bool(vacancy.get("no_experience_required")),
        "training_provided": bool(vacancy.get("training_provided")),
        "status": vacancy["status"],
        "deadline": vacancy["deadline"].isoformat() if vacancy.get("deadline") else None,
        "posted_at": vacancy["posted_at"].isoformat() if vacancy.get("posted_at") else None,
    }


def geo_point(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    return {"lat": latitude, "lon": longitude}


SORTS = ("relevance", "newest", "nearest", "salary")
FACETS = ("province_code", "employment_type", "isco_major", "destination_country", "programme", "is_overseas")
TEXT_FIELDS = ["title^3", "occupation_label^2", "skills^2", "employer_name", "description"]
SYNONYM_BOOST = 0.8
FOLDED_FIELDS = [
    "title_folded^3",
    "occupation_label_folded^2",
    "skills_folded^2",
    "employer_name_folded",
    "description_folded",
]


@dataclass
class VacancyCriteria:
    """What a vacancy search asks for, resolved to codes and coordinates by the service."""

    today: date
    text: str = ""
    province_code: str | None = None
    ward_codes: list = field(default_factory=list)
    center: tuple | None = None  # (lat, lon) of the ward the radius or the "nearest" sort is measured from
    radius_km: float | None = None
    isco: str | None = None  # one to four digits: major, sub-major, minor or unit group
    salary_min: int | None = None
    salary_max: int | None = None
    employment_types: list = field(default_factory=list)
    scope: str | None = None  # "domestic" or "overseas"
    country: str | list | None = None  # a list: any of these countries ("Nhật Bản, Hàn Quốc" typed)
    programme: str | list | None = None  # an overseas programme's code, e.g. "EPS", or a list of them
    sort: str = "relevance"
    size: int = 20
    after: list | None = None
    posted_after: str | None = None  # ISO time: only vacancies posted later (a saved search's alerts)


def build_vacancy_search(criteria):
    """The search request body for a vacancy search: open, unexpired vacancies matching the criteria, with facets."""
    filters = open_on(criteria.today)
    if criteria.province_code:
        filters.append({"term": {"province_code": criteria.province_code}})
    if criteria.ward_codes and not criteria.radius_km:
        filters.append({"terms": {"ward_code": list(criteria.ward_codes)}})
    if criteria.radius_km and criteria.center:
        filters.append(
            {
                "geo_distance": {
                    "distance": f"{criteria.radius_km}km",
                    "location": {"lat": criteria.center[0], "lon": criteria.center[1]},
                }
            }
        )
    if criteria.isco:
        filters.append({"term": {_isco_field(criteria.isco): criteria.isco}})
    if criteria.salary_min is not None:
        filters.append(salary_reaches(criteria.salary_min))
    if criteria.salary_max is not None:
        filters.append({"bool": {"should": [
            {"range": {"salary_min": {"lte": criteria.salary_max}}},
            {"term": {"salary_negotiable": True}},
        ]}})
    if criteria.employment_types:
        filters.append({"terms": {"employment_type": list(criteria.employment_types)}})
    if criteria.scope:
        filters.append({"term": {"is_overseas": criteria.scope == "overseas"}})
    if criteria.country:
        filters.append({"terms" if isinstance(criteria.country, list) else "term": {"destination_country": criteria.country}})
    if criteria.programme:
        filters.append({"terms" if isinstance(criteria.programme, list) else "term": {"programme": criteria.programme}})
    if criteria.posted_after:
        filters.append({"range": {"posted_at": {"gt": criteria.posted_after}}})

    query = {"bool": {"filter": filters}}
    if criteria.text.strip():
        query["bool"]["must"] = [_text_match(criteria.text)]
        query["bool"]["should"] = [_exact_form_match(criteria.text)]

    body = {
        "query": query,
        "size": criteria.size,
        "sort": _sort(criteria),
        "track_total_hits": True,
        "_source": False,
        # Only what the service reads: ids, scores, sort values, totals and facet buckets.
        "filter_path": "hits.total,hits.hits._id,hits.hits._score,hits.hits.sort,aggregations.*.buckets",
        "aggs": {name: {"terms": {"field": name, "size": 40}} for name in FACETS},
    }
    if criteria.after:
        body["search_after"] = list(criteria.after)
    return body


def _isco_field(isco):
    return {1: "isco_major", 2: "isco_submajor", 3: "isco_minor", 4: "isco_code"}[len(isco)]


def open_on(today):
    """Filters for vacancies open to applicants on a day: published and not past their deadline (the database's side of
    the rule is Vacancy.is_public)."""
    return [{"term": {"status": "open"}}, {"range": {"deadline": {"gte": today.isoformat()}}}]


def salary_reaches(amount):
    """A vacancy fits a wish of at least this much pay when its top of range reaches it, or when pay is negotiable."""
    return {"bool": {"should": [
        {"range": {"salary_max": {"gte": amount}}},
        {"term": {"salary_negotiable": True}},
    ]}}


def _text_match(text):
    """Every word must match, in folded form, so "ke toan" and "kế toán" find the same vacancies; a known synonym
    ("tai xe" for "lai xe") may stand in for a phrase, ranked a little below the words as typed."""
    variants = expansions(text)
    alternatives = [
        {
            "multi_match": {
                "query": variant,
                "fields": FOLDED_FIELDS,
                "type": "cross_fields",
                "operator": "and",
                "boost": 1.0 if number == 0 else SYNONYM_BOOST,
            }
        }
        for number, variant in enumerate(variants)
    ]
    return alternatives[0] if len(alternatives) == 1 else {"bool": {"should": alternatives, "minimum_should_match": 1}}


def _exact_form_match(text):
    """Ranks the words typed with their diacritics above look-alikes ("bán" above "bạn")."""
    return {"multi_match": {"query": text, "fields": TEXT_FIELDS, "type": "best_fields", "boost": 2}}


def effective_sort(criteria):
    """The sort actually applied: relevance needs text and nearest needs a place, otherwise newest first."""
    if (criteria.sort == "relevance" and not criteria.text.strip()) or (criteria.sort == "nearest" and not criteria.center):
        return "newest"
    return criteria.sort


def _sort(criteria):
    sort = effective_sort(criteria)
    primary = {
        "relevance": [{"_score": "desc"}, {"posted_at": "desc"}],
        "newest": [{"posted_at": "desc"}],
        "nearest": [{
            "_geo_distance": {
                "location": {"lat": criteria.center[0], "lon": criteria.center[1]} if criteria.center else None,
                "order": "asc",
                "unit": "km",
            }
        }],
        "salary": [{"salary_max": {"order": "desc", "missing": "_last"}}],
    }[sort]
    # The vacancy id breaks ties, so search_after pages never skip or repeat a vacancy.
    return [*primary, {"vacancy_id": "asc"}]


def parse_facets(aggregations):
    """{facet: [(value, count), …]} from an aggregations response."""
    facets = {}
    for name in FACETS:
        buckets = aggregations.get(name, {}).get("buckets", [])
        facets[name] = [(bucket.get("key_as_string", bucket["key"]), bucket["doc_count"]) for bucket in buckets]
    return facets


def encode_cursor(sort, sort_values, search_key=""):
    """An opaque page cursor: the sort and search it belongs to, and the sort values of the last hit of the page."""
    payload = json.dumps({"sort": sort, "search": search_key, "after": sort_values}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(cursor):
    """(sort, search key, sort values) from a cursor made by encode_cursor; ValueError for anything else."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError("not a valid page cursor") from error
    if (
        not isinstance(payload, dict)
        or payload.get("sort") not in SORTS
        or not isinstance(payload.get("search", ""), str)
        or not _valid_sort_values(payload.get("after"))
    ):
        raise ValueError("not a valid page cursor")
    return payload["sort"], payload.get("search", ""), payload["after"]


def search_key(criteria):
    """A short digest of what a search asks for, apart from paging, so a cursor is only used with its own search."""
    asked = {name: value for name, value in vars(criteria).items() if name not in ("after", "size", "today")}
    return hashlib.sha256(json.dumps(asked, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _valid_sort_values(values):
    return (
        isinstance(values, list)
        and bool(values)
        and all(isinstance(value, (int, float, str)) and not isinstance(value, bool) for value in values)
    )
