"""The readiness endpoint (/healthz): the database and Elasticsearch reachable, each with its timing, and never a
search (the old readiness check loaded the home page, which searches: it waited with every search on a frozen node)."""
from jobmatch.extensions import search_client
from tests.busy_database import app_with


def searches_made(indexes):
    return search_client().indices.stats(index=f"{indexes.prefix}-*", metric="search")["_all"]["total"]["search"]["query_total"]


def test_health_reports_the_database_and_search_with_timings_and_searches_nothing(client, indexes):
    before = searches_made(indexes)
    answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.headers["Cache-Control"] == "no-store"
    health = answer.get_json()
    assert health["status"] == "ok"
    assert health["database"]["reachable"] is True and 0 <= health["database"]["ms"] < 1000
    assert health["search"]["reachable"] is True and health["search"]["detail"] in ("green", "yellow")
    assert 0 <= health["search"]["ms"] < 1000
    assert searches_made(indexes) == before


def test_without_search_the_instance_serves_degraded_and_without_its_database_it_is_not_ready(app):
    with app_with(app, ELASTICSEARCH_URL="http://127.0.0.1:9") as searchless:  # nothing listens on port 9
        answer = searchless.test_client().get("/healthz")
    assert answer.status_code == 200
    assert answer.get_json()["status"] == "degraded" and answer.get_json()["search"]["reachable"] is False
    with app_with(app, SQLALCHEMY_DATABASE_URI="sqlite:////nonexistent/jobmatch.db") as databaseless:
        answer = databaseless.test_client().get("/healthz")
    assert answer.status_code == 503
    assert answer.get_json()["status"] == "unavailable" and answer.get_json()["database"]["reachable"] is False
