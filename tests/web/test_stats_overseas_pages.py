"""The overseas section of the statistics pages: the country's and a province's departures and stages, a centre's
totals, and the stages' export, small cells suppressed as everywhere."""
import csv
import io

from openpyxl import load_workbook

from tests.factories import make_account
from tests.services.test_stats_overseas import overseas_october  # noqa: F401 (a fixture)
from tests.web.helpers import start_session


def test_the_overview_shows_each_programme_stages_in_path_order(client, overseas_october):  # noqa: F811
    page = client.get("/statistics?kind=month&on=2026-10-15").get_data(as_text=True)
    funnel = page.split('id="table-funnel_EPS"', 1)[1].split("</section>", 1)[0]
    assert funnel.index("Đăng ký dự tuyển tại trung tâm dịch vụ việc làm") < funnel.index("Đạt kiểm tra tay nghề")
    # Folded on a phone's long page (the province page was 18,038 px at 360 px, 9,436 px with its detail tables folded).
    assert "<details><summary>Xem bảng số liệu (" in funnel
    assert 'id="table-overseas_by_destination"' in page and 'data-chart="overseas_by_destination"' in page
    # None of the one priority worker who departed paid above the cap: 0 % identifies no one and is shown; the others'
    # 2 of 2 is a share of fewer than five people.
    fees = page.split('id="table-overseas"', 1)[1].split("</section>", 1)[0]
    fee_row = fees.split('<th scope="row">Người đã xuất cảnh phải trả tiền dịch vụ vượt mức trần</th>', 1)[1]
    assert [cell.split(">", 1)[1] for cell in fee_row.split("</tr>", 1)[0].split("</td>")[:3]] == ["0,0%", "n&lt;5", "n&lt;5"]

    response = client.get("/statistics/export?kind=month&on=2026-10-15&table=funnel_EPS&format=csv")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    registration = next(row for row in rows if row[0].startswith("Đăng ký dự tuyển"))
    assert registration[1:] == ["<5", "10", ""]
    skills = next(row for row in rows if row[0] == "Đạt kiểm tra tay nghề")
    assert skills[1:3] == ["5", "8"] and skills[3] == "0.8889"  # a plain number: 8 of 9 reached it from the stage before

    workbook = load_workbook(io.BytesIO(client.get("/statistics/export?kind=month&on=2026-10-15&format=xlsx").data))
    assert {"provinces", "overseas", "overseas_by_programme", "funnel_EPS", "funnel_TITP"} <= set(workbook.sheetnames)


def test_a_province_page_and_a_centre_page_show_their_overseas_figures(client, overseas_october):  # noqa: F811
    page = client.get("/statistics/provinces/01?kind=month&on=2026-10-15").get_data(as_text=True)
    assert 'id="table-overseas"' in page and 'id="table-funnel_EPS"' in page and 'id="table-funnel_TITP"' in page

    centre = overseas_october["hanoi"]
    start_session(client, make_account("officer", centre_id=centre.id))
    page = client.get(f"/statistics/centres/{centre.id}?kind=month&on=2026-10-15").get_data(as_text=True)
    assert 'id="table-overseas"' in page and "table-funnel_EPS" not in page
