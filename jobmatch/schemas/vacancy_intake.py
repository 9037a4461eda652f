"""Vacancies coming in from where employers already publish them: without an occupation code (the coder's suggestion,
confirmed later), and in batches with the employer's own references."""
from marshmallow import fields, validate

from jobmatch.i18n import N_
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.fields import Text, isco_code
from jobmatch.schemas.page import PageSchema
from jobmatch.schemas.vacancy import EmployerVacancySchema, VacancyPostSchema

MAX_BATCH = 500


class OccupationConfirmSchema(BaseSchema):
    isco_code = isco_code(required=True, metadata={"description": "The suggested unit group to confirm, or another one"})


class SuggestedOccupationPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "Vacancies whose occupation the coder suggested and their employer has not confirmed, oldest first."

    items = fields.List(fields.Nested(EmployerVacancySchema))


class VacancyBatchItemSchema(VacancyPostSchema):
    """One vacancy of a batch: as POST /api/v1/vacancies takes it, with the employer's own reference."""

    external_ref = Text(100, allow_none=True, metadata={
        "description": "The employer's own id for this vacancy (its site's or spreadsheet's), unique per employer: sent "
                       "again, it updates the vacancy instead of posting another"})


class VacancyBatchSchema(BaseSchema):
    vacancies = fields.List(
        fields.Dict(keys=fields.String(), values=fields.Raw(allow_none=True)),
        required=True,
        validate=validate.Length(min=1, max=MAX_BATCH, error=N_("Send 1 to 500 vacancies at a time.")),
        metadata={"description": "Each a vacancy as POST /api/v1/vacancies takes it (isco_code may be left out: the "
                                 "occupation coder's answer is then suggested), with external_ref; each is checked on its own. "
                                 'Instead of places, "place" may name them as a spreadsheet cell does, separated by ";": '
                                 '"Hà Nội; Phường Bến Nghé, TP.HCM" (a province alone is the whole province)'},
    )


class BatchItemResultSchema(BaseSchema):
    index = fields.Integer(metadata={"description": "Its position in the batch, from 0"})
    external_ref = fields.String(allow_none=True)
    outcome = fields.String(metadata={"description": "created, updated or refused"})
    id = fields.Integer(allow_none=True, metadata={"description": "The vacancy's id; null when refused"})
    occupation_suggested = fields.Boolean(allow_none=True)
    errors = fields.Dict(keys=fields.String(), values=fields.Raw(), metadata={
        "description": "Refused: the messages by field, in the request's language; nothing of this vacancy is stored"})


class BatchResultSchema(BaseSchema):
    items = fields.List(fields.Nested(BatchItemResultSchema), metadata={"description": "One per vacancy sent, in order"})
    created = fields.Integer()
    updated = fields.Integer()
    refused = fields.Integer()
