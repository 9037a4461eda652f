"""Training support's own conditions (Circular 152/2016/TT-BTC): working age, and a certified self-employment plan or an
employer's commitment, which a claim now names

Support claims get the commitment the officer saw; the training scheme's stored versions get the conditions they carry
in the reference data (a version an administrator already gave conditions keeps its own).

Revision ID: 0027
Revises: 0020
Create Date: 2026-12-05 11:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0027'
down_revision = '0020'
branch_labels = None
depends_on = None

CONDITIONS = ["working_age", "employment_commitment"]
versions = sa.table("support_scheme_version", sa.column("id", sa.Integer), sa.column("scheme_id", sa.Integer),
                    sa.column("rules", sa.JSON))
schemes = sa.table("support_scheme", sa.column("id", sa.Integer), sa.column("code", sa.String))


def _training_versions(connection):
    return connection.execute(sa.select(versions.c.id, versions.c.rules).join(schemes, schemes.c.id == versions.c.scheme_id)
                              .where(schemes.c.code == "HOC_NGHE")).all()


def upgrade():
    with op.batch_alter_table('support_claim') as batch_op:
        batch_op.add_column(sa.Column('commitment', sa.String(length=30), nullable=True))
    connection = op.get_bind()
    for version_id, rules in _training_versions(connection):
        if "conditions" not in rules:
            connection.execute(versions.update().where(versions.c.id == version_id).values(rules={**rules, "conditions": CONDITIONS}))


def downgrade():
    connection = op.get_bind()
    for version_id, rules in _training_versions(connection):
        if rules.get("conditions") == CONDITIONS:
            connection.execute(versions.update().where(versions.c.id == version_id).values(
                rules={key: value for key, value in rules.items() if key != "conditions"}))
    with op.batch_alter_table('support_claim') as batch_op:
        batch_op.drop_column('commitment')
