"""Place endpoints: the wards of a province, for ward pickers."""
from marshmallow import fields, validate

from jobmatch.api import Blueprint
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.page import WHOLE_LIST, PageSchema
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
