"""Migration 0028: EPS is recruited for by public bodies alone; the open EPS vacancies that private companies posted or
that list fees are closed, and their employers are told, once, on SQLite and PostgreSQL alike."""
import json

from flask_migrate import downgrade

from tests.test_migrations import NOW, as_list, old_database, rows, upgraded  # noqa: F401 (old_database is a fixture)

RULES = json.dumps({"min_age": 18, "max_age": 39, "area_bans": [], "service_fee_months_per_year": 0, "service_fee_max_months": 0})
STAGES = json.dumps([{"code": "registration", "name_vi": "Đăng ký", "name_en": "Registered", "kind": "step"}])


def vacancy_row(vacancy_id, employer_id, title, programme, status, fees):
    country = "KR" if programme == "EPS" else "JP"
    total = sum(fee["amount_vnd"] for fee in fees)
    return (f"({vacancy_id}, {employer_id}, '{title}', '', '9329', '[]', FALSE, 'contract', 5, '2027-01-31', '{status}', FALSE, "
            f"FALSE, FALSE, TRUE, '{country}', '{programme}', 36, '{json.dumps(fees)}', {total}, '{NOW}', '{NOW}', 1)")


def test_0028_closes_the_agencies_eps_vacancies_and_tells_their_employers_once(old_database):  # noqa: F811
    fee = [{"kind": "visa_health", "amount_vnd": 4_500_000}]
    vacancies = ",\n".join([
        vacancy_row(1, 1, "Lao động nông nghiệp tại Hàn Quốc (EPS)", "EPS", "open", []),  # an agency's: closed
        vacancy_row(2, 1, "Lao động sản xuất tại Hàn Quốc (EPS)", "EPS", "draft", fee),  # a draft: publishing refuses it
        vacancy_row(3, 1, "Thực tập sinh hàn tại Nhật Bản", "TITP", "open", fee),  # another programme: untouched
        vacancy_row(4, 2, "Thuyền viên tại Hàn Quốc (EPS)", "EPS", "closed", []),  # closed already: nobody told again
    ])
    app, engine = old_database(f"""
        INSERT INTO isco_group (code, label_vi, label_en) VALUES ('9329', 'Lao động sản xuất', 'Manufacturing labourers');
        INSERT INTO employer (id, name, tax_code, verified, overseas_licence, created_at, updated_at, version)
            VALUES (1, 'Công ty CP Nhân lực Sao Mai', '0101234565', TRUE, '123/LĐTBXH-GP', '{NOW}', '{NOW}', 1),
                   (2, 'Công ty CP Nhân lực Bình Minh', '0101234566', TRUE, '124/LĐTBXH-GP', '{NOW}', '{NOW}', 1);
        INSERT INTO account (id, role, email, password_hash, display_name, disabled, session_version, created_at, employer_id)
            VALUES (1, 'employer', 'a@saomai.vn', 'x', 'Sao Mai', FALSE, 1, '{NOW}', 1),
                   (2, 'employer', 'b@saomai.vn', 'x', 'Sao Mai 2', FALSE, 1, '{NOW}', 1),
                   (3, 'employer', 'c@binhminh.vn', 'x', 'Bình Minh', FALSE, 1, '{NOW}', 2);
        INSERT INTO programme (id, code, destination_country, created_at) VALUES (1, 'EPS', 'KR', '{NOW}'), (2, 'TITP', 'JP', '{NOW}');
        INSERT INTO programme_version (id, programme_id, number, name_vi, name_en, sectors, stages, rules, sources, note, created_at)
            VALUES (1, 1, 1, 'EPS', 'EPS', '[]', '{STAGES}', '{RULES}', 'COLAB', '', '{NOW}'),
                   (2, 2, 1, 'TITP', 'TITP', '[]', '{STAGES}', '{RULES}', '', '', '{NOW}');
        INSERT INTO vacancy (id, employer_id, title, description, isco_code, skills, salary_negotiable, employment_type,
            openings, deadline, status, welcomes_priority, no_experience_required, training_provided, is_overseas,
            destination_country, programme, contract_months, fees, worker_fees_vnd, posted_at, updated_at, version)
            VALUES {vacancies};
    """, revision="0023")

    new = upgraded(app, engine, revision="0028")
    expected_vacancies = [(1, "closed", 2), (2, "draft", 1), (3, "open", 1), (4, "closed", 1)]  # a new version: reindexed
    assert rows(new, "SELECT id, status, version FROM vacancy ORDER BY id") == expected_vacancies
    told = [(account_id, kind, as_list(params), link) for account_id, kind, params, link in
            rows(new, "SELECT account_id, kind, params, link FROM notification ORDER BY account_id")]
    assert told == [
        (account_id, "vacancy_closed_programme_rule", {"vacancy": "Lao động nông nghiệp tại Hàn Quốc (EPS)", "programme": "EPS"},
         "/employer") for account_id in (1, 2)]
    [(number, rules)] = rows(new, "SELECT number, rules FROM programme_version WHERE programme_id = 1 AND number > 1")
    assert number == 2 and as_list(rules)["recruiters"] == "public_only" and as_list(rules)["max_age"] == 39
    assert rows(new, "SELECT DISTINCT public_body FROM employer") in ([(False,)], [(0,)])
    assert rows(new, "SELECT count(*) FROM programme_version WHERE programme_id = 2") == [(1,)]

    with app.app_context():  # undone and done again: nothing is closed or told twice
        downgrade(revision="0023")
    again = upgraded(app, engine, revision="0028")
    assert rows(again, "SELECT id, status, version FROM vacancy ORDER BY id") == expected_vacancies
    assert rows(again, "SELECT count(*) FROM notification") == [(2,)]
    assert rows(again, "SELECT count(*) FROM programme_version WHERE programme_id = 1") == [(2,)]
    again.dispose()
