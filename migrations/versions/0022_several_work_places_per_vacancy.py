"""Several work places per vacancy: vacancy_place, each a ward or a whole province

A vacancy has up to 10 places, in order; each is a ward, or a whole province when a posting names only the province.
Every existing vacancy's ward becomes its first place. vacancy.ward_code stays, as the first ward among the places:
statistics, training demand and the centres' review lists count a vacancy in one ward and province, and keep doing so.

Revision ID: 0022
Revises: 0024
Create Date: 2026-12-05 10:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0022'
down_revision = '0024'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'vacancy_place',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('vacancy_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('ward_code', sa.String(length=5), nullable=True),
        sa.Column('province_code', sa.String(length=2), nullable=True),
        sa.CheckConstraint('(ward_code IS NULL) <> (province_code IS NULL)', name=op.f('ck_vacancy_place_ward_or_province')),
        sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_vacancy_place_vacancy_id_vacancy'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['ward_code'], ['ward.code'], name=op.f('fk_vacancy_place_ward_code_ward')),
        sa.ForeignKeyConstraint(['province_code'], ['province.code'], name=op.f('fk_vacancy_place_province_code_province')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_vacancy_place')),
        sa.UniqueConstraint('vacancy_id', 'position', name=op.f('uq_vacancy_place_position')),
    )
    with op.batch_alter_table('vacancy_place') as batch_op:
        batch_op.create_index(batch_op.f('ix_vacancy_place_vacancy_id'), ['vacancy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vacancy_place_ward_code'), ['ward_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_vacancy_place_province_code'), ['province_code'], unique=False)
    op.execute("INSERT INTO vacancy_place (vacancy_id, position, ward_code) "
               "SELECT id, 0, ward_code FROM vacancy WHERE ward_code IS NOT NULL ORDER BY id")
    # The documents do not change (a ward's place is as before), so versions and the index stay as they are.


def downgrade():
    # A vacancy keeps its first ward; its other places, and places that name a whole province, are lost.
    op.drop_table('vacancy_place')
