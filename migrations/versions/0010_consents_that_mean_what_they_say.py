"""Consents that mean what they say: anonymous candidate lists, invitations, referral requests, a daily cap

A second consent, anonymous_listing (an anonymous profile in verified employers' candidate lists), beside show_profile
(the full profile to the employers one applies or is referred to). It is a new purpose, so nobody has it: existing
consents stay as they are. Each consent now records who gave and who withdrew it (an officer on the person's behalf).
New tables: invitation (an employer invites an anonymous candidate to apply), referral_request (an officer asks the
person's own centre to refer them), candidate_list_view (each list shown: who, which vacancy, how many, when) and
candidate_exposure (the people an employer was shown on a day, which the daily cap counts). The profiles that were listed under
show_profile get a new version, so that reconciliation indexes them again without it.

Revision ID: 0010
Revises: 0014 (numbered before it, committed after it)
Create Date: 2026-12-05 08:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0014'
branch_labels = None
depends_on = None

PURPOSES = ('show_profile', 'priority_ranking')


def _foreign_key(table, column, target, ondelete=None):
    return sa.ForeignKeyConstraint(
        [column], [f'{target}.id'], name=op.f(f'fk_{table}_{column}_{target}'), ondelete=ondelete
    )


def upgrade():
    with op.batch_alter_table('consent') as batch_op:
        batch_op.add_column(sa.Column('given_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_by_id', sa.Integer(), nullable=True))
        for column in ('given_by_id', 'withdrawn_by_id'):
            batch_op.create_foreign_key(batch_op.f(f'fk_consent_{column}_account'), 'account', [column], ['id'], ondelete='SET NULL')
        batch_op.drop_constraint(op.f('ck_consent_purpose'), type_='check')
        batch_op.create_check_constraint('purpose', sa.text(f"purpose IN {PURPOSES + ('anonymous_listing',)}"))
    # Their documents still say "shown to employers" (it came from show_profile): a new version has reconciliation
    # index them again, now without it.
    op.execute(
        "UPDATE job_seeker SET version = version + 1 WHERE id IN "
        "(SELECT job_seeker_id FROM consent WHERE purpose = 'show_profile' AND withdrawn_at IS NULL)"
    )
    op.create_table(
        'invitation',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('vacancy_id', sa.Integer(), nullable=False),
        sa.Column('job_seeker_id', sa.Integer(), nullable=False),
        sa.Column('employer_id', sa.Integer(), nullable=False),
        sa.Column('invited_by_id', sa.Integer(), nullable=True),
        sa.Column('message', sa.String(length=500), nullable=True),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('answered_at', sa.DateTime(), nullable=True),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'accepted', 'declined')", name=op.f('ck_invitation_status')),
        _foreign_key('invitation', 'vacancy_id', 'vacancy', 'CASCADE'),
        _foreign_key('invitation', 'job_seeker_id', 'job_seeker', 'CASCADE'),
        _foreign_key('invitation', 'employer_id', 'employer', 'CASCADE'),
        _foreign_key('invitation', 'invited_by_id', 'account', 'SET NULL'),
        _foreign_key('invitation', 'application_id', 'application', 'SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_invitation')),
        sa.UniqueConstraint('vacancy_id', 'job_seeker_id', name=op.f('uq_invitation_vacancy_id')),
    )
    with op.batch_alter_table('invitation') as batch_op:
        batch_op.create_index(batch_op.f('ix_invitation_vacancy_id'), ['vacancy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_job_seeker_id'), ['job_seeker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_invitation_created_at'), ['created_at'], unique=False)
    op.create_table(
        'referral_request',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('vacancy_id', sa.Integer(), nullable=False),
        sa.Column('job_seeker_id', sa.Integer(), nullable=False),
        sa.Column('centre_id', sa.Integer(), nullable=False),
        sa.Column('requested_by_id', sa.Integer(), nullable=True),
        sa.Column('message', sa.String(length=500), nullable=True),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('answered_at', sa.DateTime(), nullable=True),
        sa.Column('answered_by_id', sa.Integer(), nullable=True),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'referred', 'declined')", name=op.f('ck_referral_request_status')),
        _foreign_key('referral_request', 'vacancy_id', 'vacancy', 'CASCADE'),
        _foreign_key('referral_request', 'job_seeker_id', 'job_seeker', 'CASCADE'),
        _foreign_key('referral_request', 'centre_id', 'centre'),
        _foreign_key('referral_request', 'requested_by_id', 'account', 'SET NULL'),
        _foreign_key('referral_request', 'answered_by_id', 'account', 'SET NULL'),
        _foreign_key('referral_request', 'application_id', 'application', 'SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_request')),
        sa.UniqueConstraint('vacancy_id', 'job_seeker_id', name=op.f('uq_referral_request_vacancy_id')),
    )
    with op.batch_alter_table('referral_request') as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_request_vacancy_id'), ['vacancy_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_request_job_seeker_id'), ['job_seeker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_request_centre_id'), ['centre_id'], unique=False)
    op.create_table(
        'candidate_list_view',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor_id', sa.Integer(), nullable=True),
        sa.Column('employer_id', sa.Integer(), nullable=True),
        sa.Column('vacancy_id', sa.Integer(), nullable=True),
        sa.Column('shown', sa.Integer(), nullable=False),
        _foreign_key('candidate_list_view', 'actor_id', 'account', 'SET NULL'),
        _foreign_key('candidate_list_view', 'employer_id', 'employer', 'CASCADE'),
        _foreign_key('candidate_list_view', 'vacancy_id', 'vacancy', 'SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate_list_view')),
    )
    with op.batch_alter_table('candidate_list_view') as batch_op:
        batch_op.create_index(batch_op.f('ix_candidate_list_view_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_candidate_list_view_actor_id'), ['actor_id'], unique=False)
    op.create_table(
        'candidate_exposure',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('employer_id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('job_seeker_id', sa.Integer(), nullable=False),
        _foreign_key('candidate_exposure', 'employer_id', 'employer', 'CASCADE'),
        _foreign_key('candidate_exposure', 'job_seeker_id', 'job_seeker', 'CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate_exposure')),
        sa.UniqueConstraint('employer_id', 'day', 'job_seeker_id', name=op.f('uq_candidate_exposure_employer_id')),
    )


def downgrade():
    op.drop_table('candidate_exposure')
    op.drop_table('candidate_list_view')
    op.drop_table('referral_request')
    op.drop_table('invitation')
    op.execute("DELETE FROM consent WHERE purpose = 'anonymous_listing'")
    with op.batch_alter_table('consent') as batch_op:
        batch_op.drop_constraint(op.f('ck_consent_purpose'), type_='check')
        batch_op.create_check_constraint('purpose', sa.text(f"purpose IN {PURPOSES}"))
        batch_op.drop_constraint(batch_op.f('fk_consent_withdrawn_by_id_account'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_consent_given_by_id_account'), type_='foreignkey')
        batch_op.drop_column('withdrawn_by_id')
        batch_op.drop_column('given_by_id')
