"""The personal-data download: a person with one record of every kind finds each in the JSON file and on the printable
page, every moment with its zone; the read is audited; nobody else can read it."""
import json
import re

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.audit import AuditEntry
from jobmatch.services import personal_data as personal_data_service
from jobmatch.services.errors import NotFound, PermissionRefused
from tests.factories import make_account
from tests.person_records import WORDS, make_person_with_every_record
from tests.web.helpers import start_session

ISO_MOMENT = re.compile(r'"(\d{4}-\d\d-\d\dT\d\d:\d\d[^"]*)"')


def test_the_download_and_the_page_hold_every_kind_of_record_with_zoned_times(client):
    person = make_person_with_every_record()
    start_session(client, person.account)

    answer = client.get("/me/export")
    page = client.get("/me/data").get_data(as_text=True)

    assert answer.status_code == 200 and "attachment" in answer.headers["Content-Disposition"]
    download = json.loads(answer.get_data(as_text=True))
    text = json.dumps(download, ensure_ascii=False)
    for kind, words in WORDS.items():
        assert download[kind], kind
        assert words in text, kind
        assert words in page or kind == "consents", kind
    moments = ISO_MOMENT.findall(text)
    assert len(moments) > 20 and all(re.search(r"[+-]\d\d:\d\d$", moment) for moment in moments), moments
    # The consent's history: withdrawn on 05/01/2026 at 08:00 in Vietnam, then given again by an officer.
    assert [(consent["withdrawn_at"], consent["given_by"]["role"]) for consent in download["consents"]] == [
        ("2026-01-05T01:00:00+00:00", "self"), (None, "officer")]
    assert "05/01/2026 08:00 (UTC+07:00)" in page
    # A withdrawn consent reads as a consent taken back, not as an application withdrawn ("Đã rút hồ sơ").
    assert "Rút lại đồng ý lúc" in page and "Đã rút hồ sơ" not in page
    for heading in ("Hồ sơ", "Sự đồng ý và lịch sử", "Hồ sơ ứng tuyển và lịch sử trạng thái", "Giới thiệu việc làm", "Phỏng vấn",
                    "Lời mời", "Tìm kiếm đã lưu", "Thông báo", "Đi làm việc ở nước ngoài", "Đào tạo", "Hỗ trợ và vay vốn",
                    "Ai đã xem hoặc thay đổi dữ liệu của tôi"):
        assert f">{heading}</h2>" in page, heading
    assert "Quyền ưu tiên đã được xem" in page and WORDS["audit_entries"] in page
    # Each read is audited, like any read of sensitive data.
    assert db.session.scalar(select(db.func.count()).select_from(AuditEntry).where(
        AuditEntry.action == "personal_data_exported", AuditEntry.subject_id == person.job_seeker.id)) == 2


@pytest.mark.parametrize("who", ["officer", "other_job_seeker", "employer", "admin"])
def test_nobody_else_reads_a_persons_data(client, who):
    person = make_person_with_every_record()
    reader = {
        "officer": person.officer, "admin": make_account("admin"), "employer": make_account("employer", employer_id=person.employer.id),
        "other_job_seeker": make_account("job_seeker"),
    }[who]
    with pytest.raises((PermissionRefused, NotFound)):
        personal_data_service.export_personal_data(actor=reader, job_seeker_id=person.job_seeker.id)
    db.session.rollback()
    start_session(client, reader)
    for path in ("/me/export", "/me/data"):
        answer = client.get(path)
        assert answer.status_code in (403, 404), (path, answer.status_code)
        assert WORDS["profile"] not in answer.get_data(as_text=True)
