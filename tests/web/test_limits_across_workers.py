"""The sign-in limits counted across workers: the app served by real gunicorn with two worker processes, as `make run`
serves it, on this test's database and the real Redis, and 30 sign-ins sent at once; the answers are counted exactly,
and the access log shows that both workers answered."""
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.factories import PASSWORD, make_account, make_centre

ATTEMPTS = 30
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Site:
    """The app under gunicorn on a free port; the access log names the worker process that answered each request."""

    def __init__(self, app, log_dir, **settings):
        self.url = f"http://127.0.0.1:{free_port()}"
        self.access_log = log_dir / "access.log"
        config = {
            "SECRET_KEY": app.config["SECRET_KEY"],  # both workers sign and check the same session cookies
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "SEARCH_INDEX_PREFIX": app.config["SEARCH_INDEX_PREFIX"],
            "RATELIMIT_STORAGE_URI": app.config["RATELIMIT_STORAGE_URI"],
            "RATELIMIT_STORAGE_OPTIONS": app.config["RATELIMIT_STORAGE_OPTIONS"],  # this run's keys, reset after the test
            "SESSION_COOKIE_SECURE": False,
            "ARGON2_MEMORY_KIB": app.config["ARGON2_MEMORY_KIB"],
            "PROXY_HOPS": 1,  # so that each request can come from an address of its own (X-Forwarded-For)
            **settings,
        }
        self.process = subprocess.Popen(
            # Two worker processes, as `make run` starts; sync ones, which take one request at a time, so that a burst
            # spreads over both (one threaded worker may accept a whole burst by itself); the app loaded before they
            # fork, so that both are ready when the site first answers.
            [str(GUNICORN), "--bind", self.url.removeprefix("http://"), "--workers", "2", "--worker-class", "sync", "--preload",
             "--graceful-timeout", "5", "--access-logfile", str(self.access_log), "--access-logformat", "%(p)s %(m)s %(U)s %(s)s",
             "--error-logfile", str(log_dir / "error.log"), f"jobmatch:create_app({config!r})"],
            cwd=Path(__file__).resolve().parents[2],
        )
        try:
            self._wait_until_answering(log_dir)
        except BaseException:
            self.stop()
            raise

    def _wait_until_answering(self, log_dir):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/sign-in", timeout=10)
                return
            except OSError:  # refused while gunicorn binds, or slow while a worker imports the app
                assert self.process.poll() is None, (log_dir / "error.log").read_text()
                time.sleep(0.25)
        pytest.fail(f"gunicorn did not answer within 60 s: {(log_dir / 'error.log').read_text()}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()  # its workers notice their parent is gone and exit
            self.process.wait()

    def form_session(self):
        """A session cookie and the CSRF token of its sign-in form."""
        response = urllib.request.urlopen(f"{self.url}/sign-in", timeout=10)
        cookie = response.headers["Set-Cookie"].split(";")[0]
        token = re.search(r'name="csrf_token" value="([^"]+)"', response.read().decode()).group(1)
        return cookie, token

    def post(self, path, form, cookie, address=None):
        return self.answer(path, form, cookie, address)[0]

    def answer(self, path, form, cookie, address=None):
        """The status, headers and page of a form posted; redirects are not followed."""
        request = urllib.request.Request(f"{self.url}{path}", data=urllib.parse.urlencode(form).encode(), headers={
            "Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", **({"X-Forwarded-For": address} if address else {}),
        })
        opener = urllib.request.build_opener(NoRedirects)
        try:
            with opener.open(request, timeout=60) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def workers_that_answered(self, path):
        """{worker pid: how many POSTs to the path it answered}."""
        time.sleep(0.5)  # a worker writes its log line after sending the answer
        lines = [line.split() for line in self.access_log.read_text().splitlines()]
        return Counter(pid for pid, method, logged_path, _status in lines if method == "POST" and logged_path == path)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def site(app, tmp_path):
    site = Site(app, tmp_path)
    yield site
    site.stop()


def all_at_once(send, count=ATTEMPTS):
    """Send `count` requests from as many threads, released together, and return their statuses."""
    start = threading.Barrier(count)

    def one(number):
        start.wait()
        return send(number)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))


def test_ten_sign_ins_a_minute_per_address_hold_across_two_workers(site):
    email = make_account("officer", centre_id=make_centre().id).email
    cookie, token = site.form_session()
    answers = all_at_once(lambda number: site.post(
        "/sign-in", {"csrf_token": token, "login": f"ai-do-{number}@example.vn", "password": "sai mật khẩu"}, cookie
    ))
    workers = site.workers_that_answered("/sign-in")
    print(f"{ATTEMPTS} sign-ins at once from one address: {answers.count(422)} answered 422, {answers.count(429)} 429; "
          f"requests per worker {sorted(workers.values())}")
    assert (answers.count(422), answers.count(429), len(answers)) == (10, 20, ATTEMPTS)  # RATELIMIT_SIGN_IN: 10 per minute
    assert len(workers) == 2
    # The right password gets no further while the limit holds, on either worker.
    right = {"csrf_token": token, "login": email, "password": PASSWORD}
    assert [site.post("/sign-in", right, cookie) for _ in range(4)] == [429] * 4


def test_five_guesses_per_account_hold_across_two_workers_and_any_number_of_addresses(site):
    email = make_account("officer", centre_id=make_centre().id).email
    cookie, token = site.form_session()
    answers = all_at_once(lambda number: site.post(
        "/sign-in", {"csrf_token": token, "login": email, "password": "sai mật khẩu"}, cookie, address=f"10.3.0.{number + 1}"
    ))
    workers = site.workers_that_answered("/sign-in")
    print(f"{ATTEMPTS} wrong passwords at once for one account from {ATTEMPTS} addresses: {answers.count(422)} answered 422, "
          f"{answers.count(429)} 429; requests per worker {sorted(workers.values())}")
    assert (answers.count(422), answers.count(429), len(answers)) == (5, 25, ATTEMPTS)  # BACKOFF_FREE_GUESSES: 5
    assert len(workers) == 2


def test_without_redis_a_limited_form_answers_503_and_lets_no_attempt_through(app, tmp_path):
    """Nothing listens on port 9 here: the sign-in is refused for now, not let through uncounted; other pages work."""
    email = make_account("officer", centre_id=make_centre().id).email
    site = Site(app, tmp_path, RATELIMIT_STORAGE_URI="redis://127.0.0.1:9/0")
    try:
        cookie, token = site.form_session()  # the form itself has no limit and is served
        status, headers, page = site.answer("/sign-in", {"csrf_token": token, "login": email, "password": PASSWORD}, cookie)
        assert (status, headers["Retry-After"]) == (503, "5")
        assert "Tạm thời chưa thể làm việc này." in page
    finally:
        site.stop()
