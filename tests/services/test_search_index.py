"""The outbox, the relay, reconciliation and rebuilds, against the real database and Elasticsearch."""
from datetime import date, datetime

from sqlalchemy import insert, select, update

from jobmatch.extensions import db, search_client
from jobmatch.models import PriorityStatus, SearchOutbox, Vacancy
from jobmatch.services import search_index
from jobmatch.services import vacancy as vacancy_service
from search.indexes import indexed_versions, indexes_behind
from tests.factories import make_account, make_employer, make_job_seeker, make_vacancy, vacancy_fields


def outbox():
    return [(row.entity, row.entity_id, row.version) for row in db.session.scalars(select(SearchOutbox).order_by(SearchOutbox.id))]


def test_each_write_adds_an_outbox_row_in_its_own_transaction(indexes):
    vacancy = make_vacancy(title="Thợ hàn")
    owner = make_account("employer", employer_id=vacancy.employer_id)
    vacancy_service.update_vacancy(actor=owner, vacancy_id=vacancy.id, fields={"title": "Thợ hàn TIG"})
    vacancy_service.delete_vacancy(actor=owner, vacancy_id=vacancy.id)
    assert outbox() == [("vacancy", vacancy.id, 1), ("vacancy", vacancy.id, 2), ("vacancy", vacancy.id, 3)]


def test_a_rolled_back_write_leaves_no_outbox_row(indexes):
    vacancy = make_vacancy()
    before = outbox()
    vacancy.title = "Không lưu"
    db.session.flush()
    db.session.rollback()
    assert outbox() == before


def test_relay_indexes_the_latest_version_and_empties_the_outbox(indexes):
    vacancy = make_vacancy(title="Kế toán")
    owner = make_account("employer", employer_id=vacancy.employer_id)
    vacancy_service.update_vacancy(actor=owner, vacancy_id=vacancy.id, fields={"title": "Kế toán trưởng"})
    report = search_index.relay_outbox(refresh=True)
    assert report.failed == 0 and outbox() == []
    document = search_client().get(index=indexes.vacancies, id=str(vacancy.id))
    assert document["_version"] == 2
    assert document["_source"]["title"] == "Kế toán trưởng"


def test_relay_removes_deleted_vacancies(indexes):
    vacancy = make_vacancy()
    search_index.relay_outbox(refresh=True)
    vacancy_service.delete_vacancy(actor=make_account("employer", employer_id=vacancy.employer_id), vacancy_id=vacancy.id)
    search_index.relay_outbox(refresh=True)
    assert indexed_versions(search_client(), indexes.vacancies) == {}


def test_renaming_an_employer_reindexes_its_vacancies(indexes):
    employer = make_employer(name="Công ty TNHH Cũ")
    vacancy = make_vacancy(employer)
    search_index.relay_outbox(refresh=True)
    employer.name = "Công ty TNHH Mới"
    db.session.commit()
    search_index.relay_outbox(refresh=True)
    source = search_client().get(index=indexes.vacancies, id=str(vacancy.id))["_source"]
    assert source["employer_name"] == "Công ty TNHH Mới"


def test_job_seekers_are_indexed_without_identity(indexes):
    job_seeker = make_job_seeker()
    search_index.relay_outbox(refresh=True)
    source = search_client().get(index=indexes.job_seekers, id=str(job_seeker.id))["_source"]
    assert source["desired_isco_codes"] == ["7212"]
    assert "Nguyễn Văn An" not in repr(source) and job_seeker.citizen_id not in repr(source)


def test_reconciliation_repairs_writes_that_bypassed_the_outbox(indexes):
    changed, kept = make_vacancy(title="Thợ điện"), make_vacancy(title="Thợ xây")
    search_index.relay_outbox(refresh=True)
    client = search_client()
    # Bulk SQL (seeding, data fixes) writes no outbox rows: one changed row, one new row, one document left behind.
    db.session.execute(update(Vacancy).where(Vacancy.id == changed.id).values(title="Thợ điện công nghiệp", version=Vacancy.version + 1))
    db.session.execute(insert(Vacancy), [{**vacancy_fields(title="Phụ hồ"), "employer_id": kept.employer_id, "version": 1}])
    db.session.commit()
    added = db.session.scalar(select(Vacancy.id).where(Vacancy.title == "Phụ hồ"))
    client.index(index=indexes.vacancies, id="999999", document={"title": "orphan"}, version=5, version_type="external", refresh=True)
    assert outbox() == []

    report = search_index.reconcile()
    search_index.relay_outbox(refresh=True)

    assert report.queued["vacancy"] == 3
    assert indexed_versions(client, indexes.vacancies) == {str(changed.id): 2, str(kept.id): 1, str(added): 1}
    assert client.get(index=indexes.vacancies, id=str(changed.id))["_source"]["title"] == "Thợ điện công nghiệp"


def test_rebuild_swaps_the_alias_to_a_new_index_with_every_row(indexes):
    vacancies = [make_vacancy(title=f"Công nhân may {number}") for number in range(3)]
    search_index.relay_outbox(refresh=True)
    client = search_client()
    (before,) = indexes_behind(client, indexes.vacancies)
    progress = []

    result = search_index.rebuild_index(entity_name="vacancy", progress=lambda done, total: progress.append((done, total)))

    (after,) = indexes_behind(client, indexes.vacancies)
    assert after != before and result["replaced"] == [before]
    assert not client.indices.exists(index=before)
    assert indexed_versions(client, indexes.vacancies) == {str(v.id): 1 for v in vacancies}
    assert progress[-1] == (3, 3)


def test_hiding_a_profile_removes_it_from_the_index(indexes):
    visible = make_job_seeker()
    make_job_seeker(visibility="hidden")
    search_index.relay_outbox(refresh=True)
    assert indexed_versions(search_client(), indexes.job_seekers) == {str(visible.id): visible.version}
    visible.visibility = "hidden"
    db.session.commit()
    search_index.relay_outbox(refresh=True)
    assert indexed_versions(search_client(), indexes.job_seekers) == {}
    assert search_index.reconcile().queued["job_seeker"] == 0  # hidden rows are not drift


def test_declaring_a_priority_status_does_not_touch_the_search_document(indexes):
    job_seeker = make_job_seeker()
    search_index.relay_outbox(refresh=True)
    job_seeker.priority_statuses.append(PriorityStatus(category="poor", evidence="Danh sách hộ nghèo 2026", valid_until=date(2026, 12, 31)))
    db.session.commit()
    assert outbox() == []
    source = search_client().get(index=indexes.job_seekers, id=str(job_seeker.id))["_source"]
    assert "poor" not in repr(source)


def test_a_verified_status_reaches_the_document_as_a_number_only(indexes):
    job_seeker = make_job_seeker(consents=("anonymous_listing", "priority_ranking"))
    search_index.relay_outbox(refresh=True)
    job_seeker.priority_statuses.append(PriorityStatus(
        category="poor", evidence="Danh sách hộ nghèo 2026", valid_until=date(2099, 12, 31), verified_at=datetime(2026, 11, 1),
    ))
    db.session.commit()
    search_index.relay_outbox(refresh=True)
    source = search_client().get(index=indexes.job_seekers, id=str(job_seeker.id))["_source"]
    assert source["priority_multiplier"] > 1 and "priority_until" not in source  # an end date would tell categories apart
    assert "poor" not in repr(source) and source["shown_to_employers"] is True


def test_deleting_a_job_seeker_takes_their_priority_status_and_document_with_them(indexes):
    job_seeker = make_job_seeker()
    job_seeker.priority_statuses.append(PriorityStatus(category="ethnic_minority", ethnic_group_code="03", evidence="CCCD"))
    db.session.commit()
    search_index.relay_outbox(refresh=True)
    db.session.delete(job_seeker)
    db.session.commit()
    search_index.relay_outbox(refresh=True)
    assert db.session.scalar(select(PriorityStatus.id)) is None
    assert indexed_versions(search_client(), indexes.job_seekers) == {}
