"""What the statistics pages accept: the period asked for, and yearly plans."""
from datetime import date

from marshmallow import fields, validate

from jobmatch.i18n import N_
from jobmatch.models.stats import PERIOD_KINDS, PLAN_TARGETS
from jobmatch.schemas.base import BaseSchema


class PeriodArgsSchema(BaseSchema):
    kind = fields.String(load_default="month", validate=validate.OneOf(PERIOD_KINDS, error=N_("Choose a day, week, month or year.")))
    # Any day of the period; the newest period with figures when not given.
    on = fields.Date(load_default=None, validate=validate.Range(
        min=date(2020, 1, 1), max=date(2100, 12, 31), error=N_("Choose a date from 2020 to 2100.")))
    dimension = fields.String(load_default="sector", validate=validate.OneOf(
        ("sector", "isco_major", "programme"), error=N_("Choose a sector, an occupation group or a programme.")))
    # What people's figures are split by: their priority group, sex or age band, or nothing.
    split = fields.String(load_default="priority", validate=validate.OneOf(
        ("none", "priority", "sex", "age_band"), error=N_("Choose a priority group, sex, age band or no split.")))
    table = fields.String(load_default=None, validate=validate.Length(max=30))
    format = fields.String(load_default="csv", validate=validate.OneOf(("csv", "xlsx"), error=N_("Choose CSV or XLSX.")))


class PlanWriteSchema(BaseSchema):
    year = fields.Integer(required=True, strict=False, validate=validate.Range(2020, 2100, error=N_("Choose a year from 2020 to 2100.")))
    target = fields.String(required=True, validate=validate.OneOf(PLAN_TARGETS, error=N_("Choose one of the plan's targets.")))
    value = fields.Integer(
        required=True, strict=False, validate=validate.Range(0, 10_000_000, error=N_("Enter a number from 0 to 10,000,000."))
    )
