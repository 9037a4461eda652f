"""ISCO-08 occupation groups (VSCO 2020 follows them) with Vietnamese labels, and ESCO occupations under them."""
from flask import current_app
from sqlalchemy import ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import REFERENCE_DATA, db


class IscoGroup(db.Model):
    __table_args__ = {"info": REFERENCE_DATA}

    code: Mapped[str] = mapped_column(String(4), primary_key=True)  # 1 digit: major group … 4 digits: unit group
    label_vi: Mapped[str] = mapped_column(String(300))
    label_en: Mapped[str] = mapped_column(String(300))


class EscoOccupation(db.Model):
    __table_args__ = {"info": REFERENCE_DATA}

    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    isco_code: Mapped[str] = mapped_column(ForeignKey("isco_group.code"), index=True)
    label_en: Mapped[str] = mapped_column(String(300))
    alt_labels: Mapped[str] = mapped_column(Text, default="")  # separated by "|"


def unit_group_codes():
    """The 436 four-digit ISCO-08 unit groups, read once per app: vacancies and profiles name occupations at this level."""
    cached = current_app.extensions.get("isco_unit_group_codes")
    if cached is None:
        cached = frozenset(db.session.scalars(select(IscoGroup.code).where(db.func.length(IscoGroup.code) == 4)))
        current_app.extensions["isco_unit_group_codes"] = cached
    return cached
