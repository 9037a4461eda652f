"""Wording that asks for or excludes workers of one sex, read as a person reads it: "nam"/"nữ" and the nouns and English
words of one sex, unless the words around them make it a place, a name, a business, goods or people served of that sex, a
benefit or a right of women workers, both sexes, or the other sex welcomed too. Part of the discrimination check
(jobmatch/rules/discrimination.py), which cuts the text into words; the word lists are in discrimination_words.py."""
import re

from jobmatch.rules.discrimination_refusals import REFUSAL
from jobmatch.rules.discrimination_sex_context import (
    HIRES,
    both_sexes,
    goods_for,
    no_one_restricted,
)
from jobmatch.rules.discrimination_words import (
    AUDIENCE_BEFORE,
    BENEFITS,
    BUSINESS,
    CLIENTELE_BEFORE,
    COMPOUNDS,
    ENGLISH,
    GENDER_NOUNS,
    HIRING,
    LISTED_NOUNS,
    NU_AFTER,
    OTHERS_AFTER,
    PERSON_BEFORE,
    PLACE_AFTER,
    PLACE_AFTER_WRITTEN,
    PLACE_BEFORE,
    PLACE_BEFORE_PLAIN,
    RIGHT_AFTER,
    SALONS,
    SAME_SEX_CLIENTS,
    SERVING,
    TRADE_WORDS,
    UNIT_WORDS,
    UNIT_WORDS_PLAIN,
    WORKERS,
    YEAR_AFTER,
    YEAR_BEFORE,
)

# "nữ công" is needlework and home economics, a subject, unless a word makes it a worker: "nữ công nhân", "nữ công an".
_NOT_NEEDLEWORK = {"nhan", "an", "chuc", "vien", "tac", "ty", "trinh", "nghe", "ich", "viec", "so", "nhat"}
_NOT_REFUSED = re.compile(r"\b(?:khong|chua bao gio|never|not|don t|doesn t) (?:duoc |he )?(?:tu choi|loai(?: bo| tru)?|han che|"
                          r"exclude|reject|bar|turn away|refuse)(?: (?!tuyen|chi|can|nhan|uu|only|hiring|but|nhung)\w+){0,3}$")
_REFUSED_NEXT = re.compile(r"(?:\w+ )?" + REFUSAL)
# A trade of two words that "Nam" would otherwise start a place with: "NAM KỸ THUẬT VIÊN" (not Nam Kỳ), "nam kinh doanh".
_PLACES_AFTER = {("tu", "liem"), ("sai", "gon"), ("tan", "uyen"), ("cat", "tien"), ("tra", "my")}  # … and a place it starts
_TRADES = {("ky", "thuat"), ("ky", "su"), ("kinh", "doanh")}
# … and the trades of goods ("hàng") that "hàng năm" (yearly) would read as a year: "giao hàng nam", "bán hàng nam".
_GOODS_TRADES = {"giao", "ban", "kho", "boc", "chuyen", "chat", "xep", "soan", "nhap", "xuat", "phat", "chay", "ship"}
# … and what is counted per year: "1 lần/năm", "15 ngày phép/năm", "120tr/năm".
_PER_YEAR = {"lan", "dot", "ngay", "phep", "thang", "tuan", "tr", "trieu", "ty", "k", "luong", "usd", "d", "dong", "vnd", "ky", "chuyen"}
_ENGLISH_BENEFITS = {"maternity", "paternity", "leave", "benefits", "allowance", "insurance", "toilets", "restrooms", "dormitory",
                     "uniforms", "uniform", "changing"}


def _is_nam_or_nu(word, plain_text):
    if word.written == "nam" or word.written == "nữ":
        return True
    return plain_text and word.written == "nu"  # typed without diacritics: "chi tuyen nu"


def gender_quote(text, words, plain_text):
    """The employer's words that ask for or exclude one sex, or None: `words` are the text's words (discrimination.py).
    Work listed as harmful to women (Labour Code 2019, Art. 142) is no reason: the law asks the employer to tell women
    of the risks, and leaves the choice to them."""
    return next((quote for _i, quote in _quotes(text, words, plain_text)), None)


def _refused_after(text, words, i):
    """Whether the people named at `i` are refused just after: "Phụ nữ không phù hợp với vị trí …", "đàn ông xin miễn
    liên hệ" (discrimination_refusals.REFUSAL)."""
    end = next((k for k in range(i + 1, min(len(words), i + 8)) if re.search(r"[.;!?()\n]", text[words[k - 1].end:words[
        k].start])), min(len(words), i + 8))  # in its own sentence: not "Phụ nữ không phù hợp? Sai! …"
    return bool(_REFUSED_NEXT.match(" ".join(word.folded for word in words[i + 1:end])))


def _quotes(text, words, plain_text):
    """(index, quote) of each wording that asks for or excludes one sex, in the order written."""
    folded = [word.folded for word in words]
    # A title written In Capitals Throughout says nothing by its capitals; running text capitalizes only names.
    title_case = sum(text[word.start].isupper() for word in words) > 0.6 * len(words)
    both = both_sexes(text, words, folded, lambda i: _is_nam_or_nu(words[i], plain_text),
                      lambda i: i + 1 < len(words) and not re.search(r"[,:\-–]", text[words[i].end:words[i + 1].start]) and (
                          _refused_after(text, words, i)))  # "Chỉ tuyển nam, nữ vui lòng không nộp hồ sơ": one refused
    for i, word in enumerate(words):
        if i in both:
            continue
        previous = folded[i - 1] if i else ""
        following = folded[i + 1] if i + 1 < len(words) else ""
        if folded[i] in ENGLISH:
            if following == "s" or (folded[i] in {"man", "woman"} and following not in {"only", ""}) or (
                    folded[i] == "man" and previous.isdigit()):
                continue  # women's fashion, a man-hour, "lương 32 man" (ten thousand yen)
            if folded[i] == "waitress" and previous == "waiter":
                continue  # "Waiter/Waitress": either sex
            if _invited(text, words, folded, i) or (previous in {"welcome", "welcomes", "encourage", "including", "include"} and (
                    "only" not in folded[i + 1:i + 4])):
                continue  # "women are encouraged to apply", "we welcome women": an invitation, no one is excluded
            if _NOT_REFUSED.search(" ".join(folded[max(0, i - 6):i])):
                continue  # "We do not exclude women": a refusal said not to be made
            if set(folded[max(0, i - 4):i]) & _ENGLISH_BENEFITS or no_one_restricted(text, words, folded, i, _hired(words, i)):
                continue  # "maternity leave for female employees": what they have; "grooming products for men"
            yield i, _quote(text, words, i)
        if (previous, folded[i]) in GENDER_NOUNS and folded[i] != "nu":
            # "cần 2 em gái" (not "cần người đón em gái", a sister); "Đàn ông không phù hợp …"
            if ((_hired_just_before(words, i - 1) if previous in {"em", "be"} else _hiring_before(words, i - 1)) or (
                    previous not in {"em", "be"} and _refused_after(text, words, i))) and _names_one_sex(words, i, plain_text):
                yield i, _quote(text, words, i)
            if _listed(text, words, i):
                yield i, _quote(text, words, i, first=i - 1)
            continue
        if _hires_by_address(text, words, i, plain_text, title_case):
            yield i, _quote(text, words, i)
        if not _is_nam_or_nu(word, plain_text):
            continue
        if previous == "phu" and folded[i] == "nu":  # phụ nữ: women, a noun, wrong only as a hiring condition or refused
            if (_hiring_before(words, i - 1) or _refused_after(text, words, i)) and not goods_for(folded, i - 1):
                yield i, _quote(text, words, i)
            continue
        if _names_no_sex(text, words, folded, i, plain_text, title_case) or _welcomes_too(words, folded, i) or no_one_restricted(
                text, words, folded, i, _hired(words, i)):
            continue
        yield i, _quote(text, words, i)
    return None


def _invited(text, words, folded, i):
    """Whether the people named at `i` are invited in their sentence: "women are encouraged to apply", "Applications from
    women, ethnic minorities and people with disabilities are welcome" (not "women only")."""
    end = next((k for k in range(i + 1, min(len(words), i + 16)) if re.search(r"[.;!?()\n]", text[words[k - 1].end:words[
        k].start])), min(len(words), i + 16))
    following = folded[i + 1:end]
    before = folded[max(0, i - 4):i]  # "We welcome applications from women"
    return bool({"welcome", "encouraged"} & set(following) or {"welcome", "welcomes", "encourage", "encourages", "invite"} & set(
        before)) and "only" not in following


def _hires_by_address(text, words, i, plain_text, title_case):
    """Whether the word at `i` hires a man or a woman by the word one calls them: "cần 2 anh phụ hồ", "tuyển chị giúp việc"
    (not "liên hệ anh Hùng", a name, nor "anh chị", "anh em", "cô chú": anyone, nor "cô giáo", the teacher's common name)."""
    if words[i].written not in ({"anh"} if plain_text else {"anh", "chị", "cô", "chú"}) or (
            plain_text and (i < 1 or words[i - 1].folded != "cac")):
        return False  # typed without diacritics, only "các anh": "chi" is also "chỉ", "co" "có"
    following = words[i + 1] if i + 1 < len(words) else None
    if following and (following.folded in {"chi", "em", "va", "hoac", "giao", "chu", "bac", "di"} or (
            text[following.start].isupper() and not title_case)):
        return False
    return _hired_just_before(words, i)


def _hired_just_before(words, i):
    """Whether "tuyển", "cần" or "nhận" comes just before `i`, but for a number or "các", "thêm": "cần 2 anh", "tuyển gấp"."""
    before = i - 1
    while before >= 0 and i - before <= 3 and (words[before].folded.isdigit() or words[before].folded in {"cac", "them", "gap", "vai"}):
        before -= 1
    return before >= 0 and words[before].hiring and (words[before].folded in {"tuyen", "can", "nhan"} or (
        before and (words[before - 1].folded, words[before].folded) == ("uu", "tien")))  # "Ưu tiên các anh"


def _listed(text, words, i):
    """Whether the noun of one sex ending at `i` stands alone as an item of a list of requirements, the other sex not named
    next to it: "Thợ phụ điện lạnh: con trai, siêng năng" (not "con trai, con gái đều được", nor "phụ nữ" a measure is for)."""
    pair = (words[i - 1].folded, words[i].folded)
    if pair not in LISTED_NOUNS:
        return False
    before = text[words[i - 2].end:words[i - 1].start] if i > 1 else text[:words[i - 1].start]
    after = text[words[i].end:words[i + 1].start] if i + 1 < len(words) else "."
    if not (re.search(r"[:;,(\-•/\n]", before) or i == 1) or not re.search(r"[,;.)/\n]", after):
        return False
    following = {word.folded for word in words[i + 1:i + 5]}
    return not following & {"gai", "trai", "ba", "ong", "deu", "hoac", "nu", "nam", "dep", "manh"}


def _welcomes_too(words, folded, i):
    """Whether "nam"/"nữ" at `i` is welcomed besides the others: "nhận cả ứng viên nam", "kể cả nữ", "nam cũng được"."""
    if _NOT_REFUSED.search(" ".join(folded[max(0, i - 6):i])):
        return True  # "Không từ chối ứng viên nữ", "does not exclude women": a refusal said not to be made
    following = folded[i + 1:i + 3]
    if following[:1] in (["cung"], ["van"]) and following[1:] and following[1] in {"duoc", "nhan", "ok", "ung", "tuyen"}:
        return True
    if ("khuyen" in folded[i + 1:i + 4] and not _hiring_before(words, i)) or any(  # "khuyến khích lao động nữ", "nữ được khuyến khích"
            folded[start] in {"khuyen", "hoan", "chao", "welcome", "encourage"} and not _hiring_between(words, start + 1, i)
            for start in range(max(0, i - 5), i)):
        return True
    before = i - 1
    while before >= 0 and i - before <= 3 and folded[before] not in {"ca", "chi"} and not words[before].hiring:
        before -= 1  # "nhận cả thợ nữ", "nhận cả HLV nam"
    return before >= 1 and words[before].written in {"cả", "ca"} and folded[before - 1] in {"nhan", "tuyen", "ke", "them", "don", "luon",
                                                                                          "nghenh"}


def _names_one_sex(words, i, plain_text):
    """Whether the noun ending at `i` names one sex: "chị em" (women), not "chỉ em" nor "anh chị em" (everyone)."""
    if words[i - 1].folded != "chi":
        return True
    return (plain_text or words[i - 1].written == "chị") and (i < 2 or words[i - 2].folded != "anh")


def _names_no_sex(text, words, folded, i, plain_text, title_case):
    """Whether "nam"/"nữ" at `i` is part of a place, a name, a product, a team, a clinic or a worker's right."""
    return (_place_or_name(text, words, folded, i, plain_text, title_case) or _clientele(text, words, folded, i)
            or _right_or_benefit(text, words, folded, i))


def _place_or_name(text, words, folded, i, plain_text, title_case):
    word, previous = words[i], (folded[i - 1] if i else "")
    following = folded[i + 1] if i + 1 < len(words) else ""
    after_next = folded[i + 2] if i + 2 < len(words) else ""
    place_before = (previous in PLACE_BEFORE_PLAIN and folded[i - 2:i] != ["lao", "dong"]) if plain_text else (
        i > 0 and words[i - 1].written in PLACE_BEFORE)
    if place_before and (set(text[words[i - 1].end:word.start]) & set("([:,;") or (
            previous == "sao" and i > 1 and folded[i - 2].isdigit())):
        place_before = False  # "Lễ tân khách sạn 3 sao (nữ)": a hotel's stars, then the sex asked, not a place's name
    if folded[i] == "nam" and folded[max(0, i - 2):i] == ["kim", "chi"]:
        return True  # "kim chỉ nam": a guiding principle
    # huyện Lục Nam, đường Nguyễn Văn Nữ: a unit named before a capital (not "Lái xe đường dài nam", "chợ đêm nữ")
    before = folded[max(i - 2, 0):i] if plain_text else [word.written for word in words[max(i - 3, 0):i]]
    place_before = place_before or bool((UNIT_WORDS_PLAIN if plain_text else UNIT_WORDS) & set(before) and (
        plain_text or text[word.start].isupper()))
    # "kho_NAM_Long An": no Nam Long; "NAM KỸ THUẬT VIÊN": no Nam Kỳ
    place_after = bool(following) and text[word.end:words[i + 1].start] == " " and (following, after_next) not in _TRADES and (
        following in PLACE_AFTER or (following, after_next) in _PLACES_AFTER or (not plain_text and words[i + 1].written in
                                                                                   PLACE_AFTER_WRITTEN))
    place_after = place_after or (following == "hoc" and after_next not in {"viec", "nghe", "sinh", "vien", "tap", "lai", "va"})
    if place_before or (folded[i] == "nam" and place_after):
        return True  # miền Nam, Nam Định, Nam Từ Liêm, nam châm, nam khoa, khoa Nam học
    if folded[i] == "nu" and (following in NU_AFTER or (following, after_next) in {("ho", "sinh"), ("tu", "")} or (
            following == "cong" and after_next not in _NOT_NEEDLEWORK)):
        return True  # nữ trang, nữ hộ sinh (a midwife), nữ tu (a nun), nữ công (gia chánh): a subject taught
    if i and words[i - 1].written in PERSON_BEFORE and not _crew_before(text, words, i, title_case) and not (
            i > 1 and folded[i - 2] in {"tieng", "mon", "nganh"}):
        return True  # "anh Nữ", "chị Nam": a name (not "giáo viên tiếng Anh nữ": a language, then the sex asked)
    capital, hired = text[word.start].isupper(), _hiring_before(words, i)
    if not title_case and i and capital and text[words[i - 1].start].isupper() and text[words[i - 1].end:word.start] == " " and (
            not words[i - 1].hiring):
        return True  # in running text, "… phường Cam Hiệp Nam", "Công ty Phương Nam": the end of a proper name
    if not (title_case or hired) and capital and folded[i] == "nam" and following and following not in TRADE_WORDS and text[
            words[i + 1].start].isupper() and text[word.end:words[i + 1].start] == " ":
        return True  # … and its start: "Nhà xe Nam Phương", "Thép Nam Kim"
    if capital and following not in TRADE_WORDS and not (following and words[i + 1].hiring) and _in_business_name(
            text, words, folded, i):
        return True  # "Khách sạn Nam Hải", "Công ty TNHH Thương mại Hoàng Nam"
    if following in {"tuyen", "can"} and text[word.end:words[i + 1].start] == " " and _in_business_name(text, words, folded, i):
        return True  # "Cơ sở massage nam cần kế toán": the sex describes the business that hires, not whom it hires
    end = i
    while end and folded[end - 1] in {"cho", "rieng"}:
        end -= 1
    if end < i and end and folded[end - 1] == "danh" and _in_business_name(text, words, folded, end - 1):
        return True  # "Spa dành cho nữ", "phòng tập dành riêng cho nữ": its clients
    return plain_text and folded[i] == "nam" and _a_year(text, words, folded, i)


def _a_year(text, words, folded, i):
    """Whether "nam" typed without diacritics at `i` is "năm", a year: "2 nam kinh nghiem", "moi nam", "1 lan/nam", "nam
    2025" (not "Bep chinh: nam, 3 nam kinh nghiem", the sex, then the years; nor "giao hang nam", "nha hang nam")."""
    previous, following = (folded[i - 1] if i else ""), (folded[i + 1] if i + 1 < len(words) else "")
    before = text[words[i - 1].end:words[i].start].strip() if i else ":"
    after = text[words[i].end:words[i + 1].start].strip() if following else "."
    if previous == "hang" and i > 1 and folded[i - 2] in _GOODS_TRADES | {"nha"} and not (following.isdigit() and len(following) == 4):
        return False  # "giao hang nam": not "hàng năm" (but "giao hang nam 2024")
    if before == "/":
        return previous[:1].isdigit() or previous in _PER_YEAR  # "1 lan/nam", "15 ngay phep/nam", "120tr/nam"
    return (not before and (previous.isdigit() or previous in YEAR_BEFORE)) or (not after and (
        following.isdigit() or following in YEAR_AFTER))


def _crew_before(text, words, i, title_case):
    """Whether the word before "nam"/"nữ" at `i` calls a crew, not a person by name: "5 anh em nam", "các chị nữ"
    (not "anh Nam", a name in capitals in running text)."""
    if text[words[i].start].isupper() and not title_case:
        return False
    before = [word.folded for word in words[max(0, i - 2):i]]
    return len(before) == 2 and (before in (["anh", "em"], ["chi", "em"]) or before[0] in {"cac", "may", "nhung", "vai"} or (
        before[0].isdigit() and len(before[0]) <= 2))


def _clientele(text, words, folded, i):
    """Whether goods, services or a team named before "nam"/"nữ" are for that sex: "túi xách nữ", "mỹ phẩm cho nam giới"."""
    end = i
    while end and (folded[end - 1] in {"cho", "danh", "for", "rieng"} or re.fullmatch(r"u\d\d", folded[end - 1])):
        end -= 1  # "mỹ phẩm dành cho nam", "đội U21 nữ"
    if folded[max(0, end - 2):end] == ["xe", "khach"]:
        return False  # a coach ("xe khách"), not clients
    if folded[max(0, end - 2):end] == ["khach", "hang"] and set(folded[max(0, end - 5):end - 2]) & AUDIENCE_BEFORE:
        return True  # "nhắm tệp khách hàng nữ": an advertisement's audience
    if end == i and i and folded[i - 1] in SALONS and any(
            clients in " ".join(folded) for clients in SAME_SEX_CLIENTS[folded[i]]):
        return True  # "Lễ tân spa nam (chăm sóc da cho phái mạnh)": a salon for men, its clients said elsewhere
    if any(end > length and tuple(folded[end - length:end]) in OTHERS_AFTER and folded[end - length - 1] in SERVING and not {
            "danh", "hop"} & set(folded[max(0, end - length - 3):end - length - 1]) for length in (1, 2, 3)):
        return True  # "dạy học sinh nữ", "hỗ trợ giám đốc nữ": the people served or met (not "dành cho sinh viên nữ")
    alone = not re.match(r"\s*\w", text[words[i].end:])  # "quầy mỹ phẩm: nữ" (a requirement), not "Đồng phục: nam áo sơ mi"
    for stop in range(end, end - 3 if end == i else end - 1, -1):  # "thời trang công sở nữ": a kind of goods between
        if stop < 1 or (alone and re.search(r"[:,;]", text[words[stop - 1].end:words[i].start])) or set(folded[stop:end]) & (
                HIRING | TRADE_WORDS | {"nam", "nu"}) - {"cong"}:  # công sở, not công nhân
            return False
        if any(tuple(folded[stop - length:stop]) in CLIENTELE_BEFORE for length in (1, 2, 3) if stop >= length):
            return True
    return False


def _right_or_benefit(text, words, folded, i):
    """Whether "nam"/"nữ" names the workers a right or a benefit is for: "lao động nữ được nghỉ", "quà cho nhân viên nữ"."""
    following = folded[i + 1] if i + 1 < len(words) else ""
    after_next = folded[i + 2] if i + 2 < len(words) else ""
    if (following, after_next) in RIGHT_AFTER and text[words[i].end:words[i + 1].start] == " " and not any(
            word.hiring and word.folded != "nhan" for word in words[max(0, i - 3):i]):
        return True  # "lao động nữ được nghỉ …", "lao động nam khi vợ sinh con": a right, not a condition
    if following == "sinh" and after_next != "vien" and i and folded[i - 1] in SERVING | {"bong"}:
        return True  # "học bổng cho nữ sinh", "dạy kèm nam sinh lớp 9": schoolchildren served (not "nữ sinh viên")
    if following and words[i + 1].written in {"mặc", "mac"} and not _hired(words, i):
        return True  # a dress code: "nữ mặc áo dài, nam mặc sơ mi" (not "Tuyển nữ mặc áo dài đón khách")
    worker = next((len(noun) for noun in WORKERS if i >= len(noun) and tuple(folded[i - len(noun):i]) == noun), 0)
    if not worker:
        return False
    first, last = max(0, i - worker - 8), i - worker
    window = folded[first:last]
    if (set(window[-3:]) & {"cho", "voi", "cua", "co", "gom", "chiem"} or "trong do" in " ".join(window[-4:])) and not (
            _hiring_between(words, first, last)):
        return True  # "phòng vắt sữa cho lao động nữ", "xưởng có 200 lao động nữ", "trong đó 150 lao động nữ": what they have or are
    for start in range(len(window)):
        for length in (1, 2):
            if tuple(window[start:start + length]) in BENEFITS and not _hiring_between(words, first + start + length, last,
                                                                                        but={"danh"}):
                return True  # a benefit, then (for) the workers, with no hiring word between: "chế độ lao động nữ"
    return False


def _in_business_name(text, words, folded, i):
    """Whether a business is named in the few words before `i`, with no punctuation, hiring word or trade between."""
    for first in range(max(0, i - 5), i):
        for length in (1, 2):
            if first + length > i or tuple(folded[first:first + length]) not in BUSINESS:
                continue
            if not _hiring_between(words, first + length, i) and not set(folded[first + length:i]) & TRADE_WORDS and not re.search(
                    r"[^\w\s]", text[words[first].end:words[i].start]):
                return True
    return False


def _hired(words, i):
    """Whether a word that hires ("tuyển", "cần", "ưu tiên", "chỉ", "yêu cầu", "only") comes in the three words before `i`."""
    return any(word.hiring and word.folded in HIRES for word in words[max(0, i - 3):i])


def _hiring_before(words, i):
    return _hiring_between(words, i - 3, i)


def _hiring_between(words, first, last, but=()):
    return any(word.hiring and word.folded not in but for word in words[max(0, first):last])


def _quote(text, words, last, first=None):
    """The employer's words from two words before the last one found (or `first`) to it, with a bracket it opened."""
    first = max(0, last - 2) if first is None else first
    while first and (words[first - 1].folded, words[first].folded) in COMPOUNDS and text[words[first - 1].end:words[
            first].start] == " ":
        first -= 1  # a whole word: "Ưu tiên phái nữ", not "tiên phái nữ"
    start, end = words[first].start, words[last].end
    while end < len(text) and text[end] in ")]_" and text[start:end].count("(") + text[start:end].count("[") > 0:
        end += 1
    while start > 0 and text[start - 1] in "([" and end < len(text) and text[end] in ")]":
        start, end = start - 1, end + 1
    return text[start:end].strip()
