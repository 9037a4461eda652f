"""Details that erode trust when wrong: legible badges, the API header shown as written, tokens offered only to roles
the API serves, spans of time in years and months, the H'Mông group named right."""
import re
from pathlib import Path

import pytest

from tests.factories import make_account, make_centre, make_employer
from tests.web.helpers import start_session

STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "site.css"


def _luminance(hex_colour):
    channels = [int(hex_colour[index:index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_there_is_one_badge_rule_and_its_text_meets_wcag_aa():
    rules = re.findall(r"(?m)^\.badge\{([^}]*)\}", STYLESHEET.read_text())
    assert len(rules) == 1
    colours = dict(re.findall(r"(background|color):(#[0-9a-f]{6}|#[0-9a-f]{3})\b", rules[0].replace("#fff;", "#ffffff;")))
    lighter, darker = sorted((_luminance(colours["color"]), _luminance(colours["background"])), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5


@pytest.mark.parametrize(("role", "offered"), [("job_seeker", True), ("employer", True), ("officer", True), ("admin", False)])
def test_the_account_page_shows_the_api_header_as_written_and_tokens_only_to_api_roles(client, role, offered):
    fields = {"employer": {"employer_id": make_employer().id}, "officer": {"centre_id": make_centre().id}}.get(role, {})
    start_session(client, make_account(role, **fields))
    page = client.get("/account").get_data(as_text=True)
    assert ("Authorization: Bearer &lt;token&gt;" in page) is offered
    assert ("Tạo token" in page or 'action="/account/tokens"' in page) is offered


def test_a_programme_says_its_steps_in_years_and_months(client, programmes):
    page = client.get("/programmes/EPS").get_data(as_text=True)
    assert "trong vòng 4 năm 10 tháng" in page and "trong vòng 2 năm" in page and "trong vòng 2 tháng" in page
    assert "1765" not in page


def test_the_hmong_group_is_named_as_the_statistics_office_writes_it(app):
    from jobmatch.models.ethnic_group import ethnic_group_names

    assert ethnic_group_names()["08"] == "H'Mông"


@pytest.mark.parametrize(("path", "vietnamese", "english"), [
    ("/no-such-page", "404 · Không tìm thấy", "404 · Not found"),
    ("/centre", "403 · Không được phép", "403 · Not allowed"),  # a job seeker on the officers' home
])
def test_an_error_page_names_its_error_in_the_readers_language(client, path, vietnamese, english):
    start_session(client, make_account("job_seeker"))
    page = client.get(path).get_data(as_text=True)
    assert f"<h1>{vietnamese}</h1>" in page and "Forbidden" not in page and "Not Found" not in page
    assert f"<h1>{english}</h1>" in client.get(f"{path}?lang=en").get_data(as_text=True)
