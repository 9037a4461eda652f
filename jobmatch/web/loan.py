"""Loan dossier pages: from a worker's overseas case, each condition of the preferential loan and the dossier to
prepare; the printable dossier with its status; the centre's dossiers waiting for the bank."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.loan import answer_due
from jobmatch.schemas.support import LoanDossierMoveSchema, LoanDossierSchema
from jobmatch.services import loan as loan_service
from jobmatch.services import overseas as overseas_service
from jobmatch.web import actor
from jobmatch.web.forms import FORM_ERRORS, form_errors, load_form

bp = Blueprint("loan", __name__)


@bp.get("/overseas-cases/<int:case_id>/loan")
@login_required
def case_loan(case_id, errors=None, status=200):
    case = overseas_service.get_case(actor=actor(), case_id=case_id)
    return render_template("support/loan.html", case=case, errors=errors or {}, form=request.form,
                           dossiers=loan_service.dossiers_of_case(actor=actor(), case=case)), status


@bp.post("/overseas-cases/<int:case_id>/loan")
@login_required
def prepare(case_id):
    try:
        dossier = loan_service.prepare_dossier(actor=actor(), case_id=case_id, fields=load_form(LoanDossierSchema()))
    except FORM_ERRORS as error:
        return case_loan(case_id, errors=form_errors(error), status=422)
    flash(_("The dossier has been prepared: print it for the worker to take to the bank."))
    return redirect(url_for("loan.dossier", dossier_id=dossier.id))


@bp.get("/loan-dossiers/<int:dossier_id>")
@login_required
def dossier(dossier_id, errors=None, status=200):
    dossier = loan_service.get_dossier(actor=actor(), dossier_id=dossier_id)
    return render_template("support/dossier.html", dossier=dossier, errors=errors or {}, form=request.form, today=vietnam_today(),
                           verdict_text=loan_service.verdict_text, overdue=loan_service.answer_overdue(dossier),
                           due=answer_due(dossier.submitted_on) if dossier.submitted_on else None), status


@bp.post("/loan-dossiers/<int:dossier_id>/status")
@login_required
def move(dossier_id):
    try:
        loan_service.move_dossier(actor=actor(), dossier_id=dossier_id, fields=load_form(LoanDossierMoveSchema()))
    except FORM_ERRORS as error:
        return dossier(dossier_id, errors=form_errors(error), status=422)
    flash(_("The dossier's status has been recorded."))
    return redirect(url_for("loan.dossier", dossier_id=dossier_id))


@bp.get("/centre/loan-dossiers")
@login_required
def centre_dossiers():
    dossiers = loan_service.centre_dossiers(actor=actor())
    return render_template("support/centre_dossiers.html", dossiers=dossiers, overdue=loan_service.answer_overdue, due=answer_due)
