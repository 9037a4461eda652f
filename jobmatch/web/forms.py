"""HTML forms in, marshmallow out: a posted form becomes the payload its write schema loads, and errors come back by field."""
from flask import flash, request
from marshmallow import ValidationError, fields

from jobmatch.i18n import translate_errors
from jobmatch.services.errors import InvalidRequest


def form_payload(schema):
    """The posted form as the schema expects it: checkboxes as booleans, repeated or comma-separated values as lists,
    empty inputs left out (so that defaults apply); inputs the schema does not know are not passed on."""
    payload = {}
    for name, field in schema.fields.items():
        if field.dump_only:
            continue
        if isinstance(field, fields.Boolean):
            payload[name] = name in request.form
        elif isinstance(field, fields.List):
            values = [part.strip() for value in request.form.getlist(name) for part in value.split(",")]
            if name in request.form:
                payload[name] = [value for value in values if value]
        elif request.form.get(name, "").strip():
            payload[name] = request.form[name]
    return payload


def load_form(schema):
    return schema.load(form_payload(schema))


def load_profile_form(schema):
    """A job-seeker profile form: the fields, plus one language row (language, certificate, level) as a one-item list."""
    payload = form_payload(schema)
    if request.form.get("language"):
        payload["languages"] = [
            {name: request.form.get(name) or None for name in ("language", "certificate", "level")}
        ]
    elif "language" in request.form:
        payload["languages"] = []
    try:
        return schema.load(payload)
    except ValidationError as error:
        # Errors of the language row belong to its own inputs.
        row = error.messages.get("languages", {}) if isinstance(error.messages, dict) else {}
        if isinstance(row, dict) and 0 in row:
            error.messages.pop("languages")
            error.messages.update(row[0])
        raise


def form_errors(error):
    """{field: [messages]} from a schema's ValidationError or a service's InvalidRequest, in the page's language."""
    if isinstance(error, InvalidRequest):
        return {error.field: [error.message]}
    messages = error.messages if isinstance(error.messages, dict) else {"_schema": error.messages}
    return translate_errors(messages)


FORM_ERRORS = (ValidationError, InvalidRequest)


def flash_errors(error):
    """A refused action behind a button (no form page to show it on): its messages come back as notices."""
    for messages in form_errors(error).values():
        flash(" ".join(messages))
