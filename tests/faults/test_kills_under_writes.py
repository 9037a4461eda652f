"""The scheduler process SIGKILLed twice in the middle of relaying a large outbox (issue 15, item 7): once it runs
again, the index converges to the database, every document at its row's version."""
import os
import signal
import time

from sqlalchemy import select

from jobmatch.extensions import db, search_client
from jobmatch.models import Vacancy
from jobmatch.services import search_index
from search.indexes import indexed_versions
from tests.factories import HANOI_WARD, make_employer, vacancy_fields
from tests.jobs.test_scheduler import job_processes, start_scheduler

CONVERGE_WITHIN_S = 60
OUTBOX_ROWS = 2500
SCHEDULER_KILLS = 2


def test_the_index_converges_after_the_scheduler_is_killed_twice_mid_relay(app, indexes, figures):
    employer = make_employer()
    db.session.add_all(Vacancy(employer_id=employer.id, status="open", **vacancy_fields(title=f"Thợ may {number}", ward_code=HANOI_WARD))
                       for number in range(OUTBOX_ROWS))
    db.session.commit()
    pending_at_kills = []
    for kill in range(SCHEDULER_KILLS):
        if kill:  # a new version of every vacancy: the outbox is full again
            for vacancy in db.session.scalars(select(Vacancy)):
                vacancy.title += " (sửa)"
            db.session.commit()
        waiting = search_index.pending_outbox_count()
        db.session.rollback()
        scheduler = start_scheduler(app, SEARCH_RELAY_INTERVAL_S=1)
        try:
            deadline = time.monotonic() + 120
            # The relay works in batches of 1000 and commits each: once the first has left the outbox, the next is
            # being read, built or sent.
            while (pending := search_index.pending_outbox_count()) >= waiting and time.monotonic() < deadline:
                db.session.rollback()
                time.sleep(0.02)
            children = job_processes(scheduler)
            scheduler.kill()
            for pid in children:  # the unit's processes go with it, as systemd stops a unit
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        finally:
            scheduler.kill()
            scheduler.communicate(timeout=60)
        db.session.rollback()
        assert 0 < pending < waiting, "the scheduler was not killed in the middle of a relay"
        pending_at_kills.append(f"{pending}/{waiting}")

    started = time.monotonic()
    scheduler = start_scheduler(app, SEARCH_RELAY_INTERVAL_S=1)
    try:
        while True:
            db.session.rollback()
            database = {str(row.id): row.version for row in db.session.execute(select(Vacancy.id, Vacancy.version))}
            search_client().indices.refresh(index=indexes.vacancies)
            drift = {vacancy_id for vacancy_id, version in indexed_versions(search_client(), indexes.vacancies).items()
                     if database.get(vacancy_id) != version} | (set(database) - set(indexed_versions(search_client(), indexes.vacancies)))
            # Converged: the index is the database and nothing is left to send (a relay may still be deleting the
            # rows of changes it has just indexed).
            if (not drift and search_index.pending_outbox_count() == 0) or time.monotonic() - started > CONVERGE_WITHIN_S:
                break
            time.sleep(0.5)
        converged_s = time.monotonic() - started
    finally:
        scheduler.terminate()
        scheduler.communicate(timeout=90)
    figures(outbox_rows=OUTBOX_ROWS, pending_when_killed=" ".join(pending_at_kills), stale=len(drift),
            seconds_to_converge=round(converged_s, 1))
    assert drift == set()
    assert search_index.pending_outbox_count() == 0
