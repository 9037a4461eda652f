"""Invitation pages: an employer invites a listed candidate to apply, and an officer asks another centre to refer one;
the person answers their invitations, and the person's centre answers referral requests."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.schemas.fields import parse_id
from jobmatch.schemas.invitation import (
    InvitationAnswerSchema,
    InvitationWriteSchema,
    ReferralRequestAnswerSchema,
    ReferralRequestWriteSchema,
)
from jobmatch.services import invitation as invitation_service
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services.errors import DailyCapReached
from jobmatch.web import actor, page_arguments
from jobmatch.web.forms import FORM_ERRORS, flash_errors, load_form

bp = Blueprint("invitation", __name__)


@bp.post("/vacancies/<int:vacancy_id>/invitations")
@login_required
def invite(vacancy_id):
    try:
        invitation_service.invite(actor=actor(), vacancy_id=vacancy_id, **load_form(InvitationWriteSchema()))
        flash(_("The invitation has been sent. You will see here whether the candidate accepts."))
    except DailyCapReached as error:
        flash(error.message)
    except FORM_ERRORS as error:
        flash_errors(error)
    job_seeker_id = parse_id(request.form.get("job_seeker_id"))
    if request.args.get("back") == "candidate" and job_seeker_id:  # invited from the candidate's own page
        return redirect(url_for("matching.candidate", vacancy_id=vacancy_id, job_seeker_id=job_seeker_id))
    return redirect(url_for("matching.candidates", vacancy_id=vacancy_id))


@bp.post("/vacancies/<int:vacancy_id>/referral-requests")
@login_required
def request_referral(vacancy_id):
    try:
        invitation_service.request_referral(actor=actor(), vacancy_id=vacancy_id, **load_form(ReferralRequestWriteSchema()))
        flash(_("The person's employment centre has been asked to refer them."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("matching.candidates", vacancy_id=vacancy_id))


@bp.get("/me/invitations")
@login_required
def mine():
    invitations = invitation_service.invitations_of_job_seeker(actor=actor(), job_seeker_id=job_seeker_service.own_id(actor()),
                                                              **page_arguments())
    return render_template("invitation/mine.html", page=invitations,
                           show_profile="show_profile" in job_seeker_service.active_consents(actor().job_seeker_id))


@bp.post("/invitations/<int:invitation_id>/answer")
@login_required
def answer(invitation_id):
    try:
        choice = load_form(InvitationAnswerSchema())
        invitation_service.answer(actor=actor(), invitation_id=invitation_id, accept=choice["accept"], give_consent=choice["consent"])
        if choice["accept"]:
            flash(_("Your application has been sent. Follow its progress here."))
            return redirect(url_for("application.mine"))
        flash(_("You declined the invitation. The employer sees only that."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("invitation.mine"))


@bp.get("/centre/referral-requests")
@login_required
def centre_referral_requests():
    return render_template("invitation/referral_requests.html",
                           page=invitation_service.referral_requests_of_centre(actor=actor(), **page_arguments()))


@bp.post("/referral-requests/<int:request_id>/answer")
@login_required
def answer_referral_request(request_id):
    try:
        choice = load_form(ReferralRequestAnswerSchema())
        invitation_service.answer_referral_request(actor=actor(), request_id=request_id, refer=choice["refer"])
        flash(_("The person has been referred.") if choice["refer"] else _("The request has been declined."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("invitation.centre_referral_requests"))
