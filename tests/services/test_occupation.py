"""Occupation suggestions: Vietnamese job titles, ISCO-08 and ESCO labels, typed with or without diacritics."""
import pytest

from jobmatch.services.occupation import suggest_occupations


@pytest.mark.parametrize("typed, expected", [
    ("thợ hàn", "7212"), ("tho han", "7212"), ("welder", "7212"), ("cong nhan may", "8153"), ("Kế toán", "2411"),
    ("tai xe xe tai", "8332"), ("cook", "5120"), ("dieu duong", "2221"),
])
def test_the_occupation_typed_comes_first(app_context, typed, expected):
    suggestions = suggest_occupations(text=typed)
    assert suggestions[0]["code"] == expected
    assert len({suggestion["code"] for suggestion in suggestions}) == len(suggestions) <= 8


def test_each_suggestion_carries_both_labels_and_what_matched(app_context):
    [first, *_] = suggest_occupations(text="welder")
    assert first == {"code": "7212", "label_vi": "Thợ hàn và thợ cắt kim loại", "label_en": "Welders and flamecutters",
                     "matched": "welder"}


def test_too_little_or_unknown_text_suggests_nothing(app_context):
    assert suggest_occupations(text="t") == []
    assert suggest_occupations(text="  ") == []
    assert suggest_occupations(text="xyzzy qwerty") == []


def test_the_api_suggests_publicly_and_refuses_bad_arguments(client):
    response = client.get("/api/v1/occupations/suggest?q=tho%20han")
    assert response.status_code == 200 and response.json["items"][0]["code"] == "7212"
    assert client.get("/api/v1/occupations/suggest").status_code == 422
    assert client.get("/api/v1/occupations/suggest?q=" + "a" * 101).status_code == 422
