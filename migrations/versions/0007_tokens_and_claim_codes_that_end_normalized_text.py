"""API tokens and claim codes that end; names and free text normalized (NFC, no format characters)

API tokens get an expiry. A token already issued ends 90 days after it was made (the new default lifetime), but not
sooner than 14 days after this upgrade, so that whoever runs an integration has two weeks to make a new token on the
account page instead of finding it cut off without warning. Tokens of disabled accounts, and of administrators (no
longer offered tokens: the API serves no work of theirs), are revoked: re-enabling an account must not revive them.

Claim codes get an expiry, and are kept as an HMAC under a key outside the database instead of a plain SHA-256. The
codes themselves were never stored, so the old hashes cannot be turned into keyed ones; and keeping them, even for a
while, keeps what this change removes (a 40-bit code is found from its plain hash in minutes). They are deleted: the
person whose profile is not claimed yet asks the centre, whose officer gives a new code from the profile's page.

Names and free text written through the forms and the API are now stored composed (NFC) and without Unicode format
characters (bidi controls, zero-width characters, soft hyphens): existing rows are brought to the same form. Rows of
indexed tables that change get a new version and an outbox row, so the search index follows.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 09:00:00

"""
import unicodedata
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

TOKEN_LIFETIME = timedelta(days=90)
TOKEN_GRACE = timedelta(days=14)
BATCH = 1000

# (table, text columns, JSON columns whose strings are text) as the write schemas' Text fields fill them.
FREE_TEXT = [
    ("account", ("display_name",), ()),
    ("api_token", ("name",), ()),
    ("employer", ("name", "sector", "overseas_licence"), ()),
    ("job_seeker", ("full_name",), ("skills", "languages")),
    ("priority_status", ("evidence",), ()),
    ("vacancy", ("title", "description", "programme", "language_requirement"), ("skills",)),
    ("job_fair", ("title", "venue"), ()),
    ("saved_search", ("name",), ()),
    ("programme_version", ("name_vi", "name_en", "sources", "note"), ("sectors", "stages", "rules")),
    ("overseas_case_event", ("document",), ()),
    ("agency_report", ("description", "review_note"), ()),
]
INDEXED = {"job_seeker": "job_seeker", "vacancy": "vacancy"}  # table → search outbox entity


def normalized_text(text):
    """As jobmatch.schemas.fields.normalized_text was when this revision was written: NFC, category Cf removed, trimmed."""
    return "".join(character for character in unicodedata.normalize("NFC", text) if unicodedata.category(character) != "Cf").strip()


def _normalized(value):
    if isinstance(value, str):
        return normalized_text(value)
    if isinstance(value, list):
        return [_normalized(item) for item in value]
    if isinstance(value, dict):
        return {key: _normalized(item) for key, item in value.items()}
    return value


def upgrade():
    now = datetime.now(UTC).replace(tzinfo=None)
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.add_column(sa.Column('expires_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('job_seeker', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claim_code_expires_at', sa.DateTime(), nullable=True))

    connection = op.get_bind()
    api_token = sa.table('api_token', sa.column('id', sa.Integer), sa.column('account_id', sa.Integer),
                         sa.column('created_at', sa.DateTime), sa.column('expires_at', sa.DateTime),
                         sa.column('revoked_at', sa.DateTime))
    account = sa.table('account', sa.column('id', sa.Integer), sa.column('role', sa.String), sa.column('disabled', sa.Boolean))
    for token_id, created_at in connection.execute(sa.select(api_token.c.id, api_token.c.created_at)).all():
        connection.execute(api_token.update().where(api_token.c.id == token_id)
                           .values(expires_at=max(created_at + TOKEN_LIFETIME, now + TOKEN_GRACE)))
    connection.execute(
        api_token.update()
        .where(api_token.c.revoked_at.is_(None),
               api_token.c.account_id.in_(sa.select(account.c.id).where(sa.or_(account.c.disabled, account.c.role == 'admin'))))
        .values(revoked_at=now)
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.alter_column('expires_at', existing_type=sa.DateTime(), nullable=False)

    op.execute("UPDATE job_seeker SET claim_code_hash = NULL")

    _normalize_free_text(connection, now)


def _normalize_free_text(connection, now):
    outbox = sa.table('search_outbox', sa.column('entity', sa.String), sa.column('entity_id', sa.Integer),
                      sa.column('version', sa.Integer), sa.column('created_at', sa.DateTime))
    changed_employers = []
    for table_name, text_columns, json_columns in FREE_TEXT:
        versioned = table_name in ("employer", *INDEXED)
        table = sa.table(table_name, sa.column('id', sa.Integer), *(sa.column(name, sa.Text) for name in text_columns),
                         *(sa.column(name, sa.JSON) for name in json_columns),
                         *([sa.column('version', sa.Integer)] if versioned else []))
        names = (*text_columns, *json_columns)
        last_id = 0
        while rows := connection.execute(
            sa.select(table).where(table.c.id > last_id).order_by(table.c.id).limit(BATCH)
        ).mappings().all():
            last_id = rows[-1]["id"]
            for row in rows:
                changes = {name: _normalized(row[name]) for name in names if row[name] is not None}
                changes = {name: value for name, value in changes.items() if value != row[name]}
                if not changes:
                    continue
                if versioned:
                    changes["version"] = row["version"] + 1
                connection.execute(table.update().where(table.c.id == row["id"]).values(**changes))
                if table_name in INDEXED:
                    connection.execute(outbox.insert().values(entity=INDEXED[table_name], entity_id=row["id"],
                                                              version=changes["version"], created_at=now))
                elif table_name == "employer":
                    changed_employers.append(row["id"])
    # A vacancy's search document carries its employer's name.
    vacancy = sa.table('vacancy', sa.column('id', sa.Integer), sa.column('employer_id', sa.Integer), sa.column('version', sa.Integer))
    for start in range(0, len(changed_employers), BATCH):
        employer_ids = changed_employers[start:start + BATCH]
        for vacancy_id, version in connection.execute(
            sa.select(vacancy.c.id, vacancy.c.version).where(vacancy.c.employer_id.in_(employer_ids))
        ).all():
            connection.execute(vacancy.update().where(vacancy.c.id == vacancy_id).values(version=version + 1))
            connection.execute(outbox.insert().values(entity="vacancy", entity_id=vacancy_id, version=version + 1, created_at=now))


def downgrade():
    # Normalized text stays normalized and the deleted claim-code hashes stay deleted: neither can be undone.
    with op.batch_alter_table('job_seeker', schema=None) as batch_op:
        batch_op.drop_column('claim_code_expires_at')
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.drop_column('expires_at')
