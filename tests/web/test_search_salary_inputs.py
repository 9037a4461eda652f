"""The search page's salary boxes take amounts as people write them and say how they were read."""
import re

from jobmatch.services import search_index
from tests.factories import make_employer, make_vacancy


def test_salary_boxes_take_letters_and_show_the_amount_read(client, indexes):
    make_vacancy(make_employer(), title="Thợ hàn TIG", isco_code="7212", salary_min=12_000_000, salary_max=20_000_000)
    search_index.relay_outbox(refresh=True)
    page = client.get("/?q=tho+han&salary_min=9,5+triệu&salary_max=15-20tr").get_data(as_text=True)
    for name in ("salary_min", "salary_max"):
        box = re.search(rf'<input name="{name}"[^>]*>', page).group()
        assert 'type="text"' in box and 'inputmode="text"' in box and "numeric" not in box
    hints = re.findall(r'<p class="hint" role="status">([^<]*)</p>', page)
    assert any("9.500.000 ₫" in hint for hint in hints) and any("20.000.000 ₫" in hint for hint in hints)
    assert "Thợ hàn TIG" in page
