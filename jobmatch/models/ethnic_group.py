"""The 54 ethnic groups of Viet Nam with the General Statistics Office's codes (01 Kinh … 54 Rơ-măm)."""
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from jobmatch.extensions import db

MAJORITY_CODE = "01"  # Kinh: every other group is an ethnic minority


class EthnicGroup(db.Model):
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
