"""Overseas programmes and their versions: look-up by code, an administrator's edits, the reference data, area bans."""
import json
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from jobmatch import labels
from jobmatch.extensions import db
from jobmatch.models.overseas import Programme, ProgrammeVersion
from jobmatch.models.place import LegacyWard, ward_codes
from jobmatch.rules.clock import as_vietnam_time
from jobmatch.rules.overseas import active_bans
from jobmatch.schemas.overseas import ProgrammeWriteSchema
from jobmatch.services import place as place_service
from jobmatch.services.authorization import authorize
from jobmatch.services.errors import InvalidRequest, NotFound
from jobmatch.services.transaction import commit

REFERENCE_PROGRAMMES = Path(__file__).resolve().parents[2] / "reference_data" / "overseas_programmes.json"


def list_programmes():
    """Every programme with its versions (the last is in force), by code."""
    return db.session.scalars(select(Programme).options(selectinload(Programme.versions)).order_by(Programme.code)).all()


def programme_choices():
    """[(code, "code – name")] of every programme, for forms and filters."""
    return [(code, f"{code} – {labels.localized(*names)}") for code, names in programme_names().items()]


# Built once: every search labels its facets with these names.
PROGRAMME_NAMES = (
    select(Programme.code, ProgrammeVersion.name_vi, ProgrammeVersion.name_en)
    .join(ProgrammeVersion, ProgrammeVersion.programme_id == Programme.id)
    .order_by(Programme.code, ProgrammeVersion.number)
)


def programme_names():
    """{code: (name_vi, name_en)} of every programme's version in force, by code: columns, not objects."""
    rows = db.session.connection().execute(PROGRAMME_NAMES)
    return {code: (name_vi, name_en) for code, name_vi, name_en in rows}  # the last version of each wins


def version_on(programme, day):
    """The version in force on a day (Vietnam's): the last saved by its end; the first for a day before any."""
    in_force = [version for version in programme.versions if as_vietnam_time(version.created_at).date() <= day]
    return in_force[-1] if in_force else programme.versions[0]


def programme_codes():
    return set(db.session.scalars(select(Programme.code)))


def find_programme(code):
    """The programme with this code, or None."""
    return db.session.scalar(select(Programme).where(Programme.code == code)) if code else None


def get_programme(*, code):
    programme = find_programme(code)
    if programme is None:
        raise NotFound("programme", code)
    return programme


def programme_version(*, code, number=None):
    """A programme's version in force, or its version `number`; 404 when either does not exist."""
    programme = get_programme(code=code)
    if number is None:
        return programme.current
    version = next((version for version in programme.versions if version.number == number), None)
    if version is None:
        raise NotFound("programme_version", number)
    return version


def programme_rules(code):
    """The rules in force of the programme with this code, or None (no programme, or an unknown code)."""
    programme = find_programme(code)
    return programme.current.rules if programme else None


def programme_by_code(code, *, field="programme"):
    """The programme with this code, or a refusal naming the field: codes are never guessed."""
    programme = find_programme(code)
    if programme is None:
        raise InvalidRequest(field, _("There is no overseas programme with code “%(code)s”.", code=code))
    return programme


def area_bans_in_force(programme_code, today):
    """The programme's area bans in force today (none for an unknown or missing programme)."""
    programme = find_programme(programme_code)
    return active_bans(programme.current.rules.get("area_bans"), today) if programme else []


def _json_rules(rules):
    """The validated rules as they are stored: dates as ISO strings."""
    bans = [
        {**ban, "starts_on": ban["starts_on"].isoformat(), "ends_on": ban["ends_on"].isoformat() if ban.get("ends_on") else None}
        for ban in rules.get("area_bans") or []
    ]
    return {**rules, "area_bans": bans}


def _check_ban_areas(rules):
    """Each ban names a province or a ward that exists; a refusal names the ban (rules.area_bans.<n>.<field>)."""
    provinces = {province.code for province in place_service.list_provinces()}
    for index, ban in enumerate(rules.get("area_bans") or []):
        if ban.get("province_code") and ban["province_code"] not in provinces:
            raise InvalidRequest(f"rules.area_bans.{index}.province_code",
                                 _("There is no province with code %(code)s.", code=ban["province_code"]))
        if ban.get("ward_code") and ban["ward_code"] not in ward_codes():
            raise InvalidRequest(f"rules.area_bans.{index}.ward_code", _("There is no ward with code %(code)s.", code=ban["ward_code"]))


def save_programme(*, actor, fields):
    """Create a programme or record a new version of it (an administrator); versions are never changed afterwards, so
    a case opened under one can still be explained. The destination belongs to the programme and does not change."""
    authorize(actor, "programme.edit")
    _check_ban_areas(fields["rules"])
    programme = find_programme(fields["code"])
    if programme is None:
        programme = Programme(code=fields["code"], destination_country=fields["destination_country"])
        db.session.add(programme)
        number = 1
    elif programme.destination_country != fields["destination_country"]:
        raise InvalidRequest("destination_country", _("A programme's destination cannot change: create another programme."))
    else:
        number = programme.current.number + 1
    _add_version(programme, number, fields, created_by_id=actor.id)
    commit()
    return programme


def _add_version(programme, number, fields, *, created_by_id=None):
    db.session.add(ProgrammeVersion(
        programme=programme, number=number, name_vi=fields["name_vi"], name_en=fields["name_en"], sectors=fields["sectors"],
        stages=fields["stages"], rules=_json_rules(fields["rules"]), sources=fields["sources"], note=fields["note"],
        created_by_id=created_by_id,
    ))


def _resolve_legacy_districts(bans):
    """Bans given by a pre-2025 district become bans of each current ward that took in part of it."""
    resolved = []
    for ban in bans:
        if "legacy_district" not in ban:
            resolved.append(ban)
            continue
        wards = db.session.scalars(select(LegacyWard.ward_code).distinct().where(
            LegacyWard.province_key == ban["legacy_province"], LegacyWard.district_key == ban["legacy_district"]
        ).order_by(LegacyWard.ward_code))
        rest = {key: value for key, value in ban.items() if key not in ("legacy_province", "legacy_district")}
        resolved += [{**rest, "ward_code": ward_code} for ward_code in wards]
    return resolved


def load_programmes(path=REFERENCE_PROGRAMMES):
    """Add the reference programmes that do not exist yet (an administrator's later edits are kept); returns how many."""
    existing = programme_codes()
    added = 0
    for data in json.loads(Path(path).read_text(encoding="utf-8"))["programmes"]:
        if data["code"] in existing:
            continue
        data["rules"]["area_bans"] = _resolve_legacy_districts(data["rules"]["area_bans"])
        fields = ProgrammeWriteSchema().load(data)
        programme = Programme(code=fields["code"], destination_country=fields["destination_country"])
        db.session.add(programme)
        _add_version(programme, 1, fields)
        added += 1
    commit()
    return added
