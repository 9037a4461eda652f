"""scripts/processes.sh: a start that is ready when /healthz says so, with a gunicorn control socket of the instance's
own, and a stop that reports a process stopped only once it has exited (SIGTERM, then SIGKILL after a bound). The old
stop said "Stopped scheduler" after 10 s while it still ran, removed its pid file, and the next start made a second."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "processes.sh"
STOP_TIMEOUT_S = 3


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def running(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def children(pid):
    return [int(child) for task in Path(f"/proc/{pid}/task").iterdir() for child in (task / "children").read_text().split()]


def test_stop_waits_for_each_process_to_exit_and_kills_one_that_will_not(app, indexes, tmp_path):
    environment = {
        **os.environ,
        "JOBMATCH_RUN_DIR": str(tmp_path),
        "JOBMATCH_STOP_TIMEOUT_S": str(STOP_TIMEOUT_S),
        "JOBMATCH_SECRET_KEY": "test-secret",
        "JOBMATCH_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "JOBMATCH_SEARCH_INDEX_PREFIX": app.config["SEARCH_INDEX_PREFIX"],
        "JOBMATCH_ELASTICSEARCH_URL": app.config["ELASTICSEARCH_URL"],
    }
    port = free_port()

    def script(*arguments):
        return subprocess.run([str(SCRIPT), *arguments], env=environment, capture_output=True, text=True, timeout=120)

    started = script("start", str(port))
    web_pid = int((tmp_path / "web.pid").read_text()) if (tmp_path / "web.pid").exists() else None
    scheduler_pid = int((tmp_path / "scheduler.pid").read_text()) if (tmp_path / "scheduler.pid").exists() else None
    job_processes = []
    try:
        assert started.returncode == 0, started.stdout + started.stderr
        assert f"serving http://127.0.0.1:{port}/" in started.stdout
        assert (tmp_path / "gunicorn.ctl").is_socket()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as answer:
            assert json.load(answer)["status"] == "ok"
        # A scheduler that does not stop when asked: frozen, it cannot act on its SIGTERM.
        os.kill(scheduler_pid, signal.SIGSTOP)
        job_processes = children(scheduler_pid)
        asked = time.monotonic()
        stopped = script("stop")
        took = time.monotonic() - asked
        print(f"stop took {took:.1f} s with a scheduler that ignored SIGTERM (bound {STOP_TIMEOUT_S} s)")
        assert stopped.returncode == 0, stopped.stdout + stopped.stderr
        assert stopped.stdout.splitlines() == ["Stopped web", f"Killed scheduler: still running {STOP_TIMEOUT_S} s after SIGTERM"]
        assert not running(web_pid) and not running(scheduler_pid)  # gone by the time it was reported
        assert not (tmp_path / "web.pid").exists() and not (tmp_path / "scheduler.pid").exists()
        assert STOP_TIMEOUT_S <= took < STOP_TIMEOUT_S + 20
    finally:
        for pid in (scheduler_pid, web_pid):
            if pid and running(pid):
                os.kill(pid, signal.SIGCONT)
                os.kill(pid, signal.SIGKILL)
        # A job process the killed scheduler had started finishes its period on its own; wait for it, so that nothing
        # writes to the database after this test.
        deadline = time.monotonic() + 60
        while any(running(pid) for pid in job_processes) and time.monotonic() < deadline:
            time.sleep(0.2)
        for pid in job_processes:
            if running(pid):
                os.kill(pid, signal.SIGKILL)
