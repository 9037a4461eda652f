"""Occupation suggestions as the pickers ask for and receive them."""
from marshmallow import fields, validate

from jobmatch.i18n import N_
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.page import WHOLE_LIST, PageSchema


class OccupationSuggestArgsSchema(BaseSchema):
    q = fields.String(required=True, validate=validate.Length(min=1, max=100, error=N_("Enter 1 to 100 characters.")),
                      metadata={"description": "What is being typed: a job title, Vietnamese or English, with or without diacritics"})


class OccupationSuggestionSchema(BaseSchema):
    code = fields.String(metadata={"description": "ISCO-08 unit group"})
    label_vi = fields.String()
    label_en = fields.String()
    matched = fields.String(metadata={"description": "The label that matched (a job title, an ESCO occupation or an alternative label)"})


class OccupationSuggestionPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = f"At most 8 suggestions, best first. {WHOLE_LIST}"

    items = fields.List(fields.Nested(OccupationSuggestionSchema))
