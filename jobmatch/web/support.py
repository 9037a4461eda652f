"""Support pages: a case's support (the scheme in force with its items and caps, the claims, the officer's claim form
and approval), and the centre's monthly payment list for the finance office, as a page and as an XLSX workbook; the programme's
monitoring report of the centre for a half-year or a year, as a page and a workbook."""
import io
from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import login_required
from openpyxl import Workbook
from openpyxl.styles import Font

from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.rules.support import item_of
from jobmatch.schemas.support import SupportClaimSchema
from jobmatch.services import monitoring as monitoring_service
from jobmatch.services import overseas as overseas_service
from jobmatch.services import support as support_service
from jobmatch.web import actor
from jobmatch.web.forms import FORM_ERRORS, flash_errors, form_errors, load_form

bp = Blueprint("support", __name__)


@bp.get("/overseas-cases/<int:case_id>/support")
@login_required
def case_support(case_id, errors=None, status=200):
    case = overseas_service.get_case(actor=actor(), case_id=case_id)
    today = vietnam_today()
    return render_template(
        "support/case.html", case=case, schemes=support_service.schemes_for_case(case, today), today=today,
        claims=support_service.claims_of_case(actor=actor(), case=case), errors=errors or {}, form=request.form,
        item_of=item_of, item_name=support_service.item_name, item_choices=_item_choices,
    ), status


@bp.post("/overseas-cases/<int:case_id>/support-claims")
@login_required
def record_claim(case_id):
    try:
        support_service.record_claim(actor=actor(), case_id=case_id, fields=load_form(SupportClaimSchema()))
    except FORM_ERRORS as error:
        return case_support(case_id, errors=form_errors(error), status=422)
    flash(_("The claim has been recorded and waits for approval."))
    return redirect(url_for("support.case_support", case_id=case_id))


def _item_choices(version):
    return [(item["code"], support_service.item_name(item)) for item in version.rules["items"]]


@bp.get("/enrolments/<int:enrolment_id>/support")
@login_required
def enrolment_support(enrolment_id, errors=None, status=200):
    enrolment, claims = support_service.enrolment_support(actor=actor(), enrolment_id=enrolment_id)
    today = vietnam_today()
    return render_template(
        "support/enrolment.html", enrolment=enrolment, claims=claims, schemes=support_service.schemes_in_force("training", today),
        today=today, errors=errors or {}, form=request.form, item_of=item_of, item_name=support_service.item_name,
        item_choices=_item_choices,
    ), status


@bp.post("/enrolments/<int:enrolment_id>/support-claims")
@login_required
def record_training_claim(enrolment_id):
    try:
        support_service.record_training_claim(actor=actor(), enrolment_id=enrolment_id, fields=load_form(SupportClaimSchema()))
    except FORM_ERRORS as error:
        return enrolment_support(enrolment_id, errors=form_errors(error), status=422)
    flash(_("The claim has been recorded and waits for approval."))
    return redirect(url_for("support.enrolment_support", enrolment_id=enrolment_id))


@bp.post("/support-claims/<int:claim_id>/approve")
@login_required
def approve_claim(claim_id):
    try:
        claim = support_service.approve_claim(actor=actor(), claim_id=claim_id)
    except FORM_ERRORS as error:
        flash_errors(error)
        return redirect(request.referrer or url_for("support.payments"))
    flash(_("The claim has been approved."))
    if claim.case_id is None:  # a training claim
        return redirect(url_for("support.enrolment_support", enrolment_id=claim.enrolment_id))
    return redirect(url_for("support.case_support", case_id=claim.case_id))


def _month():
    text = request.values.get("month") or vietnam_today().strftime("%Y-%m")
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except ValueError:
        abort(404)


@bp.get("/centre/support-payments")
@login_required
def payments():
    month = _month()
    claims = support_service.payment_list(actor=actor(), month=month)
    if request.args.get("format") == "xlsx":
        return send_file(io.BytesIO(_workbook(claims, month)), as_attachment=True, download_name=f"chi-tra-ho-tro-{month:%Y-%m}.xlsx",
                         mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return render_template("support/payments.html", claims=claims, month=month, total=sum(claim.amount_vnd for claim in claims),
                           item_name=_item_name, today=vietnam_today())


@bp.post("/centre/support-payments/paid")
@login_required
def mark_paid():
    month = _month()
    try:
        paid_on = date.fromisoformat(request.form.get("paid_on", ""))
    except ValueError:
        flash(_("Enter the day the list was paid."))
        return redirect(url_for("support.payments", month=f"{month:%Y-%m}"))
    try:
        count = support_service.mark_paid(actor=actor(), month=month, paid_on=paid_on)
    except FORM_ERRORS as error:
        flash_errors(error)
    else:
        flash(_("%(count)s claims marked paid on %(day)s.", count=count, day=day_text(paid_on)))
    return redirect(url_for("support.payments", month=f"{month:%Y-%m}"))


def _item_name(claim):
    item = item_of(claim.scheme_version.rules, claim.item)
    return support_service.item_name(item) if item else claim.item


def _workbook(claims, month):
    """One row per worker and item: numbers as numbers, dates as dates, and the total."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"{month:%m-%Y}"
    sheet.append([_("Support payment list, %(month)s", month=f"{month:%m/%Y}")])
    sheet["A1"].font = Font(bold=True)
    headers = [_("No."), _("Full name"), _("Citizen ID"), _("Case no."), _("Programme"), _("Item"), _("Quantity"),
               _("Receipt no."), _("Receipt date"), _("Issued by"), _("Amount (VND)"), _("Approved on"), _("Status")]
    sheet.append(headers)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for number, claim in enumerate(claims, start=1):
        sheet.append([number, claim.job_seeker.full_name, claim.job_seeker.citizen_id or "", claim.case_id,
                      claim.case.programme.code if claim.case else "", _item_name(claim), claim.quantity, claim.receipt_number,
                      claim.receipt_date, claim.receipt_issuer, claim.amount_vnd, claim.approved_on,
                      _("Paid") if claim.status == "paid" else _("Approved")])
        row = sheet.max_row
        sheet.cell(row, 9).number_format = sheet.cell(row, 12).number_format = "dd/mm/yyyy"
        sheet.cell(row, 11).number_format = "#,##0"
    if claims:
        sheet.append([_("Total")] + [None] * 9 + [sum(claim.amount_vnd for claim in claims)])
        sheet.cell(sheet.max_row, 11).number_format = "#,##0"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


ROW_LABELS = {
    "departed": _l("Workers who went abroad"),
    "supported": _l("Workers paid support to go abroad"),
    "loan_prepared": _l("Loan dossiers prepared"),
    "loan_submitted": _l("Loan dossiers submitted to the bank"),
    "loan_approved": _l("Loans approved by the bank"),
    "loan_disbursed": _l("Loans disbursed"),
    "loan_refused": _l("Loans refused"),
    "placed": _l("People connected to jobs (hired)"),
    "trained": _l("People who completed a vocational course"),
    "trained_followed": _l("Trained workers followed up (3 or 6 months after)"),
    "trained_working": _l("Trained workers found in work at their follow-up"),
}


@bp.get("/centre/monitoring-report")
@login_required
def monitoring():
    today = vietnam_today()
    key = request.args.get("period") or (f"{today.year}-H1" if today.month <= 6 else f"{today.year}-H2")
    period = monitoring_service.report_period(key)
    if period is None:
        abort(404)
    report = monitoring_service.monitoring_report(actor=actor(), period=period)
    to_agency, to_ministry = monitoring_service.deadlines(period)
    if request.args.get("format") == "xlsx":
        return send_file(io.BytesIO(_report_workbook(report, to_agency)), as_attachment=True,
                         download_name=f"bao-cao-giam-sat-{period.key}.xlsx",
                         mimetype="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return render_template("support/monitoring.html", report=report, period=period, to_agency=to_agency, to_ministry=to_ministry,
                           today=today, row_labels=ROW_LABELS, item_name=_item_label, year=today.year)


def _item_label(code, rules):
    item = item_of(rules, code)
    return support_service.item_name(item) if item else code


def _report_workbook(report, to_agency):
    """The report's tables on one sheet: counts and amounts as numbers, priority workers beside everyone else."""
    book = Workbook()
    sheet = book.active
    sheet.title = report.period.key
    sheet.append([_("Monitoring report of the programme, %(from)s–%(to)s", **{"from": day_text(report.period.first),
                                                                                "to": day_text(report.period.last)})])
    sheet["A1"].font = Font(bold=True)
    sheet.append([_("Internal figures of the centre, not suppressed; due to the programme's standing agency by %(day)s.",
                    day=day_text(to_agency))])
    sheet.append([_("The indicator list of Form 01 (Circular 10/2022/TT-BLĐTBXH) could not be confirmed: these tables follow "
                    "the programme's aims and may need rearranging into the official form.")])
    sheet.append([])
    sheet.append([_("Indicator"), _("Priority workers"), _("Others"), _("Total"), _("Amount (VND)")])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in report.abroad + report.loans + report.jobs + report.training:
        sheet.append([str(ROW_LABELS[row.label]), row.priority, row.others, row.total, row.amount_vnd])
        sheet.cell(sheet.max_row, 5).number_format = "#,##0"
    sheet.append([])
    sheet.append([_("Support paid, by item"), _("People"), None, None, _("Amount (VND)")])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for code, rules, people, amount in report.support_items:
        sheet.append([_item_label(code, rules), people, None, None, amount])
        sheet.cell(sheet.max_row, 5).number_format = "#,##0"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
