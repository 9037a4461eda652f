"""Employer use cases: the company's own record, its verification by a centre officer, and the centre's employers."""
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.employer import Employer
from jobmatch.models.place import Ward
from jobmatch.rules.clock import utc_now
from jobmatch.services import notification
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit


def list_unverified(*, actor, size=None, after=None):
    """Companies waiting for an officer to check them, the longest waiting first (a page of them; size=None: all)."""
    authorize(actor, "employer.list_unverified")
    return keyset_page(select(Employer).where(Employer.verified.is_(False)), list_name="unverified_employers",
                       order=[(Employer.id, "asc")], size=size, after=after)


def list_centre_employers(*, actor, size=None, after=None):
    """The companies of the officer's centre's province (by their ward), by name: those it serves, and for whom it may
    import vacancies."""
    authorize(actor, "employer.list_for_centre")
    statement = select(Employer).join(Ward, Ward.code == Employer.ward_code).where(
        Ward.province_code == actor.centre.province_code)
    return keyset_page(statement, list_name="centre_employers", order=[(Employer.name, "asc"), (Employer.id, "asc")],
                       size=size, after=after)


def verify_employer(*, actor, employer_id):
    """An officer has checked the company against the business register: its vacancies become public (through the outbox)."""
    authorize(actor, "employer.verify")
    employer = find_for(actor, Employer, employer_id)
    if not employer.verified:
        employer.verified, employer.verified_by_id, employer.verified_at = True, actor.id, utc_now()
        for account in employer.accounts:
            notification.queue(account=account, kind="employer_verified", link=notification.page_link("employer.dashboard"))
    commit()
    return employer


def get_employer(*, actor, employer_id):
    employer = find_for(actor, Employer, employer_id)
    authorize(actor, "employer.edit", employer)
    return employer


def mark_public_body(*, tax_code, public=True):
    """An administrator marks a company as a public body (the Centre of Overseas Labour, a public employment service
    centre), or undoes it: a public body needs no placement licence and may recruit for programmes only public bodies
    run (EPS)."""
    employer = db.session.scalar(select(Employer).where(Employer.tax_code == tax_code.strip()))
    if employer is None:
        raise InvalidRequest("tax_code", _("No company has the tax code %(code)s.", code=tax_code))
    employer.public_body = public
    commit()
    return employer
