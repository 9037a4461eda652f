"""Training's pure rules on hand-built data: the share of trained workers in work and its suppression, the course a
person's matches point to, and the demand survey's table."""
from datetime import date
from types import SimpleNamespace

import pytest

from jobmatch.rules.stats import PRIMARY, SECONDARY, SMALL_BASE
from jobmatch.rules.training import (
    HINT_MIN_VACANCIES,
    best_course,
    demand_by_occupation,
    demand_forecasts,
    demand_table,
    shares_in_work,
    takes_enrolments,
)


@pytest.mark.parametrize(("answers", "share", "mark", "working_mark"), [
    ([], None, None, None),
    ([True] * 3, 100, SMALL_BASE, PRIMARY),  # three people: neither count nor share is published
    ([True] * 5 + [False] * 5, 50, None, None),
    ([True] * 8 + [False] * 2, 80, SECONDARY, SECONDARY),  # two not working would be given away by the share
    ([False] * 6, 0, None, None),  # nobody in work identifies no one
])
def test_the_share_in_work_is_hidden_as_the_statistics_hide_small_counts(answers, share, mark, working_mark):
    result = shares_in_work(3, [(False, answer) for answer in answers])["all"]
    assert (result.share, result.mark, result.working_mark) == (share, mark, working_mark)


def test_priority_workers_against_everyone_else_hide_what_the_total_would_give_away():
    # 3 priority workers (2 in work) and 10 others (6 in work): the priority row is primary, and so are the 4 others not
    # in work. The others' row would then give one cell away (its total less the shown one), and the followed-up column
    # would give the priority count away from the total: the others' working and followed-up counts go too.
    answers = [(True, True)] * 2 + [(True, False)] + [(False, True)] * 6 + [(False, False)] * 4
    shares = shares_in_work(6, answers)
    assert [(share.followed_mark, share.working_mark, share.mark) for share in shares.values()] == [
        (PRIMARY, PRIMARY, SMALL_BASE), (SECONDARY, SECONDARY, SECONDARY), (None, None, None)]
    assert (shares["all"].followed, shares["all"].working, shares["all"].share) == (13, 8, 62)
    big = shares_in_work(6, [(True, True)] * 6 + [(True, False)] * 5 + [(False, True)] * 7 + [(False, False)] * 5)
    assert [(share.share, share.mark) for share in big.values()] == [(55, None), (58, None), (57, None)]


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
        vacancies=[("7212", "A", 2), ("8322", "C", 4), ("9999", "A", 7)], priority={2},
    )
    assert [(r.isco_code, r.ward_code, r.people_wanting, r.priority_wanting, r.workers_needed, r.open_courses, r.course_seats,
             r.open_vacancies, r.openings) for r in rows] == [
        ("5120", "B", 1, 0, 0, 0, 0, 0, 0),
        ("7212", "A", 2, 1, 8, 1, 20, 1, 2),
        ("8322", "C", 0, 0, 10, 0, 0, 1, 4),
    ]


def test_a_campaigns_demand_counts_each_person_once_per_occupation_and_adds_the_employers_workers():
    wishes = [("7212", "00001", 1), ("7212", "00004", 1), ("7212", "00001", 2), ("5120", "00001", 1)]
    needs = [("7212", "00001", 10), ("8322", "00004", 3)]
    assert demand_by_occupation(wishes=wishes, needs=needs) == {"7212": 12, "5120": 1, "8322": 3}


def test_the_next_campaigns_demand_is_the_statistics_line_and_none_from_fewer_than_three_campaigns():
    campaigns = [{"7212": 10}, {"7212": 14, "5120": 2}, {"7212": 18}, {"7212": 22}]
    forecasts = demand_forecasts(campaigns, ["7212", "5120"])
    assert forecasts["7212"].values == [26.0]  # a straight line of +4 a campaign
    assert forecasts["7212"].mean_absolute_error == 0.0  # campaign 4 forecast from 1–3: exactly 22
    assert forecasts["5120"].values == [0.0]  # 0, 2, 0, 0: the line goes down, never below zero
    assert demand_forecasts(campaigns[:2], ["7212"])["7212"].values == []
