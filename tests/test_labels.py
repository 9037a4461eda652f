"""Every coded value has a label, and every label names a code: pages never show a raw code or miss one."""
from jobmatch import labels
from jobmatch.models.account import ROLES
from jobmatch.models.application import APPLICATION_SOURCES, REJECTION_REASONS, TRANSITIONS
from jobmatch.models.consent import CONSENT_PURPOSES
from jobmatch.models.job_seeker import EDUCATION_LEVELS, LANGUAGES, PRIORITY_CATEGORIES, VISIBILITIES
from jobmatch.models.vacancy import DESTINATION_COUNTRIES, EMPLOYMENT_TYPES, VACANCY_STATUSES


def test_labels_match_the_codes():
    pairs = [
        (labels.APPLICATION_STATUSES, TRANSITIONS), (labels.REJECTION_REASONS, REJECTION_REASONS),
        (labels.SOURCES, APPLICATION_SOURCES), (labels.ROLES, ROLES), (labels.CONSENT_PURPOSES, CONSENT_PURPOSES),
        (labels.EDUCATION_LEVELS, EDUCATION_LEVELS), (labels.LANGUAGES, LANGUAGES),
        (labels.PRIORITY_CATEGORIES, PRIORITY_CATEGORIES), (labels.VISIBILITIES, VISIBILITIES),
        (labels.COUNTRIES, DESTINATION_COUNTRIES), (labels.EMPLOYMENT_TYPES, EMPLOYMENT_TYPES),
        (labels.VACANCY_STATUSES, VACANCY_STATUSES),
    ]
    for shown, codes in pairs:
        assert set(shown) == set(codes)
