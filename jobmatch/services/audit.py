"""The audit log: who signed in, who was refused, who read or changed sensitive data. Ids and actions only, never values."""
from contextvars import ContextVar

from sqlalchemy import insert

from jobmatch.extensions import db
from jobmatch.models.audit import AuditEntry
from jobmatch.rules.clock import utc_now

# Where the current request comes from, handed in by the web layer at the start of each request (security.py) and
# cleared at its end; None in commands and jobs. The audit service reads no request of its own.
_client_address = ContextVar("client_address", default=None)


def set_client_address(client_address):
    """The address every entry recorded from now on in this context is attributed to (None: not a request)."""
    _client_address.set(client_address)


def record(*, action, actor=None, subject_type=None, subject_id=None):
    """Add an entry to the current transaction; the use case that calls this commits it with its own work."""
    db.session.add(
        AuditEntry(
            action=action,
            actor_id=getattr(actor, "id", None),
            subject_type=subject_type,
            subject_id=subject_id,
            remote_addr=_client_address.get(),
        )
    )


def contacts_read_action(actor):
    """The audit action of a read of a person's phone: an employer's (the company they applied or were referred to) is
    told apart from a centre's on the person's own data page."""
    return "contacts_read_by_employer" if actor.role == "employer" else "contacts_read"


def record_list_read(*, actor, reads, centre_id=None):
    """A centre's page that showed people's sensitive data (categories, citizen IDs, contacts), as reads, [(action,
    [job_seeker_id, …])]: one entry per person shown under each action, so that each person's own data page says who
    read their data and when; with centre_id, one entry of the first action for the centre's list as a whole, even when
    it showed nobody. All in one INSERT statement, in the current transaction (the use case that read them commits)."""
    common = {"actor_id": getattr(actor, "id", None), "remote_addr": _client_address.get(), "at": utc_now()}
    rows = [{**common, "action": action, "subject_type": "job_seeker", "subject_id": job_seeker_id}
            for action, job_seeker_ids in reads for job_seeker_id in dict.fromkeys(job_seeker_ids)]
    if centre_id is not None and reads:
        rows.insert(0, {**common, "action": reads[0][0], "subject_type": "centre", "subject_id": centre_id})
    if rows:
        db.session.execute(insert(AuditEntry), rows)


def record_refusal(*, actor, refusal):
    """A refused action, in a transaction of its own: whatever the refused request had begun is rolled back first."""
    db.session.rollback()
    record(action="permission_refused", actor=actor, subject_type=refusal.subject_type or refusal.action, subject_id=refusal.subject_id)
    db.session.commit()
