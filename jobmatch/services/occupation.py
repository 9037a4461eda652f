"""ISCO-08 groups and ESCO occupations: loading the reference lists shipped in jobmatch/reference_data."""
import csv
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from flask import current_app
from sqlalchemy import insert, select

from jobmatch.extensions import db
from jobmatch.models.occupation import EscoOccupation, IscoGroup
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
    """{code: (Vietnamese label, English label)} of these ISCO groups, at any level."""
    if not codes:
        return {}
    groups = db.session.scalars(select(IscoGroup).where(IscoGroup.code.in_(list(codes))))
    return {group.code: (group.label_vi, group.label_en) for group in groups}


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


def suggest_occupations(*, text, limit=8):
    """ISCO-08 unit groups for what someone is typing ("tho han", "thợ hàn", "welder"), best first: a label that
    begins with the words typed, then one holding each as a whole word, then one with words beginning so; one
    suggestion per unit group, with the label that matched."""
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
        {"code": code, "label_vi": names[code][0], "label_en": names[code][1], "matched": label}
        for code, (_, label) in ranked if code in names
    ]
