"""Display labels for coded values, translated through Flask-Babel (Vietnamese by default)."""
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

EMPLOYMENT_TYPES = {
    "full_time": _l("Full time"),
    "part_time": _l("Part time"),
    "seasonal": _l("Seasonal"),
    "contract": _l("Fixed-term contract"),
}
COUNTRIES = {
    "KR": _l("South Korea"),
    "JP": _l("Japan"),
    "TW": _l("Taiwan"),
    "DE": _l("Germany"),
    "AU": _l("Australia"),
}
SCOPES = {"true": _l("Overseas"), "false": _l("In Vietnam")}
SORTS = {
    "relevance": _l("Most relevant"),
    "newest": _l("Newest"),
    "nearest": _l("Nearest"),
    "salary": _l("Highest salary"),
}


def localized(label_vi, label_en):
    """The label in the page's language, for reference data that carries both."""
    return label_en if str(get_locale()) == "en" else label_vi


def occupation_label(group):
    """An ISCO group's label in the page's language."""
    return localized(group.label_vi, group.label_en) if group else ""
