"""The text of a vacancy search as query clauses: which vacancies the words require, and how the words rank them.

Every syllable typed must be in the vacancy beside a neighbour of its own word, in one field (search/words.py);
synonyms and abbreviations stand in for what was typed, a little lower. The employer's name counts only when the
search names it in full, as a separate alternative, never to complete a job's words. Title matches outrank matches in
the occupation, skills and destination, which outrank the place and the description.
"""
from search.words import query_variants, requirements, scoring_terms

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


def text_clauses(text):
    """(requirement, ranking) of a search's text: a filter clause (None: nothing required, as for "việc làm") and the
    should clauses that score. Variants are the text as typed first, then with each synonym in place."""
    variants = query_variants(text)
    if not variants:
        return None, []
    alternatives = [coverage for coverage in map(_coverage, variants) if coverage is not None]
    employer = _employer(variants[0])
    requirement = None
    if len(alternatives) == len(variants):  # every variant requires something
        requirement = {"bool": {"should": [*alternatives, employer], "minimum_should_match": 1}}
    ranking = [
        {"dis_max": {"queries": [_ranking(variant, 1.0 if number == 0 else SYNONYM_BOOST) for number, variant in enumerate(variants)],
                     "tie_breaker": 0.1}},
        {"multi_match": {"query": text, "fields": EXACT_FIELDS, "type": "best_fields", "boost": EXACT_BOOST}},
        {"constant_score": {"filter": employer, "boost": EMPLOYER_BOOST}},
    ]
    return requirement, ranking


def _coverage(variant):
    """Each required word of the variant present (see words.requirements); long searches may miss a word."""
    words = [_all([{"terms": {"words": terms}} for terms in clauses]) for clauses in requirements(variant)]
    if not words:
        return None
    if len(words) == 1:
        return words[0]
    return {"bool": {"should": words, "minimum_should_match": LONG_QUERY_MINIMUM}}


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
