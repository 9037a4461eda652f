"""Offline evaluation of matching against a relevance oracle the ranker cannot see: ranking quality with and without
the priority bonus, the bonus's effect on exposure, whether the API returns the raw query's ranking, and what the API
adds to a matching request.

Run from the repository root with the project's venv, Elasticsearch running (see bench/README.md):

    .venv/bin/python bench/matching_eval.py [--vacancies 2000] [--job-seekers 20000] [--sample 300] [--requests 300]

It builds a synthetic exchange in its own SQLite database (.cache/bench/matching.db) and behind its own index aliases
(jobmatch-bench-matching-*), never the site's. It deletes those indexes when it ends (and, when it starts, any a run
that could not clean up left). The database is reused only when its stamp says it was built with the same sizes and
seed, at the same commit (and working-tree changes), on the same day.

The oracle (written down, with its numbers, before any score was looked at)
--------------------------------------------------------------------------
The world is drawn in two layers. The hidden layer is the truth about people and jobs; the stored layer is what they
write on the exchange, drawn from the hidden one with the noise of real forms. Only the stored layer goes into the
database and the indexes; the hidden layer is kept apart, in .cache/bench/matching-oracle.json, and only the oracle
reads it. So the ranker never sees a feature the grades are made of, and the labels are never the data it matches.

Hidden, for each job seeker (30 occupations of jobmatch.demo.tables, wards of Hà Nội, TP Hồ Chí Minh, Hải Phòng):
  - trade: the occupation they really practise; second_trade: another they can also do (three in ten people);
  - skills: those they really have: each skill of their trade with probability 0.6 (at least one), and one skill of
    the second trade;
  - experience: years in their trade, one of 0, 0, 1, 2, 3, 5, 8;
  - reach_km: how far they would really travel each day: the radius they declare times a log-normal factor
    (sigma 0.35); for seven in ten of those who declare they would relocate, 200 km;
  - reservation: the lowest monthly pay they would really take, uniform over their trade's pay range.
Hidden, for each vacancy:
  - need: the occupation of the work; key_skill: the one skill of that occupation the work cannot be done without;
  - experience: the years it really needs: none for 45 %, else 1 to 3.
Stored (what the ranker reads), drawn from the hidden layer:
  - a job seeker's desired occupations: the trade with probability 0.8, otherwise another occupation of the same ISCO
    major group (a neighbouring label picked from a long list); the second trade with probability 0.5; an occupation
    they do not practise (a wish to change) with probability 0.2. Skills: each real skill with probability 0.7, and a
    skill they do not have (of any occupation) with probability 0.3. Experience years as they are. Expected pay: the
    reservation times 1.0 to 1.3, rounded to 500,000 VND, left blank by one in ten. Commute radius: chosen from 5,
    10, 20, 30, 50 km; willing to relocate: 15 %.
  - a vacancy's occupation code: the need with probability 0.9, otherwise another occupation of the same major group
    (a wrong code; its title still names the real work, and the ranker does not read titles). Skills: the key skill
    with probability 0.8, and one or two other skills of the need. "No experience needed" when it needs none. Pay,
    place, type and posting day as they are.
  - priority statuses: a quarter of the job seekers, drawn independently of everything above (nine in ten of them
    consenting to their use), so that any change the bonus makes to relevance is a cost, not a correction.
Grade of a pair (job seeker, vacancy), from the hidden layer and the facts of the pair (distance, pay offered):
  0  when the vacancy lies farther than the person's reach_km, or its top pay is under their reservation, or its need
     is neither their trade nor their second trade;
  3  the need is their trade, they have its key skill and at least the experience it needs;
  2  the need is their trade, but the key skill or the experience is missing;
  1  the need is their second trade.

What it reports: the real query builders run against the real Elasticsearch, with the product's window and fair order
of near-ties, with the bonus and without it, for a sample of vacancies (candidates for a vacancy) and of job seekers
(jobs for a seeker): nDCG@10 (gains 2^grade - 1, the ideal from every pair of the population the list may hold) and
recall@50 (pairs graded above 0 among the first 50, out of at most 50). Exposure: the priority workers' share of the
top-10 candidate slots, with and without the bonus, against their share of the candidates graded above 0. The API:
GET /api/v1/vacancies/<id>/matches and GET /api/v1/job-seekers/<id>/matches through the app (in process, with an
officer's token) must return the first page of the raw query's fair order, id for id; the candidates' requests
alternate with the same query sent raw, at concurrency 1, and their p95s are compared. Any API answer other than a 200
or with other ids, or a time limit reached, ends the run without a RESULT line and with exit status 1. Otherwise the
last line is:

    RESULT commit=<commit> tree=<clean|modified> ndcg10=<x> ndcg10_no_bonus=<y> ndcg10_jobs=<x> ndcg10_jobs_no_bonus=<y>
           priority_exposure=<a> priority_exposure_no_bonus=<c> priority_share=<b> api_ids_equal=<n>/<n> api_p95_ratio=<r>

where ndcg10 is that of candidates for a vacancy (where the bonus acts on people) and ndcg10_jobs that of jobs for a
job seeker.
"""
import argparse
import math
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import flask_migrate  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from bench.provenance import (  # noqa: E402
    Verdict,
    announce,
    data_stamp,
    delete_indexes,
    read_json_stamped,
    read_stamp,
    source_state,
    stale_reasons,
    write_json_stamped,
    write_stamp,
)
from jobmatch import create_app  # noqa: E402
from jobmatch.demo.tables import OCCUPATIONS  # noqa: E402
from jobmatch.extensions import db, search_client, search_indexes  # noqa: E402
from jobmatch.models import Account, Centre, Consent, Employer, JobSeeker, PriorityStatus, Vacancy, Ward  # noqa: E402
from jobmatch.models.vacancy_place import VacancyPlace  # noqa: E402
from jobmatch.rules.clock import utc_now, vietnam_today  # noqa: E402
from jobmatch.schemas.page import PAGE_SIZE  # noqa: E402  (the API's first page, without size=)
from jobmatch.services import account as account_service  # noqa: E402
from jobmatch.services import ethnic_group as ethnic_group_service  # noqa: E402
from jobmatch.services import matching as matching_service  # noqa: E402
from jobmatch.services import occupation as occupation_service  # noqa: E402
from jobmatch.services import place as place_service  # noqa: E402
from jobmatch.services import search_index  # noqa: E402
from search.client import is_healthy  # noqa: E402
from search.matching import build_candidates_for_vacancy, build_jobs_for_seeker, daily_seed, fair_order  # noqa: E402

BENCH_DIR = REPO / ".cache" / "bench"
DATABASE_PATH = BENCH_DIR / "matching.db"
ORACLE_PATH = BENCH_DIR / "matching-oracle.json"
INDEX_PREFIX = "jobmatch-bench-matching"
PROVINCES = ("01", "79", "31")  # Hà Nội, TP Hồ Chí Minh, Hải Phòng
RADII = (5, 10, 20, 30, 50)
OCCUPATION_BY_CODE = {occupation.isco_code: occupation for occupation in OCCUPATIONS}


def bench_app(elasticsearch_url, bonus=None):
    config = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{DATABASE_PATH}",
        "SEARCH_INDEX_PREFIX": INDEX_PREFIX,
        "ELASTICSEARCH_URL": elasticsearch_url,
        "SECRET_KEY": "benchmark",
        "ARGON2_MEMORY_KIB": 1024,
    }
    if bonus is not None:  # one bonus for every category, capped at twice it (the default's proportions)
        config["PRIORITY_BONUS"] = dict.fromkeys(("poor", "near_poor", "escaped_poverty", "ethnic_minority", "disability"), bonus)
        config["PRIORITY_BONUS_CAP"] = 2 * bonus
    return create_app(config)


# The world: a hidden layer (the truth) and a stored layer (what people write), as the docstring sets them ----------

def _same_major(rng, code):
    """Another occupation of the same ISCO major group (first digit), or any other when there is none."""
    others = [other for other in OCCUPATION_BY_CODE if other != code and other[0] == code[0]]
    return rng.choice(others or [other for other in OCCUPATION_BY_CODE if other != code])


def draw_job_seeker(rng, ward):
    occupation = rng.choice(OCCUPATIONS)
    second = rng.choice([other for other in OCCUPATIONS if other is not occupation]) if rng.random() < 0.3 else None
    skills = [skill for skill in occupation.skills if rng.random() < 0.6] or [rng.choice(occupation.skills)]
    if second:
        skills.append(rng.choice(second.skills))
    low, high = occupation.salary_millions
    radius = rng.choice(RADII)
    relocates = rng.random() < 0.15
    hidden = {
        "trade": occupation.isco_code, "second_trade": second.isco_code if second else None,
        "skills": sorted(set(skills)), "experience": rng.choice([0, 0, 1, 2, 3, 5, 8]),
        "reach_km": 200.0 if relocates and rng.random() < 0.7 else radius * math.exp(rng.gauss(0, 0.35)),
        "reservation": int(rng.uniform(low, high) * 1_000_000), "ward": ward,
    }
    desired = [occupation.isco_code if rng.random() < 0.8 else _same_major(rng, occupation.isco_code)]
    if second and rng.random() < 0.5:
        desired.append(second.isco_code)
    if rng.random() < 0.2:
        desired.append(rng.choice([other for other in OCCUPATION_BY_CODE if other not in (hidden["trade"], hidden["second_trade"])]))
    listed = [skill for skill in hidden["skills"] if rng.random() < 0.7]
    if rng.random() < 0.3:
        listed.append(rng.choice([skill for other in OCCUPATIONS for skill in other.skills if skill not in hidden["skills"]]))
    expected = None
    if rng.random() >= 0.1:
        expected = int(hidden["reservation"] * rng.uniform(1.0, 1.3)) // 500_000 * 500_000
    stored = {
        "desired_isco_codes": list(dict.fromkeys(desired)), "skills": sorted(set(listed)),
        "experience_years": hidden["experience"], "expected_salary": expected, "commute_radius_km": radius,
        "willing_to_relocate": relocates, "ward_code": ward,
    }
    return stored, hidden


def draw_vacancy(rng, ward):
    occupation = rng.choice(OCCUPATIONS)
    key_skill = rng.choice(occupation.skills)
    experience = 0 if rng.random() < 0.45 else rng.randint(1, 3)
    others = [skill for skill in occupation.skills if skill != key_skill]
    listed = ([key_skill] if rng.random() < 0.8 else []) + rng.sample(others, k=min(len(others), rng.randint(1, 2)))
    low, high = occupation.salary_millions
    salary_min = int(rng.uniform(low, (low + high) / 2) * 1_000_000) // 100_000 * 100_000
    hidden = {"need": occupation.isco_code, "key_skill": key_skill, "experience": experience, "ward": ward}
    stored = {
        "title": rng.choice(occupation.titles),
        "isco_code": occupation.isco_code if rng.random() < 0.9 else _same_major(rng, occupation.isco_code),
        "skills": listed, "ward_code": ward, "salary_min": salary_min,
        "salary_max": int(salary_min * rng.uniform(1.1, 1.6)) // 100_000 * 100_000,
        "employment_type": rng.choice(occupation.employment_types), "no_experience_required": experience == 0,
    }
    return stored, hidden


def build_world(vacancies, job_seekers, seed, stamp, log):
    """Store the stored layer in a new database and the hidden layer in the oracle file; the two share only ids."""
    rng = random.Random(seed)
    flask_migrate.upgrade(directory=str(REPO / "migrations"))
    place_service.load_places()
    occupation_service.load_occupations()
    ethnic_group_service.load_ethnic_groups()
    wards = db.session.execute(select(Ward.code, Ward.province_code).where(Ward.province_code.in_(PROVINCES))).all()
    centres = {}
    for province in PROVINCES:
        centre = Centre(name=f"Trung tâm đánh giá {province}", province_code=province)
        db.session.add(centre)
        db.session.flush()
        centres[province] = centre.id
    officers = {
        province: Account(role="officer", email=f"officer-{province}@bench.jobmatch.vn", password_hash="-",
                          display_name=f"Cán bộ {province}", centre_id=centre_id)
        for province, centre_id in centres.items()
    }
    employer = Employer(name="Công ty Đánh giá", tax_code="0100233488", verified=True, verified_at=utc_now())
    db.session.add_all([*officers.values(), employer])
    db.session.flush()
    today, now = vietnam_today(), utc_now()

    vacancy_rows, hidden_vacancies = [], []
    for _ in range(vacancies):
        stored, hidden = draw_vacancy(rng, rng.choice(wards)[0])
        vacancy_rows.append({
            **stored, "employer_id": employer.id, "description": "", "salary_negotiable": False,
            "openings": rng.randint(1, 10), "deadline": today + timedelta(days=rng.randint(5, 60)), "status": "open",
            "welcomes_priority": rng.random() < 0.3, "posted_at": now - timedelta(days=rng.randint(0, 30)), "version": 1,
        })
        hidden_vacancies.append(hidden)
    db.session.execute(insert(Vacancy), vacancy_rows)
    vacancy_ids = db.session.scalars(select(Vacancy.id).order_by(Vacancy.id)).all()
    # Each vacancy works in its one ward, its first and only place, as the form and the API store it: matching reads a
    # vacancy's location from its places.
    db.session.execute(insert(VacancyPlace), [{"vacancy_id": vacancy_id, "position": 0, "ward_code": row["ward_code"]}
                                              for vacancy_id, row in zip(vacancy_ids, vacancy_rows, strict=True)])

    people, hidden_people, provinces = [], [], []
    for number in range(job_seekers):
        ward, province = rng.choice(wards)
        stored, hidden = draw_job_seeker(rng, ward)
        people.append({
            **stored, "full_name": f"Người đánh giá {number}", "citizen_id": f"0{province}095{number:06d}",
            "centre_id": centres[province], "willing_abroad": False, "abroad_countries": [], "languages": [],
            "visibility": "public", "created_at": now, "updated_at": now - timedelta(days=rng.randint(0, 60)), "version": 1,
        })
        hidden_people.append(hidden)
        provinces.append(province)
    for start in range(0, len(people), 5000):
        db.session.execute(insert(JobSeeker), people[start:start + 5000])
    seeker_ids = db.session.scalars(select(JobSeeker.id).order_by(JobSeeker.id)).all()

    consents, statuses = [], []
    for job_seeker_id, province in zip(seeker_ids, provinces, strict=True):
        # in candidate lists (anonymously): the consent the candidate lists are built on
        consents.append({"job_seeker_id": job_seeker_id, "purpose": "anonymous_listing", "version": 1, "given_at": now})
        if rng.random() < 0.25:
            officer_id = officers[province].id
            statuses.append({"job_seeker_id": job_seeker_id, "category": rng.choice(["poor", "near_poor", "escaped_poverty"]),
                             "evidence": "Danh sách hộ nghèo", "valid_until": today + timedelta(days=300),
                             "verified_at": now, "verified_by_id": officer_id, "recorded_by_id": officer_id})
            if rng.random() < 0.9:
                consents.append({"job_seeker_id": job_seeker_id, "purpose": "priority_ranking", "version": 1, "given_at": now})
    db.session.execute(insert(Consent), consents)
    db.session.execute(insert(PriorityStatus), statuses)
    db.session.commit()
    write_json_stamped(ORACLE_PATH, stamp, {
        "vacancies": dict(zip(map(str, vacancy_ids), hidden_vacancies, strict=True)),
        "job_seekers": dict(zip(map(str, seeker_ids), hidden_people, strict=True)),
    })
    write_stamp(db.engine, stamp)  # last: a build cut short leaves no stamp, so it is never reused
    log(f"built {len(vacancy_ids):,} vacancies and {len(seeker_ids):,} job seekers ({len(statuses):,} with a priority status)")


def prepare(app, options, stamp, log):
    """The database and the oracle of `stamp` (built afresh unless both carry it), and fresh indexes of both."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    with app.app_context():
        if not is_healthy(search_client()):
            sys.exit("Elasticsearch does not answer: run scripts/elasticsearch.sh start")
        found = read_stamp(db.engine) if DATABASE_PATH.exists() else None
        reasons = stale_reasons(found, stamp)
        if not reasons and read_json_stamped(ORACLE_PATH, stamp) is None:
            reasons = ["the oracle file is missing or of other data"]
        if reasons:
            log(f"building the population afresh ({'; '.join(reasons)})")
            db.engine.dispose()
            DATABASE_PATH.unlink(missing_ok=True)
            build_world(options.vacancies, options.job_seekers, options.seed, stamp, log)
        else:
            log("reusing the population of the same stamp")
        for entity in ("vacancy", "job_seeker"):
            started = time.perf_counter()
            result = search_index.rebuild_index(entity_name=entity)
            log(f"indexed {entity}: {result['documents']:,} documents in {time.perf_counter() - started:.0f} s")
            if result["failed"]:
                sys.exit(f"{result['failed']} {entity} documents failed to index")


# The oracle and the measures ----------------------------------------------------------------------------------

def distance_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


class Oracle:
    """Grades of pairs from the hidden layer (the module's docstring), with the ward coordinates and offered pay."""

    def __init__(self, hidden, places, pay):
        self.vacancies = {int(key): value for key, value in hidden["vacancies"].items()}
        self.people = {int(key): value for key, value in hidden["job_seekers"].items()}
        self.places = places  # ward code → (lat, lon)
        self.pay = pay  # vacancy id → its top pay
        self.people_by_trade, self.vacancies_by_need = {}, {}
        for person_id, person in self.people.items():
            for trade in filter(None, (person["trade"], person["second_trade"])):
                self.people_by_trade.setdefault(trade, []).append(person_id)
        for vacancy_id, vacancy in self.vacancies.items():
            self.vacancies_by_need.setdefault(vacancy["need"], []).append(vacancy_id)

    def grade(self, person_id, vacancy_id):
        person, vacancy = self.people[person_id], self.vacancies[vacancy_id]
        if vacancy["need"] not in (person["trade"], person["second_trade"]):
            return 0
        if distance_km(self.places[person["ward"]], self.places[vacancy["ward"]]) > person["reach_km"]:
            return 0
        if self.pay[vacancy_id] < person["reservation"]:
            return 0
        if vacancy["need"] != person["trade"]:
            return 1
        return 3 if vacancy["key_skill"] in person["skills"] and person["experience"] >= vacancy["experience"] else 2

    def candidates_grades(self, vacancy_id):
        """{job seeker id: grade > 0} for a vacancy; everyone else grades 0."""
        grades = {person_id: self.grade(person_id, vacancy_id)
                  for person_id in self.people_by_trade.get(self.vacancies[vacancy_id]["need"], [])}
        return {person_id: grade for person_id, grade in grades.items() if grade}

    def jobs_grades(self, person_id):
        person = self.people[person_id]
        vacancy_ids = [vacancy_id for trade in filter(None, (person["trade"], person["second_trade"]))
                       for vacancy_id in self.vacancies_by_need.get(trade, [])]
        grades = {vacancy_id: self.grade(person_id, vacancy_id) for vacancy_id in vacancy_ids}
        return {vacancy_id: grade for vacancy_id, grade in grades.items() if grade}


def ndcg_at(ranked_grades, all_grades, k=10):
    dcg = sum((2 ** g - 1) / math.log2(position + 2) for position, g in enumerate(ranked_grades[:k]))
    ideal = sorted(all_grades, reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(position + 2) for position, g in enumerate(ideal))
    return dcg / idcg if idcg else None


def recall_at(ranked_grades, relevant, k=50):
    return sum(1 for g in ranked_grades[:k] if g > 0) / min(relevant, k) if relevant else None


def load_oracle(stamp):
    hidden = read_json_stamped(ORACLE_PATH, stamp)
    places = {code: (latitude, longitude) for code, latitude, longitude in db.session.execute(
        select(Ward.code, Ward.latitude, Ward.longitude).where(Ward.province_code.in_(PROVINCES))
    )}
    pay = dict(db.session.execute(select(Vacancy.id, Vacancy.salary_max)).all())
    return Oracle(hidden, places, pay)


def product_order(index, body, subject, today):
    """The ids as the product orders them: its window, then its fair order of near-ties with the day's seed."""
    hits = search_client().search(index=index, **body)["hits"].get("hits", [])
    return [int(hit["_id"]) for hit in fair_order(hits, seed=daily_seed(today, subject))]


def mean(values):
    values = [value for value in values if value is not None]
    return statistics.fmean(values) if values else float("nan")


def evaluate_candidates(oracle, sample, today, bonus, priority, deadline):
    ndcgs, recalls, top_slots, top_priority, suitable, suitable_priority = [], [], 0, 0, 0, 0
    for vacancy_id in sample:
        if time.monotonic() > deadline:
            return None
        grades = oracle.candidates_grades(vacancy_id)
        profile = matching_service.vacancy_profile(db.session.get(Vacancy, vacancy_id), today)
        ranked = product_order(search_indexes().job_seekers, build_candidates_for_vacancy(profile, bonus=bonus),
                               f"vacancy:{vacancy_id}", today)
        ranked_grades = [grades.get(person_id, 0) for person_id in ranked]
        ndcgs.append(ndcg_at(ranked_grades, list(grades.values())))
        recalls.append(recall_at(ranked_grades, len(grades)))
        top_slots += len(ranked[:10])
        top_priority += sum(1 for person_id in ranked[:10] if person_id in priority)
        suitable += len(grades)
        suitable_priority += sum(1 for person_id in grades if person_id in priority)
    return {"ndcg10": mean(ndcgs), "recall50": mean(recalls), "exposure": top_priority / max(top_slots, 1),
            "share": suitable_priority / max(suitable, 1)}


def evaluate_jobs(oracle, sample, today, bonus, deadline):
    ndcgs, recalls = [], []
    for person_id in sample:
        if time.monotonic() > deadline:
            return None
        grades = oracle.jobs_grades(person_id)
        profile = matching_service.seeker_profile(db.session.get(JobSeeker, person_id), today)
        if not bonus:
            profile.priority_bonus = 0.0
        ranked = product_order(search_indexes().vacancies, build_jobs_for_seeker(profile, today=today),
                               f"job_seeker:{person_id}", today)
        ranked_grades = [grades.get(vacancy_id, 0) for vacancy_id in ranked]
        ndcgs.append(ndcg_at(ranked_grades, list(grades.values())))
        recalls.append(recall_at(ranked_grades, len(grades)))
    return {"ndcg10": mean(ndcgs), "recall50": mean(recalls)}


# The API against the raw query --------------------------------------------------------------------------------
# Requests go through the test client with no application context of the benchmark's own pushed: a request inside an
# outer context would share its `g`, and with it the account signed in by the first request's token.

def officer_tokens(app):
    """A bearer token for each centre's officer: {centre id: headers}."""
    headers = {}
    with app.app_context():
        for officer in db.session.scalars(select(Account).where(Account.role == "officer")):
            _, token = account_service.create_api_token(actor=officer, name="benchmark")
            headers[officer.centre_id] = {"Authorization": f"Bearer {token}"}
    return headers


def page_ids(payload, key):
    """The ids of an API page of matches, `key` naming what each match is ("vacancy" or "candidate")."""
    return [match[key]["id"] for match in payload["items"]]


def check_jobs_api(app, sample, today, headers, verdict, deadline):
    """Each sampled job seeker's matches through the API (their centre's officer) against the raw query's first page."""
    with app.app_context():
        expected = {}
        for person_id in sample:
            job_seeker = db.session.get(JobSeeker, person_id)
            body = build_jobs_for_seeker(matching_service.seeker_profile(job_seeker, today), today=today)
            ranked = product_order(search_indexes().vacancies, body, f"job_seeker:{person_id}", today)
            expected[person_id] = (job_seeker.centre_id, ranked[:PAGE_SIZE])
    client, equal = app.test_client(), 0
    for person_id, (centre_id, ids) in expected.items():
        if time.monotonic() > deadline:
            verdict.refuse("the time limit was reached while comparing the API's jobs with the raw query's")
            return equal
        response = client.get(f"/api/v1/job-seekers/{person_id}/matches", headers=headers[centre_id])
        if response.status_code != 200:
            verdict.refuse(f"GET /api/v1/job-seekers/{person_id}/matches answered {response.status_code}: "
                           f"{response.get_data(as_text=True)[:200]}")
        elif (found := page_ids(response.get_json(), "vacancy")) != ids:
            verdict.refuse(f"job seeker {person_id}: the API's vacancies {found[:5]}… are not the raw query's {ids[:5]}…")
        else:
            equal += 1
    return equal


def measure_candidates_api(app, sample, requests, today, headers, verdict, deadline):
    """Candidates for a vacancy through the API (routing, authorization, the database, marshmallow) against the same
    query sent raw with the app's client, alternating; every API page must be the raw query's first page. Returns the
    timings of each and the number of API pages that agreed."""
    with app.app_context():
        bodies = {vacancy_id: build_candidates_for_vacancy(
            matching_service.vacancy_profile(db.session.get(Vacancy, vacancy_id), today)) for vacancy_id in sample}
    elasticsearch, index = app.extensions["search_client"], app.extensions["search_indexes"].job_seekers
    client = app.test_client()
    officer_headers = next(iter(headers.values()))  # any officer may see a vacancy's candidates
    raw, api, equal = [], [], 0
    for number in range(requests):
        if time.monotonic() > deadline:
            verdict.refuse(f"the time limit was reached after {number} of {requests} timed requests")
            break
        vacancy_id = sample[number % len(sample)]
        for kind in (("raw", "api") if number % 2 == 0 else ("api", "raw")):
            started = time.perf_counter()
            if kind == "raw":
                hits = elasticsearch.search(index=index, **bodies[vacancy_id])["hits"].get("hits", [])
                raw.append(time.perf_counter() - started)
                expected = [int(hit["_id"]) for hit in fair_order(hits, seed=daily_seed(today, f"vacancy:{vacancy_id}"))]
            else:
                response = client.get(f"/api/v1/vacancies/{vacancy_id}/matches", headers=officer_headers)
                api.append(time.perf_counter() - started)
        if response.status_code != 200:
            verdict.refuse(f"GET /api/v1/vacancies/{vacancy_id}/matches answered {response.status_code}: "
                           f"{response.get_data(as_text=True)[:200]}")
        elif (found := page_ids(response.get_json(), "candidate")) != expected[:PAGE_SIZE]:
            verdict.refuse(f"vacancy {vacancy_id}: the API's candidates {found[:5]}… are not the raw query's {expected[:5]}…")
        else:
            equal += 1
    return raw, api, equal


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))] if ordered else float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vacancies", type=int, default=2000)
    parser.add_argument("--job-seekers", type=int, default=20000)
    parser.add_argument("--sample", type=int, default=300, help="job seekers and vacancies evaluated")
    parser.add_argument("--requests", type=int, default=300, help="timed requests of each kind")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--elasticsearch-url", default="http://127.0.0.1:9200")
    parser.add_argument("--bonus", type=float, help="try another bonus per category (cap twice it) instead of the configured ones")
    parser.add_argument("--time-limit", type=float, default=900, help="seconds the evaluation and timing may take at most")
    options = parser.parse_args()

    source = source_state()
    announce(source)
    verdict = Verdict(source)

    def log(message):
        print(message, flush=True)

    app = bench_app(options.elasticsearch_url, options.bonus)
    with app.app_context():
        stamp = data_stamp(source, vietnam_today(), seed=options.seed, vacancies=options.vacancies,
                           job_seekers=options.job_seekers)
    with app.app_context():
        delete_indexes(search_client(), INDEX_PREFIX)  # what a run that could not clean up left
    try:
        figures = evaluate(app, options, stamp, verdict, log)
    finally:
        with app.app_context():
            delete_indexes(search_client(), INDEX_PREFIX)
    verdict.finish(**figures)


def evaluate(app, options, stamp, verdict, log):
    prepare(app, options, stamp, log)
    deadline = time.monotonic() + options.time_limit
    with app.app_context():
        log(f"priority bonus per category: {app.config['PRIORITY_BONUS']}, cap {app.config['PRIORITY_BONUS_CAP']}")
        today = vietnam_today()
        oracle = load_oracle(stamp)
        priority = set(db.session.scalars(select(PriorityStatus.job_seeker_id)))
        rng = random.Random(options.seed)
        vacancy_sample = rng.sample(sorted(oracle.vacancies), k=min(options.sample, len(oracle.vacancies)))
        seeker_sample = rng.sample(sorted(oracle.people), k=min(options.sample, len(oracle.people)))
        results = {}
        for bonus in (True, False):
            started = time.perf_counter()
            results[("candidates", bonus)] = evaluate_candidates(oracle, vacancy_sample, today, bonus, priority, deadline)
            results[("jobs", bonus)] = evaluate_jobs(oracle, seeker_sample, today, bonus, deadline)
            if None in (results[("candidates", bonus)], results[("jobs", bonus)]):
                verdict.refuse(f"the time limit was reached while evaluating {'with' if bonus else 'without'} the bonus")
                return {}
            log(f"evaluated {'with' if bonus else 'without'} the bonus in {time.perf_counter() - started:.0f} s")
    for kind in ("jobs", "candidates"):
        for bonus in (True, False):
            figures = results[(kind, bonus)]
            log(f"{kind:10} {'bonus   ' if bonus else 'no bonus'} nDCG@10 {figures['ndcg10']:.3f}  recall@50 {figures['recall50']:.3f}"
                + (f"  priority top-10 exposure {figures['exposure']:.3f} (share of suitable {figures['share']:.3f})"
                   if kind == "candidates" else ""))
    headers = officer_tokens(app)
    jobs_equal = check_jobs_api(app, seeker_sample, today, headers, verdict, deadline)
    raw, api, candidates_equal = measure_candidates_api(app, vacancy_sample, options.requests, today, headers, verdict, deadline)
    log(f"API pages equal to the raw query's: jobs {jobs_equal}/{len(seeker_sample)}, candidates "
        f"{candidates_equal}/{options.requests}")
    raw_p95, api_p95 = percentile(raw, 0.95) * 1000, percentile(api, 0.95) * 1000
    log(f"latency of candidates for a vacancy: raw p50 {percentile(raw, 0.5) * 1000:.1f} ms p95 {raw_p95:.1f} ms; "
        f"API p50 {percentile(api, 0.5) * 1000:.1f} ms p95 {api_p95:.1f} ms")
    with_bonus, without = results[("candidates", True)], results[("candidates", False)]
    return {
        "ndcg10": f"{with_bonus['ndcg10']:.3f}", "ndcg10_no_bonus": f"{without['ndcg10']:.3f}",
        "ndcg10_jobs": f"{results[('jobs', True)]['ndcg10']:.3f}",
        "ndcg10_jobs_no_bonus": f"{results[('jobs', False)]['ndcg10']:.3f}",
        "priority_exposure": f"{with_bonus['exposure']:.3f}", "priority_exposure_no_bonus": f"{without['exposure']:.3f}",
        "priority_share": f"{with_bonus['share']:.3f}",
        "api_ids_equal": f"{jobs_equal + candidates_equal}/{len(seeker_sample) + options.requests}",
        "api_p95_ratio": f"{api_p95 / raw_p95:.2f}",
    }


if __name__ == "__main__":
    main()
