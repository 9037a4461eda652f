"""Pay as a vacancy states it (per month, day, hour or piece, in đồng or another currency): the amount inputs that read
it as people write it, the checks between amount, unit and currency, and how it is shown with its value in đồng a month
and the dated rate that made it."""
from flask_babel import format_decimal, get_locale
from flask_babel import gettext as _
from marshmallow import ValidationError, fields, validate

from jobmatch.i18n import N_, format_day
from jobmatch.rules.exchange_rate import rate_table
from jobmatch.rules.money import (
    HOURS_A_MONTH,
    SALARY_CURRENCIES,
    SALARY_UNITS,
    WORKING_DAYS_A_MONTH,
    monthly_vnd_range,
    parse_stated_amount,
)
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.compiled import dump_memo
from jobmatch.schemas.fields import Amount, AmountInDong

NOT_A_CHOICE = N_("This is not one of the choices offered.")
PAY_UNREAD = N_('Enter an amount as written, e.g. 9.000.000, 9 triệu, 15-20 triệu, 250.000 đ/ngày or 1.200 USD.')
OTHER_CURRENCY = N_("This amount is in %(written)s, but the currency chosen is %(chosen)s.")
OTHER_UNIT = N_("This amount is per %(written)s, but the pay chosen is per %(chosen)s.")
UNIT_NAMES = {"month": N_("month"), "day": N_("day"), "hour": N_("hour"), "piece": N_("piece")}
PER_UNIT = {"month": N_("%(pay)s/month"), "day": N_("%(pay)s/day"), "hour": N_("%(pay)s/hour"), "piece": N_("%(pay)s/piece")}
PAY_FIELDS = ("salary_min", "salary_max")
STATED_PAY = ('Per salary_unit in salary_currency, as a number or as people write it: "9 triệu", "15-20 triệu", "250.000 '
              'đ/ngày", "1.200 USD" (a currency or unit written here replaces the default VND and month)')


def salary_unit(**kwargs):
    return fields.String(load_default="month", validate=validate.OneOf(SALARY_UNITS, error=NOT_A_CHOICE), metadata={
        "description": "What the amounts pay for: month (the default), day, hour or piece"}, **kwargs)


def salary_currency(**kwargs):
    return fields.String(load_default="VND", validate=validate.OneOf(SALARY_CURRENCIES, error=NOT_A_CHOICE), metadata={
        "description": "The amounts' currency: VND (the default), USD, JPY, KRW or TWD"}, **kwargs)


class StatedPayAmount(Amount):
    """An amount of pay in the vacancy's currency per its unit, as people write it: "9 triệu" (a month, in đồng),
    "250.000 đ/ngày", "1.200 USD", "$1,200", "180.000 yên/tháng"; a whole number from a JSON client. A currency or unit
    written beside the amount is read with it (see adopt_written_pay)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        currency, unit = _chosen(data)
        parsed = parse_stated_amount(value, currency=currency, unit=unit) if isinstance(value, str) else None
        if parsed is None:
            raise ValidationError(PAY_UNREAD)
        amount = AmountInDong(parsed.low if self.end == "low" else parsed.high, low=parsed.low, high=parsed.high)
        amount.currency_named, amount.unit_named = parsed.currency_named, parsed.unit_named
        return amount


def _chosen(data):
    """The currency and unit the amounts are read in: the ones chosen, else the ones written beside either amount."""
    data = data if isinstance(data, dict) else {}
    written = [parse_stated_amount(data.get(name)) for name in PAY_FIELDS if isinstance(data.get(name), str)]
    currency = data.get("salary_currency") if data.get("salary_currency") in SALARY_CURRENCIES else None
    unit = data.get("salary_unit") if data.get("salary_unit") in SALARY_UNITS else None
    for amount in filter(None, written):
        currency = currency if currency not in (None, "VND") else amount.currency_named or currency
        unit = unit if unit not in (None, "month") else amount.unit_named or unit
    return currency or "VND", unit or "month"


def written_pay_errors(data, original):
    """{field: [message]} where an amount names a currency or unit other than the one chosen. Left at the default (VND,
    a month), the choice gives way to what is written: "1.200 USD" in a form whose currency was not changed is dollars."""
    errors, (currency, unit) = {}, _chosen(original)
    for name in PAY_FIELDS:
        amount = data.get(name)
        if getattr(amount, "currency_named", None) not in (None, currency):
            errors[name] = [_(OTHER_CURRENCY, written=amount.currency_named, chosen=currency)]
        elif getattr(amount, "unit_named", None) not in (None, unit):
            errors[name] = [_(OTHER_UNIT, written=_(UNIT_NAMES[amount.unit_named]), chosen=_(UNIT_NAMES[unit]))]
    return errors


def adopt_written_pay(data, original):
    """The currency and unit written beside the amounts, where the choice was left at its default."""
    if any(data.get(name) is not None for name in PAY_FIELDS):
        data["salary_currency"], data["salary_unit"] = _chosen(original)
    return data


class RateSchema(BaseSchema):
    currency = fields.String()
    vnd = fields.Integer(metadata={"description": "Đồng per unit of the currency"})
    date = fields.Date(metadata={"description": "The day of the rate"})
    source = fields.String()


class PaySchema(BaseSchema):
    label = fields.String(metadata={"description": "The pay as stated, with its value in đồng a month where converted"})
    monthly_vnd_min = fields.Integer(allow_none=True, metadata={"description": "salary_min as đồng a month; null: not comparable"})
    monthly_vnd_max = fields.Integer(allow_none=True, metadata={"description": "salary_max as đồng a month"})
    rate = fields.Nested(RateSchema, allow_none=True, metadata={"description": "The exchange rate used, when converted"})


class StatedPay(fields.Nested):
    """The pay of a vacancy (an object or a summary dict) as PaySchema shows it, worked out from its salary fields."""

    _CHECK_ATTRIBUTE = False

    def __init__(self, **kwargs):
        super().__init__(PaySchema, **kwargs)

    def _serialize(self, nested_obj, attr, obj, **kwargs):
        # Every hit of every result page shows its pay: the same few amounts, each labelled once per process and language.
        values = tuple(map(obj.get, PAY_INPUTS)) if isinstance(obj, dict) else tuple(getattr(obj, name, None) for name in PAY_INPUTS)
        key = (_language(), values, values[0].__class__, values[1].__class__)
        shown = _SHOWN_PAY.get(key)
        if shown is None:
            if len(_SHOWN_PAY) >= _SHOWN_PAY_LIMIT:
                _SHOWN_PAY.clear()
            shown = _SHOWN_PAY[key] = super()._serialize(stated_pay(obj), attr, obj, **kwargs)
        # A copy, so that no answer can change another's.
        return {**shown, "rate": dict(shown["rate"])} if shown.get("rate") else dict(shown)


def _language():
    """flask-babel's locale, looked up once per compiled answer (several context look-ups each time, once per hit)."""
    memo = dump_memo()
    if memo is None:
        return get_locale()
    if "locale" not in memo:
        memo["locale"] = get_locale()
    return memo["locale"]


# What stated_pay reads of a vacancy: with the language (babel's Locale, equal by its identifier) and the rate table
# (read once per process), all its answer depends on. The pay of the amounts seen is kept per process (the key also
# holds the amounts' types: 5000000 and 5000000.0 are written differently).
PAY_INPUTS = ("salary_min", "salary_max", "salary_currency", "salary_unit", "salary_negotiable")
_SHOWN_PAY = {}
_SHOWN_PAY_LIMIT = 20_000  # distinct inputs kept at most (a few MB); emptied when full


def _read(vacancy, name):
    return vacancy.get(name) if isinstance(vacancy, dict) else getattr(vacancy, name, None)


def stated_pay(vacancy):
    """{label, monthly_vnd_min, monthly_vnd_max, rate} of a vacancy's pay."""
    low, high = _read(vacancy, "salary_min"), _read(vacancy, "salary_max")
    currency, unit = _read(vacancy, "salary_currency") or "VND", _read(vacancy, "salary_unit") or "month"
    table = rate_table()
    monthly_low, monthly_high = monthly_vnd_range(low, high, currency=currency, unit=unit, rates=table.rates)
    rate = None
    if currency != "VND" and (low or high):
        rate = {"currency": currency, "vnd": table.rates.get(currency), "date": table.on, "source": table.source}
    label = _label(low, high, currency, unit, (monthly_low, monthly_high), rate)
    if _read(vacancy, "salary_negotiable") and (low or high):
        label = _("%(pay)s, negotiable", pay=label)
    return {"label": label, "monthly_vnd_min": monthly_low, "monthly_vnd_max": monthly_high, "rate": rate}


def pay_label(vacancy):
    """The pay as pages show it: "8.000.000 ₫ – 12.000.000 ₫/tháng", "Từ 250.000 ₫/ngày (≈ 6,5 triệu đồng/tháng, tính
    26 ngày công)", "1.200 USD – 1.500 USD/tháng (≈ 31,6–39,5 triệu đồng/tháng, tỷ giá ngày 05/12/2026, nguồn: …)",
    "Thỏa thuận"."""
    return stated_pay(vacancy)["label"]


def _label(low, high, currency, unit, monthly, rate):
    if not (low or high):
        return _("Negotiable")
    symbol = "₫" if currency == "VND" else currency
    if low and high and low != high:
        amount = f"{format_decimal(low)} {symbol} – {format_decimal(high)} {symbol}"
    elif low:
        amount = f"{format_decimal(low)} {symbol}" if low == high else _("From %(amount)s", amount=f"{format_decimal(low)} {symbol}")
    else:
        amount = _("Up to %(amount)s", amount=f"{format_decimal(high)} {symbol}")
    label = _(PER_UNIT[unit], pay=amount)
    if (currency, unit) == ("VND", "month") or not any(monthly):
        return label
    approximately = _millions(*monthly)
    if rate:
        return _("%(pay)s (≈ %(monthly)s/month, rate of %(day)s, source: %(source)s)", pay=label, monthly=approximately,
                 day=format_day(rate["date"]), source=rate["source"])
    basis = _("%(days)d working days", days=WORKING_DAYS_A_MONTH) if unit == "day" else _(
        "%(hours)d working hours", hours=HOURS_A_MONTH)
    return _("%(pay)s (≈ %(monthly)s/month, %(basis)s)", pay=label, monthly=approximately, basis=basis)


def _millions(low, high):
    """"30,5–38,1 triệu đồng": a month's pay in millions, to one decimal."""
    shown = [format_decimal(round(amount / 1_000_000, 1), format="#,##0.#") for amount in (low, high) if amount]
    if len(shown) == 2 and shown[0] == shown[1]:
        shown = shown[:1]
    return _("%(amount)s million đồng", amount="–".join(shown))


class UnderstoodPaySchema(BaseSchema):
    words = fields.String(allow_none=True, metadata={"description": "As typed in q; null when from salary_min or salary_max"})
    kind = fields.String(metadata={"description": "at_least, at_most or between"})
    currency = fields.String()
    unit = fields.String(attribute="period", metadata={"description": "month, day or hour, as typed"})
    monthly_vnd_min = fields.Integer(attribute="monthly_low", allow_none=True, metadata={
        "description": "What is searched, a month in đồng"})
    monthly_vnd_max = fields.Integer(attribute="monthly_high", allow_none=True)
