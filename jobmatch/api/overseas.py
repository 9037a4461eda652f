"""Overseas programme endpoints: the programmes for everyone; a worker's eligibility and cases for the person and their
centre's officers, who also open and move cases."""
from marshmallow import RAISE, fields

from jobmatch.api import Blueprint, actor, protected
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.overseas import (
    CaseCloseSchema,
    CaseMoveSchema,
    CaseOpenSchema,
    CentreCaseArgsSchema,
    CentreCasePageSchema,
    EligibilityPageSchema,
    OverseasCasePageSchema,
    OverseasCaseSchema,
    ProgrammePageSchema,
    ProgrammeVersionSchema,
    plausible_day,
)
from jobmatch.schemas.page import PageArgsSchema
from jobmatch.services import overseas as overseas_service
from jobmatch.services.page import Page

blp = Blueprint("programmes", __name__, url_prefix="/api/v1", description="Overseas contract programmes and cases")


class EligibilityArgsSchema(BaseSchema):
    on = fields.Date(load_default=None, validate=plausible_day, metadata={"description": "The day to judge on (today by default)"})
    programme = fields.String(load_default=None, metadata={"description": "One programme's code (all by default)"})


@blp.route("/programmes")
@blp.response(200, ProgrammePageSchema)
def list_programmes():
    """Every programme under the version in force: stages, eligibility rules, fee cap and sources."""
    return Page.whole(overseas_service.list_programmes())


class ProgrammeArgsSchema(BaseSchema):
    version = fields.Integer(load_default=None, metadata={"description": "An earlier version's number, to explain a past decision"})


@blp.route("/programmes/<code>")
@blp.arguments(ProgrammeArgsSchema, location="query")
@blp.response(200, ProgrammeVersionSchema)
def get_programme(args, code):
    """A programme under the version in force, or under an earlier one."""
    return overseas_service.programme_version(code=code, number=args["version"])


@blp.route("/job-seekers/<int:job_seeker_id>/eligibility")
@protected(blp)
@blp.arguments(EligibilityArgsSchema, location="query")
@blp.response(200, EligibilityPageSchema)
def eligibility(args, job_seeker_id):
    """Eligible or not for each programme on a day, with every rule's verdict in plain words."""
    return Page.whole(overseas_service.eligibility(actor=actor(), job_seeker_id=job_seeker_id, on=args["on"],
                                                   programme_code=args["programme"]))


@blp.route("/job-seekers/<int:job_seeker_id>/overseas-cases")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, OverseasCasePageSchema)
def cases_of_job_seeker(page, job_seeker_id):
    """The worker's cases, newest first."""
    return overseas_service.cases_of_job_seeker(actor=actor(), job_seeker_id=job_seeker_id, **page)


@blp.route("/centre/overseas-cases")
@protected(blp)
@blp.arguments(CentreCaseArgsSchema, location="query", unknown=RAISE)
@blp.response(200, CentreCasePageSchema)
def cases_of_centre(args):
    """The officer's centre's cases of one status (active by default), at one step, as late as asked."""
    return overseas_service.centre_cases(actor=actor(), **args)


@blp.route("/job-seekers/<int:job_seeker_id>/overseas-cases", methods=["POST"])
@protected(blp)
@blp.arguments(CaseOpenSchema)
@blp.response(201, OverseasCaseSchema)
def open_case(fields, job_seeker_id):
    """Register an eligible worker for a programme (an officer of their centre); refused with each failed rule."""
    return overseas_service.open_case(actor=actor(), job_seeker_id=job_seeker_id, fields=fields)


@blp.route("/overseas-cases/<int:case_id>")
@protected(blp)
@blp.response(200, OverseasCaseSchema)
def get_case(case_id):
    return overseas_service.get_case(actor=actor(), case_id=case_id)


@blp.route("/overseas-cases/<int:case_id>/moves", methods=["POST"])
@protected(blp)
@blp.arguments(CaseMoveSchema)
@blp.response(200, OverseasCaseSchema)
def move_case(fields, case_id):
    """Record the next stage of the path on its day with its document; any other stage is refused."""
    return overseas_service.move_case(actor=actor(), case_id=case_id, fields=fields)


@blp.route("/overseas-cases/<int:case_id>/close", methods=["POST"])
@protected(blp)
@blp.arguments(CaseCloseSchema)
@blp.response(200, OverseasCaseSchema)
def close_case(fields, case_id):
    return overseas_service.close_case(actor=actor(), case_id=case_id, fields=fields)
