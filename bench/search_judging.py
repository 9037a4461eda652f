"""The judged queries of bench/search_relevance.py: reading them, grading a vacancy's ground truth for a query by the
rules written in that script's docstring, and the ranking measures."""
import json
import math
from dataclasses import dataclass
from pathlib import Path

JUDGMENTS = Path(__file__).resolve().parent / "data" / "search_judgments.json"
CLASSES = ("plain_title", "no_diacritics", "place_in_text", "former_place", "abbreviation", "overseas_intent",
           "acronym", "salary", "long_tail")
PROGRAMME_COUNTRY = {"TITP": "JP", "SSW": "JP", "EPS": "KR", "TW": "TW"}
COUNTRIES = {"JP", "KR", "TW", "DE", "AU", "abroad"}
EMPLOYMENT_TYPES = {"full_time", "part_time", "seasonal", "contract"}
RULE_KEYS = {"id", "class", "text", "concepts", "place", "country", "programme", "salary", "employment_type", "no_experience"}


@dataclass(frozen=True)
class Judgment:
    """One query as typed, and what the person typing it wants."""

    id: str
    query_class: str
    text: str
    concepts: frozenset | None  # None: any occupation
    place: tuple | None = None  # (former province, former district or None)
    country: str | None = None
    programme: str | None = None
    salary: tuple | None = None  # ("at_least", amount) or ("between", low, high), VND a month
    employment_type: str | None = None
    no_experience: bool = False


def load_judgments(*, concepts, families, index, path=JUDGMENTS):
    """The judged queries, every name in them checked against the corpus's concepts and the place tables."""
    entries = json.loads(Path(path).read_text(encoding="utf-8"))["queries"]
    judgments = [_judgment(entry, concepts, families, index) for entry in entries]
    ids = [judgment.id for judgment in judgments]
    if len(set(ids)) != len(ids):
        raise ValueError("judgment ids repeat")
    return judgments


def _judgment(entry, concepts, families, index):
    problem = _entry_problem(entry, concepts, families, index)
    if problem:
        raise ValueError(f"judgment {entry.get('id')}: {problem}")
    wanted = entry["concepts"]
    accepted = None if wanted == "*" else frozenset(
        key for name in wanted for key in ([name] if name in concepts else families[name]))
    place = entry.get("place")
    salary = entry.get("salary")
    return Judgment(
        id=entry["id"], query_class=entry["class"], text=entry["text"], concepts=accepted,
        place=(place["province"], place.get("district")) if place else None, country=entry.get("country"),
        programme=entry.get("programme"), salary=tuple(salary) if salary else None,
        employment_type=entry.get("employment_type"), no_experience=bool(entry.get("no_experience")),
    )


def _entry_problem(entry, concepts, families, index):
    if set(entry) - RULE_KEYS:
        return f"unknown keys {sorted(set(entry) - RULE_KEYS)}"
    if entry.get("class") not in CLASSES or not entry.get("text"):
        return "needs a known class and a text"
    wanted = entry.get("concepts")
    if wanted != "*" and (not wanted or any(name not in concepts and name not in families for name in wanted)):
        return f"unknown concepts in {wanted}"
    place = entry.get("place")
    if place and (place.get("province") not in index.by_province
                  or (place.get("district") and place["district"] not in index.districts(place["province"]))):
        return f"unknown place {place}"
    salary = entry.get("salary")
    if salary and not ((salary[0] == "at_least" and len(salary) == 2) or (salary[0] == "between" and len(salary) == 3)):
        return f"salary is [\"at_least\", amount] or [\"between\", low, high], not {salary}"
    if entry.get("country") not in COUNTRIES | {None} or entry.get("programme") not in set(PROGRAMME_COUNTRY) | {None}:
        return "unknown country or programme"
    if entry.get("employment_type") not in EMPLOYMENT_TYPES | {None}:
        return "unknown employment type"
    return None


# Grades ------------------------------------------------------------------------------------------------------------

def grade(judgment, truth, index):
    """2: the occupation and every stated constraint hold; 1: the occupation holds and a constraint holds only nearly
    (see the rules in bench/search_relevance.py); 0: otherwise."""
    if judgment.concepts is not None and truth.concept not in judgment.concepts:
        return 0
    verdicts = [2]
    if judgment.place:
        verdicts.append(place_verdict(judgment.place, truth, index))
    if judgment.country:
        abroad = truth.country is not None
        verdicts.append(2 if truth.country == judgment.country or (judgment.country == "abroad" and abroad) else 0)
    if judgment.programme:
        same_country = truth.country == PROGRAMME_COUNTRY[judgment.programme]
        verdicts.append(2 if truth.programme == judgment.programme else 1 if same_country else 0)
    if judgment.salary:
        verdicts.append(salary_verdict(judgment.salary, truth.pay))
    if judgment.employment_type:
        verdicts.append(2 if truth.employment_type == judgment.employment_type else 0)
    if judgment.no_experience:
        verdicts.append(2 if truth.experience_years == 0 else 0)
    return min(verdicts)


def place_verdict(place, truth, index):
    province, district = place
    where = truth.place
    if where is None:
        return 0
    if district:
        return 2 if (where.province_short, where.district_short) == (province, district) else 1 if where.province_short == province else 0
    if where.province_short == province:
        return 2
    return 1 if where.province_code in index.took_in[province] else 0


def salary_verdict(salary, pay):
    if pay is None:
        return 1
    low, high = pay
    if salary[0] == "at_least":
        return 2 if (high if high is not None else low) >= salary[1] else 0
    overlaps = (low if low is not None else 0) <= salary[2] and (high if high is not None else math.inf) >= salary[1]
    return 2 if overlaps else 0


# Measures ----------------------------------------------------------------------------------------------------------

def dcg(grades):
    return sum((2 ** value - 1) / math.log2(rank + 2) for rank, value in enumerate(grades))


def measures(ranked_grades, all_grades, total):
    """nDCG@10, precision@10, recall@50 (of at most 50 fully relevant vacancies) and whether nothing was found, for
    one query: `ranked_grades` of the answer in order, `all_grades` of every vacancy of the corpus (non-zero ones)."""
    ideal = dcg(sorted(all_grades, reverse=True)[:10])
    relevant = sum(1 for value in all_grades if value == 2)
    return {
        "ndcg10": dcg(ranked_grades[:10]) / ideal if ideal else 0.0,
        "p10": sum(1 for value in ranked_grades[:10] if value == 2) / 10,
        "r50": sum(1 for value in ranked_grades[:50] if value == 2) / min(relevant, 50) if relevant else 0.0,
        "zero": total == 0,
        "relevant": relevant,
    }
