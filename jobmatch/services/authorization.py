"""The one authorization layer: what each role may do to which object. Pages and API reach it through the services.

Each rule takes the acting account (or None for an anonymous visitor) and the object, and says yes or no. By role:
only the named roles pass. By object: an employer reaches only its own company, vacancies and their applications; an
officer only the job seekers of their centre (and what hangs off them: priority statuses, applications, placements).
By field: ethnicity and poverty status reach only the person and their centre's officers ("priority_status.read"); the
schemas an employer's answers use (CandidateSchema) carry no such field.
"""
from jobmatch.extensions import db
from jobmatch.models.place import Ward
from jobmatch.rules.clock import vietnam_today
from jobmatch.services.errors import NotFound, PermissionRefused, SignInRequired


def _role(actor, *roles):
    return _signed_in(actor) and actor.role in roles


def _is_self(actor, job_seeker):
    return _role(actor, "job_seeker") and actor.job_seeker_id == job_seeker.id


def _serves(actor, job_seeker):
    """An officer of the centre that serves this job seeker."""
    return _role(actor, "officer") and job_seeker.centre_id is not None and actor.centre_id == job_seeker.centre_id


def _acts_for(actor, job_seeker):
    """An officer of the person's centre, while there is a person: nothing more is done on a profile whose owner deleted
    their account (its records stay, anonymous, for the statistics and the employer)."""
    return _serves(actor, job_seeker) and job_seeker.anonymized_at is None


def _owns_vacancy(actor, vacancy):
    return _role(actor, "employer") and actor.employer_id == vacancy.employer_id


def _in_centre_province(actor, ward_code):
    ward = db.session.get(Ward, ward_code) if ward_code else None
    return ward is not None and ward.province_code == actor.centre.province_code


RULES = {
    # Accounts and centres
    "account.manage_staff": lambda actor, _: _role(actor, "admin"),
    # A password reset code, for a person without email: an officer of the centre serving the job seeker, or an
    # administrator for any other account (not their own)
    "account.reset_code": lambda actor, account: (
        (_role(actor, "admin") and account.id != actor.id)
        or (account.role == "job_seeker" and account.job_seeker is not None and _serves(actor, account.job_seeker))
    ),
    # Whose pages an account works from (the menus): a company's, a centre's
    "employer.own_pages": lambda actor, _: _role(actor, "employer") and actor.employer_id is not None,
    "centre.own_pages": lambda actor, _: _role(actor, "officer"),
    # Job seekers and what only they and their centre see
    "job_seeker.own_pages": lambda actor, _: _role(actor, "job_seeker") and actor.job_seeker_id is not None,
    "job_seeker.register_walk_in": lambda actor, _: _role(actor, "officer"),
    "job_seeker.list_centre": lambda actor, _: _role(actor, "officer"),
    "job_seeker.read": lambda actor, seeker: _is_self(actor, seeker) or _serves(actor, seeker),
    "job_seeker.edit": lambda actor, seeker: _is_self(actor, seeker) or _acts_for(actor, seeker),
    "job_seeker.export": lambda actor, seeker: _is_self(actor, seeker),
    "job_seeker.delete": lambda actor, seeker: _is_self(actor, seeker),
    "consent.change": lambda actor, seeker: _is_self(actor, seeker) or _acts_for(actor, seeker),
    "priority_status.read": lambda actor, seeker: _is_self(actor, seeker) or _serves(actor, seeker),
    # The person declares a status (unverified); an officer of their centre records one from the document (verified).
    "priority_status.record": lambda actor, seeker: _is_self(actor, seeker) or _acts_for(actor, seeker),
    "priority_status.verify": lambda actor, seeker: _acts_for(actor, seeker),
    # A citizen ID the person gave that another profile holds: settled by an officer of their centre, who sees the card
    "citizen_id.review": lambda actor, seeker: _serves(actor, seeker),
    # Employers and vacancies
    "employer.list_unverified": lambda actor, _: _role(actor, "officer", "admin"),
    "employer.verify": lambda actor, _: _role(actor, "officer", "admin"),
    "employer.list_for_centre": lambda actor, _: _role(actor, "officer"),
    "employer.edit": lambda actor, employer: _role(actor, "employer") and actor.employer_id == employer.id,
    "vacancy.post": lambda actor, employer: _role(actor, "employer") and actor.employer_id == employer.id,
    "vacancy.edit": _owns_vacancy,
    "vacancy.review_occupations": lambda actor, _: _role(actor, "officer"),
    # An officer imports a spreadsheet of vacancies for an employer of the centre's province (by the employer's ward)
    "vacancy.import_for": lambda actor, employer: _role(actor, "officer") and _in_centre_province(actor, employer.ward_code),
    # Applications, referrals, placements, job fairs
    "application.apply": lambda actor, seeker: _is_self(actor, seeker),
    "application.refer": lambda actor, seeker: _acts_for(actor, seeker),
    "application.read": lambda actor, application: (
        _is_self(actor, application.job_seeker)
        or _owns_vacancy(actor, application.vacancy)
        or _serves(actor, application.job_seeker)
    ),
    "application.list_for_vacancy": _owns_vacancy,
    "application.move": lambda actor, application: _owns_vacancy(actor, application.vacancy),
    "application.withdraw": lambda actor, application: _is_self(actor, application.job_seeker) or _acts_for(actor, application.job_seeker),
    "placement.confirm": lambda actor, application: _acts_for(actor, application.job_seeker),
    "placement.follow_up": lambda actor, application: _acts_for(actor, application.job_seeker),
    "job_fair.create": lambda actor, _: _role(actor, "officer"),
    "job_fair.manage": lambda actor, job_fair: _role(actor, "officer") and actor.centre_id == job_fair.centre_id,
    "job_fair.read": lambda actor, _: _role(actor, "officer"),
    "job_fair.register": lambda actor, _: (_role(actor, "job_seeker") and actor.job_seeker_id is not None) or (
        _role(actor, "employer") and actor.employer_id is not None),
    # Overseas programmes: administrators edit them; the worker's centre opens and moves their cases; workers report
    # agencies, and any centre's officers (or administrators) follow the reports up
    "programme.edit": lambda actor, _: _role(actor, "admin"),
    "overseas_case.manage": _acts_for,
    "overseas_case.read": lambda actor, seeker: _is_self(actor, seeker) or _serves(actor, seeker),
    "overseas_case.list_centre": lambda actor, _: _role(actor, "officer"),
    "support_claim.record": _acts_for,
    "support_scheme.edit": lambda actor, _: _role(actor, "admin"),
    "support_claim.read": lambda actor, seeker: _is_self(actor, seeker) or _serves(actor, seeker),
    "loan.manage": _acts_for,
    "monitoring.read_centre": lambda actor, _: _role(actor, "officer") and actor.centre_id is not None,
    "support_claim.payment_list": lambda actor, _: _role(actor, "officer") and actor.centre_id is not None,
    # Vocational training: a centre's officers record providers and courses and manage their own courses' enrolments;
    # a person enrols themself, or an officer of their centre enrols them. Demand surveys: run by a centre, answered by
    # job seekers and employers.
    "training.create": lambda actor, _: _role(actor, "officer") and actor.centre_id is not None,
    "training.manage": lambda actor, course: _role(actor, "officer") and actor.centre_id == course.centre_id,
    # A completion or a follow-up is recorded for a person still there, by the course's centre
    "training.record_outcome": lambda actor, enrolment: (
        _role(actor, "officer") and actor.centre_id == enrolment.course.centre_id and enrolment.job_seeker.anonymized_at is None
    ),
    "training.enrol": lambda actor, seeker: _is_self(actor, seeker) or _acts_for(actor, seeker),
    "demand_survey.create": lambda actor, _: _role(actor, "officer") and actor.centre_id is not None,
    "demand_survey.manage": lambda actor, survey: _role(actor, "officer") and actor.centre_id == survey.centre_id,
    "demand_survey.state_wish": lambda actor, _: _role(actor, "job_seeker") and actor.job_seeker_id is not None,
    "demand_survey.state_need": lambda actor, _: _role(actor, "employer") and actor.employer_id is not None,
    "agency_report.create": lambda actor, _: _role(actor, "job_seeker") and actor.job_seeker_id is not None,
    "agency_report.list": lambda actor, _: _role(actor, "officer", "admin"),
    # Matching: a vacancy's candidates for its employer and for officers; the engine's full explanation (which shows the
    # bonus) for the officers serving the candidate
    # Candidate lists exist only for a vacancy that takes applications (published, employer verified), for its
    # employer and for officers
    "matching.candidates": lambda actor, vacancy: (
        (_owns_vacancy(actor, vacancy) or _role(actor, "officer")) and vacancy.is_accepting_applications(vietnam_today())
    ),
    # An employer invites a listed candidate to apply to such a vacancy; only the person answers
    "invitation.send": lambda actor, vacancy: _owns_vacancy(actor, vacancy) and vacancy.is_accepting_applications(vietnam_today()),
    "invitation.list_for_vacancy": _owns_vacancy,
    "invitation.answer": lambda actor, invitation: _is_self(actor, invitation.job_seeker),
    # An officer of another centre asks the person's own centre to refer them; that centre's officers decide
    "referral_request.send": lambda actor, seeker: _role(actor, "officer") and seeker.centre_id is not None and not _serves(actor, seeker),
    "referral_request.list_centre": lambda actor, _: _role(actor, "officer"),
    "referral_request.answer": lambda actor, request: _role(actor, "officer") and actor.centre_id == request.centre_id,
    "matching.explain": _serves,
    # Statistics: a centre's dashboard for its officers and administrators; province dashboards are public
    "stats.read_centre": lambda actor, centre: _role(actor, "admin") or (_role(actor, "officer") and actor.centre_id == centre.id),
    # A centre's contacts and its time to verify a company: its own officers, and administrators for any centre
    "centre.edit_contacts": lambda actor, centre: _role(actor, "admin") or (_role(actor, "officer") and actor.centre_id == centre.id),
    "plan.set_centre": lambda actor, centre: _role(actor, "admin") or (_role(actor, "officer") and actor.centre_id == centre.id),
    "plan.set_province": lambda actor, _: _role(actor, "admin"),
    # A walk-in's claim code: renewed by an officer of their centre until the person has claimed the profile
    "claim_code.renew": lambda actor, seeker: _serves(actor, seeker) and seeker.account is None and seeker.anonymized_at is None,
    # API tokens belong to their account, and only the roles the API serves hold them: an administrator's work (staff,
    # programmes) is on pages only, and what they share with officers (verifying employers) needs no token of theirs.
    "api_token.manage": lambda actor, _: _role(actor, "job_seeker", "employer", "officer"),
}


def _signed_in(actor):
    return actor is not None and actor.is_authenticated


def find(model, row_id):
    """The row with this id, or NotFound: for what anyone may ask about (a public vacancy, a province)."""
    row = db.session.get(model, row_id)
    if row is None:
        raise NotFound(model.__name__.lower(), row_id)
    return row


def find_for(actor, model, row_id):
    """The row an action needs an account for. Authorization comes before existence: an anonymous visitor is asked to
    sign in whether or not the row exists, so that trying ids reveals nothing; a signed-in one learns 404 or 403."""
    if not _signed_in(actor):
        raise SignInRequired()
    return find(model, row_id)


def can(actor, action, subject=None):
    return RULES[action](actor, subject)


def authorize(actor, action, subject=None):
    """Raise unless the actor may do this: SignInRequired for an anonymous visitor, PermissionRefused otherwise."""
    if can(actor, action, subject):
        return
    if not _signed_in(actor):
        raise SignInRequired()
    raise PermissionRefused(action, _subject_type(subject), getattr(subject, "id", None))


def _subject_type(subject):
    return None if subject is None else type(subject).__name__.lower()
