"""The vacancy index: its mapping, the document built from plain vacancy data, and the search query builder."""
import base64
import binascii
import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from elasticsearch.dsl import Boolean, Date, Document, GeoPoint, Integer, Keyword, Long, Text

from search.folding import fold
from search.text_query import text_clauses
from search.vocabulary import COUNTRY_NAMES, OVERSEAS_WORDS, PLACE_KINDS, PROGRAMME_NAMES
from search.words import clean_text, distinctive_name, drop_table, index_terms, longest_at, phrase_table, phrases


def _words_field():
    # Terms built in Python (search/words.py): split on spaces only, kept as they are, all copied into "words". Each
    # term found scores 1 (boolean similarity): ranking weighs where the words are, not how rare they are.
    return Text(analyzer="whitespace", similarity="boolean", copy_to="words")


class VacancyDocument(Document):
    vacancy_id = Long()
    title = Text(analyzer="standard")
    title_words = _words_field()
    description = Text(analyzer="standard")  # without boilerplate and the employer's name
    description_words = _words_field()
    employer_name = Text(analyzer="standard")
    # The employer's name without its legal form ("Minh Phát" of "Công ty TNHH Minh Phát"), and how many syllables:
    # a search names the employer when it has every one of them (terms_set).
    employer_terms = Keyword()
    employer_terms_count = Integer()
    occupation_label = Text(analyzer="standard")
    occupation_words = _words_field()
    skills = Text(analyzer="standard")
    skills_folded = Text(analyzer="standard")
    skills_words = _words_field()
    place_words = _words_field()  # the ward, its province, and the former district and province names
    abroad_words = _words_field()  # overseas: "xuất khẩu lao động", the destination's names, the programme's names
    # Every term of the fields above, for the filter that each word of a search is present (never scored).
    words = Text(analyzer="whitespace", index_options="docs", norms=False)
    isco_code = Keyword()
    isco_minor = Keyword()
    isco_submajor = Keyword()
    isco_major = Keyword()
    # One value per work place: its province, its ward (a whole province: every ward of it), its point (a whole
    # province: its centre); filters match any of them, distances take the nearest.
    province_code = Keyword()
    ward_code = Keyword()
    location = GeoPoint()
    # Pay as đồng a month (converted by the service from the pay as stated), for filters and sorts; none when it cannot
    # be compared (per piece).
    salary_min = Long()
    salary_max = Long()
    # The most the pay is known to reach: the top of the range, or "from" when no top is stated; sorts by salary.
    salary_top = Long()
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
    """The search document for one vacancy, from a plain dict of its fields (see services.search_index); ward_code and
    province_code are lists, locations its places' (lat, lon), and place_names the names of its wards and provinces and
    of the former units that became them. What many vacancies share (an employer, an occupation, a skill, a place, a
    destination) is worked out once and remembered: a rebuild meets each of them thousands of times."""
    isco = vacancy["isco_code"] or ""
    skills = vacancy.get("skills") or []
    employer_terms, drop = _employer(vacancy["employer_name"])
    description = phrases(vacancy.get("description"), drop=drop)
    occupation_label, occupation_words = _occupation(vacancy.get("occupation_label"))
    return {
        "vacancy_id": vacancy["id"],
        "title": unicodedata.normalize("NFC", vacancy["title"]),
        "title_words": _terms(phrases(vacancy["title"], drop=drop)),
        "description": clean_text(description),
        "description_words": _terms(description),
        "employer_name": vacancy["employer_name"],
        "employer_terms": list(employer_terms),
        "employer_terms_count": len(employer_terms),
        "occupation_label": occupation_label,
        "occupation_words": occupation_words,
        "skills": [_skill(skill)[0] for skill in skills],
        "skills_folded": [fold(skill) for skill in skills],
        "skills_words": _terms([phrase for skill in skills for phrase in _skill(skill)[1]]),
        "place_words": _terms([phrase for name in vacancy.get("place_names") or [] for phrase in _place_phrases(name)]),
        "abroad_words": _abroad_words(vacancy.get("destination_country"), vacancy.get("programme"))
        if vacancy.get("is_overseas") else "",
        "isco_code": isco or None,
        "isco_minor": isco[:3] or None,
        "isco_submajor": isco[:2] or None,
        "isco_major": isco[:1] or None,
        "province_code": vacancy.get("province_code"),
        "ward_code": vacancy.get("ward_code"),
        "location": [point for point in (geo_point(*place) for place in vacancy.get("locations") or []) if point] or None,
        "salary_min": vacancy.get("monthly_salary_min"),
        "salary_max": vacancy.get("monthly_salary_max"),
        "salary_top": vacancy.get("monthly_salary_max") or vacancy.get("monthly_salary_min"),
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


def _terms(phrase_list):
    return " ".join(index_terms(phrase_list))


# Remembered parts of documents, bounded: callers only read what they get (tuples, or lists of phrases left as made).
@lru_cache(maxsize=16384)
def _employer(employer_name):
    """(the employer's distinctive terms, the table of what its vacancies' texts drop). The employer's name never makes
    a vacancy match: neither in full, nor its distinctive part when it is a name of two syllables or more (a
    one-syllable name such as "May" is also a word of the work)."""
    terms = tuple(distinctive_name(employer_name))
    return terms, drop_table(employer_name, " ".join(terms) if len(terms) > 1 else None)


@lru_cache(maxsize=4096)
def _occupation(label):
    return unicodedata.normalize("NFC", label or ""), _terms(phrases(label))


@lru_cache(maxsize=16384)
def _skill(skill):
    return unicodedata.normalize("NFC", skill), phrases(skill)


PLACE_KIND_TABLE = phrase_table(PLACE_KINDS)


@lru_cache(maxsize=16384)
def _place_phrases(name):
    """A place name as written, and without the kind of unit before it: "Quận Đống Đa" also as "Đống Đa", "TP. Hồ Chí
    Minh" also as "Hồ Chí Minh" (a name may itself start with such a word: "Xã Đàn" stays whole too)."""
    result = []
    for number, phrase in enumerate(phrases(name)):
        result.append(phrase)
        kind = longest_at([syllable.folded for syllable in phrase], 0, PLACE_KIND_TABLE) if number == 0 else 0
        if kind and phrase[kind:]:
            result.append(phrase[kind:])
    return result


@lru_cache(maxsize=1024)
def _abroad_words(country, programme):
    names = [*OVERSEAS_WORDS, *COUNTRY_NAMES.get(country, ())]
    if programme:
        names += [programme, *PROGRAMME_NAMES.get(programme, ())]
    return _terms([phrase for name in names for phrase in phrases(name)])


def geo_point(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    return {"lat": latitude, "lon": longitude}


SORTS = ("relevance", "newest", "nearest", "salary")
PREFERRED_PLACE_BOOST = 2.0  # about a third of a title match (search/text_query.py): the work first, then the place
SALARY_REACHED_BOOST = 2.0
FACETS = ("province_code", "employment_type", "isco_major", "destination_country", "programme", "is_overseas")
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
    # Ranking only: the wards of the narrowest meaning of a place named ("Hải Phòng": the former city first) and the
    # pay asked for in the text (vacancies whose pay certainly reaches it first, negotiable pay after).
    preferred_ward_codes: list = field(default_factory=list)
    salary_wanted: int | None = None
    text_fallback: bool = True  # a long text may match with some words missing (search/text_query.py)


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
        filters.append(salary_at_least(criteria.salary_min))
    if criteria.salary_max is not None:
        filters.append(salary_at_most(criteria.salary_max))
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
        requirement, ranking = text_clauses(criteria.text, fallback=criteria.text_fallback)
        if requirement:
            filters.append(requirement)
        if criteria.preferred_ward_codes:
            ranking.append({"constant_score": {"filter": {"terms": {"ward_code": list(criteria.preferred_ward_codes)}},
                                               "boost": PREFERRED_PLACE_BOOST}})
        if criteria.salary_wanted is not None:
            ranking.append({"constant_score": {"filter": salary_reaches(criteria.salary_wanted), "boost": SALARY_REACHED_BOOST}})
        query["bool"]["should"] = ranking

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


def salary_at_least(amount):
    """A vacancy may pay at least this much: its range reaches it, or has no top ("from 50 million"), or pay is
    negotiable. A range stated at one end only is open at the other."""
    return {"bool": {"should": [
        {"range": {"salary_max": {"gte": amount}}},
        {"bool": {"filter": [{"exists": {"field": "salary_min"}}], "must_not": [{"exists": {"field": "salary_max"}}]}},
        {"term": {"salary_negotiable": True}},
    ]}}


def salary_at_most(amount):
    """A vacancy may pay this much or less: its range starts at or below it, or has no bottom ("up to 10 million"),
    or pay is negotiable."""
    return {"bool": {"should": [
        {"range": {"salary_min": {"lte": amount}}},
        {"bool": {"filter": [{"exists": {"field": "salary_max"}}], "must_not": [{"exists": {"field": "salary_min"}}]}},
        {"term": {"salary_negotiable": True}},
    ]}}


def salary_reaches(amount):
    """The pay certainly reaches a wish of this much: the top of its range does, or, with no top, its bottom does.
    What a match may say of pay; negotiable pay is said as such (a filter keeps it, see salary_at_least)."""
    return {"range": {"salary_top": {"gte": amount}}}


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
        "salary": [{"salary_top": {"order": "desc", "missing": "_last"}}],
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
