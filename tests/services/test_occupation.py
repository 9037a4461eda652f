"""Occupation suggestions: Vietnamese job titles, ISCO-08 and ESCO labels, typed with or without diacritics."""
import csv
from collections import defaultdict

import pytest

from jobmatch.rules.job_title import title_phrase
from jobmatch.services.occupation import REFERENCE_DATA, suggest_occupations


@pytest.mark.parametrize("typed, expected", [
    ("thợ hàn", "7212"), ("tho han", "7212"), ("welder", "7212"), ("cong nhan may", "8153"), ("Kế toán", "2411"),
    ("tai xe xe tai", "8332"), ("cook", "5120"), ("dieu duong", "2221"),
])
def test_the_occupation_typed_comes_first(app_context, typed, expected):
    suggestions = suggest_occupations(text=typed)
    assert suggestions[0]["code"] == expected
    assert len({suggestion["code"] for suggestion in suggestions}) == len(suggestions) <= 8


def test_each_suggestion_carries_both_labels_and_what_matched(app_context):
    [first, *_] = suggest_occupations(text="welder")
    assert first["code"] == "7212" and first["label_vi"] == "Thợ hàn và thợ cắt kim loại"
    assert first["label_en"] == "Welders and flamecutters" and first["matched"] == "welder"
    assert first["source"] == "title" and 0 < first["confidence"] <= 1 and "welder" in first["reason"]


@pytest.mark.parametrize("title, expected", [
    ("Kỹ sư cơ điện", "2151"), ("Nhân viên kinh doanh bất động sản", "3334"), ("Nhân viên may", "8153"),
    ("Nhân viên BA", "2511"), ("Nhân Viên Kinh Doanh (Sales Executive) - Thu Nhập 15-30 Triệu - Hà Nội", "3322"),
    ("[HN] Tuyển gấp Kế toán tổng hợp - Lương 12-15tr", "2411"), ("Team Leader Sản Xuất", "3122"),
    ("Senior Java Developer - Up to 2000$", "2512"), ("nhan vien kinh doanh bat dong san", "3334"),
    ("Merchandiser - Công ty may mặc xuất khẩu", "3323"), ("Kỹ sư bảo trì máy móc - KCN Amata", "2144"),
])
def test_whole_titles_as_posted_code_to_their_unit_group(app_context, title, expected):
    assert suggest_occupations(text=title)[0]["code"] == expected


@pytest.mark.parametrize("title, expected", [
    ("[Tuyển Gấp] Kỹ Sư Cơ Điện M&E - Lương Upto 25tr", "2151"),
    ("TUYỂN GẤP 20 CÔNG NHÂN MAY CÔNG NGHIỆP (NAM/NỮ) - KCN TÂN TẠO", "8153"),
    ("Kế Toán Kho - Làm Việc Tại Bình Dương - Lương 9-12 Triệu", "4311"),
    ("Nhân viên kinh doanh bất động sản - Hoa hồng cao", "3334"),
    ("[HCM] Giáo Viên Mầm Non Song Ngữ - Thu nhập 10-14tr", "2342"),
    ("Thực tập sinh kỹ năng chế biến thực phẩm - Nhật Bản - Bay nhanh", "8160"),
    ("Đơn hàng chế biến thủy sản Hàn Quốc (EPS)", "7511"),
    ("Chuyên Viên Tuyển Dụng (Recruiter) - Lương 12-18tr", "2423"),
    ("Kế toán tiền lương - Q.1", "4313"),
    ("Lái xe nâng - Ca đêm - KCN Amata", "8344"),
    ("Công nhân chế biến hạt điều - Bình Phước", "7514"),
    ("Lập Trình Viên ReactJS (Frontend Developer) - Up to 2000$", "2513"),
    ("Trình dược viên OTC - Khu vực Miền Tây", "2433"),
    ("THỢ MỘC NỘI THẤT - XƯỞNG GỖ THỦ ĐỨC", "7522"),
    ("Thu ngân siêu thị Co.opmart", "5230"),
])
def test_a_title_as_posted_reaches_the_curated_titles_unit_group(app_context, title, expected):
    [first, *_] = suggest_occupations(text=title)
    assert (first["code"], first["source"]) == (expected, "title")


def test_the_curated_titles_name_existing_unit_groups_and_their_sources():
    with open(REFERENCE_DATA / "isco08.csv", newline="", encoding="utf-8") as groups_file:
        unit_groups = {row["code"] for row in csv.DictReader(groups_file) if len(row["code"]) == 4}
    with open(REFERENCE_DATA / "vietnamese_job_titles.csv", newline="", encoding="utf-8") as titles_file:
        rows = list(csv.DictReader(titles_file))
    assert len(rows) >= 500 and all(row["isco_code"] in unit_groups and row["source"].strip() for row in rows)
    codes_of_words = defaultdict(set)
    for row in rows:
        codes_of_words[title_phrase(row["title"])].add(row["isco_code"])
    assert [words for words, codes in codes_of_words.items() if len(codes) > 1 or not words] == []


def test_look_alikes_are_gone(app_context):
    assert "3131" not in [suggestion["code"] for suggestion in suggest_occupations(text="Nhân viên may")]
    assert "5414" not in [suggestion["code"] for suggestion in suggest_occupations(text="Nhân viên BA")[:1]]
    assert "5164" not in [suggestion["code"] for suggestion in suggest_occupations(text="Team Leader")[:3]]


def test_an_esco_match_names_the_occupation(app_context):
    [first, *_] = suggest_occupations(text="Dishwasher Repairer")
    assert first["source"] == "esco" and first["code"] == "7412"
    assert first["esco_occupation"] == "household appliances repair technician"


def test_a_title_being_typed_still_finds_labels_by_their_beginning(app_context):
    [first, *_] = suggest_occupations(text="welde")
    assert first["source"] == "typed" and first["code"].isdigit()


def test_too_little_or_unknown_text_suggests_nothing(app_context):
    assert suggest_occupations(text="t") == []
    assert suggest_occupations(text="  ") == []
    assert suggest_occupations(text="xyzzy qwerty") == []
    assert suggest_occupations(text="Tuyển gấp - Lương 15-20 triệu - Hà Nội") == []
    assert suggest_occupations(text="(((---)))") == []


def test_the_api_suggests_publicly_and_refuses_bad_arguments(client):
    response = client.get("/api/v1/occupations/suggest?q=tho%20han")
    assert response.status_code == 200 and response.json["items"][0]["code"] == "7212"
    assert client.get("/api/v1/occupations/suggest").status_code == 422
    too_long = client.get("/api/v1/occupations/suggest?q=" + "a" * 201)
    assert too_long.status_code == 422 and "200" in str(too_long.json)


def test_the_api_codes_a_whole_title_and_says_why_in_vietnamese(client):
    title = "Kỹ Sư Cơ Điện (M&E) - Thu nhập 20-25 triệu - TP.HCM"
    response = client.get("/api/v1/occupations/suggest", query_string={"q": title, "description": "Giám sát hệ thống điện"})
    first = response.json["items"][0]
    assert response.status_code == 200 and first["code"] == "2151" and first["source"] == "title"
    assert first["reason"].startswith("Tiêu đề có") and 0 < first["confidence"] <= 1
    english = client.get("/api/v1/occupations/suggest", query_string={"q": title, "lang": "en"}).json["items"][0]
    assert english["reason"].startswith("The title says")


def test_the_benchmark_titles_are_not_copied_from_the_reference_data(app_context):
    """bench/occupation_coding.py measures the coder, not a look-up: none of its labelled titles equals, folded word by
    word, a phrase the coder matches against (the benchmark itself also refuses to report then)."""
    from bench.occupation_coding import DEV_TITLES_PATH, copied_from_reference, load_titles

    titles = load_titles()
    assert len(titles) >= 500
    assert copied_from_reference(titles) == []
    development = load_titles(DEV_TITLES_PATH)  # nor those of the development set
    assert len(development) >= 300 and copied_from_reference(development) == []
    copied = [("THỢ HÀN", "7212"), ("Công nhân may!", "8153"), ("Đơn hàng chế biến thủy sản", "7511")]
    assert copied_from_reference(copied) == [title for title, _ in copied]  # a curated title as written counts too
