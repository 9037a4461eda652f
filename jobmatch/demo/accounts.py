"""Demo centres with their officers, the administrator, and a job seeker's and an employer's account to try the site with."""
from sqlalchemy import select

from jobmatch.demo.bulk import report
from jobmatch.extensions import db
from jobmatch.models.account import Account
from jobmatch.models.centre import Centre
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.place import Province
from jobmatch.services.account import hash_password

# Demo accounts all share this password; `flask seed` prints it. Never seed a production database.
DEMO_PASSWORD = "jobmatch-demo-2026"
DEMO_EMAIL_DOMAIN = "demo.jobmatch.vn"


def centres_and_officers(progress):
    """One employment service centre per province, each with one officer account ({province code} → id, twice)."""
    password_hash = hash_password(DEMO_PASSWORD)
    centres, officers = {}, {}
    for province in db.session.scalars(select(Province).order_by(Province.code)):
        centre = db.session.scalar(select(Centre).where(Centre.province_code == province.code).order_by(Centre.id).limit(1))
        if centre is None:
            centre = Centre(name=f"Trung tâm Dịch vụ việc làm {province.name}", province_code=province.code, **_contacts(province))
            db.session.add(centre)
            db.session.flush()
        email = f"can-bo-{province.code}@{DEMO_EMAIL_DOMAIN}"
        officer = db.session.scalar(select(Account).where(Account.email == email))
        if officer is None:
            officer = Account(role="officer", email=email, password_hash=password_hash, centre_id=centre.id,
                              display_name=f"Cán bộ {centre.name}")
            db.session.add(officer)
            db.session.flush()
        centres[province.code], officers[province.code] = centre.id, officer.id
    if not db.session.scalar(select(Account.id).where(Account.email == f"admin@{DEMO_EMAIL_DOMAIN}")):
        db.session.add(Account(role="admin", email=f"admin@{DEMO_EMAIL_DOMAIN}", password_hash=password_hash,
                               display_name="Quản trị hệ thống"))
    report(progress, "centres", len(centres), len(centres))
    return centres, officers


def _contacts(province):
    """Plausible, made-up contacts: a landline written as centres write theirs (0236 38xx xxx, numbered by the province,
    nobody's real number), a demo e-mail and address, and the usual office hours."""
    number = int(province.code)
    return {
        "phone": f"+8423638{number:02d}{number * 7 % 1000:03d}",
        "email": f"ttdvvl-{province.code}@{DEMO_EMAIL_DOMAIN}",
        "address": f"{number} đường Trần Phú, {province.name}",
        "opening_hours": "Thứ Hai đến Thứ Sáu, 7:30–11:30 và 13:30–17:00",
        "verification_working_days": 3,
    }


def demo_accounts(first_job_seeker_id, first_employer_id):
    """A job seeker's and an employer's account to try the site with, on the first seeded profile and company."""
    password_hash = hash_password(DEMO_PASSWORD)
    job_seeker = db.session.get(JobSeeker, first_job_seeker_id)
    for role, email, fields in (
        ("job_seeker", f"nguoi-lao-dong@{DEMO_EMAIL_DOMAIN}", {"job_seeker_id": first_job_seeker_id,
                                                               "display_name": job_seeker.full_name}),
        ("employer", f"doanh-nghiep@{DEMO_EMAIL_DOMAIN}", {"employer_id": first_employer_id, "display_name": "Phòng nhân sự"}),
    ):
        if not db.session.scalar(select(Account.id).where(Account.email == email)):
            db.session.add(Account(role=role, email=email, password_hash=password_hash, **fields))
