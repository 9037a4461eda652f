"""Preferential loans from the Bank for Social Policies for workers going abroad, as plain data: each condition's
verdict for a worker's case, and the bank's answer time in working days. No database and no Flask.

Two loans (research notes, December 2026):
- "decree_338": Decree 338/2025/NĐ-CP (from 01/01/2026): up to the costs the worker pays before departure under the
  contract, less what the state already funds; collateral above 200,000,000 ₫; a term no longer than the contract. The
  groups given priority credit are those of the Employment Law 2025, Art. 38 (poor, near-poor, disabled, ethnic-minority
  people): that Decree 338 lends to exactly these is not confirmed.
- "eps_deposit": Decision 16/2023: up to 100,000,000 ₫ without collateral for the EPS deposit, for people already
  entitled to the bank's policy loans, with a signed EPS contract and permanent residence where the branch is.
"""
from dataclasses import dataclass
from datetime import date, timedelta

LOAN_KINDS = ("decree_338", "eps_deposit")
DECREE_338_FROM = date(2026, 1, 1)
COLLATERAL_ABOVE_VND = 200_000_000
EPS_DEPOSIT_MAX_VND = 100_000_000
PRIORITY_CREDIT_GROUPS = ("poor", "near_poor", "disability", "ethnic_minority")
BANK_ANSWER_WORKING_DAYS = 10
# Which conditions could not be confirmed in the full legal text; shown beside their verdicts.
UNCONFIRMED = {("decree_338", "group")}


@dataclass(frozen=True)
class LoanFacts:
    kind: str
    day: date  # the day the dossier is prepared
    programme: str
    contract_signed: bool
    contract_months: int | None
    categories: tuple  # priority categories in force that day
    has_residence: bool  # a ward of residence recorded (the bank's branch lends where the worker lives)
    amount_vnd: int  # asked for
    costs_vnd: int  # what the worker pays before departure under the contract
    state_support_vnd: int  # support already approved for the case
    term_months: int


@dataclass(frozen=True)
class LoanVerdict:
    rule: str  # in_force, programme, contract, group, residence, amount, term, collateral
    passed: bool
    unconfirmed: bool = False
    detail: int | None = None  # the limit the rule compared with, when it has one


def judge_loan(facts):
    """Each condition's verdict, in the order the bank's officer reads a dossier. "collateral" is advice, not a refusal:
    it passes when none is needed and is reported when one is."""
    kind = facts.kind
    verdicts = []
    if kind == "decree_338":
        verdicts.append(LoanVerdict("in_force", facts.day >= DECREE_338_FROM))
    else:
        verdicts.append(LoanVerdict("programme", facts.programme == "EPS"))
    verdicts.append(LoanVerdict("contract", facts.contract_signed))
    verdicts.append(LoanVerdict("group", bool(set(facts.categories) & set(PRIORITY_CREDIT_GROUPS)), (kind, "group") in UNCONFIRMED))
    verdicts.append(LoanVerdict("residence", facts.has_residence))
    if kind == "decree_338":
        limit = max(facts.costs_vnd - facts.state_support_vnd, 0)
    else:
        limit = min(EPS_DEPOSIT_MAX_VND, facts.costs_vnd) if facts.costs_vnd else EPS_DEPOSIT_MAX_VND
    verdicts.append(LoanVerdict("amount", 0 < facts.amount_vnd <= limit, detail=limit))
    verdicts.append(LoanVerdict("term", facts.contract_months is not None and 0 < facts.term_months <= facts.contract_months,
                                detail=facts.contract_months))
    if kind == "decree_338":
        verdicts.append(LoanVerdict("collateral", facts.amount_vnd <= COLLATERAL_ABOVE_VND, detail=COLLATERAL_ABOVE_VND))
    return verdicts


def eligible(verdicts):
    """Every condition met (collateral is advice: a loan above the threshold needs it, it is not refused)."""
    return all(verdict.passed for verdict in verdicts if verdict.rule != "collateral")


def add_working_days(start, count):
    """The day `count` working days (Monday to Friday) after `start`. Public holidays are not counted out."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def answer_due(submitted_on):
    """The last day the bank's 10 working days allow for an answer to a complete dossier."""
    return add_working_days(submitted_on, BANK_ANSWER_WORKING_DAYS)
