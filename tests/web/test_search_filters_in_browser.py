"""On a 360 px phone in real headless Chromium (Debian's package): a place read in the text is a chip the job seeker
removes with one tap, then a radius around a ward picked in two steps lists the nearest vacancies first."""
from jobmatch.services import search_index
from jobmatch.services.place import resolve_place
from tests.factories import HANOI_FAR_WARD, HANOI_WARD, make_employer, make_vacancy


def test_seeker_removes_a_place_chip_and_searches_within_a_radius(site, phone):
    employer = make_employer(name="Công ty TNHH Sông Hồng")
    make_vacancy(employer, title="Kế toán tổng hợp", ward_code=HANOI_WARD)
    make_vacancy(employer, title="Kế toán kho", ward_code="00145")  # Phường Long Biên, about 6 km away
    make_vacancy(employer, title="Kế toán thuế", ward_code=HANOI_FAR_WARD)
    make_vacancy(employer, title="Kế toán bán hàng", ward_code=resolve_place("Hải Dương").ward_codes[0])
    search_index.relay_outbox(refresh=True)

    phone.goto(site + "/")
    phone.fill("#q", "ke toan ha noi")
    with phone.expect_navigation():
        phone.click("form.search button[type=submit]")
    assert phone.inner_text(".summary").startswith("Tìm thấy 3 việc làm")
    assert phone.inner_text("ul.chips li").startswith("Nơi làm việc: Hà Nội")

    with phone.expect_navigation():
        phone.click("ul.chips li a")
    assert phone.locator("ul.chips").count() == 0
    assert phone.input_value("#q") == "ke toan"
    assert phone.inner_text(".summary").startswith("Tìm thấy 4 việc làm")

    phone.click("form.search summary")  # "Thêm bộ lọc"
    phone.select_option("select[name=near_province]", "01")
    phone.wait_for_selector(f"#ward option[value='{HANOI_WARD}']", state="attached")  # filled by ward-picker.js
    phone.select_option("#ward", HANOI_WARD)
    phone.select_option("#radius_km", "10")
    phone.select_option("select[name=sort]", "nearest")
    with phone.expect_navigation():
        phone.click("form.search button[type=submit]")
    assert phone.inner_text(".summary").startswith("Tìm thấy 2 việc làm")
    assert phone.locator("ol.results a.title").all_inner_texts() == ["Kế toán tổng hợp", "Kế toán kho"]
    assert phone.locator("ol.results .distance").all_inner_texts() == ["cách 0 km", "cách 6,4 km"]
    assert phone.inner_text("ul.chips li").startswith("Trong vòng 10 km quanh Phường Ba Đình")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
