"""The occupation coder as plain data: titles cleaned of board noise, syllables matched as words, heads and rare words."""
import pytest

from jobmatch.rules.job_title import title_phrase, title_words, words_of
from jobmatch.rules.occupation_coding import Phrase, build_vocabulary, code_title
from jobmatch.rules.occupation_roles import head_major_groups


def phrase(text, code, kind="title"):
    return Phrase(tuple(words_of(text)), code, kind, text)


VOCABULARY = build_vocabulary([
    phrase("nhân viên", "", "head"), phrase("kỹ sư", "2149", "head"), phrase("công nhân", "9329", "head"),
    phrase("nhân viên kinh doanh", "3322"), phrase("kinh doanh bất động sản", "3334"), phrase("công nhân may", "8153"),
    phrase("may", "8153"), phrase("nhà máy điện", "3131"), phrase("kỹ sư cơ điện", "2151"), phrase("ba", "2511"),
    phrase("nhân viên bảo vệ", "5414"), phrase("sales executive", "3322", "esco"), phrase("kế toán tổng hợp", "2411"),
    phrase("pet care worker", "5164", "esco"), phrase("kế toán", "2411", "head"), phrase("kế toán kho", "4311"),
])


def first_code(title, **options):
    coded = code_title(VOCABULARY, title, **options)
    return coded[0].code if coded else None


@pytest.mark.parametrize("title, pieces", [
    ("Nhân Viên Kinh Doanh (Sales Executive) - Thu Nhập 15-30 Triệu - Hà Nội",
     (("nhân", "viên", "kinh", "doanh"), ("sales", "executive"))),
    ("[HN] Tuyển gấp Kế toán tổng hợp - Lương 12-15tr", (("kế", "toán", "tổng", "hợp"),)),
    ("TUYỂN GẤP 50 CÔNG NHÂN MAY (Nam/Nữ) - BAO ĂN Ở", (("công", "nhân", "may"),)),
    ("Công nhân đóng gói - Làm việc tại KCN VSIP", (("công", "nhân", "đóng", "gói"),)),
    ("Tuyển gấp - Lương 10 triệu", ()),
    # an abbreviation in brackets of the words before it says the job once; another stays
    ("Business Analyst (BA) - Core Banking", (("business", "analyst"), ("core", "banking"))),
    ("Hành chính nhân sự (HCNS)", (("hành", "chính", "nhân", "sự"),)),
    ("Tư vấn viên mỹ phẩm tại quầy (BA)", (("tư", "vấn", "viên", "mỹ", "phẩm"), ("ba",))),
])
def test_board_noise_pay_and_places_are_set_aside(title, pieces):
    assert title_words(title, frozenset({"hà nội", "hn"})).pieces == pieces


@pytest.mark.parametrize("title, expected", [
    ("Kỹ sư cơ điện", "2151"), ("Nhân viên kinh doanh bất động sản", "3334"), ("Nhân viên may", "8153"),
    ("Nhân viên BA", "2511"), ("Nhân Viên Kinh Doanh (Sales Executive) - Thu Nhập 15-30 Triệu - Hà Nội", "3322"),
    ("nhan vien kinh doanh bat dong san", "3334"), ("Kỹ sư hóa dầu", "2149"),
])
def test_whole_titles_code_to_their_unit_group(title, expected):
    assert first_code(title) == expected


def test_a_syllable_matches_as_a_word_with_its_diacritics():
    assert "3131" not in [answer.code for answer in code_title(VOCABULARY, "Nhân viên may")]
    assert first_code("Vận hành nhà máy điện") == "3131"


def test_common_words_and_lower_case_pieces_do_not_decide():
    assert first_code("Team Leader") is None  # neither word names an occupation here
    assert first_code("Nhân viên ba ca") != "2511"  # "ba" (three) is the acronym BA only in capitals
    assert first_code("Nhân viên") is None


def test_the_answer_says_what_matched_and_how_sure():
    [best, *_] = code_title(VOCABULARY, "Kế toán tổng hợp")
    assert (best.code, best.matched.label, best.matched_words) == ("2411", "kế toán tổng hợp", ("kế", "toán", "tổng", "hợp"))
    head_only = code_title(VOCABULARY, "Kế toán viên part-time")[0]
    assert head_only.matched.kind == "head" and head_only.confidence < best.confidence


def test_the_description_breaks_ties_but_never_outweighs_the_title():
    tied = build_vocabulary([phrase("tạp vụ", "9112"), phrase("tạp vụ", "9412"), phrase("rửa bát", "9412")])
    assert code_title(tied, "Tạp vụ")[0].code == "9112"  # a true tie falls to the lower code
    assert code_title(tied, "Tạp vụ", description="Rửa bát, dọn bếp")[0].code == "9412"
    assert first_code("Kế toán tổng hợp", description="Làm kế toán kho") == "2411"


def test_rare_words_of_a_group_name_code_a_title_that_no_phrase_names_whole():
    vocabulary = build_vocabulary([
        phrase("thợ", "7549", "head"), phrase("thợ vận hành máy tẩy, nhuộm và làm sạch vải", "8154", "group"),
        phrase("thợ may", "7533"), phrase("thợ hàn", "7212"),
    ])
    [best, *_] = code_title(vocabulary, "Thợ nhuộm vải")
    assert (best.code, best.matched.kind) == ("8154", "words") and "nhuộm" in best.matched_words
    assert code_title(vocabulary, "Thợ hàn")[0].code == "7212"  # a phrase named whole still comes first


@pytest.mark.parametrize("title, pieces", [
    ("EPS Hàn Quốc - Đánh bắt cá gần bờ", (("đánh", "bắt", "cá", "gần", "bờ"),)),  # Hàn Quốc is no welder
    ("[XKLĐ Nhật Bản] Đơn hàng may mặc", (("may", "mặc"),)),
    ("Giáo viên tiếng Nhật", (("giáo", "viên", "tiếng", "nhật"),)),  # the language the job asks for stays
])
def test_countries_and_programmes_of_work_abroad_are_set_aside(title, pieces):
    assert title_words(title).pieces == pieces


@pytest.mark.parametrize("title, pieces", [
    ("Chuyên Viên Tuyển Dụng - Lương 12-18tr", (("chuyên", "viên", "tuyển", "dụng"),)),  # the recruiter's trade stays
    ("Tuyển dụng nhân viên kho", (("nhân", "viên", "kho"),)),  # … the employer's "we are hiring" goes
    ("Tư vấn tuyển sinh", (("tư", "vấn", "tuyển", "sinh"),)),
    ("Kế toán tiền lương - Lương 12tr", (("kế", "toán", "tiền", "lương"),)),  # payroll is a trade, not pay
    ("Lương y", (("lương", "y"),)),
    ("Nhân viên kinh doanh lương cao", (("nhân", "viên", "kinh", "doanh"),)),  # pay ends the piece, not the title
    ("Lương cứng 7tr + hoa hồng", ()),
    ("Nanny cho gia đình Hàn", (("nanny",),)),  # whom the job is for says nothing of it …
    ("Nhân viên cho vay tiêu dùng", (("nhân", "viên", "cho", "vay", "tiêu", "dùng"),)),  # … lending does
    ("Công nhân may - Có xe đưa đón", (("công", "nhân", "may"),)),  # a perk, not a bus driver
    ("Chief Accountant (Tiếng Anh tốt)", (("chief", "accountant"),)),  # a requirement, not a language teacher
])
def test_recruiting_and_payroll_trades_are_not_board_noise_or_pay(title, pieces):
    assert title_words(title).pieces == pieces


@pytest.mark.parametrize("title, words", [
    ("Thực tập sinh kỹ năng chế biến thực phẩm", ("chế", "biến", "thực", "phẩm")),
    ("Đơn hàng chế biến thủy sản", ("chế", "biến", "thủy", "sản")),
    ("Kế toán tiền lương", ("kế", "toán", "tiền", "lương")),
])
def test_a_curated_title_is_read_as_a_posted_one(title, words):
    assert title_phrase(title) == words


def test_a_phrase_listed_twice_for_the_same_group_counts_once():
    once = build_vocabulary([phrase("thợ hàn", "7212"), phrase("hàn", "7212"), phrase("welder", "7212", "esco")])
    twice = build_vocabulary([phrase("thợ hàn", "7212"), phrase("thợ hàn", "7212"), phrase("hàn", "7212"),
                              phrase("welder", "7212", "esco")])
    assert code_title(once, "Thợ hàn")[0].score == code_title(twice, "Thợ hàn")[0].score


def test_a_curated_title_wins_over_the_look_alikes_of_its_words():
    vocabulary = build_vocabulary([
        phrase("nhân viên", "", "head"), phrase("thợ", "7549", "head"), phrase("kinh doanh", "3322"),
        phrase("bất động sản", "3334"), phrase("nhân viên kinh doanh bất động sản", "3334"),
        phrase("real estate agent", "3334", "esco"), phrase("thợ mộc", "7115"), phrase("thợ mộc nội thất", "7522"),
        phrase("nội thất", "3432"), phrase("interior designer", "3432", "esco"),
    ])
    assert code_title(vocabulary, "Nhân viên kinh doanh bất động sản - Hoa hồng cao")[0].code == "3334"
    assert code_title(vocabulary, "THỢ MỘC NỘI THẤT - XƯỞNG GỖ THỦ ĐỨC")[0].code == "7522"


@pytest.mark.parametrize("title, groups", [
    ("Kỹ sư bảo trì (Maintenance Engineer)", "2"), ("THỢ TRẦN THẠCH CAO", "5789"), ("Trưởng phòng nhân sự", "1"),
    ("Nhân viên kế toán", "234"), ("Software Engineer - Golang", "23"), ("Restaurant Manager", "12"),
    ("Nhân viên kinh doanh", ""), ("Thực tập sinh", ""),
    ("Vận hành máy cắt laser", "378"),  # machine setters of a trade (printers, woodworkers: 7322, 7523) are craft (7)
])
def test_the_head_of_a_title_says_its_family(title, groups):
    assert head_major_groups(title_words(title).pieces) == groups


def test_the_head_steers_the_domain_words_to_its_family():
    vocabulary = build_vocabulary([
        phrase("kỹ sư", "2149", "head"), phrase("thợ", "7549", "head"), phrase("bảo trì máy", "7233"),
        phrase("mechanical engineer", "2144", "esco"), phrase("cao", "1112", "group"), phrase("trần thạch cao", "7123"),
        phrase("cơ khí", "2144", "group"),
    ])
    assert [answer.code for answer in code_title(vocabulary, "Kỹ sư bảo trì máy cơ khí")] == ["2144", "2149", "7233"]
    assert code_title(vocabulary, "Bảo trì máy")[0].code == "7233"  # no head, no other domain: the fitter
    assert code_title(vocabulary, "Thợ trần thạch cao")[0].code == "7123"


def test_a_job_title_after_its_head_matches_under_another_head():
    vocabulary = build_vocabulary([
        phrase("thợ", "7549", "head"), phrase("kỹ thuật viên", "3119", "head"), phrase("thợ lắp đặt camera", "7422"),
        phrase("camera", "3431"), phrase("thợ hồ", "7112"), phrase("hồ bơi", "5419"), phrase("trưởng phòng", "1219", "head"),
        phrase("trưởng phòng quảng cáo", "1222"), phrase("thợ làm bảng hiệu", "7316"),
    ])
    [best, *_] = code_title(vocabulary, "Kỹ thuật viên lắp đặt camera - Lương 10tr")
    assert (best.code, best.matched.kind, best.matched.label) == ("7422", "tail", "thợ lắp đặt camera")
    assert "7112" not in [answer.code for answer in code_title(vocabulary, "Nhân viên cứu hộ hồ bơi")]  # one word, no tail
    # what a director heads (advertising) is no job of its own
    assert "1222" not in [answer.code for answer in code_title(vocabulary, "Thợ làm bảng hiệu quảng cáo")]


def test_the_alternatives_to_the_first_answer_are_its_siblings_before_look_alikes():
    vocabulary = build_vocabulary([
        phrase("chăm sóc người già", "5322"), phrase("người già", "5321"), phrase("chăm sóc", "1341"),
    ])
    assert [answer.code for answer in code_title(vocabulary, "Chăm sóc người già")] == ["5322", "5321", "1341"]


def test_a_title_is_kin_to_job_titles_with_its_head_and_its_rarer_words():
    others = [phrase(f"nghề {number}", str(9000 + number)) for number in range(20)]  # "công trình" is rare among them
    vocabulary = build_vocabulary([
        *others, phrase("kỹ sư", "2149", "head"), phrase("kỹ sư giám sát công trình", "2142"), phrase("qc", "7543"),
    ])
    [best, *_] = code_title(vocabulary, "Kỹ sư QC công trình - Đi tỉnh")
    assert (best.code, best.matched.kind, best.matched.label) == ("2142", "kin", "kỹ sư giám sát công trình")
    assert "2142" not in [answer.code for answer in code_title(vocabulary, "Thợ QC công trình")]  # another head


def test_a_look_alike_alone_gives_way_to_the_minor_group_its_close_rivals_share():
    vocabulary = build_vocabulary([
        phrase("công nhân", "9329", "head"), phrase("vườn điều", "7514"), phrase("chăm sóc vườn", "6113"),
        phrase("tỉa cây", "6112"), *[phrase(f"nghề {number}", str(9000 + number)) for number in range(20)],
    ])
    answers = code_title(vocabulary, "Công nhân chăm sóc vườn điều, tỉa cây")
    assert [answer.code[:3] for answer in answers[:2]] == ["611", "611"] and "7514" in [a.code for a in answers]
    # a clear first answer keeps its place: its rivals are not close
    assert code_title(vocabulary, "Công nhân chế biến vườn điều")[0].code == "7514"


def test_a_trade_named_under_a_professionals_head_is_the_professionals_field():
    vocabulary = build_vocabulary([
        phrase("kỹ sư", "2149", "head"), phrase("thợ", "7549", "head"), phrase("bảo dưỡng máy", "7233"),
        phrase("điện dân dụng", "7411"), phrase("engineer", "2149", "head"), phrase("giám sát công trình", "3123"),
    ])
    assert code_title(vocabulary, "Kỹ sư giám sát công trình - Đi tỉnh")[0].code == "2142"
    assert code_title(vocabulary, "Kỹ sư bảo dưỡng máy - KCN Amata")[0].code == "2144"
    assert code_title(vocabulary, "Kỹ sư điện dân dụng")[0].code == "2151"
    assert code_title(vocabulary, "Thợ bảo dưỡng máy")[0].code == "7233"  # a tradesman's head keeps the trade
    assert code_title(vocabulary, "Bảo dưỡng máy")[0].code == "7233"  # and so does a title without a head


def test_a_machine_operator_of_a_trade_stays_in_the_trade():
    vocabulary = build_vocabulary([
        phrase("vận hành máy", "8189", "head"), phrase("công nhân", "9329", "head"),
        phrase("công nhân vận hành máy", "8189"), phrase("công nhân vận hành máy in", "7322"),
    ])
    assert code_title(vocabulary, "Vận hành máy in offset - Ca ngày")[0].code == "7322"


def test_a_catch_all_title_gives_way_to_the_domain_named_after_it():
    vocabulary = build_vocabulary([
        phrase("công nhân", "9329", "head"), phrase("vận hành máy", "8189", "head"), phrase("thợ", "7549", "head"),
        phrase("công nhân vận hành máy", "8189"), phrase("công nhân dệt kim", "8152"), phrase("bảo trì", "7233"),
        phrase("thợ điện", "7411"), *[phrase(f"nghề {number}", str(9000 + number)) for number in range(20)],
        # machines are worked in many trades: "vận hành máy" is a common phrase
        *[phrase(f"công nhân vận hành máy {machine}", code) for machine, code in (
            ("in", "7322"), ("ép nhựa", "8142"), ("đóng gói", "8183"), ("cnc", "7223"), ("xúc", "8342"))],
    ])
    assert code_title(vocabulary, "Công nhân vận hành máy dệt kim (Ca xoay)")[0].code == "8152"
    assert code_title(vocabulary, "Công nhân vận hành máy - Lương 8tr")[0].code == "8189"  # nothing else named
    assert code_title(vocabulary, "Thợ điện bảo trì tòa nhà")[0].code == "7411"  # what is maintained names the trade
    assert code_title(vocabulary, "Thợ bảo trì")[0].code == "7233"


@pytest.mark.parametrize("title, expected", [
    ("Nhân viên bảo trì máy may công nghiệp", "7233"),  # mends the machines, does not sew
    ("Thợ sửa chữa xe tải", "7231"), ("Công nhân may công nghiệp", "8153"),
    ("Thợ cơ khí sửa chữa máy nông nghiệp", "7233"), ("Thợ cơ khí", "7214"),
    ("Team Leader - Call Center", "3341"), ("Tổ trưởng chuyền may", "3122"), ("Nhân viên call center", "4222"),
])
def test_repairing_or_leading_others_work_names_the_mechanic_or_the_supervisor(title, expected):
    vocabulary = build_vocabulary([
        phrase("nhân viên", "", "head"), phrase("công nhân", "9329", "head"), phrase("thợ", "7549", "head"),
        phrase("may công nghiệp", "8153"), phrase("xe tải", "8332"), phrase("call center", "4222"),
        phrase("chuyền may", "8153"), phrase("thợ cơ khí", "7214"),
    ])
    assert code_title(vocabulary, title)[0].code == expected


def test_the_first_piece_names_the_job_and_the_later_ones_its_field():
    vocabulary = build_vocabulary([
        phrase("kỹ sư", "2149", "head"), phrase("thợ", "7549", "head"), phrase("kỹ sư hóa", "2145"),
        phrase("kỹ sư xử lý nước thải", "2143"), phrase("thợ hồ", "7112"), phrase("phụ hồ", "9313"),
        *[phrase(f"nghề {number}", str(9000 + number)) for number in range(20)],
    ])
    assert code_title(vocabulary, "Kỹ sư hóa - Xử lý nước thải")[0].code == "2145"
    assert code_title(vocabulary, "Kỹ sư - Xử lý nước thải")[0].code == "2143"  # a bare head names no job of its own
    assert code_title(vocabulary, "Thợ hồ (Phụ hồ)")[0].code == "9313"  # a bracket names the same job again, whole
