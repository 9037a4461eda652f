"""Flask's JSON provider on orjson: answers encoded in compiled code, the same JSON Flask's own provider wrote.

What the API sends is what its schemas dumped (dates and moments as ISO 8601 text, moments with their offset), so the
encoder mostly sees strings, numbers, lists and dicts; it writes them as Flask's default provider did, keys sorted, and
what else can reach it as follows: a datetime without a time zone is UTC, as every stored moment is (the offset
written, as UtcDateTime writes it), a date in ISO 8601, a Decimal and a lazily translated message as their text,
dataclasses and UUIDs as Flask wrote them, keys that are not text as text. Unlike the standard library it writes
non-ASCII characters as UTF-8 rather than \\u escapes (the same JSON, a third of the bytes for Vietnamese text), and a
NaN or infinity as null (JSON has neither).

Request bodies are still read by the standard library's parser, whose errors and limits the API's refusals are built
on (webargs reads JSON bodies with it in any case).
"""
import decimal
import json

import orjson
from flask.json.provider import JSONProvider

OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS | orjson.OPT_NAIVE_UTC


def _default(value):
    if isinstance(value, decimal.Decimal):
        return str(value)
    if hasattr(value, "__html__"):  # markupsafe's Markup, flask_babel's lazy strings
        return str(value.__html__())
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


class OrjsonProvider(JSONProvider):
    def dumps(self, obj, **kwargs):
        return orjson.dumps(obj, default=_default, option=OPTIONS).decode()

    def loads(self, s, **kwargs):
        return json.loads(s, **kwargs)

    def response(self, *args, **kwargs):
        obj = self._prepare_response_obj(args, kwargs)
        options = OPTIONS | orjson.OPT_INDENT_2 if self._app.debug else OPTIONS
        return self._app.response_class(orjson.dumps(obj, default=_default, option=options) + b"\n", mimetype="application/json")
