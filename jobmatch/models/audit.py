"""The audit log: sign-ins, refusals, and every read or change of sensitive data; never a password, token or sensitive value."""
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

AUDIT_ACTIONS = (
    "password_reset_asked", "password_reset_link_sent", "password_reset", "reset_code_issued",
    "sign_in", "sign_in_failed", "sign_out", "password_changed", "account_disabled", "account_enabled", "permission_refused",
    "priority_status_read", "priority_status_changed", "citizen_id_read", "citizen_id_changed",
    "personal_data_exported", "account_deleted", "token_created", "token_revoked",
    "claim_code_issued", "citizen_id_held_for_review", "consent_given", "consent_withdrawn", "follow_up_corrected",
    "support_claim.record", "support_claim.approve", "support_claim.pay", "support_claim.payment_list",
    "loan_dossier.prepare", "loan_dossier.read", "loan_dossier.prepared", "loan_dossier.submitted", "loan_dossier.approved",
    "loan_dossier.disbursed", "loan_dossier.refused", "monitoring_report.read", "support_scheme.version", "stats.internal_export",
    "contacts_read", "contacts_read_by_employer",
)


class AuditEntry(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    subject_type: Mapped[str | None] = mapped_column(String(30))  # "job_seeker", "account", a route name for refusals
    subject_id: Mapped[int | None] = mapped_column(Integer)
    remote_addr: Mapped[str | None] = mapped_column(String(45))
