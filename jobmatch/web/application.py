"""Application pages: a job seeker's applications, an employer's candidates for a vacancy, a centre's applications
with referrals, placements and follow-ups."""
from functools import partial

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required

from jobmatch.labels import APPLICATION_STATUSES
from jobmatch.models.application import TRANSITIONS
from jobmatch.schemas.application import (
    ApplySchema,
    CentreApplicationArgsSchema,
    FollowUpWriteSchema,
    PlacementWriteSchema,
    ReferralSchema,
    RejectionsWriteSchema,
    TransitionSchema,
)
from jobmatch.schemas.fields import parse_id
from jobmatch.services import application as application_service
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import vacancy as vacancy_service
from jobmatch.web import actor, filtered_page, page_arguments
from jobmatch.web.forms import FORM_ERRORS, flash_errors, load_form
from jobmatch.web.interview import back_to as employer_page

bp = Blueprint("application", __name__)


@bp.get("/me/applications")
@login_required
def mine():
    page = application_service.list_for_job_seeker(actor=actor(), job_seeker_id=job_seeker_service.own_id(actor()), **page_arguments())
    return render_template("application/mine.html", page=page)


@bp.get("/vacancies/<int:vacancy_id>/apply")
@login_required
def confirm_apply(vacancy_id):
    """The step before applying: what the employer will see, the consent it needs, and one button to send."""
    vacancy = vacancy_service.get_public_vacancy(vacancy_id=vacancy_id)
    if application_service.own_application(actor=actor(), vacancy_id=vacancy_id) is not None:
        return redirect(url_for("vacancy.detail", vacancy_id=vacancy_id))
    consented = "show_profile" in job_seeker_service.active_consents(job_seeker_service.own_id(actor()))
    return render_template("application/confirm_apply.html", vacancy=vacancy, consented=consented)


@bp.get("/applications/<int:application_id>/withdraw")
@login_required
def confirm_withdraw(application_id):
    application = application_service.application_to_withdraw(actor=actor(), application_id=application_id)
    return render_template("application/confirm_withdraw.html", application=application)


@bp.get("/employer/vacancies/<int:vacancy_id>/close")
@login_required
def confirm_close(vacancy_id):
    vacancy = vacancy_service.get_own_vacancy(actor=actor(), vacancy_id=vacancy_id)
    return render_template("vacancy/confirm_close.html", vacancy=vacancy)


@bp.post("/applications")
@login_required
def apply():
    try:
        application = load_form(ApplySchema())
        application_service.apply(actor=actor(), vacancy_id=application["vacancy_id"], give_consent=application["consent"])
    except FORM_ERRORS as error:
        flash_errors(error)
        vacancy_id = parse_id(request.form.get("vacancy_id"))
        return redirect(url_for("vacancy.detail", vacancy_id=vacancy_id) if vacancy_id else url_for("vacancy.search"))
    flash(_("Your application has been sent. Follow its progress here."))
    return redirect(url_for("application.mine"))


@bp.get("/employer/vacancies/<int:vacancy_id>/applications")
@login_required
def for_vacancy(vacancy_id):
    vacancy = vacancy_service.get_own_vacancy(actor=actor(), vacancy_id=vacancy_id)
    applications = application_service.read_as_employer(
        actor=actor(), applications=application_service.list_for_vacancy(actor=actor(), vacancy_id=vacancy_id).items)
    return render_template("application/for_vacancy.html", vacancy=vacancy, applications=applications, transitions=TRANSITIONS)


@bp.post("/applications/<int:application_id>/move")
@login_required
def move(application_id):
    try:
        move = load_form(TransitionSchema())
        application = application_service.move(actor=actor(), application_id=application_id, **move)
        flash(_("The application is now: %(status)s.", status=APPLICATION_STATUSES[application.status]))
    except FORM_ERRORS as error:
        flash_errors(error)
        application = application_service.get_application(actor=actor(), application_id=application_id)
    return redirect(_back_to(application))


@bp.post("/employer/vacancies/<int:vacancy_id>/rejections")
@login_required
def reject_many(vacancy_id):
    try:
        rejected = application_service.reject_many(actor=actor(), vacancy_id=vacancy_id, **load_form(RejectionsWriteSchema()))
        flash(ngettext("%(num)d application rejected; the person has been told.",
                       "%(num)d applications rejected; each person has been told.", len(rejected)))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("application.for_vacancy", vacancy_id=vacancy_id))


def _back_to(application):
    if actor().role == "employer":
        return employer_page(application)
    if actor().role == "officer":
        return url_for("job_seeker.centre_detail", job_seeker_id=application.job_seeker_id)
    return url_for("application.mine")


@bp.get("/centre/applications")
@login_required
def centre_list():
    page, _arguments, errors = filtered_page(CentreApplicationArgsSchema, partial(application_service.list_for_centre, actor=actor()))
    return render_template("application/centre_list.html", page=page, errors=errors,
                           filters=request.args), 400 if errors else 200


@bp.post("/centre/referrals")
@login_required
def refer():
    try:
        referral = load_form(ReferralSchema())
        application = application_service.refer(actor=actor(), **referral)
        flash(_("Referral made to “%(vacancy)s”.", vacancy=application.vacancy.title))
    except FORM_ERRORS as error:
        flash_errors(error)
    job_fair_id, job_seeker_id = parse_id(request.form.get("job_fair_id")), parse_id(request.form.get("job_seeker_id"))
    if job_fair_id:
        return redirect(url_for("job_fair.detail", job_fair_id=job_fair_id))
    return redirect(
        url_for("job_seeker.centre_detail", job_seeker_id=job_seeker_id) if job_seeker_id else url_for("job_seeker.centre_list")
    )


@bp.post("/applications/<int:application_id>/placement")
@login_required
def confirm_placement(application_id):
    try:
        application_service.confirm_placement(actor=actor(), application_id=application_id, **load_form(PlacementWriteSchema()))
        flash(_("The placement has been confirmed."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(_back_to(application_service.get_application(actor=actor(), application_id=application_id)))


@bp.post("/applications/<int:application_id>/follow-ups")
@login_required
def record_follow_up(application_id):
    try:
        application_service.record_follow_up(actor=actor(), application_id=application_id, **load_form(FollowUpWriteSchema()))
        flash(_("The follow-up has been recorded."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(_back_to(application_service.get_application(actor=actor(), application_id=application_id)))


@bp.post("/applications/<int:application_id>/follow-ups/correction")
@login_required
def correct_follow_up(application_id):
    try:
        application_service.correct_follow_up(actor=actor(), application_id=application_id, **load_form(FollowUpWriteSchema()))
        flash(_("The follow-up has been corrected; the earlier answer is kept in its history."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(_back_to(application_service.get_application(actor=actor(), application_id=application_id)))
