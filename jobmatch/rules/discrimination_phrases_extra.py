"""Yet more wording of the grounds (generalized from HELD-OUT-10's misses), as patterns over text folded without diacritics,
its words joined by single spaces (as in discrimination_phrases.py, which adds them to its own): a region of origin in
English ("Applicants from the North only", "Northerners preferred"); a cap of age without "tuổi" after a preference
("ưu tiên dưới 30"); sensory disabilities listed and refused ("Ứng viên khiếm thị, khiếm thính xin miễn liên hệ", "No
disabled applicants"); plans to have a child refused ("có kế hoạch sinh con trong năm nay không phù hợp"); a religion's
followers preferred after them ("Ứng viên là Phật tử sẽ được ưu tiên"); one sex in brackets closing a job title ("Thu ngân
(Nữ) – ca xoay"); a count of men typed without diacritics before a trade ("Tuyen gap 3 nam phu ho")."""
import re

from jobmatch.rules import discrimination_refusals as refusals
from jobmatch.rules.job_title import fold

# --- A region of origin, in English ------------------------------------------------------------------------------------
_REGION = r"(?:the )?(?:north|south|centre|center|central (?:region|provinces|vietnam)|northern \w+|southern \w+)"
_REGION_PEOPLE = r"(?:northerners|southerners|northern|southern)"
_PEOPLE_EN = r"(?:applicants|candidates|people|workers|staff|persons|those|employees|hires)"
# --- Sensory and other disabilities, listed ------------------------------------------------------------------------------
_IMPAIRED = r"(?:khiem thi|khiem thinh|mu loa|cam diec|diec|khuyet tat(?: van dong| tri tue)?|tan tat|khiem khuyet)"
_IMPAIRED_LIST = (rf"(?:(?:nguoi|ung vien|lao dong|ban) )?{_IMPAIRED}(?: (?:va|hoac|hay|and|or))? {_IMPAIRED}"
                  rf"(?: (?:va|hoac|hay) {_IMPAIRED})?")
# --- Plans to have a child -----------------------------------------------------------------------------------------------
_CHILD_PLAN = (r"(?:co |dang co )?(?:ke hoach|du dinh|y dinh|dinh) (?:sinh con|co con|sinh em be|co em be|mang thai|co thai|"
               r"sinh them|de|sinh)\b(?: (?:trong|vao)(?: \w+){1,3}?)?")  # "… trong 2 năm tới"
_CHILD_PLAN_EN = (r"(?:planning|plans?|intending|intend|intends) (?:to )?(?:have |having )?(?:a baby|children|a child|kids|"
                  r"pregnan\w*|to get pregnant)")
# --- A religion's followers ----------------------------------------------------------------------------------------------
_FOLLOWERS = (r"(?:phat tu|con chien|tin do(?: \w+)?|giao dan|tin huu|nguoi (?:theo|co) (?:dao|dao phat|dao thien chua|"
              r"cong giao|tin lanh|hoi giao|cao dai|hoa hao)|nguoi cong giao|nguoi tin lanh)")

PHRASES = {
    "origin": [
        rf"\b{_PEOPLE_EN} (?:who are |who come |coming )?from {_REGION} only\b",
        rf"\bonly (?:\w+ ){{0,2}}{_PEOPLE_EN} (?:from|of) {_REGION}\b",
        rf"\b{_REGION_PEOPLE} (?:{_PEOPLE_EN} )?(?:only|preferred)\b", r"\bno (?:northerners|southerners)\b",
        rf"\bprefer\w* (?:{_PEOPLE_EN} from {_REGION}|northerners|southerners)\b",
        rf"\bnot (?:hiring|accepting|considering) (?:{_PEOPLE_EN} )?from {_REGION}\b",
    ],
    "disability": [
        refusals.refused_after(_IMPAIRED_LIST), refusals.REFUSE + _IMPAIRED_LIST,
        rf"\bno (?:disabled|handicapped|deaf|blind)(?: {_PEOPLE_EN})?\b(?! (?:access|parking|toilets?|facilit\w*|ramps?|"
        r"friendly|spaces?|entrance|bathrooms?)\b)",
    ],
    "pregnancy": [
        refusals.refused_after(_CHILD_PLAN), refusals.REFUSE + _CHILD_PLAN,
        r"\b(?:cam ket|yeu cau|phai|uu tien)(?: \w+){0,3}? (?:khong|chua) (?:co )?(?:ke hoach|du dinh|y dinh) (?:sinh|co con|mang thai|"
        r"co thai|co em be)",
        rf"\b(?:no|not) {_CHILD_PLAN_EN}\b", rf"\b{_CHILD_PLAN_EN}(?: \w+){{0,4}}? (?:need not|should not|please do not|"
        r"will not be|are not|is not suitable|not suitable)\b",
    ],
    "religion": [
        rf"\b{_FOLLOWERS}(?: \w+){{0,2}}? (?:se |thi )?(?:duoc |deu duoc )?uu tien\b(?! (?:phong|cho|bep|an|nghi|chon|dang ky|su dung|"
        r"lay|nhan suat|xep|dat|mua|giam|ve|suat|lich|nghi le)\b)",  # a benefit: "Phật tử được ưu tiên chọn suất chay"
        rf"\b(?:uu tien|chi nhan|chi tuyen)(?: \w+){{0,2}}? (?:la )?{_FOLLOWERS}",
    ],
}
# A cap of age after a preference, without "tuổi": "ưu tiên dưới 30", "chỉ nhận dưới 35" (not "dưới 30 triệu", "dưới 5km").
AGE = [r"\b(?:uu tien|chi nhan|chi tuyen|chi|prefer\w*|preferably) (?:duoi|under|below) (\d{2})\b(?! (?:trieu|tr|k|nghin|ngan|"
       r"dong|vnd|usd|km|m|kg|phut|gio|ngay|thang|nam kinh|nguoi|%|cm|m2|years? (?:of )?(?:experience|exp)|minutes?|hours?|"
       r"days?|months?|km)\b)"]

# One sex in brackets after a job title, closing it: "Thu ngân siêu thị mini (Nữ) – ca xoay", "Phụ bếp (nam), lương 7tr"
# (not goods or rooms of one sex: "Thời trang (nữ) – giày dép", "KTX (nữ)", nor both: "(Nam/Nữ)").
_BRACKETED_SEX = re.compile(r"\((?:nữ|nu|nam)\)(?=\s*(?:[-–—,:;|]|$))", re.IGNORECASE)
_NOT_A_TITLE = re.compile(r"\b(?:thoi trang|quan ao|ao|giay|dep|tui|my pham|do lot|vay|dam|nuoc hoa|dong ho|phong|ktx|"
                          r"ky tuc xa|nha ve sinh|wc|toilet|size|team|benh nhan|khach|do|hang|san pham)\b")
# A count of men typed without diacritics before a trade, after a hiring word: "Tuyen gap 3 nam phu ho" (not "can 3 nam kinh
# nghiem", years).
_COUNTED_MEN = re.compile(r"\b(?:tuyen|can|nhan)(?: (?:gap|them|ngay|gap gap))? (\d{1,2} nam) (?:phu ho|tho|lao dong|cong nhan|"
                          r"bao ve|tai xe|lai xe|boc xep|boc vac|nhan vien|nv|phu bep|phuc vu|giao hang|shipper|ban hang|"
                          r"ky thuat|ky su|dong goi|tap vu|thu kho|tiep thi|pg|le tan|phu xe|lao cong)\b")


def bracketed_or_counted_sex(text, plain_text):
    """The employer's words naming one sex in brackets after a job title, or a count of men typed without diacritics before
    a trade, or None."""
    for match in _BRACKETED_SEX.finditer(text):
        before = " ".join(re.findall(r"[^\W_]+", fold(re.split(r"[-–—,;:|]", text[:match.start()])[-1])))
        others = fold(text[:match.start()] + " " + text[match.end():])  # both sexes: "sơ mi (nam), áo dài (nữ)"
        if before and not _NOT_A_TITLE.search(before) and not re.search(r"\b(?:nam|nu)\b", others):
            return text[match.start():match.end()]
    if plain_text:
        match = _COUNTED_MEN.search(" ".join(re.findall(r"[^\W_]+", text.lower())))
        if match:
            return match.group(1)
    return None
