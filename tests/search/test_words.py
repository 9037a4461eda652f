"""Vietnamese text as words, as plain data: phrases, pairs, abbreviations, boilerplate, and what a query requires."""
import unicodedata

from search.words import distinctive_name, drop_table, index_terms, phrases, query_variants, requirements, scoring_terms


def folded(phrase_list):
    return [[syllable.folded for syllable in phrase] for phrase in phrase_list]


def test_phrases_split_at_punctuation_and_at_dropped_boilerplate():
    text = "[HCM] Tuyển gấp Thợ hàn, thợ tiện - Công ty TNHH Đông Á. Lương 15tr/tháng"
    assert folded(phrases(text, drop=drop_table("Công ty TNHH Đông Á"))) == [
        ["hcm"], ["tho", "han"], ["tho", "tien"], ["luong", "15tr"], ["thang"],
    ]


def test_decomposed_text_folds_like_composed_text():
    assert folded(phrases(unicodedata.normalize("NFD", "Thợ hàn ống"))) == [["tho", "han", "ong"]]


def test_index_terms_hold_syllables_pairs_and_capitals_only_without_tone_marks():
    assert index_terms(phrases("Nhân viên IT")) == ["nhan", "vien", "nhan_vien", "it", "vien_it", "IT"]
    assert "IT" not in index_terms(phrases("ÍT NHẤT 1 NĂM KINH NGHIỆM"))
    assert "XKLD" in index_terms(phrases("XKLĐ Nhật Bản"))


def test_an_employer_is_known_by_its_name_without_legal_form_and_line_of_business():
    assert distinctive_name("Công ty TNHH Minh Phát") == ["minh", "phat"]
    assert distinctive_name("CÔNG TY CỔ PHẦN XÂY DỰNG HÒA BÌNH") == ["hoa", "binh"]
    assert distinctive_name("Công ty TNHH Sản xuất Thương mại") == []


def requirement_terms(text, variant=0):
    return requirements(query_variants(text)[variant])


def test_a_known_word_requires_each_of_its_pairs():
    assert requirement_terms("xuất khẩu lao động") == [[["xuat_khau"], ["khau_lao"], ["lao_dong"]]]
    assert requirement_terms("xuất nhập khẩu") == [[["xuat_nhap"], ["nhap_khau"]]]
    # a synonym is one word however long: a long search may miss a word, never half of "đi làm việc ở nước ngoài"
    assert len(requirement_terms("xuất khẩu lao động Nhật Bản", variant=1)) == 2


def test_an_unknown_run_requires_each_syllable_beside_a_neighbour_and_a_word_alone_itself():
    assert requirement_terms("thợ tiện") == [[["tho_tien"]], [["tho_tien"]]]
    assert requirement_terms("kế toán thuế") == [[["ke_toan"]], [["toan_thue", "thue"]]]
    assert requirement_terms("may") == [[["may"]]]


def test_fillers_are_optional_when_typed_as_fillers_only():
    assert requirement_terms("tuyển gấp lái xe tại Hà Nội") == [[["lai_xe"]], [["ha_noi"]], [["ha_noi"]]]
    assert requirement_terms("lái xe tải") == [[["lai_xe"]], [["xe_tai", "tai"]]]  # "tải" is not "tại"
    assert requirement_terms("việc làm") == []


def test_synonyms_abbreviations_translations_and_run_together_words_expand():
    assert [scoring_terms(variant) for variant in query_variants("tài xế")] == [["tai_xe"], ["lai_xe"]]
    assert [scoring_terms(variant) for variant in query_variants("KTV")] == [["KTV"], ["ky_thuat", "thuat_vien"]]
    assert [scoring_terms(variant) for variant in query_variants("korea")] == [["korea"], ["han_quoc"]]
    assert scoring_terms(query_variants("ketoan")[0]) == ["ke_toan"]


def test_a_phrase_inside_a_longer_known_phrase_is_not_rewritten():
    variants = [scoring_terms(variant) for variant in query_variants("xuat khau lao dong")]
    assert variants[0] == ["xuat_khau", "khau_lao", "lao_dong"]
    assert not any("cong_nhan" in terms for terms in variants)  # "lao động" here is not "công nhân"
    assert all("xuat_nhap" not in terms for terms in variants)


def test_any_text_gives_variants_or_none_never_an_error():
    assert query_variants("😀 !!! …") == []
    assert query_variants("  ") == []
    assert query_variants("a" * 200)
    assert query_variants("Kế toán\u200b tổng hợp\x00")
