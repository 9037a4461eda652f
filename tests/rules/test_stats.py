"""The pure rules of the statistics: periods, small-cell suppression (and how days, weeks, months and years are settled
one level at a time), and the trend forecast, as plain data."""
from datetime import date, datetime, timedelta

import pytest

from jobmatch.rules.stats import (
    PRIMARY,
    SECONDARY,
    SMALL_BASE,
    Period,
    linear_trend_forecast,
    median_mark,
    periods_containing,
    settling,
    settling_scope,
    share_mark,
    suppression,
)


def test_periods_containing_a_day_are_its_day_iso_week_month_and_year():
    day = date(2026, 11, 27)  # a Friday
    assert [(period.kind, period.start, period.end) for period in periods_containing(day)] == [
        ("day", day, day),
        ("week", date(2026, 11, 23), date(2026, 11, 29)),
        ("month", date(2026, 11, 1), date(2026, 11, 30)),
        ("year", date(2026, 1, 1), date(2026, 12, 31)),
    ]


def test_periods_shift_across_year_ends_and_short_months():
    assert Period("month", date(2026, 1, 1)).shift(-1) == Period("month", date(2025, 12, 1))
    assert Period("month", date(2026, 2, 1)).end == date(2026, 2, 28)
    assert Period("week", date(2026, 12, 28)).shift(1).start == date(2027, 1, 4)
    assert Period("year", date(2026, 1, 1)).shift(-2).start == date(2024, 1, 1)


def test_a_period_is_bounded_by_vietnam_midnights_in_utc():
    start, end = Period("day", date(2026, 11, 27)).utc_bounds()
    assert (start, end) == (datetime(2026, 11, 26, 17, 0), datetime(2026, 11, 27, 17, 0))


def test_period_labels_are_day_first():
    assert Period("day", date(2026, 3, 5)).label == "05/03/2026"
    assert Period("week", date(2026, 11, 23)).label == "23/11–29/11/2026"
    assert Period("month", date(2026, 3, 1)).label == "03/2026"


def test_cells_under_five_are_suppressed_and_so_is_the_one_that_would_give_them_away():
    counts = {("HN", "priority"): 3, ("HN", "other"): 40, ("HN", "all"): 43}
    groups = [[("HN", "priority"), ("HN", "other")]]
    # 43 − 40 would reveal the 3: the other group's cell goes too, the total stays.
    assert suppression(counts, groups) == {("HN", "priority"): PRIMARY, ("HN", "other"): SECONDARY}


def test_secondary_suppression_takes_the_smallest_other_cell_and_cascades_across_groups():
    counts = {
        ("HN", "priority"): 2, ("HN", "other"): 50,
        ("DN", "priority"): 9, ("DN", "other"): 30,
        ("CT", "priority"): 7, ("CT", "other"): 60,
    }
    rows = [[(province, "priority"), (province, "other")] for province in ("HN", "DN", "CT")]
    column = [[(province, "priority") for province in ("HN", "DN", "CT")]]
    hidden = suppression(counts, rows + column)
    # HN's priority (primary) → HN's other (its row) ; the priority column now has one hidden cell → CT's 7, the
    # smallest other → CT's other (its row). Every group then has none or at least two hidden cells.
    assert hidden == {("HN", "priority"): PRIMARY, ("HN", "other"): SECONDARY, ("CT", "priority"): SECONDARY,
                      ("CT", "other"): SECONDARY}
    for group in rows + column:
        assert len([key for key in group if key in hidden]) != 1


def test_nothing_is_suppressed_when_every_cell_has_five_or_more():
    counts = {("HN", "priority"): 5, ("HN", "other"): 5}
    assert suppression(counts, [list(counts)]) == {}


def test_the_forecast_continues_a_straight_line_exactly_and_its_backtest_error_is_zero():
    forecast = linear_trend_forecast([10, 12, 14, 16, 18, 20], ahead=3)
    assert forecast.values == [22.0, 24.0, 26.0]
    assert forecast.mean_absolute_error == 0.0
    assert forecast.backtested == 3


def test_the_forecast_error_is_the_mean_of_one_step_ahead_misses():
    # From [0, 10, 0] the line is flat at 3.33: the fourth value, 10, is missed by 6.67. Through [0, 10, 0, 10] the
    # line has slope 2 and reaches 10 at the fifth: 0 is missed by 10. Mean 8.33.
    forecast = linear_trend_forecast([0, 10, 0, 10, 0], ahead=1)
    assert forecast.mean_absolute_error == pytest.approx(8.3, abs=0.05)
    assert forecast.backtested == 2


def test_the_forecast_never_goes_below_zero_and_needs_three_periods():
    assert linear_trend_forecast([30, 20, 10], ahead=3).values == [0.0, 0.0, 0.0]
    assert linear_trend_forecast([663, 11178]).values == []


def test_a_row_total_hidden_by_its_column_takes_one_of_its_parts_with_it():
    # Hires by occupation group under a published area total of 25: group 7 is under five. Hiding only group 8's total
    # for the column would leave 8 = 5 + 5 readable, and 7 = 25 − 10 − 12.
    counts = {("7", "priority"): 1, ("7", "other"): 2, ("7", "all"): 3, ("8", "priority"): 5, ("8", "other"): 5,
              ("8", "all"): 10, ("9", "priority"): 2, ("9", "other"): 10, ("9", "all"): 12}
    rows = [[(row, group) for group in ("priority", "other", "all")] for row in ("7", "8", "9")]
    columns = [[(row, group) for row in ("7", "8", "9")] for group in ("priority", "other", "all")]
    hidden = suppression(counts, rows + columns)
    assert ("8", "all") in hidden and {("8", "priority"), ("8", "other")} & set(hidden)
    assert all(len([key for key in group if key in hidden]) != 1 for group in rows + columns)


def test_cells_hidden_on_another_page_are_hidden_here_too():
    counts = {("HN", "priority"): 9, ("HN", "other"): 40, ("HN", "all"): 49}
    group = [list(counts)]
    assert suppression(counts, group, also={("HN", "all")}) == {("HN", "all"): SECONDARY, ("HN", "priority"): SECONDARY}


def test_a_zero_is_shown_and_never_taken_to_protect_a_cell_while_a_non_zero_one_can_be():
    # Departures by destination under a published total: Japan 3 (primary), Korea 0, Taiwan 12, total 15. The zero
    # stays 0; Taiwan's 12 goes (15 − 12 − 0 would give Japan's 3), and the total then has two hidden parts.
    counts = {"JP": 3, "KR": 0, "TW": 12, "all": 15}
    assert suppression(counts, [["JP", "KR", "TW", "all"]]) == {"JP": PRIMARY, "TW": SECONDARY}


def test_five_is_never_primary_and_a_cell_of_five_or_more_is_only_ever_secondary():
    # A centre's week: referrals 2 priority, 28 other, 30 all; registrations 3, 6, 9.
    counts = {("referrals", "priority"): 2, ("referrals", "other"): 28, ("referrals", "all"): 30,
              ("registered", "priority"): 3, ("registered", "other"): 6, ("registered", "all"): 9,
              ("hires", "priority"): 5, ("hires", "other"): 0, ("hires", "all"): 5}
    groups = [[(metric, group) for group in ("priority", "other", "all")] for metric in ("referrals", "registered", "hires")]
    assert suppression(counts, groups) == {
        ("referrals", "priority"): PRIMARY, ("referrals", "other"): SECONDARY,  # 28 < 30: the smaller one
        ("registered", "priority"): PRIMARY, ("registered", "other"): SECONDARY,  # 6 < 9
    }


def test_a_month_hidden_in_a_published_year_takes_another_month_with_it():
    # Hires in a year so far (3 months) and its months: March's 4 is primary; the year 31 = 12 + 15 + 4 would give it
    # away, so January's 12, the smallest other, goes too.
    counts = {"2026": 31, "2026-01": 12, "2026-02": 15, "2026-03": 4}
    assert suppression(counts, [list(counts)]) == {"2026-03": PRIMARY, "2026-01": SECONDARY}


@pytest.mark.parametrize(
    ("numerator", "base", "numerator_mark", "base_mark", "mark"),
    [
        (0, 3, None, PRIMARY, None),  # none of 3 departed workers paid above the cap: 0 %, shown
        (0, 0, None, None, None),  # a share of nobody: no figure ("–")
        (2, 3, PRIMARY, PRIMARY, SMALL_BASE),  # 2 of 3: the base under five hides it
        (3, 40, PRIMARY, None, SECONDARY),  # 3 of 40 would give the 3 away
        (12, 40, None, SECONDARY, SECONDARY),  # 12 of a hidden 40 would give the 40 away
        (12, 40, None, None, None),
        (5, 5, None, None, None),
    ],
)
def test_a_share_is_hidden_only_when_it_would_reveal_a_small_group(numerator, base, numerator_mark, base_mark, mark):
    assert share_mark(numerator=numerator, base=base, numerator_mark=numerator_mark, base_mark=base_mark) == mark


def test_a_median_over_fewer_than_five_people_is_hidden():
    assert [median_mark(people) for people in (0, 1, 4, 5, 80)] == [None, SMALL_BASE, SMALL_BASE, None, None]


def test_each_period_is_settled_with_its_year_its_month_or_on_its_own_across_two_months():
    october = Period("month", date(2026, 10, 1))
    assert settling_scope(october) == settling_scope(Period("year", date(2026, 1, 1))) == ("year", Period("year", date(2026, 1, 1)))
    assert settling_scope(Period("day", date(2026, 10, 7))) == ("month", october)
    assert settling_scope(Period("week", date(2026, 10, 5))) == ("month", october)  # 05/10–11/10: within October
    across = Period("week", date(2026, 9, 28))  # 28/09–04/10
    assert settling_scope(across) == ("week", across)


def test_a_month_settles_its_days_and_whole_weeks_after_itself_and_the_weeks_across_its_ends():
    october = Period("month", date(2026, 10, 1))
    settle = settling(("month", october))
    weeks = [Period("week", date(2026, 10, day)) for day in (5, 12, 19)]
    days = [Period("day", date(2026, 10, day)) for day in range(1, 32)]
    edge_days = [day for day in days if day.start.day <= 4 or day.start.day >= 26]
    assert settle.periods == (october, *weeks, *days)
    assert settle.settled == (october, *edge_days)
    assert settle.after == (("year", Period("year", date(2026, 1, 1))), ("week", Period("week", date(2026, 9, 28))),
                            ("week", Period("week", date(2026, 10, 26))))
    assert settle.sums == ((october, *days), *((week, *days[week.start.day - 1:week.start.day + 6]) for week in weeks),
                           (october, *weeks, *edge_days))
    assert settling(("week", Period("week", date(2026, 9, 28)))).sums == (
        (Period("week", date(2026, 9, 28)), *(Period("day", date(2026, 9, 28) + timedelta(days=n)) for n in range(7))),)


def test_a_settled_month_is_never_taken_to_protect_its_day_another_day_is():
    # October 13 hires (settled, shown with its year): 3 on the 7th, 10 on the 13th. Taking the month would change
    # what the month's own page shows; the 13th goes instead.
    counts = {"10/2026": 13, "07/10": 3, "13/10": 10, "14/10": 0}
    assert suppression(counts, [list(counts)], fixed={"10/2026"}) == {"07/10": PRIMARY, "13/10": SECONDARY}
    # A settled cell hidden before stays hidden, and counts as the second hidden cell of its sum.
    assert suppression(counts, [list(counts)], also={"10/2026"}, fixed={"10/2026"}) == {"10/2026": SECONDARY, "07/10": PRIMARY}


def test_a_zero_is_taken_only_when_no_other_cell_is_left_and_then_its_own_sums_follow():
    # Two rows of a table whose sums are published: Japan 3 (primary) next to Korea's 0 in one, Korea's 0 next to
    # Taiwan's 0 in the other (a sum of zeros, which ties nothing: every cell in it is 0).
    counts = {"JP": 3, "KR": 0, "TW": 0}
    assert suppression(counts, [["JP", "KR"], ["KR", "TW"]]) == {"JP": PRIMARY, "KR": SECONDARY}


def test_a_sum_that_gets_its_one_hidden_cell_behind_the_sweep_acts_on_the_next_one():
    # P (2) is primary: its sum takes A (10), the smallest shown cell it may take (S is settled). That gives the sums
    # before it ([S, A, Z]) and after it one hidden cell each: the one after takes B at once, the one before, on the next
    # sweep, takes the zero Z, the only cell left to it.
    counts = {"A": 10, "B": 6, "Z": 0, "S": 5, "P": 2}
    groups = [["S", "A", "Z"], ["P", "A", "S", "Z"], ["B", "S", "A", "Z"], ["S", "B"], ["S", "A"]]
    assert suppression(counts, groups, fixed={"S"}) == {"A": SECONDARY, "B": SECONDARY, "Z": SECONDARY, "P": PRIMARY}
