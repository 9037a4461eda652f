"""Citizen IDs a job seeker gives on their own profile: counted, audited, and, when another profile holds the ID, kept
for their centre's review instead of announced, so that nobody can test whose ID is registered."""
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.services import audit, throttle
from jobmatch.services.authorization import authorize, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.transaction import commit, taken


def holder_id(citizen_id):
    """The profile that holds this citizen ID, or None."""
    return db.session.scalar(select(JobSeeker.id).where(JobSeeker.citizen_id == citizen_id))


def give_own(*, job_seeker, citizen_id, actor=None):
    """The person gives their citizen ID on their own profile (the calling use case commits): later by its account
    (actor), or at sign-up (no actor yet: sign-ups are limited per client address). A free ID becomes the profile's;
    one another profile holds is kept under review for the centre, and the person is answered the same way: they see
    the ID as they gave it (JobSeeker.citizen_id_as_given). A change is counted per account against
    RATELIMIT_CITIZEN_ID_CHANGE (TooManyAttempts) and audited either way."""
    if citizen_id == job_seeker.citizen_id_as_given:
        return
    if actor is not None:
        throttle.count_check("citizen_id_change", actor.id, "RATELIMIT_CITIZEN_ID_CHANGE")
    holder = holder_id(citizen_id)
    if holder is None or holder == job_seeker.id:
        job_seeker.citizen_id, job_seeker.citizen_id_under_review = citizen_id, None
        action = "citizen_id_changed"
    else:
        job_seeker.citizen_id_under_review = citizen_id
        action = "citizen_id_held_for_review"
    audit.record(action=action, actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)


def require_for_service(*, actor, job_seeker, citizen_id):
    """A service that must know who the person is (verifying a priority status, an overseas programme) asks for the
    citizen ID only then: the profile's, or the one given with the request, the person's own as give_own takes it, an
    officer's, read from the card, refused when another profile holds it. InvalidRequest naming citizen_id when there
    is none. The calling use case commits."""
    if citizen_id is None:
        if job_seeker.citizen_id_as_given is None:
            raise InvalidRequest("citizen_id", _("This needs the citizen ID: the 12 digits on the CCCD card."))
        return
    if actor.role == "job_seeker":
        give_own(actor=actor, job_seeker=job_seeker, citizen_id=citizen_id)
    elif citizen_id != job_seeker.citizen_id_as_given:
        if holder_id(citizen_id) not in (None, job_seeker.id):
            raise taken("uq_job_seeker_citizen_id")
        job_seeker.citizen_id, job_seeker.citizen_id_under_review = citizen_id, None
        audit.record(action="citizen_id_changed", actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)


def held_for_review(*, actor):
    """The profiles of the officer's centre whose citizen ID, as the person gave it, another profile holds: the
    officer sees the person's card and settles each one (settle_review). Read for job_seeker.records_to_check, which
    audits it."""
    authorize(actor, "job_seeker.list_centre")
    return db.session.scalars(
        select(JobSeeker)
        .where(JobSeeker.centre_id == actor.centre_id, JobSeeker.citizen_id_under_review.is_not(None))
        .order_by(JobSeeker.id)
    ).all()


def settle_review(*, actor, job_seeker_id, card_shows_it):
    """An officer of the person's centre has seen the card. If it shows the ID under review, the ID becomes the
    profile's, once no other profile holds it (the holder's centre corrects that profile first); if not, the ID under
    review is dropped and the profile keeps the one it had. Audited as a change of citizen ID."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "citizen_id.review", job_seeker)
    if job_seeker.citizen_id_under_review is None:
        raise InvalidRequest("citizen_id", _("This profile has no citizen ID waiting for review."))
    if card_shows_it:
        if holder_id(job_seeker.citizen_id_under_review) not in (None, job_seeker.id):
            raise InvalidRequest(
                "citizen_id", _("Another profile still holds this citizen ID: the centre serving it must correct it first.")
            )
        job_seeker.citizen_id = job_seeker.citizen_id_under_review
    job_seeker.citizen_id_under_review = None
    audit.record(action="citizen_id_changed", actor=actor, subject_type="job_seeker", subject_id=job_seeker.id)
    commit()
    return job_seeker
