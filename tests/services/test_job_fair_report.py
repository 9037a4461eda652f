"""The end-of-session report counts the interviews and hires that were recorded for the fair on its day (Vietnam's),
checked against a fair built by hand: what happened elsewhere, on another day, or was rescheduled is not counted."""
from datetime import date, datetime, time, timedelta

from jobmatch.extensions import db
from jobmatch.models import ApplicationEvent, Interview, JobFair
from jobmatch.rules.clock import vietnam_moment_as_utc
from jobmatch.services import job_fair as job_fair_service
from tests.factories import HANOI_WARD, make_account, make_application, make_centre, make_employer, make_job_seeker, make_vacancy

FAIR_DAY = date(2026, 11, 20)


def at(day_offset, hour, minute=0, second=0):
    """A moment in Vietnam's time, days from the fair's day, as the database stores it (UTC)."""
    return vietnam_moment_as_utc(FAIR_DAY + timedelta(days=day_offset), time(hour, minute, second))


# Each application of the hand-built fair: to a vacancy of the fair or another, made at the fair or not, what was
# recorded for it ("interview" at a moment, "replaced interview", status moves), and whether the report counts it as
# an interview and as a hire on the spot.
APPLICATIONS = [
    ("made at the fair, interview set for 10:00", "fair", True, [("interview", at(0, 10))], True, False),
    ("applied online before, moved to interviewed and hired that evening", "fair", False,
     [("interviewed", at(0, 19)), ("hired", at(0, 23, 59, 59))], True, True),
    ("interviewed the first second of the day", "fair", False, [("interviewed", at(0, 0))], True, False),
    ("interviewed the last second before the day", "fair", False, [("interviewed", at(-1, 23, 59, 59))], False, False),
    ("interview the next day", "fair", True, [("interview", at(1, 9))], False, False),
    ("interview of the day, rescheduled", "fair", False, [("replaced interview", at(0, 14))], False, False),
    ("interview and the move both recorded: one interview", "fair", True,
     [("interview", at(0, 11)), ("interviewed", at(0, 11, 30))], True, False),
    ("hired two days later", "fair", True, [("interviewed", at(0, 15)), ("hired", at(2, 9))], True, False),
    ("another vacancy, interviewed and hired that day", "other", False,
     [("interview", at(0, 10)), ("interviewed", at(0, 10)), ("hired", at(0, 16))], False, False),
]


def test_interviews_and_hires_on_the_spot_are_counted_from_what_was_recorded_on_the_fairs_day(app):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    employer = make_employer()
    vacancies = {"fair": make_vacancy(employer, title="Thợ may"), "other": make_vacancy(employer, title="Kế toán")}
    job_fair = JobFair(centre_id=centre.id, title="Phiên tháng 11", held_on=FAIR_DAY, ward_code=HANOI_WARD, venue="Nhà văn hoá",
                       vacancies=[vacancies["fair"]])
    db.session.add(job_fair)
    db.session.commit()
    for number, (_what, vacancy, made_at_fair, records, _interview, _hired) in enumerate(APPLICATIONS):
        application = make_application(vacancies[vacancy], make_job_seeker(full_name=f"Người {number}"),
                                       job_fair_id=job_fair.id if made_at_fair else None)
        for record, moment in records:
            if record.endswith("interview"):
                db.session.add(Interview(application_id=application.id, starts_at=moment, place="Bàn số 3",
                                         replaced_at=datetime(2026, 11, 1) if record.startswith("replaced") else None))
            else:
                db.session.add(ApplicationEvent(application_id=application.id, to_status=record, at=moment))
    db.session.commit()

    report = job_fair_service.session_report(actor=officer, job_fair_id=job_fair.id)
    assert report.applications == sum(row[2] for row in APPLICATIONS) == 4
    assert report.interviews == sum(row[4] for row in APPLICATIONS) == 5
    assert report.hired == sum(row[5] for row in APPLICATIONS) == 1
