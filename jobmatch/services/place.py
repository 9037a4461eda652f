"""Administrative units: loading them from vietnamadminunits, and turning a place name into wards to search."""
import unicodedata
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import insert, select
from vietnamadminunits import convert_address
from vietnamadminunits.database import get_data

from jobmatch.extensions import db
from jobmatch.models.place import LegacyWard, Province, Ward, ward_codes
from jobmatch.services.errors import InvalidRequest
from search.folding import fold, fold_key


@dataclass
class PlaceFilter:
    """Where a search should look: a whole province, or a set of wards (a ward, or the wards of a legacy place)."""

    label: str
    province_code: str | None = None
    ward_codes: list = field(default_factory=list)


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
    """A province, a current ward, or a pre-July-2025 province or district by name, with or without diacritics.

    A former province resolves to every current ward that took in part of it, so "Hải Dương" finds work in what is
    now Hải Phòng. Current names win over former ones; a former district name shared by several provinces
    ("Châu Thành") resolves within the first of them, which the label names.
    """
    for key in place_keys(text):
        place = _lookup(key)
        if place:
            return place
    raise InvalidRequest("place", _("No province, ward or former place is called “%(place)s”.", place=text))


def _lookup(key):
    province = db.session.scalar(select(Province).where(Province.name_key == key))
    if province:
        return PlaceFilter(label=province.name, province_code=province.code)
    legacy_province = db.session.scalar(select(LegacyWard.province_name).where(LegacyWard.province_key == key).limit(1))
    if legacy_province:
        codes = db.session.scalars(select(LegacyWard.ward_code).where(LegacyWard.province_key == key).distinct()).all()
        return PlaceFilter(label=legacy_province, ward_codes=sorted(codes))
    wards = db.session.scalars(select(Ward).where(Ward.name_key == key).order_by(Ward.code)).all()
    if wards:
        return PlaceFilter(label="; ".join(ward.label for ward in wards[:3]), ward_codes=[ward.code for ward in wards])
    district = db.session.execute(
        select(LegacyWard.district_name, LegacyWard.province_name)
        .where(LegacyWard.district_key == key)
        .order_by(LegacyWard.province_name)
        .limit(1)
    ).first()
    if district:
        codes = db.session.scalars(
            select(LegacyWard.ward_code)
            .where(LegacyWard.district_key == key, LegacyWard.province_name == district.province_name)
            .distinct()
        ).all()
        return PlaceFilter(label=f"{district.district_name}, {district.province_name}", ward_codes=sorted(codes))
    return None


# Words naming the kind of unit, as typed with diacritics and without; "Tịnh Biên" is a name, "Tỉnh Biên" is not.
UNIT_WORDS = [("thành", "phố"), ("thị", "xã"), ("thị", "trấn"), ("đặc", "khu"), ("tỉnh",), ("tp",), ("phường",), ("xã",),
              ("quận",), ("huyện",)]


def place_keys(text):
    """Folded look-up keys for a place name, without its unit word first: "Tỉnh Hải Dương" → ["haiduong", "tinhhaiduong"].

    Typed without diacritics, "tinh bien" may be the province word or the town Tịnh Biên, so both keys are tried.
    """
    words = unicodedata.normalize("NFC", text).lower().replace(".", " ").split()
    keys = []
    for unit in UNIT_WORDS:
        for form in (unit, tuple(fold(word) for word in unit)):
            if tuple(words[: len(form)]) == form and len(words) > len(form):
                keys.append(fold_key(" ".join(words[len(form):])))
    keys.append(fold_key(" ".join(words)))
    return list(dict.fromkeys(keys))


def ward_by_code(code):
    ward = db.session.get(Ward, code)
    if ward is None:
        raise InvalidRequest("ward", _("There is no ward with code %(code)s.", code=code))
    return ward


@dataclass(frozen=True)
class ProvinceName:
    code: str
    name: str
    short_name: str


def list_provinces():
    """The 34 provinces, read once per app: reference data does not change while it runs, and every search page shows them."""
    cached = current_app.extensions.get("provinces")
    if cached is None:
        rows = db.session.scalars(select(Province).order_by(Province.name_key))
        cached = [ProvinceName(row.code, row.name, row.short_name) for row in rows]
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
