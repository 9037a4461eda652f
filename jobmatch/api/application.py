"""Application endpoints: applying, referring, moving through the pipeline, placements and follow-ups; a centre's
applications."""
from marshmallow import RAISE

from jobmatch.api import Blueprint, actor, protected
from jobmatch.schemas.application import (
    ApplicationSchema,
    ApplySchema,
    CentreApplicationArgsSchema,
    CentreApplicationPageSchema,
    EmployerApplicationSchema,
    FollowUpWriteSchema,
    PlacementWriteSchema,
    ReferralSchema,
    RejectionsSchema,
    RejectionsWriteSchema,
    TransitionSchema,
)
from jobmatch.schemas.interview import InterviewSchema, InterviewWriteSchema
from jobmatch.services import application as application_service
from jobmatch.services import interview as interview_service

blp = Blueprint("applications", __name__, url_prefix="/api/v1", description="Applications, referrals and placements")


def _as_seen_by(application):
    """The employer's view carries the candidate; the seeker's and officer's views carry the history only."""
    if actor().role == "employer":
        application_service.read_as_employer(actor=actor(), applications=[application])
    return application


@blp.route("/centre/applications")
@protected(blp)
@blp.arguments(CentreApplicationArgsSchema, location="query", unknown=RAISE)
@blp.response(200, CentreApplicationPageSchema)
def applications_of_centre(args):
    """The applications of the people the officer's centre serves, of one status, the newest first."""
    return application_service.list_for_centre(actor=actor(), **args)


@blp.route("/applications", methods=["POST"])
@protected(blp)
@blp.arguments(ApplySchema)
@blp.response(201, ApplicationSchema)
def apply(body):
    """The signed-in job seeker applies; it needs their consent to show the profile to employers (given before, or now)."""
    return application_service.apply(actor=actor(), vacancy_id=body["vacancy_id"], give_consent=body["consent"])


@blp.route("/referrals", methods=["POST"])
@protected(blp)
@blp.arguments(ReferralSchema)
@blp.response(201, ApplicationSchema)
def refer(body):
    """An officer refers a job seeker of their centre to a vacancy, optionally at one of their job fairs."""
    return application_service.refer(actor=actor(), **body)


@blp.route("/applications/<int:application_id>")
@protected(blp)
@blp.response(200, EmployerApplicationSchema)
def get_application(application_id):
    """An application with its history (and, for the employer, the candidate)."""
    return _as_seen_by(application_service.get_application(actor=actor(), application_id=application_id))


@blp.route("/applications/<int:application_id>/transitions", methods=["POST"])
@protected(blp)
@blp.arguments(TransitionSchema)
@blp.response(200, EmployerApplicationSchema)
def move(body, application_id):
    """Move an application: the employer to any later stage at once or to rejected (with a reason), the job seeker to
    withdrawn. Each move is one event in the history, from the stage it left."""
    application = application_service.move(actor=actor(), application_id=application_id, **body)
    return _as_seen_by(application)


@blp.route("/applications/<int:application_id>/interviews", methods=["POST"])
@protected(blp)
@blp.arguments(InterviewWriteSchema)
@blp.response(201, InterviewSchema)
def schedule_interview(body, application_id):
    """The vacancy's employer schedules an interview (a day and time in Vietnam not yet passed, a place or an http(s)
    link); a second one reschedules, keeping the first with the moment it was replaced. The person is notified."""
    return interview_service.schedule(actor=actor(), application_id=application_id, **body)


@blp.route("/vacancies/<int:vacancy_id>/applications/rejections", methods=["POST"])
@protected(blp)
@blp.arguments(RejectionsWriteSchema)
@blp.response(200, RejectionsSchema)
def reject_many(body, vacancy_id):
    """The vacancy's employer rejects several applications with one coded reason, in one transaction: if one cannot be
    rejected, none is. Each person is notified."""
    rejected = application_service.reject_many(actor=actor(), vacancy_id=vacancy_id, **body)
    return {"rejected": [application.id for application in rejected]}


@blp.route("/applications/<int:application_id>/placement", methods=["POST"])
@protected(blp)
@blp.arguments(PlacementWriteSchema)
@blp.response(201, ApplicationSchema)
def confirm_placement(body, application_id):
    """An officer of the worker's centre confirms the hire."""
    application_service.confirm_placement(actor=actor(), application_id=application_id, **body)
    return application_service.get_application(actor=actor(), application_id=application_id)


@blp.route("/applications/<int:application_id>/placement/follow-ups", methods=["POST"])
@protected(blp)
@blp.arguments(FollowUpWriteSchema)
@blp.response(201, ApplicationSchema)
def record_follow_up(body, application_id):
    """Record whether the worker is still employed 3 or 6 months after the hire (from 80 or 170 days after it)."""
    application_service.record_follow_up(actor=actor(), application_id=application_id, **body)
    return application_service.get_application(actor=actor(), application_id=application_id)


@blp.route("/applications/<int:application_id>/placement/follow-ups", methods=["PUT"])
@protected(blp)
@blp.arguments(FollowUpWriteSchema)
@blp.response(200, ApplicationSchema)
def correct_follow_up(body, application_id):
    """Correct a recorded follow-up: the earlier answer is kept in its history and the correction audited."""
    application_service.correct_follow_up(actor=actor(), application_id=application_id, **body)
    return application_service.get_application(actor=actor(), application_id=application_id)
