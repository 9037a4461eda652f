"""Saved searches and their alerts against the real Elasticsearch: only what is new since the last run, never the
same vacancy twice, matches only when they really fit, one-click unsubscribing."""
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from jobmatch.extensions import db
from jobmatch.models import Notification, SavedSearch
from jobmatch.rules.clock import utc_now
from jobmatch.services import saved_search as saved_search_service
from jobmatch.services import search_index
from jobmatch.services.errors import InvalidRequest
from tests.factories import make_account, make_employer, make_job_seeker, make_vacancy


@pytest.fixture
def seeker(indexes):
    job_seeker = make_job_seeker(desired_isco_codes=["7212"], skills=["hàn TIG"])
    return make_account("job_seeker", job_seeker_id=job_seeker.id)


def later(**fields):
    """A vacancy posted a second after now: after the saved search's last check, whatever the clock's resolution."""
    vacancy = make_vacancy(make_employer(), posted_at=utc_now() + timedelta(seconds=1), **fields)
    search_index.relay_outbox(refresh=True)
    return vacancy


def alerts(account):
    return db.session.scalars(select(Notification).where(Notification.account_id == account.id,
                                                         Notification.kind == "saved_search_alert")).all()


def test_a_saved_search_announces_each_new_vacancy_once(seeker):
    make_vacancy(make_employer(), title="Thợ hàn cũ", isco_code="7212")
    search_index.relay_outbox(refresh=True)
    saved = saved_search_service.save_search(actor=seeker, kind="search", name=None, criteria={"q": "tho han", "province": "01"})
    new = later(title="Thợ hàn TIG", isco_code="7212")
    later(title="Kế toán", isco_code="2411")

    report = saved_search_service.send_alerts()
    assert (report.searches, report.notified, report.vacancies) == (1, 1, 1)
    [alert] = alerts(seeker)
    assert alert.params["count"] == 1 and alert.params["titles"] == "Thợ hàn TIG"
    assert alert.params["unsubscribe"] == f"/alerts/{saved.unsubscribe_token}/unsubscribe"
    assert alert.link.startswith("/?") and "tho+han" in alert.link

    # A second run finds nothing new; a run looking back over the same window (a retried run, a restored
    # database) does not announce the same vacancy twice.
    assert saved_search_service.send_alerts().notified == 0
    db.session.execute(update(SavedSearch).values(checked_until=SavedSearch.created_at))
    db.session.commit()
    assert saved_search_service.send_alerts().notified == 0
    assert [alert.params["titles"] for alert in alerts(seeker)] == [new.title]


def test_alerts_from_matches_need_a_real_fit(seeker):
    saved_search_service.save_search(actor=seeker, kind="matches", name=None, criteria={"q": "ignored"})
    fitting = later(title="Thợ hàn kết cấu", isco_code="7212", skills=["hàn TIG"])
    later(title="Kế toán thuế", isco_code="2411", skills=["MISA"])
    report = saved_search_service.send_alerts()
    assert report.vacancies == 1
    [alert] = alerts(seeker)
    assert alert.params["titles"] == fitting.title and alert.link == "/me/matches"


def test_unsubscribing_stops_the_alerts(seeker, client):
    saved = saved_search_service.save_search(actor=seeker, kind="search", name="Hàn", criteria={"q": "han"})
    # One click from a mail program: a POST without any form token.
    response = client.post(f"/alerts/{saved.unsubscribe_token}/unsubscribe")
    assert response.status_code == 200 and "Hàn" in response.get_data(as_text=True)
    later(title="Thợ hàn", isco_code="7212")
    assert saved_search_service.send_alerts().searches == 0
    assert client.get("/alerts/not-a-token/unsubscribe").status_code == 404


def test_a_search_without_criteria_or_with_an_unknown_place_is_refused_and_nothing_stored(seeker):
    with pytest.raises(InvalidRequest) as empty:
        saved_search_service.save_search(actor=seeker, kind="search", name=None, criteria={"sort": "newest"})
    assert empty.value.field == "criteria"
    with pytest.raises(InvalidRequest) as unknown:
        saved_search_service.save_search(actor=seeker, kind="search", name=None, criteria={"place": "Atlantis"})
    assert unknown.value.field == "place"
    assert db.session.scalar(select(db.func.count()).select_from(SavedSearch)) == 0


def test_a_vacancy_indexed_late_is_still_announced_and_only_once(seeker):
    saved = saved_search_service.save_search(actor=seeker, kind="search", name=None, criteria={"q": "tho han"})
    late = make_vacancy(make_employer(), title="Thợ hàn ống", isco_code="7212", posted_at=utc_now() + timedelta(seconds=1))
    assert saved_search_service.send_alerts().notified == 0  # not in the index yet when the job ran
    search_index.relay_outbox(refresh=True)
    db.session.execute(update(SavedSearch).values(checked_until=utc_now() + timedelta(hours=1)))  # a later run
    db.session.commit()
    assert saved_search_service.send_alerts().vacancies == 1
    assert saved_search_service.send_alerts().notified == 0
    assert [alert.params["titles"] for alert in alerts(seeker)] == [late.title] and saved.id
