"""Overseas programme use cases: programmes edited as versioned data, eligibility with each rule's verdict, cases moved
along a programme's path to departure and return, deadlines flagged, the fee cap on agencies' vacancies, and workers'
reports about agencies."""
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobmatch import labels
from jobmatch.extensions import db
from jobmatch.models.account import Account
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.overseas import AgencyReport, OverseasCase, OverseasCaseEvent, Programme, ProgrammeVersion
from jobmatch.models.place import LegacyWard, Ward, ward_codes
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import as_vietnam_time, utc_now, vietnam_today
from jobmatch.rules.overseas import (
    LAW_FEE_CAP,
    SeekerFacts,
    active_bans,
    check_eligibility,
    deadline_state,
    next_stage,
    service_fee_cap,
    stage_due_on,
)
from jobmatch.schemas.overseas import ProgrammeWriteSchema
from jobmatch.services import notification
from jobmatch.services import place as place_service
from jobmatch.services.authorization import authorize, can, find_for
from jobmatch.services.errors import InvalidRequest, NotFound
from jobmatch.services.transaction import commit

# Programmes

def list_programmes():
    """Every programme with its versions (the last is in force), by code."""
    return db.session.scalars(select(Programme).options(selectinload(Programme.versions)).order_by(Programme.code)).all()


def programme_choices():
    """[(code, "code – name")] of every programme, for forms and filters."""
    return [(programme.code, f"{programme.code} – {labels.localized(programme.current.name_vi, programme.current.name_en)}")
            for programme in list_programmes()]


def version_on(programme, day):
    """The version in force on a day (Vietnam's): the last saved by its end; the first for a day before any."""
    in_force = [version for version in programme.versions if as_vietnam_time(version.created_at).date() <= day]
    return in_force[-1] if in_force else programme.versions[0]


def programme_codes():
    return set(db.session.scalars(select(Programme.code)))


def _find_programme(code):
    """The programme with this code, or None."""
    return db.session.scalar(select(Programme).where(Programme.code == code)) if code else None


def get_programme(*, code):
    programme = _find_programme(code)
    if programme is None:
        raise NotFound("programme", code)
    return programme


def programme_version(*, code, number=None):
    """A programme's version in force, or its version `number`; 404 when either does not exist."""
    programme = get_programme(code=code)
    if number is None:
        return programme.current
    version = next((version for version in programme.versions if version.number == number), None)
    if version is None:
        raise NotFound("programme_version", number)
    return version


def programme_by_code(code, *, field="programme"):
    """The programme with this code, or a refusal naming the field: codes are never guessed."""
    programme = _find_programme(code)
    if programme is None:
        raise InvalidRequest(field, _("There is no overseas programme with code “%(code)s”.", code=code))
    return programme


def _json_rules(rules):
    """The validated rules as they are stored: dates as ISO strings."""
    bans = [
        {**ban, "starts_on": ban["starts_on"].isoformat(), "ends_on": ban["ends_on"].isoformat() if ban.get("ends_on") else None}
        for ban in rules.get("area_bans") or []
    ]
    return {**rules, "area_bans": bans}


def _check_ban_areas(rules):
    provinces = {province.code for province in place_service.list_provinces()}
    for ban in rules.get("area_bans") or []:
        if ban.get("province_code") and ban["province_code"] not in provinces:
            raise InvalidRequest("rules", _("There is no province with code %(code)s.", code=ban["province_code"]))
        if ban.get("ward_code") and ban["ward_code"] not in ward_codes():
            raise InvalidRequest("rules", _("There is no ward with code %(code)s.", code=ban["ward_code"]))


def save_programme(*, actor, fields):
    """Create a programme or record a new version of it (an administrator); versions are never changed afterwards, so
    a case opened under one can still be explained. The destination belongs to the programme and does not change."""
    authorize(actor, "programme.edit")
    _check_ban_areas(fields["rules"])
    programme = _find_programme(fields["code"])
    if programme is None:
        programme = Programme(code=fields["code"], destination_country=fields["destination_country"])
        db.session.add(programme)
        number = 1
    elif programme.destination_country != fields["destination_country"]:
        raise InvalidRequest("destination_country", _("A programme's destination cannot change: create another programme."))
    else:
        number = programme.current.number + 1
    _add_version(programme, number, fields, created_by_id=actor.id)
    commit()
    return programme


def _add_version(programme, number, fields, *, created_by_id=None):
    db.session.add(ProgrammeVersion(
        programme=programme, number=number, name_vi=fields["name_vi"], name_en=fields["name_en"], sectors=fields["sectors"],
        stages=fields["stages"], rules=_json_rules(fields["rules"]), sources=fields["sources"], note=fields["note"],
        created_by_id=created_by_id,
    ))


REFERENCE_PROGRAMMES = Path(__file__).resolve().parent.parent / "reference_data" / "overseas_programmes.json"


def _resolve_legacy_districts(bans):
    """Bans given by a pre-2025 district become bans of each current ward that took in part of it."""
    resolved = []
    for ban in bans:
        if "legacy_district" not in ban:
            resolved.append(ban)
            continue
        wards = db.session.scalars(select(LegacyWard.ward_code).distinct().where(
            LegacyWard.province_key == ban["legacy_province"], LegacyWard.district_key == ban["legacy_district"]
        ).order_by(LegacyWard.ward_code))
        rest = {key: value for key, value in ban.items() if key not in ("legacy_province", "legacy_district")}
        resolved += [{**rest, "ward_code": ward_code} for ward_code in wards]
    return resolved


def load_programmes(path=REFERENCE_PROGRAMMES):
    """Add the reference programmes that do not exist yet (an administrator's later edits are kept); returns how many."""
    existing = programme_codes()
    added = 0
    for data in json.loads(Path(path).read_text(encoding="utf-8"))["programmes"]:
        if data["code"] in existing:
            continue
        data["rules"]["area_bans"] = _resolve_legacy_districts(data["rules"]["area_bans"])
        fields = ProgrammeWriteSchema().load(data)
        programme = Programme(code=fields["code"], destination_country=fields["destination_country"])
        db.session.add(programme)
        _add_version(programme, 1, fields)
        added += 1
    commit()
    return added


# Eligibility

def seeker_facts(job_seeker):
    ward = job_seeker.ward
    return SeekerFacts(
        birth_date=job_seeker.birth_date, languages=list(job_seeker.languages or []), health_check_on=job_seeker.health_check_on,
        overstayed_abroad=bool(job_seeker.overstayed_abroad), ward_code=job_seeker.ward_code,
        province_code=ward.province_code if ward else None,
    )


@dataclass
class ProgrammeEligibility:
    programme: Programme
    version: ProgrammeVersion
    on: date
    eligible: bool
    verdicts: list  # of dicts: rule, passed, reason, params, message


def area_names(areas):
    """{code: "ward, province" or the province's name} of the areas ({"ward_code" or "province_code": …}) named."""
    ward_codes = [area["ward_code"] for area in areas if area.get("ward_code")]
    names = {ward.code: ward.label for ward in db.session.scalars(select(Ward).where(Ward.code.in_(ward_codes)))} if ward_codes else {}
    names.update((province.code, province.name) for province in place_service.list_provinces())
    return names


def _with_messages(verdicts):
    names = area_names([verdict.params for verdict in verdicts])
    return [
        {**verdict.as_dict(), "message": labels.verdict_message(
            verdict, names.get(verdict.params.get("ward_code")) or names.get(verdict.params.get("province_code")))}
        for verdict in verdicts
    ]


def judge(job_seeker, version, on):
    result = check_eligibility(version.rules, seeker_facts(job_seeker), on)
    return ProgrammeEligibility(version.programme, version, on, result.eligible, _with_messages(result.verdicts))


def eligibility(*, actor, job_seeker_id, on=None, programme_code=None):
    """For the person and their centre's officers: each programme (or one), eligible or not on a day (today by default),
    with every rule's verdict in plain words, under the version in force."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.read", job_seeker)
    on = on or vietnam_today()
    programmes = [programme_by_code(programme_code)] if programme_code else list_programmes()
    return [judge(job_seeker, programme.current, on) for programme in programmes]


@dataclass
class WorkerOverview:
    job_seeker: JobSeeker
    eligibility: list  # of ProgrammeEligibility
    cases: list


def worker_overview(*, actor, job_seeker_id, on=None):
    """For an officer of the worker's centre: the worker, their eligibility for each programme on a day, their cases."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "overseas_case.manage", job_seeker)
    on = on or vietnam_today()
    return WorkerOverview(job_seeker, [judge(job_seeker, programme.current, on) for programme in list_programmes()],
                          _cases_of(job_seeker.id))


def ineligible_programme_codes(job_seeker, today):
    """The programmes whose vacancies matching must not offer this person."""
    return sorted(
        programme.code for programme in list_programmes()
        if not check_eligibility(programme.current.rules, seeker_facts(job_seeker), today).eligible
    )


def eligible_job_seeker_ids(job_seeker_ids, programme_code, today):
    """Those of these job seekers eligible for the programme today: the hard filter of overseas candidates."""
    programme = _find_programme(programme_code)
    if programme is None:
        return set(job_seeker_ids)
    seekers = db.session.scalars(select(JobSeeker).where(JobSeeker.id.in_(job_seeker_ids))).all()
    rules = programme.current.rules
    return {seeker.id for seeker in seekers if check_eligibility(rules, seeker_facts(seeker), today).eligible}


def area_bans_in_force(programme_code, today):
    """The programme's area bans in force today (none for an unknown or missing programme)."""
    programme = _find_programme(programme_code)
    return active_bans(programme.current.rules.get("area_bans"), today) if programme else []


# Cases

def _check_day(day, *, after, field="happened_on"):
    if day > vietnam_today():
        raise InvalidRequest(field, _("This day has not come yet."))
    if after is not None and day < after:
        raise InvalidRequest(field, _("This day is before the case's last step (%(day)s).", day=after.strftime("%d/%m/%Y")))


def open_case(*, actor, job_seeker_id, fields):
    """An officer of the worker's centre registers them for a programme: only when eligible on that day under the
    version then in force (each failed rule is named), and one open case per programme. The verdicts are kept with
    the version that gave them."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "overseas_case.manage", job_seeker)
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


def _licensed_on(agency, day):
    return bool(agency.overseas_licence) and (agency.overseas_licence_expires is None or agency.overseas_licence_expires >= day)


def _contract_terms(case, fields):
    missing = [name for name in CONTRACT_TERMS[1:] if fields.get(name) is None]
    if missing:
        raise InvalidRequest(missing[0], _("Record the contract's length, the monthly salary and the service fee paid."))
    if fields.get("agency_id") is not None:
        agency = db.session.get(Employer, fields["agency_id"])
        if agency is None or not _licensed_on(agency, fields["happened_on"]):
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
            day=due.strftime("%d/%m/%Y")))
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


def cases_of_job_seeker(*, actor, job_seeker_id):
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "overseas_case.read", job_seeker)
    return _cases_of(job_seeker.id)


def _cases_of(job_seeker_id):
    """A worker's cases, the newest first."""
    return db.session.scalars(
        select(OverseasCase).where(OverseasCase.job_seeker_id == job_seeker_id).order_by(OverseasCase.id.desc())
    ).all()


def centre_cases(*, actor, status="active"):
    """The officer's centre's cases, those with a deadline passed or near first."""
    authorize(actor, "overseas_case.list_centre")
    cases = db.session.scalars(
        select(OverseasCase).join(JobSeeker, JobSeeker.id == OverseasCase.job_seeker_id)
        .where(JobSeeker.centre_id == actor.centre_id, OverseasCase.status == status)
        .order_by(OverseasCase.stage_entered_on)
    ).all()
    order = {"passed": 0, "soon": 1, None: 2}
    return sorted(cases, key=lambda case: order[case_deadline(case)[1]])


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
            _close(case, "lapsed", today, _("Deadline of %(day)s passed", day=due.strftime("%d/%m/%Y")), None)
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
        notification.queue(account=account, kind=kind, link=f"/me/overseas#case-{case.id}",
                           programme=case.programme.code, stage_vi=stage["name_vi"], stage_en=stage["name_en"],
                           day=due.strftime("%d/%m/%Y"))


# Vacancies of licensed agencies

def check_overseas_vacancy(*, employer, fields, today):
    """The rules an overseas vacancy meets before it is stored: a licence in force, a known programme (if any) for the
    same destination, and a service fee within the programme's cap (or the law's, outside a programme) for the stated
    salary and contract length."""
    if not employer.overseas_licence or (employer.overseas_licence_expires and employer.overseas_licence_expires < today):
        raise InvalidRequest("is_overseas", _("Only a placement agency with a licence in force may post overseas vacancies."))
    rules, name = LAW_FEE_CAP, _("the law")
    if fields.get("programme"):
        programme = programme_by_code(fields["programme"])
        if programme.destination_country != fields.get("destination_country"):
            raise InvalidRequest("destination_country", _("The programme %(code)s goes to another country.", code=programme.code))
        if programme.current.rules.get("service_fee_months_per_year") is not None:
            rules, name = programme.current.rules, programme.code
    service_fee = sum(fee["amount_vnd"] for fee in fields.get("fees") or [] if fee["kind"] == "service")
    if not service_fee:
        return
    if fields.get("salary_min") is None:
        raise InvalidRequest("salary_min", _("State the monthly salary: the service fee's cap depends on it."))
    cap = service_fee_cap(rules, monthly_salary=fields["salary_min"], contract_months=fields.get("contract_months"))
    if cap is not None and service_fee > cap:
        raise InvalidRequest("fees", _(
            "The service fee of %(fee)s is above the cap of %(cap)s for %(code)s (%(months)s months' salary per year of contract).",
            fee=f"{service_fee:,} ₫", cap=f"{cap:,} ₫", code=name, months=rules["service_fee_months_per_year"]))


# Reports about agencies

def report_agency(*, actor, fields):
    """A worker reports an agency (a fee above the cap, a withheld passport, …); officers follow the reports up."""
    authorize(actor, "agency_report.create")
    employer = db.session.get(Employer, fields["employer_id"])
    if employer is None or not (employer.overseas_licence or fields["kind"] == "unlicensed"):
        raise InvalidRequest("employer_id", _("Choose a placement agency (a company without a licence: report it as unlicensed)."))
    if fields.get("vacancy_id") is not None:
        vacancy = db.session.get(Vacancy, fields["vacancy_id"])
        if vacancy is None or vacancy.employer_id != employer.id or not vacancy.is_overseas:
            raise InvalidRequest("vacancy_id", _("This vacancy is not one of the agency's overseas vacancies."))
    report = AgencyReport(job_seeker_id=actor.job_seeker_id, **fields)
    db.session.add(report)
    commit()
    return report


def list_reports(*, actor, reviewed=False):
    """[(report, whether the reader may see who sent it)] for officers and administrators, newest first: the reporter's
    name only for the officers who serve them."""
    authorize(actor, "agency_report.list")
    condition = AgencyReport.reviewed_at.is_not(None) if reviewed else AgencyReport.reviewed_at.is_(None)
    reports = db.session.scalars(select(AgencyReport).where(condition).order_by(AgencyReport.id.desc()).limit(200)).all()
    return [(report, report.job_seeker is not None and can(actor, "job_seeker.read", report.job_seeker)) for report in reports]


def review_report(*, actor, report_id, note):
    authorize(actor, "agency_report.list")
    report = find_for(actor, AgencyReport, report_id)
    if report.reviewed_at is not None:
        raise InvalidRequest("review_note", _("This report was followed up already."))
    report.reviewed_by_id = actor.id
    report.reviewed_at = utc_now()
    report.review_note = note
    commit()
    return report


def agency_choices(*, in_force_on=None):
    """[(id, "name (licence)")] of the placement agencies with a licence, by name: all of them for reports, those whose
    licence is in force on a day for contracts."""
    agencies = db.session.scalars(select(Employer).where(Employer.overseas_licence.is_not(None)).order_by(Employer.name))
    return [(agency.id, f"{agency.name} ({agency.overseas_licence})") for agency in agencies
            if in_force_on is None or _licensed_on(agency, in_force_on)]
