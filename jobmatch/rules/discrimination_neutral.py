"""Clauses that name a ground without restricting anyone: a non-discrimination statement ("We do not discriminate on the
basis of pregnancy", "Age is not a barrier: we welcome experienced workers over 50"), a ground waived ("Tình trạng hôn
nhân: không bắt buộc khai"), people said not to be excluded ("Ứng viên lớn tuổi không bị loại nếu …"), the law's duty to
inform women of a job's risks ("Lao động nữ được thông báo đầy đủ về rủi ro …") or a right ("được hưởng").
Such a clause is lawful unless it also restricts: asks for, prefers, limits to, refuses or requires someone ("chỉ",
"only", "ưu tiên", "prefer", "không nhận", "must"). Patterns over text folded without diacritics, its words joined by
single spaces, as in discrimination_phrases.py."""
import re

# The acts that name a ground but restrict nobody.
NEUTRALIZING = re.compile(
    r"\b(?:khong (?:he |bao gio )?phan biet|(?:khong|ko|k|kg|hong) (?:bi |se bi )?loai(?: tru| bo)?|"
    r"khong (?:bat buoc|can|yeu cau)(?: phai)?(?: khai| ghi| neu| cung cap| bao)?$|"  # the ground waived, at the clause's end
    r"khong (?:anh huong|quan trong|quyet dinh)|khong (?:phai )?(?:la )?(?:rao can|tro ngai|"
    r"van de|han che|dieu kien)|(?:duoc|se duoc) (?:thong bao|thong tin|tu van|huong dan|cung cap thong tin|giai thich|huong)|"
    r"(?:do|does|will|would) not (?:discriminate|exclude|matter)|don t (?:discriminate|exclude)|regardless of|"
    r"(?:is|are) not (?:a |an )?(?:barrier|obstacle|requirement|factor|issue|problem)|no (?:barrier|obstacle)|"
    r"(?:is|are|will be|shall be) (?:fully |clearly )?(?:informed|told|advised)\b|"
    r"(?:we )?(?:welcome|encourage|invite)s?\b|equal opportunit\w*|irrespective of|(?:(?:rat|luon|deu|van) )?(?:chao don|"
    r"hoan nghenh|khuyen khich))")
# The acts that restrict someone, in Vietnamese, chat forms and English.
RESTRICTING = re.compile(
    r"\b(?:chi|only|just|uu tien|prefer\w*|khong (?:nhan|tuyen|chap nhan|xet|tiep nhan|phu hop)|ko nhan|k nhan|"
    r"tu choi|loai|han che|gioi han|limit\w*|exclud\w*|reject\w*|refus\w*|must|phai|bat buoc|yeu cau|require[sd]?|"
    r"can tuyen|tuyen|xin mien|mien lien he|need not|no (?:disabled|women|men|female|male|older)|not (?:accepted|considered|"
    r"hired|eligible)|duoi|tren|toi da|toi thieu|max|under|over|"
    # … an age range or bound ("18-25 tuổi", "aged 20-28"), a comparison ("lương cao hơn nữ")
    r"\d+ (?:tuoi|t)|aged|ages? \d+|\d{2} \d{2}|(?:cao|thap|nhieu|it|hon) hon|more than|less than|higher|lower)\b")
# Grounds an employer may welcome or encourage without preferring anyone: groups often kept out (women, older people,
# people with disabilities, ethnic minorities, people living with HIV, pregnant women). Encouraging the single, the young,
# the good-looking, a faith or a region is a preference.
_WELCOMED_GROUNDS = {"gender", "age", "disability", "ethnicity", "hiv", "pregnancy"}
_WELCOMING = re.compile(r"\b(?:welcome|encourage|invite|chao don|hoan nghenh|khuyen khich)s?\b")


def neutral_clause(clause, ground):
    """Whether the folded `clause`, in which `ground` was found, names it without restricting anyone."""
    neutral = [match for match in NEUTRALIZING.finditer(clause) if ground in _WELCOMED_GROUNDS or not _WELCOMING.search(
        match.group(0))]
    if not neutral:
        return False
    rest = clause
    for match in reversed(neutral):
        rest = rest[:match.start()] + " " + rest[match.end():]
    if re.search(r"\b(?:welcome|encourage|invite|chao don|hoan nghenh|khuyen khich|loai)s?\b", " ".join(
            match.group(0) for match in neutral)):
        rest = re.sub(r"\b(?:over|tren) \d+\b", " ", rest)  # older people welcomed, not excluded: "workers over 50"
    return not RESTRICTING.search(rest)
