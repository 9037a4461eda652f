"""Occupation suggestions as the pickers ask for and receive them."""
from marshmallow import fields, validate

from jobmatch.i18n import N_
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.page import WHOLE_LIST, PageSchema


class OccupationSuggestArgsSchema(BaseSchema):
    q = fields.String(required=True, validate=validate.Length(min=1, max=200, error=N_("Enter 1 to 200 characters.")),
                      metadata={"description": "A job title, whole as posted or being typed, Vietnamese or English, with or "
                                               "without diacritics"})
    description = fields.String(load_default="", validate=validate.Length(max=5000, error=N_("Enter at most 5,000 characters.")),
                                metadata={"description": "The vacancy's description, which only breaks ties"})


class OccupationSuggestionSchema(BaseSchema):
    code = fields.String(metadata={"description": "ISCO-08 unit group"})
    label_vi = fields.String()
    label_en = fields.String()
    matched = fields.String(metadata={"description": "The label that matched (a job title, an ESCO occupation or an alternative label)"})
    source = fields.String(metadata={"description": "What matched: title (a Vietnamese job title), esco (an ESCO occupation's "
                                                    "label), group (an ISCO-08 group name), words (rare words of an ISCO-08 group "
                                                    "name, found apart), head (only the title's head "
                                                    "word), typed (a label beginning with the words typed)"})
    esco_occupation = fields.String(allow_none=True, metadata={"description": "The ESCO occupation matched, if any"})
    confidence = fields.Float(metadata={"description": "0 to 1: how much of the title the match covers and how far it leads"})
    reason = fields.String(metadata={"description": "Why, in the request's language"})


class OccupationSuggestionPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = f"At most 8 suggestions, best first. {WHOLE_LIST}"

    items = fields.List(fields.Nested(OccupationSuggestionSchema))
