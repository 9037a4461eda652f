"""Job advertisements read as a person reads them: wording that excludes or prefers workers by sex, age, appearance,
marital status, pregnancy, ethnicity, religion, disability, HIV status, national or social origin (a hometown, a region,
a household registration in a named place, a family's wealth or class) or trade union membership and activity (Labour
Code 2019, Art. 3(8) defines discrimination, Art. 8(1) forbids it; Decree 12/2022/NĐ-CP, Art. 8 fines it), with the allowances the law
and the overseas programmes make: an age of 18 or under is about minors (hazardous work), a programme's own age range may be
restated, positive measures (priority to ethnic minorities or people with disabilities) are not discrimination, nor is
a driving licence's minimum age, nor the age of the clients, children or team the work serves.

Text is cut into words at anything that is not a letter or digit (brackets, underscores, dashes, slashes), a comparison
sign being a word of its own ("≤ 35 tuổi"), compared without diacritics except where they tell words apart ("nam" male,
"năm" year; "tuyển" hiring, "tuyến" a route), and a finding quotes the employer's own words. An age limit counts in any
wording or number ("tuổi không vượt quá 40", "18-45t", "U35", "Max 40", "9x, 2k", "Gen Z", "under 35 only"), an
exclusion ("không nhận", "không tuyển", "không bị", "must not") of people named by any ground counts before or after
them ("… vui lòng không ứng tuyển", "need not apply"), chat short forms are read as what they stand for ("ko nhận", "kg
tuyển", "ng"), and "nam"/"nữ" in a business's name, a place, a product ("mỹ phẩm cho nam giới"), a team, a clinic ("nam
khoa"), a benefit or a worker's right ("lao động nữ được nghỉ", "quà cho nhân viên nữ") does not. The word lists are in
discrimination_words.py, the reading of sex in discrimination_gender.py (and the mentions of the sexes that restrict no
one, both side by side, a dress code, target customers, goods for one sex, a statistic, the law, in
discrimination_sex_context.py), the phrases of age and of the other grounds in discrimination_phrases.py, the refusals
around the people of every ground (in English too, the ethnic groups of the reference list) in discrimination_refusals.py.
A "không phân biệt" ("regardless of"), a "không hỏi", "không quan tâm" or "We do not ask about" names grounds the employer
does not look at, in a list of any length. A finding in a clause that names its ground without restricting anyone ("We do
not discriminate on …", "… không bị loại", "… được thông báo đầy đủ về rủi ro") is passed over (discrimination_neutral.py);
more wordings of the grounds are in discrimination_phrases_more.py and discrimination_phrases_extra.py."""
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from jobmatch.rules import discrimination_phrases as phrases
from jobmatch.rules import discrimination_phrases_extra as extra
from jobmatch.rules import discrimination_phrases_more as more
from jobmatch.rules import discrimination_refusals as refusals
from jobmatch.rules.discrimination_age import age_match
from jobmatch.rules.discrimination_gender import gender_quote
from jobmatch.rules.discrimination_neutral import neutral_clause
from jobmatch.rules.discrimination_words import (
    HIRING,
    HIRING_WRITTEN,
    TEEN_CODE,
    TEEN_CODE_BEFORE_VERB,
    TEEN_VERBS,
)
from jobmatch.rules.job_title import fold

GROUNDS = ("gender", "age", "appearance", "marital_status", "pregnancy", "ethnicity", "religion", "disability", "hiv", "origin",
           "union")

# Words are runs of letters and digits; a comparison sign is a word of its own, read as "dưới" or "trên" ("≤ 35 tuổi").
_WORD = re.compile(r"[^\W_]+|[≤≥%]|(?<![-=<])[<>](?!-)")  # not an arrow: "18->30"; a share: "70% nhân viên là nữ"
_fold_word = lru_cache(maxsize=8192)(fold)  # the same few thousand words, on every vacancy written
_SIGNS = {"≤": "duoi", "<": "duoi", "≥": "tren", ">": "tren"}


@dataclass(frozen=True)
class Finding:
    ground: str  # one of GROUNDS
    quote: str  # the employer's words, as written


@dataclass(frozen=True)
class _Word:
    written: str  # lower-case NFC, diacritics kept
    folded: str
    start: int
    end: int
    hiring: bool  # "tuyển", "cần", "chỉ", "ưu tiên" …; in a text typed without diacritics, also "tuyen" (tuyến), "nhan" (nhân)


def _words(text):
    text = unicodedata.normalize("NFC", text)
    words, plain_text = [], fold(text) == text.lower()
    for match in _WORD.finditer(text):
        written = match.group(0).lower()
        folded = _SIGNS.get(written) or _fold_word(written)
        hiring = written in HIRING_WRITTEN or (plain_text and folded in HIRING)
        words.append(_Word(written, folded, match.start(), match.end(), hiring))
    for i, word in enumerate(words):  # "giới" asks a sex as "giới tính" or "Giới: Nữ", not as a topic: "về giới và phụ nữ"
        if word.folded == "gioi" and not (i + 1 < len(words) and (words[i + 1].folded == "tinh" or ":" in text[
                word.end:words[i + 1].start])):
            words[i] = replace(word, hiring=False)
    return text, _read_short_forms(words), plain_text


def _read_short_forms(words):
    """The words typed as chat short forms ("ko nhận", "kg tuyển", "ng dân tộc"), read as the words they stand for."""
    read = []
    for i, word in enumerate(words):
        long_form = TEEN_CODE.get(word.folded) if word.written == word.folded or word.written in {"hông", "kô"} else None
        if long_form and word.folded in TEEN_CODE_BEFORE_VERB and not (
                i + 1 < len(words) and words[i + 1].folded in TEEN_VERBS and not (i and words[i - 1].folded.isdigit())):
            long_form = None  # "50 k", "65 kg", not a "không"
        read.append(replace(word, folded=long_form) if long_form else word)
    return read


def _span_finding(ground, text, match, offsets, words):
    first = offsets[match.start()]
    last = offsets[max(match.start(), match.end() - 1)]
    return Finding(ground, text[words[first].start:words[last].end])


def find_discrimination(text, *, allowed_ages=None):
    """The first wording of `text` that discriminates, as a Finding (its ground and the employer's own words), or None.
    `allowed_ages`: the (minimum, maximum) of the overseas programme the vacancy is for, whose restatement is lawful.
    A finding in a sentence that names its ground without restricting anyone (discrimination_neutral.py) is passed over,
    and the rest of the text read again without that sentence."""
    if not text or not text.strip():
        return None
    text = unicodedata.normalize("NFC", text)
    plain_text = fold(text) == text.lower()
    for _ in range(8):
        finding = _first_finding(text, allowed_ages)
        at = text.find(finding.quote) if finding else -1
        if at < 0:
            return finding
        start = max(text.rfind(mark, 0, at) for mark in ",.;!?\n") + 1
        ends = [end for end in (text.find(mark, at + len(finding.quote)) for mark in ",.;!?\n") if end >= 0]
        end = min(ends) if ends else len(text)
        clause = " ".join(re.findall(r"[^\W_]+", fold(text[start:end])))
        quoted = len(re.findall(r"[^\W_]+", finding.quote))
        year = plain_text and finding.quote.lower().endswith("nam") and _year_of_study(fold(text[at:end]), quoted)
        listed = re.search(r"[,;:]", finding.quote)  # a list: "Không yêu cầu kinh nghiệm, nữ"
        if listed or not (neutral_clause(clause, finding.ground) or year):
            return finding
        text = text[:start] + " " * (end - start) + text[end:]
    return None


def _year_of_study(found, quoted):
    """Whether a "nam" found (the last of the `quoted` words opening `found`) is "năm" typed without diacritics, a year of
    study: "Sinh vien nam cuoi", "SV nam 3"."""
    words = re.findall(r"[^\W_]+", found)[quoted - 1:]
    before = " ".join(re.findall(r"[^\W_]+", found)[:quoted - 1])
    student = re.search(r"\b(?:sinh vien|sv|hoc)$", before)
    ordinal = re.match(r"(?:cuoi|nhat|thu (?:nhat|hai|ba|tu|\d))\b", " ".join(words[1:3]))
    return len(words) >= 2 and words[0] == "nam" and bool(ordinal or (
        student and re.fullmatch(r"[1-6]|hai|ba|tu", words[1])))


def _first_finding(text, allowed_ages):
    text, words, plain_text = _words(text)
    if not words:
        return None
    joined, offsets = "", []
    for index, word in enumerate(words):
        if joined:
            joined += " "
            offsets.append(index)
        joined += word.folded
        offsets.extend([index] * len(word.folded))
    quote = gender_quote(text, words, plain_text) or extra.bracketed_or_counted_sex(text, plain_text)
    if quote:
        return Finding("gender", quote)
    match = age_match(joined, allowed_ages)
    if match:
        return _span_finding("age", text, match, offsets, words)
    for ground, patterns in phrases.COMPILED.items():
        for pattern in patterns if phrases.ANY_OF[ground].search(joined) else ():
            for match in pattern.finditer(joined):
                start = words[offsets[match.start()]].start
                if _refused_in_another_clause(text, match, pattern, offsets, words):
                    continue
                if not _not_asked(text, start, match.group(0)) and not _waived(text, start):
                    return _span_finding(ground, text, match, offsets, words)
    match = phrases.LISTED_STATUS.search(text)
    if match and not phrases.ROOMS.search(text) and not _not_asked(text, match.start(1), fold(match.group(1))):
        return Finding("marital_status", match.group(1))
    return None


def _refused_in_another_clause(text, match, pattern, offsets, words):
    """Whether a refusal found a few words after the people it would refuse is in another clause: "Hỗ trợ cô chú cao tuổi
    đi khám, không inbox sau 22h" (not "Người khuyết tật vận động không phù hợp", nor "người H'Mông, Dao vui lòng …")."""
    people = refusals.PEOPLE_BEFORE_REFUSAL.get(pattern.pattern)
    refusal = people and re.search(" " + refusals.REFUSAL + "$", match.group(0))
    if not refusal:
        return False
    people_end = people.match(match.group(0)).end()
    if len(match.group(0)[people_end:refusal.start()].split()) < 2:
        return False  # one word between, as ever: "Người có hình xăm, xin miễn liên hệ"
    first, last = offsets[match.start() + people_end - 1], offsets[match.start() + refusal.start() + 1]
    return bool(re.search(r"[,.;:!?\n]", text[words[first].end:words[last].start]))  # a bracket adds to them: "(dù nhẹ)"


def find_all_discrimination(text, *, allowed_ages=None, most=5):
    """Every discriminating wording of `text` (up to `most`), in the order the check finds them: each found quote is
    blanked and the text read again, so that "Tuyển nữ … ưa nhìn, dưới 25 tuổi" is refused for all three at once."""
    findings = []
    while text and len(findings) < most:
        finding = find_discrimination(text, allowed_ages=allowed_ages)
        at = text.find(finding.quote) if finding else -1
        if at < 0:
            break
        findings.append(finding)
        text = f"{text[:at]}{' ' * len(finding.quote)}{text[at + len(finding.quote):]}"
    return findings


def _waived(text, start):
    """Whether the clause the ground found at `start` opens ends by saying it is not asked: "Tình trạng hôn nhân: không yêu
    cầu", "Marital status: not required" (not "Chưa kết hôn, không yêu cầu bằng cấp"), that it does not count ("Tình trạng
    hôn nhân không ảnh hưởng đến kết quả tuyển dụng") or that either is welcome ("Đã lập gia đình hay độc thân đều được")."""
    clause = fold(re.split(r"[,.;!?\n]", text[start:])[0]).strip()
    clause = " ".join(re.findall(r"[^\W_]+", clause))
    return (len(clause.split()) <= 8 and bool(phrases.WAIVED.search(clause))) or bool(
        more.NOT_A_FACTOR.search(clause) or more.EITHER_WELCOME.search(clause))  # "… hay độc thân đều được"


def _not_asked(text, start, found):
    """Whether the clause before `start` says the employer does not look at the ground, or does not ask what is `found`:
    "không phân biệt tôn giáo", "không yêu cầu ảnh toàn thân", "Không yêu cầu xét nghiệm HIV" (a finding from "yêu cầu")."""
    clause = fold(re.split(r"[,.;:!?\n]", text[:start])[-1])
    words = " ".join(re.findall(r"[^\W_]+", clause))  # "(we don't ask about your …"
    if phrases.NON_DISCRIMINATION.search(clause) or more.NOT_ASKED_EN.search(words) or _listed_after_non_discrimination(
            text, start, found) or (
            phrases.BENEFIT_FOR.search(clause.strip()) and not phrases.HIRES_IN_CLAUSE.search(clause)):
        return True  # … or names whom a benefit is for: "hỗ trợ nhà ở cho nhân viên đã có gia đình"
    head = found.split()
    if head[0] in {"khong", "chua"}:
        head = []  # the finding is the refusal itself: "không xét người có hình xăm"
    return any(phrases.NOT_REQUIRED.search(" ".join([clause.strip()] + head[:length]).strip()) for length in (0, 1, 2))


def _listed_after_non_discrimination(text, start, found):
    """Whether `start` is in a list of grounds after "không phân biệt" ("regardless of") or "không yêu cầu", items of a few
    words each between commas, semicolons or "và"/"hoặc": "không phân biệt tôn giáo, dân tộc, tình trạng hôn nhân",
    "Không yêu cầu chiều cao, cân nặng" (not ", không nhận …")."""
    sentence = fold(re.split(r"[.!?\n]", text[:start])[-1])
    said = [*phrases.NON_DISCRIMINATION.finditer(sentence), *phrases.NOT_ASKED_HEAD.finditer(sentence)]
    if not said:
        return False
    said = max(said, key=lambda match: match.end())
    listed = sentence[said.end():].lstrip(" :")  # "Không phân biệt: dân tộc; tôn giáo", not "…, hôn nhân: độc thân"
    items = re.split(r"[,;/()]|\b(?:va|hoac|hay|cung nhu|and|or|lan)\b", listed)
    return ":" not in listed and all(len(item.split()) <= 4 for item in items) and not (
        phrases.HIRING_WORDS.search(listed) or phrases.A_CONDITION.match(found))
