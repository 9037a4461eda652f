"""The scheduler process: APScheduler running every schedule, each run inside an app context."""
import logging
import signal
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.blocking import BlockingScheduler

from jobmatch.extensions import db
from jobmatch.jobs import catch_up, run_schedule, schedules
from jobmatch.rules.clock import VIETNAM
from jobmatch.services.errors import SearchUnavailable

log = logging.getLogger("jobmatch.jobs")


def _in_app_context(app, schedule):
    def run():
        with app.app_context():
            try:
                outcome = run_schedule(schedule)
                if outcome:
                    log.info("%s: %s", schedule.name, outcome)
            except SearchUnavailable as error:
                log.warning("%s: %s", schedule.name, error)
            finally:
                db.session.remove()

    return run


def _catching_up(app, schedule):
    def run():
        with app.app_context():
            try:
                since = datetime.now(VIETNAM).date() - timedelta(days=schedule.catch_up_days)
                for outcome in catch_up(schedule, since=since):
                    if "done or being done" not in outcome:
                        log.info("%s: %s", schedule.name, outcome)
            finally:
                db.session.remove()

    return run


def run_scheduler(app):
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Every relay run would otherwise log its HTTP requests and APScheduler's run lines, every few seconds.
    for chatty in ("apscheduler.executors.default", "elastic_transport.transport"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    # Coalesce missed runs after downtime; never run two instances of the same job at once.
    scheduler = BlockingScheduler(
        timezone="Asia/Ho_Chi_Minh", job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300}
    )
    for schedule in schedules(app.config):
        start = {"next_run_time": datetime.now(UTC)} if schedule.run_at_start else {}
        if schedule.catch_up_days:
            # Instead of the start run: the periods missed while no scheduler ran, then the current one.
            scheduler.add_job(_catching_up(app, schedule), "date", id=f"{schedule.name}-catch-up", **start)
            start = {}
        scheduler.add_job(
            _in_app_context(app, schedule), schedule.trigger, id=schedule.name, name=schedule.name,
            **schedule.trigger_args, **start,
        )
    signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=False))
    log.info("scheduler started with %s", ", ".join(schedule.name for schedule in schedules(app.config)))
    scheduler.start()
