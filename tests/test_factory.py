"""The factory's defaults when nothing is configured: no known secret, cookies that stay on HTTPS and out of scripts."""
from jobmatch import create_app

UNCONFIGURED = ("JOBMATCH_SECRET_KEY", "JOBMATCH_SECURE_COOKIES", "JOBMATCH_PRIORITY_BONUS", "JOBMATCH_PRIORITY_BONUS_CAP")


def test_an_unconfigured_app_gets_a_random_secret_of_its_own(monkeypatch):
    for name in UNCONFIGURED:
        monkeypatch.delenv(name, raising=False)
    first, second = (create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}) for _ in range(2))
    assert len(first.config["SECRET_KEY"]) == 64
    assert first.config["SECRET_KEY"] != second.config["SECRET_KEY"]


def test_session_cookies_default_to_https_only_not_for_scripts_and_not_cross_site(monkeypatch):
    for name in UNCONFIGURED:
        monkeypatch.delenv(name, raising=False)
    config = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config
    assert config["SESSION_COOKIE_SECURE"] is True
    assert config["SESSION_COOKIE_HTTPONLY"] is True
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert not config["DEBUG"] and not config["TESTING"]


def test_settings_passed_to_the_factory_win_over_the_defaults():
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "given", "SESSION_COOKIE_SECURE": False})
    assert app.config["SECRET_KEY"] == "given" and app.config["SESSION_COOKIE_SECURE"] is False


def test_the_priority_bonus_is_five_percent_a_category_and_ten_percent_at_most(monkeypatch):
    """The published policy: relevance × (1 + bonus), +5% per verified category, +10% in all (DESIGN.md's bounds)."""
    for name in UNCONFIGURED:
        monkeypatch.delenv(name, raising=False)
    config = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).config
    assert config["PRIORITY_BONUS"] == {"poor": 0.05, "near_poor": 0.05, "escaped_poverty": 0.05, "ethnic_minority": 0.05,
                                        "disability": 0.05}
    assert config["PRIORITY_BONUS_CAP"] == 0.10
