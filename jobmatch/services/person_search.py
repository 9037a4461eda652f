"""Finding people as they are named at a counter: a phone number in any format, a citizen ID, or a name typed with or
without diacritics, partial and in any order. Officers find their centre's job seekers; administrators any account."""
import re

from sqlalchemy import and_, literal, or_, select

from jobmatch.extensions import db
from jobmatch.models.account import Account
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.rules.person import name_match_rank, name_words
from jobmatch.schemas.fields import normalize_phone
from jobmatch.services.authorization import authorize
from jobmatch.services.page import Page, ranking_page

EXACT = 0  # the phone number, citizen ID or email itself: ranked before any name
AFTER_NAMES = 4  # after every rank rules.person.name_match_rank gives
CITIZEN_ID = re.compile(r"\d{12}")


def _words_condition(column, words):
    """Every word typed begins one of the stored name's words (the words are letters and digits only: no LIKE
    wildcards)."""
    spaced = literal(" ") + column
    return and_(*(spaced.like(f"% {word}%") for word in words))


def _ranked(rows, *, words, exact, otherwise=None):
    """The ids of the rows best first: an exact phone, ID or email; then by how well the name answers the words
    (rules/person.py); then whatever else matched (an email's beginning); alphabetically within a rank."""
    ranked = []
    for row in rows:
        rank = EXACT if exact(row) else (name_match_rank(words, row.name_folded) if words else otherwise)
        if rank is not None:
            ranked.append((rank, row.name_folded or "", row.id))
    ranked.sort()
    return [entry[2] for entry in ranked]


def _page(model, ranked_ids, *, list_name, text, size, after):
    """A page of the ranking, every match counted: the ranking is made from a few columns of every row that matched,
    and only the page's rows are loaded. The cursor holds the text searched, so that it pages only this search."""
    ids, next_after = ranking_page(ranked_ids, list_name=list_name, edition=text, size=size, after=after)
    loaded = {row.id: row for row in db.session.scalars(select(model).where(model.id.in_(ids)))} if ids else {}
    return Page([loaded[row_id] for row_id in ids], len(ranked_ids), next_after)


def find_job_seekers(*, actor, text, size=50, after=None):
    """The officer's centre's job seekers this text names, best first, a page at a time: the one whose phone or
    citizen ID it is, then whole names, names that begin so, names holding every word in any order."""
    authorize(actor, "job_seeker.list_centre")
    text = (text or "").strip()
    phone = normalize_phone(text) if len(text) <= 30 else None
    digits = re.sub(r"[\s.-]", "", text)
    citizen_id = digits if CITIZEN_ID.fullmatch(digits) else None
    words = name_words(text)
    conditions = [_words_condition(JobSeeker.name_folded, words)] if words and not (phone or citizen_id) else []
    if phone:
        conditions.append(JobSeeker.phone == phone)
    if citizen_id:
        conditions.append(JobSeeker.citizen_id == citizen_id)
    if not conditions:
        return Page([], 0)
    rows = db.session.execute(
        select(JobSeeker.id, JobSeeker.name_folded, JobSeeker.phone, JobSeeker.citizen_id)
        .where(JobSeeker.centre_id == actor.centre_id, JobSeeker.anonymized_at.is_(None), or_(*conditions))
    ).all()
    ranked = _ranked(
        rows, words=words,
        exact=lambda row: (phone and row.phone == phone) or (citizen_id and row.citizen_id == citizen_id),
    )
    return _page(JobSeeker, ranked, list_name="found_job_seekers", text=text, size=size, after=after)


def find_accounts(*, actor, text, size=50, after=None):
    """Any account this text names, for an administrator, a page at a time: its email (or the email's beginning), its
    phone number in any format, or its holder's name with or without diacritics."""
    authorize(actor, "account.manage_staff")
    text = (text or "").strip()
    phone = normalize_phone(text) if len(text) <= 30 else None
    email = text.lower() if "@" in text else None
    words = [] if email or phone else name_words(text)
    conditions = [_words_condition(Account.name_folded, words)] if words else []
    if phone:
        conditions.append(Account.phone == phone)
    if email:
        conditions.append(Account.email.startswith(email, autoescape=True))
    if not conditions:
        return Page([], 0)
    rows = db.session.execute(select(Account.id, Account.name_folded, Account.phone, Account.email).where(or_(*conditions))).all()
    ranked = _ranked(
        rows, words=words, otherwise=AFTER_NAMES,
        exact=lambda row: bool(phone and row.phone == phone) or bool(email and row.email == email),
    )
    return _page(Account, ranked, list_name="found_accounts", text=text, size=size, after=after)


def walk_in_values(text):
    """What a search that found nobody hands to the registration form: the citizen ID, phone number or name typed."""
    text = (text or "").strip()
    digits = re.sub(r"[\s.-]", "", text)
    if CITIZEN_ID.fullmatch(digits):
        return {"citizen_id": digits}
    if len(text) <= 30 and normalize_phone(text):
        return {"phone": text}
    return {"full_name": text}
