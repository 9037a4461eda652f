"""A vacancy's work places: storing them in order, reading them for pages, search documents and distances, and
reading a spreadsheet cell that names several ("Hà Nội; Phường Bến Nghé, TP.HCM")."""
import re
from collections import defaultdict

from sqlalchemy import bindparam, literal_column, select, union_all

from jobmatch.extensions import db
from jobmatch.models.place import LegacyWard, Province, Ward
from jobmatch.models.vacancy_place import VacancyPlace, place_view
from jobmatch.rules.clock import utc_now
from jobmatch.services import place as place_service
from search.gazetteer import distance_km

# Places in one cell are separated by ";" or a new line: a comma already separates a ward from its province.
CELL_SEPARATOR = re.compile(r"[;\n]+")


def assign_places(vacancy, places):
    """Give a vacancy its places ([{"ward_code": …} or {"province_code": …}], in order, checked by the schema), and keep
    vacancy.ward_code as the first ward among them. Rows are kept by position, so a change never meets its own old row
    in the (vacancy, position) constraint; the vacancy gets a new version, so its document follows."""
    current = list(vacancy.places)
    for position, place in enumerate(places):
        row = current[position] if position < len(current) else None
        if row is None:
            row = VacancyPlace(position=position)
            vacancy.places.append(row)
        row.ward_code, row.province_code = place.get("ward_code"), place.get("province_code")
    for row in current[len(places):]:
        vacancy.places.remove(row)
    vacancy.ward_code = next((place["ward_code"] for place in places if place.get("ward_code")), None)
    vacancy.updated_at = utc_now()


# Built once: every result page runs it, and building a statement costs more than SQLite takes to answer it. One
# statement for both kinds of place: each of a vacancy's places names a ward or a whole province.
PLACES = union_all(
    select(literal_column("'ward'").label("kind"), VacancyPlace.vacancy_id, VacancyPlace.position, Ward.code, Ward.name,
           Province.code, Province.name, Ward.latitude, Ward.longitude)
    .join(Ward, VacancyPlace.ward_code == Ward.code).join(Province, Ward.province_code == Province.code)
    .where(VacancyPlace.vacancy_id.in_(bindparam("ids", expanding=True))),
    select(literal_column("'province'").label("kind"), VacancyPlace.vacancy_id, VacancyPlace.position, Province.code,
           Province.name, Province.code, Province.name, Province.latitude, Province.longitude)
    .join(Province, VacancyPlace.province_code == Province.code)
    .where(VacancyPlace.vacancy_id.in_(bindparam("ids", expanding=True))),
)


def places_of(vacancy_ids):
    """{vacancy id: [place view, in order]}, in one query for any number of vacancies, run on the session's
    connection (columns need none of the ORM's work on results)."""
    found = defaultdict(list)
    if not vacancy_ids:
        return found
    positioned = defaultdict(list)
    for kind, vacancy_id, position, *view in db.session.connection().execute(PLACES, {"ids": list(vacancy_ids)}):
        positioned[vacancy_id].append((position, place_view(kind, *view)))
    for vacancy_id, places in positioned.items():
        found[vacancy_id] = [view for _position, view in sorted(places, key=lambda item: item[0])]
    return found


def nearest(centre, places):
    """(the place nearest the centre, its distance in km to one decimal), or (None, None) without a centre or places."""
    measured = [(distance_km(centre, (place["latitude"], place["longitude"])), place) for place in places
                if place["latitude"] is not None] if centre else []
    if not measured:
        return None, None
    km, place = min(measured, key=lambda item: item[0])
    return place, round(km, 1)


def with_document_places(rows):
    """Each vacancy row with what its search document says of its places: the wards where the work may be (a whole
    province: every ward of it, so that a ward filter within it finds it), their provinces, each place's point (a
    province's centre for a whole province) and the names searchable as text, among them the former district and
    province names of the old wards a ward took in ("Hải Dương" for a ward of today's Hải Phòng)."""
    places = places_of([row["id"] for row in rows])
    wards = {place["code"] for row in rows for place in places[row["id"]] if place["kind"] == "ward"}
    short_names = dict(db.session.execute(select(Ward.code, Ward.short_name).where(Ward.code.in_(wards))).all())
    short_names |= {province.code: province.short_name for province in place_service.list_provinces()}
    former = defaultdict(dict)
    for code, district, province in db.session.execute(
        select(LegacyWard.ward_code, LegacyWard.district_name, LegacyWard.province_name).where(LegacyWard.ward_code.in_(wards))
        .distinct()
    ):
        former[code].update(dict.fromkeys((district, province)))
    whole = {place["code"] for row in rows for place in places[row["id"]] if place["kind"] == "province"}
    province_wards = defaultdict(list)
    for code, province in db.session.execute(select(Ward.code, Ward.province_code).where(Ward.province_code.in_(whole))):
        province_wards[province].append(code)
    for row in rows:
        ward_codes, province_codes, names, locations = [], [], {}, []
        for place in places[row["id"]]:
            province_codes.append(place["province_code"])
            locations.append((place["latitude"], place["longitude"]))
            if place["kind"] == "ward":
                ward_codes.append(place["code"])
                names.update(dict.fromkeys((short_names.get(place["code"]), short_names.get(place["province_code"]))))
                names.update(former[place["code"]])
            else:
                ward_codes.extend(province_wards[place["code"]])
                names[short_names.get(place["code"])] = None
        row.update(ward_code=sorted(set(ward_codes)), province_code=sorted(set(province_codes)), locations=locations,
                   place_names=[name for name in names if name])
    return rows


def places_named(cell):
    """The places a spreadsheet cell (or a batch's "place") names, as codes, and why any part is not understood: parts
    separated by ";" or new lines, each a ward or province code, a province by its name ("Hà Nội", "TP.HCM": the whole
    province), or a ward as the place resolver reads it (services/place.ward_named)."""
    codes, problems = [], []
    for part in filter(None, (part.strip() for part in CELL_SEPARATOR.split(cell or ""))):
        code, problem = _place_named(part)
        if code:
            codes.append(code)
        else:
            problems.append(problem)
    return codes, problems


def _place_named(text):
    if text in {province.code for province in place_service.list_provinces()}:
        return text, None
    if "," not in text:
        provinces = {item["code"] for item in place_service.resolve_place_name(text)["items"] if item["kind"] == "province"}
        if len(provinces) == 1:
            return provinces.pop(), None
    return place_service.ward_named(text)
