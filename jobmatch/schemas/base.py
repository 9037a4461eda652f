"""Behaviour shared by every schema: unknown fields are refused (a misspelt argument never passes silently), messages
translated, and booleans in a body are true or false."""
from marshmallow import RAISE, Schema, ValidationError, fields, pre_load

from jobmatch.i18n import N_

NOT_TRUE_OR_FALSE = N_("Choose true or false.")


class BaseSchema(Schema):
    error_messages = {"unknown": N_("Unknown field."), "type": N_("Invalid input type.")}
    # A JSON body says true or false (a form's checkbox arrives as one too, see web/forms.py): 1, 0 or "yes" is refused
    # as the type error it is, not guessed at. Query arguments, which are all text, set this off ("true", "false").
    STRICT_BOOLEANS = True

    class Meta:
        unknown = RAISE
        ordered = True

    @pre_load
    def _booleans_are_true_or_false(self, data, **kwargs):
        if not self.STRICT_BOOLEANS or not isinstance(data, dict):
            return data
        wrong = {
            field.data_key or name: [NOT_TRUE_OR_FALSE]
            for name, field in self.load_fields.items()
            if isinstance(field, fields.Boolean) and (field.data_key or name) in data
            and not isinstance(data[field.data_key or name], bool)
        }
        if wrong:
            raise ValidationError(wrong)
        return data
