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


def parse_amount(text, *, bare_scale=1_000_000):
    """The amount or range a text states, in đồng, or None when it states none: "9,5 triệu" → 9,500,000; "15-20 triệu"
    → 15,000,000 to 20,000,000 (a unit after the second number counts for both); a bare number under 1,000 counts in
    millions ("9" → 9,000,000), or in bare_scale. Other periods and currencies are not amounts of đồng a month: None."""
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
    amounts = [_amount(match, match["unit"] or unit, bare_scale) for match in matches]
    if any(amount is None for amount in amounts) or amounts[0] > amounts[-1]:
        return None
    return AmountRange(amounts[0], amounts[-1])


def _amount(match, unit, bare_scale=1_000_000):
    number = _number(match["number"], has_unit=bool(unit))
    if number is None:
        return None
    if unit:
        multiplier = UNITS[_fold(unit)]
        extra = int(match["tail"]) * multiplier // 10 if match["tail"] else 0  # "9tr5": 9.5 million
        return round(number * multiplier) + extra
    if match["tail"]:
        return None
    amount = number * bare_scale if number < MILLIONS_BELOW else number
    return round(amount) if amount == int(amount) else None  # "1,5" with nothing to scale it is no whole amount


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


# Pay as a vacancy states it: per month, day, hour or piece, in đồng or in the currency of the countries workers go to.
SALARY_UNITS = ("month", "day", "hour", "piece")
SALARY_CURRENCIES = ("VND", "USD", "JPY", "KRW", "TWD")

# Pay as a search states it among other words ("kế toán lương trên 12 triệu", "developer 1000 usd", "phụ hồ 350k/ngày"):
# what is asked, in the currency and per the period written; monthly_vnd() makes it comparable.
# Pay per day or hour as a month's: an assumption, not a law. The Labour Code 2019 (Art. 105) caps normal hours at 8 a
# day and 48 a week, and payroll in Vietnam commonly counts a month as 26 working days (six a week, Sundays off), the
# divisor also used to turn a month's pay into a day's. So a day's pay × 26 and an hour's × 8 × 26 (208 hours).
WORKING_DAYS_A_MONTH = 26
WORKING_HOURS_A_DAY = 8
HOURS_A_MONTH = WORKING_DAYS_A_MONTH * WORKING_HOURS_A_DAY
PERIOD_DAYS = {"month": None, "day": WORKING_DAYS_A_MONTH, "hour": HOURS_A_MONTH}
CURRENCY_WORDS = {
    "usd": "USD", "$": "USD", "đô": "USD", "do": "USD", "đô la": "USD", "do la": "USD", "yên": "JPY", "yen": "JPY",
    "jpy": "JPY", "¥": "JPY", "won": "KRW", "krw": "KRW", "₩": "KRW", "ntd": "TWD", "twd": "TWD", "đài tệ": "TWD",
    "dai te": "TWD", "vnd": "VND", "vnđ": "VND", "đồng": "VND", "dong": "VND", "đ": "VND", "₫": "VND",
}
PERIOD_WORDS = {"tháng": "month", "thang": "month", "th": "month", "ngày": "day", "ngay": "day", "công": "day",
                "cong": "day", "giờ": "hour", "gio": "hour", "h": "hour", "tiếng": "hour", "tieng": "hour"}
AT_LEAST_WORDS = ("từ", "tu", "trên", "tren", "hơn", "hon", "ít nhất", "it nhat", "tối thiểu", "toi thieu", ">=", ">")
AT_MOST_WORDS = ("dưới", "duoi", "tối đa", "toi da", "<=", "<", "up to", "upto", "không quá", "khong qua")
_SCALE = r"(?:triệu|trieu|tr|million|m|nghìn|nghin|ngàn|ngan|k)"
_FIGURE = rf"\$?\s*\d+(?:[.,]\d+)*(?:\s*{_SCALE}\d?(?![^\W\d_])|(?![\d.,]\d))"
_WORDS = lambda words: "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))  # noqa: E731
PAY_IN_TEXT = re.compile(
    rf"(?<![\w.,])(?P<lead>(?:mức lương|muc luong|lương|luong|thu nhập|thu nhap)\s*)?"
    rf"(?P<side>(?:{_WORDS(AT_LEAST_WORDS + AT_MOST_WORDS)})\s*)?"
    rf"(?P<low>{_FIGURE})(?:\s*(?:-|–|—|~|đến|den|tới|toi)\s*(?P<high>{_FIGURE}))?"
    rf"\s*(?P<currency>(?:{_WORDS(CURRENCY_WORDS)})(?!\w))?"
    rf"(?:\s*(?:/|một|mot|mỗi|moi|1)\s*(?P<period>(?:{_WORDS(PERIOD_WORDS)})(?!\w)))?"
    rf"(?P<more>\s*(?:trở lên|tro len|\+))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PayAsked:
    """Pay a search asks for: "at_least", "at_most" or "between" low and high, in `currency` per `period`."""

    kind: str
    low: int | None
    high: int | None
    currency: str = "VND"
    period: str = "month"
    span: tuple = (0, 0)  # where the words stand in the text


def pay_in_text(text):
    """The first pay a text states (a number with a unit, a currency, grouped thousands, or after "lương"), or None:
    "lương trên 12 triệu" at least 12,000,000 đồng a month; "10-12 triệu" between; "350k/ngày" at least 350,000 đồng a
    day; "800$" at least 800 USD. "7 chỗ", "Q1" and "8 tiếng/ngày" state no pay."""
    for found in PAY_IN_TEXT.finditer(unicodedata.normalize("NFC", text or "")):
        currency = CURRENCY_WORDS.get(" ".join((found["currency"] or "").lower().split()))
        if "$" in found["low"] or (found["high"] and "$" in found["high"]):
            currency = "USD"
        low, high = (_figure(found[name], currency, found["high"]) for name in ("low", "high"))
        if low is None or (found["high"] and (high is None or high < low)):
            continue
        marked = currency or re.search(_SCALE, found["low"], re.IGNORECASE) or re.search(r"\d[.,]\d{3}\b", found["low"])
        if not (marked or found["lead"] or (found["high"] and re.search(_SCALE, found["high"], re.IGNORECASE))):
            continue
        side = " ".join((found["side"] or "").lower().split())
        kind = "between" if found["high"] else "at_most" if side in AT_MOST_WORDS else "at_least"
        period = PERIOD_WORDS.get((found["period"] or "").lower(), "month")
        return PayAsked(kind, low if kind != "at_most" else None, high if found["high"] else low if kind == "at_most" else None,
                        currency or "VND", period, found.span())
    return None


def _figure(text, currency, high_text):
    """One figure of pay: in đồng with the scale written (or the other figure's: "10-12 triệu"), a bare small number in
    millions; in a foreign currency as written."""
    if not text:
        return None
    match = PART.fullmatch(text.replace("$", "").strip().lower())
    if not match:
        return None
    scale = match["unit"]
    if not scale and high_text:
        other = PART.fullmatch(high_text.replace("$", "").strip().lower())
        scale = other["unit"] if other else None
    if currency not in (None, "VND"):
        number = _number(match["number"], has_unit=bool(match["unit"]))
        return None if number is None else round(number * (UNITS[_fold(match["unit"])] if match["unit"] else 1))
    return _amount(match, scale)


def monthly_vnd(amount, *, currency="VND", period="month", rates):
    """An amount of pay as đồng a month: a day's pay × 26, an hour's × 8 × 26, a foreign currency at `rates` ({code:
    đồng}). None when it cannot be compared (pay per piece, a currency without a rate)."""
    if amount is None or period not in PERIOD_DAYS:
        return None
    rate = 1 if currency == "VND" else rates.get(currency)
    if rate is None:
        return None
    return round(amount * rate * (PERIOD_DAYS[period] or 1))


def monthly_vnd_range(low, high, *, currency="VND", unit="month", rates):
    """(low, high) of a vacancy's stated pay as đồng a month (monthly_vnd), each None where not stated or not comparable."""
    return (monthly_vnd(low, currency=currency, period=unit, rates=rates),
            monthly_vnd(high, currency=currency, period=unit, rates=rates))


# A stated amount's unit and currency, as people write them after it in a form or a spreadsheet ("250.000 đ/ngày",
# "1.200 USD", "180.000 yên/tháng", "5.000đ/sp").
UNIT_WORDS = {**PERIOD_WORDS, "month": "month", "day": "day", "hour": "hour", "piece": "piece", "sản phẩm": "piece",
              "san pham": "piece", "sp": "piece", "chiếc": "piece", "chiec": "piece", "cái": "piece", "cai": "piece"}
STATED_UNIT = re.compile(rf"\s*(?:/|một|mot|mỗi|moi|1|per)\s*(?P<unit>{_WORDS(UNIT_WORDS)})\s*$", re.IGNORECASE)
STATED_CURRENCY = re.compile(rf"\s*(?P<currency>{_WORDS(CURRENCY_WORDS)})\s*$", re.IGNORECASE)
# A bare number under 1,000 means millions of đồng a month ("9"), thousands a day or an hour ("250"), and as written for a
# piece or in another currency.
BARE_SCALE = {"month": 1_000_000, "day": 1_000, "hour": 1_000, "piece": 1}


@dataclass(frozen=True)
class StatedAmount:
    """An amount or range of pay as written: low and high in `currency` per `unit`, with the currency and unit the
    text itself names (None when it names none: the vacancy's choice holds)."""

    low: int
    high: int
    currency: str
    unit: str
    currency_named: str | None = None
    unit_named: str | None = None


def parse_stated_amount(text, *, currency="VND", unit="month"):
    """The amount or range of pay a text states, in the currency and per the unit it names or else those given: "9
    triệu" a month, "250.000 đ/ngày", "1.200 USD", "$1,200", "2,3 triệu won", "180.000 yên/tháng"; None when it states
    none."""
    if not isinstance(text, str) or len(text) > MAX_LENGTH + 20:
        return None
    plain = " ".join(unicodedata.normalize("NFC", text).lower().replace("\u00a0", " ").split())
    unit_named = currency_named = None
    found = STATED_UNIT.search(plain)
    if found:
        unit_named, plain = UNIT_WORDS[found["unit"]], plain[:found.start()]
    found = STATED_CURRENCY.search(plain)
    if found and found.start() > 0:
        currency_named, plain = CURRENCY_WORDS[found["currency"]], plain[:found.start()]
    if plain.startswith("$"):
        currency_named, plain = currency_named or "USD", plain[1:]
    if currency_named and currency_named != "USD" and "$" in text:
        return None
    currency, unit = currency_named or currency, unit_named or unit
    parsed = parse_amount(plain.strip(), bare_scale=BARE_SCALE[unit] if currency == "VND" else 1)
    if parsed is None:
        return None
    return StatedAmount(parsed.low, parsed.high, currency, unit, currency_named, unit_named)
