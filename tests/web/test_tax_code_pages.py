"""An employer signing up with a mistyped tax code is told which digit is wrong, in their language, and nothing is
stored; the right code is accepted."""
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import Employer
from tests.factories import HANOI_WARD, make_centre
from tests.web.helpers import post_form

EMPLOYER = {"name": "Công ty TNHH May Tiến Phát", "province": "01", "ward_code": HANOI_WARD, "contact_name": "Trần Văn Bình",
            "email": "nhansu@tienphat.vn", "password": "mật khẩu đủ dài 2026"}


def test_a_tax_code_with_a_wrong_check_digit_is_refused_naming_the_digit(client):
    make_centre(province_code="01")
    employers = db.session.scalar(select(func.count()).select_from(Employer))
    page = post_form(client, "/sign-up/employer", {**EMPLOYER, "tax_code": "0101234567"},
                     token_from="/sign-up/employer").get_data(as_text=True)
    assert "Chữ số thứ 10 (chữ số kiểm tra) của mã số thuế không khớp với 9 chữ số đầu" in page
    english = post_form(client, "/sign-up/employer?lang=en", {**EMPLOYER, "tax_code": "0000000001"},
                        token_from="/sign-up/employer?lang=en").get_data(as_text=True)
    assert "This is not an issued tax code: its 3rd to 9th digits cannot all be 0." in english
    assert db.session.scalar(select(func.count()).select_from(Employer)) == employers

    accepted = post_form(client, "/sign-up/employer", {**EMPLOYER, "tax_code": "0101 234 565"}, token_from="/sign-up/employer")
    assert accepted.status_code == 302
    assert db.session.scalar(select(Employer.tax_code).where(Employer.name == EMPLOYER["name"])) == "0101234565"
