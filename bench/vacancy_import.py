"""Benchmark of bulk import: how many vacancies per second `POST /api/v1/vacancies/batch` stores, 500 in one request.
Run from the repository root with the project's venv (see bench/README.md):
    .venv/bin/python bench/vacancy_import.py [--rows 500] [--rounds 3]

It keeps its own SQLite database (.cache/bench/vacancy_import.db, made afresh on every run with `flask db upgrade` and
`flask reference load`), counts its rate limit in memory, and needs no Elasticsearch (the batch writes outbox rows; the
relay indexes them later, outside the request).

Each round sends one batch of --rows job-board-style vacancies (titles from bench/data/occupation_titles.csv, every
other one without an occupation code, so that the occupation coder chooses it; wards spread over the country; a
job board's description of about 1,800 characters, skills and a salary range; titles the discrimination check refuses
left out), each with an external_ref,
through the API with an employer's bearer token: first as new vacancies (created), then the same references again with
changed titles and salaries (updated). The time is the whole request, as the client sees it: parsing, checking each
vacancy, coding occupations, one transaction with its outbox rows, and the answer. A round in which any vacancy is
refused, or an answer other than 200, ends the run without a RESULT line. The last line is
    RESULT commit=<commit> tree=<clean|modified> rows=<n> create_rows_per_s=<x> update_rows_per_s=<x>
(the median over the rounds).
"""
import argparse
import csv
import os
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from sqlalchemy import select  # noqa: E402

from bench.provenance import Verdict, announce, source_state  # noqa: E402
from jobmatch import create_app  # noqa: E402
from jobmatch.extensions import db  # noqa: E402
from jobmatch.models import Account, Employer, Ward  # noqa: E402
from jobmatch.rules.clock import vietnam_today  # noqa: E402
from jobmatch.rules.discrimination import find_discrimination  # noqa: E402
from jobmatch.services import account as account_service  # noqa: E402

BENCH_DIR = REPO / ".cache" / "bench"
DATABASE_PATH = BENCH_DIR / "vacancy_import.db"
TITLES_PATH = REPO / "bench" / "data" / "occupation_titles.csv"
BATCH_PATH = "/api/v1/vacancies/batch"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500, help="vacancies per batch (the API takes at most 500)")
    parser.add_argument("--rounds", type=int, default=3, help="batches of new vacancies, each then sent again as updates")
    return parser.parse_args()


def prepare_database():
    """A new database with the migrations and the reference data, as an operator makes one."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_PATH.unlink(missing_ok=True)
    environment = {"FLASK_APP": "wsgi", "JOBMATCH_DATABASE_URL": f"sqlite:///{DATABASE_PATH}"}
    for command in (["db", "upgrade"], ["reference", "load"]):
        print(f"$ flask {' '.join(command)}", flush=True)
        subprocess.run([sys.executable, "-m", "flask", *command], cwd=REPO, env={**os.environ, **environment},
                       check=True, stdout=subprocess.DEVNULL)


def employer_token():
    """A verified employer and its account's API token, as an integrator holds one."""
    employer = Employer(name="Công ty TNHH Đo Tải", tax_code="0101234565", verified=True)
    db.session.add(employer)
    db.session.flush()
    account = Account(role="employer", email="ats@example.vn", password_hash="-", display_name="ATS", employer_id=employer.id)
    db.session.add(account)
    db.session.commit()
    return account_service.create_api_token(actor=account, name="ats")[1]


# A description as job boards carry one (about 1,800 characters): the duties, what is asked, what is offered, hours,
# place and papers; 500 of them make a body of about 1.4 MiB (BATCH_MAX_CONTENT_LENGTH, not MAX_CONTENT_LENGTH).
DESCRIPTION = """MÔ TẢ CÔNG VIỆC
- Thực hiện công việc của vị trí {title} theo phân công của trưởng bộ phận và quy trình của công ty.
- Lập kế hoạch công việc hằng ngày, hằng tuần; báo cáo kết quả và các vấn đề phát sinh cho cấp trên.
- Phối hợp với các phòng ban liên quan để bảo đảm tiến độ và chất lượng công việc được giao.
- Giữ gìn máy móc, dụng cụ, tài liệu được cấp; vệ sinh khu vực làm việc theo tiêu chuẩn 5S.
- Tuân thủ nội quy lao động, quy định an toàn và phòng cháy chữa cháy của công ty.
- Tham gia các khóa đào tạo nội bộ và các công việc khác khi được yêu cầu.
YÊU CẦU
- Tốt nghiệp trung cấp, cao đẳng hoặc đại học chuyên ngành phù hợp; chưa có kinh nghiệm sẽ được đào tạo.
- Có kinh nghiệm ở vị trí tương đương là một lợi thế; sử dụng thành thạo tin học văn phòng cơ bản.
- Cẩn thận, trung thực, có tinh thần trách nhiệm và khả năng làm việc nhóm.
- Có thể làm việc theo ca và tăng ca khi công việc cần.
QUYỀN LỢI
- Thu nhập cạnh tranh theo năng lực: lương cơ bản, phụ cấp, thưởng hiệu quả công việc và tăng ca.
- Đóng BHXH, BHYT, BHTN đầy đủ theo quy định của pháp luật ngay sau thời gian thử việc.
- Thưởng tháng lương thứ 13, thưởng lễ Tết, du lịch hằng năm, khám sức khỏe định kỳ.
- Hỗ trợ ăn ca tại nhà ăn của công ty; hỗ trợ chi phí nhà ở cho người lao động ở xa.
- Được đào tạo nâng cao tay nghề, có lộ trình thăng tiến rõ ràng.
- Môi trường làm việc chuyên nghiệp, thân thiện, trang thiết bị hiện đại.
THỜI GIAN LÀM VIỆC
- Từ thứ Hai đến thứ Bảy, 8h00 - 17h00, nghỉ trưa 1 tiếng; nghỉ chủ nhật và các ngày lễ theo quy định.
HỒ SƠ GỒM
- Đơn xin việc, sơ yếu lý lịch có xác nhận, bản sao căn cước công dân, bằng cấp và chứng chỉ liên quan.
- Nộp hồ sơ trực tiếp tại phòng nhân sự của công ty hoặc gửi qua email trong giờ hành chính."""


def postings(rows, round_number, *, update):
    with open(TITLES_PATH, newline="", encoding="utf-8") as titles_file:
        # A title that chooses workers by sex or age ("(Nữ)", "dưới 30 tuổi") is refused as the law requires: such
        # titles of the labelled set are left out, as they measure the refusal, not the import.
        titles = [(row["title"], row["isco_code"]) for row in csv.DictReader(titles_file) if find_discrimination(row["title"]) is None]
    wards = db.session.scalars(select(Ward.code).order_by(Ward.code)).all()
    deadline = (vietnam_today() + timedelta(days=30)).isoformat()
    batch = []
    for number in range(rows):
        title, isco_code = titles[number % len(titles)]
        salary = 7_000_000 + (number % 20) * 500_000 + (1_000_000 if update else 0)
        posting = {
            "external_ref": f"R{round_number}-{number}", "title": f"{title} ({'cập nhật' if update else 'mới'})"[:200],
            "description": DESCRIPTION.format(title=title),
            "skills": ["giao tiếp", "tin học văn phòng"], "ward_code": wards[(number * 37) % len(wards)],
            "salary_min": salary, "salary_max": salary + 3_000_000, "employment_type": "full_time", "openings": 1 + number % 5,
            "deadline": deadline, "publish": number % 3 != 0,
        }
        if number % 2 == 0:
            posting["isco_code"] = isco_code
        batch.append(posting)
    return batch


def send(client, token, batch, expected, verdict):
    """Rows per second for one batch, as the client sees it; None when anything was refused."""
    started = time.perf_counter()
    response = client.post(BATCH_PATH, json={"vacancies": batch}, headers={"Authorization": f"Bearer {token}"})
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        verdict.refuse(f"{response.status_code} {response.get_data(as_text=True)[:300]}")
        return None
    answer = response.json
    if answer[expected] != len(batch):
        refused = [item for item in answer["items"] if item["outcome"] != expected][:5]
        verdict.refuse(f"{len(batch) - answer[expected]} vacancies not {expected}, e.g. {refused}")
        return None
    print(f"  {len(batch)} {expected} in {elapsed:.2f} s: {len(batch) / elapsed:.0f} rows/s", flush=True)
    return len(batch) / elapsed


def main():
    args = parse_args()
    source = source_state()
    announce(source)
    verdict = Verdict(source)
    prepare_database()
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{DATABASE_PATH}", "RATELIMIT_STORAGE_URI": "memory://",
                      "RATELIMIT_VACANCY_IMPORT": "1000 per hour"})
    created, updated = [], []
    with app.app_context():
        token = employer_token()
        client = app.test_client()
        for round_number in range(args.rounds):
            created.append(send(client, token, postings(args.rows, round_number, update=False), "created", verdict))
            updated.append(send(client, token, postings(args.rows, round_number, update=True), "updated", verdict))
    if verdict.problems:
        verdict.finish()
    verdict.finish(rows=args.rows, create_rows_per_s=f"{statistics.median(created):.0f}",
                   update_rows_per_s=f"{statistics.median(updated):.0f}")


if __name__ == "__main__":
    main()
