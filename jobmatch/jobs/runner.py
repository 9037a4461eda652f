"""The scheduler process: APScheduler running every schedule. Jobs without periods run in its threads; each period of a
periodic job runs in a process of its own (`flask jobs run`), which can be stopped when it passes its time limit."""
import logging
import os
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.schedulers.background import BackgroundScheduler

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
            status = child.wait(timeout=schedule.time_limit.total_seconds())
        except subprocess.TimeoutExpired:
            self._stop(child)
            return None
        else:  # a child that stop_all ended by its signal was stopped, not failed
            return None if status < 0 and self.stopping.is_set() else status
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
    # Every relay run would otherwise log its HTTP requests and APScheduler's run lines, every few seconds; and while
    # Elasticsearch is down, a traceback of each failed attempt (5 kB a second) where the relay's one line says it all.
    logging.getLogger("apscheduler.executors.default").setLevel(logging.WARNING)
    logging.getLogger("elastic_transport").setLevel(logging.ERROR)
    # Coalesce missed runs after downtime; never run two instances of the same job at once.
    scheduler = BackgroundScheduler(
        timezone="Asia/Ho_Chi_Minh", job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 300}
    )
    processes = JobProcesses()
    all_schedules = schedules(app.config)
    for schedule in all_schedules:
        scheduler.add_job(_job(app, schedule, processes), schedule.trigger, id=schedule.name, name=schedule.name,
                          **schedule.trigger_args)
    start_schedules = [schedule for schedule in all_schedules if schedule.run_at_start]
    scheduler.add_job(_starting(app, start_schedules, processes), "date", id="start", next_run_time=datetime.now(UTC))
    log.info("scheduler started with %s", ", ".join(schedule.name for schedule in all_schedules))
    with _stop_signals() as stop_requested:
        scheduler.start()
        stop_requested()
    log.info("scheduler stopping: its job processes are asked to stop")
    scheduler.shutdown(wait=False)
    processes.stop_all()


@contextmanager
def _stop_signals():
    """Yields a function that returns once SIGTERM or SIGINT has arrived. The scheduler is stopped by the main thread
    after that, not inside the signal handler: a handler runs in the middle of whatever the main thread was doing, and
    shutting the scheduler down from there emptied its job store under the loop that was handing out jobs
    (JobLookupError, a traceback and exit status 1)."""
    awake, wake = os.pipe()
    os.set_blocking(wake, False)
    previous_fd = signal.set_wakeup_fd(wake)  # the interpreter writes each signal's number to it
    previous = {number: signal.signal(number, lambda *_: None) for number in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield lambda: os.read(awake, 1)
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(previous_fd)
        os.close(awake)
        os.close(wake)
