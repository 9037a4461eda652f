from datetime import date, datetime

from search.job_seeker import job_seeker_document

PROFILE = {
    "id": 9, "full_name": "Lò Văn Sơn", "citizen_id": "011095000001", "phone": "+84912000111", "birth_date": date(1995, 3, 2),
    "ward_code": "03310", "province_code": "11", "latitude": 21.38, "longitude": 103.02, "desired_isco_codes": ["7212", "8153"],
    "skills": ["hàn TIG"], "languages": [{"language": "ko", "certificate": "EPS-TOPIK", "level": "150"}],
    "visibility": "public", "updated_at": datetime(2026, 11, 1), "ethnic_group": "Thái", "category": "poor",
}


def test_the_document_never_carries_identity_or_priority_category():
    document = job_seeker_document(PROFILE)
    flattened = repr(document)
    for sensitive in ("Lò Văn Sơn", "011095000001", "+84912000111", "1995", "Thái", "poor"):
        assert sensitive not in flattened


def test_the_document_carries_what_matching_needs():
    document = job_seeker_document(PROFILE)
    assert document["desired_isco_minors"] == ["721", "815"]
    assert document["language_certificates"] == ["EPS-TOPIK:150"]
    assert document["skills_folded"] == ["han tig"]
    assert document["location"] == {"lat": 21.38, "lon": 103.02}
