"""Invitations to apply and referral requests: how a candidate seen anonymously is reached without their contact.
An employer invites; the person accepts (an application, which opens their full profile to that employer under the
show-profile consent) or declines, and the employer sees only the answer. An officer of another centre asks the
person's own centre, whose officers refer the person (or not)."""
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models.account import Account
from jobmatch.models.application import Application
from jobmatch.models.invitation import Invitation, ReferralRequest
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.services import application as application_service
from jobmatch.services import notification
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.candidate_list import listable, seconds_to_midnight, today_began_utc
from jobmatch.services.errors import DailyCapReached, InvalidRequest, NotFound
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit, taken


def _listed(job_seeker_id):
    """The person, if they may be reached through a candidate list (anonymous-listing consent in force)."""
    job_seeker = db.session.get(JobSeeker, job_seeker_id)
    if job_seeker is None or not listable([job_seeker]):
        raise InvalidRequest("job_seeker_id", _("This person is not in the candidate lists."))
    return job_seeker


def _sent_today(employer_id):
    return db.session.scalar(select(func.count()).select_from(Invitation).where(
        Invitation.employer_id == employer_id, Invitation.created_at >= today_began_utc()))


def invite(*, actor, vacancy_id, job_seeker_id, message=None):
    """The employer of a vacancy that takes applications invites a listed candidate to apply, with an optional message.
    One invitation per person and vacancy (a person who declined is not asked again), none to a person who already
    applied, and at most INVITATION_DAILY_CAP a day per employer. The person is notified."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "invitation.send", vacancy)
    job_seeker = _listed(job_seeker_id)
    if db.session.scalar(select(Invitation.id).where(Invitation.vacancy_id == vacancy.id, Invitation.job_seeker_id == job_seeker.id)):
        raise taken("uq_invitation_vacancy_id")
    if db.session.scalar(select(Application.id).where(Application.vacancy_id == vacancy.id, Application.job_seeker_id == job_seeker.id)):
        raise InvalidRequest("job_seeker_id", _("This person has already applied for this vacancy."))
    cap = current_app.config["INVITATION_DAILY_CAP"]
    if _sent_today(vacancy.employer_id) >= cap:
        raise DailyCapReached(seconds_to_midnight(), _(
            "Your company has sent the most invitations allowed in one day (%(cap)d). Try again tomorrow.", cap=cap))
    invitation = Invitation(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, employer_id=vacancy.employer_id,
                            invited_by_id=actor.id, message=message or None)
    db.session.add(invitation)
    if job_seeker.account:
        notification.queue(account=job_seeker.account, kind="invitation_received", vacancy=vacancy.title,
                           employer=vacancy.employer.name, link=notification.page_link("invitation.mine"))
    commit()
    return invitation


def invitations_for_vacancy(*, actor, vacancy_id, size=None, after=None):
    """The invitations an employer sent for its vacancy, the latest first: to whom (the anonymous number) and the answer."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "invitation.list_for_vacancy", vacancy)
    return keyset_page(select(Invitation).where(Invitation.vacancy_id == vacancy.id), list_name="invitations_of_vacancy",
                       order=[(Invitation.id, "desc")], size=size, after=after)


def invitations_of_job_seeker(*, actor, job_seeker_id, size=None, after=None):
    """The invitations a person received, the latest first."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.read", job_seeker)
    return keyset_page(select(Invitation).where(Invitation.job_seeker_id == job_seeker.id), list_name="invitations",
                       order=[(Invitation.id, "desc")], size=size, after=after)


def answer(*, actor, invitation_id, accept, give_consent=False):
    """The person accepts (an application to the vacancy, which needs, or with give_consent gives, the consent to show
    their full profile to the employers they apply to) or declines. Answered once; nothing changes on a refusal."""
    invitation = find_for(actor, Invitation, invitation_id)
    authorize(actor, "invitation.answer", invitation)
    if invitation.status != "open":
        raise InvalidRequest("accept", _("This invitation has already been answered."))
    invitation.status, invitation.answered_at = ("accepted" if accept else "declined"), utc_now()
    if not accept:
        commit()
        return invitation
    try:  # apply() commits the application and this answer together; a refusal of it leaves both undone
        application = application_service.apply(actor=actor, vacancy_id=invitation.vacancy_id, give_consent=give_consent)
    except Exception:
        db.session.rollback()
        raise
    invitation.application_id = application.id
    commit()
    return invitation


# Referral requests

def request_referral(*, actor, vacancy_id, job_seeker_id, message=None):
    """An officer asks the person's own centre to refer a listed candidate of another centre to a vacancy that takes
    applications; that centre's officers are notified and decide. One request per person and vacancy."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "referral_request.list_centre")  # an officer, before anything about the person is looked at
    if not vacancy.is_accepting_applications(vietnam_today()):
        raise InvalidRequest("vacancy_id", _("This vacancy no longer takes applications."))
    job_seeker = _listed(job_seeker_id)
    authorize(actor, "referral_request.send", job_seeker)
    if db.session.scalar(select(ReferralRequest.id).where(
            ReferralRequest.vacancy_id == vacancy.id, ReferralRequest.job_seeker_id == job_seeker.id)):
        raise taken("uq_referral_request_vacancy_id")
    request = ReferralRequest(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, centre_id=job_seeker.centre_id,
                              requested_by_id=actor.id, message=message or None)
    db.session.add(request)
    for officer in db.session.scalars(select(Account).where(
            Account.role == "officer", Account.centre_id == job_seeker.centre_id, Account.disabled.is_(False))):
        notification.queue(account=officer, kind="referral_requested", vacancy=vacancy.title,
                           link=notification.page_link("invitation.centre_referral_requests"))
    commit()
    return request


def referral_requests_of_centre(*, actor, size=None, after=None):
    """The referral requests other centres sent to the officer's centre, the latest first."""
    authorize(actor, "referral_request.list_centre")
    return keyset_page(select(ReferralRequest).where(ReferralRequest.centre_id == actor.centre_id),
                       list_name="referral_requests", order=[(ReferralRequest.id, "desc")], size=size, after=after)


def answer_referral_request(*, actor, request_id, refer):
    """An officer of the person's centre refers the person (an application with source "referral", which needs the
    person's show-profile consent) or declines the request."""
    request = db.session.get(ReferralRequest, request_id)
    if request is None:
        raise NotFound("referral_request", request_id)
    authorize(actor, "referral_request.answer", request)
    if request.status != "open":
        raise InvalidRequest("refer", _("This request has already been answered."))
    request.status, request.answered_at, request.answered_by_id = ("referred" if refer else "declined"), utc_now(), actor.id
    if not refer:
        commit()
        return request
    try:  # refer() commits the application and this answer together; a refusal of it leaves both undone
        application = application_service.refer(actor=actor, vacancy_id=request.vacancy_id, job_seeker_id=request.job_seeker_id)
    except Exception:
        db.session.rollback()
        raise
    request.application_id = application.id
    commit()
    return request
