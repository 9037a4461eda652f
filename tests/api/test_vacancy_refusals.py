"""Regressions found by Schemathesis: a vacancy whose fields are refused is answered 422 naming them, never 500, even
when the form-level checks run beside the field errors."""
from jobmatch.services import account as account_service
from tests.factories import make_account, make_employer

# Found by a randomized run (seed 159963130863694410882011043392117328207): a fee refused for its kind reached the
# duplicate-kind check without one.
BODY = ('{"deadline": "0261-09-15", "employment_type": "part_time", "ward_code": "false", "fees": [{"amount_vnd": 8499, '
        '"kind": "\\u00beb\\ud8fd\\udef9\\u00ea["}], "title": "\\u00e0+\\u00c1R\\u00cd\\u00d8\\u00ae\\u00fe\\u00b9\\u00f9\'"}')


def test_a_fee_of_no_known_kind_is_refused_naming_fees_not_a_500(client):
    account = make_account("employer", employer_id=make_employer().id)
    _, token = account_service.create_api_token(actor=account, name="fuzz")
    response = client.post("/api/v1/vacancies", data=BODY, content_type="application/json", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 422
    assert {"fees", "deadline", "ward_code"} <= set(response.get_json()["errors"]["json"])
