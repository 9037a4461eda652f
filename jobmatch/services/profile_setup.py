"""A job seeker's own profile from signing up: made with a name and a way to sign in, then filled in a short step at a
time (schemas/job_seeker.py PROFILE_STEPS), each step saved as the person goes."""
from jobmatch.extensions import db
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.schemas.job_seeker import PROFILE_STEPS
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services.authorization import authorize

# What choosing who sees the profile in the last step agrees to (the choice's words say so): a public profile is
# listed anonymously to employers and shown in full to those the person applies or is referred to; an anonymous one
# is only listed. The consents page then shows the boxes ticked, and the person can untick them there.
CONSENTS_OF_VISIBILITY = {"public": ("show_profile", "anonymous_listing"), "anonymous": ("anonymous_listing",), "hidden": ()}


def new_own_profile(*, fields):
    """The profile a person makes for themselves at sign-up, added to the session (the calling use case commits and
    adds the account): a name and perhaps a phone number; the rest follows a step at a time from the first, and the
    centre serving the person with the ward they give (job_seeker.update_profile)."""
    job_seeker = JobSeeker(setup_step=1, **fields)
    db.session.add(job_seeker)
    db.session.flush()
    return job_seeker


def save_step(*, actor, job_seeker_id, number, changes):
    """One step of the profile saved, under update_profile's rules (no changes: the step is skipped, and keeps what it
    had); choosing a public or anonymous profile gives the consents that choice means (CONSENTS_OF_VISIBILITY). The
    person comes back to the step after the furthest they reached, and to none once they have been through the last;
    a profile already through them stays so, whichever step its owner saves again."""
    job_seeker = job_seeker_service.get_profile(actor=actor, job_seeker_id=job_seeker_id)
    in_force = job_seeker_service.active_consents(job_seeker.id)
    agreed = CONSENTS_OF_VISIBILITY.get(changes.get("visibility"), ())
    if agreed:
        authorize(actor, "consent.change", job_seeker)
    for purpose in agreed:
        if purpose not in in_force:  # committed with the step by update_profile, or not at all
            job_seeker_service.give_consent(actor=actor, job_seeker=job_seeker, purpose=purpose)
    reached = job_seeker.setup_step
    coming_back_to = None if reached is None or number >= len(PROFILE_STEPS) else max(reached, number + 1)
    return job_seeker_service.update_profile(
        actor=actor, job_seeker_id=job_seeker.id, changes={**changes, "setup_step": coming_back_to}
    )
