"""Loan dossiers for the Bank for Social Policies: from an overseas case with a signed contract, each condition of the
preferential loan judged on the day (jobmatch.rules.loan), a dossier the worker takes to the bank's branch, and its
answer followed (submitted, approved with an amount, disbursed, or refused with a reason), with the bank's ten working
days watched."""
from flask_babel import gettext as _
from sqlalchemy import func, select

from jobmatch import labels
from jobmatch.extensions import db
from jobmatch.models.job_seeker import PriorityStatus
from jobmatch.models.overseas import OverseasCase
from jobmatch.models.support import LoanDossier, SupportClaim
from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.rules.loan import LoanFacts, answer_due, eligible, judge_loan
from jobmatch.services import audit
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.transaction import commit

# Which field of the dossier form each condition is about, so that a refusal points at it.
RULE_FIELDS = {"in_force": "kind", "programme": "kind", "contract": "case", "group": "job_seeker", "residence": "job_seeker",
               "amount": "amount_vnd", "term": "term_months", "collateral": "amount_vnd"}
# What each status may become, and on which day field it is recorded.
MOVES = {"prepared": ("submitted",), "submitted": ("approved", "refused"), "approved": ("disbursed",)}
DAY_FIELDS = {"submitted": "submitted_on", "approved": "decided_on", "refused": "decided_on", "disbursed": "disbursed_on"}


def _facts(case, fields, day):
    categories = tuple(db.session.scalars(select(PriorityStatus.category).where(
        PriorityStatus.job_seeker_id == case.job_seeker_id, PriorityStatus.is_in_force(day))))
    state_support = db.session.scalar(select(func.coalesce(func.sum(SupportClaim.amount_vnd), 0)).where(
        SupportClaim.case_id == case.id, SupportClaim.status.in_(("approved", "paid"))))
    contract_stages = {stage["code"] for stage in case.programme_version.stages if stage.get("contract")}
    return LoanFacts(
        kind=fields["kind"], day=day, programme=case.programme.code,
        contract_signed=any(event.stage in contract_stages and event.happened_on <= day for event in case.events),
        contract_months=case.contract_months, categories=categories, has_residence=case.job_seeker.ward_code is not None,
        amount_vnd=int(fields["amount_vnd"]), costs_vnd=int(fields["costs_vnd"]), state_support_vnd=int(state_support),
        term_months=fields["term_months"],
    )


def verdict_text(verdict):
    """A condition's verdict in words (a stored verdict is a dict, a fresh one a LoanVerdict)."""
    rule, detail = (verdict["rule"], verdict.get("detail")) if isinstance(verdict, dict) else (verdict.rule, verdict.detail)
    money = f"{detail:,}".replace(",", ".") + " ₫" if isinstance(detail, int) else ""
    texts = {
        "in_force": _("The loan of Decree 338/2025/NĐ-CP is made from 01/01/2026."),
        "programme": _("The EPS deposit loan is for workers under Korea's EPS."),
        "contract": _("The worker has signed the contract."),
        "group": _("The worker belongs to a group given priority credit (poor, near-poor, disabled, ethnic minority)."),
        "residence": _("The worker's place of residence is recorded (the bank's branch there lends)."),
        "amount": _("The amount is at most %(limit)s.", limit=money),
        "term": _("The term is no longer than the contract (%(months)s months).", months=detail),
        "collateral": _("Up to %(limit)s needs no collateral.", limit=money),
    }
    return texts[rule]


def prepare_dossier(*, actor, case_id, fields):
    """An officer of the worker's centre prepares the dossier; a condition not met refuses it, naming its field, and
    nothing is stored. An amount above the collateral threshold is prepared with that advice."""
    case = find_for(actor, OverseasCase, case_id)
    authorize(actor, "loan.manage", case.job_seeker)
    if case.status == "closed":
        raise InvalidRequest("case", _("This case is closed."))
    today = vietnam_today()
    verdicts = judge_loan(_facts(case, fields, today))
    if not eligible(verdicts):
        broken = next(verdict for verdict in verdicts if not verdict.passed)
        raise InvalidRequest(RULE_FIELDS[broken.rule], _("Not met: %(condition)s", condition=verdict_text(broken)))
    open_dossier = db.session.scalar(select(LoanDossier.id).where(
        LoanDossier.case_id == case.id, LoanDossier.kind == fields["kind"], LoanDossier.status != "refused"))
    if open_dossier is not None:
        raise InvalidRequest("kind", _("This loan has a dossier already (no. %(id)s).", id=open_dossier))
    dossier = LoanDossier(
        case_id=case.id, job_seeker_id=case.job_seeker_id, centre_id=case.job_seeker.centre_id, kind=fields["kind"],
        amount_vnd=int(fields["amount_vnd"]), costs_vnd=int(fields["costs_vnd"]), term_months=fields["term_months"],
        bank_branch=fields["bank_branch"], prepared_on=today, created_by_id=actor.id,
        verdicts=[{"rule": verdict.rule, "passed": verdict.passed, "unconfirmed": verdict.unconfirmed, "detail": verdict.detail}
                  for verdict in verdicts],
    )
    db.session.add(dossier)
    db.session.flush()
    audit.record(action="loan_dossier.prepare", actor=actor, subject_type="loan_dossier", subject_id=dossier.id)
    commit()
    return dossier


def get_dossier(*, actor, dossier_id):
    """The dossier with the identity details the bank asks for: the worker and their centre's officers, audited."""
    dossier = find_for(actor, LoanDossier, dossier_id)
    authorize(actor, "overseas_case.read", dossier.job_seeker)
    audit.record(action="loan_dossier.read", actor=actor, subject_type="loan_dossier", subject_id=dossier.id)
    commit()
    return dossier


def move_dossier(*, actor, dossier_id, fields):
    """Record the bank's steps: submitted, then approved (with an amount no larger than asked) or refused (with its
    reason), then disbursed; each on a day not before the last and not ahead."""
    dossier = find_for(actor, LoanDossier, dossier_id)
    authorize(actor, "loan.manage", dossier.job_seeker)
    status, day = fields["status"], fields["happened_on"]
    if status not in MOVES.get(dossier.status, ()):
        raise InvalidRequest("status", _("A dossier that is “%(now)s” cannot become “%(next)s”.",
                                         now=labels.LOAN_STATUSES[dossier.status], next=labels.LOAN_STATUSES[status]))
    last = max(filter(None, (dossier.prepared_on, dossier.submitted_on, dossier.decided_on)))
    if day < last or day > vietnam_today():
        raise InvalidRequest("happened_on", _("Choose a day from %(first)s to today.", first=day_text(last)))
    if status == "approved":
        amount = fields.get("approved_amount_vnd")
        if amount is None or not 0 < int(amount) <= dossier.amount_vnd:
            raise InvalidRequest("approved_amount_vnd", _("Enter the amount the bank approved, at most the amount asked."))
        dossier.approved_amount_vnd = int(amount)
    if status == "refused":
        if not fields.get("refusal_reason"):
            raise InvalidRequest("refusal_reason", _("Write the bank's reason."))
        dossier.refusal_reason = fields["refusal_reason"]
    dossier.status = status
    setattr(dossier, DAY_FIELDS[status], day)
    audit.record(action=f"loan_dossier.{status}", actor=actor, subject_type="loan_dossier", subject_id=dossier.id)
    commit()
    return dossier


def answer_overdue(dossier, today=None):
    """Whether the bank's ten working days for a submitted dossier have passed without an answer."""
    return dossier.status == "submitted" and answer_due(dossier.submitted_on) < (today or vietnam_today())


def dossiers_of_case(*, actor, case):
    authorize(actor, "overseas_case.read", case.job_seeker)
    return db.session.scalars(select(LoanDossier).where(LoanDossier.case_id == case.id).order_by(LoanDossier.id.desc())).all()


def centre_dossiers(*, actor):
    """The centre's dossiers still waiting for the bank, oldest first, the overdue ones marked by answer_overdue."""
    authorize(actor, "support_claim.payment_list")
    return db.session.scalars(select(LoanDossier).where(
        LoanDossier.centre_id == actor.centre_id, LoanDossier.status.in_(("prepared", "submitted", "approved")),
    ).order_by(LoanDossier.submitted_on.is_(None), LoanDossier.submitted_on, LoanDossier.id)).all()
