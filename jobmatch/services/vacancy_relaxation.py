"""A vacancy search that finds nothing never ends there: which chip or filter to drop and how many vacancies each
relaxation would find (counted in one multi-search), and the nearest place or word for a misspelling."""
from dataclasses import dataclass

from elasticsearch import ApiError
from flask_babel import gettext as _

from jobmatch.extensions import search_client, search_indexes
from jobmatch.services import place as place_service
from jobmatch.services.errors import InvalidRequest, search_failures_as
from jobmatch.services.vacancy_query import resolve_search
from search.relaxation import corrected_text, count_body, word_suggestion_body
from search.understanding import place_suggestions
from search.vacancy import build_vacancy_search


@dataclass
class Relaxation:
    label: str
    total: int
    without: dict  # the arguments to change, as a chip's


@dataclass
class Suggestion:
    label: str
    without: dict


def ways_out(filters, resolved, *, actor=None):
    """(relaxations with at least one result, most results first; suggestions) for a search that found nothing."""
    candidates = [(chip.label, chip.without) for chip in resolved.chips]
    understood = resolved.understood
    if understood and (understood["places"] or understood["abroad"]):
        candidates.append((_("The words as typed, without reading places or countries in them"), {"understand": False}))
    words = resolved.criteria.text.strip()
    if words and candidates:
        candidates.append((_("Without the words “%(words)s”", words=words), {"q": _understood_words(understood) or None}))
    bodies, counted = [], []
    for label, without in candidates:
        try:
            relaxed = resolve_search(relaxed_filters(filters, without), actor=actor)
        except InvalidRequest:
            continue
        counted.append((label, without))
        bodies += [{}, count_body(build_vacancy_search(relaxed.criteria))]
    if words:
        bodies += [{}, word_suggestion_body(words)]
    if not bodies:
        return [], _place_suggestions(understood)
    with search_failures_as(_("Search is temporarily unavailable. Please try again in a few minutes.")):
        try:
            responses = search_client().msearch(index=search_indexes().vacancies, searches=bodies)["responses"]
        except ApiError:
            return [], _place_suggestions(understood)
    relaxations = [
        Relaxation(label, response["hits"]["total"]["value"], without)
        for (label, without), response in zip(counted, responses, strict=False)
        if "error" not in response and response["hits"]["total"]["value"] > 0
    ]
    relaxations.sort(key=lambda relaxation: -relaxation.total)
    suggestions = _place_suggestions(understood)
    if words and "error" not in responses[-1]:
        corrected = corrected_text(responses[-1], words)
        if corrected:
            suggestions.append(Suggestion(_("Did you mean “%(text)s”?", text=corrected), {"q": _with_words(understood, corrected)}))
    return relaxations, suggestions


def relaxed_filters(filters, without):
    """The filters with a chip's changes applied: a None or empty value leaves the argument out; paging starts again."""
    relaxed = {name: value for name, value in filters.items() if name != "after"}
    for name, value in without.items():
        if value is None or value == []:
            relaxed.pop(name, None)
        else:
            relaxed[name] = value
    return relaxed


def _with_words(understood, words):
    """The query with its searched words replaced, the places and countries read in it kept."""
    if not understood:
        return words
    return " ".join(part for part in (words, _understood_words(understood)) if part)


def _understood_words(understood):
    """Only the words read as places and countries ("ở Hà Nội"), which keep their chips when the rest is dropped."""
    if not understood:
        return ""
    spans = sorted(found["span"] for found in understood["places"] + understood["abroad"])
    return " ".join(understood["query"][start:end] for start, end in spans)


def _place_suggestions(understood):
    if not understood:
        return []
    return [
        Suggestion(_("Did you mean “%(text)s”?", text=understood["query"].replace(words, name, 1)),
                   {"q": understood["query"].replace(words, name, 1)})
        for words, name in place_suggestions(understood, place_service.gazetteer())
    ]
