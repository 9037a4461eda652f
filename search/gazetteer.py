"""Place names as people type them: provinces, wards and former places with their common aliases, built once from plain
reference data, and syllable matching that honours the diacritics typed (Bình Thạnh ≠ Bình Thành; hoà = hòa)."""
import difflib
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from search.folding import fold

WORD = re.compile(r"[^\W_]+")
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below

# How sure a bare name in free text is to be a place: provinces (current and former) and aliases count anywhere, the
# towns and urban districts people name for where they work count unless a job phrase covers them, and the 3,321
# wards and rural districts only with a unit word, a "tại/ở" before them, or their province after them.
PROVINCE_TIER, TOWN_TIER, WARD_TIER = 1, 2, 3

# The unit word of an official name, and how sure its bare name is; "Thị Xã" is written both ways in the data.
UNIT_TIERS = (("thành phố", TOWN_TIER), ("thị xã", TOWN_TIER), ("quận", TOWN_TIER), ("huyện", WARD_TIER),
              ("tỉnh", PROVINCE_TIER), ("phường", WARD_TIER), ("xã", WARD_TIER), ("thị trấn", WARD_TIER),
              ("đặc khu", WARD_TIER))

# One-syllable towns well known enough to be named bare; other one-syllable names need a unit word ("phường Láng").
ONE_SYLLABLE_TOWNS = {"vinh", "pleiku"}
SUGGESTION_CUTOFF = 0.75  # difflib's similarity a misspelt name must reach
SUGGESTIONS_KEPT = 10_000  # suggestions kept per process for the words searched again
READINGS_KEPT = 4_096  # texts read (search/understanding.py) kept per process: the same searches come again and again

# Spellings in common use besides the official one: Đắc Lắc, Bắc Cạn.
SYLLABLE_VARIANTS = {"đắk": ("đắc",), "lắk": ("lắc",), "kạn": ("cạn",)}

# Abbreviations and colloquial or former names, by the short name of the province (or former province) they mean.
ALIASES = {
    "Hồ Chí Minh": ("tp hcm", "tphcm", "hcm", "hcmc", "tp ho chi minh", "sài gòn", "sg", "ho chi minh city"),
    "Hà Nội": ("hn", "tp hn"),
    "Huế": ("thừa thiên huế", "thừa thiên", "tt huế"),
    "Bà Rịa - Vũng Tàu": ("brvt", "br vt"),
}


def syllables(text):
    """The lower-case syllables of a text, NFC, punctuation and symbols dropped: "TP.HCM" → ["tp", "hcm"]."""
    return [word.lower() for word in WORD.findall(unicodedata.normalize("NFC", text or ""))]


def has_marks(syllable):
    return fold(syllable) != syllable


def _tone_free(syllable):
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [ch for ch in decomposed if ch in TONE_MARKS]
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS)) + "".join(tones[:1])


@lru_cache(maxsize=100_000)  # pairs of syllables: every search compares the same few thousand again and again
def same_syllable(typed, name):
    """A syllable typed without diacritics matches any spelling of its letters; with diacritics, only the same letters
    and tone, wherever the tone mark sits ("hoà" is "hòa", "thạnh" is not "thành")."""
    if not has_marks(typed):
        return typed == fold(name)
    return _tone_free(typed) == _tone_free(name)


def same_words(typed, name):
    return len(typed) == len(name) and all(map(same_syllable, typed, name))


def strip_unit(name):
    """(short name, tier) of an official name: "Thị Xã Mường Lay" → ("Mường Lay", TOWN_TIER)."""
    lowered = unicodedata.normalize("NFC", name).lower()
    for unit, tier in UNIT_TIERS:
        if lowered.startswith(unit + " ") and len(name) > len(unit) + 1:
            return name[len(unit) + 1:].strip(), tier
    return name, WARD_TIER


@dataclass(frozen=True)
class Place:
    """One meaning of a place name: a province, a current ward, or a former province or district (by the wards it became)."""

    kind: str  # "province", "ward", "former_province" or "former_district"
    name: str  # official: "Quận Long Biên"
    short_name: str  # as people say it: "Long Biên"
    province: str  # the official name of the province it lies (or lay) in; a province names itself
    code: str | None  # a province's or a ward's code
    ward_codes: frozenset  # the current wards it covers (a province: all of its wards)
    tier: int
    district: str | None = None  # a former ward's former district

    def as_dict(self):
        return {"kind": self.kind, "name": self.name, "province": self.province, "code": self.code,
                "ward_codes": sorted(self.ward_codes) if self.kind != "province" else []}

    def lies_in(self, other):
        """Whether this place lies in a province or former province (a district in its own former province)."""
        if self.kind == "former_district" and other.kind == "former_province":
            return self.province == other.name
        return self.kind != "province" and bool(self.ward_codes & other.ward_codes)


class Gazetteer:
    """Every place name and alias, indexed by folded syllables; built once per process from the reference tables."""

    def __init__(self, *, provinces, wards, former_provinces=(), former_districts=(), former_wards=()):
        """provinces: [{code, name, short_name}]; wards: [{code, name, short_name, province_code, latitude, longitude}];
        former_provinces: [{name, ward_codes}]; former_districts: [{name, province_name, ward_codes}]; former_wards:
        [{name, district_name, province_name, ward_code}], found by former_wards_named only (never read in free text:
        thousands of old ward names would turn ordinary words into places)."""
        self._former_wards = {}
        for former in former_wards:
            short_name, _tier = strip_unit(former["name"])
            words = tuple(syllables(short_name))
            place = Place("former_ward", former["name"], short_name, former["province_name"], None,
                          frozenset((former["ward_code"],)), WARD_TIER, former["district_name"])
            self._former_wards.setdefault(tuple(map(fold, words)), []).append((words, place))
        self._by_key = {}
        self._compact = {}
        self._spellings = {}  # {tiers: ({run-together spelling: name}, {length: [spellings]})}, made at the first suggestion
        self._suggested = {}  # {(typed, limit, tiers): names}
        self._readings = {}  # {key: what remembered() made}
        self.coordinates = {ward["code"]: (ward.get("latitude"), ward.get("longitude")) for ward in wards}
        self.province_wards = {}
        self.ward_province = {ward["code"]: ward["province_code"] for ward in wards}
        for ward in wards:
            self.province_wards.setdefault(ward["province_code"], set()).add(ward["code"])
        province_names = {province["code"]: province["name"] for province in provinces}
        current = {fold(province["short_name"]) for province in provinces}
        by_short_name = {}
        for province in provinces:
            place = Place("province", province["name"], province["short_name"], province["name"], province["code"],
                          frozenset(self.province_wards.get(province["code"], ())), PROVINCE_TIER)
            self._add(place)
            by_short_name[province["short_name"]] = place
        for former in former_provinces:
            short_name, _tier = strip_unit(former["name"])
            if fold(short_name) in current:
                continue  # the same province today, under the same name
            place = Place("former_province", former["name"], short_name, former["name"], None, frozenset(former["ward_codes"]),
                          PROVINCE_TIER)
            self._add(place)
            by_short_name[short_name] = place
        for district in former_districts:
            short_name, tier = strip_unit(district["name"])
            self._add(Place("former_district", district["name"], short_name, district["province_name"], None,
                            frozenset(district["ward_codes"]), tier))
        for ward in wards:
            self._add(Place("ward", ward["name"], ward["short_name"], province_names.get(ward["province_code"], ""),
                            ward["code"], frozenset((ward["code"],)), WARD_TIER))
        for short_name, aliases in ALIASES.items():
            if short_name in by_short_name:
                for alias in aliases:
                    self._add(by_short_name[short_name], alias)
        self.longest = max((len(key) for key in self._by_key), default=1)
        self._beginnings = {key[:length] for key in self._by_key for length in range(1, len(key) + 1)}

    def _add(self, place, spelling=None):
        words = tuple(syllables(spelling or place.short_name))
        if not words:
            return
        for variant in itertools.product(*[(word, *SYLLABLE_VARIANTS.get(word, ())) for word in words]):
            self._by_key.setdefault(tuple(fold(word) for word in variant), []).append((variant, place))
        compact = "".join(fold(word) for word in words)
        # Run together ("hanoi", "tphcm"): provinces, towns and aliases, never a short ward name.
        if place.tier <= TOWN_TIER and (len(words) > 1 or spelling) and (len(compact) >= 5 or spelling):
            self._compact.setdefault(compact, []).append(place)

    def name_length(self, folded):
        """How many of these folded syllables, from the first, begin some name (a run-together name is one syllable):
        no longer name can start there."""
        length = 0
        while length < len(folded) and folded[:length + 1] in self._beginnings:
            length += 1
        return length or int(bool(folded) and folded[0] in self._compact)

    def places_named(self, typed, folded=None):
        """The places whose name (or an alias) is these typed syllables, diacritics honoured where typed; `folded`:
        the syllables folded, when the caller has them."""
        key = folded or tuple(fold(word) for word in typed)
        found = [place for name, place in self._by_key.get(key, ()) if same_words(typed, name)]
        if len(typed) == 1 and not has_marks(typed[0]):
            found += self._compact.get(typed[0], [])
        return list(dict.fromkeys(found))

    def remembered(self, key, make):
        """make(), kept per process by key (up to READINGS_KEPT, then forgotten all at once): what reading a text
        against these places found, found again without reading it when the same text is searched again (the next
        page, another filter, a way out of no result, or the next person typing the same words)."""
        found = self._readings.get(key)
        if found is None:
            if len(self._readings) >= READINGS_KEPT:
                self._readings.clear()
            found = self._readings[key] = make()
        return found

    def former_wards_named(self, text):
        """The wards of the map before July 2025 called so ("Bến Nghé", "phường Bến Nghé"), diacritics honoured where
        typed; each covers the current ward it became."""
        typed = tuple(syllables(strip_unit(" ".join(syllables(text)))[0]))
        return [place for name, place in self._former_wards.get(tuple(map(fold, typed)), ()) if same_words(typed, name)]

    def province_covered(self, ward_codes):
        """The code of the province whose wards these are, all of them and no others; else None."""
        provinces = {self.ward_province.get(code) for code in ward_codes}
        if len(provinces) == 1 and (code := provinces.pop()) and self.province_wards.get(code) == set(ward_codes):
            return code
        return None

    def wards_within(self, centre, radius_km):
        """The wards whose centre lies within the radius (vacancies are placed at their ward's coordinates)."""
        return {code for code, point in self.coordinates.items() if point[0] is not None and distance_km(centre, point) <= radius_km}

    def suggestions(self, text, *, limit=3, tiers=(PROVINCE_TIER, TOWN_TIER, WARD_TIER)):
        """The names nearest to a misspelt place name, as people write them: "Ha Noj" → ["Hà Nội"]. Searches read
        the words they hold with it, so answers are kept (up to SUGGESTIONS_KEPT, then forgotten all at once)."""
        typed = "".join(fold(word) for word in syllables(text))
        key = (typed, limit, tiers)
        found = self._suggested.get(key)
        if found is None:
            if len(self._suggested) >= SUGGESTIONS_KEPT:
                self._suggested.clear()
            found = self._suggested[key] = tuple(self._nearest_names(typed, limit, tiers))
        return list(found)

    def _nearest_names(self, typed, limit, tiers):
        names, by_length = self._spellings_of(tiers)
        # difflib keeps a spelling only if 2·min(lengths)/(sum of lengths) reaches the cutoff, its first test
        # (real_quick_ratio): spellings of other lengths are left out before it, with the same arithmetic.
        candidates = [spelling for length, spellings in by_length.items()
                      if 2.0 * min(length, len(typed)) / ((length + len(typed)) or 1) >= SUGGESTION_CUTOFF or not typed
                      for spelling in spellings]
        close = difflib.get_close_matches(typed, candidates, n=limit * 3, cutoff=SUGGESTION_CUTOFF)
        return list(dict.fromkeys(names[key] for key in close))[:limit]

    def _spellings_of(self, tiers):
        """({run-together spelling: name}, {length: [spellings]}) of the places of these tiers, made once."""
        if tiers not in self._spellings:
            names = {}
            for places in self._by_key.values():
                for name, place in places:
                    if place.tier in tiers:
                        names.setdefault("".join(fold(word) for word in name), place.short_name)
            by_length = {}
            for spelling in names:
                by_length.setdefault(len(spelling), []).append(spelling)
            self._spellings[tiers] = names, by_length
        return self._spellings[tiers]


def distance_km(a, b):
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
