"""Job-seeker use cases: profiles, walk-in registration and claim codes, priority statuses, consents and deletion."""
import hmac
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm.attributes import flag_modified

from jobmatch.extensions import db
from jobmatch.models.account import Account
from jobmatch.models.application import FINAL_STATUSES, Application, ApplicationEvent
from jobmatch.models.candidate_list import CandidateExposure
from jobmatch.models.centre import Centre
from jobmatch.models.consent import CONSENT_PURPOSES, Consent, consent_in_force
from jobmatch.models.invitation import Invitation, ReferralRequest
from jobmatch.models.job_seeker import JobSeeker, PriorityStatus
from jobmatch.models.overseas import AgencyReport, OverseasCase, OverseasCaseEvent
from jobmatch.models.place import Ward
from jobmatch.models.saved_search import SavedSearch
from jobmatch.models.support import LoanDossier, SupportClaim
from jobmatch.models.training import Enrolment
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.rules.token import claim_code_hash, new_claim_code
from jobmatch.services import audit
from jobmatch.services import citizen_id as citizen_id_service
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit, taken
from search.matching import priority_bonus


def _check_citizen_id_free(citizen_id, *, except_id=None):
    existing = db.session.scalar(select(JobSeeker.id).where(JobSeeker.citizen_id == citizen_id))
    if existing is not None and existing != except_id:
        raise taken("uq_job_seeker_citizen_id")


def _centre_for_ward(ward_code):
    """The centre serving the ward's province (the lowest id when a province has several)."""
    province_code = db.session.scalar(select(Ward.province_code).where(Ward.code == ward_code))
    return db.session.scalar(select(Centre.id).where(Centre.province_code == province_code).order_by(Centre.id).limit(1))


def new_profile(*, fields, centre_id=None, registered_by=None):
    """A profile added to the session (the calling use case commits), refused when the citizen ID is already taken."""
    _check_citizen_id_free(fields["citizen_id"])
    job_seeker = JobSeeker(
        centre_id=centre_id or _centre_for_ward(fields["ward_code"]),
        registered_by_id=getattr(registered_by, "id", None),
        **fields,
    )
    db.session.add(job_seeker)
    db.session.flush()
    return job_seeker


def register_walk_in(*, actor, fields, consents=()):
    """An officer registers a person who came to the centre; the person can claim the profile later with the code
    returned here (shown once). A citizen ID already registered is refused as a duplicate, naming the profile only
    when it is one of the officer's own centre."""
    authorize(actor, "job_seeker.register_walk_in")
    existing = db.session.scalar(select(JobSeeker).where(JobSeeker.citizen_id == fields["citizen_id"]))
    if existing is not None:
        audit.record(action="citizen_id_read", actor=actor, subject_type="job_seeker", subject_id=existing.id)
        commit()
        if existing.centre_id == actor.centre_id:
            raise InvalidRequest(
                "citizen_id", _("Duplicate: this citizen ID is already registered (job seeker no. %(id)d).", id=existing.id)
            )
        raise InvalidRequest("citizen_id", _("Duplicate: this citizen ID is already registered at another centre."))
    job_seeker = new_profile(fields=fields, centre_id=actor.centre_id, registered_by=actor)
    code = _issue_claim_code(job_seeker)
    for purpose in consents:  # given on the paper form the person signed at the centre, recorded by the officer
        give_consent(actor=actor, job_seeker=job_seeker, purpose=purpose)
    audit.record(action="citizen_id_changed", actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)
    commit()
    return job_seeker, code


def _claim_code_key():
    config = current_app.config
    return config["CLAIM_CODE_KEY"] or config["SECRET_KEY"]


def _issue_claim_code(job_seeker):
    """A new claim code for the profile, valid CLAIM_CODE_LIFETIME_DAYS (an earlier code stops working); shown once."""
    code, code_hash = new_claim_code(_claim_code_key())
    job_seeker.claim_code_hash = code_hash
    job_seeker.claim_code_expires_at = utc_now() + timedelta(days=current_app.config["CLAIM_CODE_LIFETIME_DAYS"])
    return code


def claim_code_matches(job_seeker, code):
    """Whether this code claims the profile now: it is the profile's latest code and has not expired."""
    if job_seeker.claim_code_hash is None or job_seeker.claim_code_expires_at is None:
        return False
    presented = claim_code_hash(code.strip().upper(), _claim_code_key())
    return job_seeker.claim_code_expires_at > utc_now() and hmac.compare_digest(job_seeker.claim_code_hash, presented)


def renew_claim_code(*, actor, job_seeker_id):
    """An officer of the person's centre gives a profile not yet claimed a new code, when the first has expired or was
    lost; the earlier code stops working. The new code is returned once."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "claim_code.renew", job_seeker)
    code = _issue_claim_code(job_seeker)
    audit.record(action="claim_code_issued", actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)
    commit()
    return job_seeker, code


def get_profile(*, actor, job_seeker_id):
    """A full profile, citizen ID included, for its owner or their centre's officers; an officer's read is audited."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.read", job_seeker)
    if actor.role == "officer":
        audit.record(action="citizen_id_read", actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)
        commit()
    return job_seeker


def update_profile(*, actor, job_seeker_id, changes):
    """The person's own changes, or their centre officer's. The person's citizen ID is given as on any profile of one's
    own (citizen_id.give_own: a registered one is held for review, unannounced); an officer, who has seen the card,
    is told of a duplicate, and settles any ID under review."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.edit", job_seeker)
    changes = dict(changes)
    citizen_id = changes.pop("citizen_id", None)
    if citizen_id is not None and actor.role == "job_seeker":
        citizen_id_service.give_own(actor=actor, job_seeker=job_seeker, citizen_id=citizen_id)
    elif citizen_id is not None and citizen_id != job_seeker.citizen_id_as_given:
        _check_citizen_id_free(citizen_id, except_id=job_seeker.id)
        job_seeker.citizen_id, job_seeker.citizen_id_under_review = citizen_id, None
        audit.record(action="citizen_id_changed", actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)
    for name, value in changes.items():
        setattr(job_seeker, name, value)
    if job_seeker.centre_id is None and job_seeker.ward_code:  # signed up without a ward: the centre comes with it
        job_seeker.centre_id = _centre_for_ward(job_seeker.ward_code)
    commit()
    return job_seeker


def list_centre_job_seekers(*, actor, size=None, after=None):
    """The job seekers an officer's centre serves, newest first, page by page (services/person_search.py finds one)."""
    authorize(actor, "job_seeker.list_centre")
    return keyset_page(select(JobSeeker).where(JobSeeker.centre_id == actor.centre_id), list_name="centre_job_seekers",
                       order=[(JobSeeker.id, "desc")], size=size, after=after)


# Priority statuses: sensitive. Every read and change is audited.

def list_priority_statuses(*, actor, job_seeker_id, size=None, after=None):
    """The person's priority statuses, the latest recorded first (a page of them; size=None: all); each read is audited."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "priority_status.read", job_seeker)
    audit.record(action="priority_status_read", actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)
    commit()
    return keyset_page(select(PriorityStatus).where(PriorityStatus.job_seeker_id == job_seeker.id), list_name="priority_statuses",
                       order=[(PriorityStatus.id, "desc")], size=size, after=after)


def record_priority_status(*, actor, job_seeker_id, fields):
    """A priority category with its document. An officer of the person's centre records it from the document seen, so
    it is verified at once; the person declares it themselves, and it counts only once an officer has verified it.
    It is verified against the person's citizen ID, asked here when the profile has none."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "priority_status.record", job_seeker)
    fields = dict(fields)
    citizen_id_service.require_for_service(actor=actor, job_seeker=job_seeker, citizen_id=fields.pop("citizen_id", None))
    if fields.get("valid_until") and fields["valid_until"] < vietnam_today():
        raise InvalidRequest("valid_until", _("This document is no longer valid."))
    status = PriorityStatus(job_seeker_id=job_seeker.id, recorded_by_id=actor.id, **fields)
    if actor.role == "officer":
        status.verified_by_id, status.verified_at = actor.id, utc_now()
    db.session.add(status)
    audit.record(action="priority_status_changed", actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)
    commit()
    return status


def verify_priority_status(*, actor, status_id):
    status = find_for(actor, PriorityStatus, status_id)
    authorize(actor, "priority_status.verify", status.job_seeker)
    status.verified_by_id, status.verified_at = actor.id, utc_now()
    audit.record(action="priority_status_changed", actor=actor, subject_type="job_seeker", subject_id=status.job_seeker_id)
    commit()
    return status


def own_id(actor):
    """The signed-in job seeker's profile id, for the pages and operations about "me"."""
    authorize(actor, "job_seeker.own_pages")
    return actor.job_seeker_id


def records_to_check(*, actor):
    """What the officer's centre has to check: the statuses its people declared and no officer has verified yet, oldest
    first, and the profiles whose citizen ID as given another profile holds (citizen_id.held_for_review). Categories and
    IDs are shown: the read is audited for the centre and for each person listed, in one statement."""
    authorize(actor, "job_seeker.list_centre")
    statuses = db.session.scalars(
        select(PriorityStatus).join(JobSeeker)
        .where(JobSeeker.centre_id == actor.centre_id, PriorityStatus.verified_at.is_(None))
        .order_by(PriorityStatus.id)
    ).all()
    held = citizen_id_service.held_for_review(actor=actor)
    audit.record_list_read(actor=actor, reads=[("priority_status_read", [status.job_seeker_id for status in statuses]),
                                               ("citizen_id_read", [job_seeker.id for job_seeker in held])],
                           centre_id=actor.centre_id)
    commit()
    return statuses, held


# Consents

def active_consents(job_seeker_id):
    """The purposes this person currently consents to, in the wording now in force."""
    return set(db.session.scalars(select(Consent.purpose).where(Consent.job_seeker_id == job_seeker_id, consent_in_force())))


def consent_history(*, actor, job_seeker_id, size=None, after=None):
    """Every consent given (and when withdrawn), the latest first, so the first page shows the last change (a page of
    them; size=None: all)."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.read", job_seeker)
    return keyset_page(select(Consent).where(Consent.job_seeker_id == job_seeker.id), list_name="consents",
                       order=[(Consent.id, "desc")], size=size, after=after)


def set_consents(*, actor, job_seeker_id, choices):
    """Give or withdraw consents, {purpose: given}, in one transaction: giving adds a record in the current wording
    (unless one is in force), withdrawing closes every open record of the purpose. Each change is attributed to whoever
    made it (the person, or an officer on their behalf) and audited. The profile is indexed again (models/search_outbox.py);
    candidate lists check the database meanwhile."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "consent.change", job_seeker)
    in_force = active_consents(job_seeker.id)
    for purpose, given in choices.items():
        if given and purpose not in in_force:
            give_consent(actor=actor, job_seeker=job_seeker, purpose=purpose)
        if not given:
            open_records = db.session.scalars(
                select(Consent).where(Consent.job_seeker_id == job_seeker.id, Consent.purpose == purpose, Consent.withdrawn_at.is_(None))
            ).all()
            for record in open_records:
                record.withdrawn_at, record.withdrawn_by_id = utc_now(), actor.id
                audit.record(action="consent_withdrawn", actor=actor, subject_type="consent", subject_id=record.id)
    commit()


def give_consent(*, actor, job_seeker, purpose):
    """Add a consent in the wording now in force to the caller's transaction, attributed and audited."""
    record = Consent(job_seeker_id=job_seeker.id, purpose=purpose, version=CONSENT_PURPOSES[purpose], given_by_id=actor.id)
    db.session.add(record)
    db.session.flush()
    audit.record(action="consent_given", actor=actor, subject_type="consent", subject_id=record.id)
    return record


def counted_priority_statuses(job_seeker_ids, today):
    """{id: [(category, valid until)]} of these people's priority statuses that count for ranking and for the
    "priority candidate" mark: verified, unexpired, and the person consents to their use. One query for a list."""
    # Correlated, and limited to these people's consents too: the planner then reads their consents by index, where it
    # otherwise hashed every consent in force (a scan of the whole table for each list: 40 ms at 100,000 people).
    consenting = exists().where(Consent.job_seeker_id == PriorityStatus.job_seeker_id, Consent.job_seeker_id.in_(job_seeker_ids),
                                consent_in_force("priority_ranking"))
    counted = {}
    for job_seeker_id, category, valid_until in db.session.execute(
        select(PriorityStatus.job_seeker_id, PriorityStatus.category, PriorityStatus.valid_until).where(
            PriorityStatus.job_seeker_id.in_(job_seeker_ids), consenting, PriorityStatus.is_in_force(today),
        )
    ):
        counted.setdefault(job_seeker_id, []).append((category, valid_until))
    return counted


def priority_candidates(job_seeker_ids, today):
    """Which of these people employers may see marked "priority candidate" (see counted_priority_statuses)."""
    return set(counted_priority_statuses(job_seeker_ids, today))


def refresh_lapsed_bonuses(*, lapsed_on, since=None):
    """Queue for indexing again the profiles with a priority status whose last valid day lies from `since` (the last
    day the job did; a month back without one) to the day before `lapsed_on`, so their ranking bonus is recomputed from
    the statuses still in force: the documents carry no end date, which would tell categories apart. Their `updated_at`
    stays as it was: a change on the day poverty lists end would mark the poor in the index. Returns how many."""
    ended = PriorityStatus.valid_until.between(since or lapsed_on - timedelta(days=31), lapsed_on - timedelta(days=1))
    job_seekers = db.session.scalars(
        select(JobSeeker).where(JobSeeker.id.in_(select(PriorityStatus.job_seeker_id).where(ended)))
    ).all()
    for job_seeker in job_seekers:
        flag_modified(job_seeker, "updated_at")  # a new version with the same value: the outbox queues it
    commit()
    return len(job_seekers)


# Deletion (the person's download lives in services/personal_data.py)

def delete_account(*, actor, job_seeker_id):
    """Delete a job seeker's account and personal data. The account, priority statuses and consents are deleted; the
    profile is emptied of everything that identifies the person and hidden (its search document is deleted through
    the outbox); applications and placements stay, attached to the empty profile, so statistics keep anonymous counts."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.delete", job_seeker)
    account = db.session.scalar(select(Account).where(Account.job_seeker_id == job_seeker.id))
    audit.record(action="account_deleted", actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)
    for name, value in ANONYMOUS_PROFILE.items():
        setattr(job_seeker, name, value() if callable(value) else value)
    job_seeker.priority_statuses.clear()
    db.session.execute(delete(Consent).where(Consent.job_seeker_id == job_seeker.id))
    # Overseas cases stay for the counts, without what could name the person: their steps' documents and the verdicts
    # (age, ward, health check) kept from the opening. Reports about agencies stay for the officers, unsigned.
    cases = select(OverseasCase.id).where(OverseasCase.job_seeker_id == job_seeker.id)
    db.session.execute(update(OverseasCaseEvent).where(OverseasCaseEvent.case_id.in_(cases)).values(document=""))
    db.session.execute(update(OverseasCase).where(OverseasCase.job_seeker_id == job_seeker.id).values(eligibility=[]))
    # The report on an agency is kept for the inspectors, without its reporter and their own words (which can name them).
    db.session.execute(update(AgencyReport).where(AgencyReport.job_seeker_id == job_seeker.id).values(job_seeker_id=None, description=""))
    # A case still open would stay "in progress" with nobody in it: it is closed, today, as deleted.
    for case in db.session.scalars(select(OverseasCase).where(OverseasCase.job_seeker_id == job_seeker.id,
                                                              OverseasCase.status == "active")):
        case.status, case.close_reason, case.closed_on = "closed", "deleted", vietnam_today()
        case.events.append(OverseasCaseEvent(stage="closed", stage_kind="closed", happened_on=vietnam_today(), document="",
                                             close_reason="deleted"))  # by the person, whose account goes with it
    _end_what_waits_on(job_seeker)
    if account is not None:
        db.session.delete(account)  # its notifications and API keys go with it (ON DELETE CASCADE)
    commit()


def _end_what_waits_on(job_seeker):
    """What would otherwise wait for a person who is gone: their open applications are withdrawn (an employer's list
    offers nothing to act on; statistics count them as withdrawn), open invitations and referral requests, saved
    searches and the daily exposure log are deleted; free text that could name the person (a certificate number, a loan
    dossier's verdicts and refusal, the document seen for a support claim, which is often a poor-household book's
    number, an answered invitation's or referral request's message) is emptied,
    the records kept for the counts, the bank's file and the centre's accounts."""
    for application in db.session.scalars(select(Application).where(
            Application.job_seeker_id == job_seeker.id, Application.status.not_in(FINAL_STATUSES))):
        application.events.append(ApplicationEvent(from_status=application.status, to_status="withdrawn", actor_id=None))
        application.status = "withdrawn"
    for model in (Invitation, ReferralRequest):
        db.session.execute(delete(model).where(model.job_seeker_id == job_seeker.id, model.status == "open"))
    for model in (SavedSearch, CandidateExposure):
        db.session.execute(delete(model).where(model.job_seeker_id == job_seeker.id))
    db.session.execute(update(Enrolment).where(Enrolment.job_seeker_id == job_seeker.id, Enrolment.certificate_number.is_not(None))
                       .values(certificate_number=""))
    db.session.execute(update(LoanDossier).where(LoanDossier.job_seeker_id == job_seeker.id).values(verdicts=[], refusal_reason=None))
    db.session.execute(update(SupportClaim).where(SupportClaim.job_seeker_id == job_seeker.id).values(document_seen=""))
    for model in (Invitation, ReferralRequest):
        db.session.execute(update(model).where(model.job_seeker_id == job_seeker.id).values(message=None))


# What an anonymized profile keeps: its ward (statistics count by province) and nothing that names or reaches the person.
ANONYMOUS_PROFILE = {
    "full_name": "", "citizen_id": None, "citizen_id_under_review": None, "phone": None, "birth_date": None, "sex": "not_stated",
    "skills": list,
    "languages": list, "desired_isco_codes": list, "expected_salary": None, "abroad_countries": list, "visibility": "hidden",
    "claim_code_hash": None, "claim_code_expires_at": None, "health_check_on": None, "overstayed_abroad": False, "anonymized_at": utc_now,
}


def ranking_bonus(counted):
    """The ranking bonus of a person's counted statuses [(category, valid until)]: each category's PRIORITY_BONUS,
    added up and capped at PRIORITY_BONUS_CAP (search.matching.priority_bonus). The one place the settings are read."""
    config = current_app.config
    return priority_bonus([category for category, _ in counted], bonuses=config["PRIORITY_BONUS"], cap=config["PRIORITY_BONUS_CAP"])


def priority_bonuses(job_seeker_ids, today):
    """{id: ranking bonus} of those of these job seekers whose priority statuses count (verified, in force, used with
    their consent); the others have none. One query for a whole list."""
    return {job_seeker_id: ranking_bonus(counted) for job_seeker_id, counted in counted_priority_statuses(job_seeker_ids, today).items()}
