"""Licensed placement agencies: the rules their overseas vacancies meet, and workers' reports about agencies."""
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.employer import Employer
from jobmatch.models.overseas import AgencyReport
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now
from jobmatch.rules.exchange_rate import rate_table
from jobmatch.rules.money import monthly_vnd
from jobmatch.rules.overseas import LAW_FEE_CAP, licence_in_force, service_fee_cap
from jobmatch.services.authorization import authorize, can, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.overseas.programme import programme_by_code
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit


def check_overseas_vacancy(*, employer, fields, today):
    """The rules an overseas vacancy meets before it is stored: a licence in force, a known programme (if any) for the
    same destination, and a service fee within the programme's cap (or the law's, outside a programme) for the stated
    salary and contract length."""
    if not licence_in_force(employer.overseas_licence, employer.overseas_licence_expires, today):
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
