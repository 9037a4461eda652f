"""Job-fair sessions as officers write and read them."""
from marshmallow import fields, validate

from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.fields import Id, Text, ward_code
from jobmatch.schemas.overseas import plausible_day
from jobmatch.schemas.page import PageSchema


class JobFairWriteSchema(BaseSchema):
    title = Text(200, required=True)
    held_on = fields.Date(required=True, validate=plausible_day)
    ward_code = ward_code(required=True)
    venue = Text(200, required=True)
    vacancy_ids = fields.List(Id(), load_default=list, validate=validate.Length(max=500))


class JobFairSchema(BaseSchema):
    id = fields.Integer()
    title = fields.String()
    held_on = fields.Date()
    ward_code = fields.String()
    venue = fields.String()
    centre_id = fields.Integer()
    vacancy_ids = fields.Method("_vacancy_ids")

    def _vacancy_ids(self, job_fair):
        return [vacancy.id for vacancy in job_fair.vacancies]


class JobFairPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "The centre's job fairs, the latest held first, page by page."

    items = fields.List(fields.Nested(JobFairSchema))
