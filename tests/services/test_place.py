"""Place names, old and new, resolved against the real administrative-unit tables."""
import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import LegacyWard, Province, Ward
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.place import resolve_place


def test_the_reference_load_has_34_provinces_and_3321_wards(app):
    assert db.session.scalar(select(func.count()).select_from(Province)) == 34
    assert db.session.scalar(select(func.count()).select_from(Ward)) == 3321


@pytest.mark.parametrize("typed", ["Hải Phòng", "hai phong", "Thành phố Hải Phòng"])
def test_a_current_province_is_found_with_or_without_diacritics(app, typed):
    place = resolve_place(typed)
    assert place.province_code == "31" and place.ward_codes == []


@pytest.mark.parametrize("typed", ["Hải Dương", "hai duong", "Tỉnh Hải Dương"])
def test_a_former_province_resolves_to_the_wards_that_took_it_in(app, typed):
    place = resolve_place(typed)
    assert place.label == "Tỉnh Hải Dương"
    provinces = set(db.session.scalars(select(Ward.province_code).where(Ward.code.in_(place.ward_codes))))
    assert provinces == {"31"}  # Hải Dương merged into Hải Phòng on 1 July 2025
    legacy_count = db.session.scalar(select(func.count(LegacyWard.ward_code.distinct())).where(LegacyWard.province_key == "haiduong"))
    assert len(place.ward_codes) == legacy_count > 50


def test_an_unknown_place_is_refused_naming_the_field(app):
    with pytest.raises(InvalidRequest) as refused:
        resolve_place("Atlantis")
    assert refused.value.field == "place"


@pytest.mark.parametrize(
    ("typed", "label"),
    [("Tỉnh Hải Dương", "Tỉnh Hải Dương"), ("TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"), ("Xã Ứng Hòa", "Xã Ứng Hòa, Thành phố Hà Nội"),
     ("Thừa Thiên Huế", "Thành phố Huế"), ("Q1", "Quận 1, Thành phố Hồ Chí Minh"), ("hcm", "Thành phố Hồ Chí Minh")],
)
def test_unit_words_and_common_spellings_name_the_place(app, typed, label):
    assert resolve_place(typed).label == label


def test_a_name_that_starts_like_a_unit_word_is_still_found(app):
    place = resolve_place("tinh bien")
    assert [meaning["name"] for place in place.places for meaning in place["meanings"]] == ["Thị xã Tịnh Biên", "Phường Tịnh Biên"]


def test_a_current_ward_and_the_former_district_of_the_same_name_are_both_searched(app):
    place = resolve_place("Ba Đình")
    names = set(db.session.scalars(select(Ward.short_name).where(Ward.code.in_(place.ward_codes))))
    assert "00004" in place.ward_codes and len(names) > 1  # the old district's wards too
    assert [meaning["name"] for meaning in place.places[0]["meanings"]] == ["Quận Ba Đình", "Phường Ba Đình", "Xã Ba Đình"]
    assert place.label == "Ba Đình"  # no one meaning holds the others (Xã Ba Đình is in Thanh Hóa); Xã Ba Dinh is not Ba Đình
    assert resolve_place("Ba Đình, Hà Nội").label == "Quận Ba Đình, Thành phố Hà Nội"  # the district holds its ward


def test_an_unknown_place_is_refused_with_the_nearest_names(app):
    with pytest.raises(InvalidRequest) as refused:
        resolve_place("Hai Duongg")
    assert "Hải Dương" in refused.value.message
