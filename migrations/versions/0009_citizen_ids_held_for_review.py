"""Citizen IDs held for the centre's review

A job seeker who gives, on their own profile (at sign-up or later), a citizen ID that another profile holds was told
"already registered to another worker": anyone could test citizen IDs that way. Such an ID is now kept in
job_seeker.citizen_id_under_review, outside the unique citizen_id, until an officer of the person's centre has seen
the card; the person is answered as if the ID were free. Nothing existing changes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-09 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('job_seeker') as batch_op:
        batch_op.add_column(sa.Column('citizen_id_under_review', sa.String(length=12), nullable=True))


def downgrade():
    # An ID still under review is lost: the profile keeps the ID it had before.
    with op.batch_alter_table('job_seeker') as batch_op:
        batch_op.drop_column('citizen_id_under_review')
