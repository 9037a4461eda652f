"""What an anonymous candidate profile may say about a person: an age band instead of a birth date, and a distance too
coarse to find the ward by (an employer could otherwise move a vacancy about and triangulate)."""
import math

AGE_BANDS = ((18, 24), (25, 34), (35, 44), (45, 54))
DISTANCE_STEP_KM = 10


def age_band(birth_date, today):
    """"25–34" and the like; "55+" beyond; None without a birth date (or under 18)."""
    if birth_date is None:
        return None
    age = today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))
    for low, high in AGE_BANDS:
        if low <= age <= high:
            return f"{low}–{high}"
    return f"{AGE_BANDS[-1][1] + 1}+" if age > AGE_BANDS[-1][1] else None


def coarse_distance_km(distance_km):
    """The distance rounded up to the next DISTANCE_STEP_KM (at least one step); None stays None."""
    if distance_km is None:
        return None
    return float(max(1, math.ceil(distance_km / DISTANCE_STEP_KM)) * DISTANCE_STEP_KM)
