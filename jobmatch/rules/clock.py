"""Time for column defaults: stored in UTC, shown in Asia/Ho_Chi_Minh."""
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def utc_now():
    return datetime.now(UTC).replace(tzinfo=None)


def vietnam_today():
    return datetime.now(VIETNAM).date()


def as_utc(moment):
    """A naive UTC datetime from the database as an aware one (an aware one as it is)."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def as_vietnam_time(moment):
    """A naive UTC datetime from the database as an aware time in Vietnam."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC).astimezone(VIETNAM)


def vietnam_day_start_utc(day):
    """The naive UTC moment a day begins in Vietnam: the bound of that day for columns stored in UTC."""
    return datetime.combine(day, time(), VIETNAM).astimezone(UTC).replace(tzinfo=None)


def day_text(value):
    """The one dd/mm/yyyy: a day as it is, a stored (naive UTC) datetime as its day in Vietnam; nothing as ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):  # an ISO day as JSON keeps it
        value = date.fromisoformat(value)
    if hasattr(value, "hour"):
        value = as_vietnam_time(value)
    return value.strftime("%d/%m/%Y")



DAYS_PER_MONTH = 365.25 / 12


def years_months_days(days):
    """A span of days as people say it: under two months in days; otherwise in whole years and months, rounded to the
    nearest month (1765 days → 4 years 10 months). Returns (years, months, days), the unused parts 0."""
    if days < 60:
        return 0, 0, days
    years, months = divmod(round(days / DAYS_PER_MONTH), 12)
    return years, months, 0
