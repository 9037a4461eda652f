"""JSON API blueprints under /api/v1, documented by the OpenAPI spec at /api/v1/openapi.json."""
from jobmatch.extensions import api


def register_api(app):
    from jobmatch.api import vacancy

    api.init_app(app)
    api.register_blueprint(vacancy.blp)
