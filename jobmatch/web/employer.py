"""Employer pages: the company's dashboard of vacancies; for officers, the companies waiting for verification and
the centre's companies, each with its vacancy import."""
from functools import partial

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.schemas.vacancy import OwnVacancyArgsSchema
from jobmatch.services import employer as employer_service
from jobmatch.services import vacancy as vacancy_service
from jobmatch.web import actor, filtered_page, page_arguments

bp = Blueprint("employer", __name__)


@bp.get("/employer")
@login_required
def dashboard():
    """The company's vacancies, a page at a time, of one status and by words of their titles."""
    page, _arguments, errors = filtered_page(OwnVacancyArgsSchema, partial(vacancy_service.list_own_vacancies, actor=actor()))
    employer = employer_service.get_employer(actor=actor(), employer_id=actor().employer_id)
    return render_template("employer/dashboard.html", employer=employer, page=page, errors=errors,
                           filters=request.args), 400 if errors else 200


@bp.get("/centre/employers")
@login_required
def unverified():
    return render_template("employer/unverified.html", page=employer_service.list_unverified(actor=actor(), **page_arguments()))


@bp.get("/centre/employers/province")
@login_required
def centre_employers():
    page = employer_service.list_centre_employers(actor=actor(), **page_arguments())
    return render_template("employer/centre_list.html", page=page)


@bp.post("/centre/employers/<int:employer_id>/verify")
@login_required
def verify(employer_id):
    employer = employer_service.verify_employer(actor=actor(), employer_id=employer_id)
    flash(_("%(name)s is verified: its published vacancies are now public.", name=employer.name))
    return redirect(url_for("employer.unverified"))
