"""No English on Vietnamese pages: every message the templates and the code show has a Vietnamese translation in the
catalogue, and no catalogue entry is left untranslated or copied from English, but for a few words Vietnamese uses as
they are."""
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "jobmatch" / "translations" / "vi" / "LC_MESSAGES" / "messages.po"
# Written the same in Vietnamese: names, codes and words the Vietnamese pages use as they are.
SAME_IN_VIETNAMESE = {
    "Email", "CV", "API", "jobmatch", "ISCO-08", "EPS-TOPIK", "JLPT", "Zalo", "OK", "XLSX", "CSV", "PDF", "km",
}


def _catalogue():
    with CATALOGUE.open("rb") as po_file:
        return read_po(po_file, locale="vi")


def _ids(message):
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _shown_in_code():
    """Every message id the templates and the Python code mark for translation (babel.cfg's extractors)."""
    keywords = {"_": None, "N_": None, "_l": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None}
    found = {}
    for folder, method in (("jobmatch", "python"), ("templates", "jinja2")):
        pattern = "**.py" if method == "python" else "**.html"
        for filename, lineno, message, _comments, _context in extract_from_dir(
            str(ROOT / folder), method_map=[(pattern, method)], keywords=keywords
        ):
            ids = message if isinstance(message, tuple) else (message,)
            found.setdefault(ids[0], f"{folder}/{filename}:{lineno}")
    return found


def test_every_message_shown_has_a_vietnamese_translation():
    catalogue = _catalogue()
    missing = {message_id: where for message_id, where in _shown_in_code().items()
               if message_id and (catalogue.get(message_id) is None or not all(_strings(catalogue.get(message_id))))}
    assert missing == {}


def test_no_catalogue_entry_is_left_in_english():
    untranslated, copied = [], []
    for message in _catalogue():
        if not message.id:
            continue
        msgid, strings = _ids(message)[0], _strings(message)
        if not all(strings):
            untranslated.append(msgid)
        elif strings[0] == msgid and msgid not in SAME_IN_VIETNAMESE and any(character.isalpha() for character in msgid):
            copied.append(msgid)
    assert untranslated == []
    assert copied == []
