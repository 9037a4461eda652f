"""Places for integrators: the provinces, and the units a place name may mean."""
from marshmallow import fields, validate

from jobmatch.i18n import N_
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.page import WHOLE_LIST, PageSchema


class ProvinceCentreSchema(BaseSchema):
    code = fields.String(metadata={"description": "2 digits"})
    name = fields.String(metadata={"description": 'Official: "Thành phố Hà Nội"'})
    short_name = fields.String(metadata={"description": 'As people say it: "Hà Nội"'})
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)


class ProvincePageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = f"The 34 provinces in force since 1 July 2025, alphabetically. {WHOLE_LIST}"

    items = fields.List(fields.Nested(ProvinceCentreSchema))


class PlaceResolveArgsSchema(BaseSchema):
    STRICT_BOOLEANS = False
    q = fields.String(required=True, validate=validate.Length(min=1, max=100, error=N_("Enter 1 to 100 characters for the place.")),
                      metadata={"description": 'A place name as a posting writes it: "Hải Dương", "TPHCM", "Q1", "Thuận An, Bình '
                                               'Dương", "phường Bến Nghé", with or without diacritics'})


class TodaysProvinceSchema(BaseSchema):
    code = fields.String()
    name = fields.String()


class PlaceCandidateSchema(BaseSchema):
    kind = fields.String(metadata={"description": "province, ward (current units), former_province, former_district or "
                                                  "former_ward (before 1 July 2025)"})
    name = fields.String(metadata={"description": "Official name"})
    code = fields.String(allow_none=True, metadata={"description": "A current province's or ward's code; null for a former unit"})
    former_province = fields.String(allow_none=True, metadata={"description": "A former unit's province before 1 July 2025"})
    former_district = fields.String(allow_none=True, metadata={"description": "A former ward's district"})
    provinces = fields.List(fields.Nested(TodaysProvinceSchema), metadata={
        "description": "Today's province (a former unit split between provinces: each of them)"})
    ward_codes = fields.List(fields.String(), metadata={
        "description": "The current wards it is or became (empty for a province: all of its wards)"})
    latitude = fields.Float(allow_none=True)
    longitude = fields.Float(allow_none=True)
    approximate = fields.Boolean(metadata={"description": "The coordinates are a centre (of a province, or of the wards a "
                                                          "former unit became), not of one ward"})


class PlaceCandidatePageSchema(PageSchema):
    class Meta(PageSchema.Meta):
        description = f"Every unit the name may mean, the most likely first. {WHOLE_LIST}"

    items = fields.List(fields.Nested(PlaceCandidateSchema))
    suggestions = fields.List(fields.String(), metadata={"description": "With no candidate: the nearest place names"})
