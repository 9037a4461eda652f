"""Behaviour shared by every schema: unknown fields are refused (a misspelt argument never passes silently), messages translated."""
from marshmallow import RAISE, Schema

from jobmatch.i18n import N_


class BaseSchema(Schema):
    error_messages = {"unknown": N_("Unknown field."), "type": N_("Invalid input type.")}

    class Meta:
        unknown = RAISE
        ordered = True
