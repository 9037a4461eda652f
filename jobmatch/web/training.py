"""Vocational training pages: the public list of open courses and enrolment in one, the person's own courses; for a
centre's officers, providers, courses, enrolments, completions with certificates, follow-ups at 3 and 6 months and the
share of trained workers in work."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.schemas.training import (
    CompletionSchema,
    EnrolmentSchema,
    TrainingCourseSchema,
    TrainingFollowUpSchema,
    TrainingProviderSchema,
)
from jobmatch.services import training as training_service
from jobmatch.web import actor, page_arguments, picker_options
from jobmatch.web.forms import FORM_ERRORS, form_errors, load_form

bp = Blueprint("training", __name__)


@bp.get("/courses")
def open_courses():
    return render_template("training/open_courses.html", page=training_service.open_courses(**page_arguments()))


def _public_page(course_id, errors=None):
    course = training_service.get_public_course(course_id=course_id)
    return render_template("training/course.html", course=course, taken=training_service.seats_taken(course),
                           enrolment=training_service.enrolment_of(actor=actor(), course=course), errors=errors or {})


@bp.get("/courses/<int:course_id>")
def course(course_id):
    return _public_page(course_id)


@bp.post("/courses/<int:course_id>/enrolment")
@login_required
def enrol_self(course_id):
    try:
        training_service.enrol(actor=actor(), course_id=course_id, job_seeker_id=actor().job_seeker_id)
    except FORM_ERRORS as error:
        return _public_page(course_id, form_errors(error)), 422
    flash(_("You are enrolled in this course."))
    return redirect(url_for("training.course", course_id=course_id))


@bp.get("/me/courses")
@login_required
def own_courses():
    return render_template("training/mine.html", enrolments=training_service.own_enrolments(actor=actor()))


@bp.route("/centre/training-providers", methods=["GET", "POST"])
@login_required
def providers():
    errors = {}
    if request.method == "POST":
        try:
            training_service.create_provider(actor=actor(), fields=load_form(TrainingProviderSchema()))
            flash(_("The provider has been added."))
            return redirect(url_for("training.providers"))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template("training/providers.html", providers=training_service.centre_providers(actor=actor()), errors=errors,
                           form=request.form, **picker_options(request.form)), 422 if errors else 200


@bp.route("/centre/courses", methods=["GET", "POST"])
@login_required
def centre_courses():
    errors = {}
    if request.method == "POST":
        try:
            created = training_service.create_course(actor=actor(), fields=load_form(TrainingCourseSchema()))
            flash(_("The course has been created."))
            return redirect(url_for("training.manage", course_id=created.id))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template(
        "training/centre_courses.html", page=training_service.centre_courses(actor=actor(), **page_arguments()),
        provider_options=[(provider.id, provider.name) for provider in training_service.centre_providers(actor=actor())],
        errors=errors, form=request.form, **picker_options(request.form),
    ), 422 if errors else 200


def _manage_page(course_id, errors=None, enrolment_id=None):
    course = training_service.get_course(actor=actor(), course_id=course_id)
    return render_template("training/manage.html", course=course, taken=training_service.seats_taken(course), errors=errors or {},
                           failed_enrolment=enrolment_id, form=request.form if errors else {})


@bp.get("/centre/courses/<int:course_id>")
@login_required
def manage(course_id):
    return _manage_page(course_id)


@bp.post("/centre/courses/<int:course_id>/enrolments")
@login_required
def enrol_person(course_id):
    try:
        citizen_id = load_form(EnrolmentSchema())["citizen_id"]
        enrolment = training_service.enrol(actor=actor(), course_id=course_id, citizen_id=citizen_id)
    except FORM_ERRORS as error:
        return _manage_page(course_id, form_errors(error)), 422
    flash(_("%(name)s is enrolled.", name=enrolment.job_seeker.full_name))
    return redirect(url_for("training.manage", course_id=course_id))


@bp.post("/enrolments/<int:enrolment_id>/completion")
@login_required
def completion(enrolment_id):
    return _enrolment_action(enrolment_id, CompletionSchema(), training_service.record_completion, _("The completion has been recorded."))


@bp.post("/enrolments/<int:enrolment_id>/follow-ups")
@login_required
def follow_up(enrolment_id):
    def record(*, actor, enrolment_id, fields):
        return training_service.record_follow_up(actor=actor, enrolment_id=enrolment_id, **fields)

    return _enrolment_action(enrolment_id, TrainingFollowUpSchema(), record, _("The follow-up has been recorded."))


def _enrolment_action(enrolment_id, schema, action, done):
    enrolment = training_service.get_enrolment(actor=actor(), enrolment_id=enrolment_id)
    try:
        action(actor=actor(), enrolment_id=enrolment_id, fields=load_form(schema))
    except FORM_ERRORS as error:
        return _manage_page(enrolment.course_id, form_errors(error), enrolment_id), 422
    flash(done)
    return redirect(url_for("training.manage", course_id=enrolment.course_id))


@bp.get("/centre/training-outcomes")
@login_required
def outcomes():
    return render_template("training/outcomes.html", outcomes=training_service.centre_outcomes(actor=actor()))
