"""Elasticsearch really stopped (the fault suite's own node): writes still commit, search says it is unavailable, and
the relay catches up after."""
from sqlalchemy import select

from jobmatch.extensions import db, search_client
from jobmatch.models import Vacancy
from jobmatch.services import search_index
from jobmatch.services import vacancy as vacancy_service
from jobmatch.services.errors import SearchUnavailable
from search.client import is_healthy
from search.indexes import indexed_versions
from tests.factories import make_account, make_employer, make_vacancy
from tests.faults.conftest import node


def test_nothing_is_lost_while_elasticsearch_is_down(client, indexes):
    employer = make_employer()
    before = make_vacancy(employer, title="Thợ mộc")
    search_index.relay_outbox(refresh=True)

    node("stop")
    try:
        assert not is_healthy(search_client())
        during = make_vacancy(employer, title="Thợ sơn")
        owner = make_account("employer", employer_id=employer.id)
        vacancy_service.update_vacancy(actor=owner, vacancy_id=before.id, fields={"title": "Thợ mộc dân dụng"})
        assert db.session.scalar(select(Vacancy.title).where(Vacancy.id == during.id)) == "Thợ sơn"

        api = client.get("/api/v1/vacancies/search", query_string={"q": "tho"})
        assert api.status_code == 503
        assert api.get_json()["code"] == 503 and api.get_json()["message"]
        page = client.get("/?q=tho")
        assert page.status_code == 503
        assert "Chức năng tìm kiếm tạm thời gián đoạn" in page.get_data(as_text=True)

        try:
            search_index.relay_outbox()
            raise AssertionError("the relay should report Elasticsearch as unavailable")
        except SearchUnavailable:
            pass
        assert search_index.pending_outbox_count() == 2
    finally:
        node("start")

    search_index.relay_outbox(refresh=True)
    assert search_index.pending_outbox_count() == 0
    assert indexed_versions(search_client(), indexes.vacancies) == {str(before.id): 2, str(during.id): 1}
    titles = [hit["vacancy"]["title"] for hit in client.get("/api/v1/vacancies/search?q=tho").get_json()["items"]]
    assert sorted(titles) == ["Thợ mộc dân dụng", "Thợ sơn"]
