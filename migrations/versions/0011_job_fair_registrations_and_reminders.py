"""Job-fair registrations and attendance; reminders to employers about unanswered applications

A job seeker or an employer registers for a job fair online (or is recorded at the door), and attendance is recorded
on the day (job_fair_registration). An officer's reminder to an employer about an application left unanswered is
kept (application_reminder), so the worklist of unanswered applications clears once reminded. Nothing existing changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 08:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "job_fair_registration",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_fair_id", sa.Integer(), nullable=False),
        sa.Column("job_seeker_id", sa.Integer(), nullable=True),
        sa.Column("employer_id", sa.Integer(), nullable=True),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("attended_at", sa.DateTime(), nullable=True),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("(job_seeker_id IS NULL) != (employer_id IS NULL)", name=op.f("ck_job_fair_registration_one_participant")),
        sa.ForeignKeyConstraint(["job_fair_id"], ["job_fair.id"], name=op.f("fk_job_fair_registration_job_fair_id_job_fair"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["job_seeker_id"], ["job_seeker.id"], name=op.f("fk_job_fair_registration_job_seeker_id_job_seeker"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["employer_id"], ["employer.id"], name=op.f("fk_job_fair_registration_employer_id_employer"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["account.id"], name=op.f("fk_job_fair_registration_recorded_by_id_account"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_fair_registration")),
        sa.UniqueConstraint("job_seeker_id", "job_fair_id", name=op.f("uq_job_fair_registration_job_seeker_id")),
        sa.UniqueConstraint("employer_id", "job_fair_id", name=op.f("uq_job_fair_registration_employer_id")),
    )
    with op.batch_alter_table("job_fair_registration", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_fair_registration_job_fair_id"), ["job_fair_id"], unique=False)

    op.create_table(
        "application_reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("sent_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"], name=op.f("fk_application_reminder_application_id_application"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sent_by_id"], ["account.id"], name=op.f("fk_application_reminder_sent_by_id_account"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_reminder")),
    )
    with op.batch_alter_table("application_reminder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_reminder_application_id"), ["application_id"], unique=False)


def downgrade():
    with op.batch_alter_table("application_reminder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_reminder_application_id"))
    op.drop_table("application_reminder")
    with op.batch_alter_table("job_fair_registration", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_fair_registration_job_fair_id"))
    op.drop_table("job_fair_registration")
