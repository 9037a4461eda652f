"""A job seeker's own data: the download of everything held, and deleting the account while counts remain."""
from sqlalchemy import select

from jobmatch.extensions import db, search_client
from jobmatch.models import Account, Application, ApplicationEvent, Consent, JobSeeker, PriorityStatus
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services import personal_data as personal_data_service
from jobmatch.services import search_index
from search.indexes import indexed_versions
from tests.factories import make_account, make_centre, make_job_seeker, make_priority_status, make_vacancy


def person_with_history():
    centre = make_centre()
    job_seeker = make_job_seeker(centre_id=centre.id, full_name="Mùa A Sử", consents=("show_profile", "priority_ranking"))
    make_priority_status(job_seeker, make_account("officer", centre_id=centre.id), "poor")
    account = make_account("job_seeker", job_seeker_id=job_seeker.id)
    db.session.add(Application(vacancy_id=make_vacancy(title="Thợ xây").id, job_seeker_id=job_seeker.id,
                               events=[ApplicationEvent(to_status="submitted")]))
    db.session.commit()
    return job_seeker, account


def test_the_download_holds_everything_about_the_person():
    job_seeker, account = person_with_history()
    export = personal_data_service.export_personal_data(actor=account, job_seeker_id=job_seeker.id)
    assert export["profile"]["full_name"] == "Mùa A Sử" and export["profile"]["citizen_id"] == job_seeker.citizen_id
    assert export["account"]["email"] == account.email
    assert [status["category"] for status in export["priority_statuses"]] == ["poor"]
    assert {consent["purpose"] for consent in export["consents"]} == {"show_profile", "priority_ranking"}
    assert export["applications"][0]["vacancy"]["title"] == "Thợ xây"


def test_deleting_the_account_removes_personal_data_and_keeps_anonymous_counts(indexes):
    job_seeker, account = person_with_history()
    search_index.relay_outbox(refresh=True)
    assert str(job_seeker.id) in indexed_versions(search_client(), indexes.job_seekers)
    job_seeker_service.delete_account(actor=account, job_seeker_id=job_seeker.id)

    assert db.session.scalar(select(Account.id)) is not None  # only the officer's account is left
    assert db.session.scalar(select(Account.id).where(Account.role == "job_seeker")) is None
    assert db.session.scalar(select(PriorityStatus.id)) is None and db.session.scalar(select(Consent.id)) is None
    anonymous = db.session.get(JobSeeker, job_seeker.id)
    assert (anonymous.full_name, anonymous.citizen_id, anonymous.phone, anonymous.birth_date) == ("", None, None, None)
    assert anonymous.anonymized_at is not None
    assert db.session.scalar(select(db.func.count()).select_from(Application)) == 1  # still counted
    search_index.relay_outbox(refresh=True)
    assert str(job_seeker.id) not in indexed_versions(search_client(), indexes.job_seekers)
