"""Follow-ups in their time: the 3-month one accepted from 80 days after the hire, the 6-month one from 170, refused
before with the day it opens; a correction keeps the earlier answer in the history and is audited, and the statistics
count the latest answer."""
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import AuditEntry, StatSnapshot
from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.services import application as application_service
from jobmatch.services import stats as stats_service
from tests.factories import make_application
from tests.services.test_application import applicant, refusal, stored, world  # noqa: F401 (a fixture)


def placed(world, days_ago):  # noqa: F811
    """A person of the world's centre hired `days_ago` days before today, the placement confirmed."""
    job_seeker, _account = applicant(world)
    application = make_application(world.vacancy, job_seeker, "offered", created_at=datetime.now() - timedelta(days=days_ago + 20))
    application_service.confirm_placement(actor=world.officer, application_id=application.id,
                                          hire_date=vietnam_today() - timedelta(days=days_ago), employer_confirmed=True)
    return application


@pytest.mark.parametrize(("months", "days_ago", "opens_after"), [(3, 79, 80), (6, 169, 170), (6, 100, 170), (3, 0, 80)])
def test_a_follow_up_before_its_time_is_refused_naming_the_day_it_opens(world, months, days_ago, opens_after):  # noqa: F811
    application = placed(world, days_ago)
    hired = vietnam_today() - timedelta(days=days_ago)
    before = stored(application.id)
    told = refusal(lambda: application_service.record_follow_up(
        actor=world.officer, application_id=application.id, months=months, still_employed=True))
    opens = day_text(hired + timedelta(days=opens_after))
    assert told == (f"months: Kết quả theo dõi sau {months} tháng chỉ ghi nhận được từ ngày {opens} "
                    f"({opens_after} ngày sau ngày nhận việc {day_text(hired)}).")
    assert stored(application.id) == before


@pytest.mark.parametrize(("months", "days_ago"), [(3, 80), (3, 200), (6, 170)])
def test_a_follow_up_is_accepted_from_the_day_it_opens(world, months, days_ago):  # noqa: F811
    application = placed(world, days_ago)
    application_service.record_follow_up(actor=world.officer, application_id=application.id, months=months, still_employed=False)
    assert stored(application.id)["placement"][1] == [(months, False)]


def test_a_correction_keeps_the_earlier_answer_is_audited_and_the_statistics_count_the_latest(world):  # noqa: F811
    application = placed(world, 100)
    hired = vietnam_today() - timedelta(days=100)
    application_service.record_follow_up(actor=world.officer, application_id=application.id, months=3, still_employed=True)

    before = stored(application.id)
    assert refusal(lambda: application_service.correct_follow_up(
        actor=world.officer, application_id=application.id, months=3, still_employed=True,
    )) == "still_employed: Câu trả lời này đã được ghi nhận rồi."
    assert stored(application.id) == before
    assert refusal(lambda: application_service.correct_follow_up(
        actor=world.other_officer, application_id=application.id, months=3, still_employed=False)) == "not permitted"
    assert refusal(lambda: application_service.correct_follow_up(
        actor=world.officer, application_id=application.id, months=6, still_employed=False,
    )) == "months: Chưa có kết quả theo dõi sau 6 tháng: hãy ghi nhận mới thay vì sửa."

    application_service.correct_follow_up(actor=world.officer, application_id=application.id, months=3, still_employed=False)
    db.session.rollback()
    follow_up = application.placement.follow_ups[0]
    assert (follow_up.months, follow_up.still_employed, follow_up.recorded_by_id) == (3, False, world.officer.id)
    assert [(c.still_employed, c.recorded_by_id, c.corrected_by_id) for c in follow_up.corrections] == [
        (True, world.officer.id, world.officer.id)]
    assert db.session.execute(select(AuditEntry.action, AuditEntry.actor_id, AuditEntry.subject_type, AuditEntry.subject_id)
                              .where(AuditEntry.action == "follow_up_corrected")).all() == [
        ("follow_up_corrected", world.officer.id, "placement", application.placement.id)]

    # Retention at 3 months, on the day 90 days after the hire: one person followed up, none still employed.
    day = hired + timedelta(days=90)
    stats_service.compute_day(day)
    retention = db.session.scalar(select(StatSnapshot).where(
        StatSnapshot.metric == "retention_3m", StatSnapshot.period_kind == "day", StatSnapshot.period_start == day,
        StatSnapshot.area_kind == "country", StatSnapshot.priority_group == "all"))
    assert (retention.count, retention.base) == (0, 1)
