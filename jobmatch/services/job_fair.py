"""Job-fair sessions (phiên giao dịch việc làm): a centre's event with participating vacancies and employers, the people
registered and attending, the applications made there, and its end-of-session report."""
import re
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import func, or_, select

from jobmatch.extensions import db
from jobmatch.models.application import Application, ApplicationEvent
from jobmatch.models.consent import Consent, consent_in_force
from jobmatch.models.employer import Employer
from jobmatch.models.interview import Interview
from jobmatch.models.job_fair import JobFair, JobFairRegistration, job_fair_vacancy
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now, vietnam_day_start_utc, vietnam_today
from jobmatch.services import audit
from jobmatch.services.authorization import authorize, find, find_for
from jobmatch.services.errors import InvalidRequest, NotFound
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit

CHOICES = 20  # a picker offers this many choices per search: the officer narrows the words, never scrolls


def _public_vacancies(vacancy_ids):
    vacancies = db.session.scalars(select(Vacancy).where(Vacancy.id.in_(vacancy_ids))).all() if vacancy_ids else []
    missing = set(vacancy_ids) - {vacancy.id for vacancy in vacancies if vacancy.is_public()}
    if missing:
        raise InvalidRequest("vacancy_ids", _("No public vacancy has the number %(ids)s.", ids=", ".join(map(str, sorted(missing)))))
    return vacancies


def create_job_fair(*, actor, fields):
    authorize(actor, "job_fair.create")
    vacancies = _public_vacancies(fields.pop("vacancy_ids"))
    job_fair = JobFair(centre_id=actor.centre_id, created_by_id=actor.id, vacancies=vacancies, **fields)
    db.session.add(job_fair)
    commit()
    return job_fair


def list_job_fairs(*, actor, size=None, after=None):
    """The officer's centre's job fairs, latest first (a page of them; size=None: all)."""
    authorize(actor, "job_fair.read")
    return keyset_page(select(JobFair).where(JobFair.centre_id == actor.centre_id), list_name="job_fairs",
                       order=[(JobFair.held_on, "desc"), (JobFair.id, "desc")], size=size, after=after)


def get_job_fair(*, actor, job_fair_id):
    job_fair = find_for(actor, JobFair, job_fair_id)
    authorize(actor, "job_fair.manage", job_fair)
    return job_fair


def applications_at(job_fair):
    """Applications recorded at this job fair, in the order they were made."""
    return db.session.scalars(select(Application).where(Application.job_fair_id == job_fair.id).order_by(Application.id)).all()


# The public calendar and online registration

def upcoming_job_fairs(*, size=None, after=None):
    """Every centre's job fairs from today on, the soonest first: public, for anyone to see and register for."""
    return keyset_page(select(JobFair).where(JobFair.held_on >= vietnam_today()), list_name="upcoming_job_fairs",
                       order=[(JobFair.held_on, "asc"), (JobFair.id, "asc")], size=size, after=after)


def get_public_job_fair(*, job_fair_id):
    return find(JobFair, job_fair_id)


def registration_of(*, actor, job_fair):
    """The signed-in job seeker's or employer's registration for this fair, or None."""
    if actor is None or not actor.is_authenticated:
        return None
    if actor.role == "job_seeker" and actor.job_seeker_id:
        condition = JobFairRegistration.job_seeker_id == actor.job_seeker_id
    elif actor.role == "employer" and actor.employer_id:
        condition = JobFairRegistration.employer_id == actor.employer_id
    else:
        return None
    return db.session.scalar(select(JobFairRegistration).where(JobFairRegistration.job_fair_id == job_fair.id, condition))


def register(*, actor, job_fair_id):
    """A job seeker or an employer registers online for an upcoming job fair (again: nothing changes)."""
    job_fair = find_for(actor, JobFair, job_fair_id)
    authorize(actor, "job_fair.register")
    if job_fair.held_on < vietnam_today():
        raise InvalidRequest("job_fair_id", _("This job fair is over."))
    registration = registration_of(actor=actor, job_fair=job_fair)
    if registration is None:
        who = {"job_seeker_id": actor.job_seeker_id} if actor.role == "job_seeker" else {"employer_id": actor.employer_id}
        registration = JobFairRegistration(job_fair_id=job_fair.id, **who)
        db.session.add(registration)
        commit()
    return registration


# Pickers: a plain search that returns choices, so officers choose by name instead of typing numbers

def _words(text):
    return [word for word in (text or "").split() if word][:6]


def vacancy_choices(*, actor, job_fair_id, text):
    """Open public vacancies whose title or employer has every word typed (or whose number is typed), not yet in the fair."""
    job_fair = get_job_fair(actor=actor, job_fair_id=job_fair_id)
    statement = select(Vacancy).join(Employer, Employer.id == Vacancy.employer_id).where(
        Vacancy.status == "open", Employer.verified.is_(True), Vacancy.deadline >= vietnam_today(),
        Vacancy.id.not_in([vacancy.id for vacancy in job_fair.vacancies] or [0]),
    )
    for word in _words(text):
        pattern = f"%{word}%"
        statement = statement.where(or_(Vacancy.title.ilike(pattern), Employer.name.ilike(pattern),
                                        Vacancy.id == (int(word) if word.isdigit() and len(word) < 10 else -1)))
    return db.session.scalars(statement.order_by(Vacancy.posted_at.desc(), Vacancy.id.desc()).limit(CHOICES)).all()


def employer_choices(*, actor, job_fair_id, text):
    """Verified employers whose name or tax code has every word typed."""
    get_job_fair(actor=actor, job_fair_id=job_fair_id)
    statement = select(Employer).where(Employer.verified.is_(True))
    for word in _words(text):
        statement = statement.where(or_(Employer.name.ilike(f"%{word}%"), Employer.tax_code == word))
    return db.session.scalars(statement.order_by(Employer.name, Employer.id).limit(CHOICES)).all()


def recordable_people(*, actor, job_fair_id, text):
    """The centre's people an officer may record at the fair (who agreed to show their profile to employers), found by
    every word of their name, their phone number in any format, or their number."""
    get_job_fair(actor=actor, job_fair_id=job_fair_id)
    consenting = select(Consent.job_seeker_id).where(consent_in_force("show_profile"))
    statement = select(JobSeeker).where(
        JobSeeker.centre_id == actor.centre_id, JobSeeker.anonymized_at.is_(None), JobSeeker.id.in_(consenting)
    )
    digits = re.sub(r"[^0-9]", "", text or "")
    if digits and len(digits) >= 9:
        statement = statement.where(JobSeeker.phone.like(f"%{digits[-9:]}"))
    else:
        for word in _words(text):
            statement = statement.where(JobSeeker.full_name.ilike(f"%{word}%"))
    people = db.session.scalars(statement.order_by(JobSeeker.full_name, JobSeeker.id).limit(CHOICES)).all()
    # Their phones are shown: a read of those who have one.
    audit.record_list_read(actor=actor, reads=[("contacts_read", [person.id for person in people if person.phone])])
    commit()
    return people


def add_vacancies(*, actor, job_fair_id, vacancy_ids):
    job_fair = get_job_fair(actor=actor, job_fair_id=job_fair_id)
    for vacancy in _public_vacancies(vacancy_ids):
        if vacancy not in job_fair.vacancies:
            job_fair.vacancies.append(vacancy)
    commit()
    return job_fair


def remove_vacancy(*, actor, job_fair_id, vacancy_id):
    job_fair = get_job_fair(actor=actor, job_fair_id=job_fair_id)
    job_fair.vacancies = [vacancy for vacancy in job_fair.vacancies if vacancy.id != vacancy_id]
    commit()
    return job_fair


def add_employer(*, actor, job_fair_id, employer_id):
    """An employer takes part: registered for the fair, with its open public vacancies added."""
    job_fair = get_job_fair(actor=actor, job_fair_id=job_fair_id)
    employer = db.session.get(Employer, employer_id)
    if employer is None or not employer.verified:
        raise InvalidRequest("employer_id", _("There is no such verified employer."))
    today = vietnam_today()
    for vacancy in employer.vacancies:
        if vacancy.is_accepting_applications(today) and vacancy not in job_fair.vacancies:
            job_fair.vacancies.append(vacancy)
    _registration(job_fair, employer_id=employer.id)
    commit()
    return employer


def _registration(job_fair, **who):
    (column, value), = who.items()
    registration = db.session.scalar(select(JobFairRegistration).where(
        JobFairRegistration.job_fair_id == job_fair.id, getattr(JobFairRegistration, column) == value))
    if registration is None:
        registration = JobFairRegistration(job_fair_id=job_fair.id, **who)
        db.session.add(registration)
    return registration


def record_attendance(*, actor, job_fair_id, job_seeker_id):
    """A person came to the fair: found by search or by the number on their registration (their code)."""
    job_fair = get_job_fair(actor=actor, job_fair_id=job_fair_id)
    job_seeker = db.session.get(JobSeeker, job_seeker_id) if job_seeker_id else None
    if job_seeker is None or job_seeker.anonymized_at is not None:
        raise InvalidRequest("code", _("No job seeker has this code."))
    registration = _registration(job_fair, job_seeker_id=job_seeker.id)
    if registration.attended_at is None:
        registration.attended_at, registration.recorded_by_id = utc_now(), actor.id
    commit()
    return job_seeker


def registrations(job_fair, kind):
    column = JobFairRegistration.job_seeker_id if kind == "job_seeker" else JobFairRegistration.employer_id
    return db.session.scalars(select(JobFairRegistration).where(JobFairRegistration.job_fair_id == job_fair.id, column.is_not(None))
                              .order_by(JobFairRegistration.id)).all()


@dataclass
class SessionReport:
    job_fair: JobFair
    employers: list
    vacancies: list
    registered: int
    attendees: list
    applications: int
    interviews: int
    hired: int


def session_report(*, actor, job_fair_id):
    """The end of the session in figures, each counted from what was recorded: employers and vacancies taking part,
    people registered and attending, applications made there; interviews (the applications made at the fair or to
    its vacancies with an interview in force set for the fair's day, or moved to "interviewed" that day) and hires on
    the spot (such applications moved to "hired" that day), the day being Vietnam's."""
    job_fair = get_job_fair(actor=actor, job_fair_id=job_fair_id)
    employer_ids = {vacancy.employer_id for vacancy in job_fair.vacancies}
    employer_ids |= {registration.employer_id for registration in registrations(job_fair, "employer")}
    employers = db.session.scalars(select(Employer).where(Employer.id.in_(employer_ids)).order_by(Employer.name)).all()
    people = registrations(job_fair, "job_seeker")
    made_here = select(Application.id).where(Application.job_fair_id == job_fair.id)
    begins, ends = vietnam_day_start_utc(job_fair.held_on), vietnam_day_start_utc(job_fair.held_on + timedelta(days=1))
    of_the_fair = select(Application.id).where(or_(
        Application.job_fair_id == job_fair.id,
        Application.vacancy_id.in_(select(job_fair_vacancy.c.vacancy_id).where(job_fair_vacancy.c.job_fair_id == job_fair.id)),
    ))

    def moved_that_day(status):
        return select(ApplicationEvent.application_id).distinct().where(
            ApplicationEvent.application_id.in_(of_the_fair), ApplicationEvent.to_status == status,
            ApplicationEvent.at >= begins, ApplicationEvent.at < ends)

    interviewed = moved_that_day("interviewed").union(select(Interview.application_id).where(
        Interview.application_id.in_(of_the_fair), Interview.replaced_at.is_(None),
        Interview.starts_at >= begins, Interview.starts_at < ends))
    return SessionReport(
        job_fair, employers, list(job_fair.vacancies), len(people),
        [registration for registration in people if registration.attended_at is not None],
        _count(made_here), _count(interviewed), _count(moved_that_day("hired")),
    )


def _count(query):
    return db.session.scalar(select(func.count()).select_from(query.subquery()))


def job_seeker_of_code(code):
    """The job seeker a person's code names (the number on their registration), or None."""
    digits = "".join(character for character in code or "" if character.isdigit())
    if not digits or len(digits) > 9:
        return None
    try:
        return find(JobSeeker, int(digits)).id
    except NotFound:
        return None
