"""Matching use cases: the vacancies that fit a job seeker and the candidates that fit a vacancy, each with the
reasons it ranks where it does, near-ties taking turns day by day; and Elasticsearch's own explanation for officers.

Elasticsearch scores (search/matching.py); the database supplies the rows shown, in Elasticsearch's order.
"""
import math
from dataclasses import dataclass

from elasticsearch import NotFoundError
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch.extensions import db, search_client, search_indexes
from jobmatch.i18n import N_
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.vacancy import Vacancy
from jobmatch.models.vacancy_place import VacancyPlace
from jobmatch.rules.candidate import coarse_distance_km
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.exchange_rate import rate_table
from jobmatch.rules.money import monthly_vnd_range
from jobmatch.schemas.page import PAGE_SIZE
from jobmatch.services import application as application_service
from jobmatch.services import candidate_list
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import occupation as occupation_service
from jobmatch.services import overseas as overseas_service
from jobmatch.services import place as place_service
from jobmatch.services.authorization import authorize, can, find_for
from jobmatch.services.errors import NotFound, search_failures_as
from jobmatch.services.page import Page, ranking_page
from jobmatch.services.vacancy import vacancy_summaries
from jobmatch.services.vacancy_place import nearest
from search.matching import (
    MATCH_WINDOW,
    SeekerProfile,
    VacancyProfile,
    build_candidates_for_vacancy,
    build_jobs_for_seeker,
    daily_seed,
    explain_hit,
    fair_order,
)

ELIGIBILITY_WINDOW = 300  # candidates read for an overseas programme's vacancy, before the eligibility check

MATCHING_UNAVAILABLE = N_("Matching is temporarily unavailable. Please try again in a few minutes.")


@dataclass
class Match:
    item: object  # a vacancy summary (dict) or a candidate (dict)
    explanation: object  # search.matching.Explanation
    distance_km: float | None  # None: abroad, or a place not known
    willing_to_relocate: bool = False  # the job seeker said they would move for work (then distance weighs less)


def _search(index, body):
    with search_failures_as(_(MATCHING_UNAVAILABLE)):
        return search_client().search(index=index, **body)


def _location(ward_code):
    ward = place_service.ward_point(ward_code) if ward_code else None
    return (ward.latitude, ward.longitude) if ward else None


def _distance_km(a, b):
    """Great-circle distance, for the reader (the ranking's decay works on the same coordinates in Elasticsearch)."""
    if not a or not b:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return round(2 * 6371 * math.asin(math.sqrt(h)), 1)


def seeker_profile(job_seeker, today):
    return SeekerProfile(
        desired_isco_codes=list(job_seeker.desired_isco_codes or []), skills=list(job_seeker.skills or []),
        location=_location(job_seeker.ward_code), commute_radius_km=job_seeker.commute_radius_km or 0,
        willing_to_relocate=job_seeker.willing_to_relocate, willing_abroad=job_seeker.willing_abroad,
        abroad_countries=list(job_seeker.abroad_countries or []), expected_salary=job_seeker.expected_salary,
        experience_years=job_seeker.experience_years or 0,
        priority_bonus=job_seeker_service.priority_bonuses([job_seeker.id], today).get(job_seeker.id, 0.0),
        excluded_programmes=overseas_service.ineligible_programme_codes(job_seeker, today) if job_seeker.willing_abroad else [],
    )


def jobs_for_job_seeker(*, actor, job_seeker_id, size=PAGE_SIZE, after=None):
    """The open vacancies that fit a job seeker best, for the person and their centre's officers: a page of the day's
    ranking of the best MATCH_WINDOW (total counts every match). A priority worker (verified status in force, with
    consent) sees vacancies that welcome priority groups lifted by their bonus."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.read", job_seeker)
    today = vietnam_today()
    profile = seeker_profile(job_seeker, today)
    response = _search(search_indexes().vacancies, build_jobs_for_seeker(profile, today=today))
    hits, next_after = ranking_page(
        fair_order(response["hits"].get("hits", []), seed=daily_seed(today, f"job_seeker:{job_seeker.id}")),
        list_name="matches_of_job_seeker", edition=today.isoformat(), size=size, after=after,
    )
    ids = [int(hit["_id"]) for hit in hits]
    summaries = vacancy_summaries(ids)
    matches = [
        Match(
            summaries[int(hit["_id"])],
            explain_hit(hit, skills_asked=profile.skills,
                        bonus=profile.priority_bonus if summaries[int(hit["_id"])]["welcomes_priority"] else 0.0),
            nearest(profile.location, summaries[int(hit["_id"])]["places"])[1],
            profile.willing_to_relocate,
        )
        for hit in hits if int(hit["_id"]) in summaries
    ]
    return Page(matches, response["hits"]["total"]["value"], next_after)


def vacancy_profile(vacancy, today):
    # The pay as đồng a month, the unit of the job seeker's wish.
    salary_min, salary_max = monthly_vnd_range(vacancy.salary_min, vacancy.salary_max, currency=vacancy.salary_currency,
                                               unit=vacancy.salary_unit, rates=rate_table().rates)
    return VacancyProfile(
        isco_code=vacancy.isco_code, skills=list(vacancy.skills or []),
        locations=[(view["latitude"], view["longitude"]) for view in map(VacancyPlace.view, vacancy.places)],
        is_overseas=vacancy.is_overseas, destination_country=vacancy.destination_country, salary_max=salary_max,
        salary_min=salary_min, salary_negotiable=vacancy.salary_negotiable, no_experience_required=vacancy.no_experience_required,
        area_bans=overseas_service.area_bans_in_force(vacancy.programme, today) if vacancy.is_overseas else [],
    )


def candidates_for_vacancy(*, actor, vacancy_id, size=PAGE_SIZE, after=None):
    """The job seekers who fit a vacancy best and agreed to an anonymous profile in candidate lists, for the employer of
    a vacancy that takes applications (published, employer verified) and for officers: a page of the day's ranking of
    the best in the window (total counts every match, as the index last knew it).
    The consent is read from the database at each list. Everyone appears anonymously (candidate_list.anonymous_profile,
    with a coarse distance) except to the officers of the person's own centre and to an employer the person applied or
    was referred to under their show-profile consent. Each list is audited; an employer's is counted against the daily
    cap of distinct candidates (DailyCapReached past it, nothing shown)."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "matching.candidates", vacancy)
    today = vietnam_today()
    profile = vacancy_profile(vacancy, today)
    checked = vacancy.is_overseas and vacancy.programme
    # Eligibility is checked on the rows after the search, so a programme's vacancy looks further down the ranking.
    window = ELIGIBILITY_WINDOW if checked else MATCH_WINDOW
    response = _search(search_indexes().job_seekers, build_candidates_for_vacancy(profile, size=window))
    hits = response["hits"].get("hits", [])
    total = response["hits"]["total"]["value"]
    if checked:
        # Eligibility is a hard filter, checked on the rows (age, certificate, health check, overstay) by the one rule;
        # the total is then an estimate when more than the window matched.
        eligible = overseas_service.eligible_job_seeker_ids([int(hit["_id"]) for hit in hits], vacancy.programme, today)
        total -= len(hits) - len(eligible)
        hits = [hit for hit in hits if int(hit["_id"]) in eligible]
    hits, next_after = ranking_page(fair_order(hits, seed=daily_seed(today, f"vacancy:{vacancy.id}")),
                                    list_name="matches_of_vacancy", edition=today.isoformat(), size=size, after=after)
    ids = [int(hit["_id"]) for hit in hits]
    people = {job_seeker.id: job_seeker for job_seeker in candidate_list.listable(
        db.session.scalars(select(JobSeeker).where(JobSeeker.id.in_(ids))).all())}
    profiles, bonuses = candidate_list.as_listed(actor=actor, vacancy=vacancy, job_seekers=list(people.values()), today=today)
    vacancy_places = list(map(VacancyPlace.view, vacancy.places))
    matches = []
    for hit in hits:
        job_seeker = people.get(int(hit["_id"]))
        if job_seeker is None:
            continue  # changed since it was indexed (consent withdrawn, hidden, deleted); the relay catches up
        candidate = profiles[job_seeker.id]
        explanation = explain_hit(hit, skills_asked=profile.skills, bonus=bonuses.get(job_seeker.id, 0.0))
        if not can(actor, "priority_status.read", job_seeker):
            # Employers and other centres see the mark, not the number: nor the score, from which score / relevance /
            # distance factor would give the bonus back.
            explanation.bonus = explanation.score = None
        distance = nearest(_location(job_seeker.ward_code), vacancy_places)[1]
        if candidate["anonymous"]:
            # An exact distance from a vacancy whose place the employer chooses would point at the ward.
            explanation.distance_factor, distance = None, coarse_distance_km(distance)
        matches.append(Match(candidate, explanation, distance, job_seeker.willing_to_relocate))
    candidate_list.record_list(actor=actor, vacancy=vacancy, job_seeker_ids=[match.item["id"] for match in matches],
                               contacts_shown=[match.item["id"] for match in matches if match.item["phone"]])
    return Page(matches, total, next_after)


def candidate_profile(*, actor, vacancy_id, job_seeker_id):
    """One candidate of a vacancy's list as that list shows them, for its readers (a person not in the lists is not
    found), with their application when the reader is the employer they applied to; audited and counted against the
    daily cap like a list of one."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "matching.candidates", vacancy)
    job_seeker = db.session.get(JobSeeker, job_seeker_id)
    if job_seeker is None or not candidate_list.listable([job_seeker]):
        raise NotFound("job_seeker", job_seeker_id)
    profiles, _bonuses = candidate_list.as_listed(actor=actor, vacancy=vacancy, job_seekers=[job_seeker], today=vietnam_today())
    candidate_list.record_list(actor=actor, vacancy=vacancy, job_seeker_ids=[job_seeker.id],
                               contacts_shown=[job_seeker.id] if profiles[job_seeker.id]["phone"] else [])
    application = application_service.of_candidate(actor=actor, vacancy=vacancy, job_seeker_id=job_seeker.id)
    profile = profiles[job_seeker.id]
    return {**profile, "vacancy": vacancy, "application": application,
            "occupations": occupation_service.group_labels(profile.get("desired_isco_codes") or [])}


def explain_candidate(*, actor, vacancy_id, job_seeker_id):
    """Elasticsearch's full explanation of one candidate's score for one vacancy, for the officers of the centre that
    serves the candidate (it shows the bonus's multiplier, which only they may see)."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "matching.explain", find_for(actor, JobSeeker, job_seeker_id))
    body = build_candidates_for_vacancy(vacancy_profile(vacancy, vietnam_today()))
    with search_failures_as(_(MATCHING_UNAVAILABLE)):
        try:
            response = search_client().explain(index=search_indexes().job_seekers, id=str(job_seeker_id), query=body["query"])
        except NotFoundError as error:
            if isinstance(error.body, dict) and "_id" in error.body:
                raise NotFound("job_seeker", job_seeker_id) from error  # no such document: a hidden profile, or one not indexed yet
            raise  # a missing index: search is unavailable
    return {"matched": response.get("matched", False), "explanation": response.get("explanation")}
