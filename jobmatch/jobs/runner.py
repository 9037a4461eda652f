"""The scheduler process: APScheduler running every schedule. Jobs without periods run in its threads; each period of a
periodic job runs in a process of its own (`flask jobs run`), which can be stopped when it passes its time limit."""
import logging
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.schedulers.blocking import BlockingScheduler

from jobmatch.extensions import db
from jobmatch.jobs import run_schedule, schedules
from jobmatch.rules.clock import VIETNAM
from jobmatch.services import job_run as job_run_service
from jobmatch.services.errors import SearchUnavailable

log = logging.getLogger("jobmatch.jobs")

ROOT = Path(__file__).resolve().parents[2]
# A job process asked to stop (SIGTERM) has this long to exit before it is killed.
STOP_GRACE_S = 30


class JobProcesses:
    """The job processes running now: each stopped when over its time limit, all stopped with the scheduler."""

    def __init__(self):
        self._running = set()
        self._lock = threading.Lock()
        self.stopping = threading.Event()

    def run(self, schedule, period):
        """Run one period in a child process; returns its exit status, or None when it was stopped."""
        command = [sys.executable, "-m", "flask", "--app", "wsgi", "jobs", "run", schedule.name, "--period", period]
        with self._lock:
            if self.stopping.is_set():
                return None
            child = subprocess.Popen(command, cwd=ROOT)
            self._running.add(child)
        try:
            return child.wait(timeout=schedule.time_limit.total_seconds())
        except subprocess.TimeoutExpired:
            self._stop(child)
            return None
        finally:
            with self._lock:
                self._running.discard(child)

    def stop_all(self):
        self.stopping.set()
        with self._lock:
            running = list(self._running)
        for child in running:
            self._stop(child)

    @staticmethod
    def _stop(child):
        child.terminate()
        child.send_signal(signal.SIGCONT)  # a frozen process (SIGSTOP) acts on its SIGTERM only once it runs again
        try:
            child.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _run_periods(app, schedule, processes):
    """The schedule's due periods (the current one and its catch-up days), oldest first and one after another; a period
    done already or being done by a live process is skipped without starting one."""
    for period in schedule.periods_due(datetime.now(VIETNAM)):
        if processes.stopping.is_set():
            return
        with app.app_context():
            try:
                if not job_run_service.needs_run(job=schedule.name, period=period):
                    continue
            finally:
                db.session.remove()
        status = processes.run(schedule, period)
        if status is None:
            # Its process was stopped and could not say so: recorded here, so the period is done again without
            # waiting for its heartbeat to go stale.
            stopped = "with the scheduler" if processes.stopping.is_set() else f"after its time limit of {schedule.time_limit}"
            log.error("%s %s: stopped %s", schedule.name, period, stopped)
            with app.app_context():
                try:
                    job_run_service.give_up(job=schedule.name, period=period, reason=f"stopped {stopped}")
                finally:
                    db.session.remove()
        elif status:
            log.error("%s %s: the job process ended with exit status %s", schedule.name, period, status)


def _run_in_thread(app, schedule):
    with app.app_context():
        try:
            outcome = run_schedule(schedule)
            if outcome:
                log.info("%s: %s", schedule.name, outcome)
        except SearchUnavailable as error:
            log.warning("%s: %s", schedule.name, error)
        finally:
            db.session.remove()


def _job(app, schedule, processes):
    if schedule.period is None:
        return lambda: _run_in_thread(app, schedule)
    return lambda: _run_periods(app, schedule, processes)


def _starting(app, start_schedules, processes):
    """The runs due at start, one after another: started together they fought for the database's write lock, and a
    claim that lost was not tried again before the next start."""

    def run():
        for schedule in start_schedules:
            if processes.stopping.is_set():
                return
            try:
                _job(app, schedule, processes)()
            except Exception:  # one job's failure must not keep the others from their start
                log.exception("%s: its start run failed", schedule.name)

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
    processes = JobProcesses()
    all_schedules = schedules(app.config)
    for schedule in all_schedules:
        scheduler.add_job(_job(app, schedule, processes), schedule.trigger, id=schedule.name, name=schedule.name,
                          **schedule.trigger_args)
    start_schedules = [schedule for schedule in all_schedules if schedule.run_at_start]
    scheduler.add_job(_starting(app, start_schedules, processes), "date", id="start", next_run_time=datetime.now(UTC))

    def stop(*_):
        scheduler.shutdown(wait=False)
        processes.stop_all()

    signal.signal(signal.SIGTERM, stop)
    log.info("scheduler started with %s", ", ".join(schedule.name for schedule in all_schedules))
    scheduler.start()
