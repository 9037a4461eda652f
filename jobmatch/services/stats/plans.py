"""Yearly plans: the targets a centre or a province sets itself, and reading them back."""
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.centre import Centre
from jobmatch.models.place import Province
from jobmatch.models.stats import Plan
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.transaction import commit


def yearly_targets(*, year, area_kind, area_code):
    """The targets set for one area and year: {target: value}."""
    return {plan.target: plan.value for plan in db.session.scalars(
        select(Plan).where(Plan.year == year, Plan.area_kind == area_kind, Plan.area_code == area_code)
    )}


def set_plan(*, actor, area_kind, area_code, fields):
    """Set (or change) one yearly target of a centre (its officers or an administrator) or a province (an
    administrator)."""
    if area_kind == "centre":
        authorize(actor, "plan.set_centre", find_for(actor, Centre, area_code))
    else:
        authorize(actor, "plan.set_province", find_for(actor, Province, area_code))
    plan = db.session.scalar(select(Plan).where(
        Plan.year == fields["year"], Plan.area_kind == area_kind, Plan.area_code == str(area_code), Plan.target == fields["target"]
    )) or Plan(year=fields["year"], area_kind=area_kind, area_code=str(area_code), target=fields["target"])
    plan.value = fields["value"]
    plan.set_by_id = actor.id
    db.session.add(plan)
    commit()
    return plan
