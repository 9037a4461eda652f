"""platform tables

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 18:34:22.880389

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('isco_group',
    sa.Column('code', sa.String(length=4), nullable=False),
    sa.Column('label_vi', sa.String(length=300), nullable=False),
    sa.Column('label_en', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_isco_group'))
    )
    op.create_table('province',
    sa.Column('code', sa.String(length=2), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=False),
    sa.Column('name_key', sa.String(length=100), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=False),
    sa.Column('longitude', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_province'))
    )
    with op.batch_alter_table('province', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_province_name_key'), ['name_key'], unique=False)

    op.create_table('search_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_outbox'))
    )
    op.create_table('esco_occupation',
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('isco_code', sa.String(length=4), nullable=False),
    sa.Column('label_en', sa.String(length=300), nullable=False),
    sa.Column('alt_labels', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['isco_code'], ['isco_group.code'], name=op.f('fk_esco_occupation_isco_code_isco_group')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_esco_occupation'))
    )
    with op.batch_alter_table('esco_occupation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_esco_occupation_isco_code'), ['isco_code'], unique=False)

    op.create_table('ward',
    sa.Column('code', sa.String(length=5), nullable=False),
    sa.Column('province_code', sa.String(length=2), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('short_name', sa.String(length=100), nullable=False),
    sa.Column('name_key', sa.String(length=100), nullable=False),
    sa.Column('ward_type', sa.String(length=20), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=False),
    sa.Column('longitude', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['province_code'], ['province.code'], name=op.f('fk_ward_province_code_province')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_ward'))
    )
    with op.batch_alter_table('ward', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ward_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_ward_province_code'), ['province_code'], unique=False)

    op.create_table('employer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('tax_code', sa.String(length=14), nullable=False),
    sa.Column('sector', sa.String(length=100), nullable=True),
    sa.Column('size', sa.String(length=20), nullable=True),
    sa.Column('ward_code', sa.String(length=5), nullable=True),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('overseas_licence', sa.String(length=50), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['ward_code'], ['ward.code'], name=op.f('fk_employer_ward_code_ward')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employer')),
    sa.UniqueConstraint('tax_code', name=op.f('uq_employer_tax_code'))
    )
    op.create_table(
        "job_seeker",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("citizen_id", sa.String(length=12), nullable=True),
        sa.Column("phone", sa.String(length=16), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("ward_code", sa.String(length=5), nullable=True),
        sa.Column("education_level", sa.String(length=20), nullable=True),
        sa.Column("desired_isco_codes", sa.JSON(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("experience_years", sa.Integer(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("expected_salary", sa.BigInteger(), nullable=True),
        sa.Column("commute_radius_km", sa.Integer(), nullable=False),
        sa.Column("willing_to_relocate", sa.Boolean(), nullable=False),
        sa.Column("willing_abroad", sa.Boolean(), nullable=False),
        sa.Column("abroad_countries", sa.JSON(), nullable=False),
        sa.Column("visibility", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "education_level IS NULL OR education_level IN ('none', 'primary', 'lower_secondary', 'upper_secondary', "
            "'vocational', 'college', 'university', 'postgraduate')",
            name=op.f("ck_job_seeker_education_level"),
        ),
        sa.CheckConstraint("visibility IN ('public', 'anonymous', 'hidden')", name=op.f("ck_job_seeker_visibility")),
        sa.ForeignKeyConstraint(["ward_code"], ["ward.code"], name=op.f("fk_job_seeker_ward_code_ward")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_seeker")),
        sa.UniqueConstraint("citizen_id", name=op.f("uq_job_seeker_citizen_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('job_seeker', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_job_seeker_ward_code'), ['ward_code'], unique=False)

    op.create_table('legacy_ward',
    sa.Column('code', sa.String(length=5), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('district_name', sa.String(length=100), nullable=False),
    sa.Column('district_key', sa.String(length=100), nullable=False),
    sa.Column('province_name', sa.String(length=100), nullable=False),
    sa.Column('province_key', sa.String(length=100), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=False),
    sa.ForeignKeyConstraint(['ward_code'], ['ward.code'], name=op.f('fk_legacy_ward_ward_code_ward')),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_legacy_ward'))
    )
    with op.batch_alter_table('legacy_ward', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_legacy_ward_district_key'), ['district_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_legacy_ward_province_key'), ['province_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_legacy_ward_ward_code'), ['ward_code'], unique=False)

    op.create_table(
        "priority_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_seeker_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("ethnic_group", sa.String(length=50), nullable=True),
        sa.Column("ethnic_code_system", sa.String(length=30), nullable=True),
        sa.Column("evidence", sa.String(length=300), nullable=True),
        sa.Column("verified_by", sa.String(length=120), nullable=True),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "category IN ('poor', 'near_poor', 'escaped_poverty', 'ethnic_minority', 'disability')",
            name=op.f("ck_priority_status_category"),
        ),
        sa.ForeignKeyConstraint(
            ["job_seeker_id"], ["job_seeker.id"], name=op.f("fk_priority_status_job_seeker_id_job_seeker"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_priority_status")),
    )
    with op.batch_alter_table('priority_status', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_priority_status_job_seeker_id'), ['job_seeker_id'], unique=False)

    op.create_table('vacancy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('employer_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('isco_code', sa.String(length=4), nullable=False),
    sa.Column('skills', sa.JSON(), nullable=False),
    sa.Column('ward_code', sa.String(length=5), nullable=True),
    sa.Column('salary_min', sa.BigInteger(), nullable=True),
    sa.Column('salary_max', sa.BigInteger(), nullable=True),
    sa.Column('salary_negotiable', sa.Boolean(), nullable=False),
    sa.Column('employment_type', sa.String(length=20), nullable=False),
    sa.Column('openings', sa.Integer(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('welcomes_priority', sa.Boolean(), nullable=False),
    sa.Column('no_experience_required', sa.Boolean(), nullable=False),
    sa.Column('training_provided', sa.Boolean(), nullable=False),
    sa.Column('is_overseas', sa.Boolean(), nullable=False),
    sa.Column('destination_country', sa.String(length=2), nullable=True),
    sa.Column('programme', sa.String(length=20), nullable=True),
    sa.Column('contract_months', sa.Integer(), nullable=True),
    sa.Column('worker_fees_vnd', sa.BigInteger(), nullable=True),
    sa.Column('language_requirement', sa.String(length=100), nullable=True),
    sa.Column('posted_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint("employment_type IN ('full_time', 'part_time', 'seasonal', 'contract')", name=op.f('ck_vacancy_employment_type')),
    sa.CheckConstraint("status IN ('draft', 'open', 'closed', 'filled')", name=op.f('ck_vacancy_status')),
    sa.CheckConstraint('salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max', name=op.f('ck_vacancy_salary_range')),
    sa.ForeignKeyConstraint(['employer_id'], ['employer.id'], name=op.f('fk_vacancy_employer_id_employer')),
    sa.ForeignKeyConstraint(['isco_code'], ['isco_group.code'], name=op.f('fk_vacancy_isco_code_isco_group')),
    sa.ForeignKeyConstraint(['ward_code'], ['ward.code'], name=op.f('fk_vacancy_ward_code_ward')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vacancy')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vacancy_employer_id'), ['employer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vacancy_isco_code'), ['isco_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_vacancy_posted_at'), ['posted_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_vacancy_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_vacancy_ward_code'), ['ward_code'], unique=False)



def downgrade():
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vacancy_ward_code'))
        batch_op.drop_index(batch_op.f('ix_vacancy_status'))
        batch_op.drop_index(batch_op.f('ix_vacancy_posted_at'))
        batch_op.drop_index(batch_op.f('ix_vacancy_isco_code'))
        batch_op.drop_index(batch_op.f('ix_vacancy_employer_id'))

    op.drop_table('vacancy')
    with op.batch_alter_table('priority_status', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_priority_status_job_seeker_id'))

    op.drop_table('priority_status')
    with op.batch_alter_table('legacy_ward', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_legacy_ward_ward_code'))
        batch_op.drop_index(batch_op.f('ix_legacy_ward_province_key'))
        batch_op.drop_index(batch_op.f('ix_legacy_ward_district_key'))

    op.drop_table('legacy_ward')
    with op.batch_alter_table('job_seeker', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_job_seeker_ward_code'))

    op.drop_table('job_seeker')
    op.drop_table('employer')
    with op.batch_alter_table('ward', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ward_province_code'))
        batch_op.drop_index(batch_op.f('ix_ward_name_key'))

    op.drop_table('ward')
    with op.batch_alter_table('esco_occupation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_esco_occupation_isco_code'))

    op.drop_table('esco_occupation')
    op.drop_table('search_outbox')
    with op.batch_alter_table('province', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_province_name_key'))

    op.drop_table('province')
    op.drop_table('isco_group')
