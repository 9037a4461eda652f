"""Job-seeker endpoints: one's own profile, consents, data export and deletion; officers' walk-in registration and
priority statuses. Sensitive reads are audited by the services."""
from marshmallow import RAISE

from jobmatch.api import Blueprint, actor, protected
from jobmatch.schemas.application import ApplicationPageSchema
from jobmatch.schemas.job_seeker import (
    ConsentPageSchema,
    ConsentWriteSchema,
    JobSeekerProfileSchema,
    JobSeekerSchema,
    PriorityStatusPageSchema,
    PriorityStatusSchema,
    PriorityStatusWriteSchema,
    WalkInResultSchema,
    WalkInSchema,
)
from jobmatch.schemas.page import PAGE_SIZE, PageArgsSchema
from jobmatch.services import application as application_service
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import personal_data as personal_data_service

blp = Blueprint("job_seekers", __name__, url_prefix="/api/v1/job-seekers", description="Job-seeker profiles")


def _own_id():
    return job_seeker_service.own_id(actor())


@blp.route("", methods=["POST"])
@protected(blp)
@blp.arguments(WalkInSchema)
@blp.response(201, WalkInResultSchema)
def register_walk_in(fields):
    """An officer registers a walk-in job seeker for their centre; a registered citizen ID is refused as a duplicate."""
    consents = fields.pop("consents")
    job_seeker, code = job_seeker_service.register_walk_in(actor=actor(), fields=fields, consents=consents)
    return {"job_seeker": job_seeker, "claim_code": code}


@blp.route("/me")
@protected(blp)
@blp.response(200, JobSeekerSchema)
def get_own_profile():
    """The signed-in job seeker's profile."""
    return job_seeker_service.get_profile(actor=actor(), job_seeker_id=_own_id())


@blp.route("/<int:job_seeker_id>")
@protected(blp)
@blp.response(200, JobSeekerSchema)
def get_profile(job_seeker_id):
    """A profile, for its owner or an officer of the centre serving the person (audited)."""
    return job_seeker_service.get_profile(actor=actor(), job_seeker_id=job_seeker_id)


@blp.route("/<int:job_seeker_id>", methods=["PUT"])
@protected(blp)
@blp.arguments(JobSeekerProfileSchema)
@blp.response(200, JobSeekerSchema)
@blp.alt_response(429, description="The owner changed the citizen ID too often (RATELIMIT_CITIZEN_ID_CHANGE); see Retry-After")
def update_profile(fields, job_seeker_id):
    """Replace a profile's content, by its owner or their centre's officer. A citizen ID the owner gives that another
    profile holds is answered like any other and kept for their centre's review."""
    return job_seeker_service.update_profile(actor=actor(), job_seeker_id=job_seeker_id, changes=fields)


@blp.route("/<int:job_seeker_id>/priority-statuses")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, PriorityStatusPageSchema)
def list_priority_statuses(page, job_seeker_id):
    """Priority statuses (sensitive): for the person and their centre's officers only; every read is audited."""
    return job_seeker_service.list_priority_statuses(actor=actor(), job_seeker_id=job_seeker_id, **page)


@blp.route("/<int:job_seeker_id>/priority-statuses", methods=["POST"])
@protected(blp)
@blp.arguments(PriorityStatusWriteSchema)
@blp.response(201, PriorityStatusSchema)
def record_priority_status(fields, job_seeker_id):
    """An officer of the person's centre records a priority status from the document they saw (verified by them)."""
    return job_seeker_service.record_priority_status(actor=actor(), job_seeker_id=job_seeker_id, fields=fields)


@blp.route("/<int:job_seeker_id>/consents")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, ConsentPageSchema)
def list_consents(page, job_seeker_id):
    """Every consent given or withdrawn, latest first."""
    return job_seeker_service.consent_history(actor=actor(), job_seeker_id=job_seeker_id, **page)


@blp.route("/<int:job_seeker_id>/consents", methods=["POST"])
@protected(blp)
@blp.arguments(ConsentWriteSchema)
@blp.response(200, ConsentPageSchema)
def set_consent(body, job_seeker_id):
    """Give or withdraw a consent; the answer is the history's first page (the latest first)."""
    job_seeker_service.set_consents(actor=actor(), job_seeker_id=job_seeker_id, choices={body["purpose"]: body["given"]})
    return job_seeker_service.consent_history(actor=actor(), job_seeker_id=job_seeker_id, size=PAGE_SIZE)


@blp.route("/<int:job_seeker_id>/applications")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, ApplicationPageSchema)
def list_applications(page, job_seeker_id):
    """The person's applications with their status history, latest first."""
    return application_service.list_for_job_seeker(actor=actor(), job_seeker_id=job_seeker_id, **page)


@blp.route("/me/export")
@protected(blp)
@blp.response(200)
def export_personal_data():
    """Everything the platform holds about the signed-in job seeker."""
    return personal_data_service.export_personal_data(actor=actor(), job_seeker_id=_own_id())


@blp.route("/me", methods=["DELETE"])
@protected(blp)
@blp.response(204)
def delete_account():
    """Delete the signed-in job seeker's account and personal data (anonymous counts remain for statistics)."""
    job_seeker_service.delete_account(actor=actor(), job_seeker_id=_own_id())
