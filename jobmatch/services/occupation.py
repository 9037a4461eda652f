"""ISCO-08 groups and ESCO occupations: loading the reference lists shipped in jobmatch/reference_data."""
import csv
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from flask_babel import gettext
from sqlalchemy import insert, select

from jobmatch.extensions import db
from jobmatch.i18n import N_
from jobmatch.models.occupation import EscoOccupation, IscoGroup
from jobmatch.models.place import LegacyWard, Province
from jobmatch.rules.job_title import title_phrase, words_of
from jobmatch.rules.occupation_coding import Phrase, build_vocabulary, code_title
from search.folding import fold

REFERENCE_DATA = Path(__file__).resolve().parent.parent / "reference_data"


def load_occupations():
    """Load the shipped ISCO-08 groups and ESCO occupations, once; returns counts, or None when already loaded."""
    if db.session.scalar(select(db.func.count()).select_from(IscoGroup)):
        return None
    with open(REFERENCE_DATA / "isco08.csv", newline="", encoding="utf-8") as groups_file:
        groups = list(csv.DictReader(groups_file))
    with open(REFERENCE_DATA / "esco_occupations.csv", newline="", encoding="utf-8") as occupations_file:
        occupations = [
            {"code": row["esco_code"], "isco_code": row["isco_code"], "label_en": row["label_en"], "alt_labels": row["alt_labels"]}
            for row in csv.DictReader(occupations_file)
        ]
    db.session.execute(insert(IscoGroup), groups)
    db.session.execute(insert(EscoOccupation), occupations)
    db.session.commit()
    return {"isco_groups": len(groups), "esco_occupations": len(occupations)}


def major_group_labels():
    """{code: (Vietnamese label, English label)} of the ten ISCO major groups, read once per app."""
    cached = current_app.extensions.get("isco_major_group_labels")
    if cached is None:
        groups = db.session.scalars(select(IscoGroup).where(db.func.length(IscoGroup.code) == 1))
        cached = {group.code: (group.label_vi, group.label_en) for group in groups}
        current_app.extensions["isco_major_group_labels"] = cached
    return cached


def unit_groups_by_major():
    """[(major group label, [(code, label)])] of the unit groups, for occupation pickers, in both languages, read once."""
    cached = current_app.extensions.get("isco_unit_groups_by_major")
    if cached is None:
        groups = db.session.scalars(select(IscoGroup).order_by(IscoGroup.code)).all()
        majors = {group.code: group for group in groups if len(group.code) == 1}
        cached = []
        for major_code, major in majors.items():
            units = [
                (group.code, group.label_vi, group.label_en) for group in groups if len(group.code) == 4 and group.code[0] == major_code
            ]
            cached.append(((major.label_vi, major.label_en), units))
        current_app.extensions["isco_unit_groups_by_major"] = cached
    return cached


def group_labels(codes):
    """{code: (Vietnamese label, English label)} of these ISCO groups, at any level, in the order of their codes."""
    if not codes:
        return {}
    every = _every_group_label()
    return {code: every[code] for code in sorted(set(codes)) if code in every}


def _every_group_label():
    """{code: (Vietnamese label, English label)} of every ISCO group, read once per app: the groups never change once
    loaded (load_occupations), and searches and lists label them on every request."""
    cached = current_app.extensions.get("isco_group_labels")
    if cached is None:
        cached = {code: (label_vi, label_en) for code, label_vi, label_en in db.session.execute(
            select(IscoGroup.code, IscoGroup.label_vi, IscoGroup.label_en))}
        if cached:  # not before `flask reference load`
            current_app.extensions["isco_group_labels"] = cached
    return cached


@dataclass(frozen=True)
class SuggestionIndex:
    entries: list  # [(folded label, ISCO unit code, label as written)]
    words: list  # every folded word of the labels, sorted, for prefix look-ups
    entries_of_word: dict  # word → indexes into entries


def _suggestion_index():
    """Every label an occupation answers to, read once per app: the ISCO-08 unit groups in Vietnamese and English,
    common Vietnamese job titles, and the ESCO occupations and their alternative labels under their unit group;
    indexed by folded word."""
    cached = current_app.extensions.get("occupation_suggestions")
    if cached is None:
        entries = []
        for group in db.session.scalars(select(IscoGroup).where(db.func.length(IscoGroup.code) == 4)):
            entries += [(fold(group.label_vi), group.code, group.label_vi), (fold(group.label_en), group.code, group.label_en)]
        # Job titles as Vietnamese job seekers and employers write them ("công nhân may", "tài xế xe tải").
        with open(REFERENCE_DATA / "vietnamese_job_titles.csv", newline="", encoding="utf-8") as titles_file:
            entries += [(fold(row["title"]), row["isco_code"], row["title"]) for row in csv.DictReader(titles_file)]
        for occupation in db.session.scalars(select(EscoOccupation)):
            for label in [occupation.label_en, *occupation.alt_labels.split("|")]:
                if label.strip():
                    entries.append((fold(label), occupation.isco_code, label.strip()))
        entries_of_word = defaultdict(list)
        for number, (folded, _, _) in enumerate(entries):
            for word in set(_words(folded)):
                entries_of_word[word].append(number)
        cached = SuggestionIndex(entries, sorted(entries_of_word), dict(entries_of_word))
        current_app.extensions["occupation_suggestions"] = cached
    return cached


def _words(folded):
    return "".join(ch if ch.isalnum() else " " for ch in folded).split()


def suggest_occupations(*, text, description="", limit=8):
    """ISCO-08 unit groups for a job title, whole as employers post it or being typed, best first: the coder's
    answers for the title (see code_occupation), or, when it has none and the last word may be half typed ("weld"),
    labels beginning with the words typed; one suggestion per unit group. Never both: prefixes fold away diacritics,
    so "may" (sew) would bring back "nhà máy" (power plants); and whole words the coder knows but finds no occupation
    in ("Team Leader") get none."""
    coded = code_occupation(title=text, description=description, limit=limit)
    words = [fold(word) for word in words_of(text)]
    if coded or not words or words[-1] in _coding_vocabulary()[0].weight_folded:
        return coded
    return _typed_suggestions(text, limit)


def _typed_suggestions(text, limit):
    """Labels that begin with the words typed, then ones holding each as a whole word, then ones with words
    beginning so, with the label that matched."""
    typed = _words(fold(text))
    if not typed or len("".join(typed)) < 2:
        return []
    index = _suggestion_index()
    candidates = None
    for word in typed:
        start = bisect_left(index.words, word)
        found = set()
        for label_word in index.words[start:]:
            if not label_word.startswith(word):
                break
            found.update(index.entries_of_word[label_word])
        candidates = found if candidates is None else candidates & found
    phrase = " ".join(typed)
    best = {}
    for number in candidates or ():
        folded, code, label = index.entries[number]
        label_words = _words(folded)
        if " ".join(label_words) == phrase or " ".join(label_words).startswith(phrase + " "):
            rank = 0
        elif all(word in label_words for word in typed):
            rank = 1
        else:
            rank = 2
        key = (rank, len(label), label)
        if code not in best or key < best[code][0]:
            best[code] = (key, label)
    ranked = sorted(best.items(), key=lambda item: (item[1][0], item[0]))[:limit]
    names = group_labels([code for code, _ in ranked])
    return [
        {"code": code, "label_vi": names[code][0], "label_en": names[code][1], "matched": label, "source": "typed",
         "esco_occupation": None, "confidence": 0.1, "reason": gettext("A label begins with the words typed.")}
        for code, (_, label) in ranked if code in names
    ]


def reference_phrases():
    """Every phrase the coder matches against: the job-title vocabulary (heads and titles), the curated Vietnamese job
    titles (read as the coder reads a posted title, see title_phrase), the ISCO-08 unit group names in both languages
    and every ESCO label."""
    phrases = []
    with open(REFERENCE_DATA / "job_title_vocabulary.csv", newline="", encoding="utf-8") as vocabulary_file:
        phrases += [Phrase(tuple(words_of(row["phrase"])), row["isco_code"], row["kind"], row["phrase"])
                    for row in csv.DictReader(vocabulary_file)]
    with open(REFERENCE_DATA / "vietnamese_job_titles.csv", newline="", encoding="utf-8") as titles_file:
        phrases += [Phrase(title_phrase(row["title"]), row["isco_code"], "title", row["title"])
                    for row in csv.DictReader(titles_file)]
    for group in db.session.scalars(select(IscoGroup).where(db.func.length(IscoGroup.code) == 4)):
        phrases += [Phrase(tuple(words_of(label)), group.code, "group", label) for label in (group.label_vi, group.label_en)]
    for occupation in db.session.scalars(select(EscoOccupation)):
        for label in {occupation.label_en, *occupation.alt_labels.split("|")}:
            if label.strip():
                phrases.append(Phrase(tuple(words_of(label)), occupation.isco_code, "esco", occupation.label_en))
    return phrases


def _coding_vocabulary():
    """The coder's vocabulary of the reference phrases, read once per app, and the names of places, which a title may
    carry and which never name an occupation."""
    cached = current_app.extensions.get("occupation_coding")
    if cached is None:
        names = {"hn", "hcm", "tphcm", "tp.hcm", "sg", "sài gòn", "hà nội", "hồ chí minh", "vsip", "kcn"}
        for name, short_name in db.session.execute(select(Province.name, Province.short_name)):
            names.update({name.lower(), short_name.lower()})
        names.update(name.lower() for name in db.session.scalars(select(LegacyWard.province_name).distinct()))
        cached = (build_vocabulary(reference_phrases()), frozenset(names))
        current_app.extensions["occupation_coding"] = cached
    return cached


REASONS = {
    "title": N_("The title says “%(words)s”, the Vietnamese job title “%(label)s”."),
    "tail": N_("The title says “%(words)s”, as the Vietnamese job title “%(label)s” does after its head."),
    "kin": N_("The title says “%(words)s” after its head, as the Vietnamese job title “%(label)s” does."),
    "head": N_("Only the head of the title, “%(words)s”, was recognised: it names the family, not the occupation."),
    "esco": N_("The title says “%(words)s”, a label of the ESCO occupation “%(label)s”."),
    "group": N_("The title says “%(words)s”, the name of the ISCO-08 unit group “%(label)s”."),
    "words": N_("The title says “%(words)s”, words of the ISCO-08 unit group “%(label)s”."),
}


def code_occupation(*, title, description="", limit=8):
    """The ISCO-08 unit groups a job title names, as employers post it ("Nhân Viên Kinh Doanh (Sales Executive) - Thu
    Nhập 15-30 Triệu - Hà Nội"), best first: pay, places and board noise are set aside, Vietnamese syllables match as
    whole words (with their diacritics when the title has them), the head and the rarer words weigh most, and the
    description only breaks ties. Each answer says what it matched (a Vietnamese job title or an ESCO occupation),
    why, and how confident the coder is (0 to 1)."""
    vocabulary, place_names = _coding_vocabulary()
    coded = code_title(vocabulary, title, description=description, place_names=place_names, limit=limit)
    names = group_labels([answer.code for answer in coded])
    suggestions = []
    for answer in coded:
        if answer.code not in names:
            continue
        phrase = answer.matched
        words = " ".join(answer.matched_words) or phrase.label
        suggestions.append({
            "code": answer.code, "label_vi": names[answer.code][0], "label_en": names[answer.code][1],
            "matched": phrase.label, "source": phrase.kind, "confidence": answer.confidence,
            "esco_occupation": phrase.label if phrase.kind == "esco" else None,
            "reason": gettext(REASONS[phrase.kind], words=words, label=phrase.label),
        })
    return suggestions
