"""Overseas programmes as an administrator writes them (stages, rules, fee cap), cases and their moves as officers
record them, agency reports as workers send them, and how each is shown."""
from datetime import timedelta

from marshmallow import ValidationError, fields, validate, validates

from jobmatch.i18n import N_
from jobmatch.models.job_seeker import LANGUAGES
from jobmatch.models.overseas import CASE_STATUSES, CLOSE_REASONS, REPORT_KINDS, STAGE_KINDS
from jobmatch.models.vacancy import DESTINATION_COUNTRIES
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.overseas import LATENESS, RECRUITERS, level_rank
from jobmatch.schemas.base import BaseSchema, form_check
from jobmatch.schemas.fields import CitizenId, Text, UtcDateTime
from jobmatch.schemas.page import WHOLE_LIST, PageArgsSchema, PageSchema
from jobmatch.schemas.vacancy import AMOUNT_INVALID, AMOUNT_RANGE, MAX_SALARY_VND, NOT_A_CHOICE


def plausible_day(value):
    """A day an overseas case, a programme rule or a job fair can be about: from 1950 to ten years ahead."""
    if value.year < 1950 or value > vietnam_today() + timedelta(days=3660):
        raise ValidationError(N_("Choose a day between 1950 and ten years from now."))


CODE = validate.Regexp(r"^[a-z][a-z0-9_]{0,29}$", error=N_("Use 1 to 30 lowercase letters, digits or _, starting with a letter."))
PROGRAMME_CODE = validate.Regexp(r"^[A-Z][A-Z0-9-]{1,19}$", error=N_("Use 2 to 20 capital letters, digits or -, starting with a letter."))


class StageSchema(BaseSchema):
    code = fields.String(required=True, validate=CODE)
    name_vi = Text(100, required=True)
    name_en = Text(100, required=True)
    kind = fields.String(load_default="step", validate=validate.OneOf(STAGE_KINDS, error=NOT_A_CHOICE))
    # The case must move on within so many days of reaching this stage (a roster valid two years: 730).
    due_days = fields.Integer(
        load_default=None, allow_none=True, validate=validate.Range(min=1, max=3660, error=N_("From 1 to 3,660 days."))
    )
    # Past the deadline the case lapses (closed), rather than only being flagged as late.
    lapses = fields.Boolean(load_default=False)
    # Reaching this stage records the contract: agency, salary, length and the service fee paid.
    contract = fields.Boolean(load_default=False)

    @form_check("lapses", "due_days")
    def _lapsing_needs_a_deadline(self, data, **kwargs):
        if data.get("lapses") and not data.get("due_days"):
            raise ValidationError(N_("A stage that lapses needs a number of days."), field_name="due_days")


class LanguageRequirementSchema(BaseSchema):
    language = fields.String(required=True, validate=validate.OneOf(LANGUAGES, error=NOT_A_CHOICE))
    certificate = Text(30, required=True)
    min_level = Text(20, load_default=None, allow_none=True)


class AreaBanSchema(BaseSchema):
    """A province or a ward barred from recruitment from one day to another (no last day: until lifted)."""

    province_code = fields.String(
        load_default=None, allow_none=True, validate=validate.Regexp(r"^\d{2}$", error=N_("A province code has 2 digits."))
    )
    ward_code = fields.String(
        load_default=None, allow_none=True, validate=validate.Regexp(r"^\d{5}$", error=N_("A ward code has 5 digits."))
    )
    starts_on = fields.Date(required=True, validate=plausible_day)
    ends_on = fields.Date(load_default=None, allow_none=True, validate=plausible_day)
    reason = Text(200, blank=True, load_default="")

    @form_check("province_code", "ward_code")
    def _one_area(self, data, **kwargs):
        if bool(data.get("province_code")) == bool(data.get("ward_code")):
            raise ValidationError(N_("Give either a province or a ward."), field_name="ward_code")

    @form_check("starts_on", "ends_on")
    def _dates_in_order(self, data, **kwargs):
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            raise ValidationError(N_("The last day is before the first day."), field_name="ends_on")


class RulesSchema(BaseSchema):
    min_age = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=15, max=70, error=N_("From 15 to 70 years.")))
    max_age = fields.Integer(load_default=None, allow_none=True, validate=validate.Range(min=15, max=70, error=N_("From 15 to 70 years.")))
    language = fields.Nested(LanguageRequirementSchema, load_default=None, allow_none=True)
    health_check_months = fields.Integer(
        load_default=None, allow_none=True, validate=validate.Range(min=1, max=36, error=N_("From 1 to 36 months."))
    )
    no_overstay = fields.Boolean(load_default=False)
    area_bans = fields.List(fields.Nested(AreaBanSchema), load_default=list, validate=validate.Length(max=500))
    # The service fee's cap: so many months' salary per year of contract, at most so many months in all.
    service_fee_months_per_year = fields.Float(
        load_default=None, allow_none=True, validate=validate.Range(min=0, max=3, error=N_("From 0 to 3 months."))
    )
    service_fee_max_months = fields.Float(
        load_default=None, allow_none=True, validate=validate.Range(min=0, max=12, error=N_("From 0 to 12 months."))
    )

    # Who recruits for it: any licensed agency, or only public bodies (EPS), with no fee through its vacancies.
    recruiters = fields.String(load_default="licensed_agencies", validate=validate.OneOf(RECRUITERS, error=NOT_A_CHOICE))
    # The programme's official hotline and website, shown on its pages and vacancies beside the warning about brokers;
    # where they come from is written in the version's sources.
    hotline = Text(30, load_default=None, allow_none=True)
    official_website = fields.Url(load_default=None, allow_none=True, schemes={"https", "http"},
                                  error_messages={"invalid": N_("Give the whole address, starting with https://.")})

    @form_check("min_age", "max_age")
    def _ages_in_order(self, data, **kwargs):
        if data.get("min_age") is not None and data.get("max_age") is not None and data["min_age"] > data["max_age"]:
            raise ValidationError(N_("The minimum age is above the maximum age."), field_name="min_age")

    @form_check("language")
    def _comparable_level(self, data, **kwargs):
        language = data.get("language")
        if language and language.get("min_level") and level_rank(language["certificate"], language["min_level"]) is None:
            raise ValidationError(N_("This level cannot be compared for this certificate (JLPT: N5 to N1; scores: a number)."),
                                  field_name="language")

    @form_check("service_fee_max_months", "service_fee_months_per_year")
    def _fee_cap_complete(self, data, **kwargs):
        if data.get("service_fee_max_months") is not None and data.get("service_fee_months_per_year") is None:
            raise ValidationError(N_("Set the months per year of contract too."), field_name="service_fee_months_per_year")


class ProgrammeWriteSchema(BaseSchema):
    """A programme as an administrator writes it; each save becomes a new version."""

    code = fields.String(required=True, validate=PROGRAMME_CODE)
    destination_country = fields.String(required=True, validate=validate.OneOf(DESTINATION_COUNTRIES, error=NOT_A_CHOICE))
    name_vi = Text(200, required=True)
    name_en = Text(200, required=True)
    sectors = fields.List(Text(100), load_default=list, validate=validate.Length(max=20))
    stages = fields.List(
        fields.Nested(StageSchema), required=True, validate=validate.Length(min=2, max=20, error=N_("From 2 to 20 stages."))
    )
    rules = fields.Nested(RulesSchema, required=True)
    sources = Text(3000, blank=True, load_default="")
    note = Text(300, blank=True, load_default="")

    @form_check("stages")
    def _path(self, data, **kwargs):
        stages = data.get("stages") or []
        codes = [stage["code"] for stage in stages]
        if len(set(codes)) != len(codes):
            raise ValidationError(N_("Each stage needs its own code."), field_name="stages")
        kinds = [stage["kind"] for stage in stages]
        if kinds.count("departure") > 1 or kinds.count("return") > 1:
            raise ValidationError(N_("A path has at most one departure and one return."), field_name="stages")
        if "return" in kinds and ("departure" not in kinds or kinds.index("return") < kinds.index("departure")):
            raise ValidationError(N_("The return comes after the departure."), field_name="stages")
        if stages and stages[0]["lapses"]:
            raise ValidationError(N_("The first stage cannot lapse."), field_name="stages")


class CaseOpenSchema(BaseSchema):
    programme = fields.String(required=True, validate=PROGRAMME_CODE)
    opened_on = fields.Date(
        required=True, validate=plausible_day, metadata={"description": "The day the worker registered for the programme"}
    )
    document = Text(300, required=True, metadata={"description": "The registration form or document seen"})
    citizen_id = CitizenId(load_default=None, allow_none=True, metadata={"description": "Asked when the profile has none"})

    @validates("opened_on")
    def _not_in_future(self, value, **kwargs):
        if value > vietnam_today():
            raise ValidationError(N_("This day has not come yet."))


class CaseMoveSchema(BaseSchema):
    stage = fields.String(required=True, validate=CODE)
    happened_on = fields.Date(required=True, validate=plausible_day)
    document = Text(300, required=True, metadata={"description": "The document that shows the step, e.g. a test result"})
    agency_id = fields.Integer(load_default=None, allow_none=True)
    contract_months = fields.Integer(
        load_default=None, allow_none=True, validate=validate.Range(min=1, max=120, error=N_("From 1 to 120 months."))
    )
    monthly_salary_vnd = fields.Integer(
        load_default=None,
        allow_none=True,
        error_messages=AMOUNT_INVALID,
        validate=validate.Range(min=1, max=MAX_SALARY_VND, error=N_("Enter an amount from 1 to 1,000,000,000 đồng.")),
    )
    service_fee_paid_vnd = fields.Integer(load_default=None, allow_none=True, error_messages=AMOUNT_INVALID, validate=AMOUNT_RANGE)


class CaseCloseSchema(BaseSchema):
    reason = fields.String(required=True, validate=validate.OneOf(CLOSE_REASONS, error=NOT_A_CHOICE))
    happened_on = fields.Date(required=True, validate=plausible_day)
    document = Text(300, required=True)


class AgencyReportSchema(BaseSchema):
    employer_id = fields.Integer(required=True, metadata={"description": "The agency reported"})
    vacancy_id = fields.Integer(load_default=None, allow_none=True)
    kind = fields.String(required=True, validate=validate.OneOf(REPORT_KINDS, error=NOT_A_CHOICE))
    fee_paid_vnd = fields.Integer(load_default=None, allow_none=True, error_messages=AMOUNT_INVALID, validate=AMOUNT_RANGE)
    description = Text(3000, required=True)


class ReportReviewSchema(BaseSchema):
    review_note = Text(500, required=True, metadata={"description": "What was done about the report"})


class VerdictSchema(BaseSchema):
    rule = fields.String(metadata={"description": "age, language, health_check, no_overstay or area_ban"})
    passed = fields.Boolean()
    reason = fields.String()
    message = fields.String(metadata={"description": "The verdict in plain words, in the request's language"})


class EligibilitySchema(BaseSchema):
    programme = fields.String(attribute="programme.code")
    programme_version = fields.Integer(attribute="version.number")
    on = fields.Date()
    eligible = fields.Boolean()
    verdicts = fields.List(fields.Nested(VerdictSchema))


class EligibilityPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = f"One verdict per programme (or for the one asked), by programme code. {WHOLE_LIST}"

    items = fields.List(fields.Nested(EligibilitySchema))


class ProgrammeVersionSchema(BaseSchema):
    """One version of a programme: what it asked and how it ran from the day it was saved."""

    code = fields.String(attribute="programme.code")
    destination_country = fields.String(attribute="programme.destination_country")
    version = fields.Integer(attribute="number")
    saved_at = UtcDateTime(attribute="created_at")
    name_vi = fields.String()
    name_en = fields.String()
    sectors = fields.List(fields.String())
    stages = fields.List(fields.Dict())
    rules = fields.Dict()
    sources = fields.String()
    note = fields.String()


class ProgrammeSchema(BaseSchema):
    code = fields.String()
    destination_country = fields.String()
    version = fields.Integer(attribute="current.number")
    name_vi = fields.String(attribute="current.name_vi")
    name_en = fields.String(attribute="current.name_en")
    sectors = fields.List(fields.String(), attribute="current.sectors")
    stages = fields.List(fields.Dict(), attribute="current.stages")
    rules = fields.Dict(attribute="current.rules")
    sources = fields.String(attribute="current.sources")


class ProgrammePageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = f"Every overseas programme (a handful, set by agreements between governments), by code. {WHOLE_LIST}"

    items = fields.List(fields.Nested(ProgrammeSchema))


class CaseEventSchema(BaseSchema):
    stage = fields.String(metadata={"description": "The stage reached, or \"closed\""})
    happened_on = fields.Date()
    document = fields.String()
    close_reason = fields.String(allow_none=True)


class OverseasCaseSchema(BaseSchema):
    """A case as the worker and their centre's officers see it."""

    id = fields.Integer()
    job_seeker_id = fields.Integer()
    programme = fields.String(attribute="programme.code")
    programme_version = fields.Integer(attribute="programme_version.number")
    stage = fields.String()
    stage_entered_on = fields.Date()
    status = fields.String()
    close_reason = fields.String(allow_none=True)
    eligibility = fields.List(fields.Dict(), metadata={"description": "Each rule's verdict when the case was opened"})
    agency_id = fields.Integer(allow_none=True)
    contract_months = fields.Integer(allow_none=True)
    monthly_salary_vnd = fields.Integer(allow_none=True)
    service_fee_paid_vnd = fields.Integer(allow_none=True)
    service_fee_cap_vnd = fields.Integer(allow_none=True)
    events = fields.List(fields.Nested(CaseEventSchema))


class CentreCaseArgsSchema(PageArgsSchema):
    """The centre's cases of one status, at one step, as late as asked, page by page."""

    status = fields.String(load_default="active", validate=validate.OneOf(CASE_STATUSES, error=NOT_A_CHOICE),
                           metadata={"description": "The cases of this status (active by default)"})
    step = fields.String(validate=validate.Regexp(r"^[a-z0-9_]{1,30}$", error=NOT_A_CHOICE),
                         metadata={"description": "Only the cases at this step (a stage code of their programme's path)"})
    lateness = fields.String(validate=validate.OneOf(LATENESS, error=NOT_A_CHOICE), metadata={
        "description": "Only the active cases whose current step's deadline has passed, is within 30 days, or is further "
                       "(or has none)"})


class OverseasCasePageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "The worker's cases, the newest first, page by page."

    items = fields.List(fields.Nested(OverseasCaseSchema))


class CentreCasePageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "The centre's cases, the oldest step first, page by page."

    items = fields.List(fields.Nested(OverseasCaseSchema))


class AgencyReportReadSchema(BaseSchema):
    id = fields.Integer()
    employer_id = fields.Integer()
    vacancy_id = fields.Integer(allow_none=True)
    kind = fields.String()
    fee_paid_vnd = fields.Integer(allow_none=True)
    description = fields.String()
    created_at = UtcDateTime()
    reviewed_at = UtcDateTime(allow_none=True)
