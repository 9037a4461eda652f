"""Vacancies in bulk, as integrators and spreadsheets send them: each checked on its own, the valid ones stored together,
and an employer's own reference making a batch sent again an update rather than a copy."""
from dataclasses import dataclass, field

from flask_babel import gettext as _
from marshmallow import ValidationError
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.i18n import translate_errors
from jobmatch.models.employer import Employer
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.schemas.vacancy_intake import VacancyBatchItemSchema
from jobmatch.services import throttle
from jobmatch.services.authorization import authorize
from jobmatch.services.errors import InvalidRequest, NotFound, merged_errors
from jobmatch.services.transaction import commit
from jobmatch.services.vacancy import code_occupation
from jobmatch.services.vacancy_place import assign_places, places_named
from jobmatch.services.vacancy_screening import given_fields, screen_vacancy, screening_errors


@dataclass
class BatchItem:
    index: int
    external_ref: str | None
    outcome: str  # "created", "updated" or "refused" (a preview: "create", "update" or "refused")
    id: int | None = None
    occupation_suggested: bool | None = None
    errors: dict = field(default_factory=dict)  # field → [message], in the request's language
    vacancy: Vacancy | None = None
    fields: dict = field(default_factory=dict)  # as checked


@dataclass
class BatchResult:
    items: list

    def _count(self, outcome):
        return sum(item.outcome == outcome for item in self.items)

    @property
    def created(self):
        return self._count("created")

    @property
    def updated(self):
        return self._count("updated")

    @property
    def refused(self):
        return self._count("refused")


def importing_employer(actor, employer_id=None):
    """The employer whose vacancies come in: the actor's own, or for an officer an employer of the centre's province."""
    if employer_id is None:
        employer = getattr(actor, "employer", None)
        authorize(actor, "vacancy.post", employer)
        return employer
    employer = db.session.get(Employer, employer_id)
    if employer is None:
        raise NotFound("employer", employer_id)
    authorize(actor, "vacancy.import_for", employer)
    return employer


def post_vacancy_batch(*, actor, vacancies, employer_id=None):
    """An employer (or an officer, for an employer of the centre's province) posts or updates many vacancies at once
    (the API takes up to 500), counted against the employer's import limit.

    Each is checked as POST /api/v1/vacancies checks one (an occupation code left out is the coder's suggestion); its
    external_ref, unique per employer, finds the vacancy an earlier batch posted, which is then replaced (unless closed
    or filled); a reference given twice in one batch refuses the second. The valid ones are stored in one transaction,
    with their outbox rows; the refused ones store nothing and say why, field by field, in the request's language."""
    employer = importing_employer(actor, employer_id)
    throttle.count_check("vacancy_import", employer.id, "RATELIMIT_VACANCY_IMPORT")
    items = check_batch(employer, vacancies)
    for item in items:
        if item.outcome != "refused":
            item.vacancy, item.outcome = _store(employer, item)
    commit()
    for item in items:
        if item.vacancy is not None:
            item.id, item.occupation_suggested = item.vacancy.id, item.vacancy.occupation_suggested
    return BatchResult(items)


def check_batch(employer, vacancies):
    """Each vacancy checked, nothing stored: "create", "update" (with the vacancy its reference finds) or "refused"."""
    references = [item["external_ref"].strip() for item in vacancies if isinstance(item.get("external_ref"), str)]
    existing = {
        vacancy.external_ref: vacancy
        for vacancy in db.session.scalars(
            select(Vacancy).where(Vacancy.employer_id == employer.id, Vacancy.external_ref.in_(references)))
    } if references else {}
    schema, today, seen = VacancyBatchItemSchema(), vietnam_today(), set()
    # The checks read reference data; vacancies added meanwhile wait for the one flush of the commit.
    with db.session.no_autoflush:
        return [_checked(index, payload, schema=schema, employer=employer, existing=existing, seen=seen, today=today)
                for index, payload in enumerate(vacancies)]


def _checked(index, payload, *, schema, employer, existing, seen, today):
    reference = payload["external_ref"].strip() if isinstance(payload.get("external_ref"), str) else None
    if reference:
        if reference in seen:
            return BatchItem(index, reference, "refused",
                             errors={"external_ref": [_("This reference is given to another vacancy earlier in the batch.")]})
        seen.add(reference)
    payload, place_problems = _places_read(payload)
    try:
        fields = schema.load(payload)
        if place_problems:
            raise ValidationError({"place": place_problems}, data=payload, valid_data=fields)
        reference = fields.pop("external_ref", None)
        screen_vacancy(employer=employer, fields=fields, today=today)
        code_occupation(fields)
        vacancy = existing.get(reference) if reference is not None else None
        if vacancy is not None and vacancy.status in ("closed", "filled"):
            raise InvalidRequest("external_ref", _("The vacancy with this reference is closed or filled and can no longer be edited."))
    except ValidationError as error:
        errors = translate_errors(error.messages)
        if place_problems:  # the places not understood are why places are missing
            errors.pop("places", None)
            errors["place"] = place_problems
        # The row's words are screened too, as far as its valid cells allow: one preview says all that is wrong.
        given = given_fields(error.valid_data, original=payload, refused=errors)
        screened = screening_errors(employer=employer, fields=given, today=today, refused=frozenset(errors))
        return BatchItem(index, reference, "refused", errors=merged_errors(errors, screened))
    except InvalidRequest as error:
        return BatchItem(index, reference, "refused", errors=error.errors)
    return BatchItem(index, reference, "update" if vacancy else "create", vacancy=vacancy, fields=fields,
                     occupation_suggested=fields["occupation_suggested"])


def _places_read(payload):
    """A vacancy whose places are written as a spreadsheet cell writes them ("place": "Hà Nội; Phường Bến Nghé, TP.HCM"),
    with them as codes, and what in them is not understood."""
    if not isinstance(payload.get("place"), str):
        return payload, []
    payload = dict(payload)
    codes, problems = places_named(payload.pop("place"))
    if codes and "places" not in payload:
        payload["places"] = codes
    return payload, problems


def _store(employer, item):
    fields = dict(item.fields)
    publish = fields.pop("publish", False)
    places = fields.pop("places", [])
    if item.vacancy is None:
        vacancy = Vacancy(employer_id=employer.id, status="open" if publish else "draft", external_ref=item.external_ref, **fields)
        assign_places(vacancy, places)
        db.session.add(vacancy)
        return vacancy, "created"
    assign_places(item.vacancy, places)
    for name, value in fields.items():
        setattr(item.vacancy, name, value)
    if publish and item.vacancy.status == "draft":
        item.vacancy.status, item.vacancy.posted_at = "open", utc_now()
    return item.vacancy, "updated"
