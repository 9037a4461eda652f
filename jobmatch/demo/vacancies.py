"""Demo vacancies: at home in the occupations' pay ranges, and abroad through agencies with their itemized fees, or for
EPS through the Centre of Overseas Labour alone, with no fee."""
from datetime import timedelta

from sqlalchemy import func, insert, literal, select

from jobmatch.demo.bulk import report
from jobmatch.demo.places import pick_ward
from jobmatch.demo.tables import BENEFITS, OCCUPATIONS, OVERSEAS_OFFERS, REQUIREMENTS
from jobmatch.extensions import db
from jobmatch.models.vacancy import Vacancy
from jobmatch.models.vacancy_place import VacancyPlace

BATCH_SIZE = 5000


PUBLIC_PROGRAMMES = ("EPS",)  # recruited for by public bodies only (the programme's rules say "public_only")


def seed_vacancies(rng, count, *, domestic_ids, agency_ids, public_ids, wards, today, now, progress):
    """Insert `count` vacancies posted over the past 60 days, about 8 % of them abroad when there are agencies."""
    # EPS offers only when there is a public body to post them, the others only when there are agencies.
    offers = [offer for offer in OVERSEAS_OFFERS if (public_ids if offer.programme in PUBLIC_PROGRAMMES else agency_ids)]
    before = db.session.scalar(select(func.coalesce(func.max(Vacancy.id), 0)))
    for start in range(0, count, BATCH_SIZE):
        batch = [
            _vacancy(rng, domestic_ids, {"agencies": agency_ids, "public": public_ids, "offers": offers}, wards, today, now)
            for _ in range(start, min(start + BATCH_SIZE, count))
        ]
        db.session.execute(insert(Vacancy), batch)
        report(progress, "vacancies", start + len(batch), count)
    # Each demo vacancy at home works in one ward, its first and only place.
    db.session.execute(insert(VacancyPlace).from_select(
        ["vacancy_id", "position", "ward_code"],
        select(Vacancy.id, literal(0), Vacancy.ward_code).where(Vacancy.ward_code.is_not(None), Vacancy.id > before)))


def _vacancy(rng, domestic_ids, abroad, wards, today, now):
    posted_days_ago = rng.randint(0, 60)
    posted_at = now - timedelta(days=posted_days_ago, minutes=rng.randint(0, 1439))
    deadline = today - timedelta(days=posted_days_ago) + timedelta(days=rng.randint(20, 90))
    status = rng.choices(["open", "closed", "filled", "draft"], [88, 5, 5, 2])[0]
    common = {
        "posted_at": posted_at, "updated_at": posted_at, "deadline": deadline, "status": status, "version": 1,
        "openings": rng.choice([1, 1, 2, 3, 5, 10, 20, 50]),
        "welcomes_priority": rng.random() < 0.3,
        "training_provided": rng.random() < 0.35,
    }
    if abroad["offers"] and rng.random() < 0.08:
        return {**common, **_overseas_terms(rng, abroad)}
    return {**common, **_domestic_terms(rng, domestic_ids, wards)}


def _overseas_terms(rng, abroad):
    offer = rng.choice(abroad["offers"])
    low, high = offer.salary_millions
    fee, months, language = offer.fee_millions, offer.contract_months, offer.language_requirement
    # The service fee within the cap, the rest for training, travel, visa and health check; none at all for EPS.
    service = min(fee * 1_000_000 // 2, low * 1_000_000 * min(months, 36) // 12) if fee else 0
    public = offer.programme in PUBLIC_PROGRAMMES
    fees = [] if public else [item for item in (
        {"kind": "service", "amount_vnd": service},
        {"kind": "training", "amount_vnd": (fee * 1_000_000 - service) // 2},
        {"kind": "travel", "amount_vnd": fee * 1_000_000 - service - (fee * 1_000_000 - service) // 2},
        {"kind": "visa_health", "amount_vnd": 4_500_000},
    ) if item["amount_vnd"]]
    description = (
        f"Chương trình {offer.programme}, hợp đồng {months} tháng. Yêu cầu: {', '.join(rng.sample(REQUIREMENTS, 2)).lower()}"
        f"{'; ' + language if language else ''}. Người lao động được ký hợp đồng, đóng bảo hiểm theo luật nước sở tại."
    )
    return {
        "employer_id": rng.choice(abroad["public"] if public else abroad["agencies"]), "title": rng.choice(offer.titles),
        "description": description,
        "isco_code": offer.isco_code, "skills": offer.skills, "ward_code": None, "salary_min": int(low * 1_000_000),
        "salary_max": int(high * 1_000_000), "salary_negotiable": False, "employment_type": "contract",
        "no_experience_required": True, "is_overseas": True, "destination_country": offer.country, "programme": offer.programme,
        "contract_months": months, "fees": fees, "worker_fees_vnd": sum(item["amount_vnd"] for item in fees),
        "language_requirement": language,
    }


def _domestic_terms(rng, domestic_ids, wards):
    occupation = rng.choice(OCCUPATIONS)
    low, high = occupation.salary_millions
    salary_min = int(round(rng.uniform(low, (low + high) / 2), 1) * 1_000_000)
    salary_max = int(round(rng.uniform((low + high) / 2, high), 1) * 1_000_000)
    negotiable = rng.random() < 0.1
    picked = rng.sample(occupation.skills, k=min(len(occupation.skills), rng.randint(1, 3)))
    title = rng.choice(occupation.titles)
    description = (
        f"Tuyển {title} làm việc trong lĩnh vực {occupation.sector.lower()}; yêu cầu {', '.join(picked)}.\n"
        f"Yêu cầu: {', '.join(rng.sample(REQUIREMENTS, 2)).lower()}.\n"
        f"Quyền lợi: {', '.join(rng.sample(BENEFITS, 3)).lower()}."
    )
    return {
        "employer_id": rng.choice(domestic_ids), "title": title, "description": description,
        "isco_code": occupation.isco_code, "skills": picked, "ward_code": pick_ward(rng, wards)[0],
        "salary_min": None if negotiable else salary_min, "salary_max": None if negotiable else salary_max,
        "salary_negotiable": negotiable, "employment_type": rng.choice(occupation.employment_types),
        "no_experience_required": rng.random() < 0.4, "is_overseas": False, "destination_country": None, "programme": None,
        "contract_months": None, "worker_fees_vnd": None, "language_requirement": None,
    }
