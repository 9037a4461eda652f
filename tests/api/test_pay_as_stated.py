"""Pay as a vacancy states it (per month, day, hour or piece; in đồng, USD, JPY, KRW or TWD): written as people write it,
compared as đồng a month by the search's filters, its sort and the matching's "pay fits", shown as stated with the
conversion and its dated rate, and echoed in what the search understood, against the real index (issue 16, item 3)."""
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.exchange_rate import rate_table
from jobmatch.schemas.pay import PaySchema, stated_pay
from jobmatch.schemas.vacancy import VacancySummarySchema
from jobmatch.services import account as account_service
from jobmatch.services import matching as matching_service
from jobmatch.services import search_index
from tests.factories import HANOI_WARD, make_account, make_centre, make_employer, make_job_seeker, make_vacancy

DAY = "Phụ hồ công trình 300-350k/ngày"
YEN = "Kỹ sư cơ khí - công ty Nhật 160.000-180.000 yên"
MONTH = "Thợ hàn 8-8,5 triệu"
HIGH = "Thợ hàn bậc cao 10-12 triệu"
DOLLARS_UP_TO = "Phiên dịch tiếng Anh đến 1.000 USD"
PIECE = "Công nhân may 5.000đ/sản phẩm"


def jpy():
    return rate_table().rates["JPY"]


@pytest.fixture
def pay(indexes):
    employer = make_employer(name="Công ty TNHH Cơ khí Hoa Sen")
    for title, low, high, unit, currency in [
        (DAY, 300_000, 350_000, "day", "VND"), (YEN, 160_000, 180_000, "month", "JPY"), (MONTH, 8_000_000, 8_500_000, "month", "VND"),
        (HIGH, 10_000_000, 12_000_000, "month", "VND"), (DOLLARS_UP_TO, None, 1_000, "month", "USD"),
        (PIECE, 5_000, None, "piece", "VND"),
    ]:
        make_vacancy(employer, title=title, isco_code="7212", salary_min=low, salary_max=high, salary_unit=unit,
                     salary_currency=currency, salary_negotiable=False)
    search_index.relay_outbox(refresh=True)


def search(client, headers=None, **params):
    response = client.get("/api/v1/vacancies/search", query_string={"size": 50, **params}, headers=headers or {})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def titles(client, **params):
    return [hit["vacancy"]["title"] for hit in search(client, **params)["items"]]


def test_a_yen_wage_is_found_by_a_dong_filter_at_its_converted_value_and_not_beyond(client, pay):
    low, high = 160_000 * jpy(), 180_000 * jpy()
    assert YEN in titles(client, salary_min=high) and YEN not in titles(client, salary_min=high + 1)
    assert YEN in titles(client, salary_max=low) and YEN not in titles(client, salary_max=low - 1)


def test_a_day_rate_is_compared_as_a_month_of_26_working_days_in_filters_and_the_salary_sort(client, pay):
    assert DAY in titles(client, salary_min=9_100_000) and DAY not in titles(client, salary_min=9_100_001)  # 350.000 × 26
    assert MONTH not in titles(client, salary_min=9_000_000)
    tops = {YEN: 180_000 * jpy(), HIGH: 12_000_000, DAY: 9_100_000, MONTH: 8_500_000, DOLLARS_UP_TO: 1_000 * rate_table().rates["USD"]}
    assert titles(client, sort="salary") == [*sorted(tops, key=tops.get, reverse=True), PIECE]  # per piece: not comparable, last


def test_a_one_sided_range_stays_open_at_its_missing_end_and_pay_per_piece_is_not_compared(client, pay):
    dollars = 1_000 * rate_table().rates["USD"]
    assert DOLLARS_UP_TO in titles(client, salary_max=1_000_000)  # "up to": no bottom
    assert DOLLARS_UP_TO in titles(client, salary_min=dollars) and DOLLARS_UP_TO not in titles(client, salary_min=dollars + 1)
    assert PIECE not in titles(client, salary_min=1_000_000) and PIECE not in titles(client, salary_max=100_000_000)


def test_pay_is_shown_as_stated_with_its_value_a_month_and_the_rate_it_came_from(client, pay):
    day = rate_table().on.strftime("%d/%m/%Y")
    hits = {hit["vacancy"]["title"]: hit["vacancy"] for hit in search(client)["items"]}
    yen = hits[YEN]
    assert (yen["salary_min"], yen["salary_max"], yen["salary_unit"], yen["salary_currency"]) == (160_000, 180_000, "month", "JPY")
    low, high = (f"{amount * jpy() / 1_000_000:.1f}".replace(".", ",") for amount in (160_000, 180_000))
    assert yen["pay"]["label"] == (f"160.000 JPY – 180.000 JPY/tháng (≈ {low}–{high} triệu đồng/tháng, tỷ giá ngày {day}, "
                                   f"nguồn: {rate_table().source})")
    assert (yen["pay"]["monthly_vnd_min"], yen["pay"]["monthly_vnd_max"]) == (160_000 * jpy(), 180_000 * jpy())
    assert yen["pay"]["rate"] == {"currency": "JPY", "vnd": jpy(), "date": rate_table().on.isoformat(), "source": rate_table().source}
    assert hits[DAY]["pay"]["label"] == "300.000 ₫ – 350.000 ₫/ngày (≈ 7,8–9,1 triệu đồng/tháng, tính 26 ngày công)"
    assert hits[DAY]["pay"]["rate"] is None
    assert hits[MONTH]["pay"]["label"] == "8.000.000 ₫ – 8.500.000 ₫/tháng"
    assert hits[DOLLARS_UP_TO]["pay"]["label"].startswith("Đến 1.000 USD/tháng (≈ ")
    assert hits[PIECE]["pay"] == {"label": "Từ 5.000 ₫/sản phẩm", "monthly_vnd_min": None, "monthly_vnd_max": None, "rate": None}
    english = search(client, headers={"Accept-Language": "en"})["items"]
    assert {hit["vacancy"]["pay"]["label"] for hit in english} >= {
        "300,000 ₫ – 350,000 ₫/day (≈ 7.8–9.1 million đồng/month, 26 working days)", "8,000,000 ₫ – 8,500,000 ₫/month"}
    detail = client.get(f"/api/v1/vacancies/{yen['id']}").get_json()
    assert detail["pay"] == yen["pay"] and detail["salary_currency"] == "JPY"
    for page in (client.get(f"/vacancies/{yen['id']}"), client.get("/", query_string={"q": "kỹ sư cơ khí"})):
        text = page.get_data(as_text=True)
        assert f"160.000 JPY – 180.000 JPY/tháng (≈ {low}–{high} triệu đồng/tháng" in text and f"tỷ giá ngày {day}" in text


def test_the_answer_says_what_pay_it_searched_from_the_text_or_the_arguments(client, pay):
    typed = search(client, q="thợ hàn lương trên 9 triệu")["understood"]["pay"]
    assert typed == {"words": "lương trên 9 triệu", "kind": "at_least", "currency": "VND", "unit": "month",
                     "monthly_vnd_min": 9_000_000, "monthly_vnd_max": None}
    per_day = search(client, q="phụ hồ 350k/ngày")["understood"]["pay"]
    assert (per_day["unit"], per_day["monthly_vnd_min"]) == ("day", 9_100_000)
    asked = search(client, salary_min="9 triệu", salary_max="20tr")
    assert asked["understood"]["pay"] == {"words": None, "kind": "between", "currency": "VND", "unit": "month",
                                          "monthly_vnd_min": 9_000_000, "monthly_vnd_max": 20_000_000}
    assert sorted(hit["vacancy"]["title"] for hit in asked["items"]) == sorted([DAY, HIGH, DOLLARS_UP_TO])  # yen: 27 million up
    assert search(client, q="thợ hàn", salary_min=9_000_000, understand="false")["understood"] is None
    assert search(client, q="thợ hàn")["understood"]["pay"] is None


def test_pay_in_yen_reaches_a_wish_in_dong_and_a_day_rate_is_counted_by_the_month(client, pay):
    officer = make_account("officer", centre_id=make_centre(province_code="01").id)
    seeker = make_job_seeker(centre_id=officer.centre_id, desired_isco_codes=["7212"], expected_salary=25_000_000,
                             consents=("show_profile", "anonymous_listing"))
    search_index.relay_outbox(refresh=True)
    matches = {match.item["title"]: match.explanation for match in
               matching_service.jobs_for_job_seeker(actor=officer, job_seeker_id=seeker.id, size=50).items}
    assert matches[YEN].salary_fit and not matches[HIGH].salary_fit and not matches[DAY].salary_fit


def employer_token():
    account = make_account("employer", employer_id=make_employer().id)
    return {"Authorization": f"Bearer {account_service.create_api_token(actor=account, name='tin')[1]}"}


def posting(**pay):
    return {"title": "Kỹ sư cầu nối", "isco_code": "2144", "ward_code": HANOI_WARD, "employment_type": "full_time",
            "deadline": (vietnam_today() + timedelta(days=20)).isoformat(), **pay}


def test_an_employer_states_pay_as_written_and_an_import_row_may_carry_its_unit_and_currency(client, app_context):
    headers = employer_token()
    for pay, stored in [
        ({"salary_min": "1.200 USD", "salary_max": "1.500"}, (1_200, 1_500, "month", "USD")),
        ({"salary_min": "250.000 đ/ngày"}, (250_000, None, "day", "VND")),
        ({"salary_min": "180.000", "salary_currency": "JPY"}, (180_000, None, "month", "JPY")),
        ({"salary_min": 25_000, "salary_unit": "hour"}, (25_000, None, "hour", "VND")),
        ({"salary_min": "9 triệu"}, (9_000_000, None, "month", "VND")),
    ]:
        response = client.post("/api/v1/vacancies", json=posting(**pay), headers=headers)
        assert response.status_code == 201, response.get_json()
        vacancy = response.get_json()
        assert (vacancy["salary_min"], vacancy["salary_max"], vacancy["salary_unit"], vacancy["salary_currency"]) == stored
    batch = client.post("/api/v1/vacancies/batch", headers=headers, json={"vacancies": [
        {**posting(salary_min=2_300_000, salary_currency="KRW"), "external_ref": "K-1"},
        {**posting(salary_min=300, salary_unit="week"), "external_ref": "K-2"},
    ]}).get_json()
    assert [item["outcome"] for item in batch["items"]] == ["created", "refused"] and "salary_unit" in batch["items"][1]["errors"]
    stored = db.session.scalar(select(Vacancy).where(Vacancy.external_ref == "K-1"))
    assert (stored.salary_min, stored.salary_currency, stored.salary_unit) == (2_300_000, "KRW", "month")


@pytest.mark.parametrize(
    ("pay", "field", "vietnamese", "english"),
    [
        ({"salary_unit": "week"}, "salary_unit", "Giá trị này không nằm trong các lựa chọn.", "This is not one of the choices offered."),
        ({"salary_currency": "EUR"}, "salary_currency", "Giá trị này không nằm trong các lựa chọn.",
         "This is not one of the choices offered."),
        ({"salary_min": "1.200 USD", "salary_currency": "JPY"}, "salary_min",
         "Số tiền này ghi bằng USD, nhưng loại tiền đã chọn là JPY.", "This amount is in USD, but the currency chosen is JPY."),
        ({"salary_min": "25k", "salary_max": "350k/ngày", "salary_unit": "hour"}, "salary_max",
         "Số tiền này ghi theo ngày, nhưng cách trả lương đã chọn là theo giờ.", "This amount is per day, but the pay chosen is per hour."),
        ({"salary_min": "nhiều tiền"}, "salary_min", "Hãy nhập số tiền như thường viết", "Enter an amount as written"),
    ],
)
def test_unknown_units_and_currencies_are_refused_naming_the_field_and_nothing_is_stored(client, app_context, pay, field, vietnamese,
                                                                                          english):
    headers = employer_token()
    for language, message in (("vi", vietnamese), ("en", english)):
        response = client.post("/api/v1/vacancies", json=posting(**pay), headers={**headers, "Accept-Language": language})
        assert response.status_code == 422
        assert list(response.get_json()["errors"]["json"]) == [field]
        assert response.get_json()["errors"]["json"][field][0].startswith(message)
    assert db.session.scalar(select(func.count()).select_from(Vacancy)) == 0


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_pay_shown_again_is_the_one_worked_out_afresh_and_an_answer_of_its_own(app, language):
    """Result pages keep each pay's dumped form per process and language (schemas/pay.py): what they show is still
    stated_pay's, and no answer can change the next one's."""
    field = VacancySummarySchema().fields["pay"]
    with app.test_request_context("/api/v1/vacancies/search", headers={"Accept-Language": language}):
        for low, high, unit, currency, negotiable in [(300_000, 350_000, "day", "VND", False), (160_000, 180_000, "month", "JPY", False),
                                                      (None, 1_000, "month", "USD", True), (None, None, "month", "VND", True),
                                                      (8_000_000, 8_000_000, "month", "VND", None), (8_000_000.0, None, "month", "VND", 0)]:
            summary = {"salary_min": low, "salary_max": high, "salary_unit": unit, "salary_currency": currency,
                       "salary_negotiable": negotiable}
            fresh = PaySchema().dump(stated_pay(summary))
            shown = field.serialize("pay", summary)
            assert shown == fresh
            shown["label"] = "changed"
            if shown["rate"]:
                shown["rate"]["vnd"] = 0
            assert field.serialize("pay", summary) == fresh
