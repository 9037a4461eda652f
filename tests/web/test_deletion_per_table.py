"""What deleting a job seeker's account leaves in each table that refers to a person, found from the models' foreign
keys (a new table without a rule here fails): nothing that names the person, nothing to act on, anonymous records
where statistics or the employer need them."""
import re

from sqlalchemy import func, select, text

from jobmatch.extensions import db
from jobmatch.rules.stats import Period
from jobmatch.services import job_seeker as job_seeker_service
from jobmatch.services.stats import facts as stats_facts
from tests.person_records import HIRED_ON, make_person_with_every_record
from tests.web.helpers import start_session

# The table's rows of the person after deletion: "gone", or "kept" (anonymous, for statistics, the employer, the bank
# or the centre's accounts). Rows are counted through the person's id; personal words are checked on every row below.
RULES = {
    "account": "gone", "api_token": "gone", "notification": "gone", "consent": "gone", "priority_status": "gone",
    "saved_search": "gone", "saved_search_alert": "gone", "candidate_exposure": "gone",
    "invitation": "gone", "referral_request": "gone",  # both were still open: nothing is left waiting on the person
    "job_seeker": "kept", "application": "kept", "application_event": "kept", "application_reminder": "kept", "interview": "kept",
    "placement": "kept", "placement_follow_up": "kept", "placement_follow_up_correction": "kept",
    "overseas_case": "kept", "overseas_case_event": "kept", "agency_report": "kept", "support_claim": "kept", "loan_dossier": "kept",
    "enrolment": "kept", "training_follow_up": "kept", "training_wish": "kept", "job_fair_registration": "kept",
}
# Every centre page about the person or their records, after deletion: its answer and the only forms left (the
# course's and the fair's own, for other people), so no refer, status, follow-up, withdraw, claim or loan form remains.
CENTRE_PAGES = [
    ("/centre/job-seekers/{job_seeker}", 200, ()),
    ("/centre/job-seekers/{job_seeker}/overseas", 403, ()),
    ("/overseas-cases/{case}", 200, ()),
    ("/overseas-cases/{case}/support", 200, ()),
    ("/overseas-cases/{case}/loan", 200, ()),
    ("/loan-dossiers/{loan_dossier}", 200, ()),
    ("/enrolments/{enrolment}/support", 200, ()),
    ("/centre/courses/{course}", 200, ("/centre/courses/{course}/enrolments",)),
    ("/centre/applications", 200, ()),
    ("/centre/overseas-cases", 200, ()),
    ("/centre/referral-requests", 200, ()),
]
PERSONAL_WORDS = ("Hờ A Dính", "hoadinh@example.vn", "Sổ hộ nghèo số 42", "CC-2026-0042", "sinh ngày 17/05/1995", "Quyết định số 1")


def tables_about_a_person():
    """Tables with a foreign key to job_seeker, and those hanging off them by ON DELETE CASCADE."""
    tables = {db.metadata.tables["job_seeker"]}
    while True:
        more = {table for table in db.metadata.tables.values() for key in table.foreign_keys
                if key.column.table in tables and (key.column.table.name == "job_seeker" or key.ondelete == "CASCADE")} - tables
        if not more:
            return tables
        tables |= more


def test_every_table_about_a_person_has_a_rule():
    assert {table.name for table in tables_about_a_person()} == set(RULES)


def test_deletion_leaves_no_personal_data_no_action_and_the_anonymous_records(client):
    person = make_person_with_every_record()
    before, hires_counted = _rows_of(person), _hires_counted(person)
    personal_words = (*PERSONAL_WORDS, person.job_seeker.citizen_id, person.job_seeker.phone)
    assert all(before[name] for name in RULES), [name for name in RULES if not before[name]]

    job_seeker_service.delete_account(actor=person.account, job_seeker_id=person.job_seeker.id)

    db.session.rollback()
    after = _rows_of(person)
    for name, rule in RULES.items():
        # (a withdrawal adds its event to the history kept)
        assert (after[name] == 0) if rule == "gone" else (after[name] >= before[name]), (name, before[name], after[name])
    for table in tables_about_a_person():
        rows = " ".join(str(row) for row in db.session.execute(table.select()))
        assert not [word for word in personal_words if word in rows], table.name
    case = db.session.execute(text("SELECT status, close_reason FROM overseas_case WHERE id = :id"), {"id": person.case_id}).one()
    assert tuple(case) == ("closed", "deleted")
    statuses = db.session.scalars(text("SELECT status FROM application WHERE job_seeker_id = :id ORDER BY id"),
                                  {"id": person.job_seeker.id}).all()
    assert statuses == ["hired", "withdrawn"]  # the hire kept; the referral still open, withdrawn
    assert _hires_counted(person) == hires_counted == 1  # the statistics still count the hire, at the person's centre
    # The employer keeps its hire, without a name; the centre's page of the person offers nothing to act on.
    start_session(client, _employer_account(person))
    page = client.get(f"/employer/vacancies/{person.hired.vacancy_id}/applications").get_data(as_text=True)
    assert f"Một người đã được tuyển ngày {HIRED_ON:%d/%m/%Y}" in page and "Hờ A Dính" not in page
    start_session(client, person.officer)
    ids = {"job_seeker": person.job_seeker.id, "case": person.case_id, **{
        name: db.session.scalar(text(f"SELECT id FROM {name} WHERE job_seeker_id = :id"), {"id": person.job_seeker.id})
        for name in ("enrolment", "loan_dossier")}}
    ids["course"] = db.session.scalar(text("SELECT course_id FROM enrolment WHERE id = :id"), {"id": ids["enrolment"]})
    for path, status, generic_forms in CENTRE_PAGES:
        answer = client.get(path.format(**ids))
        main = answer.get_data(as_text=True).split('<main', 1)[-1]
        assert answer.status_code == status, path
        assert re.findall(r'<form method="post" action="([^"]*)"', main) == [form.format(**ids) for form in generic_forms], path
        assert main.count('method="post"') == len(generic_forms), path
        assert "Hờ A Dính" not in main, path


def _hires_counted(person):
    hires = next(family for family in stats_facts.families() if family.name == "hires").facts(Period.containing("month", HIRED_ON))
    return db.session.scalar(select(func.count()).select_from(hires).where(hires.c.centre == person.centre.id))


def _employer_account(person):
    from tests.factories import make_account

    return make_account("employer", employer_id=person.employer.id)


def _rows_of(person):
    """How many rows of each table belong to the person: through its own column, or its parent's (by the person's ids)."""
    ids = {"job_seeker": person.job_seeker.id, "account": person.account.id}
    counts = {}
    for table in sorted(tables_about_a_person(), key=lambda table: len(list(table.foreign_keys))):
        counts[table.name] = db.session.scalar(select(func.count()).select_from(table).where(_belongs(table, ids)))
    return counts


def _belongs(table, ids):
    if table.name == "job_seeker":
        return table.c.id == ids["job_seeker"]
    if table.name == "agency_report":  # the reporter and their words are forgotten; the report (its kind) is kept
        return table.c.kind == "documents_withheld"
    for key in table.foreign_keys:
        parent = key.column.table
        if parent.name == "job_seeker":
            return key.parent == ids["job_seeker"]
        if parent.name == "account" and key.ondelete == "CASCADE":
            return key.parent == ids["account"]
    key = next(key for key in table.foreign_keys if key.ondelete == "CASCADE" and key.column.table in tables_about_a_person())
    return key.parent.in_(select(key.column).where(_belongs(key.column.table, ids)))


def test_the_api_tells_the_employer_a_deleted_persons_hire_by_its_day(client):
    from jobmatch.services import account as account_service

    person = make_person_with_every_record()
    job_seeker_service.delete_account(actor=person.account, job_seeker_id=person.job_seeker.id)
    token = account_service.create_api_token(actor=_employer_account(person), name="hr")[1]
    answer = client.get(f"/api/v1/vacancies/{person.hired.vacancy_id}/applications", headers={"Authorization": f"Bearer {token}"})
    hired = [item["candidate"] for item in answer.get_json()["items"] if item["status"] == "hired"]
    assert hired == [{"id": None, "deleted": True, "hired_on": HIRED_ON.isoformat()}]
