"""Overseas programmes' rules as plain data: each eligibility rule's verdict (an area ban on one day and not after it
ends), language levels, the service-fee cap, the path of stages and deadlines."""
from datetime import date, timedelta

import pytest

from jobmatch.rules.overseas import (
    SeekerFacts,
    active_bans,
    check_eligibility,
    deadline_state,
    entered_between,
    level_rank,
    may_post_abroad,
    meets_language,
    next_stage,
    recruiter_refusal,
    service_fee_cap,
)

EPS_RULES = {
    "min_age": 18, "max_age": 39,
    "language": {"language": "ko", "certificate": "EPS-TOPIK", "min_level": "80"},
    "health_check_months": 12, "no_overstay": True,
    "area_bans": [
        {"ward_code": "15199", "starts_on": "2026-03-01", "ends_on": "2026-12-31", "reason": "overstay rate"},
        {"province_code": "46", "starts_on": "2027-01-01", "ends_on": None, "reason": ""},
    ],
    "service_fee_months_per_year": 0, "service_fee_max_months": 0,
}
STAGES = [
    {"code": "registration", "kind": "step"},
    {"code": "roster", "kind": "step", "due_days": 730, "lapses": True},
    {"code": "departure", "kind": "departure"},
]


def facts(**overrides):
    values = {
        "birth_date": date(1995, 5, 17), "languages": [{"language": "ko", "certificate": "EPS-TOPIK", "level": "150"}],
        "health_check_on": date(2026, 9, 1), "overstayed_abroad": False, "ward_code": "15199", "province_code": "42",
    }
    values.update(overrides)
    return SeekerFacts(**values)


def failed(result):
    return {verdict.reason for verdict in result.verdicts if not verdict.passed}


def test_a_ward_under_an_area_ban_is_refused_on_a_day_of_the_ban_and_accepted_after_it_ends():
    during = check_eligibility(EPS_RULES, facts(), date(2026, 11, 29))
    assert not during.eligible and failed(during) == {"area_banned"}
    ban = next(verdict for verdict in during.verdicts if verdict.rule == "area_ban")
    assert ban.params["ward_code"] == "15199" and ban.params["ends_on"] == "2026-12-31"

    last_day = check_eligibility(EPS_RULES, facts(), date(2026, 12, 31))
    assert not last_day.eligible  # the last day is still under the ban
    after = check_eligibility(EPS_RULES, facts(), date(2027, 1, 1))
    assert after.eligible and failed(after) == set()
    assert check_eligibility(EPS_RULES, facts(), date(2026, 2, 28)).eligible  # before it started
    assert check_eligibility(EPS_RULES, facts(ward_code="15200"), date(2026, 11, 29)).eligible  # the next ward is free


def test_a_province_ban_without_a_last_day_holds_until_it_is_lifted():
    assert active_bans(EPS_RULES["area_bans"], date(2030, 1, 1)) == [EPS_RULES["area_bans"][1]]
    result = check_eligibility(EPS_RULES, facts(ward_code="26734", province_code="46", health_check_on=date(2029, 12, 1)),
                               date(2030, 1, 1))
    assert failed(result) == {"area_banned"}


def test_age_is_judged_on_the_day_with_the_birthday_counted():
    rules = {"min_age": 18, "max_age": 39}
    assert check_eligibility(rules, facts(birth_date=date(1987, 12, 1)), date(2026, 11, 30)).eligible  # 38
    assert check_eligibility(rules, facts(birth_date=date(1986, 12, 1)), date(2026, 11, 30)).eligible  # 39 until tomorrow
    too_old = check_eligibility(rules, facts(birth_date=date(1986, 12, 1)), date(2026, 12, 1))  # 40 today
    assert failed(too_old) == {"too_old"} and too_old.verdicts[0].params == {"age": 40, "max_age": 39}
    too_young = check_eligibility(rules, facts(birth_date=date(2009, 1, 1)), date(2026, 11, 30))
    assert failed(too_young) == {"too_young"}
    assert failed(check_eligibility(rules, facts(birth_date=None), date(2026, 11, 30))) == {"no_birth_date"}


def test_the_language_rule_tells_a_missing_certificate_from_a_low_level():
    rules = {"language": EPS_RULES["language"]}
    assert failed(check_eligibility(rules, facts(languages=[]), date(2026, 11, 29))) == {"no_certificate"}
    low = facts(languages=[{"language": "ko", "certificate": "EPS-TOPIK", "level": "75"}])
    assert failed(check_eligibility(rules, low, date(2026, 11, 29))) == {"level_too_low"}
    typed_loosely = facts(languages=[{"language": "ko", "certificate": "eps topik", "level": "80"}])
    assert check_eligibility(rules, typed_loosely, date(2026, 11, 29)).eligible


@pytest.mark.parametrize(("certificate", "held", "needed", "meets"), [
    ("JLPT", "N3", "N4", True), ("JLPT", "N5", "N4", False), ("JLPT", "n4", "N4", True),
    ("EPS-TOPIK", "80", "80", True), ("EPS-TOPIK", "79.5", "80", False), ("IELTS", "6,5", "6.0", True),
    ("JLPT", "đạt", "N4", False),
])
def test_levels_compare_within_their_certificate(certificate, held, needed, meets):
    requirement = {"certificate": certificate, "min_level": needed}
    assert meets_language([{"certificate": certificate, "level": held}], requirement) is meets


def test_a_level_that_cannot_be_read_has_no_rank():
    assert level_rank("JLPT", "N6") is None and level_rank("EPS-TOPIK", "good") is None


def test_the_health_check_must_be_recent_and_an_overstay_bars():
    rules = {"health_check_months": 12, "no_overstay": True}
    assert failed(check_eligibility(rules, facts(health_check_on=None), date(2026, 11, 29))) == {"no_health_check"}
    assert failed(check_eligibility(rules, facts(health_check_on=date(2025, 11, 1)), date(2026, 11, 29))) == {"health_check_old"}
    assert failed(check_eligibility(rules, facts(overstayed_abroad=True), date(2026, 11, 29))) == {"overstayed"}


def test_a_programme_without_rules_accepts_everyone():
    result = check_eligibility({"area_bans": []}, facts(birth_date=None, languages=[]), date(2026, 11, 29))
    assert result.eligible and result.verdicts == []


def test_the_service_fee_cap_is_a_month_per_year_of_contract_at_most_three_months():
    rules = {"service_fee_months_per_year": 1, "service_fee_max_months": 3}
    assert service_fee_cap(rules, monthly_salary=30_000_000, contract_months=12) == 30_000_000
    assert service_fee_cap(rules, monthly_salary=30_000_000, contract_months=36) == 90_000_000
    assert service_fee_cap(rules, monthly_salary=30_000_000, contract_months=60) == 90_000_000  # capped at 3 months
    assert service_fee_cap(rules, monthly_salary=30_000_000, contract_months=6) == 15_000_000
    assert service_fee_cap({"service_fee_months_per_year": 0}, monthly_salary=30_000_000, contract_months=36) == 0
    assert service_fee_cap({}, monthly_salary=30_000_000, contract_months=36) is None


def test_the_path_goes_one_stage_at_a_time_and_ends():
    assert next_stage(STAGES, "registration")["code"] == "roster"
    assert next_stage(STAGES, "roster")["code"] == "departure"
    assert next_stage(STAGES, "departure") is None


def test_a_deadline_is_near_within_30_days_and_passed_the_day_after():
    roster = STAGES[1]
    entered = date(2025, 1, 1)  # due on 2027-01-01
    assert deadline_state(roster, entered, date(2026, 12, 1)) is None
    assert deadline_state(roster, entered, date(2026, 12, 2)) == "soon"
    assert deadline_state(roster, entered, date(2027, 1, 1)) == "soon"
    assert deadline_state(roster, entered, date(2027, 1, 2)) == "passed"
    assert deadline_state(STAGES[0], entered, date(2030, 1, 1)) is None


def test_the_lateness_filter_selects_the_days_entered_that_deadline_state_reads_so():
    today = date(2027, 1, 1)
    for stage in (STAGES[0], STAGES[1]):
        for lateness in ("passed", "soon", "on_time"):
            window = entered_between(stage, lateness, today)
            for back in range(0, 800):
                entered = today - timedelta(days=back)
                inside = window is not False and (window[0] is None or window[0] <= entered) and (window[1] is None or entered <= window[1])
                assert inside == ((deadline_state(stage, entered, today) or "on_time") == lateness), (stage["code"], lateness, entered)


PUBLIC_ONLY = {"recruiters": "public_only"}
FEE = [{"kind": "service", "amount_vnd": 4_500_000}]
COSTS = [{"kind": kind, "amount_vnd": 4_500_000} for kind in ("travel", "visa_health", "training", "deposit", "other")]


@pytest.mark.parametrize(("rules", "public_body", "fees", "refusal"), [
    (PUBLIC_ONLY, False, [], "public_only"),  # a private agency posting EPS
    (PUBLIC_ONLY, False, FEE, "public_only"),
    (PUBLIC_ONLY, True, FEE, "no_fees"),  # the Centre itself, with a service fee
    (PUBLIC_ONLY, True, COSTS, None),  # the worker's own costs, listed openly
    (PUBLIC_ONLY, True, [{"kind": "other", "amount_vnd": 0}], None),
    (PUBLIC_ONLY, True, None, None),
    ({"recruiters": "licensed_agencies"}, False, FEE, None),
    ({}, False, FEE, None),  # a programme saved before the rule: licensed agencies
    (None, False, FEE, None),  # no programme
])
def test_who_may_recruit_for_a_programme(rules, public_body, fees, refusal):
    assert recruiter_refusal(rules, public_body=public_body, fees=fees) == refusal


@pytest.mark.parametrize(("public_body", "licence", "expires_on", "allowed"), [
    (True, None, None, True),  # a public body needs no licence
    (False, None, None, False),
    (False, "123/LĐTBXH-GP", None, True),
    (False, "123/LĐTBXH-GP", date(2026, 12, 5), True),  # its last day
    (False, "123/LĐTBXH-GP", date(2026, 12, 4), False),
])
def test_who_may_post_abroad_on_a_day(public_body, licence, expires_on, allowed):
    assert may_post_abroad(public_body=public_body, licence=licence, expires_on=expires_on, day=date(2026, 12, 5)) is allowed
