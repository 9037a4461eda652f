"""What every schema shares: a body's booleans are true or false (Schemathesis found "given": 0 accepted as a consent
withdrawn), while query arguments, which are text, still read "true" and "false"."""
import pytest
from marshmallow import ValidationError

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
