"""Vietnamese folding in Python, since the server-core distribution has no asciifolding filter."""
import unicodedata
from functools import lru_cache


def fold(text):
    """Fold Vietnamese text to plain lower-case ASCII letters: "Kế toán Đà Nẵng" → "ke toan da nang"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


def fold_key(text):
    """A folded key with spaces and punctuation removed, for exact look-ups of place names: "Hải Dương" → "haiduong"."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


@lru_cache(maxsize=65536)
def fold_word(word):
    """fold() of one word, remembered: a language has a few thousand syllables, and indexing a million documents folds
    each of them hundreds of thousands of times."""
    return fold(word)
