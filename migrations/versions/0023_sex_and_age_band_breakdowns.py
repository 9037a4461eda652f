"""Job seekers' sex (optional: "not_stated" unless the person says), and the statistics' breakdowns by sex and age band

Every existing profile is "not_stated"; the statistics job computes the new breakdowns on its next run.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 09:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None

SEXES = "('female', 'male', 'not_stated')"
BREAKDOWNS = "('total', 'isco_major', 'occupation', 'sector', 'destination', 'programme', 'stage')"
WITH_PEOPLE = "('total', 'isco_major', 'occupation', 'sector', 'destination', 'programme', 'stage', 'sex', 'age_band')"


def upgrade():
    with op.batch_alter_table('job_seeker') as batch_op:
        batch_op.add_column(sa.Column('sex', sa.String(length=10), nullable=False, server_default='not_stated'))
        batch_op.create_check_constraint('sex', f"sex IN {SEXES}")
    with op.batch_alter_table('stat_snapshot') as batch_op:
        batch_op.drop_constraint(op.f('ck_stat_snapshot_breakdown'), type_='check')
        batch_op.create_check_constraint('breakdown', f"breakdown IN {WITH_PEOPLE}")


def downgrade():
    op.execute("DELETE FROM stat_snapshot WHERE breakdown IN ('sex', 'age_band')")
    with op.batch_alter_table('stat_snapshot') as batch_op:
        batch_op.drop_constraint(op.f('ck_stat_snapshot_breakdown'), type_='check')
        batch_op.create_check_constraint('breakdown', f"breakdown IN {BREAKDOWNS}")
    with op.batch_alter_table('job_seeker') as batch_op:
        batch_op.drop_constraint(op.f('ck_job_seeker_sex'), type_='check')
        batch_op.drop_column('sex')
