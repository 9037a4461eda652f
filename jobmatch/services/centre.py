"""Employment service centres: listed for pickers, created by administrators."""
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.centre import Centre
from jobmatch.models.place import Province
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.transaction import commit


def list_centres():
    return db.session.scalars(select(Centre).order_by(Centre.name)).all()


def create_centre(*, province_code, name):
    """A centre in a province; operators run it from the command line (`flask accounts create-centre`)."""
    if db.session.get(Province, province_code) is None:
        raise InvalidRequest("province_code", _("There is no province with code %(code)s.", code=province_code))
    centre = Centre(province_code=province_code, name=name.strip())
    db.session.add(centre)
    commit()
    return centre
