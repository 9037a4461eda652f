"""The scheduler process: its schedules, and a real `flask jobs scheduler` relaying the outbox to Elasticsearch,
running its start runs one after another, and stopping a run that outlives its time limit."""
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from jobmatch.extensions import db, search_client
from jobmatch.jobs import schedules
from jobmatch.models import JobRun
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.services import search_index
from search.indexes import indexed_versions
from tests.factories import make_vacancy

ROOT = Path(__file__).resolve().parents[2]


def test_every_schedule_is_listed(app):
    runner = app.test_cli_runner()
    listing = runner.invoke(args=["jobs", "list"]).output
    assert [schedule.name for schedule in schedules(app.config)] == [
        "search-relay", "search-reconcile", "notification-delivery", "vacancy-expiry", "licence-expiry", "priority-lapse",
        "search-alerts",
        "overseas-deadlines",
        "statistics", "statistics-revision",
    ]
    assert "search-relay" in listing and "seconds" in listing
    assert "statistics" in listing and "claims a JobRun per period" in listing


def scheduler_environment(app, **settings):
    return {
        **os.environ,
        "FLASK_APP": "wsgi",
        "JOBMATCH_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "JOBMATCH_SEARCH_INDEX_PREFIX": app.config["SEARCH_INDEX_PREFIX"],
        "JOBMATCH_ELASTICSEARCH_URL": app.config["ELASTICSEARCH_URL"],
        **{f"JOBMATCH_{name}": str(value) for name, value in settings.items()},
    }


class SchedulerProcess(subprocess.Popen):
    """`flask jobs scheduler` writing its log to a file, as in production, read by communicate(). Through a pipe that
    nobody read while the test waited, the log filled the pipe's 64 KiB and every thread that logged stopped there: the
    relay stood still for as long as a test watched the index."""

    def __init__(self, app, **settings):
        self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace")
        super().__init__([sys.executable, "-m", "flask", "jobs", "scheduler"], cwd=ROOT,
                         env=scheduler_environment(app, **settings), stdout=self.log, stderr=subprocess.STDOUT)

    def communicate(self, input=None, timeout=None):
        self.wait(timeout=timeout)
        self.log.seek(0)
        return self.log.read(), None


def start_scheduler(app, **settings):
    return SchedulerProcess(app, **settings)


def test_the_scheduler_process_relays_new_vacancies_within_seconds(app, indexes):
    scheduler = start_scheduler(app, SEARCH_RELAY_INTERVAL_S=1)
    try:
        vacancy = make_vacancy(title="Thợ sửa chữa ô tô")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and search_index.pending_outbox_count():
            time.sleep(0.5)
        search_client().indices.refresh(index=indexes.vacancies)
        assert indexed_versions(search_client(), indexes.vacancies) == {str(vacancy.id): 1}
    finally:
        scheduler.terminate()
        output = scheduler.communicate(timeout=60)[0]
    assert "scheduler started with search-relay, search-reconcile" in output
    # Stopped by its main thread, not inside the signal handler (which once ended every stop it interrupted with a
    # JobLookupError and exit status 1).
    assert scheduler.returncode == 0 and "scheduler stopping" in output and "Traceback" not in output, output[-3000:]


def job_processes(scheduler):
    """The `flask jobs run` processes the scheduler has started and not yet ended: {pid: command line}."""
    found = {}
    for task in Path(f"/proc/{scheduler.pid}/task").iterdir():
        for pid in (task / "children").read_text().split():
            try:
                found[int(pid)] = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except FileNotFoundError:
                pass
    return found


def recorded_runs():
    db.session.rollback()
    return db.session.scalars(select(JobRun).order_by(JobRun.started_at)).all()


def test_start_runs_come_one_after_another_and_a_frozen_run_is_stopped_at_its_time_limit(app, indexes):
    """Started together, the start runs fought for the write lock and some failed their claim; a run that hung kept
    its job from ever running again in that scheduler."""
    yesterday = vietnam_today() - timedelta(days=1)
    # A restart after a day down: six of the statistics' eight catch-up days are done already, two are due.
    db.session.add_all(JobRun(job="statistics", period=(yesterday - timedelta(days=days)).isoformat(), outcome="succeeded",
                              finished_at=utc_now()) for days in range(2, 8))
    db.session.commit()
    due = {("vacancy-expiry", vietnam_today().isoformat()), ("licence-expiry", vietnam_today().isoformat()),
           ("priority-lapse", vietnam_today().isoformat()),
           ("overseas-deadlines", vietnam_today().isoformat()), ("statistics", (yesterday - timedelta(days=1)).isoformat()),
           ("statistics", yesterday.isoformat())}
    scheduler = start_scheduler(app, JOB_TIME_LIMIT_S=15)
    frozen = None
    try:
        deadline = time.monotonic() + 60
        while frozen is None and time.monotonic() < deadline:
            frozen = next((pid for pid, command in job_processes(scheduler).items() if "vacancy-expiry" in command), None)
            time.sleep(0.05)
        assert frozen, "the scheduler started no job process for vacancy-expiry"
        os.kill(frozen, signal.SIGSTOP)
        frozen_at = time.monotonic()
        deadline, stopped_after = time.monotonic() + 180, None
        while time.monotonic() < deadline:
            ended = {(run.job, run.period) for run in recorded_runs() if run.outcome != "running"}
            if stopped_after is None and ("vacancy-expiry", vietnam_today().isoformat()) in ended:
                stopped_after = time.monotonic() - frozen_at
            if ended >= due:
                break
            time.sleep(0.2)
        runs = {(run.job, run.period): run for run in recorded_runs()}
        assert set(runs) >= due
        expiry = runs[("vacancy-expiry", vietnam_today().isoformat())]
        assert expiry.outcome == "failed" and expiry.error == "stopped after its time limit of 0:00:15", expiry.error
        assert not Path(f"/proc/{frozen}").exists()
        assert 14 <= stopped_after < 15 + 10
        done = sorted((runs[key] for key in due - {("vacancy-expiry", vietnam_today().isoformat())}), key=lambda run: run.started_at)
        assert [run.outcome for run in done] == ["succeeded"] * (len(due) - 1), [(run.job, run.error) for run in done]
        for earlier, later in zip(done, done[1:], strict=False):
            assert later.started_at >= earlier.finished_at, f"{later.job} started before {earlier.job} ended"
        print(f"frozen run stopped {stopped_after:.1f} s after it froze (limit 15 s); then "
              + ", ".join(f"{run.job} {(run.finished_at - run.started_at).total_seconds():.1f} s" for run in done))
    finally:
        if frozen and Path(f"/proc/{frozen}").exists():
            os.kill(frozen, signal.SIGCONT)
        scheduler.terminate()
        output = scheduler.communicate(timeout=90)[0]
    assert "vacancy-expiry " + vietnam_today().isoformat() + ": stopped after its time limit of 0:00:15" in output, output[-3000:]
