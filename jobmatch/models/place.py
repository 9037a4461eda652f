"""Administrative units: the 34 provinces and 3,321 wards in force since 1 July 2025, and legacy wards mapped to them."""
from flask import current_app
from sqlalchemy import Float, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import REFERENCE_DATA, db


class Province(db.Model):
    __table_args__ = {"info": REFERENCE_DATA}

    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100), index=True)  # folded short name, e.g. "haiphong"
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)


class Ward(db.Model):
    __table_args__ = {"info": REFERENCE_DATA}

    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(String(100), index=True)
    ward_type: Mapped[str] = mapped_column(String(20))
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)

    province: Mapped[Province] = relationship(lazy="joined")

    @property
    def label(self):
        return f"{self.name}, {self.province.name}"


class LegacyWard(db.Model):
    __table_args__ = {"info": REFERENCE_DATA}

    """A ward of the 63-province map before July 2025 and the ward it now lies in."""

    code: Mapped[str] = mapped_column(String(5), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    district_name: Mapped[str] = mapped_column(String(100))
    district_key: Mapped[str] = mapped_column(String(100), index=True)
    province_name: Mapped[str] = mapped_column(String(100))
    province_key: Mapped[str] = mapped_column(String(100), index=True)
    ward_code: Mapped[str] = mapped_column(ForeignKey("ward.code"), index=True)


def ward_codes():
    """Every current ward code, read once per app: forms and the API check codes against it."""
    cached = current_app.extensions.get("ward_codes")
    if cached is None:
        cached = frozenset(db.session.scalars(select(Ward.code)))
        current_app.extensions["ward_codes"] = cached
    return cached
