"""The vacancy form takes pay as people state it (issue 16, item 3): the amount as written, per month, day, hour or piece,
in đồng or another currency, and a refusal under the control it is about, in Vietnamese."""
import json
import re
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import vietnam_today
from tests.factories import HANOI_WARD, make_account, make_employer
from tests.web.helpers import post_form, start_session

FORM = {"title": "Kỹ sư cầu nối tiếng Nhật", "isco_code": "2144", "employment_type": "full_time", "openings": "1",
        "province": "01", "ward_code": HANOI_WARD, "salary_unit": "month", "salary_currency": "VND", "publish": "1"}


def test_the_form_reads_the_currency_and_unit_written_beside_the_amount_and_refuses_a_choice_it_does_not_offer(client):
    start_session(client, make_account("employer", employer_id=make_employer().id))
    page = client.get("/employer/vacancies/new").get_data(as_text=True)
    assert '<option value="day">Theo ngày</option>' in page and '<option value="JPY">Yên Nhật (JPY)</option>' in page
    form = {**FORM, "deadline": (vietnam_today() + timedelta(days=20)).isoformat()}
    refused = post_form(client, "/employer/vacancies/new", {**form, "salary_min": "1.200 USD", "salary_currency": "JPY"},
                        token_from="/employer/vacancies/new")
    assert refused.status_code == 422
    assert "Số tiền này ghi bằng USD, nhưng loại tiền đã chọn là JPY." in refused.get_data(as_text=True)
    refused = post_form(client, "/employer/vacancies/new", {**form, "salary_unit": "week"}, token_from="/employer/vacancies/new")
    assert refused.status_code == 422 and "Giá trị này không nằm trong các lựa chọn." in refused.get_data(as_text=True)
    assert db.session.scalar(select(Vacancy.id)) is None
    saved = post_form(client, "/employer/vacancies/new", {**form, "salary_min": "1.200 USD", "salary_max": "1.500"},
                      token_from="/employer/vacancies/new")
    assert saved.status_code == 302
    vacancy = db.session.scalar(select(Vacancy))
    assert (vacancy.salary_min, vacancy.salary_max, vacancy.salary_currency, vacancy.salary_unit) == (1_200, 1_500, "USD", "month")
    edit = client.get(f"/employer/vacancies/{vacancy.id}/edit").get_data(as_text=True)
    assert '<option value="USD" selected>' in edit and 'value="1200"' in edit
    page = client.get(f"/vacancies/{vacancy.id}").get_data(as_text=True)
    assert "1.200 USD – 1.500 USD/tháng (≈ " in page
    posting = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert posting["baseSalary"] == {"@type": "MonetaryAmount", "currency": "USD",
                                     "value": {"@type": "QuantitativeValue", "unitText": "MONTH", "minValue": 1_200, "maxValue": 1_500}}
