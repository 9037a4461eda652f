"""The readiness endpoint for process managers and load balancers (scripts/processes.sh waits for it)."""
from flask import Blueprint, jsonify

from jobmatch.services import health as health_service

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    """200 while the database answers, with search's state beside it (the site serves without search, saying so); 503
    when the database does not answer."""
    health = health_service.check()
    status = 503 if health.status == "unavailable" else 200
    return jsonify(health.as_dict()), status, {"Cache-Control": "no-store"}
