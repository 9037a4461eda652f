"""Invitations to apply and referral requests as each side writes and reads them: the employer sees only the answer,
the person sees who invites them and why, the requesting centre sees only the answer, the person's centre sees whom."""
from marshmallow import fields

from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.fields import Id, Text, UtcDateTime
from jobmatch.schemas.page import PageSchema

MESSAGE = {"description": "Optional, at most 500 characters"}


class InvitationWriteSchema(BaseSchema):
    job_seeker_id = Id(required=True, metadata={"description": "The candidate's number in the candidate list"})
    message = Text(500, blank=True, load_default=None, allow_none=True, metadata=MESSAGE)


class InvitationAnswerSchema(BaseSchema):
    accept = fields.Boolean(required=True, metadata={"description": "true applies to the vacancy, false declines"})
    consent = fields.Boolean(
        load_default=False, metadata={"description": "Agree now to show the full profile to the employers one applies to"}
    )


class InvitationSchema(BaseSchema):
    """An invitation as the employer sees it: to which anonymous candidate, and the answer."""

    id = fields.Integer()
    vacancy_id = fields.Integer()
    job_seeker_id = fields.Integer()
    status = fields.String(metadata={"description": "open, accepted or declined"})
    created_at = UtcDateTime()
    answered_at = UtcDateTime(allow_none=True)


class ReceivedInvitationSchema(InvitationSchema):
    """An invitation as the person sees it: the vacancy, the company and its message."""

    vacancy_title = fields.String(attribute="vacancy.title")
    employer_name = fields.String(attribute="vacancy.employer.name")
    message = fields.String(allow_none=True)
    application_id = fields.Integer(allow_none=True)


class InvitationPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "Invitations to apply, the latest first, page by page."

    items = fields.List(fields.Nested(InvitationSchema))


class ReceivedInvitationPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "The invitations to apply the person received, the latest first, page by page."

    items = fields.List(fields.Nested(ReceivedInvitationSchema))


class ReferralRequestWriteSchema(BaseSchema):
    job_seeker_id = Id(required=True, metadata={"description": "The candidate's number in the candidate list"})
    message = Text(500, blank=True, load_default=None, allow_none=True, metadata=MESSAGE)


class ReferralRequestAnswerSchema(BaseSchema):
    refer = fields.Boolean(required=True, metadata={"description": "true refers the person to the vacancy, false declines"})


class ReferralRequestSchema(BaseSchema):
    """A referral request as the requesting officer sees it: the anonymous number and the answer."""

    id = fields.Integer()
    vacancy_id = fields.Integer()
    job_seeker_id = fields.Integer()
    status = fields.String(metadata={"description": "open, referred or declined"})
    created_at = UtcDateTime()
    answered_at = UtcDateTime(allow_none=True)


class CentreReferralRequestSchema(ReferralRequestSchema):
    """A referral request as the person's own centre sees it: whom, to what, and why."""

    full_name = fields.String(attribute="job_seeker.full_name")
    vacancy_title = fields.String(attribute="vacancy.title")
    message = fields.String(allow_none=True)
    application_id = fields.Integer(allow_none=True)


class CentreReferralRequestPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "The referral requests other centres sent to the officer's centre, the latest first, page by page."

    items = fields.List(fields.Nested(CentreReferralRequestSchema))
