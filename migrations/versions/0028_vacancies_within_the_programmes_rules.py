"""Vacancies within the programmes' rules: public bodies, and EPS recruited for by them alone

A column employer.public_body (the Centre of Overseas Labour, a public employment service centre: marked by an
administrator). EPS, as loaded before, gets a new version whose rules say only public bodies recruit for it (with the
official website); then every open vacancy of a programme whose rules say so is closed when a private company posted it
or it lists a service fee, with a new version (so reconciliation indexes it again), and each account of its employer is told why.

Safe to run again: the column and the version are added only when missing, and only open vacancies are closed (drafts
stay drafts: publishing checks the rule). The downgrade drops the column and the version; closed vacancies stay closed.

Revision ID: 0028
Revises: 0023
Create Date: 2026-12-05 14:30:00


Deploying it: no company is marked public before it runs, so it closes every open EPS vacancy, the Centre of Overseas
Labour's own included. Mark the Centre (`flask accounts mark-public-body <tax code>`), then it reopens its vacancies: a
closed vacancy can be reopened, and reopening checks the rules again.
"""
import sqlalchemy as sa
from alembic import op

from jobmatch.rules.clock import utc_now

revision = '0028'
down_revision = '0023'
branch_labels = None
depends_on = None

NOTE = "Chỉ Trung tâm Lao động ngoài nước và các trung tâm dịch vụ việc làm công tuyển chọn cho EPS (migration 0028)."
EPS_RULES = {"recruiters": "public_only", "hotline": None, "official_website": "http://colab.gov.vn"}
EPS_SOURCES = (
    " Who recruits: only the Centre of Overseas Labour and the public employment service centres acting for it; no"
    " private agency may post EPS vacancies or charge any fee for it (Law 69/2020/QH14, Art. 5; the Centre's notices;"
    " website colab.gov.vn). No official hotline number could be confirmed from a public source."
)

programme = sa.table("programme", sa.column("id", sa.Integer), sa.column("code", sa.String))
version = sa.table(
    "programme_version", sa.column("id", sa.Integer), sa.column("programme_id", sa.Integer), sa.column("number", sa.Integer),
    sa.column("name_vi", sa.String), sa.column("name_en", sa.String), sa.column("sectors", sa.JSON),
    sa.column("stages", sa.JSON), sa.column("rules", sa.JSON), sa.column("sources", sa.Text), sa.column("note", sa.String),
    sa.column("created_at", sa.DateTime),
)
vacancy = sa.table(
    "vacancy", sa.column("id", sa.Integer), sa.column("employer_id", sa.Integer), sa.column("title", sa.String),
    sa.column("programme", sa.String), sa.column("status", sa.String), sa.column("fees", sa.JSON),
    sa.column("worker_fees_vnd", sa.BigInteger), sa.column("version", sa.Integer), sa.column("updated_at", sa.DateTime),
)
employer = sa.table("employer", sa.column("id", sa.Integer), sa.column("public_body", sa.Boolean))
account = sa.table("account", sa.column("id", sa.Integer), sa.column("employer_id", sa.Integer))
notification = sa.table(
    "notification", sa.column("account_id", sa.Integer), sa.column("kind", sa.String), sa.column("params", sa.JSON),
    sa.column("link", sa.String), sa.column("created_at", sa.DateTime),
)


def upgrade():
    if "public_body" not in {column["name"] for column in sa.inspect(op.get_bind()).get_columns("employer")}:
        with op.batch_alter_table('employer') as batch_op:
            batch_op.add_column(sa.Column('public_body', sa.Boolean(), server_default=sa.false(), nullable=False))
    _eps_for_public_bodies_only()
    _close_vacancies_against_the_rules()


def _current_versions(connection):
    """{code: the row of its version in force} of every programme."""
    rows = connection.execute(
        sa.select(programme.c.code, version).join(version, version.c.programme_id == programme.c.id).order_by(version.c.number))
    return {row.code: row for row in rows}  # the last of each wins


def _eps_for_public_bodies_only():
    connection = op.get_bind()
    current = _current_versions(connection).get("EPS")
    if current is None or "recruiters" in (current.rules or {}):
        return
    connection.execute(sa.insert(version).values(
        programme_id=current.programme_id, number=current.number + 1, name_vi=current.name_vi, name_en=current.name_en,
        sectors=current.sectors, stages=current.stages, rules={**current.rules, **EPS_RULES},
        sources=(current.sources or "") + EPS_SOURCES, note=NOTE, created_at=utc_now(),
    ))


def _close_vacancies_against_the_rules():
    connection = op.get_bind()
    codes = [code for code, row in _current_versions(connection).items() if (row.rules or {}).get("recruiters") == "public_only"]
    if not codes:
        return
    breaking = connection.execute(
        sa.select(vacancy.c.id, vacancy.c.employer_id, vacancy.c.title, vacancy.c.programme, vacancy.c.fees,
                  employer.c.public_body)
        .join(employer, employer.c.id == vacancy.c.employer_id)
        .where(vacancy.c.status == "open", vacancy.c.programme.in_(codes)).order_by(vacancy.c.id)
    ).all()
    closed = [row for row in breaking if not row.public_body or any(
        (fee or {}).get("kind") == "service" and (fee or {}).get("amount_vnd") for fee in row.fees or [])]
    now = utc_now()
    for row in closed:
        connection.execute(sa.update(vacancy).where(vacancy.c.id == row.id)
                           .values(status="closed", version=vacancy.c.version + 1, updated_at=now))
        accounts = connection.execute(sa.select(account.c.id).where(account.c.employer_id == row.employer_id)).scalars().all()
        if accounts:
            connection.execute(sa.insert(notification), [
                {"account_id": account_id, "kind": "vacancy_closed_programme_rule", "link": "/employer", "created_at": now,
                 "params": {"vacancy": row.title, "programme": row.programme}} for account_id in accounts])


def downgrade():
    connection = op.get_bind()
    connection.execute(sa.delete(version).where(version.c.note == NOTE))
    with op.batch_alter_table('employer') as batch_op:
        batch_op.drop_column('public_body')
