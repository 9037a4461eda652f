"""The officer's worklists through the pages: each shows its due item (and the count on the home page), and the item
leaves the list once the officer has acted on it from the list's own button; a long list is paged to its last row."""
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Notification, OverseasCase, Placement
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.services.overseas import version_on
from tests.factories import make_account, make_application, make_centre, make_employer, make_job_seeker, make_priority_status, make_vacancy
from tests.web.helpers import post_form, start_session

TODAY = vietnam_today()


def _follow_up(world):
    application = make_application(make_vacancy(), world.person, status="hired")
    db.session.add(Placement(application_id=application.id, hire_date=TODAY - timedelta(days=100)))
    db.session.commit()
    return world.person.full_name, f"/centre/worklists/follow-ups/{application.id}", {"months": "3", "still_employed": "1"}


def _expiring(world):
    make_priority_status(world.person, world.officer, valid_until=TODAY + timedelta(days=10))
    return world.person.full_name, f"/centre/job-seekers/{world.person.id}/priority-statuses", {
        "category": "poor", "evidence": "Danh sách hộ nghèo 2027", "valid_until": (TODAY + timedelta(days=300)).isoformat()}


def _no_outcome(world):
    world.person.created_at = utc_now() - timedelta(days=40)
    db.session.commit()
    vacancy = make_vacancy()
    return world.person.full_name, f"/centre/job-seekers/{world.person.id}/referrals", {"vacancy_id": str(vacancy.id)}


def _late_case(world):
    programme = world.programmes["EPS"]
    case = OverseasCase(job_seeker_id=world.person.id, programme_id=programme.id, programme_version_id=version_on(programme, TODAY).id,
                        stage="employer_selection", stage_entered_on=TODAY - timedelta(days=200))
    db.session.add(case)
    db.session.commit()
    return world.person.full_name, f"/overseas-cases/{case.id}/close", {
        "close_reason": "withdrew", "close_happened_on": TODAY.isoformat(), "close_document": "Đơn xin rút"}


def _employer(world):
    employer = make_employer(name="Công ty TNHH Chờ Duyệt", verified=False)
    return employer.name, f"/centre/worklists/employers/employers/{employer.id}/verification", {}


def _vacancy(world):
    employer = make_employer(name="Công ty CP Chưa Xác Minh", verified=False)
    make_vacancy(employer, title="Thợ may công nghiệp chờ duyệt")
    return "Thợ may công nghiệp chờ duyệt", f"/centre/worklists/vacancies/employers/{employer.id}/verification", {}


def _unanswered(world):
    employer = make_employer(name="Công ty TNHH Im Lặng")
    world.employer_account = make_account("employer", employer_id=employer.id)
    application = make_application(make_vacancy(employer, title="Kế toán chờ trả lời"), world.person,
                                   created_at=utc_now() - timedelta(days=20))
    return "Kế toán chờ trả lời", f"/centre/worklists/unanswered/{application.id}/reminder", {}


CASES = {
    "follow_ups": _follow_up,
    "expiring_statuses": _expiring,
    "no_outcome": _no_outcome,
    "late_cases": _late_case,
    "employers": _employer,
    "vacancies": _vacancy,
    "unanswered": _unanswered,
}


class World:
    pass


@pytest.fixture
def world(programmes):
    world = World()
    world.programmes = programmes
    centre = make_centre()
    world.officer = make_account("officer", centre_id=centre.id)
    world.person = make_job_seeker(full_name="Lò Thị Worklist", centre_id=centre.id)
    return world


def worklist_lines(client, path):
    """The worklist itself, without the notice of what was just done."""
    return re.search(r'<ul class="worklist">(.*?)</ul>', client.get(path).get_data(as_text=True), re.S).group(1)


def count_on_home(client, name):
    home = client.get("/centre").get_data(as_text=True)
    return int(re.search(rf'data-worklist="{name}">.*?<strong class="count">(\d+)</strong>', home, re.S).group(1))


@pytest.mark.parametrize("name", list(CASES))
def test_each_worklist_shows_its_due_item_and_clears_it_when_acted_on(client, world, name):
    shown, action, form = CASES[name](world)
    start_session(client, world.officer)
    path = f"/centre/worklists/{name}"
    assert count_on_home(client, name) == 1
    assert shown in worklist_lines(client, path)

    acted = post_form(client, action, form, token_from=path)
    assert acted.status_code == 302, acted.get_data(as_text=True)[:3000]
    lines = worklist_lines(client, path)
    assert shown not in lines and "Không có việc gì đến hạn." in lines
    assert count_on_home(client, name) == 0
    if name == "unanswered":  # the reminder reached the employer
        assert db.session.scalar(select(Notification.kind).where(Notification.account_id == world.employer_account.id)) == (
            "application_reminder")


def test_an_officer_lands_on_the_worklists_and_a_long_list_is_paged_to_its_last_row(client, world):
    names = {make_employer(name=f"Công ty số {number:02d}", verified=False).name for number in range(45)}
    response = post_form(client, "/sign-in", {"login": world.officer.email, "password": "xanh lá cây mùa thu"})
    assert response.headers["Location"] == "/centre"
    path, seen, pages = "/centre/worklists/employers", [], 0
    while path:
        page = client.get(path).get_data(as_text=True)
        pages += 1
        seen += re.findall(r"<strong>(Công ty số \d+)</strong>", page)
        assert "45" in page
        following = re.search(r'<a rel="next" class="button" href="([^"]+)"', page)
        path = following.group(1).replace("&amp;", "&") if following else None
    assert pages == 3 and sorted(seen) == sorted(names)
