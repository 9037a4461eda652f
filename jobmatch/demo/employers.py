"""Demo employers: companies across the sectors of the occupations, one in ten a licensed overseas-placement agency,
the first of those the Centre of Overseas Labour (a public body, which alone recruits for EPS)."""
from datetime import timedelta

from sqlalchemy import func, insert, select

from jobmatch.demo.bulk import report
from jobmatch.demo.places import pick_ward
from jobmatch.demo.tables import BRANDS, COMPANY_FORMS, OCCUPATIONS, SIZES
from jobmatch.extensions import db
from jobmatch.models.employer import Employer
from jobmatch.rules.tax_code import tax_code_for


def seed_employers(rng, count, *, wards, officers, province_of_ward, now, progress):
    """Insert `count` employers, most verified by their province's officer; returns every new id, the agencies' ids,
    the other employers' ids and the public bodies' ids, each in insertion order."""
    first_tax_number = (db.session.scalar(select(func.count()).select_from(Employer)) or 0) + 1
    rows = [_employer(rng, index, first_tax_number + index, wards, now) for index in range(count)]
    for row in rows:
        if row["verified"]:
            row["verified_by_id"], row["verified_at"] = officers[province_of_ward[row["ward_code"]]], now
    db.session.execute(insert(Employer), rows)
    employer_ids = db.session.scalars(select(Employer.id).order_by(Employer.id.desc()).limit(count)).all()
    employer_ids.sort()
    paired = list(zip(employer_ids, rows, strict=True))
    agency_ids = [employer_id for employer_id, row in paired if row["overseas_licence"]]
    public_ids = [employer_id for employer_id, row in paired if row["public_body"]]
    domestic_ids = [employer_id for employer_id, row in paired if not row["overseas_licence"] and not row["public_body"]]
    report(progress, "employers", count, count)
    return employer_ids, agency_ids, domestic_ids, public_ids


def _employer(rng, index, tax_number, wards, now):
    public_body = index == 9
    agency = index % 10 == 9 and not public_body
    if public_body:
        name, sector = "Trung tâm Lao động ngoài nước", "Đưa người lao động đi làm việc ở nước ngoài"
    elif agency:
        name = f"Công ty Cổ phần Cung ứng Nhân lực Quốc tế {rng.choice(BRANDS)}"
        sector = "Đưa người lao động đi làm việc ở nước ngoài"
    else:
        sector = rng.choice(OCCUPATIONS).sector
        name = f"{rng.choice(COMPANY_FORMS)} {sector} {rng.choice(BRANDS)}"
    return {
        "name": name,
        "tax_code": tax_code_for(tax_number),
        "sector": sector,
        "size": rng.choice(SIZES),
        "ward_code": pick_ward(rng, wards)[0],
        "verified": rng.random() < 0.85 or public_body,
        "overseas_licence": f"{rng.randint(1, 450):03d}/LĐTBXH-GP" if agency else None,
        "overseas_licence_expires": now.date() + timedelta(days=rng.randint(90, 1800)) if agency else None,
        "public_body": public_body,
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }
