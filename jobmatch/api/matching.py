"""Matching endpoints: the vacancies that fit a job seeker, the candidates that fit a vacancy, and the engine's
explanation of one candidate's score."""
from marshmallow import RAISE

from jobmatch.api import Blueprint, actor, protected
from jobmatch.schemas.compiled import compiled
from jobmatch.schemas.matching import CandidateMatchPageSchema, EngineExplanationSchema, VacancyMatchPageSchema
from jobmatch.schemas.page import PageArgsSchema
from jobmatch.services import matching as matching_service

blp = Blueprint("matches", __name__, url_prefix="/api/v1", description="Matching with explanations")


@blp.route("/job-seekers/<int:job_seeker_id>/matches")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, compiled(VacancyMatchPageSchema))  # every list answers with one: see schemas/compiled.py
@blp.alt_response(503, description="Elasticsearch is unavailable")
def jobs_for_job_seeker(page, job_seeker_id):
    """Open vacancies that fit the job seeker best (the person, or an officer of their centre), with reasons."""
    return matching_service.jobs_for_job_seeker(actor=actor(), job_seeker_id=job_seeker_id, **page)


@blp.route("/vacancies/<int:vacancy_id>/matches")
@protected(blp)
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, compiled(CandidateMatchPageSchema))
@blp.alt_response(503, description="Elasticsearch is unavailable")
def candidates_for_vacancy(page, vacancy_id):
    """Job seekers who fit the vacancy best and agreed to be shown (its employer, or an officer), with reasons."""
    return matching_service.candidates_for_vacancy(actor=actor(), vacancy_id=vacancy_id, **page)


@blp.route("/vacancies/<int:vacancy_id>/matches/<int:job_seeker_id>/explanation")
@protected(blp)
@blp.response(200, EngineExplanationSchema)
def explain_candidate(vacancy_id, job_seeker_id):
    """Elasticsearch's full explanation of one candidate's score (officers)."""
    return matching_service.explain_candidate(actor=actor(), vacancy_id=vacancy_id, job_seeker_id=job_seeker_id)
