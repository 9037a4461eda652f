"""The vacancy service's rules, by outcome: the lifecycle (draft, open, closed, filled) for every status and target,
no edits once closed or filled, no publishing past the deadline, publishing dates the vacancy, no deletion once
someone applied, only the owner acts; and a centre verifying the employer brings its published vacancies into search.
Every refusal is checked twice: what the employer is told, and that the row read afresh afterwards is as it was."""
from datetime import datetime, timedelta
from functools import partial
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from jobmatch.extensions import db, search_client
from jobmatch.models import Notification, Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.services import employer as employer_service
from jobmatch.services import search_index
from jobmatch.services import vacancy as vacancy_service
from search.indexes import indexed_versions
from tests.factories import make_account, make_application, make_centre, make_employer, make_job_seeker, make_vacancy, refusal

STATUSES = ("draft", "open", "closed", "filled")
# The lifecycle as DESIGN.md describes it, written out here rather than read from the model.
NEXT = {"draft": {"open"}, "open": {"closed", "filled"}, "closed": {"open"}, "filled": set()}
VIETNAMESE = {"draft": "Bản nháp", "open": "Đang tuyển", "closed": "Đã ngừng tuyển", "filled": "Đã tuyển đủ"}
A_WHILE_AGO = datetime(2026, 1, 2, 3, 4)


@pytest.fixture
def world():
    employer = make_employer(name="Công ty TNHH Điện lạnh Sông Hồng")
    return SimpleNamespace(
        employer=employer,
        owner=make_account("employer", employer_id=employer.id),
        other_employer=make_account("employer", employer_id=make_employer(name="Công ty CP Xây dựng Hòa Bình").id),
    )


def stored(vacancy_id):
    """The vacancy as the database holds it, read afresh: a refused request ends with its transaction rolled back."""
    db.session.rollback()
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None:
        return None
    return {"status": vacancy.status, "title": vacancy.title, "deadline": vacancy.deadline, "posted_at": vacancy.posted_at,
            "version": vacancy.version}



def expected_change(status, target):
    if target in NEXT[status]:
        return "done"
    return f"status: Tin tuyển dụng đang ở trạng thái “{VIETNAMESE[status]}” không thể chuyển sang “{VIETNAMESE[target]}”."


@pytest.mark.parametrize("status", STATUSES)
def test_a_vacancy_moves_only_along_its_lifecycle(world, status):
    outcomes = {}
    for target in STATUSES:
        vacancy = make_vacancy(world.employer, status=status, posted_at=A_WHILE_AGO)
        before = stored(vacancy.id)
        outcomes[target] = refusal(partial(vacancy_service.change_vacancy_status, actor=world.owner, vacancy_id=vacancy.id, status=target))
        after = stored(vacancy.id)
        if outcomes[target] != "done":
            assert after == before, f"{status}→{target} was refused but changed {before} into {after}"
        else:
            assert (after["status"], after["version"]) == (target, before["version"] + 1)
    assert outcomes == {target: expected_change(status, target) for target in STATUSES}


def test_publishing_dates_the_vacancy_and_later_changes_keep_that_date(world):
    draft = make_vacancy(world.employer, status="draft", posted_at=A_WHILE_AGO)
    just_before = utc_now()
    vacancy_service.change_vacancy_status(actor=world.owner, vacancy_id=draft.id, status="open")
    published = stored(draft.id)
    assert just_before <= published["posted_at"] <= utc_now()
    vacancy_service.update_vacancy(actor=world.owner, vacancy_id=draft.id, fields={"title": "Thợ điện lạnh"})
    vacancy_service.change_vacancy_status(actor=world.owner, vacancy_id=draft.id, status="closed")
    assert stored(draft.id)["posted_at"] == published["posted_at"]


def test_publishing_after_the_deadline_is_refused_until_a_new_deadline_is_set(world):
    draft = make_vacancy(world.employer, status="draft", posted_at=A_WHILE_AGO, deadline=vietnam_today() - timedelta(days=1))
    before = stored(draft.id)
    assert refusal(lambda: vacancy_service.change_vacancy_status(actor=world.owner, vacancy_id=draft.id, status="open")) == (
        "deadline: Đã quá hạn nộp hồ sơ: hãy đặt hạn mới trước khi đăng tin."
    )
    assert stored(draft.id) == before
    vacancy_service.update_vacancy(actor=world.owner, vacancy_id=draft.id, fields={"deadline": vietnam_today()})
    vacancy_service.change_vacancy_status(actor=world.owner, vacancy_id=draft.id, status="open")
    assert stored(draft.id)["status"] == "open"  # the last day is still a day to apply


@pytest.mark.parametrize(("status", "answer"), [
    ("draft", "done"),
    ("open", "done"),
    ("closed", "done"),  # edited before it is reopened
    ("filled", "status: Tin tuyển dụng đã tuyển đủ thì không sửa được nữa: hãy đăng một bản sao."),
], ids=("draft", "open", "closed", "filled"))
def test_filled_vacancies_are_no_longer_edited_closed_ones_are(world, status, answer):
    vacancy = make_vacancy(world.employer, status=status, title="Thợ điện")
    before = stored(vacancy.id)
    assert refusal(lambda: vacancy_service.update_vacancy(
        actor=world.owner, vacancy_id=vacancy.id, fields={"title": "Thợ điện công nghiệp"}
    )) == answer
    after = stored(vacancy.id)
    if answer == "done":
        assert (after["title"], after["status"]) == ("Thợ điện công nghiệp", status)
    else:
        assert after == before


def test_a_vacancy_someone_applied_to_is_closed_not_deleted(world):
    applied_to = make_vacancy(world.employer, title="Thợ điện")
    application = make_application(applied_to, make_job_seeker(), "withdrawn")  # even a withdrawn application keeps it
    before = stored(applied_to.id)
    assert refusal(lambda: vacancy_service.delete_vacancy(actor=world.owner, vacancy_id=applied_to.id)) == (
        "status: Tin tuyển dụng này đã có hồ sơ ứng tuyển: hãy chọn ngừng tuyển thay vì xóa tin."
    )
    assert stored(applied_to.id) == before
    assert db.session.get(type(application), application.id).vacancy_id == applied_to.id

    nobody_applied = make_vacancy(world.employer, title="Thợ sửa máy lạnh")
    vacancy_service.delete_vacancy(actor=world.owner, vacancy_id=nobody_applied.id)
    assert stored(nobody_applied.id) is None


def test_only_the_owner_edits_publishes_or_deletes_a_vacancy(world):
    vacancy = make_vacancy(world.employer, status="draft", title="Thợ điện")
    before = stored(vacancy.id)
    officer = make_account("officer", centre_id=make_centre().id)
    for actor in (world.other_employer, officer):
        answers = [
            refusal(partial(vacancy_service.update_vacancy, actor=actor, vacancy_id=vacancy.id, fields={"title": "Đổi tên"})),
            refusal(partial(vacancy_service.change_vacancy_status, actor=actor, vacancy_id=vacancy.id, status="open")),
            refusal(partial(vacancy_service.delete_vacancy, actor=actor, vacancy_id=vacancy.id)),
        ]
        assert answers == ["not permitted"] * 3
        assert stored(vacancy.id) == before


def test_verifying_the_employer_brings_its_published_vacancies_into_search(app, indexes):
    employer = make_employer(name="Công ty TNHH Cơ điện Tân Phú", verified=False)
    owner = make_account("employer", employer_id=employer.id)
    published = make_vacancy(employer, title="Thợ điện công nghiệp", isco_code="7411", skills=["điện công nghiệp"])
    draft = make_vacancy(employer, status="draft", title="Thợ điện dân dụng", isco_code="7411")
    client = app.test_client()
    search_index.relay_outbox(refresh=True)

    def found():
        page = client.get("/", query_string={"q": "tho dien"}).get_data(as_text=True)
        return {title for title in ("Thợ điện công nghiệp", "Thợ điện dân dụng") if title in page}

    assert indexed_versions(search_client(), indexes.vacancies) == {}
    assert found() == set()
    assert client.get(f"/vacancies/{published.id}").status_code == 404

    officer = make_account("officer", centre_id=make_centre().id)
    employer_service.verify_employer(actor=officer, employer_id=employer.id)
    search_index.relay_outbox(refresh=True)

    assert found() == {"Thợ điện công nghiệp"}  # the draft stays out of search
    assert str(published.id) in indexed_versions(search_client(), indexes.vacancies)
    assert client.get(f"/vacancies/{published.id}").status_code == 200
    assert client.get(f"/vacancies/{draft.id}").status_code == 404
    assert db.session.scalars(select(Notification.kind).where(Notification.account_id == owner.id)).all() == ["employer_verified"]
