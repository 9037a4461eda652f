"""Full rebuilds under load and after a kill: the final catch-up stops at the outbox's high-water mark instead of
relaying until it happens to find the outbox empty (it ran 215 s under 30 writes a second), and the indexes of
interrupted rebuilds are removed by the next rebuild or by `flask search setup`."""
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import select

from jobmatch.extensions import db, search_client
from jobmatch.models import Vacancy
from jobmatch.services import search_index
from search.indexes import indexed_versions, indexes_behind
from tests.factories import make_employer, vacancy_fields

ROOT = Path(__file__).resolve().parents[2]
WRITES_PER_S = 30
WRITES_FOR_AT_MOST_S = 60  # the old catch-up ended only once the writes did


def many_vacancies(count):
    employer = make_employer()
    db.session.add_all(Vacancy(employer_id=employer.id, status="open", **vacancy_fields(title=f"Thợ hàn số {n}")) for n in range(count))
    db.session.commit()
    return db.session.scalars(select(Vacancy.id)).all()


def test_a_rebuild_under_steady_writes_ends_and_leaves_nothing_stale(app, indexes):
    ids = many_vacancies(300)
    search_index.relay_outbox()
    started = time.monotonic()
    search_index.rebuild_index(entity_name="vacancy")
    idle_s = time.monotonic() - started
    writing, written = threading.Event(), []

    def write():
        rng = random.Random(7)
        next_at = time.monotonic()
        until = next_at + WRITES_FOR_AT_MOST_S
        with app.app_context():
            while writing.is_set() and time.monotonic() < until:
                vacancy = db.session.get(Vacancy, rng.choice(ids))
                vacancy.title = f"Thợ hàn bậc {len(written)}"
                db.session.commit()
                written.append(time.monotonic())
                next_at += 1 / WRITES_PER_S  # paced to the clock: the time a write takes is not added to each gap
                time.sleep(max(0.0, next_at - time.monotonic()))
            db.session.remove()

    writer = threading.Thread(target=write)
    writing.set()
    writer.start()
    try:
        time.sleep(1)
        started = time.monotonic()
        search_index.rebuild_index(entity_name="vacancy")
        loaded_s = time.monotonic() - started
        still_writing = writer.is_alive()
        time.sleep(1)
    finally:
        writing.clear()
        writer.join(timeout=60)
    search_index.relay_outbox()  # the scheduler's relay, for the writes after the rebuild's mark
    search_client().indices.refresh(index=indexes.vacancies)
    rate = sum(started <= at <= started + loaded_s for at in written) / loaded_s
    print(f"rebuild of 300 vacancies: {idle_s:.1f} s idle, {loaded_s:.1f} s under {rate:.0f} writes a second")
    assert still_writing and rate > WRITES_PER_S / 3
    assert loaded_s < max(10, 3 * idle_s)
    database = {str(vacancy_id): version for vacancy_id, version in db.session.execute(select(Vacancy.id, Vacancy.version))}
    assert indexed_versions(search_client(), indexes.vacancies) == database


def rebuild_killed_while_loading(app, alias):
    """A real `flask search rebuild` process, killed (SIGKILL) as soon as its new index exists; returns that index."""
    environment = {**os.environ, "FLASK_APP": "wsgi", "JOBMATCH_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
                   "JOBMATCH_SEARCH_INDEX_PREFIX": app.config["SEARCH_INDEX_PREFIX"],
                   "JOBMATCH_ELASTICSEARCH_URL": app.config["ELASTICSEARCH_URL"]}
    rebuild = subprocess.Popen([sys.executable, "-m", "flask", "search", "rebuild", "--entity", "vacancy"], cwd=ROOT,
                               env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = search_client()
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and rebuild.poll() is None:
            loading = set(client.indices.get_alias(index=f"{alias}-*")) - set(indexes_behind(client, alias))
            if loading:
                os.kill(rebuild.pid, signal.SIGKILL)
                rebuild.wait()
                return loading.pop()
            time.sleep(0.02)
    finally:
        if rebuild.poll() is None:
            rebuild.kill()
            rebuild.wait()
    raise AssertionError(f"the rebuild ended (status {rebuild.returncode}) before it could be killed while loading")


def test_indexes_left_by_killed_rebuilds_are_removed_by_setup_or_the_next_rebuild(app, indexes):
    many_vacancies(1500)
    client = search_client()
    serving = indexes_behind(client, indexes.vacancies)
    first = rebuild_killed_while_loading(app, indexes.vacancies)
    assert client.indices.exists(index=first) and first not in indexes_behind(client, indexes.vacancies)
    assert indexes_behind(client, indexes.vacancies) == serving  # searches still read the index they read before

    kept = app.test_cli_runner().invoke(args=["search", "setup"])
    assert kept.exit_code == 0 and "Removed" not in kept.output  # made a moment ago: it may still be loading
    assert client.indices.exists(index=first)
    removed = app.test_cli_runner().invoke(args=["search", "setup", "--strays-older-than", "0"])
    assert f"Removed {first}, left by an interrupted rebuild." in removed.output
    assert not client.indices.exists(index=first)

    second = rebuild_killed_while_loading(app, indexes.vacancies)
    result = search_index.rebuild_index(entity_name="vacancy")
    assert not client.indices.exists(index=second)
    assert set(client.indices.get_alias(index=f"{indexes.vacancies}-*")) == {result["index"]}
