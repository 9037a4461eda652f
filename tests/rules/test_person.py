"""Names as a search compares them: folded words, and how well a name answers what was typed; age bands; working age."""
from datetime import date, timedelta

import pytest

from jobmatch.rules.clock import years_months_days
from jobmatch.rules.person import (
    AGE_BANDS,
    age_band,
    age_band_birth_dates,
    folded_name,
    name_match_rank,
    name_words,
    of_working_age,
    retirement_age_months,
)


@pytest.mark.parametrize(("name", "folded"), [
    ("Lò Văn Páo", "lo van pao"),
    ("Đỗ Hữu Hùng", "do huu hung"),
    ("  NGUYỄN   thị  Thu-Hà ", "nguyen thi thu ha"),
    ("Giàng A Lử (H'Mông)", "giang a lu hmong"),
    ("", ""),
    (None, ""),
])
def test_a_name_is_folded_to_plain_words(name, folded):
    assert folded_name(name) == folded


@pytest.mark.parametrize(("typed", "name", "rank"), [
    ("lo van pao", "Lò Văn Páo", 1),
    ("Lò Văn Páo", "Lò Văn Páo", 1),
    ("nguyen thi thu", "Nguyễn Thị Thu Hà", 2),
    ("nguyen thi th", "Nguyễn Thị Thu Hà", 2),
    ("pao lo", "Lò Văn Páo", 3),
    ("thu nguyen", "Nguyễn Thị Thu Hà", 3),
    ("hung", "Đỗ Hữu Hùng", 3),
    ("hu hu", "Đỗ Hữu Hùng", 3),  # two words typed, two of the name's words begin so
    ("hu hu hu", "Đỗ Hữu Hùng", None),  # a third would need a third word
    ("an", "Nguyễn Văn Bình", None),  # "an" is inside "van", not the beginning of a word
    ("", "Nguyễn Văn Bình", None),
])
def test_how_well_a_name_answers_the_words_typed(typed, name, rank):
    assert name_match_rank(name_words(typed), folded_name(name)) == rank


@pytest.mark.parametrize(("days", "parts"), [
    (1765, (4, 10, 0)),  # EPS's contract stage: "4 years 10 months", not "1765 days"
    (365, (1, 0, 0)),
    (90, (0, 3, 0)),
    (59, (0, 0, 59)),
    (30, (0, 0, 30)),
])
def test_a_span_of_days_is_said_in_years_and_months(days, parts):
    assert years_months_days(days) == parts


@pytest.mark.parametrize(("sex", "year", "months"), [
    ("male", 2021, 60 * 12 + 3), ("male", 2026, 61 * 12 + 6), ("male", 2028, 62 * 12), ("male", 2040, 62 * 12),
    ("female", 2021, 55 * 12 + 4), ("female", 2026, 57 * 12), ("female", 2035, 60 * 12), ("female", 2050, 60 * 12),
    (None, 2026, 61 * 12 + 6), ("male", 2019, 60 * 12 + 3),
])
def test_the_retirement_age_follows_decree_135_2020s_roadmap(sex, year, months):
    assert retirement_age_months(sex, year) == months


@pytest.mark.parametrize(("birth_date", "day", "sex", "working"), [
    (date(2011, 12, 6), date(2026, 12, 5), None, False),  # 15 tomorrow
    (date(2011, 12, 5), date(2026, 12, 5), None, True),  # 15 today
    (date(1965, 6, 6), date(2026, 12, 5), "male", True),  # 61 years 5 months: under 61 years 6 months
    (date(1965, 6, 5), date(2026, 12, 5), "male", False),  # 61 years 6 months
    (date(1969, 12, 6), date(2026, 12, 5), "female", True),  # 56 years 11 months: under 57
    (date(1969, 12, 5), date(2026, 12, 5), "female", False),
    (date(1969, 12, 5), date(2026, 12, 5), None, True),  # sex not held: the later age, nobody refused for it
    (None, date(2026, 12, 5), None, None),
])
def test_working_age_is_from_15_until_the_retirement_age(birth_date, day, sex, working):
    assert of_working_age(birth_date, day, sex) is working


@pytest.mark.parametrize(("birth_date", "day", "band"), [
    (date(2002, 1, 1), date(2026, 12, 31), "15_24"),   # 24 on the last day of the year
    (date(2001, 12, 31), date(2026, 12, 31), "25_34"),  # 25 on their birthday
    (date(2001, 12, 31), date(2026, 12, 30), "15_24"),  # one day before it
    (date(1992, 6, 15), date(2026, 6, 14), "25_34"),
    (date(1991, 6, 15), date(2026, 6, 15), "35_44"),
    (date(1981, 6, 15), date(2026, 6, 15), "45_54"),
    (date(1971, 6, 15), date(2026, 6, 15), "55_plus"),
    (date(1930, 1, 1), date(2026, 6, 15), "55_plus"),
    (date(2012, 1, 1), date(2026, 6, 15), "15_24"),    # under 15 (refused on a profile): the youngest band
    (None, date(2026, 6, 15), "unknown"),
    (date(2004, 2, 29), date(2029, 2, 28), "15_24"),   # born on 29 February: not 25 until 1 March in a common year
    (date(2004, 2, 29), date(2029, 3, 1), "25_34"),
])
def test_the_age_band_on_a_day(birth_date, day, band):
    assert age_band(birth_date, day) == band


@pytest.mark.parametrize("day", [date(2026, 12, 31), date(2028, 2, 29), date(2027, 2, 28), date(2026, 3, 1)])
def test_the_bands_birth_dates_put_everyone_where_age_band_does(day):
    """The dates a query groups by (age_band_birth_dates) against the band of each birth date over 90 years."""
    bounds = age_band_birth_dates(day)

    def by_dates(birth_date):
        return next((code for code, latest in bounds if latest is not None and birth_date <= latest), bounds[-1][0])

    birth_date = date(day.year - 90, 1, 1)
    while birth_date <= day:
        assert by_dates(birth_date) == age_band(birth_date, day), birth_date
        birth_date += timedelta(days=1)
    assert [code for code, _ in bounds] == ["55_plus", "45_54", "35_44", "25_34", "15_24"]
    assert AGE_BANDS == ("15_24", "25_34", "35_44", "45_54", "55_plus", "unknown")
