"""The search documents as rebuilds and the relay make them from the database (services.search_index's rows, a batch
at a time): the same document either way, each part of it from the right row, and nothing of what identifies a person."""
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.place import Ward
from jobmatch.services import search_index
from tests.factories import (
    DANANG_WARD,
    HANOI_WARD,
    make_account,
    make_centre,
    make_employer,
    make_job_seeker,
    make_priority_status,
    make_vacancy,
)


def documents(entity_name, ids=None):
    """{id: document} as a rebuild makes them (every row, ids=None) or as the relay does (a list of ids)."""
    entity = search_index.ENTITIES[entity_name]
    return {row["id"]: entity.to_document(row) for row in entity.rows(ids)}


def test_vacancy_documents_carry_each_vacancys_own_places_pay_and_employer_whichever_way_they_are_made(app_context):
    employer = make_employer(name="Công ty TNHH Cơ khí Đông Á")
    several = make_vacancy(employer, title="Thợ hàn", skills=["hàn TIG"], places=[
        {"ward_code": HANOI_WARD}, {"ward_code": DANANG_WARD}, {"province_code": "79"},
    ])
    # The same employer and skill again, at home with pay "from 8 million" only.
    from_only = make_vacancy(employer, title="Thợ hàn bậc 3", skills=["hàn TIG"], salary_max=None, salary_min=8_000_000)
    abroad = make_vacancy(make_employer(name="Công ty CP Nhân lực Sao Mai"), title="Đơn hàng chế biến thực phẩm",
                          is_overseas=True, destination_country="JP", programme="TITP", employment_type="contract",
                          contract_months=36, ward_code=None, places=[])
    unverified = make_vacancy(make_employer(verified=False))

    rebuilt = documents("vacancy")
    assert set(rebuilt) == {several.id, from_only.id, abroad.id}  # an unverified employer's vacancy has none
    assert documents("vacancy", [several.id, from_only.id, abroad.id, unverified.id]) == rebuilt

    places = rebuilt[several.id]
    hcm_wards = set(db.session.scalars(select(Ward.code).where(Ward.province_code == "79")))
    assert places["province_code"] == sorted({"01", db.session.get(Ward, DANANG_WARD).province_code, "79"})
    assert set(places["ward_code"]) == {HANOI_WARD, DANANG_WARD} | hcm_wards  # a whole province: every ward of it
    assert len(places["location"]) == 3
    assert {"ha_noi", "ba_dinh", "ho_chi"} <= set(places["place_words"].split())
    assert places["salary_min"] == 9_000_000 and places["salary_top"] == 14_000_000

    pay_from = rebuilt[from_only.id]
    assert (pay_from["salary_min"], pay_from["salary_max"], pay_from["salary_top"]) == (8_000_000, None, 8_000_000)
    assert pay_from["ward_code"] == [HANOI_WARD] and "ha_noi" in pay_from["place_words"].split()
    # What the two share is worked out once; each document still has its own, and neither changes the other.
    assert pay_from["employer_terms"] == places["employer_terms"] == ["dong", "a"]
    assert pay_from["skills"] == places["skills"] == ["hàn TIG"]
    pay_from["employer_terms"].append("changed")
    pay_from["skills"].append("changed")
    assert documents("vacancy", [several.id]) == {several.id: places} == {several.id: rebuilt[several.id]}
    assert not {"dong_a", "cong_ty"} & set(places["description_words"].split() + places["title_words"].split())

    overseas = rebuilt[abroad.id]
    assert overseas["is_overseas"] is True and overseas["ward_code"] == [] and overseas["location"] is None
    assert {"nhat_ban", "xuat_khau", "titp"} <= set(overseas["abroad_words"].split())
    assert rebuilt[several.id]["abroad_words"] == ""


def test_job_seeker_documents_carry_the_bonus_the_person_lets_count_and_nothing_that_identifies_them(app_context):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    consenting = make_job_seeker(consents=("show_profile", "priority_ranking", "anonymous_listing"),
                                 skills=["hàn TIG", "Đọc bản vẽ"], languages=[{"language": "ja", "certificate": "JLPT", "level": "N4"}])
    make_priority_status(consenting, officer=officer, category="poor")
    not_consenting = make_job_seeker(consents=("show_profile",))
    make_priority_status(not_consenting, officer=officer, category="disability")
    hidden = make_job_seeker(visibility="hidden")

    rebuilt = documents("job_seeker")
    assert set(rebuilt) == {consenting.id, not_consenting.id}  # a hidden profile has none
    assert documents("job_seeker", [consenting.id, not_consenting.id, hidden.id]) == rebuilt

    with_bonus, without = rebuilt[consenting.id], rebuilt[not_consenting.id]
    assert with_bonus["priority_multiplier"] > 1 and without["priority_multiplier"] == 1
    assert with_bonus["shown_to_employers"] is True and without["shown_to_employers"] is False
    assert with_bonus["skills_folded"] == ["han tig", "doc ban ve"] and with_bonus["language_certificates"] == ["JLPT:N4"]
    assert with_bonus["province_code"] == "01" and with_bonus["location"]
    for document in rebuilt.values():
        assert not {"full_name", "citizen_id", "phone", "birth_date", "ethnic_group_code", "category", "valid_until"} & set(document)
        assert "Nguyễn" not in str(document) and consenting.citizen_id not in str(document)
