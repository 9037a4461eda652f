"""Support schemes' rules on hand-built versions: the version in force on a day, caps per group, once only, the stage
the case must have reached, and a claim's first refusal."""
from datetime import date

import pytest

from jobmatch.rules.support import ClaimFacts, item_cap, judge_claim, refusal, version_on

OLD = {
    "valid_from": date(2024, 6, 5), "categories": ["poor", "ethnic_minority"], "programmes": ["EPS"],
    "items": [
        {"code": "language_training", "cap_vnd": 4_000_000, "per": "course", "once_per": "case", "from_stage": "registration"},
        {"code": "meals", "cap_vnd": 50_000, "per": "day", "once_per": None, "from_stage": "registration"},
        {"code": "passport", "cap_vnd": 200_000, "per": "document", "once_per": "case", "from_stage": "contract"},
        {"code": "visa", "cap_vnd": None, "per": "document", "once_per": "case", "from_stage": "contract"},
    ],
}
NEW = {**OLD, "valid_from": date(2026, 1, 1), "items": OLD["items"] + [
    {"code": "orientation", "cap_vnd": 530_000, "per": "course", "once_per": "case", "from_stage": "contract"}]}
TRAINING = {
    "valid_from": date(2016, 1, 1), "categories": ["disability", "poor", "ethnic_minority", "near_poor"], "programmes": [],
    "items": [{"code": "vocational_training", "cap_vnd": 2_000_000, "per": "course", "once_per": "person", "from_stage": None,
               "cap_by_category": {"disability": 6_000_000, "poor+ethnic_minority": 4_000_000, "ethnic_minority": 3_000_000,
                                   "poor": 3_000_000, "near_poor": 2_500_000}}],
}
CIRCULAR_152 = {**TRAINING, "conditions": ["working_age", "employment_commitment"]}
REACHED = ("registration", "language_test", "contract")


@pytest.mark.parametrize("day, expected", [
    (date(2024, 6, 4), None), (date(2024, 6, 5), OLD), (date(2025, 12, 31), OLD), (date(2026, 1, 1), NEW), (date(2026, 12, 5), NEW),
])
def test_the_version_in_force_is_the_last_begun_by_that_day(day, expected):
    assert version_on([NEW, OLD], day) is expected


@pytest.mark.parametrize("categories, cap", [
    ((), 2_000_000), (("near_poor",), 2_500_000), (("poor",), 3_000_000), (("ethnic_minority",), 3_000_000),
    (("poor", "ethnic_minority"), 4_000_000), (("poor", "disability"), 6_000_000), (("escaped_poverty",), 2_000_000),
])
def test_a_training_cap_is_the_highest_of_the_groups_a_person_belongs_to(categories, cap):
    assert item_cap(TRAINING["items"][0], categories) == cap


def facts(**changes):
    return ClaimFacts(**{"item": "language_training", "amount_vnd": 3_500_000, "quantity": 1, "categories": ("poor",),
                         "programme": "EPS", "stages_reached": REACHED, **changes})


@pytest.mark.parametrize("version, claim, rule, field", [
    (None, facts(), "in_force", "claimed_on"),
    (OLD, facts(item="orientation"), "item", "item"),  # the 2026 item did not exist before
    (OLD, facts(programme="TITP"), "programme", "case"),
    (OLD, facts(categories=("near_poor",)), "category", "job_seeker"),
    (OLD, facts(categories=()), "category", "job_seeker"),
    (OLD, facts(item="passport", amount_vnd=200_000, stages_reached=("registration", "language_test")), "stage", "item"),
    (OLD, facts(amount_vnd=4_000_001), "cap", "amount_vnd"),
    (OLD, facts(amount_vnd=0), "cap", "amount_vnd"),
    (OLD, facts(item="meals", amount_vnd=1_550_000, quantity=30), "cap", "amount_vnd"),  # 30 days × 50,000 = 1,500,000
    (OLD, facts(item="meals", amount_vnd=50_000, quantity=0), "quantity", "quantity"),
    (OLD, facts(quantity=2), "quantity", "quantity"),  # a course is claimed once, not twice in one claim
    (OLD, facts(claimed_for_case=("language_training",)), "once", "item"),
    (TRAINING, facts(item="vocational_training", amount_vnd=3_000_000, programme=None, claimed_for_person=("vocational_training",)),
     "once", "item"),
    (CIRCULAR_152, facts(item="vocational_training", amount_vnd=1_000_000, working_age=False, commitment="employer_commitment"),
     "working_age", "job_seeker"),
    (CIRCULAR_152, facts(item="vocational_training", amount_vnd=1_000_000, working_age=None, commitment="employer_commitment"),
     "working_age", "job_seeker"),
    (CIRCULAR_152, facts(item="vocational_training", amount_vnd=1_000_000, working_age=True), "commitment", "commitment"),
    (CIRCULAR_152, facts(item="vocational_training", amount_vnd=1_000_000, working_age=True, commitment="a letter"),
     "commitment", "commitment"),
])
def test_each_refusal_names_its_rule_and_field(version, claim, rule, field):
    verdict = refusal(judge_claim(version, claim))
    assert (verdict.rule, verdict.field) == (rule, field)


@pytest.mark.parametrize("version, claim", [
    (OLD, facts()),
    (OLD, facts(amount_vnd=4_000_000)),  # exactly the cap
    (OLD, facts(item="meals", amount_vnd=1_500_000, quantity=30)),
    (OLD, facts(item="meals", amount_vnd=50_000, claimed_for_case=("meals",))),  # meals are claimed month after month
    (OLD, facts(item="visa", amount_vnd=2_300_000)),  # paid as charged against the receipt
    (OLD, facts(claimed_for_person=("language_training",))),  # once per case: another case may claim it again
    (NEW, facts(item="orientation", amount_vnd=530_000)),
    (TRAINING, facts(item="vocational_training", amount_vnd=4_000_000, categories=("poor", "ethnic_minority"), programme=None,
                     stages_reached=())),
    (CIRCULAR_152, facts(item="vocational_training", amount_vnd=3_000_000, working_age=True, commitment="self_employment_plan")),
    (TRAINING, facts(item="vocational_training", amount_vnd=3_000_000)),  # a version without conditions asks for none
])
def test_a_claim_within_every_rule_passes(version, claim):
    assert refusal(judge_claim(version, claim)) is None


def test_the_cap_verdict_carries_the_total_for_the_units_claimed():
    verdicts = judge_claim(OLD, facts(item="meals", amount_vnd=1_000_000, quantity=30))
    assert next(verdict for verdict in verdicts if verdict.rule == "cap").params == {"cap": 1_500_000}
