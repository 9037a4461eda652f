"""Job-fair pages: the public calendar with online registration; for the centre's officers, the sessions, their
vacancies and employers chosen by search, attendance, applications recorded there, and the end-of-session report."""
from io import BytesIO

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from openpyxl import Workbook

from jobmatch.schemas.fields import parse_id, plain_text
from jobmatch.schemas.job_fair import JobFairWriteSchema
from jobmatch.services import job_fair as job_fair_service
from jobmatch.web import actor, page_arguments, picker_options
from jobmatch.web.forms import FORM_ERRORS, flash_errors, form_errors, load_form

bp = Blueprint("job_fair", __name__)


@bp.get("/job-fairs")
def calendar():
    return render_template("job_fair/calendar.html", page=job_fair_service.upcoming_job_fairs(**page_arguments()))


@bp.get("/job-fairs/<int:job_fair_id>")
def public_detail(job_fair_id):
    job_fair = job_fair_service.get_public_job_fair(job_fair_id=job_fair_id)
    return render_template("job_fair/public_detail.html", job_fair=job_fair,
                           registration=job_fair_service.registration_of(actor=actor(), job_fair=job_fair))


@bp.post("/job-fairs/<int:job_fair_id>/registration")
@login_required
def register(job_fair_id):
    try:
        job_fair_service.register(actor=actor(), job_fair_id=job_fair_id)
        flash(_("You are registered for this job fair."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("job_fair.public_detail", job_fair_id=job_fair_id))


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
        "job_fair/list.html", page=job_fair_service.list_job_fairs(actor=actor(), **page_arguments()), errors=errors, form=request.form,
        **picker_options(request.form),
    ), 422 if errors else 200


@bp.get("/centre/job-fairs/<int:job_fair_id>")
@login_required
def detail(job_fair_id):
    job_fair = job_fair_service.get_job_fair(actor=actor(), job_fair_id=job_fair_id)
    searches = {name: plain_text(request.args.get(name), 100) for name in ("vacancy_q", "employer_q", "person_q")}
    found = {
        "vacancy_q": job_fair_service.vacancy_choices, "employer_q": job_fair_service.employer_choices,
        "person_q": job_fair_service.recordable_people,
    }
    choices = {name: found[name](actor=actor(), job_fair_id=job_fair_id, text=text) if text else None for name, text in searches.items()}
    return render_template("job_fair/detail.html", job_fair=job_fair, applications=job_fair_service.applications_at(job_fair),
                           searches=searches, choices=choices,
                           attendees=job_fair_service.registrations(job_fair, "job_seeker"))


@bp.post("/centre/job-fairs/<int:job_fair_id>/vacancies")
@login_required
def add_vacancies(job_fair_id):
    ids = [parse_id(value) for value in request.form.getlist("vacancy_ids")]
    try:
        job_fair_service.add_vacancies(actor=actor(), job_fair_id=job_fair_id, vacancy_ids=[i for i in ids if i])
        flash(_("The vacancies have been added."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("job_fair.detail", job_fair_id=job_fair_id))


@bp.post("/centre/job-fairs/<int:job_fair_id>/vacancies/<int:vacancy_id>/removal")
@login_required
def remove_vacancy(job_fair_id, vacancy_id):
    job_fair_service.remove_vacancy(actor=actor(), job_fair_id=job_fair_id, vacancy_id=vacancy_id)
    flash(_("The vacancy has been taken out of the job fair."))
    return redirect(url_for("job_fair.detail", job_fair_id=job_fair_id))


@bp.post("/centre/job-fairs/<int:job_fair_id>/employers")
@login_required
def add_employer(job_fair_id):
    try:
        employer_id = parse_id(request.form.get("employer_id"))
        employer = job_fair_service.add_employer(actor=actor(), job_fair_id=job_fair_id, employer_id=employer_id)
        flash(_("%(name)s takes part, with its open vacancies.", name=employer.name))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("job_fair.detail", job_fair_id=job_fair_id))


@bp.post("/centre/job-fairs/<int:job_fair_id>/attendance")
@login_required
def record_attendance(job_fair_id):
    job_seeker_id = parse_id(request.form.get("job_seeker_id")) or job_fair_service.job_seeker_of_code(request.form.get("code"))
    try:
        job_seeker = job_fair_service.record_attendance(actor=actor(), job_fair_id=job_fair_id, job_seeker_id=job_seeker_id)
        flash(_("%(name)s is recorded as present.", name=job_seeker.full_name))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("job_fair.detail", job_fair_id=job_fair_id))


@bp.get("/centre/job-fairs/<int:job_fair_id>/report")
@login_required
def report(job_fair_id):
    return render_template("job_fair/report.html", report=job_fair_service.session_report(actor=actor(), job_fair_id=job_fair_id))


@bp.get("/centre/job-fairs/<int:job_fair_id>/report.xlsx")
@login_required
def report_xlsx(job_fair_id):
    report = job_fair_service.session_report(actor=actor(), job_fair_id=job_fair_id)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Report")[:31]
    sheet.append([report.job_fair.title, report.job_fair.held_on.strftime("%d/%m/%Y"), report.job_fair.venue])
    for label, value in _figures(report):
        sheet.append([label, value])  # numbers stay numbers: the centre adds them up in its own sheets
    sheet.append([])
    sheet.append([_("Employer"), _("Vacancy"), _("Openings")])
    for vacancy in report.vacancies:
        sheet.append([vacancy.employer.name, vacancy.title, vacancy.openings])
    buffer = BytesIO()
    workbook.save(buffer)
    return Response(buffer.getvalue(), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f"attachment; filename=phien-giao-dich-{job_fair_id}.xlsx"})


def _figures(report):
    return [
        (_("Employers"), len(report.employers)), (_("Vacancies"), len(report.vacancies)),
        (_("Job seekers registered"), report.registered), (_("Attendees"), len(report.attendees)),
        (_("Applications made at the fair"), report.applications), (_("Interviews"), report.interviews),
        (_("Hired on the spot"), report.hired),
    ]


@bp.app_template_global()
def job_fair_figures(report):
    return _figures(report)
