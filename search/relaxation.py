"""Bodies of the one multi-search that a search with no results makes: how many vacancies each relaxation (a filter
dropped) would find, and the indexed words nearest to the words typed."""
from search.folding import fold

# The field holding every searched word of a vacancy, as search/vacancy.py indexes them (folded syllables).
WORDS_FIELD = "words"


def count_body(body):
    """A search body reduced to its count: the same query, no hits, no facets."""
    return {"query": body["query"], "size": 0, "track_total_hits": True}


def word_suggestion_body(text):
    """A body asking, for each word of the text, the indexed words a letter or two away ("toam" → "toan")."""
    return {
        "size": 0,
        "query": {"match_none": {}},
        "suggest": {"text": fold(text), "words": {"term": {"field": WORDS_FIELD, "suggest_mode": "missing", "min_word_length": 3}}},
    }


def corrected_text(response, text):
    """The folded text with each unknown word replaced by its most frequent near spelling, or None when none is."""
    words = fold(text).split()
    changed = False
    for entry in response.get("suggest", {}).get("words", []):
        options = entry.get("options") or []
        if options and entry["text"] in words:
            best = max(options, key=lambda option: (option.get("freq", 0), option.get("score", 0)))
            words[words.index(entry["text"])] = best["text"]
            changed = True
    return " ".join(words) if changed else None
