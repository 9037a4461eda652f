"""Match lists as the API gives them: each vacancy or candidate with the reasons it ranks where it does."""
from marshmallow import fields

from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.job_seeker import LanguageSchema
from jobmatch.schemas.page import PageSchema
from jobmatch.schemas.vacancy import VacancySummarySchema, WardSchema
from search.matching import MATCH_WINDOW


class ExplanationSchema(BaseSchema):
    """Read from the named queries that scored the match: the same clauses, not a second scoring."""

    score = fields.Float(allow_none=True, metadata={"description": "null where the reader may not see the bonus it includes"})
    relevance = fields.Float(metadata={"description": "The sum of the matched parts, before distance and bonus"})
    occupation = fields.String(allow_none=True, metadata={"description": "unit, minor or submajor: how close the ISCO-08 groups are"})
    skills_matched = fields.List(fields.String())
    skills_asked = fields.List(fields.String())
    salary_fit = fields.Boolean(metadata={"description": "The pay certainly reaches the job seeker's wish"})
    salary_negotiable = fields.Boolean(metadata={"description": "Pay is negotiable, not stated to reach the wish"})
    experience_fit = fields.Boolean()
    destination_fit = fields.Boolean()
    language_fit = fields.Boolean()
    recent = fields.Boolean()
    distance_factor = fields.Float(
        allow_none=True, metadata={"description": "What the distance decay left of the relevance (1: none lost)"}
    )
    bonus = fields.Float(
        allow_none=True, metadata={"description": "The priority bonus applied (0.15 is +15 %); null where the reader may not see it"}
    )


DISTANCE = "Between the job seeker's ward and the vacancy's; null abroad or where a place is not known"
RELOCATION = "The job seeker said they would move for work (distance then weighs less in the ranking)"


class VacancyMatchSchema(BaseSchema):
    vacancy = fields.Nested(VacancySummarySchema, attribute="item")
    explanation = fields.Nested(ExplanationSchema)
    distance_km = fields.Float(allow_none=True, metadata={"description": DISTANCE})
    willing_to_relocate = fields.Boolean(metadata={"description": RELOCATION})


MATCH_PAGES = (
    f"Pages walk the day's ranking of the best {MATCH_WINDOW} matches (for an overseas programme's vacancy, the eligible "
    "among a wider window); total counts every match. Equally good matches take turns from day to day, so a cursor of "
    "another day is refused: start again from the first page."
)


class VacancyMatchPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = f"The open vacancies that fit the job seeker best, best first. {MATCH_PAGES}"

    items = fields.List(fields.Nested(VacancyMatchSchema))


class ListedProvinceSchema(BaseSchema):
    code = fields.String()
    name = fields.String()


class ListedCandidateSchema(BaseSchema):
    """A candidate in a list: anonymous (what the job needs and the province; no name, phone, ward, birth date,
    ethnicity or priority mark) except to the officers of the person's own centre and to an employer the person applied
    or was referred to, who see name, phone and ward too."""

    id = fields.Integer(metadata={"description": "The candidate's number, for an invitation or a referral request"})
    anonymous = fields.Boolean()
    full_name = fields.String(allow_none=True, metadata={"description": "null in an anonymous profile"})
    phone = fields.String(allow_none=True, metadata={"description": "null in an anonymous profile"})
    ward = fields.Nested(WardSchema, allow_none=True, metadata={"description": "null in an anonymous profile"})
    province = fields.Nested(ListedProvinceSchema, allow_none=True)
    age_band = fields.String(allow_none=True, metadata={"description": "e.g. 25–34; null when not known"})
    desired_isco_codes = fields.List(fields.String())
    skills = fields.List(fields.String())
    experience_years = fields.Integer(allow_none=True)
    education_level = fields.String(allow_none=True)
    languages = fields.List(fields.Nested(LanguageSchema))
    priority_candidate = fields.Boolean(metadata={"description": "Only in a full profile, with the person's consent"})
    invitation = fields.String(
        allow_none=True,
        metadata={"description": "The answer to this list's invitation (employer) or referral request (officer), if one was sent"},
    )


class CandidateMatchSchema(BaseSchema):
    candidate = fields.Nested(ListedCandidateSchema, attribute="item")
    explanation = fields.Nested(ExplanationSchema)
    distance_km = fields.Float(
        allow_none=True, metadata={"description": DISTANCE + "; rounded up to 10 km in an anonymous profile"}
    )
    willing_to_relocate = fields.Boolean(metadata={"description": RELOCATION})


class CandidateMatchPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = (
            "The job seekers who fit the vacancy best and agreed to an anonymous profile in candidate lists, best first "
            f"(a published vacancy of a verified employer only; an employer's distinct candidates a day are capped: 429). {MATCH_PAGES}"
        )

    items = fields.List(fields.Nested(CandidateMatchSchema))


class EngineExplanationSchema(BaseSchema):
    matched = fields.Boolean()
    explanation = fields.Dict(allow_none=True, metadata={"description": "Elasticsearch's _explain tree for this document and query"})
