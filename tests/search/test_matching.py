"""The matching query builders, explanations and fair order as plain data."""
from datetime import date

from search.matching import (
    WEIGHTS,
    SeekerProfile,
    VacancyProfile,
    build_candidates_for_vacancy,
    build_jobs_for_seeker,
    explain_hit,
    fair_order,
    priority_bonus,
)

TODAY = date(2026, 11, 29)
WELDER = SeekerProfile(
    desired_isco_codes=["7212"], skills=["hàn TIG", "đọc bản vẽ"], location=(21.03, 105.85), commute_radius_km=20,
    willing_to_relocate=False, willing_abroad=False, abroad_countries=[], expected_salary=9_000_000, experience_years=2,
)


def clause(body, name):
    query = body["query"]["function_score"]["query"] if "function_score" in body["query"] else body["query"]
    return next(item["constant_score"] for item in query["bool"]["should"] if item["constant_score"]["_name"] == name)


def test_jobs_for_a_seeker_filter_closed_expired_and_overseas_and_name_every_part():
    body = build_jobs_for_seeker(WELDER, today=TODAY)
    filters = body["query"]["function_score"]["query"]["bool"]["filter"]
    assert {"term": {"status": "open"}} in filters
    assert {"range": {"deadline": {"gte": "2026-11-29"}}} in filters
    assert {"term": {"is_overseas": False}} in filters
    assert clause(body, "occupation_unit") == {"filter": {"terms": {"isco_code": ["7212"]}}, "boost": WEIGHTS["occupation_unit"],
                                               "_name": "occupation_unit"}
    assert clause(body, "skill:hàn TIG")["filter"] == {"match_phrase": {"skills_folded": "han tig"}}
    assert clause(body, "salary")["boost"] == WEIGHTS["salary"]
    # Distance decays past the commute radius, for vacancies at home only; no bonus without one.
    [decay] = body["query"]["function_score"]["functions"]
    assert decay["filter"] == {"term": {"is_overseas": False}}
    assert decay["gauss"]["location"]["offset"] == "20km"
    assert body["include_named_queries_score"] is True


def test_a_priority_seeker_lifts_vacancies_that_welcome_priority_groups_by_their_bonus():
    body = build_jobs_for_seeker(SeekerProfile(**{**vars(WELDER), "priority_bonus": 0.15}), today=TODAY)
    assert {"filter": {"term": {"welcomes_priority": True}}, "weight": 1.15} in body["query"]["function_score"]["functions"]


def test_candidates_are_only_people_shown_to_employers_and_abroad_only_those_willing():
    vacancy = VacancyProfile(isco_code="9211", skills=["chăn nuôi"], locations=[], is_overseas=True, destination_country="KR",
                             salary_max=40_000_000, salary_negotiable=False, no_experience_required=True)
    body = build_candidates_for_vacancy(vacancy)
    filters = body["query"]["function_score"]["query"]["bool"]["filter"]
    assert filters == [{"term": {"shown_to_employers": True}}, {"term": {"willing_abroad": True}}]
    assert clause(body, "language")["filter"] == {"prefix": {"language_certificates": "EPS-TOPIK:"}}
    assert clause(body, "destination")["filter"] == {"term": {"abroad_countries": "KR"}}
    # The bonus is the document's number and nothing else (a lapsed status leaves it when the profile is indexed again).
    assert body["query"]["function_score"]["functions"] == [{"field_value_factor": {"field": "priority_multiplier", "missing": 1}}]


def test_the_bonus_sums_categories_once_each_and_holds_the_cap():
    bonuses = {"poor": 0.15, "near_poor": 0.10, "ethnic_minority": 0.15}
    assert priority_bonus(["poor"], bonuses=bonuses, cap=0.30) == 0.15
    assert priority_bonus(["poor", "poor"], bonuses=bonuses, cap=0.30) == 0.15
    assert priority_bonus(["poor", "ethnic_minority", "near_poor"], bonuses=bonuses, cap=0.30) == 0.30
    assert priority_bonus([], bonuses=bonuses, cap=0.30) == 0


def test_an_explanation_names_exactly_the_matched_skills_and_splits_the_score():
    hit = {"_id": "7", "_score": 4.6, "matched_queries": {"occupation_unit": 3.0, "skill:hàn TIG": 1.0, "salary": 1.0}}
    explanation = explain_hit(hit, skills_asked=["hàn TIG", "đọc bản vẽ"], bonus=0.15)
    assert explanation.skills_matched == ["hàn TIG"] and explanation.skills_asked == ["hàn TIG", "đọc bản vẽ"]
    assert explanation.occupation == "unit" and explanation.salary_fit and not explanation.experience_fit
    assert explanation.relevance == 5.0
    assert explanation.distance_factor == round(4.6 / 5.0 / 1.15, 3)


def test_near_ties_take_turns_by_the_seed_and_clear_gaps_keep_their_order():
    hits = [{"_id": str(number), "_score": score} for number, score in
            enumerate([10.0, 9.95, 9.9, 9.85, 7.0, 6.99, 3.0])]
    orders = {tuple(hit["_id"] for hit in fair_order(hits, seed=f"2026-11-{day}:job_seeker:1")) for day in range(1, 29)}
    assert len(orders) > 1  # the near-ties at the top rotate from day to day
    for order in orders:
        assert set(order[:4]) == {"0", "1", "2", "3"} and set(order[4:6]) == {"4", "5"} and order[6] == "6"
    same_day = [tuple(hit["_id"] for hit in fair_order(hits, seed="2026-11-29:job_seeker:1")) for _ in range(3)]
    assert len(set(same_day)) == 1
