"""Matching pages: "Việc làm phù hợp" for a job seeker (and their centre's officers), the candidates for a vacancy
(its employer and officers), and the engine's explanation of one candidate for officers."""
import json

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import login_required

from jobmatch.models.application import TRANSITIONS
from jobmatch.services import matching as matching_service
from jobmatch.services import training as training_service
from jobmatch.services.errors import DailyCapReached, SearchUnavailable
from jobmatch.web import actor

bp = Blueprint("matching", __name__)


@bp.get("/me/matches")
@login_required
def own_matches():
    if actor().job_seeker_id is None:
        abort(403)
    return redirect(url_for("matching.jobs", job_seeker_id=actor().job_seeker_id))


@bp.get("/job-seekers/<int:job_seeker_id>/matches")
@login_required
def jobs(job_seeker_id):
    try:
        result, unavailable = matching_service.jobs_for_job_seeker(actor=actor(), job_seeker_id=job_seeker_id), None
    except SearchUnavailable as error:
        result, unavailable = None, str(error)
    hint = training_service.course_hint(actor=actor(), job_seeker_id=job_seeker_id)
    return render_template("matching/jobs.html", result=result, unavailable=unavailable, hint=hint), 503 if unavailable else 200


@bp.get("/vacancies/<int:vacancy_id>/candidates")
@login_required
def candidates(vacancy_id):
    status = 200
    try:
        result, unavailable = matching_service.candidates_for_vacancy(actor=actor(), vacancy_id=vacancy_id), None
    except SearchUnavailable as error:
        result, unavailable, status = None, str(error), 503
    except DailyCapReached as error:
        result, unavailable, status = None, error.message, 429
    return render_template("matching/candidates.html", vacancy_id=vacancy_id, result=result, unavailable=unavailable), status


@bp.get("/vacancies/<int:vacancy_id>/candidates/<int:job_seeker_id>")
@login_required
def candidate(vacancy_id, job_seeker_id):
    """A candidate's profile within their consent (anonymous unless they applied or were referred to this employer)."""
    profile = matching_service.candidate_profile(actor=actor(), vacancy_id=vacancy_id, job_seeker_id=job_seeker_id)
    return render_template("matching/candidate.html", candidate=profile, transitions=TRANSITIONS)


@bp.get("/vacancies/<int:vacancy_id>/candidates/<int:job_seeker_id>/explanation")
@login_required
def explanation(vacancy_id, job_seeker_id):
    engine = matching_service.explain_candidate(actor=actor(), vacancy_id=vacancy_id, job_seeker_id=job_seeker_id)
    return render_template(
        "matching/explanation.html", vacancy_id=vacancy_id, job_seeker_id=job_seeker_id, matched=engine["matched"],
        explanation=json.dumps(engine["explanation"], ensure_ascii=False, indent=2),
    )
