"""Saved searches as a job seeker saves them."""
from marshmallow import fields, validate

from jobmatch.models.saved_search import SAVED_SEARCH_KINDS
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.fields import Text
from jobmatch.schemas.vacancy import NOT_A_CHOICE


class SavedSearchWriteSchema(BaseSchema):
    kind = fields.String(load_default="search", validate=validate.OneOf(SAVED_SEARCH_KINDS, error=NOT_A_CHOICE))
    name = Text(100, load_default=None)
