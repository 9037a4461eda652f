"""Search outbox ids that are never handed out twice

A relay deletes the outbox rows it has sent by their ids. On SQLite, an INTEGER PRIMARY KEY without AUTOINCREMENT
takes the largest id plus one, so once the table empties the next row gets an id that was used before: a relay still
holding that id from its read (another relay having sent and deleted the rows meanwhile) deleted the new row unsent,
and the index stayed stale until reconciliation. The table is recreated with AUTOINCREMENT, its rows and ids kept.

On PostgreSQL the id has been a serial column since 0001, and a sequence never hands out a number twice; this revision
only makes sure the sequence is there (a table made some other way gets one, starting after its largest id).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _recreate_outbox(autoincrement):
    # Batch mode copies the rows, ids included, into a table made anew: SQLite cannot add AUTOINCREMENT in place.
    with op.batch_alter_table('search_outbox', recreate='always', table_kwargs={'sqlite_autoincrement': autoincrement}):
        pass


def upgrade():
    connection = op.get_bind()
    if connection.dialect.name == 'sqlite':
        _recreate_outbox(autoincrement=True)
    elif connection.dialect.name == 'postgresql' and connection.scalar(
        sa.text("SELECT pg_get_serial_sequence('search_outbox', 'id')")
    ) is None:
        op.execute("CREATE SEQUENCE search_outbox_id_seq OWNED BY search_outbox.id")
        op.execute("SELECT setval('search_outbox_id_seq', COALESCE(MAX(id), 0) + 1, false) FROM search_outbox")
        op.execute("ALTER TABLE search_outbox ALTER COLUMN id SET DEFAULT nextval('search_outbox_id_seq')")


def downgrade():
    # PostgreSQL keeps its sequence: 0007's serial column had one too.
    if op.get_bind().dialect.name == 'sqlite':
        _recreate_outbox(autoincrement=False)
