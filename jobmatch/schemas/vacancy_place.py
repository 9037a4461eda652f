"""A vacancy's work places as the API and forms take and show them: ward codes and whole provinces, in order."""
from flask import current_app
from flask_babel import gettext as _
from marshmallow import ValidationError, fields
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.i18n import N_
from jobmatch.models.place import Province, Ward, ward_codes
from jobmatch.models.vacancy_place import MAX_PLACES
from jobmatch.schemas.base import BaseSchema

PLACES_DESCRIPTION = (
    f"Where the work is, 1 to {MAX_PLACES} places in order, each a ward code (5 digits) or, when the posting names only "
    "the province, a province code (2 digits): the whole province; required at home. GET /api/v1/places/resolve?q= turns "
    "a name into codes")
LEGACY_WARD_DESCRIPTION = "Before places: one ward, the same as places: [ward_code]; left aside when places is given"


def province_codes():
    """Every province code, read once per app."""
    cached = current_app.extensions.get("province_codes")
    if cached is None:
        cached = frozenset(db.session.scalars(select(Province.code)))
        current_app.extensions["province_codes"] = cached
    return cached


class Places(fields.List):
    """Codes in, [{"ward_code": …} or {"province_code": …}] out; a stored vacancy's places dump back as their codes."""

    def __init__(self, **kwargs):
        super().__init__(fields.String(), **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else [place.code for place in value]

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, list) and len(value) > MAX_PLACES:  # said before any code is read
            raise ValidationError(N_("Give at most 10 work places."))
        return places_from_codes([code.strip() for code in super()._deserialize(value, attr, data, **kwargs)])


def places_from_codes(codes):
    """The places the codes name, or every reason they cannot: an unknown code, a place given twice, or a ward inside a
    province also given whole."""
    wards, provinces = ward_codes(), province_codes()
    unknown = [code for code in codes if code not in wards and code not in provinces]
    if unknown:
        raise ValidationError([_("“%(code)s” is neither a ward code (5 digits) nor a province code (2 digits).", code=code)
                               for code in unknown])
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise ValidationError(_("Each place is given once: %(codes)s is repeated.", codes=", ".join(repeated)))
    whole = {code for code in codes if code in provinces}
    inside = db.session.execute(select(Ward.name, Province.name).join(Province, Ward.province_code == Province.code).where(
        Ward.code.in_([code for code in codes if code in wards]), Ward.province_code.in_(whole))).all() if whole else []
    if inside:
        raise ValidationError([_("%(ward)s lies in %(province)s, which is already a place: give one or the other.",
                                 ward=ward, province=province) for ward, province in inside])
    return [{"ward_code": code} if code in wards else {"province_code": code} for code in codes]


def merge_legacy_ward(data):
    """The single ward_code of API clients written before places becomes the one place; places given win."""
    legacy = data.pop("ward_code", None)
    if "places" not in data and legacy:
        data["places"] = [{"ward_code": legacy}]
    if data.get("is_overseas"):
        data["places"] = []
    return data


class VacancyPlaceSchema(BaseSchema):
    """A place as models.vacancy_place.place_view makes it."""

    kind = fields.String(metadata={"description": "ward, or province: the whole province, named without a ward"})
    code = fields.String()
    name = fields.String()
    province_code = fields.String()
    province_name = fields.String()
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)
    approximate = fields.Boolean(metadata={"description": "A whole province: its point is the province's centre"})
