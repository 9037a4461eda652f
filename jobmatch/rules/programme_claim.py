"""A vacancy that says in words it recruits for an overseas programme ("EPS", "E-9", "chương trình cấp phép việc làm"),
whatever its programme field says: the programme's own recruiter rule then applies to it.

Abroad, any such words make it the programme's vacancy ("Lao động nông nghiệp tại Hàn Quốc (EPS)"). At home, they do
only when the work itself is abroad ("… tại Hàn Quốc", "Tuyển lao động đi Hàn theo EPS", "xuất khẩu lao động"), not
when the job serves such workers ("Phiên dịch tiếng Hàn cho người lao động EPS về nước", "Giáo viên luyện thi EPS-TOPIK
cho lao động đi Hàn"). "EPS" is also a foam board ("tấm panel EPS", "xốp EPS"), which claims nothing."""
import re
import unicodedata
from dataclasses import dataclass

from jobmatch.rules.job_title import fold

_WORD = re.compile(r"[^\W_]+")

# Each programme's words, folded, as sequences of words.
PROGRAMME_WORDS = {
    "EPS": (("eps",), ("e", "9"), ("e9",), ("cap", "phep", "viec", "lam")),
}
# Any programme's words, in a folded text, to skip at once the texts that hold none.
_HINT = re.compile(r"(?<![^\W_])(?:eps|e\W?9|cap\W+phep\W+viec\W+lam)(?![^\W_])")
# Words before "EPS" that make it expanded polystyrene: a board, foam, beads, insulation.
_MATERIAL_BEFORE = {"xop", "panel", "tam", "hat", "mut", "foam", "hop", "thung", "vach", "tran", "nhiet", "khoi", "op"}
# At home, words saying the work itself is abroad …
_ABROAD = (("tai", "han"), ("o", "han"), ("lam", "viec", "tai", "han"), ("xuat", "khau", "lao", "dong"), ("xkld",),
           ("di", "han"), ("sang", "han"), ("qua", "han"), ("korea",))
# … unless just before it the job serves such workers: their return, their past work, their training ("cho lao động đi
# Hàn", "lao động EPS về nước đã làm việc tại Hàn Quốc").
_SERVING_WINDOW = 8
_SERVING = (("ve", "nuoc"), ("hoi", "huong"), ("tro", "ve"), ("da", "tung"), ("tung", "lam"), ("da", "lam"), ("da", "di"),
            ("cho", "lao", "dong"), ("cho", "nguoi", "lao", "dong"), ("cho", "hoc", "vien"), ("luyen", "thi"), ("day",),
            ("giao", "vien"), ("phien", "dich"))


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
    serving = [i for i, _length in _occurrences(index, _SERVING)]
    return any(not any(i - _SERVING_WINDOW <= j < i for j in serving) for i, _length in _occurrences(index, _ABROAD))


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
            if folded[i] == "eps" and i and folded[i - 1] in _MATERIAL_BEFORE:
                continue
            if folded[i] == "e" and text[words[i][2]:words[i + 1][1]] not in ("-", "", " "):
                continue  # "E-9", "E9", "E 9": a visa; not "E, 9"
            return ProgrammeClaim(code, text[words[i][1]:words[i + length - 1][2]])
    return None
