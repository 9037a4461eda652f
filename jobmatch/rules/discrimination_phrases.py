"""The wording of an age limit and of the other grounds (appearance, marital status, pregnancy, ethnicity, religion,
disability, HIV, national or social origin, trade union membership) as patterns over text folded without diacritics, its
words joined by single spaces; "≤"/"<" read as "dưới" and "≥"/">" as "trên". Used by the discrimination check
(jobmatch/rules/discrimination.py)."""
import re

from jobmatch.rules import discrimination_phrases_extra as extra
from jobmatch.rules import discrimination_phrases_more as more
from jobmatch.rules import discrimination_refusals as refusals
from jobmatch.rules.discrimination_words import PROVINCES, REGIONS

# --- Age --------------------------------------------------------------------------------------------------------------
_NUMBER = r"(\d{1,2})(?:t)?"
# Words that may stand between "tuổi" and its bounds: "tuổi không vượt quá 40", "độ tuổi lý tưởng 25-32", "tuổi max 35".
_AGE_QUALIFIER = (r"(?: (?:doi|tac|tre|phu hop|thich hop|ly tuong|yeu cau|tuyen dung|ung vien|lao dong|toi da|toi thieu|khong vuot qua|"
                  r"vuot qua|"
                  r"khong qua|khong duoi|khong tren|duoi|tren|tu du|tu|du|la|khoang|trong khoang|nam trong|gioi han|tot nhat|"
                  r"uu tien|quy dinh|tu nam|nho hon|lon hon|it hon|cao hon|mong muon|can|phai|ap dung|max|min|maximum|minimum))*")
_BELOW_OR_ABOVE = (r"(?:duoi|khong qua|khong vuot qua|vuot qua|toi da|tren|tu du|tu|du|qua|ngoai|khong duoi|khong tren|toi thieu|"
                   r"max|min|maximum|minimum|nho hon|lon hon|khong lon hon|it hon)")
_ENGLISH_LIMIT = (r"(?:under|below|over|above|between|from|younger than|older than|not older than|no older than|not over|up to|"
                  r"at most|at least|no more than|less than|more than|max|maximum)")
_YEARS_OLD = r"(?:years? old|years? of age|yrs? old|yo|y o)"
# What a bound alone may count that is no age: "under 30 minutes", "below 20 kg", "under 25%", "under 50 people".
_UNITS = (r"%|kg|g|km|m|cm|mm|min|mins|minutes?|hours?|hrs?|h|days?|weeks?|months?|years? (?:of )?(?:experience|exp)|"
          r"nguoi|people|persons|staff|employees|members|usd|vnd|d|dong|k|tr|trieu|million|millions|nghin|ngan|percent|"
          r"phan tram|units?|orders?|items?|pcs|degrees?|do|c|kw|v|tons?|tan|t|stores|shops|branches|seats|cases|tables|rooms|"
          r"phut|gio|ngay|thang|nam|don|sp|lbs?|inch|in|feet|ft|pounds|dollars|x|calls|tickets|km h")
# Generations named for their birth years: "9x", "2k", "đời 8x", "Gen Z" (money written "2k" is followed by what it buys).
_GENERATION = (r"\b(?:uu tien|tuyen|nhan|can|yeu cau|cac ban|ban|doi|the he|sinh|ung vien|lao dong|nhan vien|la|gioi han)"
               r"(?: \w+){0,2}? (?:[5-9]x|19[5-9]x|200x|2k\d?)\b(?! (?:gio|sp|san pham|don|cai|ngay|thang|luot|moi|vnd|d|dong|km|"
               r"buoi|ca|lan|tin|follow|view|like|nguoi|\d)\b)")
AGE = [re.compile(pattern) for pattern in (  # each gives the bounds it states, if any
    rf"\b(?:gioi han |do |muc )?tuoi{_AGE_QUALIFIER} {_NUMBER}(?:(?: den| to| toi)? {_NUMBER})?\b",
    rf"\b(?:tu )?{_NUMBER}(?: den| to| toi)? {_NUMBER} tuoi\b",
    rf"\b{_BELOW_OR_ABOVE} {_NUMBER}(?: tuoi|t)\b",
    rf"\b{_NUMBER} tuoi tro (?:len|xuong|lai)\b",
    # "18-45t", "20t-35t", not a lorry's, a crane's or a press's tonnes (nor "bán hàng 18-28t", an age)
    # (a whole word before: "phụ bếp 18-35t", "yêu cầu 18-35t" are ages; a sewing worker's "may (18–40t)" too, "máy ép" not)
    r"\b(\d{2})" + "".join(rf"(?<!\b{vehicle} \d\d)" for vehicle in ("xe", "tai", "tan", "(?<!yeu )cau", "ep", "lu", "nang",
                                                                    "xe hang", "cho hang", "tau", "may ep", "may cau",
                                                                    "may xuc", "may dap", "may nang"))
    + r"t?(?: den| toi| to)? (\d{2}) ?t\b",
    r"\bu([2-6]\d)\b", r"\b(?:uu tien|tuyen|nhan|can|chi|yeu cau|tuoi|age)(?: \w+){0,2}? u ([2-6]\d)\b",  # "Ưu tiên U-35"
    # two bounds with "tuổi" left out: "Trên 18 dưới 35", "từ 20 đến dưới 40"
    r"\b(?:tren|tu) (\d{2}) (?:den |toi )?(?:duoi|khong qua) (\d{2})\b(?! (?:trieu|tr|k|nghin|ngan|kg|cm|m|km|nguoi|%|usd)\b)",
    _GENERATION, r"\b(?:gen|the he) ?(?:z|y|x|9x|8x|2k)\b", r"\bmillennials?\b",
    # a bound right after the people it limits, with "tuổi" left out: "chỉ nhận lao động dưới 40", "nam nữ từ 20 đến 35"
    r"\b(?:lao dong|ung vien|nguoi|nhan vien|cong nhan|nu) (?:duoi|tren|khong qua|khong vuot qua|toi da|tu|max|ngoai|qua) (\d{2})"
    r"(?:(?: den| toi)? (\d{2}))?\b(?! (?:trieu|tr|nghin|ngan|k|nam|thang|ngay|gio|phut|kg|m|cm|km|tan|nguoi|usd|lao|ung|nhan|cong|"
    r"den|toi|\d)\b)",
    r"\b(?:age|aged|ages|age limit|age range|maximum age|max age|minimum age|min age)(?: (?:of|is|limit|range|requirement|between|"
    rf"from|{_ENGLISH_LIMIT}))* (\d{{2}})(?: (?:to|and|or|up to|until))?(?: (\d{{2}}))?\b",
    rf"\b{_ENGLISH_LIMIT}(?: the age of)? (\d{{2}})(?: (?:to|and|or) (\d{{2}}))?"
    rf"(?= (?:{_YEARS_OLD}|only|or (?:younger|older|under|less|below|above))\b)",
    r"\b(?:applicants?|candidates?|be|are|graduates?|people|persons?|staff|workers?|employees?) (?:must be |should be )?"
    rf"(?:aged? )?{_ENGLISH_LIMIT} (\d{{2}})(?: (?:to|and) (\d{{2}}))?\b",
    rf"\b(\d{{2}})(?: to)? (\d{{2}}) {_YEARS_OLD}\b",
    rf"\b(\d{{2}}) (?:{_YEARS_OLD} )?(?:or |and )?(?:under|younger|below|older|above)\b",
    r"\b(?:under |over |in (?:their|your) (?:early |mid |late )?)(\d{2})s\b",  # "under 30s only", "in their 20s"
    # a bound alone, in English: "Young and dynamic, under 25" (not "under 30 minutes", "under 25 kg", "below 30%")
    rf"\b(?:under|below|not over)(?: the age of)? (\d{{2}})\b(?! (?:{_UNITS})(?!\w))",
    r"\b(?:over|above|older than) (\d{2})s?(?: \w+){0,3} (?:need not|should not|must not|do not|don t|cannot) apply\b",
    r"\b(\d{2})(?: to)? (\d{2}) (?:yrs?|years?|y)\b(?! (?:of |in )?(?:experience|exp|kinh nghiem|kn)\b)",
)]
# … and of the customers an advertisement describes, however many words describe them ("Khách hàng mục tiêu: nữ văn phòng").
AUDIENCE_AGE = re.compile(r"\b(?:(?:khach hang|khach|kh|customers?|clients?|audience)(?: la| are| is)? (?:muc tieu|tiem nang|"
                          r"chu yeu|chinh|target|main|mainly|mostly|primarily|da so|phan lon)|"
                          r"(?:chan dung|doi tuong|tep|phan khuc|persona) (?:khach hang|khach|kh|customers?|nguoi dung)|"
                          r"target (?:audience|customers?|market))(?: \w+){0,6} $")
RETIREMENT = re.compile(r"\b(?:nghi|luong|tuoi|ve|huong|che do) huu\b|\b(?:lam|nhan|linh|chot) so huu\b|\bhuu tri\b|\bretire")
# Ages of the people the work serves or of a sports team: "dạy trẻ từ 3 đến 5 tuổi", "khách hàng trên 40 tuổi", "đội U23".
OTHERS_AGE = re.compile(r"\b(?<!cham soc )(?<!dich vu )(?<!nhan vien )khach(?: hang)? $|"  # "Khách trên 60 tuổi được giảm giá"
                        # a share of the workforce: "80% là các bạn 9x" (not "Tuyển 80% là 9x")
                        r"(?<!tuyen )(?<!tien )(?<!can )(?<!nhan )(?<!chi )\b(?:\d+ %|\d+ phan tram|da so|phan lon|hau het)"
                        r"(?: la| are)? $|"
                        r"\b(?:(?:cho|tu van|ho tro|phuc vu|danh cho|voi) khach hang|benh nhan|nguoi benh|tre em|cho tre|day tre|"
                        r"em be|cac be|cho be|cu dan|doc gia|khan gia|nguoi dung|nguoi cao|thi truong|huong (?:toi|den|vao)|customers?|"
                        r"clients?|patients?|children|kids|audience|users?|learners|seniors|elderly|doi bong|doi tuyen|clb|"
                        r"giai (?:dau|bong)|futsal|bong da|cau thu|"
                        # … of the employees' families, and of the customers an advertisement is aimed at
                        r"bo me|cha me|phu huynh|nguoi than|than nhan|vo chong|(?<!giup viec )(?<!osin )gia dinh|"
                        r"ong ba|cu ong|cu ba|cac cu|ong cu|ba cu|nguoi phu thuoc|parents|spouses?|"
                        r"dependants|dependents|family|tep (?:khach|kh)\b|khach hang (?:muc tieu|tiem nang)|nhom khach|doi tuong khach|"
                        r"phan khuc|nham (?:den|toi|vao)|target\w*|"
                        # … of members, pupils and the people a product or a service is for ("thực phẩm chức năng cho người 45-60")
                        r"hoi vien|hoc vien|hoc sinh|vi thanh nien|thanh thieu nien|thieu nien|adolescents?)(?: \w+){0,2} $|"
                        r"\b(?:thuc pham|san pham|my pham|thuoc|sua|dich vu|bao hiem|"
                        r"tiep thi|marketing|quang cao|khoa hoc|lop hoc|chuong trinh tap|hoc bong)(?: \w+){0,4} (?:cho|danh cho)"
                        r"(?: (?:nguoi|"
                        r"khach|phu nu|nam gioi|nu gioi|ba me|tre|sinh vien|hoc sinh)(?: \w+)?)? $|\b(?:doi|giai) $")
BIRTH_YEARS = re.compile(r"\b(?:sinh|nam sinh|born|sn)(?: (?:tu|sau|truoc|trong|khoang|nam|after|before|between|in|from))* "
                         r"((?:19|20)\d\d)\b"
                         # … of two digits, as a range, an open one, or asked for: "SN 95-03", "sinh năm 97 trở lại",
                         # "ưu tiên sn 98" (not "mừng sn 60": a birthday)
                         r"|\b(?<!hoc )(?:sinh nam|sn)(?: (?:tu|sau|truoc|khoang))? (?:[6-9]\d|0\d)(?: (?:den|toi|hoac|va|-))? "
                         r"(?:[6-9]\d|0\d|tro (?:len|lai|ve|xuong|di)|ve (?:sau|truoc))\b"
                         r"|\b(?:uu tien|tuyen|nhan|can|chi|yeu cau)(?: \w+){0,3}? (?:sinh nam|sn) (?:[6-9]\d|0\d)\b")
# An age range said to be an overseas programme's or the law's own rule, checked with no programme given: "18 - 39 tuổi theo
# quy định của chương trình" in a vacancy for EPS is lawful; "theo quy định của công ty" is not. With a programme given,
# its own range decides. Not a foreign employer's wish ("theo yêu cầu của phía Nhật Bản", "của xí nghiệp").
_BY_RULE = (r"\b(?:theo|do|la|per|under|according to|as (?:required|set) by)(?: (?:quy dinh|yeu cau|dieu kien|tieu chuan|quy che|"
            r"rules?|requirements?|regulations?|cua|of|the))+ ")
STATE_RULE = re.compile(_BY_RULE + r"(?:phap luat|luat|nha nuoc|chinh phu|bo (?:lao dong|ldtbxh|noi vu)|hiep dinh|"
                        r"cuc quan ly lao dong ngoai nuoc|dolab|eps|law)\b"
                        # … or a public programme's: "theo chương trình của tỉnh" (not "của công ty")
                        r"|\btheo (?:chuong trinh|de an|du an)(?: \w+){0,4}? cua (?:tinh|nha nuoc|chinh phu|huyen|thanh pho|ubnd|"
                        r"so lao dong|so ldtbxh|bo)\b")
PROGRAMME_RULE = re.compile(_BY_RULE + r"(?:chuong trinh|programme|program|scheme|nghiep doan|to chuc giam sat)"
                            r"\b(?! (?:thuc tap|dao tao|cua cong ty|noi bo)\b)")
# … or said to be the rule in the words of a programme named: "Chương trình EPS: 18-39 tuổi theo quy định".
BARE_RULE = re.compile(r"\btheo (?:quy dinh|quy che)\b(?! (?:cua|of)\b)(?! (?:cong ty|doanh nghiep|xi nghiep|nha may|phia|chu|khach|"
                       r"noi bo|rieng|don vi|xuong)\b)")
PROGRAMME_NAMED = re.compile(r"\b(?:chuong trinh|programme|program|eps)\b")
OVERSEAS = re.compile(r"\b(?:eps|han quoc|nhat ban|dai loan|duc|lao dong ngoai nuoc|xuat khau lao dong|xkld|thuc tap sinh|tts|"
                      r"ky nang dac dinh|tokutei|im japan|korea|japan|taiwan|germany|overseas|(?:di|sang|xuat canh) (?:nhat|han))\b")
# A driving licence's own minimum age (Road Traffic Order and Safety Law 2024, Art. 59): "đủ 24 tuổi, bằng D" is the law's.
LICENCE = re.compile(r"\b(?:bang lai|giay phep lai xe|gplx|bang|hang) (?:[bcdef]\d?|fc|fb|fd|fe)\b")
MINIMUM = re.compile(r"\b(?:du|tren|tu|toi thieu|it nhat|khong duoi|min|minimum|over|at least|tro len)\b")
LICENCE_AGES = range(18, 28)

# --- The other grounds ------------------------------------------------------------------------------------------------
# A contract ended for a pregnancy ("có thai trong thời gian thử việc sẽ chấm dứt hợp đồng"), not the law's ban on it
# ("không được chấm dứt hợp đồng với lao động nữ mang thai", "cấm sa thải …").
_PREGNANT = r"(?:mang thai|co thai|mang bau|co bau|bau bi|pregnan\w*)"
_ENDS = (r"(?<!khong )(?<!khong duoc )(?<!khong bi )(?<!cam )(?<!phuong )(?<!not )(?<!cannot )(?<!never )(?<!from )(?<!against )"
         r"(?:don phuong )?(?:cham dut (?:hop dong|hd|hdld|thu viec)|huy (?:hop dong|hd)|ket thuc (?:hop dong|hd)|thanh ly hop dong|"
         r"cho (?:nghi|thoi) viec|sa thai|buoc thoi viec|duoi viec|ngung (?:hop dong|thu viec)|terminat\w*|dismiss\w*|fired|"
         r"end (?:the|your|their) (?:contract|employment|probation))\b")
# An exclusion of people named by a protected ground, before them ("không nhận hồ sơ người …", "từ chối …") or after them
# ("người tàn tật không phù hợp", "người có thai xin miễn liên hệ"): discrimination_refusals.py.
_REFUSE, _REFUSED_AFTER = refusals.REFUSE, refusals.REFUSED_AFTER
# "đạo" folded is also "đào" of "đào tạo" (training): "có đào tạo", "theo đào tạo"; and "đạo đức", "đạo diễn", "đạo lý".
_NOT_DAO = r"(?! (?:tao|duc|dien|ly)\b)"
_EXCLUDED = {
    "age": r"(?:lon tuoi|cao tuoi|trung nien|nguoi gia|tre tuoi|co tuoi(?! (?:nghe|doi|tho))|dung tuoi|tuoi cao|"
           r"(?:cac )?co chu(?! (?:ky|ki|viet|so|nghia|cai|ten))|cac bac|older (?:people|applicants|candidates|workers|persons)|"
           r"(?:da )?(?:nghi|ve) huu|huu tri|(?:co |huong )?luong huu|"
           r"retired|retirees?|pensioners?)\b",
    "appearance": r"(?:hinh xam|xam hinh|xam tro|beo phi|nguoi beo|ngoai hinh xau|nguoi lun)\b",
    "marital_status": r"(?:co (?:con|gia dinh|chong|vo)(?! (?:dau|so))|con nho|ket hon|lap gia dinh|ly hon|ly di|doc than|"
                      r"(?:me|bo) don than|me bim(?: sua)?)\b",
    "pregnancy": r"(?:mang thai|co thai|mang bau|co bau|bau bi|bau|thai phu|ba bau|dang nuoi con|(?:dang )?cho con bu|"
                 r"(?:thoi ky |nghi )?thai san)\b",
    "ethnicity": r"(?:dan toc|nguoi (?:kinh|hoa|khmer|cham|tay|nung|mong|thai|dao|muong|ede|gia rai|ba na))\b"
                 r"(?! (?:nghiem|doanh|te|phi|hong))",
    "religion": rf"(?:(?:theo|co) dao\b{_NOT_DAO}|ton giao|cong giao|tin lanh|phat giao|hoi giao|tin do|giao dan|tin huu|cao dai|"
                r"hoa hao)\b",
    "disability": r"(?:khuyet tat|tan tat|tat nguyen|di tat|khiem khuyet|khiem thi|khiem thinh|tan phe|thuong tat|di hinh|"
                  r"cam diec|diec|mu loa|noi lap|cut (?:tay|chan|ngon)|que quat|gu lung|bai liet|liet (?:\w+ )?(?:chan|tay|nua nguoi)|"
                  r"(?:ngoi|di|dung|su dung|nguoi) xe lan|"  # a wheelchair's user, not the ramp for one
                  r"(?:benh )?tat (?:o |ve |nguyen |bam sinh )?(?:tay chan|chan tay|tay|chan|mat|tai|co the|bam sinh|nguyen))\b",
    "hiv": r"(?:hiv|aids)\b",
    # … and the part taken in it: "từng làm cán bộ công đoàn", "đã là ủy viên ban chấp hành công đoàn"
    "union": r"(?:(?:tung|da|dang|tien su|lich su|hay|thuong|tich cuc) )*(?:(?:tham gia|hoat dong|sinh hoat|lap|thanh lap|"
             r"gia nhap|la|lam|cam dau|to chuc|vao|cac|nhung) )*"
             r"(?:(?:can bo|thanh vien|doan vien|chu tich|pho chu tich|uy vien|ban chap hanh|to truong) )*"
             r"(?:cong doan|nghiep doan|"
             r"to chuc dai dien (?:cua )?nguoi lao dong|dinh cong|lan cong|ngung viec tap the)\b",
}
# Health conditions an employer may not require the absence of: "không bị khuyết tật", "không bị nhiễm HIV".
_NOT_HAVING = r"\bkhong (?:(?:bi |mac |co |mang |nhiem |benh )+(?:(?!phan biet|ky thi|su )\w+ ){0,3}?)?"
_ENGLISH_NOT = (r"\b(?:not|no|never|non)(?: (?:be|being|been|get|getting|become|becoming|currently|plan|plans|planning|intend|"
                r"intending|intention|to|for|of|any|have|having))* ")
_RELIGIONS = r"(?:(?:dao )?(?:cong giao|tin lanh|phat giao|hoi giao|cao dai|hoa hao|thien chua(?: giao)?)|dao (?:phat|hoi|thien chua))"
# Places of birth: a province or a region, "miền Trung", "xứ Nghệ".
_PLACES = "|".join(sorted(PROVINCES | REGIONS, key=lambda place: (-len(place), place)))  # "bac ninh" before "bac"
_PLACE = rf"(?:{_PLACES})\b"
# … and as they are written in English: "from Hanoi", "born in the North".
_PLACE_EN = rf"(?:(?:the )?(?:north|south|central|northern|southern)\b|hanoi\b|saigon\b|hcmc\b|danang\b|{_PLACE})"
_HOMETOWN = r"(?:(?:co |la )?(?:que(?: quan)?|nguyen quan|goc|xuat than|sinh ra)(?: (?:o|tai|tu|la))? )"
_UNION = r"(?:cong doan|nghiep doan|to chuc (?:dai dien )?(?:cua )?nguoi lao dong)\b"
PHRASES = {
    "age": [
        r"\b(?:uu tien|chi tuyen|chi nhan|tuyen|can tuyen|yeu cau|chi can)(?: (?:cac|ung vien|nguoi|lao dong|nhan vien|ban|"
        r"cong nhan|sinh vien|nu|nam|thanh nien|la))* (?:tre tuoi|con tre|tuoi doi tre|tre trung|tre)\b"
        r"(?! (?:em|nho|so sinh|mam non|mau giao|mo coi|khuyet tat|hoa))",
        r"\bung vien tre(?: tuoi)?\b(?! em)",
        r"\byoung (?:\w+ ){0,2}?(?:applicants?|candidates?|staff|workers?|women|men|girls?|boys?|ladies|people|graduates?)\b",
        r"\b(?:must|should) be young\b", r"\b(?:older|younger) than (?:\d{2})\b",
        # not yet of pension age, as a condition: "yêu cầu chưa nghỉ hưu", "chưa đến tuổi nghỉ hưu"
        r"\b(?:yeu cau|chi nhan|chi tuyen|phai|uu tien|tuyen|nhan)(?: \w+){0,3}? chua (?:den tuoi |toi tuoi )?(?:nghi|ve) huu\b",
    ],
    "appearance": [
        # not the looks a worker improves for clients: "tư vấn ngoại hình", "chăm sóc ngoại hình cho khách"
        r"\bngoai hinh\b" + "".join(f"(?<!{before} ngoai hinh)" for before in (  # the literal first: a fast search
            "khong yeu cau", "khong can", "tu van", "cham soc", "cai thien", "thay doi", "lam dep", "tham my", "nang tam",
            "chinh sua")) + r"(?! khong (?:quan trong|yeu cau|can|di tat))(?!(?: \w+)? (?:cho|cua) (?:khach|"
        r"hoc vien|nguoi dung|customers|clients))",
        r"\b(?:ua|de) nhin\b", r"\bxinh(?: xan| dep)?\b", r"\bde thuong\b", r"\bkha ai\b", r"\bcao rao\b", r"\bda trang\b",
        r"\b(?:chieu cao|cao|height|tall)(?: \w+){0,3}? (?:1m\d{0,2}|1 \d{1,2}m|1[4-9]\d ?cm|(?:1|mot) met(?: \d{1,2})?)\b",
        r"\b(?:duoi|tren|tu|toi thieu|it nhat|khong duoi|thap hon|cao hon|hon) 1m\d{1,2}\b", r"\b1m\d{1,2} tro (?:len|xuong)\b",
        r"\bcan nang\b", r"\bdep trai\b",
        r"\b(?:guong mat|khuon mat|mat mui|nuoc da|dien mao)(?: \w+)? (?:sang|xinh|dep|kha|ua nhin|de nhin|tuoi|trang|min|"
        r"khong mun|thanh tu|phuc hau|bau binh|can doi|hai hoa|an tuong|sang sua)\b",
        r"\b(?:(?:khong|qua) (?:(?:bi|co|qua|duoc) )?(?:mun|beo|map|lun|hinh xam|xam hinh|xam tro|rang ho|rang khenh|toc nhuom|"
        r"seo|tan nhang|mat lac|mat hi|can thi|vien thi|loan thi)|qua gay)\b",
        # glasses: "không đeo kính cận", "no glasses" (not the safety glasses a job needs)
        r"\bkhong (?:(?:deo|bi|mang|co|su dung|dung) )+kinh(?: (?:can|can thi|vien|vien thi|loan|thuoc))?\b"
        r"(?! (?:bao ho|ram|ham|chong|an toan|mat troi|lao dong|khi|nghiem|doanh|te|phi)\b)",  # not "kinh nghiệm"
        r"\b(?:no|without|not wear(?:ing)?|not wear) (?:eye)?glasses\b", r"\bno spectacles\b",
        # teeth and smile as looks: "răng đều, không hô", "răng đẹp", "không móm" (not a dentist's work on clients' teeth)
        r"\brang(?<!lam rang)(?<!nieng rang)(?<!tay trang rang)(?<!boc rang)(?<!cho rang)(?: \w+){0,1}? (?:deu|dep|trang|khenh|"
        r"khong (?:ho|mom|khenh|vau|thua|lech))\b(?!(?: \w+){0,4} (?:dich vu|(?:cho|cua) (?:khach|benh nhan|customers|clients|patients)))",
        r"\bkhong (?:bi )?(?:ho|mom|vau) rang\b", r"\b(?:straight|nice|perfect|white) teeth\b",
        r"\b(?:dang nguoi|voc dang|than hinh|body|(?:ba|3) vong)(?: \w+){0,2}? (?:can doi|chuan|dep|thon|gon|cao|mau|dat chuan)\b",
        r"\bgood looking\b", r"\battractive\b", r"\bpretty\b", r"\bheight\b", r"\bslim\b", r"\bslender\b", r"\bfair skin",
        r"\bno (?:visible )?tattoos?\b", r"\bno acne\b", r"\b(?:anh|hinh) (?:chup )?toan than\b", r"\bfull body (?:photo|picture)",
    ],
    "marital_status": [
        r"\b(?:chua|da|nguoi) (?:lap|co) (?:gia dinh|gd)\b", r"\b(?:chua|da) (?:ket hon|co chong|co vo|co vk)\b",
        r"\bchua (?:co )?(?:ck|vk|gd)\b",  # chat short forms: gia đình, chồng, vợ
        r"\b(?:yeu cau|uu tien|chi nhan|chi tuyen)(?: ung vien| nguoi| la| da)* co (?:gia dinh|chong|vo|con)\b",
        r"\b(?:chua|khong) (?:co |dang |phai |vuong |ban )*(?:nuoi )?con(?:(?: nho| dai| be| duoi \d+)\b|$)",
        r"\bchua co con\b", r"\bkhong (?:vuong|ban|vuong ban|lo) (?:gia dinh|con cai|con nho|chong con|viec nha)\b",
        r"\bchua (?:chong|vo)\b", r"\bdoc than\b", r"\bkhong (?:duoc )?(?:ket hon|lay (?:chong|vo)|cuoi (?:chong|vo))\b",
        # the state asked for, not a trade ("tư vấn hôn nhân gia đình") nor a law
        r"\btinh trang hon nhan\b", r"\bhon nhan (?:chua|da|doc than|on dinh|khong|single|married)\b",
        r"\b(?:chua|khong) co (?:ke hoach|du dinh|y dinh) (?:lap gia dinh|ket hon|cuoi)\b",
        r"\bunmarried\b", r"\bmarital\b", r"^single$",
        r"\b(?:uu tien|yeu cau|chi nhan|chi tuyen|can|tinh trang|status|la)(?: \w+){0,2}? single\b(?! (?:room|shift|use|mode|page|sign))",
        r"\b(?:uu tien|yeu cau|chi nhan|chi tuyen|tinh trang|status|la) fa\b",  # "forever alone": single
        r"\bsingle (?:only|status)\b", r"\b(?:be|are|is) single\b",
        r"\b(?:single|married) (?:applicants?|candidates?|women|men|females?|males?|persons?|ladies|girls|couples? only)\b",
        r"\b(?:be|are|is|not) married\b",
        r"\b(?:no|without|not have|not having)(?<!or no)(?<!or without)(?<!or not have)(?<!or not having) (?:young |small )?"
        r"(?:children|kids)\b",
    ],
    "pregnancy": [
        r"\bkhong (?:dang |duoc )?(?:mang thai|co thai|mang bau|co bau|bau bi)\b",
        r"\b(?:chua|khong) co (?:ke hoach|du dinh|y dinh) (?:sinh con|mang thai|co thai|co con|sinh em be|co em be)\b",
        r"\b(?:khong|chua) (?:duoc )?(?:sinh|de) con\b", _ENGLISH_NOT + r"?pregnan",
        r"\bpregnan\w* (?:women |applicants |candidates |workers )?(?:need not|should not|must not|cannot|may not|are not|will not|"
        r"(?:please )?(?:do not|don t))\b",
        rf"\b{_PREGNANT}(?: \w+){{0,8}}? {_ENDS}",
        rf"{_ENDS}(?: \w+){{0,4}}? (?:neu|khi|vi|do|trong truong hop|if|when|for|upon)(?: \w+){{0,3}}? {_PREGNANT}",
        r"\b(?:xet nghiem|test|kiem tra|(?:(?<=yeu cau )|(?<=bat buoc )|(?<=phai )|(?<=se )|(?<=que )|(?<=co )|(?<=gom )|(?<=va ))thu) "
        r"(?:co )?thai\b", r"\bpregnancy (?:test|testing|screening|check)\b",
        r"\bkhong (?:dang )?(?:trong )?(?:thoi ky|thoi gian|giai doan) (?:thai san|mang thai|co thai|nuoi con nho|cho con bu)\b",
    ],
    "ethnicity": [
        r"\b(?:chi|khong) (?:tuyen |nhan )?nguoi (?:viet goc )?(?:kinh|hoa|khmer|cham|tay|nung|mong|dan toc)\b(?! thieu so)"
        r"(?! (?:doanh|nghiem|te|phi|do|nguyet)\b)",  # not "người kinh doanh" (a trader)
        r"\buu tien (?:tuyen |nhan )?nguoi (?:viet goc|kinh)\b",  # priority to minorities is a positive measure, to the Kinh is not
        r"\bkhong (?:tuyen|nhan) nguoi dan toc\b", r"\bdan toc kinh\b",
        r"\bnguoi kinh\b(?! (?:doanh|nghiem|te|phi|do|nguyet))", r"\bnguoi (?:kinh|hoa|viet goc) (?:duoc )?uu tien\b",
        r"\bgoc hoa\b", r"\bno ethnic\b",
        r"\b(?:only|no) (?:ethnic )?(?:kinh|hoa|chinese|khmer)\b", r"\bkinh (?:people |applicants |candidates )?only\b",
        r"\bethnic (?!minorit)\w+ only\b", r"\bkinh ethnic", r"\bethnicity (?:kinh|hoa|chinese|khmer)\b",
    ],
    "religion": [
        rf"\b(?:theo|co) (?:dao|ton giao)\b{_NOT_DAO}", r"\b(?:tuyen|nhan|uu tien) (?:nguoi )?(?:la )?phat tu\b",
        r"\b(?:no|only) (?:religio|christian|buddhist|muslim|catholic)",
        r"\b(?:christian|buddhist|muslim|catholic|protestant)s? (?:applicants |candidates |staff |people )?only\b",
        r"\b(?:ton giao|tin nguong) (?:khong|none|no)\b(?! (?:quan trong|phai|anh huong|la dieu kien|yeu cau|phan biet|bat buoc|can|"
        r"han che|gioi han))",
        r"\bkhong (?:co |theo )+(?:tin nguong|ton giao)\b",
        rf"\b(?:chi|uu tien|la|yeu cau) (?:tuyen |nhan )?(?:nguoi |tin do |ung vien |lao dong )*(?:theo )?{_RELIGIONS}\b",
    ],
    "disability": [
        _NOT_HAVING + _EXCLUDED["disability"],
        # the body asked intact: "tứ chi lành lặn", "đủ tay chân", "hai tay nguyên vẹn"
        r"\b(?:co the|tay chan|chan tay|tu chi|than the|hinh the|hai tay|hai chan)(?: (?:phai|can|con|duoc))? (?:lanh lan|"
        r"nguyen ven)\b", r"\b(?:du|day du|con du|lanh lan|nguyen ven) (?:tu chi|tay chan|chan tay|hai tay|hai chan)\b",
        # "không bị tật, sức khỏe tốt" (not "máy không bị tắt khi mất điện", the same letters)
        r"\bkhong (?:bi |mac |co )+(?:benh )?tat(?=$| (?:gi|nao|o|ve|bam sinh|suc khoe|co the|tay|chan|mat|tai|va|hay|hoac|"
        r"nguyen|nang|nhe|khuyet)\b)",
        r"\b(?:tay chan|chan tay) (?:day du|binh thuong|lanh)\b", r"\bno (?:physical )?(?:defects?|deformit\w*)\b",
        r"\bno (?:physical |mental )?disabilit",
        r"\b(?:not|non) (?:be )?(?:disabled|handicapped)\b", r"\bable bodied\b",
        r"\b(?:must|should) not have (?:a |any )?(?:physical )?(?:disabilit|handicap)",
    ],
    "hiv": [
        _NOT_HAVING + r"(?:hiv|aids)\b", r"\bhiv am tinh\b", r"\b(?:giay|ket qua|yeu cau|phieu|kem|nop) xet nghiem hiv\b",
        r"\b(?:xet nghiem|test|kiem tra) hiv (?:truoc|bat buoc|am tinh)\b", r"\bhiv negative\b", r"\bhiv free\b", r"\bno hiv\b",
        r"\bnot (?:be |have )?hiv\b",
        r"\bhiv (?:test|testing|screening) (?:required|mandatory|certificate)\b",
        # a test in the health check before hiring: "khám sức khỏe đầu vào gồm xét nghiệm HIV", "pre-employment medical incl. HIV"
        r"\b(?:kham (?:suc khoe|tuyen|dau vao)|giay kham|ho so suc khoe|suc khoe dau vao|medical (?:check|exam\w*|test)|"
        r"health (?:check|screening|exam\w*)|pre employment)(?: \w+){0,6}? (?:xet nghiem|test|tests|kiem tra|screening|gom|co|"
        r"bao gom|including|incl|includes)(?: \w+){0,3}? hiv\b",
    ],
    "origin": [
        # a hometown asked for, or people of a place chosen or refused: "người quê Thanh Hóa", "chỉ tuyển người miền Bắc"
        rf"\b(?:nguoi|dan|ung vien|lao dong|cong nhan|nhan vien|ban) {_HOMETOWN}{_PLACE}",
        rf"\b(?:yeu cau|uu tien|chi|can|tuyen|nhan|co|la)(?: \w+){{0,3}}? (?:que quan|nguyen quan|que) (?:o |tai |la )?"
        rf"(?:tinh |thanh pho |tp )?{_PLACE}",  # a hometown asked for, not "đặc sản quê Nghệ An"
        r"\b(?:nguoi|ung vien|dan) goc (?!(?:hoa|viet|khmer|cham|dan toc)\b)\w+", rf"\b(?:nguoi|dan) {_PLACE} goc\b",
        r"\bchi (?:tuyen|nhan|can)(?: \w+){0,3}? (?:ho khau|kt3)\b",  # only people registered (here)
        rf"\b(?:chi|uu tien|han che|loai|khong (?:tuyen|nhan|chap nhan|xet|uu tien))(?: (?:tuyen|nhan|ho so|cac|ban|ung vien|"
        rf"lao dong|cong nhan|nhan vien))* (?:nguoi|dan) {_PLACE}",
        # … refused by where they come from ("ứng viên Hà Nội" chosen may be where one lives; refused, it is where one is from)
        rf"\b(?:han che|loai|khong (?:tuyen|nhan|chap nhan|xet|uu tien))(?: (?:ho so|cac|ban))* (?:ung vien|lao dong|cong nhan) "
        rf"{_PLACE}",
        rf"\b(?:nguoi|dan|ung vien|lao dong) {_HOMETOWN}?{_PLACE}(?:{_REFUSED_AFTER}| (?:\w+ )?(?:duoc )?uu tien\b)",
        rf"\b(?:nguoi|dan|ung vien|lao dong|cong nhan) (?:ngoai tinh|tinh ngoai|tinh khac|noi khac){_REFUSED_AFTER}",
        r"\b(?:uu tien|chi tuyen|chi nhan|chi can)(?: \w+){0,2}? (?:cung que|dong huong)\b",
        r"\b(?:chi|khong) (?:tuyen |nhan |chap nhan |xet )?(?:nguoi |lao dong |ung vien |ho so |cong nhan )*"
        r"(?:ngoai tinh|tinh ngoai|tinh khac|noi khac|o tinh khac)\b",
        # a household registration (hộ khẩu, KT3) in a named place as a condition, not the document nor help to register
        rf"\b(?:ho khau|kt3)(?<!nhap ho khau)(?<!chuyen ho khau)(?<!lam ho khau)(?<!dang ky ho khau) (?:thuong tru )?(?:tai |o )?"
        rf"(?:tinh \w+|thanh pho \w+|tp \w+|noi thanh|ngoai thanh|{_PLACES})\b",
        # social origin: whose children, which family
        r"\b(?:uu tien|chi tuyen|chi nhan|danh cho) (?:tuyen |nhan )?con (?:(?:em|chau) )?(?:cua )?(?:can bo|cong nhan|nhan vien|"
        r"cbcnv|cbnv|nguoi lao dong|trong nganh|nganh|cong ty|lanh dao|trong (?:cong ty|nganh|don vi|doanh nghiep|tap doan))\b",
        r"\bly lich (?:ba|3) doi\b", r"\bthanh phan gia dinh\b", r"\b(?:good|clean|suitable) family background\b",
        r"\b(?:northerners?|southerners?) only\b",
        r"\bonly (?:northerners|southerners|(?:people|candidates|applicants) (?:from|born in))\b",
        r"\bno (?:applicants|candidates|people|workers|one) (?:from|born in)\b",
        rf"\b(?:must be|should be|only|be) (?:from|born in) {_PLACE_EN}", rf"\bonly {_PLACE_EN} natives\b|\b{_PLACE_EN} natives only\b",
        r"\b(?:hometown|place of birth|birthplace) (?:in|must|required)\b",
        r"\b(?:must have|requires?|required|with) (?:a )?(?:local |\w+ )?household registration\b",
        r"\bhousehold registration (?:in|required)\b",
    ],
    "union": [
        # not joining, leaving, never having been in a union, as a condition of hiring (Labour Code 2019, Art. 3(8))
        r"\bkhong(?<!hoac khong)(?<!hay khong)(?<!quyen khong)(?<!tu do khong) (?:duoc )?(?:tham gia|gia nhap|thanh lap|lap|vao|"
        rf"hoat dong|sinh hoat|la (?:thanh vien|doan vien))(?: (?:bat ky|bat cu|bat ki|cac|mot|trong))* {_UNION}"
        r"(?! (?:van|cung) )",  # not "không tham gia công đoàn vẫn được hưởng phúc lợi"
        rf"\b(?:yeu cau|phai|cam ket|bat buoc) (?:\w+ ){{0,2}}?(?:roi|ra khoi|rut khoi|bo) (?:khoi )?{_UNION}",
        # a pledge never to take part in a strike the representative organization leads
        r"\b(?:cam ket|yeu cau|phai|bat buoc)(?: \w+){0,2}? khong (?:tham gia |to chuc |cam dau )?(?:dinh cong|lan cong)\b",
        r"\b(?:no|not|never) (?:be |being |been )?(?:an? )?(?:trade |labou?r )?union (?:members?|activists?|membership|activity|"
        r"activities|involvement)\b",
        r"\b(?:not|never) (?:to )?(?:join|joined|form|be (?:a )?members? of|belong to|been in|participate in)(?: (?:a|any|the))? "
        r"(?:trade |labou?r )?unions?\b",
        r"\b(?:trade )?union (?:members|activists) (?:need not|should not|will not|are not|not)\b", r"\bnon union (?:workers?|staff|"
        r"applicants?|candidates?) only\b",
    ],
}
# … and in English: "Disabled applicants need not apply", "HIV positive candidates please don't apply".
_NOT_APPLY = (r"(?: (?:applicants|candidates|people|persons|workers|staff))? (?:please )?(?:do not|don t|need not|should not|must not) "
              r"apply\b")
for _ground, _people in {"disability": "disabled|handicapped", "hiv": "hiv positive|hiv", "marital_status": "married",
                         "appearance": "tattooed|overweight", "religion": "muslims?|christians?|buddhists?|catholics?",
                         "union": "union members|unionists|union activists"}.items():
    PHRASES[_ground].append(rf"\b(?:{_people}){_NOT_APPLY}")
# … and a bound refused: "Trên 40 xin đừng inbox", "ngoài 45 vui lòng không ứng tuyển" (not "trên 50 triệu").
AGE.append(re.compile(rf"\b(?:tren|qua|ngoai|over|above|u) (\d{{2}})(?: tuoi| t)?\b(?! (?:{_UNITS})(?!\w)){_REFUSED_AFTER}"))
for _ground, _words_of in _EXCLUDED.items():
    PHRASES[_ground] += [_REFUSE + _words_of, refusals.refused_after(_words_of)]
for _ground, _patterns in [*refusals.patterns().items(), *more.PHRASES.items(), *extra.PHRASES.items()]:
    PHRASES[_ground] += _patterns
COMPILED = {ground: [re.compile(pattern) for pattern in patterns] for ground, patterns in PHRASES.items()}
# One pattern per ground that matches where any of its patterns does: most texts are passed by a single search.
ANY_OF = {ground: re.compile("|".join(f"(?:{pattern})" for pattern in patterns)) for ground, patterns in PHRASES.items()}
AGE += [re.compile(pattern) for pattern in extra.AGE]
ANY_AGE = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in AGE))
# A marital status alone as an item of a list of requirements, over the written text: "Single, willing to travel",
# "Status: married" (not a room or a bed: "phòng Single, Double").
LISTED_STATUS = re.compile(r"(?:^|[:;,•(|/\n]|\s[-–]\s|^[-–*+]\s*)\s*(single|married|unmarried)\s*(?=[,;.)|/\n]|$)",
                           re.IGNORECASE | re.MULTILINE)
ROOMS = re.compile(r"\b(?:double|twin|triple|suite|queen|king|room|rooms|bed|beds|phòng|giường|shift|ca)\b", re.IGNORECASE)
# A statement that the employer does not discriminate names the grounds it does not look at …
NON_DISCRIMINATION = re.compile(r"\b(?:khong phan biet|khong ky thi|bat ke|bat luan|regardless of|irrespective of|without regard to|"
                                r"no matter|binh dang (?:ve|giua)|equal(?:ly)? (?:opportunit\w*|regardless))\b")
# … or right after the ground: "Tình trạng hôn nhân: không yêu cầu", "Hôn nhân: không quan trọng".
WAIVED = re.compile(r"\b(?:khong (?:yeu cau|quan trong|phan biet|bat buoc|gioi han|han che|can thiet)|bat ky|tuy y|any|"
                    r"not (?:required|important|relevant)|no requirements?|does not matter|doesn t matter)$")
# … as a list does after "không yêu cầu": "Không yêu cầu chiều cao, cân nặng".
_NOT_ASKED = r"\b(?:khong|chua) (?:yeu cau|can|gioi han|han che|quy dinh|bat buoc|doi hoi|xet|quan tam|hoi)"  # … or cares about
NOT_ASKED_HEAD = re.compile(_NOT_ASKED + r"(?: (?:ve|do|muc))*\b"
                            rf"|{more.NOT_ASKED_EN_HEAD}")
# A benefit and whom it is for, before a ground: "hỗ trợ nhà ở cho nhân viên đã có gia đình", "housing for married staff".
BENEFIT_FOR = re.compile(rf"\b(?:{more.FACILITIES}|ho tro|phu cap|tro cap|che do|nha o|cho o|phong|qua|uu dai|chinh sach|phuc loi|bao hiem|"
                         r"housing|allowance|benefits?|bonus|rooms?|insurance)(?: \w+){0,4} (?:cho|danh cho|for)(?: \w+){0,3}$")
# … of which a finding is a condition, not a ground listed: "Không yêu cầu kinh nghiệm, chưa lập gia đình".
A_CONDITION = re.compile(r"(?:khong|chua|da|co|phai|tu choi|chi|uu tien|yeu cau|tuyen|nhan|duoi|tren)\b")
# … with no hiring word in its clause ("nhân viên" folded is no "nhận").
HIRES_IN_CLAUSE = re.compile(r"\b(?:tuyen|chi nhan|uu tien|yeu cau|can tuyen|only|must|required)\b")
# … and no hiring word nor refusal in what it lists.
HIRING_WORDS = re.compile(r"\b(?:tuyen|nhan|uu tien|yeu cau|can|khong|tu choi|only|must|prefer\w*|not|no|except)\b")
# … and one that it asks nothing of them ends just before them: "không yêu cầu chiều cao", "không giới hạn độ tuổi".
NOT_REQUIRED = re.compile(_NOT_ASKED + r"(?: (?:ve|do|muc|la|chuyen|ung vien|ban|nguoi))*"
                          r"(?: \w+(?: \w+)? (?:hay|va|hoac|cung nhu))?$"
                          r"|\bno (?:\w+ )?(?:requirement|limit)s? (?:on|for|of)$|\bnot required$")
