"""The training demand survey: a centre runs a dated campaign; job seekers state the training they want, employers the
skills they will need; the centre reads demand by occupation and commune against supply (its open courses, the open
vacancies of its province), and each occupation's demand forecast for its next campaign."""
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import PriorityStatus
from jobmatch.models.occupation import IscoGroup
from jobmatch.models.place import Ward
from jobmatch.models.training import TrainingCourse
from jobmatch.models.training_survey import DemandSurvey, SkillNeed, TrainingWish
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import day_text, vietnam_today
from jobmatch.rules.training import demand_by_occupation, demand_forecasts, demand_table
from jobmatch.services.authorization import authorize, find, find_for
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.page import keyset_page
from jobmatch.services.transaction import commit


def create_survey(*, actor, fields):
    authorize(actor, "demand_survey.create")
    if fields["ends_on"] < vietnam_today():
        raise InvalidRequest("ends_on", _("A new survey ends today or later."))
    survey = DemandSurvey(centre_id=actor.centre_id, created_by_id=actor.id, **fields)
    db.session.add(survey)
    commit()
    return survey


def centre_surveys(*, actor, size=None, after=None):
    authorize(actor, "demand_survey.create")
    return keyset_page(select(DemandSurvey).where(DemandSurvey.centre_id == actor.centre_id), list_name="centre_surveys",
                       order=[(DemandSurvey.starts_on, "desc"), (DemandSurvey.id, "desc")], size=size, after=after)


def open_surveys():
    """Every centre's surveys taking answers today: public, so that people and employers find them."""
    today = vietnam_today()
    return db.session.scalars(select(DemandSurvey).where(DemandSurvey.starts_on <= today, DemandSurvey.ends_on >= today)
                              .order_by(DemandSurvey.ends_on, DemandSurvey.id)).all()


def get_public_survey(*, survey_id):
    return find(DemandSurvey, survey_id)


def _answerable(actor, survey_id, action):
    survey = find_for(actor, DemandSurvey, survey_id)
    authorize(actor, action)
    today = vietnam_today()
    if not survey.starts_on <= today <= survey.ends_on:
        raise InvalidRequest("survey", _("This survey takes answers from %(start)s to %(end)s.",
                                         start=day_text(survey.starts_on), end=day_text(survey.ends_on)))
    return survey


def state_wish(*, actor, survey_id, fields):
    """A job seeker states the training they want during the campaign; stating the same occupation again changes the
    answer. The commune counted is where the person lives when answering."""
    survey = _answerable(actor, survey_id, "demand_survey.state_wish")
    wish = db.session.scalar(select(TrainingWish).where(
        TrainingWish.survey_id == survey.id, TrainingWish.job_seeker_id == actor.job_seeker_id,
        TrainingWish.isco_code == fields["isco_code"]))
    ward_code = actor.job_seeker.ward_code
    if wish is None:
        wish = TrainingWish(survey_id=survey.id, job_seeker_id=actor.job_seeker_id, isco_code=fields["isco_code"])
        db.session.add(wish)
    wish.wanted_from, wish.travel_km, wish.ward_code = fields["wanted_from"], fields["travel_km"], ward_code
    commit()
    return wish


def state_need(*, actor, survey_id, fields):
    """An employer states how many workers of an occupation it will need and from when; stating the same occupation
    again changes the answer. The commune counted is the employer's."""
    survey = _answerable(actor, survey_id, "demand_survey.state_need")
    need = db.session.scalar(select(SkillNeed).where(SkillNeed.survey_id == survey.id, SkillNeed.employer_id == actor.employer_id,
                                                     SkillNeed.isco_code == fields["isco_code"]))
    ward_code = db.session.get(Employer, actor.employer_id).ward_code
    if need is None:
        need = SkillNeed(survey_id=survey.id, employer_id=actor.employer_id, isco_code=fields["isco_code"])
        db.session.add(need)
    need.workers, need.needed_from, need.ward_code = fields["workers"], fields["needed_from"], ward_code
    commit()
    return need


def own_answers(*, actor, survey):
    """What the signed-in job seeker or employer stated in this survey."""
    if actor is None or not actor.is_authenticated:
        return []
    if actor.role == "job_seeker" and actor.job_seeker_id:
        return db.session.scalars(select(TrainingWish).where(TrainingWish.survey_id == survey.id,
                                                             TrainingWish.job_seeker_id == actor.job_seeker_id)).all()
    if actor.role == "employer" and actor.employer_id:
        return db.session.scalars(select(SkillNeed).where(SkillNeed.survey_id == survey.id,
                                                          SkillNeed.employer_id == actor.employer_id)).all()
    return []


def get_survey(*, actor, survey_id):
    survey = find_for(actor, DemandSurvey, survey_id)
    authorize(actor, "demand_survey.manage", survey)
    return survey


def next_campaign_forecasts(*, survey, occupations):
    """{occupation: Forecast} of the demand the centre's next campaign will see, from this campaign and the centre's
    earlier ones (by their first day), as rules.training.demand_forecasts draws it."""
    campaigns = db.session.scalars(select(DemandSurvey.id).where(
        DemandSurvey.centre_id == survey.centre_id, DemandSurvey.starts_on <= survey.starts_on, DemandSurvey.id != survey.id,
    ).order_by(DemandSurvey.starts_on, DemandSurvey.id)).all() + [survey.id]
    wishes = db.session.execute(select(TrainingWish.survey_id, TrainingWish.isco_code, TrainingWish.ward_code, TrainingWish.job_seeker_id)
                                .where(TrainingWish.survey_id.in_(campaigns))).all()
    needs = db.session.execute(select(SkillNeed.survey_id, SkillNeed.isco_code, SkillNeed.ward_code, SkillNeed.workers)
                               .where(SkillNeed.survey_id.in_(campaigns))).all()
    demand = [demand_by_occupation(wishes=[tuple(row[1:]) for row in wishes if row[0] == campaign],
                                   needs=[tuple(row[1:]) for row in needs if row[0] == campaign]) for campaign in campaigns]
    return demand_forecasts(demand, occupations)


def survey_demand(*, actor, survey_id):
    """(survey, rows, labels) of a survey: demand by occupation and commune (people wanting training, workers employers
    will need) against supply there (the centre's courses still taking enrolments and their seats; the open public
    vacancies at home and their openings), with each occupation's and commune's name."""
    survey = get_survey(actor=actor, survey_id=survey_id)
    today = vietnam_today()
    wishes = db.session.execute(select(TrainingWish.isco_code, TrainingWish.ward_code, TrainingWish.job_seeker_id)
                                .where(TrainingWish.survey_id == survey.id)).all()
    needs = db.session.execute(select(SkillNeed.isco_code, SkillNeed.ward_code, SkillNeed.workers)
                               .where(SkillNeed.survey_id == survey.id)).all()
    occupations = {isco for isco, _ward, _n in wishes} | {isco for isco, _ward, _n in needs}
    courses = db.session.execute(select(TrainingCourse.isco_code, TrainingCourse.ward_code, TrainingCourse.seats).where(
        TrainingCourse.centre_id == survey.centre_id, TrainingCourse.starts_on >= today,
        TrainingCourse.isco_code.in_(occupations))).all()
    vacancies = db.session.execute(select(Vacancy.isco_code, Vacancy.ward_code, Vacancy.openings).join(Employer).where(
        Vacancy.status == "open", Vacancy.deadline >= today, Employer.verified, Vacancy.is_overseas.is_(False),
        Vacancy.isco_code.in_(occupations))).all()
    # A priority worker: a verified status in force on the survey's last day (or today, while it runs).
    statuses_day = min(survey.ends_on, today)
    priority = set(db.session.scalars(select(PriorityStatus.job_seeker_id).where(
        PriorityStatus.job_seeker_id.in_({person for *_, person in wishes}), PriorityStatus.is_in_force(statuses_day))))
    rows = demand_table(priority=priority, wishes=[tuple(row) for row in wishes], needs=[tuple(row) for row in needs],
                        courses=[tuple(row) for row in courses], vacancies=[tuple(row) for row in vacancies])
    names = {
        "occupations": {group.code: group for group in db.session.scalars(select(IscoGroup).where(IscoGroup.code.in_(occupations)))},
        "wards": {ward.code: ward for ward in db.session.scalars(select(Ward).where(
            Ward.code.in_({row.ward_code for row in rows if row.ward_code})))},
    }
    return survey, rows, names
