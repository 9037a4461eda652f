"""Invitation endpoints: an employer invites an anonymous candidate to apply and sees the answer; the person lists and
answers their invitations; an officer asks another centre to refer one of its people, and that centre answers."""
from marshmallow import RAISE

from jobmatch.api import Blueprint, actor, protected
from jobmatch.schemas.invitation import (
    CentreReferralRequestPageSchema,
    CentreReferralRequestSchema,
    InvitationAnswerSchema,
    InvitationPageSchema,
    InvitationSchema,
    InvitationWriteSchema,
    ReceivedInvitationPageSchema,
    ReceivedInvitationSchema,
    ReferralRequestAnswerSchema,
    ReferralRequestSchema,
    ReferralRequestWriteSchema,
)
from jobmatch.schemas.page import PageArgsSchema
from jobmatch.services import invitation as invitation_service

blp = Blueprint("invitations", __name__, url_prefix="/api/v1", description="Invitations to apply and referral requests")


@blp.route("/vacancies/<int:vacancy_id>/invitations", methods=["POST"])
@protected(blp)
@blp.arguments(InvitationWriteSchema)
@blp.response(201, InvitationSchema)
@blp.alt_response(429, description="The employer's invitations for today are used up")
def invite(body, vacancy_id):
    """The vacancy's employer invites a candidate of its candidate list to apply (once per person and vacancy)."""
    return invitation_service.invite(actor=actor(), vacancy_id=vacancy_id, **body)


@blp.route("/vacancies/<int:vacancy_id>/invitations")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, InvitationPageSchema)
def invitations_for_vacancy(page, vacancy_id):
    """The invitations the employer sent for its vacancy and their answers."""
    return invitation_service.invitations_for_vacancy(actor=actor(), vacancy_id=vacancy_id, **page)


@blp.route("/job-seekers/<int:job_seeker_id>/invitations")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, ReceivedInvitationPageSchema)
def invitations_of_job_seeker(page, job_seeker_id):
    """The invitations to apply the person received (the person, or an officer of their centre)."""
    return invitation_service.invitations_of_job_seeker(actor=actor(), job_seeker_id=job_seeker_id, **page)


@blp.route("/invitations/<int:invitation_id>/answer", methods=["POST"])
@protected(blp)
@blp.arguments(InvitationAnswerSchema)
@blp.response(200, ReceivedInvitationSchema)
def answer(body, invitation_id):
    """The person accepts (an application, which needs or gives the consent to show the full profile) or declines."""
    return invitation_service.answer(actor=actor(), invitation_id=invitation_id, accept=body["accept"], give_consent=body["consent"])


@blp.route("/vacancies/<int:vacancy_id>/referral-requests", methods=["POST"])
@protected(blp)
@blp.arguments(ReferralRequestWriteSchema)
@blp.response(201, ReferralRequestSchema)
def request_referral(body, vacancy_id):
    """An officer asks the centre of a listed candidate of another centre to refer them to the vacancy."""
    return invitation_service.request_referral(actor=actor(), vacancy_id=vacancy_id, **body)


@blp.route("/centre/referral-requests")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, CentreReferralRequestPageSchema)
def referral_requests_of_centre(page):
    """The referral requests other centres sent to the officer's centre."""
    return invitation_service.referral_requests_of_centre(actor=actor(), **page)


@blp.route("/referral-requests/<int:request_id>/answer", methods=["POST"])
@protected(blp)
@blp.arguments(ReferralRequestAnswerSchema)
@blp.response(200, CentreReferralRequestSchema)
def answer_referral_request(body, request_id):
    """An officer of the person's centre refers the person (which needs their consent to show the profile) or declines."""
    return invitation_service.answer_referral_request(actor=actor(), request_id=request_id, refer=body["refer"])
