"""Where demo rows are: wards drawn province by province, industrial zones for vacancies, mountain provinces for job seekers."""

# Wards are drawn from these provinces more often: industrial zones for vacancies, poorer mountain provinces for job seekers.
VACANCY_PROVINCE_WEIGHTS = {"79": 20, "01": 18, "31": 8, "24": 7, "75": 6, "48": 4, "22": 3, "38": 3}
MOUNTAIN_PROVINCES = ("04", "08", "11", "12", "14", "15", "20", "52", "66")
SEEKER_PROVINCE_WEIGHTS = {**{code: 2 for code in MOUNTAIN_PROVINCES}, "79": 8, "01": 8, "38": 3}


def weighted_wards(wards, province_weights):
    """(ward code, province code) pairs grouped by province, with each province's weight (1 unless given)."""
    by_province = {}
    for code, province_code in wards:
        by_province.setdefault(province_code, []).append(code)
    provinces = sorted(by_province)
    weights = [province_weights.get(code, 1) for code in provinces]
    return provinces, weights, by_province


def pick_ward(rng, weighted):
    """A ward code and its province code: the province by its weight first, then any of its wards."""
    provinces, weights, by_province = weighted
    province = rng.choices(provinces, weights)[0]
    return rng.choice(by_province[province]), province
