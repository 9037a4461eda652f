"""Licensed placement agencies: the rules their overseas vacancies meet, and workers' reports about agencies."""
from flask_babel import gettext as _
from sqlalchemy import or_, select

from jobmatch.extensions import db
from jobmatch.models.employer import Employer
from jobmatch.models.overseas import AgencyReport
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now
from jobmatch.rules.exchange_rate import rate_table
from jobmatch.rules.money import monthly_vnd
from jobmatch.rules.overseas import LAW_FEE_CAP, licence_in_force, may_post_abroad, recruiter_refusal, service_fee_cap
from jobmatch.services import notification
from jobmatch.services.authorization import authorize, can, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.overseas.programme import list_programmes, programme_by_code
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit


def check_overseas_vacancy(*, employer, fields, today):
    """The rules an overseas vacancy meets before it is stored or published: a known programme (if any) for the same
    destination; for a programme only public bodies run (EPS), a public body as employer and no service fee; otherwise a
    licence in force (a public body needs none), and a service fee within the programme's cap (or the law's, outside a
    programme) for the stated salary and contract length."""
    rules, name = LAW_FEE_CAP, _("the law")
    if fields.get("programme"):
        programme = programme_by_code(fields["programme"])
        if programme.destination_country != fields.get("destination_country"):
            raise InvalidRequest("destination_country", _("The programme %(code)s goes to another country.", code=programme.code))
        _check_recruiter(programme, employer=employer, fees=fields.get("fees"))
        if programme.current.rules.get("service_fee_months_per_year") is not None:
            rules, name = programme.current.rules, programme.code
    if not may_post_abroad(public_body=employer.public_body, licence=employer.overseas_licence,
                           expires_on=employer.overseas_licence_expires, day=today):
        raise InvalidRequest("is_overseas", _("Only a placement agency with a licence in force may post overseas vacancies."))
    service_fee = sum(fee["amount_vnd"] for fee in fields.get("fees") or [] if fee["kind"] == "service")
    if not service_fee:
        return
    # Pay stated per day or hour, or in another currency, counts as đồng a month; per piece it cannot.
    monthly_salary = monthly_vnd(fields.get("salary_min"), currency=fields.get("salary_currency", "VND"),
                                 period=fields.get("salary_unit", "month"), rates=rate_table().rates)
    if monthly_salary is None:
        raise InvalidRequest("salary_min", _("State the monthly salary: the service fee's cap depends on it."))
    cap = service_fee_cap(rules, monthly_salary=monthly_salary, contract_months=fields.get("contract_months"))
    if cap is not None and service_fee > cap:
        raise InvalidRequest("fees", _(
            "The service fee of %(fee)s is above the cap of %(cap)s for %(code)s (%(months)s months' salary per year of contract).",
            fee=f"{service_fee:,} ₫", cap=f"{cap:,} ₫", code=name, months=rules["service_fee_months_per_year"]))


def _check_recruiter(programme, *, employer, fees):
    refusal = recruiter_refusal(programme.current.rules, public_body=employer.public_body, fees=fees)
    if refusal == "public_only":
        raise InvalidRequest("programme", _(
            "Only the Centre of Overseas Labour and the public employment service centres acting for it recruit for "
            "%(code)s: a placement agency may not post its vacancies or charge any fee for it.", code=programme.code))
    if refusal == "no_fees":
        raise InvalidRequest("fees", _("Workers pay no service or brokerage fee in %(code)s: remove the fees.", code=programme.code))


def vacancy_terms(vacancy):
    """A stored vacancy's terms as check_overseas_vacancy reads them, to check it again when it is published (fees
    disclosed as one total before they were itemized count as one fee)."""
    terms = {name: getattr(vacancy, name) for name in (
        "programme", "destination_country", "fees", "salary_min", "salary_currency", "salary_unit", "contract_months")}
    if not terms["fees"] and vacancy.worker_fees_vnd:
        terms["fees"] = [{"kind": "other", "amount_vnd": vacancy.worker_fees_vnd}]
    return terms


def close_vacancies_outside_the_rules(*, today):
    """Close the open overseas vacancies that the rules no longer allow, and tell the company's accounts of each: those of
    companies whose placement licence is not in force on a day (expired, or none: public bodies need none), and those of
    a programme whose rules now say that only public bodies recruit for it (an administrator changed them, or a company
    is no longer marked public) or that list a service fee there. Returns how many were closed. Drafts stay drafts:
    publishing them checks again."""
    closed = _close_against_programme_rules()
    vacancies = db.session.scalars(
        select(Vacancy).join(Employer, Vacancy.employer_id == Employer.id)
        .where(Vacancy.status == "open", Vacancy.is_overseas.is_(True), Employer.public_body.is_(False),
               or_(Employer.overseas_licence.is_(None), Employer.overseas_licence == "", Employer.overseas_licence_expires < today))
        .order_by(Vacancy.id)
    ).all()
    for vacancy in vacancies:
        vacancy.status = "closed"
        employer = vacancy.employer
        expired = employer.overseas_licence_expires.strftime("%d/%m/%Y") if employer.overseas_licence_expires else "—"
        for account in employer.accounts:
            notification.queue(account=account, kind="overseas_vacancy_unlicensed", link=notification.page_link("employer.dashboard"),
                               vacancy=vacancy.title, licence=employer.overseas_licence or "—", day=expired)
    commit()
    return closed + len(vacancies)


def _close_against_programme_rules():
    closed = 0
    rules = {programme.code: programme.current.rules for programme in list_programmes()
             if (programme.current.rules or {}).get("recruiters") == "public_only"}
    if not rules:
        return 0
    vacancies = db.session.scalars(select(Vacancy).where(Vacancy.status == "open", Vacancy.programme.in_(rules)).order_by(Vacancy.id))
    for vacancy in vacancies:
        if recruiter_refusal(rules[vacancy.programme], public_body=vacancy.employer.public_body, fees=vacancy.fees) is None:
            continue
        vacancy.status = "closed"
        closed += 1
        for account in vacancy.employer.accounts:
            notification.queue(account=account, kind="vacancy_closed_programme_rule", link=notification.page_link("employer.dashboard"),
                               vacancy=vacancy.title, programme=vacancy.programme)
    return closed


def agency_choices(*, in_force_on=None):
    """[(id, "name (licence)")] of the placement agencies with a licence, by name: all of them for reports, those whose
    licence is in force on a day for contracts."""
    agencies = db.session.scalars(select(Employer).where(Employer.overseas_licence.is_not(None)).order_by(Employer.name))
    return [(agency.id, f"{agency.name} ({agency.overseas_licence})") for agency in agencies
            if in_force_on is None or licence_in_force(agency.overseas_licence, agency.overseas_licence_expires, in_force_on)]


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


def list_reports(*, actor, reviewed=False, size=None, after=None):
    """A page of (report, whether the reader may see who sent it) for officers and administrators, newest first: the
    reporter's name only for the officers who serve them."""
    authorize(actor, "agency_report.list")
    condition = AgencyReport.reviewed_at.is_not(None) if reviewed else AgencyReport.reviewed_at.is_(None)
    page = keyset_page(select(AgencyReport).where(condition), list_name="reviewed_agency_reports" if reviewed else "agency_reports",
                       order=[(AgencyReport.id, "desc")], size=size, after=after)
    page.items = [(report, report.job_seeker is not None and can(actor, "job_seeker.read", report.job_seeker)) for report in page.items]
    return page


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
