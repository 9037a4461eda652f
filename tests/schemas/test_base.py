"""What every schema shares: a body's booleans are true or false (Schemathesis found "given": 0 accepted as a consent
withdrawn), while query arguments, which are text, still read "true" and "false"; a whole number has no fraction
(tests/test_bad_input.py found a referral of job seeker 1.5 made for job seeker 1)."""
import pytest
from marshmallow import ValidationError

from jobmatch.schemas.application import FollowUpWriteSchema, ReferralSchema
from jobmatch.schemas.job_fair import JobFairWriteSchema
from jobmatch.schemas.job_seeker import ConsentWriteSchema
from jobmatch.schemas.page import PageArgsSchema
from jobmatch.schemas.vacancy import VacancySearchArgsSchema


@pytest.mark.parametrize("value", [0, 1, "true", "yes", "on", None, [], {}])
def test_a_body_boolean_that_is_not_true_or_false_is_refused_naming_the_field(value):
    with pytest.raises(ValidationError) as refused:
        ConsentWriteSchema().load({"purpose": "show_profile", "given": value})
    assert "given" in refused.value.messages


def test_a_body_boolean_that_is_true_or_false_passes():
    assert ConsentWriteSchema().load({"purpose": "show_profile", "given": False})["given"] is False


def test_query_arguments_read_true_and_false_from_text():
    assert PageArgsSchema.STRICT_BOOLEANS is False
    assert VacancySearchArgsSchema().load({"understand": "false"})["understand"] is False


@pytest.mark.parametrize(
    ("schema", "body", "refused"),
    [
        (ReferralSchema(), {"vacancy_id": 7, "job_seeker_id": 1.5}, {"job_seeker_id": ["Not a valid integer."]}),
        (FollowUpWriteSchema(), {"months": 3.5, "still_employed": True}, {"months": ["Not a valid integer."]}),
        (
            JobFairWriteSchema(),
            {"title": "Phiên", "held_on": "2026-12-01", "ward_code": "00004", "venue": "Nhà văn hóa", "vacancy_ids": [7, 7.5]},
            {"vacancy_ids": {1: ["Not a valid integer."]}},
        ),
    ],
)
def test_a_fraction_where_a_whole_number_belongs_is_refused_not_cut(app_context, schema, body, refused):
    with pytest.raises(ValidationError) as error:
        schema.load(body)
    assert error.value.messages == refused


def test_a_whole_number_written_with_a_point_is_still_that_number():
    assert ReferralSchema().load({"vacancy_id": 7.0, "job_seeker_id": 12})["vacancy_id"] == 7
