"""Index lifecycle against the real Elasticsearch node: aliases, atomic swaps, external versions."""
import uuid

import pytest
from elasticsearch import ConnectionError as SearchConnectionError

from jobmatch.extensions import search_client
from search.client import make_client
from search.indexes import (
    bulk_write,
    create_index,
    ensure_index,
    indexed_versions,
    indexes_behind,
    is_current,
    mapping_fingerprint,
    swap_alias,
    version_drift,
)
from search.vacancy import VacancyDocument


@pytest.fixture
def alias(app):
    name = f"{app.config['SEARCH_INDEX_PREFIX']}-lifecycle-{uuid.uuid4().hex[:6]}"
    yield name
    search_client().indices.delete(index=f"{name}-*")


def test_ensure_index_is_idempotent(alias):
    client = search_client()
    assert ensure_index(client, alias, VacancyDocument) is True
    assert ensure_index(client, alias, VacancyDocument) is False
    assert len(indexes_behind(client, alias)) == 1


def test_swap_alias_moves_reads_and_deletes_the_old_index(alias):
    client = search_client()
    ensure_index(client, alias, VacancyDocument)
    (old,) = indexes_behind(client, alias)
    new = f"{alias}-v2"
    create_index(client, new, VacancyDocument)
    bulk_write(client, new, [{"op": "index", "id": 1, "version": 1, "document": {"title": "Thợ may"}}], refresh=True)
    assert swap_alias(client, alias, new) == [old]
    assert indexes_behind(client, alias) == [new]
    assert not client.indices.exists(index=old)
    assert client.count(index=alias)["count"] == 1


def test_external_versions_make_stale_writes_lose(alias):
    client = search_client()
    ensure_index(client, alias, VacancyDocument)
    newer = {"op": "index", "id": 7, "version": 3, "document": {"title": "Kế toán trưởng"}}
    older = {"op": "index", "id": 7, "version": 2, "document": {"title": "Kế toán"}}
    first = bulk_write(client, alias, [newer], refresh=True)
    second = bulk_write(client, alias, [older], refresh=True)
    assert (first.written, second.written, second.stale) == (1, 0, 1)
    assert client.get(index=alias, id="7")["_source"]["title"] == "Kế toán trưởng"
    assert indexed_versions(client, alias) == {"7": 3}


def test_delete_with_a_newer_version_removes_the_document(alias):
    client = search_client()
    ensure_index(client, alias, VacancyDocument)
    bulk_write(client, alias, [{"op": "index", "id": 8, "version": 1, "document": {"title": "Bảo vệ"}}])
    outcome = bulk_write(client, alias, [{"op": "delete", "id": 8, "version": 2}], refresh=True)
    assert outcome.written == 1
    assert indexed_versions(client, alias) == {}


def test_version_drift_finds_missing_outdated_and_orphaned_documents():
    database = {"1": 1, "2": 4, "3": 1}
    index = {"1": 1, "2": 3, "9": 2}
    assert version_drift(database, index) == (["2", "3"], ["9"])


def test_an_index_knows_the_mapping_it_was_made_from(alias):
    client = search_client()
    ensure_index(client, alias, VacancyDocument)
    assert is_current(client, alias, VacancyDocument)
    (index,) = indexes_behind(client, alias)
    assert client.indices.get_mapping(index=index)[index]["mappings"]["_meta"] == {"fingerprint": mapping_fingerprint(VacancyDocument)}
    older = f"{alias}-older"
    client.indices.create(index=older, mappings={"properties": {"title": {"type": "text"}}})
    swap_alias(client, alias, older)
    assert not is_current(client, alias, VacancyDocument)


def test_a_pipelined_bulk_write_sends_every_operation_and_raises_what_stopped_it(alias):
    client = search_client()
    ensure_index(client, alias, VacancyDocument)
    operations = [{"op": "index", "id": number, "version": 1, "document": {"title": f"Thợ may {number}"}}
                  for number in range(1, 1201)]
    outcome = bulk_write(client, alias, iter(operations), chunk_size=100, pipelined=True, refresh=True)
    assert (outcome.written, outcome.stale, outcome.failed_ids) == (1200, 0, [])
    assert client.count(index=alias)["count"] == 1200

    def reading_fails():  # the database goes away half-way through the rows
        yield from operations[:150]
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError, match="went away"):
        bulk_write(client, alias, reading_fails(), chunk_size=100, pipelined=True)
    unreachable = make_client("http://127.0.0.1:9", timeout_s=1)  # nothing listens there: the sender's error
    with pytest.raises(SearchConnectionError):
        bulk_write(unreachable, alias, iter(operations), chunk_size=100, pipelined=True)


def test_the_deployment_sets_the_primary_shards_of_new_indexes(alias):
    client = search_client()
    create_index(client, f"{alias}-sharded", VacancyDocument, shards=2)
    settings = client.indices.get_settings(index=f"{alias}-sharded", name="index.number_of_shards")
    assert settings[f"{alias}-sharded"]["settings"]["index"]["number_of_shards"] == "2"
    assert is_current(client, f"{alias}-sharded", VacancyDocument)  # the same mapping: no rebuild by itself
