"""Matching as plain data: the query for the jobs that fit a job seeker and the one for the candidates that fit a
vacancy, the explanation of a hit read back from its named queries, and the fair order of near-ties.

Relevance is the sum of named constant-score clauses (so every point of it has a name the page can show); distance
multiplies it by a Gaussian decay past the commute radius; the priority bonus multiplies it by (1 + bonus):
ranking = relevance × distance decay × (1 + bonus), as DESIGN.md sets it.
"""
import hashlib
from dataclasses import dataclass, field
from datetime import date

from search.folding import fold
from search.vacancy import open_on, salary_reaches

# Points each kind of fit adds to relevance. An exact occupation outweighs a skill; a near occupation counts less.
WEIGHTS = {
    "occupation_unit": 3.0,  # the same ISCO-08 unit group (4 digits)
    "occupation_minor": 2.0,  # the same minor group (3 digits)
    "occupation_submajor": 1.0,  # the same sub-major group (2 digits)
    "skill": 1.0,  # each skill named by both
    "salary": 1.0,  # the pay certainly reaches what the seeker expects
    "salary_negotiable": 0.5,  # pay is negotiable: it may reach the wish, and the reason says so
    "experience": 0.5,  # no experience needed, or the seeker has some
    "destination": 2.0,  # an overseas vacancy in a country the seeker would go to
    "language": 1.5,  # the language certificate the destination asks for
    "recent": 0.5,  # posted (or, for a seeker, profile updated) within the last RECENT_DAYS days
}
RECENT_DAYS = 14
# Language certificates destinations ask for (the prefix of a job-seeker document's "CERTIFICATE:level").
CERTIFICATES = {"KR": "EPS-TOPIK:", "JP": "JLPT:"}
# A seeker's commute radius is their own: candidates are bucketed by it, each bucket decaying past its upper bound.
RADIUS_BUCKETS = (5, 10, 20, 30, 50, 100, 200)
RELOCATION_SCALE_KM = 300  # willing to move: distance matters, but gently
# Near-ties: scores within this share of the group's best are "equally good" and take turns (see fair_order).
FAIR_MARGIN = 0.02
MATCH_WINDOW = 100  # hits fetched and fairly ordered; the pages show the first of them


@dataclass
class SeekerProfile:
    """What matching knows of a job seeker (from the database, for jobs-for-seeker)."""

    desired_isco_codes: list
    skills: list
    location: tuple | None  # (lat, lon) of their ward
    commute_radius_km: int
    willing_to_relocate: bool
    willing_abroad: bool
    abroad_countries: list
    expected_salary: int | None
    experience_years: int
    priority_bonus: float = 0.0  # from verified, unexpired statuses, with consent; 0 otherwise
    excluded_programmes: list = field(default_factory=list)  # overseas programmes the person is not eligible for


@dataclass
class VacancyProfile:
    """What matching knows of a vacancy (from the database, for candidates-for-vacancy)."""

    isco_code: str
    skills: list
    locations: list  # (lat, lon) of each of its places: a candidate is as near as the nearest
    is_overseas: bool
    destination_country: str | None
    salary_max: int | None
    salary_negotiable: bool
    no_experience_required: bool
    salary_min: int | None = None
    # The programme's area bans in force ([{"ward_code" or "province_code": …}]): candidates from there are left out
    # before the exact eligibility check, which the service runs on the rows.
    area_bans: list = field(default_factory=list)


def _named(name, query, weight):
    return {"constant_score": {"filter": query, "boost": weight, "_name": name}}


def _skill_name(skill):
    return f"skill:{skill}"


def _skills(skills, field_name):
    return [
        _named(_skill_name(skill), {"match_phrase": {field_name: fold(skill)}}, WEIGHTS["skill"])
        for skill in dict.fromkeys(skill for skill in skills if skill.strip())
    ]


def _occupation(codes, unit, minor, submajor):
    codes = [code for code in codes if code]
    if not codes:
        return []
    return [
        _named("occupation_unit", {"terms": {unit: sorted(set(codes))}}, WEIGHTS["occupation_unit"]),
        _named("occupation_minor", {"bool": {"filter": [{"terms": {minor: sorted({code[:3] for code in codes})}}],
                                             "must_not": [{"terms": {unit: sorted(set(codes))}}]}},
               WEIGHTS["occupation_minor"]),
        _named("occupation_submajor", {"bool": {"filter": [{"terms": {submajor: sorted({code[:2] for code in codes})}}],
                                                "must_not": [{"terms": {minor: sorted({code[:3] for code in codes})}}]}},
               WEIGHTS["occupation_submajor"]),
    ]


def build_jobs_for_seeker(seeker, *, today, size=MATCH_WINDOW, posted_after=None, require_fit=False):
    """Open, unexpired vacancies scored for one job seeker. Overseas vacancies only for a seeker willing to go. For
    alerts: only vacancies posted after a time, and (require_fit) only those in the same or a closely related
    occupation or sharing two skills, not merely recent and paying enough."""
    filters = open_on(today)
    if posted_after:
        filters.append({"range": {"posted_at": {"gt": posted_after}}})
    if not seeker.willing_abroad:
        filters.append({"term": {"is_overseas": False}})
    if seeker.excluded_programmes:
        filters.append({"bool": {"must_not": [{"terms": {"programme": sorted(seeker.excluded_programmes)}}]}})
    should = [
        *_occupation(seeker.desired_isco_codes, "isco_code", "isco_minor", "isco_submajor"),
        *_skills(seeker.skills, "skills_folded"),
        _named("recent", {"range": {"posted_at": {"gte": f"now-{RECENT_DAYS}d/d"}}}, WEIGHTS["recent"]),
    ]
    if seeker.expected_salary:
        should.append(_named("salary", salary_reaches(seeker.expected_salary), WEIGHTS["salary"]))
        should.append(_named("salary_negotiable", {"bool": {
            "filter": [{"term": {"salary_negotiable": True}}], "must_not": [salary_reaches(seeker.expected_salary)],
        }}, WEIGHTS["salary_negotiable"]))
    should.append(_named(
        "experience", {"term": {"no_experience_required": True}} if not seeker.experience_years else {"match_all": {}},
        WEIGHTS["experience"],
    ))
    if seeker.willing_abroad and seeker.abroad_countries:
        should.append(_named("destination", {"terms": {"destination_country": sorted(seeker.abroad_countries)}},
                             WEIGHTS["destination"]))
    functions = []
    if seeker.location:
        radius = max(int(seeker.commute_radius_km or 0), 1)
        functions.append({
            "filter": {"term": {"is_overseas": False}},
            "gauss": {"location": {
                "origin": {"lat": seeker.location[0], "lon": seeker.location[1]},
                "offset": f"{radius}km",
                "scale": f"{RELOCATION_SCALE_KM if seeker.willing_to_relocate else max(radius, 5)}km",
                "decay": 0.5,
            }},
        })
    if seeker.priority_bonus > 0:
        functions.append({"filter": {"term": {"welcomes_priority": True}}, "weight": 1 + seeker.priority_bonus})
    body = _scored(filters, should, functions, size, id_field="vacancy_id")
    if require_fit:
        codes = sorted(set(seeker.desired_isco_codes))
        fits = [{"bool": {"should": [
            {"match_phrase": {"skills_folded": fold(skill)}} for skill in dict.fromkeys(seeker.skills) if skill.strip()
        ], "minimum_should_match": 2}}]
        if codes:
            fits += [{"terms": {"isco_code": codes}}, {"terms": {"isco_minor": sorted({code[:3] for code in codes})}}]
        query = body["query"]["function_score"]["query"] if "function_score" in body["query"] else body["query"]
        query["bool"]["filter"].append({"bool": {"should": fits, "minimum_should_match": 1}})
    return body


def build_candidates_for_vacancy(vacancy, *, size=MATCH_WINDOW, bonus=True):
    """Job seekers who agreed to be shown to employers, scored for one vacancy; abroad, only those willing to go.
    Without `bonus` (the evaluation's comparison), priority statuses change nothing."""
    filters = [{"term": {"shown_to_employers": True}}]
    if vacancy.is_overseas:
        filters.append({"term": {"willing_abroad": True}})
    banned = [{"terms": {area: sorted({ban[area] for ban in vacancy.area_bans if ban.get(area)})}}
              for area in ("ward_code", "province_code") if any(ban.get(area) for ban in vacancy.area_bans)]
    if banned:
        filters.append({"bool": {"must_not": banned}})
    should = [
        *_occupation([vacancy.isco_code], "desired_isco_codes", "desired_isco_minors", "desired_isco_submajors"),
        *_skills(vacancy.skills, "skills_folded"),
        _named("recent", {"range": {"updated_at": {"gte": f"now-{RECENT_DAYS}d/d"}}}, WEIGHTS["recent"]),
    ]
    top = vacancy.salary_max or vacancy.salary_min  # the most the pay is known to reach (see search.vacancy.salary_reaches)
    if top:
        should.append(_named("salary", {"range": {"expected_salary": {"lte": top}}}, WEIGHTS["salary"]))
    if vacancy.salary_negotiable:
        beyond = [{"range": {"expected_salary": {"lte": top}}}] if top else []
        should.append(_named("salary_negotiable", {"bool": {"filter": [{"exists": {"field": "expected_salary"}}], "must_not": beyond}},
                             WEIGHTS["salary_negotiable"]))
    should.append(_named(
        "experience", {"match_all": {}} if vacancy.no_experience_required else {"range": {"experience_years": {"gte": 1}}},
        WEIGHTS["experience"],
    ))
    if vacancy.is_overseas and vacancy.destination_country:
        should.append(_named("destination", {"term": {"abroad_countries": vacancy.destination_country}}, WEIGHTS["destination"]))
        certificate = CERTIFICATES.get(vacancy.destination_country)
        if certificate:
            should.append(_named("language", {"prefix": {"language_certificates": certificate}}, WEIGHTS["language"]))
    distance = [function for location in (vacancy.locations if not vacancy.is_overseas else [])
                for function in _distance_functions({"lat": location[0], "lon": location[1]})]
    bonuses = [_bonus_function()] if bonus else []
    if len(vacancy.locations) > 1:
        return _scored(filters, should, bonuses, size, id_field="job_seeker_id", nearest=distance)
    return _scored(filters, should, distance + bonuses, size, id_field="job_seeker_id")


def _distance_functions(origin):
    """How near a candidate is to one place, by how far they will commute (or anywhere, if they would move)."""
    functions = []
    lower = 0
    for upper in RADIUS_BUCKETS:
        functions.append({
            "filter": {"bool": {"filter": [
                {"term": {"willing_to_relocate": False}},
                {"range": {"commute_radius_km": {"gt": lower, "lte": upper} if lower else {"lte": upper}}},
            ]}},
            "gauss": {"location": {"origin": origin, "offset": f"{upper}km", "scale": f"{max(upper, 5)}km", "decay": 0.5}},
        })
        lower = upper
    functions.append({
        "filter": {"bool": {"should": [
            {"term": {"willing_to_relocate": True}}, {"range": {"commute_radius_km": {"gt": RADIUS_BUCKETS[-1]}}},
        ]}},
        "gauss": {"location": {"origin": origin, "offset": f"{RADIUS_BUCKETS[-1]}km", "scale": f"{RELOCATION_SCALE_KM}km",
                               "decay": 0.5}},
    })
    return functions


def _bonus_function():
    # The multiplier is 1 without a bonus; a lapsed status leaves the document when the profile is indexed again.
    return {"field_value_factor": {"field": "priority_multiplier", "missing": 1}}


def _scored(filters, should, functions, size, *, id_field, nearest=()):
    query = {"bool": {"filter": filters, "should": should, "minimum_should_match": 1}}
    if nearest:  # several places' distance functions: the nearest place's (the best decay) counts
        query = {"function_score": {"query": query, "functions": list(nearest), "score_mode": "max", "boost_mode": "multiply"}}
    if functions:
        query = {"function_score": {"query": query, "functions": functions, "score_mode": "multiply", "boost_mode": "multiply"}}
    return {
        "query": query,
        "size": size,
        "sort": [{"_score": "desc"}, {id_field: "asc"}],
        "track_total_hits": True,
        "_source": False,
        "include_named_queries_score": True,
        "filter_path": "hits.total,hits.hits._id,hits.hits._score,hits.hits.matched_queries",
    }


@dataclass
class Explanation:
    """Why one hit ranks where it does, read from its named queries (the same clauses that scored it)."""

    score: float
    occupation: str | None = None  # "unit", "minor" or "submajor"
    skills_matched: list = field(default_factory=list)
    skills_asked: list = field(default_factory=list)
    salary_fit: bool = False  # the pay certainly reaches the wish
    salary_negotiable: bool = False  # pay is negotiable (and the person has a wish it may reach)
    experience_fit: bool = False
    destination_fit: bool = False
    language_fit: bool = False
    recent: bool = False
    relevance: float = 0.0  # the sum of the named parts, before distance and bonus
    distance_factor: float | None = None  # score / relevance / (1 + bonus): what distance left of the relevance
    bonus: float = 0.0


def explain_hit(hit, *, skills_asked, bonus=0.0):
    """The explanation of one hit from its matched_queries ({name: score}) and its score."""
    matched = hit.get("matched_queries") or {}
    if isinstance(matched, list):  # without include_named_queries_score
        matched = dict.fromkeys(matched, 0.0)
    occupation = next((level for level in ("unit", "minor", "submajor") if f"occupation_{level}" in matched), None)
    asked = list(dict.fromkeys(skill for skill in skills_asked if skill.strip()))
    relevance = sum(float(value) for value in matched.values())
    score = float(hit.get("_score") or 0.0)
    distance_factor = None
    if relevance > 0:
        distance_factor = round(score / relevance / (1 + bonus), 3)
    return Explanation(
        score=score, occupation=occupation, skills_matched=[skill for skill in asked if _skill_name(skill) in matched],
        skills_asked=asked, salary_fit="salary" in matched,
        salary_negotiable="salary_negotiable" in matched, experience_fit="experience" in matched,
        destination_fit="destination" in matched, language_fit="language" in matched, recent="recent" in matched,
        relevance=round(relevance, 3), distance_factor=distance_factor, bonus=bonus,
    )


def fair_order(hits, *, seed, margin=FAIR_MARGIN):
    """The hits (best first) with near-ties shuffled by a seed: walking down the list, each hit within `margin` of the
    current group's best joins that group; each group is ordered by a hash of the seed and the hit's id. With a daily
    seed, the same few are not always first among equals, and a day's order is stable (pages agree with each other)."""
    ordered, group = [], []

    def flush():
        ordered.extend(sorted(group, key=lambda hit: hashlib.sha256(f"{seed}:{hit['_id']}".encode()).hexdigest()))
        group.clear()

    for hit in sorted(hits, key=lambda hit: -float(hit.get("_score") or 0.0)):
        if group and float(hit.get("_score") or 0.0) < float(group[0].get("_score") or 0.0) * (1 - margin):
            flush()
        group.append(hit)
    flush()
    return ordered


def daily_seed(today: date, subject: str):
    """The fair-order seed of one list on one day: the same all day for the same list, different tomorrow."""
    return f"{today.isoformat()}:{subject}"


def priority_bonus(categories, *, bonuses, cap):
    """The ranking bonus of a job seeker's priority categories (verified, in force, used with their consent): each
    category's bonus once, summed, at most `cap`."""
    return round(min(cap, sum(bonuses.get(category, 0.0) for category in set(categories))), 4)
