"""Employment service centres: listed for pickers, created by administrators."""
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.centre import Centre


def list_centres():
    return db.session.scalars(select(Centre).order_by(Centre.name)).all()
