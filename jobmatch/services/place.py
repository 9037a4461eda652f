"""Administrative units: loading them from vietnamadminunits, and turning a place name into wards to search."""
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import insert, select
from vietnamadminunits import convert_address
from vietnamadminunits.database import get_data

from jobmatch.extensions import db
from jobmatch.models.place import LegacyWard, Province, Ward, ward_codes
from jobmatch.services.errors import InvalidRequest
from search.folding import fold_key
from search.gazetteer import Gazetteer, strip_unit
from search.understanding import area, understand_place


@dataclass
class PlaceFilter:
    """Where a search should look: a whole province, or a set of wards (a ward, or the wards of a legacy place)."""

    label: str
    province_code: str | None = None
    ward_codes: list = field(default_factory=list)
    places: list = field(default_factory=list)  # as understood (search/understanding.py), with each name's meanings


def load_places(*, progress=None):
    """Load the provinces, wards and legacy-ward mapping that vietnamadminunits carries, once; returns counts.

    Vacancies and profiles refer to wards, so a loaded list is kept as it is rather than replaced.
    """
    if db.session.scalar(select(db.func.count()).select_from(Ward)):
        return None
    wards = get_data(
        ["province", "provinceShort", "provinceCode", "provinceLat", "provinceLon",
         "ward", "wardShort", "wardType", "wardCode", "wardLat", "wardLon"],
        table="admin_units",
    )
    legacy = get_data(["province", "provinceShort", "district", "districtShort", "ward", "wardCode"], table="admin_units_legacy")
    provinces = {
        row["provinceCode"]: {
            "code": row["provinceCode"], "name": row["province"], "short_name": row["provinceShort"],
            "name_key": fold_key(row["provinceShort"]), "latitude": row["provinceLat"], "longitude": row["provinceLon"],
        }
        for row in wards
    }
    ward_rows = [
        {
            "code": row["wardCode"], "province_code": row["provinceCode"], "name": row["ward"],
            "short_name": row["wardShort"], "name_key": fold_key(row["wardShort"]), "ward_type": row["wardType"],
            "latitude": row["wardLat"], "longitude": row["wardLon"],
        }
        for row in wards
    ]
    legacy_rows = []
    for number, row in enumerate(legacy, start=1):
        if not row["wardCode"]:
            continue  # island districts without wards
        current = convert_address(f"{row['ward']}, {row['district']}, {row['province']}")
        if current.ward_code:
            legacy_rows.append({
                "code": row["wardCode"], "name": row["ward"], "district_name": row["district"],
                "district_key": fold_key(row["districtShort"]), "province_name": row["province"],
                "province_key": fold_key(row["provinceShort"]), "ward_code": current.ward_code,
            })
        if progress and (number % 1000 == 0 or number == len(legacy)):
            progress(number, len(legacy))
    db.session.execute(insert(Province), list(provinces.values()))
    db.session.execute(insert(Ward), ward_rows)
    db.session.execute(insert(LegacyWard), legacy_rows)
    db.session.commit()
    return {"provinces": len(provinces), "wards": len(ward_rows), "legacy_wards": len(legacy_rows)}


def resolve_place(text):
    """A place argument: a province, a current ward, a pre-July-2025 province or district, or an alias ("TP.HCM",
    "Thừa Thiên Huế", "Q1"), with or without diacritics (those typed are honoured), optionally with its province after
    a comma ("Thuận An, Bình Dương").

    A former province covers every current ward that took in part of it, so "Hải Dương" finds work in what is now Hải
    Phòng. A name with several meanings ("Long Biên": the ward and the former district) covers them all, and each is
    offered as a choice; an unknown name is refused with the nearest names.
    """
    places = understand_place(text, gazetteer())
    if places is None:
        message = _("No province, ward or former place is called “%(place)s”.", place=text)
        suggestions = gazetteer().suggestions(text)
        if suggestions:
            message = " ".join((message, _("Did you mean: %(places)s?", places=", ".join(suggestions))))
        raise InvalidRequest("place", message)
    return place_filter(places)


def place_filter(places):
    """Where understood places (search/understanding.py) say to search: one province by its code, else the wards of all
    their meanings."""
    meanings = [meaning for place in places for meaning in place["meanings"]]
    codes = area(places, gazetteer())
    # One meaning that holds all the others names the whole ("Hải Dương": the former province, with its city).
    whole = [meaning for meaning in meanings if area([{"meanings": [meaning]}], gazetteer()) == codes]
    label = meaning_label(whole[0]) if whole else ", ".join(place["name"] for place in places)
    if whole and whole[0]["kind"] == "province":
        return PlaceFilter(label=label, province_code=whole[0]["code"], places=places)
    return PlaceFilter(label=label, ward_codes=sorted(codes), places=places)


def meaning_label(meaning):
    """"Phường Long Biên, Thành phố Hà Nội"; a province or former province by its name alone."""
    return meaning["name"] if meaning["kind"] in ("province", "former_province") else f"{meaning['name']}, {meaning['province']}"


def place_argument(meaning):
    """The place argument that means exactly this: its official name, and its province after a comma."""
    if meaning["kind"] in ("province", "former_province"):
        return meaning["name"]
    return f"{meaning['name']}, {strip_unit(meaning['province'])[0]}"


def gazetteer():
    """The index of place names and aliases (search/gazetteer.py), built once per app from the reference tables."""
    cached = current_app.extensions.get("place_gazetteer")
    if cached is None:
        wards = [row._asdict() for row in db.session.execute(
            select(Ward.code, Ward.name, Ward.short_name, Ward.province_code, Ward.latitude, Ward.longitude)
        )]
        former_provinces, former_districts, former_wards = {}, {}, []
        for row in db.session.execute(select(LegacyWard.name, LegacyWard.province_name, LegacyWard.district_name, LegacyWard.ward_code)):
            former_provinces.setdefault(row.province_name, set()).add(row.ward_code)
            former_districts.setdefault((row.district_name, row.province_name), set()).add(row.ward_code)
            former_wards.append(row._asdict())
        cached = Gazetteer(
            provinces=[{"code": province.code, "name": province.name, "short_name": province.short_name}
                       for province in list_provinces()],
            wards=wards,
            former_provinces=[{"name": name, "ward_codes": codes} for name, codes in former_provinces.items()],
            former_districts=[{"name": district, "province_name": province, "ward_codes": codes}
                              for (district, province), codes in former_districts.items()],
            former_wards=[{"name": row["name"], "district_name": row["district_name"], "province_name": row["province_name"],
                           "ward_code": row["ward_code"]} for row in former_wards],
        )
        if wards:  # not before `flask reference load`
            current_app.extensions["place_gazetteer"] = cached
    return cached


def ward_by_code(code):
    ward = db.session.get(Ward, code)
    if ward is None:
        raise _no_such_ward(code)
    return ward


def _no_such_ward(code):
    return InvalidRequest("ward", _("There is no ward with code %(code)s.", code=code))


@dataclass(frozen=True)
class WardPoint:
    code: str
    province_code: str
    latitude: float | None
    longitude: float | None
    label: str  # "Phường Ba Đình, Thành phố Hà Nội"


def ward_point(code):
    """Where a ward lies and what it is called, read once per ward per app (wards never change once loaded: see
    load_places); None for a code that is no ward."""
    cache = current_app.extensions.setdefault("ward_points", {})
    point = cache.get(code)
    if point is None:
        ward = db.session.get(Ward, code)
        if ward is None:
            return None  # not kept: codes are anyone's to type
        point = cache[code] = WardPoint(ward.code, ward.province_code, ward.latitude, ward.longitude, ward.label)
    return point


def known_ward_point(code):
    """ward_point, refusing a code that is no ward as ward_by_code does."""
    point = ward_point(code)
    if point is None:
        raise _no_such_ward(code)
    return point


@dataclass(frozen=True)
class ProvinceName:
    code: str
    name: str
    short_name: str
    latitude: float | None = None
    longitude: float | None = None


def list_provinces():
    """The 34 provinces, read once per app: reference data does not change while it runs, and every search page shows them."""
    cached = current_app.extensions.get("provinces")
    if cached is None:
        rows = db.session.scalars(select(Province).order_by(Province.name_key))
        cached = [ProvinceName(row.code, row.name, row.short_name, row.latitude, row.longitude) for row in rows]
        current_app.extensions["provinces"] = cached
    return cached


def wards_of_province(province_code):
    """[(code, name)] of a province's wards in alphabetical order, read once per province per app."""
    cache = current_app.extensions.setdefault("wards_by_province", {})
    if province_code not in {province.code for province in list_provinces()}:
        return []
    if province_code not in cache:
        rows = db.session.execute(select(Ward.code, Ward.name).where(Ward.province_code == province_code).order_by(Ward.name_key))
        cache[province_code] = [(code, name) for code, name in rows]
    return cache[province_code]


def province_of_ward(ward_code):
    """The province of a ward code as a form sent it (anything at all), or None."""
    ward = db.session.get(Ward, ward_code) if ward_code in ward_codes() else None
    return ward.province_code if ward else None


def resolve_place_name(text):
    """The units a place name may mean, for integrators turning a posting's place into codes: a province or current ward,
    a pre-July-2025 province, district or ward, or an alias ("TPHCM", "HN", "BRVT", "Q1"), as the search reads a place
    argument (search/understanding.py); a former ward is looked up only when nothing else is called so. Each says
    today's province(s) and where it lies (a former unit: the centre of the wards it became, approximate). With no
    candidate, the nearest names."""
    places = gazetteer()
    meanings = [meaning for place in understand_place(text, places) or [] for meaning in place["meanings"]]
    candidates = [_candidate(meaning["kind"], meaning["name"], meaning["code"], meaning["province"], meaning["ward_codes"])
                  for meaning in meanings]
    if not candidates:
        candidates = [_candidate(former.kind, former.name, None, former.province, sorted(former.ward_codes), former.district)
                      for former in places.former_wards_named(text)]
    return {"items": candidates, "total": len(candidates), "next_after": None,
            "suggestions": [] if candidates else places.suggestions(text)}


def _candidate(kind, name, code, province_name, ward_codes, district=None):
    places = gazetteer()
    provinces = {province.code: province for province in list_provinces()}
    if kind == "province":
        province = provinces[code]
        return {"kind": kind, "name": name, "code": code, "former_province": None, "former_district": None,
                "provinces": [{"code": code, "name": province.name}], "ward_codes": [],
                "latitude": province.latitude, "longitude": province.longitude, "approximate": True}
    ward_codes = [code] if kind == "ward" else ward_codes
    today = sorted({places.ward_province[ward] for ward in ward_codes if ward in places.ward_province})
    points = [places.coordinates[ward] for ward in ward_codes if places.coordinates.get(ward, (None,))[0] is not None]
    latitude, longitude = (tuple(round(sum(axis) / len(points), 6) for axis in zip(*points, strict=True)) if points else (None, None))
    return {"kind": kind, "name": name, "code": code,
            "former_province": province_name if kind.startswith("former_") else None,
            "former_district": district,
            "provinces": [{"code": province, "name": provinces[province].name} for province in today if province in provinces],
            "ward_codes": ward_codes, "latitude": latitude, "longitude": longitude, "approximate": kind != "ward"}


def ward_named(text):
    """The one current ward a place cell names, as (code, None), or (None, why not): a ward code, a ward (or a ward
    before July 2025) by its name, with its province after a comma when the name is not unique ("Phường Ba Đình, Hà
    Nội"). A province or district alone, or a name of several wards, is not one ward."""
    text = text.strip()
    if text in ward_codes():
        return text, None
    name, _comma, province = text.rpartition(",") if "," in text else (text, "", "")
    candidates = resolve_place_name(name)["items"] if name.strip() else []
    if province.strip():
        within = {item["code"] for item in resolve_place_name(province)["items"] for item in item["provinces"]}
        candidates = [item for item in candidates if {today["code"] for today in item["provinces"]} & within]
    wards = {item["ward_codes"][0] for item in candidates if item["kind"] in ("ward", "former_ward") and len(item["ward_codes"]) == 1}
    current = {item["code"] for item in candidates if item["kind"] == "ward"}
    if len(current) == 1 or len(wards) == 1:
        return (current or wards).pop(), None
    if not candidates:
        return None, _("No ward is called “%(place)s”.", place=text)
    if len(wards) > 1:
        return None, _("Several wards are called “%(place)s”: add the province after a comma, e.g. “%(example)s”.",
                       place=text, example=f"{name.strip()}, {candidates[0]['provinces'][0]['name']}")
    return None, _("“%(place)s” is larger than a ward: name the ward where the work is.", place=text)
