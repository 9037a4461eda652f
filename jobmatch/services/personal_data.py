"""The person's own data: everything the platform holds about a job seeker, as one plain record that the JSON download
and the printable page both show. Every moment is ISO 8601 with its offset (stored in UTC: "+00:00")."""
from sqlalchemy import or_, select

from jobmatch import labels
from jobmatch.extensions import db
from jobmatch.models.account import Account
from jobmatch.models.application import Application, Placement
from jobmatch.models.audit import AuditEntry
from jobmatch.models.consent import Consent
from jobmatch.models.invitation import Invitation, ReferralRequest
from jobmatch.models.job_fair import JobFair, JobFairRegistration
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.notification import Notification
from jobmatch.models.overseas import AgencyReport, OverseasCase
from jobmatch.models.saved_search import SavedSearch, SavedSearchAlert
from jobmatch.models.support import LoanDossier, SupportClaim
from jobmatch.models.training import Enrolment
from jobmatch.models.training_survey import TrainingWish
from jobmatch.rules.clock import as_utc, utc_now
from jobmatch.rules.support import item_of
from jobmatch.services import audit
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.transaction import commit

TIME_ZONE_NOTE = "Giờ ghi theo ISO 8601, giờ UTC (+00:00); giờ Việt Nam (Asia/Ho_Chi_Minh) là UTC+07:00."


def moment(value):
    """A stored (naive UTC) moment as ISO 8601 with its offset; nothing as None."""
    return as_utc(value).isoformat() if value else None


def day(value):
    return value.isoformat() if value else None


def export_personal_data(*, actor, job_seeker_id):
    """Everything the platform holds about a job seeker, for the person alone (no officer, employer or administrator
    downloads someone else's): their profile, applications with every status change, placements and follow-ups,
    referrals, interviews, invitations, saved searches, notifications, consents with each version given and withdrawn,
    overseas cases, training, support, and who read or changed their data and when. The read itself is audited."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.export", job_seeker)
    account = db.session.scalar(select(Account).where(Account.job_seeker_id == job_seeker.id))
    export = {
        "exported_at": moment(utc_now()),
        "time_zone": TIME_ZONE_NOTE,
        "account": _account(account),
        **_profile(job_seeker),
        **_applications(job_seeker),
        **_seeking(job_seeker, account),
        **_overseas_and_training(job_seeker),
        "audit_entries": _audit_entries(job_seeker, account),
    }
    audit.record(action="personal_data_exported", actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)
    commit()
    return export


def _account(account):
    if account is None:
        return None
    return {"email": account.email, "phone": account.phone, "display_name": account.display_name,
            "notify_by": account.notify_by, "created_at": moment(account.created_at),
            "last_sign_in_at": moment(account.last_sign_in_at)}


def _rows(model, job_seeker, order=None):
    return db.session.scalars(select(model).where(model.job_seeker_id == job_seeker.id).order_by(order or model.id)).all()


def _profile(job_seeker):
    from jobmatch.schemas.job_seeker import ConsentSchema, JobSeekerSchema, PriorityStatusSchema

    consents = ConsentSchema(many=True).dump(_rows(Consent, job_seeker, Consent.given_at))
    for consent in consents:  # who acted: the person themselves or an officer of their centre, on their behalf
        consent["given_by"] = _who(consent["given_by_id"], job_seeker)
        consent["withdrawn_by"] = _who(consent["withdrawn_by_id"], job_seeker) if consent["withdrawn_at"] else None
    return {
        "profile": JobSeekerSchema().dump(job_seeker),
        "priority_statuses": PriorityStatusSchema(many=True).dump(job_seeker.priority_statuses),
        "consents": consents,
    }


def _applications(job_seeker):
    from jobmatch.schemas.application import ApplicationSchema

    applications = _rows(Application, job_seeker)
    dumped = ApplicationSchema(many=True).dump(applications)
    for row, application in zip(dumped, applications, strict=True):
        placement = application.placement
        row["placement"] = placement and {
            "hire_date": day(placement.hire_date), "confirmed_at": moment(placement.confirmed_at),
            "follow_ups": [{"months": follow_up.months, "still_employed": follow_up.still_employed,
                            "recorded_at": moment(follow_up.recorded_at)} for follow_up in placement.follow_ups],
        }
    by_id = {row["id"]: row for row in dumped}
    return {
        "applications": dumped,
        "referrals": [{"application_id": application.id, "vacancy": by_id[application.id]["vacancy"]["title"],
                       "employer": application.vacancy.employer.name, "referred_at": moment(application.created_at),
                       "status": application.status} for application in applications if application.source == "referral"],
        "referral_requests": [{"vacancy": request.vacancy.title, "status": request.status, "created_at": moment(request.created_at),
                               "answered_at": moment(request.answered_at)} for request in _rows(ReferralRequest, job_seeker)],
        "interviews": [dict(interview, vacancy=row["vacancy"]["title"]) for row in dumped for interview in row["interviews"]],
        "invitations": [{"vacancy": invitation.vacancy.title, "employer": invitation.vacancy.employer.name,
                         "message": invitation.message, "status": invitation.status, "created_at": moment(invitation.created_at),
                         "answered_at": moment(invitation.answered_at)} for invitation in _rows(Invitation, job_seeker)],
    }


def _seeking(job_seeker, account):
    from jobmatch.services import notification as notification_service

    searches = _rows(SavedSearch, job_seeker)
    alerts = {}
    for alert in db.session.scalars(select(SavedSearchAlert).where(SavedSearchAlert.saved_search_id.in_([s.id for s in searches]))):
        alerts.setdefault(alert.saved_search_id, []).append({"vacancy_id": alert.vacancy_id, "sent_at": moment(alert.sent_at)})
    notifications = db.session.scalars(
        select(Notification).where(Notification.account_id == account.id).order_by(Notification.id)
    ).all() if account else []
    fairs = db.session.execute(select(JobFairRegistration, JobFair).join(JobFair).where(
        JobFairRegistration.job_seeker_id == job_seeker.id).order_by(JobFairRegistration.id)).all()
    return {
        "saved_searches": [{"name": search.name, "kind": search.kind, "criteria": search.criteria, "active": search.active,
                            "created_at": moment(search.created_at), "alerts": alerts.get(search.id, [])} for search in searches],
        "notifications": [{"kind": notification.kind, "text": notification_service.text(notification), "link": notification.link,
                           "created_at": moment(notification.created_at), "delivered_at": moment(notification.delivered_at),
                           "channel": notification.channel, "read_at": moment(notification.read_at)} for notification in notifications],
        "job_fairs": [{"title": fair.title, "held_on": day(fair.held_on), "registered_at": moment(registration.registered_at),
                       "attended_at": moment(registration.attended_at)} for registration, fair in fairs],
    }


def _overseas_and_training(job_seeker):
    from jobmatch.schemas.overseas import AgencyReportReadSchema, OverseasCaseSchema
    from jobmatch.services import support as support_service
    from jobmatch.services.overseas import stage_name

    cases = _rows(OverseasCase, job_seeker)
    dumped = OverseasCaseSchema(many=True).dump(cases)
    for row, case in zip(dumped, cases, strict=True):  # the names the person knows, beside the codes
        version = case.programme_version
        row["programme_name"] = labels.localized(version.name_vi, version.name_en)
        for event in [row, *row["events"]]:
            stage = version.stage(event["stage"])
            event["stage_name"] = stage_name(stage) if stage else str(labels.CASE_STATUSES["closed"])
    support = support_service.records_of_person(job_seeker.id)
    claims = db.session.scalars(select(SupportClaim).where(SupportClaim.job_seeker_id == job_seeker.id).order_by(SupportClaim.id))
    for row, claim in zip(support["support_claims"], claims, strict=True):
        item = item_of(claim.scheme_version.rules, claim.item)
        row["item_name"] = support_service.item_name(item) if item else claim.item
    return {
        "overseas_cases": dumped,
        "agency_reports": AgencyReportReadSchema(many=True).dump(_rows(AgencyReport, job_seeker)),
        "training_enrolments": [{
            "course": enrolment.course.title, "provider": enrolment.course.provider.name, "source": enrolment.source,
            "starts_on": day(enrolment.course.starts_on), "enrolled_at": moment(enrolment.enrolled_at),
            "completed_on": day(enrolment.completed_on), "certificate_number": enrolment.certificate_number,
            "certificate_date": day(enrolment.certificate_date),
            "follow_ups": [{"months": follow_up.months, "working": follow_up.working, "recorded_at": moment(follow_up.recorded_at)}
                           for follow_up in enrolment.follow_ups],
        } for enrolment in _rows(Enrolment, job_seeker)],
        "training_wishes": [{"isco_code": wish.isco_code, "wanted_from": day(wish.wanted_from), "travel_km": wish.travel_km,
                             "created_at": moment(wish.created_at)} for wish in _rows(TrainingWish, job_seeker)],
        **support,
    }


def _audit_entries(job_seeker, account):
    """Who read or changed the person's data, and when: entries about the profile, the account, or one of the person's
    own records (consents, support claims, loan dossiers, placements)."""
    owned = {
        "job_seeker": [job_seeker.id], "account": [account.id] if account else [],
        "consent": select(Consent.id).where(Consent.job_seeker_id == job_seeker.id),
        "support_claim": select(SupportClaim.id).where(SupportClaim.job_seeker_id == job_seeker.id),
        "loan_dossier": select(LoanDossier.id).where(LoanDossier.job_seeker_id == job_seeker.id),
        "placement": select(Placement.id).join(Application).where(Application.job_seeker_id == job_seeker.id),
    }
    about = or_(*[(AuditEntry.subject_type == kind) & AuditEntry.subject_id.in_(ids) for kind, ids in owned.items()])
    entries = db.session.scalars(select(AuditEntry).where(about).order_by(AuditEntry.at, AuditEntry.id)).all()
    return [{"at": moment(entry.at), "action": entry.action, "by": _who(entry.actor_id, job_seeker)} for entry in entries]


def _who(account_id, job_seeker):
    """Who acted, as the person may know it: themselves, or the role, name and centre of the account that did."""
    if account_id is None:
        return None
    account = db.session.get(Account, account_id)
    if account is None:
        return {"role": "deleted"}
    if account.job_seeker_id == job_seeker.id:
        return {"role": "self"}
    return {"role": account.role, "name": account.display_name, "centre": account.centre.name if account.centre else None,
            "employer": account.employer.name if account.employer else None}
