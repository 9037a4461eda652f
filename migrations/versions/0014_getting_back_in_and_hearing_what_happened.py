"""Getting back in, and hearing what happened

Accounts gain what password resets, forced password changes, locks with a reason and the choice of notification
channel need: account.disabled_reason (why an administrator locked it), account.must_change_password (an administrator
chose the password), account.reset_code_hash and reset_code_expires_at (a reset code a centre hands to a person without
email: keyed hash only, single use), and account.notify_by ("site", "email" or "sms"; none: email when there is an
address). Nothing existing changes: no account must change its password, none has a code, channels stay automatic.

The ethnic group 08 is named as the General Statistics Office writes it, "H'Mông" (it was loaded as "HMông").

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 07:45:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('account') as batch_op:
        batch_op.add_column(sa.Column('disabled_reason', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('reset_code_hash', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('reset_code_expires_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('notify_by', sa.String(length=5), nullable=True))
        batch_op.create_check_constraint('notify_by', "notify_by IS NULL OR notify_by IN ('site', 'email', 'sms')")
    op.execute("UPDATE ethnic_group SET name = 'H''Mông' WHERE code = '08' AND name = 'HMông'")


def downgrade():
    op.execute("UPDATE ethnic_group SET name = 'HMông' WHERE code = '08' AND name = 'H''Mông'")
    with op.batch_alter_table('account') as batch_op:
        batch_op.drop_constraint('notify_by', type_='check')
        for column in ('notify_by', 'reset_code_expires_at', 'reset_code_hash', 'must_change_password', 'disabled_reason'):
            batch_op.drop_column(column)
