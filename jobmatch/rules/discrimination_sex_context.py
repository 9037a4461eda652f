"""Mentions of the sexes that restrict no one hired, read from the words around "nam"/"nữ" (or a noun or an English word
of one sex): both sexes named side by side ("bạn nam và bạn nữ", "phòng nam và phòng nữ riêng", "chị em và anh em"), a
dress code by sex ("Nam: quần tây; Nữ: váy"), the customers an advertisement describes ("Khách hàng mục tiêu: nữ văn
phòng"), goods or services for one sex ("sản phẩm chăm sóc râu cho nam giới", "skincare line for women"), a statistic of
the workforce ("70% nhân viên là nữ") and the law quoted ("nghỉ hưu theo Bộ luật: nam 61 tuổi, nữ 56 tuổi"). Part of the
discrimination check's reading of sex (jobmatch/rules/discrimination_gender.py)."""
import re

from jobmatch.rules.discrimination_words import RIGHT_AFTER, WORKERS
from jobmatch.rules.job_title import fold

# The words that hire, said just before a sex: "tuyển", "cần", "nhận", "ưu tiên", "chỉ", "yêu cầu", "only" …
HIRES = {"tuyen", "can", "nhan", "uu", "tien", "chi", "yeu", "cau", "only", "hiring", "wanted", "looking"}
# Nouns of two words naming one sex, by the sex they name ("anh em" a crew of men, as against "chị em").
MALE_PAIRS = {("con", "trai"), ("dan", "ong"), ("phai", "manh"), ("chang", "trai"), ("ban", "trai"), ("em", "trai"),
               ("be", "trai"), ("anh", "em"), ("nam", "gioi")}
_FEMALE_PAIRS = {("con", "gai"), ("dan", "ba"), ("phu", "nu"), ("phai", "nu"), ("phai", "dep"), ("co", "gai"), ("ban", "gai"),
                 ("em", "gai"), ("be", "gai"), ("chi", "em"), ("nu", "gioi")}
MALE_WORDS = {"male", "males", "men", "man", "boys", "boy", "gentlemen", "gentleman"}
_FEMALE_WORDS = {"female", "females", "women", "woman", "girls", "girl", "ladies", "lady"}
# Words that may stand between two sexes named side by side: "nam và nữ", "nam giới lẫn nữ giới", "các bạn nam cũng như các
# bạn nữ" (and the noun said before the first, said again: "phòng nam và phòng nữ", "lao động nam, lao động nữ").
_BETWEEN = {"hoac", "va", "hay", "lan", "or", "and", "ca", "cung", "nhu", "voi", "gioi", "cac", "ban", "nhung", "deu", "both"}
# Clothes, as a dress code names them after the sex: "Nam: quần tây", "nữ váy công sở", "Nam - vest" (with diacritics, which
# tell "quần" from "quán", "váy" from "vay", "dép" from "đẹp", "giày" from "giấy"; typed without them, two words).
_GARMENTS = {"quần", "áo", "váy", "đầm", "sơ", "vest", "giày", "giầy", "dép", "gile", "mũ", "nón", "juýp", "jupe", "comple",
             "suit", "shirt", "trousers", "skirt", "dress", "blouse", "pants", "uniform", "đồng"}
_GARMENTS_PLAIN = {("quan", "tay"), ("quan", "au"), ("quan", "jean"), ("quan", "kaki"), ("quan", "den"), ("ao", "so"),
                   ("ao", "dai"), ("ao", "thun"), ("ao", "khoac"), ("ao", "vest"), ("ao", "polo"), ("ao", "trang"), ("so", "mi"),
                   ("chan", "vay"), ("vay", "cong"), ("vay", "den"), ("dam", "cong"), ("giay", "da"), ("giay", "cao"),
                   ("dong", "phuc")}
_DRESS_VERBS = {"mặc", "mac", "mang", "đi", "thì", "thi", "wear", "wears", "không", "khong"}
# … and grooming: "nam cắt tóc ngắn, nữ búi tóc gọn", "Nam không để tóc dài", "nữ trang điểm nhẹ".
_GROOMING = {"tóc", "búi", "buộc", "cắt", "để", "cạo", "đeo", "trang", "hair"}
# The customers an advertisement aims at, described before the sex: "Khách hàng mục tiêu: nữ", "Tệp khách: nam", "KH chủ yếu
# là nữ", "Target audience: women" (not "chăm sóc khách hàng nữ": clients served, as a worker's task, says no label).
_AUDIENCE = re.compile(r"\b(?:(?:khach hang|khach|kh|customers?|clients?|audience|nguoi mua|nguoi dung|users?|buyers?|shoppers?)"
                       r"(?: \w+){0,2}? (?:muc tieu|tiem nang|chu yeu|chinh|chu luc|da so|phan lon|hau het|target|main|mostly|"
                       r"thuong|deu|mainly|primarily|largely|chiefly)(?: (?:la|are|is|gom|have))?|"
                       r"(?:doi tuong|chan dung|tep|phan khuc|target|nhom|persona) "
                       r"(?:khach hang|khach|kh|customers?|audience|nguoi dung|nguoi mua|users?)(?: \w+){0,2}?|"
                       r"(?:target|targeting|nham|huong) (?:den |toi |vao )?(?:audience|khach|customers?)?)$")
# Goods and services for one sex, the sex after "cho", "dành (riêng) cho", "for": "sản phẩm chăm sóc râu cho nam giới",
# "thực phẩm bổ sung dành cho nữ", "grooming products for men" (not "công việc phù hợp cho nam": a job is no goods).
_GOODS = {("san", "pham"), ("dich", "vu"), ("thuc", "pham"), ("my", "pham"), ("duoc", "pham"), ("thuoc",), ("thoi", "trang"),
          ("quan", "ao"), ("do", "lot"), ("noi", "y"),
          ("trang", "phuc"), ("phu", "kien"), ("nuoc", "hoa"), ("vitamin",), ("sua", "tam"), ("sua", "rua"),
          ("dau", "goi"), ("mat", "na"), ("lieu", "trinh"), ("khoa", "hoc"), ("lop", "hoc"), ("goi", "kham"), ("goi", "tap"),
          ("bo", "suu"), ("dong", "san"), ("nhan", "hieu"), ("thuong", "hieu"), ("products",), ("product",), ("goods",),
          ("clothing",), ("apparel",), ("fashion",), ("shoes",), ("cosmetics",), ("skincare",), ("grooming",), ("wear",),
          ("vitamins",), ("supplements",), ("services",), ("fragrances",), ("perfume",), ("collection",), ("line",),
          ("brand",), ("classes",), ("courses",), ("range",), ("care",), ("spa",), ("salon",), ("gym",), ("clinic",),
          # … and services taught or given to them: "dạy bơi cho nữ", "huấn luyện võ cho nữ", "khám cho nam"
          ("day",), ("huan", "luyen"), ("kham",), ("lop",), ("tu", "van"), ("cham", "soc"), ("cat", "toc"), ("massage",),
          # … and rooms kept for them: "phòng nghỉ trưa cho nữ", "khu thay đồ dành cho nam"
          ("phong",), ("khu",), ("ktx",), ("toilet",), ("wc",), ("locker",), ("room",), ("rooms",)}
_NOT_GOODS = {"nhan", "vien", "tuyen", "can", "uu", "tien", "chi", "yeu", "cau", "hop", "phu", "cong", "viec", "job", "jobs",
              "role", "position", "staff", "hiring", "only"}
# A statistic of the workforce, the sex after a share of it: "70% nhân viên là nữ", "đa số là nữ", "60% of our staff are women".
_SHARE_WORDS = {"%", "percent", "majority", "most", "half"}
# People the work serves named right after the sex: "nữ khách", "nam bệnh nhân", "nữ du khách" (not "nữ khách sạn": a hotel).
_SERVED_AFTER = {("khach", "hang"), ("benh", "nhan"), ("hoi", "vien"), ("du", "khach"), ("thuc", "khach"), ("khach", "vip"),
                 ("khach", "le"), ("khach", "quen")}
# English nouns after "female"/"male" that make it goods, a team or people served: "female hygiene products", "male patients".
_ENGLISH_NOT_STAFF = {"products", "product", "brand", "brands", "fashion", "clothing", "apparel", "shoes", "cosmetics", "grooming",
                      "hygiene", "wear", "underwear", "lingerie", "footwear", "skincare", "line", "collection", "toilets",
                      "restrooms", "dormitory", "dorm", "team", "teams", "football", "volleyball", "patients", "clients",
                      "customers", "guests", "health", "wellness", "ward", "students", "pupils", "members", "market", "audience",
                      "consumers", "shoppers", "segment", "changing", "locker", "bathroom", "bathrooms", "fragrance", "perfume"}
# … and a person cared for, described by age: "caregiver for a 70-year-old man", "nanny for a 2 year old boy".
_CARED_FOR = re.compile(r"\b(?:for|of|with|after|care|caring|tutor|tutoring|teach|teaching|assist|assisting|help|helping|"
                        r"accompany|drive|driving) (?:an? |our |my |the )?(?:\d{1,3} )?(?:years?|yrs?|months?) old$")
_SHARE_PAIRS = {("da", "so"), ("phan", "lon"), ("hau", "het"), ("phan", "tram"), ("ty", "le"), ("ti", "le"), ("mot", "nua")}
# A right or a benefit the workers of one sex have, said later in the clause: "Nhân viên nữ làm ca đêm được bố trí xe đưa
# đón", "Nữ ca đêm có phụ cấp", "nữ nghỉ 8/3", "Female employees are entitled to …" (not "nữ được ưu tiên": a preference).
_RIGHT = re.compile(r"^(?:(?:nhan vien|cong nhan|lao dong|employees|staff|workers) )?(?:\w+ ){0,4}?(?:duoc (?:nghi|huong|ho tro|cap|"
                    r"bo tri|phu cap|tang|kham|mien|giam|dua don|dua ruoc|tro cap|bao hiem)|co (?:phu cap|che do|tro cap|xe dua)|"
                    r"nghi (?:\d|thai|phep|ngay|nua|le|8|20)|huong (?:che do|phu cap|luong)|(?:are |is )?entitled|(?:are |is )?eligible|"
                    r"get \d+ days?|receive|enjoy)")
# … or before the sex, after "cho": "Phụ cấp độc hại cho nam làm kho lạnh", "xe đưa đón cho nữ ca đêm".
_BENEFIT_FOR = re.compile(r"\b(?:phu cap|tro cap|che do|ho tro|qua|thuong|bao hiem|uu dai|phuc loi|xe dua don|allowance|bonus|"
                          r"leave)(?: \w+){0,3} (?:cho|danh cho|for)$")
# The law quoted: a retirement age, a code, a decree, named in the sentence before the sex.
_LAW = re.compile(r"\b(?:nghi huu|ve huu|tuoi huu|huu tri|bo luat|luat lao dong|nghi dinh|thong tu|dieu \d+|labou?r code|decree|"
                  r"article \d+|retire\w*)\b")


def both_sexes(text, words, folded, is_sex, refused=lambda i: False):
    """The indexes of the words naming one sex with the other named next to it, as one mention of both (not when the
    second is refused just after it: "Chỉ tuyển nam, nữ vui lòng không nộp hồ sơ")."""
    markers = []
    for i in range(len(words)):
        pair = tuple(folded[i - 1:i + 1]) if i else ()
        if pair in MALE_PAIRS or pair in _FEMALE_PAIRS:
            markers.append((i - 1, i, "m" if pair in MALE_PAIRS else "f"))
        elif folded[i] in MALE_WORDS or folded[i] in _FEMALE_WORDS:
            markers.append((i, i, "m" if folded[i] in MALE_WORDS else "f"))
        elif is_sex(i) and (i + 1 == len(words) or folded[i + 1] != "gioi"):
            markers.append((i, i, "m" if folded[i] == "nam" else "f"))
    both = set()
    for (first, last, sex), (other_first, other_last, other) in zip(markers, markers[1:], strict=False):
        between = folded[last + 1:other_first]
        repeated = set(folded[max(0, first - 3):first])
        if sex != other and len(between) <= 4 and set(between) <= _BETWEEN | repeated and not (
                set(text[words[last].end:words[other_first].start]) & set("():[]")) and not refused(other_last):
            both |= set(range(first, other_last + 1))
    return both


def no_one_restricted(text, words, folded, i, hired):
    """Whether the sex named at `i` is of a dress code, an audience, goods, a statistic or the law, not of whom is hired.
    `hired`: whether a hiring word comes just before."""
    return not hired and (_dress_code(text, words, folded, i) or _audience(words, folded, i) or goods_for(folded, i)
                          or _statistic(words, folded, i) or _law_quoted(text, words, i) or _served_or_owed(folded, i)
                          or _right_or_benefit(text, words, folded, i))


def _right_or_benefit(text, words, folded, i):
    end = next((k for k in range(i + 1, min(len(words), i + 9)) if re.search(r"[,.;:!?()\n]", text[words[k - 1].end:words[
        k].start])), min(len(words), i + 9))  # the rest of the clause
    return bool(_RIGHT.search(" ".join(folded[i + 1:end])) or _BENEFIT_FOR.search(" ".join(folded[max(0, i - 6):i])))


def _served_or_owed(folded, i):
    """ "nữ khách VIP", "nam bệnh nhân" (people served); "Nữ công nhân được tặng quà" (a right); "female hygiene products",
    "male patients", "a 5-year-old girl" cared for (English)."""
    after = tuple(folded[i + 1:i + 3])
    if after in _SERVED_AFTER or (after[:1] == ("khach",) and after[1:] != ("san",)):
        return True
    for noun in WORKERS:
        if tuple(folded[i + 1:i + 1 + len(noun)]) == noun and tuple(folded[i + 1 + len(noun):i + 3 + len(noun)]) in RIGHT_AFTER:
            return True  # "Nữ công nhân được tặng quà 8/3", "nam nhân viên được nghỉ khi vợ sinh"
    if folded[i] in MALE_WORDS | _FEMALE_WORDS:
        if set(folded[i + 1:i + 3]) & _ENGLISH_NOT_STAFF and not {"staff", "employees", "workers", "candidates",
                                                                   "applicants"} & set(folded[i + 1:i + 3]):
            return True
        looking = {"looking", "hiring", "need", "needed", "seeking", "want", "wanted", "recruiting"} & set(folded[max(0, i - 8):i])
        return not looking and bool(_CARED_FOR.search(" ".join(folded[max(0, i - 6):i])))
    return False


def _dress_code(text, words, folded, i):
    """ "Nam: quần tây; Nữ: váy", "nữ váy công sở", "Nam - vest", "nữ búi tóc": the clothes and hair each sex wears."""
    following = i + 1
    if following < len(words) and words[following].written in _DRESS_VERBS:
        following += 1
    if following >= len(words) or re.search(r"[^\s:\-–]", text[words[following - 1].end:words[following].start]):
        return False
    return words[following].written in _GARMENTS | _GROOMING or tuple(folded[following:following + 2]) in _GARMENTS_PLAIN


def _audience(words, folded, i):
    return bool(_AUDIENCE.search(" ".join(folded[max(0, i - 6):i])))


def goods_for(folded, i):
    last = i - 1
    if last < 0 or folded[last] not in {"cho", "for"}:
        return False
    last -= 1
    while last >= 0 and folded[last] in {"rieng", "danh", "specially", "designed", "made"}:
        last -= 1  # "dành riêng cho nam", "designed for women"
    for first in range(last, max(-1, last - 6), -1):  # a kind of goods may stand between: "sản phẩm chăm sóc râu cho nam"
        if any(tuple(folded[first:first + length]) in _GOODS for length in (1, 2)):
            return True
        if folded[first] in _NOT_GOODS:
            return False
    return False


def _statistic(words, folded, i):
    before = folded[max(0, i - 8):i]
    if tuple(before[-2:]) in {("ty", "le"), ("ti", "le")} or "chiem" in folded[i + 1:i + 3]:
        return True  # "Tỷ lệ nữ trong công ty là 65%", "Nữ giới chiếm 60% lực lượng lao động"
    if before and before[-1] in {"%", "percent"} and not any(word.hiring and word.folded in HIRES for word in words[max(0, i - 5):i]):
        return True  # "The team is 60% female", "đội ngũ 70% nữ"
    if not before or before[-1] not in {"la", "are", "is", "were"} or any(
            word.hiring and word.folded in HIRES for word in words[max(0, i - 5):i]):
        return False  # "Ưu tiên 70% là nữ" hires
    return bool(set(before) & _SHARE_WORDS) or any(tuple(before[k:k + 2]) in _SHARE_PAIRS for k in range(len(before) - 1))


def _law_quoted(text, words, i):
    sentence = fold(re.split(r"[.;!?\n]", text[:words[i].start])[-1])
    return bool(_LAW.search(sentence)) and not re.search(r"\b(?:tuyen|can|chi nhan|uu tien|yeu cau)\b", sentence)
