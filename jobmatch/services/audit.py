"""The audit log: who signed in, who was refused, who read or changed sensitive data. Ids and actions only, never values."""
from contextvars import ContextVar

from jobmatch.extensions import db
from jobmatch.models.audit import AuditEntry

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


def record_refusal(*, actor, refusal):
    """A refused action, in a transaction of its own: whatever the refused request had begun is rolled back first."""
    db.session.rollback()
    record(action="permission_refused", actor=actor, subject_type=refusal.subject_type or refusal.action, subject_id=refusal.subject_id)
    db.session.commit()
