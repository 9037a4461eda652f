"""Saved searches and their alerts: a job seeker saves a vacancy search (or their matches); a scheduled job finds the
vacancies posted since the last run, all saved searches of a batch in one multi-search, and writes one notification
per search with something new. A vacancy is never announced twice by the same search; every alert carries a
one-click unsubscribe link."""
import secrets
from dataclasses import dataclass
from datetime import timedelta

from flask_babel import gettext as _
from marshmallow import EXCLUDE, ValidationError
from sqlalchemy import insert, select

from jobmatch.extensions import db, search_client, search_indexes
from jobmatch.models.account import Account
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.saved_search import SavedSearch, SavedSearchAlert
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.schemas.vacancy import VacancySearchArgsSchema
from jobmatch.services import matching as matching_service
from jobmatch.services import notification
from jobmatch.services import vacancy as vacancy_service
from jobmatch.services.authorization import find_for
from jobmatch.services.errors import InvalidRequest, NotFound, search_failures_as
from jobmatch.services.job_seeker import own_id
from jobmatch.services.transaction import commit
from search.matching import build_jobs_for_seeker
from search.vacancy import build_vacancy_search

# Arguments a saved search keeps: what the search asks for, not its paging or sort.
CRITERIA = (
    "q",
    "province",
    "ward",
    "place",
    "radius_km",
    "isco",
    "salary_min",
    "salary_max",
    "employment_type",
    "scope",
    "country",
    "programme",
    "understand",
)
MAX_SAVED_SEARCHES = 20
ALERT_SIZE = 10  # new vacancies per search and run: the notification links to the rest
# Each run looks back this far, so that vacancies published, verified or indexed late are still found; the record of
# what each search announced keeps them from being sent twice.
LOOK_BACK = timedelta(days=7)
BATCH = 100  # saved searches per multi-search


def save_search(*, actor, kind, name, criteria):
    """Save a search of the signed-in job seeker: its arguments (checked as the search page checks them) or their
    matches. Alerts cover vacancies posted from now on."""
    job_seeker = find_for(actor, JobSeeker, own_id(actor))
    kept = {name: value for name, value in criteria.items() if name in CRITERIA and value not in ("", None, [])}
    if kind == "search":
        if not kept:
            raise InvalidRequest("criteria", _("Choose at least one search criterion before saving the search."))
        _check_criteria(kept)
    else:
        kept = {}
    if db.session.scalar(select(db.func.count()).select_from(SavedSearch).where(
        SavedSearch.job_seeker_id == job_seeker.id, SavedSearch.active
    )) >= MAX_SAVED_SEARCHES:
        raise InvalidRequest("name", _("You have %(count)s saved searches already: delete one first.", count=MAX_SAVED_SEARCHES))
    saved = SavedSearch(
        job_seeker_id=job_seeker.id, kind=kind, name=name or _default_name(kind, kept), criteria=kept,
        unsubscribe_token=secrets.token_urlsafe(32),
    )
    db.session.add(saved)
    commit()
    return saved


def _check_criteria(criteria):
    try:
        filters = VacancySearchArgsSchema(unknown=EXCLUDE).load(criteria)
        vacancy_service.vacancy_criteria(filters)  # an unknown place is refused now, not at the first run
    except ValidationError as error:
        field, messages = next(iter(error.messages.items()))
        raise InvalidRequest(field, _(messages[0]) if isinstance(messages, list) else str(messages)) from error


def _default_name(kind, criteria):
    if kind == "matches":
        return _("Jobs that fit my profile")
    return ", ".join(str(value) for value in criteria.values() if isinstance(value, str))[:100] or _("My search")


def list_own(*, actor):
    job_seeker_id = own_id(actor)
    return db.session.scalars(
        select(SavedSearch).where(SavedSearch.job_seeker_id == job_seeker_id, SavedSearch.active).order_by(SavedSearch.id.desc())
    ).all()


def delete_own(*, actor, saved_search_id):
    saved = find_for(actor, SavedSearch, saved_search_id)
    if saved.job_seeker_id != own_id(actor):
        # another person's saved search is none of the reader's business, not even its existence
        raise NotFound("savedsearch", saved_search_id)
    db.session.delete(saved)
    commit()


def by_token(token):
    saved = db.session.scalar(select(SavedSearch).where(SavedSearch.unsubscribe_token == token))
    if saved is None:
        raise NotFound("savedsearch")
    return saved


def unsubscribe(*, token):
    """Stop a saved search's alerts from the link in an alert (no sign-in: the token is the proof)."""
    saved = by_token(token)
    saved.active = False
    commit()
    return saved


@dataclass
class AlertReport:
    searches: int = 0
    notified: int = 0
    vacancies: int = 0


def send_alerts(*, batch_size=BATCH):
    """For every active saved search, the vacancies posted since its last run that it has not announced yet: one
    multi-search per batch, one notification per search with news. Each batch commits on its own."""
    report = AlertReport()
    last_id = 0
    while True:
        batch = db.session.scalars(
            select(SavedSearch).where(SavedSearch.active, SavedSearch.id > last_id).order_by(SavedSearch.id).limit(batch_size)
        ).all()
        if not batch:
            return report
        last_id = batch[-1].id
        _alert_batch(batch, report)


def _alert_batch(batch, report):
    started = utc_now()
    today = vietnam_today()
    requests, searched, refused = [], [], set()
    for saved in batch:
        body = _alert_query(saved, today)
        if body is None:
            continue
        body.pop("filter_path", None)
        body.pop("include_named_queries_score", None)
        requests += [{"index": search_indexes().vacancies}, body]
        searched.append(saved)
    report.searches += len(searched)
    if searched:
        with search_failures_as("Elasticsearch is unavailable: alerts wait for the next run"):
            responses = search_client().msearch(searches=requests)["responses"]
        announced = set(db.session.execute(
            select(SavedSearchAlert.saved_search_id, SavedSearchAlert.vacancy_id)
            .where(SavedSearchAlert.saved_search_id.in_([saved.id for saved in searched]))
        ).all())
        accounts = dict(db.session.execute(
            select(Account.job_seeker_id, Account.id).where(Account.job_seeker_id.in_([saved.job_seeker_id for saved in searched]))
        ).all())
        for saved, response in zip(searched, responses, strict=True):
            if "error" in response:
                refused.add(saved.id)  # its window stays open for the next run
                continue
            if saved.job_seeker_id not in accounts:
                continue  # a profile without an account (registered at a centre, not claimed): nobody to tell
            new = [int(hit["_id"]) for hit in response["hits"]["hits"] if (saved.id, int(hit["_id"])) not in announced]
            if not new:
                continue
            db.session.execute(insert(SavedSearchAlert), [{"saved_search_id": saved.id, "vacancy_id": vacancy_id} for vacancy_id in new])
            titles = db.session.scalars(select(Vacancy.title).where(Vacancy.id.in_(new[:3]))).all()
            notification.queue(
                account=db.session.get(Account, accounts[saved.job_seeker_id]), kind="saved_search_alert",
                link=_results_link(saved), name=saved.name, count=len(new), titles=", ".join(titles),
                unsubscribe=f"/alerts/{saved.unsubscribe_token}/unsubscribe",
            )
            report.notified += 1
            report.vacancies += len(new)
    for saved in batch:
        if saved.id not in refused:
            saved.checked_until = started
    commit()


def _alert_query(saved, today):
    # Never before the search was saved: what was there then, the person has seen.
    posted_after = max(saved.checked_until - LOOK_BACK, saved.created_at).isoformat()
    if saved.kind == "matches":
        job_seeker = db.session.get(JobSeeker, saved.job_seeker_id)
        if job_seeker is None or job_seeker.anonymized_at:
            return None
        profile = matching_service.seeker_profile(job_seeker, today)
        # An alert from the person's matches needs a real fit: a closely related occupation or two shared skills.
        return build_jobs_for_seeker(profile, today=today, size=ALERT_SIZE, posted_after=posted_after, require_fit=True)
    try:
        filters = VacancySearchArgsSchema(unknown=EXCLUDE).load({**saved.criteria, "sort": "newest", "size": ALERT_SIZE})
        criteria, _place = vacancy_service.vacancy_criteria(filters)
    except (ValidationError, InvalidRequest):
        return None  # arguments no longer valid (a place renamed): the search stays, silent, for its owner to fix
    criteria.posted_after = posted_after
    body = build_vacancy_search(criteria)
    body.pop("aggs", None)
    return body


def _results_link(saved):
    if saved.kind == "matches":
        return notification.page_link("matching.own_matches")
    return notification.page_link("vacancy.search", query=saved.criteria)
