"""Overseas programme pages: the programmes and their rules for everyone, one's eligibility and cases, reports about
agencies; for officers a worker's eligibility and cases, the centre's cases and the reports; for administrators the
programme editor."""
from datetime import datetime
from functools import partial

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from marshmallow import ValidationError

from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.overseas import ended_bans
from jobmatch.schemas.overseas import (
    AgencyReportSchema,
    CaseCloseSchema,
    CaseMoveSchema,
    CaseOpenSchema,
    CentreCaseArgsSchema,
    ProgrammeWriteSchema,
    ReportReviewSchema,
    plausible_day,
)
from jobmatch.services import authorization
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import overseas as overseas_service
from jobmatch.services import place as place_service
from jobmatch.services.authorization import authorize
from jobmatch.services.errors import InvalidRequest
from jobmatch.web import actor, filtered_page, page_arguments, programme_editor
from jobmatch.web.forms import FORM_ERRORS, flash_errors, form_errors, load_form

bp = Blueprint("overseas", __name__)


# For everyone

@bp.get("/programmes")
def programmes():
    return render_template("overseas/programmes.html", programmes=overseas_service.list_programmes())


@bp.get("/programmes/<code>")
def programme(code):
    """A programme under the version in force, or an earlier one (?version=N) to explain a past decision."""
    version = overseas_service.programme_version(code=code, number=request.args.get("version", type=int))
    programme = version.programme
    own = None
    if authorization.can(current_user, "job_seeker.own_pages"):
        own = overseas_service.eligibility(actor=actor(), job_seeker_id=current_user.job_seeker_id, programme_code=code)[0]
    bans, ended = ended_bans(version.rules.get("area_bans"), vietnam_today())
    return render_template("overseas/programme.html", programme=programme, version=version, own=own, bans=bans, ended_bans=ended,
                           area_names=overseas_service.area_names(version.rules.get("area_bans") or []), today=vietnam_today())


# The worker's own pages

@bp.get("/me/overseas")
@login_required
def own():
    job_seeker_id = job_seeker_service.own_id(actor())
    return render_template(
        "overseas/own.html",
        eligibility=overseas_service.eligibility(actor=actor(), job_seeker_id=job_seeker_id),
        cases=overseas_service.cases_of_job_seeker(actor=actor(), job_seeker_id=job_seeker_id).items,
        deadline=overseas_service.case_deadline, next_stage=overseas_service.next_stage_of,
    )


@bp.route("/me/agency-reports/new", methods=["GET", "POST"])
@login_required
def report_agency():
    authorize(actor(), "agency_report.create")
    errors, values = {}, request.form if request.method == "POST" else request.args
    if request.method == "POST":
        try:
            overseas_service.report_agency(actor=actor(), fields=load_form(AgencyReportSchema()))
            flash(_("Thank you. Your report has been sent to the employment centres' officers."))
            return redirect(url_for("overseas.own"))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template("overseas/report_form.html", form=values, errors=errors,
                           agencies=overseas_service.agency_choices()), 422 if errors else 200


# Officers

@bp.route("/centre/job-seekers/<int:job_seeker_id>/overseas", methods=["GET", "POST"])
@login_required
def job_seeker_cases(job_seeker_id):
    """A worker's eligibility on a day (today by default) and cases; the form that opens a case."""
    errors = {}
    if request.method == "POST":
        try:
            case = overseas_service.open_case(actor=actor(), job_seeker_id=job_seeker_id, fields=load_form(CaseOpenSchema()))
            flash(_("The case has been opened."))
            return redirect(url_for("overseas.case", case_id=case.id))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    on = _day_argument("on")
    overview = overseas_service.worker_overview(actor=actor(), job_seeker_id=job_seeker_id, on=on)
    return render_template(
        "overseas/job_seeker.html", job_seeker=overview.job_seeker, on=on, eligibility=overview.eligibility,
        cases=overview.cases, programmes=overseas_service.programme_choices(), form=request.form, errors=errors,
        today=vietnam_today(),
        deadline=overseas_service.case_deadline, next_stage=overseas_service.next_stage_of,
    ), 422 if errors else 200


def _day_argument(name):
    """A day from the query string; today when there is none or it cannot be a day of a case."""
    try:
        day = datetime.strptime(request.args[name], "%Y-%m-%d").date() if request.args.get(name) else vietnam_today()
        plausible_day(day)
        return day
    except (ValueError, ValidationError):
        return vietnam_today()


@bp.get("/centre/overseas-cases")
@login_required
def centre_cases():
    """The centre's cases, a page at a time, by status, step and lateness."""
    page, arguments, errors = filtered_page(CentreCaseArgsSchema, partial(overseas_service.centre_cases, actor=actor()))
    status = arguments.get("status", "active")
    return render_template("overseas/centre_cases.html", page=page, errors=errors, filters=request.args, status=status,
                           steps=overseas_service.step_choices(actor=actor(), status=status),
                           deadline=overseas_service.case_deadline), 400 if errors else 200


@bp.get("/overseas-cases/<int:case_id>")
@login_required
def case(case_id, errors=None, status=200):
    case = overseas_service.get_case(actor=actor(), case_id=case_id)
    return render_template(
        "overseas/case.html", case=case, errors=errors or {}, form=request.form, today=vietnam_today(),
        deadline=overseas_service.case_deadline, next_stage=overseas_service.next_stage_of,
        agencies=overseas_service.agency_choices(in_force_on=vietnam_today()),
    ), status


@bp.post("/overseas-cases/<int:case_id>/moves")
@login_required
def move(case_id):
    try:
        overseas_service.move_case(actor=actor(), case_id=case_id, fields=load_form(CaseMoveSchema()))
    except FORM_ERRORS as error:
        return case(case_id, errors=form_errors(error), status=422)
    flash(_("The step has been recorded."))
    return redirect(url_for("overseas.case", case_id=case_id))


@bp.post("/overseas-cases/<int:case_id>/close")
@login_required
def close(case_id):
    # The close form's inputs are prefixed, so that a refusal does not refill the move form with its values.
    payload = {name: request.form[f"close_{name}"] for name in ("reason", "happened_on", "document") if request.form.get(f"close_{name}")}
    try:
        overseas_service.close_case(actor=actor(), case_id=case_id, fields=CaseCloseSchema().load(payload))
    except FORM_ERRORS as error:
        return case(case_id, errors={f"close_{name}": messages for name, messages in form_errors(error).items()}, status=422)
    flash(_("The case has been closed."))
    return redirect(url_for("overseas.case", case_id=case_id))


@bp.get("/centre/agency-reports")
@login_required
def reports():
    reviewed = request.args.get("reviewed") == "1"
    return render_template("overseas/reports.html", page=overseas_service.list_reports(actor=actor(), reviewed=reviewed,
                                                                                      **page_arguments()), reviewed=reviewed)


@bp.post("/centre/agency-reports/<int:report_id>/review")
@login_required
def review_report(report_id):
    try:
        note = load_form(ReportReviewSchema())["review_note"]
        overseas_service.review_report(actor=actor(), report_id=report_id, note=note)
        flash(_("The report is marked as followed up."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("overseas.reports"))


# Administrators: the programme editor

@bp.get("/admin/programmes")
@login_required
def admin_programmes():
    authorize(actor(), "programme.edit")
    return render_template("overseas/admin_list.html", programmes=overseas_service.list_programmes())


@bp.route("/admin/programmes/new", methods=["GET", "POST"])
@login_required
def new_programme():
    authorize(actor(), "programme.edit")
    return _programme_editor(None)


@bp.route("/admin/programmes/<code>/edit", methods=["GET", "POST"])
@login_required
def edit_programme(code):
    authorize(actor(), "programme.edit")
    return _programme_editor(overseas_service.get_programme(code=code))


def _programme_editor(programme):
    """The editor: "add a row" and "remove" show the form again (without scripts; the page's script does it in place),
    saving records a new version; a refusal stores nothing and shows the form as sent."""
    errors = {}
    values = programme_editor.programme_form_values(programme) if programme else {"no_overstay": "on"}
    action = request.form.get("edit") if request.method == "POST" else None
    if request.method == "POST":
        values = request.form
    if request.method == "POST" and not action:
        try:
            payload = programme_editor.programme_payload(request.form)
            if programme:
                payload["code"] = programme.code
            saved = overseas_service.save_programme(actor=actor(), fields=ProgrammeWriteSchema().load(payload))
            flash(_("Version %(number)s of %(code)s has been saved.", number=saved.current.number, code=saved.code))
            return redirect(url_for("overseas.programme", code=saved.code))
        except ValidationError as error:
            errors = programme_editor.programme_errors(error.messages)
        except InvalidRequest as error:
            errors = {programme_editor.service_error_input(error.field): [error.message]}
    return render_template(
        "overseas/admin_form.html", programme=programme, form=values, errors=errors,
        rows=programme_editor.shown_rows(programme_editor.edited(values, action), all_wards=action == "wards"),
        provinces=[(province.code, province.name) for province in place_service.list_provinces()],
    ), 422 if errors else 200
