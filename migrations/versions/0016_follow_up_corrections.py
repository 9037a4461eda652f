"""Follow-up corrections: the earlier answers of a placement's 3- or 6-month follow-up, kept when an officer corrects it

Nothing existing changes: every recorded follow-up stays its own latest answer, with no correction.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 07:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('placement_follow_up_correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('follow_up_id', sa.Integer(), nullable=False),
    sa.Column('still_employed', sa.Boolean(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('corrected_by_id', sa.Integer(), nullable=True),
    sa.Column('corrected_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['follow_up_id'], ['placement_follow_up.id'],
                            name=op.f('fk_placement_follow_up_correction_follow_up_id_placement_follow_up'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['account.id'],
                            name=op.f('fk_placement_follow_up_correction_recorded_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['corrected_by_id'], ['account.id'],
                            name=op.f('fk_placement_follow_up_correction_corrected_by_id_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placement_follow_up_correction'))
    )
    with op.batch_alter_table('placement_follow_up_correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placement_follow_up_correction_follow_up_id'), ['follow_up_id'], unique=False)


def downgrade():
    with op.batch_alter_table('placement_follow_up_correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_placement_follow_up_correction_follow_up_id'))
    op.drop_table('placement_follow_up_correction')
