"""The audit log: who signed in, who was refused, who read or changed sensitive data. Ids and actions only, never values."""
from flask import has_request_context, request

from jobmatch.extensions import db
from jobmatch.models.audit import AuditEntry


def record(*, action, actor=None, subject_type=None, subject_id=None):
    """Add an entry to the current transaction; the use case that calls this commits it with its own work."""
    db.session.add(
        AuditEntry(
            action=action,
            actor_id=getattr(actor, "id", None),
            subject_type=subject_type,
            subject_id=subject_id,
            remote_addr=request.remote_addr if has_request_context() else None,
        )
    )


def record_refusal(*, actor, refusal):
    """A refused action, in a transaction of its own: whatever the refused request had begun is rolled back first."""
    db.session.rollback()
    record(action="permission_refused", actor=actor, subject_type=refusal.subject_type or refusal.action, subject_id=refusal.subject_id)
    db.session.commit()
