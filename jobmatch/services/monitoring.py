"""The programme's monitoring report of a centre for a half-year or a year (Circular 10/2022/TT-BLĐTBXH, six-monthly and
annual reports): workers who went abroad and those supported, support paid by item, loans referred and granted, people
connected to jobs, people trained and trained workers found in work at their follow-ups; each figure split between
priority workers (a verified priority status in force on the day that counts) and everyone else. The report goes from
the centre to the programme's standing agency, so its figures are the centre's own, unsuppressed, and marked
internal."""
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models.application import Application, Placement
from jobmatch.models.job_seeker import PRIORITY_CATEGORIES, JobSeeker, PriorityStatus
from jobmatch.models.overseas import OverseasCase, OverseasCaseEvent
from jobmatch.models.support import LoanDossier, SupportClaim, SupportSchemeVersion
from jobmatch.models.training import Enrolment, TrainingFollowUp
from jobmatch.rules.clock import vietnam_day_start_utc
from jobmatch.rules.loan import add_working_days
from jobmatch.services import audit
from jobmatch.services.authorization import authorize
from jobmatch.services.transaction import commit


@dataclass(frozen=True)
class ReportPeriod:
    key: str  # "2026-H1" or "2026"
    first: date
    last: date

    @property
    def half_year(self):
        return self.key.endswith(("H1", "H2"))


def report_period(key):
    """The period a key names ("2026-H1", "2026-H2", "2026"), or None for anything else."""
    year_text, _, half = key.partition("-")
    if not year_text.isdigit() or len(year_text) != 4 or half not in ("", "H1", "H2"):
        return None
    year = int(year_text)
    if not 2000 <= year <= 2100:
        return None
    if half == "H1":
        return ReportPeriod(key, date(year, 1, 1), date(year, 6, 30))
    if half == "H2":
        return ReportPeriod(key, date(year, 7, 1), date(year, 12, 31))
    return ReportPeriod(key, date(year, 1, 1), date(year, 12, 31))


def deadlines(period):
    """(to the programme's standing agency: 15 working days after the period; to the ministries: before 1 June for the
    six-month report, before 1 December for the annual one), as the research notes read Circular 10/2022."""
    ministry = date(period.first.year, 6, 1) if period.key.endswith("H1") else date(period.first.year, 12, 1)
    return add_working_days(period.last, 15), ministry


# The centre's home reminds its officers of the report this many days before it is due to the standing agency.
REMINDER_DAYS = 20


def report_due(today):
    """(the half-year just ended, the day its report is due to the programme's standing agency) while that day is at
    most REMINDER_DAYS ahead, else None."""
    ended = report_period(f"{today.year - 1}-H2" if today.month <= 6 else f"{today.year}-H1")
    due, _ = deadlines(ended)
    return (ended, due) if 0 <= (due - today).days <= REMINDER_DAYS else None


@dataclass
class Row:
    label: str  # a key the page and workbook put into words
    priority: int = 0
    others: int = 0
    by_category: dict = field(default_factory=dict)
    amount_vnd: int | None = None

    @property
    def total(self):
        return self.priority + self.others


@dataclass
class MonitoringReport:
    period: ReportPeriod
    centre_id: int
    abroad: list  # Rows: departed, supported
    support_items: list  # (item code, scheme version rules, people, amount paid)
    loans: list  # Rows: prepared, submitted, approved, disbursed, refused (with amounts where they apply)
    jobs: list  # Rows: placed in work
    training: list  # Rows: trained (completed a course), followed up after training, found in work then


def categories_on(job_seeker_ids, days):
    """{(job seeker id, day): set of categories in force that day} for the (person, day) pairs asked."""
    statuses = db.session.execute(select(
        PriorityStatus.job_seeker_id, PriorityStatus.category, PriorityStatus.valid_until, PriorityStatus.verified_at,
    ).where(PriorityStatus.job_seeker_id.in_(set(job_seeker_ids)), PriorityStatus.verified_at.is_not(None))).all()
    held = {}
    for person, day in zip(job_seeker_ids, days, strict=True):
        held[(person, day)] = {category for job_seeker_id, category, valid_until, _ in statuses
                               if job_seeker_id == person and (valid_until is None or valid_until >= day)}
    return held


def _split(label, people_days, amount=None):
    """A row counting distinct people, each as priority when a status was in force on their day."""
    row = Row(label, amount_vnd=amount, by_category=dict.fromkeys(PRIORITY_CATEGORIES, 0))
    categories = categories_on([person for person, _ in people_days], [day for _, day in people_days])
    seen = {}
    for person, day in people_days:
        seen.setdefault(person, set()).update(categories[(person, day)])
    for held in seen.values():
        if held:
            row.priority += 1
            for category in held:
                row.by_category[category] += 1
        else:
            row.others += 1
    return row


def monitoring_report(*, actor, period):
    """The centre's report for the period (its officers; reading it is audited: it is the centre's internal figures)."""
    authorize(actor, "monitoring.read_centre")
    centre_id = actor.centre_id
    in_period = lambda column: column.between(period.first, period.last)  # noqa: E731
    departures = db.session.execute(select(OverseasCase.job_seeker_id, OverseasCaseEvent.happened_on).join(OverseasCaseEvent).join(
        JobSeeker, JobSeeker.id == OverseasCase.job_seeker_id).where(
        JobSeeker.centre_id == centre_id, OverseasCaseEvent.stage_kind == "departure", in_period(OverseasCaseEvent.happened_on))).all()
    supported = db.session.execute(select(SupportClaim.job_seeker_id, SupportClaim.claimed_on).where(
        SupportClaim.centre_id == centre_id, SupportClaim.case_id.is_not(None), SupportClaim.status == "paid",
        in_period(SupportClaim.paid_on))).all()
    paid = db.session.execute(select(SupportClaim.scheme_version_id, SupportClaim.item, func.count(SupportClaim.job_seeker_id.distinct()),
                                     func.sum(SupportClaim.amount_vnd)).where(
        SupportClaim.centre_id == centre_id, SupportClaim.status == "paid", in_period(SupportClaim.paid_on),
    ).group_by(SupportClaim.scheme_version_id, SupportClaim.item).order_by(SupportClaim.item)).all()
    versions = {version.id: version for version in db.session.scalars(select(SupportSchemeVersion))}
    support_items = [(item, versions[version_id].rules, people, int(amount)) for version_id, item, people, amount in paid]
    loans = []
    for label, day_column, amount_column in (
        ("loan_prepared", LoanDossier.prepared_on, LoanDossier.amount_vnd),
        ("loan_submitted", LoanDossier.submitted_on, LoanDossier.amount_vnd),
        ("loan_approved", LoanDossier.decided_on, LoanDossier.approved_amount_vnd),
        ("loan_disbursed", LoanDossier.disbursed_on, LoanDossier.approved_amount_vnd),
    ):
        condition = [LoanDossier.centre_id == centre_id, in_period(day_column)]
        if label == "loan_approved":
            condition.append(LoanDossier.approved_amount_vnd.is_not(None))
        rows = db.session.execute(select(LoanDossier.job_seeker_id, day_column, amount_column).where(*condition)).all()
        loans.append(_split(label, [(person, day) for person, day, _ in rows], amount=sum(amount or 0 for *_, amount in rows)))
    refused = db.session.execute(select(LoanDossier.job_seeker_id, LoanDossier.decided_on).where(
        LoanDossier.centre_id == centre_id, LoanDossier.status == "refused", in_period(LoanDossier.decided_on))).all()
    loans.append(_split("loan_refused", [tuple(row) for row in refused]))
    placed = db.session.execute(select(Application.job_seeker_id, Placement.hire_date).select_from(Placement).join(
        Application, Application.id == Placement.application_id).join(JobSeeker, JobSeeker.id == Application.job_seeker_id).where(
        JobSeeker.centre_id == centre_id, in_period(Placement.hire_date))).all()
    training = _training_rows(centre_id, period)
    audit.record(action="monitoring_report.read", actor=actor, subject_type="centre", subject_id=centre_id)
    commit()
    return MonitoringReport(
        period=period, centre_id=centre_id,
        abroad=[_split("departed", [tuple(row) for row in departures]), _split("supported", [tuple(row) for row in supported])],
        support_items=support_items, loans=loans, jobs=[_split("placed", [tuple(row) for row in placed])], training=training,
    )


def _training_rows(centre_id, period):
    """The centre's people who completed a course in the period, and those followed up in it (3 or 6 months after), with
    those found in work; each counted as priority by a status in force on the day they completed the course."""
    completed = db.session.execute(select(Enrolment.job_seeker_id, Enrolment.completed_on).join(JobSeeker).where(
        JobSeeker.centre_id == centre_id, Enrolment.completed_on.between(period.first, period.last))).all()
    followed = db.session.execute(select(Enrolment.job_seeker_id, Enrolment.completed_on, TrainingFollowUp.working).join(
        TrainingFollowUp).join(JobSeeker).where(
        JobSeeker.centre_id == centre_id, TrainingFollowUp.recorded_at >= vietnam_day_start_utc(period.first),
        TrainingFollowUp.recorded_at < vietnam_day_start_utc(period.last + timedelta(days=1)))).all()
    return [_split("trained", [tuple(row) for row in completed]),
            _split("trained_followed", [(person, day) for person, day, _working in followed]),
            _split("trained_working", [(person, day) for person, day, working in followed if working])]
