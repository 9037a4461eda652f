"""Saved searches: saving one from the search page or the matches page, the list, and one-click unsubscribing."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.extensions import csrf
from jobmatch.schemas.saved_search import SavedSearchWriteSchema
from jobmatch.services import saved_search as saved_search_service
from jobmatch.web import actor
from jobmatch.web.forms import FORM_ERRORS, flash_errors, load_form

bp = Blueprint("saved_search", __name__)


@bp.post("/me/saved-searches")
@login_required
def save():
    criteria = {
        name: request.form.getlist(name) if name == "employment_type" else request.form.get(name)
        for name in saved_search_service.CRITERIA if name in request.form
    }
    try:
        fields = load_form(SavedSearchWriteSchema())
        saved_search_service.save_search(actor=actor(), kind=fields["kind"], name=fields["name"], criteria=criteria)
        flash(_("Saved. You will be told of new vacancies for this search; every alert has a link to stop them."))
    except FORM_ERRORS as error:
        flash_errors(error)
    return redirect(url_for("saved_search.own"))


@bp.get("/me/saved-searches")
@login_required
def own():
    return render_template("saved_search/list.html", saved_searches=saved_search_service.list_own(actor=actor()))


@bp.post("/me/saved-searches/<int:saved_search_id>/delete")
@login_required
def delete(saved_search_id):
    saved_search_service.delete_own(actor=actor(), saved_search_id=saved_search_id)
    flash(_("The saved search has been deleted."))
    return redirect(url_for("saved_search.own"))


@bp.get("/alerts/<token>/unsubscribe")
def confirm_unsubscribe(token):
    return render_template("saved_search/unsubscribe.html", saved=saved_search_service.by_token(token), done=False)


@bp.post("/alerts/<token>/unsubscribe")
@csrf.exempt  # the token in the link is the proof; mail programs' one-click unsubscribe (RFC 8058) posts no form token
def unsubscribe(token):
    return render_template("saved_search/unsubscribe.html", saved=saved_search_service.unsubscribe(token=token), done=True)
