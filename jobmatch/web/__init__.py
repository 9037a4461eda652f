"""HTML blueprints, one per noun, rendering templates/<noun>/."""


def register_blueprints(app):
    from jobmatch.web import vacancy

    app.register_blueprint(vacancy.bp)
