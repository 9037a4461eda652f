"""Overseas cases closed when their worker deletes their account: the close reason "deleted"

An officer's reasons stay as they were; a case still open when its worker deletes their account is closed with the
reason "deleted" (nothing existing changes: no case has it yet).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 08:20:00

"""
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

OFFICER_REASONS = "('failed', 'withdrew', 'lapsed', 'overstayed', 'other')"
ALL_REASONS = "('failed', 'withdrew', 'lapsed', 'overstayed', 'other', 'deleted')"


def upgrade():
    with op.batch_alter_table('overseas_case') as batch_op:
        batch_op.drop_constraint('close_reason', type_='check')
        batch_op.create_check_constraint('close_reason', f"close_reason IS NULL OR close_reason IN {ALL_REASONS}")


def downgrade():
    op.execute("UPDATE overseas_case SET close_reason = 'other' WHERE close_reason = 'deleted'")
    with op.batch_alter_table('overseas_case') as batch_op:
        batch_op.drop_constraint('close_reason', type_='check')
        batch_op.create_check_constraint('close_reason', f"close_reason IS NULL OR close_reason IN {OFFICER_REASONS}")
