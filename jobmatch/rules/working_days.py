"""Working days: Monday to Friday (Saturdays and Sundays are not counted; public holidays are not known here)."""
from datetime import date, timedelta

SATURDAY = 5


def add_working_days(start: date, days: int) -> date:
    """The day `days` working days after `start` (start itself not counted): from a Friday, 1 working day is Monday."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < SATURDAY:
            days -= 1
    return day
