"""Candidate lists within consent: who may be listed (the anonymous-listing consent, read from the database at each
list, whatever the index says), what an anonymous profile shows, whom an employer sees in full (an application or a
referral to it, under the show-profile consent), and the audit and daily cap of the lists shown."""
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.application import Application
from jobmatch.models.candidate_list import CandidateExposure, CandidateListView
from jobmatch.models.consent import Consent, consent_in_force
from jobmatch.models.employer import Employer
from jobmatch.models.invitation import Invitation, ReferralRequest
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.candidate import age_band
from jobmatch.rules.clock import VIETNAM, vietnam_day_start_utc, vietnam_today
from jobmatch.services import audit
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services.authorization import can
from jobmatch.services.errors import DailyCapReached
from jobmatch.services.transaction import commit


def consenting(purpose, job_seeker_ids):
    """Those of these people with this consent in force (one query)."""
    if not job_seeker_ids:
        return set()
    return set(db.session.scalars(
        select(Consent.job_seeker_id).where(Consent.job_seeker_id.in_(job_seeker_ids), consent_in_force(purpose))
    ))


def listable(job_seekers):
    """Those of these profiles that may appear in a candidate list now: the anonymous-listing consent in force, not
    hidden, not deleted. Read from the database, so a withdrawal counts at once, before the index catches up."""
    consented = consenting("anonymous_listing", [job_seeker.id for job_seeker in job_seekers])
    return [
        job_seeker for job_seeker in job_seekers
        if job_seeker.id in consented and job_seeker.visibility != "hidden" and not job_seeker.anonymized_at
    ]


def shown_in_full_to(employer_id, job_seeker_ids):
    """Those of these people the employer may see in full: they applied or were referred to one of its vacancies, and
    still consent to show their profile to such employers."""
    if not job_seeker_ids:
        return set()
    applied = set(db.session.scalars(
        select(Application.job_seeker_id).join(Vacancy, Application.vacancy_id == Vacancy.id)
        .where(Vacancy.employer_id == employer_id, Application.job_seeker_id.in_(job_seeker_ids))
    ))
    return applied & consenting("show_profile", applied)


@dataclass(frozen=True)
class ListedPlace:
    """A ward or province as a list shows it, copied from its row: the list's audit commits before the page is shown,
    which would otherwise read each row again."""

    code: str
    name: str
    province_code: str | None = None
    province: "ListedPlace | None" = None
    label: str | None = None  # "Phường Ba Đình, Thành phố Hà Nội"


def _listed_province(province):
    return ListedPlace(province.code, province.name, province.code) if province else None


def _listed_ward(ward):
    return ListedPlace(ward.code, ward.name, ward.province_code, _listed_province(ward.province), ward.label) if ward else None


def anonymous_profile(job_seeker, today):
    """What a candidate list shows of a person who has not applied: what the job needs and the province, nothing that
    names, reaches or places them (no name, phone, ward, birth date, ethnicity or priority mark)."""
    return {
        "id": job_seeker.id,
        "anonymous": True,
        "full_name": None,
        "phone": None,
        "ward": None,
        "province": _listed_province(job_seeker.ward.province) if job_seeker.ward else None,
        "age_band": age_band(job_seeker.birth_date, today),
        "desired_isco_codes": list(job_seeker.desired_isco_codes or []),
        "skills": list(job_seeker.skills or []),
        "experience_years": job_seeker.experience_years,
        "education_level": job_seeker.education_level,
        "languages": list(job_seeker.languages or []),
        "priority_candidate": False,
    }


def full_profile(job_seeker, priority_mark, today):
    """What the person's own centre, and an employer they applied or were referred to, see."""
    return {
        **anonymous_profile(job_seeker, today),
        "anonymous": False,
        "full_name": job_seeker.full_name,
        "phone": job_seeker.phone,
        "ward": _listed_ward(job_seeker.ward),
        "priority_candidate": priority_mark,
    }


def _answers(actor, vacancy, job_seeker_ids):
    """{job seeker id: status} of the invitations (the employer's) or referral requests (an officer's) for this vacancy."""
    if can(actor, "invitation.list_for_vacancy", vacancy):
        model = Invitation
    elif actor.role == "officer":
        model = ReferralRequest
    else:
        return {}
    return dict(db.session.execute(
        select(model.job_seeker_id, model.status).where(model.vacancy_id == vacancy.id, model.job_seeker_id.in_(job_seeker_ids))
    ).all())


def as_listed(*, actor, vacancy, job_seekers, today):
    """({id: profile}, {id: ranking bonus}) of listable people as this reader sees them in the vacancy's list: in full
    to the officers of the person's own centre and to an employer the person applied or was referred to (under the
    show-profile consent, unless their profile's visibility is anonymous), anonymously to everyone else; with the
    answer to any invitation or referral request."""
    ids = [job_seeker.id for job_seeker in job_seekers]
    if not ids:
        return {}, {}
    # its keys are the people employers may see marked "priority candidate" in a full profile
    bonuses = job_seeker_service.priority_bonuses(ids, today)
    in_full = shown_in_full_to(vacancy.employer_id, ids) if actor.role == "employer" else set()
    answers = _answers(actor, vacancy, ids)
    profiles = {}
    for job_seeker in job_seekers:
        serves = can(actor, "job_seeker.read", job_seeker)
        if serves or (job_seeker.id in in_full and job_seeker.visibility != "anonymous"):
            profile = full_profile(job_seeker, job_seeker.id in bonuses, today)
        else:
            profile = anonymous_profile(job_seeker, today)
        profiles[job_seeker.id] = {**profile, "serves": serves, "invitation": answers.get(job_seeker.id)}
    return profiles, bonuses


def seconds_to_midnight():
    """Until the daily caps start again: midnight in Vietnam."""
    now = datetime.now(VIETNAM)
    return max(1, int((datetime.combine(now.date() + timedelta(days=1), time(), VIETNAM) - now).total_seconds()))


def today_began_utc():
    """Vietnam's midnight this morning, as a naive UTC time like the stored ones."""
    return vietnam_day_start_utc(vietnam_today())


def record_list(*, actor, vacancy, job_seeker_ids, contacts_shown=()):
    """Audit a list shown (who, which vacancy, how many, when; and a read of each person whose phone it showed,
    contacts_shown: to an officer of their centre, or to the employer they applied or were referred to) and, for an
    employer, count the distinct people it was shown today against CANDIDATE_DAILY_CAP: past the cap the list is refused
    (DailyCapReached) and nothing is stored. The employer's row is locked while counting, so that concurrent lists on any
    number of workers count once."""
    employer_id = vacancy.employer_id if actor.role == "employer" else None
    if employer_id is not None:
        db.session.execute(select(Employer.id).where(Employer.id == employer_id).with_for_update())
        today = vietnam_today()
        seen = set(db.session.scalars(select(CandidateExposure.job_seeker_id).where(
            CandidateExposure.employer_id == employer_id, CandidateExposure.day == today)))
        new = set(job_seeker_ids) - seen
        cap = current_app.config["CANDIDATE_DAILY_CAP"]
        if len(seen) + len(new) > cap:
            db.session.rollback()
            raise DailyCapReached(seconds_to_midnight(), _(
                "Your company has been shown the most candidates allowed in one day (%(cap)d). "
                "The candidate lists open again tomorrow; your applications and invitations are not affected.", cap=cap,
            ))
        db.session.add_all(CandidateExposure(employer_id=employer_id, day=today, job_seeker_id=job_seeker_id) for job_seeker_id in new)
    db.session.add(CandidateListView(actor_id=actor.id, employer_id=employer_id, vacancy_id=vacancy.id, shown=len(job_seeker_ids)))
    audit.record_list_read(actor=actor, reads=[(audit.contacts_read_action(actor), contacts_shown)])
    commit()

