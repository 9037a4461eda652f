"""Shorthand of the job boards and searches of many words, as query clauses (plain data): abbreviations expand, a long
search may miss some words but never its known ones, and "xuất nhập khẩu" stays apart from "xuất khẩu lao động"."""
import pytest

from search.text_query import FULL_MATCH_BOOST, text_clauses
from search.words import fallback_words, query_variants


def spelled(variant):
    return " ".join(word.folded for phrase in variant for word in phrase)


@pytest.mark.parametrize(
    ("typed", "expansion"),
    [
        ("nv kho", "nhan vien kho"),
        ("NV văn phòng", "nhan vien van phong"),
        ("GV mầm non", "giao vien mam non"),
        ("kỹ sư XD", "ky su xay dung"),
        ("KS xây dựng", "ky su xay dung"),
        ("CN may", "cong nhan may"),
        ("KTV điện lạnh", "ky thuat vien dien lanh"),
        ("NVKD", "nhan vien kinh doanh"),
        ("cskh", "cham soc khach hang"),
        ("việc làm thêm", "part time"),
    ],
)
def test_an_abbreviation_is_also_searched_as_its_words(typed, expansion):
    assert expansion in [spelled(variant) for variant in query_variants(typed)]


def test_xuất_nhập_khẩu_is_never_rewritten_as_labour_export():
    assert [spelled(variant) for variant in query_variants("nhân viên xuất nhập khẩu")] == ["nhan vien xuat nhap khau"]
    assert "di lam viec o nuoc ngoai" in [spelled(variant) for variant in query_variants("xuất khẩu lao động")]


@pytest.mark.parametrize(
    ("typed", "heads", "others"),
    [
        ("thợ hàn tig inox", [[["tho_han"]]], ["tig", "inox"]),
        ("lái xe container đường dài", [[["lai_xe"]]], ["container", "duong", "dai"]),
        ("kỹ thuật viên bảo trì máy ép nhựa", [[["ky_thuat"], ["thuat_vien"]], [["bao_tri"]]], ["may", "ep", "nhua"]),
        ("tuyển nv kho", [[["NV"]]], ["kho"]),  # "tuyển" is never required; "NV" typed counts in capitals
    ],
)
def test_a_fallback_keeps_the_known_words_and_counts_the_others_one_by_one(typed, heads, others):
    assert fallback_words(query_variants(typed)[0]) == (heads, others)


def test_three_words_or_more_may_match_with_half_the_unknown_words_and_rank_below_all_of_them():
    requirement, ranking = text_clauses("thợ hàn tig inox")
    fallback = {"bool": {"should": [{"term": {"words": "tig"}}, {"term": {"words": "inox"}}], "minimum_should_match": "50%",
                         "filter": [{"terms": {"words": ["tho_han"]}}]}}
    assert fallback in requirement["bool"]["should"]
    assert ranking[-1]["constant_score"]["boost"] == FULL_MATCH_BOOST
    assert fallback not in ranking[-1]["constant_score"]["filter"]["bool"]["should"]


@pytest.mark.parametrize("typed", ["thợ hàn tig", "kế toán thuế", "IT"])
def test_two_words_or_fewer_all_count(typed):
    requirement, ranking = text_clauses(typed)
    assert len(requirement["bool"]["should"]) == len(query_variants(typed)) + 1  # each variant whole, or the employer
    assert all(clause.get("constant_score", {}).get("boost") != FULL_MATCH_BOOST for clause in ranking)


def test_without_fallback_every_word_counts():
    requirement, _ranking = text_clauses("ke toan ha nol", fallback=False)
    assert len(requirement["bool"]["should"]) == 3  # the text, its synonym, the employer
