"""More wording of the grounds, as patterns over text folded without diacritics, its words joined by single spaces (as in
discrimination_phrases.py, which adds them to its own): a state after childbirth ("đang ở cữ", "hậu sản", "vừa sinh
con"), a rural or urban upbringing ("xuất thân từ nông thôn"), a family's wealth or class ("con em gia đình khá giả"; the
poor refused), a named majority group preferred ("Ưu tiên người Hoa",
"người Kinh"; not a measure for ethnic minorities), an HIV test demanded in English, non-religious people only; and the
lawful sayings around a ground: that it does not count ("Tình trạng hôn nhân không ảnh hưởng đến kết quả tuyển dụng",
"… are not considered in hiring"), that either is welcome ("đã lập gia đình hay độc thân đều được"), that people of an
age are still welcome ("Ứng viên trên 40 tuổi vẫn được khuyến khích ứng tuyển"), that it is not asked ("We do not ask
about …"), a facility for whom it serves ("bếp ăn chay cho nhân viên theo đạo Phật"), an overseas age range the receiving
country sets ("theo quy định của địa phương tiếp nhận")."""
import re

from jobmatch.rules import discrimination_refusals as refusals

# --- After childbirth (Labour Code 2019, Art. 137: a woman's maternity is protected) ---------------------------------------
POSTNATAL = (r"(?:(?:vua|moi|dang|con) (?:sinh|de)(?: con| em be| be| xong)?|(?:dang |con |trong )?o cu(?! chi| da| tri)|"
             r"hau san|(?:moi |vua )?sau sinh|(?:dang )?nuoi con so sinh)\b")
_POSTNATAL_EN = r"(?:new mothers?|postpartum|post natal|(?:recently |just )?(?:given|gave) birth|recent mothers?)"
# --- Where one grew up: the countryside or a town (social origin) ----------------------------------------------------------
_RURAL = r"(?:nong thon|vung que|mien que|nha que|que mua|vung nui|mien nui|vung sau vung xa|vung cao|ngoai thanh|tinh le|ngoai o)"
_URBAN = r"(?:thanh thi|thanh pho|do thi|noi thanh|pho thi)"
_UPBRINGING = (r"(?:con (?:em|nha|chau) )?(?:(?:xuat than|sinh ra|lon len|goc|gia dinh|den) )?(?:(?:tu|o|tai|la) )?"
               r"(?:(?:vung|mien|khu vuc) )?")  # "con em gia đình nông thôn"
_RURAL_PEOPLE = rf"(?:nguoi|ung vien|lao dong|dan|cong nhan|nhan vien|ban|con (?:em|nha|chau)) {_UPBRINGING}{_RURAL}\b"
# --- A family's wealth or class (social origin) ------------------------------------------------------------------------------
_FAMILY = r"(?:con (?:em|nha|chau)|gia dinh|gia canh|nha|xuat than|ho)"
_WEALTHY = (r"(?:kha gia|giau(?: co)?|co dieu kien|co tien|danh gia|thuong luu|trung luu|co (?:dia vi|the luc|quyen the|"
            r"dieu kien kinh te)|quyen quy|kinh te kha)\b")
_POOR = r"(?:ngheo|kho khan|can ngheo|binh dan)\b"
# --- The majority groups (Kinh, Hoa) preferred: no measure for ethnic minorities ---------------------------------------------
_NOT_HOA = r"(?! (?:ky|dong|nha|binh|nhap|giai|hop|thuan|khi|lan|my|van|tiet|si)\b)"  # Hoa Kỳ, hòa đồng, hoà nhã …

PHRASES = {
    "pregnancy": [
        refusals.REFUSE + POSTNATAL, refusals.refused_after(POSTNATAL),
        r"\b(?:khong|chua) (?:dang )?(?:trong )?(?:thoi ky |thoi gian |giai doan )?(?:o cu|hau san)\b(?! chi)",
        rf"\b(?:no|not) (?:hiring |accepting |considering )?{_POSTNATAL_EN}",
        rf"\b{_POSTNATAL_EN}(?: (?:applicants|candidates|women))?(?: (?:please|kindly))? (?:need not|should not|must not|do not|"
        r"don t|will not|are not|cannot)\b",
    ],
    "origin": [
        refusals.REFUSE + rf"{_UPBRINGING}{_RURAL}\b", refusals.refused_after(_RURAL_PEOPLE),
        rf"\b(?:chi|uu tien|yeu cau|phai)(?: \w+){{0,3}}? (?:xuat than|sinh ra|lon len|goc|que|gia dinh) (?:(?:tu|o|tai|la) )?"
        rf"(?:(?:vung|mien|khu vuc) )?(?:{_RURAL}|{_URBAN})\b",
        r"\b(?:rural|urban|city|countryside) (?:background|upbringing|born|origins?)\b",
        r"\b(?:only|no) (?:(?:applicants|candidates|people) )?(?:from (?:the )?)?(?:rural|countryside|urban|city)\b",
        # a family's wealth or class: "Chỉ nhận con em gia đình khá giả", "ưu tiên con nhà có điều kiện"; the poor refused (a
        # measure for them is lawful: "ưu tiên hộ nghèo")
        rf"\b(?:chi|uu tien|yeu cau|phai)(?: \w+){{0,3}}? {_FAMILY}(?: \w+)?? {_WEALTHY}",
        rf"{refusals.REFUSE}{_FAMILY}(?: \w+)?? {_POOR}", refusals.refused_after(rf"{_FAMILY}(?: \w+)?? {_POOR}"),
    ],
    "ethnicity": [
        rf"\b(?:uu tien|chi|chi tuyen|chi nhan)(?: (?:tuyen|nhan|ung vien|lao dong|cac ban))* (?:nguoi|goc|dan toc) "
        rf"(?:viet goc |goc )?(?:kinh|hoa)\b{_NOT_HOA}",
        rf"\b(?:nguoi|goc|dan toc) (?:kinh|hoa)\b{_NOT_HOA}(?: \w+){{0,2}}? (?:duoc )?uu tien\b",
        r"\b(?:chinese vietnamese|ethnic chinese|ethnic kinh|kinh|hoa)(?: (?:applicants|candidates|people|staff))? "
        r"(?:preferred|only|given priority)\b",
        r"\bprefer\w* (?:given |to |for )*(?:ethnic )?(?:chinese|kinh|hoa)\b",
    ],
    "hiv": [
        r"\b(?:negative|clear|clean) hiv\b", r"\b(?:required|mandatory|compulsory) hiv (?:test|testing|screening|check)",
        r"\bhiv (?:test|testing|screening|status|check|results?)(?: \w+){0,3}? (?:required|mandatory|compulsory|is a must|must|"
        r"needed|before|prior)\b",
        r"(?:^|\b(?:must|should|required to|need to|needs to|please|will|shall|have to|has to|asked to) )(?:provide|submit|show|"
        r"present|take|undergo|pass|bring|attach)(?: \w+){0,3}? hiv\b",  # the candidate, not "We provide free HIV testing"
    ],
    "religion": [
        r"\b(?:non religious|atheists?|irreligious|nonbelievers|non believers|no religion)(?: (?:applicants|candidates|people|"
        r"staff|workers|persons))? (?:only|preferred)\b",
        r"\b(?:only|must be|prefer\w*) (?:non religious|atheists?|irreligious|non believers)\b",
        r"\b(?:chi|uu tien|yeu cau)(?: (?:tuyen|nhan|nguoi|ung vien|lao dong))* (?:vo than|khong (?:theo|co) (?:dao|ton giao))\b",
    ],
}

# --- Lawful sayings around a ground ------------------------------------------------------------------------------------------
_GROUND_NOUNS = (r"(?:tinh trang hon nhan|hon nhan|gia canh|tinh trang gia dinh|do tuoi|tuoi tac|tuoi|gioi tinh|ngoai hinh|"
                 r"ton giao|tin nguong|dan toc|que quan|xuat than|marital|age|gender|sex|religion|religious beliefs|ethnicity|"
                 r"appearance|family (?:status|situation))")
# "Tình trạng hôn nhân không ảnh hưởng đến kết quả tuyển dụng", "Marital status and family situation are not considered".
NOT_A_FACTOR = re.compile(rf"^{_GROUND_NOUNS}(?: \w+){{0,6}}? (?:(?:deu |cung |hoan toan )?khong (?:anh huong|la (?:dieu kien|"
                          r"yeu cau|tieu chi|van de|yeu to)|phai (?:la )?(?:dieu kien|yeu cau|tieu chi|van de|yeu to)|quyet dinh|"
                          r"lien quan|duoc (?:xem xet|tinh den|can nhac|dung de|dua vao))|(?:are|is) not (?:considered|taken into "
                          r"account|a factor|relevant|part of)|(?:do|does) not (?:affect|matter|influence|count)|has no (?:bearing|"
                          r"effect|influence)|play no part)\b")
# "đã lập gia đình hay độc thân đều được", "married or single, all welcome": either, in its clause.
EITHER_WELCOME = re.compile(r"(?:\b(?:hay|hoac|va|lan|or|and)\b(?: \w+){1,5}?|^(?:\w+ ){0,3}\w+) (?:deu|cung|both|all|"
                            r"are (?:all |both )?)(?: (?:duoc|ok|nhan|tuyen|co the|welcome|phu hop|chao don|xem xet|ung tuyen|"
                            r"equally welcome|welcome))\b(?! (?:uu tien|priority|preferred))")
# "Ứng viên trên 40 tuổi vẫn được khuyến khích ứng tuyển", "… cũng được chào đón", "… are also welcome".
STILL_WELCOME = re.compile(r"^(?: \w+){0,3}? (?:van|cung|deu|rat) (?:duoc |co the )?(?:khuyen khich|chao don|hoan nghenh|nhan|"
                           r"tuyen|ung tuyen|xem xet|welcome)\b|^(?: \w+){0,3}? (?:are|is) (?:also |still |very )?"
                           r"(?:welcome|encouraged)\b")
# What an employer says it never asks: "We never ask for HIV test results", "we do not require a photo".
NOT_ASKED_EN = re.compile(r"\b(?:never|not|no longer|don t|do not|does not|will not|won t) (?:ask|asks|require|requires|request|"
                          r"requests|demand|demands|need|needs|collect|check|inquire|enquire|care)(?: (?:for|any|an?|your|the|"
                          r"applicants|candidates|you|to|provide|submit|show|about|whether|into|of))*$")
# … and the grounds it lists after: "We do not ask about religion or marital status".
NOT_ASKED_EN_HEAD = (r"\b(?:never|not|don t|do not|does not|will not|won t) (?:ask|asks|inquire|enquire|consider|care)"
                     r"(?: (?:about|into|applicants|candidates|you|anyone|your))+\b")
# Facilities and benefits given to employees, before whom they are for: "bếp ăn chay cho nhân viên theo đạo Phật",
# "phòng cầu nguyện cho nhân viên theo đạo Hồi", "nghỉ lễ Giáng sinh có lương cho …", "prayer room for Muslim staff".
FACILITIES = (r"bep|bua|suat an|com|an chay|thuc don|can tin|canteen|phong cau nguyen|cho cau nguyen|nghi le|ngay nghi|le|"
              r"meals?|menu|prayer|days? off|holidays?")
# An overseas programme's age range set by the receiving country, its region or its government: "theo quy định của địa
# phương tiếp nhận", "theo quy định của phía tiếp nhận", "as required by the Australian government" (not "của công ty").
RECEIVING_RULE = re.compile(r"\b(?:theo|do|per|under|according to|as (?:required|set) by)(?: (?:quy dinh|yeu cau|dieu kien|tieu chuan|"
                            r"rules?|requirements?|regulations?|cua|of|the))* (?:(?:nuoc|dia phuong|quoc gia|chinh phu) "
                            r"(?:so tai|tiep nhan|ban)|(?:phia|ben) tiep nhan|(?:host|receiving) (?:country|government|state|"
                            r"authorit\w+)|(?!(?:our|the|company|employer)\b)\w+ (?:government|immigration (?:rules|authorities|law)))\b")
