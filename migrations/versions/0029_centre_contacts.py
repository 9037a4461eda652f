"""Centre contacts: phone, e-mail, address, opening hours, and the working days the centre takes to verify a company

Five columns on centre, the contacts optional and the working days 3 for every centre until it says otherwise. The
downgrade drops them.

Revision ID: 0029
Revises: 0028
Create Date: 2026-12-05 15:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0029'
down_revision = '0028'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('centre', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('email', sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column('address', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('opening_hours', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('verification_working_days', sa.Integer(), server_default='3', nullable=False))


def downgrade():
    with op.batch_alter_table('centre', schema=None) as batch_op:
        batch_op.drop_column('verification_working_days')
        batch_op.drop_column('opening_hours')
        batch_op.drop_column('address')
        batch_op.drop_column('email')
        batch_op.drop_column('phone')
