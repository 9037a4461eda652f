"""Upgrading a database that holds data under the previous revision keeps that data, on the suite's own kind of
database: SQLite by default (where batch migrations copy tables), PostgreSQL when JOBMATCH_TEST_DATABASE_URL names one
(a database of its own is made for each test and dropped after it)."""
import json
import os
import unicodedata
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from jobmatch import create_app
from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

NOW = "2026-11-01 08:00:00"


@pytest.fixture
def old_database(tmp_path):
    """Makes a database at an old revision holding the rows given (SQL statements, one per line ending in ";");
    answers the app to upgrade it with and an engine to read it."""
    made = []
    server_url = os.environ.get("JOBMATCH_TEST_DATABASE_URL", "")

    def make(rows, revision="0001"):
        if server_url.startswith("postgresql"):
            base = sa.engine.make_url(server_url)
            url = base.set(database=f"{base.database}_migrations")
            admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)')
                connection.exec_driver_sql(f'CREATE DATABASE "{url.database}"')
            made.append((admin, url.database))
            url = url.render_as_string(hide_password=False)
        else:
            url = f"sqlite:///{tmp_path / 'old.db'}"
        app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
        with app.app_context():
            upgrade(revision=revision)
            db.engine.dispose()
        engine = sa.create_engine(url)
        with engine.begin() as connection:
            for statement in filter(str.strip, rows.split(";\n")):
                connection.exec_driver_sql(statement)
            if engine.dialect.name == "postgresql":  # rows written with their ids: sequences go on from there, as in use
                for (table,) in connection.exec_driver_sql(
                        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
                        "AND column_name = 'id' AND position('nextval' IN column_default) = 1").fetchall():
                    connection.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                                               f"COALESCE(MAX(id), 0) + 1, false) FROM \"{table}\"")
        engine.dispose()
        return app, engine

    yield make
    for admin, name in made:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def upgraded(app, engine, revision="head"):
    with app.app_context():
        upgrade(revision=revision)
        db.engine.dispose()
    return engine


def rows(engine, sql):
    with engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


def as_list(value):
    """A JSON column as read back: text on SQLite, already decoded on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value


def as_datetime(value):
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def test_upgrading_from_0001_carries_every_row_over(old_database):
    app, engine = old_database(f"""
        INSERT INTO province VALUES ('01', 'Thành phố Hà Nội', 'Hà Nội', 'hanoi', 21.0, 105.8);
        INSERT INTO ward VALUES ('00004', '01', 'Phường Ba Đình', 'Ba Đình', 'badinh', 'phuong', 21.03, 105.83);
        INSERT INTO isco_group VALUES ('2411', 'Kế toán viên', 'Accountants');
        INSERT INTO employer (id, name, tax_code, verified, created_at, updated_at, version)
            VALUES (1, 'Công ty A', '0101234565', TRUE, '{NOW}', '{NOW}', 1);
        INSERT INTO vacancy (id, employer_id, title, description, isco_code, skills, ward_code, salary_negotiable,
            employment_type, openings, deadline, status, welcomes_priority, no_experience_required, training_provided,
            is_overseas, posted_at, updated_at, version)
            VALUES (1, 1, 'Kế toán', '', '2411', '[]', '00004', FALSE, 'full_time', 1, '2026-12-31', 'open', FALSE, FALSE,
            FALSE, FALSE, '{NOW}', '{NOW}', 1);
        INSERT INTO job_seeker (id, full_name, citizen_id, ward_code, desired_isco_codes, skills, experience_years, languages,
            commute_radius_km, willing_to_relocate, willing_abroad, abroad_countries, visibility, created_at, updated_at, version)
            VALUES (1, 'Lò Văn Minh', '014095000001', '00004', '[]', '[]', 0, '[]', 20, FALSE, FALSE, '[]', 'public', '{NOW}',
            '{NOW}', 1);
        INSERT INTO priority_status (id, job_seeker_id, category, ethnic_group, ethnic_code_system, evidence, created_at)
            VALUES (1, 1, 'ethnic_minority', 'Thái', 'QĐ 121-TCTK/PPCĐ:03', 'CCCD', '{NOW}'),
                   (2, 1, 'ethnic_minority', 'Khmer', NULL, NULL, '{NOW}'),
                   (3, 1, 'poor', NULL, NULL, 'Danh sách hộ nghèo', '{NOW}');
    """)

    new = upgraded(app, engine)
    assert rows(new, "SELECT id, category, ethnic_group_code, evidence FROM priority_status ORDER BY id") == [
        (1, "ethnic_minority", "03", "CCCD"), (2, "ethnic_minority", "05", "(chưa ghi)"), (3, "poor", None, "Danh sách hộ nghèo"),
    ]
    assert rows(new, "SELECT title FROM vacancy") == [("Kế toán",)]
    assert rows(new, "SELECT centre.name FROM job_seeker JOIN centre ON centre.id = job_seeker.centre_id") == [
        ("Trung tâm Dịch vụ việc làm Thành phố Hà Nội",)]
    # The rule that an ethnic group goes with the ethnic-minority category, and only with it, is now enforced; a row
    # that keeps it is accepted, so the refusal is the rule's.
    statement = ("INSERT INTO priority_status (job_seeker_id, category, ethnic_group_code, evidence, created_at) "
                 f"VALUES (1, '{{category}}', '03', 'x', '{NOW}')")
    with new.begin() as connection:
        connection.exec_driver_sql(statement.format(category="ethnic_minority"))
    with pytest.raises(sa.exc.IntegrityError), new.begin() as connection:
        connection.exec_driver_sql(statement.format(category="poor"))
    new.dispose()


def test_a_status_naming_an_unknown_group_stops_the_upgrade_before_any_change(old_database):
    app, engine = old_database(f"""
        INSERT INTO job_seeker (id, full_name, desired_isco_codes, skills, experience_years, languages, commute_radius_km,
            willing_to_relocate, willing_abroad, abroad_countries, visibility, created_at, updated_at, version)
            VALUES (1, 'A', '[]', '[]', 0, '[]', 20, FALSE, FALSE, '[]', 'public', '{NOW}', '{NOW}', 1);
        INSERT INTO priority_status (job_seeker_id, category, ethnic_group, created_at) VALUES (1, 'ethnic_minority', 'Kinh?', '{NOW}');
    """)
    with app.app_context(), pytest.raises(SystemExit):  # Flask-Migrate logs the migration's error and exits
        upgrade()
    with app.app_context():
        db.engine.dispose()
    assert "account" not in sa.inspect(engine).get_table_names()
    assert rows(engine, "SELECT ethnic_group FROM priority_status") == [("Kinh?",)]
    engine.dispose()


def test_0006_keeps_fees_disclosed_as_one_total_and_renames_taiwans_programme(old_database):
    app, engine = old_database(f"""
        INSERT INTO isco_group (code, label_vi, label_en) VALUES ('7212', 'Thợ hàn', 'Welders');
        INSERT INTO employer (id, name, tax_code, verified, created_at, updated_at, version)
            VALUES (1, 'Công ty Cung ứng Nhân lực Sao Mai', '0101234565', TRUE, '{NOW}', '{NOW}', 1);
        INSERT INTO vacancy (id, employer_id, title, description, isco_code, skills, salary_negotiable, employment_type,
            openings, deadline, status, welcomes_priority, no_experience_required, training_provided, is_overseas,
            programme, worker_fees_vnd, posted_at, updated_at, version)
            VALUES (1, 1, 'Thợ hàn đi Đài Loan', '', '7212', '[]', FALSE, 'full_time', 5, '2027-01-31', 'open', FALSE, FALSE,
                    FALSE, TRUE, 'DOL', 4500000, '{NOW}', '{NOW}', 1),
                   (2, 1, 'Thợ hàn đi Nhật (TTKN)', '', '7212', '[]', FALSE, 'full_time', 5, '2027-01-31', 'open', FALSE,
                    FALSE, FALSE, TRUE, 'TITP', 0, '{NOW}', '{NOW}', 1),
                   (3, 1, 'Thợ hàn', '', '7212', '[]', FALSE, 'full_time', 1, '2027-01-31', 'open', FALSE, FALSE, FALSE,
                    FALSE, NULL, NULL, '{NOW}', '{NOW}', 1);
    """, revision="0005")

    new = upgraded(app, engine, revision="0006")
    fees = {vacancy_id: (programme, as_list(fee_items)) for vacancy_id, programme, fee_items in
            rows(new, "SELECT id, programme, fees FROM vacancy")}
    assert fees == {
        1: ("TW", [{"kind": "other", "amount_vnd": 4500000}]),  # the one total stays disclosed, as one item
        2: ("TITP", []),
        3: (None, []),
    }
    new.dispose()


def test_0007_ends_tokens_and_claim_codes_and_normalizes_stored_text(old_database):
    now = utc_now()
    old, recent = (now - timedelta(days=200)).isoformat(" "), (now - timedelta(days=10)).isoformat(" ")
    nfd_name = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    app, engine = old_database(f"""
        INSERT INTO account (id, role, email, password_hash, display_name, disabled, session_version, created_at, employer_id)
            VALUES (1, 'admin', 'a@example.vn', 'x', 'Quản trị', FALSE, 1, '{NOW}', NULL);
        INSERT INTO isco_group (code, label_vi, label_en) VALUES ('2411', 'Kế toán viên', 'Accountants');
        INSERT INTO employer (id, name, tax_code, verified, created_at, updated_at, version)
            VALUES (1, 'Công ty\u2066 Sông Hồng\u2069', '0101234565', TRUE, '{NOW}', '{NOW}', 3);
        INSERT INTO account (id, role, email, password_hash, display_name, disabled, session_version, created_at, employer_id)
            VALUES (2, 'employer', 'b@example.vn', 'x', 'Chị\u200b Lan', FALSE, 1, '{NOW}', 1),
                   (3, 'employer', 'c@example.vn', 'x', 'Anh Minh', TRUE, 1, '{NOW}', 1);
        INSERT INTO api_token (id, account_id, name, token_hash, created_at) VALUES
            (1, 1, 'admin', 'h1', '{recent}'), (2, 2, 'old', 'h2', '{old}'), (3, 2, 'recent', 'h3', '{recent}'),
            (4, 3, 'disabled', 'h4', '{recent}');
        INSERT INTO vacancy (id, employer_id, title, description, isco_code, skills, salary_negotiable, employment_type, openings,
            deadline, status, welcomes_priority, no_experience_required, training_provided, is_overseas, posted_at, updated_at, version)
            VALUES (1, 1, 'Kế toán', '', '2411', '["MISA"]', FALSE, 'full_time', 1, '2027-12-31', 'open', FALSE, FALSE, FALSE,
                    FALSE, '{NOW}', '{NOW}', 5);
        INSERT INTO job_seeker (id, full_name, desired_isco_codes, skills, experience_years, languages, commute_radius_km,
            willing_to_relocate, willing_abroad, abroad_countries, visibility, created_at, updated_at, version, claim_code_hash)
            VALUES (1, '\u202e{nfd_name}', '[]', '["hàn\u00ad TIG"]', 0, '[]', 20, FALSE, FALSE, '[]', 'public', '{NOW}', '{NOW}',
                    2, 'ab12'),
                   (2, 'Lò Văn Minh', '[]', '[]', 0, '[]', 20, FALSE, FALSE, '[]', 'public', '{NOW}', '{NOW}', 1, NULL);
    """, revision="0006")

    new = upgraded(app, engine, revision="0007")
    tokens = {token_id: (as_datetime(expires_at), revoked_at is not None) for token_id, expires_at, revoked_at in
              rows(new, "SELECT id, expires_at, revoked_at FROM api_token")}
    # Administrators' tokens and those of disabled accounts are revoked; an old token gets two weeks, a recent one 90 days.
    assert {token_id for token_id, (_, revoked) in tokens.items() if revoked} == {1, 4}
    assert abs(tokens[2][0] - (now + timedelta(days=14))) < timedelta(minutes=5)
    assert abs(tokens[3][0] - (now + timedelta(days=80))) < timedelta(minutes=5)
    # Plain SHA-256 claim codes cannot become keyed hashes: they are gone, and the centre gives new codes.
    assert rows(new, "SELECT claim_code_hash, claim_code_expires_at FROM job_seeker WHERE id = 1") == [(None, None)]
    # Stored names and text are composed and free of format characters; indexed rows get a new version and an outbox row.
    [(full_name, skills, version)] = rows(new, "SELECT full_name, skills, version FROM job_seeker WHERE id = 1")
    assert (full_name, as_list(skills), version) == ("Nguyễn Thị Hường", ["hàn TIG"], 3)
    assert rows(new, "SELECT version FROM job_seeker WHERE id = 2") == [(1,)]  # unchanged, untouched
    assert rows(new, "SELECT name, version FROM employer") == [("Công ty Sông Hồng", 4)]
    assert rows(new, "SELECT display_name FROM account WHERE id = 2") == [("Chị Lan",)]
    # The vacancy's document carries its employer's name, so the vacancy is indexed again too.
    assert rows(new, "SELECT version FROM vacancy") == [(6,)]
    assert rows(new, "SELECT entity, entity_id, version FROM search_outbox ORDER BY id") == [
        ("job_seeker", 1, 3), ("vacancy", 1, 6),
    ]
    new.dispose()


def test_0008_keeps_the_outbox_and_never_hands_an_id_out_again(old_database):
    app, engine = old_database(f"""
        INSERT INTO search_outbox (id, entity, entity_id, version, created_at)
            VALUES (1, 'vacancy', 7, 2, '{NOW}'), (2, 'job_seeker', 3, 1, '{NOW}'), (3, 'vacancy', 7, 3, '{NOW}');
    """, revision="0007")
    pending = [(1, "vacancy", 7, 2), (2, "job_seeker", 3, 1), (3, "vacancy", 7, 3)]

    new = upgraded(app, engine, revision="0008")
    assert rows(new, "SELECT id, entity, entity_id, version FROM search_outbox ORDER BY id") == pending
    # The relay empties the outbox; the next change gets an id never seen before, not 1 again.
    with new.begin() as connection:
        connection.exec_driver_sql("DELETE FROM search_outbox")
        connection.exec_driver_sql(
            f"INSERT INTO search_outbox (entity, entity_id, version, created_at) VALUES ('vacancy', 7, 4, '{NOW}')")
    assert rows(new, "SELECT id FROM search_outbox") == [(4,)]

    with app.app_context():
        downgrade(revision="0007")
        db.engine.dispose()
    assert rows(new, "SELECT id, entity, entity_id, version FROM search_outbox") == [(4, "vacancy", 7, 4)]
    new.dispose()



def test_0022_makes_each_vacancys_ward_its_first_work_place(old_database):
    app, engine = old_database(f"""
        INSERT INTO province VALUES ('01', 'Thành phố Hà Nội', 'Hà Nội', 'hanoi', 21.0, 105.8);
        INSERT INTO ward VALUES ('00004', '01', 'Phường Ba Đình', 'Ba Đình', 'badinh', 'phuong', 21.03, 105.83);
        INSERT INTO isco_group VALUES ('2411', 'Kế toán viên', 'Accountants');
        INSERT INTO employer (id, name, tax_code, verified, created_at, updated_at, version)
            VALUES (1, 'Công ty A', '0101234565', TRUE, '{NOW}', '{NOW}', 1);
        INSERT INTO vacancy (id, employer_id, title, description, isco_code, skills, ward_code, salary_negotiable,
            employment_type, openings, deadline, status, welcomes_priority, no_experience_required, training_provided,
            is_overseas, posted_at, updated_at, version)
            VALUES (1, 1, 'Kế toán', '', '2411', '[]', '00004', FALSE, 'full_time', 1, '2026-12-31', 'open', FALSE, FALSE,
            FALSE, FALSE, '{NOW}', '{NOW}', 3),
            (2, 1, 'Kế toán ở Nhật', '', '2411', '[]', NULL, FALSE, 'contract', 1, '2026-12-31', 'open', FALSE, FALSE,
            FALSE, TRUE, '{NOW}', '{NOW}', 1);
    """, revision="0020")

    new = upgraded(app, engine, revision="0022")
    assert rows(new, "SELECT vacancy_id, position, ward_code, province_code FROM vacancy_place") == [(1, 0, "00004", None)]
    # The documents are as they were: no new version, nothing to index again.
    assert rows(new, "SELECT id, ward_code, version FROM vacancy ORDER BY id") == [(1, "00004", 3), (2, None, 1)]
    place = "INSERT INTO vacancy_place (vacancy_id, position, ward_code, province_code) VALUES (2, 0, {ward}, {province})"
    with new.begin() as connection:
        connection.exec_driver_sql(place.format(ward="NULL", province="'01'"))  # a whole province
    for ward, province in (("'00004'", "'01'"), ("NULL", "NULL")):  # a place is a ward or a province, never both or none
        with pytest.raises(sa.exc.IntegrityError), new.begin() as connection:
            connection.exec_driver_sql(place.format(ward=ward, province=province).replace("(2, 0", "(2, 1"))

    with app.app_context():
        downgrade(revision="0020")
        db.engine.dispose()
    assert rows(new, "SELECT id, ward_code FROM vacancy ORDER BY id") == [(1, "00004"), (2, None)]
    new.dispose()
