"""Vietnamese folding in Python, since the server-core distribution has no asciifolding filter."""
import unicodedata
from functools import lru_cache

# Words and names, folded again and again by every search and by indexing (a language has a few thousand syllables,
# and a million documents fold each of them hundreds of thousands of times), are kept; long texts are not.
SHORT_TEXT = 64


def fold(text):
    """Fold Vietnamese text to plain lower-case ASCII letters: "Kế toán Đà Nẵng" → "ke toan da nang"."""
    if not text:
        return ""
    if text.isascii():  # nothing to decompose, strip or replace
        return text.lower()
    return _fold_short(text) if len(text) <= SHORT_TEXT else _fold(text)


def _fold(text):
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


_fold_short = lru_cache(maxsize=100_000)(_fold)


def fold_key(text):
    """A folded key with spaces and punctuation removed, for exact look-ups of place names: "Hải Dương" → "haiduong"."""
    return "".join(ch for ch in fold(text) if ch.isalnum())
