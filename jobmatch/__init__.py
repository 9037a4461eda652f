"""The jobmatch application factory."""
from flask import Flask

from jobmatch.config import load_config
from jobmatch.json_provider import OrjsonProvider


def create_app(config=None):
    """Build the app: settings, extensions, security, blueprints, error handlers and CLI commands; nothing that touches the network."""
    app = Flask(__name__, template_folder="../templates", static_folder="../static", instance_relative_config=True)
    app.json = OrjsonProvider(app)
    app.config.update(load_config())
    app.config.update(config or {})

    from jobmatch import api, cli, errors, extensions, i18n, models, security, urls, web  # noqa: F401 (models registers the tables)

    extensions.init_database(app)
    extensions.migrate.init_app(app, extensions.db, directory=str(app.root_path + "/../migrations"))
    i18n.init_babel(app)
    extensions.init_search(app)
    security.init_security(app)
    urls.register_converters(app)
    api.register_api(app)
    web.register_blueprints(app)
    errors.register_error_handlers(app)
    cli.register_commands(app)
    return app
