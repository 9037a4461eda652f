"""Training support claimed on a course enrolment, judged by the training scheme in force on the claim's day: the cap of
the person's group (Decision 46/2015), once per person, only for a verified priority group, and Circular 152/2016's
conditions (working age on the claim's day; a certified self-employment plan or an employer's commitment); a refusal
stores nothing."""
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Enrolment, SupportClaim, TrainingCourse, TrainingProvider
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import support as support_service
from tests.factories import HANOI_WARD, make_account, make_centre, make_job_seeker, make_priority_status, refusal

TODAY = vietnam_today()


@pytest.fixture
def enrolled():
    support_service.load_schemes()
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    provider = TrainingProvider(centre_id=centre.id, name="Trường nghề Ba Đình", ward_code=HANOI_WARD)
    course = TrainingCourse(centre_id=centre.id, provider=provider, title="Hàn điện cơ bản", isco_code="7212", length_value=2,
                            length_unit="month", starts_on=TODAY - timedelta(days=5), ends_on=TODAY + timedelta(days=55),
                            ward_code=HANOI_WARD, seats=20, cost_vnd=3_500_000)
    db.session.add(course)
    db.session.commit()

    def person(category=None, **fields):
        job_seeker = make_job_seeker(centre_id=centre.id, **fields)
        if category:
            make_priority_status(job_seeker, officer, category=category)
        enrolment = Enrolment(course_id=course.id, job_seeker_id=job_seeker.id, source="officer")
        db.session.add(enrolment)
        db.session.commit()
        return enrolment

    return officer, person


def claim(officer, enrolment, amount, item="vocational_training", quantity=1, commitment="employer_commitment"):
    return refusal(lambda: support_service.record_training_claim(actor=officer, enrolment_id=enrolment.id, fields={
        "item": item, "amount_vnd": amount, "quantity": quantity, "claimed_on": TODAY, "receipt_number": "BL-7",
        "receipt_date": TODAY, "receipt_issuer": "Trường nghề Ba Đình", "document_seen": "Biên lai học phí",
        "commitment": commitment}))


def stored():
    db.session.rollback()
    return db.session.execute(select(SupportClaim.job_seeker_id, SupportClaim.enrolment_id, SupportClaim.item,
                                     SupportClaim.amount_vnd, SupportClaim.cap_vnd).order_by(SupportClaim.id)).all()


def test_the_group_cap_and_once_per_person_hold_and_a_refusal_stores_nothing(enrolled):
    officer, person = enrolled
    poor, near_poor, nobody = person("poor"), person("near_poor"), person()
    assert claim(officer, near_poor, 2_600_000) == "amount_vnd: Số tiền vượt mức tối đa 2.500.000 ₫ của khoản này."
    assert claim(officer, nobody, 1_000_000) == (
        f"job_seeker: Ngày {vietnam_today():%d/%m/%Y} người lao động chưa có diện ưu tiên đã xác minh thuộc đối tượng của chính sách này.")
    assert stored() == []
    assert claim(officer, poor, 3_000_000) == "done"
    assert claim(officer, poor, 3_000_000).startswith("item: ")  # once per person
    assert claim(officer, poor, 450_000, item="meals", quantity=15) == "done"
    other_officer = make_account("officer", centre_id=make_centre(province_code="48").id)
    assert claim(other_officer, near_poor, 2_000_000) == "not permitted"
    assert stored() == [(poor.job_seeker_id, poor.id, "vocational_training", 3_000_000, 3_000_000),
                        (poor.job_seeker_id, poor.id, "meals", 450_000, 450_000)]


def years_ago(years, days=0):
    return date(TODAY.year - years, TODAY.month, min(TODAY.day, 28)) - timedelta(days=days)


def test_circular_152s_conditions_working_age_and_a_commitment_refuse_naming_their_field(enrolled):
    officer, person = enrolled
    fourteen = person("poor", birth_date=years_ago(15, days=-3))  # 15 in three days' time
    retired = person("poor", birth_date=years_ago(63))  # past the men's retirement age of any year until 2028, and after
    unknown = person("poor", birth_date=None)
    without_plan, fifteen = person("near_poor"), person("poor", birth_date=years_ago(15))
    assert claim(officer, fourteen, 1_000_000) == (
        f"job_seeker: Ngày {vietnam_today():%d/%m/%Y} người lao động không trong độ tuổi lao động (từ 15 tuổi đến tuổi nghỉ hưu) "
        "như chính sách này yêu cầu.")
    assert claim(officer, retired, 1_000_000).startswith("job_seeker: Ngày ")
    assert claim(officer, unknown, 1_000_000) == (
        "job_seeker: Chưa có ngày sinh của người lao động: hãy ghi ngày sinh, vì chính sách này chỉ hỗ trợ người trong độ tuổi lao động.")
    assert claim(officer, without_plan, 1_000_000, commitment=None) == (
        "commitment: Chính sách này yêu cầu phương án tự tạo việc làm có xác nhận của UBND xã hoặc cam kết tuyển dụng của doanh "
        "nghiệp: hãy chọn giấy tờ đã xem.")
    assert stored() == []
    assert claim(officer, fifteen, 1_000_000, commitment="self_employment_plan") == "done"
    assert db.session.scalar(select(SupportClaim.commitment)) == "self_employment_plan"
