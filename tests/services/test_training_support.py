"""Training support claimed on a course enrolment, judged by the training scheme in force on the claim's day: the cap of
the person's group (Decision 46/2015), once per person, and only for a verified priority group; a refusal stores nothing."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import Enrolment, SupportClaim, TrainingCourse, TrainingProvider
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import support as support_service
from tests.factories import HANOI_WARD, make_account, make_centre, make_job_seeker, make_priority_status
from tests.services.test_training import refusal

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

    def person(category=None):
        job_seeker = make_job_seeker(centre_id=centre.id)
        if category:
            make_priority_status(job_seeker, officer, category=category)
        enrolment = Enrolment(course_id=course.id, job_seeker_id=job_seeker.id, source="officer")
        db.session.add(enrolment)
        db.session.commit()
        return enrolment

    return officer, person


def claim(officer, enrolment, amount, item="vocational_training", quantity=1):
    return refusal(lambda: support_service.record_training_claim(actor=officer, enrolment_id=enrolment.id, fields={
        "item": item, "amount_vnd": amount, "quantity": quantity, "claimed_on": TODAY, "receipt_number": "BL-7",
        "receipt_date": TODAY, "receipt_issuer": "Trường nghề Ba Đình", "document_seen": "Biên lai học phí"}))


def stored():
    db.session.rollback()
    return db.session.execute(select(SupportClaim.job_seeker_id, SupportClaim.enrolment_id, SupportClaim.item,
                                     SupportClaim.amount_vnd, SupportClaim.cap_vnd).order_by(SupportClaim.id)).all()


def test_the_group_cap_and_once_per_person_hold_and_a_refusal_stores_nothing(enrolled):
    officer, person = enrolled
    poor, near_poor, nobody = person("poor"), person("near_poor"), person()
    assert claim(officer, near_poor, 2_600_000) == "amount_vnd: Số tiền vượt mức tối đa 2.500.000 ₫ của khoản này."
    assert claim(officer, nobody, 1_000_000) == (
        f"job_seeker: Ngày {TODAY:%d/%m/%Y} người lao động chưa có diện ưu tiên đã xác minh thuộc đối tượng của chính sách này.")
    assert stored() == []
    assert claim(officer, poor, 3_000_000) == "done"
    assert claim(officer, poor, 3_000_000).startswith("item: ")  # once per person
    assert claim(officer, poor, 450_000, item="meals", quantity=15) == "done"
    other_officer = make_account("officer", centre_id=make_centre(province_code="48").id)
    assert claim(other_officer, near_poor, 2_000_000) == "not permitted"
    assert stored() == [(poor.job_seeker_id, poor.id, "vocational_training", 3_000_000, 3_000_000),
                        (poor.job_seeker_id, poor.id, "meals", 450_000, 450_000)]
