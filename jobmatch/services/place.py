"""Administrative units: loading them from vietnamadminunits, and turning a place name into wards to search."""
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import insert, or_, select
from vietnamadminunits import convert_address
from vietnamadminunits.database import get_data

from jobmatch.extensions import db
from jobmatch.models.place import LegacyWard, Province, Ward
from jobmatch.services.errors import InvalidRequest
from search.folding import fold_key

PROVINCE_PREFIXES = ("thanhpho", "tinh")


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

    A legacy name resolves to every current ward that took in part of it, so "Hải Dương" finds work in what is now Hải Phòng.
    """
    key = _strip_prefix(fold_key(text))
    province = db.session.scalar(select(Province).where(Province.name_key == key))
    if province:
        return PlaceFilter(label=province.name, province_code=province.code)
    legacy_province = db.session.execute(
        select(LegacyWard.province_name).where(LegacyWard.province_key == key).limit(1)
    ).scalar()
    if legacy_province:
        codes = db.session.scalars(select(LegacyWard.ward_code).where(LegacyWard.province_key == key).distinct()).all()
        return PlaceFilter(label=legacy_province, ward_codes=sorted(codes))
    legacy_district = db.session.execute(
        select(LegacyWard.district_name, LegacyWard.province_name).where(LegacyWard.district_key == key).limit(1)
    ).first()
    if legacy_district:
        codes = db.session.scalars(select(LegacyWard.ward_code).where(LegacyWard.district_key == key).distinct()).all()
        return PlaceFilter(label=f"{legacy_district[0]}, {legacy_district[1]}", ward_codes=sorted(codes))
    wards = db.session.scalars(select(Ward).where(or_(Ward.name_key == key, Ward.name_key == fold_key(text)))).all()
    if wards:
        return PlaceFilter(label=", ".join(ward.label for ward in wards[:3]), ward_codes=[ward.code for ward in wards])
    raise InvalidRequest("place", _("No province, ward or former place is called “%(place)s”.", place=text))


def _strip_prefix(key):
    for prefix in PROVINCE_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix):]
    return key


def ward_by_code(code):
    ward = db.session.get(Ward, code)
    if ward is None:
        raise InvalidRequest("ward", _("There is no ward with code %(code)s.", code=code))
    return ward


def list_provinces():
    return db.session.scalars(select(Province).order_by(Province.name_key)).all()
