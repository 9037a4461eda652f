"""Interview pages: the employer schedules or reschedules an interview on an application (from the candidate's page or
the vacancy's applications); a refused form comes back with each error beside its field and what was typed."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.rules.clock import day_text, time_text
from jobmatch.schemas.interview import InterviewWriteSchema
from jobmatch.services import application as application_service
from jobmatch.services import interview as interview_service
from jobmatch.web import actor
from jobmatch.web.forms import FORM_ERRORS, form_errors, load_form

bp = Blueprint("interview", __name__)


def back_to(application):
    """The employer's page an application's action returns to: its candidate page when it came from there (?back=
    candidate), else the vacancy's applications."""
    if request.args.get("back") == "candidate":
        return url_for("matching.candidate", vacancy_id=application.vacancy_id, job_seeker_id=application.job_seeker_id)
    return url_for("application.for_vacancy", vacancy_id=application.vacancy_id) + f"#application-{application.id}"


@bp.get("/employer/applications/<int:application_id>/interview")
@login_required
def form(application_id):
    [application] = application_service.employer_view(
        [application_service.employer_application(actor=actor(), application_id=application_id)])
    in_force = next((interview for interview in application.interviews if interview.replaced_at is None), None)
    values = {"date": day_text(in_force.starts_at), "time": time_text(in_force.starts_at), "place": in_force.place,
              "online_link": in_force.online_link, "message": in_force.message} if in_force else {}
    return render_template("interview/form.html", application=application, form=values, errors={})


@bp.post("/applications/<int:application_id>/interviews")
@login_required
def schedule(application_id):
    [application] = application_service.employer_view(
        [application_service.employer_application(actor=actor(), application_id=application_id)])
    try:
        interview = interview_service.schedule(actor=actor(), application_id=application_id, **load_form(InterviewWriteSchema()))
    except FORM_ERRORS as error:
        return render_template("interview/form.html", application=application, form=request.form,
                               errors=form_errors(error)), 422
    flash(_("The interview is set for %(day)s at %(time)s; the candidate has been notified.",
            day=day_text(interview.starts_at), time=time_text(interview.starts_at)))
    return redirect(back_to(application))
