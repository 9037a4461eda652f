"""Language choice and display formats: Vietnamese first, English second; dd/mm/yyyy dates and VND amounts."""

from flask import has_request_context, request
from flask_babel import format_decimal, get_locale, gettext, ngettext

from jobmatch.extensions import babel
from jobmatch.rules.clock import day_text, years_months_days

LANGUAGE_COOKIE = "lang"
LANGUAGES = ("vi", "en")  # Vietnamese first


def select_locale():
    """?lang= wins, then the cookie it set, then Vietnamese (also outside requests: CLI, scheduler)."""
    if not has_request_context():
        return LANGUAGES[0]
    chosen = request.args.get("lang") or request.cookies.get(LANGUAGE_COOKIE)
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
    """marshmallow's {field: [message, …]} (nested for lists) with every message in the request's language."""
    if isinstance(messages, dict):
        return {field: translate_errors(value) for field, value in messages.items()}
    if isinstance(messages, list):
        return [translate_errors(message) for message in messages]
    return gettext(messages) if isinstance(messages, str) else messages


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
