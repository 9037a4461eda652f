"""Build centres, accounts, employers, vacancies and job seekers through the ORM, so every write goes through the outbox."""
from datetime import date, timedelta
from itertools import count

from jobmatch.extensions import db
from jobmatch.models import Account, Application, ApplicationEvent, Centre, Consent, Employer, JobSeeker, PriorityStatus, Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.rules.tax_code import tax_code_for
from jobmatch.services.account import hash_password
from jobmatch.services.errors import InvalidRequest, NotFound, PermissionRefused
from jobmatch.services.vacancy_place import assign_places

_numbers = count(1)

HANOI_WARD = "00004"  # Phường Ba Đình, Hà Nội
HANOI_FAR_WARD = "10402"  # Xã Ứng Hòa, Hà Nội, about 40 km south
DANANG_WARD = "20194"  # a ward of Đà Nẵng, served by another centre
PASSWORD = "xanh lá cây mùa thu"


def make_centre(name=None, province_code="01"):
    centre = Centre(name=name or f"Trung tâm Dịch vụ việc làm số {next(_numbers)}", province_code=province_code)
    db.session.add(centre)
    db.session.commit()
    return centre


def make_account(role, **fields):
    number = next(_numbers)
    account = Account(
        role=role,
        email=fields.pop("email", f"{role}{number}@example.vn"),
        password_hash=hash_password(fields.pop("password", PASSWORD)),
        display_name=fields.pop("display_name", f"{role} {number}"),
        **fields,
    )
    db.session.add(account)
    db.session.commit()
    return account


def make_employer(**overrides):
    employer = Employer(
        name=overrides.pop("name", "Công ty TNHH Minh Phát"),
        tax_code=tax_code_for(next(_numbers)),
        verified=overrides.pop("verified", True),
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
    }
    fields.update(overrides)
    return fields


def make_vacancy(employer=None, status="open", places=None, **overrides):
    """A vacancy working in its ward_code, or in the places given ([{"ward_code": …} or {"province_code": …}])."""
    fields = vacancy_fields(**overrides)
    vacancy = Vacancy(employer_id=(employer or make_employer()).id, status=status, **fields)
    assign_places(vacancy, places if places is not None else [{"ward_code": fields["ward_code"]}] * bool(fields["ward_code"]))
    db.session.add(vacancy)
    db.session.commit()
    return vacancy


def make_job_seeker(consents=("show_profile",), **overrides):
    number = next(_numbers)
    fields = {
        "full_name": "Nguyễn Văn An",
        "citizen_id": f"001095{number:06d}",
        "birth_date": date(1995, 5, 17),
        "phone": f"+8491{number:07d}",
        "ward_code": HANOI_WARD,
        "desired_isco_codes": ["7212"],
        "skills": ["hàn TIG"],
        "visibility": "public",
    }
    fields.update(overrides)
    job_seeker = JobSeeker(**fields)
    db.session.add(job_seeker)
    db.session.flush()
    for purpose in consents:
        db.session.add(Consent(job_seeker_id=job_seeker.id, purpose=purpose, version=1))
    db.session.commit()
    return job_seeker


def make_priority_status(job_seeker, officer=None, category="poor", **overrides):
    fields = {"evidence": "Danh sách hộ nghèo năm 2026 của UBND xã", "valid_until": vietnam_today() + timedelta(days=200)}
    if category == "ethnic_minority":
        fields.update(ethnic_group_code="03", valid_until=None)
    fields.update(overrides)
    status = PriorityStatus(
        job_seeker_id=job_seeker.id, category=category, verified_by_id=getattr(officer, "id", None),
        verified_at=utc_now() if officer else None, **fields,
    )
    db.session.add(status)
    db.session.commit()
    return status


def eps_ready_job_seeker(**overrides):
    """A job seeker every rule of the reference EPS programme accepts today: 30 or 31 years old, EPS-TOPIK 150, a health
    certificate of last month, willing to work in Korea."""
    fields = {
        "birth_date": date(vietnam_today().year - 31, 6, 1),
        "languages": [{"language": "ko", "certificate": "EPS-TOPIK", "level": "150"}],
        "health_check_on": vietnam_today() - timedelta(days=30),
        "willing_abroad": True,
        "abroad_countries": ["KR"],
    }
    fields.update(overrides)
    return make_job_seeker(**fields)


def make_agency(**overrides):
    """A verified placement agency with a licence in force."""
    fields = {"name": "Công ty CP Nhân lực Quốc tế Sao Mai", "overseas_licence": "123/LĐTBXH-GP",
              "overseas_licence_expires": vietnam_today() + timedelta(days=700)}
    fields.update(overrides)
    return make_employer(**fields)


def make_application(vacancy, job_seeker, status="submitted", source="self", **overrides):
    """An application already at `status`, with the events of the path that led there (as if moved step by step)."""
    path = ["submitted", "viewed", "shortlisted", "interviewed", "offered", "hired"]
    steps = path[: path.index(status) + 1] if status in path else ["submitted", status]
    application = Application(vacancy_id=vacancy.id, job_seeker_id=job_seeker.id, source=source, status=status, **overrides)
    application.events = [
        ApplicationEvent(from_status=before, to_status=after) for before, after in zip([None, *steps[:-1]], steps, strict=True)
    ]
    db.session.add(application)
    db.session.commit()
    return application


def refusal(call):
    """What the caller is told when a service refuses (or "done" when it does not)."""
    try:
        call()
    except PermissionRefused:
        return "not permitted"
    except NotFound:
        return "not found"
    except InvalidRequest as error:
        return f"{error.field}: {error.message}"
    return "done"
