"""ISCO-08 groups and ESCO occupations: loading the reference lists shipped in jobmatch/reference_data."""
import csv
from pathlib import Path

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


def major_groups():
    return db.session.scalars(select(IscoGroup).where(db.func.length(IscoGroup.code) == 1).order_by(IscoGroup.code)).all()
