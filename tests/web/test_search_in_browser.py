"""A job seeker on a phone-sized screen searches without diacritics in real headless Chromium (Debian's package)."""
from jobmatch.services import search_index
from tests.factories import make_employer, make_vacancy


def test_seeker_searches_without_diacritics_and_opens_a_vacancy(site, phone):
    employer = make_employer(name="Công ty TNHH Cơ khí Đông Á")
    make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212", skills=["hàn TIG"])
    make_vacancy(employer, title="Kế toán tổng hợp")
    search_index.relay_outbox(refresh=True)

    phone.goto(site + "/")
    phone.fill("#q", "tho han")
    phone.click("button[type=submit]")

    phone.wait_for_selector("ol.results li")
    assert phone.inner_text(".summary").startswith("Tìm thấy 1 việc làm")
    assert phone.locator("ol.results li").count() == 1
    with phone.expect_navigation():
        phone.click("ol.results a.title")
    assert phone.inner_text("h1") == "Thợ hàn TIG"
    assert "Công ty TNHH Cơ khí Đông Á" in phone.inner_text(".employer")
    # Nothing wider than the phone's screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
