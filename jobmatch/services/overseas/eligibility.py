"""A worker's eligibility for overseas programmes on a day, each rule's verdict in plain words."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from jobmatch import labels
from jobmatch.extensions import db
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.overseas import Programme, ProgrammeVersion
from jobmatch.models.place import Ward
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.overseas import SeekerFacts, check_eligibility
from jobmatch.services import place as place_service
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.overseas.programme import find_programme, list_programmes, programme_by_code


def seeker_facts(job_seeker):
    ward = job_seeker.ward
    return SeekerFacts(
        birth_date=job_seeker.birth_date, languages=list(job_seeker.languages or []), health_check_on=job_seeker.health_check_on,
        overstayed_abroad=bool(job_seeker.overstayed_abroad), ward_code=job_seeker.ward_code,
        province_code=ward.province_code if ward else None,
    )


@dataclass
class ProgrammeEligibility:
    programme: Programme
    version: ProgrammeVersion
    on: date
    eligible: bool
    verdicts: list  # of dicts: rule, passed, reason, params, message


def area_names(areas):
    """{code: "ward, province" or the province's name} of the areas ({"ward_code" or "province_code": …}) named."""
    ward_codes = [area["ward_code"] for area in areas if area.get("ward_code")]
    names = {ward.code: ward.label for ward in db.session.scalars(select(Ward).where(Ward.code.in_(ward_codes)))} if ward_codes else {}
    names.update((province.code, province.name) for province in place_service.list_provinces())
    return names


def _with_messages(verdicts):
    names = area_names([verdict.params for verdict in verdicts])
    return [
        {**verdict.as_dict(), "message": labels.verdict_message(
            verdict, names.get(verdict.params.get("ward_code")) or names.get(verdict.params.get("province_code")))}
        for verdict in verdicts
    ]


def judge(job_seeker, version, on):
    result = check_eligibility(version.rules, seeker_facts(job_seeker), on)
    return ProgrammeEligibility(version.programme, version, on, result.eligible, _with_messages(result.verdicts))


def judge_all(job_seeker, on):
    """The worker judged on a day under the version in force of every programme."""
    return [judge(job_seeker, programme.current, on) for programme in list_programmes()]


def eligibility(*, actor, job_seeker_id, on=None, programme_code=None):
    """For the person and their centre's officers: each programme (or one), eligible or not on a day (today by default),
    with every rule's verdict in plain words, under the version in force."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.read", job_seeker)
    on = on or vietnam_today()
    if programme_code:
        return [judge(job_seeker, programme_by_code(programme_code).current, on)]
    return judge_all(job_seeker, on)


def ineligible_programme_codes(job_seeker, today):
    """The programmes whose vacancies matching must not offer this person."""
    return sorted(
        programme.code for programme in list_programmes()
        if not check_eligibility(programme.current.rules, seeker_facts(job_seeker), today).eligible
    )


def eligible_job_seeker_ids(job_seeker_ids, programme_code, today):
    """Those of these job seekers eligible for the programme today: the hard filter of overseas candidates."""
    programme = find_programme(programme_code)
    if programme is None:
        return set(job_seeker_ids)
    seekers = db.session.scalars(select(JobSeeker).where(JobSeeker.id.in_(job_seeker_ids))).all()
    rules = programme.current.rules
    return {seeker.id for seeker in seekers if check_eligibility(rules, seeker_facts(seeker), today).eligible}
