"""The search outbox: one row per indexed change, written in the same transaction as the change itself.

Changes made through the ORM's unit of work are caught here. A bulk SQL statement (seeding, a data fix) bypasses it
and must raise `version` on the rows it changes: reconciliation finds drift by comparing versions.
"""
from datetime import datetime

from sqlalchemy import Integer, String, event, insert
from sqlalchemy.orm import Mapped, Session, mapped_column

from jobmatch.extensions import db
from jobmatch.models.consent import Consent
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker, PriorityStatus
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now


class SearchOutbox(db.Model):
    # An id is never handed out twice (AUTOINCREMENT on SQLite, a sequence on PostgreSQL): a relay deletes the rows it
    # sent by id, and a reused id would delete a newer change unsent.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(20))  # "vacancy" or "job_seeker"
    entity_id: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)  # for a deletion, one past the last stored version
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


INDEXED_ENTITIES = {Vacancy: "vacancy", JobSeeker: "job_seeker"}


@event.listens_for(Session, "before_flush")
def _touch_dependent_vacancies(session, flush_context, instances):
    """A vacancy's document carries its employer's name, and exists only while the employer is verified: a change to
    either gives the employer's vacancies a new version."""
    for employer in session.dirty:
        attributes = db.inspect(employer).attrs if isinstance(employer, Employer) else None
        if attributes and (attributes.name.history.has_changes() or attributes.verified.history.has_changes()):
            for vacancy in employer.vacancies:
                vacancy.updated_at = utc_now()


@event.listens_for(Session, "before_flush")
def _touch_job_seekers_of_statuses_and_consents(session, flush_context, instances):
    """A job-seeker document carries whether the person may be shown to employers and their ranking bonus: a change to
    their consents, or to a verified priority status (the only kind that counts), gives the profile a new version."""
    for instance in session.new | session.dirty | session.deleted:
        if isinstance(instance, Consent) or (isinstance(instance, PriorityStatus) and instance.verified_at is not None):
            job_seeker = getattr(instance, "job_seeker", None) if isinstance(instance, PriorityStatus) else None
            if job_seeker is None and instance.job_seeker_id is not None:
                job_seeker = session.get(JobSeeker, instance.job_seeker_id)
            if job_seeker is not None and job_seeker not in session.deleted:
                job_seeker.updated_at = utc_now()


@event.listens_for(Session, "after_flush")
def _write_outbox_rows(session, flush_context):
    rows = []
    for instance in session.new | session.dirty:
        entity = INDEXED_ENTITIES.get(type(instance))
        # Only the row's own columns count: a change to a related collection leaves the version, and the document, as is.
        if entity and (instance in session.new or session.is_modified(instance, include_collections=False)):
            rows.append({"entity": entity, "entity_id": instance.id, "version": instance.version})
    for instance in session.deleted:
        entity = INDEXED_ENTITIES.get(type(instance))
        if entity:
            rows.append({"entity": entity, "entity_id": instance.id, "version": instance.version + 1})
    if rows:
        session.connection().execute(insert(SearchOutbox), [{**row, "created_at": utc_now()} for row in rows])
