"""Elasticsearch SIGKILLed three times while several API clients write through a real gunicorn, with the real
scheduler process relaying the outbox, in the spirit of Jepsen (issue 15, item 7): every acknowledged write is in the
index at its latest version within 60 s of the node's return, and no 5xx but the documented 503 (database busy)."""
import json
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from jobmatch.extensions import db, search_client, search_indexes
from jobmatch.models import Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from jobmatch.services import search_index
from tests.factories import make_account, make_employer, make_vacancy, vacancy_fields
from tests.faults.conftest import kill_node, node
from tests.faults.test_search_freeze import site_served
from tests.jobs.test_scheduler import start_scheduler

WRITERS = 4
VACANCIES_PER_WRITER = 3
KILLS = 3
CONVERGE_WITHIN_S = 60


def put_vacancy(site, token, vacancy_id, title):
    """The status of one API write; None when nothing answered."""
    body = {**vacancy_fields(title=title), "deadline": (vietnam_today() + timedelta(days=30)).isoformat()}
    request = urllib.request.Request(
        f"{site}/api/v1/vacancies/{vacancy_id}", data=json.dumps(body).encode(), method="PUT",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code
    except urllib.error.URLError:
        return None


def index_against_database():
    """(the database's {id: (version, title)}, the index's {id: (version, title)}) of every vacancy."""
    db.session.rollback()
    rows = {str(row.id): (row.version, row.title) for row in db.session.execute(select(Vacancy.id, Vacancy.version, Vacancy.title))}
    client, alias = search_client(), search_indexes().vacancies
    client.indices.refresh(index=alias)
    # A search after a refresh: what the site's searches see.
    found = client.options(request_timeout=30).search(index=alias, size=len(rows) + 10, version=True, _source=["title"])
    return rows, {hit["_id"]: (hit["_version"], hit["_source"]["title"]) for hit in found["hits"]["hits"]}


def test_every_acknowledged_write_reaches_the_index_across_three_kills_of_elasticsearch(app, indexes, tmp_path, figures):
    employer = make_employer()
    owner = make_account("employer", employer_id=employer.id)
    token = account_service.create_api_token(actor=owner, name="faults")[1]
    owned = [[make_vacancy(employer, title=f"Thợ hàn {writer}-{number}").id for number in range(VACANCIES_PER_WRITER)]
             for writer in range(WRITERS)]
    search_index.relay_outbox(refresh=True)
    acknowledged, statuses, counting, writing = {}, Counter(), threading.Lock(), threading.Event()

    def write(site, vacancy_ids):
        edit = 0
        while writing.is_set():
            for vacancy_id in vacancy_ids:  # one writer per vacancy: its last acknowledged title is the latest
                edit += 1
                title = f"Thợ hàn {vacancy_id} lần {edit}"
                status = put_vacancy(site, token, vacancy_id, title)
                with counting:
                    statuses[status] += 1
                if status == 200:
                    acknowledged[vacancy_id] = title
            time.sleep(0.05)

    restarts = []
    with site_served(app, tmp_path) as site:
        scheduler = start_scheduler(app, SEARCH_RELAY_INTERVAL_S=1)
        writers = [threading.Thread(target=write, args=(site, vacancy_ids)) for vacancy_ids in owned]
        writing.set()
        try:
            for writer in writers:
                writer.start()
            for _ in range(KILLS):
                time.sleep(3)  # the relay writes to the node that came back
                kill_node()
                killed_at = time.monotonic()
                node("start")  # returns once the node answers healthy
                restarts.append(time.monotonic() - killed_at)
            time.sleep(1)
        finally:
            writing.clear()
            for writer in writers:
                writer.join(timeout=120)
        back = time.monotonic()
        try:
            while True:
                rows, indexed = index_against_database()
                stale = sorted(vacancy_id for vacancy_id, row in rows.items() if indexed.get(vacancy_id) != row)
                if not stale or time.monotonic() - back > CONVERGE_WITHIN_S:
                    break
                time.sleep(0.5)
            converged_s = time.monotonic() - back
        finally:
            scheduler.terminate()
            output = scheduler.communicate(timeout=90)[0]

    lost = sorted(vacancy_id for vacancy_id, title in acknowledged.items() if rows[str(vacancy_id)][1] != title)
    server_errors = {status: count for status, count in statuses.items() if status is None or (status >= 500 and status != 503)}
    figures(writes_acknowledged=statuses[200], writes_answered_503=statuses[503], other_5xx_or_no_answer=sum(server_errors.values()),
            lost=len(lost), stale=len(stale), seconds_to_converge=round(converged_s, 1),
            node_restart_s=" ".join(f"{seconds:.0f}" for seconds in restarts))
    assert statuses[200] >= WRITERS * VACANCIES_PER_WRITER * 2, statuses  # the writers kept writing through the kills
    assert server_errors == {} and set(statuses) <= {200, 503}, (statuses, output[-3000:])
    assert lost == []
    assert stale == [], ([(vacancy_id, rows[vacancy_id], indexed.get(vacancy_id)) for vacancy_id in stale[:5]], output[-3000:])
    assert converged_s < CONVERGE_WITHIN_S
