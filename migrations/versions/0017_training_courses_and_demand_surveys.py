"""Vocational training (providers, courses, enrolments with their certificates, follow-ups at 3 and 6 months after
completion) and the training demand survey (campaigns, job seekers' wishes, employers' needs)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 07:43:34.626205

"""
import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('demand_survey',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('centre_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_demand_survey_dates')),
    sa.ForeignKeyConstraint(['centre_id'], ['centre.id'], name=op.f('fk_demand_survey_centre_id_centre')),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], name=op.f('fk_demand_survey_created_by_id_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_demand_survey'))
    )
    with op.batch_alter_table('demand_survey', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_demand_survey_centre_id'), ['centre_id'], unique=False)

    op.create_table('training_provider',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('centre_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['centre_id'], ['centre.id'], name=op.f('fk_training_provider_centre_id_centre')),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'],
                            name=op.f('fk_training_provider_created_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['ward_code'], ['ward.code'], name=op.f('fk_training_provider_ward_code_ward')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_provider')),
    sa.UniqueConstraint('centre_id', 'name', name=op.f('uq_training_provider_centre_id'))
    )
    with op.batch_alter_table('training_provider', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_provider_centre_id'), ['centre_id'], unique=False)

    op.create_table('skill_need',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('isco_code', sa.String(length=4), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=True),
    sa.Column('workers', sa.Integer(), nullable=False),
    sa.Column('needed_from', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('workers > 0', name=op.f('ck_skill_need_workers')),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_skill_need_employer_id_employer'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['isco_code'], ['isco_group.code'], name=op.f('fk_skill_need_isco_code_isco_group')),
    sa.ForeignKeyConstraint(['survey_id'], ['demand_survey.id'], name=op.f('fk_skill_need_survey_id_demand_survey'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ward_code'], ['ward.code'], name=op.f('fk_skill_need_ward_code_ward')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_skill_need')),
    sa.UniqueConstraint('survey_id', 'employer_id', 'isco_code', name=op.f('uq_skill_need_survey_id'))
    )
    with op.batch_alter_table('skill_need', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_skill_need_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_skill_need_survey_id'), ['survey_id'], unique=False)

    op.create_table('training_course',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('centre_id', sa.Integer(), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('isco_code', sa.String(length=4), nullable=False),
    sa.Column('length_value', sa.Integer(), nullable=False),
    sa.Column('length_unit', sa.String(length=5), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.Column('seats', sa.Integer(), nullable=False),
    sa.Column('cost_vnd', sa.BigInteger(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("length_unit IN ('day', 'month')", name=op.f('ck_training_course_length_unit')),
    sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_training_course_dates')),
    sa.CheckConstraint('length_value > 0 AND seats > 0 AND cost_vnd >= 0', name=op.f('ck_training_course_positive')),
    sa.ForeignKeyConstraint(['centre_id'], ['centre.id'], name=op.f('fk_training_course_centre_id_centre')),
    sa.ForeignKeyConstraint(['created_by_id'], ['account.id'], name=op.f('fk_training_course_created_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['isco_code'], ['isco_group.code'], name=op.f('fk_training_course_isco_code_isco_group')),
    sa.ForeignKeyConstraint(['provider_id'], ['training_provider.id'], name=op.f('fk_training_course_provider_id_training_provider')),
    sa.ForeignKeyConstraint(['ward_code'], ['ward.code'], name=op.f('fk_training_course_ward_code_ward')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_course'))
    )
    with op.batch_alter_table('training_course', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_course_centre_id'), ['centre_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_course_isco_code'), ['isco_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_course_provider_id'), ['provider_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_course_starts_on'), ['starts_on'], unique=False)

    op.create_table('training_wish',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('job_seeker_id', sa.Integer(), nullable=False),
    sa.Column('isco_code', sa.String(length=4), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=True),
    sa.Column('wanted_from', sa.Date(), nullable=False),
    sa.Column('travel_km', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['isco_code'], ['isco_group.code'], name=op.f('fk_training_wish_isco_code_isco_group')),
    sa.ForeignKeyConstraint(['job_seeker_id'], ['job_seeker.id'],
                            name=op.f('fk_training_wish_job_seeker_id_job_seeker'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['survey_id'], ['demand_survey.id'], name=op.f('fk_training_wish_survey_id_demand_survey'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ward_code'], ['ward.code'], name=op.f('fk_training_wish_ward_code_ward')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_wish')),
    sa.UniqueConstraint('survey_id', 'job_seeker_id', 'isco_code', name=op.f('uq_training_wish_survey_id'))
    )
    with op.batch_alter_table('training_wish', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_wish_job_seeker_id'), ['job_seeker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_training_wish_survey_id'), ['survey_id'], unique=False)

    op.create_table('enrolment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course_id', sa.Integer(), nullable=False),
    sa.Column('job_seeker_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('enrolled_by_id', sa.Integer(), nullable=True),
    sa.Column('enrolled_at', sa.DateTime(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('certificate_number', sa.String(length=60), nullable=True),
    sa.Column('certificate_date', sa.Date(), nullable=True),
    sa.Column('completion_recorded_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("source IN ('self', 'officer')", name=op.f('ck_enrolment_source')),
    sa.CheckConstraint('(completed_on IS NULL) = (certificate_number IS NULL)', name=op.f('ck_enrolment_certificate')),
    sa.ForeignKeyConstraint(['completion_recorded_by_id'], ['account.id'],
                            name=op.f('fk_enrolment_completion_recorded_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['course_id'], ['training_course.id'], name=op.f('fk_enrolment_course_id_training_course'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['enrolled_by_id'], ['account.id'], name=op.f('fk_enrolment_enrolled_by_id_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['job_seeker_id'], ['job_seeker.id'], name=op.f('fk_enrolment_job_seeker_id_job_seeker'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrolment')),
    sa.UniqueConstraint('course_id', 'job_seeker_id', name=op.f('uq_enrolment_course_id'))
    )
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrolment_course_id'), ['course_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_enrolment_job_seeker_id'), ['job_seeker_id'], unique=False)

    op.create_table('training_follow_up',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enrolment_id', sa.Integer(), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('working', sa.Boolean(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('months IN (3, 6)', name=op.f('ck_training_follow_up_months')),
    sa.ForeignKeyConstraint(['enrolment_id'], ['enrolment.id'],
                            name=op.f('fk_training_follow_up_enrolment_id_enrolment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['account.id'],
                            name=op.f('fk_training_follow_up_recorded_by_id_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training_follow_up')),
    sa.UniqueConstraint('enrolment_id', 'months', name=op.f('uq_training_follow_up_enrolment_id'))
    )
    with op.batch_alter_table('training_follow_up', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_follow_up_enrolment_id'), ['enrolment_id'], unique=False)



def downgrade():
    with op.batch_alter_table('training_follow_up', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_follow_up_enrolment_id'))

    op.drop_table('training_follow_up')
    with op.batch_alter_table('enrolment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrolment_job_seeker_id'))
        batch_op.drop_index(batch_op.f('ix_enrolment_course_id'))

    op.drop_table('enrolment')
    with op.batch_alter_table('training_wish', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_wish_survey_id'))
        batch_op.drop_index(batch_op.f('ix_training_wish_job_seeker_id'))

    op.drop_table('training_wish')
    with op.batch_alter_table('training_course', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_course_starts_on'))
        batch_op.drop_index(batch_op.f('ix_training_course_provider_id'))
        batch_op.drop_index(batch_op.f('ix_training_course_isco_code'))
        batch_op.drop_index(batch_op.f('ix_training_course_centre_id'))

    op.drop_table('training_course')
    with op.batch_alter_table('skill_need', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_skill_need_survey_id'))
        batch_op.drop_index(batch_op.f('ix_skill_need_employer_id'))

    op.drop_table('skill_need')
    with op.batch_alter_table('training_provider', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_provider_centre_id'))

    op.drop_table('training_provider')
    with op.batch_alter_table('demand_survey', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_demand_survey_centre_id'))

    op.drop_table('demand_survey')
