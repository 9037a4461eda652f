"""Exclusions written around the people they exclude, for every ground: a refusal before them ("không nhận người ngồi xe
lăn", "We do not hire union members", "Not accepting applicants from the central provinces") or after them, a few words
later ("Người khuyết tật vận động không phù hợp cho vị trí …", "người H'Mông, Dao vui lòng không ứng tuyển", "Applicants
of Muslim faith need not apply", "… will not be considered"); a refusal said not to be made is none ("không từ chối",
"không loại trừ"). The ethnic groups are the 54 of the product's reference list (jobmatch/reference_data/ethnic_groups.csv).
Patterns over text folded without diacritics, its words joined by single spaces, as in discrimination_phrases.py."""
import csv
import re
from pathlib import Path

from jobmatch.rules.job_title import fold

ETHNIC_GROUPS_FILE = Path(__file__).resolve().parent.parent / "reference_data" / "ethnic_groups.csv"

# --- Refusals -----------------------------------------------------------------------------------------------------------
_NEGATED = r"(?<!khong )(?<!khong duoc )(?<!khong he )(?<!se khong )(?<!chua )(?<!chua tung )"  # "không từ chối", "không loại"
REFUSE = (r"\b(?:khong (?:nhan|tuyen|chap nhan|xet|tiep nhan|danh cho|phu hop(?: voi| cho)?|su dung|"
          r"uu tien)|"
          rf"{_NEGATED}tu choi|{_NEGATED}loai (?:bo|tru))"
          r"(?: (?:ho so|ung vien|nguoi|lao dong|cong nhan|nhan vien|cac|nhung|ban|truong hop|doi tuong|la|thuoc|co|da|dang|"
          r"bi|dong bao|phu nu|chi em|nu|nam|ca nhan|dien|sinh vien|nhiem|mac|mang|benh|trong|nghi|xam|theo|anh|chi|em|chu|bac|ong|ba|"
          r"ai))* ")
CONTACT = (r"(?:ung tuyen|nop (?:ho so|don|cv)|gui (?:ho so|cv)|lien he|apply|inbox|inb|ib|nhan tin|goi(?: dien)?|call|"
           r"text|pm|dang ky|dang ki|hoi|xin viec|tham gia|den phong van)")
# The refusal itself, said after the people: "không phù hợp", "vui lòng không ứng tuyển", "need not apply", "will not be
# considered", "sẽ bị loại".
REFUSAL = (r"(?:xin |vui long |xin vui long |lam on |please |thong cam |thong cam va )?(?:(?<!se )(?:khong|chua) phu hop|"
           rf"mien {CONTACT}|xin mien\b(?! (?:phi|giam|thue|tru)\b)|xin phep (?:khong|chua) nhan|xin phep tu choi|(?:se )?bi loai|"
           rf"khong (?:duoc |can |nen )?(?:nhan|tuyen|xet|{CONTACT})|"
           rf"dung {CONTACT}|khoi {CONTACT}|thi thoi|thong cam (?:nhe|nha|nhen|a|giup|cho)\b|"
           r"(?:xin|mong|mong duoc) thong cam|(?:need|do|should|must|may) not apply|don t apply|cannot apply|"
           r"(?:are |is |will |would )?not (?:be )?(?:accepted|considered|hired|eligible)|won t be (?:accepted|considered|hired))\b")
# … up to three words after them, the people described further ("có con nhỏ dưới 3 tuổi", "khuyết tật vận động"), but not
# across another "không", a month of a child's age (the law's protection: "nuôi con dưới 12 tháng") or a clause's "nhưng".
REFUSED_AFTER = r"(?: \w+)?(?: (?!khong\b|thang\b|nhung\b|duoc\b|but\b)\w+){0,2}? " + REFUSAL
# The people each "refused after" pattern names before its refusal, by pattern: what stands between is checked to be in
# their clause (discrimination.py).
PEOPLE_BEFORE_REFUSAL = {}


def refused_after(people):
    """A pattern of `people` refused a few words after them, in their clause."""
    pattern = rf"\b(?:{people})" + REFUSED_AFTER
    PEOPLE_BEFORE_REFUSAL[pattern] = re.compile(rf"(?:{people})")
    return pattern


# --- Ethnic groups ------------------------------------------------------------------------------------------------------


def _ethnic_names():
    """The 54 groups' names, folded ("h mong", "kho me", "bru van kieu"), with their spellings written as one word
    ("hmong", "ede") or without the "H'" ("mong"), and "khmer"."""
    with ETHNIC_GROUPS_FILE.open(newline="", encoding="utf-8") as groups_file:
        names = {" ".join(re.findall(r"[^\W_]+", fold(row["name"]))) for row in csv.DictReader(groups_file)}
    spellings = set(names) | {"khmer", "van kieu", "jrai"}
    for name in names:
        parts = name.split()
        if len(parts) > 1:
            spellings.add("".join(parts))
            if len(parts[0]) == 1:
                spellings.add(" ".join(parts[1:]))
    return spellings


ETHNIC_NAMES = _ethnic_names()
# Names that are also common words after "người" ("người có …", "người lao động", "người mang thai", "người thợ", "người
# ngại khó", "người có hộ khẩu"): counted only after "dân tộc", "đồng bào", "sắc tộc".
_COMMON_WORDS = {"co", "tho", "lao", "mang", "cong", "ma", "khang", "lu", "chut", "giay", "ngai", "co lao", "co ho", "co tu",
                 "la chi", "la ha", "la hu", "phu la", "o du", "bo y", "cho ro", "ta oi", "xinh mun", "si la", "lo lo", "colao",
                 "coho", "cotu", "lachi", "laha", "lahu", "phula", "odu", "boy", "choro", "taoi", "xinhmun", "sila", "lolo"}


def _alternatives(names):
    return "|".join(sorted(names, key=lambda name: (-len(name), name)))


_PEOPLE_NAMES = _alternatives(ETHNIC_NAMES - _COMMON_WORDS)
# People named by their group, and those listed after them: "người H'Mông, Dao", "dân tộc Cơ-ho", "đồng bào Khơ-mú".
ETHNIC_PEOPLE = (rf"(?:(?:dan toc|dong bao|sac toc)(?: thieu so)?(?: (?:{_alternatives(ETHNIC_NAMES)}))?|"
                 rf"(?:nguoi|goc) (?:{_PEOPLE_NAMES}))"
                 rf"(?:(?: va| hoac| hay)? (?:{_PEOPLE_NAMES}))*\b(?! (?:nghiem|doanh|te|phi|hong|dong|nguyen|binh|lan|ky)\b)")

# --- In English -----------------------------------------------------------------------------------------------------------
# The people of each ground, as English names them (people, not the ground: "disabilities", not "disability").
_ENGLISH_PEOPLE = {
    "disability": r"disabilities|disabled|handicapped|(?:with|having|has|have) (?:a |any )?(?:disability|handicap)|"
                  r"wheelchairs?|wheelchair users?|deaf|blind|hearing impair\w*|"
                  r"visual(?:ly)? impair\w*|mobility impair\w*|impairments",
    "religion": r"muslims?|islamic|christians?|catholics?|protestants?|buddhists?|hindus?|jewish|jews|caodaists?|"
                r"(?:\w+ )?(?:faith|religious beliefs)",
    "union": r"(?:trade |labou?r )?union (?:members?|activists?|officials?|representatives?|leaders?|organi[sz]ers?)|unionists?|"
             r"(?:members|officials) of (?:a |any |the )?(?:trade |labou?r )?unions?",
    "ethnicity": r"ethnic minorit\w*|minorities|hmong|khmer|ede|muong|nung|(?:ethnic \w+|\w+ ethnic) (?:people|applicants|candidates|"
                 r"groups?)",
    "origin": r"(?:the )?(?:north|south|central|northern|southern) (?:provinces?|regions?|vietnam|highlands)|the (?:north|south|"
              r"countryside)|rural (?:areas?|provinces)|other provinces|northerners|southerners|the mekong delta|"
              r"(?:the )?provinces",
    "marital_status": r"(?:young|small|little) (?:children|kids)|children under \d+|(?:elderly|aging|ageing|sick) parents|"
                      r"(?:caring|care|family) (?:responsibilities|commitments|obligations|duties)|single (?:mothers|parents|moms)",
}
# A refusal before them ("We do not hire union members", "Not accepting applicants from …"), not a promise not to
# discriminate ("We do not hire based on religion", "do not accept discrimination against disabled people").
_REFUSE_BEFORE_EN = (r"\b(?:do not|don t|does not|doesn t|will not|won t|cannot|can t|never|not|no longer) (?:hire|hiring|employ|"
                     r"employing|accept|accepting|recruit|recruiting|want)"
                     r"(?: (?!discrimin|against|harass|retaliat|bias|based|basis|because|due|regardless|reject|exclud|penali|"
                     r"consider)\w+){0,4}? ")
_REFUSED_AFTER_EN = (r"(?: (?!welcom|encourag|invit|but\b|however|others\b|and\b)\w+){0,3}? "
                     r"(?:(?:need|should|must|may|do|please do) not apply|don t apply|cannot apply|"
                     r"(?:will|would|are|is) not (?:be )?(?:accepted|considered|hired|eligible)|won t be (?:accepted|considered|hired)|"
                     r"(?:are|is) not (?:welcome|suitable))\b")


def patterns():
    """{ground: [pattern, …]} of the refusals around the people of each ground, in English and Vietnamese, that
    discrimination_phrases.py adds to its own (the Vietnamese wording of each ground's people is its own)."""
    found = {ground: [rf"{_REFUSE_BEFORE_EN}(?:{people})\b", rf"\b(?:{people}){_REFUSED_AFTER_EN}"]
             for ground, people in _ENGLISH_PEOPLE.items()}
    found["ethnicity"] += [REFUSE + ETHNIC_PEOPLE, refused_after(ETHNIC_PEOPLE)]
    found["marital_status"] += [REFUSE + FAMILY_DUTIES, refused_after(FAMILY_DUTIES)]
    return found


# Family responsibilities (Labour Code 2019, Art. 3(8)): a parent, a relative to care for, small children, the candidate's
# own ("phải chăm sóc cha mẹ già", "có bố mẹ già"), not the work ("chăm sóc bé" is a nanny's).
FAMILY_DUTIES = (r"(?:co (?:cha me|bo me|ong ba|nguoi than) (?:gia|om|benh|yeu)\b|"
                 r"(?:phai|dang|dang phai|con phai|co) (?:cham soc|cham|nuoi|phung duong|trong|lo cho|dua don) (?:\w+ )?(?:cha me|bo me|"
                 r"ong ba|nguoi than|nguoi nha|nguoi gia|nguoi benh|con nho|con cai|con|chong con|em nho|be)"
                 r"(?: (?:gia|om|benh|nho|dau|yeu))?\b)")
