"""Interview use cases: the employer schedules (or reschedules) an interview on an application and the person hears of
it with a link to their application, where every time and place stays listed."""
from datetime import timedelta

from flask_babel import gettext as _

from jobmatch.labels import APPLICATION_STATUSES
from jobmatch.models.application import FINAL_STATUSES
from jobmatch.models.interview import Interview
from jobmatch.rules.clock import day_text, time_text, utc_now, vietnam_moment_as_utc, vietnam_today
from jobmatch.services import application as application_service
from jobmatch.services import notification
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.transaction import commit

FURTHEST_AHEAD = timedelta(days=366)


def schedule(*, actor, application_id, date, time, place=None, online_link=None, message=None):
    """The vacancy's employer schedules an interview at a time in Vietnam that has not passed (within a year), at a
    place, an online link or both, with an optional message. A new time replaces the one in force, which is kept with
    the moment it was replaced. Refused on a final application (hired, rejected, withdrawn). The person is notified."""
    application = application_service.employer_application(actor=actor, application_id=application_id)
    if application.status in FINAL_STATUSES:
        raise InvalidRequest("application_id", _(
            "An application that is “%(status)s” takes no interview.", status=APPLICATION_STATUSES[application.status]))
    if date < vietnam_today():
        raise InvalidRequest("date", _("The interview date has passed: choose a day from today on."))
    if date > vietnam_today() + FURTHEST_AHEAD:
        raise InvalidRequest("date", _("Schedule the interview within a year from today."))
    starts_at = vietnam_moment_as_utc(date, time)
    if starts_at <= utc_now():
        raise InvalidRequest("time", _("This time today has passed: choose a later time."))
    in_force = [interview for interview in application.interviews if interview.replaced_at is None]
    for interview in in_force:
        interview.replaced_at = utc_now()
    interview = Interview(starts_at=starts_at, place=place or None, online_link=online_link or None, message=message or None,
                          scheduled_by_id=actor.id)
    application.interviews.append(interview)
    if application.job_seeker.account:
        notification.queue(
            account=application.job_seeker.account, kind="interview_rescheduled" if in_force else "interview_scheduled",
            employer=application.vacancy.employer.name, vacancy=application.vacancy.title,
            day=day_text(starts_at), time=time_text(starts_at),
            link=notification.page_link("application.mine", anchor=f"application-{application.id}"),
        )
    commit()
    return interview
