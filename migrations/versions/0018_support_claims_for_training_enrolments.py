"""Support claims for a training enrolment: a claim hangs off an overseas case or a course enrolment

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 08:15:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('support_claim', schema=None) as batch_op:
        batch_op.add_column(sa.Column('enrolment_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_support_claim_enrolment_id'), ['enrolment_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_support_claim_enrolment_id_enrolment'), 'enrolment', ['enrolment_id'], ['id'],
                                    ondelete='CASCADE')


def downgrade():
    with op.batch_alter_table('support_claim', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_support_claim_enrolment_id_enrolment'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_support_claim_enrolment_id'))
        batch_op.drop_column('enrolment_id')
