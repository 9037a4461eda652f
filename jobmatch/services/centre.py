"""Employment service centres: listed for pickers, created by administrators; their contacts, kept by their officers,
and when a company registered with them can expect to be verified."""
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.centre import Centre
from jobmatch.models.place import Province
from jobmatch.rules.clock import as_vietnam_time
from jobmatch.rules.working_days import add_working_days
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.transaction import commit

CONTACT_FIELDS = ("phone", "email", "address", "opening_hours", "verification_working_days")


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


def get_centre_contacts(*, actor, centre_id):
    """The centre whose contacts the actor may edit: its own officers', any centre for an administrator."""
    centre = find_for(actor, Centre, centre_id)
    authorize(actor, "centre.edit_contacts", centre)
    return centre


def update_centre_contacts(*, actor, centre_id, fields):
    """Replace the centre's contacts with the loaded fields (a contact left out is removed)."""
    centre = get_centre_contacts(actor=actor, centre_id=centre_id)
    for name in CONTACT_FIELDS:
        setattr(centre, name, fields[name])
    commit()
    return centre


def verification_due(centre, employer):
    """The day the centre says a company it verifies will be verified: its stated working days from the day (in
    Vietnam) the company registered."""
    return add_working_days(as_vietnam_time(employer.created_at).date(), centre.verification_working_days)
