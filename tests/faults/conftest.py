"""The fault suite: Elasticsearch killed and frozen, the scheduler killed, under real writes. Its tests run against a node
of their own (port JOBMATCH_FAULT_ES_PORT, 9250 by default, its own data folder beside the shared node's), started by
scripts/elasticsearch.sh: they never stop, kill or freeze the shared node on 9200 that other tests and engineers use.

Each scenario reports its figures through `figures`: in the terminal summary (visible without -s, as in CI) and as
properties of the test case in the JUnit report."""
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from search.client import make_client
from search.guard import GuardSettings

ROOT = Path(__file__).resolve().parents[2]
PORT = os.environ.get("JOBMATCH_FAULT_ES_PORT", "9250")
URL = f"http://127.0.0.1:{PORT}"
# Half the shared node's heap: the fault suite's indexes are small, and the machine runs both nodes. The JIT's first
# tier only: a start (three in the kill test) took 9 s of CPU instead of 16 s (35 s instead of 55 s on a busy machine),
# and the suite's small indexes do not need the optimizing compiler.
NODE_ENVIRONMENT = {**os.environ, "JOBMATCH_ES_PORT": PORT, "ES_JAVA_OPTS": "-Xms512m -Xmx512m -XX:TieredStopAtLevel=1"}
REPORTED = []


def node(action):
    """Run scripts/elasticsearch.sh start|stop|status|pid for the fault suite's node; its output."""
    done = subprocess.run([str(ROOT / "scripts" / "elasticsearch.sh"), action], env=NODE_ENVIRONMENT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, f"elasticsearch.sh {action} on port {PORT}: {done.stdout}{done.stderr}"
    return done.stdout


def node_pid():
    return int(node("pid"))


def kill_node():
    """SIGKILL the node, as a crash or the OOM killer would, and wait until it is gone."""
    pid = node_pid()
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.fixture(scope="session")
def private_node():
    node("start")
    yield URL
    node("stop")


@pytest.fixture(autouse=True)
def on_private_node(app, private_node):
    """The session's app, and every process a test starts from its settings (gunicorn, the scheduler), on the private
    node for the length of one test."""
    config = app.config
    saved = app.extensions["search_client"], config["ELASTICSEARCH_URL"]
    config["ELASTICSEARCH_URL"] = private_node
    # The test's own set-up and checks wait longer than the site would: a node that has just come back from a kill
    # on a busy machine takes seconds to create an index.
    app.extensions["search_client"] = make_client(
        private_node, timeout_s=30, search_timeout_s=config["ELASTICSEARCH_SEARCH_TIMEOUT_S"],
        guard_settings=GuardSettings(threshold=config["SEARCH_BREAKER_THRESHOLD"], pause_s=config["SEARCH_BREAKER_PAUSE_S"],
                                     concurrent=config["SEARCH_MAX_CONCURRENT"]),
    )
    try:
        yield
    finally:
        if subprocess.run([str(ROOT / "scripts" / "elasticsearch.sh"), "status"], env=NODE_ENVIRONMENT,
                          capture_output=True).returncode != 0:
            node("start")  # a test that failed with the node down leaves it up for the next
        client = app.extensions["search_client"]
        client.indices.delete(index=f"{config['SEARCH_INDEX_PREFIX']}-*")
        app.extensions["search_client"], config["ELASTICSEARCH_URL"] = saved


@pytest.fixture
def figures(request, record_property):
    """report(**figures): keeps a scenario's figures for the terminal summary and the JUnit report."""
    def report(**values):
        for name, value in values.items():
            record_property(name, value)
        REPORTED.append((request.node.nodeid, values))
    return report


def pytest_terminal_summary(terminalreporter):
    if REPORTED:
        terminalreporter.section("fault suite figures")
        for test, values in REPORTED:
            terminalreporter.write_line(f"{test}: " + ", ".join(f"{name}={value}" for name, value in values.items()))
