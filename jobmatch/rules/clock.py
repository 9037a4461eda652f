"""Time for column defaults: stored in UTC, shown in Asia/Ho_Chi_Minh."""
from datetime import UTC, datetime
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

