"""An officer's worklists: what is due at their centre today, each line with the action that clears it.

A line leaves its list when the work is done (a follow-up recorded, a new document recorded, a referral made, a case
moved, an employer verified, an employer reminded), never by being ticked off."""
from datetime import timedelta

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import selectinload

from jobmatch.extensions import db
from jobmatch.models.application import FOLLOW_UP_MONTHS, Application, Placement, PlacementFollowUp
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker, PriorityStatus
from jobmatch.models.reminder import ApplicationReminder
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.rules.worklist import add_months, follow_up_due
from jobmatch.services import audit, notification
from jobmatch.services import employer as employer_service
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.overseas.case import centre_cases
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit, commit_keeping_loaded

EXPIRY_WARNING_DAYS = 30
NO_OUTCOME_DAYS = 30
UNANSWERED_DAYS = 15
WORKLISTS = ("follow_ups", "expiring_statuses", "no_outcome", "late_cases", "employers", "vacancies", "unanswered")


def _centre_placements(actor):
    return select(Placement).join(Application, Application.id == Placement.application_id).join(
        JobSeeker, JobSeeker.id == Application.job_seeker_id
    ).where(JobSeeker.centre_id == actor.centre_id)


def follow_ups_due(*, actor, size=None, after=None):
    """Placements of the centre owing their 3- or 6-month follow-up, the earliest hire first; each row carries its
    application (`hired_application`) and the follow-up due (`months_due`)."""
    authorize(actor, "job_seeker.list_centre")
    today = vietnam_today()

    def owing(months):
        recorded = exists().where(PlacementFollowUp.placement_id == Placement.id, PlacementFollowUp.months == months)
        return and_(Placement.hire_date <= add_months(today, -months), ~recorded)

    statement = _centre_placements(actor).where(or_(*(owing(months) for months in FOLLOW_UP_MONTHS)))
    page = keyset_page(statement.options(selectinload(Placement.follow_ups)), list_name="follow_ups_due",
                       order=[(Placement.hire_date, "asc"), (Placement.id, "asc")], size=size, after=after)
    # The page's applications, with their job seekers (joined), in one query.
    applications = {application.id: application for application in db.session.scalars(
        select(Application).where(Application.id.in_([placement.application_id for placement in page.items])))}
    for placement in page.items:
        placement.hired_application = applications[placement.application_id]
        placement.months_due = follow_up_due(placement.hire_date, {f.months for f in placement.follow_ups}, today, FOLLOW_UP_MONTHS)
    return page


def expiring_statuses(*, actor, size=None, after=None):
    """Priority statuses of the centre's people that end within 30 days (or ended) and were not renewed by a later
    document of the same category (the page's read is audited: see worklist)."""
    authorize(actor, "job_seeker.list_centre")
    horizon = vietnam_today() + timedelta(days=EXPIRY_WARNING_DAYS)
    later = PriorityStatus.__table__.alias("later")
    renewed = exists().where(
        later.c.job_seeker_id == PriorityStatus.job_seeker_id, later.c.category == PriorityStatus.category,
        later.c.id != PriorityStatus.id, or_(later.c.valid_until.is_(None), later.c.valid_until > horizon),
    )
    statement = select(PriorityStatus).join(JobSeeker, JobSeeker.id == PriorityStatus.job_seeker_id).where(
        JobSeeker.centre_id == actor.centre_id, JobSeeker.anonymized_at.is_(None), PriorityStatus.valid_until <= horizon, ~renewed,
    )
    return keyset_page(statement, list_name="expiring_statuses", order=[(PriorityStatus.valid_until, "asc"), (PriorityStatus.id, "asc")],
                       size=size, after=after)


def no_outcome(*, actor, size=None, after=None):
    """The centre's people registered more than 30 days ago, never hired, with no application or referral in the last 30
    days: the longest waiting first. A referral clears the line (for 30 days)."""
    authorize(actor, "job_seeker.list_centre")
    since = utc_now() - timedelta(days=NO_OUTCOME_DAYS)
    hired = exists().where(Application.job_seeker_id == JobSeeker.id, Application.status == "hired")
    recent = exists().where(Application.job_seeker_id == JobSeeker.id, Application.created_at > since)
    statement = select(JobSeeker).where(
        JobSeeker.centre_id == actor.centre_id, JobSeeker.anonymized_at.is_(None), JobSeeker.created_at <= since, ~hired, ~recent,
    )
    return keyset_page(statement, list_name="no_outcome", order=[(JobSeeker.created_at, "asc"), (JobSeeker.id, "asc")],
                       size=size, after=after)


def late_cases(*, actor, size=None, after=None):
    """The centre's active overseas cases whose current step's deadline has passed, the oldest step first."""
    return centre_cases(actor=actor, status="active", lateness="passed", size=size, after=after)


def employers_to_verify(*, actor, size=None, after=None):
    """Companies waiting for an officer to check them, the longest waiting first."""
    return employer_service.list_unverified(actor=actor, size=size, after=after)


def vacancies_waiting(*, actor, size=None, after=None):
    """Published vacancies that nobody sees yet because their employer is not verified, the oldest first."""
    authorize(actor, "employer.list_unverified")
    statement = select(Vacancy).join(Employer, Employer.id == Vacancy.employer_id).where(
        Vacancy.status == "open", Employer.verified.is_(False)
    )
    return keyset_page(statement, list_name="vacancies_waiting", order=[(Vacancy.posted_at, "asc"), (Vacancy.id, "asc")],
                       size=size, after=after)


def _unanswered(actor):
    since = utc_now() - timedelta(days=UNANSWERED_DAYS)
    reminded = exists().where(ApplicationReminder.application_id == Application.id, ApplicationReminder.sent_at > since)
    return select(Application).join(JobSeeker, JobSeeker.id == Application.job_seeker_id).where(
        JobSeeker.centre_id == actor.centre_id, Application.status == "submitted", Application.created_at <= since, ~reminded,
    )


def unanswered_applications(*, actor, size=None, after=None):
    """Applications of the centre's people the employer has not opened in 15 days (nor been reminded of in 15 days)."""
    authorize(actor, "job_seeker.list_centre")
    return keyset_page(_unanswered(actor), list_name="unanswered", order=[(Application.created_at, "asc"), (Application.id, "asc")],
                       size=size, after=after)


def remind_employer(*, actor, application_id):
    """Remind the employer's accounts of an application they left unanswered; the line clears for 15 days."""
    application = find_for(actor, Application, application_id)
    authorize(actor, "application.refer", application.job_seeker)
    vacancy = application.vacancy
    for account in vacancy.employer.accounts:
        notification.queue(account=account, kind="application_reminder", vacancy=vacancy.title,
                           link=notification.page_link("application.for_vacancy", vacancy_id=vacancy.id))
    db.session.add(ApplicationReminder(application_id=application.id, sent_by_id=actor.id))
    commit()
    return application


LISTS = {
    "follow_ups": follow_ups_due,
    "expiring_statuses": expiring_statuses,
    "no_outcome": no_outcome,
    "late_cases": late_cases,
    "employers": employers_to_verify,
    "vacancies": vacancies_waiting,
    "unanswered": unanswered_applications,
}


# The worklists whose lines show sensitive data: the audited action, and whose data each line shows (None: none shown).
AUDITED_READS = {
    "follow_ups": ("contacts_read", lambda placement: placement.hired_application.job_seeker_id
                   if placement.hired_application.job_seeker.phone else None),
    "expiring_statuses": ("priority_status_read", lambda status: status.job_seeker_id),
    "no_outcome": ("contacts_read", lambda job_seeker: job_seeker.id if job_seeker.phone else None),
}


def worklist(*, actor, name, size=None, after=None):
    """One worklist of the officer's centre, page by page. A page that shows categories or phone numbers is an audited
    read of each person on it (and of the centre's categories, as a whole)."""
    authorize(actor, "centre.own_pages")
    page = LISTS[name](actor=actor, size=size, after=after)
    if name in AUDITED_READS and page.items:
        action, whose = AUDITED_READS[name]
        audit.record_list_read(actor=actor, reads=[(action, [i for i in map(whose, page.items) if i is not None])],
                               centre_id=actor.centre_id if action == "priority_status_read" else None)
        commit_keeping_loaded()
    return page


def worklist_count(*, actor, name):
    """How many lines a worklist has now: a count shows nobody's data, so it is no read to audit."""
    authorize(actor, "centre.own_pages")
    return LISTS[name](actor=actor, size=1).total


def counts(*, actor):
    """How many lines each worklist has now, for the officer's home page."""
    return {name: worklist_count(actor=actor, name=name) for name in WORKLISTS}
