"""Elasticsearch frozen (SIGSTOP, the fault suite's own node) for 10 s while people search, on a real gunicorn worker
(4 threads): pages that do not search keep their speed, searches answer 503 quickly once the circuit is open, and search
comes back by itself after the node resumes. Before, every search waited the full 5 s timeout and took all the worker's
threads with it."""
import os
import signal
import statistics
import subprocess
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from jobmatch.services import search_index
from tests.factories import make_vacancy
from tests.faults.conftest import node_pid
from tests.test_processes import free_port

ROOT = Path(__file__).resolve().parents[2]
FREEZE_S = 10
SEARCH_TIMEOUT_S = 1
PAUSE_S = 3
SEARCHERS = 6


def fetch(url):
    """(seconds, status) of one GET; the status is None when nothing answered."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            answer.read()
            status = answer.status
    except urllib.error.HTTPError as error:
        status = error.code
    except urllib.error.URLError:
        status = None  # no connection
    return time.perf_counter() - started, status


def percentile(values, share):
    return sorted(values)[min(len(values) - 1, int(share * len(values)))] if values else None


@contextmanager
def site_served(app, tmp_path, **settings):
    """The app in a real gunicorn worker with 4 threads, as each production worker runs, on the suite's database (and
    some JOBMATCH_* settings of its own)."""
    port = free_port()
    environment = {
        **os.environ, "FLASK_APP": "wsgi", "JOBMATCH_SECRET_KEY": "test-secret", "JOBMATCH_SECURE_COOKIES": "0",
        "JOBMATCH_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "JOBMATCH_SEARCH_INDEX_PREFIX": app.config["SEARCH_INDEX_PREFIX"],
        "JOBMATCH_ELASTICSEARCH_URL": app.config["ELASTICSEARCH_URL"],
        "JOBMATCH_ELASTICSEARCH_SEARCH_TIMEOUT_S": str(SEARCH_TIMEOUT_S), "JOBMATCH_SEARCH_BREAKER_PAUSE_S": str(PAUSE_S),
        **{f"JOBMATCH_{name}": str(value) for name, value in settings.items()},
    }
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--worker-class", "gthread", "--workers", "1",
         "--threads", "4", "--control-socket", str(tmp_path / "gunicorn.ctl"), "--error-logfile", str(tmp_path / "web.log"),
         "wsgi:app"],
        cwd=ROOT, env=environment,
    )
    site = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and fetch(site + "/healthz")[1] != 200:
            time.sleep(0.3)
        yield site
    finally:
        server.terminate()
        server.wait(timeout=60)


def freeze_under_load(site, vacancy):
    """Searchers and a page prober at work; the node frozen FREEZE_S, then thawed until a search succeeds again.
    Returns the pages and searches as (started, seconds, status), the moments of freezing and thawing."""
    node = node_pid()
    pages, searches, running = [], [], threading.Event()

    def probe_pages():
        while running.is_set():
            for path in ("/sign-in", f"/vacancies/{vacancy.id}"):
                pages.append((time.monotonic(), *fetch(site + path)))
            time.sleep(0.1)

    def search():
        while running.is_set():
            for path in ("/?q=tho+han", "/api/v1/vacancies/search?q=tho+han"):
                searches.append((time.monotonic(), *fetch(site + path)))

    running.set()
    workers = [threading.Thread(target=probe_pages)] + [threading.Thread(target=search) for _ in range(SEARCHERS)]
    for worker in workers:
        worker.start()
    try:
        time.sleep(2)
        os.kill(node, signal.SIGSTOP)
        frozen_at = time.monotonic()
        try:
            time.sleep(FREEZE_S)
        finally:
            os.kill(node, signal.SIGCONT)
        thawed_at = time.monotonic()
        deadline = thawed_at + 30
        while time.monotonic() < deadline and not [status for at, _, status in searches if at > thawed_at and status == 200]:
            time.sleep(0.2)
    finally:
        running.clear()
        os.kill(node, signal.SIGCONT)
        for worker in workers:
            worker.join(timeout=60)
    return pages, searches, frozen_at, thawed_at


def test_a_frozen_elasticsearch_slows_no_page_that_does_not_search(app, indexes, tmp_path, figures):
    vacancy = make_vacancy(title="Thợ hàn")
    search_index.relay_outbox(refresh=True)
    with site_served(app, tmp_path) as site:
        deadline = time.monotonic() + 60  # a node just restarted by another fault test warms up first
        while fetch(site + "/?q=tho+han")[1] != 200 and time.monotonic() < deadline:
            time.sleep(1)
        for path in ("/?q=tho+han", "/sign-in", f"/vacancies/{vacancy.id}"):
            assert fetch(site + path)[1] == 200, path
        pages, searches, frozen_at, thawed_at = freeze_under_load(site, vacancy)

    before = [seconds for at, seconds, _ in pages if at < frozen_at]
    during = [seconds for at, seconds, _ in pages if frozen_at <= at < thawed_at]
    searched = [(at, seconds, status) for at, seconds, status in searches if frozen_at <= at < thawed_at]
    # Once the circuit is open, a search is refused without waiting for the node.
    refused_at_once = [seconds for at, seconds, status in searched if at > frozen_at + 3 * SEARCH_TIMEOUT_S]
    recovered = min((at for at, _, status in searches if at > thawed_at and status == 200), default=None)
    print(f"pages before the freeze: p50 {statistics.median(before):.3f} s, p95 {percentile(before, 0.95):.3f} s; "
          f"during the {FREEZE_S} s freeze: p50 {statistics.median(during):.3f} s, p95 {percentile(during, 0.95):.3f} s, "
          f"max {max(during):.3f} s ({len(during)} pages); searches during it: {len(searched)}, "
          f"{sum(status == 503 for _, _, status in searched)} answered 503, p50 {statistics.median(s for _, s, _ in searched):.3f} s, "
          f"max {max(s for _, s, _ in searched):.3f} s; once the circuit was open p95 {percentile(refused_at_once, 0.95):.3f} s; "
          f"search back {recovered - thawed_at if recovered else float('nan'):.1f} s after the node resumed")
    figures(frozen_s=FREEZE_S, pages_while_frozen=len(during), page_p50_frozen_s=round(statistics.median(during), 3),
            page_p95_frozen_s=round(percentile(during, 0.95), 3), page_p95_before_s=round(percentile(before, 0.95), 3),
            searches_while_frozen=len(searched), searches_503=sum(status == 503 for _, _, status in searched),
            search_back_after_s=round(recovered - thawed_at, 1) if recovered else None)
    assert len(during) >= 10 and all(status == 200 for _, _, status in pages)
    assert percentile(during, 0.95) < 1.0
    assert {status for _, _, status in searched} <= {200, 503} and sum(status == 503 for _, _, status in searched) >= 10
    assert max(seconds for _, seconds, _ in searched) < SEARCH_TIMEOUT_S + 2
    assert refused_at_once and percentile(refused_at_once, 0.95) < 0.3
    assert recovered is not None and recovered - thawed_at < PAUSE_S + SEARCH_TIMEOUT_S + 5
