"""Support for workers: the schemes (versioned by the day their legal text took effect), claims that officers record
from receipts on a worker's overseas case, judged by the version in force on the claim's day, their approval, and the
centre's monthly payment list for the finance office. Payment lists name people: only the centre's officers read them,
and each reading is audited."""
import json
from calendar import monthrange
from datetime import date
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch import labels
from jobmatch.extensions import db
from jobmatch.models.job_seeker import JobSeeker, PriorityStatus
from jobmatch.models.overseas import OverseasCase
from jobmatch.models.support import LoanDossier, SupportClaim, SupportScheme, SupportSchemeVersion
from jobmatch.models.training import Enrolment
from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.rules.person import of_working_age
from jobmatch.rules.support import ClaimFacts, item_of, judge_claim, refusal, version_on
from jobmatch.services import audit
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.transaction import commit

REFERENCE_SCHEMES = Path(__file__).resolve().parents[1] / "reference_data" / "support_schemes.json"


def load_schemes(path=REFERENCE_SCHEMES):
    """Add the reference schemes that do not exist yet, each with its dated versions; returns how many."""
    existing = set(db.session.scalars(select(SupportScheme.code)))
    added = 0
    for data in json.loads(Path(path).read_text(encoding="utf-8"))["schemes"]:
        if data["code"] in existing:
            continue
        scheme = SupportScheme(code=data["code"], applies_to=data["applies_to"])
        for version in data["versions"]:
            scheme.versions.append(SupportSchemeVersion(
                valid_from=date.fromisoformat(version["valid_from"]), name_vi=version["name_vi"], name_en=version["name_en"],
                rules={key: version[key] for key in ("categories", "programmes", "items", "conditions") if key in version},
                sources=version["sources"],
                unconfirmed=version["unconfirmed"]))
        db.session.add(scheme)
        added += 1
    commit()
    return added


def _as_rules(version):
    return {**version.rules, "valid_from": version.valid_from, "row": version}


def schemes_in_force(applies_to, day, *, programme=None):
    """[(scheme, version in force on the day)] of the schemes for overseas cases or training, by code; for a case, only
    those that support its programme then."""
    found = []
    for scheme in db.session.scalars(select(SupportScheme).where(SupportScheme.applies_to == applies_to).order_by(SupportScheme.code)):
        version = version_on([_as_rules(row) for row in scheme.versions], day)
        if version is not None and (programme is None or not version["programmes"] or programme in version["programmes"]):
            found.append((scheme, version["row"]))
    return found


def schemes_for_case(case, day):
    """[(scheme, version in force on the day)] of the overseas schemes that support the case's programme then."""
    return schemes_in_force("overseas", day, programme=case.programme.code)


def item_name(item):
    return labels.localized(item["name_vi"], item["name_en"])


def _categories_on(job_seeker_id, day):
    return tuple(db.session.scalars(select(PriorityStatus.category).where(
        PriorityStatus.job_seeker_id == job_seeker_id, PriorityStatus.is_in_force(day))))


def _claimed_items(condition, scheme_id):
    return tuple(db.session.scalars(select(SupportClaim.item).join(SupportClaim.scheme_version).where(
        condition, SupportSchemeVersion.scheme_id == scheme_id, SupportClaim.status != "cancelled")))


def _refusal_message(verdict, item, case, day):
    params = verdict.params
    if verdict.rule == "in_force":
        return _("No support scheme for this programme was in force on %(day)s.", day=day_text(day))
    if verdict.rule == "item":
        return _("The scheme in force on %(day)s pays no such item.", day=day_text(day))
    if verdict.rule == "programme":
        return _("This scheme supports only the programmes %(codes)s.", codes=", ".join(params["programmes"]))
    if verdict.rule == "category":
        return _("On %(day)s the worker had no verified priority status that this scheme supports.", day=day_text(day))
    if verdict.rule == "working_age":
        if not params["known"]:
            return _("The person's birth date is not recorded: record it, since this scheme supports people of working age only.")
        return _("On %(day)s the person was not of working age (from 15 to the retirement age), which this scheme requires.",
                 day=day_text(day))
    if verdict.rule == "commitment":
        return _("This scheme requires a self-employment plan certified by the commune or an employer's commitment to hire: "
                 "choose the one you saw.")
    if verdict.rule == "stage":
        stage = case.programme_version.stage(params["stage"])
        name = labels.localized(stage["name_vi"], stage["name_en"]) if stage else params["stage"]
        return _("This item is paid once the case has reached “%(stage)s”, which it had not by %(day)s.", stage=name, day=day_text(day))
    if verdict.rule == "quantity":
        if params["per"] == "day":
            return _("Enter the number of days of training, from 1 to 366.")
        if params["per"] == "month":
            return _("Enter the number of months, from 1 to 24.")
        return _("This item is claimed one at a time: the quantity is 1.")
    if verdict.rule == "cap":
        if params["cap"] is None:
            return _("Enter the amount on the receipt.")
        return _("The amount is above this item's cap of %(cap)s.", cap=f"{params['cap']:,}".replace(",", ".") + " ₫")
    if params["once_per"] == "case":
        return _("“%(item)s” has been claimed already for this case: it is paid once.", item=item_name(item))
    return _("“%(item)s” has been claimed already for this person: it is paid once in a lifetime.", item=item_name(item))


def record_claim(*, actor, case_id, fields):
    """An officer of the worker's centre records one item from its receipt. Every rule of the version in force on the
    claim's day is checked (programme, the worker's verified priority status that day, the stage the case had reached,
    the number of units, the cap, once only); the first one broken refuses the claim, naming its field, and nothing is
    stored. The claim waits for approval."""
    case = find_for(actor, OverseasCase, case_id)
    authorize(actor, "support_claim.record", case.job_seeker)
    if case.status == "closed":
        raise InvalidRequest("case", _("This case is closed: no support can be claimed on it."))
    _lock_person(case.job_seeker_id)
    day = fields["claimed_on"]
    schemes = schemes_for_case(case, day)
    if not schemes:
        raise InvalidRequest("claimed_on", _("No support scheme for this programme was in force on %(day)s.", day=day_text(day)))
    scheme, version = schemes[0]
    return _judged_claim(
        actor, fields, scheme, version, job_seeker=case.job_seeker, case=case, subject={"case_id": case.id},
        programme=case.programme.code, stages_reached=tuple(event.stage for event in case.events if event.happened_on <= day),
        claimed_for_case=_claimed_items(SupportClaim.case_id == case.id, scheme.id),
    )


def _lock_person(job_seeker_id):
    """Two officers recording the same once-only item at once: the second waits for the first (PostgreSQL; SQLite has
    one writer anyway), then sees its claim."""
    db.session.execute(select(JobSeeker.id).where(JobSeeker.id == job_seeker_id).with_for_update())


def _judged_claim(actor, fields, scheme, version, *, job_seeker, case, subject, claimed_for_case, **facts):
    """The claim judged by the version in force (the one home of judging and storing a claim, whatever it is attached
    to): refused naming the first rule broken, else stored waiting for approval and audited."""
    day = fields["claimed_on"]
    claim_facts = ClaimFacts(
        item=fields["item"], amount_vnd=int(fields["amount_vnd"]), quantity=fields["quantity"],
        categories=_categories_on(job_seeker.id, day), claimed_for_case=claimed_for_case,
        working_age=of_working_age(job_seeker.birth_date, day), commitment=fields.get("commitment"),
        claimed_for_person=_claimed_items(SupportClaim.job_seeker_id == job_seeker.id, scheme.id), **facts,
    )
    verdicts = judge_claim(_as_rules(version), claim_facts)
    broken = refusal(verdicts)
    if broken is not None:
        raise InvalidRequest(broken.field, _refusal_message(broken, item_of(version.rules, fields["item"]), case, day))
    claim = SupportClaim(
        job_seeker_id=job_seeker.id, centre_id=job_seeker.centre_id, scheme_version_id=version.id, item=fields["item"],
        quantity=fields["quantity"], amount_vnd=claim_facts.amount_vnd,
        cap_vnd=next(verdict.params["cap"] for verdict in verdicts if verdict.rule == "cap"), claimed_on=day,
        receipt_number=fields["receipt_number"], receipt_date=fields["receipt_date"], receipt_issuer=fields["receipt_issuer"],
        document_seen=fields["document_seen"], commitment=fields.get("commitment"), recorded_by_id=actor.id, **subject,
    )
    db.session.add(claim)
    db.session.flush()
    audit.record(action="support_claim.record", actor=actor, subject_type="support_claim", subject_id=claim.id)
    commit()
    return claim


def approve_claim(*, actor, claim_id):
    claim = find_for(actor, SupportClaim, claim_id)
    authorize(actor, "support_claim.record", claim.job_seeker)
    if claim.status != "pending":
        raise InvalidRequest("status", _("Only a claim waiting for approval can be approved."))
    claim.status, claim.approved_by_id, claim.approved_on = "approved", actor.id, vietnam_today()
    audit.record(action="support_claim.approve", actor=actor, subject_type="support_claim", subject_id=claim.id)
    commit()
    return claim


def claims_of_case(*, actor, case):
    """A case's claims, newest first: for the worker and their centre's officers."""
    authorize(actor, "overseas_case.read", case.job_seeker)
    return db.session.scalars(select(SupportClaim).where(SupportClaim.case_id == case.id).order_by(SupportClaim.id.desc())).all()


def _month_bounds(month):
    first = date(month.year, month.month, 1)
    return first, date(month.year, month.month, monthrange(month.year, month.month)[1])


def payment_list(*, actor, month):
    """The claims of the officer's centre approved in a month, by worker then item: what the finance office pays. Names
    and citizen IDs are on it, so each reading is audited, for the centre and for each person on it."""
    authorize(actor, "support_claim.payment_list")
    first, last = _month_bounds(month)
    claims = db.session.scalars(select(SupportClaim).join(SupportClaim.job_seeker).where(
        SupportClaim.centre_id == actor.centre_id, SupportClaim.status.in_(("approved", "paid")),
        SupportClaim.approved_on.between(first, last),
    ).order_by(JobSeeker.full_name, JobSeeker.id, SupportClaim.id)).all()
    audit.record_list_read(actor=actor, reads=[("support_claim.payment_list", [claim.job_seeker_id for claim in claims])],
                           centre_id=actor.centre_id)
    commit()
    return claims


def mark_paid(*, actor, month, paid_on):
    """The finance office paid the month's list: its approved claims become paid on that day; returns how many."""
    authorize(actor, "support_claim.payment_list")
    if paid_on > vietnam_today():
        raise InvalidRequest("paid_on", _("Enter a day that has come."))
    first, last = _month_bounds(month)
    claims = db.session.scalars(select(SupportClaim).where(
        SupportClaim.centre_id == actor.centre_id, SupportClaim.status == "approved", SupportClaim.approved_on.between(first, last),
    )).all()
    if any(paid_on < claim.approved_on for claim in claims):
        raise InvalidRequest("paid_on", _("A claim is paid on or after the day it was approved."))
    for claim in claims:
        claim.status, claim.paid_on = "paid", paid_on
        audit.record(action="support_claim.pay", actor=actor, subject_type="support_claim", subject_id=claim.id)
    commit()
    return len(claims)


def record_training_claim(*, actor, enrolment_id, fields):
    """An officer of the person's centre records one item of training support (the training scheme in force on the
    claim's day: Decision 46/2015's caps by group, once per person) from its receipt, for a course enrolment. The same
    rules as an overseas claim are checked (the person's verified priority status that day, units, cap, once only,
    with the enrolment standing for the case) and the scheme's own conditions (Circular 152/2016: working age on the
    claim's day; a self-employment plan certified by the commune or an employer's commitment, which the officer saw and
    names); the first one broken refuses the claim naming its field, and nothing is stored."""
    enrolment = find_for(actor, Enrolment, enrolment_id)
    authorize(actor, "support_claim.record", enrolment.job_seeker)
    _lock_person(enrolment.job_seeker_id)
    day = fields["claimed_on"]
    found = schemes_in_force("training", day)
    if not found:
        raise InvalidRequest("claimed_on", _("No training support scheme was in force on %(day)s.", day=day_text(day)))
    scheme, version = found[0]
    return _judged_claim(
        actor, fields, scheme, version, job_seeker=enrolment.job_seeker, case=None, subject={"enrolment_id": enrolment.id},
        claimed_for_case=_claimed_items(SupportClaim.enrolment_id == enrolment.id, scheme.id),
    )


def enrolment_support(*, actor, enrolment_id):
    """A course enrolment with its training support claims, newest first: for the person and their centre's officers."""
    enrolment = find_for(actor, Enrolment, enrolment_id)
    authorize(actor, "support_claim.read", enrolment.job_seeker)
    claims = db.session.scalars(select(SupportClaim).where(SupportClaim.enrolment_id == enrolment.id).order_by(SupportClaim.id.desc()))
    return enrolment, claims.all()


def records_of_person(job_seeker_id):
    """What the person's download holds of their support: each claim and each loan dossier, dates as ISO text."""
    day = lambda value: value.isoformat() if value else None  # noqa: E731
    claims = db.session.scalars(select(SupportClaim).where(SupportClaim.job_seeker_id == job_seeker_id).order_by(SupportClaim.id))
    dossiers = db.session.scalars(select(LoanDossier).where(LoanDossier.job_seeker_id == job_seeker_id).order_by(LoanDossier.id))
    return {
        "support_claims": [{
            "id": claim.id, "case_id": claim.case_id, "enrolment_id": claim.enrolment_id, "item": claim.item,
            "quantity": claim.quantity, "amount_vnd": claim.amount_vnd, "claimed_on": day(claim.claimed_on),
            "receipt_number": claim.receipt_number, "receipt_date": day(claim.receipt_date), "receipt_issuer": claim.receipt_issuer,
            "commitment": claim.commitment, "status": claim.status, "approved_on": day(claim.approved_on), "paid_on": day(claim.paid_on),
        } for claim in claims],
        "loan_dossiers": [{
            "id": dossier.id, "case_id": dossier.case_id, "kind": dossier.kind, "amount_vnd": dossier.amount_vnd,
            "term_months": dossier.term_months, "bank_branch": dossier.bank_branch, "prepared_on": day(dossier.prepared_on),
            "status": dossier.status, "submitted_on": day(dossier.submitted_on), "decided_on": day(dossier.decided_on),
            "approved_amount_vnd": dossier.approved_amount_vnd, "refusal_reason": dossier.refusal_reason,
            "disbursed_on": day(dossier.disbursed_on),
        } for dossier in dossiers],
    }
