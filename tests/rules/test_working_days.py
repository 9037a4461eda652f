"""Working days skip Saturdays and Sundays; the start day is not counted."""
from datetime import date

import pytest

from jobmatch.rules.working_days import add_working_days


@pytest.mark.parametrize(("start", "days", "expected"), [
    (date(2026, 12, 7), 3, date(2026, 12, 10)),  # Monday + 3 → Thursday
    (date(2026, 12, 4), 1, date(2026, 12, 7)),  # Friday + 1 → Monday
    (date(2026, 12, 4), 3, date(2026, 12, 9)),  # Friday + 3 → Wednesday
    (date(2026, 12, 5), 1, date(2026, 12, 7)),  # registered on a Saturday: Monday is the first working day
    (date(2026, 12, 6), 5, date(2026, 12, 11)),  # Sunday + 5 → Friday
    (date(2026, 12, 7), 10, date(2026, 12, 21)),  # two whole weeks
    (date(2026, 12, 31), 2, date(2027, 1, 4)),  # across the year: Thursday + 2 → Monday
    (date(2026, 12, 7), 0, date(2026, 12, 7)),
])
def test_working_days_after_a_day(start, days, expected):
    assert add_working_days(start, days) == expected
