"""Referrals made where the officer is (a person's matches): the confirmation, the printable slip, and the public check
of a slip's code."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.schemas.fields import parse_id, plain_text
from jobmatch.services import application as application_service
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import referral as referral_service
from jobmatch.services import vacancy as vacancy_service
from jobmatch.services.authorization import authorize
from jobmatch.services.errors import InvalidRequest, NotFound
from jobmatch.web import actor
from jobmatch.web.forms import FORM_ERRORS, flash_errors

bp = Blueprint("referral", __name__)


@bp.get("/centre/job-seekers/<int:job_seeker_id>/referrals/new")
@login_required
def confirm(job_seeker_id):
    job_seeker = job_seeker_service.get_profile(actor=actor(), job_seeker_id=job_seeker_id)
    authorize(actor(), "application.refer", job_seeker)
    vacancy_id = parse_id(request.args.get("vacancy_id"))
    try:
        vacancy = vacancy_service.get_public_vacancy(vacancy_id=vacancy_id) if vacancy_id else None
    except NotFound:
        vacancy = None
    if vacancy is None:
        flash(_("There is no such vacancy."))
        return redirect(url_for("matching.jobs", job_seeker_id=job_seeker_id))
    return render_template("referral/confirm.html", job_seeker=job_seeker, vacancy=vacancy)


@bp.post("/centre/job-seekers/<int:job_seeker_id>/referrals")
@login_required
def refer(job_seeker_id):
    vacancy_id = parse_id(request.form.get("vacancy_id"))
    try:
        if vacancy_id is None:
            raise InvalidRequest("vacancy_id", _("There is no such vacancy."))
        application = application_service.refer(actor=actor(), vacancy_id=vacancy_id, job_seeker_id=job_seeker_id)
    except FORM_ERRORS as error:
        flash_errors(error)
        return redirect(url_for("matching.jobs", job_seeker_id=job_seeker_id))
    flash(_("Referral made to “%(vacancy)s”.", vacancy=application.vacancy.title))
    return redirect(url_for("referral.slip", application_id=application.id))


@bp.get("/centre/referrals/<int:application_id>/slip")
@login_required
def slip(application_id):
    return render_template("referral/slip.html", slip=referral_service.slip(actor=actor(), application_id=application_id))


@bp.get("/referrals/check")
def check():
    code = plain_text(request.args.get("code"), 20)
    found = referral_service.check(code) if code else None
    return render_template("referral/check.html", code=code, found=found), 404 if code and found is None else 200
