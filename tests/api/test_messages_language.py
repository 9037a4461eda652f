"""The API answers in one language and one pass (issue 17, item 5): every message in the request's language, the
libraries' own included ("Missing data for required field."), and form-level checks beside the fields' own errors."""
import importlib
import pkgutil

import pytest
from flask_babel import force_locale, refresh
from marshmallow import Schema, fields

import jobmatch.schemas
from jobmatch.i18n import library_messages, translate_errors
from jobmatch.services import account as account_service
from tests.factories import HANOI_WARD, make_account, make_application, make_centre, make_employer, make_job_seeker, make_vacancy

VALUES = {"min": "1", "max": "5", "equal": "3", "other": "7", "choices": "KR, JP", "values": "KR", "input": "'13/13/2026'"}


def filled(template):
    return template.replace("!r}", "}").format(**VALUES) if "{" in template else template


@pytest.mark.parametrize("template", library_messages())
def test_every_message_of_marshmallow_and_webargs_is_vietnamese_with_its_values_and_english_on_request(app, template):
    message = filled(template)
    with app.test_request_context("/api/v1/vacancies"):
        refresh()  # the locale is kept on the test's own app context
        vietnamese = translate_errors({"field": [message]})["field"][0]
    assert vietnamese != message
    assert all(value in vietnamese for name, value in VALUES.items() if f"{{{name}" in template)
    with app.test_request_context("/api/v1/vacancies", headers={"Accept-Language": "en"}):
        refresh()
        assert translate_errors([message]) == [message]


def schema_messages():
    """(schema, field path, message) of every error message the project's schemas declare or inherit."""
    for module in pkgutil.iter_modules(jobmatch.schemas.__path__):
        importlib.import_module(f"jobmatch.schemas.{module.name}")
    found = {}

    def walk(schema_class, path, seen):
        if schema_class in seen:
            return
        seen = seen | {schema_class}
        schema = schema_class()
        for message in schema.error_messages.values():
            found[message] = f"{schema_class.__name__}"
        for name, field in schema.fields.items():
            for inner in (field, getattr(field, "inner", None), getattr(field, "value_field", None)):
                if inner is None:
                    continue
                for message in inner.error_messages.values():
                    # as a date or time field words it: "Not a valid {obj_type}." is "Not a valid datetime."
                    message = message.replace("{obj_type}", getattr(inner, "OBJ_TYPE", "{obj_type}"))
                    if "{awareness}" in message and not hasattr(inner, "AWARENESS"):
                        continue  # said only by fields that check the time zone
                    found.setdefault(message.replace("{awareness}", getattr(inner, "AWARENESS", "")), f"{schema_class.__name__}.{name}")
                for validator in inner.validators:
                    if isinstance(getattr(validator, "error", None), str):
                        found.setdefault(validator.error, f"{schema_class.__name__}.{name}")
                if isinstance(inner, fields.Nested) and isinstance(inner.nested, type):
                    walk(inner.nested, f"{path}.{name}", seen)

    classes, pending = set(), [Schema]
    while pending:
        for subclass in pending.pop().__subclasses__():
            if subclass.__module__.startswith("jobmatch.") and subclass not in classes:
                classes.add(subclass)
            pending.append(subclass)
    for schema_class in sorted(classes, key=lambda cls: cls.__qualname__):
        walk(schema_class, schema_class.__name__, frozenset())
    return found


def test_no_error_message_of_any_schema_is_english_on_a_vietnamese_answer(app):
    messages = schema_messages()
    assert "Missing data for required field." in messages and len(messages) > 50
    with app.test_request_context("/api/v1/vacancies"), force_locale("vi"):
        english = {message: where for message, where in messages.items() if translate_errors(message) == message}
    assert english == {}


def test_a_vacancy_refused_says_everything_wrong_in_one_vietnamese_answer_and_in_english_on_request(client):
    account = make_account("employer", employer_id=make_employer().id)
    headers = {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='hr')[1]}"}
    body = {"title": "Kế toán", "openings": "mười", "salary_min": 20_000_000, "salary_max": 9_000_000, "title_en": "x"}
    answer = client.post("/api/v1/vacancies", json=body, headers=headers)
    assert answer.status_code == 422
    assert answer.get_json()["errors"]["json"] == {
        "deadline": ["Thiếu dữ liệu cho trường bắt buộc."],
        "employment_type": ["Thiếu dữ liệu cho trường bắt buộc."],
        "openings": ["Không phải số nguyên hợp lệ."],
        "title_en": ["Trường không xác định."],
        # form-level checks that need no refused field come in the same answer
        "salary_min": ["Mức lương tối thiểu đang lớn hơn mức tối đa."],
        "places": ["Hãy chọn ít nhất một nơi làm việc: một xã/phường hoặc cả một tỉnh/thành phố."],
    }
    english = client.post("/api/v1/vacancies", json=body, headers={**headers, "Accept-Language": "en-GB,en;q=0.8"}).get_json()
    assert english["errors"]["json"]["deadline"] == ["Missing data for required field."]
    assert english["errors"]["json"]["salary_min"] == ["The minimum salary is above the maximum."]
    # a check that reads a refused field waits for it: a ward code refused is not also "missing"
    refused_ward = client.post("/api/v1/vacancies", json={**body, "ward_code": "99999"}, headers=headers).get_json()
    assert len(refused_ward["errors"]["json"]["ward_code"]) == 1 and "places" not in refused_ward["errors"]["json"]
    not_json = client.post("/api/v1/vacancies", data="{", content_type="application/json", headers=headers)
    assert not_json.status_code == 400 and not_json.get_json()["errors"]["json"] == ["Nội dung gửi lên không phải JSON hợp lệ."]
    too_long = client.get("/api/v1/places/wards", query_string={"province": "1"}).get_json()
    assert too_long["errors"]["query"]["province"] == ["Chuỗi không đúng định dạng yêu cầu."]


def test_a_form_level_check_comes_with_the_field_errors_it_does_not_depend_on_in_the_request_language(client):
    """One request, a refused field and a failing cross-field rule that reads other fields: both in one answer, in
    Vietnamese by default and in English on request (job seekers and applications through the API)."""
    centre = make_centre()
    officer_headers = headers_of(make_account("officer", centre_id=centre.id))
    walk_in = {"full_name": "Lò Văn Páo", "citizen_id": "001090123456", "birth_date": "1995-05-17", "phone": "123",
               "ward_code": HANOI_WARD, "health_check_on": "1990-01-01"}
    employer = make_employer()
    application = make_application(make_vacancy(employer), make_job_seeker())
    cases = [
        ("/api/v1/job-seekers", walk_in, officer_headers, {
            "phone": ("Hãy nhập số điện thoại Việt Nam, ví dụ: 0912 345 678.",
                      "Enter a Vietnamese phone number, e.g. 0912 345 678."),
            "citizen_id": ("Số CCCD không khớp với năm sinh.", "The citizen ID does not match the birth year."),
            "health_check_on": ("Ngày khám sức khỏe đang trước ngày sinh.", "The health check is before the birth date."),
        }),
        (f"/api/v1/applications/{application.id}/transitions", {"status": "rejected", "note": "x"},
         headers_of(make_account("employer", employer_id=employer.id)), {
             "note": ("Trường không xác định.", "Unknown field."),
             "reason": ("Hãy chọn lý do không trúng tuyển.", "Choose the reason for the rejection."),
         }),
    ]
    for path, body, headers, expected in cases:
        vietnamese = client.post(path, json=body, headers=headers)
        english = client.post(path, json=body, headers={**headers, "Accept-Language": "en"})
        assert vietnamese.status_code == english.status_code == 422, path
        assert vietnamese.get_json()["errors"]["json"] == {field: [vi] for field, (vi, _) in expected.items()}
        assert english.get_json()["errors"]["json"] == {field: [en] for field, (_, en) in expected.items()}
    # a check that reads a refused field waits for it: a birth date refused is not also "does not match"
    refused = client.post("/api/v1/job-seekers", json={**walk_in, "birth_date": "17/17/1995"}, headers=officer_headers)
    assert set(refused.get_json()["errors"]["json"]) == {"phone", "birth_date"}


def headers_of(account):
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='test')[1]}"}
