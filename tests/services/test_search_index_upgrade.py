"""A deployment whose index was made from an older mapping upgrades by itself: a new index, loaded from the database,
behind the same alias (against the real database and Elasticsearch)."""
from jobmatch.extensions import search_client
from jobmatch.services import search_index
from search.indexes import indexed_versions, indexes_behind, is_current, swap_alias
from search.vacancy import VacancyDocument
from tests.factories import make_vacancy


def test_an_index_of_an_older_mapping_is_replaced_with_every_row(indexes):
    vacancies = [make_vacancy(title="Công nhân may"), make_vacancy(title="Thợ hàn")]
    search_index.relay_outbox(refresh=True)
    client = search_client()
    older = f"{indexes.vacancies}-older"
    client.indices.create(index=older, mappings={"properties": {"title": {"type": "text"}}})  # as a release before this one
    swap_alias(client, indexes.vacancies, older)

    search_index.ensure_indexes()

    (current,) = indexes_behind(client, indexes.vacancies)
    assert current != older and not client.indices.exists(index=older)
    assert is_current(client, indexes.vacancies, VacancyDocument)
    assert indexed_versions(client, indexes.vacancies) == {str(vacancy.id): vacancy.version for vacancy in vacancies}
    search_index.ensure_indexes()  # nothing more to do
    assert indexes_behind(client, indexes.vacancies) == [current]
