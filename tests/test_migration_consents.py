"""Migration 0010: the anonymous-listing consent is a new purpose, so nobody has it after the upgrade, and the consents
people gave stay exactly as they were."""
import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from jobmatch import create_app
from jobmatch.extensions import db

NOW = "2026-11-01 08:00:00"


def test_existing_consents_stay_and_nobody_is_listed_until_they_agree(tmp_path):
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'old.db'}"})
    with app.app_context():
        upgrade(revision="0011")
        with db.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO job_seeker (id, full_name, desired_isco_codes, skills, experience_years, languages, "
                "commute_radius_km, willing_to_relocate, willing_abroad, abroad_countries, visibility, overstayed_abroad, "
                f"created_at, updated_at, version) VALUES (1, 'Lò Văn Páo', '[]', '[]', 0, '[]', 20, FALSE, FALSE, '[]', "
                f"'public', FALSE, '{NOW}', '{NOW}', 1)")
            connection.exec_driver_sql(
                "INSERT INTO consent (id, job_seeker_id, purpose, version, given_at, withdrawn_at) VALUES "
                f"(1, 1, 'show_profile', 1, '{NOW}', NULL), (2, 1, 'priority_ranking', 1, '{NOW}', '{NOW}')")
        upgrade(revision="0010")
        with db.engine.begin() as connection:
            assert connection.execute(sa.text(
                "SELECT id, purpose, version, given_at, withdrawn_at, given_by_id, withdrawn_by_id FROM consent ORDER BY id"
            )).all() == [(1, "show_profile", 1, NOW, None, None, None),
                         (2, "priority_ranking", 1, NOW, NOW, None, None)]
            # its document said "shown to employers": a new version has reconciliation index it again
            assert connection.execute(sa.text("SELECT version FROM job_seeker")).scalar() == 2
            connection.exec_driver_sql(
                f"INSERT INTO consent (job_seeker_id, purpose, version, given_at) VALUES (1, 'anonymous_listing', 1, '{NOW}')")
        with pytest.raises(sa.exc.IntegrityError), db.engine.begin() as connection:
            connection.exec_driver_sql(
                f"INSERT INTO consent (job_seeker_id, purpose, version, given_at) VALUES (1, 'everyone', 1, '{NOW}')")
        downgrade(revision="0011")  # the new purpose's records go with it; the others stay
        with db.engine.connect() as connection:
            assert connection.execute(sa.text("SELECT id, purpose FROM consent ORDER BY id")).all() == [
                (1, "show_profile"), (2, "priority_ranking")]
        db.engine.dispose()
