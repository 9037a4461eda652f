"""An officer finds a walk-in at the counter in Chromium on a 360×740 screen: by the phone number as the person says it,
and by the name typed without diacritics; two clicks from the centre's list to the profile."""
from tests.factories import PASSWORD, make_account, make_centre, make_job_seeker


def test_an_officer_finds_a_walk_in_by_phone_and_by_name_without_diacritics(site, phone):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    pao = make_job_seeker(full_name="Lò Văn Páo", phone="+84356111222", centre_id=centre.id)
    make_job_seeker(full_name="Lò Thị Mai", centre_id=centre.id)
    phone.goto(site + "/sign-in")
    phone.fill("#f-login", officer.email)
    phone.fill("#f-password", PASSWORD)
    with phone.expect_navigation():
        phone.click("form.panel button[type=submit]")

    for typed in ("0356 111 222", "lo van pao"):
        phone.goto(site + "/centre/job-seekers")
        clicks = 0
        phone.fill("#q", typed)
        phone.click("form[role=search] button")
        clicks += 1
        phone.wait_for_selector("#found")
        assert phone.inner_text("#found li:first-child a") == "Lò Văn Páo"
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        # The hit is on the first screen, not below other lists.
        assert phone.evaluate("document.querySelector('#found li a').getBoundingClientRect().bottom") < 740
        phone.click("#found li:first-child a")
        clicks += 1
        phone.wait_for_url(f"**/centre/job-seekers/{pao.id}")
        assert clicks == 2
