"""The one list of schedules; each job is a thin wrapper over a service."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from jobmatch.rules.clock import VIETNAM
from jobmatch.services import job_run as job_run_service
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import notification, password_reset, search_index, vacancy_screening
from jobmatch.services import overseas as overseas_service
from jobmatch.services import saved_search as saved_search_service
from jobmatch.services import stats as stats_service
from jobmatch.services import vacancy as vacancy_service


def day(moment):
    """The period a daily job's run at this Vietnam time belongs to."""
    return moment.date().isoformat()


@dataclass(frozen=True)
class Schedule:
    name: str
    function: object
    trigger: str  # an APScheduler trigger name
    trigger_args: dict
    run_at_start: bool = False
    # For jobs done once per period: moment in Vietnam → period key. Each run claims (job, period) in JobRun first.
    # Jobs without one (the outbox relays) may run any number of times: their work is idempotent by design.
    period: object = None
    # Periods before the current one that each run fills in when it finds them missing or failed (after downtime).
    catch_up_days: int = 0
    # A periodic job's run still working after this long is stopped, and its period done again later. Jobs without
    # periods are bounded by their requests' own timeouts (Elasticsearch, SMTP, the database's lock timeout).
    time_limit: timedelta | None = None

    def describe(self):
        if self.period is None:
            return f"{self.trigger} {self.trigger_args}"
        return f"{self.trigger} {self.trigger_args} (claims a JobRun per period; time limit {self.time_limit})"

    def periods_due(self, moment):
        """The periods a run at this moment should see done, oldest first: the current one and its catch-up days."""
        current = date.fromisoformat(self.period(moment))
        return [(current - timedelta(days=days)).isoformat() for days in range(self.catch_up_days, -1, -1)]


def relay_search_outbox():
    """Send pending outbox rows to Elasticsearch; says nothing when there was nothing to send."""
    report = search_index.relay_outbox()
    if report.written or report.stale or report.failed:
        return f"written={report.written} stale={report.stale} failed={report.failed}"
    return None


def reconcile_search_index():
    """Queue every document that differs from its row, then relay; run at start too, to repair a wiped index quickly."""
    report = search_index.reconcile()
    relayed = search_index.relay_outbox()
    return f"queued={report.queued} written={relayed.written}"


def deliver_notifications():
    """Email pending notifications (or keep them for the users' pages when no mail server is configured), and the
    password reset links asked for."""
    delivered = notification.deliver_pending() + password_reset.deliver_links()
    return f"delivered={delivered}" if delivered else None


def expire_vacancies(period):
    """Close vacancies whose deadline has passed; at start too, so a scheduler that was down catches up at once."""
    return f"closed={vacancy_service.expire_vacancies()}"


def close_vacancies_outside_the_rules(period):
    """Close the overseas vacancies of agencies whose placement licence is no longer in force, and the vacancies whose
    programme (chosen, or claimed in words) only public bodies recruit for, and tell their companies."""
    closed = overseas_service.close_vacancies_outside_the_rules(today=date.fromisoformat(period))
    return f"closed={closed + vacancy_screening.close_vacancies_claiming_programmes()}"


def refresh_priority_bonuses(period):
    """Index again the profiles whose priority status ended since the last day this job did (yesterday, or the days a
    stopped scheduler missed), so their bonus counts only what is in force: the documents carry no end date."""
    done = job_run_service.last_done_period(job="priority-lapse", before=period)
    queued = job_seeker_service.refresh_lapsed_bonuses(lapsed_on=date.fromisoformat(period),
                                                       since=date.fromisoformat(done) if done else None)
    return f"queued={queued}"


def send_search_alerts(period):
    """Tell job seekers of the vacancies posted since the last run that their saved searches find."""
    report = saved_search_service.send_alerts()
    return f"searches={report.searches} notified={report.notified} vacancies={report.vacancies}"


def flag_overseas_deadlines(period):
    """Close overseas cases whose lapsing stage (a roster's validity) has passed, and tell workers of near and passed
    deadlines, once each."""
    report = overseas_service.flag_deadlines(today=date.fromisoformat(period))
    return f"lapsed={report.lapsed} overdue={report.overdue} due_soon={report.due_soon}"


def yesterday(moment):
    """The period of a nightly job that works on the day just ended."""
    return (moment.date() - timedelta(days=1)).isoformat()


def compute_statistics(period):
    """Recompute the figures of the day (and of its week, month and year so far) from the rows as they are."""
    return f"snapshots={stats_service.compute_day(date.fromisoformat(period))}"


def revise_statistics(period):
    """Recompute the past six months' figures with the hires and follow-ups recorded since they ended."""
    return f"snapshots={stats_service.revise_months(date.fromisoformat(period))}"


def schedules(config):
    """Every schedule the scheduler process runs."""
    limit = timedelta(seconds=config["JOB_TIME_LIMIT_S"])
    return [
        Schedule("search-relay", relay_search_outbox, "interval", {"seconds": config["SEARCH_RELAY_INTERVAL_S"]}),
        Schedule("search-reconcile", reconcile_search_index, "interval", {"minutes": 30}, run_at_start=True),
        Schedule("notification-delivery", deliver_notifications, "interval", {"seconds": config["NOTIFICATION_INTERVAL_S"]}),
        # Just after midnight in Vietnam (the scheduler's time zone), when yesterday's deadlines have passed.
        Schedule("vacancy-expiry", expire_vacancies, "cron", {"hour": 0, "minute": 5}, run_at_start=True, period=day,
                 time_limit=limit),
        # Just after the day a licence's last day ends.
        Schedule("licence-expiry", close_vacancies_outside_the_rules, "cron", {"hour": 0, "minute": 7}, run_at_start=True, period=day,
                 time_limit=limit),
        Schedule("priority-lapse", refresh_priority_bonuses, "cron", {"hour": 0, "minute": 10}, run_at_start=True, period=day,
                 time_limit=limit),
        # In the morning, when people read their messages; the notification job delivers them within a minute.
        Schedule("search-alerts", send_search_alerts, "cron", {"hour": 7, "minute": 0}, period=day, time_limit=limit),
        Schedule("overseas-deadlines", flag_overseas_deadlines, "cron", {"hour": 6, "minute": 30}, run_at_start=True,
                 period=day, time_limit=limit),
        # After the expiry, so that the day's figures see its vacancies closed; at start too, to catch up after downtime.
        Schedule("statistics", compute_statistics, "cron", {"hour": 0, "minute": 30}, run_at_start=True, period=yesterday,
                 catch_up_days=7, time_limit=limit),
        # Weekly, on Sunday night: late outcomes (hires within 90 days, follow-ups at 3 and 6 months) reach past months.
        Schedule("statistics-revision", revise_statistics, "cron", {"day_of_week": "sun", "hour": 2, "minute": 0}, period=day,
                 time_limit=2 * limit),
    ]


def run_schedule(schedule, *, period=None, again=False):
    """Run one job now, as the scheduler does: a periodic job first claims its period (the current one unless named),
    and skips when that period is claimed already, unless `again` asks to recompute a succeeded one."""
    if schedule.period is None:
        return schedule.function()
    period = period or schedule.period(datetime.now(VIETNAM))
    run = job_run_service.run_once(job=schedule.name, period=period, function=schedule.function, again=again)
    if run is None:
        return f"period {period} is done or being done already"
    return f"period {period}: {run.detail}"


def catch_up(schedule, *, since, progress=None):
    """Run every daily period of a periodic job from `since` to the current one, oldest first; periods done already
    are skipped by their JobRun claim, so this is safe to repeat."""
    current = date.fromisoformat(schedule.period(datetime.now(VIETNAM)))
    days = [since + timedelta(days=offset) for offset in range((current - since).days + 1)]
    outcomes = []
    for number, day in enumerate(days, 1):
        outcomes.append(run_schedule(schedule, period=day.isoformat()))
        if progress:
            progress(number, len(days), outcomes[-1])
    return outcomes
