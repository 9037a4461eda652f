"""Support schemes as administrators keep them: each scheme with its dated versions, and a new version written from the
one in force today. A version is never changed afterwards, so a claim keeps the rules it was judged under."""
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.support import SupportScheme, SupportSchemeVersion
from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.services import audit
from jobmatch.services.authorization import authorize
from jobmatch.services.errors import InvalidRequest, NotFound
from jobmatch.services.transaction import commit


def list_schemes(*, actor):
    """Every scheme, by code, its versions oldest first."""
    authorize(actor, "support_scheme.edit")
    return db.session.scalars(select(SupportScheme).order_by(SupportScheme.code)).all()


def get_scheme(*, actor, code):
    authorize(actor, "support_scheme.edit")
    scheme = db.session.scalar(select(SupportScheme).where(SupportScheme.code == code))
    if scheme is None:
        raise NotFound("support_scheme", code)
    return scheme


def base_version(scheme, day=None):
    """The version a new one starts from: the one in force on the day (today), else the first, not yet in force."""
    day = day or vietnam_today()
    in_force = [version for version in scheme.versions if version.valid_from <= day]
    return in_force[-1] if in_force else scheme.versions[0]


def add_version(*, actor, code, fields):
    """An administrator records a new version of a scheme from its day on: it starts from the version in force today
    (its programmes and conditions, and the items kept), with the caps (each group's too), names, sources and what is
    unconfirmed as written. Its day comes after every existing version's, so no claim already judged
    changes; an item the scheme did not have is refused. Audited."""
    scheme = get_scheme(actor=actor, code=code)
    latest = scheme.versions[-1]
    if fields["valid_from"] <= latest.valid_from:
        raise InvalidRequest("valid_from", _("Choose a day after %(day)s, the day the latest version took effect.",
                                             day=day_text(latest.valid_from)))
    base = base_version(scheme)
    known = {item["code"]: item for item in base.rules["items"]}
    items = []
    for written in fields["items"]:
        if written["code"] not in known:
            raise InvalidRequest("items", _("This scheme has no item %(code)s.", code=written["code"]))
        item = {**known[written["code"]], "cap_vnd": written["cap_vnd"], "unconfirmed": written["unconfirmed"]}
        if item.get("cap_by_category"):  # a group's cap emptied: the group is paid up to the item's own cap
            item["cap_by_category"] = {key: written["caps_by_category"][key] for key in item["cap_by_category"]
                                       if key in written["caps_by_category"]}
        items.append(item)
    version = SupportSchemeVersion(
        scheme=scheme, valid_from=fields["valid_from"], name_vi=fields["name_vi"], name_en=fields["name_en"],
        rules={**base.rules, "categories": list(fields["categories"]), "items": items}, sources=fields["sources"],
        unconfirmed=fields["unconfirmed"], created_by_id=actor.id,
    )
    db.session.add(version)
    db.session.flush()
    audit.record(action="support_scheme.version", actor=actor, subject_type="support_scheme_version", subject_id=version.id)
    commit()
    return version
