"""Occupation endpoints: ISCO-08 suggestions while a vacancy title or a desired job is typed."""

from jobmatch.api import Blueprint
from jobmatch.schemas.occupation import OccupationSuggestArgsSchema, OccupationSuggestionPageSchema
from jobmatch.services import occupation as occupation_service
from jobmatch.services.page import Page

blp = Blueprint("occupations", __name__, url_prefix="/api/v1/occupations", description="ISCO-08 occupations")


@blp.route("/suggest")
@blp.arguments(OccupationSuggestArgsSchema, location="query")
@blp.response(200, OccupationSuggestionPageSchema)
def suggest(args):
    """Up to 8 ISCO-08 unit groups for a job title, whole as posted ("Nhân Viên Kinh Doanh (Sales Executive) - Thu Nhập
    15-30 Triệu") or being typed ("tho han", "welder"), best first, each with what it matched, why and a confidence."""
    return Page.whole(occupation_service.suggest_occupations(text=args["q"], description=args["description"]))
