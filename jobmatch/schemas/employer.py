"""Employers as their own accounts and the officers who verify them see them."""
from marshmallow import fields

from jobmatch.schemas.fields import UtcDateTime
from jobmatch.schemas.page import PageSchema
from jobmatch.schemas.vacancy import EmployerSummarySchema


class EmployerSchema(EmployerSummarySchema):
    tax_code = fields.String()
    sector = fields.String(allow_none=True)
    size = fields.String(allow_none=True)
    ward_code = fields.String(allow_none=True)
    overseas_licence_expires = fields.Date(allow_none=True)
    verified_at = UtcDateTime(allow_none=True)


class EmployerPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "Companies waiting for verification, the longest waiting first, page by page."

    items = fields.List(fields.Nested(EmployerSchema))
