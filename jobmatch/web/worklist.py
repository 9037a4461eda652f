"""The officer's home: what is due at the centre, a count per worklist, and each worklist with its one-click actions."""
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.application import FollowUpWriteSchema
from jobmatch.services import application as application_service
from jobmatch.services import employer as employer_service
from jobmatch.services import monitoring as monitoring_service
from jobmatch.services import worklist as worklist_service
from jobmatch.web import actor, page_arguments
from jobmatch.web.forms import FORM_ERRORS, flash_errors, load_form

bp = Blueprint("worklist", __name__)


@bp.get("/centre")
@login_required
def home():
    return render_template("worklist/home.html", counts=worklist_service.counts(actor=actor()),
                           report_due=monitoring_service.report_due(vietnam_today()), today=vietnam_today())


@bp.get("/centre/worklists/<name>")
@login_required
def show(name):
    if name not in worklist_service.WORKLISTS:
        abort(404)
    page = worklist_service.worklist(actor=actor(), name=name, **page_arguments())
    return render_template(f"worklist/{name}.html", name=name, page=page)


@bp.post("/centre/worklists/follow-ups/<int:application_id>")
@login_required
def record_follow_up(application_id):
    try:
        application_service.record_follow_up(actor=actor(), application_id=application_id, **load_form(FollowUpWriteSchema()))
        flash(_("The follow-up has been recorded."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("worklist.show", name="follow_ups"))


@bp.post("/centre/worklists/unanswered/<int:application_id>/reminder")
@login_required
def remind_employer(application_id):
    application = worklist_service.remind_employer(actor=actor(), application_id=application_id)
    flash(_("%(employer)s has been reminded.", employer=application.vacancy.employer.name))
    return redirect(url_for("worklist.show", name="unanswered"))


@bp.post("/centre/worklists/<name>/employers/<int:employer_id>/verification")
@login_required
def verify_employer(name, employer_id):
    if name not in ("employers", "vacancies"):
        abort(404)
    employer = employer_service.verify_employer(actor=actor(), employer_id=employer_id)
    flash(_("%(name)s is verified: its published vacancies are now public.", name=employer.name))
    return redirect(url_for("worklist.show", name=name))
