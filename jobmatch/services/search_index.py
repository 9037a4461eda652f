"""Keeping the search indexes in step with the database: the outbox relay, reconciliation, and full rebuilds."""
import logging
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import delete, func, insert, select, true, tuple_

from jobmatch.extensions import db, search_client, search_indexes
from jobmatch.models.consent import Consent, consent_in_force
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.occupation import IscoGroup
from jobmatch.models.place import Ward
from jobmatch.models.search_outbox import SearchOutbox
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.rules.exchange_rate import rate_table
from jobmatch.rules.money import monthly_vnd_range
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services.errors import search_failures_as
from jobmatch.services.vacancy_place import with_document_places
from search.indexes import (
    begin_bulk_load,
    bulk_write,
    create_index,
    end_bulk_load,
    ensure_index,
    index_created_at,
    indexed_versions,
    indexes_behind,
    is_current,
    new_index_name,
    stray_indexes,
    swap_alias,
    version_drift,
)
from search.job_seeker import JobSeekerDocument, job_seeker_document
from search.vacancy import VacancyDocument, vacancy_document

# Vacancies of employers no centre has verified yet are not in the index: verifying the employer adds them.
VACANCY_INDEXABLE = Vacancy.employer_id.in_(select(Employer.id).where(Employer.verified))


# What a vacancy's document is made of (search.vacancy.vacancy_document), and its pay as stated for the pay a month.
VACANCY_DOCUMENT_COLUMNS = (
    Vacancy.id, Vacancy.version, Vacancy.title, Vacancy.description, Vacancy.isco_code, Vacancy.skills,
    Vacancy.salary_min, Vacancy.salary_max, Vacancy.salary_currency, Vacancy.salary_unit, Vacancy.salary_negotiable,
    Vacancy.employment_type, Vacancy.openings, Vacancy.is_overseas, Vacancy.destination_country, Vacancy.programme,
    Vacancy.welcomes_priority, Vacancy.no_experience_required, Vacancy.training_provided, Vacancy.status,
    Vacancy.deadline, Vacancy.posted_at,
)
ROWS_PER_BATCH = 2000


def _vacancy_rows(ids=None):
    statement = (
        select(*VACANCY_DOCUMENT_COLUMNS, Employer.name.label("employer_name"), IscoGroup.label_vi.label("occupation_label"))
        .join(Employer, Vacancy.employer_id == Employer.id)
        .outerjoin(IscoGroup, Vacancy.isco_code == IscoGroup.code)
        .where(VACANCY_INDEXABLE)
        .order_by(Vacancy.id)
    )
    if ids is not None:
        statement = statement.where(Vacancy.id.in_(ids))
    rates = rate_table().rates
    for batch in _dict_batches(statement, stream=ids is None):
        yield from with_document_places([_with_monthly_pay(row, rates) for row in batch])


def _dict_batches(statement, *, stream):
    """The statement's rows as plain dicts, in lists of ROWS_PER_BATCH; streamed from the database for all rows (a
    server-side cursor), read at once for a list of ids (the relay's: a cursor's round trips cost more than they save)."""
    result = db.session.execute(statement.execution_options(yield_per=ROWS_PER_BATCH) if stream else statement)
    keys = tuple(result.keys())  # once: a row's own _asdict() works them out again for every row
    for rows in result.partitions(ROWS_PER_BATCH):
        yield [dict(zip(keys, row, strict=True)) for row in rows]


def _with_monthly_pay(row, rates):
    """The vacancy with its pay as đồng a month, what searches filter and sort by (rules.money.monthly_vnd at the rate
    table's rates when indexed: a new table takes effect as vacancies are indexed again, e.g. by `flask search rebuild`)."""
    row["monthly_salary_min"], row["monthly_salary_max"] = monthly_vnd_range(
        row["salary_min"], row["salary_max"], currency=row["salary_currency"], unit=row["salary_unit"], rates=rates)
    return row


# Hidden profiles are not in the index at all: a change to hidden removes the document.
JOB_SEEKER_INDEXABLE = JobSeeker.visibility != "hidden"


def _job_seeker_rows(ids=None):
    columns = [
        JobSeeker.id, JobSeeker.version, JobSeeker.ward_code, JobSeeker.education_level, JobSeeker.desired_isco_codes,
        JobSeeker.skills, JobSeeker.experience_years, JobSeeker.languages, JobSeeker.expected_salary,
        JobSeeker.commute_radius_km, JobSeeker.willing_to_relocate, JobSeeker.willing_abroad,
        JobSeeker.abroad_countries, JobSeeker.visibility, JobSeeker.updated_at,
    ]
    statement = (
        select(*columns, Ward.province_code, Ward.latitude, Ward.longitude)
        .outerjoin(Ward, JobSeeker.ward_code == Ward.code)
        .where(JOB_SEEKER_INDEXABLE)
        .order_by(JobSeeker.id)
    )
    if ids is not None:
        statement = statement.where(JobSeeker.id.in_(ids))
    for batch in _dict_batches(statement, stream=ids is None):
        yield from _with_consents_and_bonus(batch)


def _with_consents_and_bonus(rows):
    """Each profile with whether it may be shown to employers and its ranking bonus (a number, never the category nor
    a date that would tell categories apart): only verified statuses in force, with the person's consent to use them."""
    if not rows:
        return rows
    ids = [row["id"] for row in rows]
    shown = set(db.session.scalars(  # in candidate lists, anonymously: the person's own consent to that purpose
        select(Consent.job_seeker_id).where(Consent.job_seeker_id.in_(ids), consent_in_force("anonymous_listing"))
    ))
    statuses = job_seeker_service.counted_priority_statuses(ids, vietnam_today())
    for row in rows:
        row["shown_to_employers"] = row["id"] in shown
        counted = statuses.get(row["id"], [])
        # A status that lapses leaves the bonus when the nightly priority-lapse job indexes the profile again.
        row["priority_bonus"] = job_seeker_service.ranking_bonus(counted)
    return rows


log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IndexedEntity:
    name: str
    model: type
    document_class: type
    to_document: object
    rows: object  # rows(ids=None) → plain dicts of the indexable rows
    alias_of: object  # IndexNames → alias
    indexable: object = true()  # SQL condition for a row to have a document


ENTITIES = {
    "vacancy": IndexedEntity(
        "vacancy", Vacancy, VacancyDocument, vacancy_document, _vacancy_rows, lambda names: names.vacancies, VACANCY_INDEXABLE
    ),
    "job_seeker": IndexedEntity(
        "job_seeker", JobSeeker, JobSeekerDocument, job_seeker_document, _job_seeker_rows, lambda names: names.job_seekers,
        JOB_SEEKER_INDEXABLE,
    ),
}


@dataclass
class SyncReport:
    written: int = 0
    stale: int = 0
    failed: int = 0
    queued: dict = field(default_factory=dict)


def _layout():
    """The deployment's replicas and primary shards for each new index."""
    return {"replicas": current_app.config["SEARCH_REPLICAS"], "shards": current_app.config["SEARCH_SHARDS"]}


def ensure_indexes():
    """Create each alias with a first versioned index if it is missing, and replace an index made from an older
    mapping with a new one loaded from the database (an alias swap: searches never see a half-built index).
    Idempotent; the relay, reconciliation and `flask search setup` call it, so a deployment upgrades by itself."""
    client, names = search_client(), search_indexes()
    for entity in ENTITIES.values():
        alias = entity.alias_of(names)
        if not ensure_index(client, alias, entity.document_class, **_layout()) and not is_current(
            client, alias, entity.document_class
        ):
            log.warning("search: the %s index was made from an older mapping; loading a new index", entity.name)
            _load_new_index(entity)
            reconcile(entity_names=(entity.name,))  # what other processes wrote to the old index meanwhile


def relay_outbox(*, batch_size=1000, refresh=False, up_to=None):
    """Send pending outbox rows to Elasticsearch; a row leaves the outbox only once its change is in the index.

    The document always carries the row's current state and version, so replays and out-of-order runs are harmless:
    Elasticsearch keeps the highest external version. With up_to, only the rows up to that outbox id are sent.
    While a thread sends one batch, this one reads the next and makes its documents: Elasticsearch and the database
    work at once (the database is read here only, with the caller's session).
    """
    report = SyncReport()
    client, names = search_client(), search_indexes()
    with (search_failures_as("Elasticsearch is unavailable; the outbox keeps every change", before_raising=db.session.rollback),
          ThreadPoolExecutor(max_workers=1, thread_name_prefix="relay-sender") as sender):
        ensure_indexes()
        batch = _relay_batch(names, batch_size, up_to, after=0)
        while batch.entries:
            sending = sender.submit(_send_batch, client, batch, refresh)
            following = _relay_batch(names, batch_size, up_to, after=batch.entries[-1][0])
            if not _settle(batch, sending.result(), report):
                break  # leave the failures for the next run instead of retrying them in a tight loop
            batch = following
    return report


@dataclass
class _RelayBatch:
    entries: list  # (outbox id, entity, entity id, version), in outbox order
    operations: dict  # {alias: [bulk operations]}, the documents made from the rows as they are now


def _relay_batch(names, batch_size, up_to, *, after):
    """The next outbox rows after the outbox id `after`, each entity's highest version once, with its operations."""
    waiting = (select(SearchOutbox.id, SearchOutbox.entity, SearchOutbox.entity_id, SearchOutbox.version)
               .where(SearchOutbox.id > after).order_by(SearchOutbox.id).limit(batch_size))
    if up_to is not None:
        waiting = waiting.where(SearchOutbox.id <= up_to)
    entries = [tuple(entry) for entry in db.session.execute(waiting)]
    by_entity = defaultdict(dict)
    for _, entity_name, entity_id, version in entries:
        by_entity[entity_name][entity_id] = max(version, by_entity[entity_name].get(entity_id, 0))
    operations = {(name, ENTITIES[name].alias_of(names)): list(_operations(ENTITIES[name], versions))
                  for name, versions in by_entity.items()}
    return _RelayBatch(entries, operations)


def _send_batch(client, batch, refresh):
    """In the sender thread: {entity name: BulkOutcome} of each entity's operations."""
    return {name: bulk_write(client, alias, operations, refresh=refresh) for (name, alias), operations in batch.operations.items()}


def _settle(batch, outcomes, report):
    """Delete the batch's outbox rows whose change is in the index and count the outcomes; False when any failed."""
    failed_keys = set()
    for entity_name, outcome in outcomes.items():
        report.written += outcome.written
        report.stale += outcome.stale
        failed_keys |= {(entity_name, int(doc_id)) for doc_id in outcome.failed_ids}
    done = [(entry_id, version) for entry_id, entity_name, entity_id, version in batch.entries
            if (entity_name, entity_id) not in failed_keys]
    if done:
        # Exactly the rows read above, by id and version (ids are never reused): another relay may have sent
        # and deleted them meanwhile, and a row written since is a change this run has not sent.
        db.session.execute(
            delete(SearchOutbox).where(tuple_(SearchOutbox.id, SearchOutbox.version).in_(done)),
            execution_options={"synchronize_session": False},
        )
    db.session.commit()
    report.failed += len(batch.entries) - len(done)
    if failed_keys:
        log.warning("search relay: Elasticsearch refused %d documents: %s", len(failed_keys), sorted(failed_keys)[:20])
    return not failed_keys


def _operations(entity, versions):
    current = {row["id"]: row for row in entity.rows(list(versions))}
    for entity_id, version in versions.items():
        row = current.get(entity_id)
        if row is None:
            yield {"op": "delete", "id": entity_id, "version": version}
        else:
            yield {"op": "index", "id": entity_id, "version": row["version"], "document": entity.to_document(row)}


def _catch_up(entity_name):
    """Relay the outbox once up to its high-water mark: reconciliation's repairs and every change made before it.
    Later changes are the scheduler's relay's: relaying until the outbox is found empty never ends under steady writes
    (215 s under 30 writes a second, against 8 s idle)."""
    mark = db.session.scalar(select(func.max(SearchOutbox.id)))
    db.session.rollback()
    if mark is not None:
        relay_outbox(up_to=mark)
    with search_failures_as("Elasticsearch is unavailable; the outbox keeps every change"):
        search_client().indices.refresh(index=ENTITIES[entity_name].alias_of(search_indexes()))


# A stray index younger than this may be one another process is still loading (a rebuild takes minutes on a large
# database): `flask search setup` leaves it unless told otherwise; the next rebuild removes it once its own is in place.
STRAY_INDEX_GRACE = timedelta(hours=1)


def remove_stray_indexes(*, grace=STRAY_INDEX_GRACE):
    """Delete the indexes that interrupted or superseded rebuilds left beside each alias: those made before the index
    the alias points at, and those older than `grace`. Returns their names."""
    client, names = search_client(), search_indexes()
    removed = []
    with search_failures_as("Elasticsearch is unavailable; stray indexes stay until the next set-up"):
        for entity in ENTITIES.values():
            alias = entity.alias_of(names)
            cutoff = datetime.now(UTC) - grace
            live = [index_created_at(client, index) for index in indexes_behind(client, alias)]
            for index in stray_indexes(client, alias, created_before=max([cutoff, *live])):
                client.indices.delete(index=index, ignore_unavailable=True)
                removed.append(index)
    if removed:
        log.warning("search: removed %d stray indexes: %s", len(removed), ", ".join(removed))
    return removed


def pending_outbox_count():
    return db.session.scalar(select(func.count()).select_from(SearchOutbox))


def reconcile(*, entity_names=tuple(ENTITIES)):
    """Compare every document's version with its row's and queue what differs in the outbox, for the relay to repair."""
    client, names = search_client(), search_indexes()
    report = SyncReport()
    with search_failures_as("Elasticsearch is unavailable; reconciliation will run again", before_raising=db.session.rollback):
        ensure_indexes()  # an index wiped or never made is all drift: every row gets queued
        for entity_name in entity_names:
            entity = ENTITIES[entity_name]
            database_versions = {
                str(entity_id): version
                for entity_id, version in db.session.execute(
                    select(entity.model.id, entity.model.version).where(entity.indexable)
                )
            }
            index_versions = indexed_versions(client, entity.alias_of(names))
            to_index, to_delete = version_drift(database_versions, index_versions)
            rows = [
                {"entity": entity_name, "entity_id": int(i), "version": database_versions[i], "created_at": utc_now()} for i in to_index
            ]
            rows += [
                {"entity": entity_name, "entity_id": int(i), "version": index_versions[i] + 1, "created_at": utc_now()} for i in to_delete
            ]
            if rows:
                db.session.execute(insert(SearchOutbox), rows)
            report.queued[entity_name] = len(rows)
        db.session.commit()
    return report


def rebuild_index(*, entity_name, progress=None):
    """Load every row into a new versioned index, swap the alias to it atomically, then repair what changed meanwhile."""
    with search_failures_as("Elasticsearch is unavailable; the rebuild did not happen", before_raising=db.session.rollback):
        result = _load_new_index(ENTITIES[entity_name], progress=progress)
    remove_stray_indexes()
    reconcile(entity_names=(entity_name,))
    _catch_up(entity_name)
    return result


def _load_new_index(entity, *, progress=None):
    client = search_client()
    alias = entity.alias_of(search_indexes())
    total = db.session.scalar(select(func.count()).select_from(entity.model).where(entity.indexable))
    index = new_index_name(alias)

    def operations():
        for number, row in enumerate(entity.rows(), start=1):
            yield {"op": "index", "id": row["id"], "version": row["version"], "document": entity.to_document(row)}
            if progress and (number % 1000 == 0 or number == total):
                progress(number, total)

    create_index(client, index, entity.document_class, **_layout())
    try:
        begin_bulk_load(client, index)
        outcome = bulk_write(client, index, operations(), pipelined=True)
        end_bulk_load(client, index)
        replaced = swap_alias(client, alias, index)
    except Exception:
        client.indices.delete(index=index, ignore_unavailable=True)  # a half-built index must not linger
        raise
    db.session.rollback()  # end the read transaction so reconciliation sees changes made during the load
    return {"index": index, "documents": outcome.written, "failed": len(outcome.failed_ids), "replaced": replaced}
