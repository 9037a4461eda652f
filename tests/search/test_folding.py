from search.folding import fold, fold_key


def test_fold_removes_tones_and_marks_and_d_stroke():
    assert fold("Kế toán Đà Nẵng") == "ke toan da nang"
    assert fold("Thợ hàn, ĐIỆN tử") == "tho han, dien tu"


def test_fold_treats_decomposed_input_like_precomposed():
    decomposed = "Ke\u0302\u0301 toa\u0301n"  # "Kế toán" typed with combining marks
    assert fold(decomposed) == "ke toan"


def test_fold_keeps_plain_text_and_handles_empty():
    assert fold("ke toan") == "ke toan"
    assert fold("") == ""
    assert fold(None) == ""


def test_fold_key_joins_words_for_place_lookups():
    assert fold_key("Hải Dương") == "haiduong"
    assert fold_key("Bà Rịa - Vũng Tàu") == "bariavungtau"
