"""A schema's dump compiled once per process from its declared fields, for the answers that are dumped on every request.

marshmallow's dump does general work for every field of every item (looking up the accessor, the attribute, the
default, the hooks): on a page of 20 vacancy hits with facets, chips and what the text was read to say, that was most
of the Python time a search added to Elasticsearch's answer. compile_dump(schema) reads the schema's dump fields once
and writes the Python of a function that does only what those fields do: the same keys, values and omissions as
Schema.dump, which tests/schemas/test_compiled_dump.py checks against marshmallow on real answers. The schema stays the
declaration: the OpenAPI spec is made from it, and a field added to it is dumped with nothing else to change.

Fields of marshmallow's plain types (String, Integer, Float, Boolean, Raw, Date, List, Dict, Nested) are compiled; a
subclass of a plain scalar type (UtcDateTime) runs its own _serialize on the value; any other field (a Method, a
dotted attribute, a dump_default) runs its own serialize on the object, so the result is the same whatever the schema
declares. A schema with pre_dump or post_dump hooks, or with only, exclude or many, or its own get_attribute, is
refused rather than dumped without them.
"""
from contextvars import ContextVar
from functools import partial

from marshmallow import Schema, fields, missing
from marshmallow.decorators import POST_DUMP, PRE_DUMP
from marshmallow.utils import ensure_text_type, get_value

# What one answer's fields look up once for all its items (see dump_memo), for as long as the compiled dump runs.
_DUMP_MEMO = ContextVar("compiled_dump_memo", default=None)
_SCALAR_BASES = (fields.String, fields.Number, fields.Boolean, fields.DateTime, fields.Date, fields.Time)


def compile_dump(schema):
    """A function obj -> dict equal to schema.dump(obj) (schema: a Schema instance or class)."""
    if isinstance(schema, type):
        schema = schema()
    name = type(schema).__name__
    if schema._hooks[PRE_DUMP] or schema._hooks[POST_DUMP]:
        raise ValueError(f"{name} has dump hooks: compile_dump would leave them out")
    if schema.only or schema.exclude or schema.many or type(schema).get_attribute is not Schema.get_attribute:
        raise ValueError(f"{name}: compile_dump takes a schema without only, exclude, many or its own get_attribute")
    namespace = {"missing": missing, "get_value": get_value, "partial": partial, "text": _text, "whole": _whole, "real": _float}
    body = [
        "def dump(obj):",
        "    if isinstance(obj, dict):",
        "        get = obj.get",
        "    elif hasattr(obj, '__getitem__'):",
        "        get = partial(get_value, obj)",
        "    else:",
        "        get = partial(getattr, obj)",
        "    result = {}",
    ]
    for index, (attr_name, field) in enumerate(schema.dump_fields.items()):
        key = field.data_key if field.data_key is not None else attr_name
        attribute = field.attribute or attr_name
        expression = None
        if field.dump_default is missing and "." not in attribute and field._CHECK_ATTRIBUTE:
            expression = _expression(field, attribute, f"s{index}", namespace)
        if expression is None:  # the field's own marshmallow code, given the whole object
            namespace[f"s{index}"] = partial(field.serialize, attr_name, accessor=schema.get_attribute)
            body += [f"    value = s{index}(obj)", "    if value is not missing:", f"        result[{key!r}] = value"]
        else:
            body += [f"    value = get({attribute!r}, missing)", "    if value is not missing:",
                     f"        result[{key!r}] = {expression}"]
    body.append("    return result")
    exec(compile("\n".join(body), f"<compiled dump of {name}>", "exec"), namespace)  # noqa: S102 (code written above from field types)
    return namespace["dump"]


def _expression(field, attribute, helper, namespace):
    """Python serializing `value` as the field does, or None when the field must be given the whole object."""
    kind = type(field)
    if kind in (fields.Raw, fields.Boolean):  # marshmallow passes both through as they are
        return "value"
    if kind is fields.String:
        return "value if value.__class__ is str else text(value)"
    if kind is fields.Integer and not field.as_string:
        return "value if value.__class__ is int else whole(value)"
    if kind is fields.Float and not field.as_string:
        return "value if value.__class__ is float else real(value)"
    if kind is fields.Date and field.format in (None, "iso", "iso8601"):
        return "None if value is None else value.isoformat()"
    function = _container_function(field)
    if function is None and isinstance(field, _SCALAR_BASES):  # a subclass with its own _serialize of the value
        function = partial(_own, field._serialize, attribute)
    if function is None:
        return None
    namespace[helper] = function
    return f"{helper}(value)"


def _value_function(field):
    """A function value -> what field._serialize(value) gives (as List and Dict call their inner fields)."""
    kind = type(field)
    if kind in (fields.Raw, fields.Boolean):
        return _same
    if kind is fields.String:
        return _text
    if kind is fields.Integer and not field.as_string:
        return _whole
    if kind is fields.Float and not field.as_string:
        return _float
    if kind is fields.Date and field.format in (None, "iso", "iso8601"):
        return _iso
    return _container_function(field) or partial(_own, field._serialize, None)


def _container_function(field):
    kind = type(field)
    if kind is fields.List:
        inner = _value_function(field.inner)
        return partial(_list, inner)
    if kind is fields.Dict:
        if field.key_field is None and field.value_field is None:
            return partial(_mapping, _same, _same)
        return partial(_mapping, _value_function(field.key_field) if field.key_field else _same,
                       _value_function(field.value_field) if field.value_field else _same)
    if kind is fields.Nested and isinstance(field.nested, type) and issubclass(field.nested, Schema) and not (
        field.only or field.exclude
    ):
        dump = compile_dump(field.nested)
        return partial(_list, dump) if field.many else partial(_nested, dump)
    return None


def _list(inner, value):
    return None if value is None else [inner(item) for item in value]


def _mapping(key, item, value):
    return None if value is None else {key(name): item(each) for name, each in value.items()}


def _nested(dump, value):
    return None if value is None else dump(value)


def _own(serialize, attribute, value):
    return serialize(value, attribute, None)


def _same(value):
    return value


def _text(value):
    return None if value is None else ensure_text_type(value)


def _whole(value):
    return None if value is None else int(value)


def _float(value):
    return None if value is None else float(value)


def _iso(value):
    return None if value is None else value.isoformat()


def compiled(schema_class):
    """An instance of the schema whose dump is its compiled form, for a response declared with it (the OpenAPI spec
    reads the same fields, under the same name)."""
    schema = schema_class()
    compiled_dump = compile_dump(schema)

    def dump(obj):
        token = _DUMP_MEMO.set({})
        try:
            return compiled_dump(obj)
        finally:
            _DUMP_MEMO.reset(token)

    schema.dump = dump
    return schema


def dump_memo():
    """A dict that lives as long as the compiled dump of one answer (None outside one), for what a field would otherwise
    look up again for every item though it cannot change within an answer: the request's language for each hit's pay."""
    return _DUMP_MEMO.get()
