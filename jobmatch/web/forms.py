"""HTML forms in, marshmallow out: a posted form becomes the payload its write schema loads, and errors come back by
field, and as the summary at the top of the refused form."""
import html
import re

from flask import flash, request
from marshmallow import ValidationError, fields

from jobmatch.i18n import translate_errors
from jobmatch.models.overseas import FEE_KINDS
from jobmatch.rules.money import parse_amount
from jobmatch.services.errors import InvalidRequest
from jobmatch.web.vacancy_places import place_codes

# A yes/no chosen on a form: "1" or "0" (or a lone checkbox's "on").
CHOSEN = {"1": True, "on": True, "0": False}


def form_payload(schema):
    """The posted form as the schema expects it: checkboxes as booleans (a yes/no the person must choose, marked
    explicit_choice, is read from "1" or "0", and missing when neither was chosen), repeated or comma-separated
    values as lists, empty inputs left out (so that defaults apply); inputs the schema does not know are not passed
    on."""
    payload = {}
    for name, field in schema.fields.items():
        if field.dump_only:
            continue
        if isinstance(field, fields.Boolean) and field.metadata.get("explicit_choice"):
            if request.form.get(name, "").strip():
                payload[name] = CHOSEN.get(request.form[name].strip(), request.form[name])
        elif isinstance(field, fields.Boolean):
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


def load_vacancy_form(schema):
    """A vacancy form: the fields, plus one amount input per kind of fee (fee_service, …) as the fees list, or the
    "no_fees" box."""
    payload = form_payload(schema)
    fees = [
        {"kind": kind, "amount_vnd": _fee_as_written(request.form[f"fee_{kind}"].strip())}
        for kind in FEE_KINDS if request.form.get(f"fee_{kind}", "").strip()
    ]
    if "place_province" in request.form or "place_ward" in request.form:
        payload["places"] = place_codes()
    # Abroad, the fees are stated: some amounts, or the box that says the worker pays nothing.
    if "is_overseas" in request.form and (fees or "no_fees" in request.form):
        payload["fees"] = fees
    try:
        return schema.load(payload)
    except ValidationError as error:
        # An amount's error belongs to its own input.
        items = error.messages.get("fees") if isinstance(error.messages, dict) else None
        if isinstance(items, dict):
            error.messages.pop("fees")
            for index, messages in items.items():
                error.messages[f"fee_{payload['fees'][index]['kind']}"] = messages.get("amount_vnd", messages)
        raise


def _fee_as_written(text):
    """A fee as people write it ("4.500.000", "4,5 triệu", "4tr5") as its whole number of đồng; a range or anything
    else unread is left as typed, for the schema to refuse on its input. Bare digits stay đồng."""
    amount = parse_amount(text, bare_scale=1)
    return amount.low if amount is not None and amount.low == amount.high else text


def fee_inputs(vacancy):
    """The fee inputs' values of a stored vacancy."""
    return {**{f"fee_{fee['kind']}": fee["amount_vnd"] for fee in vacancy.fees or []},
            "no_fees": vacancy.is_overseas and not vacancy.fees}


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
        return dict(error.errors)
    messages = error.messages if isinstance(error.messages, dict) else {"_schema": error.messages}
    return translate_errors(messages)


FORM_ERRORS = (ValidationError, InvalidRequest)


def refused_fields(error):
    """The names of the fields a vacancy form's schema refused, an amount's input counting as the fees it is one of
    ("_schema": the form as a whole)."""
    if not isinstance(error.messages, dict):
        return {"_schema"}
    return {"fees" if str(name).startswith("fee_") else name for name in error.messages}


def flash_errors(error, field_labels=None):
    """A refused action behind a button (no form page to show it on): its messages come back as notices, each after the
    label of its field when field_labels has one (a vacancy reopened is refused for what its title says)."""
    for name, messages in form_errors(error).items():
        label = (field_labels or {}).get(name)
        flash(f"{label}: {' '.join(messages)}" if label else " ".join(messages))


def error_summary(errors, page):
    """The lines of the summary at the top of a refused form: (the field's label, the message, the id of its input)
    for each message, in the order of the inputs on the page (an error of the whole form, or of a field the page has
    no input for, first; errors found by different checks, such as a vacancy's words and its missing fields, read
    from top to bottom all the same). The input and its label are found in the rendered page (the macros give inputs
    the id f-<name>); an error of the whole form, or of a field the page has no input for, has neither."""
    lines = []
    for name, messages in errors.items():
        target = _input_id(str(name), page)
        label = _label_text(target, page) if target else None
        lines.extend((label, message, target) for message in _messages(messages))
    return sorted(lines, key=lambda line: page.find(f'id="{line[2]}"') if line[2] else -1)


def _messages(messages):
    """The messages of one field, however deep the schema nested them (a list's items, a nested schema's fields)."""
    if isinstance(messages, dict):
        return [message for nested in messages.values() for message in _messages(nested)]
    if isinstance(messages, list | tuple):
        return [message for nested in messages for message in _messages(nested)]
    return [str(messages)]


# Fields whose errors are shown beside another input: a vacancy's places beside the first place's ward.
SHOWN_BESIDE = {"places": "place_ward"}


def _input_id(name, page):
    name = SHOWN_BESIDE.get(name, name)
    for candidate in (f"f-{name}", f"f-{name}-0"):
        if f'id="{candidate}"' in page:
            return candidate
    control = re.search(rf'<(?:input|select|textarea)\b[^>]*\bname="{re.escape(name)}"[^>]*>', page)
    found = re.search(r'\bid="([^"]+)"', control.group(0)) if control else None
    return found.group(1) if found else None


def _label_text(input_id, page):
    label = re.search(rf'<label\b[^>]*\bfor="{re.escape(input_id)}"[^>]*>(.*?)</label>', page, re.DOTALL)
    if not label:
        return None
    text = html.unescape(re.sub(r"<[^>]+>", "", label.group(1)))
    return " ".join(text.replace("*", " ").split()) or None
