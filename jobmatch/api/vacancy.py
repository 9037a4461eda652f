"""Vacancy endpoints: search and detail for everyone; posting, editing and publishing for the vacancy's employer."""
from functools import wraps

from marshmallow import RAISE, ValidationError
from werkzeug.exceptions import UnprocessableEntity

from jobmatch.api import Blueprint, actor, larger_body, protected
from jobmatch.schemas.application import EmployerApplicationPageSchema
from jobmatch.schemas.compiled import compiled
from jobmatch.schemas.page import PageArgsSchema
from jobmatch.schemas.vacancy import (
    EmployerVacancyPageSchema,
    EmployerVacancySchema,
    OwnVacancyArgsSchema,
    VacancyPostSchema,
    VacancySchema,
    VacancySearchArgsSchema,
    VacancySearchPageSchema,
    VacancyStatusSchema,
    VacancyWriteSchema,
)
from jobmatch.schemas.vacancy_intake import (
    BatchResultSchema,
    OccupationConfirmSchema,
    SuggestedOccupationPageSchema,
    VacancyBatchSchema,
)
from jobmatch.services import application as application_service
from jobmatch.services import vacancy as vacancy_service
from jobmatch.services import vacancy_import as vacancy_import_service
from jobmatch.services import vacancy_screening
from jobmatch.services.errors import merged_errors

blp = Blueprint("vacancies", __name__, url_prefix="/api/v1/vacancies", description="Vacancies at home and abroad")


@blp.route("/search")
@blp.arguments(VacancySearchArgsSchema, location="query", unknown=RAISE, as_kwargs=False)
@blp.response(200, compiled(VacancySearchPageSchema))  # every search answers with one: see schemas/compiled.py
@blp.alt_response(503, description="Search is temporarily unavailable")
def search_vacancies(filters):
    """Search open vacancies by text (with or without diacritics), place, distance, occupation, salary and type.

    Places, work abroad and pay named in q ("kế toán Hà Nội", "xklđ Nhật Bản", "lương trên 12 triệu") become filters,
    listed in "understood" and as chips that say how to remove each; understand=false searches q as typed. Pay is
    compared as đồng a month (a day's × 26, an hour's × 208, other currencies at the dated rate each vacancy's "pay"
    shows); "understood.pay" says what pay was searched, from q or from salary_min and salary_max. With no result, "relaxations" says
    what to drop and how many vacancies each would find."""
    return vacancy_service.search_vacancies(filters=filters, actor=actor())


@blp.route("/<int:vacancy_id>")
@blp.response(200, VacancySchema)
def get_vacancy(vacancy_id):
    """One public vacancy."""
    return vacancy_service.get_public_vacancy(vacancy_id=vacancy_id)


@blp.route("/mine")
@protected(blp)
@blp.arguments(OwnVacancyArgsSchema, location="query", unknown=RAISE)
@blp.response(200, EmployerVacancyPageSchema)
def list_own_vacancies(page):
    """The signed-in employer's vacancies, drafts included, newest first, with their application counts; of one status
    and by words of their titles."""
    return vacancy_service.list_own_vacancies(actor=actor(), **page)


def screened_when_refused(operation):
    """A vacancy body its schema refused (422) is screened too, as far as its valid fields allow: the one answer names
    what its words may not say beside its other errors."""

    @wraps(operation)
    def with_screening(*args, **kwargs):
        try:
            return operation(*args, **kwargs)
        except UnprocessableEntity as refusal:
            refused = (getattr(refusal, "data", None) or {}).get("messages", {}).get("json")
            if isinstance(getattr(refusal, "exc", None), ValidationError) and isinstance(refused, dict):
                refusal.data["messages"]["json"] = merged_errors(refused, vacancy_screening.errors_beside_refused_fields(
                    actor=actor(), valid=refusal.exc.valid_data, refused=set(refused), original=refusal.exc.data,
                    vacancy_id=kwargs.get("vacancy_id")))
            raise

    return with_screening


@blp.route("", methods=["POST"])
@protected(blp)
@screened_when_refused
@blp.arguments(VacancyPostSchema)
@blp.response(201, EmployerVacancySchema)
def post_vacancy(fields):
    """Post a vacancy, published at once with "publish": true, otherwise as a draft to publish with POST /<id>/status."""
    return vacancy_service.post_vacancy(actor=actor(), fields=fields)


@blp.route("/batch", methods=["POST"])
@protected(blp)
@larger_body(blp, "BATCH_MAX_CONTENT_LENGTH")
@blp.arguments(VacancyBatchSchema)
@blp.response(200, BatchResultSchema)
@blp.alt_response(429, description="Too many batches from this employer: Retry-After says when to send the next")
def post_batch(body):
    """Post or update up to 500 vacancies in one request, each answered on its own (index, id or errors by field). A
    vacancy whose external_ref an earlier batch used updates that vacancy; a reference given twice in one batch refuses
    the second. The valid ones are stored together in one transaction; the refused store nothing. Limited per employer."""
    return vacancy_import_service.post_vacancy_batch(actor=actor(), vacancies=body["vacancies"])


@blp.route("/<int:vacancy_id>", methods=["PUT"])
@protected(blp)
@screened_when_refused
@blp.arguments(VacancyWriteSchema)
@blp.response(200, EmployerVacancySchema)
def update_vacancy(fields, vacancy_id):
    """Replace a vacancy's content (its status changes through POST /<id>/status)."""
    return vacancy_service.update_vacancy(actor=actor(), vacancy_id=vacancy_id, fields=fields)


@blp.route("/<int:vacancy_id>/status", methods=["POST"])
@protected(blp)
@blp.arguments(VacancyStatusSchema)
@blp.response(200, EmployerVacancySchema)
def change_status(body, vacancy_id):
    """Publish a draft (open), or close an open vacancy or mark it filled."""
    return vacancy_service.change_vacancy_status(actor=actor(), vacancy_id=vacancy_id, status=body["status"])


@blp.route("/<int:vacancy_id>/occupation", methods=["POST"])
@protected(blp)
@blp.arguments(OccupationConfirmSchema)
@blp.response(200, EmployerVacancySchema)
def confirm_occupation(body, vacancy_id):
    """Confirm the occupation the coder suggested (send its isco_code) or choose another: occupation_suggested becomes false."""
    return vacancy_service.confirm_occupation(actor=actor(), vacancy_id=vacancy_id, isco_code=body["isco_code"])


@blp.route("/occupation-review")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, SuggestedOccupationPageSchema)
def list_suggested_occupations(page):
    """For a centre's officers: vacancies in the centre's province whose occupation the coder suggested and the employer
    has not confirmed yet, oldest first."""
    return vacancy_service.list_suggested_occupations(actor=actor(), **page)


@blp.route("/<int:vacancy_id>", methods=["DELETE"])
@protected(blp)
@blp.response(204)
def delete_vacancy(vacancy_id):
    """Delete a vacancy that has no applications."""
    vacancy_service.delete_vacancy(actor=actor(), vacancy_id=vacancy_id)


@blp.route("/<int:vacancy_id>/applications")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, EmployerApplicationPageSchema)
def list_applications(page, vacancy_id):
    """The vacancy's applications, for its employer, first made first: consenting candidates only, never their sensitive data."""
    listed = application_service.list_for_vacancy(actor=actor(), vacancy_id=vacancy_id, **page)
    application_service.read_as_employer(actor=actor(), applications=listed.items)
    return listed
