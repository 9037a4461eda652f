"""Vocational training: a centre's providers and courses, the public list of open courses, enrolment by the person or
an officer of their centre (never beyond the seats), completion with the certificate, whether trained workers were in
work 3 and 6 months later (the centre's share, with the statistics' suppression), and the course a job seeker's matches
point to when an occupation they lack would open many vacancies near them."""
import math

from flask_babel import gettext as _
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models.application import Application
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.place import Ward
from jobmatch.models.training import Enrolment, TrainingCourse, TrainingFollowUp, TrainingProvider
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.rules.training import best_course, shares_in_work, takes_enrolments
from jobmatch.rules.worklist import FOLLOW_UP_OPENS_AFTER_DAYS, follow_up_opens_on
from jobmatch.services import monitoring
from jobmatch.services.authorization import authorize, can, find, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.matching import _distance_km
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit


def _known_ward(ward_code):
    if db.session.get(Ward, ward_code) is None:
        raise InvalidRequest("ward_code", _("Choose a ward from the list."))


def create_provider(*, actor, fields):
    authorize(actor, "training.create")
    _known_ward(fields["ward_code"])
    if db.session.scalar(select(TrainingProvider.id).where(TrainingProvider.centre_id == actor.centre_id,
                                                          TrainingProvider.name == fields["name"])):
        raise InvalidRequest("name", _("Your centre already has a provider of this name."))
    provider = TrainingProvider(centre_id=actor.centre_id, created_by_id=actor.id, **fields)
    db.session.add(provider)
    commit()
    return provider


def centre_providers(*, actor):
    authorize(actor, "training.create")
    return db.session.scalars(select(TrainingProvider).where(TrainingProvider.centre_id == actor.centre_id)
                              .order_by(TrainingProvider.name, TrainingProvider.id)).all()


def create_course(*, actor, fields):
    """An officer opens a course of one of the centre's providers: it takes enrolments until the day it starts."""
    authorize(actor, "training.create")
    provider = db.session.get(TrainingProvider, fields["provider_id"])
    if provider is None or provider.centre_id != actor.centre_id:
        raise InvalidRequest("provider_id", _("Choose one of your centre's providers."))
    _known_ward(fields["ward_code"])
    if fields["starts_on"] < vietnam_today():
        raise InvalidRequest("starts_on", _("A new course starts today or later."))
    course = TrainingCourse(centre_id=actor.centre_id, created_by_id=actor.id, **fields)
    db.session.add(course)
    commit()
    return course


def centre_courses(*, actor, size=None, after=None):
    """The officer's centre's courses, the latest start first."""
    authorize(actor, "training.create")
    return keyset_page(select(TrainingCourse).where(TrainingCourse.centre_id == actor.centre_id), list_name="centre_courses",
                       order=[(TrainingCourse.starts_on, "desc"), (TrainingCourse.id, "desc")], size=size, after=after)


def open_courses(*, size=None, after=None):
    """Every centre's courses still taking enrolments, the soonest first: public."""
    return keyset_page(select(TrainingCourse).where(TrainingCourse.starts_on >= vietnam_today()), list_name="open_courses",
                       order=[(TrainingCourse.starts_on, "asc"), (TrainingCourse.id, "asc")], size=size, after=after)


def get_public_course(*, course_id):
    return find(TrainingCourse, course_id)


def get_course(*, actor, course_id):
    """A course with its enrolments: for the officers of the centre that runs it."""
    course = find_for(actor, TrainingCourse, course_id)
    authorize(actor, "training.manage", course)
    return course


def seats_taken(course):
    return db.session.scalar(select(func.count()).select_from(Enrolment).where(Enrolment.course_id == course.id))


def enrolment_of(*, actor, course):
    """The signed-in job seeker's enrolment in this course, or None."""
    if not can(actor, "job_seeker.own_pages"):
        return None
    return db.session.scalar(select(Enrolment).where(Enrolment.course_id == course.id,
                                                     Enrolment.job_seeker_id == actor.job_seeker_id))


def _centre_person(actor, citizen_id):
    job_seeker = db.session.scalar(select(JobSeeker).where(JobSeeker.citizen_id == citizen_id,
                                                           JobSeeker.centre_id == actor.centre_id))
    if job_seeker is None:
        raise InvalidRequest("citizen_id", _("No person registered with your centre has this citizen ID."))
    return job_seeker


def enrol(*, actor, course_id, job_seeker_id=None, citizen_id=None):
    """A person takes a place on a course, by themself or through an officer of their own centre (found by id, or by
    citizen ID among the centre's people for a course of that centre), until the day it starts and while seats are
    left; once per course."""
    course = find_for(actor, TrainingCourse, course_id)
    if citizen_id:  # from the course's own page, where its centre's officers enrol the people at their desk
        authorize(actor, "training.manage", course)
        job_seeker = _centre_person(actor, citizen_id)
    else:
        if job_seeker_id is None:
            authorize(actor, "job_seeker.own_pages")
        job_seeker = find(JobSeeker, job_seeker_id)
    authorize(actor, "training.enrol", job_seeker)
    if not takes_enrolments(course.starts_on, vietnam_today()):
        raise InvalidRequest("course", _("This course started on %(day)s: it takes no more enrolments.", day=day_text(course.starts_on)))
    # Two enrolments for the last seat at once: the second waits for the first (PostgreSQL; SQLite has one writer).
    db.session.execute(select(TrainingCourse.id).where(TrainingCourse.id == course.id).with_for_update())
    if db.session.scalar(select(Enrolment.id).where(Enrolment.course_id == course.id, Enrolment.job_seeker_id == job_seeker.id)):
        raise InvalidRequest("course", _("%(name)s is already enrolled in this course.", name=job_seeker.full_name))
    if seats_taken(course) >= course.seats:
        raise InvalidRequest("course", _("Every seat of this course is taken (%(seats)d).", seats=course.seats))
    enrolment = Enrolment(course_id=course.id, job_seeker_id=job_seeker.id, enrolled_by_id=actor.id,
                          source="self" if actor.role == "job_seeker" else "officer")
    db.session.add(enrolment)
    commit()
    return enrolment


def get_enrolment(*, actor, enrolment_id):
    """An enrolment, for the officers of the centre that runs its course."""
    enrolment = find_for(actor, Enrolment, enrolment_id)
    authorize(actor, "training.manage", enrolment.course)
    return enrolment


def record_completion(*, actor, enrolment_id, fields):
    """The course's centre records that the person completed it, with the certificate's number and date (on or after
    the course's first day); once."""
    enrolment = get_enrolment(actor=actor, enrolment_id=enrolment_id)
    authorize(actor, "training.record_outcome", enrolment)
    if enrolment.completed_on is not None:
        raise InvalidRequest("certificate_number", _("The completion is recorded already."))
    if fields["certificate_date"] < enrolment.course.starts_on:
        raise InvalidRequest("certificate_date", _("The certificate is dated before the course started (%(day)s).",
                                                   day=day_text(enrolment.course.starts_on)))
    enrolment.completed_on = fields["certificate_date"]
    enrolment.certificate_number, enrolment.certificate_date = fields["certificate_number"], fields["certificate_date"]
    enrolment.completion_recorded_by_id = actor.id
    commit()
    return enrolment


def record_follow_up(*, actor, enrolment_id, months, working):
    """The course's centre records whether the trained worker was in work 3 or 6 months after completing the course:
    accepted from 80 or 170 days after completion (as a placement's follow-up), once each."""
    enrolment = get_enrolment(actor=actor, enrolment_id=enrolment_id)
    authorize(actor, "training.record_outcome", enrolment)
    if enrolment.completed_on is None:
        raise InvalidRequest("months", _("Record the completion first: the follow-up counts from it."))
    opens_on = follow_up_opens_on(enrolment.completed_on, months)
    if vietnam_today() < opens_on:
        raise InvalidRequest("months", _(
            "The %(months)d-month follow-up can be recorded from %(day)s (%(days)d days after completion on %(done)s).",
            months=months, day=day_text(opens_on), days=FOLLOW_UP_OPENS_AFTER_DAYS[months], done=day_text(enrolment.completed_on)))
    if any(follow_up.months == months for follow_up in enrolment.follow_ups):
        raise InvalidRequest("months", _("The %(months)d-month follow-up is recorded already.", months=months))
    enrolment.follow_ups.append(TrainingFollowUp(months=months, working=working, recorded_by_id=actor.id))
    commit()
    return enrolment


def own_enrolments(*, actor):
    """The signed-in job seeker's courses, the latest start first."""
    authorize(actor, "job_seeker.own_pages")
    return db.session.scalars(select(Enrolment).join(Enrolment.course).where(Enrolment.job_seeker_id == actor.job_seeker_id)
                              .order_by(TrainingCourse.starts_on.desc(), Enrolment.id.desc())).all()


def centre_outcomes(*, actor):
    """{months: {group: ShareInWork}}: the share of the centre's trained workers in work 3 and 6 months after their
    course, over the follow-ups recorded, for priority workers (a verified status in force on the day they completed
    it) against everyone else, hidden as the published statistics hide small counts."""
    authorize(actor, "training.create")
    answers = db.session.execute(select(Enrolment.job_seeker_id, Enrolment.completed_on, TrainingFollowUp.months,
                                        TrainingFollowUp.working).select_from(TrainingFollowUp).join(Enrolment).join(TrainingCourse)
                                 .where(TrainingCourse.centre_id == actor.centre_id)).all()
    held = monitoring.categories_on([row.job_seeker_id for row in answers], [row.completed_on for row in answers])
    return {months: shares_in_work(months, [(bool(held[(row.job_seeker_id, row.completed_on)]), row.working)
                                            for row in answers if row.months == months]) for months in (3, 6)}


def course_hint(*, actor, job_seeker_id):
    """(course, vacancies) of the open course that would open the most vacancies to a job seeker, or None: courses
    within their commute radius, for an occupation they do not seek yet (the matching engine already matches them to
    the vacancies of the occupations they seek) and have not enrolled for, counting the open public vacancies of that
    occupation at home within their radius that they have not applied to. One query: the vacancies come from a box
    around the person, and the circle is drawn with the matching engine's own distance."""
    job_seeker = find_for(actor, JobSeeker, job_seeker_id)
    authorize(actor, "job_seeker.read", job_seeker)
    ward = db.session.get(Ward, job_seeker.ward_code) if job_seeker.ward_code else None
    radius = job_seeker.commute_radius_km or 0
    if ward is None or radius <= 0:
        return None
    home = (ward.latitude, ward.longitude)
    today = vietnam_today()
    lat_span = radius / 111.0
    lon_span = radius / (111.0 * max(math.cos(math.radians(home[0])), 0.01))
    rows = db.session.execute(
        select(TrainingCourse, Vacancy.id, Ward.latitude, Ward.longitude)
        .join(Vacancy, Vacancy.isco_code == TrainingCourse.isco_code)
        .join(Employer, Vacancy.employer_id == Employer.id)
        .join(Ward, Vacancy.ward_code == Ward.code)
        .where(
            TrainingCourse.starts_on >= today,
            TrainingCourse.isco_code.not_in(list(job_seeker.desired_isco_codes or [])),
            TrainingCourse.id.not_in(select(Enrolment.course_id).where(Enrolment.job_seeker_id == job_seeker.id)),
            Vacancy.status == "open", Vacancy.deadline >= today, Employer.verified, Vacancy.is_overseas.is_(False),
            Vacancy.id.not_in(select(Application.vacancy_id).where(Application.job_seeker_id == job_seeker.id)),
            Ward.latitude.between(home[0] - lat_span, home[0] + lat_span),
            Ward.longitude.between(home[1] - lon_span, home[1] + lon_span),
        )
    ).all()

    def within(location):
        distance = _distance_km(home, location)
        return distance is not None and distance <= radius

    reachable = [(course, vacancy_id, (latitude, longitude)) for course, vacancy_id, latitude, longitude in rows
                 if within((course.ward.latitude, course.ward.longitude))]
    return best_course(reachable, within)
