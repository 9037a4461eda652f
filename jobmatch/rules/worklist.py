"""When an officer's work falls due: placement follow-ups by calendar months, and the short referral code on a slip."""
import calendar
import hashlib
import hmac
from datetime import date, timedelta

from jobmatch.rules.token import CLAIM_CODE_ALPHABET

REFERRAL_CODE_MAC_LENGTH = 4


def add_months(day, months):
    """The same day of the month so many months later (or earlier), the month's last day when it has no such day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def follow_up_due(hire_date, recorded_months, today, schedule):
    """The follow-up (so many months after the hire, per the schedule) an officer owes now, the earliest first; None
    when none is due."""
    return next(
        (months for months in schedule if months not in recorded_months and add_months(hire_date, months) <= today),
        None,
    )


# A follow-up is accepted from so many days after the hire: a little before its 3 or 6 calendar months (about 90 and
# 180 days), so that an officer calling in the last week or so can record it, but never so early that it says nothing
# about whether the person stayed.
FOLLOW_UP_OPENS_AFTER_DAYS = {3: 80, 6: 170}


def follow_up_opens_on(hire_date, months):
    """The first day the follow-up so many months after the hire may be recorded."""
    return hire_date + timedelta(days=FOLLOW_UP_OPENS_AFTER_DAYS[months])


def _encode(number):
    """A whole number in the claim codes' alphabet (no look-alikes), most significant first."""
    base = len(CLAIM_CODE_ALPHABET)
    letters = ""
    while True:
        number, digit = divmod(number, base)
        letters = CLAIM_CODE_ALPHABET[digit] + letters
        if number == 0:
            return letters


def _decode(letters):
    number = 0
    for letter in letters:
        position = CLAIM_CODE_ALPHABET.find(letter)
        if position < 0:
            return None
        number = number * len(CLAIM_CODE_ALPHABET) + position
    return number


def _mac(number, key):
    digest = hmac.new(key.encode(), f"referral:{number}".encode(), hashlib.sha256).digest()
    return "".join(CLAIM_CODE_ALPHABET[byte % len(CLAIM_CODE_ALPHABET)] for byte in digest[:REFERRAL_CODE_MAC_LENGTH])


def referral_code(application_id, key):
    """The code printed on a referral slip: the referral's number and a keyed check, so that a code cannot be guessed
    from another (about a million tries per number) and the employer can check it on the site."""
    return f"{_encode(application_id)}-{_mac(application_id, key)}"


def referral_of_code(code, key):
    """The referral's number a code names, or None for a code that was not made here (typed in any case, spaces)."""
    cleaned = "".join((code or "").upper().split())
    number_part, _dash, check = cleaned.partition("-")
    if not number_part or len(number_part) > 8 or len(check) != REFERRAL_CODE_MAC_LENGTH:
        return None
    number = _decode(number_part)
    if number is None or not hmac.compare_digest(_mac(number, key), check):
        return None
    return number
