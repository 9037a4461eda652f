"""Form-level (cross-field) checks come in the same answer as the field errors they do not depend on (issue 17, item
5), and wait for a field they read that was refused, a list refused in part included (schemas.base.form_check)."""
import pytest
from marshmallow import ValidationError

from jobmatch.schemas.account import ClaimProfileSchema, EmployerSignUpSchema, JobSeekerSignUpSchema
from jobmatch.schemas.job_seeker import PriorityStatusWriteSchema
from jobmatch.schemas.overseas import AreaBanSchema, ProgrammeWriteSchema, RulesSchema, StageSchema
from tests.factories import HANOI_WARD

REACHABLE = "Give a phone number or an email address to sign in with."
STAGE = {"code": "registered", "name_vi": "Đăng ký", "name_en": "Registered"}
PROGRAMME = {"code": "EPS", "destination_country": "KR", "name_vi": "EPS", "name_en": "EPS", "rules": {}}


CASES = [
    # field errors (None: the field's own message) beside the cross-field rule's message
    (EmployerSignUpSchema, {"name": "Công ty Hòa Bình", "tax_code": "123", "ward_code": HANOI_WARD, "contact_name": "An",
                            "email": "an@example.vn", "password": "x" * 12, "overseas_licence": "GP-01"},
     {"tax_code": None, "overseas_licence_expires": "Give both the licence number and its expiry date."}),
    (JobSeekerSignUpSchema, {"full_name": "", "password": "x" * 12}, {"full_name": None, "phone": REACHABLE}),
    (ClaimProfileSchema, {"citizen_id": "12", "claim_code": "ABCD1234", "password": "x" * 12},
     {"citizen_id": None, "phone": REACHABLE}),
    (PriorityStatusWriteSchema, {"category": "ethnic_minority", "evidence": "x" * 301},
     {"evidence": None, "ethnic_group_code": "Choose the ethnic group."}),
    (StageSchema, {**STAGE, "code": "Bad Code", "lapses": True},
     {"code": None, "due_days": "A stage that lapses needs a number of days."}),
    (AreaBanSchema, {"province_code": "01", "ward_code": HANOI_WARD, "starts_on": "2026-05-01", "ends_on": "2026-04-01",
                     "reason": "a\x00b"},
     {"reason": None, "ward_code": "Give either a province or a ward.", "ends_on": "The last day is before the first day."}),
    (RulesSchema, {"min_age": 40, "max_age": 20, "health_check_months": 99, "service_fee_max_months": 3},
     {"health_check_months": None, "min_age": "The minimum age is above the maximum age.",
      "service_fee_months_per_year": "Set the months per year of contract too."}),
    (ProgrammeWriteSchema, {**PROGRAMME, "code": "x", "stages": [STAGE, STAGE]},
     {"code": None, "stages": "Each stage needs its own code."}),
    # a rule that reads a refused field waits for it: the email, or a stage refused while its code is valid
    (JobSeekerSignUpSchema, {"full_name": "Lò Thị Mai", "email": "mai@", "password": "x" * 12}, {"email": None}),
    (ProgrammeWriteSchema, {**PROGRAMME, "stages": [STAGE, {**STAGE, "name_vi": ""}]}, {"stages": None}),
]
CROSS_FIELD_MESSAGES = {message for _, _, expected in CASES for message in expected.values() if message}


@pytest.mark.parametrize("schema, body, expected", CASES)
def test_cross_field_rules_report_beside_the_field_errors_they_do_not_read(app_context, schema, body, expected):
    with pytest.raises(ValidationError) as refused:
        schema().load(body)
    errors = refused.value.messages
    assert set(errors) == set(expected)
    for field, message in expected.items():
        if message:
            assert errors[field] == [message]
        else:  # the field's own refusal, and no rule that read it
            assert errors[field] and not any(rule in str(errors[field]) for rule in CROSS_FIELD_MESSAGES)
