"""Application use cases: applying, referring, moving through the state machine, placements and their follow-ups."""
from flask_babel import gettext as _
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import selectinload

from jobmatch.extensions import db
from jobmatch.labels import APPLICATION_STATUSES
from jobmatch.models.application import (
    PLACEMENT_FROM,
    REJECTION_REASONS,
    TRANSITIONS,
    Application,
    ApplicationEvent,
    Placement,
    PlacementFollowUp,
    PlacementFollowUpCorrection,
)
from jobmatch.models.consent import Consent, consent_in_force
from jobmatch.models.job_fair import JobFair
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import as_vietnam_time, day_text, utc_now, vietnam_today
from jobmatch.rules.worklist import FOLLOW_UP_OPENS_AFTER_DAYS, follow_up_opens_on
from jobmatch.services import audit, notification
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services.authorization import authorize, can, find_for
from jobmatch.services.errors import InvalidRequest, NotFound
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit, commit_keeping_loaded, taken

EMPLOYER_MOVES = ("viewed", "shortlisted", "interviewed", "offered", "hired", "rejected")


def _open_vacancy(vacancy_id):
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None or not vacancy.is_public():
        raise InvalidRequest("vacancy_id", _("There is no such vacancy."))
    if not vacancy.is_accepting_applications(vietnam_today()):
        raise InvalidRequest("vacancy_id", _("This vacancy no longer takes applications."))
    return vacancy


def _new_application(*, vacancy, job_seeker, actor, source, job_fair_id=None):
    if "show_profile" not in job_seeker_service.active_consents(job_seeker.id):
        raise InvalidRequest(
            "consent", _("The job seeker has not agreed to show their profile to employers; record that consent first.")
        )
    if db.session.scalar(
        select(Application.id).where(Application.vacancy_id == vacancy.id, Application.job_seeker_id == job_seeker.id)
    ):
        raise taken("uq_application_vacancy_id")
    application = Application(
        vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, source=source, status="submitted", job_fair_id=job_fair_id,
        referred_by_id=actor.id if source != "self" else None,
    )
    application.events.append(ApplicationEvent(to_status="submitted", actor_id=actor.id))
    db.session.add(application)
    for account in vacancy.employer.accounts:
        notification.queue(
            account=account, kind="application_received", vacancy=vacancy.title,
            link=notification.page_link("application.for_vacancy", vacancy_id=vacancy.id),
        )
    return application


def apply(*, actor, vacancy_id, give_consent=False):
    """A job seeker applies; applying shows their profile to this employer, so it needs (or gives) that consent."""
    job_seeker = db.session.get(JobSeeker, job_seeker_service.own_id(actor))
    authorize(actor, "application.apply", job_seeker)
    vacancy = _open_vacancy(vacancy_id)
    if give_consent and "show_profile" not in job_seeker_service.active_consents(job_seeker.id):
        job_seeker_service.give_consent(actor=actor, job_seeker=job_seeker, purpose="show_profile")
    application = _new_application(vacancy=vacancy, job_seeker=job_seeker, actor=actor, source="self")
    commit()
    return application


def own_application(*, actor, vacancy_id):
    """The signed-in job seeker's application to this vacancy, or None (for anyone else too): a vacancy applied to
    shows where the application stands instead of offering to apply again."""
    if not can(actor, "job_seeker.own_pages"):
        return None
    return db.session.scalar(
        select(Application).where(Application.vacancy_id == vacancy_id, Application.job_seeker_id == actor.job_seeker_id)
    )


def application_to_withdraw(*, actor, application_id):
    """An application as the person (or their centre's officer) sees it before withdrawing it."""
    application = find_for(actor, Application, application_id)
    authorize(actor, "application.withdraw", application)
    return application


def refer(*, actor, vacancy_id, job_seeker_id, job_fair_id=None):
    """An officer refers a job seeker of their centre to a vacancy (at a job fair, when one is named)."""
    job_seeker = db.session.get(JobSeeker, job_seeker_id)
    if job_seeker is None:
        raise InvalidRequest("job_seeker_id", _("There is no such job seeker."))
    authorize(actor, "application.refer", job_seeker)
    vacancy = _open_vacancy(vacancy_id)
    if job_fair_id is not None:
        job_fair = db.session.get(JobFair, job_fair_id)
        if job_fair is None or job_fair.centre_id != actor.centre_id:
            raise InvalidRequest("job_fair_id", _("There is no such job fair at your centre."))
        if vacancy not in job_fair.vacancies:
            raise InvalidRequest("vacancy_id", _("This vacancy is not part of the job fair."))
    source = "job_fair" if job_fair_id else "referral"
    application = _new_application(vacancy=vacancy, job_seeker=job_seeker, actor=actor, source=source, job_fair_id=job_fair_id)
    if job_seeker.account:
        notification.queue(account=job_seeker.account, kind="referral_made", vacancy=vacancy.title,
                           link=notification.page_link("application.mine"))
    commit()
    return application


def get_application(*, actor, application_id):
    application = find_for(actor, Application, application_id)
    authorize(actor, "application.read", application)
    _hide_without_consent(actor, application)
    return application


def _hide_without_consent(actor, application):
    """An employer no longer sees, or acts on, a candidate who withdrew consent to show their profile (or left)."""
    if actor.role == "employer" and "show_profile" not in job_seeker_service.active_consents(application.job_seeker_id):
        raise NotFound("application", application.id)


def employer_application(*, actor, application_id):
    """An application its vacancy's employer may act on (moving it, scheduling an interview): not found once the
    candidate withdrew consent to show their profile."""
    application = find_for(actor, Application, application_id)
    authorize(actor, "application.move", application)
    _hide_without_consent(actor, application)
    return application


def move(*, actor, application_id, status, reason=None):
    """Move an application along the state machine: the employer to any later stage at once (the history records the
    stage it left) or rejects it with a coded reason; the job seeker (or their officer) withdraws it; anything else is
    refused and nothing changes."""
    application = find_for(actor, Application, application_id)
    action = "application.withdraw" if status == "withdrawn" else "application.move"
    authorize(actor, action, application)
    _hide_without_consent(actor, application)
    if status != "withdrawn" and status not in EMPLOYER_MOVES:
        raise InvalidRequest("status", _("This status cannot be set by hand."))
    if status not in TRANSITIONS[application.status]:
        raise InvalidRequest(
            "status",
            _("An application that is “%(current)s” cannot become “%(next)s”.",
              current=APPLICATION_STATUSES[application.status], next=APPLICATION_STATUSES[status]),
        )
    if status == "rejected" and reason not in REJECTION_REASONS:
        raise InvalidRequest("reason", _("Choose the reason for the rejection."))
    if status != "rejected" and reason is not None:
        raise InvalidRequest("reason", _("A reason goes only with a rejection."))
    _record_move(application, actor=actor, status=status, reason=reason)
    commit()
    return application


def _record_move(application, *, actor, status, reason):
    """The move, its event and the person's notification, in the caller's transaction."""
    previous = application.status
    application.status = status
    application.rejection_reason = reason if status == "rejected" else None
    application.events.append(ApplicationEvent(from_status=previous, to_status=status, actor_id=actor.id, reason=reason))
    seeker_account = application.job_seeker.account
    if seeker_account and seeker_account.id != actor.id:
        notification.queue(account=seeker_account, kind="application_status", vacancy=application.vacancy.title,
                           status=status, link=notification.page_link("application.mine", anchor=f"application-{application.id}"))


def reject_many(*, actor, vacancy_id, application_ids, reason):
    """The employer rejects several applications to its vacancy at once with one coded reason; each person is notified.
    One transaction: if any of them cannot be rejected (another vacancy's, hidden, already final), nothing changes."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "application.list_for_vacancy", vacancy)
    if reason not in REJECTION_REASONS:
        raise InvalidRequest("reason", _("Choose the reason for the rejection."))
    if not application_ids:
        raise InvalidRequest("application_ids", _("Tick the applications to reject."))
    applications = []
    for application_id in dict.fromkeys(application_ids):
        application = db.session.get(Application, application_id)
        if application is None or application.vacancy_id != vacancy.id or (
                "show_profile" not in job_seeker_service.active_consents(application.job_seeker_id)):
            raise InvalidRequest("application_ids", _(
                "Application no. %(id)d is not one of this vacancy's; nothing was changed.", id=application_id))
        if "rejected" not in TRANSITIONS[application.status]:
            raise InvalidRequest("application_ids", _(
                "Application no. %(id)d is “%(current)s” and cannot be rejected; nothing was changed.",
                id=application_id, current=APPLICATION_STATUSES[application.status]))
        applications.append(application)
    for application in applications:
        _record_move(application, actor=actor, status="rejected", reason=reason)
    commit()
    return applications


def of_candidate(*, actor, vacancy, job_seeker_id):
    """The application of a candidate to the employer's own vacancy, for its candidate page (None for anyone else, or
    when the person has not applied or does not consent to show their profile)."""
    if actor.role != "employer" or not can(actor, "application.list_for_vacancy", vacancy):
        return None
    application = db.session.scalar(
        select(Application).where(Application.vacancy_id == vacancy.id, Application.job_seeker_id == job_seeker_id))
    if application is None or "show_profile" not in job_seeker_service.active_consents(job_seeker_id):
        return None
    return application


def list_for_job_seeker(*, actor, job_seeker_id, size=None, after=None):
    """The person's applications, the latest first (a page of them; size=None: all)."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.read", job_seeker)
    return keyset_page(select(Application).where(Application.job_seeker_id == job_seeker.id), list_name="applications_of_job_seeker",
                       order=[(Application.id, "desc")], size=size, after=after)


def list_for_vacancy(*, actor, vacancy_id, size=None, after=None):
    """The vacancy's applications as its employer sees them, the first made first (a page of them; size=None: all):
    only candidates who consent to show their profile."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "application.list_for_vacancy", vacancy)
    consenting = select(Consent.job_seeker_id).where(consent_in_force("show_profile"))
    # A hire stays on the employer's list after the person deleted their account, without a name (see employer_view).
    deleted = select(JobSeeker.id).where(JobSeeker.anonymized_at.is_not(None))
    shown = or_(Application.job_seeker_id.in_(consenting), and_(Application.status == "hired", Application.job_seeker_id.in_(deleted)))
    return keyset_page(
        select(Application).where(Application.vacancy_id == vacancy.id, shown).options(
            selectinload(Application.events), selectinload(Application.interviews), selectinload(Application.placement)),
        list_name="applications_of_vacancy", order=[(Application.id, "asc")], size=size, after=after,
    )


def confirm_placement(*, actor, application_id, hire_date, employer_confirmed):
    """An officer of the worker's centre confirms the hire: the application becomes hired (if the employer has not
    marked it so) and a placement is recorded, to be followed up at 3 and 6 months."""
    application = find_for(actor, Application, application_id)
    authorize(actor, "placement.confirm", application)
    if application.placement is not None:
        raise taken("uq_placement_application_id")
    if application.status not in PLACEMENT_FROM:
        raise InvalidRequest("status", _("Only an application that reached the shortlist can end in a hire."))
    if hire_date < as_vietnam_time(application.created_at).date():  # a hire date is a day in Vietnam, not in UTC
        raise InvalidRequest("hire_date", _("The hire date is before the application."))
    if application.status != "hired":
        application.events.append(ApplicationEvent(from_status=application.status, to_status="hired", actor_id=actor.id))
        application.status = "hired"
    application.placement = Placement(hire_date=hire_date, employer_confirmed=employer_confirmed, confirmed_by_id=actor.id)
    if application.job_seeker.account:
        notification.queue(account=application.job_seeker.account, kind="placement_confirmed",
                           vacancy=application.vacancy.title, link=notification.page_link("application.mine"))
    commit()
    return application.placement


def record_follow_up(*, actor, application_id, months, still_employed):
    """An officer records whether the person is still employed 3 or 6 months after the hire: accepted from 80 or 170
    days after it (before then the answer says nothing about staying), once; a wrong answer is corrected
    (correct_follow_up), never recorded again."""
    placement = _placement_to_follow_up(actor, application_id)
    opens_on = follow_up_opens_on(placement.hire_date, months)
    if vietnam_today() < opens_on:
        raise InvalidRequest("months", _(
            "The %(months)d-month follow-up can be recorded from %(day)s (%(days)d days after the hire on %(hired)s).",
            months=months, day=day_text(opens_on), days=FOLLOW_UP_OPENS_AFTER_DAYS[months], hired=day_text(placement.hire_date),
        ))
    if any(follow_up.months == months for follow_up in placement.follow_ups):
        raise taken("uq_placement_follow_up_placement_id")
    placement.follow_ups.append(PlacementFollowUp(months=months, still_employed=still_employed, recorded_by_id=actor.id))
    commit()
    return placement


def correct_follow_up(*, actor, application_id, months, still_employed):
    """An officer corrects a recorded follow-up: the earlier answer stays in its history (what, who, when), the
    correction is audited, and the statistics count the latest answer from their next run."""
    placement = _placement_to_follow_up(actor, application_id)
    follow_up = next((follow_up for follow_up in placement.follow_ups if follow_up.months == months), None)
    if follow_up is None:
        raise InvalidRequest("months", _("No %(months)d-month follow-up is recorded yet: record it instead.", months=months))
    if follow_up.still_employed == still_employed:
        raise InvalidRequest("still_employed", _("This is already the answer recorded."))
    follow_up.corrections.append(PlacementFollowUpCorrection(
        still_employed=follow_up.still_employed, recorded_by_id=follow_up.recorded_by_id, recorded_at=follow_up.recorded_at,
        corrected_by_id=actor.id,
    ))
    follow_up.still_employed, follow_up.recorded_by_id, follow_up.recorded_at = still_employed, actor.id, utc_now()
    audit.record(action="follow_up_corrected", actor=actor, subject_type="placement", subject_id=placement.id)
    commit()
    return placement


def _placement_to_follow_up(actor, application_id):
    application = find_for(actor, Application, application_id)
    authorize(actor, "placement.follow_up", application)
    if application.placement is None:
        raise InvalidRequest("application_id", _("Confirm the placement before following it up."))
    return application.placement


def list_for_centre(*, actor, status=None, size=None, after=None):
    """Applications of the job seekers the officer's centre serves, newest first, of one status, page by page."""
    authorize(actor, "job_seeker.list_centre")
    statement = select(Application).join(JobSeeker).where(JobSeeker.centre_id == actor.centre_id)
    if status:
        statement = statement.where(Application.status == status)
    return keyset_page(statement, list_name="centre_applications", order=[(Application.id, "desc")], size=size, after=after)


def candidate(job_seeker, priority_mark, *, anonymous=False):
    """The job seeker as an employer may see them: no citizen ID, birth date, ethnicity or poverty status; an anonymous
    profile (the person chose it, or the caller asks for it) without name or phone (the employer answers through the
    platform); a priority mark only with consent."""
    anonymous = anonymous or job_seeker.visibility == "anonymous"
    return {
        "id": job_seeker.id,
        "full_name": _("Anonymous candidate no. %(id)d", id=job_seeker.id) if anonymous else job_seeker.full_name,
        "phone": None if anonymous else job_seeker.phone,
        "ward": job_seeker.ward,
        "education_level": job_seeker.education_level,
        "skills": job_seeker.skills,
        "experience_years": job_seeker.experience_years,
        "languages": job_seeker.languages,
        "expected_salary": job_seeker.expected_salary,
        "priority_candidate": priority_mark,
    }


def read_as_employer(*, actor, applications):
    """Applications as their vacancy's employer reads them (employer_view), each candidate whose phone it shows audited
    as a read of that person's contacts, all in one INSERT, so that the person's own data page says which company saw
    their phone and when."""
    employer_view(applications)
    shown = [application.job_seeker_id for application in applications if application.candidate.get("phone")]
    audit.record_list_read(actor=actor, reads=[(audit.contacts_read_action(actor), shown)])
    commit_keeping_loaded()
    return applications


def employer_view(applications):
    """Applications with their candidate as the employer sees them (see candidate); reading them is read_as_employer."""
    marked = job_seeker_service.priority_candidates([application.job_seeker_id for application in applications], vietnam_today())
    for application in applications:
        if application.job_seeker.anonymized_at:  # "a person hired on 02/12/2026": no name, no contact
            application.candidate = {"id": None, "deleted": True, "hired_on": hire_day(application)}
        else:
            application.candidate = candidate(application.job_seeker, application.job_seeker_id in marked)
    return applications


def hire_day(application):
    """The day a hired person was hired: the placement's, else the day (in Vietnam) the application became hired."""
    if application.placement is not None:
        return application.placement.hire_date
    hired = [event.at for event in application.events if event.to_status == "hired"]
    return as_vietnam_time(hired[-1]).date() if hired else None
