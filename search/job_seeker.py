"""The job-seeker index: its mapping and the document built from plain profile data.

The document carries what matching needs and nothing that identifies the person or their priority category:
no name, citizen ID, phone, birth date, ethnicity or poverty status.
"""
from elasticsearch.dsl import Boolean, Date, Document, Float, GeoPoint, Integer, Keyword, Long, Text

from search.folding import fold
from search.vacancy import geo_point


class JobSeekerDocument(Document):
    job_seeker_id = Long()
    desired_isco_codes = Keyword()
    desired_isco_minors = Keyword()
    desired_isco_submajors = Keyword()
    skills = Text(analyzer="standard")
    skills_folded = Text(analyzer="standard")
    province_code = Keyword()
    ward_code = Keyword()
    location = GeoPoint()
    education_level = Keyword()
    experience_years = Integer()
    language_certificates = Keyword()
    expected_salary = Long()
    commute_radius_km = Integer()
    willing_to_relocate = Boolean()
    willing_abroad = Boolean()
    abroad_countries = Keyword()
    visibility = Keyword()
    shown_to_employers = Boolean()  # the person consents to employers seeing the profile
    # 1 + the ranking bonus of verified priority statuses the person lets us use: a number only, the same for every
    # category, and no date beside it. An end date told categories apart (ethnicity has none, poverty lists end each
    # year), so a lapse is applied by indexing the profile again (the nightly priority-lapse job), not by the document.
    priority_multiplier = Float()
    updated_at = Date()

    class Index:
        settings = {"number_of_shards": 1}


def job_seeker_document(job_seeker):
    """The search document for one job seeker, from a plain dict of the profile fields matching uses."""
    codes = job_seeker.get("desired_isco_codes") or []
    skills = job_seeker.get("skills") or []
    return {
        "job_seeker_id": job_seeker["id"],
        "desired_isco_codes": codes,
        "desired_isco_minors": sorted({code[:3] for code in codes}),
        "desired_isco_submajors": sorted({code[:2] for code in codes}),
        "skills": skills,
        "skills_folded": [fold(skill) for skill in skills],
        "province_code": job_seeker.get("province_code"),
        "ward_code": job_seeker.get("ward_code"),
        "location": geo_point(job_seeker.get("latitude"), job_seeker.get("longitude")),
        "education_level": job_seeker.get("education_level"),
        "experience_years": job_seeker.get("experience_years"),
        "language_certificates": [
            f"{language['certificate']}:{language.get('level') or ''}"
            for language in job_seeker.get("languages") or []
            if language.get("certificate")
        ],
        "expected_salary": job_seeker.get("expected_salary"),
        "commute_radius_km": job_seeker.get("commute_radius_km"),
        "willing_to_relocate": bool(job_seeker.get("willing_to_relocate")),
        "willing_abroad": bool(job_seeker.get("willing_abroad")),
        "abroad_countries": job_seeker.get("abroad_countries") or [],
        "visibility": job_seeker["visibility"],
        "shown_to_employers": bool(job_seeker.get("shown_to_employers")),
        "priority_multiplier": 1 + (job_seeker.get("priority_bonus") or 0.0),
        "updated_at": job_seeker["updated_at"].isoformat() if job_seeker.get("updated_at") else None,
    }
