"""Offline evaluation of matching: ranking quality against known ground truth, the priority bonus's effect on
exposure, and what the API adds to a matching request.

Run from the repository root with the project's venv, Elasticsearch running (see bench/README.md):

    .venv/bin/python bench/matching_eval.py [--vacancies 2000] [--job-seekers 20000] [--sample 300] [--requests 300]

It builds a synthetic population in its own SQLite database (.cache/bench/matching.db) and behind its own index
aliases (jobmatch-bench-matching-*), never the site's: vacancies and job seekers drawn from 30 occupations in three
provinces, a quarter of the job seekers with a verified priority status (nine in ten of them consenting to its use).
Ground truth comes from the rules below, not from the ranking. A vacancy suits a job seeker when all hold:
  - the same ISCO-08 minor group (first three digits) as one the seeker wants;
  - the vacancy lies within the seeker's commute radius plus 10 km (any distance in the province for one willing to
    relocate);
  - its pay reaches 90 % of what the seeker expects (or it is negotiable);
and the grade is 2 for the same unit group with a shared skill, else 1. The real query builders then run against the
real Elasticsearch, with the bonus and without it, for a sample of job seekers (jobs for a seeker) and of vacancies
(candidates for a vacancy), and it prints nDCG@10 (grades as gains, the ideal from every suitable pair) and recall@50
(suitable ones in the first 50, out of at most 50). Exposure: the priority workers' share of the top-10 candidate
slots, against their share of the suitable candidates of the same vacancies. Latency: GET
/api/v1/vacancies/<id>/matches through the app (in process, with an officer's token) against the same query sent
raw with the same client, alternating, at concurrency 1. The last line is:

    RESULT ndcg10=<x> ndcg10_no_bonus=<y> priority_exposure=<a> priority_share=<b> api_p95_ratio=<r>

where the nDCG figures are those of candidates for a vacancy (where the bonus acts on people).
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
from sqlalchemy import func, insert, select  # noqa: E402

from jobmatch import create_app  # noqa: E402
from jobmatch.demo.tables import OCCUPATIONS  # noqa: E402
from jobmatch.extensions import db, search_client, search_indexes  # noqa: E402
from jobmatch.models import Account, Centre, Consent, Employer, JobSeeker, PriorityStatus, Vacancy, Ward  # noqa: E402
from jobmatch.rules.clock import utc_now, vietnam_today  # noqa: E402
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
INDEX_PREFIX = "jobmatch-bench-matching"
PROVINCES = ("01", "79", "31")  # Hà Nội, TP Hồ Chí Minh, Hải Phòng
RADII = (5, 10, 20, 30, 50)


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


# The synthetic population ------------------------------------------------------------------------------------

def build_world(vacancies, job_seekers, seed):
    """Vacancies and job seekers drawn from the seed's occupations, all in bulk; returns nothing (read back later)."""
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
    officer = Account(role="officer", email="officer@bench.jobmatch.vn", password_hash="-", display_name="Cán bộ",
                      centre_id=centres["01"])
    employer = Employer(name="Công ty Đánh giá", tax_code="0100000001", verified=True, verified_at=utc_now())
    db.session.add_all([officer, employer])
    db.session.flush()
    today, now = vietnam_today(), utc_now()
    rows = []
    for _ in range(vacancies):
        isco, titles, _sector, skills, (low, high), types = rng.choice(OCCUPATIONS)
        salary_min = int(rng.uniform(low, (low + high) / 2) * 1_000_000) // 100_000 * 100_000
        rows.append({
            "employer_id": employer.id, "title": rng.choice(titles), "description": "", "isco_code": isco,
            "skills": rng.sample(skills, k=min(len(skills), rng.randint(1, 3))), "ward_code": rng.choice(wards)[0],
            "salary_min": salary_min, "salary_max": int(salary_min * rng.uniform(1.1, 1.6)) // 100_000 * 100_000,
            "salary_negotiable": False, "employment_type": rng.choice(types), "openings": rng.randint(1, 10),
            "deadline": today + timedelta(days=rng.randint(5, 60)), "status": "open",
            "welcomes_priority": rng.random() < 0.3, "no_experience_required": rng.random() < 0.4,
            "posted_at": now - timedelta(days=rng.randint(0, 30)), "version": 1,
        })
    db.session.execute(insert(Vacancy), rows)
    for start in range(0, job_seekers, 5000):
        people = []
        for number in range(start, min(start + 5000, job_seekers)):
            occupations = rng.sample(OCCUPATIONS, k=rng.choice([1, 1, 2]))
            ward, province = rng.choice(wards)
            low, high = occupations[0].salary_millions
            people.append(
                {
                    "full_name": f"Người đánh giá {number}",
                    "citizen_id": f"0{province}095{number:06d}",
                    "ward_code": ward,
                    "centre_id": centres[province],
                    "desired_isco_codes": [occupation.isco_code for occupation in occupations],
                    "skills": sorted(
                        {skill for occupation in occupations for skill in rng.sample(occupation.skills, k=min(2, len(occupation.skills)))}
                    ),
                    "experience_years": rng.choice([0, 0, 1, 3, 5]),
                    "expected_salary": int(rng.uniform(low, high) * 1_000_000) // 500_000 * 500_000,
                    "commute_radius_km": rng.choice(RADII),
                    "willing_to_relocate": rng.random() < 0.15,
                    "willing_abroad": False,
                    "abroad_countries": [],
                    "languages": [],
                    "visibility": "public",
                    "created_at": now,
                    "updated_at": now - timedelta(days=rng.randint(0, 60)),
                    "version": 1,
                }
            )
        db.session.execute(insert(JobSeeker), people)
        ids = db.session.scalars(select(JobSeeker.id).order_by(JobSeeker.id.desc()).limit(len(people))).all()
        consents, statuses = [], []
        for job_seeker_id in ids:
            consents.append({"job_seeker_id": job_seeker_id, "purpose": "show_profile", "version": 1, "given_at": now})
            if rng.random() < 0.25:
                statuses.append({"job_seeker_id": job_seeker_id, "category": rng.choice(["poor", "near_poor", "escaped_poverty"]),
                                 "evidence": "Danh sách hộ nghèo", "valid_until": today + timedelta(days=300),
                                 "verified_at": now, "verified_by_id": officer.id, "recorded_by_id": officer.id})
                if rng.random() < 0.9:
                    consents.append({"job_seeker_id": job_seeker_id, "purpose": "priority_ranking", "version": 1, "given_at": now})
        db.session.execute(insert(Consent), consents)
        if statuses:
            db.session.execute(insert(PriorityStatus), statuses)
    db.session.commit()


def prepare(app, vacancies, job_seekers, seed, log):
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    with app.app_context():
        if not is_healthy(search_client()):
            sys.exit("Elasticsearch does not answer: run scripts/elasticsearch.sh start")
        try:
            held = (db.session.scalar(select(func.count()).select_from(Vacancy)),
                    db.session.scalar(select(func.count()).select_from(JobSeeker)))
        except Exception:
            db.session.rollback()
            held = None
        if held != (vacancies, job_seekers):
            log(f"building {vacancies:,} vacancies and {job_seekers:,} job seekers")
            db.engine.dispose()
            DATABASE_PATH.unlink(missing_ok=True)
            build_world(vacancies, job_seekers, seed)
        for entity in ("vacancy", "job_seeker"):
            alias = search_index.ENTITIES[entity].alias_of(search_indexes())
            documents = search_client().count(index=alias)["count"] if search_client().indices.exists_alias(name=alias) else -1
            expected = vacancies if entity == "vacancy" else job_seekers
            # Job seekers always: their documents carry the bonus of the configuration being evaluated.
            if documents != expected or entity == "job_seeker":
                log(f"indexing {entity}: {expected:,} documents")
                search_index.rebuild_index(entity_name=entity)


# Ground truth and measures ------------------------------------------------------------------------------------

def distance_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def grade(seeker, vacancy):
    """The ground truth of one pair (see the module's docstring)."""
    minors = {code[:3] for code in seeker["codes"]}
    if vacancy["isco"][:3] not in minors:
        return 0
    if seeker["relocate"]:
        if seeker["province"] != vacancy["province"]:
            return 0
    elif distance_km(seeker["location"], vacancy["location"]) > seeker["radius"] + 10:
        return 0
    if vacancy["salary_max"] < 0.9 * (seeker["expected"] or 0):
        return 0
    shares_skill = bool({skill.lower() for skill in seeker["skills"]} & {skill.lower() for skill in vacancy["skills"]})
    return 2 if vacancy["isco"] in seeker["codes"] and shares_skill else 1


def ndcg_at(ranked_grades, all_grades, k=10):
    dcg = sum((2 ** g - 1) / math.log2(position + 2) for position, g in enumerate(ranked_grades[:k]))
    ideal = sorted(all_grades, reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(position + 2) for position, g in enumerate(ideal))
    return dcg / idcg if idcg else None


def recall_at(ranked_grades, relevant, k=50):
    return sum(1 for g in ranked_grades[:k] if g > 0) / min(relevant, k) if relevant else None


def load_population():
    vacancies = {
        row.id: {"id": row.id, "isco": row.isco_code, "skills": row.skills, "location": (row.latitude, row.longitude),
                 "province": row.province_code, "salary_max": row.salary_max}
        for row in db.session.execute(select(Vacancy.id, Vacancy.isco_code, Vacancy.skills, Vacancy.salary_max, Ward.latitude,
                                             Ward.longitude, Ward.province_code).join(Ward, Vacancy.ward_code == Ward.code))
    }
    priority = set(db.session.scalars(select(PriorityStatus.job_seeker_id)))
    seekers = {
        row.id: {"id": row.id, "codes": row.desired_isco_codes, "skills": row.skills, "location": (row.latitude, row.longitude),
                 "province": row.province_code, "radius": row.commute_radius_km, "relocate": row.willing_to_relocate,
                 "expected": row.expected_salary, "priority": row.id in priority}
        for row in db.session.execute(select(
            JobSeeker.id, JobSeeker.desired_isco_codes, JobSeeker.skills, JobSeeker.commute_radius_km,
            JobSeeker.willing_to_relocate, JobSeeker.expected_salary, Ward.latitude, Ward.longitude, Ward.province_code,
        ).join(Ward, JobSeeker.ward_code == Ward.code))
    }
    return vacancies, seekers


def ranked_ids(index, body, seed):
    body = {**body, "size": 50}
    hits = search_client().search(index=index, **body)["hits"]["hits"]
    return [int(hit["_id"]) for hit in fair_order(hits, seed=seed)]


def evaluate_candidates(vacancies, seekers, sample, today, bonus):
    ndcgs, recalls, top_slots, top_priority, suitable, suitable_priority = [], [], 0, 0, 0, 0
    for vacancy_id in sample:
        vacancy = vacancies[vacancy_id]
        grades = {seeker_id: grade(seeker, vacancy) for seeker_id, seeker in seekers.items()}
        relevant = [g for g in grades.values() if g > 0]
        body = build_candidates_for_vacancy(
            matching_service.vacancy_profile(db.session.get(Vacancy, vacancy_id), today), today=today, bonus=bonus
        )
        ranked = ranked_ids(search_indexes().job_seekers, body, daily_seed(today, f"vacancy:{vacancy_id}"))
        ranked_grades = [grades.get(seeker_id, 0) for seeker_id in ranked]
        ndcgs.append(ndcg_at(ranked_grades, relevant))
        recalls.append(recall_at(ranked_grades, len(relevant)))
        top_slots += len(ranked[:10])
        top_priority += sum(1 for seeker_id in ranked[:10] if seekers[seeker_id]["priority"])
        suitable += len(relevant)
        suitable_priority += sum(1 for seeker_id, g in grades.items() if g > 0 and seekers[seeker_id]["priority"])
    return {
        "ndcg10": statistics.fmean(value for value in ndcgs if value is not None),
        "recall50": statistics.fmean(value for value in recalls if value is not None),
        "exposure": top_priority / top_slots, "share": suitable_priority / suitable,
    }


def evaluate_jobs(vacancies, seekers, sample, today, bonus):
    ndcgs, recalls = [], []
    for seeker_id in sample:
        seeker = seekers[seeker_id]
        grades = {vacancy_id: grade(seeker, vacancy) for vacancy_id, vacancy in vacancies.items()}
        relevant = [g for g in grades.values() if g > 0]
        profile = matching_service.seeker_profile(db.session.get(JobSeeker, seeker_id), today)
        if not bonus:
            profile.priority_bonus = 0.0
        ranked = ranked_ids(search_indexes().vacancies, build_jobs_for_seeker(profile, today=today),
                            daily_seed(today, f"job_seeker:{seeker_id}"))
        ranked_grades = [grades.get(vacancy_id, 0) for vacancy_id in ranked]
        ndcgs.append(ndcg_at(ranked_grades, relevant))
        recalls.append(recall_at(ranked_grades, len(relevant)))
    return {"ndcg10": statistics.fmean(value for value in ndcgs if value is not None),
            "recall50": statistics.fmean(value for value in recalls if value is not None)}


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure_latency(app, sample, requests, today):
    """API (in process, through routing, authorization, the database and marshmallow) against the raw query."""
    officer = db.session.scalar(select(Account).where(Account.role == "officer"))
    _, token = account_service.create_api_token(actor=officer, name="benchmark")
    client = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    raw, api = [], []
    bodies = {
        vacancy_id: build_candidates_for_vacancy(matching_service.vacancy_profile(db.session.get(Vacancy, vacancy_id), today), today=today)
        for vacancy_id in sample
    }
    for number in range(requests):
        vacancy_id = sample[number % len(sample)]
        for kind in (("raw", "api") if number % 2 == 0 else ("api", "raw")):
            started = time.perf_counter()
            if kind == "raw":
                search_client().search(index=search_indexes().job_seekers, **bodies[vacancy_id])
                raw.append(time.perf_counter() - started)
            else:
                response = client.get(f"/api/v1/vacancies/{vacancy_id}/matches", headers=headers)
                api.append(time.perf_counter() - started)
                assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return percentile(raw, 0.95) * 1000, percentile(api, 0.95) * 1000, statistics.median(raw) * 1000, statistics.median(api) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vacancies", type=int, default=2000)
    parser.add_argument("--job-seekers", type=int, default=20000)
    parser.add_argument("--sample", type=int, default=300, help="job seekers and vacancies evaluated")
    parser.add_argument("--requests", type=int, default=300, help="timed requests of each kind")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--elasticsearch-url", default="http://127.0.0.1:9200")
    parser.add_argument("--bonus", type=float, help="try another bonus per category (cap twice it) instead of the configured ones")
    options = parser.parse_args()

    def log(message):
        print(message, flush=True)

    app = bench_app(options.elasticsearch_url, options.bonus)
    prepare(app, options.vacancies, options.job_seekers, options.seed, log)
    with app.app_context():
        today = vietnam_today()
        vacancies, seekers = load_population()
        rng = random.Random(options.seed)
        vacancy_sample = rng.sample(sorted(vacancies), k=min(options.sample, len(vacancies)))
        seeker_sample = rng.sample(sorted(seekers), k=min(options.sample, len(seekers)))
        results = {}
        for bonus in (True, False):
            started = time.perf_counter()
            results[("candidates", bonus)] = evaluate_candidates(vacancies, seekers, vacancy_sample, today, bonus)
            results[("jobs", bonus)] = evaluate_jobs(vacancies, seekers, seeker_sample, today, bonus)
            log(f"evaluated {'with' if bonus else 'without'} the bonus in {time.perf_counter() - started:.0f} s")
        for kind in ("jobs", "candidates"):
            for bonus in (True, False):
                figures = results[(kind, bonus)]
                log(f"{kind:10} {'bonus   ' if bonus else 'no bonus'} nDCG@10 {figures['ndcg10']:.3f}  recall@50 {figures['recall50']:.3f}"
                    + (f"  priority top-10 exposure {figures['exposure']:.3f} (share of suitable {figures['share']:.3f})"
                       if kind == "candidates" else ""))
        raw_p95, api_p95, raw_p50, api_p50 = measure_latency(app, vacancy_sample, options.requests, today)
        log(f"latency of candidates for a vacancy: raw p50 {raw_p50:.1f} ms p95 {raw_p95:.1f} ms; "
            f"API p50 {api_p50:.1f} ms p95 {api_p95:.1f} ms")
    with_bonus, without = results[("candidates", True)], results[("candidates", False)]
    print(
        f"RESULT ndcg10={with_bonus['ndcg10']:.3f} ndcg10_no_bonus={without['ndcg10']:.3f} "
        f"priority_exposure={with_bonus['exposure']:.3f} priority_share={with_bonus['share']:.3f} "
        f"api_p95_ratio={api_p95 / raw_p95:.2f}"
    )


if __name__ == "__main__":
    main()
