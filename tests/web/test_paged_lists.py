"""Every long list a page at a time with the one pager: walked forward with "Trang sau" and back with "Trang trước",
each row is seen exactly once and the way back shows the same pages; the filters people need (an employer's vacancies
by status and title, the centre's applications by status, overseas cases by status, step and lateness) keep to the
pages; the EPS page folds away the bans that have ended."""
import re
from datetime import timedelta
from html import unescape

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Account, AgencyReport, OverseasCase
from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.page import PAGE_SIZE
from jobmatch.services import account as account_service
from jobmatch.services import notification
from jobmatch.services.overseas import version_on
from tests.factories import make_account, make_agency, make_application, make_centre, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import start_session

TODAY = vietnam_today()
ROWS = PAGE_SIZE + 3  # two pages


def _link(page, rel):
    found = re.search(rf'<a rel="{rel}" class="button" href="([^"]+)"', page)
    return unescape(found.group(1)) if found else None


def walk(client, path, row):
    """[rows of each page] walked forward from path; and the same walked back from the last page with "previous"."""
    forward, pages = [], []
    while path:
        page = client.get(path)
        assert page.status_code == 200, page.get_data(as_text=True)[:2000]
        text = page.get_data(as_text=True)
        pages.append(text)
        forward.append(re.findall(row, text))
        path = _link(text, "next")
    backward, path = [], _link(pages[-1], "prev")
    while path:
        text = client.get(path).get_data(as_text=True)
        backward.insert(0, re.findall(row, text))
        path = _link(text, "prev")
    return forward, backward


class World:
    pass


@pytest.fixture
def world(programmes):
    world = World()
    world.programmes = programmes
    world.centre = make_centre()
    world.officer = make_account("officer", centre_id=world.centre.id)
    world.employer = make_employer(name="Công ty TNHH Nhiều Tin")
    world.employer_account = make_account("employer", employer_id=world.employer.id)
    return world


def _vacancies(world):
    for number in range(ROWS):
        make_vacancy(world.employer, title=f"Vị trí số {number:02d}")
    return world.employer_account, "/employer", r">(Vị trí số \d+)</a>", {f"Vị trí số {number:02d}" for number in range(ROWS)}


def _job_seekers(world):
    for number in range(ROWS):
        make_job_seeker(full_name=f"Người tìm việc số {number:02d}", centre_id=world.centre.id)
    make_job_seeker(full_name="Người của trung tâm khác", centre_id=make_centre().id)
    return world.officer, "/centre/job-seekers", r">(Người tìm việc số \d+)</a>", {
        f"Người tìm việc số {number:02d}" for number in range(ROWS)}


def _applications(world):
    vacancy = make_vacancy(world.employer)
    for number in range(ROWS):
        make_application(vacancy, make_job_seeker(full_name=f"Ứng viên số {number:02d}", centre_id=world.centre.id))
    return world.officer, "/centre/applications", r">(Ứng viên số \d+)</a>", {f"Ứng viên số {number:02d}" for number in range(ROWS)}


def _accounts(world):
    admin = make_account("admin", display_name="Quản trị viên chính")
    for number in range(ROWS):
        make_account("officer", centre_id=world.centre.id, display_name=f"Cán bộ số {number:02d}")
    staff = db.session.scalars(select(Account.display_name).where(Account.role.in_(("officer", "admin")))).all()
    return admin, "/admin/accounts", r"<tr><td>([^<]+?)(?:<br>|</td>)", set(staff)


def _reports(world):
    agency, worker = make_agency(), make_job_seeker(centre_id=world.centre.id)
    db.session.add_all(AgencyReport(employer_id=agency.id, job_seeker_id=worker.id, kind="fee_above_cap",
                                    description=f"Báo cáo số {number:02d}") for number in range(ROWS))
    db.session.commit()
    return world.officer, "/centre/agency-reports", r'<p class="description">(Báo cáo số \d+)</p>', {
        f"Báo cáo số {number:02d}" for number in range(ROWS)}


def _unverified_employers(world):
    for number in range(ROWS):
        make_employer(name=f"Công ty chờ số {number:02d}", verified=False)
    return world.officer, "/centre/employers", r'<p class="title">(Công ty chờ số \d+)</p>', {
        f"Công ty chờ số {number:02d}" for number in range(ROWS)}


def _own_applications(world):
    person = make_job_seeker(centre_id=world.centre.id)
    for number in range(ROWS):
        make_application(make_vacancy(world.employer, title=f"Đã ứng tuyển số {number:02d}"), person)
    return make_account("job_seeker", job_seeker_id=person.id), "/me/applications", r">(Đã ứng tuyển số \d+)</a>", {
        f"Đã ứng tuyển số {number:02d}" for number in range(ROWS)}


def _notifications(world):
    for number in range(ROWS):
        notification.queue(account=world.employer_account, kind="application_reminder", vacancy=f"Tin số {number:02d}")
    db.session.commit()
    return world.employer_account, "/account", r"“(Tin số \d+)”", {f"Tin số {number:02d}" for number in range(ROWS)}


def _case(world, name, stage="registration", days_ago=0, programme="EPS"):
    person = make_job_seeker(full_name=name, centre_id=world.centre.id)
    programme = world.programmes[programme]
    db.session.add(OverseasCase(job_seeker_id=person.id, programme_id=programme.id, programme_version_id=version_on(programme, TODAY).id,
                                stage=stage, stage_entered_on=TODAY - timedelta(days=days_ago)))
    db.session.commit()


def _cases(world):
    for number in range(ROWS):
        _case(world, f"Lao động số {number:02d}", days_ago=number % 5)  # ties on the day: the id breaks them
    return world.officer, "/centre/overseas-cases", r"<td>(Lao động số \d+)</td>", {f"Lao động số {number:02d}" for number in range(ROWS)}


LISTS = {"vacancies": _vacancies, "job_seekers": _job_seekers, "applications": _applications, "accounts": _accounts,
         "agency_reports": _reports, "overseas_cases": _cases, "notifications": _notifications,
         "unverified_employers": _unverified_employers, "own_applications": _own_applications}


@pytest.mark.parametrize("name", list(LISTS))
def test_a_long_list_is_walked_page_by_page_forward_and_back_each_row_once(client, world, name):
    account, path, row, expected = LISTS[name](world)
    start_session(client, account)
    forward, backward = walk(client, path, row)
    rows = [name for page in forward for name in page]
    assert [len(page) for page in forward] == [PAGE_SIZE, len(expected) - PAGE_SIZE]
    assert sorted(rows) == sorted(expected)  # each row exactly once
    assert backward == forward[:-1]  # "Trang trước" shows the same first page again
    assert "Trang sau" in client.get(path).get_data(as_text=True)
    assert f"trên tổng số {len(expected)}" in client.get(path).get_data(as_text=True)


def test_the_employer_finds_their_vacancies_by_status_and_title_words_without_diacritics_page_by_page(client, world):
    wanted = set()
    for number in range(ROWS):
        wanted.add(make_vacancy(world.employer, title=f"Kế toán kho số {number:02d}").title)
    make_vacancy(world.employer, title="Kế toán kho đã đóng", status="closed")
    make_vacancy(world.employer, title="Thợ hàn TIG")
    make_vacancy(make_employer(name="Công ty khác"), title="Kế toán kho của người khác")
    start_session(client, world.employer_account)
    forward, _backward = walk(client, "/employer?q=ke+TOAN+kho&status=open", r">(Kế toán[^<]*|Thợ hàn[^<]*)</a>")
    assert sorted(title for page in forward for title in page) == sorted(wanted)
    closed = client.get("/employer", query_string={"status": "closed"}).get_data(as_text=True)
    assert "Kế toán kho đã đóng" in closed and "Kế toán kho số" not in closed
    nothing = client.get("/employer", query_string={"q": "lái xe"}).get_data(as_text=True)
    assert "Không có tin tuyển dụng nào phù hợp." in nothing


def test_a_filter_refused_says_which_and_why_in_vietnamese(client, world):
    start_session(client, world.employer_account)
    refused = client.get("/employer", query_string={"status": "everything"})
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400 and 'id="f-status" name="status" aria-invalid="true"' in text
    assert "Giá trị này không nằm trong các lựa chọn." in text and "Tin tuyển dụng" in text  # the form stays, the list empty
    start_session(client, world.officer)
    assert client.get("/centre/applications", query_string={"status": "lost"}).status_code == 400
    assert client.get("/centre/overseas-cases", query_string={"lateness": "very"}).status_code == 400
    assert client.get("/centre/job-seekers", query_string={"after": "bogus"}).status_code == 422


def test_the_centre_applications_by_status_on_the_page_and_in_the_api(client, world):
    vacancy = make_vacancy(world.employer)
    make_application(vacancy, make_job_seeker(full_name="Chị Được Nhận", centre_id=world.centre.id), status="hired")
    make_application(vacancy, make_job_seeker(full_name="Anh Mới Nộp", centre_id=world.centre.id))
    start_session(client, world.officer)
    hired = client.get("/centre/applications", query_string={"status": "hired"}).get_data(as_text=True)
    assert "Chị Được Nhận" in hired and "Anh Mới Nộp" not in hired
    token = account_service.create_api_token(actor=world.officer, name="test")[1]
    answer = client.get("/api/v1/centre/applications", headers={"Authorization": f"Bearer {token}"},
                        query_string={"status": "hired"}).get_json()
    assert [item["status"] for item in answer["items"]] == ["hired"] and answer["total"] == 1 and answer["next_after"] is None


def test_overseas_cases_by_status_step_and_lateness_on_the_page_and_in_the_api(client, world):
    # The EPS worker's employer selection is due within 120 days, the roster within 730; registration has no deadline.
    _case(world, "Quá hạn chọn chủ", stage="employer_selection", days_ago=200)
    _case(world, "Sắp hạn chọn chủ", stage="employer_selection", days_ago=100)
    _case(world, "Còn hạn chọn chủ", stage="employer_selection", days_ago=10)
    _case(world, "Quá hạn danh sách", stage="roster", days_ago=731)
    _case(world, "Mới đăng ký", stage="registration", days_ago=900)
    start_session(client, world.officer)

    def names(**filters):
        page = client.get("/centre/overseas-cases", query_string=filters).get_data(as_text=True)
        return set(re.findall(r"<td>([^<]+)</td><td>EPS</td>", page))

    assert names(lateness="passed") == {"Quá hạn chọn chủ", "Quá hạn danh sách"}
    assert names(lateness="soon") == {"Sắp hạn chọn chủ"}
    assert names(lateness="on_time") == {"Còn hạn chọn chủ", "Mới đăng ký"}
    assert names(step="employer_selection", lateness="passed") == {"Quá hạn chọn chủ"}
    assert names(status="completed") == set()
    page = client.get("/centre/overseas-cases").get_data(as_text=True)
    assert '<option value="employer_selection">' in page and "Quá hạn" in page  # steps and lateness offered in Vietnamese

    token = account_service.create_api_token(actor=world.officer, name="test")[1]
    answer = client.get("/api/v1/centre/overseas-cases", headers={"Authorization": f"Bearer {token}"},
                        query_string={"lateness": "passed", "size": 1}).get_json()
    assert answer["total"] == 2 and len(answer["items"]) == 1 and answer["next_after"]
    # The officer's late-cases worklist is the same list.
    assert "Quá hạn chọn chủ" in client.get("/centre/worklists/late_cases").get_data(as_text=True)


def test_the_employer_api_filters_its_own_vacancies_page_by_page(client, world):
    for number in range(5):
        make_vacancy(world.employer, title=f"Thợ may số {number}")
    make_vacancy(world.employer, title="Thợ may bản nháp", status="draft")
    token = account_service.create_api_token(actor=world.employer_account, name="test")[1]
    seen, after = [], None
    while True:
        answer = client.get("/api/v1/vacancies/mine", headers={"Authorization": f"Bearer {token}"},
                            query_string={"q": "tho may", "status": "open", "size": 2, **({"after": after} if after else {})}).get_json()
        assert answer["total"] == 5
        seen += [vacancy["title"] for vacancy in answer["items"]]
        after = answer["next_after"]
        if not after:
            break
    assert sorted(seen) == [f"Thợ may số {number}" for number in range(5)]
    refused = client.get("/api/v1/vacancies/mine", headers={"Authorization": f"Bearer {token}"}, query_string={"status": "gone"})
    assert refused.status_code == 422 and list(refused.get_json()["errors"]["query"]) == ["status"]


def test_the_eps_page_folds_the_ended_bans_away(client, programmes):
    page = client.get("/programmes/EPS").get_data(as_text=True)
    bans = programmes["EPS"].current.rules["area_bans"]
    assert bans and all(ban["ends_on"] < TODAY.isoformat() for ban in bans)  # the reference bans of 2023
    assert "Hiện không có địa bàn nào bị tạm dừng tuyển chọn." in page
    folded = re.search(r"<details class=\"ended-bans\"><summary>Xem cả đã hết hạn \((\d+)\)</summary>(.*?)</details>", page, re.S)
    assert folded and int(folded.group(1)) == len(bans) and folded.group(2).count("<tr><td>") == len(bans)
