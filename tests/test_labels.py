"""Every coded value has a label, and every label names a code: pages never show a raw code or miss one."""
from jobmatch import labels
from jobmatch.models.account import ROLES
from jobmatch.models.application import APPLICATION_SOURCES, REJECTION_REASONS, TRANSITIONS
from jobmatch.models.consent import CONSENT_PURPOSES
from jobmatch.models.job_seeker import EDUCATION_LEVELS, LANGUAGES, PRIORITY_CATEGORIES, SEXES, VISIBILITIES
from jobmatch.models.vacancy import DESTINATION_COUNTRIES, EMPLOYMENT_TYPES, VACANCY_STATUSES
from jobmatch.rules.person import AGE_BANDS


def test_labels_match_the_codes():
    pairs = [
        (labels.APPLICATION_STATUSES, TRANSITIONS), (labels.REJECTION_REASONS, REJECTION_REASONS),
        (labels.SOURCES, APPLICATION_SOURCES), (labels.ROLES, ROLES), (labels.CONSENT_PURPOSES, CONSENT_PURPOSES),
        (labels.EDUCATION_LEVELS, EDUCATION_LEVELS), (labels.LANGUAGES, LANGUAGES),
        (labels.PRIORITY_CATEGORIES, PRIORITY_CATEGORIES), (labels.VISIBILITIES, VISIBILITIES),
        (labels.COUNTRIES, DESTINATION_COUNTRIES), (labels.EMPLOYMENT_TYPES, EMPLOYMENT_TYPES),
        (labels.VACANCY_STATUSES, VACANCY_STATUSES), (labels.SEXES, SEXES), (labels.AGE_BANDS, AGE_BANDS),
    ]
    for shown, codes in pairs:
        assert set(shown) == set(codes)


def _code_lists():
    """Every code list the models and rules declare: module-level tuples of strings named in capitals."""
    import importlib
    import pkgutil

    import jobmatch.models
    import jobmatch.rules

    for package in (jobmatch.models, jobmatch.rules):
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{module_info.name}")
            for name, value in vars(module).items():
                if name.isupper() and isinstance(value, tuple) and value and all(isinstance(code, str) for code in value):
                    yield f"{module.__name__}.{name}", name, value


# Code lists that are never shown as words, or shown under another name (their pairing is checked above).
NOT_SHOWN = {
    "jobmatch.models.application.PLACEMENT_FROM",  # statuses, labelled as APPLICATION_STATUSES
    "jobmatch.models.application.PIPELINE",  # statuses, labelled as APPLICATION_STATUSES
    "jobmatch.models.application.FINAL_STATUSES",  # statuses, labelled as APPLICATION_STATUSES
    "jobmatch.models.application.APPLICATION_SOURCES",  # labels.SOURCES
    "jobmatch.models.vacancy.DESTINATION_COUNTRIES",  # labels.COUNTRIES
    "jobmatch.models.job_run.OUTCOMES",  # job runs are read in the command line
    "jobmatch.models.overseas.STAGE_KINDS",  # each programme names its own stages
    "jobmatch.models.stats.AREA_KINDS",  # shown as the area's name
    "jobmatch.models.stats.BREAKDOWNS",  # shown by the table's title (labels.STAT_TABLES)
    "jobmatch.models.stats.GROUPS",  # shown as column headings (labels.STAT_COLUMNS)
    "jobmatch.models.job_fair.REGISTRATION_KINDS",  # who registered is shown by the registrant's own page
    "jobmatch.models.overseas.CLOSE_REASONS",  # the officers' choices: labels.CLOSE_REASONS, with "deleted" besides
    "jobmatch.models.overseas.CASE_CLOSE_REASONS",  # labels.CLOSE_REASONS
    "jobmatch.models.support.SCHEME_KINDS",  # a scheme is shown by its name
    "jobmatch.models.support.CLAIM_STATUSES",  # each status is a sentence with its day ("Đã duyệt ngày …")
    "jobmatch.models.training.LENGTH_UNITS",  # a length is written with its number ("3 tháng")
    "jobmatch.rules.discrimination.GROUNDS",  # a refusal names its ground in its own sentence
    "jobmatch.rules.loan.PRIORITY_CREDIT_GROUPS",  # the priority categories, labels.PRIORITY_CATEGORIES
    "jobmatch.rules.money.AT_LEAST_WORDS",  # words read, never shown
    "jobmatch.rules.occupation_coding.ACTIVITIES",  # words read in titles, never shown
    "jobmatch.rules.money.AT_MOST_WORDS",  # words read, never shown
    "jobmatch.rules.support.COUNTED_UNITS",  # a cap is written with its unit ("một ngày")
}


def test_every_reason_a_case_closes_for_has_its_label():
    from jobmatch.models.overseas import CASE_CLOSE_REASONS

    assert set(labels.CLOSE_REASONS) == set(CASE_CLOSE_REASONS)


def test_every_code_list_is_labelled_under_its_own_name_or_listed_as_not_shown():
    for where, name, codes in _code_lists():
        if where in NOT_SHOWN:
            continue
        shown = getattr(labels, name, None)
        assert shown is not None, f"{where} has no labels.{name}"
        assert set(shown) == set(codes), where



def test_every_audit_action_the_code_records_is_a_listed_one():
    """The person's own data page names each action done about them from the one list of actions (which has its labels,
    above): an action missing from it would read "another action". Found in the code: every action="…" given to
    audit.record, and f"loan_dossier.{status}" for each status."""
    import re
    from pathlib import Path

    from jobmatch.models.audit import AUDIT_ACTIONS
    from jobmatch.models.support import LOAN_STATUSES

    source = " ".join(path.read_text(encoding="utf-8") for path in Path(labels.__file__).parent.rglob("*.py"))
    recorded = set(re.findall(r'action="([a-z_.]+)"', source)) | {f"loan_dossier.{status}" for status in LOAN_STATUSES}
    assert recorded - set(AUDIT_ACTIONS) == set()
