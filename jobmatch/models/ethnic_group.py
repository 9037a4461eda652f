"""The 54 ethnic groups of Viet Nam with the General Statistics Office's codes (01 Kinh … 54 Rơ-măm)."""
from flask import current_app
from sqlalchemy import String, select
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import REFERENCE_DATA, db

MAJORITY_CODE = "01"  # Kinh: every other group is an ethnic minority


class EthnicGroup(db.Model):
    __table_args__ = {"info": REFERENCE_DATA}

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(50))


def ethnic_group_names():
    """{code: name}, read once per app."""
    cached = current_app.extensions.get("ethnic_group_names")
    if cached is None:
        cached = {group.code: group.name for group in db.session.scalars(select(EthnicGroup).order_by(EthnicGroup.code))}
        current_app.extensions["ethnic_group_names"] = cached
    return cached
