"""Place names, old and new, resolved against the real administrative-unit tables."""
import pytest
from sqlalchemy import func, select

from jobmatch.extensions import db
from jobmatch.models import LegacyWard, Province, Ward
from jobmatch.services.errors import InvalidRequest
from jobmatch.services.place import place_keys, resolve_place
from search.folding import fold


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
    ("typed", "keys"),
    [
        ("Tỉnh Hải Dương", ["haiduong", "tinhhaiduong"]),
        ("TP. Hồ Chí Minh", ["hochiminh", "tphochiminh"]),
        ("Xã Ứng Hòa", ["unghoa", "xaunghoa"]),
        ("Thạnh Phong", ["thanhphong"]),
        ("Tịnh Biên", ["tinhbien"]),
        ("tinh bien", ["bien", "tinhbien"]),
    ],
)
def test_unit_words_are_dropped_only_as_whole_words(typed, keys):
    assert place_keys(typed) == keys


def test_a_name_that_starts_like_a_unit_word_is_still_found(app):
    assert resolve_place("tinh bien").label.startswith("Phường Tịnh Biên")


def test_a_current_ward_wins_over_a_former_district_of_the_same_name(app):
    place = resolve_place("Ba Đình")
    names = set(db.session.scalars(select(Ward.short_name).where(Ward.code.in_(place.ward_codes))))
    assert "00004" in place.ward_codes and {fold(name) for name in names} == {"ba dinh"}  # today's wards, not the old district

