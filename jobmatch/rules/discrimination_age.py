"""Age limits in a job advertisement, and the ages the law and the overseas programmes allow to be stated: a minor's (18 or
under), the law's retirement age, a driving licence's minimum, the ages of the people the work serves, an overseas programme's
own range (given, or said to be its rule). Used by the discrimination check (jobmatch/rules/discrimination.py)."""
import re

from jobmatch.rules import discrimination_phrases as phrases
from jobmatch.rules.discrimination_phrases_more import RECEIVING_RULE, STILL_WELCOME

# Ages at or under this bound are about minors (Labour Code 2019, Art. 143–147: work minors may not do), not a limit.
ADULT_AGE = 18
# People refused just before an age: not the family's or the clients' ("… cho gia đình, không nhận người ngoài 50").
_REFUSED_BEFORE = re.compile(r"\b(?:khong|chi) (?:nhan|tuyen|chap nhan|xet)(?: \w+)? $")


def age_match(joined, allowed_ages):
    """The first age limit in `joined` (the text's folded words joined by spaces) that is not lawful, as a re.Match, or None."""
    match = phrases.BIRTH_YEARS.search(joined)
    if match:
        return match
    for pattern in phrases.AGE if phrases.ANY_AGE.search(joined) else ():
        for match in pattern.finditer(joined):
            if not _lawful_age(joined, match, allowed_ages):
                return match
    return None


def _lawful_age(joined, match, allowed_ages):
    """Whether an age found is the law's, a programme's, a minor's or of someone other than the worker."""
    if phrases.RETIREMENT.search(joined[max(0, match.start() - 30):match.end() + 30]):
        return True  # "lương hưu khi đủ 60 tuổi": the law's retirement age, not the employer's limit
    refused = _REFUSED_BEFORE.search(joined[:match.start()])
    if not refused and phrases.OTHERS_AGE.search(joined[max(0, match.start() - 40):match.start()]) or phrases.AUDIENCE_AGE.search(
            joined[max(0, match.start() - 80):match.start()]):
        return True  # "dạy trẻ từ 3 đến 5 tuổi", "tư vấn khách hàng trên 40 tuổi", "bác sĩ đội U23"
    if STILL_WELCOME.search(joined[match.end():match.end() + 60]):
        return True  # "Ứng viên trên 40 tuổi vẫn được khuyến khích ứng tuyển": welcomed, not limited
    bounds = [int(value) for value in match.groups() if value]
    if len(bounds) == 2 and bounds[0] >= bounds[1]:
        return True  # no range of ages: "ca 24 12t"
    if bounds and all(bound <= ADULT_AGE for bound in bounds):
        return True  # minors: "đủ 18 tuổi", "không nhận lao động dưới 18 tuổi"
    if allowed_ages and bounds and set(bounds) <= set(allowed_ages):
        return True  # the programme's own range, restated
    if not allowed_ages and _programme_rule(joined[max(0, match.start() - 60):match.end() + 60], joined):
        return True  # "18 - 39 tuổi theo quy định của chương trình" (EPS): a programme's or the law's own rule, said to be so
    return len(bounds) == 1 and bounds[0] in phrases.LICENCE_AGES and bool(
        phrases.MINIMUM.search(match.group(0)) and phrases.LICENCE.search(joined))  # "đủ 24 tuổi, bằng D": the law's minimum


# The rule said with the programme or the law as its subject: "Chương trình EPS Hàn Quốc quy định người lao động từ 18 đến
# 39 tuổi", "The EPS programme requires workers aged 18-39" (not the company's own training programme).
_RULE_SAID_BY = re.compile(r"\b(?:chuong trinh|programme|program|phap luat|luat|law|hiep dinh)\b(?! (?:thuc tap|dao tao|cua cong ty|"
                           r"noi bo)\b)(?: \w+){0,4}? (?:quy dinh|requires?|sets?|stipulates?|gioi han)\b")


def _programme_rule(around, joined):
    if _RULE_SAID_BY.search(around) and phrases.OVERSEAS.search(joined):
        return True
    return bool(phrases.STATE_RULE.search(around) or RECEIVING_RULE.search(around) or ((phrases.PROGRAMME_RULE.search(around) or (
        phrases.BARE_RULE.search(around) and phrases.PROGRAMME_NAMED.search(around))) and phrases.OVERSEAS.search(joined)))
