"""The vacancy form's work places: rows of the ward picker, each a ward or, with no ward chosen, the whole province."""
from flask import request

from jobmatch.models.vacancy_place import MAX_PLACES
from jobmatch.services import place as place_service


def place_codes():
    """The places a posted form names, in order: each row's ward, or its province when no ward is chosen."""
    provinces, wards = request.form.getlist("place_province"), request.form.getlist("place_ward")
    count = max(len(provinces), len(wards))
    rows = zip(provinces + [""] * (count - len(provinces)), wards + [""] * (count - len(wards)), strict=True)
    return [ward.strip() or province.strip() for province, ward in rows if ward.strip() or province.strip()]


def place_rows(values):
    """The picker rows to show: [(row number, province code, ward code, the province's wards)], the places posted back or
    stored, then one empty row to add another (up to MAX_PLACES)."""
    if hasattr(values, "getlist"):
        chosen = list(zip(values.getlist("place_province"), values.getlist("place_ward"), strict=False))
        chosen = [(province, ward) for province, ward in chosen if province or ward]
    else:
        chosen = [(place_service.province_of_ward(code) or code, code if len(code) == 5 else "")
                  for code in values.get("places") or []]
    if len(chosen) < MAX_PLACES:
        chosen.append(("", ""))
    return [(number, province, ward, place_service.wards_of_province(province) if province else [])
            for number, (province, ward) in enumerate(chosen)]
