"""Overseas cases: opened for an eligible worker, moved along the programme's path, closed, listed, deadlines flagged."""
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import and_, false, or_, select, true

from jobmatch import labels
from jobmatch.extensions import db
from jobmatch.models.account import Account
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.overseas import OverseasCase, OverseasCaseEvent, ProgrammeVersion
from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.rules.overseas import deadline_state, entered_between, licence_in_force, next_stage, service_fee_cap, stage_due_on
from jobmatch.services import citizen_id as citizen_id_service
from jobmatch.services import notification
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.overseas.eligibility import judge, judge_all
from jobmatch.services.overseas.programme import programme_by_code, version_on
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit


def _check_day(day, *, after, field="happened_on"):
    if day > vietnam_today():
        raise InvalidRequest(field, _("This day has not come yet."))
    if after is not None and day < after:
        raise InvalidRequest(field, _("This day is before the case's last step (%(day)s).", day=day_text(after)))


def open_case(*, actor, job_seeker_id, fields):
    """An officer of the worker's centre registers them for a programme: only when eligible on that day under the
    version then in force (each failed rule is named), and one open case per programme. The verdicts are kept with
    the version that gave them."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "overseas_case.manage", job_seeker)
    # The programme's papers are in the worker's name: the officer gives the ID from the card if the profile has none.
    citizen_id_service.require_for_service(actor=actor, job_seeker=job_seeker, citizen_id=fields.get("citizen_id"))
    programme = programme_by_code(fields["programme"])
    _check_day(fields["opened_on"], after=None, field="opened_on")
    already = db.session.scalar(select(OverseasCase.id).where(
        OverseasCase.job_seeker_id == job_seeker.id, OverseasCase.programme_id == programme.id, OverseasCase.status == "active"))
    if already:
        raise InvalidRequest("programme", _("This worker already has an open case in this programme (no. %(id)s).", id=already))
    version = version_on(programme, fields["opened_on"])
    judged = judge(job_seeker, version, fields["opened_on"])
    if not judged.eligible:
        reasons = "; ".join(verdict["message"] for verdict in judged.verdicts if not verdict["passed"])
        raise InvalidRequest("programme", _("Not eligible for this programme: %(reasons)s.", reasons=reasons))
    first = version.stages[0]
    case = OverseasCase(
        job_seeker_id=job_seeker.id, programme_id=programme.id, programme_version_id=version.id, stage=first["code"],
        stage_entered_on=fields["opened_on"], eligibility=judged.verdicts, opened_by_id=actor.id,
    )
    case.events.append(OverseasCaseEvent(stage=first["code"], stage_kind=first["kind"], happened_on=fields["opened_on"],
                                         document=fields["document"], recorded_by_id=actor.id))
    db.session.add(case)
    commit()
    return case


def get_case(*, actor, case_id):
    case = find_for(actor, OverseasCase, case_id)
    authorize(actor, "overseas_case.read", case.job_seeker)
    return case


CONTRACT_TERMS = ("agency_id", "contract_months", "monthly_salary_vnd", "service_fee_paid_vnd")


def _contract_terms(case, fields):
    missing = [name for name in CONTRACT_TERMS[1:] if fields.get(name) is None]
    if missing:
        raise InvalidRequest(missing[0], _("Record the contract's length, the monthly salary and the service fee paid."))
    if fields.get("agency_id") is not None:
        agency = db.session.get(Employer, fields["agency_id"])
        if agency is None or not licence_in_force(agency.overseas_licence, agency.overseas_licence_expires, fields["happened_on"]):
            raise InvalidRequest("agency_id", _("Choose a placement agency whose licence was in force that day."))
        case.agency_id = agency.id
    case.contract_months = fields["contract_months"]
    case.monthly_salary_vnd = fields["monthly_salary_vnd"]
    case.service_fee_paid_vnd = fields["service_fee_paid_vnd"]
    case.service_fee_cap_vnd = service_fee_cap(case.programme_version.rules, monthly_salary=fields["monthly_salary_vnd"],
                                               contract_months=fields["contract_months"])


def move_case(*, actor, case_id, fields):
    """Record the next stage of the programme's path, on a day no earlier than the last step and not in the future,
    with its document; any other stage is refused, and so is a return after its deadline (it was not on time).
    The contract stage records the terms and the fee actually paid (a fee above the cap is recorded,
    not hidden: statistics report it so it can be driven to zero)."""
    case = find_for(actor, OverseasCase, case_id)
    authorize(actor, "overseas_case.manage", case.job_seeker)
    if case.status != "active":
        raise InvalidRequest("stage", _("This case is no longer open."))
    version = case.programme_version
    expected = next_stage(version.stages, case.stage)
    if expected is None or fields["stage"] != expected["code"]:
        asked = version.stage(fields["stage"])
        raise InvalidRequest("stage", _(
            "The next step of this case is “%(expected)s”, not “%(asked)s”.",
            expected=stage_name(expected) if expected else "–", asked=stage_name(asked) if asked else fields["stage"]))
    _check_day(fields["happened_on"], after=case.stage_entered_on)
    due = stage_due_on(version.stage(case.stage), case.stage_entered_on)
    if expected["kind"] == "return" and due is not None and fields["happened_on"] > due:
        raise InvalidRequest("happened_on", _(
            "The return was due by %(day)s: a later return is not on time. Close the case as an overstay instead.",
            day=day_text(due)))
    if expected.get("contract"):
        _contract_terms(case, fields)
    else:
        recorded = next((name for name in CONTRACT_TERMS if fields.get(name) is not None), None)
        if recorded:
            raise InvalidRequest(recorded, _("The contract's terms are recorded at the contract step."))
    case.stage = expected["code"]
    case.stage_entered_on = fields["happened_on"]
    case.events.append(OverseasCaseEvent(stage=expected["code"], stage_kind=expected["kind"], happened_on=fields["happened_on"],
                                         document=fields["document"], recorded_by_id=actor.id))
    if next_stage(version.stages, expected["code"]) is None:
        case.status = "completed"
    commit()
    return case


def close_case(*, actor, case_id, fields):
    """Close an open case with its reason (a failed test, the worker's withdrawal, …). "Overstayed" is only for a
    worker who departed, and records the overstay on their profile, which later programmes' rules read."""
    case = find_for(actor, OverseasCase, case_id)
    authorize(actor, "overseas_case.manage", case.job_seeker)
    if case.status != "active":
        raise InvalidRequest("reason", _("This case is no longer open."))
    _check_day(fields["happened_on"], after=case.stage_entered_on)
    if fields["reason"] == "overstayed":
        departed = any(event.stage_kind == "departure" for event in case.events)
        if not departed:
            raise InvalidRequest("reason", _("Only a worker who departed can have overstayed."))
        case.job_seeker.overstayed_abroad = True
    _close(case, fields["reason"], fields["happened_on"], fields["document"], actor.id)
    commit()
    return case


def _close(case, reason, day, document, actor_id):
    case.status = "closed"
    case.close_reason = reason
    case.closed_on = day
    case.events.append(OverseasCaseEvent(stage="closed", stage_kind="closed", happened_on=day, document=document,
                                         close_reason=reason, recorded_by_id=actor_id))


def cases_of_job_seeker(*, actor, job_seeker_id, size=None, after=None):
    """A worker's cases, the newest first (a page of them; size=None: all)."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "overseas_case.read", job_seeker)
    return keyset_page(select(OverseasCase).where(OverseasCase.job_seeker_id == job_seeker.id), list_name="overseas_cases",
                       order=[(OverseasCase.id, "desc")], size=size, after=after)


def _cases_of(job_seeker_id):
    """A worker's cases, the newest first."""
    return db.session.scalars(
        select(OverseasCase).where(OverseasCase.job_seeker_id == job_seeker_id).order_by(OverseasCase.id.desc())
    ).all()


@dataclass
class WorkerOverview:
    job_seeker: JobSeeker
    eligibility: list  # of ProgrammeEligibility
    cases: list


def worker_overview(*, actor, job_seeker_id, on=None):
    """For an officer of the worker's centre: the worker, their eligibility for each programme on a day, their cases."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "overseas_case.manage", job_seeker)
    return WorkerOverview(job_seeker, judge_all(job_seeker, on or vietnam_today()), _cases_of(job_seeker.id))


def centre_cases(*, actor, status="active", step=None, lateness=None, size=None, after=None):
    """The officer's centre's cases of one status, at one step and as late as asked (an active case's current step
    passed its deadline, near it, or on time), the oldest step first, page by page."""
    authorize(actor, "overseas_case.list_centre")
    statement = _centre_cases(actor, status)
    if step:
        statement = statement.where(OverseasCase.stage == step)
    if lateness:
        statement = statement.where(_late_as(actor, status, lateness))
    return keyset_page(statement, list_name="centre_cases", order=[(OverseasCase.stage_entered_on, "asc"), (OverseasCase.id, "asc")],
                       size=size, after=after)


def _centre_cases(actor, status):
    return select(OverseasCase).join(JobSeeker, JobSeeker.id == OverseasCase.job_seeker_id).where(
        JobSeeker.centre_id == actor.centre_id, OverseasCase.status == status)


def _versions_in_use(actor, status):
    return db.session.scalars(select(ProgrammeVersion).where(
        ProgrammeVersion.id.in_(_centre_cases(actor, status).with_only_columns(OverseasCase.programme_version_id).distinct())
    ).order_by(ProgrammeVersion.id)).all()


def _late_as(actor, status, lateness):
    """Cases whose current step's deadline is in this state today: for each step of each version the centre's cases
    follow, the days it may have been entered (rules.overseas.entered_between). Only an active case has a deadline."""
    if status != "active":
        return true() if lateness == "on_time" else false()
    today, alternatives = vietnam_today(), []
    for version in _versions_in_use(actor, status):
        for stage in version.stages:
            window = entered_between(stage, lateness, today)
            if window is not False:
                first, last = window
                alternatives.append(and_(
                    OverseasCase.programme_version_id == version.id, OverseasCase.stage == stage["code"],
                    true() if first is None else OverseasCase.stage_entered_on >= first,
                    true() if last is None else OverseasCase.stage_entered_on <= last,
                ))
    return or_(false(), *alternatives)


def step_choices(*, actor, status="active"):
    """[(code, name)] of the steps the centre's cases of this status follow, in the order of their paths."""
    authorize(actor, "overseas_case.list_centre")
    choices = {}
    for version in _versions_in_use(actor, status):
        for stage in version.stages:
            choices.setdefault(stage["code"], stage_name(stage))
    return list(choices.items())


def next_stage_of(case):
    """The stage an active case moves to next, or None."""
    return next_stage(case.programme_version.stages, case.stage) if case.status == "active" else None


def stage_name(stage):
    return labels.localized(stage["name_vi"], stage["name_en"])


def case_deadline(case, today=None):
    """(due day or None, "passed" / "soon" / None) of an active case's current stage."""
    if case.status != "active":
        return None, None
    stage = case.programme_version.stage(case.stage)
    return stage_due_on(stage, case.stage_entered_on), deadline_state(stage, case.stage_entered_on, today or vietnam_today())


@dataclass
class DeadlineReport:
    lapsed: int = 0
    overdue: int = 0
    due_soon: int = 0


def flag_deadlines(*, today=None):
    """The daily check of active cases' deadlines (a roster's expiry, …): a stage that lapses closes its case once the
    day has passed; otherwise the worker is told once when the deadline is near and once when it has passed."""
    today = today or vietnam_today()
    report = DeadlineReport()
    cases = db.session.scalars(select(OverseasCase).where(OverseasCase.status == "active")).all()
    for case in cases:
        stage = case.programme_version.stage(case.stage)
        state = deadline_state(stage, case.stage_entered_on, today)
        if state is None:
            continue
        due = stage_due_on(stage, case.stage_entered_on)
        if state == "passed" and stage.get("lapses"):
            _close(case, "lapsed", today, _("Deadline of %(day)s passed", day=day_text(due)), None)
            report.lapsed += 1
            _tell(case, "overseas_case_lapsed", stage, due)
            continue
        notice = f"{state}:{case.stage}"
        if case.deadline_notice_stage == notice:
            continue
        case.deadline_notice_stage = notice
        if state == "passed":
            report.overdue += 1
        else:
            report.due_soon += 1
        _tell(case, "overseas_deadline_passed" if state == "passed" else "overseas_deadline_soon", stage, due)
    commit()
    return report


def _tell(case, kind, stage, due):
    account = db.session.scalar(select(Account).where(Account.job_seeker_id == case.job_seeker_id))
    if account is not None:
        notification.queue(account=account, kind=kind, link=notification.page_link("overseas.own", anchor=f"case-{case.id}"),
                           programme=case.programme.code, stage_vi=stage["name_vi"], stage_en=stage["name_en"],
                           day=day_text(due))
