"""A job seeker without email gets back in with a code from their centre, in Chromium on a 360×740 screen: the officer
finds the person and gives the code; the person, from the sign-in page, sets a new password in three taps."""
from tests.factories import PASSWORD, make_account, make_centre, make_job_seeker


def test_a_job_seeker_without_email_resets_the_password_with_the_centres_code(site, phone):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    job_seeker = make_job_seeker(full_name="Lò Văn Páo", phone="+84356111222", centre_id=centre.id)
    make_account("job_seeker", email=None, phone="+84356111222", job_seeker_id=job_seeker.id, display_name="Lò Văn Páo")

    phone.goto(site + "/sign-in")
    phone.fill("#f-login", officer.email)
    phone.fill("#f-password", PASSWORD)
    with phone.expect_navigation():
        phone.click("form.panel button[type=submit]")
    phone.goto(site + "/centre/job-seekers?q=0356+111+222")
    phone.click("#found li:first-child a")
    phone.click("text=Cấp mã đặt lại mật khẩu")
    code = phone.inner_text("#reset-code").strip()
    assert len(code) == 8
    phone.context.clear_cookies()  # the officer's phone goes back to the person

    phone.goto(site + "/sign-in")
    taps = 0
    phone.click("text=Quên mật khẩu?")
    taps += 1
    phone.click("text=Tôi có mã đặt lại mật khẩu")
    taps += 1
    phone.fill("#f-login", "0356 111 222")
    phone.fill("#f-code", code.lower())
    phone.fill("#f-new_password", "lúa chín trên nương")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    with phone.expect_navigation():
        phone.click("form.panel button[type=submit]")
    taps += 1
    assert "Đã đặt mật khẩu mới." in phone.inner_text("main") and taps == 3
    phone.context.clear_cookies()
    phone.goto(site + "/sign-in")
    phone.fill("#f-login", "0356111222")
    phone.fill("#f-password", "lúa chín trên nương")
    with phone.expect_navigation():
        phone.click("form.panel button[type=submit]")
    assert "/me/" in phone.url
