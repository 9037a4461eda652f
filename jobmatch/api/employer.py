"""Employer endpoints: officers verify companies before their vacancies go public."""
from marshmallow import RAISE

from jobmatch.api import Blueprint, actor, protected
from jobmatch.schemas.employer import EmployerPageSchema, EmployerSchema
from jobmatch.schemas.page import PageArgsSchema
from jobmatch.services import employer as employer_service

blp = Blueprint("employers", __name__, url_prefix="/api/v1/employers", description="Employers and placement agencies")


@blp.route("/unverified")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, EmployerPageSchema)
def list_unverified(page):
    """Companies waiting for an officer to check them against the business register."""
    return employer_service.list_unverified(actor=actor(), **page)


@blp.route("/<int:employer_id>/verification", methods=["POST"])
@protected(blp)
@blp.response(200, EmployerSchema)
def verify(employer_id):
    """Mark a company verified: its published vacancies become public."""
    return employer_service.verify_employer(actor=actor(), employer_id=employer_id)


@blp.route("/<int:employer_id>")
@protected(blp)
@blp.response(200, EmployerSchema)
def get_employer(employer_id):
    """The company, for its own accounts."""
    return employer_service.get_employer(actor=actor(), employer_id=employer_id)
