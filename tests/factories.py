"""Build employers, vacancies and job seekers through the services, so every write goes through the outbox."""
from datetime import timedelta
from itertools import count

from jobmatch.extensions import db
from jobmatch.models import Employer, JobSeeker
from jobmatch.models.clock import vietnam_today
from jobmatch.services import vacancy as vacancy_service

_tax_numbers = count(1)
_citizen_numbers = count(1)

HANOI_WARD = "00004"  # Phường Ba Đình, Hà Nội
HANOI_FAR_WARD = "10402"  # Xã Ứng Hòa, Hà Nội, about 40 km south


def make_employer(**overrides):
    employer = Employer(
        name=overrides.pop("name", "Công ty TNHH Minh Phát"),
        tax_code=f"{next(_tax_numbers):010d}",
        verified=True,
        **overrides,
    )
    db.session.add(employer)
    db.session.commit()
    return employer


def vacancy_fields(**overrides):
    fields = {
        "title": "Kế toán tổng hợp",
        "description": "Lập báo cáo thuế, hạch toán.",
        "isco_code": "2411",
        "skills": ["MISA", "Excel"],
        "ward_code": HANOI_WARD,
        "salary_min": 9_000_000,
        "salary_max": 14_000_000,
        "employment_type": "full_time",
        "openings": 2,
        "deadline": vietnam_today() + timedelta(days=30),
        "status": "open",
    }
    fields.update(overrides)
    return fields


def make_vacancy(employer=None, **overrides):
    employer = employer or make_employer()
    return vacancy_service.post_vacancy(employer_id=employer.id, fields=vacancy_fields(**overrides))


def make_job_seeker(**overrides):
    fields = {
        "full_name": "Nguyễn Văn An",
        "citizen_id": f"001095{next(_citizen_numbers):06d}",
        "phone": "+84912345678",
        "ward_code": HANOI_WARD,
        "desired_isco_codes": ["7212"],
        "skills": ["hàn TIG"],
        "visibility": "public",
    }
    fields.update(overrides)
    job_seeker = JobSeeker(**fields)
    db.session.add(job_seeker)
    db.session.commit()
    return job_seeker
