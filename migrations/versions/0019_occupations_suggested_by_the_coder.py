"""Occupations suggested by the coder, and employers' own references for vacancies imported in bulk

A vacancy may be posted without an occupation code: the occupation coder's best answer for its title is stored and
vacancy.occupation_suggested says so until the employer confirms it. Existing vacancies chose their code themselves.
vacancy.external_ref is the employer's own reference, unique per employer (many vacancies have none), so that a batch
sent again updates what it posted before.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 07:30:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('vacancy') as batch_op:
        batch_op.add_column(sa.Column('occupation_suggested', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('external_ref', sa.String(length=100), nullable=True))
        batch_op.create_unique_constraint('uq_vacancy_employer_external_ref', ['employer_id', 'external_ref'])


def downgrade():
    with op.batch_alter_table('vacancy') as batch_op:
        batch_op.drop_constraint('uq_vacancy_employer_external_ref', type_='unique')
        batch_op.drop_column('external_ref')
        batch_op.drop_column('occupation_suggested')
