"""Facts about a person computed from their data alone: their age on a day and its band, whether they are of working
age, their name as a search compares it."""
from datetime import date

from search.folding import fold

# Working age (Labour Code 2019, Art. 3 and 169; Decree 135/2020/NĐ-CP, Art. 4): from 15 until the retirement age, which
# in normal working conditions was 60 years 3 months for men and 55 years 4 months for women in 2021, rising each year
# by 3 months for men (to 62 in 2028) and 4 months for women (to 60 in 2035). Ages in months.
WORKING_AGE_FROM = 15
_RETIREMENT = {"male": (60 * 12 + 3, 3, 62 * 12), "female": (55 * 12 + 4, 4, 60 * 12)}


def age_on(birth_date, day):
    """Whole years from a birth date to a day (the birthday itself counts as a year completed)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def months_of_age(birth_date, day):
    """Whole months from a birth date to a day."""
    return (day.year - birth_date.year) * 12 + day.month - birth_date.month - (day.day < birth_date.day)


def retirement_age_months(sex, year):
    """The retirement age in months for a person of this sex reaching it in a year; for a person whose sex is not
    stated, the later (men's) one, so that nobody is refused for a fact the service does not hold."""
    start, step, ceiling = _RETIREMENT.get(sex, _RETIREMENT["male"])
    return min(ceiling, start + step * max(0, year - 2021))


def of_working_age(birth_date, day, sex=None):
    """From the 15th birthday until the retirement age of the day's year (None: no birth date held)."""
    if birth_date is None:
        return None
    months = months_of_age(birth_date, day)
    return WORKING_AGE_FROM * 12 <= months < retirement_age_months(sex, day.year)


def latest_birth_date_of_age(years, day):
    """The latest birth date of someone aged at least `years` on `day` (age_on's rule): the same day `years` earlier,
    or 28 February when that day is a 29 February in a common year (born on 1 March, not yet a year older)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, 2, 28)


# The age bands of the General Statistics Office's and the ILO's labour tables, each by its lowest age; the youngest
# holds anyone under 25 (a profile refuses anyone under 15, the Labour Code's minimum age). "unknown": no birth date.
AGE_BAND_LOWEST = (("15_24", 15), ("25_34", 25), ("35_44", 35), ("45_54", 45), ("55_plus", 55))
AGE_UNKNOWN = "unknown"
AGE_BANDS = (*(code for code, _ in AGE_BAND_LOWEST), AGE_UNKNOWN)


def age_band(birth_date, day):
    """The band of a person's age on a day, or "unknown" without a birth date."""
    if birth_date is None:
        return AGE_UNKNOWN
    age = age_on(birth_date, day)
    return next((code for code, lowest in reversed(AGE_BAND_LOWEST) if age >= lowest), AGE_BAND_LOWEST[0][0])


def age_band_birth_dates(day):
    """[(band, latest birth date in it)] from the oldest band to the youngest (the youngest has none: every later birth
    date): a birth date on or before a band's date is that band's or an older one's. The same bands as age_band, for
    grouping many people in one query."""
    return [(code, latest_birth_date_of_age(lowest, day) if lowest > AGE_BAND_LOWEST[0][1] else None)
            for code, lowest in reversed(AGE_BAND_LOWEST)]


def name_words(text):
    """A name as the words a search compares, folded (no diacritics, đ → d, lower case): "Lò Văn Páo" → ["lo", "van",
    "pao"]; "H'Mông" → ["hmong"] (an apostrophe joins, since people type it or leave it out)."""
    folded = fold((text or "").replace("'", "").replace("’", ""))
    return "".join(character if character.isalnum() else " " for character in folded).split()


def folded_name(text):
    """What is stored beside a name for searching it on any database: its words, folded, one space apart."""
    return " ".join(name_words(text))


def name_match_rank(query_words, stored_folded_name):
    """How well a name answers the words typed, best first: 1 the whole name, 2 the name's beginning in order ("nguyen
    thi thu" for Nguyễn Thị Thu Hà), 3 every word the beginning of one of the name's words, in any order ("pao lo");
    None when a word matches nothing."""
    name = stored_folded_name.split()
    if not query_words:
        return None
    if query_words == name:
        return 1
    count = len(query_words)
    if len(name) >= count and name[: count - 1] == query_words[:-1] and name[count - 1].startswith(query_words[-1]):
        return 2
    remaining = list(name)
    for word in sorted(query_words, key=len, reverse=True):
        match = next((candidate for candidate in remaining if candidate.startswith(word)), None)
        if match is None:
            return None
        remaining.remove(match)
    return 3
