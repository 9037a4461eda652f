"""The occupation coder: a posted job title → ISCO-08 unit groups, best first, each with the phrase it matched, where
that phrase comes from, and a confidence; plain data in (the vocabulary of titles and labels), plain data out."""
import math
from collections import defaultdict
from dataclasses import dataclass, field

from jobmatch.rules.job_title import fold, has_diacritics, title_words, words_of
from jobmatch.rules.occupation_roles import FOLDED_HEADS, head_major_groups, professional_code, role_shifts, shifted_code

# How much a phrase of each kind is trusted: a job title as boards write it, above ESCO's English labels and the
# ISCO-08 group names, above rare words of a group's name found apart ("thợ nhuộm vải": "nhuộm" and "vải" of "thợ vận
# hành máy tẩy, nhuộm và làm sạch vải"), above a bare head word ("kỹ sư", "thợ"), which only says the family.
KIND_WEIGHT = {"title": 1.0, "tail": 0.8, "esco": 0.85, "group": 0.8, "words": 0.5, "kin": 0.5, "head": 0.45}
# A word of a group's name counts apart only when the phrases of at most this many groups hold it (not "thợ", "máy",
# "vận hành", "làm").
GROUP_WORD_MOST_GROUPS = 14
TAIL_WORDS = 2  # the fewest words of a job title after its head that match alone
ACRONYM_LENGTH = 3  # a phrase this short and without diacritics ("ba", "it", "qc") counts only written in capitals
LONGEST_PHRASE = 7
POSITION_BONUS = 1.1  # the phrase that opens a piece of the title is its head
DESCRIPTION_SHARE = 0.15  # the description breaks ties, it never outweighs the title
HEAD_MISMATCH = 0.45  # a unit group outside the family its head names (occupation_roles.HEAD_MAJOR_GROUPS)
# A word after the head shared with a job title counts when rarer than this ("viên", "làm"), and not a word of a head
# or an activity ("vận hành máy" of "Công nhân vận hành máy ép nhựa" says nothing of plastics).
KIN_RAREST_WORD = 2.0
SIBLING_BONUS = 1.5  # an alternative of the first answer's minor group is nearer than a look-alike elsewhere
# An ESCO label made only of words common to many unit groups ("team leader", "section head") names none of them.
ESCO_RAREST_WORD = 3.0
# A vote of minor groups (3 digits) among the first answers: of the first MINOR_VOTERS, those scoring at least
# MINOR_VOTE_CLOSE of the best vote with their scores, and a minor group whose votes outweigh the first answer's by
# MINOR_VOTE_MARGIN goes first: "Thợ cơ khí sửa chữa máy nông nghiệp" names fitters twice (7233, 7231) and a metal
# worker once (7214).
MINOR_VOTERS = 3
MINOR_VOTE_CLOSE = 0.7
MINOR_VOTE_MARGIN = 1.0
# What is done to a thing, not the trade that does it: "bảo trì" names the fitter (7233) only when nothing else in the
# title says what is maintained ("Thợ điện bảo trì tòa nhà" is an electrician, "Nhân viên bảo trì thang máy" a lift
# mechanic).
ACTIVITIES = ("bảo trì", "bảo dưỡng", "sửa chữa", "vận hành", "kỹ thuật", "máy", "máy móc", "thiết bị", "maintenance",
              "repair", "operator", "sản xuất", "production")
# A phrase made only of heads and activities ("Công nhân vận hành máy", "Nhân viên bảo trì", "bảo trì") is the
# catch-all of its family: when the title names a domain besides, it weighs less than a bare head.
GENERIC_SHARE = 0.4
LATER_PIECE_SHARE = 0.6  # see _title_matches


@dataclass(frozen=True)
class Phrase:
    words: tuple  # as written, lower-case NFC
    code: str  # ISCO-08 unit group, "" for a head that names no occupation alone ("nhân viên")
    kind: str  # title, head, esco or group
    label: str  # as the reference data writes it


@dataclass
class Vocabulary:
    """Every phrase, looked up by its words with diacritics and, for titles typed without them, folded."""

    marked: dict = field(default_factory=lambda: defaultdict(list))
    folded: dict = field(default_factory=lambda: defaultdict(list))
    weight_marked: dict = field(default_factory=dict)
    weight_folded: dict = field(default_factory=dict)
    unknown_weight: float = 1.0
    group_words_marked: dict = field(default_factory=lambda: defaultdict(set))  # a word of a group's name → codes
    group_words_folded: dict = field(default_factory=lambda: defaultdict(set))
    group_names: dict = field(default_factory=dict)  # code → its first name (the Vietnamese one)
    heads: frozenset = frozenset()  # the heads of titles, as written and folded
    # heads and activities (see ACTIVITIES), and their words: as written under True, folded under False
    generic: dict = field(default_factory=lambda: {True: frozenset(), False: frozenset()})
    generic_words: dict = field(default_factory=lambda: {True: frozenset(), False: frozenset()})
    # (head, word after it) → {code: a job title with that head and word}: "kỹ sư … công trình" → 2142; as written
    # and folded, so that "may" (sew) is not "máy" (machine)
    kin_titles: dict = field(default_factory=lambda: defaultdict(dict))


def _tails(phrases):
    """The domain words of each job title after its head, as a phrase of its own: "lắp đặt camera" of "Thợ lắp đặt
    camera", which "Kỹ thuật viên lắp đặt camera" holds; two words at least ("hồ" of "Thợ hồ" names nothing)."""
    heads = {phrase.words for phrase in phrases if phrase.kind == "head"}
    longest = max((len(head) for head in heads), default=0)
    for phrase in phrases:
        if phrase.kind != "title":
            continue
        for length in range(min(longest, len(phrase.words) - TAIL_WORDS), 0, -1):
            if phrase.words[:length] in heads:
                if FOLDED_HEADS.get(" ".join(fold(word) for word in phrase.words[:length])) == "1":
                    break  # a director's domain names no job ("Trưởng phòng quảng cáo")
                yield Phrase(phrase.words[length:], phrase.code, "tail", phrase.label)
                break


def _leading_head(heads, words):
    """The longest head (folded words) that opens these folded words, or ()."""
    for length in range(min(len(words) - 1, LONGEST_PHRASE), 0, -1):
        if words[:length] in heads:
            return words[:length]
    return ()


def _index_kin_titles(vocabulary, phrases):
    heads = [phrase.words for phrase in phrases if phrase.kind == "head"]
    vocabulary.heads = frozenset(heads + [tuple(fold(word) for word in head) for head in heads])
    generic = heads + [tuple(words_of(activity)) for activity in ACTIVITIES]
    vocabulary.generic = {True: frozenset(generic),
                          False: frozenset(tuple(fold(word) for word in words) for words in generic)}
    vocabulary.generic_words = {marked: frozenset(word for words in phrases for word in words)
                                for marked, phrases in vocabulary.generic.items()}
    for phrase in phrases:
        if phrase.kind == "title":
            for words in (phrase.words, tuple(fold(word) for word in phrase.words)):
                head = _leading_head(vocabulary.heads, words)
                for word in words[len(head):] if head else ():
                    vocabulary.kin_titles[head, word].setdefault(phrase.code, phrase)


def build_vocabulary(phrases):
    """A vocabulary of Phrase rows. A word's weight is its inverse frequency over the unit groups whose phrases hold
    it, so that "nhân viên", "công ty", "worker" count little and "hàn", "welder" much."""
    vocabulary = Vocabulary()
    codes_of_marked, codes_of_folded = defaultdict(set), defaultdict(set)
    all_codes, seen = set(), set()
    phrases = [*phrases, *_tails(phrases)]
    for phrase in phrases:
        # The same words for the same group twice (a curated title that is also in the vocabulary) count once.
        if not phrase.words or (phrase.words, phrase.code, phrase.kind) in seen:
            continue
        seen.add((phrase.words, phrase.code, phrase.kind))
        folded_words = tuple(fold(word) for word in phrase.words)
        if len(phrase.words) <= LONGEST_PHRASE:  # longer ones are never matched whole, but their words are counted
            vocabulary.marked[phrase.words].append(phrase)
            vocabulary.folded[folded_words].append(phrase)
        key = phrase.code or phrase.label
        all_codes.add(key)
        for word in phrase.words:
            codes_of_marked[word].add(key)
        for word in folded_words:
            codes_of_folded[word].add(key)
    total = len(all_codes) or 1
    vocabulary.weight_marked = {word: math.log(1 + total / len(codes)) for word, codes in codes_of_marked.items()}
    vocabulary.weight_folded = {word: math.log(1 + total / len(codes)) for word, codes in codes_of_folded.items()}
    vocabulary.unknown_weight = math.log(1 + total)
    _index_kin_titles(vocabulary, phrases)
    for phrase in phrases:
        if phrase.kind == "group" and phrase.words:
            vocabulary.group_names.setdefault(phrase.code, phrase)
            for word in phrase.words:
                if len(codes_of_marked[word]) <= GROUP_WORD_MOST_GROUPS:
                    vocabulary.group_words_marked[word].add(phrase.code)
                if len(codes_of_folded[fold(word)]) <= GROUP_WORD_MOST_GROUPS:
                    vocabulary.group_words_folded[fold(word)].add(phrase.code)
    return vocabulary


@dataclass(frozen=True)
class Match:
    phrase: Phrase
    score: float
    in_description: bool = False


@dataclass(frozen=True)
class CodedOccupation:
    code: str
    score: float
    confidence: float
    matched: Phrase  # the phrase that decided it
    matched_words: tuple  # the title's words it covered
    other_phrases: tuple = ()  # further phrases of the same unit group found in the title or description


def _matches(vocabulary, pieces, marked, acronyms):
    """Every phrase found as consecutive whole words of a piece ("may" is not "nhà máy"), with its score."""
    table, weights = (vocabulary.marked, vocabulary.weight_marked) if marked else (vocabulary.folded, vocabulary.weight_folded)
    found = []
    for piece in pieces:
        words = piece if marked else tuple(fold(word) for word in piece)
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + LONGEST_PHRASE) + 1):
                for phrase in table.get(words[start:end], ()):
                    if not phrase.code or (len("".join(phrase.words)) < ACRONYM_LENGTH and not has_diacritics(
                            phrase.label) and phrase.kind != "head" and phrase.words[0] not in acronyms and marked):
                        continue
                    word_weights = [weights.get(word, vocabulary.unknown_weight) for word in words[start:end]]
                    if phrase.kind == "esco" and max(word_weights) < ESCO_RAREST_WORD:
                        continue
                    score = sum(word_weights)
                    score *= KIND_WEIGHT[phrase.kind] * (POSITION_BONUS if start == 0 else 1.0)
                    found.append((Match(phrase, score), piece[start:end]))
    return found


def _group_word_matches(vocabulary, pieces, marked):
    """Each unit group whose name holds rare words of a piece, apart or in another order, scored by those words'
    weights: the fallback for titles no phrase names whole ("Thợ thêu vi tính", "Công nhân khai thác đá")."""
    table, weights = ((vocabulary.group_words_marked, vocabulary.weight_marked) if marked
                      else (vocabulary.group_words_folded, vocabulary.weight_folded))
    found = []
    for piece in pieces:
        words_of_code = defaultdict(list)
        for word in dict.fromkeys(piece):
            for code in table.get(word if marked else fold(word), ()):
                words_of_code[code].append(word)
        for code, words in words_of_code.items():
            score = sum(weights[word if marked else fold(word)] for word in words) * KIND_WEIGHT["words"]
            name = vocabulary.group_names[code]
            found.append((Match(Phrase(name.words, code, "words", name.label), score), tuple(words)))
    return found


def _kin_title_matches(vocabulary, pieces, marked):
    """Each unit group of job titles with the same head as the title's and some of its rarer words after it, scored
    by those words' weights: "Kỹ sư QC công trình" is kin to "Kỹ sư giám sát công trình", not to "QC" (7543)."""
    weights = vocabulary.weight_marked if marked else vocabulary.weight_folded
    words = (pieces[0] if marked else tuple(fold(word) for word in pieces[0])) if pieces else ()
    head = _leading_head(vocabulary.heads, words)
    if not head:
        return []
    words_of_code, titles = defaultdict(list), {}
    for word in dict.fromkeys(words[len(head):]):
        if weights.get(word, 0.0) < KIN_RAREST_WORD or word in vocabulary.generic_words[marked]:
            continue
        for code, title in vocabulary.kin_titles.get((head, word), {}).items():
            words_of_code[code].append(word)
            titles.setdefault(code, title)
    return [(Match(Phrase(titles[code].words, code, "kin", titles[code].label),
                   sum(weights[word] for word in found) * KIND_WEIGHT["kin"]), tuple(found))
            for code, found in words_of_code.items()]


def _is_generic(vocabulary, words, marked):
    """Whether these words are heads and activities end to end ("công nhân" "vận hành máy")."""
    generic = vocabulary.generic[marked]
    words = words if marked else tuple(fold(word) for word in words)
    ends = {0}
    for end in range(1, len(words) + 1):
        if any(start in ends and words[start:end] in generic for start in range(max(0, end - LONGEST_PHRASE), end)):
            ends.add(end)
    return len(words) in ends


def _names_a_domain(match, covered, generic):
    return match.phrase.kind not in ("head", "words") and not generic[covered]


def _discount_generic(matches, generic):
    """A catch-all phrase weighs GENERIC_SHARE when another phrase of the title names words it does not hold."""
    named = {word for match, covered in matches if _names_a_domain(match, covered, generic) for word in covered}
    return [(Match(match.phrase, match.score * GENERIC_SHARE, match.in_description), covered)
            if match.phrase.kind != "head" and generic[covered] and named - set(covered) else (match, covered)
            for match, covered in matches]


def _title_matches(vocabulary, words):
    """Every match of a title's pieces, catch-alls discounted; the pieces after the first outside brackets, which
    mostly say where or in what trade ("Kỹ sư hóa - xử lý nước thải", "Account Manager - Giải pháp phần mềm"), count
    LATER_PIECE_SHARE when the first piece names an occupation of its own; brackets, which mostly name the same job
    again ("Thợ hồ (phụ hồ)", "(Sales Executive)"), count whole."""
    outside = max(words.outside, 1)  # a title all in brackets: its first piece is read once
    first = words.pieces[:1] + words.pieces[outside:]
    later = words.pieces[1:outside]
    matches = _matches(vocabulary, first, words.marked, words.acronyms)
    matches += _group_word_matches(vocabulary, first, words.marked)
    matches += _kin_title_matches(vocabulary, first, words.marked)
    others = _matches(vocabulary, later, words.marked, words.acronyms)
    others += _group_word_matches(vocabulary, later, words.marked)
    generic = {covered: _is_generic(vocabulary, covered, words.marked) for _, covered in matches + others}
    if any(_names_a_domain(match, covered, generic) for match, covered in matches):
        others = [(Match(match.phrase, match.score * LATER_PIECE_SHARE), covered) for match, covered in others]
    return _discount_generic(matches + others, generic)


def _content_weight(vocabulary, pieces, marked):
    weights = vocabulary.weight_marked if marked else vocabulary.weight_folded
    words = [word if marked else fold(word) for piece in pieces for word in piece]
    return sum(weights.get(word, 0.0) for word in words)


def _vote_minor_group(scored):
    """Put first the best answer of the minor group that the answers close to the best score share most, by the sum
    of their scores: a look-alike alone ahead of two siblings gives way to them."""
    if len(scored) < 2 or scored[0][0] <= 0:
        return
    votes = defaultdict(float)
    for score, code, *_ in scored[:MINOR_VOTERS]:
        if score >= MINOR_VOTE_CLOSE * scored[0][0]:
            votes[code[:3]] += score
    winner = max(votes, key=votes.get)
    if votes[winner] >= MINOR_VOTE_MARGIN * votes[scored[0][1][:3]]:
        first = next(number for number, item in enumerate(scored) if item[1][:3] == winner)
        scored.insert(0, scored.pop(first))


def code_title(vocabulary, title, *, description="", place_names=frozenset(), limit=8):
    """The unit groups a posted title names, best first. Each group scores by its best phrase (the sum of its words'
    weights, times the trust in its kind, more for the phrase that opens the title), plus a third of its other
    phrases; a phrase found in the description adds a little. Confidence: how much of the title's weight the phrase
    covers, and how far it stands ahead of the next group."""
    words = title_words(title, place_names)
    matches = _title_matches(vocabulary, words)
    if description:
        described = (tuple(words_of(description)),)
        for match, _covered in _matches(vocabulary, described, has_diacritics(description), frozenset()):
            matches.append((Match(match.phrase, match.score * DESCRIPTION_SHARE, True), ()))
    families = head_major_groups(words.pieces)
    shifts = role_shifts(words.pieces, words.marked)
    by_code = defaultdict(list)
    for match, covered in matches:
        shifted = shifted_code(match.phrase.code, shifts)
        for code in {shifted, professional_code(shifted, families)}:
            by_code[code].append((match, covered))
    scored = []
    for code, found in by_code.items():
        found.sort(key=lambda item: (-item[0].score, item[0].in_description))
        (best, covered), *others = found
        score = best.score + sum(match.score for match, _ in others) / 3
        if families and code[0] not in families:
            score *= HEAD_MISMATCH
        scored.append((score, code, best, covered, tuple(match.phrase for match, _ in others)))
    scored.sort(key=lambda item: (-item[0], item[1]))
    _vote_minor_group(scored)
    if scored:  # the alternatives to the first answer: its siblings first, then the look-alikes
        minor = scored[0][1][:3]
        scored[1:] = sorted(scored[1:], key=lambda item: (-item[0] * (SIBLING_BONUS if item[1][:3] == minor else 1.0),
                                                          item[1]))
    title_weight = _content_weight(vocabulary, words.pieces, words.marked) or 1.0
    coded = []
    for rank, (score, code, best, covered, others) in enumerate(scored[:limit]):
        runner_up = scored[rank + 1][0] if rank + 1 < len(scored) else 0.0
        coverage = min(1.0, best.score / KIND_WEIGHT[best.phrase.kind] / title_weight)
        margin = max(0.0, score - runner_up) / score if score else 0.0
        confidence = round(KIND_WEIGHT[best.phrase.kind] * (0.6 * coverage + 0.4 * margin), 2)
        coded.append(CodedOccupation(code, round(score, 3), confidence, best.phrase, tuple(covered), others))
    return coded
