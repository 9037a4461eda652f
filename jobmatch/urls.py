"""URL converters: a row id in a path is a whole number the database can hold, else the path matches nothing (404)."""
from werkzeug.routing import IntegerConverter

from jobmatch.schemas.fields import MAX_ID


class RowIdConverter(IntegerConverter):
    def __init__(self, url_map, fixed_digits=0, min=1, max=MAX_ID, signed=False):  # noqa: A002 (werkzeug's names)
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def register_converters(app):
    """`<int:…>` in every route means a row id."""
    app.url_map.converters["int"] = RowIdConverter
