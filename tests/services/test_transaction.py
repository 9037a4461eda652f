"""A write that loses a race with another is refused naming the field, never a 500 (both databases word it differently)."""
import pytest
from sqlalchemy import update

from jobmatch.extensions import db
from jobmatch.models import Account, Application
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.transaction import commit
from tests.factories import make_account, make_job_seeker, make_vacancy


def test_a_unique_value_taken_meanwhile_names_its_field():
    taken = make_account("admin")
    db.session.add(Account(role="admin", email=taken.email, password_hash="x", display_name="Trùng"))
    with pytest.raises(InvalidRequest) as refused:
        commit()
    assert refused.value.field == "email"
    assert db.session.scalar(db.select(db.func.count()).select_from(Account)) == 1


def test_a_second_application_made_at_the_same_moment_is_refused():
    vacancy, job_seeker = make_vacancy(), make_job_seeker()
    db.session.add(Application(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id))
    commit()
    db.session.add(Application(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id))
    with pytest.raises(InvalidRequest) as refused:
        commit()
    assert refused.value.field == "vacancy_id"


def test_a_row_changed_meanwhile_is_refused_and_left_as_the_other_writer_left_it():
    application = Application(vacancy_id=make_vacancy().id, job_seeker_id=make_job_seeker().id)
    db.session.add(application)
    commit()
    assert application.version == 1  # this request has read the row
    with db.engine.begin() as other_request:
        other_request.execute(update(Application.__table__).where(Application.id == application.id).values(status="viewed", version=2))
    application.status = "withdrawn"
    with pytest.raises(InvalidRequest) as refused:
        commit()
    assert refused.value.field == "_schema"
    assert db.session.get(Application, application.id).status == "viewed"
