"""Migration 0013 folds the names already stored, so that the people registered before it are found like the others."""
import sqlalchemy as sa
from flask_migrate import upgrade

from jobmatch import create_app
from jobmatch.extensions import db

NOW = "2026-11-01 08:00:00"


def test_names_stored_before_are_folded(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade(revision="0013-1")
        with db.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO account (id, role, email, password_hash, display_name, disabled, session_version, created_at) "
                f"VALUES (1, 'admin', 'a@example.vn', 'x', 'Đỗ Hữu Hùng', FALSE, 1, '{NOW}')")
            connection.exec_driver_sql(
                "INSERT INTO job_seeker (id, full_name, desired_isco_codes, skills, experience_years, languages, "
                "commute_radius_km, willing_to_relocate, willing_abroad, abroad_countries, visibility, overstayed_abroad, "
                f"created_at, updated_at, version) VALUES (1, 'Lò Văn Páo', '[]', '[]', 0, '[]', 20, FALSE, FALSE, '[]', "
                f"'public', FALSE, '{NOW}', '{NOW}', 1)")
        upgrade(revision="0013")
        with db.engine.connect() as connection:
            assert connection.execute(sa.text("SELECT name_folded FROM account")).all() == [("do huu hung",)]
            assert connection.execute(sa.text("SELECT name_folded FROM job_seeker")).all() == [("lo van pao",)]
        db.engine.dispose()
