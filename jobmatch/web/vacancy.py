"""Vacancy pages: the public search page, a vacancy's detail page, and the employer's vacancy forms."""
from io import BytesIO

from flask import Blueprint, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from itsdangerous import BadData, URLSafeTimedSerializer
from marshmallow import EXCLUDE, ValidationError

from jobmatch import labels
from jobmatch.i18n import translate_errors
from jobmatch.rules.clock import as_vietnam_time, vietnam_today
from jobmatch.rules.vacancy_sheet import template_workbook
from jobmatch.schemas.fields import phone_text
from jobmatch.schemas.vacancy import (
    VacancyPostSchema,
    VacancySearchArgsSchema,
    VacancyStatusSchema,
    VacancyWriteSchema,
)
from jobmatch.schemas.vacancy_intake import OccupationConfirmSchema
from jobmatch.services import application as application_service
from jobmatch.services import centre as centre_service
from jobmatch.services import overseas as overseas_service
from jobmatch.services import place as place_service
from jobmatch.services import vacancy as vacancy_service
from jobmatch.services import vacancy_file as vacancy_file_service
from jobmatch.services import vacancy_import as vacancy_import_service
from jobmatch.services import vacancy_screening
from jobmatch.services.authorization import authorize
from jobmatch.services.errors import InvalidRequest, SearchUnavailable, merged_errors
from jobmatch.web import actor, page_arguments, picker_options
from jobmatch.web.forms import (
    FORM_ERRORS,
    fee_inputs,
    flash_errors,
    form_errors,
    load_form,
    load_vacancy_form,
    refused_fields,
)
from jobmatch.web.vacancy_places import place_rows

# The fields a vacancy is screened on again when it is published or reopened, as its form labels them.
SCREENED_LABELS = {"title": _l("Job title"), "description": _l("Description"), "skills": _l("Skills"),
                   "language_requirement": _l("Language requirement"), "programme": _l("Programme"),
                   "deadline": _l("Apply by"), "is_overseas": _l("The work is abroad"), "destination_country": _l("Country"),
                   "salary_min": _l("Salary from"), "fees": _l("Every fee the worker pays (VND; leave empty when none)")}

bp = Blueprint("vacancy", __name__)

MULTI_VALUED = ("employment_type",)


@bp.get("/")
def search():
    # Empty form fields mean "any"; the language switch is the page's, not the search's.
    arguments = {
        name: values if name in MULTI_VALUED else values[-1]
        for name, values in request.args.lists()
        if name != "lang" and any(values)
    }
    status, result, errors, unavailable = 200, None, {}, None
    try:
        # Links shared on social media carry tracking arguments (fbclid, utm_*): the page ignores what it does not know.
        filters = VacancySearchArgsSchema(unknown=EXCLUDE).load(arguments)
        result = vacancy_service.search_vacancies(filters=filters, actor=actor())
    except ValidationError as error:
        status, errors = 400, translate_errors(error.messages)
    except InvalidRequest as error:
        status, errors = 400, {error.field: [error.message]}
    except SearchUnavailable as error:
        status, unavailable = 503, str(error)
    refine = {name: value for name, value in arguments.items() if name != "after"}
    # The radius is measured from the ward picked, or from the signed-in job seeker's own ward.
    centre = result.centre if result else None
    near_province = arguments.get("near_province") or place_service.province_of_ward(arguments.get("ward")) or (
        centre["province_code"] if centre else None)
    return (
        render_template(
            "vacancy/search.html",
            form=arguments,
            refine=refine,
            result=result,
            errors=errors,
            unavailable=unavailable,
            provinces=place_service.list_provinces(),
            near_province=near_province,
            near_wards=place_service.wards_of_province(near_province) if near_province else [],
            centre=centre,
            radii=RADII_KM,
            search_url=lambda changes: url_for("vacancy.search", **changed_arguments(refine, changes)),
            labels=labels,
        ),
        status,
    )


RADII_KM = (2, 5, 10, 20, 50, 100)


def changed_arguments(arguments, changes):
    """The page's arguments with a chip's or a choice's changes: None (or nothing left) leaves the argument out."""
    changed = dict(arguments)
    for name, value in changes.items():
        if value is None or value == []:
            changed.pop(name, None)
        else:
            changed[name] = "false" if value is False else value
    return changed


@bp.get("/vacancies/<int:vacancy_id>")
def detail(vacancy_id):
    vacancy, verifying_centre = vacancy_service.vacancy_or_preview(actor=current_user, vacancy_id=vacancy_id)
    preview = not vacancy.is_public()
    accepting = not preview and vacancy.is_accepting_applications(vietnam_today())
    # Search engines should list only vacancies that still take applications.
    posting = job_posting(vacancy) if accepting else None
    application = application_service.own_application(actor=current_user, vacancy_id=vacancy.id)
    programme_rules = overseas_service.programme_rules(vacancy.programme) if vacancy.is_overseas else None
    verification_due = centre_service.verification_due(verifying_centre, vacancy.employer) if verifying_centre else None
    return render_template(
        "vacancy/detail.html", vacancy=vacancy, accepting=accepting, job_posting=posting, labels=labels, application=application,
        programme_rules=programme_rules, today=vietnam_today(), preview=preview, verifying_centre=verifying_centre,
        verification_due=verification_due, centre_phone=phone_text(verifying_centre.phone) if verifying_centre else "",
    )


@bp.route("/employer/vacancies/new", methods=["GET", "POST"])
@login_required
def post():
    """A new vacancy; ?copy_of=<id> starts from one of the employer's own (a filled or closed one posted again)."""
    errors, values = {}, request.form
    copy_of = request.args.get("copy_of", type=int)
    if request.method == "GET" and copy_of:
        original = vacancy_service.get_own_vacancy(actor=actor(), vacancy_id=copy_of)
        values = {**VacancyWriteSchema().dump(original), **fee_inputs(original), "deadline": ""}
        flash(_("A copy of “%(title)s”: check it, set a new deadline and save.", title=original.title))
    if request.method == "POST":
        try:
            vacancy = vacancy_service.post_vacancy(actor=actor(), fields=load_vacancy_form(VacancyPostSchema()))
            flash(_("The vacancy has been saved."))
            return redirect(url_for("application.for_vacancy", vacancy_id=vacancy.id))
        except FORM_ERRORS as error:
            errors = _vacancy_form_errors(error)
    authorize(actor(), "vacancy.post", getattr(actor(), "employer", None))
    return render_template(
        "vacancy/form.html", vacancy=None, form=values, errors=errors, programmes=overseas_service.programme_choices(),
        place_rows=place_rows(values), **picker_options(values),
    ), 422 if errors else 200


@bp.route("/employer/vacancies/<int:vacancy_id>/edit", methods=["GET", "POST"])
@login_required
def edit(vacancy_id):
    vacancy = vacancy_service.get_own_vacancy(actor=actor(), vacancy_id=vacancy_id)
    errors = {}
    values = {**VacancyWriteSchema().dump(vacancy), **fee_inputs(vacancy), "deadline": vacancy.deadline.isoformat()}
    if request.method == "POST":
        values = request.form
        try:
            vacancy_service.update_vacancy(actor=actor(), vacancy_id=vacancy_id, fields=load_vacancy_form(VacancyWriteSchema()))
            flash(_("The vacancy has been saved."))
            return redirect(url_for("application.for_vacancy", vacancy_id=vacancy_id))
        except FORM_ERRORS as error:
            errors = _vacancy_form_errors(error, vacancy_id=vacancy_id)
    return render_template(
        "vacancy/form.html", vacancy=vacancy, form=values, errors=errors, programmes=overseas_service.programme_choices(),
        place_rows=place_rows(values), **picker_options(values),
    ), 422 if errors else 200


def _vacancy_form_errors(error, vacancy_id=None):
    """A refused vacancy form's errors by field; one its schema refused is screened too, as far as its valid fields
    allow, so that one submission shows every refusal, its words' beside theirs."""
    errors = form_errors(error)
    if isinstance(error, InvalidRequest):
        return errors
    return merged_errors(errors, vacancy_screening.errors_beside_refused_fields(
        actor=actor(), valid=error.valid_data, refused=refused_fields(error), original=error.data, vacancy_id=vacancy_id))


@bp.post("/employer/vacancies/<int:vacancy_id>/status")
@login_required
def change_status(vacancy_id):
    try:
        status = load_form(VacancyStatusSchema())["status"]
        vacancy_service.change_vacancy_status(actor=actor(), vacancy_id=vacancy_id, status=status)
        flash(_("The vacancy is now: %(status)s.", status=labels.VACANCY_STATUSES[status]))
    except FORM_ERRORS as error:
        flash_errors(error, SCREENED_LABELS)
    return redirect(url_for("application.for_vacancy", vacancy_id=vacancy_id))


@bp.post("/employer/vacancies/<int:vacancy_id>/occupation")
@login_required
def confirm_occupation(vacancy_id):
    try:
        isco_code = load_form(OccupationConfirmSchema())["isco_code"]
        vacancy_service.confirm_occupation(actor=actor(), vacancy_id=vacancy_id, isco_code=isco_code)
        flash(_("The occupation is confirmed."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("application.for_vacancy", vacancy_id=vacancy_id))


@bp.get("/centre/vacancies/occupations")
@login_required
def occupation_review():
    return render_template("vacancy/occupation_review.html",
                           page=vacancy_service.list_suggested_occupations(actor=actor(), **page_arguments()))


IMPORT_MAX_AGE_S = 3600  # a preview confirmed later than this is uploaded again


def _import_signer():
    return URLSafeTimedSerializer(current_app.secret_key, salt="vacancy-import")


@bp.route("/employer/vacancies/import", methods=["GET", "POST"])
@bp.route("/centre/employers/<int:employer_id>/vacancies/import", methods=["GET", "POST"])
@login_required
def import_file(employer_id=None):
    """Upload a CSV or XLSX of vacancies; the answer is a preview of every row, and nothing is stored yet."""
    employer = vacancy_import_service.importing_employer(actor(), employer_id)
    preview, token = None, None
    if request.method == "POST":
        upload = request.files.get("file")
        if upload is None or not upload.filename:
            flash(_("Choose a CSV or XLSX file."))
        else:
            preview = vacancy_file_service.preview_vacancy_file(actor=actor(), content=upload.read(), filename=upload.filename,
                                                                employer_id=employer_id)
            valid = [row.payload for row in preview.valid]
            token = _import_signer().dumps({"account": actor().id, "employer": employer.id, "rows": valid}) if valid else None
    return render_template("vacancy/import.html", employer=employer, employer_id=employer_id, preview=preview, token=token), (
        422 if preview is not None and (preview.problems or not preview.valid) else 200)


@bp.post("/employer/vacancies/import/confirm")
@bp.post("/centre/employers/<int:employer_id>/vacancies/import/confirm")
@login_required
def confirm_import(employer_id=None):
    """Store the rows the preview found valid, in one transaction."""
    back = url_for("vacancy.import_file", employer_id=employer_id)
    employer = vacancy_import_service.importing_employer(actor(), employer_id)
    try:
        signed = _import_signer().loads(request.form.get("rows", ""), max_age=IMPORT_MAX_AGE_S)
    except BadData:
        flash(_("This preview has expired or was changed: upload the file again."))
        return redirect(back)
    if signed["account"] != actor().id or signed["employer"] != employer.id:
        flash(_("This preview has expired or was changed: upload the file again."))
        return redirect(back)
    result = vacancy_file_service.import_vacancy_rows(actor=actor(), payloads=signed["rows"], employer_id=employer_id)
    flash(_("%(created)d vacancies added, %(updated)d updated, %(refused)d refused.", created=result.created,
            updated=result.updated, refused=result.refused))
    return redirect(url_for("employer.dashboard") if employer_id is None else back)


@bp.get("/employer/vacancies/import/template.xlsx")
def import_template():
    return send_file(BytesIO(template_workbook()), as_attachment=True, download_name="mau-tin-tuyen-dung.xlsx",
                     mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


SCHEMA_ORG_UNITS = {"month": "MONTH", "day": "DAY", "hour": "HOUR"}
SCHEMA_ORG_EMPLOYMENT_TYPES = {"full_time": "FULL_TIME", "part_time": "PART_TIME", "seasonal": "TEMPORARY", "contract": "CONTRACTOR"}


def job_posting(vacancy):
    """schema.org JobPosting for search engines (https://schema.org/JobPosting)."""
    posting = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": vacancy.description,
        "identifier": {"@type": "PropertyValue", "name": "jobmatch", "value": str(vacancy.id)},
        "datePosted": as_vietnam_time(vacancy.posted_at).date().isoformat(),
        "validThrough": vacancy.deadline.isoformat(),
        "employmentType": SCHEMA_ORG_EMPLOYMENT_TYPES[vacancy.employment_type],
        "hiringOrganization": {"@type": "Organization", "name": vacancy.employer.name},
        "occupationalCategory": f"ISCO-08 {vacancy.isco_code}",
        "totalJobOpenings": vacancy.openings,
        "skills": ", ".join(vacancy.skills or []),
    }
    if vacancy.is_overseas:
        posting["jobLocation"] = {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": vacancy.destination_country}}
    elif vacancy.places:
        posting["jobLocation"] = [_job_location(place) for place in vacancy.place_views]
    if (vacancy.salary_min or vacancy.salary_max) and vacancy.salary_unit in SCHEMA_ORG_UNITS:  # schema.org has no "per piece"
        amount = {"@type": "QuantitativeValue", "unitText": SCHEMA_ORG_UNITS[vacancy.salary_unit]}
        if vacancy.salary_min:
            amount["minValue"] = vacancy.salary_min
        if vacancy.salary_max:
            amount["maxValue"] = vacancy.salary_max
        posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": vacancy.salary_currency, "value": amount}
    return posting


def _job_location(place):
    """One work place; a whole province has no locality, nor a point (its centre is not where the work is)."""
    address = {"@type": "PostalAddress", "addressRegion": place["province_name"], "addressCountry": "VN"}
    if place["approximate"]:
        return {"@type": "Place", "address": address}
    return {"@type": "Place", "address": {**address, "addressLocality": place["name"]},
            "geo": {"@type": "GeoCoordinates", "latitude": place["latitude"], "longitude": place["longitude"]}}
