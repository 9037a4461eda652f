"""Job-fair endpoints, for the officers of the centre that runs them."""
from marshmallow import RAISE

from jobmatch.api import Blueprint, actor, protected
from jobmatch.schemas.job_fair import JobFairPageSchema, JobFairSchema, JobFairWriteSchema
from jobmatch.schemas.page import PageArgsSchema
from jobmatch.services import job_fair as job_fair_service

blp = Blueprint("job_fairs", __name__, url_prefix="/api/v1/job-fairs", description="Job-fair sessions")


@blp.route("")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, JobFairPageSchema)
def list_job_fairs(page):
    """The officer's centre's job fairs, latest first."""
    return job_fair_service.list_job_fairs(actor=actor(), **page)


@blp.route("", methods=["POST"])
@protected(blp)
@blp.arguments(JobFairWriteSchema)
@blp.response(201, JobFairSchema)
def create_job_fair(fields):
    """A job fair of the officer's centre, with its participating vacancies; record applications made there with
    POST /referrals and its job_fair_id."""
    return job_fair_service.create_job_fair(actor=actor(), fields=fields)


@blp.route("/<int:job_fair_id>")
@protected(blp)
@blp.response(200, JobFairSchema)
def get_job_fair(job_fair_id):
    return job_fair_service.get_job_fair(actor=actor(), job_fair_id=job_fair_id)
