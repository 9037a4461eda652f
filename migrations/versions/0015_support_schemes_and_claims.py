"""Support schemes (versioned by the day their legal text took effect), the claims recorded under them, loan dossiers

Revision ID: 0015
Revises: 0010
Create Date: 2026-12-05 08:10:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('support_scheme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('applies_to', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("applies_to IN ('overseas', 'training')", name=op.f('ck_support_scheme_applies_to')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_scheme')),
    sa.UniqueConstraint('code', name=op.f('uq_support_scheme_code'))
    )
    op.create_table('support_scheme_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scheme_id', sa.Integer(), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=False),
    sa.Column('name_vi', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.Column('sources', sa.Text(), nullable=False),
    sa.Column('unconfirmed', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'],
                            name=op.f('fk_support_scheme_version_created_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['scheme_id'], ['support_scheme.id'],
                            name=op.f('fk_support_scheme_version_scheme_id_support_scheme'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_scheme_version')),
    sa.UniqueConstraint('scheme_id', 'valid_from', name=op.f('uq_support_scheme_version_scheme_id'))
    )
    with op.batch_alter_table('support_scheme_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_scheme_version_scheme_id'), ['scheme_id'], unique=False)

    op.create_table('support_claim',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('job_seeker_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('centre_id', sa.Integer(), nullable=False),
    sa.Column('scheme_version_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=30), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('amount_vnd', sa.BigInteger(), nullable=False),
    sa.Column('cap_vnd', sa.BigInteger(), nullable=True),
    sa.Column('claimed_on', sa.Date(), nullable=False),
    sa.Column('receipt_number', sa.String(length=60), nullable=False),
    sa.Column('receipt_date', sa.Date(), nullable=False),
    sa.Column('receipt_issuer', sa.String(length=200), nullable=False),
    sa.Column('document_seen', sa.String(length=300), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('pending', 'approved', 'paid', 'cancelled')", name=op.f('ck_support_claim_status')),
    sa.CheckConstraint('amount_vnd > 0 AND quantity > 0', name=op.f('ck_support_claim_positive')),
    sa.CheckConstraint("(status IN ('approved', 'paid')) = (approved_on IS NOT NULL)", name=op.f('ck_support_claim_approved_on')),
    sa.CheckConstraint("(status = 'paid') = (paid_on IS NOT NULL)", name=op.f('ck_support_claim_paid_on')),
    sa.ForeignKeyConstraint(['approved_by_id'], ['account.id'], name=op.f('fk_support_claim_approved_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['case_id'], ['overseas_case.id'], name=op.f('fk_support_claim_case_id_overseas_case'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['centre_id'], ['centre.id'], name=op.f('fk_support_claim_centre_id_centre')),
    sa.ForeignKeyConstraint(['job_seeker_id'], ['job_seeker.id'],
                            name=op.f('fk_support_claim_job_seeker_id_job_seeker'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['account.id'], name=op.f('fk_support_claim_recorded_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['scheme_version_id'], ['support_scheme_version.id'],
                            name=op.f('fk_support_claim_scheme_version_id_support_scheme_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_support_claim'))
    )
    with op.batch_alter_table('support_claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_support_claim_job_seeker_id'), ['job_seeker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_support_claim_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_support_claim_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_support_claim_claimed_on'), ['claimed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_support_claim_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_support_claim_approved_on'), ['approved_on'], unique=False)


    op.create_table('loan_dossier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('job_seeker_id', sa.Integer(), nullable=False),
    sa.Column('centre_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('amount_vnd', sa.BigInteger(), nullable=False),
    sa.Column('costs_vnd', sa.BigInteger(), nullable=False),
    sa.Column('term_months', sa.Integer(), nullable=False),
    sa.Column('bank_branch', sa.String(length=200), nullable=False),
    sa.Column('verdicts', sa.JSON(), nullable=False),
    sa.Column('prepared_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('approved_amount_vnd', sa.BigInteger(), nullable=True),
    sa.Column('refusal_reason', sa.String(length=300), nullable=True),
    sa.Column('disbursed_on', sa.Date(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('prepared', 'submitted', 'approved', 'disbursed', 'refused')", name=op.f('ck_loan_dossier_status')),
    sa.CheckConstraint("kind IN ('decree_338', 'eps_deposit')", name=op.f('ck_loan_dossier_kind')),
    sa.CheckConstraint('amount_vnd > 0 AND term_months > 0', name=op.f('ck_loan_dossier_positive')),
    sa.ForeignKeyConstraint(['case_id'], ['overseas_case.id'], name=op.f('fk_loan_dossier_case_id_overseas_case'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['centre_id'], ['centre.id'], name=op.f('fk_loan_dossier_centre_id_centre')),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], name=op.f('fk_loan_dossier_created_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['job_seeker_id'], ['job_seeker.id'], name=op.f('fk_loan_dossier_job_seeker_id_job_seeker'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_loan_dossier'))
    )
    with op.batch_alter_table('loan_dossier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_loan_dossier_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loan_dossier_job_seeker_id'), ['job_seeker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loan_dossier_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_loan_dossier_status'), ['status'], unique=False)


def downgrade():
    op.drop_table('loan_dossier')
    op.drop_table('support_claim')
    op.drop_table('support_scheme_version')
    op.drop_table('support_scheme')
