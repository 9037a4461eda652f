"""Job advertisements read as a person reads them: wording that excludes or prefers workers by sex, age, appearance,
marital status, pregnancy, ethnicity, religion, disability or HIV status (Labour Code 2019, Art. 3(8) defines
discrimination, Art. 8(1) forbids it; Decree 12/2022/NĐ-CP, Art. 8 fines it), with the allowances the law and the
overseas programmes make: an age of 18 or under is about minors (hazardous work), a programme's own age range may be
restated, positive measures (priority to ethnic minorities or people with disabilities) are not discrimination.

Text is cut into words at anything that is not a letter or digit (brackets, underscores, dashes, slashes), compared
without diacritics except where they tell words apart ("nam" male, "năm" year), and a finding quotes the employer's
own words."""
import re
import unicodedata
from dataclasses import dataclass

from jobmatch.rules.job_title import fold

GROUNDS = ("gender", "age", "appearance", "marital_status", "pregnancy", "ethnicity", "religion", "disability", "hiv")
# Ages at or under this bound are about minors (Labour Code 2019, Art. 143–147: work minors may not do), not a limit.
ADULT_AGE = 18

_WORD = re.compile(r"[^\W_]+")


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


def _words(text):
    text = unicodedata.normalize("NFC", text)
    return text, [_Word(m.group(0).lower(), fold(m.group(0)), m.start(), m.end()) for m in _WORD.finditer(text)]


# --- Sex --------------------------------------------------------------------------------------------------------------
# "nam"/"nữ" are also places, names, magnets and clientele: the words around them say which.
_PLACE_BEFORE = {"việt", "miền", "phía", "bắc", "tây", "đông", "hà", "quảng", "hải", "vân", "phương", "sao", "đại", "an", "hoài",
                 "trường", "khu"}
# Typed without diacritics "dong" and "van" are also "động" (lao động nam) and "vấn" (tư vấn nữ).
_PLACE_BEFORE_PLAIN = {fold(word) for word in _PLACE_BEFORE} - {"van"}
_PLACE_AFTER = {"dinh", "bo", "trung", "phi", "my", "a", "han", "sach", "truc", "dan", "giang", "ky", "cam", "long", "cham",
                "ninh", "kinh", "viet", "cuc", "son"}
# An administrative unit named just before: "huyện Lục Nam", "xã Tân Nam", "phường Nam Hải" is a place.
_UNIT_WORDS = {"huyện", "tỉnh", "xã", "phường", "thị", "trấn", "thôn", "ấp", "khu", "đường", "kcn", "ccn", "tuyến"}
# Without diacritics "tinh" and "duong" are also "(giới) tính" and "(điều) dưỡng": only the unambiguous ones count.
_UNIT_WORDS_PLAIN = {"huyen", "xa", "phuong", "tran", "thon", "ap", "khu", "kcn", "ccn"}
_NU_AFTER = {"trang", "hoang", "quyen", "doanh"}  # nữ trang (jewellery), nữ hoàng, nữ quyền, nữ doanh nhân
_PERSON_BEFORE = {"anh", "chị", "em", "mr", "ms", "mrs", "ông", "bà", "cô", "chú", "bác", "tên"}
# Words after which "nam"/"nữ" name whom goods or services are for: women's fashion, men's haircuts, a women's dormitory.
_CLIENTELE_BEFORE = {("thoi", "trang"), ("quan", "ao"), ("giay",), ("dep",), ("dong", "ho"), ("toc",), ("do",), ("ao", "dai"),
                     ("vest",), ("nuoc", "hoa"), ("tui",), ("xa",), ("noi", "y"), ("do", "lot"), ("ao",), ("nail",)}
# Benefits and rights of women workers: "chế độ cho lao động nữ", "hỗ trợ lao động nữ nuôi con".
_BENEFIT_BEFORE = {"cho", "che", "ho", "tro", "phu", "voi", "ve", "cua", "bao"}
_HIRING = {"tuyen", "nhan", "can", "uu", "tien", "yeu", "cau", "chi", "danh", "hop", "la", "gioi", "tinh", "only", "hiring",
           "for", "gender", "sex"}
_ENGLISH = {"male", "female", "men", "women", "man", "woman", "lady", "ladies", "gentleman", "gentlemen", "waitress",
            "girls", "boys"}
_GENDER_NOUNS = {("con", "trai"), ("con", "gai"), ("dan", "ong"), ("dan", "ba"), ("phu", "nu")}


def _is_nam_or_nu(word, plain_text):
    if word.written == "nam" or word.written == "nữ":
        return True
    return plain_text and word.written == "nu"  # typed without diacritics: "chi tuyen nu"


def _gender_finding(text, words):
    plain_text = fold(text) == text.lower()
    folded = [word.folded for word in words]
    # A title written In Capitals Throughout says nothing by its capitals; running text capitalizes only names.
    title_case = sum(text[word.start].isupper() for word in words) > 0.6 * len(words)
    both = set()
    for i in range(len(words)):
        # "nam nữ", "nam/nữ", "nam hoặc nữ", "male or female", "men and women": either sex
        for j in (i + 1, i + 2, i + 3) if i not in both else ():
            if j < len(words) and {folded[i], folded[j]} in ({"nam", "nu"}, {"male", "female"}, {"men", "women"}) and (
                    j == i + 1 or set(folded[i + 1:j]) <= {"hoac", "va", "hay", "lan", "or", "and", "ca", "hoặc"}):
                both |= set(range(i, j + 1))
    for i, word in enumerate(words):
        if i in both:
            continue
        previous = folded[i - 1] if i else ""
        following = folded[i + 1] if i + 1 < len(words) else ""
        after_next = folded[i + 2] if i + 2 < len(words) else ""
        if folded[i] in _ENGLISH:
            if following == "s" or (folded[i] in {"man", "woman"} and following not in {"only", ""}):
                continue  # women's fashion, a man-hour
            if folded[i] == "waitress" and previous == "waiter":
                continue  # "Waiter/Waitress": either sex
            return _quote(text, words, i)
        if (previous, folded[i]) in _GENDER_NOUNS and folded[i] != "nu":
            if _hiring_before(folded, i - 1):
                return _quote(text, words, i)
            continue
        if not _is_nam_or_nu(word, plain_text):
            continue
        if previous == "phu" and folded[i] == "nu":  # phụ nữ: women, a noun, wrong only as a hiring condition
            if _hiring_before(folded, i - 1):
                return _quote(text, words, i)
            continue
        place_before = (previous in _PLACE_BEFORE_PLAIN and folded[i - 2:i] != ["lao", "dong"]) if plain_text else (
            i > 0 and words[i - 1].written in _PLACE_BEFORE)
        before = folded[max(i - 2, 0):i] if plain_text else [word.written for word in words[max(i - 2, 0):i]]
        place_before = place_before or bool((_UNIT_WORDS_PLAIN if plain_text else _UNIT_WORDS) & set(before))  # huyện Lục Nam
        if place_before or (folded[i] == "nam" and (following in _PLACE_AFTER or (following, after_next) == ("tu", "liem"))):
            continue  # miền Nam, Nam Định, Nam Từ Liêm, nam châm
        if folded[i] == "nu" and (following in _NU_AFTER or (following, after_next) in {("ho", "sinh"), ("tu", "")}):
            continue  # nữ trang, nữ hộ sinh (a midwife), nữ tu (a nun)
        if i and words[i - 1].written in _PERSON_BEFORE:
            continue
        if not title_case and i and text[word.start].isupper() and text[words[i - 1].start].isupper() and (
                text[words[i - 1].end:word.start] == " "):
            continue  # in running text, "… phường Cam Hiệp Nam", "Công ty Phương Nam": the end of a proper name
        if plain_text and folded[i] == "nam" and (previous.isdigit() or following.isdigit() or previous in {"sinh", "hang", "moi"}):
            continue  # "2 nam kinh nghiem", "sinh nam 1995": a year
        if any(tuple(folded[i - len(before):i]) == before for before in _CLIENTELE_BEFORE if i >= len(before)):
            continue
        if not _hiring_before(folded, i) and set(folded[max(0, i - 3):i]) & _BENEFIT_BEFORE and "lao" in folded[max(0, i - 3):i]:
            continue
        return _quote(text, words, i)
    return None


def _hiring_before(folded, i):
    return bool(set(folded[max(0, i - 3):i]) & _HIRING)


def _quote(text, words, last, first=None):
    """The employer's words from two words before the last one found (or `first`) to it, with a bracket it opened."""
    first = max(0, last - 2) if first is None else first
    start, end = words[first].start, words[last].end
    while end < len(text) and text[end] in ")]_" and text[start:end].count("(") + text[start:end].count("[") > 0:
        end += 1
    while start > 0 and text[start - 1] in "([" and end < len(text) and text[end] in ")]":
        start, end = start - 1, end + 1
    return Finding("gender", text[start:end].strip())


# --- Age --------------------------------------------------------------------------------------------------------------
_NUMBER = r"(\d{1,2})(?:t)?"
_AGE_PATTERNS = [  # each gives the bounds it states; "tuoi" (or "age") is always part of it
    rf"\b(?:do )?tuoi(?: doi| phu hop)?(?: tu)? {_NUMBER}(?: den| to)? {_NUMBER}\b",
    rf"\b(?:tu )?{_NUMBER}(?: den| to)? {_NUMBER} tuoi\b",
    rf"\b(?:do )?tuoi(?: doi)?(?: khong qua| toi da| duoi| tren| tu) {_NUMBER}\b",
    rf"\b(?:duoi|khong qua|toi da|tren|tu du|tu|du|qua) {_NUMBER}(?: tuoi|t)\b",
    rf"\b{_NUMBER} tuoi tro (?:len|xuong|lai)\b",
    r"\bu([2-6]\d)\b",
    r"\b(?:age|aged|under|below|over|above|maximum age|max age|at least|minimum age)(?: of)? (\d{2})(?: (?:to|and) (\d{2}))?"
    r"(?= years| year| yrs|$| |\b)",
]
_AGE = [re.compile(pattern) for pattern in _AGE_PATTERNS]
_BIRTH_YEARS = re.compile(r"\bsinh(?: tu)? nam ((?:19|20)\d\d)\b")


def _age_finding(text, joined, offsets, words, allowed_ages):
    match = _BIRTH_YEARS.search(joined)
    if match:
        return _span_finding("age", text, match, offsets, words)
    for pattern in _AGE:
        for match in pattern.finditer(joined):
            if pattern is _AGE[-1] and not re.search(r"\b(age|aged|years?|yrs)\b", joined[match.start():match.end() + 10]):
                continue
            bounds = [int(value) for value in match.groups() if value]
            if all(bound <= ADULT_AGE for bound in bounds):
                continue  # minors: "đủ 18 tuổi", "không nhận lao động dưới 18 tuổi"
            if allowed_ages and set(bounds) <= set(allowed_ages):
                continue  # the programme's own range, restated
            return _span_finding("age", text, match, offsets, words)
    return None


# --- The other grounds, as folded phrases ----------------------------------------------------------------------------
_PHRASES = {
    "appearance": [
        r"(?<!khong yeu cau )(?<!khong can )\bngoai hinh\b(?! khong (?:quan trong|yeu cau|can|di tat))",
        r"\b(?:ua|de) nhin\b", r"\bxinh(?: xan| dep)?\b", r"\bde thuong\b", r"\bkha ai\b", r"\bcao rao\b", r"\bda trang\b",
        r"\b(?:chieu cao|cao)(?: \w+){0,2} 1m\d{2}\b", r"\bcan nang\b", r"\bdep trai\b",
        r"\bgood looking\b", r"\battractive\b", r"\bpretty\b", r"\bheight\b",
    ],
    "marital_status": [
        r"\b(?:chua|da|nguoi) (?:lap|co) gia dinh\b", r"\b(?:chua|da) (?:ket hon|co chong|co vo)\b",
        r"\b(?:chua|khong) (?:co|nuoi) con nho\b", r"\bdoc than\b", r"\bhon nhan\b", r"\bunmarried\b", r"\bmarital\b",
        r"^single$", r"\bsingle (?:only|status)\b", r"\b(?:be|are|is) single\b",
    ],
    "pregnancy": [
        r"\bkhong (?:dang )?(?:mang thai|co thai|mang bau|co bau|bau bi)\b", r"\b(?:chua|khong) co ke hoach sinh con\b",
        r"\bkhong sinh con\b", r"\bnot pregnant\b", r"\bno pregnan",
    ],
    "ethnicity": [
        r"\b(?:chi|khong|uu tien) (?:tuyen |nhan )?nguoi (?:viet goc )?(?:kinh|hoa|khmer|cham|tay|nung|mong|dan toc)\b"
        r"(?! thieu so)",
        r"\bkhong (?:tuyen|nhan) nguoi dan toc\b", r"\bdan toc kinh\b",
        r"\bnguoi kinh\b(?! (?:doanh|nghiem|te|phi|do|nguyet))", r"\bgoc hoa\b", r"\bno ethnic\b",
    ],
    "religion": [
        r"\b(?:theo|co) (?:dao|ton giao)\b(?! duc)", r"\b(?:tuyen|nhan|uu tien) (?:nguoi )?(?:la )?phat tu\b",
        r"\b(?:no|only) (?:religio|christian|buddhist|muslim)",
    ],
    "disability": [
        r"\bkhong (?:co )?(?:khuyet tat|di tat|tan tat)\b", r"\bkhong (?:tuyen|nhan) nguoi (?:khuyet tat|tan tat)\b",
        r"\b(?:co the|tay chan) lanh lan\b", r"\bno disabilit",
    ],
    "hiv": [
        r"\bkhong (?:nhiem )?hiv\b", r"\bhiv am tinh\b", r"\b(?:giay|ket qua|yeu cau|phieu) xet nghiem hiv\b",
        r"\bhiv negative\b", r"\bhiv free\b",
    ],
}
_COMPILED = {ground: [re.compile(pattern) for pattern in patterns] for ground, patterns in _PHRASES.items()}


def _span_finding(ground, text, match, offsets, words):
    first = offsets[match.start()]
    last = offsets[max(match.start(), match.end() - 1)]
    return Finding(ground, text[words[first].start:words[last].end])


def find_discrimination(text, *, allowed_ages=None):
    """The first wording of `text` that discriminates, as a Finding (its ground and the employer's own words), or None.
    `allowed_ages`: the (minimum, maximum) of the overseas programme the vacancy is for, whose restatement is lawful."""
    if not text or not text.strip():
        return None
    text, words = _words(text)
    if not words:
        return None
    joined, offsets = "", []
    for index, word in enumerate(words):
        if joined:
            joined += " "
            offsets.append(index)
        joined += word.folded
        offsets.extend([index] * len(word.folded))
    finding = _gender_finding(text, words)
    if finding:
        return finding
    finding = _age_finding(text, joined, offsets, words, allowed_ages)
    if finding:
        return finding
    for ground, patterns in _COMPILED.items():
        for pattern in patterns:
            match = pattern.search(joined)
            if match:
                return _span_finding(ground, text, match, offsets, words)
    return None
