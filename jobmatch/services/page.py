"""Pages of the lists services give: keyset pages of database rows, position pages of a ranking made for the request,
and lists answered whole, all in one small shape (items, total, next_after)."""
from dataclasses import dataclass
from datetime import date, datetime

from flask_babel import gettext as _
from sqlalchemy import and_, func, or_, select

from jobmatch.extensions import db
from jobmatch.schemas.page import CURSOR_NOT_VALID, decode_cursor, encode_cursor
from jobmatch.services.errors import InvalidRequest


@dataclass
class Page:
    items: list
    total: int
    next_after: str | None = None

    @classmethod
    def whole(cls, items):
        """A list bounded by the domain (a person's eligibility per programme, the programmes), answered in one page."""
        items = list(items)
        return cls(items, len(items))


def keyset_page(statement, *, list_name, order, size, after):
    """One page of a query's rows in a stable order; size=None gives every row (pages that show a whole list).

    `order` is [(column, "asc" | "desc")] ending with a unique column (the id), so the sort key of the page's last row,
    which the cursor carries, says where the next page starts: no row is skipped or repeated when rows come and go
    between two pages, as an offset would. Key columns are never null.
    """
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    statement = statement.order_by(*(column.desc() if direction == "desc" else column.asc() for column, direction in order))
    if after is not None:
        statement = statement.where(_beyond(order, _key_of(after, list_name=list_name, order=order)))
    if size is None:
        return Page(db.session.scalars(statement).all(), total)
    rows = db.session.scalars(statement.limit(size + 1)).all()
    if len(rows) <= size:
        return Page(rows, total)
    last = rows[size - 1]
    return Page(rows[:size], total, encode_cursor(list_name, [_plain(getattr(last, column.key)) for column, _order in order]))


def _beyond(order, key):
    """Rows after the key in the order: (a, b) > (x, y) as (a > x) or (a = x and b > y), each column its own way."""
    alternatives = []
    for position, (column, direction) in enumerate(order):
        equal_before = [earlier == value for (earlier, _direction), value in zip(order[:position], key[:position], strict=True)]
        alternatives.append(and_(*equal_before, column < key[position] if direction == "desc" else column > key[position]))
    return or_(*alternatives)


def _plain(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _decoded(after):
    """The cursor's (list name, key); the API's schema has checked it, a page's own link may not have been."""
    try:
        return decode_cursor(after)
    except ValueError as error:
        raise InvalidRequest("after", _(CURSOR_NOT_VALID)) from error


def _key_of(after, *, list_name, order):
    """The sort key a cursor of this list carries, typed as its columns; a cursor of another list is refused."""
    name, key = _decoded(after)
    if name != list_name or len(key) != len(order):
        raise InvalidRequest("after", _("This page cursor belongs to another list."))
    typed = []
    for (column, _direction), value in zip(order, key, strict=True):
        kind = column.type.python_type
        try:
            if kind in (date, datetime):
                value = kind.fromisoformat(value)
            elif not isinstance(value, kind):
                raise ValueError(value)
        except (TypeError, ValueError) as error:
            raise InvalidRequest("after", _(CURSOR_NOT_VALID)) from error
        typed.append(value)
    return typed


def ranking_page(ranking, *, list_name, edition, size, after):
    """(this page's part, next_after) of a ranking made for this request (the matches' fair order); the cursor holds
    the ranking's edition (its day: the order changes daily) and the position after the page."""
    start = 0
    if after is not None:
        name, key = _decoded(after)
        if name != list_name or len(key) != 2 or not isinstance(key[1], int) or key[1] < 0:
            raise InvalidRequest("after", _("This page cursor belongs to another list."))
        if key[0] != edition:
            raise InvalidRequest("after", _("This page cursor is from another day's ranking: start again from the first page."))
        start = key[1]
    end = start + size
    return ranking[start:end], encode_cursor(list_name, [edition, end]) if end < len(ranking) else None
