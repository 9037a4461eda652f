"""The text of a vacancy search as query clauses: which vacancies the words require, and how the words rank them.

Every syllable typed must be in the vacancy beside a neighbour of its own word, in one field (search/words.py);
synonyms and abbreviations stand in for what was typed, a little lower. The employer's name counts only when the
search names it in full, as a separate alternative, never to complete a job's words. Title matches outrank matches in
the occupation, skills and destination, which outrank the place and the description.
"""
from search.words import fallback_words, query_variants, requirements, scoring_terms

# Fields of words (search/vacancy.py builds them) and how much a match in each weighs.
WORD_FIELDS = ["title_words^6", "occupation_words^3", "skills_words^3", "abroad_words^3", "place_words^1.5", "description_words"]
# The words as written, for the few whose diacritics were typed ("bán" above "bạn"); boilerplate is not in them.
EXACT_FIELDS = ["title^3", "occupation_label^2", "skills^2", "description"]
SYNONYM_BOOST = 0.8
FIELD_TIE_BREAKER = 0.3
EXACT_BOOST = 0.2  # breaks ties between words that fold alike; never outweighs where the words were found
EMPLOYER_BOOST = 4.0
# Up to four words, every word counts; up to nine, one may be missing; longer searches need four words in five.
LONG_QUERY_MINIMUM = "4<-1 9<80%"
# From three words on, a vacancy that has every known word ("thợ hàn", "lái xe") and half the others also matches
# ("thợ hàn tig inox" finds "Thợ hàn TIG"); with no known word, three in four of them. It ranks below every vacancy
# that has all the words, which FULL_MATCH_BOOST lifts above the others.
FALLBACK_FROM_WORDS = 3
FALLBACK_OTHERS = "50%"
FALLBACK_WITHOUT_HEADS = "2<75%"
FULL_MATCH_BOOST = 3.0


def text_clauses(text, *, fallback=True):
    """(requirement, ranking) of a search's text: a filter clause (None: nothing required, as for "việc làm") and the
    should clauses that score. Variants are the text as typed first, then with each synonym in place. fallback=False:
    every word counts as typed (words that look like a misspelt place, which the user is asked about instead)."""
    variants = query_variants(text)
    if not variants:
        return None, []
    alternatives = [coverage for coverage in (_coverage(variant, fallback) for variant in variants) if coverage is not None]
    employer = _employer(variants[0])
    requirement = None
    ranking = [
        {"dis_max": {"queries": [_ranking(variant, 1.0 if number == 0 else SYNONYM_BOOST) for number, variant in enumerate(variants)],
                     "tie_breaker": 0.1}},
        {"multi_match": {"query": text, "fields": EXACT_FIELDS, "type": "best_fields", "boost": EXACT_BOOST}},
        {"constant_score": {"filter": employer, "boost": EMPLOYER_BOOST}},
    ]
    if len(alternatives) == len(variants):  # every variant requires something
        full = [coverage for coverage, _fallback in alternatives]
        fallbacks = [fallback for _coverage, fallback in alternatives if fallback is not None]
        requirement = {"bool": {"should": [*full, *fallbacks, employer], "minimum_should_match": 1}}
        if fallbacks:
            ranking.append({"constant_score": {"filter": {"bool": {"should": full}}, "boost": FULL_MATCH_BOOST}})
    return requirement, ranking


def _coverage(variant, fallback):
    """(every required word of the variant present, see words.requirements, or None) and the fallback of a search
    of FALLBACK_FROM_WORDS words or more (or None); long searches may miss a word. None: the variant requires nothing."""
    words = [_all([{"terms": {"words": terms}} for terms in clauses]) for clauses in requirements(variant)]
    if not words:
        return None
    if len(words) == 1:
        return words[0], None
    full = {"bool": {"should": words, "minimum_should_match": LONG_QUERY_MINIMUM}}
    return full, (_fallback(variant) if fallback and len(words) >= FALLBACK_FROM_WORDS else None)


def _fallback(variant):
    heads, others = fallback_words(variant)
    if not others:
        return None
    clauses = {"should": [{"term": {"words": term}} for term in others],
               "minimum_should_match": FALLBACK_OTHERS if heads else FALLBACK_WITHOUT_HEADS}
    if heads:
        clauses["filter"] = [_all([{"terms": {"words": terms}} for terms in head]) for head in heads]
    return {"bool": clauses}


def _all(clauses):
    return clauses[0] if len(clauses) == 1 else {"bool": {"filter": clauses}}


def _ranking(variant, boost):
    """The share of the variant's terms the best field holds, times that field's weight, and a little of the others
    (the fields score each term 1, whatever its frequency: a rare synonym does not outweigh the words typed, and a
    synonym found in two fields does not outweigh the words typed found in the title)."""
    terms = scoring_terms(variant)
    return {"multi_match": {"query": " ".join(terms), "fields": WORD_FIELDS, "type": "best_fields", "tie_breaker": FIELD_TIE_BREAKER,
                            "boost": round(boost / len(terms), 4)}}


def _employer(variant):
    """Vacancies of an employer whose distinctive name the search names in full: "Minh Phát" (of "Công ty TNHH Minh
    Phát"), not "phát triển"."""
    typed = sorted({word.folded for phrase in variant for word in phrase})
    return {"terms_set": {"employer_terms": {"terms": typed, "minimum_should_match_field": "employer_terms_count"}}}
