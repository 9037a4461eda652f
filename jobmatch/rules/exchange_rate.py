"""The dated exchange-rate table shipped in jobmatch/reference_data/exchange_rates.json: pay in another currency is
compared as đồng a month through it, and pages say its source and date."""
import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

RATES_FILE = Path(__file__).resolve().parent.parent / "reference_data" / "exchange_rates.json"


@dataclass(frozen=True)
class RateTable:
    rates: dict  # {currency code: đồng per unit}
    on: date
    source: str


@cache
def rate_table():
    data = json.loads(RATES_FILE.read_text(encoding="utf-8"))
    return RateTable(rates=dict(data["rates"]), on=date.fromisoformat(data["date"]), source=data["source"])
