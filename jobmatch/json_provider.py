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
import dataclasses
import datetime
import decimal
import json
import uuid

import orjson
from flask.json.provider import JSONProvider

OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS | orjson.OPT_NAIVE_UTC


def _default(value):
    if isinstance(value, decimal.Decimal):
        return str(value)
    if hasattr(value, "__html__"):  # markupsafe's Markup, flask_babel's lazy strings
        return str(value.__html__())
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _default_slow(value):
    """The same text as orjson writes, for the standard library's encoder."""
    if isinstance(value, datetime.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=datetime.UTC)).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return _default(value)


def _encode(obj, options):
    """orjson's bytes, or the standard library's for what orjson refuses but JSON allows (an integer beyond 64 bits,
    which a refusal may echo back): never a 500 for an answer JSON can carry."""
    try:
        return orjson.dumps(obj, default=_default, option=options)
    except orjson.JSONEncodeError:
        indent = 2 if options & orjson.OPT_INDENT_2 else None
        return json.dumps(obj, default=_default_slow, sort_keys=True, ensure_ascii=False, indent=indent,
                          separators=None if indent else (",", ":")).encode()


class OrjsonProvider(JSONProvider):
    def dumps(self, obj, **kwargs):
        return _encode(obj, OPTIONS).decode()

    def loads(self, s, **kwargs):
        return json.loads(s, **kwargs)

    def response(self, *args, **kwargs):
        obj = self._prepare_response_obj(args, kwargs)
        options = OPTIONS | orjson.OPT_INDENT_2 if self._app.debug else OPTIONS
        return self._app.response_class(_encode(obj, options) + b"\n", mimetype="application/json")
