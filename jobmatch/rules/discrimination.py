"""Job advertisements read as a person reads them: wording that excludes or prefers workers by sex, age, appearance,
marital status, pregnancy, ethnicity, religion, disability or HIV status (Labour Code 2019, Art. 3(8) defines
discrimination, Art. 8(1) forbids it; Decree 12/2022/NĐ-CP, Art. 8 fines it), with the allowances the law and the
overseas programmes make: an age of 18 or under is about minors (hazardous work), a programme's own age range may be
restated, positive measures (priority to ethnic minorities or people with disabilities) are not discrimination.

Text is cut into words at anything that is not a letter or digit (brackets, underscores, dashes, slashes), compared
without diacritics except where they tell words apart ("nam" male, "năm" year), and a finding quotes the employer's
own words. An age limit counts in any wording ("tuổi không vượt quá 40", "giới hạn tuổi: 35", "under 35 only"), an
exclusion ("không nhận", "không tuyển", "không bị", "must not") of people named by any ground counts, and "nam"/"nữ" in a
business's name, a product, a team, a clinic ("nam khoa") or a woman worker's right ("lao động nữ được nghỉ") does not."""
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
                "ninh", "kinh", "viet", "cuc", "son", "khoa"}
# An administrative unit named just before: "huyện Lục Nam", "xã Tân Nam", "phường Nam Hải" is a place.
_UNIT_WORDS = {"huyện", "tỉnh", "xã", "phường", "thị", "trấn", "thôn", "ấp", "khu", "đường", "kcn", "ccn", "tuyến"}
# Without diacritics "tinh" and "duong" are also "(giới) tính" and "(điều) dưỡng": only the unambiguous ones count.
_UNIT_WORDS_PLAIN = {"huyen", "xa", "phuong", "tran", "thon", "ap", "khu", "kcn", "ccn"}
_NU_AFTER = {"trang", "hoang", "quyen", "doanh"}  # nữ trang (jewellery), nữ hoàng, nữ quyền, nữ doanh nhân
# Typed without diacritics, "nam" between these is "năm" (a year): "thưởng cuối năm", "năm nay".
_YEAR_BEFORE = {"sinh", "hang", "moi", "cuoi", "dau", "giua", "trong", "nua", "theo", "tung"}
_YEAR_AFTER = {"nay", "toi", "sau", "truoc", "ngoai", "hoc", "tai"}
_PERSON_BEFORE = {"anh", "chị", "em", "mr", "ms", "mrs", "ông", "bà", "cô", "chú", "bác", "tên"}
# Words after which "nam"/"nữ" name whom goods or services are for: women's fashion, men's haircuts, a women's dormitory.
_CLIENTELE_BEFORE = {("thoi", "trang"), ("quan", "ao"), ("giay",), ("dep",), ("dong", "ho"), ("toc",), ("do",), ("ao", "dai"),
                     ("vest",), ("nuoc", "hoa"), ("tui",), ("xa",), ("noi", "y"), ("do", "lot"), ("ao",), ("nail",),
                     ("xach",), ("vi",), ("my", "pham"), ("trang", "phuc"), ("phu", "kien"), ("dam",), ("vay",), ("mu",),
                     ("trang", "suc"), ("do", "ngu"), ("do", "bo"), ("balo",), ("san", "pham"),
                     # teams and sports: the team is of one sex, the job (a coach, a physiotherapist) is not
                     ("bong", "da"), ("bong", "chuyen"), ("bong", "ro"), ("bong", "ban"), ("cau", "long"), ("quan", "vot"),
                     ("futsal",), ("doi",), ("clb",), ("lac", "bo"), ("doi", "tuyen")}
# A business named just before: "Khách sạn Nam Hải", "Công ty TNHH Thương mại Hoàng Nam", "Trạm dừng chân Nam Hà".
_BUSINESS = {("cong", "ty"), ("cty",), ("tnhh",), ("khach", "san"), ("nha", "hang"), ("nha", "nghi"), ("tram",), ("thuong", "mai"),
             ("cua", "hang"), ("sieu", "thi"), ("tap", "doan"), ("dai", "ly"), ("hop", "tac"), ("htx",), ("doanh", "nghiep"),
             ("co", "so"), ("chi", "nhanh"), ("nha", "may"), ("xuong",), ("quan",), ("resort",), ("hotel",), ("jsc",), ("khu",),
             ("benh", "vien"), ("phong", "kham"), ("trung", "tam"), ("truong",), ("tiem",), ("shop",), ("nha", "thuoc"),
             ("tap", "hoa"), ("nha", "sach"), ("cafe",), ("ca", "phe"), ("spa",), ("salon",), ("phong", "tap"), ("gym",),
             ("ky", "tuc"), ("lac", "bo"), ("clb",), ("studio",), ("hieu",), ("xi", "nghiep"), ("trang", "trai")}
# Words naming a trade between a business and "nam"/"nữ" say whom it hires: "Nhà hàng phục vụ nữ".
_TRADE_WORDS = {"nhan", "vien", "phuc", "vu", "tho", "le", "tan", "ke", "toan", "bao", "ve", "lao", "dong", "cong", "lai", "xe",
                "tap", "ban", "giao", "hang", "kho", "ky", "thuat", "chinh"}
# A woman worker's rights named after "nữ": "lao động nữ được nghỉ", "lao động nữ mang thai", "nuôi con nhỏ".
_RIGHT_AFTER_NU = {("duoc", verb) for verb in ("nghi", "huong", "ho", "cap", "bo", "giam", "chuyen", "kham", "bao", "tang")} | {
    ("mang", "thai"), ("co", "thai"), ("nuoi", "con"), ("sinh", "con"), ("trong", "thoi"), ("trong", "ky"), ("khi", "mang")}
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
            if following in {"welcome", "encouraged"} or (following, after_next) in {("are", "welcome"), ("are", "encouraged")}:
                continue  # "women are encouraged to apply": an invitation, no one is excluded
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
        if _names_no_sex(text, words, folded, i, plain_text, title_case):
            continue
        return _quote(text, words, i)
    return None


def _names_no_sex(text, words, folded, i, plain_text, title_case):
    """Whether "nam"/"nữ" at `i` is part of a place, a name, a product, a team, a clinic or a woman worker's right."""
    word, previous = words[i], (folded[i - 1] if i else "")
    following = folded[i + 1] if i + 1 < len(words) else ""
    after_next = folded[i + 2] if i + 2 < len(words) else ""
    place_before = (previous in _PLACE_BEFORE_PLAIN and folded[i - 2:i] != ["lao", "dong"]) if plain_text else (
        i > 0 and words[i - 1].written in _PLACE_BEFORE)
    before = folded[max(i - 2, 0):i] if plain_text else [word.written for word in words[max(i - 2, 0):i]]
    place_before = place_before or bool((_UNIT_WORDS_PLAIN if plain_text else _UNIT_WORDS) & set(before))  # huyện Lục Nam
    if place_before or (folded[i] == "nam" and (following in _PLACE_AFTER or (following, after_next) == ("tu", "liem"))):
        return True  # miền Nam, Nam Định, Nam Từ Liêm, nam châm, nam khoa
    if folded[i] == "nu" and (following in _NU_AFTER or (following, after_next) in {("ho", "sinh"), ("tu", "")}):
        return True  # nữ trang, nữ hộ sinh (a midwife), nữ tu (a nun)
    if i and words[i - 1].written in _PERSON_BEFORE:
        return True
    capital = text[word.start].isupper()
    if not title_case and i and capital and text[words[i - 1].start].isupper() and text[words[i - 1].end:word.start] == " ":
        return True  # in running text, "… phường Cam Hiệp Nam", "Công ty Phương Nam": the end of a proper name
    if capital and following not in _TRADE_WORDS | _HIRING and _in_business_name(text, words, folded, i):
        return True  # "Khách sạn Nam Hải", "Công ty TNHH Thương mại Hoàng Nam"
    if following in {"tuyen", "can"} and text[word.end:words[i + 1].start] == " " and _in_business_name(text, words, folded, i):
        return True  # "Cơ sở massage nam cần kế toán": the sex describes the business that hires, not whom it hires
    if folded[max(0, i - 2):i] == ["danh", "cho"] and _in_business_name(text, words, folded, i - 2):
        return True  # "Spa dành cho nữ": its clients
    if plain_text and folded[i] == "nam" and (
            previous.isdigit() or following.isdigit() or previous in _YEAR_BEFORE or following in _YEAR_AFTER):
        return True  # "2 nam kinh nghiem", "sinh nam 1995": a year
    if any(tuple(folded[i - len(before):i]) == before for before in _CLIENTELE_BEFORE if i >= len(before)):
        return True  # túi xách nữ, bóng đá nữ, đội bóng chuyền nam
    if folded[i] == "nu" and (following, after_next) in _RIGHT_AFTER_NU and text[word.end:words[i + 1].start] == " " and not (
            set(folded[max(0, i - 3):i]) - {"nhan", "vien", "lao", "dong", "cong"}) & _HIRING:
        return True  # "lao động nữ được nghỉ …", "nhân viên nữ mang thai": a woman worker's right, not a condition
    if _hiring_before(folded, i):
        return False
    return bool(set(folded[max(0, i - 3):i]) & _BENEFIT_BEFORE and "lao" in folded[max(0, i - 3):i])  # chế độ cho lao động nữ


def _in_business_name(text, words, folded, i):
    """Whether a business is named in the few words before `i`, with no punctuation, hiring word or trade between."""
    for first in range(max(0, i - 5), i):
        for length in (1, 2):
            if first + length > i or tuple(folded[first:first + length]) not in _BUSINESS:
                continue
            if not set(folded[first + length:i]) & (_HIRING | _TRADE_WORDS) and not re.search(
                    r"[^\w\s]", text[words[first].end:words[i].start]):
                return True
    return False


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
# Words that may stand between "tuổi" and its bounds: "tuổi không vượt quá 40", "độ tuổi lý tưởng 25-32", "giới hạn tuổi: 35".
_AGE_QUALIFIER = (r"(?: (?:doi|phu hop|ly tuong|yeu cau|tuyen dung|ung vien|lao dong|toi da|toi thieu|khong vuot qua|vuot qua|"
                  r"khong qua|khong duoi|khong tren|duoi|tren|tu du|tu|du|la|khoang|trong khoang|nam trong|gioi han|tot nhat|"
                  r"uu tien|quy dinh|tu nam|nho hon|lon hon|it hon|cao hon|mong muon|can|phai|ap dung))*")
_BELOW_OR_ABOVE = r"(?:duoi|khong qua|khong vuot qua|vuot qua|toi da|tren|tu du|tu|du|qua|ngoai|khong duoi|khong tren|toi thieu)"
_ENGLISH_LIMIT = (r"(?:under|below|over|above|between|from|younger than|older than|not older than|no older than|not over|up to|"
                  r"at most|at least|no more than|less than|more than)")
_AGE_PATTERNS = [  # each gives the bounds it states; "tuoi" (or "age", "years old") is always part of it
    rf"\b(?:gioi han |do |muc )?tuoi{_AGE_QUALIFIER} {_NUMBER}(?:(?: den| to| toi)? {_NUMBER})?\b",
    rf"\b(?:tu )?{_NUMBER}(?: den| to| toi)? {_NUMBER} tuoi\b",
    rf"\b{_BELOW_OR_ABOVE} {_NUMBER}(?: tuoi|t)\b",
    rf"\b{_NUMBER} tuoi tro (?:len|xuong|lai)\b",
    r"\bu([2-6]\d)\b",
    # a bound right after the people it limits, with "tuổi" left out: "chỉ nhận lao động dưới 40", "nam nữ từ 20 đến 35"
    r"\b(?:lao dong|ung vien|nguoi|nhan vien|cong nhan|nu) (?:duoi|tren|khong qua|khong vuot qua|toi da|tu) (\d{2})"
    r"(?:(?: den| toi)? (\d{2}))?\b(?! (?:trieu|tr|nghin|ngan|k|nam|thang|ngay|gio|phut|kg|m|cm|km|tan|nguoi|usd|lao|ung|nhan|cong|"
    r"den|toi|\d))",
    r"\b(?:age|aged|ages|age limit|age range|maximum age|max age|minimum age|min age)(?: (?:of|is|limit|range|requirement|between|"
    rf"from|{_ENGLISH_LIMIT}))* (\d{{2}})(?: (?:to|and|or))?(?: (\d{{2}}))?\b",
    rf"\b{_ENGLISH_LIMIT}(?: the age of)? (\d{{2}})(?: (?:to|and|or) (\d{{2}}))?"
    r"(?= (?:years? old|years? of age|yrs? old|yo|y o|only|or (?:younger|older|under|less|below|above))\b)",
    r"\b(?:applicants?|candidates?|be|are) (?:must be |should be )?"
    rf"(?:aged? )?{_ENGLISH_LIMIT} (\d{{2}})(?: (?:to|and) (\d{{2}}))?\b",
]
_AGE = [re.compile(pattern) for pattern in _AGE_PATTERNS]
_RETIREMENT = re.compile(r"\b(?:nghi|luong|tuoi|ve) huu\b|\bhuu tri\b|\bretire")
_BIRTH_YEARS = re.compile(r"\b(?:sinh|nam sinh|born)(?: (?:tu|sau|truoc|trong|khoang|nam|after|before|between|in|from))* ((?:19|20)\d\d)\b")


def _age_finding(text, joined, offsets, words, allowed_ages):
    match = _BIRTH_YEARS.search(joined)
    if match:
        return _span_finding("age", text, match, offsets, words)
    for pattern in _AGE:
        for match in pattern.finditer(joined):
            if _RETIREMENT.search(joined[max(0, match.start() - 30):match.end() + 30]):
                continue  # "lương hưu khi đủ 60 tuổi": the law's retirement age, not the employer's limit
            bounds = [int(value) for value in match.groups() if value]
            if all(bound <= ADULT_AGE for bound in bounds):
                continue  # minors: "đủ 18 tuổi", "không nhận lao động dưới 18 tuổi"
            if allowed_ages and set(bounds) <= set(allowed_ages):
                continue  # the programme's own range, restated
            return _span_finding("age", text, match, offsets, words)
    return None


# --- The other grounds, as folded phrases ----------------------------------------------------------------------------
# An exclusion ("không nhận hồ sơ người …", "không tuyển lao động đã …", "từ chối …") of people named by a protected ground.
_REFUSE = (r"\b(?:khong (?:nhan|tuyen|chap nhan|xet|tiep nhan|danh cho|phu hop (?:voi|cho)|su dung|uu tien)|tu choi|loai (?:bo|tru))"
           r"(?: (?:ho so|ung vien|nguoi|lao dong|cong nhan|nhan vien|cac|nhung|ban|truong hop|doi tuong|la|thuoc|co|da|dang|"
           r"bi|dong bao|phu nu|chi em|nu|nam|ca nhan|sinh vien|nhiem|mac|mang|benh))* ")
# … or a refusal after them: "người tàn tật không phù hợp", "người có thai xin miễn liên hệ".
_REFUSED_AFTER = r" (?:\w+ )?(?:xin )?(?:khong phu hop|khong (?:duoc )?(?:nhan|tuyen)|mien (?:lien he|ung tuyen)|need not apply)\b"
_EXCLUDED = {
    "age": r"(?:lon tuoi|cao tuoi|trung nien|nguoi gia|tre tuoi)\b",
    "marital_status": r"(?:co (?:con|gia dinh|chong|vo)(?! (?:dau|so))|con nho|ket hon|lap gia dinh|ly hon|ly di|doc than|"
                      r"(?:me|bo) don than|me bim(?: sua)?)\b",
    "pregnancy": r"(?:mang thai|co thai|mang bau|co bau|bau bi|bau|thai phu|ba bau|dang nuoi con)\b",
    "ethnicity": r"(?:dan toc|nguoi (?:kinh|hoa|khmer|cham|tay|nung|mong|thai|dao|muong|ede|gia rai|ba na))\b"
                 r"(?! (?:nghiem|doanh|te|phi|hong))",
    "religion": r"(?:theo dao|co dao|ton giao|cong giao|tin lanh|phat giao|hoi giao)\b",
    "disability": r"(?:khuyet tat|tan tat|tat nguyen|di tat|khiem khuyet|khiem thi|khiem thinh|tan phe|thuong tat|di hinh)\b",
    "hiv": r"(?:hiv|aids)\b",
}
# Health conditions an employer may not require the absence of: "không bị khuyết tật", "không bị nhiễm HIV".
_NOT_HAVING = r"\bkhong (?:(?:bi |mac |co |mang |nhiem |benh )+(?:(?!phan biet|ky thi|su )\w+ ){0,3}?)?"
_ENGLISH_NOT = (r"\b(?:not|no|never|non)(?: (?:be|being|been|get|getting|become|becoming|currently|plan|plans|planning|intend|"
                r"intending|intention|to|for|of|any|have|having))* ")
_PHRASES = {
    "age": [
        r"\b(?:uu tien|chi tuyen|chi nhan|tuyen|can tuyen|yeu cau|chi can)(?: (?:cac|ung vien|nguoi|lao dong|nhan vien|ban|"
        r"cong nhan|sinh vien|nu|nam|thanh nien|la))* (?:tre tuoi|con tre|tuoi doi tre|tre trung)\b",
        r"\bung vien tre tuoi\b", r"\byoung (?:and \w+ )?(?:applicants?|candidates?|staff|workers?|women|men|girls?|boys?|ladies)\b",
        r"\b(?:must|should) be young\b", r"\b(?:older|younger) than (?:\d{2})\b",
    ],
    "appearance": [
        r"(?<!khong yeu cau )(?<!khong can )\bngoai hinh\b(?! khong (?:quan trong|yeu cau|can|di tat))",
        r"\b(?:ua|de) nhin\b", r"\bxinh(?: xan| dep)?\b", r"\bde thuong\b", r"\bkha ai\b", r"\bcao rao\b", r"\bda trang\b",
        r"\b(?:chieu cao|cao)(?: \w+){0,2} 1m\d{2}\b", r"\bcan nang\b", r"\bdep trai\b",
        r"\bgood looking\b", r"\battractive\b", r"\bpretty\b", r"\bheight\b",
    ],
    "marital_status": [
        r"\b(?:chua|da|nguoi) (?:lap|co) gia dinh\b", r"\b(?:chua|da) (?:ket hon|co chong|co vo)\b",
        r"\b(?:chua|khong) (?:co|nuoi) con nho\b", r"\bchua co con\b", r"\bchua (?:chong|vo)\b", r"\bdoc than\b", r"\bhon nhan\b",
        r"\b(?:chua|khong) co (?:ke hoach|du dinh|y dinh) (?:lap gia dinh|ket hon|cuoi)\b",
        r"\bunmarried\b", r"\bmarital\b", r"^single$", r"\bsingle (?:only|status)\b", r"\b(?:be|are|is) single\b",
        r"\b(?:single|married) (?:applicants?|candidates?|women|men|females?|males?|persons?|ladies|girls|couples? only)\b",
        r"\b(?:be|are|is|not) married\b", r"(?<!or )\b(?:no|without|not have|not having) (?:young |small )?(?:children|kids)\b",
    ],
    "pregnancy": [
        r"\bkhong (?:dang |duoc )?(?:mang thai|co thai|mang bau|co bau|bau bi)\b",
        r"\b(?:chua|khong) co (?:ke hoach|du dinh|y dinh) (?:sinh con|mang thai|co thai|co con|sinh em be|co em be)\b",
        r"\bkhong sinh con\b", _ENGLISH_NOT + r"?pregnan",
        r"\bpregnan\w* (?:women |applicants |candidates |workers )?(?:need not|should not|must not|cannot|may not|are not|will not)\b",
    ],
    "ethnicity": [
        r"\b(?:chi|khong) (?:tuyen |nhan )?nguoi (?:viet goc )?(?:kinh|hoa|khmer|cham|tay|nung|mong|dan toc)\b(?! thieu so)",
        r"\buu tien (?:tuyen |nhan )?nguoi (?:viet goc|kinh)\b",  # priority to minorities is a positive measure, to the Kinh is not
        r"\bkhong (?:tuyen|nhan) nguoi dan toc\b", r"\bdan toc kinh\b",
        r"\bnguoi kinh\b(?! (?:doanh|nghiem|te|phi|do|nguyet))", r"\bgoc hoa\b", r"\bno ethnic\b",
        r"\b(?:only|no) kinh\b", r"\bkinh (?:people|applicants|candidates) only\b",
    ],
    "religion": [
        r"\b(?:theo|co) (?:dao|ton giao)\b(?! duc)", r"\b(?:tuyen|nhan|uu tien) (?:nguoi )?(?:la )?phat tu\b",
        r"\b(?:no|only) (?:religio|christian|buddhist|muslim)",
    ],
    "disability": [
        _NOT_HAVING + _EXCLUDED["disability"], r"\b(?:co the|tay chan|chan tay) lanh lan\b", r"\bno (?:physical |mental )?disabilit",
        r"\b(?:not|non) (?:be )?(?:disabled|handicapped)\b", r"\bable bodied\b",
        r"\b(?:must|should) not have (?:a |any )?(?:physical )?(?:disabilit|handicap)",
    ],
    "hiv": [
        _NOT_HAVING + r"(?:hiv|aids)\b", r"\bhiv am tinh\b", r"\b(?:giay|ket qua|yeu cau|phieu) xet nghiem hiv\b",
        r"\bhiv negative\b", r"\bhiv free\b", r"\bno hiv\b", r"\bnot (?:be |have )?hiv\b",
        r"\bhiv (?:test|testing|screening) (?:required|mandatory|certificate)\b",
    ],
}
for _ground, _words_of in _EXCLUDED.items():
    _PHRASES[_ground] += [_REFUSE + _words_of, r"\b" + _words_of + _REFUSED_AFTER]
# A statement that the employer does not discriminate names the grounds it does not look at.
_NON_DISCRIMINATION = re.compile(r"\b(?:khong phan biet|bat ke|bat luan|regardless of|irrespective of|without regard to|no matter)\b")
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
            for match in pattern.finditer(joined):
                if not _NON_DISCRIMINATION.search(_clause_before(text, words[offsets[match.start()]].start)):
                    return _span_finding(ground, text, match, offsets, words)
    return None


def _clause_before(text, start):
    """The folded words of the clause (up to the last punctuation) before `start`."""
    return fold(re.split(r"[,.;:!?\n]", text[:start])[-1])
