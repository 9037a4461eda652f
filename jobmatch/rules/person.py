"""Facts about a person computed from their data alone: their age on a day."""


def age_on(birth_date, day):
    """Whole years from a birth date to a day (the birthday itself counts as a year completed)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
