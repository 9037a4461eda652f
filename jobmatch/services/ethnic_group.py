"""The ethnic-group reference list shipped in jobmatch/reference_data/ethnic_groups.csv."""
import csv

from sqlalchemy import insert, select

from jobmatch.extensions import db
from jobmatch.models.ethnic_group import EthnicGroup
from jobmatch.services.occupation import REFERENCE_DATA


def load_ethnic_groups():
    """Load the 54 groups once; returns the count, or None when already loaded."""
    if db.session.scalar(select(db.func.count()).select_from(EthnicGroup)):
        return None
    with open(REFERENCE_DATA / "ethnic_groups.csv", newline="", encoding="utf-8") as groups_file:
        groups = list(csv.DictReader(groups_file))
    db.session.execute(insert(EthnicGroup), groups)
    db.session.commit()
    return len(groups)


