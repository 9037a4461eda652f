"""Sex on a job seeker's profile: optional ("not stated" unless said), chosen on the centre's registration form and the
person's own profile, refused naming the field when it is no choice offered, shown to the person's centre and in the
person's data download."""
import json

from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import JobSeeker
from jobmatch.services import account as account_service
from tests.factories import HANOI_WARD, make_account, make_centre, make_job_seeker
from tests.web.helpers import post_form, start_session

WALK_IN = {"full_name": "Lò Thị Mai", "citizen_id": "014301000123", "birth_date": "2001-03-04", "province": "01",
           "ward_code": HANOI_WARD, "desired_isco_codes": "8153", "visibility": "public"}


def test_an_officer_registers_a_walk_in_with_her_sex_and_the_profile_refuses_a_choice_not_offered(client):
    centre = make_centre(province_code="01")
    officer = make_account("officer", centre_id=centre.id)
    start_session(client, officer)
    form = client.get("/centre/job-seekers/new").get_data(as_text=True)
    assert "Giới tính (không bắt buộc)" in form and '<option value="not_stated" selected>Không nêu</option>' in form
    assert '<option value="female">Nữ</option>' in form and '<option value="male">Nam</option>' in form

    refused = post_form(client, "/centre/job-seekers/new", {**WALK_IN, "sex": "other"}, token_from="/centre/job-seekers/new")
    assert refused.status_code == 422 and "Giá trị này không nằm trong các lựa chọn." in refused.get_data(as_text=True)
    assert db.session.scalar(select(JobSeeker)) is None

    post_form(client, "/centre/job-seekers/new", {**WALK_IN, "sex": "female"}, token_from="/centre/job-seekers/new")
    registered = db.session.scalar(select(JobSeeker))
    assert registered.sex == "female"
    detail = client.get(f"/centre/job-seekers/{registered.id}").get_data(as_text=True)
    assert "<dt>Giới tính</dt><dd>Nữ</dd>" in detail

    # Not said: not stated.
    post_form(client, "/centre/job-seekers/new", {**WALK_IN, "citizen_id": "014301000124"}, token_from="/centre/job-seekers/new")
    assert db.session.scalar(select(JobSeeker.sex).where(JobSeeker.citizen_id == "014301000124")) == "not_stated"


def test_the_api_names_the_field_in_the_requests_language_and_the_download_holds_the_sex(client):
    centre = make_centre(province_code="01")
    job_seeker = make_job_seeker(centre_id=centre.id, citizen_id="001095000321", sex="male")
    person = make_account("job_seeker", job_seeker_id=job_seeker.id)
    secret = account_service.create_api_token(actor=make_account("officer", centre_id=centre.id), name="test")[1]
    answer = client.put(f"/api/v1/job-seekers/{job_seeker.id}", json={
        "full_name": "Nguyễn Văn An", "citizen_id": "001095000321", "birth_date": "1995-05-17", "ward_code": HANOI_WARD,
        "sex": "M"}, headers={"Authorization": f"Bearer {secret}", "Accept-Language": "en"})
    assert answer.status_code == 422
    assert answer.get_json()["errors"]["json"] == {"sex": ["This is not one of the choices offered."]}
    db.session.refresh(job_seeker)
    assert job_seeker.sex == "male"

    start_session(client, person)
    download = json.loads(client.get("/me/export").get_data(as_text=True))
    assert download["profile"]["sex"] == "male"
    own = client.get("/me/profile").get_data(as_text=True)
    assert '<option value="male" selected>Nam</option>' in own
