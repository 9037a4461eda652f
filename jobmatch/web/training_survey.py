"""Training demand survey pages: the surveys taking answers and the forms job seekers and employers answer them with;
for a centre's officers, its campaigns and each one's demand against supply by occupation and commune (page and XLSX)."""
from io import BytesIO

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from openpyxl import Workbook

from jobmatch import labels
from jobmatch.schemas.training import DemandSurveySchema, SkillNeedSchema, TrainingWishSchema
from jobmatch.services import training_survey as survey_service
from jobmatch.web import actor, page_arguments, picker_options
from jobmatch.web.forms import FORM_ERRORS, form_errors, load_form

bp = Blueprint("training_survey", __name__)


@bp.get("/training-surveys")
def open_surveys():
    return render_template("training_survey/open.html", surveys=survey_service.open_surveys())


def _answer_page(survey_id, errors=None):
    survey = survey_service.get_public_survey(survey_id=survey_id)
    return render_template("training_survey/answer.html", survey=survey, answers=survey_service.own_answers(actor=actor(), survey=survey),
                           errors=errors or {}, form=request.form if errors else {}, **picker_options({}))


@bp.get("/training-surveys/<int:survey_id>")
def answer(survey_id):
    return _answer_page(survey_id)


@bp.post("/training-surveys/<int:survey_id>/wishes")
@login_required
def state_wish(survey_id):
    try:
        survey_service.state_wish(actor=actor(), survey_id=survey_id, fields=load_form(TrainingWishSchema()))
    except FORM_ERRORS as error:
        return _answer_page(survey_id, form_errors(error)), 422
    flash(_("Thank you: your answer has been recorded."))
    return redirect(url_for("training_survey.answer", survey_id=survey_id))


@bp.post("/training-surveys/<int:survey_id>/needs")
@login_required
def state_need(survey_id):
    try:
        survey_service.state_need(actor=actor(), survey_id=survey_id, fields=load_form(SkillNeedSchema()))
    except FORM_ERRORS as error:
        return _answer_page(survey_id, form_errors(error)), 422
    flash(_("Thank you: your answer has been recorded."))
    return redirect(url_for("training_survey.answer", survey_id=survey_id))


@bp.route("/centre/training-surveys", methods=["GET", "POST"])
@login_required
def centre_surveys():
    errors = {}
    if request.method == "POST":
        try:
            survey = survey_service.create_survey(actor=actor(), fields=load_form(DemandSurveySchema()))
            flash(_("The survey has been created."))
            return redirect(url_for("training_survey.demand", survey_id=survey.id))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template("training_survey/centre.html", page=survey_service.centre_surveys(actor=actor(), **page_arguments()),
                           errors=errors, form=request.form), 422 if errors else 200


@bp.get("/centre/training-surveys/<int:survey_id>")
@login_required
def demand(survey_id):
    survey, rows, names = survey_service.survey_demand(actor=actor(), survey_id=survey_id)
    forecasts = survey_service.next_campaign_forecasts(survey=survey, occupations=sorted({row.isco_code for row in rows}))
    return render_template("training_survey/demand.html", survey=survey, rows=rows, names=names, forecasts=forecasts)


def _occupation(names, code):
    group = names["occupations"].get(code)
    return f"{code} {labels.localized(group.label_vi, group.label_en)}" if group else code


def _commune(names, code):
    ward = names["wards"].get(code)
    return ward.label if ward else _("Unknown")


@bp.get("/centre/training-surveys/<int:survey_id>.xlsx")
@login_required
def demand_xlsx(survey_id):
    survey, rows, names = survey_service.survey_demand(actor=actor(), survey_id=survey_id)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Demand")[:31]
    sheet.append([survey.title, survey.starts_on.strftime("%d/%m/%Y"), survey.ends_on.strftime("%d/%m/%Y")])
    sheet.append([_("Occupation"), _("Commune"), _("People wanting training"), _("of whom priority workers"),
                  _("Workers employers will need"), _("Open courses"), _("Course seats"), _("Open vacancies"), _("Openings")])
    for row in rows:  # numbers stay numbers: the centre adds them up in its own sheets
        sheet.append([_occupation(names, row.isco_code), _commune(names, row.ward_code), row.people_wanting, row.priority_wanting,
                      row.workers_needed, row.open_courses, row.course_seats, row.open_vacancies, row.openings])
    buffer = BytesIO()
    workbook.save(buffer)
    return Response(buffer.getvalue(), mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f"attachment; filename=training-demand-{survey.id}.xlsx"})
