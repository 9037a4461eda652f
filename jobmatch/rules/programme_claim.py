"""A vacancy that says in words it recruits for an overseas programme ("EPS", "E-9", "chương trình cấp phép việc làm"),
whatever its programme field says: the programme's own recruiter rule then applies to it.

Abroad, any such words make it the programme's vacancy ("Lao động nông nghiệp tại Hàn Quốc (EPS)"). At home, they do
only when the work itself is abroad ("… tại Hàn Quốc", "Tuyển lao động đi Hàn theo EPS", "xuất khẩu lao động"), not
when the job serves such workers ("Phiên dịch tiếng Hàn cho người lao động EPS về nước", "Giáo viên luyện thi EPS-TOPIK
cho lao động đi Hàn"). "EPS" is also a foam board ("tấm panel EPS", "xốp EPS"), which claims nothing."""
import re
import unicodedata
from dataclasses import dataclass

from jobmatch.rules.job_title import fold, has_diacritics

_WORD = re.compile(r"[^\W_]+")

# Each programme's words, folded, as sequences of words.
PROGRAMME_WORDS = {
    "EPS": (("eps",), ("e", "9"), ("e9",), ("cap", "phep", "viec", "lam")),
}
# Between the letter and the digit of a visa's name ("E-9", "E – 9", "E.9", "E9").
_CODE_GAP = re.compile(r"\s*[-–—.]?\s*")
# Any programme's words, in a folded text, to skip at once the texts that hold none (built from PROGRAMME_WORDS).
_HINT = re.compile(r"(?<![^\W_])(?:{})(?![^\W_])".format("|".join(
    r"[\W_]*".join(map(re.escape, sequence)) for sequences in PROGRAMME_WORDS.values() for sequence in sequences)))
# Words before "EPS" that make it expanded polystyrene: a board, foam, beads, insulation, as written (lower-case) and
# folded for a text written without diacritics ("tấm" a board, not "tâm" a centre).
_MATERIAL_BEFORE = {"xốp", "panel", "tấm", "hạt", "mút", "foam", "hộp", "thùng", "vách", "trần", "nhiệt", "khối", "ốp"}
_MATERIAL_BEFORE_FOLDED = {fold(word) for word in _MATERIAL_BEFORE}
# At home, words saying the work itself is abroad …
_ABROAD = (("tai", "han"), ("o", "han"), ("han", "quoc"), ("lam", "viec", "han"), ("lam", "viec", "tai", "han"),
           ("xuat", "khau", "lao", "dong"), ("xkld",), ("di", "han"), ("sang", "han"), ("qua", "han"), ("korea",))
# … but "Hàn Quốc" after these words is a company, a language or a partner at home ("Kế toán công ty Hàn Quốc").
_KOREAN_AT_HOME = (("cong", "ty"), ("doanh", "nghiep"), ("tieng",), ("nha", "may"), ("khach", "hang"), ("doi", "tac"), ("von",))
# … unless just before it the job serves such workers: their return, their past work, their training ("cho lao động đi
# Hàn", "lao động EPS về nước đã làm việc tại Hàn Quốc").
_SERVING_WINDOW = 8
_SERVING = (("ve", "nuoc"), ("hoi", "huong"), ("tro", "ve"), ("da", "tung"), ("tung", "lam"), ("da", "lam"), ("da", "di"),
            ("cho", "lao", "dong"), ("cho", "nguoi", "lao", "dong"), ("cho", "hoc", "vien"), ("luyen", "thi"), ("day",),
            ("giao", "vien"), ("phien", "dich"))


def database_hints():
    """LIKE patterns (any letter case) that every text claiming a programme matches, built from PROGRAMME_WORDS: a cheap
    superset for a database to find the few texts worth reading, whatever the database's case folding of Vietnamese
    letters or its JSON escapes: a code as written ("eps"); a visa's letter and digit with up to three characters between
    ("E – 9"); Vietnamese words by their consonants ("c%p_ph%p_v%c_l%m" for "CẤP PHÉP VIỆC LÀM"). The rule decides."""
    hints = set()
    for sequences in PROGRAMME_WORDS.values():
        for sequence in sequences:
            if len(sequence) == 1:
                hints.add(f"%{sequence[0]}%")
            elif all(len(word) == 1 for word in sequence):
                hints.update(f"%{gap.join(sequence)}%" for gap in ("", "_", "__", "___"))
            else:
                hints.add("%" + "_".join(re.sub("[aeiouy]+", "%", word) for word in sequence) + "%")
    return sorted(hints)


@dataclass(frozen=True)
class ProgrammeClaim:
    code: str  # the programme's code
    quote: str  # the employer's words that claim it, as written


def _words(text):
    text = unicodedata.normalize("NFC", text)
    return text, [(fold(match.group(0)), match.start(), match.end()) for match in _WORD.finditer(text)]


def _occurrences(index, sequences):
    """(position, length) of every occurrence of any of the sequences of words; index: (the folded words, {word: its
    positions})."""
    words, starts = index
    return [(i, len(sequence)) for sequence in sequences for i in starts.get(sequence[0], ())
            if tuple(words[i:i + len(sequence)]) == sequence]


def _work_abroad(index):
    """Some words at home say the work itself is abroad, with no words of serving such workers just before them."""
    words, _starts = index
    serving = [i for i, _length in _occurrences(index, _SERVING)]
    return any(not any(i - _SERVING_WINDOW <= j < i for j in serving) for i, _length in _occurrences(index, _ABROAD)
               if not (words[i] == "han" and any(tuple(words[max(i - len(before), 0):i]) == before for before in _KOREAN_AT_HOME)))


def _material(text, word):
    """The word says "EPS" is the foam: compared as written where the text has diacritics, folded where it has none."""
    folded, start, end = word
    if has_diacritics(text):
        return text[start:end].lower() in _MATERIAL_BEFORE
    return folded in _MATERIAL_BEFORE_FOLDED


def claimed_programme(text, *, abroad):
    """The programme the text says the vacancy recruits for, with the words that say it, or None; abroad: whether the
    vacancy is for work abroad (otherwise the work must be said to be abroad, and not for serving such workers)."""
    if not _HINT.search(fold(text or "")):  # most texts claim nothing: they are not cut into words
        return None
    text, words = _words(text)
    folded = [word for word, _start, _end in words]
    starts = {}
    for i, word in enumerate(folded):
        starts.setdefault(word, []).append(i)
    index = (folded, starts)
    if not abroad and not _work_abroad(index):
        return None
    for code, sequences in PROGRAMME_WORDS.items():
        for i, length in sorted(_occurrences(index, sequences)):
            if folded[i] == "eps" and i and _material(text, words[i - 1]):
                continue
            if folded[i] == "e" and not _CODE_GAP.fullmatch(text[words[i][2]:words[i + 1][1]]):
                continue  # "E-9", "E9", "E 9", "E.9", "E – 9": a visa; not "E, 9"
            return ProgrammeClaim(code, text[words[i][1]:words[i + length - 1][2]])
    return None
