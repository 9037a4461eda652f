"""The JSON provider writes what orjson writes, and what orjson refuses but JSON allows, the same way."""
from datetime import date, datetime

import pytest


@pytest.mark.parametrize("value, text", [
    ({"b": 10, "a": datetime(2026, 1, 1, 5, 0)}, '{"a":"2026-01-01T05:00:00+00:00","b":10}'),
    # An integer beyond 64 bits (a refusal may echo what was sent) goes through the standard library, written alike.
    ({"b": 10**30, "a": datetime(2026, 1, 1, 5, 0), "d": date(2026, 1, 2), "v": "Hà Nội"},
     '{"a":"2026-01-01T05:00:00+00:00","b":1000000000000000000000000000000,"d":"2026-01-02","v":"Hà Nội"}'),
])
def test_answers_are_written_the_same_way_whoever_encodes_them(app, value, text):
    assert app.json.dumps(value) == text
