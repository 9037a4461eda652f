"""Names folded for finding people

Officers find a job seeker, and administrators an account, by a name typed with or without diacritics, partial and in
any order. The name is folded in Python (rules/person.py: no diacritics, đ → d, lower case) into a stored column
beside it, so that the search works the same on SQLite (whose LIKE folds nothing beyond ASCII) and PostgreSQL. Existing
rows are filled in here.

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-05 07:30:00

"""
import sqlalchemy as sa
from alembic import op

from jobmatch.rules.person import folded_name

# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0011'
branch_labels = None
depends_on = None

NAMED = (("job_seeker", "full_name"), ("account", "display_name"))


def upgrade():
    for table, name_column in NAMED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column('name_folded', sa.String(length=120), nullable=False, server_default=''))
        rows = sa.table(table, sa.column('id', sa.Integer), sa.column(name_column, sa.String), sa.column('name_folded', sa.String))
        connection = op.get_bind()
        folded = [{"row_id": row_id, "folded": folded_name(name)}
                  for row_id, name in connection.execute(sa.select(rows.c.id, rows.c[name_column]))]
        if folded:
            connection.execute(
                sa.update(rows).where(rows.c.id == sa.bindparam("row_id")).values(name_folded=sa.bindparam("folded")), folded
            )


def downgrade():
    for table, _name_column in NAMED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column('name_folded')
