"""Applications, referrals, their transitions and history, placements and follow-ups."""
from marshmallow import ValidationError, fields, validate, validates

from jobmatch.i18n import N_
from jobmatch.models.application import APPLICATION_STATUSES, FOLLOW_UP_MONTHS, REJECTION_REASONS
from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.base import BaseSchema, form_check
from jobmatch.schemas.fields import Id, UtcDateTime
from jobmatch.schemas.interview import InterviewSchema
from jobmatch.schemas.job_seeker import CandidateSchema
from jobmatch.schemas.page import PageArgsSchema, PageSchema
from jobmatch.schemas.vacancy import NOT_A_CHOICE


class ApplySchema(BaseSchema):
    vacancy_id = Id(required=True)
    consent = fields.Boolean(load_default=False, metadata={"description": "Agree now to show the profile to employers one applies to"})


class ReferralSchema(BaseSchema):
    vacancy_id = Id(required=True)
    job_seeker_id = Id(required=True)
    job_fair_id = Id(allow_none=True, metadata={"description": "Made at this job-fair session"})


class TransitionSchema(BaseSchema):
    status = fields.String(required=True, validate=validate.OneOf(APPLICATION_STATUSES, error=NOT_A_CHOICE))
    reason = fields.String(allow_none=True, validate=validate.OneOf(REJECTION_REASONS, error=NOT_A_CHOICE))

    @form_check("status", "reason")
    def _reason_for_rejection(self, data, **kwargs):
        if data.get("status") == "rejected" and not data.get("reason"):
            raise ValidationError(N_("Choose the reason for the rejection."), field_name="reason")
        if data.get("status") != "rejected" and data.get("reason"):
            raise ValidationError(N_("A reason goes only with a rejection."), field_name="reason")


class RejectionsWriteSchema(BaseSchema):
    """Several applications to one vacancy rejected at once with one coded reason."""

    application_ids = fields.List(
        Id(), required=True, validate=validate.Length(min=1, max=100, error=N_("Tick between 1 and 100 applications.")),
        error_messages={"required": N_("Tick the applications to reject.")},
    )
    reason = fields.String(required=True, validate=validate.OneOf(REJECTION_REASONS, error=NOT_A_CHOICE),
                           error_messages={"required": N_("Choose the reason for the rejection.")})


class RejectionsSchema(BaseSchema):
    rejected = fields.List(fields.Integer(), metadata={"description": "The applications rejected, now each person's notified"})


class ApplicationEventSchema(BaseSchema):
    from_status = fields.String(allow_none=True)
    to_status = fields.String()
    at = UtcDateTime()
    reason = fields.String(allow_none=True)


class ApplicationVacancySchema(BaseSchema):
    id = fields.Integer()
    title = fields.String()
    employer_name = fields.String(attribute="employer.name")
    status = fields.String()
    deadline = fields.Date()


class ApplicationSchema(BaseSchema):
    id = fields.Integer()
    status = fields.String()
    source = fields.String()
    rejection_reason = fields.String(allow_none=True)
    created_at = UtcDateTime()
    vacancy = fields.Nested(ApplicationVacancySchema)
    events = fields.List(fields.Nested(ApplicationEventSchema))
    interviews = fields.List(fields.Nested(InterviewSchema), metadata={"description": "The one in force has no replaced_at"})


class EmployerApplicationSchema(ApplicationSchema):
    """An application as the vacancy's employer sees it: the candidate, never their sensitive data."""

    candidate = fields.Nested(CandidateSchema)


class ApplicationPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "The person's applications with their history, the latest first, page by page."

    items = fields.List(fields.Nested(ApplicationSchema))


class CentreApplicationArgsSchema(PageArgsSchema):
    """The applications of a centre's people, of one status, page by page."""

    status = fields.String(validate=validate.OneOf(APPLICATION_STATUSES, error=NOT_A_CHOICE),
                           metadata={"description": "Only the applications of this status"})


class CentreApplicationSchema(ApplicationSchema):
    """An application of one of the centre's people, as their officers see it."""

    job_seeker_id = fields.Integer()


class CentreApplicationPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "The applications of the centre's people, the newest first, page by page."

    items = fields.List(fields.Nested(CentreApplicationSchema))


class EmployerApplicationPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "The vacancy's applications from candidates who consent to be shown, the first made first, page by page."

    items = fields.List(fields.Nested(EmployerApplicationSchema))


class PlacementWriteSchema(BaseSchema):
    hire_date = fields.Date(required=True)
    employer_confirmed = fields.Boolean(required=True, metadata={"description": "The employer confirmed the hire"})

    @validates("hire_date")
    def _not_future(self, value, **kwargs):
        if value > vietnam_today():
            raise ValidationError(N_("A hire date cannot be in the future."))


class FollowUpWriteSchema(BaseSchema):
    """A follow-up's answer, recorded or corrected. Whether the person is still employed is an explicit choice (on a
    form, two options with none chosen): a missing answer is refused, never read as "has left"."""

    months = fields.Integer(required=True, validate=validate.OneOf(FOLLOW_UP_MONTHS, error=NOT_A_CHOICE))
    still_employed = fields.Boolean(
        required=True, error_messages={"required": N_("Choose whether the person is still employed or has left.")},
        metadata={"explicit_choice": True},
    )
