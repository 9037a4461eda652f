"""Query understanding: what a job seeker's typed text says about where (places), abroad (countries, programmes) and what
(the rest), as plain data that the service applies as filters and shows as chips, each of which undoes itself."""
import re
import unicodedata
from dataclasses import dataclass, field

from search.folding import fold
from search.gazetteer import ONE_SYLLABLE_TOWNS, PROVINCE_TIER, TOWN_TIER, WORD, same_words, syllables

MAX_TOKENS = 60  # the search box takes 200 characters; nothing longer is worth reading word by word

PLACE_KIND_ORDER = ("province", "former_province", "former_district", "ward")
PROVINCE_KINDS = {"province", "former_province"}
# Unit words and the kinds of place they name; "q", "p" and "h" only abbreviated ("q.1", "Q1", "p. Láng").
UNITS = [
    ("thành phố", PROVINCE_KINDS | {"former_district"}), ("tp", PROVINCE_KINDS | {"former_district"}),
    ("tỉnh", PROVINCE_KINDS), ("quận", {"former_district"}), ("huyện", {"former_district"}), ("thị xã", {"former_district"}),
    ("tx", {"former_district"}), ("district", {"former_district"}), ("phường", {"ward"}), ("xã", {"ward"}),
    ("đặc khu", {"ward"}),
]
ABBREVIATED_UNITS = {"q": {"former_district"}, "h": {"former_district"}, "p": {"ward"}}
LOCATIVES = ["tại", "ở", "khu vực", "kv", "gần", "quanh", "near"]

# Job phrases that place names hide in when typed without diacritics ("đại diện bán hàng" holds "Điện Bàn", "chế biến
# hóa chất" holds "Biên Hòa", "cần thợ hàn" holds "Cần Thơ"): a place overlapping one is not a place, unless a unit
# word says so ("phường Phúc Lợi").
CRAFTS = ["hàn", "may", "điện", "xây", "hồ", "mộc", "sơn", "phụ", "cơ khí", "tiện", "phay", "lắp", "sửa", "nề", "cả", "cắt tóc",
          "uốn tóc", "nail", "gốm", "rèn", "kim hoàn", "bạc", "sắt", "nước", "nhôm", "kính", "ốp lát", "làm bánh", "in", "cơ"]
JOB_PHRASES = [
    "đại diện", "bán hàng", "chế biến", "chế tạo", "công nghiệp", "phụ hồ", "vận hành", "lắp ráp", "lắp đặt", "an toàn",
    "gia đình", "văn hóa", "phương tiện", "phụ trách", "phục vụ", "văn bản", "trung tâm", "phúc lợi", "quản lý", "xã hội",
    "nhân viên", "công nhân", "lao động", "kỹ thuật", "giao hàng", "bảo vệ", "tạp vụ", "thu ngân", "văn phòng", "kinh doanh",
    "sản xuất", "xây dựng", "điện tử", "điện lạnh", "biến tần", "biến áp", "tư vấn", "chăm sóc", "thiết kế", "bảo trì",
    "sửa chữa", "giám sát", "thực tập", "kế toán", "lái xe", "tài xế", "phiên dịch", "giáo viên", "điều dưỡng", "dược sĩ",
    "bác sĩ", "đầu bếp", "pha chế", "thời vụ", "thời gian", "hành chính", "nhân sự", "tuyển dụng", "việc làm", "là gì",
    "tiếp thị", "thủ kho", "quản kho", "kho vận", "xuất nhập khẩu", "thức ăn", "tự động", *[f"thợ {craft}" for craft in CRAFTS],
]

# Overseas work: phrase → (country, programme). Bare "hàn" (thợ hàn) and "nhật" (chủ nhật, cập nhật) are not countries.
ABROAD = {
    "xuất khẩu lao động": (None, None), "xklđ": (None, None), "đi xuất khẩu": (None, None), "lao động nước ngoài": (None, None),
    "đi làm nước ngoài": (None, None), "làm việc ở nước ngoài": (None, None), "làm việc tại nước ngoài": (None, None),
    "việc làm nước ngoài": (None, None), "đi nước ngoài": (None, None), "overseas": (None, None), "abroad": (None, None),
    "hàn quốc": ("KR", None), "korea": ("KR", None), "south korea": ("KR", None), "đi hàn": ("KR", None), "sang hàn": ("KR", None),
    "nhật bản": ("JP", None), "japan": ("JP", None), "đi nhật": ("JP", None), "sang nhật": ("JP", None), "nước nhật": ("JP", None),
    "đài loan": ("TW", None), "taiwan": ("TW", None), "đi đài": ("TW", None), "sang đài": ("TW", None),
    "đức": ("DE", None), "germany": ("DE", None), "úc": ("AU", None), "australia": ("AU", None),
    "eps": ("KR", "EPS"), "eps topik": ("KR", "EPS"), "titp": ("JP", "TITP"), "thực tập sinh kỹ năng": ("JP", "TITP"),
    "ssw": ("JP", "SSW"), "kỹ năng đặc định": ("JP", "SSW"), "tokutei": ("JP", "SSW"), "tokutei ginou": ("JP", "SSW"),
}
# Names that mean a country only after "đi", "sang", "nước" or "CHLB" ("Đức" is also a given name and half of Thủ Đức).
NEEDS_LEAD = {"đức", "úc"}
ABROAD_LEADS = ["đi", "sang", "nước", "chlb", "cộng hòa liên bang", "tại", "ở"]
# After these a country is a language or a nationality, not where the work is ("tiếng Hàn Quốc", "công ty Nhật Bản").
NOT_DESTINATION = ["tiếng", "công ty", "cty", "người", "doanh nghiệp", "tập đoàn", "chuyên gia", "khách hàng", "đối tác",
                   "thị trường", "hàng", "xe", "quốc tịch"]
# Also an intern at home ("thực tập sinh marketing"): a programme only beside another sign of work abroad.
ONLY_WITH_ABROAD = {"thực tập sinh": ("JP", "TITP"), "tts": ("JP", "TITP")}


def _phrases(texts):
    """{first folded syllable: [(syllables, text)]}, longest first, for matching at a position."""
    index = {}
    for text in sorted(texts, key=lambda text: -len(syllables(text))):
        words = tuple(syllables(text))
        index.setdefault(fold(words[0]), []).append((words, text))
    return index


_UNITS, _LOCATIVES, _GUARDS = _phrases(dict(UNITS)), _phrases(LOCATIVES), _phrases(JOB_PHRASES)
_ABROAD, _LEADS, _CONDITIONAL = _phrases(ABROAD), _phrases(ABROAD_LEADS), _phrases(ONLY_WITH_ABROAD)
_NOT_DESTINATION = _phrases(NOT_DESTINATION)
_UNIT_KINDS = dict(UNITS)
# Compiled once: every search's text goes through them.
_FUSED_UNIT = re.compile(r"([qp])(\d{1,2})")  # "q1", "p12": a unit run into its number
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,.;:!?])")
_REPEATED_SEPARATORS = re.compile(r"([,;:/|+&–-])(\s*[,;:/|+&–-])+")
_NOT_WORD = re.compile(r"\W")


@dataclass(frozen=True)
class Token:
    word: str  # lower case, NFC
    start: int
    end: int
    abbreviated: bool = False  # followed by "." or run into a number: "q.1", "Q1"
    folded: str = ""  # fold(word), made once: every phrase and name is looked up by it


@dataclass
class Match:
    first: int  # token range, with the "tại" or "đi" before it and its unit word
    last: int
    words_first: int  # where the words a chip names start (the unit word, not "tại")
    places: list = field(default_factory=list)
    country: str | None = None
    programme: str | None = None


def normalized(text):
    """NFC, without control or format characters (zero-width joiners, direction marks), spaces collapsed."""
    text = unicodedata.normalize("NFC", text or "")
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf")).split())


def tokenize(text):
    tokens = []
    for found in WORD.finditer(text):
        word, start, end = found.group().lower(), found.start(), found.end()
        fused = _FUSED_UNIT.fullmatch(word)
        if fused:
            tokens += [Token(fused[1], start, start + 1, True, fused[1]), Token(fused[2], start + 1, end, False, fused[2])]
        else:
            tokens.append(Token(word, start, end, text[end:end + 1] == ".", fold(word)))
    return tokens[:MAX_TOKENS]


def _phrase_at(index, tokens, i):
    """(length, text) of the longest phrase of the index at token i, or (0, None)."""
    if i >= len(tokens):
        return 0, None
    for words, text in index.get(tokens[i].folded, ()):
        if same_words(tuple(token.word for token in tokens[i:i + len(words)]), words):
            return len(words), text
    return 0, None


def _unit_at(tokens, i):
    length, text = _phrase_at(_UNITS, tokens, i)
    if length:
        return length, _UNIT_KINDS[text]
    if i < len(tokens) and tokens[i].abbreviated and tokens[i].word in ABBREVIATED_UNITS:
        return 1, ABBREVIATED_UNITS[tokens[i].word]
    return 0, None


def _guarded(tokens):
    """The positions of tokens inside a job phrase."""
    covered = set()
    for i in range(len(tokens)):
        length, _text = _phrase_at(_GUARDS, tokens, i)
        covered.update(range(i, i + length))
    return covered


def _names_at(tokens, i, gazetteer, kinds):
    """[(length, places)] of the names at token i, longest first, of the kinds a unit word allows."""
    found = []
    window = tokens[i:i + gazetteer.longest]
    folded = tuple(token.folded for token in window)
    # Only as many syllables as begin some name: most words begin none, and are looked up once.
    for length in range(gazetteer.name_length(folded), 0, -1):
        places = gazetteer.places_named(tuple(token.word for token in window[:length]), folded[:length])
        places = [place for place in places if kinds is None or place.kind in kinds]
        if places:
            found.append((length, places))
    return found


def _province_after(tokens, i, gazetteer):
    """(provinces, end) of a province or former province named at token i, with or without its unit word."""
    unit, _kinds = _unit_at(tokens, i)
    for start in dict.fromkeys((i + unit, i)):
        for length, places in _names_at(tokens, start, gazetteer, PROVINCE_KINDS):
            return places, start + length
    return None, i


def _qualified(places, tokens, end, gazetteer):
    """The places that lie in the province named right after them ("Thuận An Bình Dương"), and where that ends."""
    provinces, after = _province_after(tokens, end, gazetteer)
    inside = [place for place in places if provinces and any(place.lies_in(province) for province in provinces)]
    return (inside, after) if inside else (places, end)


def _accepted(places, tokens, spans, guarded, *, free_text, qualified):
    """Whether a name found in the text is a place there: see PROVINCE_TIER and JOB_PHRASES."""
    first, unit_start, name_start, end = spans
    if not free_text:
        return True
    has_unit = name_start > unit_start
    if any(k in guarded for k in range(unit_start, name_start)):
        return False
    if not has_unit and any(k in guarded for k in range(name_start, end)):
        return False
    if has_unit:
        return True
    if all(token.word.isdigit() for token in tokens[name_start:end]):
        return False  # "1" is "Quận 1" only with its unit word
    tier = min(place.tier for place in places)
    one_syllable = end - name_start == 1 and all(len(syllables(place.short_name)) == 1 for place in places)
    if tier == PROVINCE_TIER or (tier == TOWN_TIER and (not one_syllable or tokens[name_start].folded in ONE_SYLLABLE_TOWNS)):
        return True
    return qualified or unit_start > first  # a ward by its bare name after "tại", "ở", "gần", or before its province


def _place_at(tokens, i, gazetteer, guarded, *, free_text):
    lead, _text = _phrase_at(_LOCATIVES, tokens, i)
    if lead and (len(tokens[i].word) < 2 and tokens[i].word == tokens[i].folded):
        lead = 0  # a bare "o" is not "ở"
    unit_start = i + lead
    unit, kinds = _unit_at(tokens, unit_start)
    for name, allowed in dict.fromkeys(((unit_start + unit, frozenset(kinds or ())), (unit_start, frozenset()))):
        for length, places in _names_at(tokens, name, gazetteer, allowed or None):
            places, end = _qualified(places, tokens, name + length, gazetteer)
            spans = (i, unit_start, name, name + length)
            if _accepted(places, tokens, spans, guarded, free_text=free_text, qualified=end > name + length):
                return Match(i, end, unit_start, places=places)
    return None


def _abroad_at(tokens, i):
    if any(_phrase_at(_NOT_DESTINATION, tokens, i - back)[0] == back for back in (1, 2) if i >= back):
        return None
    lead, _text = _phrase_at(_LEADS, tokens, i)
    for start in dict.fromkeys((i + lead, i)):
        length, text = _phrase_at(_ABROAD, tokens, start)
        if length and (text not in NEEDS_LEAD or start > i):
            country, programme = ABROAD[text]
            return Match(i, start + length, start, country=country, programme=programme)
    return None


def _scan(tokens, gazetteer, *, free_text):
    guarded = _guarded(tokens) if free_text else set()
    matches, i = [], 0
    while i < len(tokens):
        found = [_place_at(tokens, i, gazetteer, guarded, free_text=free_text)]
        if free_text:
            found.append(_abroad_at(tokens, i))
        found = [match for match in found if match]
        if found:
            best = max(found, key=lambda match: match.last - match.first)
            matches.append(best)
            i = best.last
        else:
            i += 1
    return matches


def _conditional_programmes(tokens, matches):
    """"thực tập sinh" read as Japan's TITP, but only when the text says elsewhere that the work is abroad."""
    if all(match.places for match in matches):
        return matches
    taken = {k for match in matches for k in range(match.first, match.last)}
    for i in range(len(tokens)):
        length, text = _phrase_at(_CONDITIONAL, tokens, i)
        if length and not taken & set(range(i, i + length)):
            country, programme = ONLY_WITH_ABROAD[text]
            matches.append(Match(i, i + length, i, country=country, programme=programme))
            taken.update(range(i, i + length))
    return sorted(matches, key=lambda match: match.first)


def understand(text, gazetteer, *, programmes=None):
    """What the text says: {"query", "text" (what is left to search as words), "places": [{words, span, name, meanings}],
    "abroad": [{words, span, country, programme}]}. A span is [start, end) in "query", the text as normalized.

    programmes: the codes of the overseas programmes that exist; a programme word for another still means its country.

    Readings are kept per process (Gazetteer.remembered); each call answers a copy of the dict, its places and its
    abroad entries, which the caller may change; their spans and meanings are shared and must not be changed.
    """
    key = ("understand", text, None if programmes is None else frozenset(programmes))
    reading = gazetteer.remembered(key, lambda: _understand(text, gazetteer, programmes))
    return {**reading, "places": [dict(place) for place in reading["places"]], "abroad": [dict(found) for found in reading["abroad"]]}


def _understand(text, gazetteer, programmes):
    query = normalized(text)
    tokens = tokenize(query)
    matches = _conditional_programmes(tokens, _scan(tokens, gazetteer, free_text=True))
    places, abroad = [], []
    for match in matches:
        span = [tokens[match.first].start, tokens[match.last - 1].end]
        words = query[tokens[match.words_first].start:span[1]]
        if match.places:
            places.append({"words": words, "span": span, "name": display_name(match.places),
                           "meanings": [place.as_dict() for place in ordered(match.places)]})
        else:
            programme = match.programme if programmes is None or match.programme in programmes else None
            abroad.append({"words": words, "span": span, "country": match.country, "programme": programme})
    return {"query": query, "text": text_without(query, [m["span"] for m in places + abroad]), "places": places, "abroad": abroad}


def understand_place(text, gazetteer):
    """The places a place argument names, every word of it a place name, unit word or province ("Thuận An, Bình Dương",
    "Q1", "TP.HCM"), as understand() lists them; None when some word is not."""
    query = normalized(text)
    tokens = tokenize(query)
    matches = _scan(tokens, gazetteer, free_text=False)
    if not tokens or sum(match.last - match.first for match in matches) != len(tokens):
        return None
    return [{"words": query[tokens[m.words_first].start:tokens[m.last - 1].end], "span": [tokens[m.first].start, tokens[m.last - 1].end],
             "name": display_name(m.places), "meanings": [place.as_dict() for place in ordered(m.places)]} for m in matches]


def ordered(places):
    return sorted(places, key=lambda place: (PLACE_KIND_ORDER.index(place.kind), fold(place.province), fold(place.name)))


def display_name(places):
    """What a chip calls the place: its short name ("Long Biên", "Hồ Chí Minh"), or "Quận 1" for a numbered district."""
    first = ordered(places)[0]
    return first.name if first.short_name.isdigit() else first.short_name


def area(places, gazetteer):
    """The current wards that the understood places cover, all their meanings together."""
    codes = set()
    for place in places:
        for meaning in place["meanings"]:
            is_province = meaning["kind"] == "province"
            codes |= gazetteer.province_wards.get(meaning["code"], set()) if is_province else set(meaning["ward_codes"])
    return codes


def text_without(query, spans):
    """The query with these spans cut out, spaces and stray punctuation tidied: the text a removed chip leaves."""
    kept, at = [], 0
    for start, end in sorted(spans):
        kept.append(query[at:start])
        at = max(at, end)
    kept.append(query[at:])
    text = " ".join("".join(kept).split())
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", _EMPTY_BRACKETS.sub("", text))
    return _REPEATED_SEPARATORS.sub(r"\1", text).strip(" ,.;:/|+&–-")


def place_suggestions(interpretation, gazetteer):
    """[(words, name)]: a misspelt province or town among the words searched ("ke toan ha nol" → ("ha nol", "Hà Nội")),
    kept per process by those words."""
    text = interpretation["text"]
    return list(gazetteer.remembered(("place_suggestions", text), lambda: tuple(_place_suggestions(text, gazetteer))))


def _place_suggestions(text, gazetteer):
    tokens = tokenize(text)
    guarded = _guarded(tokens)
    for length in (3, 2, 1):
        for i in range(len(tokens) - length + 1):
            window = tokens[i:i + length]
            words = text[window[0].start:window[-1].end]
            if guarded & set(range(i, i + length)) or len(_NOT_WORD.sub("", fold(words))) < 4:
                continue
            found = gazetteer.suggestions(words, limit=1, tiers=(PROVINCE_TIER, TOWN_TIER))
            if found and fold(found[0]) != fold(words):
                return [(words, found[0])]
    return []
