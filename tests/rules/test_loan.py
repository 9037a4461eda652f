"""The preferential loan's conditions on hand-built facts, and the bank's ten working days."""
from dataclasses import replace
from datetime import date

import pytest

from jobmatch.rules.loan import LoanFacts, add_working_days, answer_due, eligible, judge_loan

EPS = LoanFacts(kind="eps_deposit", day=date(2026, 3, 2), programme="EPS", contract_signed=True, contract_months=36,
                categories=("poor",), has_residence=True, amount_vnd=100_000_000, costs_vnd=0, state_support_vnd=0, term_months=36)
DECREE = replace(EPS, kind="decree_338", amount_vnd=110_000_000, costs_vnd=130_000_000, state_support_vnd=20_000_000)


def failed(facts):
    return [verdict.rule for verdict in judge_loan(facts) if not verdict.passed]


@pytest.mark.parametrize("facts, rules", [
    (EPS, []),
    (DECREE, []),  # 130 million of costs less 20 million of state support: 110 million at most
    (replace(DECREE, amount_vnd=110_000_001), ["amount"]),
    (replace(EPS, amount_vnd=100_000_001), ["amount"]),  # the EPS deposit loan stops at 100 million
    (replace(EPS, programme="TITP"), ["programme"]),
    (replace(DECREE, day=date(2025, 12, 31)), ["in_force"]),
    (replace(EPS, contract_signed=False), ["contract"]),
    (replace(EPS, categories=("escaped_poverty",)), ["group"]),
    (replace(EPS, has_residence=False), ["residence"]),
    (replace(EPS, term_months=37), ["term"]),
    (replace(EPS, contract_months=None), ["term"]),
    (replace(DECREE, amount_vnd=250_000_000, costs_vnd=300_000_000, state_support_vnd=0), ["collateral"]),
])
def test_each_condition_is_judged_on_its_own(facts, rules):
    assert failed(facts) == rules


def test_collateral_is_advice_not_a_refusal():
    large = replace(DECREE, amount_vnd=250_000_000, costs_vnd=300_000_000, state_support_vnd=0)
    assert eligible(judge_loan(large)) and not eligible(judge_loan(replace(large, contract_signed=False)))


def test_the_group_condition_of_decree_338_is_marked_unconfirmed():
    marks = {verdict.rule: verdict.unconfirmed for verdict in judge_loan(DECREE)}
    assert marks["group"] and not marks["amount"]
    assert not any(verdict.unconfirmed for verdict in judge_loan(EPS))


@pytest.mark.parametrize("start, count, expected", [
    (date(2026, 12, 4), 1, date(2026, 12, 7)),  # Friday → Monday
    (date(2026, 12, 1), 10, date(2026, 12, 15)),  # Tuesday + two weeks
    (date(2026, 12, 5), 1, date(2026, 12, 7)),  # Saturday → Monday
])
def test_working_days_skip_weekends(start, count, expected):
    assert add_working_days(start, count) == expected


def test_the_bank_answers_within_ten_working_days():
    assert answer_due(date(2026, 11, 20)) == date(2026, 12, 4)
