"""Vietnamese text as words, built in Python since the server-core distribution has no shingle or synonym filter.

A Vietnamese word is often two or three syllables ("công nhân", "xuất khẩu lao động"), and each syllable alone is
another word ("công" of "công ty", "nhân" of "nhân viên"). So the index holds, for each field, every folded syllable,
every pair of adjacent syllables joined by "_" ("cong_nhan"), and every abbreviation written in capitals ("IT");
pairs never span punctuation or a removed phrase. A query asks that each of its syllables stands beside a neighbour
it was typed with, in one field: "công nhân" then needs "cong_nhan", which "Nhân viên" of "Công ty …" lacks.
"""
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from search.folding import fold
from search.vocabulary import ABBREVIATIONS, BOILERPLATE, COMMON_WORDS, COMPANY_WORDS, FILLERS, SYNONYMS, TRANSLATIONS

# Letters and digits only: "_" joins the syllables of a pair, so it never belongs to a syllable.
SYLLABLE = re.compile(r"[^\W_]+")
# Where a phrase ends: punctuation that separates items or sentences, and a dash between spaces ("Thợ hàn - Hà Nội").
PHRASE_BREAK = re.compile(r"[,;:()\[\]{}<>|/\\!?•·…\"“”*+=#~\n\r\t]+|\s[-–—]+\s|\.(?=\s|$)|^[-–—]+|[-–—]+$")
ACRONYM = re.compile(r"[A-Z0-9]{2,6}")
MAX_VARIANTS = 8


class Syllable(NamedTuple):  # a tuple: indexing makes millions of them
    original: str
    folded: str


def pair(first, second):
    return f"{first}_{second}"


def marker(folded):
    """The term of an abbreviation written in capitals: "IT"."""
    return folded.upper()


@lru_cache(maxsize=65536)
def _is_acronym(original):
    """Written in capitals without tone marks ("IT", "KTV", "XKLĐ"; not the "ÍT" of a title in capitals)."""
    plain = original.replace("Đ", "D")
    return bool(ACRONYM.fullmatch(plain)) and any(character.isalpha() for character in plain)


def phrase_table(phrases):
    """{first syllable: [syllable tuples, longest first]} of folded phrases, for longest-match scans."""
    table = {}
    for phrase in phrases:
        syllables = tuple(phrase.split())
        table.setdefault(syllables[0], []).append(syllables)
    for candidates in table.values():
        candidates.sort(key=len, reverse=True)
    return table


def longest_at(folded, start, table):
    for candidate in table.get(folded[start], ()):
        if tuple(folded[start:start + len(candidate)]) == candidate:
            return len(candidate)
    return 0


BOILERPLATE_TABLE = phrase_table(BOILERPLATE)
COMPANY_TABLE = phrase_table(COMPANY_WORDS)


@lru_cache(maxsize=100_000)
def _syllable(original):
    """A syllable and its folded form, made once for the syllables met again and again (a language has a few thousand)."""
    return Syllable(original, fold(original))


def phrases(text, *, drop=None):
    """The text as phrases of syllables, split at punctuation and wherever a phrase of `drop` (a phrase_table)
    stood: "Công ty ABC tuyển thợ hàn, thợ tiện" → [[thợ, hàn], [thợ, tiện]] when "cong ty abc" and "tuyen" are dropped."""
    result = []
    for chunk in PHRASE_BREAK.split(unicodedata.normalize("NFC", text or "")):
        current = []
        syllables = [_syllable(original) for original in SYLLABLE.findall(chunk)]
        folded = [syllable.folded for syllable in syllables]
        position = 0
        while position < len(syllables):
            length = longest_at(folded, position, drop) if drop and folded[position] in drop else 0
            if length:
                result.append(current)
                current = []
                position += length
                continue
            current.append(syllables[position])
            position += 1
        result.append(current)
    return [phrase for phrase in result if phrase]


def index_terms(phrase_list):
    """Each folded syllable, each pair of neighbours, and each abbreviation in capitals, once, in order of appearance."""
    terms = {}
    for phrase in phrase_list:
        for position, syllable in enumerate(phrase):
            terms[syllable.folded] = None
            if position:
                terms[pair(phrase[position - 1].folded, syllable.folded)] = None
            if _is_acronym(syllable.original):
                terms[marker(syllable.folded)] = None
    return list(terms)


@lru_cache(maxsize=4096)
def drop_table(*extra_phrases):
    """Boilerplate plus the given phrases (an employer's name), as a table for phrases(drop=…); remembered for the
    employers met most recently (a rebuild reads an employer's vacancies many times over): callers only read it.
    The boilerplate's table is copied, not made again, and only the lists the extra phrases join are new."""
    table = dict(BOILERPLATE_TABLE)
    for phrase in extra_phrases:
        syllables = tuple(fold(phrase).split()) if phrase else ()
        if syllables:
            # Longest first, and among the same length the boilerplate's before the name: as phrase_table sorts them.
            table[syllables[0]] = sorted([*table.get(syllables[0], ()), syllables], key=len, reverse=True)
    return table


def distinctive_name(employer_name):
    """An employer's name without its legal form and line of business: "Công ty TNHH Minh Phát" → ["minh", "phat"]."""
    kept = []
    for phrase in phrases(employer_name, drop=COMPANY_TABLE):
        kept += [syllable.folded for syllable in phrase]
    return list(dict.fromkeys(kept))


def clean_text(phrase_list):
    """The phrases as text again, as written: what the exact-diacritics ranking reads."""
    return ". ".join(" ".join(syllable.original for syllable in phrase) for phrase in phrase_list)


@dataclass(frozen=True)
class QueryWord:
    """A syllable of the query: required unless a filler or a number; `group` numbers the word it belongs to (a known
    word, or a run of unknown syllables), and `whole` says that the word is known, so all its syllables stand together."""

    folded: str
    required: bool = True
    acronym: bool = False
    group: int = 0
    whole: bool = False


def _vocabulary():
    """{folded phrase: (alternatives, is an abbreviation)} of every phrase the vocabulary knows."""
    known = {}

    def add(phrase, alternatives, abbreviation=False):
        before, was_abbreviation = known.get(phrase, ((), False))
        known[phrase] = (tuple(dict.fromkeys([*before, *alternatives])), was_abbreviation or abbreviation)

    for group in SYNONYMS:
        for phrase in group:
            add(phrase, [other for other in group if other != phrase])
    for abbreviation, expansions in ABBREVIATIONS.items():
        add(abbreviation, expansions, abbreviation=True)
    for phrase, translation in TRANSLATIONS.items():
        add(phrase, [translation])
    for phrase in COMMON_WORDS:
        add(phrase, [])
    return known


VOCABULARY = _vocabulary()
VOCABULARY_TABLE = phrase_table(VOCABULARY)
# Known words typed without spaces: "ketoan" → "ke toan".
JOINED = {phrase.replace(" ", ""): phrase.split() for phrase in VOCABULARY if " " in phrase}
FILLER_TABLE = phrase_table(fold(filler) for filler in FILLERS)
FILLER_FORMS = {tuple(fold(filler).split()): tuple(filler.split()) for filler in FILLERS}
AMOUNT = re.compile(r"\d+(tr|trieu|k|m|d|vnd)?")


def _unjoined(phrase):
    syllables = []
    for syllable in phrase:
        split = JOINED.get(syllable.folded)
        syllables += [Syllable(part, part) for part in split] if split else [syllable]
    return syllables


def _filler_length(phrase, start):
    """How many syllables from start form a filler as typed: with its diacritics, or typed without any."""
    folded = [syllable.folded for syllable in phrase]
    for candidate in FILLER_TABLE.get(folded[start], ()):
        typed = phrase[start:start + len(candidate)]
        if tuple(syllable.folded for syllable in typed) != candidate:
            continue
        forms = FILLER_FORMS[candidate]
        if all(syllable.original.lower() in (form, syllable.folded) for syllable, form in zip(typed, forms, strict=True)):
            return len(candidate)
    return 0


def _spans(phrase):
    """[(start, length, kind, alternatives)] covering the phrase: known words, fillers, and single unknown syllables."""
    folded = [syllable.folded for syllable in phrase]
    spans, position = [], 0
    while position < len(phrase):
        known = longest_at(folded, position, VOCABULARY_TABLE)
        filler = 0 if known else _filler_length(phrase, position)
        if known:
            alternatives, abbreviation = VOCABULARY[" ".join(folded[position:position + known])]
            spans.append((position, known, "abbreviation" if abbreviation else "known", alternatives))
        elif filler:
            spans.append((position, filler, "filler", ()))
        else:
            kind = "filler" if AMOUNT.fullmatch(folded[position]) else "unknown"
            spans.append((position, 1, kind, ()))
        position += known or filler or 1
    return spans


def _words(phrase, spans, groups, replace=None):
    """The phrase as QueryWords, with one span replaced by an alternative (replace=(span index, folded phrase))."""
    words = []
    previous_unknown = False
    for number, (start, length, kind, _alternatives) in enumerate(spans):
        if replace and replace[0] == number:
            group = next(groups)
            words += [QueryWord(folded, group=group, acronym=folded in ABBREVIATIONS, whole=True) for folded in replace[1].split()]
            previous_unknown = False
            continue
        if kind == "unknown":
            group = groups.current if previous_unknown else next(groups)  # a run of unknown syllables is one word
        else:
            group = next(groups)
        previous_unknown = kind == "unknown"
        for syllable in phrase[start:start + length]:
            words.append(QueryWord(syllable.folded, required=kind != "filler", acronym=kind == "abbreviation", group=group,
                                   whole=kind in ("known", "abbreviation")))
    return words


class _Counter:
    def __init__(self):
        self.current = 0

    def __next__(self):
        self.current += 1
        return self.current


def query_variants(text):
    """The query as typed, then once with each known phrase replaced by each of its alternatives (at most
    MAX_VARIANTS in all); each variant is a list of phrases of QueryWords."""
    typed_phrases = [_unjoined(phrase) for phrase in phrases(text)]
    spans = [_spans(phrase) for phrase in typed_phrases]
    groups = _Counter()
    typed = [_words(phrase, phrase_spans, groups) for phrase, phrase_spans in zip(typed_phrases, spans, strict=True)]
    variants = [typed]
    for phrase_number, phrase_spans in enumerate(spans):
        for span_number, span in enumerate(phrase_spans):
            for alternative in span[3]:
                variant = list(typed)
                variant[phrase_number] = _words(typed_phrases[phrase_number], phrase_spans, groups, (span_number, alternative))
                variants.append(variant)
    return [variant for variant in variants[:MAX_VARIANTS] if any(variant)]


def requirements(variant):
    """What a document must hold for the variant, word by word: each word is a list of clauses, each clause a list of
    terms of which one must be there. A known word needs each of its pairs ("xuat_khau", "khau_lao", "lao_dong"); each
    syllable of an unknown run counts as a word, present beside a neighbour of its run; a syllable that is a word
    alone needs itself (an abbreviation only in capitals)."""
    words = []
    for phrase in variant:
        for position, word in enumerate(phrase):
            if not word.required or (word.whole and _same_word(phrase, position, position - 1)):
                continue
            if word.whole and _same_word(phrase, position, position + 1):
                end = position
                while _same_word(phrase, end, end + 1):
                    end += 1
                words.append([[pair(phrase[index].folded, phrase[index + 1].folded)] for index in range(position, end)])
            else:
                words.append([_coverage_terms(phrase, position)])
    return words


def _same_word(phrase, position, other):
    return 0 <= other < len(phrase) and phrase[other].group == phrase[position].group


def _coverage_terms(phrase, position):
    word = phrase[position]
    alone = not (_same_word(phrase, position, position - 1) or _same_word(phrase, position, position + 1))
    terms = []
    if position > 0 and (alone or _same_word(phrase, position, position - 1)):
        terms.append(pair(phrase[position - 1].folded, word.folded))
    if position + 1 < len(phrase) and (alone or _same_word(phrase, position, position + 1)):
        terms.append(pair(word.folded, phrase[position + 1].folded))
    if alone:
        terms.append(marker(word.folded) if word.acronym else word.folded)
    return terms


def scoring_terms(variant):
    """The terms that rank a document for this variant: each pair of neighbours typed, and each word that stands alone
    (a syllable of a longer word counts only in its pair: "tải" is not half of "tài xế")."""
    terms = {}
    for phrase in variant:
        for position, word in enumerate(phrase):
            if position:
                terms[pair(phrase[position - 1].folded, word.folded)] = None
            if not (_same_word(phrase, position, position - 1) or _same_word(phrase, position, position + 1)):
                terms[marker(word.folded) if word.acronym else word.folded] = None
    return list(terms)


def fallback_words(variant):
    """(heads, others) for a search that may miss some of its words: the known words whole, as requirements() has them
    (each a list of clauses), and every other syllable alone (an abbreviation in capitals), each a term."""
    heads, others = [], {}
    for phrase in variant:
        for position, word in enumerate(phrase):
            if not word.required or (word.whole and _same_word(phrase, position, position - 1)):
                continue
            if word.whole and _same_word(phrase, position, position + 1):
                end = position
                while _same_word(phrase, end, end + 1):
                    end += 1
                heads.append([[pair(phrase[index].folded, phrase[index + 1].folded)] for index in range(position, end)])
            elif word.whole:
                heads.append([[marker(word.folded) if word.acronym else word.folded]])
            else:
                others[marker(word.folded) if word.acronym else word.folded] = None
    return heads, list(others)
