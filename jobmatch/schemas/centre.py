"""A centre's contacts as its officers and administrators write them."""
from marshmallow import fields, validate

from jobmatch.i18n import N_
from jobmatch.models.centre import DEFAULT_VERIFICATION_WORKING_DAYS
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.fields import Email, Phone, Text


class CentreContactsSchema(BaseSchema):
    """Every contact is optional (left out: none); the working days to verify a company run from 1 to 30."""

    phone = Phone(allow_none=True, load_default=None)
    email = Email(allow_none=True, load_default=None)
    address = Text(300, allow_none=True, load_default=None)
    opening_hours = Text(200, allow_none=True, load_default=None)
    verification_working_days = fields.Integer(
        load_default=DEFAULT_VERIFICATION_WORKING_DAYS,
        validate=validate.Range(min=1, max=30, error=N_("From 1 to 30 working days.")),
    )
