"""Vacancy endpoints: search and detail."""
from flask_smorest import Blueprint
from marshmallow import RAISE

from jobmatch.schemas.vacancy import VacancySchema, VacancySearchArgsSchema, VacancySearchPageSchema
from jobmatch.services import vacancy as vacancy_service

blp = Blueprint("vacancies", __name__, url_prefix="/api/v1/vacancies", description="Vacancies at home and abroad")


@blp.route("/search")
@blp.arguments(VacancySearchArgsSchema, location="query", unknown=RAISE, as_kwargs=False)
@blp.response(200, VacancySearchPageSchema)
@blp.alt_response(503, description="Search is temporarily unavailable")
def search_vacancies(filters):
    """Search open vacancies by text (with or without diacritics), place, distance, occupation, salary and type."""
    return vacancy_service.search_vacancies(filters=filters)


@blp.route("/<int:vacancy_id>")
@blp.response(200, VacancySchema)
def get_vacancy(vacancy_id):
    """One vacancy."""
    return vacancy_service.get_public_vacancy(vacancy_id=vacancy_id)
