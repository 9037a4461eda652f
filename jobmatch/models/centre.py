"""Employment service centres (trung tâm dịch vụ việc làm); each officer works for one. A centre states how people
reach it (phone as E.164, e-mail, address, opening hours) and in how many working days it verifies a company."""
from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db

DEFAULT_VERIFICATION_WORKING_DAYS = 3


class Centre(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"), index=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str | None] = mapped_column(String(300))
    opening_hours: Mapped[str | None] = mapped_column(String(200))
    verification_working_days: Mapped[int] = mapped_column(
        Integer, default=DEFAULT_VERIFICATION_WORKING_DAYS, server_default=str(DEFAULT_VERIFICATION_WORKING_DAYS)
    )

    province = relationship("Province", lazy="joined")
