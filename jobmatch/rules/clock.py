"""Time: stored in UTC, shown in Asia/Ho_Chi_Minh, and read from what people type (dd/mm/yyyy, 9h30)."""
import re
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


def read_day(text):
    """The day typed as dd/mm/yyyy (d/m/yyyy, with "/", "-" or "." between) or as ISO yyyy-mm-dd (a date input, an API
    client); None when it names no day."""
    text = (text or "").strip()
    if match := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text):
        day, month, year = (int(part) for part in match.groups())
    elif match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_time(text):
    """The time of day typed as 14:30, 9:05, 9h30, 9h or 14g30; None when it names no time."""
    match = re.fullmatch(r"(\d{1,2})(?:\s*[:hHgG]\s*(\d{2})?)?", (text or "").strip())
    if not match or (match.group(2) is None and not re.search(r"[hHgG]$", text.strip())):
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def vietnam_moment_as_utc(day, time_of_day):
    """A day and time in Vietnam as the naive UTC datetime the database stores."""
    return datetime.combine(day, time_of_day, tzinfo=VIETNAM).astimezone(UTC).replace(tzinfo=None)


def moment_text(value):
    """A moment (naive UTC from the database, or ISO 8601 text with its offset) as people read it in Vietnam, the zone
    stated: 02/12/2026 14:30 (UTC+07:00); nothing as ""."""
    if not value:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    local = value.astimezone(VIETNAM) if value.tzinfo else as_vietnam_time(value)
    return f"{local:%d/%m/%Y %H:%M} (UTC{local.isoformat()[-6:]})"


def time_text(value):
    """A stored (naive UTC) datetime as its time of day in Vietnam: 14:30."""
    return as_vietnam_time(value).strftime("%H:%M") if value else ""
