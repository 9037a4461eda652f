"""Hiring and referring where people are, in real headless Chromium on a 360-pixel screen, counting what each one does:
an employer invites a candidate, schedules an interview and hires from the candidate's page in three actions; an
officer refers a matching candidate from the vacancy's candidates in three clicks and prints the slip; an officer's
worklists show their due items and clear each in one click. Screenshots go to /tmp/h18b-shots (JOBMATCH_SHOTS)."""
import os
import re
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Application, Employer, Placement
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.services import search_index
from tests.factories import (
    HANOI_WARD,
    make_account,
    make_application,
    make_centre,
    make_employer,
    make_job_seeker,
    make_vacancy,
)
from tests.web.test_journeys_in_browser import fits_the_screen, sign_in

SHOTS = Path(os.environ.get("JOBMATCH_SHOTS", "/tmp/h18b-shots"))
TODAY = vietnam_today()


def shot(phone, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


class Clicks:
    """Counts the clicks a journey takes (opening a folded form counts; typing does not)."""

    def __init__(self, phone):
        self.phone, self.count = phone, 0

    def __call__(self, locator, navigates=True):
        self.count += 1
        if navigates:
            with self.phone.expect_navigation():
                locator.click()
        else:
            locator.click()


def test_an_employer_invites_schedules_an_interview_and_hires_from_the_candidates_page(site, phone):
    employer = make_employer(name="Công ty Cơ khí Đông Á")
    employer_account = make_account("employer", employer_id=employer.id)
    vacancy = make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212", skills=["hàn TIG"])
    person = make_job_seeker(full_name="Lò Văn Pao", consents=("anonymous_listing", "show_profile"))
    seeker_account = make_account("job_seeker", job_seeker_id=person.id)
    search_index.relay_outbox(refresh=True)
    candidate_page = f"{site}/vacancies/{vacancy.id}/candidates/{person.id}"

    sign_in(phone, site, employer_account)
    phone.wait_for_url("**/employer")
    phone.goto(candidate_page)
    click = Clicks(phone)
    click(phone.locator("details summary", has_text="Mời ứng tuyển"), navigates=False)
    phone.fill("textarea[name=message]", "Mời anh đến xưởng phỏng vấn.")
    click(phone.locator("button", has_text="Gửi lời mời"))  # action 1: the invitation
    assert phone.url == candidate_page and "Đang chờ trả lời" in phone.inner_text("main")
    shot(phone, "employer-1-invited")
    actions_before_the_answer = click.count

    phone.context.clear_cookies()  # the person accepts, on their own phone
    sign_in(phone, site, seeker_account)
    phone.wait_for_url("**/me**")
    phone.goto(f"{site}/me/invitations")
    with phone.expect_navigation():
        phone.click("text=Nhận lời và ứng tuyển")

    phone.context.clear_cookies()
    sign_in(phone, site, employer_account)
    phone.wait_for_url("**/employer")
    phone.goto(candidate_page)
    assert "Lò Văn Pao" in phone.inner_text("main") and "Hồ sơ ứng tuyển của họ" in phone.inner_text("main")
    assert fits_the_screen(phone)
    phone.locator("details.schedule summary").click()  # a detour, not counted: a slip of the finger refused
    form = phone.locator("details.schedule form")
    form.locator("input[name=date]").fill((TODAY - timedelta(days=1)).strftime("%d/%m/%Y"))
    form.locator("input[name=time]").fill("9h30")
    form.locator("input[name=place]").fill("Xưởng 2, KCN Quang Minh")
    with phone.expect_navigation():
        form.locator("button[type=submit]").click()
    assert "Ngày phỏng vấn đã qua" in phone.inner_text(".field.invalid")  # beside the date, what was typed kept
    assert phone.input_value("#f-place") == "Xưởng 2, KCN Quang Minh" and fits_the_screen(phone)
    shot(phone, "employer-2-refused-date")
    day = (TODAY + timedelta(days=3)).strftime("%d/%m/%Y")
    phone.goto(candidate_page)
    click(phone.locator("details.schedule summary"), navigates=False)
    form.locator("input[name=date]").fill(day)
    form.locator("input[name=time]").fill("9h30")
    form.locator("input[name=place]").fill("Xưởng 2, KCN Quang Minh")
    form.locator("textarea[name=message]").fill("Mang theo chứng chỉ hàn.")
    click(form.locator("button[type=submit]"))  # action 2: the interview
    assert f"Phỏng vấn ngày {day} lúc 09:30" in phone.inner_text("main") and phone.url == candidate_page
    shot(phone, "employer-3-interview-set")
    click(phone.locator("button", has_text=re.compile("^Tuyển$")))  # action 3: the hire
    assert "Đã tuyển" in phone.inner_text("section.application") and fits_the_screen(phone)
    shot(phone, "employer-4-hired")
    db.session.expire_all()
    application = db.session.scalar(select(Application))
    assert [(event.from_status, event.to_status) for event in application.events] == [(None, "submitted"), ("submitted", "hired")]
    # three actions (invite, interview, hire): five clicks, two of them opening a folded form
    assert (actions_before_the_answer, click.count) == (2, 5)

    others = [make_application(vacancy, make_job_seeker(full_name=name)) for name in ("Hà Văn Tú", "Sùng Thị Dua")]
    phone.goto(f"{site}/employer/vacancies/{vacancy.id}/applications")  # the position is filled: the others told at once
    for other in others:
        phone.check(f"#application-{other.id} input[name=application_ids]")
    phone.select_option("#reject-many select[name=reason]", "position_filled")
    assert fits_the_screen(phone)
    shot(phone, "employer-5-ticked")
    with phone.expect_navigation():
        phone.click("#reject-many button[type=submit]")
    assert "Đã từ chối 2 hồ sơ" in phone.inner_text("main") and fits_the_screen(phone)
    shot(phone, "employer-6-rejected-the-others")
    db.session.expire_all()
    assert [db.session.get(Application, other.id).rejection_reason for other in others] == ["position_filled"] * 2

    phone.context.clear_cookies()
    sign_in(phone, site, seeker_account)
    phone.wait_for_url("**/me**")
    phone.goto(f"{site}/me/applications")
    mine = phone.inner_text(f"#application-{application.id}")
    assert f"Phỏng vấn ngày {day} lúc 09:30" in mine and "Xưởng 2, KCN Quang Minh" in mine and "Đã tuyển" in mine
    assert fits_the_screen(phone)
    shot(phone, "seeker-applications")


def test_an_officer_refers_a_matching_candidate_from_the_vacancys_candidates_and_prints_the_slip(site, phone):
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id, display_name="Cán bộ Hà Thị Lan")
    employer = make_employer(name="Công ty May Sông Hồng", ward_code=HANOI_WARD)
    vacancy = make_vacancy(employer, title="Thợ hàn TIG", isco_code="7212", skills=["hàn TIG"])
    person = make_job_seeker(full_name="Giàng A Páo", centre_id=centre.id, consents=("anonymous_listing", "show_profile"))
    search_index.relay_outbox(refresh=True)

    sign_in(phone, site, officer)
    phone.wait_for_url("**/centre")
    phone.goto(f"{site}/vacancies/{vacancy.id}/candidates")
    assert fits_the_screen(phone)
    shot(phone, "officer-1-candidates")
    click = Clicks(phone)
    click(phone.locator(f"li[data-job-seeker='{person.id}'] a", has_text="Giới thiệu vào vị trí này"))
    shot(phone, "officer-2-confirm")
    click(phone.locator("button", has_text="Giới thiệu và in phiếu"))
    slip = phone.inner_text(".slip")
    shot(phone, "officer-3-slip")
    assert all(part in slip for part in (
        "Giàng A Páo", "Thợ hàn TIG", "Công ty May Sông Hồng", "Ba Đình", "Cán bộ Hà Thị Lan", vietnam_today().strftime("%d/%m/%Y")))
    code = phone.inner_text("#referral-code").strip()
    assert re.fullmatch(r"[0-9A-Z-]{6,}", code), code
    phone.evaluate("window.print = () => { window.printed = true; }")  # the browser's print dialog, which headless lacks
    click(phone.locator("button[data-print]"), navigates=False)
    assert phone.evaluate("window.printed") is True and click.count == 3 and fits_the_screen(phone)
    application = db.session.scalar(select(Application))
    assert (application.source, application.referred_by_id, application.job_seeker_id) == ("referral", officer.id, person.id)

    phone.context.clear_cookies()  # the employer at the door checks the code (which names the referral, not the person)
    phone.goto(f"{site}/referrals/check?code={code}")
    assert "Phiếu này là thật" in phone.inner_text("main") and "Thợ hàn TIG" in phone.inner_text("main")


def test_an_officers_worklists_show_their_due_items_and_each_clears_in_one_click(site, phone):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    person = make_job_seeker(full_name="Lò Thị Worklist", centre_id=centre.id)
    hired = make_application(make_vacancy(), person, status="hired")
    db.session.add(Placement(application_id=hired.id, hire_date=TODAY - timedelta(days=100)))
    make_employer(name="Công ty TNHH Chờ Duyệt", verified=False)
    make_vacancy(make_employer(name="Công ty CP Chưa Xác Minh", verified=False), title="Thợ may công nghiệp chờ duyệt")
    make_application(make_vacancy(make_employer(name="Công ty TNHH Im Lặng"), title="Kế toán chờ trả lời"), person,
                     created_at=utc_now() - timedelta(days=20))
    db.session.commit()
    due = {  # what the line shows, its button, the count on the home page before and after
        "follow_ups": ("Lò Thị Worklist", "Vẫn đang làm việc", 1, 0),
        # both companies wait; the one with a vacancy is verified from the next list
        "employers": ("Công ty TNHH Chờ Duyệt", "Xác minh", 2, 1),
        "vacancies": ("Thợ may công nghiệp chờ duyệt", "Xác minh doanh nghiệp", 1, 0),
        "unanswered": ("Kế toán chờ trả lời", "Nhắc doanh nghiệp", 1, 0),
    }

    sign_in(phone, site, officer)
    phone.wait_for_url("**/centre")
    shot(phone, "worklists-home")
    for name, (shown, button, before, after) in due.items():
        assert phone.inner_text(f"[data-worklist={name}] .count") == str(before), name
        click = Clicks(phone)
        click(phone.locator(f"[data-worklist={name}] a"))
        line = phone.locator("ul.worklist li", has_text=shown)
        assert line.count() == 1 and fits_the_screen(phone), name
        shot(phone, f"worklist-{name}")
        click(line.locator("button", has_text=re.compile(f"^{button}$")))
        assert shown not in phone.inner_text("ul.worklist") and click.count == 2, name
        with phone.expect_navigation():
            phone.click("text=Tất cả danh sách việc cần làm")
        assert phone.inner_text(f"[data-worklist={name}] .count") == str(after), name
    assert all(phone.inner_text(f"[data-worklist={name}] .count") == "0" for name in due)
    db.session.expire_all()
    assert set(db.session.scalars(select(Employer.verified))) == {True}
