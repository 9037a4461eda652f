"""Job-search synonyms, expanded in Python because the server-core distribution has no synonym filter.

Each group lists, in folded form, words that job seekers and employers use for the same work; a search for one
also finds the others.
"""
from search.folding import fold

SYNONYM_GROUPS = [
    ("lai xe", "tai xe"),
    ("phu ho", "tho phu", "lao dong pho thong cong trinh"),
    ("tho xay", "tho ho"),
    ("giup viec", "osin", "o sin"),
    ("lap trinh vien", "lap trinh", "developer", "it phan mem"),
    ("ke toan", "accountant"),
    ("dieu duong", "y ta"),
    ("ho ly", "cham soc nguoi cao tuoi", "kaigo"),
    ("bao ve", "an ninh"),
    ("tap vu", "ve sinh cong nghiep"),
    ("nhan vien ban hang", "ban hang", "sale"),
    ("phuc vu", "boi ban"),
    ("dau bep", "nau an"),
    ("cong nhan", "lao dong"),
    ("xuat khau lao dong", "di lam nuoc ngoai", "lao dong nuoc ngoai"),
]


def expansions(text):
    """The folded query, and the same query with each known phrase replaced by its synonyms: "tai xe" → ["tai xe", "lai xe"]."""
    query = " ".join(fold(text).split())
    variants = [query]
    padded = f" {query} "
    for group in SYNONYM_GROUPS:
        for phrase in group:
            if f" {phrase} " in padded:
                for other in group:
                    if other != phrase:
                        variants.append(padded.replace(f" {phrase} ", f" {other} ", 1).strip())
                break
    return list(dict.fromkeys(variants))
