"""Names as a search compares them: folded words, and how well a name answers what was typed."""
import pytest

from jobmatch.rules.clock import years_months_days
from jobmatch.rules.person import folded_name, name_match_rank, name_words


@pytest.mark.parametrize(("name", "folded"), [
    ("Lò Văn Páo", "lo van pao"),
    ("Đỗ Hữu Hùng", "do huu hung"),
    ("  NGUYỄN   thị  Thu-Hà ", "nguyen thi thu ha"),
    ("Giàng A Lử (H'Mông)", "giang a lu hmong"),
    ("", ""),
    (None, ""),
])
def test_a_name_is_folded_to_plain_words(name, folded):
    assert folded_name(name) == folded


@pytest.mark.parametrize(("typed", "name", "rank"), [
    ("lo van pao", "Lò Văn Páo", 1),
    ("Lò Văn Páo", "Lò Văn Páo", 1),
    ("nguyen thi thu", "Nguyễn Thị Thu Hà", 2),
    ("nguyen thi th", "Nguyễn Thị Thu Hà", 2),
    ("pao lo", "Lò Văn Páo", 3),
    ("thu nguyen", "Nguyễn Thị Thu Hà", 3),
    ("hung", "Đỗ Hữu Hùng", 3),
    ("hu hu", "Đỗ Hữu Hùng", 3),  # two words typed, two of the name's words begin so
    ("hu hu hu", "Đỗ Hữu Hùng", None),  # a third would need a third word
    ("an", "Nguyễn Văn Bình", None),  # "an" is inside "van", not the beginning of a word
    ("", "Nguyễn Văn Bình", None),
])
def test_how_well_a_name_answers_the_words_typed(typed, name, rank):
    assert name_match_rank(name_words(typed), folded_name(name)) == rank


@pytest.mark.parametrize(("days", "parts"), [
    (1765, (4, 10, 0)),  # EPS's contract stage: "4 years 10 months", not "1765 days"
    (365, (1, 0, 0)),
    (90, (0, 3, 0)),
    (59, (0, 0, 59)),
    (30, (0, 0, 30)),
])
def test_a_span_of_days_is_said_in_years_and_months(days, parts):
    assert years_months_days(days) == parts
