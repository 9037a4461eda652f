"""Where a vacancy's work is: up to MAX_PLACES places, each a ward or, when a posting names only the province, a whole province."""
from sqlalchemy import CheckConstraint, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db

MAX_PLACES = 10


class VacancyPlace(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # from 0, in the order the employer gave them
    ward_code: Mapped[str | None] = mapped_column(ForeignKey("ward.code"), index=True)
    # A whole province: the posting names no ward ("Hà Nội"); distances to it are from the province's centre, approximate.
    province_code: Mapped[str | None] = mapped_column(ForeignKey("province.code"), index=True)

    ward = relationship("Ward", lazy="joined")
    province = relationship("Province", lazy="joined")

    __table_args__ = (
        CheckConstraint("(ward_code IS NULL) <> (province_code IS NULL)", name="ward_or_province"),
        UniqueConstraint("vacancy_id", "position", name="uq_vacancy_place_position"),
    )

    @property
    def code(self):
        return self.ward_code or self.province_code

    def view(self):
        if self.ward is not None:
            ward = self.ward
            return place_view("ward", ward.code, ward.name, ward.province_code, ward.province.name, ward.latitude, ward.longitude)
        province = self.province
        return place_view("province", province.code, province.name, province.code, province.name, province.latitude,
                          province.longitude)


def place_view(kind, code, name, province_code, province_name, latitude, longitude):
    """A place as pages and the API show it; a whole province lies at its centre, which is only approximately the work's."""
    return {"kind": kind, "code": code, "name": name, "province_code": province_code, "province_name": province_name,
            "latitude": latitude, "longitude": longitude, "approximate": kind == "province"}
