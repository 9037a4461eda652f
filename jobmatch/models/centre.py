"""Employment service centres (trung tâm dịch vụ việc làm); each officer works for one."""
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from jobmatch.extensions import db


class Centre(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"), index=True)

    province = relationship("Province", lazy="joined")
