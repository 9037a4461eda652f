"""An anonymous profile's age band and distance: coarse enough that they do not point at one person or ward."""
from datetime import date

import pytest

from jobmatch.rules.candidate import age_band, coarse_distance_km

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(("birth_date", "band"), [
    (None, None), (date(2010, 1, 1), None), (date(2008, 12, 5), "18–24"), (date(2008, 12, 6), None),
    (date(2001, 12, 6), "18–24"), (date(2001, 12, 5), "25–34"), (date(1992, 1, 1), "25–34"), (date(1991, 12, 5), "35–44"),
    (date(1972, 12, 6), "45–54"), (date(1960, 1, 1), "55+"),
])
def test_an_age_band_instead_of_a_birth_date(birth_date, band):
    assert age_band(birth_date, TODAY) == band


@pytest.mark.parametrize(("distance", "shown"), [(None, None), (0.0, 10.0), (3.2, 10.0), (10.0, 10.0), (10.1, 20.0), (87.4, 90.0)])
def test_a_distance_rounded_up_to_ten_kilometres(distance, shown):
    assert coarse_distance_km(distance) == shown
