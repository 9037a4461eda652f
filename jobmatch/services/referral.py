"""Referral slips: what an officer prints for a person referred to a vacancy, and the employer's check of its code."""
from dataclasses import dataclass
from datetime import datetime

from flask import current_app

from jobmatch.extensions import db
from jobmatch.models.account import Account
from jobmatch.models.application import Application
from jobmatch.models.centre import Centre
from jobmatch.rules.worklist import referral_code, referral_of_code
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.place import ward_by_code


@dataclass
class ReferralSlip:
    application: Application
    centre_name: str
    officer_name: str | None
    employer_address: str
    referred_at: datetime
    code: str


@dataclass
class ReferralCheck:
    application: Application
    centre_name: str


def _centre_name(application):
    centre = db.session.get(Centre, application.job_seeker.centre_id) if application.job_seeker.centre_id else None
    return centre.name if centre else ""


def _key():
    return current_app.config["SECRET_KEY"]


def slip(*, actor, application_id):
    """The slip of a referral (or an application made at a job fair) for an officer of the person's centre to print."""
    application = find_for(actor, Application, application_id)
    authorize(actor, "application.refer", application.job_seeker)
    officer = db.session.get(Account, application.referred_by_id) if application.referred_by_id else None
    employer = application.vacancy.employer
    ward = ward_by_code(employer.ward_code) if employer.ward_code else None
    return ReferralSlip(application, _centre_name(application), officer.display_name if officer else None, ward.label if ward else "",
                        application.created_at, referral_code(application.id, _key()))


def check(code):
    """The referral a slip's code names, for anyone holding the slip (the employer at the door); None when the code was
    not made here or names no referral. Only what the slip itself says comes back: no contact, no profile."""
    application_id = referral_of_code(code, _key())
    application = db.session.get(Application, application_id) if application_id else None
    if application is None or application.source == "self":
        return None
    return ReferralCheck(application, _centre_name(application))
