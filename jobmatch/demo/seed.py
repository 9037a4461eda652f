"""Deterministic Vietnamese demo data, in bulk: centres and their officers, employers, vacancies at home and abroad, job
seekers with priority statuses and consents, applications with placements, overseas cases, and demo accounts."""
import random

from sqlalchemy import func, select

from jobmatch.demo.accounts import centres_and_officers, demo_accounts
from jobmatch.demo.applications import seed_applications
from jobmatch.demo.employers import seed_employers
from jobmatch.demo.job_seekers import seed_job_seekers
from jobmatch.demo.overseas import seed_overseas_cases
from jobmatch.demo.places import SEEKER_PROVINCE_WEIGHTS, VACANCY_PROVINCE_WEIGHTS, weighted_wards
from jobmatch.demo.vacancies import seed_vacancies
from jobmatch.extensions import db
from jobmatch.models.place import Ward
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today


def seed_demo_data(*, employers=200, vacancies=2000, job_seekers=5000, applications=0, overseas_cases=0, seed=2025,
                   progress=None, only_if_empty=False):
    """Insert demo rows in bulk; returns counts, or None when only_if_empty and vacancies exist already.

    The same seed on the same day gives the same data. Bulk inserts bypass the search outbox, so the caller rebuilds
    the indexes afterwards (reconciliation would catch them too). progress(what, done, total) hears of each batch.
    """
    if only_if_empty and db.session.scalar(select(func.count()).select_from(Vacancy)):
        return None
    rng = random.Random(seed)
    wards = db.session.execute(select(Ward.code, Ward.province_code)).all()
    if not wards:
        raise RuntimeError("No administrative units: run `flask reference load` first")
    vacancy_wards = weighted_wards(wards, VACANCY_PROVINCE_WEIGHTS)
    seeker_wards = weighted_wards(wards, SEEKER_PROVINCE_WEIGHTS)
    today = vietnam_today()
    now = utc_now()
    province_of_ward = dict(wards)
    centres, officers = centres_and_officers(progress)
    employer_ids, agency_ids, domestic_ids, public_ids = seed_employers(
        rng, employers, wards=vacancy_wards, officers=officers, province_of_ward=province_of_ward, now=now, progress=progress,
    )
    seed_vacancies(rng, vacancies, domestic_ids=domestic_ids, agency_ids=agency_ids, public_ids=public_ids, wards=vacancy_wards,
                   today=today, now=now, progress=progress)
    seekers, first_id, statuses = seed_job_seekers(
        rng, job_seekers, wards=seeker_wards, centres=centres, officers=officers, province_of_ward=province_of_ward,
        today=today, now=now, progress=progress, keep=bool(applications or overseas_cases),
    )
    if applications and seekers:
        seed_applications(rng, applications, seekers=seekers, vacancy_count=vacancies, now=now, progress=progress)
    if overseas_cases and seekers:
        overseas_cases = seed_overseas_cases(rng, overseas_cases, seekers=seekers, agency_ids=agency_ids, today=today,
                                             progress=progress)
    if first_id:
        demo_accounts(first_id, employer_ids[0])
    db.session.commit()
    return {"employers": employers, "vacancies": vacancies, "job_seekers": job_seekers, "priority_statuses": statuses,
            "applications": applications if seekers else 0, "overseas_cases": overseas_cases if seekers else 0,
            "centres": len(centres)}
