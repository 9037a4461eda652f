"""Job-seeker profiles as their owner or an officer writes and reads them, priority statuses, consents, and the
candidate as an employer sees it (never citizen ID, birth date, ethnicity or poverty status)."""
from marshmallow import ValidationError, fields, validate, validates

from jobmatch.i18n import N_
from jobmatch.models.consent import CONSENT_PURPOSES
from jobmatch.models.job_seeker import EDUCATION_LEVELS, LANGUAGES, PRIORITY_CATEGORIES, SEXES, VISIBILITIES
from jobmatch.models.vacancy import DESTINATION_COUNTRIES
from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas.base import BaseSchema, form_check
from jobmatch.schemas.fields import (
    Amount,
    BirthDate,
    CitizenId,
    Phone,
    Text,
    UtcDateTime,
    citizen_id_problem,
    ethnic_group_code,
    isco_code,
    ward_code,
)
from jobmatch.schemas.page import PageSchema
from jobmatch.schemas.vacancy import AMOUNT_RANGE, NOT_A_CHOICE, WardSchema


class LanguageSchema(BaseSchema):
    language = fields.String(required=True, validate=validate.OneOf(LANGUAGES, error=NOT_A_CHOICE), metadata={"description": "ISO 639-1"})
    certificate = Text(30, allow_none=True, metadata={"description": "e.g. EPS-TOPIK, JLPT, IELTS"})
    level = Text(20, allow_none=True, metadata={"description": "e.g. N4, 6.0, đạt"})


class JobSeekerProfileSchema(BaseSchema):
    """The profile a job seeker fills in (or an officer fills in for a walk-in)."""

    full_name = Text(120, required=True)
    citizen_id = CitizenId(required=True, metadata={"description": "Căn cước công dân, 12 digits"})
    birth_date = BirthDate(required=True)
    sex = fields.String(load_default="not_stated", validate=validate.OneOf(SEXES, error=NOT_A_CHOICE), metadata={
        "description": "Optional: for the statistics' breakdown by sex only; never shown to employers nor searchable"})
    phone = Phone(allow_none=True, metadata={"description": "Any Vietnamese form; stored as +84…"})
    ward_code = ward_code(required=True)
    education_level = fields.String(allow_none=True, validate=validate.OneOf(EDUCATION_LEVELS, error=NOT_A_CHOICE))
    desired_isco_codes = fields.List(isco_code(), load_default=list, validate=validate.Length(max=5, error=N_("At most 5 occupations.")))
    skills = fields.List(Text(60), load_default=list, validate=validate.Length(max=30, error=N_("At most 30 skills.")))
    experience_years = fields.Integer(load_default=0, validate=validate.Range(min=0, max=60, error=N_("From 0 to 60 years.")))
    languages = fields.List(fields.Nested(LanguageSchema), load_default=list, validate=validate.Length(max=10))
    expected_salary = Amount(
        allow_none=True, validate=AMOUNT_RANGE, metadata={"description": 'VND per month: 9000000, "9 triệu", "9tr"; a range: its low end'}
    )
    commute_radius_km = fields.Integer(load_default=20, validate=validate.Range(min=0, max=500, error=N_("From 0 to 500 km.")))
    willing_to_relocate = fields.Boolean(load_default=False)
    willing_abroad = fields.Boolean(load_default=False)
    abroad_countries = fields.List(fields.String(validate=validate.OneOf(DESTINATION_COUNTRIES, error=NOT_A_CHOICE)), load_default=list)
    visibility = fields.String(load_default="public", validate=validate.OneOf(VISIBILITIES, error=NOT_A_CHOICE))
    health_check_on = fields.Date(
        load_default=None,
        allow_none=True,
        metadata={"description": "Date of the last health certificate (overseas programmes ask for one)"},
    )

    @validates("health_check_on")
    def _health_check_in_the_past(self, value, **kwargs):
        if value and value > vietnam_today():
            raise ValidationError(N_("This day has not come yet."))

    @form_check("health_check_on", "birth_date")
    def _health_check_after_birth(self, data, **kwargs):
        if data.get("health_check_on") and data.get("birth_date") and data["health_check_on"] < data["birth_date"]:
            raise ValidationError(N_("The health check is before the birth date."), field_name="health_check_on")

    @form_check("citizen_id", "birth_date")
    def _citizen_id_matches_birth_date(self, data, **kwargs):
        if data.get("citizen_id") and data.get("birth_date"):
            problem = citizen_id_problem(data["citizen_id"], data["birth_date"])
            if problem:
                raise ValidationError(problem, field_name="citizen_id")


class CitizenIdReviewSchema(BaseSchema):
    """An officer's finding on a citizen ID held for review, from the person's card."""

    card_shows_it = fields.Boolean(load_default=False)


class OwnProfileSchema(JobSeekerProfileSchema):
    """One's own profile on the site's pages, after signing up with a name only: a field left out stays as it was. The
    citizen ID is asked by the services that need it (services/citizen_id.py), the rest a step at a time."""

    citizen_id = CitizenId(allow_none=True, metadata={"description": "Căn cước công dân, 12 digits"})
    birth_date = BirthDate(allow_none=True)
    ward_code = ward_code(allow_none=True)


# The profile after signing up, a short step at a time, each saved as the person goes: (name, its fields).
PROFILE_STEPS = (
    ("place", ("birth_date", "sex", "ward_code", "commute_radius_km", "willing_to_relocate")),
    ("work", ("desired_isco_codes", "expected_salary", "willing_abroad", "abroad_countries")),
    ("skills", ("education_level", "skills", "experience_years", "languages", "health_check_on")),
    ("contacts", ("phone", "visibility")),
)


def profile_step_schema(number):
    """The schema of one step of the profile (PROFILE_STEPS, from 1): its fields, none of them required."""
    return OwnProfileSchema(only=PROFILE_STEPS[number - 1][1])


class WalkInSchema(JobSeekerProfileSchema):
    consents = fields.List(
        fields.String(validate=validate.OneOf(tuple(CONSENT_PURPOSES), error=NOT_A_CHOICE)),
        load_default=list,
        metadata={"description": "Purposes the person consented to on the paper form"},
    )


class JobSeekerSchema(BaseSchema):
    """A profile as its owner and their centre's officers see it."""

    id = fields.Integer()
    full_name = fields.String()
    # As the person gave it: one another profile holds waits for the centre's review (services/citizen_id.py) and shows
    # the same, so that the answer tells nobody whether an ID is registered.
    citizen_id = fields.String(attribute="citizen_id_as_given", allow_none=True)
    birth_date = fields.Date()
    sex = fields.String()
    phone = fields.String(allow_none=True)
    ward = fields.Nested(WardSchema)
    education_level = fields.String(allow_none=True)
    desired_isco_codes = fields.List(fields.String())
    skills = fields.List(fields.String())
    experience_years = fields.Integer()
    languages = fields.List(fields.Nested(LanguageSchema))
    expected_salary = fields.Integer(allow_none=True)
    commute_radius_km = fields.Integer()
    willing_to_relocate = fields.Boolean()
    willing_abroad = fields.Boolean()
    abroad_countries = fields.List(fields.String())
    visibility = fields.String()
    health_check_on = fields.Date(allow_none=True)
    overstayed_abroad = fields.Boolean()
    centre_id = fields.Integer(allow_none=True)
    has_account = fields.Function(lambda job_seeker: job_seeker.account is not None)
    created_at = UtcDateTime()


class WalkInResultSchema(BaseSchema):
    job_seeker = fields.Nested(JobSeekerSchema)
    claim_code = fields.String(metadata={"description": "For the person: with their citizen ID it claims the profile. Shown once."})
    claim_code_expires_at = UtcDateTime(
        attribute="job_seeker.claim_code_expires_at",
        metadata={"description": "The code works until then (CLAIM_CODE_LIFETIME_DAYS); the centre's officers can give a new one"},
    )


class CandidateSchema(BaseSchema):
    """A job seeker as an employer sees an applicant: what the job needs, and a priority mark only with consent."""

    id = fields.Integer()
    full_name = fields.String()
    phone = fields.String(allow_none=True)
    ward = fields.Nested(WardSchema)
    education_level = fields.String(allow_none=True)
    skills = fields.List(fields.String())
    experience_years = fields.Integer()
    languages = fields.List(fields.Nested(LanguageSchema))
    expected_salary = fields.Integer(allow_none=True)
    priority_candidate = fields.Boolean(metadata={"description": "A verified priority worker who agreed to show this mark"})
    deleted = fields.Boolean(metadata={"description": "The person deleted their account: only the day of a hire is kept (id null)"})
    hired_on = fields.Date(allow_none=True, metadata={"description": "For a deleted person's hire: the day they were hired"})


class PriorityStatusWriteSchema(BaseSchema):
    citizen_id = CitizenId(
        load_default=None, allow_none=True, metadata={"description": "Asked when the profile has none: the status is verified against it"}
    )
    category = fields.String(required=True, validate=validate.OneOf(PRIORITY_CATEGORIES, error=NOT_A_CHOICE))
    ethnic_group_code = ethnic_group_code(allow_none=True, metadata={"description": "General Statistics Office code, 02–54"})
    evidence = Text(300, required=True, metadata={"description": "The document seen, e.g. the commune's list of poor households"})
    valid_until = fields.Date(allow_none=True, metadata={"description": "Poverty lists are reviewed every year; empty for ethnicity"})

    @form_check("category", "ethnic_group_code", "valid_until")
    def _ethnic_group_with_category(self, data, **kwargs):
        minority = data.get("category") == "ethnic_minority"
        if minority and not data.get("ethnic_group_code"):
            raise ValidationError(N_("Choose the ethnic group."), field_name="ethnic_group_code")
        if minority and data.get("ethnic_group_code") == "01":
            raise ValidationError(N_("Kinh is the majority group, not an ethnic minority."), field_name="ethnic_group_code")
        if not minority and data.get("ethnic_group_code"):
            raise ValidationError(N_("An ethnic group belongs only to the ethnic-minority category."), field_name="ethnic_group_code")
        if not minority and not data.get("valid_until"):
            raise ValidationError(N_("Enter the date until which the document is valid."), field_name="valid_until")


class PriorityStatusSchema(BaseSchema):
    id = fields.Integer()
    category = fields.String()
    ethnic_group_code = fields.String(allow_none=True)
    ethnic_group_name = fields.String(attribute="ethnic_group.name", allow_none=True)
    evidence = fields.String()
    valid_until = fields.Date(allow_none=True)
    verified_at = UtcDateTime(allow_none=True)
    verified_by_id = fields.Integer(allow_none=True)


class PriorityStatusPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "The person's priority statuses (sensitive), the latest recorded first, page by page."

    items = fields.List(fields.Nested(PriorityStatusSchema))


class ConsentWriteSchema(BaseSchema):
    purpose = fields.String(required=True, validate=validate.OneOf(tuple(CONSENT_PURPOSES), error=NOT_A_CHOICE))
    given = fields.Boolean(required=True, metadata={"description": "true gives consent, false withdraws it"})


class ConsentChoicesSchema(BaseSchema):
    """The consent page's choices, each on its own; an unticked box withdraws."""

    show_profile = fields.Boolean(load_default=False)
    priority_ranking = fields.Boolean(load_default=False)
    anonymous_listing = fields.Boolean(load_default=False)


class ConsentSchema(BaseSchema):
    purpose = fields.String()
    version = fields.Integer()
    given_at = UtcDateTime()
    withdrawn_at = UtcDateTime(allow_none=True)
    given_by_id = fields.Integer(allow_none=True, metadata={"description": "The account that gave it: the person or an officer"})
    withdrawn_by_id = fields.Integer(allow_none=True, metadata={"description": "The account that withdrew it"})


class ConsentPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "Every consent given (and, once withdrawn, when), the latest first, page by page."

    items = fields.List(fields.Nested(ConsentSchema))
