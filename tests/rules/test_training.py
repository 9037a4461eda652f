"""Training's pure rules on hand-built data: the share of trained workers in work and its suppression, the course a
person's matches point to, and the demand survey's table."""
from datetime import date
from types import SimpleNamespace

import pytest

from jobmatch.rules.stats import PRIMARY, SECONDARY, SMALL_BASE
from jobmatch.rules.training import HINT_MIN_VACANCIES, best_course, demand_table, share_in_work, takes_enrolments


@pytest.mark.parametrize(("answers", "share", "mark", "working_mark"), [
    ([], None, None, None),
    ([True] * 3, 100, SMALL_BASE, PRIMARY),  # three people: neither count nor share is published
    ([True] * 5 + [False] * 5, 50, None, None),
    ([True] * 8 + [False] * 2, 80, SECONDARY, SECONDARY),  # two not working would be given away by the share
    ([False] * 6, 0, None, None),  # nobody in work identifies no one
])
def test_the_share_in_work_is_hidden_as_the_statistics_hide_small_counts(answers, share, mark, working_mark):
    result = share_in_work(3, answers)
    assert (result.share, result.mark, result.working_mark) == (share, mark, working_mark)


def course(course_id, day):
    return SimpleNamespace(id=course_id, starts_on=date(2027, 1, day))


def test_the_course_hint_counts_each_reachable_vacancy_once_and_needs_many():
    near, far = (0, 0), (1, 1)
    welding, cooking = course(1, 20), course(2, 10)
    rows = [(welding, v, near) for v in (11, 12, 13)] + [(welding, 11, near), (welding, 14, far)]
    rows += [(cooking, v, near) for v in (21, 22)]
    assert best_course(rows, lambda location: location == near) == (welding, 3)
    assert best_course(rows[:HINT_MIN_VACANCIES - 1], lambda location: True) is None
    # A tie goes to the course that starts sooner.
    tied = [(welding, v, near) for v in (11, 12, 13)] + [(cooking, v, near) for v in (21, 22, 23)]
    assert best_course(tied, lambda location: True) == (cooking, 3)


def test_a_course_takes_enrolments_until_the_day_it_starts():
    assert takes_enrolments(date(2027, 1, 5), date(2027, 1, 5))
    assert not takes_enrolments(date(2027, 1, 5), date(2027, 1, 6))


def test_the_demand_table_counts_people_once_and_supply_only_where_demand_was_stated():
    rows = demand_table(
        wishes=[("7212", "A", 1), ("7212", "A", 1), ("7212", "A", 2), ("5120", "B", 1)],
        needs=[("7212", "A", 5), ("7212", "A", 3), ("8322", "C", 10)],
        courses=[("7212", "A", 20), ("7212", "B", 15)],
        vacancies=[("7212", "A", 2), ("8322", "C", 4), ("9999", "A", 7)],
    )
    assert [(r.isco_code, r.ward_code, r.people_wanting, r.workers_needed, r.open_courses, r.course_seats, r.open_vacancies,
             r.openings) for r in rows] == [
        ("5120", "B", 1, 0, 0, 0, 0, 0),
        ("7212", "A", 2, 8, 1, 20, 1, 2),
        ("8322", "C", 0, 10, 0, 0, 1, 4),
    ]
