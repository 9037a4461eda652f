"""The officer's search page answers first: the people found, best first, or "nobody found" with a way to register."""
import html
import re

from jobmatch.schemas.page import PAGE_SIZE
from tests.factories import make_account, make_centre, make_job_seeker, make_priority_status
from tests.web.helpers import start_session


def test_the_hit_comes_first_and_nothing_found_is_said_plainly(client):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    pao = make_job_seeker(full_name="Lò Văn Páo", phone="+84356111222", centre_id=centre.id)
    for number in range(5):  # statuses ending soon that used to sit above the hits
        make_priority_status(make_job_seeker(full_name=f"Người {number}", centre_id=centre.id), officer)
    start_session(client, officer)

    page = client.get("/centre/job-seekers?q=0356+111+222").get_data(as_text=True)
    main = page[page.index('<main id="main">'):]
    assert re.search(r"<h1>1 người được tìm thấy", main)
    assert main.index(f"/centre/job-seekers/{pao.id}") < main.index("Đăng ký người lao động mới")
    assert "Người 0" not in main  # nothing else between the search and its answer

    page = client.get("/centre/job-seekers?q=tran+van+teo").get_data(as_text=True)
    assert "Không tìm thấy ai với “tran van teo”" in page
    assert 'href="/centre/job-seekers/new?full_name=tran+van+teo"' in page
    form = client.get("/centre/job-seekers/new?full_name=tran+van+teo").get_data(as_text=True)
    assert 'value="tran van teo"' in form


def test_an_administrator_finds_an_account_by_a_name_without_diacritics(client):
    start_session(client, make_account("admin"))
    make_account("officer", centre_id=make_centre().id, display_name="Đỗ Hữu Hùng")
    page = client.get("/admin/accounts?q=do+huu+hung").get_data(as_text=True)
    assert "Đỗ Hữu Hùng" in page
    assert "Không tìm thấy ai" not in page


def test_the_true_count_is_said_and_the_pager_reaches_every_person_found(client):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    people = [make_job_seeker(full_name=f"Lò Văn Páo {number:02d}", centre_id=centre.id) for number in range(PAGE_SIZE + 3)]
    start_session(client, officer)
    page = client.get("/centre/job-seekers?q=lo+van+pao").get_data(as_text=True)
    assert re.search(rf"<h1>{PAGE_SIZE + 3} người được tìm thấy", page)
    found = re.findall(r'href="/centre/job-seekers/(\d+)"', page)
    following = html.unescape(re.search(r'<a rel="next" class="button" href="([^"]+)"', page).group(1))
    found += re.findall(r'href="/centre/job-seekers/(\d+)"', client.get(following).get_data(as_text=True))
    assert found == [str(person.id) for person in people]
