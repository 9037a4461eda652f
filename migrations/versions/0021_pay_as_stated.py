"""Pay as a vacancy states it: per month, day, hour or piece, in đồng or another currency

Two columns on vacancy, salary_unit and salary_currency, each limited to its choices; every existing vacancy states its
pay in đồng a month, as all did until now.

Revision ID: 0021
Revises: 0027
Create Date: 2026-12-05 10:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0027'
branch_labels = None
depends_on = None

UNITS = "('month', 'day', 'hour', 'piece')"
CURRENCIES = "('VND', 'USD', 'JPY', 'KRW', 'TWD')"


def upgrade():
    with op.batch_alter_table('vacancy') as batch_op:
        batch_op.add_column(sa.Column('salary_unit', sa.String(length=5), server_default='month', nullable=False))
        batch_op.add_column(sa.Column('salary_currency', sa.String(length=3), server_default='VND', nullable=False))
    with op.batch_alter_table('vacancy') as batch_op:
        batch_op.create_check_constraint('salary_unit', f"salary_unit IN {UNITS}")
        batch_op.create_check_constraint('salary_currency', f"salary_currency IN {CURRENCIES}")


def downgrade():
    with op.batch_alter_table('vacancy') as batch_op:
        batch_op.drop_constraint('salary_currency', type_='check')
        batch_op.drop_constraint('salary_unit', type_='check')
        batch_op.drop_column('salary_currency')
        batch_op.drop_column('salary_unit')
