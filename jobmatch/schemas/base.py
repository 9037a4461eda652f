"""Behaviour shared by every schema: unknown fields are refused (a misspelt argument never passes silently), messages
translated, booleans in a body are true or false, and whole numbers have no fraction."""
import functools

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validates_schema

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

    @pre_load
    def _whole_numbers_are_whole(self, data, **kwargs):
        """A fraction where a whole number belongs is refused: marshmallow's Integer would cut 1.5 to 1 (another
        person's id, a salary of 0 for 0.5) and store what nobody sent."""
        if not isinstance(data, dict):
            return data
        wrong = {}
        for name, field in self.load_fields.items():
            key, value = field.data_key or name, data.get(field.data_key or name)
            if isinstance(field, fields.Integer) and _fraction(value):
                wrong[key] = [field.error_messages["invalid"]]
            elif isinstance(field, fields.List) and isinstance(field.inner, fields.Integer) and isinstance(value, list):
                items = {index: [field.inner.error_messages["invalid"]] for index, item in enumerate(value) if _fraction(item)}
                if items:
                    wrong[key] = items
        if wrong:
            raise ValidationError(wrong)
        return data


def refused_fields(data, original, schema=None, among=None):
    """The fields sent whose own check refused them (so they are not in data). A form-level check runs beside the field
    errors (validates_schema(skip_on_field_errors=False, pass_original=True), or form_check below) and skips only what
    reads one of these: every independent refusal comes back in one answer. A body that is not an object refuses
    everything. Given the schema, a list or nested object refused only in part (its valid part is in data) counts as
    refused too; to know, it is deserialized again, so only the fields named in `among` are (every one when None): a
    nested schema's own checks would otherwise run again at each level above it."""
    if not isinstance(original, dict):
        return None
    refused = {name for name in original if name not in data}
    for name, field in (schema.load_fields.items() if schema else ()):
        key = field.data_key or name
        if among is not None and key not in among:
            continue
        if key in original and key not in refused and isinstance(field, (fields.List, fields.Nested, fields.Mapping)):
            try:
                field.deserialize(original[key])
            except ValidationError:
                refused.add(key)
    return refused


def form_check(*reads):
    """A form-level (cross-field) check reported together with the field errors: it runs whatever other fields were
    refused, and is skipped only when one of the fields it reads (`reads`) was, since it would then judge what nobody
    sent. The check raises ValidationError as a validates_schema method would."""
    def decorate(check):
        @functools.wraps(check)
        def run(self, data, original, **kwargs):
            refused = refused_fields(data, original, self, among=reads)
            if refused is None or refused.intersection(reads):
                return
            check(self, data, **kwargs)
        return validates_schema(skip_on_field_errors=False, pass_original=True)(run)
    return decorate


def _fraction(value):
    return isinstance(value, float) and not value.is_integer()
