"""Vocational training's rules as plain data: when a course takes enrolments, the share of trained workers in work
(with the statistics' suppression), which course a job seeker's matches point to, and the demand survey's table of
demand against supply by occupation and commune, with each occupation's demand forecast for the next campaign. A
trained worker's follow-up opens as a placement's does (rules.worklist.follow_up_opens_on, counted from the course's
completion)."""
from collections import Counter, defaultdict
from dataclasses import dataclass

from jobmatch.rules.stats import linear_trend_forecast, share_mark, suppression

# A course is pointed to from a person's matches only when it would open at least this many vacancies near them: fewer
# is not "many", and a hint about one vacancy would be noise on every page.
HINT_MIN_VACANCIES = 3


def takes_enrolments(starts_on, today):
    """A course takes enrolments until the day it starts (included)."""
    return today <= starts_on


OUTCOME_GROUPS = ("priority", "others", "all")


@dataclass(frozen=True)
class ShareInWork:
    months: int
    group: str  # priority (a verified status in force on the day the course was completed), others, or all
    followed: int  # trained workers whose follow-up at this point is recorded
    working: int
    mark: str | None  # why the share is hidden (rules.stats), None when shown
    working_mark: str | None
    followed_mark: str | None

    @property
    def share(self):
        return None if not self.followed else round(100 * self.working / self.followed)


def shares_in_work(months, answers):
    """{group: ShareInWork} of trained workers in work at a follow-up point, from the recorded answers (priority,
    working), for priority workers, everyone else and all: hidden as the published statistics hide small counts (a count
    of 1 to 4 people, and a share over fewer than 5), across the whole table, so that a hidden cell cannot be worked out
    from its row or its column."""
    counts = {}
    for group in OUTCOME_GROUPS:
        chosen = [working for priority, working in answers if group == "all" or priority == (group == "priority")]
        counts[(group, "working")] = sum(chosen)
        counts[(group, "not_working")] = len(chosen) - sum(chosen)
        counts[(group, "followed")] = len(chosen)
    measures = ("working", "not_working", "followed")
    marks = suppression(counts, [tuple((group, measure) for measure in measures) for group in OUTCOME_GROUPS]
                        + [tuple((group, measure) for group in OUTCOME_GROUPS) for measure in measures])
    return {group: ShareInWork(
        months, group, counts[(group, "followed")], counts[(group, "working")],
        share_mark(numerator=counts[(group, "working")], base=counts[(group, "followed")],
                   numerator_mark=marks.get((group, "working")), base_mark=marks.get((group, "followed"))),
        marks.get((group, "working")), marks.get((group, "followed")),
    ) for group in OUTCOME_GROUPS}


def best_course(rows, within):
    """(course, vacancy count) of the course that would open the most vacancies, from rows of (course, vacancy id,
    location) where `within(location)` says whether the vacancy is within the person's reach; None when no course
    reaches HINT_MIN_VACANCIES. Each vacancy counts once per course; on a tie the sooner course, then the lower id."""
    reached = defaultdict(set)
    courses = {}
    for course, vacancy_id, location in rows:
        courses[course.id] = course
        if within(location):
            reached[course.id].add(vacancy_id)
    ranked = sorted(reached.items(), key=lambda item: (-len(item[1]), courses[item[0]].starts_on, item[0]))
    if not ranked or len(ranked[0][1]) < HINT_MIN_VACANCIES:
        return None
    return courses[ranked[0][0]], len(ranked[0][1])


@dataclass
class DemandRow:
    isco_code: str
    ward_code: str | None
    people_wanting: int = 0  # job seekers who want training in this occupation and live in this commune
    priority_wanting: int = 0  # of whom priority workers
    workers_needed: int = 0  # workers employers of this commune will need
    open_courses: int = 0
    course_seats: int = 0
    open_vacancies: int = 0
    openings: int = 0


def demand_table(*, wishes, needs, courses, vacancies, priority=frozenset()):
    """Demand against supply by (occupation, commune), sorted by occupation then commune. wishes: (isco, ward, job
    seeker id), each person counted once per occupation and commune; needs: (isco, ward, workers); courses: (isco, ward,
    seats) of open courses; vacancies: (isco, ward, openings) of open vacancies; priority: the ids of the people who are
    priority workers, counted apart too. Supply is counted only where some demand was stated, so that the table answers
    the survey rather than listing every vacancy of the province."""
    people = Counter((isco, ward) for isco, ward, _person in set(wishes))
    priority_people = Counter((isco, ward) for isco, ward, person in set(wishes) if person in priority)
    rows = {}

    def row(isco, ward):
        return rows.setdefault((isco, ward), DemandRow(isco, ward))

    for key, count in people.items():
        row(*key).people_wanting = count
        row(*key).priority_wanting = priority_people[key]
    for isco, ward, workers in needs:
        row(isco, ward).workers_needed += workers
    for isco, ward, seats in courses:
        if (isco, ward) in rows:
            rows[(isco, ward)].open_courses += 1
            rows[(isco, ward)].course_seats += seats
    for isco, ward, openings in vacancies:
        if (isco, ward) in rows:
            rows[(isco, ward)].open_vacancies += 1
            rows[(isco, ward)].openings += openings
    return [rows[key] for key in sorted(rows, key=lambda key: (key[0], key[1] or ""))]


def demand_by_occupation(*, wishes, needs):
    """One campaign's demand per occupation: the people wanting training in it (each once) and the workers employers said
    they will need. wishes: (isco, ward, job seeker id); needs: (isco, ward, workers)."""
    demand = Counter(isco for isco, _person in {(isco, person) for isco, _ward, person in wishes})
    for isco, _ward, workers in needs:
        demand[isco] += workers
    return demand


def demand_forecasts(campaigns, occupations):
    """{occupation: Forecast of its demand in the next campaign}, from each campaign's demand (Counters from
    demand_by_occupation, oldest first, the current one last) by the statistics' own method (rules.stats: a least-squares
    line, its error measured by rolling origin); no forecast from fewer than 3 campaigns."""
    return {isco: linear_trend_forecast([campaign.get(isco, 0) for campaign in campaigns], ahead=1) for isco in occupations}
