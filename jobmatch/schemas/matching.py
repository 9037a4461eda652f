"""Match lists as the API gives them: each vacancy or candidate with the reasons it ranks where it does."""
from marshmallow import fields

from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.job_seeker import CandidateSchema
from jobmatch.schemas.page import PageSchema
from jobmatch.schemas.vacancy import VacancySummarySchema
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


class CandidateMatchSchema(BaseSchema):
    candidate = fields.Nested(CandidateSchema, attribute="item")
    explanation = fields.Nested(ExplanationSchema)
    distance_km = fields.Float(allow_none=True, metadata={"description": DISTANCE})
    willing_to_relocate = fields.Boolean(metadata={"description": RELOCATION})


class CandidateMatchPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = f"The job seekers who fit the vacancy best and agreed to be shown, best first. {MATCH_PAGES}"

    items = fields.List(fields.Nested(CandidateMatchSchema))


class EngineExplanationSchema(BaseSchema):
    matched = fields.Boolean()
    explanation = fields.Dict(allow_none=True, metadata={"description": "Elasticsearch's _explain tree for this document and query"})
