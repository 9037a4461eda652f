"""Vacancy pages: the public search page and a vacancy's detail page."""
from flask import Blueprint, render_template, request
from marshmallow import EXCLUDE, ValidationError

from jobmatch import labels
from jobmatch.i18n import translate_errors
from jobmatch.models.clock import as_vietnam_time, vietnam_today
from jobmatch.schemas.vacancy import VacancySearchArgsSchema
from jobmatch.services import place as place_service
from jobmatch.services import vacancy as vacancy_service
from jobmatch.services.errors import InvalidRequest, SearchUnavailable

bp = Blueprint("vacancy", __name__)

MULTI_VALUED = ("employment_type",)


@bp.get("/")
def search():
    # Empty form fields mean "any"; the language switch is the page's, not the search's.
    arguments = {
        name: values if name in MULTI_VALUED else values[-1]
        for name, values in request.args.lists()
        if name != "lang" and any(values)
    }
    status, result, errors, unavailable = 200, None, {}, None
    try:
        # Links shared on social media carry tracking arguments (fbclid, utm_*): the page ignores what it does not know.
        filters = VacancySearchArgsSchema(unknown=EXCLUDE).load(arguments)
        result = vacancy_service.search_vacancies(filters=filters)
    except ValidationError as error:
        status, errors = 400, translate_errors(error.messages)
    except InvalidRequest as error:
        status, errors = 400, {error.field: [error.message]}
    except SearchUnavailable as error:
        status, unavailable = 503, str(error)
    return (
        render_template(
            "vacancy/search.html",
            form=arguments,
            refine={name: value for name, value in arguments.items() if name != "after"},
            result=result,
            errors=errors,
            unavailable=unavailable,
            provinces=place_service.list_provinces(),
            labels=labels,
        ),
        status,
    )


@bp.get("/vacancies/<int:vacancy_id>")
def detail(vacancy_id):
    vacancy = vacancy_service.get_public_vacancy(vacancy_id=vacancy_id)
    accepting = vacancy.is_accepting_applications(vietnam_today())
    # Search engines should list only vacancies that still take applications.
    posting = job_posting(vacancy) if accepting else None
    return render_template("vacancy/detail.html", vacancy=vacancy, accepting=accepting, job_posting=posting, labels=labels)


SCHEMA_ORG_EMPLOYMENT_TYPES = {"full_time": "FULL_TIME", "part_time": "PART_TIME", "seasonal": "TEMPORARY", "contract": "CONTRACTOR"}


def job_posting(vacancy):
    """schema.org JobPosting for search engines (https://schema.org/JobPosting)."""
    posting = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": vacancy.description,
        "identifier": {"@type": "PropertyValue", "name": "jobmatch", "value": str(vacancy.id)},
        "datePosted": as_vietnam_time(vacancy.posted_at).date().isoformat(),
        "validThrough": vacancy.deadline.isoformat(),
        "employmentType": SCHEMA_ORG_EMPLOYMENT_TYPES[vacancy.employment_type],
        "hiringOrganization": {"@type": "Organization", "name": vacancy.employer.name},
        "occupationalCategory": f"ISCO-08 {vacancy.isco_code}",
        "totalJobOpenings": vacancy.openings,
        "skills": ", ".join(vacancy.skills or []),
    }
    if vacancy.is_overseas:
        posting["jobLocation"] = {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": vacancy.destination_country}}
    elif vacancy.ward:
        posting["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": vacancy.ward.name,
                "addressRegion": vacancy.ward.province.name,
                "addressCountry": "VN",
            },
            "geo": {"@type": "GeoCoordinates", "latitude": vacancy.ward.latitude, "longitude": vacancy.ward.longitude},
        }
    if vacancy.salary_min or vacancy.salary_max:
        amount = {"@type": "QuantitativeValue", "unitText": "MONTH"}
        if vacancy.salary_min:
            amount["minValue"] = vacancy.salary_min
        if vacancy.salary_max:
            amount["maxValue"] = vacancy.salary_max
        posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": "VND", "value": amount}
    return posting
