"""Officers find their centre's job seekers, and administrators any account, as people name themselves at a counter."""
import pytest

from jobmatch.services import person_search
from jobmatch.services.errors import InvalidRequest
from tests.factories import make_account, make_centre, make_job_seeker


@pytest.fixture
def centre_people(app):
    centre, other_centre = make_centre(), make_centre()
    people = {
        "pao": make_job_seeker(full_name="Lò Văn Páo", phone="+84356111222", citizen_id="014095000777", centre_id=centre.id),
        "thu_ha": make_job_seeker(full_name="Nguyễn Thị Thu Hà", centre_id=centre.id),
        "thu": make_job_seeker(full_name="Nguyễn Thị Thu", centre_id=centre.id),
        "hung": make_job_seeker(full_name="Đỗ Hữu Hùng", centre_id=centre.id),
        "elsewhere": make_job_seeker(full_name="Lò Văn Páo", phone="+84356111223", centre_id=other_centre.id),
    }
    return make_account("officer", centre_id=centre.id), people


@pytest.mark.parametrize(("typed", "expected"), [
    ("0356111222", ["pao"]),
    ("0356 111 222", ["pao"]),
    ("+84356111222", ["pao"]),
    ("84 356 111 222", ["pao"]),
    ("014095000777", ["pao"]),
    ("lo van pao", ["pao"]),
    ("Lò Văn Páo", ["pao"]),
    ("pao lo", ["pao"]),
    ("nguyen thi thu", ["thu", "thu_ha"]),  # the whole name first, then the name that begins so
    ("thu nguyen", ["thu", "thu_ha"]),
    ("đỗ hữu hùng", ["hung"]),
    ("DO HUU HUNG", ["hung"]),
    ("hùng", ["hung"]),
    ("0356111223", []),  # another centre's job seeker
    ("Trần Văn Tèo", []),
    ("%", []),
])
def test_an_officer_finds_the_centres_job_seekers_however_they_are_named(centre_people, typed, expected):
    officer, people = centre_people
    found = person_search.find_job_seekers(actor=officer, text=typed).items
    assert [job_seeker.id for job_seeker in found] == [people[key].id for key in expected]


def test_an_exact_phone_comes_before_names_and_an_administrator_finds_any_account(app):
    admin = make_account("admin", display_name="Quản trị")
    officer = make_account("officer", centre_id=make_centre().id, display_name="Đỗ Hữu Hùng", phone="+84356111222")
    seeker = make_account("job_seeker", display_name="Đỗ Văn Hùng", email="hung.do@example.vn")
    assert person_search.find_accounts(actor=admin, text="do hung").items == [officer, seeker]
    assert person_search.find_accounts(actor=admin, text="do huu hung").items == [officer]
    assert person_search.find_accounts(actor=admin, text="0356 111 222").items == [officer]
    assert person_search.find_accounts(actor=admin, text="HUNG.DO@").items == [seeker]
    assert person_search.find_accounts(actor=admin, text="hung.do@example.vn").items == [seeker]


def test_every_match_is_counted_and_paged_through_in_the_ranked_order(app):
    centre = make_centre()
    officer = make_account("officer", centre_id=centre.id)
    people = [make_job_seeker(full_name=f"Nguyễn Văn Nam {number:02d}", centre_id=centre.id) for number in range(45)]
    whole = make_job_seeker(full_name="Nguyễn Văn Nam", centre_id=centre.id)  # the whole name first, on page one
    seen, after, totals = [], None, set()
    for _page_number in range(3):
        page = person_search.find_job_seekers(actor=officer, text="nguyen van nam", size=20, after=after)
        seen += page.items
        totals.add(page.total)
        after = page.next_after
    assert totals == {46} and after is None
    assert seen == [whole, *people]  # all 46, none twice, in the ranked order
    with pytest.raises(InvalidRequest):  # a cursor of another search pages nothing
        person_search.find_job_seekers(actor=officer, text="nam", size=20,
                                       after=person_search.find_job_seekers(actor=officer, text="nguyen", size=20).next_after)


def test_a_search_that_found_nobody_hands_what_was_typed_to_the_registration_form():
    assert person_search.walk_in_values("0356 111 222") == {"phone": "0356 111 222"}
    assert person_search.walk_in_values("014095000777") == {"citizen_id": "014095000777"}
    assert person_search.walk_in_values("Lò Văn Páo") == {"full_name": "Lò Văn Páo"}
