"""Facts about a person computed from their data alone: their age on a day, their name as a search compares it."""
from search.folding import fold


def age_on(birth_date, day):
    """Whole years from a birth date to a day (the birthday itself counts as a year completed)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


def name_words(text):
    """A name as the words a search compares, folded (no diacritics, đ → d, lower case): "Lò Văn Páo" → ["lo", "van",
    "pao"]; "H'Mông" → ["hmong"] (an apostrophe joins, since people type it or leave it out)."""
    folded = fold((text or "").replace("'", "").replace("’", ""))
    return "".join(character if character.isalnum() else " " for character in folded).split()


def folded_name(text):
    """What is stored beside a name for searching it on any database: its words, folded, one space apart."""
    return " ".join(name_words(text))


def name_match_rank(query_words, stored_folded_name):
    """How well a name answers the words typed, best first: 1 the whole name, 2 the name's beginning in order ("nguyen
    thi thu" for Nguyễn Thị Thu Hà), 3 every word the beginning of one of the name's words, in any order ("pao lo");
    None when a word matches nothing."""
    name = stored_folded_name.split()
    if not query_words:
        return None
    if query_words == name:
        return 1
    count = len(query_words)
    if len(name) >= count and name[: count - 1] == query_words[:-1] and name[count - 1].startswith(query_words[-1]):
        return 2
    remaining = list(name)
    for word in sorted(query_words, key=len, reverse=True):
        match = next((candidate for candidate in remaining if candidate.startswith(word)), None)
        if match is None:
            return None
        remaining.remove(match)
    return 3
