"""The search page shows every active filter as a chip that removes it, the places a name may mean, a radius around a
ward (the signed-in job seeker's own by default) with each result's distance, and the ways out of no result."""
import html
import re
from urllib.parse import unquote

import pytest

from jobmatch.services import search_index
from tests.factories import HANOI_FAR_WARD, HANOI_WARD, make_account, make_employer, make_job_seeker, make_vacancy
from tests.web.helpers import start_session

LONG_BIEN_WARD = "00145"


@pytest.fixture
def vacancies(indexes):
    employer = make_employer(name="Công ty TNHH Sông Hồng")
    make_vacancy(employer, title="Kế toán tổng hợp", ward_code=HANOI_WARD)
    make_vacancy(employer, title="Kế toán kho", ward_code=LONG_BIEN_WARD)
    make_vacancy(employer, title="Kế toán thuế", ward_code=HANOI_FAR_WARD)
    make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212", ward_code=HANOI_FAR_WARD, salary_min=12_000_000, salary_max=20_000_000)
    make_vacancy(make_employer(name="Công ty CP Nhân lực Sao Mai"), title="Lao động sản xuất tại Hàn Quốc (EPS)", isco_code="9329",
                 ward_code=None, is_overseas=True, destination_country="KR", programme="EPS", employment_type="contract")
    search_index.relay_outbox(refresh=True)


def chips(page):
    """[(label, removal link)] of the page's chips."""
    found = re.findall(r'<li>([^<]+) <a href="([^"]+)" aria-label="Bỏ ', page)
    return [(label.strip(), html.unescape(link)) for label, link in found]


def test_a_place_typed_in_the_text_is_a_chip_that_removes_it(client, vacancies):
    page = client.get("/?q=ke+toan+ha+noi").get_data(as_text=True)
    assert "Tìm thấy 3 việc làm" in page
    (label, link), = chips(page)
    assert label == "Nơi làm việc: Hà Nội"
    assert link == "/?q=ke+toan"
    assert "Tìm đúng chữ đã gõ: “ke toan ha noi”" in page


def test_every_filter_shows_and_each_chip_removes_only_itself(client, vacancies):
    arguments = "q=tho+han&salary_min=10000000&employment_type=full_time&employment_type=contract&scope=domestic"
    page = client.get(f"/?{arguments}").get_data(as_text=True)
    found = dict(chips(page))
    assert set(found) == {"Lương từ 10.000.000 ₫", "Toàn thời gian", "Hợp đồng có thời hạn", "Trong nước"}
    assert found["Lương từ 10.000.000 ₫"] == "/?q=tho+han&employment_type=full_time&employment_type=contract&scope=domestic"
    assert found["Toàn thời gian"] == "/?q=tho+han&salary_min=10000000&employment_type=contract&scope=domestic"


def test_a_facet_once_clicked_stays_visible_and_a_search_that_finds_nothing_says_what_to_drop(client, vacancies):
    page = client.get("/?q=tho+han&country=KR").get_data(as_text=True)
    assert "Tìm thấy 0 việc làm" in page
    assert ("Nước ngoài: Hàn Quốc", "/?q=tho+han") in chips(page)
    assert "Không có việc làm nào khớp với tất cả. Bỏ bớt một điều kiện:" in page
    assert re.search(r'<a href="/\?q=tho\+han">Nước ngoài: Hàn Quốc</a> <span class="count">1 việc làm</span>', page)


def test_a_name_of_several_places_offers_each(client, vacancies):
    page = unquote(html.unescape(client.get("/?q=ke+toan+long+bien").get_data(as_text=True)))
    assert "“long bien” là tên của nhiều nơi; đang tìm ở tất cả. Chỉ tìm ở một nơi:" in page
    assert '<a href="/?q=ke+toan&place=Phường+Long+Biên,+Hà+Nội">Phường Long Biên, Thành phố Hà Nội</a>' in page


def test_a_radius_around_a_ward_shows_each_distance_nearest_first(client, vacancies):
    page = client.get(f"/?q=ke+toan&ward={HANOI_WARD}&radius_km=10&sort=nearest&near_province=01").get_data(as_text=True)
    assert "Tìm thấy 2 việc làm" in page
    assert re.findall(r'<span class="distance">cách ([\d,]+) km</span>', page) == ["0", "6,4"]
    assert ("Trong vòng 10 km quanh Phường Ba Đình, Thành phố Hà Nội", "/?q=ke+toan&near_province=01") in chips(page)
    assert f'<option value="{HANOI_WARD}" selected>' in page


def test_a_signed_in_job_seeker_measures_from_their_own_ward_by_default(client, vacancies):
    seeker = make_job_seeker(ward_code=LONG_BIEN_WARD)
    start_session(client, make_account("job_seeker", job_seeker_id=seeker.id))
    page = client.get("/?q=ke+toan").get_data(as_text=True)
    assert "Xã/phường của tôi (Phường Long Biên, Thành phố Hà Nội)" in page
    assert len(re.findall(r'<span class="distance">cách [\d,]+ km</span>', page)) == 3
    near = client.get("/?q=ke+toan&radius_km=10").get_data(as_text=True)
    assert "Tìm thấy 2 việc làm" in near
    assert ("Trong vòng 10 km quanh Phường Long Biên, Thành phố Hà Nội", "/?q=ke+toan") in chips(near)


def test_a_radius_without_a_ward_is_explained_to_someone_without_one(client, vacancies):
    response = client.get("/?q=ke+toan&radius_km=10")
    assert response.status_code == 400
    assert "Hãy chọn xã/phường để tìm trong bán kính." in response.get_data(as_text=True)


def test_an_unknown_place_is_explained_with_the_nearest_names(client, vacancies):
    response = client.get("/?place=Ha+Noj")
    assert response.status_code == 400
    assert "Có phải bạn muốn tìm: Hà Nội" in response.get_data(as_text=True)
