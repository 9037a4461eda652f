"""What deleting a job seeker's account leaves in each table that refers to a person, found from the models' foreign
keys (a new table without a rule here fails): nothing that names the person, nothing to act on, anonymous records
where statistics or the employer need them."""
from sqlalchemy import func, select, text

from jobmatch.extensions import db
from jobmatch.services import job_seeker as job_seeker_service
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
    before = _rows_of(person)
    assert all(before[name] for name in RULES), [name for name in RULES if not before[name]]

    job_seeker_service.delete_account(actor=person.account, job_seeker_id=person.job_seeker.id)

    db.session.rollback()
    after = _rows_of(person)
    for name, rule in RULES.items():
        # (a withdrawal adds its event to the history kept)
        assert (after[name] == 0) if rule == "gone" else (after[name] >= before[name]), (name, before[name], after[name])
    for table in tables_about_a_person():
        rows = " ".join(str(row) for row in db.session.execute(table.select()))
        assert not [word for word in PERSONAL_WORDS if word in rows], table.name
    case = db.session.execute(text("SELECT status, close_reason FROM overseas_case WHERE id = :id"), {"id": person.case_id}).one()
    assert tuple(case) == ("closed", "deleted")
    statuses = db.session.scalars(text("SELECT status FROM application WHERE job_seeker_id = :id ORDER BY id"),
                                  {"id": person.job_seeker.id}).all()
    assert statuses == ["hired", "withdrawn"]  # the hire kept; the referral still open, withdrawn
    # The employer keeps its hire, without a name; the centre's page of the person offers nothing to act on.
    start_session(client, _employer_account(person))
    page = client.get(f"/employer/vacancies/{person.hired.vacancy_id}/applications").get_data(as_text=True)
    assert f"Một người đã được tuyển ngày {HIRED_ON:%d/%m/%Y}" in page and "Hờ A Dính" not in page
    start_session(client, person.officer)
    page = client.get(f"/centre/job-seekers/{person.job_seeker.id}").get_data(as_text=True)
    for action in ("/follow-ups", "/centre/referrals", "/withdraw", "/placement", "claim-code"):
        assert action not in page, action


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
    if table.name == "agency_report":  # the reporter is forgotten; the report is the one about the person's agency
        return table.c.description == "Công ty giữ hộ chiếu của tôi"
    for key in table.foreign_keys:
        parent = key.column.table
        if parent.name == "job_seeker":
            return key.parent == ids["job_seeker"]
        if parent.name == "account" and key.ondelete == "CASCADE":
            return key.parent == ids["account"]
    key = next(key for key in table.foreign_keys if key.ondelete == "CASCADE" and key.column.table in tables_about_a_person())
    return key.parent.in_(select(key.column).where(_belongs(key.column.table, ids)))
