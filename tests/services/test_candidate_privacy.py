"""Candidate lists show a profile, not a way to reach the person (issue 14, finding 1): only for a vacancy that takes
applications (published by a verified employer), and name and phone only to the officers of the person's own centre."""
from datetime import timedelta

import pytest

from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from jobmatch.services import matching as matching_service
from jobmatch.services.errors import PermissionRefused
from tests.factories import make_account, make_application, make_centre, make_employer, make_vacancy
from tests.services.test_matching import indexed, welder, welding_job


@pytest.fixture
def world(indexes):
    centre, employer = make_centre(province_code="01"), make_employer(name="Công ty Cơ khí Đông Á")
    return {"centre": centre, "employer": employer, "employer_account": make_account("employer", employer_id=employer.id),
            "officer": make_account("officer", centre_id=centre.id)}


def test_an_employer_sees_candidates_without_their_name_or_phone(world):
    person = welder(world, full_name="Lò Văn Pao", phone="+84356111222")
    vacancy = welding_job(world)
    indexed()
    [match] = matching_service.candidates_for_vacancy(actor=world["employer_account"], vacancy_id=vacancy.id).items
    assert match.item["id"] == person.id and match.item["skills"] == ["hàn TIG"]
    assert match.item["phone"] is None and "Lò Văn Pao" not in match.item["full_name"]


def test_the_api_gives_an_employer_no_contact_of_a_candidate(app, world):
    welder(world, full_name="Lò Văn Pao", phone="+84356111222")
    vacancy = welding_job(world)
    indexed()
    _token, secret = account_service.create_api_token(actor=world["employer_account"], name="HR")
    answer = app.test_client().get(f"/api/v1/vacancies/{vacancy.id}/matches", headers={"Authorization": f"Bearer {secret}"})
    assert answer.status_code == 200 and answer.get_json()["total"] == 1
    assert "Lò Văn Pao" not in answer.get_data(as_text=True) and "356111222" not in answer.get_data(as_text=True)


def test_officers_see_contacts_of_their_own_centres_people_only(world):
    person = welder(world, full_name="Lò Văn Pao", phone="+84356111222")
    vacancy = welding_job(world)
    indexed()
    [own] = matching_service.candidates_for_vacancy(actor=world["officer"], vacancy_id=vacancy.id).items
    assert own.item["full_name"] == "Lò Văn Pao" and own.item["phone"] == "+84356111222"
    other_officer = make_account("officer", centre_id=make_centre(province_code="48").id)
    [other] = matching_service.candidates_for_vacancy(actor=other_officer, vacancy_id=vacancy.id).items
    assert other.item["id"] == person.id and other.item["phone"] is None and "Lò Văn Pao" not in other.item["full_name"]


@pytest.mark.parametrize("state", ["draft", "closed", "expired", "unverified employer"])
def test_no_candidate_list_for_a_vacancy_that_takes_no_applications(world, state):
    welder(world)
    if state == "unverified employer":
        employer = make_employer(name="Công ty Mới Đăng Ký", verified=False)
        vacancy = make_vacancy(employer, title="Thợ hàn", isco_code="7212", skills=["hàn TIG"])
        owner = make_account("employer", employer_id=employer.id)
    else:
        fields = {"deadline": vietnam_today() - timedelta(days=1)} if state == "expired" else {"status": state}
        vacancy, owner = welding_job(world, **fields), world["employer_account"]
    indexed()
    with pytest.raises(PermissionRefused):
        matching_service.candidates_for_vacancy(actor=owner, vacancy_id=vacancy.id)


def test_a_person_who_applied_to_the_employer_is_shown_to_it_in_full(world):
    applicant = welder(world, full_name="Lò Văn Pao", phone="+84356111222")
    stranger = welder(world, full_name="Hà Thị Mai", phone="+84356333444")
    earlier = welding_job(world, title="Thợ hàn ống")
    make_application(earlier, applicant)
    vacancy = welding_job(world)
    indexed()
    shown = {match.item["id"]: match.item for match in
             matching_service.candidates_for_vacancy(actor=world["employer_account"], vacancy_id=vacancy.id).items}
    assert shown[applicant.id]["full_name"] == "Lò Văn Pao" and shown[applicant.id]["phone"] == "+84356111222"
    assert shown[stranger.id]["phone"] is None and "Hà Thị Mai" not in shown[stranger.id]["full_name"]
