"""Behaviour shared by every schema: unknown fields are refused, so a misspelt argument never passes silently."""
from marshmallow import RAISE, Schema


class BaseSchema(Schema):
    class Meta:
        unknown = RAISE
        ordered = True
