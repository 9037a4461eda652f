"""Committing a use case: a write that loses a race (a unique value taken meanwhile, a row changed meanwhile) is
refused like any other bad request, naming the field, with nothing stored; a database too busy to answer is told apart."""
import re

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from jobmatch.extensions import db
from jobmatch.i18n import N_
from jobmatch.services.errors import InvalidRequest

# Unique constraints (named by the metadata's convention uq_<table>_<first column>) and what their violation means.
UNIQUE_VALUES = {
    "uq_centre_name": ("name", N_("A centre with this name already exists.")),
    "uq_account_email": ("email", N_("An account with this email address already exists.")),
    "uq_account_phone": ("phone", N_("An account with this phone number already exists.")),
    "uq_account_job_seeker_id": ("citizen_id", N_("This profile already has an account.")),
    "uq_employer_tax_code": ("tax_code", N_("A company with this tax code is already registered.")),
    "uq_job_seeker_citizen_id": ("citizen_id", N_("A job seeker with this citizen ID is already registered.")),
    "uq_application_vacancy_id": ("vacancy_id", N_("An application for this vacancy already exists.")),
    "uq_placement_application_id": ("application_id", N_("This placement is already confirmed.")),
    "uq_placement_follow_up_placement_id": ("months", N_("This follow-up is already recorded.")),
    "uq_overseas_case_job_seeker_id": ("programme", N_("This worker already has an open case in this programme.")),
    "uq_invitation_vacancy_id": ("job_seeker_id", N_("This person has already been invited to apply for this vacancy.")),
    "uq_referral_request_vacancy_id": ("job_seeker_id", N_("A referral of this person to this vacancy has already been asked for.")),
    "uq_programme_code": ("code", N_("A programme with this code already exists.")),
    "uq_programme_version_programme_id": ("code", N_("Someone else saved this programme meanwhile. Reload the page and try again.")),
}
CHANGED_MEANWHILE = N_("Someone else changed this meanwhile. Reload the page and try again.")
# PostgreSQL's lock timeout, deadlock and serialization failure: like SQLite's busy database, the same request may
# succeed a moment later.
BUSY_SQLSTATES = {"55P03", "40P01", "40001"}


def is_busy(error):
    """True when a database error means that another transaction held what this one needed for longer than the lock
    timeout (DATABASE_LOCK_TIMEOUT_S): nothing is wrong with the request, it may be sent again shortly."""
    original = getattr(error, "orig", error)
    sqlite_error = getattr(original, "sqlite_errorname", "")
    return sqlite_error.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or getattr(original, "sqlstate", None) in BUSY_SQLSTATES


def taken(constraint):
    """The refusal for a value a unique constraint already holds, checked before writing or met at commit."""
    field, message = UNIQUE_VALUES[constraint]
    return InvalidRequest(field, _(message))


def _constraint_name(error):
    """The violated constraint's name: PostgreSQL reports it, SQLite names the table and columns instead."""
    diagnostics = getattr(error.orig, "diag", None)
    if diagnostics is not None and diagnostics.constraint_name:
        return diagnostics.constraint_name
    match = re.search(r"UNIQUE constraint failed: (\w+)\.(\w+)", str(error.orig))
    return f"uq_{match.group(1)}_{match.group(2)}" if match else None


def commit():
    """Commit the use case's transaction; a conflict with a concurrent write rolls it back and raises InvalidRequest."""
    try:
        db.session.commit()
    except IntegrityError as error:
        db.session.rollback()
        constraint = _constraint_name(error)
        raise (taken(constraint) if constraint in UNIQUE_VALUES else InvalidRequest("_schema", _(CHANGED_MEANWHILE))) from None
    except StaleDataError:
        db.session.rollback()
        raise InvalidRequest("_schema", _(CHANGED_MEANWHILE)) from None


def commit_keeping_loaded():
    """Commit a page's audit without expiring the rows just read for it (only audit rows were written): the page shows
    them as read, without a query per line to load them again."""
    session = db.session()
    expiring = session.expire_on_commit
    session.expire_on_commit = False
    try:
        commit()
    finally:
        session.expire_on_commit = expiring
