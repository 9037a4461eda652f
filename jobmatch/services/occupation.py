"""ISCO-08 groups and ESCO occupations: loading the reference lists shipped in jobmatch/reference_data."""
import csv
from pathlib import Path

from flask import current_app
from sqlalchemy import insert, select

from jobmatch.extensions import db
from jobmatch.models.occupation import EscoOccupation, IscoGroup

REFERENCE_DATA = Path(__file__).resolve().parent.parent / "reference_data"


def load_occupations():
    """Load the shipped ISCO-08 groups and ESCO occupations, once; returns counts, or None when already loaded."""
    if db.session.scalar(select(db.func.count()).select_from(IscoGroup)):
        return None
    with open(REFERENCE_DATA / "isco08.csv", newline="", encoding="utf-8") as groups_file:
        groups = list(csv.DictReader(groups_file))
    with open(REFERENCE_DATA / "esco_occupations.csv", newline="", encoding="utf-8") as occupations_file:
        occupations = [
            {"code": row["esco_code"], "isco_code": row["isco_code"], "label_en": row["label_en"], "alt_labels": row["alt_labels"]}
            for row in csv.DictReader(occupations_file)
        ]
    db.session.execute(insert(IscoGroup), groups)
    db.session.execute(insert(EscoOccupation), occupations)
    db.session.commit()
    return {"isco_groups": len(groups), "esco_occupations": len(occupations)}


def major_group_labels():
    """{code: (Vietnamese label, English label)} of the ten ISCO major groups, read once per app."""
    cached = current_app.extensions.get("isco_major_group_labels")
    if cached is None:
        groups = db.session.scalars(select(IscoGroup).where(db.func.length(IscoGroup.code) == 1))
        cached = {group.code: (group.label_vi, group.label_en) for group in groups}
        current_app.extensions["isco_major_group_labels"] = cached
    return cached


def unit_group_codes():
    """The 436 four-digit ISCO-08 unit groups, read once per app: vacancies and profiles name occupations at this level."""
    cached = current_app.extensions.get("isco_unit_group_codes")
    if cached is None:
        cached = frozenset(db.session.scalars(select(IscoGroup.code).where(db.func.length(IscoGroup.code) == 4)))
        current_app.extensions["isco_unit_group_codes"] = cached
    return cached


def unit_groups_by_major():
    """[(major group label, [(code, label)])] of the unit groups, for occupation pickers, in both languages, read once."""
    cached = current_app.extensions.get("isco_unit_groups_by_major")
    if cached is None:
        groups = db.session.scalars(select(IscoGroup).order_by(IscoGroup.code)).all()
        majors = {group.code: group for group in groups if len(group.code) == 1}
        cached = []
        for major_code, major in majors.items():
            units = [(group.code, group.label_vi, group.label_en) for group in groups if len(group.code) == 4 and group.code[0] == major_code]
            cached.append(((major.label_vi, major.label_en), units))
        current_app.extensions["isco_unit_groups_by_major"] = cached
    return cached


def group_labels(codes):
    """{code: (Vietnamese label, English label)} of these ISCO groups, at any level."""
    if not codes:
        return {}
    groups = db.session.scalars(select(IscoGroup).where(IscoGroup.code.in_(list(codes))))
    return {group.code: (group.label_vi, group.label_en) for group in groups}
