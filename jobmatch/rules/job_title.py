"""Job titles as job boards write them, reduced to the words that name the occupation: board noise, pay, places,
"(Nam/Nữ)" and "Tuyển gấp" removed, brackets kept apart, syllables as words with and without diacritics."""
import re
import unicodedata
from dataclasses import dataclass

# Pieces that say nothing about the occupation: urgency, head counts, gender, terms of work.
NOISE = re.compile(
    r"\b(?:tuyển\s+gấp|cần\s+tuyển\s+gấp|cần\s+tuyển|"
    # … but not the recruiter's own trade ("Chuyên viên tuyển dụng", "Tư vấn tuyển sinh")
    r"(?<!viên\s)(?<!phòng\s)(?<!bộ\s)(?<!vấn\s)(?<!nhóm\s)(?<!sự\s)(?<!lý\s)tuyển(?:\s+dụng)?(?!\s+sinh)|gấp|hot|urgent|hiring|nam\s*/\s*nữ|nam\s+nữ|"
    r"nữ|nam|số\s+lượng\s+lớn|sl\s*\d+|\d+\s*người|đi\s+làm\s+ngay|bao\s+ăn\s+ở|bao\s+ăn|bao\s+ở|có\s+chỗ\s+ở|"
    r"part[\s-]*time|full[\s-]*time|remote|làm\s+online|làm\s+tại\s+nhà|ca\s+đêm|ca\s+ngày|ca\s+tối|ca\s+xoay|"
    r"làm\s+ca|ca\s+kíp|không\s+yêu\s+cầu\s+kinh\s+nghiệm|không\s+cần\s+kinh\s+nghiệm|có\s+kinh\s+nghiệm.*$|"
    r"biết\s+tiếng\s+\w+|tiếng\s+\w+\s+(?:tốt|giỏi|lưu\s+loát|giao\s+tiếp)|có\s+xe\s+đưa\s+đón|senior|junior|fresher|intern|thực\s+tập(?!\s+sinh)|mới\s+tốt\s+nghiệp|native|\d+|"
    # Work abroad: the country and the programme say where and how, not what the job is ("Hàn" of Hàn Quốc is no welder)
    r"xuất\s+khẩu\s+lao\s+động|xklđ|đơn\s+hàng|thực\s+tập\s+sinh(?:\s+kỹ\s+năng)?|tts|tokutei(?:\s+ginou)?|"
    r"kỹ\s+năng\s+đặc\s+định|visa|eps|e-?\d|đi\s+(?=nhật|hàn\s+quốc|đài\s+loan|đức|úc)|"
    # … but "tiếng Nhật" is the language the job asks for (a teacher, an interpreter)
    r"(?<!tiếng\s)(?:nhật\s+bản|nhật|hàn\s+quốc|đài\s+loan|trung\s+quốc|ba\s+lan|romania|israel|serbia|hungary|đức|úc))\b")
# Pay: it ends the piece that states it ("Thu Nhập 15-30 Triệu", "Lương cứng 7tr + hoa hồng", "Up to 2000$"); the
# payroll trades ("Kế toán tiền lương", "Nhân viên tính lương") and "lương y" (a herbalist) are no pay.
PAY = re.compile(r"(?<!tiền\s)(?<!tính\s)(?<!toán\s)(?<!bảng\s)lương(?!\s+y\b)|thu\s+nhập|triệu|\d\s*tr\b|\d+\s*k\b|"
                 r"usd|vnđ|\$|up\s*to|upto|hoa\s+hồng|thỏa\s+thuận|không\s+giới\s+hạn")
# A piece that states a place ("Hà Nội", "Tại Long An", "KCN VSIP", "Quận 3", "Q.1", "TP.HCM").
PLACE = re.compile(r"^(?:tại|ở|làm\s+việc\s+tại|khu\s+vực|kv|kcn|khu\s+công\s+nghiệp|quận|q\.|q\d|huyện|tp\.?|"
                   r"thành\s+phố|tỉnh|tòa\s+nhà|chi\s+nhánh|công\s+trình|công\s+ty|chuỗi|nhà\s+máy|bệnh\s+viện|"
                   r"phòng\s+khám|salon|gara|trung\s+tâm|trường)\b")
# … and so does whom the job is for ("Lái xe cho giám đốc", "Nanny cho gia đình Hàn"), but not lending or renting.
PLACE_ANYWHERE = re.compile(r"\b(?:tại|ở|cho(?!\s+(?:vay|thuê)\b))\s+.*$")
SEPARATORS = re.compile(r"\s+[-–—|]\s+|[|;,+]|\s[-–—]|[-–—]\s")
BRACKETS = re.compile(r"[(\[{]([^)\]}]*)[)\]}]")
WORD = re.compile(r"[^\W_]+(?:[&.][^\W_]+)*|\.net|c\+\+|c#")


def fold(text):
    """Lower-case ASCII letters: "Kế toán" → "ke toan" (đ → d)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").replace("đ", "d")


def has_diacritics(text):
    return fold(text) != text.lower()


@dataclass(frozen=True)
class TitleWords:
    """A title's pieces (the text, then each bracket), each a tuple of words as written, lower-case NFC; `marked` says
    whether the title was written with diacritics, so that "may" (sew) is not "máy" (machine)."""

    pieces: tuple
    marked: bool
    acronyms: frozenset  # words written in capitals in a title that is not all capitals ("BA", "QC", "IT")
    outside: int = 0  # how many of the pieces stand outside brackets (they come first)

    @property
    def words(self):
        return [word for piece in self.pieces for word in piece]


def words_of(text):
    """The words of a text, lower-case NFC: "Kỹ sư M&E (HN)" → ["kỹ", "sư", "m&e", "hn"]."""
    return WORD.findall(unicodedata.normalize("NFC", text).lower())


def _pieces(text, place_names):
    for piece in SEPARATORS.split(text):
        pay = PAY.search(piece)  # pay ends what names the job: "Nhân viên kinh doanh lương cao" is a sales rep
        piece = (piece[:pay.start()] if pay else piece).strip(" .:/")
        if not piece or PLACE.match(piece) or piece in place_names:
            continue
        piece = NOISE.sub(" ", PLACE_ANYWHERE.sub(" ", piece))
        words = [word for word in words_of(piece) if word not in place_names]
        if words:
            yield tuple(words)


def title_words(title, place_names=frozenset()):
    """The pieces of a posted title that may name the occupation. `place_names` are lower-case names of provinces
    and their usual short forms ("hà nội", "hn", "bình dương"), dropped wherever they stand alone."""
    title = unicodedata.normalize("NFC", title or "").strip()
    letters = [ch for ch in title if ch.isalpha()]
    all_capitals = bool(letters) and all(ch.isupper() for ch in letters)
    acronyms = frozenset() if all_capitals else frozenset(
        word.lower() for word in WORD.findall(title) if len(word) >= 2 and word.isupper())
    lowered = title.lower()
    brackets = BRACKETS.findall(lowered)
    outside = BRACKETS.sub(" - ", lowered)
    pieces = [*_pieces(outside, place_names)]
    outside_count = len(pieces)
    initials = _initials(pieces)
    for bracket in brackets:
        pieces += [piece for piece in _pieces(bracket, place_names) if piece not in initials]
    return TitleWords(tuple(pieces), has_diacritics(title), acronyms, outside_count)


def _initials(pieces):
    """The abbreviations a title spells out before them, each a piece of one word: "Business Analyst (BA)", "Hành
    chính nhân sự (HCNS)" say the job once; "BA" apart is another job (a beauty advisor, a business analyst)."""
    found = set()
    for piece in pieces:
        letters = "".join(fold(word)[0] for word in piece)
        found |= {(letters[start:end],) for start in range(len(letters)) for end in range(start + 2, len(letters) + 1)}
    return found


def title_phrase(title):
    """The words of a reference job title as the coder reads a posted one, so that it can match whole: "Đơn hàng chế
    biến thực phẩm" and "Thực tập sinh kỹ năng chế biến thực phẩm" name "chế biến thực phẩm"."""
    return tuple(word for piece in title_words(title).pieces for word in piece)
