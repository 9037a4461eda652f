"""Vacancy use cases: searching, reading, posting, editing, publishing, closing and expiring vacancies."""
from dataclasses import dataclass, field

from elasticsearch import BadRequestError
from flask import current_app
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import aliased

from jobmatch import labels
from jobmatch.extensions import db, search_client, search_indexes
from jobmatch.models.application import Application
from jobmatch.models.centre import Centre
from jobmatch.models.employer import Employer
from jobmatch.models.place import Province, Ward
from jobmatch.models.vacancy import VACANCY_TRANSITIONS, Vacancy
from jobmatch.models.vacancy_place import VacancyPlace, place_view
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.rules.person import folded_name, name_words
from jobmatch.services import occupation as occupation_service
from jobmatch.services import overseas as overseas_service
from jobmatch.services import place as place_service
from jobmatch.services.authorization import authorize, can, find_for
from jobmatch.services.errors import InvalidRequest, NotFound, merged_errors, search_failures_as
from jobmatch.services.page import Page, keyset_page
from jobmatch.services.transaction import commit
from jobmatch.services.vacancy_place import assign_places, nearest
from jobmatch.services.vacancy_query import resolve_search
from jobmatch.services.vacancy_relaxation import ways_out
from jobmatch.services.vacancy_screening import screen_vacancy, screening_errors, stored_fields
from search.vacancy import build_vacancy_search, effective_sort, encode_cursor, parse_facets, search_key


@dataclass
class VacancyHit:
    vacancy: dict  # a summary: see SUMMARY_COLUMNS
    score: float | None
    distance_km: float | None = None  # from the search's centre to the nearest place, when it has one
    distance_approximate: bool = False  # the nearest place is a whole province


@dataclass
class VacancySearchResult(Page):
    """A page of hits (VacancyHit), with the facet counts of the whole search and the place it resolved; what was read
    in its text, every active filter as a chip (services/vacancy_query.py), and, when nothing matched, the ways out."""

    facets: dict = field(default_factory=dict)
    place: str | None = None
    understood: dict | None = None
    chips: list = field(default_factory=list)
    ambiguous: list = field(default_factory=list)
    centre: dict | None = None
    relaxations: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)


def vacancy_criteria(filters, *, actor=None):
    """(criteria, the search resolved) for validated filters: see vacancy_query.resolve_search."""
    resolved = resolve_search(filters, actor=actor)
    return resolved.criteria, resolved


def search_vacancies(*, filters, actor=None):
    """Open vacancies whose deadline has not passed, matching the filters, in search order, with facet counts, each
    with its distance from the centre (the ward argument or the signed-in job seeker's own ward).

    Elasticsearch chooses and orders the ids; the rows shown come from the database. A first page with no result
    also says what to drop and how many each relaxation would find.
    """
    criteria, resolved = vacancy_criteria(filters, actor=actor)
    body = build_vacancy_search(criteria)
    with search_failures_as(_("Search is temporarily unavailable. Please try again in a few minutes.")):
        try:
            response = search_client().search(index=search_indexes().vacancies, **body)
        except BadRequestError as error:
            if criteria.after:  # a hand-edited cursor whose values do not fit the sort fields
                raise InvalidRequest("after", _("This page cursor is not valid.")) from error
            raise
    hits = response["hits"].get("hits", [])
    summaries = vacancy_summaries([int(hit["_id"]) for hit in hits])
    # A vacancy deleted since it was indexed is skipped; the relay removes it from the index soon after.
    ordered = [
        VacancyHit(summaries[int(hit["_id"])], hit.get("_score"), *_distance(criteria.center, summaries[int(hit["_id"])]))
        for hit in hits if int(hit["_id"]) in summaries
    ]
    next_after = None
    if len(hits) == criteria.size:
        next_after = encode_cursor(effective_sort(criteria), hits[-1]["sort"], search_key(criteria))
    total = response["hits"]["total"]["value"]
    relaxations, suggestions = ways_out(filters, resolved, actor=actor) if total == 0 and not criteria.after else ([], [])
    return VacancySearchResult(
        items=ordered,
        total=total,
        facets=_labelled_facets(parse_facets(response.get("aggregations", {}))),
        place=resolved.place_label,
        next_after=next_after,
        understood=resolved.understood,
        chips=resolved.chips,
        ambiguous=resolved.ambiguous,
        centre=resolved.centre,
        relaxations=relaxations,
        suggestions=suggestions,
    )


def _distance(centre, summary):
    """(km from the centre to the vacancy's nearest place, to one decimal; whether that place is a whole province)."""
    place, km = nearest(centre, summary["places"])
    return km, bool(place and place["approximate"])


SUMMARY_COLUMNS = (
    Vacancy.id, Vacancy.title, Vacancy.ward_code, Employer.name.label("employer_name"), Ward.short_name.label("ward_name"),
    Province.short_name.label("province_name"), Vacancy.isco_code, Vacancy.salary_min, Vacancy.salary_max,
    Vacancy.salary_unit, Vacancy.salary_currency, Vacancy.salary_negotiable, Vacancy.employment_type,
    Vacancy.openings, Vacancy.deadline, Vacancy.is_overseas,
    Vacancy.destination_country, Vacancy.programme, Vacancy.welcomes_priority, Vacancy.no_experience_required,
    Vacancy.training_provided, Vacancy.posted_at,
)


# The places of each vacancy, joined to its summary: a ward and its province, or a whole province.
_PLACE, _PLACE_WARD, _PLACE_WARD_PROVINCE, _PLACE_PROVINCE = (
    aliased(VacancyPlace), aliased(Ward), aliased(Province), aliased(Province))
PLACE_COLUMNS = (
    _PLACE.position, _PLACE_WARD.code, _PLACE_WARD.name, _PLACE_WARD_PROVINCE.code, _PLACE_WARD_PROVINCE.name,
    _PLACE_WARD.latitude, _PLACE_WARD.longitude, _PLACE_PROVINCE.code, _PLACE_PROVINCE.name, _PLACE_PROVINCE.latitude,
    _PLACE_PROVINCE.longitude,
)

# Built once: every result page runs it, and building a statement costs more than SQLite takes to answer it. One
# statement for the summaries and their places: a row per place (a vacancy without places has one row of nulls).
SUMMARIES = (
    select(*SUMMARY_COLUMNS, *PLACE_COLUMNS)
    .join(Employer, Vacancy.employer_id == Employer.id)
    .outerjoin(Ward, Vacancy.ward_code == Ward.code)
    .outerjoin(Province, Ward.province_code == Province.code)
    .outerjoin(_PLACE, _PLACE.vacancy_id == Vacancy.id)
    .outerjoin(_PLACE_WARD, _PLACE.ward_code == _PLACE_WARD.code)
    .outerjoin(_PLACE_WARD_PROVINCE, _PLACE_WARD.province_code == _PLACE_WARD_PROVINCE.code)
    .outerjoin(_PLACE_PROVINCE, _PLACE.province_code == _PLACE_PROVINCE.code)
    .where(Vacancy.id.in_(bindparam("ids", expanding=True)))
    .order_by(Vacancy.id, _PLACE.position)
)
SUMMARY_NAMES = tuple(column.key for column in SUMMARY_COLUMNS)


def vacancy_summaries(ids):
    """{id: summary} of what a result list shows, as plain dicts from one query of columns (no full objects), run on
    the session's connection: columns need none of the ORM's work on results, which took most of this on every page."""
    summaries = {}
    width = len(SUMMARY_NAMES)
    for row in db.session.connection().execute(SUMMARIES, {"ids": ids}).all():
        summary = summaries.get(row[0])  # row[0]: the id, SUMMARY_COLUMNS' first
        if summary is None:
            summary = summaries[row[0]] = {"places": [], **dict(zip(SUMMARY_NAMES, row[:width], strict=True))}
        position, ward, ward_name, province, province_name, latitude, longitude, *whole = row[width:]
        if ward is not None:
            summary["places"].append(place_view("ward", ward, ward_name, province, province_name, latitude, longitude))
        elif whole[0] is not None:
            summary["places"].append(place_view("province", whole[0], whole[1], whole[0], whole[1], whole[2], whole[3]))
    return summaries


def _labelled_facets(facets):
    names = _facet_names()
    if facets.get("programme"):  # read each time: an administrator may rename a programme
        names = {**names, "programme": dict(overseas_service.programme_choices())}
    return {
        facet: [{"value": str(value), "label": str(names[facet].get(str(value), value)), "count": count} for value, count in values]
        for facet, values in facets.items()
    }


def _facet_names():
    """{facet: {value: label}} of the reference data and fixed labels, in the request's language: made once per process
    and language, as none of them changes while it runs."""
    cache = current_app.extensions.setdefault("vacancy_facet_names", {})
    language = str(get_locale())
    if language not in cache:
        cache[language] = {
            "province_code": {province.code: province.name for province in place_service.list_provinces()},
            "isco_major": {code: labels.localized(*both) for code, both in occupation_service.major_group_labels().items()},
            "destination_country": {code: str(label) for code, label in labels.COUNTRIES.items()},
            "employment_type": {code: str(label) for code, label in labels.EMPLOYMENT_TYPES.items()},
            "is_overseas": {code: str(label) for code, label in labels.SCOPES.items()},
            "programme": {},
        }
    return cache[language]


def get_public_vacancy(*, vacancy_id):
    """A vacancy as the public sees it: drafts and vacancies of unverified employers do not exist outside their company."""
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is None or not vacancy.is_public():
        raise NotFound("vacancy", vacancy_id)
    return vacancy


def vacancy_or_preview(*, actor, vacancy_id):
    """(the vacancy, the centre that verifies its company or None): a public vacancy for everyone (None); for its own
    company, a preview of one not public yet (a draft, or while the company waits for verification) with the centre of
    the company's province, whom to ask; for anyone else no such vacancy."""
    vacancy = db.session.get(Vacancy, vacancy_id)
    if vacancy is not None and vacancy.is_public():
        return vacancy, None
    if vacancy is None or not can(actor, "vacancy.edit", vacancy):
        raise NotFound("vacancy", vacancy_id)
    province_code = db.session.scalar(select(Ward.province_code).where(Ward.code == vacancy.employer.ward_code))
    return vacancy, db.session.scalar(select(Centre).where(Centre.province_code == province_code).order_by(Centre.id).limit(1))


def get_own_vacancy(*, actor, vacancy_id):
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "vacancy.edit", vacancy)
    return vacancy


def list_own_vacancies(*, actor, status=None, text=None, size=None, after=None):
    """The employer's vacancies, drafts included, newest first, each with its number of applications (a page of them;
    size=None: all); of one status, and whose title holds every word of the text, with or without diacritics."""
    authorize(actor, "vacancy.post", getattr(actor, "employer", None))
    statement = select(Vacancy).where(Vacancy.employer_id == actor.employer_id)
    if status:
        statement = statement.where(Vacancy.status == status)
    words = name_words(text)
    if words:
        # Titles are folded here, in Python, the same on both databases; an employer's own titles are few enough.
        titles = db.session.execute(select(Vacancy.id, Vacancy.title).where(Vacancy.employer_id == actor.employer_id)).all()
        statement = statement.where(Vacancy.id.in_([
            vacancy_id for vacancy_id, title in titles if all(word in folded_name(title) for word in words)]))
    page = keyset_page(statement, list_name="own_vacancies", order=[(Vacancy.id, "desc")], size=size, after=after)
    counts = dict(db.session.execute(
        select(Application.vacancy_id, func.count())
        .where(Application.vacancy_id.in_([vacancy.id for vacancy in page.items]))
        .group_by(Application.vacancy_id)
    ).all())
    for vacancy in page.items:
        vacancy.application_count = counts.get(vacancy.id, 0)
    return page


def post_vacancy(*, actor, fields):
    """An employer posts a vacancy, as a draft or published at once (fields["publish"]); it is public only once the
    employer is verified. Abroad, only a licensed agency posts, for a known programme, within its fee cap. The search
    outbox row is written in the same transaction."""
    authorize(actor, "vacancy.post", getattr(actor, "employer", None))
    publish = fields.pop("publish", False)
    screen_vacancy(employer=actor.employer, fields=fields, today=vietnam_today())
    code_occupation(fields)
    places = fields.pop("places", [])
    vacancy = Vacancy(employer_id=actor.employer_id, status="open" if publish else "draft", **fields)
    assign_places(vacancy, places)
    db.session.add(vacancy)
    commit()
    return vacancy


def update_vacancy(*, actor, vacancy_id, fields):
    """Replace a vacancy's content (never its id, owner, status or version); a closed one can be edited before it is
    reopened, a filled one stays as it was (the employer posts a copy instead)."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "vacancy.edit", vacancy)
    if vacancy.status == "filled":
        raise InvalidRequest("status", _("A filled vacancy can no longer be edited: post a copy of it instead."))
    # What the vacancy will say: the stored values overlaid by those sent (a field left out keeps its value).
    screen_vacancy(employer=vacancy.employer, fields={**stored_fields(vacancy), **fields}, today=vietnam_today())
    if "title" in fields or "isco_code" in fields:  # a change that leaves the title alone keeps the occupation
        code_occupation(fields)
    if "places" in fields:
        assign_places(vacancy, fields.pop("places"))
    for name, value in fields.items():
        setattr(vacancy, name, value)
    commit()
    return vacancy


def code_occupation(fields):
    """A vacancy written without an occupation code takes the occupation coder's best answer for its title (the
    description breaking ties), marked as suggested until its employer confirms it; a title in which the coder finds no
    occupation is refused, naming the field. A code given is the employer's own."""
    if fields.get("isco_code"):
        fields["occupation_suggested"] = False
        return
    coded = occupation_service.code_occupation(title=fields.get("title", ""), description=fields.get("description", ""), limit=1)
    if not coded:
        raise InvalidRequest("isco_code", _("No occupation could be recognised in this title: choose the occupation (ISCO-08)."))
    fields.update(isco_code=coded[0]["code"], occupation_suggested=True)


def confirm_occupation(*, actor, vacancy_id, isco_code):
    """The employer confirms the suggested occupation, or replaces it, in one step: it is then the employer's own."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "vacancy.edit", vacancy)
    vacancy.isco_code = isco_code
    vacancy.occupation_suggested = False
    commit()
    return vacancy


def list_suggested_occupations(*, actor, size=None, after=None):
    """For a centre's officers to review: the vacancies whose occupation the coder chose and whose employer has not yet
    confirmed it, in the centre's province (by the vacancy's ward, or for work abroad by the employer's), oldest first."""
    authorize(actor, "vacancy.review_occupations", None)
    employer_ward = aliased(Ward)
    statement = (
        select(Vacancy)
        .join(Employer, Vacancy.employer_id == Employer.id)
        .outerjoin(Ward, Vacancy.ward_code == Ward.code)
        .outerjoin(employer_ward, Employer.ward_code == employer_ward.code)
        .where(Vacancy.occupation_suggested.is_(True),
               func.coalesce(Ward.province_code, employer_ward.province_code) == actor.centre.province_code)
    )
    return keyset_page(statement, list_name="suggested_occupations", order=[(Vacancy.id, "asc")], size=size, after=after)


def change_vacancy_status(*, actor, vacancy_id, status):
    """Publish a draft or reopen a closed vacancy (dated as posted now), screened again as when it was posted (the rules
    may have changed since), or close or mark filled an open one; other moves are refused."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "vacancy.edit", vacancy)
    if status not in VACANCY_TRANSITIONS[vacancy.status]:
        raise InvalidRequest(
            "status",
            _("A vacancy that is “%(current)s” cannot become “%(next)s”.",
              current=labels.VACANCY_STATUSES[vacancy.status], next=labels.VACANCY_STATUSES[status]),
        )
    if status == "open":
        _check_publishable(vacancy)
        vacancy.posted_at = utc_now()  # posted when published: a draft's creation is not when job seekers see it
    vacancy.status = status
    commit()
    return vacancy


def _check_publishable(vacancy):
    """A vacancy is published or reopened before its deadline, its words read again and, abroad, the licence and the
    programme's rules checked again (either may have changed): every reason it may not be refused at once."""
    today = vietnam_today()
    passed = {"deadline": [_("The deadline has passed: set a new one before publishing.")]} if vacancy.deadline < today else {}
    errors = merged_errors(passed, screening_errors(employer=vacancy.employer, fields=stored_fields(vacancy), today=today))
    if errors:
        raise InvalidRequest.of(errors)


def delete_vacancy(*, actor, vacancy_id):
    """Delete a vacancy nobody has applied to yet (otherwise close it: applications keep their history)."""
    vacancy = find_for(actor, Vacancy, vacancy_id)
    authorize(actor, "vacancy.edit", vacancy)
    if db.session.scalar(select(Application.id).where(Application.vacancy_id == vacancy.id).limit(1)):
        raise InvalidRequest("status", _("This vacancy has applications: close it instead of deleting it."))
    db.session.delete(vacancy)
    commit()


def expire_vacancies():
    """Close open vacancies whose deadline has passed (each gets a new version, so the index follows); returns how many."""
    expired = db.session.scalars(select(Vacancy).where(Vacancy.status == "open", Vacancy.deadline < vietnam_today())).all()
    for vacancy in expired:
        vacancy.status = "closed"
    commit()
    return len(expired)
