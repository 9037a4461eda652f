"""Place endpoints: the wards of a province, for ward pickers; the provinces, and the units a place name may mean."""
from marshmallow import fields, validate

from jobmatch.api import Blueprint
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.page import WHOLE_LIST, PageSchema
from jobmatch.schemas.place import PlaceCandidatePageSchema, PlaceResolveArgsSchema, ProvincePageSchema
from jobmatch.services import place as place_service
from jobmatch.services.page import Page

blp = Blueprint("places", __name__, url_prefix="/api/v1/places", description="Administrative units since 1 July 2025")


class WardArgsSchema(BaseSchema):
    province = fields.String(required=True, validate=validate.Regexp(r"^\d{2}$"))


class WardOptionSchema(BaseSchema):
    code = fields.String()
    name = fields.String()


class WardOptionPageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = f"The province's wards, alphabetically (the largest province has 168). {WHOLE_LIST}"

    items = fields.List(fields.Nested(WardOptionSchema))


@blp.route("/wards")
@blp.arguments(WardArgsSchema, location="query")
@blp.response(200, WardOptionPageSchema)
def list_wards(args):
    """The wards of a province, alphabetically."""
    return Page.whole({"code": code, "name": name} for code, name in place_service.wards_of_province(args["province"]))


@blp.route("/provinces")
@blp.response(200, ProvincePageSchema)
def list_provinces():
    """The 34 provinces, with their codes and the coordinates of their centres."""
    return Page.whole(place_service.list_provinces())


@blp.route("/resolve")
@blp.arguments(PlaceResolveArgsSchema, location="query")
@blp.response(200, PlaceCandidatePageSchema)
def resolve(args):
    """The units a place name may mean: a current province or ward, a province, district or ward before 1 July 2025, or
    an abbreviation (TPHCM, HN, BRVT, Q1), each with its kind, code, today's province and coordinates."""
    return place_service.resolve_place_name(args["q"])
