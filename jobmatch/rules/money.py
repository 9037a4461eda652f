"""Amounts of pay as people write them in Vietnam: "9.000.000", "9 triệu", "9tr", "9tr5", "9,5 triệu", "15-20 triệu"."""
import re
import unicodedata
from dataclasses import dataclass

# Units after a number, folded: millions (triệu, tr, m, million), thousands (nghìn, ngàn, k) and thousand millions (tỷ).
UNITS = {
    "trieu": 1_000_000, "tr": 1_000_000, "m": 1_000_000, "million": 1_000_000, "nghin": 1_000, "ngan": 1_000, "k": 1_000,
    "ty": 1_000_000_000,
}
# What may follow an amount of đồng without changing it: the currency and "a month".
CURRENCY_AND_MONTH = re.compile(r"(vnd|vnđ|dong|đồng|₫|đ|d)?\s*(/\s*(thang|tháng|th)|mot thang|mỗi tháng|moi thang)?\s*$")
RANGE_SEPARATOR = re.compile(r"\s*(?:-|–|—|~|đến|den|tới|toi)\s*")
NUMBER = r"\d+(?:[.,\s]\d+)*"
PART = re.compile(rf"(?P<number>{NUMBER})\s*(?P<unit>triệu|trieu|million|tr|m|nghìn|nghin|ngàn|ngan|k|tỷ|ty)?(?P<tail>\d)?")
# A number with no unit below this is read in millions: "9" in a salary box is 9 triệu, not 9 đồng.
MILLIONS_BELOW = 1_000
MAX_LENGTH = 40  # "15.000.000 - 20.000.000 đồng/tháng" and room to spare


@dataclass(frozen=True)
class AmountRange:
    """An amount of đồng, or a range of them; low == high for a single amount."""

    low: int
    high: int


def parse_amount(text):
    """The amount or range a text states, in đồng, or None when it states none: "9,5 triệu" → 9,500,000; "15-20 triệu"
    → 15,000,000 to 20,000,000 (a unit after the second number counts for both); a bare number under 1,000 counts in
    millions ("9" → 9,000,000). Other periods and currencies are not amounts of đồng a month: None."""
    if not isinstance(text, str) or len(text) > MAX_LENGTH:
        return None
    plain = " ".join(unicodedata.normalize("NFC", text).lower().replace("\u00a0", " ").split())
    plain = CURRENCY_AND_MONTH.sub("", plain).strip()
    parts = RANGE_SEPARATOR.split(plain, maxsplit=1)
    if not plain or len(parts) > 2:
        return None
    matches = [PART.fullmatch(part.strip()) for part in parts]
    if not all(matches):
        return None
    unit = matches[-1]["unit"]  # "15-20 triệu": the first number takes the second's unit
    amounts = [_amount(match, match["unit"] or unit) for match in matches]
    if any(amount is None for amount in amounts) or amounts[0] > amounts[-1]:
        return None
    return AmountRange(amounts[0], amounts[-1])


def _amount(match, unit):
    number = _number(match["number"], has_unit=bool(unit))
    if number is None:
        return None
    if unit:
        multiplier = UNITS[_fold(unit)]
        extra = int(match["tail"]) * multiplier // 10 if match["tail"] else 0  # "9tr5": 9.5 million
        return round(number * multiplier) + extra
    if match["tail"]:
        return None
    return round(number * 1_000_000) if number < MILLIONS_BELOW else round(number)


def _number(text, *, has_unit):
    """"9.000.000" and "9,000,000" group thousands; "9,5" and "9.5" have a decimal part; spaces group too."""
    compact = text.replace(" ", "")
    if re.fullmatch(r"\d{1,3}([.,]\d{3})+", compact) and not (has_unit and re.fullmatch(r"\d+[.,]\d{3}", compact)):
        return int(re.sub(r"[.,]", "", compact))
    if re.fullmatch(r"\d+", compact):
        return int(compact)
    if re.fullmatch(r"\d+[.,]\d{1,2}", compact):
        return float(compact.replace(",", "."))
    return None


def _fold(text):
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(character for character in decomposed if unicodedata.category(character) != "Mn").replace("đ", "d")
