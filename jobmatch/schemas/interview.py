"""Interviews as the employer schedules them (a day as dd/mm/yyyy, a time as people write it, a place or an online
link, a message) and as both sides read them."""
from marshmallow import ValidationError, fields, validate, validates_schema

from jobmatch.i18n import N_
from jobmatch.rules.clock import read_time
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.fields import DayText, Text, UtcDateTime

NO_DAY = N_("Enter the interview date as dd/mm/yyyy, e.g. 15/12/2026.")
NO_TIME = N_("Enter the interview time as hh:mm, e.g. 14:30 or 9h30.")
NO_WHERE = N_("Give the place of the interview or an online link.")
NOT_A_LINK = N_("Give the online link as a web address beginning with http:// or https://.")


class TimeText(fields.String):
    def _deserialize(self, value, attr, data, **kwargs):
        time_of_day = read_time(super()._deserialize(value, attr, data, **kwargs))
        if time_of_day is None:
            raise ValidationError(NO_TIME)
        return time_of_day


class InterviewWriteSchema(BaseSchema):
    date = DayText(required=True, message=NO_DAY, error_messages={"required": NO_DAY},
                   metadata={"description": "The day in Vietnam: dd/mm/yyyy (or yyyy-mm-dd)", "example": "15/12/2026"})
    time = TimeText(required=True, error_messages={"required": NO_TIME},
                    metadata={"description": "The time in Vietnam: hh:mm (or 9h30)", "example": "14:30"})
    place = Text(300, blank=True, load_default=None, allow_none=True, metadata={"description": "Where, in words"})
    online_link = Text(
        500, blank=True, load_default=None, allow_none=True, validate=validate.URL(schemes={"http", "https"}, error=NOT_A_LINK),
        metadata={"description": "An http(s) link to the online interview"},
    )
    message = Text(1000, blank=True, load_default=None, allow_none=True, metadata={"description": "At most 1000 characters"})

    @validates_schema(skip_on_field_errors=True)
    def _somewhere(self, data, **kwargs):
        if not data.get("place") and not data.get("online_link"):
            raise ValidationError(NO_WHERE, field_name="place")


class InterviewSchema(BaseSchema):
    id = fields.Integer()
    application_id = fields.Integer()
    starts_at = UtcDateTime()
    place = fields.String(allow_none=True)
    online_link = fields.String(allow_none=True)
    message = fields.String(allow_none=True)
    created_at = UtcDateTime()
    replaced_at = UtcDateTime(allow_none=True, metadata={"description": "When it was rescheduled; null for the one in force"})
