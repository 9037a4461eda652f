"""Language choice and display formats: Vietnamese first, English second; dd/mm/yyyy dates and VND amounts."""
import inspect
import re
from functools import cache

import marshmallow
from flask import has_request_context, request
from flask_babel import format_decimal, get_locale, gettext, ngettext
from marshmallow import fields, validate

from jobmatch.extensions import babel
from jobmatch.rules.clock import day_text, moment_text, time_text, years_months_days

LANGUAGE_COOKIE = "lang"
LANGUAGES = ("vi", "en")  # Vietnamese first


def select_locale():
    """?lang= wins, then the cookie it set, then (on the API, whose callers are programs) Accept-Language, then
    Vietnamese (also outside requests: CLI, scheduler). Pages ignore Accept-Language: a phone set to English still gets
    the Vietnamese site until its user chooses otherwise."""
    if not has_request_context():
        return LANGUAGES[0]
    chosen = request.args.get("lang") or request.cookies.get(LANGUAGE_COOKIE)
    if chosen not in LANGUAGES and request.path.startswith("/api/"):
        chosen = request.accept_languages.best_match(LANGUAGES)
    return chosen if chosen in LANGUAGES else LANGUAGES[0]


def remember_language(response):
    chosen = request.args.get("lang")
    if chosen in LANGUAGES and request.cookies.get(LANGUAGE_COOKIE) != chosen:
        response.set_cookie(LANGUAGE_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def N_(message):
    """Marks a message for translation where it is declared (schemas, at import); it is translated when shown."""
    return message


def translate_errors(messages):
    """marshmallow's {field: [message, …]} (nested for lists) with every message in the request's language, the
    libraries' own included, whose values were filled in before we see them ("Longer than maximum length 5.")."""
    if isinstance(messages, dict):
        return {field: translate_errors(value) for field, value in messages.items()}
    if isinstance(messages, list):
        return [translate_errors(message) for message in messages]
    if not isinstance(messages, str):
        return messages
    translated = gettext(messages)
    if translated != messages:
        return translated
    for template, pattern in library_templates().items():
        if match := pattern.fullmatch(messages):
            return gettext(template).replace("!r}", "}").format(**match.groupdict())
    return translated


# Range's messages say its bounds with these words, inclusive or not.
MIN_OPERATORS = ("greater than or equal to", "greater than")
MAX_OPERATORS = ("less than or equal to", "less than")
# webargs' own, besides marshmallow's: a body that is not JSON.
WEBARGS_MESSAGES = ("Invalid JSON body.", "Not a valid delimited list.", "Not a valid delimited tuple.")


@cache
def library_messages():
    """Every error message marshmallow and webargs give of their own, as templates ({max} where a value goes): the
    fields' default_error_messages (each date and time field's with its own type's name), the validators' messages
    (Range's with each of its operators) and the schema's."""
    found = set(WEBARGS_MESSAGES) | set(marshmallow.Schema._default_error_messages.values())
    for _name, field_class in inspect.getmembers(fields, inspect.isclass):
        for message in getattr(field_class, "default_error_messages", {}).values():
            if "{obj_type}" in message and not hasattr(field_class, "OBJ_TYPE"):
                continue  # only its subclasses name the type
            found.add(message.replace("{obj_type}", getattr(field_class, "OBJ_TYPE", "{obj_type}"))
                      .replace("{awareness}", getattr(field_class, "AWARENESS", "{awareness}")))
    for _name, validator in inspect.getmembers(validate, inspect.isclass):
        for name, value in vars(validator).items():
            if not isinstance(value, str) or not (name.startswith("message") or name == "default_message"):
                continue
            if "{min_op}" in value or "{max_op}" in value:
                found.update(value.format(min_op=low, max_op=high) for low in MIN_OPERATORS for high in MAX_OPERATORS)
            elif value not in MIN_OPERATORS + MAX_OPERATORS:
                found.add(value)
    return sorted(message for message in found if "{awareness}" not in message)


@cache
def library_templates():
    """{template: the pattern its filled-in messages match} for the library messages that carry values."""
    templates = {}
    # The most literal first: "Must be greater than {min}." would read "Must be greater than or equal to 1." too.
    for template in sorted(library_messages(), key=lambda message: -len(re.sub(r"\{\w+(?:!r)?\}", "", message))):
        if "{" not in template:
            continue
        parts = re.split(r"\{(\w+)(?:!r)?\}", template)
        pattern = "".join(re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)" for index, part in enumerate(parts))
        templates[template] = re.compile(pattern, re.DOTALL)
    return templates


def format_vnd(amount):
    """2500000 → "2.500.000 ₫" in Vietnamese, "2,500,000 ₫" in English."""
    if amount is None:
        return ""
    return f"{format_decimal(amount)} ₫"


def format_day(value):
    """Dates as dd/mm/yyyy on pages (rules.clock.day_text, the one format)."""
    return day_text(value)


def format_km(distance):
    """2.5 → "2,5 km" in Vietnamese, "2.5 km" in English."""
    return f"{format_decimal(distance)} km"


def format_duration(days):
    """1765 → "4 năm 10 tháng", 30 → "30 ngày" (rules.clock.years_months_days)."""
    years, months, rest = years_months_days(days)
    parts = [ngettext("%(num)d year", "%(num)d years", years) if years else "",
             ngettext("%(num)d month", "%(num)d months", months) if months else "",
             ngettext("%(num)d day", "%(num)d days", rest) if rest or not (years or months) else ""]
    return " ".join(part for part in parts if part)


def init_babel(app):
    babel.init_app(app, locale_selector=select_locale)
    app.after_request(remember_language)
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.filters["vnd"] = format_vnd
    app.jinja_env.filters["day"] = format_day
    app.jinja_env.filters["duration"] = format_duration
    app.jinja_env.filters["km"] = format_km
    app.jinja_env.filters["time_of_day"] = time_text  # 14:30 in Vietnam, of a stored UTC moment
    app.jinja_env.filters["moment"] = moment_text  # 02/12/2026 14:30 (UTC+07:00), of a stored moment or ISO text
