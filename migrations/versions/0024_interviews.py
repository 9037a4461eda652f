"""Interviews scheduled on applications: when, where (a place or an online link), a message, and what replaced it

Nothing existing changes: no application has an interview yet.

Revision ID: 0024
Revises: 0025
Create Date: 2026-12-05 10:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0024'
down_revision = '0025'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('interview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=True),
    sa.Column('online_link', sa.String(length=500), nullable=True),
    sa.Column('message', sa.String(length=1000), nullable=True),
    sa.Column('scheduled_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('replaced_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint('place IS NOT NULL OR online_link IS NOT NULL', name=op.f('ck_interview_where')),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], name=op.f('fk_interview_application_id_application'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['scheduled_by_id'], ['account.id'], name=op.f('fk_interview_scheduled_by_id_account'),
                            ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interview'))
    )
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_application_id'), ['application_id'], unique=False)


def downgrade():
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_application_id'))
    op.drop_table('interview')
