"""Place endpoints: the wards of a province, for ward pickers."""
from flask_smorest import Blueprint
from marshmallow import fields, validate

from jobmatch.schemas.base import BaseSchema
from jobmatch.services import place as place_service

blp = Blueprint("places", __name__, url_prefix="/api/v1/places", description="Administrative units since 1 July 2025")


class WardArgsSchema(BaseSchema):
    province = fields.String(required=True, validate=validate.Regexp(r"^\d{2}$"))


class WardOptionSchema(BaseSchema):
    code = fields.String()
    name = fields.String()


@blp.route("/wards")
@blp.arguments(WardArgsSchema, location="query")
@blp.response(200, WardOptionSchema(many=True))
def list_wards(args):
    """The wards of a province, alphabetically."""
    response = [{"code": code, "name": name} for code, name in place_service.wards_of_province(args["province"])]
    return response
