"""Vocational training and the training demand survey as officers, job seekers and employers write them."""
from marshmallow import ValidationError, fields, validate, validates_schema

from jobmatch.i18n import N_
from jobmatch.models.training import FOLLOW_UP_MONTHS, LENGTH_UNITS
from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.fields import Amount, CitizenId, Id, Text, isco_code, ward_code
from jobmatch.schemas.overseas import plausible_day
from jobmatch.schemas.vacancy import NOT_A_CHOICE


def _ends_after_start(data, start="starts_on", end="ends_on"):
    if data.get(start) and data.get(end) and data[end] < data[start]:
        raise ValidationError(N_("The last day comes on or after the first."), end)


class TrainingProviderSchema(BaseSchema):
    name = Text(200, required=True)
    ward_code = ward_code(required=True)


class TrainingCourseSchema(BaseSchema):
    provider_id = Id(required=True)
    title = Text(200, required=True)
    isco_code = isco_code(required=True)
    length_value = fields.Integer(required=True, validate=validate.Range(min=1, max=36, error=N_("From 1 to 36.")))
    length_unit = fields.String(required=True, validate=validate.OneOf(LENGTH_UNITS, error=NOT_A_CHOICE))
    starts_on = fields.Date(required=True, validate=plausible_day)
    ends_on = fields.Date(required=True, validate=plausible_day)
    ward_code = ward_code(required=True)
    seats = fields.Integer(required=True, validate=validate.Range(min=1, max=1000, error=N_("From 1 to 1,000 seats.")))
    cost_vnd = Amount(required=True, metadata={"description": "What the course costs a person, in đồng (0: free)"})

    @validates_schema
    def dates_in_order(self, data, **kwargs):
        _ends_after_start(data)


class EnrolmentSchema(BaseSchema):
    """An officer enrols a person of their centre, found by the citizen ID on their card."""

    citizen_id = CitizenId(required=True)


class CompletionSchema(BaseSchema):
    certificate_number = Text(60, required=True)
    certificate_date = fields.Date(required=True, validate=plausible_day)

    @validates_schema
    def not_ahead(self, data, **kwargs):
        if data.get("certificate_date") and data["certificate_date"] > vietnam_today():
            raise ValidationError(N_("Enter a day that has come."), "certificate_date")


class TrainingFollowUpSchema(BaseSchema):
    """Whether the trained worker is in work is an explicit choice: a missing answer is refused, never read as "not"."""

    months = fields.Integer(required=True, validate=validate.OneOf(FOLLOW_UP_MONTHS, error=NOT_A_CHOICE))
    working = fields.Boolean(
        required=True, error_messages={"required": N_("Choose whether the person is working or not working.")},
        metadata={"explicit_choice": True},
    )


class DemandSurveySchema(BaseSchema):
    title = Text(200, required=True)
    starts_on = fields.Date(required=True, validate=plausible_day)
    ends_on = fields.Date(required=True, validate=plausible_day)

    @validates_schema
    def dates_in_order(self, data, **kwargs):
        _ends_after_start(data)


class TrainingWishSchema(BaseSchema):
    isco_code = isco_code(required=True)
    wanted_from = fields.Date(required=True, validate=plausible_day)
    travel_km = fields.Integer(required=True, validate=validate.Range(min=0, max=500, error=N_("From 0 to 500 km.")))


class SkillNeedSchema(BaseSchema):
    isco_code = isco_code(required=True)
    workers = fields.Integer(required=True, validate=validate.Range(min=1, max=10000, error=N_("From 1 to 10,000 workers.")))
    needed_from = fields.Date(required=True, validate=plausible_day)
