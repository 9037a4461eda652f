"""Centre pages: a centre's contacts and its time to verify a company, kept by its officers and administrators."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.schemas.centre import CentreContactsSchema
from jobmatch.schemas.fields import phone_text
from jobmatch.services import centre as centre_service
from jobmatch.web import actor
from jobmatch.web.forms import FORM_ERRORS, form_errors, load_form

bp = Blueprint("centre", __name__)


@bp.route("/centres/<int:centre_id>/contacts", methods=["GET", "POST"])
@login_required
def contacts(centre_id):
    centre = centre_service.get_centre_contacts(actor=actor(), centre_id=centre_id)
    errors = {}
    if request.method == "POST":
        try:
            centre_service.update_centre_contacts(actor=actor(), centre_id=centre_id, fields=load_form(CentreContactsSchema()))
            flash(_("The centre's contacts have been saved."))
            return redirect(url_for("centre.contacts", centre_id=centre_id))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    values = request.form if errors else {
        "phone": phone_text(centre.phone), "email": centre.email, "address": centre.address,
        "opening_hours": centre.opening_hours, "verification_working_days": centre.verification_working_days,
    }
    return render_template("centre/contacts.html", centre=centre, values=values, errors=errors), 422 if errors else 200
