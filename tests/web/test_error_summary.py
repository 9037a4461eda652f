"""Every refused form opens with a summary of its errors (templates/base.html): each error named by its field's label
and linked to the field's input, whichever form it is."""
import re
from html import unescape

import pytest

from tests.factories import make_account, make_centre, make_employer, make_job_seeker
from tests.web.helpers import post_form, start_session


def summary_links(page):
    """(link text, target id) of each line of the page's error summary, and the ids the page has."""
    box = re.search(r'<div class="error-summary".*?</div>', page, re.DOTALL)
    assert box, "no error summary on the page"
    links = [(unescape(re.sub(r"<[^>]+>", "", text)).strip(), target)
             for target, text in re.findall(r'<a href="#([^"]+)">(.*?)</a>', box.group(0), re.DOTALL)]
    return links, set(re.findall(r'\bid="([^"]+)"', page))


def employer_signing_up(app):
    return app.test_client(), "/sign-up/employer", {"name": "", "tax_code": "123", "email": "không phải email", "password": "x"}


def employer_posting(app):
    client = app.test_client()
    start_session(client, make_account("employer", employer_id=make_employer().id))
    return client, "/employer/vacancies/new", {"title": "", "salary_min": "mười triệu", "openings": "0"}


def job_seeker_declaring_a_status(app):
    client = app.test_client()
    job_seeker = make_job_seeker(centre_id=make_centre().id)
    start_session(client, make_account("job_seeker", job_seeker_id=job_seeker.id))
    return client, "/me/priority-statuses", {"category": "", "evidence": ""}


@pytest.mark.parametrize("form", [employer_signing_up, employer_posting, job_seeker_declaring_a_status])
def test_a_refused_form_lists_each_field_error_at_the_top_linked_to_its_field(app, form):
    client, path, data = form(app)
    token_from = "/me/consents" if path.startswith("/me/") else path
    response = post_form(client, path, data, token_from=token_from)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    links, ids = summary_links(page)
    beside_fields = re.findall(r'<p class="error" role="alert">(.*?)</p>', page)
    assert len(links) == len(beside_fields) >= 2  # every error beside a field is in the summary
    for text, target in links:
        assert target in ids, f"{text!r} links to #{target}, which the page does not have"
        label = re.search(rf'<label for="{target}">(.*?)</label>', page, re.DOTALL).group(1)
        assert text.startswith(unescape(re.sub(r"<[^>]+>|\*", "", label)).strip() + ": ")
    main = page.index("<main")
    assert main < page.index('class="error-summary"') < page.index("<form", main) and "error-summary.js" in page
