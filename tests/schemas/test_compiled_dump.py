"""A compiled dump gives what marshmallow's dump gives, field type by field type, as plain data (schemas/compiled.py);
the search's own answers are compared on real data in tests/api/test_search_answers.py."""
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from marshmallow import Schema, fields, post_dump

from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.compiled import compile_dump, compiled
from jobmatch.schemas.fields import UtcDateTime
from jobmatch.schemas.vacancy import VacancySearchPageSchema


class Inner(BaseSchema):
    code = fields.String()
    count = fields.Integer(allow_none=True)


class Everything(BaseSchema):
    text = fields.String(allow_none=True)
    whole = fields.Integer(allow_none=True)
    real = fields.Float(allow_none=True)
    flag = fields.Boolean(allow_none=True)
    raw = fields.Raw(allow_none=True)
    day = fields.Date(allow_none=True)
    moment = UtcDateTime(allow_none=True)
    renamed = fields.String(data_key="shown_as")
    from_attribute = fields.String(attribute="source")
    dotted = fields.String(attribute="inner.code")
    defaulted = fields.String(dump_default="none given")
    method = fields.Method("twice")
    secret = fields.String(load_only=True)
    one = fields.Nested(Inner, allow_none=True)
    many = fields.List(fields.Nested(Inner))
    nested_many = fields.Nested(Inner, many=True)
    texts = fields.List(fields.String(), allow_none=True)
    mapping = fields.Dict(keys=fields.String(), values=fields.List(fields.Nested(Inner)))
    loose = fields.Dict()
    moments = fields.List(UtcDateTime())

    def twice(self, obj):
        return 2 * (obj["whole"] if isinstance(obj, dict) else obj.whole or 0)


@dataclass
class Thing:
    text: str | None = "Kế toán"
    whole: int | None = 7
    real: float | None = 1.5
    flag: bool | None = True
    raw: object = None
    day: date | None = date(2026, 12, 31)
    moment: datetime | None = datetime(2026, 11, 1, 8, 0, 0, 123456)
    renamed: str = "r"
    source: str = "s"
    inner: dict | None = None
    secret: str = "never dumped"
    one: object = None
    many: list | None = None
    nested_many: list | None = None
    texts: list | None = None
    mapping: dict | None = None
    loose: dict | None = None
    moments: list | None = None


FULL = {
    "text": "Kế toán", "whole": 7, "real": 1.5, "flag": False, "raw": {"any": [1, "thing"]}, "day": date(2026, 12, 31),
    "moment": datetime(2026, 11, 1, 8, 0), "renamed": "r", "source": "s", "inner": {"code": "x"}, "secret": "never dumped",
    "one": {"code": "a", "count": 1}, "many": [{"code": "b", "count": None}, {"code": "c"}], "nested_many": [{"code": "d"}],
    "texts": ["một", "hai"], "mapping": {"province_code": [{"code": "01", "count": 3}]}, "loose": {"k": None},
    "moments": [datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)],
}
CASES = {
    "every field given, in a dict": FULL,
    "every field None": {name: None for name in FULL} | {"whole": 0},
    "nothing given": {"whole": 0},
    "values of other types, converted as marshmallow converts them": FULL | {
        "text": 12, "whole": "5", "real": Decimal("2.25"), "flag": 1, "texts": [b"bytes", 3], "one": {"code": 9, "count": 2.0},
        "whole_bool": True},
    "a bool where a whole number is declared": FULL | {"whole": True, "real": 3},
    "a dataclass": Thing(inner={"code": "y"}, one=Thing(), many=[{"code": "z"}], texts=[], mapping={}, loose={"a": 1}),
    "a dataclass of Nones": Thing(text=None, whole=None, real=None, flag=None, day=None, moment=None),
}


@pytest.mark.parametrize("obj", CASES.values(), ids=CASES.keys())
def test_a_compiled_dump_is_marshmallows_dump(obj):
    assert compile_dump(Everything)(obj) == Everything().dump(obj)


def test_compiled_keeps_the_schema_for_the_spec_and_dumps_with_the_compiled_form():
    schema = compiled(VacancySearchPageSchema)
    assert isinstance(schema, VacancySearchPageSchema)
    page = {"total": 0, "next_after": None, "items": [], "facets": {}, "place": None, "understood": None, "chips": [],
            "ambiguous": [], "centre": None, "relaxations": [], "suggestions": []}
    assert schema.dump(page) == VacancySearchPageSchema().dump(page) == page


class Hooked(Schema):
    name = fields.String()

    @post_dump
    def _shout(self, data, **kwargs):
        return {key: value.upper() for key, value in data.items()}


@pytest.mark.parametrize("schema", [Hooked, Inner(only=("code",)), Inner(many=True)])
def test_what_a_compiled_dump_would_leave_out_is_refused(schema):
    with pytest.raises(ValueError):
        compile_dump(schema)
