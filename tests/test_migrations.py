"""Upgrading a database that holds data under the previous revision keeps that data (SQLite, where batch migrations
copy tables)."""
import sqlite3

import pytest
from flask_migrate import upgrade

from jobmatch import create_app
from jobmatch.extensions import db

NOW = "2026-11-01 08:00:00"


def database_at_0001(tmp_path, rows):
    """A SQLite database migrated to 0001 and holding these rows (SQL); its app and path."""
    path = tmp_path / "old.db"
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}"})
    with app.app_context():
        upgrade(revision="0001")
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
