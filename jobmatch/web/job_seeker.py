"""Job-seeker pages: one's own profile, consents, data download and account deletion; and, for centre officers, the
centre's job seekers, walk-in registration, priority statuses and referrals."""
import json

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.models.ethnic_group import MAJORITY_CODE, ethnic_group_names
from jobmatch.rules.clock import utc_now
from jobmatch.schemas.fields import plain_text
from jobmatch.schemas.job_seeker import (
    PROFILE_STEPS,
    CitizenIdReviewSchema,
    ConsentChoicesSchema,
    JobSeekerSchema,
    OwnProfileSchema,
    PriorityStatusWriteSchema,
    WalkInSchema,
    profile_step_schema,
)
from jobmatch.services import application as application_service
from jobmatch.services import citizen_id as citizen_id_service
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import password_reset, profile_setup
from jobmatch.services import person_search as person_search_service
from jobmatch.services import personal_data as personal_data_service
from jobmatch.services import worklist as worklist_service
from jobmatch.services.authorization import authorize
from jobmatch.web import actor, page_arguments, picker_options
from jobmatch.web.forms import FORM_ERRORS, form_errors, load_form, load_profile_form

bp = Blueprint("job_seeker", __name__)


def _own_id():
    return job_seeker_service.own_id(actor())


def _profile_values(job_seeker):
    """The profile as the form shows it."""
    values = JobSeekerSchema().dump(job_seeker)
    values["ward_code"] = job_seeker.ward_code
    values.update((job_seeker.languages or [{}])[0])  # the form edits the first language; the API all of them
    return values


@bp.route("/me/profile", methods=["GET", "POST"])
@login_required
def profile():
    job_seeker = job_seeker_service.get_profile(actor=actor(), job_seeker_id=_own_id())
    errors, values = {}, _profile_values(job_seeker)
    if request.method == "POST":
        values = request.form
        try:
            job_seeker_service.update_profile(
                actor=actor(), job_seeker_id=job_seeker.id, changes=load_profile_form(OwnProfileSchema())
            )
            flash(_("Your profile has been saved."))
            return redirect(url_for("job_seeker.profile"))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template(
        "job_seeker/profile.html", job_seeker=job_seeker, form=values, errors=errors, step_count=len(PROFILE_STEPS),
        **picker_options(values),
    ), 422 if errors else 200


@bp.route("/me/profile/steps/<int:number>", methods=["GET", "POST"])
@login_required
def setup(number):
    """One short step of the profile after signing up: "save and continue" saves it, "skip" goes on without saving."""
    if not 1 <= number <= len(PROFILE_STEPS):
        abort(404)
    job_seeker = job_seeker_service.get_profile(actor=actor(), job_seeker_id=_own_id())
    errors, values = {}, _profile_values(job_seeker)
    if request.method == "POST":
        values = request.form
        try:
            changes = {} if request.form.get("action") == "skip" else load_profile_form(profile_step_schema(number))
            profile_setup.save_step(actor=actor(), job_seeker_id=job_seeker.id, number=number, changes=changes)
            if number < len(PROFILE_STEPS):
                return redirect(url_for("job_seeker.setup", number=number + 1))
            flash(_("Your profile is ready. Agree below to show it to employers when you apply."))
            return redirect(url_for("job_seeker.consents"))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template(
        "job_seeker/setup.html", number=number, count=len(PROFILE_STEPS), step=PROFILE_STEPS[number - 1][0],
        form=values, errors=errors, **picker_options(values),
    ), 422 if errors else 200


@bp.route("/me/consents", methods=["GET", "POST"])
@login_required
def consents(errors=None, status=200):
    if request.method == "POST" and errors is None:
        job_seeker_service.set_consents(actor=actor(), job_seeker_id=_own_id(), choices=load_form(ConsentChoicesSchema()))
        flash(_("Your choices have been saved."))
        return redirect(url_for("job_seeker.consents"))
    return render_template(
        "job_seeker/consents.html",
        history=job_seeker_service.consent_history(actor=actor(), job_seeker_id=_own_id()).items,
        active=job_seeker_service.active_consents(_own_id()),
        statuses=job_seeker_service.list_priority_statuses(actor=actor(), job_seeker_id=_own_id()).items,
        ethnic_groups=_minority_groups(),
        needs_citizen_id=job_seeker_service.get_profile(actor=actor(), job_seeker_id=_own_id()).citizen_id_as_given is None,
        errors=errors or {},
        form=request.form,
    ), status


@bp.post("/me/priority-statuses")
@login_required
def declare_priority_status():
    try:
        job_seeker_service.record_priority_status(actor=actor(), job_seeker_id=_own_id(), fields=load_form(PriorityStatusWriteSchema()))
    except FORM_ERRORS as error:
        return consents(errors=form_errors(error), status=422)
    flash(_("Your priority status has been recorded. Your employment centre will verify it against the document."))
    return redirect(url_for("job_seeker.consents"))


def _minority_groups():
    return [(code, name) for code, name in ethnic_group_names().items() if code != MAJORITY_CODE]


@bp.get("/me/export")
@login_required
def export():
    data = personal_data_service.export_personal_data(actor=actor(), job_seeker_id=_own_id())
    return Response(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        mimetype="application/json",
        headers={"Content-Disposition": "attachment; filename=jobmatch-du-lieu-cua-toi.json"},
    )


@bp.get("/me/data")
@login_required
def my_data():
    """The same record as the download, as a page the person can read and print."""
    data = personal_data_service.export_personal_data(actor=actor(), job_seeker_id=_own_id())
    return render_template("job_seeker/my_data.html", data=data)


@bp.route("/me/delete", methods=["GET", "POST"])
@login_required
def delete():
    if request.method == "POST":
        job_seeker_service.delete_account(actor=actor(), job_seeker_id=_own_id())
        flash(_("Your account and personal data have been deleted."))
        return redirect(url_for("vacancy.search"))
    _own_id()
    return render_template("job_seeker/delete.html")


# Centre officers

@bp.get("/centre/job-seekers")
@login_required
def centre_list():
    text = plain_text(request.args.get("q"), 100)
    if text:
        return render_template(
            "job_seeker/centre_found.html", page=person_search_service.find_job_seekers(actor=actor(), text=text, **page_arguments()),
            q=text,
            walk_in_values=person_search_service.walk_in_values(text),
        )
    unverified, citizen_ids_to_check = job_seeker_service.records_to_check(actor=actor())
    return render_template(
        "job_seeker/centre_list.html",
        page=job_seeker_service.list_centre_job_seekers(actor=actor(), **page_arguments()),
        expiring_count=worklist_service.worklist_count(actor=actor(), name="expiring_statuses"),
        unverified=unverified, citizen_ids_to_check=citizen_ids_to_check, q=text,
    )


@bp.route("/centre/job-seekers/new", methods=["GET", "POST"])
@login_required
def register_walk_in():
    authorize(actor(), "job_seeker.register_walk_in")
    errors = {}
    if request.method == "POST":
        try:
            fields = load_profile_form(WalkInSchema())
            job_seeker, code = job_seeker_service.register_walk_in(actor=actor(), fields=fields, consents=fields.pop("consents"))
            return render_template("job_seeker/registered.html", job_seeker=job_seeker, claim_code=code)
        except FORM_ERRORS as error:
            errors = form_errors(error)
    # From a search that found nobody, the form starts with what was typed (a name or a phone number).
    values = request.form if request.method == "POST" else request.args
    return render_template(
        "job_seeker/walk_in.html", form=values, errors=errors, **picker_options(values)
    ), 422 if errors else 200


@bp.get("/centre/job-seekers/<int:job_seeker_id>")
@login_required
def centre_detail(job_seeker_id, errors=None, status=200):
    job_seeker = job_seeker_service.get_profile(actor=actor(), job_seeker_id=job_seeker_id)
    return render_template(
        "job_seeker/centre_detail.html",
        job_seeker=job_seeker,
        statuses=job_seeker_service.list_priority_statuses(actor=actor(), job_seeker_id=job_seeker_id).items,
        consents=job_seeker_service.active_consents(job_seeker_id),
        applications=application_service.list_for_job_seeker(actor=actor(), job_seeker_id=job_seeker_id).items,
        ethnic_groups=_minority_groups(),
        errors=errors or {},
        form=request.form,
        now=utc_now(),
    ), status


@bp.post("/centre/job-seekers/<int:job_seeker_id>/claim-code")
@login_required
def renew_claim_code(job_seeker_id):
    job_seeker, code = job_seeker_service.renew_claim_code(actor=actor(), job_seeker_id=job_seeker_id)
    return render_template("job_seeker/registered.html", job_seeker=job_seeker, claim_code=code, renewed=True)


@bp.post("/centre/job-seekers/<int:job_seeker_id>/reset-code")
@login_required
def issue_reset_code(job_seeker_id):
    account, code = password_reset.issue_job_seeker_reset_code(actor=actor(), job_seeker_id=job_seeker_id)
    return render_template("account/reset_code.html", account=account, code=code)


@bp.post("/centre/job-seekers/<int:job_seeker_id>/citizen-id-review")
@login_required
def settle_citizen_id_review(job_seeker_id):
    try:
        citizen_id_service.settle_review(
            actor=actor(), job_seeker_id=job_seeker_id, card_shows_it=load_form(CitizenIdReviewSchema())["card_shows_it"]
        )
    except FORM_ERRORS as error:
        return centre_detail(job_seeker_id, errors=form_errors(error), status=422)
    flash(_("The citizen ID has been settled."))
    return redirect(url_for("job_seeker.centre_detail", job_seeker_id=job_seeker_id))


@bp.post("/centre/job-seekers/<int:job_seeker_id>/priority-statuses")
@login_required
def record_priority_status(job_seeker_id):
    try:
        job_seeker_service.record_priority_status(actor=actor(), job_seeker_id=job_seeker_id, fields=load_form(PriorityStatusWriteSchema()))
    except FORM_ERRORS as error:
        return centre_detail(job_seeker_id, errors=form_errors(error), status=422)
    flash(_("The priority status has been recorded and verified."))
    return redirect(url_for("job_seeker.centre_detail", job_seeker_id=job_seeker_id))


@bp.post("/centre/priority-statuses/<int:status_id>/verify")
@login_required
def verify_priority_status(status_id):
    status = job_seeker_service.verify_priority_status(actor=actor(), status_id=status_id)
    flash(_("The priority status has been verified."))
    return redirect(url_for("job_seeker.centre_detail", job_seeker_id=status.job_seeker_id))
