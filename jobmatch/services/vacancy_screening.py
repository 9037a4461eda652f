"""What a vacancy says and for whom it recruits, screened on every path that stores it or makes it public again: the
form and the API (posting, editing, a copy), batches and spreadsheets, publishing a draft and reopening a closed one."""
from flask_babel import gettext as _
from sqlalchemy import String, cast, or_, select
from sqlalchemy.orm import joinedload

from jobmatch.extensions import db
from jobmatch.i18n import N_
from jobmatch.models.employer import Employer
from jobmatch.models.overseas import programme_ages
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.discrimination import find_all_discrimination
from jobmatch.rules.overseas import recruiter_refusal
from jobmatch.rules.programme_claim import claimed_programme, database_hints
from jobmatch.schemas.vacancy import as_loaded
from jobmatch.services import notification
from jobmatch.services import overseas as overseas_service
from jobmatch.services.authorization import can
from jobmatch.services.errors import InvalidRequest, merged_errors
from jobmatch.services.transaction import commit

# The fields whose words are read, in the order a refusal names them.
SCREENED_FIELDS = ("title", "description", "skills", "language_requirement")
# The fields the overseas rules read: while one of them is refused, those rules wait.
OVERSEAS_TERMS = frozenset({"is_overseas", "programme", "destination_country", "fees", "salary_min", "salary_currency",
                            "salary_unit", "contract_months"})
# How a refusal names each ground of the Labour Code 2019, Art. 3(8).
DISCRIMINATION_GROUNDS = {
    "gender": N_("sex"), "age": N_("age"), "appearance": N_("appearance"), "marital_status": N_("marital status"),
    "pregnancy": N_("pregnancy"), "ethnicity": N_("ethnicity"), "religion": N_("religion"), "disability": N_("disability"),
    "hiv": N_("HIV status"), "origin": N_("national or social origin"), "union": N_("trade union membership or activity"),
}


def screen_vacancy(*, employer, fields, today):
    """A vacancy may be stored or made public only if its words choose no worker by a ground the Labour Code 2019 forbids
    (Art. 3(8), Art. 8(1); a programme's own age range may be restated abroad), if they claim no programme whose rules
    do not let this employer recruit for it (an agency writing "EPS" in a title while choosing no programme), and, abroad,
    if it meets its programme's and the law's rules. Refused: an InvalidRequest naming every field refused, nothing
    stored."""
    errors = screening_errors(employer=employer, fields=fields, today=today)
    if errors:
        raise InvalidRequest.of(errors)


def screening_errors(*, employer, fields, today, refused=frozenset()):
    """{field: [message]} of every rule of screen_vacancy the fields break, all of them at once. refused: the fields
    whose values were refused before (a missing or malformed one): a rule that reads one of them waits until they are
    given, so that a form with other errors still hears at once what its words may not say."""
    # Whether the work is abroad, and for which programme, decide what its words may say (an age range, a claim).
    programme_known = not {"programme", "is_overseas"} & refused
    errors = discrimination_errors(fields, ages_known=programme_known or not (fields.get("is_overseas") or "is_overseas" in refused))
    if programme_known and "fees" not in refused:
        errors = merged_errors(errors, _claimed_programme_errors(employer, fields))
    if fields.get("is_overseas") and not refused & OVERSEAS_TERMS:
        try:
            overseas_service.check_overseas_vacancy(employer=employer, fields=fields, today=today)
        except InvalidRequest as refusal:
            errors = merged_errors(errors, refusal.errors)
    return errors


def errors_beside_refused_fields(*, actor, valid, refused, original=None, vacancy_id=None):
    """A vacancy form or body refused by its schema, screened as far as the fields it gave validly allow (valid: their
    values; refused: the names of those refused; original: the body sent), so that one answer names every refusal; for
    a vacancy edited, the stored values fill the fields not sent. {field: [message]}; {} when the actor may not write this vacancy or the
    whole body was refused ("_schema": not an object, say)."""
    if "_schema" in refused:
        return {}
    if vacancy_id is None:
        employer, stored = getattr(actor, "employer", None), {}
        if employer is None or not can(actor, "vacancy.post", employer):
            return {}
    else:
        vacancy = db.session.get(Vacancy, vacancy_id)
        if vacancy is None or not can(actor, "vacancy.edit", vacancy):
            return {}
        employer, stored = vacancy.employer, stored_fields(vacancy)
    fields = given_fields(valid, original=original, refused=refused, stored=stored)
    return screening_errors(employer=employer, fields=fields, today=vietnam_today(), refused=frozenset(refused))


def given_fields(valid, *, original, refused, stored=None):
    """The fields of a body refused in part that may be screened: its valid values (valid) completed as a load that
    succeeds completes them (an amount written "1.200 USD" is in dollars), over the stored ones of a vacancy edited,
    without those refused."""
    given = as_loaded({name: value for name, value in (valid or {}).items() if name not in refused}, original)
    return {name: value for name, value in {**(stored or {}), **given}.items() if name not in refused}


def stored_fields(vacancy):
    """A stored vacancy's content as screen_vacancy reads it, to screen it again when it is published or reopened."""
    return {**{name: getattr(vacancy, name) for name in (*SCREENED_FIELDS, "is_overseas")}, **overseas_service.vacancy_terms(vacancy)}


def _texts(fields):
    for name in SCREENED_FIELDS:
        value = fields.get(name)
        yield name, " · ".join(value) if isinstance(value, list) else value or ""


def discrimination_errors(fields, *, ages_known=True):
    """{field: [message]} of the fields whose words choose workers by a forbidden ground, each quoting them. While the
    ages a vacancy may state are not known (ages_known false: whether it is abroad, or its programme abroad, was refused
    on the same form), an age is not refused: it may be the programme's own."""
    # A programme's own age range may be restated on its vacancies (EPS: 18 to 39).
    abroad = bool(fields.get("is_overseas"))
    allowed_ages = programme_ages(fields.get("programme")) if abroad else None
    errors = {}
    for name, text in _texts(fields):
        quotes = {}  # one message per ground, quoting each of its wordings
        for finding in find_all_discrimination(text, allowed_ages=allowed_ages):
            if ages_known or finding.ground != "age":
                quotes.setdefault(finding.ground, []).append(finding.quote)
        messages = [_(
            "“%(quote)s” chooses workers by %(ground)s: the Labour Code 2019 forbids it (Art. 3(8) and Art. 8(1)). "
            "Describe the work and the skills it needs instead.",
            quote="”, “".join(found), ground=_(DISCRIMINATION_GROUNDS[ground]),
        ) for ground, found in quotes.items()]
        if messages:
            errors[name] = messages
    return errors


def _claimed_programme_refusal(employer, fields):
    """(the field, the claim, the refusal: "public_only" or "no_fees") for the first field whose words claim a programme
    other than the one chosen, whose rules refuse this employer; or None."""
    for name, text in _texts(fields):
        claim = claimed_programme(text, abroad=bool(fields.get("is_overseas")))
        if claim is None or claim.code == fields.get("programme"):
            continue
        rules = overseas_service.programme_rules(claim.code)
        refusal = rules and recruiter_refusal(rules, public_body=employer.public_body, fees=fields.get("fees"))
        return (name, claim, refusal) if refusal else None
    return None


def _claimed_programme_errors(employer, fields):
    """Words that say the vacancy is a programme's ("Hàn Quốc theo EPS", "E-9") bring the programme's recruiter rule
    with them, whatever programme is chosen: the first field that says so is named."""
    refused = _claimed_programme_refusal(employer, fields)
    if refused is None:
        return {}
    name, claim, refusal = refused
    if refusal == "no_fees":
        return {"fees": [_("Workers pay no service or brokerage fee in %(code)s: remove the fees.", code=claim.code)]}
    return {name: [_(
        "“%(quote)s” says this is a %(code)s vacancy: %(code)s is run only by the public Centre of Overseas Labour "
        "and the public employment service centres acting for it, so a placement agency may not post its "
        "vacancies or charge any fee for it.", quote=claim.quote, code=claim.code)]}


def close_vacancies_claiming_programmes():
    """Close the open vacancies whose words claim a programme whose rules do not let their employer recruit for it (an
    agency's "Lao động nông nghiệp tại Hàn Quốc (EPS)" posted for no programme before this check, or since the rules or
    the company changed), and tell the company's accounts of each; returns how many. Drafts stay: publishing screens."""
    columns = (Vacancy.title, Vacancy.description, cast(Vacancy.skills, String), Vacancy.language_requirement)
    hinted = or_(*[column.ilike(hint) for hint in database_hints() for column in columns])  # a superset: the rule decides
    statement = (select(Vacancy).where(Vacancy.status == "open", hinted).order_by(Vacancy.id)
                 .options(joinedload(Vacancy.employer).selectinload(Employer.accounts)))
    closed = 0
    for vacancy in db.session.scalars(statement).unique():
        refused = _claimed_programme_refusal(vacancy.employer, stored_fields(vacancy))
        if refused is None:
            continue
        vacancy.status = "closed"
        closed += 1
        for account in vacancy.employer.accounts:
            notification.queue(account=account, kind="vacancy_closed_programme_rule", link=notification.page_link("employer.dashboard"),
                               vacancy=vacancy.title, programme=refused[1].code)
    commit()
    return closed
