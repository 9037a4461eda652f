"""Vacancy search arguments, the vacancy as the API shows it, and the vacancy as an employer writes it."""
from datetime import timedelta

from marshmallow import ValidationError, fields, post_load, validate, validates, validates_schema

from jobmatch.i18n import N_
from jobmatch.models.overseas import FEE_KINDS
from jobmatch.models.vacancy import DESTINATION_COUNTRIES, EMPLOYMENT_TYPES, VACANCY_STATUSES
from jobmatch.rules.clock import vietnam_today
from jobmatch.schemas import pay as stated
from jobmatch.schemas.base import BaseSchema, refused_fields
from jobmatch.schemas.fields import Amount, Text, UtcDateTime, isco_code, spread_salary_range, ward_code
from jobmatch.schemas.page import PageArgsSchema, PageSchema
from jobmatch.schemas.vacancy_place import LEGACY_WARD_DESCRIPTION, PLACES_DESCRIPTION, Places, VacancyPlaceSchema, merge_legacy_ward
from search.vacancy import FACETS, SORTS, decode_cursor

MAX_SALARY_VND = 1_000_000_000
AMOUNT_INVALID = {"invalid": N_("Enter an amount in đồng, digits only.")}
AMOUNT_RANGE = validate.Range(min=0, max=MAX_SALARY_VND, error=N_("Enter an amount from 0 to 1,000,000,000 đồng."))
NOT_A_CHOICE = N_("This is not one of the choices offered.")
SALARY_ARGUMENT = ('VND per month, as a number or as people write it: "9.000.000", "9 triệu", "9tr", "9,5 triệu"; '
                   'a range ("15-20 triệu") in salary_min also sets salary_max')


class VacancySearchArgsSchema(PageArgsSchema):
    """The search's filters, with size and after as every list has them; its cursor is the search's own (search/vacancy.py):
    it carries Elasticsearch's sort values and belongs to one search."""

    cursor_decoder = staticmethod(decode_cursor)

    q = fields.String(
        load_default="",
        validate=validate.Length(max=200, error=N_("Search text is limited to 200 characters.")),
        metadata={"description": "Free text, with or without diacritics"},
    )
    province = fields.String(
        validate=validate.Regexp(r"^\d{2}$", error=N_("A province code has 2 digits.")),
        metadata={"description": "Province code (34 provinces since 1 July 2025)"},
    )
    ward = fields.String(
        validate=validate.Regexp(r"^\d{5}$", error=N_("A ward code has 5 digits.")),
        metadata={"description": "Ward code: the centre for radius_km, sort=nearest and each result's distance (by default "
                                 "the signed-in job seeker's own ward); alone, only vacancies in that ward"},
    )
    place = fields.String(
        validate=validate.Length(min=2, max=100, error=N_("Enter 2 to 100 characters for the place.")),
        metadata={"description": 'A province, ward or pre-2025 place name or a common alias, e.g. "Hải Dương", "TP.HCM", '
                                 '"Q1", "Thuận An, Bình Dương"; a name with several meanings searches them all'},
    )
    understand = fields.Boolean(
        load_default=True,
        metadata={"description": "Read places and work abroad in q as filters (false: search q as typed)"},
    )
    radius_km = fields.Float(
        error_messages={"invalid": N_("Enter a distance in km.")},
        validate=validate.Range(min=1, max=300, error=N_("Choose a radius between 1 and 300 km.")),
        metadata={"description": "Only vacancies within this distance of the ward"},
    )
    isco = fields.String(
        validate=validate.Regexp(r"^\d{1,4}$", error=N_("An ISCO-08 code has 1 to 4 digits.")),
        metadata={"description": "ISCO-08 group: 1 to 4 digits"},
    )
    salary_min = Amount(validate=AMOUNT_RANGE, metadata={"description": SALARY_ARGUMENT})
    salary_max = Amount(end="high", validate=AMOUNT_RANGE, metadata={"description": SALARY_ARGUMENT})
    employment_type = fields.List(fields.String(validate=validate.OneOf(EMPLOYMENT_TYPES, error=NOT_A_CHOICE)), load_default=list)
    scope = fields.String(validate=validate.OneOf(("domestic", "overseas"), error=NOT_A_CHOICE))
    country = fields.String(
        validate=validate.OneOf(DESTINATION_COUNTRIES, error=NOT_A_CHOICE),
        metadata={"description": "Destination country of overseas vacancies (ISO 3166-1 alpha-2)"},
    )
    programme = fields.String(
        validate=validate.Regexp(r"^[A-Z][A-Z0-9-]{1,19}$", error=N_("This is not a programme code.")),
        metadata={"description": "Overseas programme code, e.g. EPS, TITP, SSW, TW"},
    )
    sort = fields.String(load_default="relevance", validate=validate.OneOf(SORTS, error=NOT_A_CHOICE))

    @validates_schema(skip_on_field_errors=False)
    def _consistent(self, data, **kwargs):
        if data.get("salary_min") is not None and data.get("salary_max") is not None and data["salary_min"] > data["salary_max"]:
            raise ValidationError(N_("The minimum salary is above the maximum."), field_name="salary_min")

    @post_load
    def _salary_range(self, data, **kwargs):
        return spread_salary_range(data)

    @post_load
    def _decode_cursor(self, data, **kwargs):
        if data.get("after"):
            data["after"] = decode_cursor(data["after"])
        return data


class FeeSchema(BaseSchema):
    kind = fields.String(required=True, validate=validate.OneOf(FEE_KINDS, error=NOT_A_CHOICE))
    amount_vnd = fields.Integer(required=True, error_messages=AMOUNT_INVALID, validate=AMOUNT_RANGE)


class EmployerSummarySchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    verified = fields.Boolean()
    overseas_licence = fields.String(allow_none=True)
    overseas_licence_expires = fields.Date(allow_none=True, metadata={"description": "The placement licence's last day"})
    public_body = fields.Boolean(metadata={"description": "A public body: it needs no placement licence"})


class OccupationSchema(BaseSchema):
    code = fields.String()
    label_vi = fields.String()
    label_en = fields.String()


class WardSchema(BaseSchema):
    code = fields.String()
    name = fields.String()
    province_code = fields.String()
    province_name = fields.String(attribute="province.name")


class VacancyBaseSchema(BaseSchema):
    """What every view of a vacancy shows: the full vacancy and the result-list summary add to it."""

    id = fields.Integer()
    title = fields.String()
    salary_min = fields.Integer(allow_none=True, metadata={"description": "As stated: per salary_unit in salary_currency"})
    salary_max = fields.Integer(allow_none=True, metadata={"description": "As stated: per salary_unit in salary_currency"})
    salary_unit = fields.String(metadata={"description": "month, day, hour or piece"})
    salary_currency = fields.String(metadata={"description": "VND, USD, JPY, KRW or TWD"})
    pay = stated.StatedPay(metadata={"description": "The pay as stated and in đồng a month, the way searches compare it"})
    salary_negotiable = fields.Boolean()
    employment_type = fields.String()
    openings = fields.Integer()
    deadline = fields.Date()
    welcomes_priority = fields.Boolean()
    no_experience_required = fields.Boolean()
    training_provided = fields.Boolean()
    is_overseas = fields.Boolean()
    destination_country = fields.String(allow_none=True)
    programme = fields.String(allow_none=True)
    posted_at = UtcDateTime()


class VacancySchema(VacancyBaseSchema):
    description = fields.String()
    employer = fields.Nested(EmployerSummarySchema)
    occupation = fields.Nested(OccupationSchema)
    ward = fields.Nested(WardSchema, allow_none=True, metadata={"description": "The first ward among the places"})
    places = fields.List(fields.Nested(VacancyPlaceSchema), attribute="place_views")
    skills = fields.List(fields.String())
    status = fields.String()
    contract_months = fields.Integer(allow_none=True)
    fees = fields.List(fields.Nested(FeeSchema))
    worker_fees_vnd = fields.Integer(allow_none=True, metadata={"description": "The fees' total"})
    language_requirement = fields.String(allow_none=True)


class VacancySummarySchema(VacancyBaseSchema):
    """A vacancy as a result list shows it; the full vacancy is at /api/v1/vacancies/<id>."""

    employer_name = fields.String()
    ward_name = fields.String(allow_none=True)
    province_name = fields.String(allow_none=True)
    isco_code = fields.String()
    places = fields.List(fields.Nested(VacancyPlaceSchema))


class VacancyHitSchema(BaseSchema):
    vacancy = fields.Nested(VacancySummarySchema)
    score = fields.Float(allow_none=True)
    distance_km = fields.Float(allow_none=True, metadata={"description": "From the search's centre to the nearest place"})
    distance_approximate = fields.Boolean(metadata={"description": "The nearest place is a whole province (its centre)"})


ARGUMENT_CHANGES = "The arguments to change, each to its value, or left out when null; paging starts again"


class ChipSchema(BaseSchema):
    kind = fields.String(metadata={"description": "place, country, programme, overseas, province, ward, radius, centre, isco, "
                                                  "salary_min, salary_max, employment_type or scope"})
    label = fields.String()
    understood = fields.Boolean(metadata={"description": "Read from q: understand=false removes it as well"})
    without = fields.Dict(keys=fields.String(), values=fields.Raw(allow_none=True), metadata={"description": ARGUMENT_CHANGES})


class PlaceChoiceSchema(BaseSchema):
    label = fields.String()
    arguments = fields.Dict(keys=fields.String(), values=fields.Raw(), metadata={"description": ARGUMENT_CHANGES})


class AmbiguousPlaceSchema(BaseSchema):
    words = fields.String(metadata={"description": "As typed; every meaning is searched until one is chosen"})
    choices = fields.List(fields.Nested(PlaceChoiceSchema))


class PlaceMeaningSchema(BaseSchema):
    kind = fields.String(metadata={"description": "province, ward, former_province or former_district"})
    name = fields.String()
    province = fields.String()
    code = fields.String(allow_none=True)


class UnderstoodPlaceSchema(BaseSchema):
    words = fields.String()
    name = fields.String()
    meanings = fields.List(fields.Nested(PlaceMeaningSchema))


class UnderstoodAbroadSchema(BaseSchema):
    words = fields.String()
    country = fields.String(allow_none=True)
    programme = fields.String(allow_none=True)


class UnderstoodSchema(BaseSchema):
    query = fields.String(metadata={"description": "q as read (NFC)"})
    text = fields.String(metadata={"description": "What is searched as words once places and work abroad are taken out"})
    places = fields.List(fields.Nested(UnderstoodPlaceSchema))
    abroad = fields.List(fields.Nested(UnderstoodAbroadSchema))
    pay = fields.Nested(stated.UnderstoodPaySchema, allow_none=True, metadata={
        "description": "The pay asked for, in q or else in salary_min and salary_max, as searched: a month in đồng"})


class CentreSchema(BaseSchema):
    ward_code = fields.String()
    label = fields.String()
    own = fields.Boolean(metadata={"description": "The signed-in job seeker's own ward, as no ward was given"})


class RelaxationSchema(BaseSchema):
    label = fields.String()
    total = fields.Integer(metadata={"description": "Vacancies the search would find without it"})
    without = fields.Dict(keys=fields.String(), values=fields.Raw(allow_none=True), metadata={"description": ARGUMENT_CHANGES})


class SuggestionSchema(BaseSchema):
    label = fields.String()
    without = fields.Dict(keys=fields.String(), values=fields.Raw(allow_none=True), metadata={"description": ARGUMENT_CHANGES})


class FacetValueSchema(BaseSchema):
    value = fields.String()
    label = fields.String()
    count = fields.Integer()


class VacancySearchPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "A page of the search's hits in the order asked for, with the facet counts of the whole search."

    items = fields.List(fields.Nested(VacancyHitSchema))
    facets = fields.Dict(keys=fields.String(validate=validate.OneOf(FACETS)), values=fields.List(fields.Nested(FacetValueSchema)))
    place = fields.String(allow_none=True, metadata={"description": "The place the search resolved, e.g. a legacy province name"})
    understood = fields.Nested(UnderstoodSchema, allow_none=True,
                               metadata={"description": "What q was read to say; null with understand=false"})
    chips = fields.List(fields.Nested(ChipSchema), metadata={"description": "Every active filter, each with how to remove it"})
    ambiguous = fields.List(fields.Nested(AmbiguousPlaceSchema))
    centre = fields.Nested(CentreSchema, allow_none=True)
    relaxations = fields.List(fields.Nested(RelaxationSchema), metadata={
        "description": "With no result: what to drop and how many vacancies each would find, most first"})
    suggestions = fields.List(fields.Nested(SuggestionSchema), metadata={"description": "With no result: the nearest place or words"})


MAX_DEADLINE_DAYS = 366


class VacancyWriteSchema(BaseSchema):
    """A vacancy as its employer posts or edits it (status changes have their own operation)."""

    title = Text(200, required=True)
    description = Text(5000, blank=True, load_default="")
    isco_code = isco_code(allow_none=True, metadata={
        "description": "ISCO-08 unit group, 4 digits; left out or null, the occupation coder's best answer for the title "
                       "(and description) is stored with occupation_suggested true, for the employer to confirm"})
    skills = fields.List(Text(60), load_default=list, validate=validate.Length(max=30, error=N_("At most 30 skills.")))
    places = Places(metadata={"description": PLACES_DESCRIPTION})
    ward_code = ward_code(allow_none=True, load_only=True, metadata={"description": LEGACY_WARD_DESCRIPTION})
    salary_min = stated.StatedPayAmount(allow_none=True, validate=AMOUNT_RANGE, metadata={"description": stated.STATED_PAY})
    salary_max = stated.StatedPayAmount(end="high", allow_none=True, validate=AMOUNT_RANGE, metadata={"description": stated.STATED_PAY})
    salary_unit = stated.salary_unit()
    salary_currency = stated.salary_currency()
    salary_negotiable = fields.Boolean(load_default=False)
    employment_type = fields.String(required=True, validate=validate.OneOf(EMPLOYMENT_TYPES, error=NOT_A_CHOICE))
    openings = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10_000, error=N_("From 1 to 10,000 openings.")))
    deadline = fields.Date(required=True, metadata={"description": "Last day to apply; the vacancy closes after it"})
    welcomes_priority = fields.Boolean(load_default=False, metadata={"description": "Welcomes poor, near-poor and ethnic-minority workers"})
    no_experience_required = fields.Boolean(load_default=False)
    training_provided = fields.Boolean(load_default=False)
    is_overseas = fields.Boolean(load_default=False)
    destination_country = fields.String(allow_none=True, validate=validate.OneOf(DESTINATION_COUNTRIES, error=NOT_A_CHOICE))
    programme = Text(20, allow_none=True, metadata={"description": "e.g. EPS, TITP, SSW"})
    contract_months = fields.Integer(allow_none=True, validate=validate.Range(min=1, max=120, error=N_("From 1 to 120 months.")))
    fees = fields.List(fields.Nested(FeeSchema), load_default=None, allow_none=True, validate=validate.Length(max=len(FEE_KINDS)),
                       metadata={"description": "Abroad: every fee the worker pays, item by item (an empty list: none)"})
    language_requirement = Text(100, allow_none=True)

    @validates("deadline")
    def _deadline_ahead(self, value, **kwargs):
        today = vietnam_today()
        if value < today:
            raise ValidationError(N_("The deadline has passed."))
        if value > today + timedelta(days=MAX_DEADLINE_DAYS):
            raise ValidationError(N_("Choose a deadline within a year."))

    @validates_schema(skip_on_field_errors=False, pass_original=True)
    def _consistent(self, data, original, partial=None, **kwargs):
        """Checked beside the fields' own errors, each check skipped only when a field it reads was refused."""
        refused = refused_fields(data, original)
        if refused is None:
            return
        errors = {}
        if data.get("salary_min") is not None and data.get("salary_max") is not None and data["salary_min"] > data["salary_max"]:
            errors["salary_min"] = [N_("The minimum salary is above the maximum.")]
        errors.update(stated.written_pay_errors(data, original))
        if not partial and "is_overseas" not in refused:
            if data.get("is_overseas"):
                for name in ("destination_country", "contract_months", "fees"):
                    if data.get(name) is None and name not in refused:
                        errors[name] = [N_("Overseas vacancies state the destination, the contract length and the fees.")]
            elif not (data.get("places") or data.get("ward_code")) and not {"places", "ward_code"} & refused:
                errors["places"] = [N_("Choose at least one place where the work is: a ward, or a whole province.")]
        fees = [fee for fee in data.get("fees") or [] if isinstance(fee, dict) and "kind" in fee]  # a refused fee has none
        if "fees" not in refused and len({fee["kind"] for fee in fees}) != len(fees):
            errors["fees"] = [N_("Give each kind of fee once.")]
        if errors:
            raise ValidationError(errors)

    @post_load(pass_original=True)
    def _as_loaded(self, data, original, **kwargs):
        return as_loaded(data, original)


def as_loaded(data, original):
    """A vacancy's fields as a load stores them, from the values its fields' checks let through (original: the body
    sent). A load refused stops before this step: the valid fields of a refused body are completed here all the same
    before they are screened, so that they are read as the same body with its errors corrected would be."""
    data = merge_legacy_ward(stated.adopt_written_pay(spread_salary_range(data), original))
    # Fees are kept item by item, with their total; a vacancy at home has none, nor destination or programme.
    if "is_overseas" in data:
        fees = data.get("fees") or [] if data["is_overseas"] else []
        data["fees"] = fees
        data["worker_fees_vnd"] = sum(fee["amount_vnd"] for fee in fees) if data["is_overseas"] else None
        if not data["is_overseas"]:
            data.update(destination_country=None, programme=None, contract_months=None)
    return data


class VacancyPostSchema(VacancyWriteSchema):
    publish = fields.Boolean(load_default=False, metadata={"description": "Publish at once instead of saving a draft"})


class VacancyStatusSchema(BaseSchema):
    status = fields.String(required=True, validate=validate.OneOf(VACANCY_STATUSES, error=NOT_A_CHOICE))


class EmployerVacancySchema(VacancySchema):
    """A vacancy as its own employer sees it, drafts included."""

    isco_code = fields.String()
    occupation_suggested = fields.Boolean(metadata={
        "description": "The occupation was chosen by the coder from the title: confirm it with POST /<id>/occupation"})
    ward_code = fields.String(allow_none=True)
    application_count = fields.Integer()


class EmployerVacancyPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = "The employer's vacancies, drafts included, the newest first, page by page."

    items = fields.List(fields.Nested(EmployerVacancySchema))


class OwnVacancyArgsSchema(PageArgsSchema):
    """The employer's own vacancies, of one status and by words of their titles, page by page."""

    status = fields.String(validate=validate.OneOf(VACANCY_STATUSES, error=NOT_A_CHOICE),
                           metadata={"description": f"Only the vacancies of this status: {', '.join(VACANCY_STATUSES)}"})
    q = fields.String(validate=validate.Length(max=100, error=N_("Enter at most 100 characters.")),
                      attribute="text", metadata={"description": "Words of the title, with or without diacritics, in any order"})
