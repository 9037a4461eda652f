"""A new version of a support scheme as an administrator writes it: the day it takes effect, its name, sources and what
could not be confirmed, the priority categories it serves, and each item kept with its cap."""
from marshmallow import ValidationError, fields, validate

from jobmatch.i18n import N_
from jobmatch.models.job_seeker import PRIORITY_CATEGORIES
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.fields import Amount, DayText, Text
from jobmatch.schemas.overseas import CODE, plausible_day
from jobmatch.schemas.vacancy import NOT_A_CHOICE


class Cap(Amount):
    """One amount of đồng as people write it ("4 triệu", "530.000"), not a range."""

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            amount = super()._deserialize(value, attr, data, **kwargs)
        except ValidationError:
            amount = None
        if amount is None or amount <= 0 or getattr(amount, "low", amount) != getattr(amount, "high", amount):
            raise ValidationError(N_("Enter one amount in đồng, e.g. 4 triệu or 530.000; leave it empty when paid as charged."))
        return int(amount)


class SchemeItemWriteSchema(BaseSchema):
    code = fields.String(required=True, validate=CODE)
    cap_vnd = Cap(load_default=None, allow_none=True, metadata={"description": "The cap of one unit; none: paid as charged"})
    caps_by_category = fields.Dict(keys=fields.String(validate=validate.Regexp(r"^[a-z_]+(\+[a-z_]+)*$")), values=Cap(),
                                   load_default=dict, metadata={"description": "A group's own cap ('poor+ethnic_minority': both)"})
    unconfirmed = fields.Boolean(load_default=False)


class SchemeVersionWriteSchema(BaseSchema):
    """Each save is a new version from its day on; earlier versions, and the claims judged under them, stay as they were."""

    valid_from = DayText(required=True, validate=plausible_day)
    name_vi = Text(200, required=True)
    name_en = Text(200, required=True)
    sources = Text(3000, required=True)
    unconfirmed = Text(3000, blank=True, load_default="")
    categories = fields.List(
        fields.String(validate=validate.OneOf(PRIORITY_CATEGORIES, error=NOT_A_CHOICE)), required=True,
        validate=validate.Length(min=1, error=N_("Choose at least one priority group.")))
    items = fields.List(fields.Nested(SchemeItemWriteSchema), required=True,
                        validate=validate.Length(min=1, max=30, error=N_("Keep at least one item.")))
