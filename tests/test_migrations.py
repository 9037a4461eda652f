"""Upgrading a database that holds data under the previous revision keeps that data (SQLite, where batch migrations
copy tables)."""
import json
import sqlite3
import unicodedata
from datetime import datetime, timedelta

import pytest
from flask_migrate import downgrade, upgrade

from jobmatch import create_app
from jobmatch.extensions import db
from jobmatch.rules.clock import utc_now

NOW = "2026-11-01 08:00:00"


def database_at_0001(tmp_path, rows, revision="0001"):
    """A SQLite database migrated to 0001 (or the revision named) and holding these rows (SQL); its app and path."""
    path = tmp_path / "old.db"
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade(revision=revision)
        db.engine.dispose()
    old = sqlite3.connect(path)
    old.executescript(rows)
    old.commit()
    old.close()
    return app, path


def test_upgrading_from_0001_carries_every_row_over(tmp_path):
    app, path = database_at_0001(tmp_path, f"""
        INSERT INTO province VALUES ('01', 'Thành phố Hà Nội', 'Hà Nội', 'hanoi', 21.0, 105.8);
        INSERT INTO ward VALUES ('00004', '01', 'Phường Ba Đình', 'Ba Đình', 'badinh', 'phuong', 21.03, 105.83);
        INSERT INTO isco_group VALUES ('2411', 'Kế toán viên', 'Accountants');
        INSERT INTO employer (id, name, tax_code, verified, created_at, updated_at, version)
            VALUES (1, 'Công ty A', '0101234567', 1, '{NOW}', '{NOW}', 1);
        INSERT INTO vacancy (id, employer_id, title, description, isco_code, skills, ward_code, salary_negotiable,
            employment_type, openings, deadline, status, welcomes_priority, no_experience_required, training_provided,
            is_overseas, posted_at, updated_at, version)
            VALUES (1, 1, 'Kế toán', '', '2411', '[]', '00004', 0, 'full_time', 1, '2026-12-31', 'open', 0, 0, 0, 0,
            '{NOW}', '{NOW}', 1);
        INSERT INTO job_seeker (id, full_name, citizen_id, ward_code, desired_isco_codes, skills, experience_years, languages,
            commute_radius_km, willing_to_relocate, willing_abroad, abroad_countries, visibility, created_at, updated_at, version)
            VALUES (1, 'Lò Văn Minh', '014095000001', '00004', '[]', '[]', 0, '[]', 20, 0, 0, '[]', 'public', '{NOW}', '{NOW}', 1);
        INSERT INTO priority_status (id, job_seeker_id, category, ethnic_group, ethnic_code_system, evidence, created_at)
            VALUES (1, 1, 'ethnic_minority', 'Thái', 'QĐ 121-TCTK/PPCĐ:03', 'CCCD', '{NOW}'),
                   (2, 1, 'ethnic_minority', 'Khmer', NULL, NULL, '{NOW}'),
                   (3, 1, 'poor', NULL, NULL, 'Danh sách hộ nghèo', '{NOW}');
    """)

    with app.app_context():
        upgrade()
        db.engine.dispose()
    new = sqlite3.connect(path)
    assert new.execute("SELECT id, category, ethnic_group_code, evidence FROM priority_status ORDER BY id").fetchall() == [
        (1, "ethnic_minority", "03", "CCCD"), (2, "ethnic_minority", "05", "(chưa ghi)"), (3, "poor", None, "Danh sách hộ nghèo"),
    ]
    assert new.execute("SELECT title FROM vacancy").fetchall() == [("Kế toán",)]
    centre = new.execute("SELECT centre.name FROM job_seeker JOIN centre ON centre.id = job_seeker.centre_id").fetchone()
    assert centre == ("Trung tâm Dịch vụ việc làm Thành phố Hà Nội",)
    # The rule that an ethnic group goes with the ethnic-minority category, and only with it, is now enforced.
    with pytest.raises(sqlite3.IntegrityError):
        new.execute(f"INSERT INTO priority_status (job_seeker_id, category, ethnic_group_code, evidence, created_at) "
                    f"VALUES (1, 'poor', '03', 'x', '{NOW}')")
    new.close()


def test_a_status_naming_an_unknown_group_stops_the_upgrade_before_any_change(tmp_path):
    app, path = database_at_0001(tmp_path, f"""
        INSERT INTO job_seeker (id, full_name, desired_isco_codes, skills, experience_years, languages, commute_radius_km,
            willing_to_relocate, willing_abroad, abroad_countries, visibility, created_at, updated_at, version)
            VALUES (1, 'A', '[]', '[]', 0, '[]', 20, 0, 0, '[]', 'public', '{NOW}', '{NOW}', 1);
        INSERT INTO priority_status (job_seeker_id, category, ethnic_group, created_at) VALUES (1, 'ethnic_minority', 'Kinh?', '{NOW}');
    """)
    with app.app_context(), pytest.raises(SystemExit):  # Flask-Migrate logs the migration's error and exits
        upgrade()
    with app.app_context():
        db.engine.dispose()
    tables = {name for (name,) in sqlite3.connect(path).execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "account" not in tables


def test_0007_ends_tokens_and_claim_codes_and_normalizes_stored_text(tmp_path):
    now = utc_now()
    old, recent = (now - timedelta(days=200)).isoformat(" "), (now - timedelta(days=10)).isoformat(" ")
    nfd_name = unicodedata.normalize("NFD", "Nguyễn Thị Hường")
    app, path = database_at_0001(tmp_path, f"""
        INSERT INTO account (id, role, email, password_hash, display_name, disabled, session_version, created_at, employer_id)
            VALUES (1, 'admin', 'a@example.vn', 'x', 'Quản trị', 0, 1, '{NOW}', NULL),
                   (2, 'employer', 'b@example.vn', 'x', 'Chị\u200b Lan', 0, 1, '{NOW}', 1),
                   (3, 'employer', 'c@example.vn', 'x', 'Anh Minh', 1, 1, '{NOW}', 1);
        INSERT INTO api_token (id, account_id, name, token_hash, created_at) VALUES
            (1, 1, 'admin', 'h1', '{recent}'), (2, 2, 'old', 'h2', '{old}'), (3, 2, 'recent', 'h3', '{recent}'),
            (4, 3, 'disabled', 'h4', '{recent}');
        INSERT INTO isco_group (code, label_vi, label_en) VALUES ('2411', 'Kế toán viên', 'Accountants');
        INSERT INTO employer (id, name, tax_code, verified, created_at, updated_at, version)
            VALUES (1, 'Công ty\u2066 Sông Hồng\u2069', '0101234567', 1, '{NOW}', '{NOW}', 3);
        INSERT INTO vacancy (id, employer_id, title, description, isco_code, skills, salary_negotiable, employment_type, openings,
            deadline, status, welcomes_priority, no_experience_required, training_provided, is_overseas, posted_at, updated_at, version)
            VALUES (1, 1, 'Kế toán', '', '2411', '["MISA"]', 0, 'full_time', 1, '2027-12-31', 'open', 0, 0, 0, 0, '{NOW}', '{NOW}', 5);
        INSERT INTO job_seeker (id, full_name, desired_isco_codes, skills, experience_years, languages, commute_radius_km,
            willing_to_relocate, willing_abroad, abroad_countries, visibility, created_at, updated_at, version, claim_code_hash)
            VALUES (1, '\u202e{nfd_name}', '[]', '["hàn\u00ad TIG"]', 0, '[]', 20, 0, 0, '[]', 'public', '{NOW}', '{NOW}', 2,
                    'ab12'),
                   (2, 'Lò Văn Minh', '[]', '[]', 0, '[]', 20, 0, 0, '[]', 'public', '{NOW}', '{NOW}', 1, NULL);
    """, revision="0006")

    with app.app_context():
        upgrade()
        db.engine.dispose()
    new = sqlite3.connect(path)
    tokens = {token_id: (datetime.fromisoformat(expires_at), revoked_at is not None) for token_id, expires_at, revoked_at in
              new.execute("SELECT id, expires_at, revoked_at FROM api_token")}
    # Administrators' tokens and those of disabled accounts are revoked; an old token gets two weeks, a recent one 90 days.
    assert {token_id for token_id, (_, revoked) in tokens.items() if revoked} == {1, 4}
    assert abs(tokens[2][0] - (now + timedelta(days=14))) < timedelta(minutes=5)
    assert abs(tokens[3][0] - (now + timedelta(days=80))) < timedelta(minutes=5)
    # Plain SHA-256 claim codes cannot become keyed hashes: they are gone, and the centre gives new codes.
    assert new.execute("SELECT claim_code_hash, claim_code_expires_at FROM job_seeker WHERE id = 1").fetchone() == (None, None)
    # Stored names and text are composed and free of format characters; indexed rows get a new version and an outbox row.
    full_name, skills, version = new.execute("SELECT full_name, skills, version FROM job_seeker WHERE id = 1").fetchone()
    assert (full_name, json.loads(skills), version) == ("Nguyễn Thị Hường", ["hàn TIG"], 3)
    assert new.execute("SELECT version FROM job_seeker WHERE id = 2").fetchone() == (1,)  # unchanged, untouched
    assert new.execute("SELECT name, version FROM employer").fetchone() == ("Công ty Sông Hồng", 4)
    assert new.execute("SELECT display_name FROM account WHERE id = 2").fetchone() == ("Chị Lan",)
    # The vacancy's document carries its employer's name, so the vacancy is indexed again too.
    assert new.execute("SELECT version FROM vacancy").fetchone() == (6,)
    assert new.execute("SELECT entity, entity_id, version FROM search_outbox ORDER BY id").fetchall() == [
        ("job_seeker", 1, 3), ("vacancy", 1, 6),
    ]
    new.close()


def test_0008_keeps_the_outbox_and_never_hands_an_id_out_again(tmp_path):
    app, path = database_at_0001(tmp_path, f"""
        INSERT INTO search_outbox (id, entity, entity_id, version, created_at)
            VALUES (1, 'vacancy', 7, 2, '{NOW}'), (2, 'job_seeker', 3, 1, '{NOW}'), (3, 'vacancy', 7, 3, '{NOW}');
    """, revision="0007")
    pending = [(1, "vacancy", 7, 2), (2, "job_seeker", 3, 1), (3, "vacancy", 7, 3)]

    with app.app_context():
        upgrade()
        db.engine.dispose()
    new = sqlite3.connect(path)
    assert new.execute("SELECT id, entity, entity_id, version FROM search_outbox ORDER BY id").fetchall() == pending
    # The relay empties the outbox; the next change gets an id never seen before, not 1 again.
    new.execute("DELETE FROM search_outbox")
    new.execute(f"INSERT INTO search_outbox (entity, entity_id, version, created_at) VALUES ('vacancy', 7, 4, '{NOW}')")
    new.commit()
    assert new.execute("SELECT id FROM search_outbox").fetchall() == [(4,)]
    new.close()

    with app.app_context():
        downgrade(revision="0007")
        db.engine.dispose()
    old = sqlite3.connect(path)
    assert old.execute("SELECT id, entity, entity_id, version FROM search_outbox").fetchall() == [(4, "vacancy", 7, 4)]
    old.close()
