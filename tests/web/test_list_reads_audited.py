"""A centre's lists that show people's sensitive data (priority statuses to verify or renew, citizen IDs to check, phone
numbers of follow-ups due and of people waiting, the support payment list, the people found at a job fair) are a read
of each person shown: the person's own data page and download say who read it and when; a person not on the list finds
nothing; the page writes its audit in one INSERT statement (issue 19, item 9)."""
import json
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import event, func, select

from jobmatch.extensions import db
from jobmatch.models import AuditEntry, Placement
from jobmatch.models.job_fair import JobFair
from jobmatch.models.support import SupportClaim, SupportScheme, SupportSchemeVersion
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.services import overseas as overseas_service
from jobmatch.services import support as support_service
from tests.factories import HANOI_WARD, make_account, make_application, make_centre, make_job_seeker, make_priority_status, make_vacancy
from tests.services.test_stats_overseas import open_case
from tests.web.helpers import start_session

OFFICER = "Cán bộ Quàng Thị Lan"
TODAY = vietnam_today()


def unverified(centre, officer, listed, unlisted):
    make_priority_status(listed, None, category="ethnic_minority")
    make_priority_status(unlisted, officer)
    return "/centre/job-seekers"


def citizen_ids(centre, officer, listed, unlisted):
    listed.citizen_id_under_review = "001095999999"
    db.session.commit()
    return "/centre/job-seekers"


def expiring(centre, officer, listed, unlisted):
    make_priority_status(listed, officer, valid_until=TODAY + timedelta(days=10))
    make_priority_status(unlisted, officer, valid_until=TODAY + timedelta(days=200))
    return "/centre/worklists/expiring_statuses"


def follow_ups(centre, officer, listed, unlisted):
    for person, hired_on in ((listed, TODAY - timedelta(days=120)), (unlisted, TODAY - timedelta(days=10))):
        application = make_application(make_vacancy(title="Thợ hàn khung thép"), person, "hired")
        application.placement = Placement(hire_date=hired_on, employer_confirmed=True)
    db.session.commit()
    return "/centre/worklists/follow_ups"


def no_outcome(centre, officer, listed, unlisted):
    listed.created_at = utc_now() - timedelta(days=45)
    db.session.commit()
    return "/centre/worklists/no_outcome"


def payment_list(centre, officer, listed, unlisted):
    overseas_service.load_programmes()
    support_service.load_schemes()
    version = db.session.scalars(select(SupportSchemeVersion).join(SupportScheme).where(SupportScheme.applies_to == "overseas")
                                 .order_by(SupportSchemeVersion.valid_from.desc())).first()
    case = open_case(listed, "EPS", [date(2026, 9, 1)])
    db.session.add(SupportClaim(job_seeker_id=listed.id, case_id=case.id, centre_id=centre.id, scheme_version_id=version.id,
                                item=version.rules["items"][0]["code"], amount_vnd=3_500_000, claimed_on=TODAY,
                                receipt_number="HĐ 0042", receipt_date=TODAY, receipt_issuer="Trường Hàn ngữ",
                                document_seen="Hóa đơn", status="approved", approved_on=TODAY, approved_by_id=officer.id))
    db.session.commit()
    return f"/centre/support-payments?month={TODAY.strftime('%Y-%m')}"


def job_fair(centre, officer, listed, unlisted):
    fair = JobFair(centre_id=centre.id, title="Phiên giao dịch việc làm tháng 12", held_on=TODAY + timedelta(days=5),
                   ward_code=HANOI_WARD, venue="Nhà văn hóa")
    db.session.add(fair)
    db.session.commit()
    return f"/centre/job-fairs/{fair.id}?person_q=Giàng"


# (the list, how it is set up, what the person's page calls the read)
LISTS = [
    ("priority statuses to verify", unverified, "Quyền ưu tiên đã được xem"),
    ("citizen IDs to check", citizen_ids, "Số CCCD đã được xem"),
    ("priority statuses ending", expiring, "Quyền ưu tiên đã được xem"),
    ("follow-ups due, with phones", follow_ups, "Số điện thoại đã được xem trong một danh sách của trung tâm"),
    ("people waiting, with phones", no_outcome, "Số điện thoại đã được xem trong một danh sách của trung tâm"),
    ("support payment list", payment_list, "Danh sách chi trả hỗ trợ đã được xem"),
    ("people found at a job fair", job_fair, "Số điện thoại đã được xem trong một danh sách của trung tâm"),
]


def audit_inserts(during):
    """How many INSERT statements into the audit log the call sends."""
    return sum(1 for statement in statements_sent(during) if re.match(r"\s*INSERT INTO audit_entry", statement))


def statements_sent(during):
    """The SQL statements the call sends."""
    sent = []

    def count(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        during()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return sent


@pytest.mark.parametrize(("name", "set_up", "label"), LISTS, ids=[name for name, *_ in LISTS])
def test_a_centre_list_read_shows_on_the_data_page_of_each_person_listed_and_no_other(app, name, set_up, label):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id, display_name=OFFICER)
    listed = make_job_seeker(full_name="Giàng A Pó", centre_id=centre.id)
    unlisted = make_job_seeker(full_name="Lò Văn Páo", centre_id=centre.id, consents=())
    accounts = {person.id: make_account("job_seeker", job_seeker_id=person.id) for person in (listed, unlisted)}
    path = set_up(centre, officer, listed, unlisted)
    reader = app.test_client()
    start_session(reader, officer)

    def read():
        answer = reader.get(path)
        assert answer.status_code == 200 and "Giàng A Pó" in answer.get_data(as_text=True)

    assert audit_inserts(read) == 1
    for person, shown in ((listed, True), (unlisted, False)):
        own = app.test_client()
        start_session(own, accounts[person.id])
        page = own.get("/me/data").get_data(as_text=True)
        download = json.loads(own.get("/me/export").get_data(as_text=True))
        by_officer = [entry for entry in download["audit_entries"] if (entry["by"] or {}).get("name") == OFFICER]
        assert bool(by_officer) == shown, person.full_name
        assert (f"{label} · Cán bộ trung tâm: {OFFICER}" in page) == shown
        if shown:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00", by_officer[0]["at"])


PHONE_LISTS = [(name, set_up) for name, set_up, label in LISTS if "Số điện thoại" in label]


@pytest.mark.parametrize(("name", "set_up"), PHONE_LISTS, ids=[name for name, _ in PHONE_LISTS])
def test_a_person_without_a_phone_is_listed_but_no_phone_is_recorded_as_read(app, name, set_up):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id, display_name=OFFICER)
    listed = make_job_seeker(full_name="Giàng A Pó", centre_id=centre.id, phone=None)
    unlisted = make_job_seeker(full_name="Lò Văn Páo", centre_id=centre.id, consents=())
    path = set_up(centre, officer, listed, unlisted)
    reader = app.test_client()
    start_session(reader, officer)
    answer = reader.get(path)
    assert answer.status_code == 200 and "Giàng A Pó" in answer.get_data(as_text=True)
    assert db.session.scalars(select(AuditEntry.subject_id).where(AuditEntry.action == "contacts_read")).all() == []


def test_the_follow_ups_page_reads_as_many_statements_for_one_placement_as_for_three(app):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id, display_name=OFFICER)
    reader = app.test_client()
    start_session(reader, officer)
    statements = []
    for count in (1, 3):
        while db.session.scalar(select(func.count()).select_from(Placement)) < count:
            person = make_job_seeker(centre_id=centre.id)
            application = make_application(make_vacancy(title="Thợ hàn khung thép"), person, "hired")
            application.placement = Placement(hire_date=TODAY - timedelta(days=120), employer_confirmed=True)
            db.session.commit()
        statements.append(len(statements_sent(lambda: reader.get("/centre/worklists/follow_ups"))))
    assert statements[0] == statements[1]

