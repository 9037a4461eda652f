"""Suppression that tells the truth, on a hand-built centre (October: 2 priority and 7 other people placed; September: 6
and 6): the public province page marks each hidden cell with its reason and never puts "<5" on five or more; the
centre's own officer reads the same figures whole, marked internal, and each internal file taken is audited; files
hold numbers."""
import csv
import io
from datetime import datetime

from openpyxl import load_workbook
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import AuditEntry
from tests.factories import make_account
from tests.web.helpers import start_session
from tests.web.test_stats_pages import hanoi_figures, headline_row  # noqa: F401 (a fixture)

PEOPLE_ROWS = ("Số người có việc làm", "Lượt giới thiệu của trung tâm", "Người lao động đăng ký mới")


def headline(page):
    return page.split('id="table-headline"', 1)[1].split("</section>", 1)[0]


def test_each_mark_where_it_belongs_and_never_a_small_mark_on_five_or_more(client, hanoi_figures):  # noqa: F811
    public = headline(client.get("/statistics/provinces/01?kind=month&on=2026-10-15").get_data(as_text=True))
    start_session(client, make_account("officer", centre_id=hanoi_figures.id))
    page = client.get(f"/statistics/centres/{hanoi_figures.id}?kind=month&on=2026-10-15").get_data(as_text=True)
    assert "Nội bộ — không công bố" in page and 'id="suppression-legend"' not in page
    internal = headline(page)

    assert headline_row(internal, "Số người có việc làm")[:3] == ["2", "7", "9"]
    assert headline_row(public, "Số người có việc làm")[:3] == ["&lt;5", "x", "9"]
    # No referral at all: a zero identifies no one and is shown as 0.
    assert headline_row(public, "Lượt giới thiệu của trung tâm")[:3] == ["0", "0", "0"]
    # The median days to a hire of the 2 priority people is nearly their own figure: hidden as over fewer than five.
    assert headline_row(public, "Số ngày trung vị từ ứng tuyển đến có việc")[0] == "n&lt;5"
    assert headline_row(internal, "Số ngày trung vị từ ứng tuyển đến có việc")[0] == "10"

    # Every public people count against the centre's own (the province has only this centre): "<5" only on 1 to 4,
    # a number only where it is the true one.
    for label in PEOPLE_ROWS:
        for shown, true in zip(headline_row(public, label)[:3], headline_row(internal, label)[:3], strict=True):
            if shown == "&lt;5":
                assert 1 <= int(true) <= 4, (label, true)
            elif shown != "x":
                assert shown == true, (label, shown, true)


def test_the_centres_internal_files_are_whole_marked_and_audited(client, hanoi_figures):  # noqa: F811
    officer = make_account("officer", centre_id=hanoi_figures.id)
    start_session(client, officer)
    base = f"/statistics/centres/{hanoi_figures.id}/export?kind=month&on=2026-10-15"
    rows = list(csv.reader(io.StringIO(client.get(f"{base}&table=headline&format=csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0] == ["Nội bộ — không công bố"]
    assert next(row for row in rows if row[0] == "Số người có việc làm")[1:4] == ["2", "7", "9"]

    response = client.get(f"{base}&format=xlsx")
    assert "internal" in response.headers["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames[0] == "Bìa" and workbook["Bìa"]["A2"].value == "Nội bộ — không công bố"
    assert next(row for row in workbook["headline"].iter_rows(values_only=True) if row[0] == "Số người có việc làm")[1:4] == (2, 7, 9)

    audited = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "stats.internal_export")).all()
    assert [(entry.actor_id, entry.subject_type, entry.subject_id) for entry in audited] == [
        (officer.id, "centre", hanoi_figures.id)] * 2


def test_a_public_workbook_holds_numbers_percentages_and_dates_behind_a_cover(client, hanoi_figures):  # noqa: F811
    workbook = load_workbook(io.BytesIO(client.get("/statistics/provinces/01/export?kind=month&on=2026-10-15&format=xlsx").data))
    cover = {row[0]: row[1] for row in workbook["Bìa"].iter_rows(values_only=True) if row and row[0]}
    assert cover["Kỳ"] == "Tháng 10/2026" and isinstance(cover["Ngày lập"], datetime) and cover["Đơn vị"]
    assert cover["<5"] == "từ 1 đến 4 người: ẩn để bảo vệ họ" and cover["x"] == "ẩn để không suy ra được ô khác"

    sheet = workbook["headline"]
    placed = next(row for row in sheet.iter_rows() if row[0].value == "Số người có việc làm")
    assert [cell.value for cell in placed[1:4]] == ["<5", "x", 9] and placed[3].number_format == "#,##0"
    success = next(row for row in sheet.iter_rows() if str(row[0].value).startswith("Tỷ lệ kết nối thành công"))
    assert success[3].value == 1.0 and success[3].number_format == "0.0%"  # all 9 placed within 90 days

    trend = [row for row in workbook["trend"].iter_rows() if isinstance(row[0].value, datetime)]
    assert [(row[0].value.date().isoformat(), row[0].number_format) for row in trend] == [
        ("2026-09-01", "mm/yyyy"), ("2026-10-01", "mm/yyyy")]
    assert [row[3].value for row in trend] == [12, 9]

    rows = list(csv.reader(io.StringIO(client.get(
        "/statistics/provinces/01/export?kind=month&on=2026-10-15&table=headline&format=csv").get_data(as_text=True).lstrip("\ufeff"))))
    assert next(row for row in rows if row[0].startswith("Tỷ lệ kết nối thành công"))[3] == "1.0000"
