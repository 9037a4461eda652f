"""Job-fair sessions (phiên giao dịch việc làm): a centre's event with participating vacancies and the applications made there."""
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.application import Application
from jobmatch.models.job_fair import JobFair
from jobmatch.models.vacancy import Vacancy
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit


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
