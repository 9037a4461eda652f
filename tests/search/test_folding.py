from hypothesis import given
from hypothesis import strategies as st

from search.folding import _fold, fold, fold_key


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


@given(st.text(max_size=80) | st.text(alphabet="aăâbdđeêioôơuưyAĂÂĐÔƠƯ \u0300\u0301\u0303\u0309\u0323", max_size=80))
def test_the_short_cuts_fold_as_the_long_way_does(text):
    """Plain ASCII is only lowered, and short texts are kept once folded: neither changes a fold."""
    assert fold(text) == _fold(text) == fold(text)
