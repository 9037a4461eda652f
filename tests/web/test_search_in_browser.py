"""A job seeker on a phone-sized screen searches without diacritics in real headless Chromium (Debian's package)."""
import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from jobmatch.services import search_index
from tests.factories import make_employer, make_vacancy

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def site(app, indexes):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def phone():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
        yield page
        browser.close()


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
    phone.click("ol.results a.title")
    assert phone.inner_text("h1") == "Thợ hàn TIG"
    assert "Công ty TNHH Cơ khí Đông Á" in phone.inner_text(".employer")
    # Nothing wider than the phone's screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
