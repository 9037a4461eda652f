"""Nothing in the job-seeker index tells one priority category from another (issue 14, item 2): people of every
category, and of none, indexed through the outbox into the real Elasticsearch, then searched with every query a reader
of the index could make (each field present or missing, each value, each date range, and every pair of them)."""
import json
from datetime import UTC, datetime, timedelta
from itertools import combinations

from sqlalchemy import update

from jobmatch.extensions import db, search_client
from jobmatch.jobs import refresh_priority_bonuses
from jobmatch.models.job_seeker import PRIORITY_CATEGORIES, JobSeeker
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import search_index
from search.indexes import indexes_behind, swap_alias
from search.job_seeker import JobSeekerDocument
from tests.factories import make_account, make_centre, make_job_seeker, make_priority_status

# People with the same profile but their statuses, in tiers of the same bonus: one category each, two categories each.
TIERS = {
    "one category": [(category,) for category in PRIORITY_CATEGORIES],
    "two categories": [("ethnic_minority", "poor"), ("disability", "near_poor"), ("escaped_poverty", "ethnic_minority")],
    "none": [()],
}
PEOPLE_PER_GROUP = 2
# Every profile's last change at one moment, so that a date range cannot split them by the order they were made in.
SAME_MOMENT = datetime(2026, 11, 2, 3, 4, 5, tzinfo=UTC)


def _indexed_people():
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    group_of = {}
    for tier, groups in TIERS.items():
        for categories in groups:
            for _ in range(PEOPLE_PER_GROUP):
                person = make_job_seeker(consents=("show_profile", "priority_ranking"), centre_id=centre.id)
                for category in categories:
                    make_priority_status(person, officer=officer, category=category)
                group_of[str(person.id)] = (tier, categories)
    db.session.execute(update(JobSeeker).values(updated_at=SAME_MOMENT.replace(tzinfo=None), version=JobSeeker.version + 1))
    db.session.commit()
    search_index.reconcile()  # the bulk update raised every version: reconciliation queues them all
    search_index.relay_outbox(refresh=True)
    return group_of


def _literals(index, sources):
    """Every single condition on one field: present, missing, each value held, each date or number range."""
    properties = search_client().indices.get_mapping(index=index)
    [mapping] = properties.values()
    atoms = []
    for name, field in mapping["mappings"]["properties"].items():
        if name == "job_seeker_id":
            continue  # which person the document is about, as its _id: a range of it splits people by sign-up order only
        atoms.append({"exists": {"field": name}})
        values = [json.loads(value) for value in sorted({json.dumps(value) for source in sources for value in _as_list(source.get(name))})]
        if field["type"] in ("keyword", "boolean", "long", "integer", "float"):
            atoms += [{"term": {name: value}} for value in values]
        if field["type"] in ("date", "long", "integer", "float"):
            for value in values:
                atoms += [{"range": {name: {"gte": value}}}, {"range": {name: {"lt": value}}}]
    return atoms + [{"bool": {"must_not": [atom]}} for atom in atoms]


def _as_list(value):
    return value if isinstance(value, list) else [] if value is None else [value]


def _matched(index, queries):
    """The ids each query finds, by one multi-search per hundred queries."""
    client, found = search_client(), []
    for start in range(0, len(queries), 100):
        body = []
        for query in queries[start:start + 100]:
            body += [{"index": index}, {"query": {"bool": {"filter": query}}, "size": 1000, "_source": False}]
        found += [{hit["_id"] for hit in response["hits"]["hits"]} for response in client.msearch(searches=body)["responses"]]
    return found


def test_no_query_on_the_job_seeker_index_tells_one_priority_category_from_another(indexes):
    group_of = _indexed_people()
    client = search_client()
    sources = {hit["_id"]: hit["_source"] for hit in client.search(index=indexes.job_seekers, size=1000)["hits"]["hits"]}
    assert set(sources) == set(group_of)
    # One shape for all: the same fields in every document, a multiplier, and no date of a status.
    assert len({tuple(sorted(source)) for source in sources.values()}) == 1
    assert "priority_until" not in next(iter(sources.values()))
    for tier in TIERS:
        documents = [{**source, "job_seeker_id": None} for id_, source in sources.items() if group_of[id_][0] == tier]
        assert all(document == documents[0] for document in documents), tier
    multiplier = {tier: {source["priority_multiplier"] for id_, source in sources.items() if group_of[id_][0] == tier}
                  for tier in TIERS}
    assert multiplier == {"one category": {1.05}, "two categories": {1.1}, "none": {1.0}}

    literals = _literals(indexes.job_seekers, list(sources.values()))
    queries = literals + [[first, second] for first, second in combinations(literals, 2)]
    separating = []
    for query, found in zip(queries, _matched(indexes.job_seekers, queries), strict=True):
        for tier, groups in TIERS.items():
            counts = {groups_: sum(1 for id_ in found if group_of[id_] == (tier, groups_)) for groups_ in groups}
            if len(set(counts.values())) > 1:
                separating.append((query, tier, counts))
    print(f"{len(queries)} queries over {len(literals) // 2} conditions on {len(sources)} documents: "
          f"{len(separating)} tell categories apart")
    assert separating == [], separating[:5]


def test_the_lapse_job_indexes_a_profile_again_without_dating_it(indexes):
    """An `updated_at` moved on the day poverty lists end would mark the poor; the bonus leaves the document all the same."""
    officer = make_account("officer", centre_id=make_centre().id)
    person = make_job_seeker(consents=("show_profile", "priority_ranking"))
    make_priority_status(person, officer=officer, valid_until=vietnam_today() - timedelta(days=1))
    db.session.execute(update(JobSeeker).values(updated_at=SAME_MOMENT.replace(tzinfo=None), version=JobSeeker.version + 1))
    db.session.commit()
    version = person.version
    assert refresh_priority_bonuses(vietnam_today().isoformat()) == "queued=1"
    search_index.relay_outbox(refresh=True)
    document = search_client().get(index=indexes.job_seekers, id=str(person.id))
    assert document["_version"] == version + 1
    assert document["_source"]["priority_multiplier"] == 1.0
    assert document["_source"]["updated_at"].startswith(SAME_MOMENT.strftime("%Y-%m-%dT%H:%M:%S"))


def test_an_index_of_the_dated_shape_is_rebuilt_without_the_date(indexes):
    person = make_job_seeker(consents=("show_profile", "priority_ranking"))
    make_priority_status(person, officer=make_account("officer", centre_id=make_centre().id), category="ethnic_minority")
    client = search_client()
    older = f"{indexes.job_seekers}-dated"  # as the release before this one made it
    client.indices.create(index=older, mappings={"properties": {"priority_multiplier": {"type": "float"},
                                                                "priority_until": {"type": "date"}}})
    client.index(index=older, id=str(person.id), document={"priority_multiplier": 1.05, "priority_until": None}, refresh=True)
    swap_alias(client, indexes.job_seekers, older)

    search_index.ensure_indexes()

    (current,) = indexes_behind(client, indexes.job_seekers)
    assert current != older
    [mapping] = client.indices.get_mapping(index=indexes.job_seekers).values()
    assert set(mapping["mappings"]["properties"]) == set(JobSeekerDocument._index.to_dict()["mappings"]["properties"])
    assert "priority_until" not in client.get(index=indexes.job_seekers, id=str(person.id))["_source"]
