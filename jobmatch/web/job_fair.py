"""Job-fair pages for centre officers: the centre's sessions, their vacancies, and applications recorded there."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.schemas.job_fair import JobFairWriteSchema
from jobmatch.services import job_fair as job_fair_service
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.web import actor, picker_options
from jobmatch.web.forms import FORM_ERRORS, form_errors, load_form

bp = Blueprint("job_fair", __name__)


@bp.route("/centre/job-fairs", methods=["GET", "POST"])
@login_required
def list_job_fairs():
    errors = {}
    if request.method == "POST":
        try:
            job_fair = job_fair_service.create_job_fair(actor=actor(), fields=load_form(JobFairWriteSchema()))
            flash(_("The job fair has been created."))
            return redirect(url_for("job_fair.detail", job_fair_id=job_fair.id))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template(
        "job_fair/list.html", job_fairs=job_fair_service.list_job_fairs(actor=actor()).items, errors=errors, form=request.form,
        **picker_options(request.form),
    ), 422 if errors else 200


@bp.get("/centre/job-fairs/<int:job_fair_id>")
@login_required
def detail(job_fair_id):
    job_fair = job_fair_service.get_job_fair(actor=actor(), job_fair_id=job_fair_id)
    return render_template(
        "job_fair/detail.html", job_fair=job_fair, applications=job_fair_service.applications_at(job_fair),
        job_seekers=job_seeker_service.list_centre_job_seekers(actor=actor(), limit=200),
    )
