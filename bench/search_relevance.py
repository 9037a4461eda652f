"""Benchmark of search relevance: what job seekers type, judged by what they want, against the vacancy search API.

Run from the repository root with the project's venv (see bench/README.md):

    .venv/bin/python bench/search_relevance.py [--vacancies 6000] [--seed 2026]

It keeps its own SQLite database (.cache/bench/relevance.db, made afresh on every run with `flask db upgrade` and
`flask reference load`) and index prefix (jobmatch-bench-relevance), and deletes its indexes when it ends.

The corpus (bench/search_corpus.py and bench/search_postings.py, words in bench/data/search_corpus_*.json): employers
sign up (the account service), an officer verifies each through the API, each posts its vacancies, published at once,
through `POST /api/v1/vacancies`, and the outbox relay (services.search_index.relay_outbox) indexes them. Every vacancy is
written from a hidden ground truth: its occupation concept, its ward before July 2025 (with district and province) and
since, its destination country and programme abroad, the pay it states, its employment type and the experience it
asks. The truth stays in this process; the product sees only the posting's own title, text and fields.

The queries (bench/data/search_judgments.json, nine classes) were written with their rules before any tuning. Each is
sent alone, as typed: `GET /api/v1/vacancies/search?q=<text>&size=50`; places, countries and pay must be understood
from the text itself. bench/search_judging.py grades every vacancy 0, 1 or 2 from its ground truth by these rules,
never from the product's fields, scores or index:

- Occupation. A query names the concepts or families (search_corpus_concepts.json) its typist would accept: "kế toán"
  any accountant, "kế toán thuế" only tax accountants; "công nhân" manual production work of any line the postings
  call "công nhân" (sewing, electronics, packing, food processing, machines, welding and metalwork, woodwork, loading,
  farms, building labour), not the skilled building trades, drivers or services; "lao động phổ thông", "LĐPT" unskilled
  work (packing, general labour, loading, building labour); "nhân viên kinh doanh", "NVKD", "sales" sales staff of any
  kind (field, real estate, telephone), not shop assistants; "nhân viên văn phòng" office and admin staff, not
  accountants; "tài xế" any driver, not a shipper; "IT" developers, testers, helpdesk and system administrators; "QA"
  software testers and quality inspectors; "HR" human-resources staff; "KTV" technicians (maintenance, refrigeration,
  laboratory, spa, car, IT); "*" any work ("việc làm bình dương", "xuất khẩu lao động"). Another concept grades 0
  whatever else holds. Words that are neither an occupation nor a constraint below (tools, shifts, "tuyển gấp", "có
  chỗ ở") do not count.
- Place. A province name means the province as it was before July 2025, as postings and people still name it: a
  vacancy there holds (2); one elsewhere in the current province that took it in holds nearly (1). "Hải Dương": 2 in
  former Hải Dương, 1 in the rest of today's Hải Phòng; "Bắc Ninh": 2 in former Bắc Ninh, 1 in former Bắc Giang;
  "TP.HCM": 2 in the former city, 1 in former Bình Dương and Bà Rịa - Vũng Tàu. Abbreviations and other names are the
  same place: TP.HCM, TPHCM, HCM, SG, Sài Gòn; HN; BRVT; BD; Thừa Thiên Huế, TT Huế (the place tables call it Huế, its
  name since January 2025). A former district (Cầu Giấy, Thủ Đức, Dĩ An, Q1) holds in that district and nearly in the
  rest of its former province. Abroad is nowhere at home.
- Abroad. A country ("nhật bản", "đi Hàn", "korea", "xkld đài loan") holds only for vacancies in that country;
  "xuất khẩu lao động" or "xkld" without a country, for any vacancy abroad. A programme (Japan's "thực tập sinh" or
  "TTS": TITP; "kỹ năng đặc định", "tokutei": SSW; "EPS") holds for that programme and nearly for another programme of
  its country. Work at home never holds: an import-export clerk ("xuất nhập khẩu"), an interpreter of Japanese, a
  company with Korean capital. A query naming no country accepts vacancies at home and abroad alike.
- Pay, as the posting states it in its fields or only in its text, a month in VND: a day's pay × 26; an hour's pay × 4
  hours × 26 days (part-time work); foreign currencies at this benchmark's own fixed rates (search_corpus_world.json:
  1 USD = 25,000 đ, 1 JPY = 170, 1 KRW = 18.5, 1 TWD = 790). "lương 10 triệu", "trên 10 triệu", "từ 10tr",
  "9.000.000" mean at least that much: it holds when the top of the stated pay reaches it ("up to 12 million" holds
  for 10, "from 8 million" does not); "10-12 triệu" holds when the stated range overlaps it; pay not stated ("Thỏa
  thuận", "Cạnh tranh") holds nearly.
- "part time", "việc làm thêm" hold only for part-time work; "không cần kinh nghiệm" only where no experience is asked.
A vacancy's grade is the lowest of the occupation's verdict (2 or 0) and those of every constraint the query states.

Measures, for each query with at least one vacancy of grade 2 (others are listed and left out): nDCG@10, gains
2^grade - 1, against the ideal order of the whole corpus; precision@10, the share of the first 10 results graded 2;
recall@50, the grade-2 vacancies in the first 50 over min(50, their number); zero, nothing found. Each is averaged per
class and over all queries; the last line is

    RESULT commit=<commit> tree=<clean|modified> ndcg10=<x> p10=<x> zero_rate=<x> worst_class_ndcg10=<x> queries=<n>

The commit and the working tree's changes come first (bench/provenance.py). A vacancy the API refuses, or a search
answered other than 200, ends the run without a RESULT line and with exit status 1.
"""
import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from sqlalchemy import select  # noqa: E402
from vietnamadminunits.database import get_data  # noqa: E402

from bench.provenance import Verdict, announce, delete_indexes, source_state  # noqa: E402
from bench.search_corpus import PASSWORD, build_corpus, families, load_vocabulary, place_index  # noqa: E402
from bench.search_judging import CLASSES, grade, load_judgments, measures  # noqa: E402
from jobmatch import create_app  # noqa: E402
from jobmatch.extensions import db, search_client, search_indexes  # noqa: E402
from jobmatch.models.place import LegacyWard, Province, Ward  # noqa: E402
from jobmatch.rules.clock import vietnam_today  # noqa: E402
from jobmatch.rules.tax_code import tax_code_for  # noqa: E402
from jobmatch.schemas.account import EmployerSignUpSchema  # noqa: E402
from jobmatch.services import account as account_service  # noqa: E402
from jobmatch.services import centre as centre_service  # noqa: E402
from jobmatch.services import employer as employer_service  # noqa: E402
from jobmatch.services import search_index  # noqa: E402
from search.client import is_healthy  # noqa: E402

BENCH_DIR = REPO / ".cache" / "bench"
DATABASE_PATH = BENCH_DIR / "relevance.db"
RESULTS_PATH = BENCH_DIR / "search_relevance.json"
INDEX_PREFIX = "jobmatch-bench-relevance"
SEARCH_PATH = "/api/v1/vacancies/search"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vacancies", type=int, default=6000, help="vacancies in the corpus (default 6000, at least 5000 for figures)")
    parser.add_argument("--seed", type=int, default=2026, help="the corpus's seed (default 2026; the judgments are fixed)")
    parser.add_argument("--worst", type=int, default=15, help="queries with the lowest nDCG@10 to show (default 15)")
    parser.add_argument("--elasticsearch-url", default="http://127.0.0.1:9200", help="a local Elasticsearch 9 node")
    args = parser.parse_args()
    if urlsplit(args.elasticsearch_url).hostname not in ("127.0.0.1", "localhost"):
        parser.error("the benchmark only talks to 127.0.0.1")
    return args


def bench_app(elasticsearch_url):
    return create_app({
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{DATABASE_PATH}",
        "SEARCH_INDEX_PREFIX": INDEX_PREFIX,
        "ELASTICSEARCH_URL": elasticsearch_url,
        "ARGON2_MEMORY_KIB": 1024,  # hundreds of sign-ups; the strength of these passwords is not what is measured
    })


def prepare_database(elasticsearch_url):
    """A new database with the migrations and the reference data, as an operator makes one."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_PATH.unlink(missing_ok=True)
    environment = {"FLASK_APP": "wsgi", "JOBMATCH_DATABASE_URL": f"sqlite:///{DATABASE_PATH}",
                   "JOBMATCH_SEARCH_INDEX_PREFIX": INDEX_PREFIX, "JOBMATCH_ELASTICSEARCH_URL": elasticsearch_url}
    for command in (["db", "upgrade"], ["reference", "load"]):
        print(f"$ flask {' '.join(command)}", flush=True)
        subprocess.run([sys.executable, "-m", "flask", *command], cwd=REPO, env={**os.environ, **environment},
                       check=True, stdout=subprocess.DEVNULL)


def places_from_database():
    """The place index: former wards (vietnamadminunits) with the current ward each lies in (the reference data)."""
    rows = db.session.execute(
        select(LegacyWard.code, Ward.code, Ward.name, Province.code, Province.name, Province.short_name)
        .join(Ward, LegacyWard.ward_code == Ward.code).join(Province, Ward.province_code == Province.code)
    )
    current = {code: tuple(rest) for code, *rest in rows}
    legacy = get_data(["province", "provinceShort", "district", "districtShort", "ward", "wardCode"], table="admin_units_legacy")
    return place_index(legacy, current)


# Loading the corpus through the product ----------------------------------------------------------------------------

def register_employers(app, employers):
    """An administrator, a centre and its officer; every employer's sign-up, and last the Centre of Overseas Labour (a
    public body, the only recruiter EPS allows, issue 19); API tokens. Returns (officer token, [(employer id, token)])."""
    admin = account_service.create_first_admin(email="admin@bench-relevance.test", name="Quản trị", password=PASSWORD)
    centre = centre_service.create_centre(province_code="01", name="Trung tâm Dịch vụ việc làm (benchmark)")
    officer = account_service.create_staff_account(actor=admin, fields={
        "role": "officer", "email": "can-bo@bench-relevance.test", "display_name": "Cán bộ", "centre_id": centre.id,
        "password": PASSWORD})
    officer_token = account_service.create_api_token(actor=officer, name="bench")[1]
    companies = []
    with app.test_request_context():
        schema = EmployerSignUpSchema()
        for employer in employers:
            account = account_service.sign_up_employer(fields=schema.load(dict(employer.sign_up)))
            companies.append((account.employer_id, account_service.create_api_token(actor=account, name="bench")[1]))
        centre_of_overseas_labour = {
            **{key: value for key, value in employers[0].sign_up.items() if not key.startswith("overseas_licence")},
            "name": "Trung tâm Lao động ngoài nước", "tax_code": tax_code_for(len(employers) + 1),
            "email": "colab@bench-relevance.test"}
        account = account_service.sign_up_employer(fields=schema.load(centre_of_overseas_labour))
        employer_service.mark_public_body(tax_code=centre_of_overseas_labour["tax_code"])
        companies.append((account.employer_id, account_service.create_api_token(actor=account, name="bench")[1]))
    return officer_token, companies


def load_corpus(app, employers, postings, verdict):
    """Sign up, verify and post everything, relay the outbox; returns {vacancy id: posting}. Anything refused ends the
    run: the judgments need every vacancy."""
    started = time.monotonic()
    with app.app_context():
        officer_token, companies = register_employers(app, employers)
    posted = {}
    with app.test_client() as api:
        for employer_id, _ in companies:
            answer = api.post(f"/api/v1/employers/{employer_id}/verification", headers=_bearer(officer_token))
            _expect(answer, 200, f"verifying employer {employer_id}", verdict)
        for number, posting in enumerate(postings):
            poster = companies[-1] if posting.payload.get("programme") == "EPS" else companies[posting.employer]
            answer = api.post("/api/v1/vacancies", json=posting.payload, headers=_bearer(poster[1]))
            _expect(answer, 201, f"posting vacancy {number} ({posting.payload['title']!r})", verdict)
            posted[answer.get_json()["id"]] = posting
            if (number + 1) % 1000 == 0:
                print(f"  posted {number + 1:,} vacancies", flush=True)
    with app.app_context():
        relayed = search_index.relay_outbox(refresh=True)
        pending = search_index.pending_outbox_count()
        indexed = search_client().count(index=search_indexes().vacancies)["count"]
    print(f"Loaded {len(employers):,} employers and {len(posted):,} vacancies in {time.monotonic() - started:.0f} s; "
          f"the relay wrote {relayed.written:,} documents, {indexed:,} in the index")
    if pending or indexed != len(posted):
        verdict.refuse(f"after the relay: {pending} outbox rows left, {indexed} documents for {len(posted)} vacancies")
        verdict.finish()
    return posted


def _bearer(token):
    return {"Authorization": f"Bearer {token}"}


def _expect(answer, status, what, verdict):
    if answer.status_code != status:
        verdict.refuse(f"{what} answered {answer.status_code}: {answer.get_data(as_text=True)[:500]}")
        verdict.finish()


# Searching and judging ---------------------------------------------------------------------------------------------

def search_all(app, judgments):
    """{judgment id: (total, [vacancy ids])} and the errors, one search per query through the API."""
    answers, errors = {}, []
    with app.test_client() as api:
        for judgment in judgments:
            try:
                answer = api.get(f"{SEARCH_PATH}?{urlencode({'q': judgment.text, 'size': 50})}")
            except Exception as error:  # a crash is an error of the run, reported with the others
                errors.append(f"{judgment.id} {judgment.text!r}: {error!r}")
                continue
            if answer.status_code != 200:
                errors.append(f"{judgment.id} {judgment.text!r}: {answer.status_code} {answer.get_data(as_text=True)[:200]}")
                continue
            page = answer.get_json()
            hits = page["items"] if "items" in page else page["hits"]
            answers[judgment.id] = (page["total"], [hit["vacancy"]["id"] for hit in hits])
    return answers, errors


def judge(judgments, answers, posted, index):
    """Per query: its measures, and its answer's grades; queries with no fully relevant vacancy are set apart."""
    judged, unjudgeable = [], []
    for judgment in judgments:
        grades = {vacancy_id: grade(judgment, posting.truth, index) for vacancy_id, posting in posted.items()}
        total, ids = answers[judgment.id]
        ranked = [grades.get(vacancy_id, 0) for vacancy_id in ids]
        result = measures(ranked, [value for value in grades.values() if value], total)
        if result["relevant"] == 0:
            unjudgeable.append(judgment)
            continue
        judged.append({"judgment": judgment, "ids": ids, "grades": ranked, "total": total, **result})
    return judged, unjudgeable


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def summary(results):
    return {"queries": len(results), "ndcg10": mean(r["ndcg10"] for r in results), "p10": mean(r["p10"] for r in results),
            "r50": mean(r["r50"] for r in results), "zero_rate": mean(1.0 if r["zero"] else 0.0 for r in results)}


def print_table(judged):
    by_class = defaultdict(list)
    for result in judged:
        by_class[result["judgment"].query_class].append(result)
    print(f"\n{'class':<16} {'queries':>7} {'nDCG@10':>8} {'P@10':>6} {'R@50':>6} {'zero':>6}")
    rows = {name: summary(by_class[name]) for name in CLASSES if by_class[name]}
    for name, row in [*rows.items(), ("overall", summary(judged))]:
        print(f"{name:<16} {row['queries']:>7} {row['ndcg10']:>8.3f} {row['p10']:>6.3f} {row['r50']:>6.3f} {row['zero_rate']:>6.3f}")
    return rows


def describe(posting):
    truth = posting.truth
    where = truth.country or (f"{truth.place.district_short}, {truth.place.province_short}" if truth.place else "?")
    return f"{truth.concept} @ {where}: {posting.payload['title'][:70]}"


def print_worst(judged, posted, count):
    print(f"\nThe {count} queries with the lowest nDCG@10 (grade, occupation @ place, title of the first results):")
    for result in sorted(judged, key=lambda r: (r["ndcg10"], r["judgment"].id))[:count]:
        judgment = result["judgment"]
        print(f"  {judgment.id} {judgment.text!r}: nDCG@10 {result['ndcg10']:.2f}, {result['total']:,} found, "
              f"{result['relevant']:,} fully relevant")
        for vacancy_id, value in list(zip(result["ids"], result["grades"], strict=True))[:3]:
            print(f"      [{value}] {describe(posted[vacancy_id])}")


def save_results(judged, unjudgeable):
    rows = [{"id": r["judgment"].id, "class": r["judgment"].query_class, "text": r["judgment"].text, "total": r["total"],
             "relevant": r["relevant"], "ndcg10": round(r["ndcg10"], 4), "p10": r["p10"], "r50": round(r["r50"], 4),
             "grades": r["grades"][:10]} for r in judged]
    RESULTS_PATH.write_text(json.dumps({"judged": rows, "no_relevant_vacancy": [j.id for j in unjudgeable]}, ensure_ascii=False, indent=1))


def evaluate(app, args, verdict):
    prepare_database(args.elasticsearch_url)
    with app.app_context():
        if not is_healthy(search_client()):
            sys.exit("Elasticsearch does not answer: run scripts/elasticsearch.sh start")
        index = places_from_database()
        today = vietnam_today()
    concepts, _ = load_vocabulary()
    judgments = load_judgments(concepts=concepts, families=families(concepts), index=index)
    employers, postings = build_corpus(index=index, vacancies=args.vacancies, seed=args.seed, today=today)
    posted = load_corpus(app, employers, postings, verdict)
    started = time.monotonic()
    answers, errors = search_all(app, judgments)
    print(f"{len(judgments)} searches in {time.monotonic() - started:.1f} s")
    for error in errors:
        verdict.refuse(error)
    if errors:
        verdict.finish()
    judged, unjudgeable = judge(judgments, answers, posted, index)
    if unjudgeable:
        print(f"Left out, no fully relevant vacancy in this corpus: {', '.join(j.id for j in unjudgeable)}")
    rows = print_table(judged)
    print_worst(judged, posted, args.worst)
    save_results(judged, unjudgeable)
    overall = summary(judged)
    verdict.finish(ndcg10=f"{overall['ndcg10']:.3f}", p10=f"{overall['p10']:.3f}", zero_rate=f"{overall['zero_rate']:.3f}",
                   worst_class_ndcg10=f"{min(row['ndcg10'] for row in rows.values()):.3f}", queries=overall["queries"])


def main():
    args = parse_args()
    source = source_state()
    announce(source)
    app = bench_app(args.elasticsearch_url)
    with app.app_context():
        delete_indexes(search_client(), INDEX_PREFIX)  # left by a run that could not clean up
    try:
        evaluate(app, args, Verdict(source))
    finally:
        with app.app_context():
            delete_indexes(search_client(), INDEX_PREFIX)


if __name__ == "__main__":
    main()
