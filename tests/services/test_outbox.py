"""Several relays against one outbox, for real: each in its own thread, database connection and Elasticsearch client.

Relay A is paused inside its bulk write by an HTTP hop in front of Elasticsearch that holds its bulk request, the point
where a relay has read the outbox and not yet deleted what it sent; everything else runs as in production.
"""
import http.client
import random
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from sqlalchemy import select

from jobmatch import create_app
from jobmatch.extensions import db, search_client, search_indexes
from jobmatch.models import Account, SearchOutbox, Vacancy
from jobmatch.services import search_index
from jobmatch.services import vacancy as vacancy_service
from search.indexes import indexed_versions
from tests.factories import make_account, make_employer, make_vacancy, vacancy_fields

# Headers of a hop, not of the message: http.client and the server set their own.
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class _ForwardingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _forward(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        proxy = self.server.proxy
        if "/_bulk" in self.path and not proxy.entered.is_set():
            proxy.entered.set()
            proxy.released.wait(timeout=30)
        upstream = http.client.HTTPConnection(proxy.upstream.hostname, proxy.upstream.port, timeout=30)
        headers = {name: value for name, value in self.headers.items() if name.lower() not in HOP_HEADERS}
        upstream.request(self.command, self.path, body=body or None, headers=headers)
        response = upstream.getresponse()
        content = response.read()
        upstream.close()
        self.send_response(response.status)
        for name, value in response.getheaders():
            if name.lower() not in HOP_HEADERS:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward  # noqa: N815 (http.server's handler names)

    def log_message(self, format, *args):
        pass


class PausingProxy:
    """Forwards every request to Elasticsearch, but holds the first bulk request until `released` is set."""

    def __init__(self, upstream_url):
        self.upstream = urlsplit(upstream_url)
        self.entered, self.released = threading.Event(), threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _ForwardingHandler)
        self.server.daemon_threads = True
        self.server.proxy = self
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


@contextmanager
def pausing_proxy(upstream_url):
    proxy = PausingProxy(upstream_url)
    serving = threading.Thread(target=proxy.server.serve_forever, daemon=True)
    serving.start()
    try:
        yield proxy
    finally:
        proxy.released.set()
        proxy.server.shutdown()
        proxy.server.server_close()


@contextmanager
def second_instance(app, elasticsearch_url):
    """Another instance of the application with the same settings (database, indexes), as a second scheduler or a
    rebuild has, that reaches Elasticsearch at this address."""
    other = create_app({**app.config, "ELASTICSEARCH_URL": elasticsearch_url, "ELASTICSEARCH_TIMEOUT_S": 30})
    try:
        yield other
    finally:
        with other.app_context():
            db.engine.dispose()


class Worker(threading.Thread):
    """A thread that runs `work` in its own app context (its own session and connection) and keeps what it raised."""

    def __init__(self, app, work):
        super().__init__(daemon=True)
        self.app, self.work, self.error, self.result = app, work, None, None

    def run(self):
        with self.app.app_context():
            try:
                self.result = self.work()
            except Exception as error:  # re-raised by finish(), in the test's own thread
                self.error = error
            finally:
                db.session.remove()

    def finish(self, timeout=60):
        self.join(timeout)
        assert not self.is_alive(), "the worker did not finish in time"
        if self.error:
            raise self.error
        return self.result


def outbox():
    return [(row.entity, row.entity_id, row.version) for row in db.session.scalars(select(SearchOutbox).order_by(SearchOutbox.id))]


def index_matches_database():
    """(documents whose version differs from the row's or that should not exist, how many rows are indexable)."""
    entity = search_index.ENTITIES["vacancy"]
    alias = entity.alias_of(search_indexes())
    search_client().indices.refresh(index=alias)
    database = {str(vacancy_id): version for vacancy_id, version in
                db.session.execute(select(Vacancy.id, Vacancy.version).where(entity.indexable))}
    index = indexed_versions(search_client(), alias)
    differing = {vacancy_id for vacancy_id in database.keys() | index.keys() if database.get(vacancy_id) != index.get(vacancy_id)}
    return sorted(differing), len(database)


def test_outbox_ids_are_never_handed_out_again(indexes):
    make_vacancy()
    highest = db.session.scalar(select(SearchOutbox.id))
    search_index.relay_outbox()
    assert outbox() == []
    make_vacancy()
    # A relay still holding `highest` from its read must not be able to delete this row with it.
    assert db.session.scalar(select(SearchOutbox.id)) > highest


def test_a_relay_paused_in_its_bulk_write_removes_only_the_rows_it_sent(app, indexes):
    employer = make_employer()
    vacancies = [make_vacancy(employer, title=title) for title in ("Thợ hàn", "Thợ điện", "Thợ mộc")]
    owner = make_account("employer", employer_id=employer.id)
    with pausing_proxy(app.config["ELASTICSEARCH_URL"]) as proxy, second_instance(app, proxy.url) as other:
        relay_a = Worker(other, search_index.relay_outbox)
        relay_a.start()
        assert proxy.entered.wait(timeout=30), "relay A never sent its bulk request"
        # Relay A has read the three rows and waits inside its bulk write; relay B (a second scheduler, a rebuild's
        # last relay) sends and deletes them, then a new write comes in.
        search_index.relay_outbox(refresh=True)
        assert outbox() == []
        vacancy_service.update_vacancy(actor=owner, vacancy_id=vacancies[0].id, fields={"title": "Thợ hàn TIG"})
        proxy.released.set()
        report = relay_a.finish()
    assert report.failed == 0
    search_index.relay_outbox(refresh=True)  # the scheduler's next run
    db.session.expire_all()
    # Relay A deleted the three rows it sent, not the new write's: that change reached the index, in A's next batch or
    # in this run, and no row is left behind.
    assert outbox() == []
    assert index_matches_database() == ([], 3)


def _write_for(employer_id, writes, seed):
    """A stream of an employer's `writes` writes: edits, new vacancies, deletions; returns how many committed. A count,
    not a time: a cold process (the first write loads the rules' tables) or a busy machine writes fewer a second."""
    rng, acknowledged = random.Random(seed), 0
    owner = db.session.scalars(select(Account).where(Account.employer_id == employer_id)).one()
    own = list(db.session.scalars(select(Vacancy.id).where(Vacancy.employer_id == employer_id)))
    for _ in range(writes):
        draw = rng.random()
        if draw < 0.15 or not own:
            own.append(vacancy_service.post_vacancy(actor=owner, fields={**vacancy_fields(title="Phụ bếp"), "publish": True}).id)
        elif draw < 0.25:
            vacancy_service.delete_vacancy(actor=owner, vacancy_id=own.pop(rng.randrange(len(own))))
        else:
            vacancy_id = rng.choice(own)
            vacancy_service.update_vacancy(actor=owner, vacancy_id=vacancy_id, fields={"title": f"Thợ hàn bậc {rng.randint(1, 7)}"})
        acknowledged += 1
    return acknowledged


def _relay_until(writers_done):
    """A relay as the scheduler runs it, again and again, until the writers are done and the outbox is empty."""
    runs = 0
    while not (writers_done.is_set() and search_index.pending_outbox_count() == 0):
        search_index.relay_outbox()
        db.session.rollback()  # the next count sees what was committed meanwhile
        runs += 1
    return runs


def test_two_relays_under_writes_leave_the_index_equal_to_the_database(app, indexes):
    employers = [make_employer(name=f"Công ty số {number}") for number in range(3)]
    for employer in employers:
        make_account("employer", employer_id=employer.id)
        for _ in range(5):
            make_vacancy(employer)
    writers_done = threading.Event()
    relays = [Worker(app, lambda: _relay_until(writers_done)) for _ in range(2)]
    writers = [Worker(app, lambda employer_id=employer.id, seed=seed: _write_for(employer_id, 25, seed))
               for seed, employer in enumerate(employers)]
    for worker in relays + writers:
        worker.start()
    acknowledged = sum(writer.finish() for writer in writers)
    writers_done.set()
    runs = [relay.finish() for relay in relays]
    print(f"two relays: {acknowledged} writes acknowledged, relay runs {runs}")
    assert acknowledged == 75 and all(runs)
    db.session.expire_all()
    assert outbox() == []
    differing, indexable = index_matches_database()
    assert differing == [] and indexable > 0
