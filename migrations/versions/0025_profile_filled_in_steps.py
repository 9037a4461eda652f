"""A job seeker's profile filled in a step at a time after signing up: the step they come back to

A person signs up with a name, a phone number or email and a password, then fills in the rest of the profile in short
steps saved as they go; setup_step is the step they come back to when they sign in again, NULL once they have been
through them all. Every existing profile was filled in on one page: NULL.

Revision ID: 0025
Revises: 0021
Create Date: 2026-12-05 10:45:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0025'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('job_seeker') as batch_op:
        batch_op.add_column(sa.Column('setup_step', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('job_seeker') as batch_op:
        batch_op.drop_column('setup_step')
