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
    # The web pager's "previous page" (a backward cursor); the API's answer carries only next_after.
    previous_after: str | None = None

    @classmethod
    def whole(cls, items):
        """A list bounded by the domain (a person's eligibility per programme, the programmes), answered in one page."""
        items = list(items)
        return cls(items, len(items))


def keyset_page(statement, *, list_name, order, size, after):
    """One page of a query's rows in a stable order; size=None gives every row (pages that show a whole list).

    `order` is [(column, "asc" | "desc")] ending with a unique column (the id), so the sort key of the page's last row,
    which the cursor carries, says where the next page starts: no row is skipped or repeated when rows come and go
    between two pages, as an offset would. Key columns are never null. A backward cursor (the previous page) reads the
    order reversed from the key of the first row of the page it was made on.
    """
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    backward = False
    if after is not None:
        key, backward = _key_of(after, list_name=list_name, order=order)
        statement = statement.where(_beyond(_reversed(order) if backward else order, key))
    if size is None:
        return Page(db.session.scalars(_ordered(statement, order)).all(), total)
    rows = db.session.scalars(_ordered(statement, _reversed(order) if backward else order).limit(size + 1)).all()
    more, rows = len(rows) > size, rows[:size]
    if backward:
        rows.reverse()
    if not rows:
        return Page(rows, total)

    def cursor(row, **direction):
        return encode_cursor(list_name, [_plain(getattr(row, column.key)) for column, _order in order], **direction)

    # Coming back from a later page, there is one; going forward from a cursor, there was one before.
    next_after = cursor(rows[-1]) if more or backward else None
    previous_after = cursor(rows[0], backward=True) if (more if backward else after is not None) else None
    return Page(rows, total, next_after, previous_after)


def _ordered(statement, order):
    return statement.order_by(*(column.desc() if direction == "desc" else column.asc() for column, direction in order))


def _reversed(order):
    return [(column, "asc" if direction == "desc" else "desc") for column, direction in order]


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
    """The cursor's (list name, key, backward); the API's schema has checked it, a page's own link may not have been."""
    try:
        return decode_cursor(after)
    except ValueError as error:
        raise InvalidRequest("after", _(CURSOR_NOT_VALID)) from error


def _key_of(after, *, list_name, order):
    """(the sort key a cursor of this list carries, typed as its columns; whether it reads backward); a cursor of
    another list is refused."""
    name, key, backward = _decoded(after)
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
    return typed, backward


def ranking_page(ranking, *, list_name, edition, size, after):
    """(this page's part, next_after) of a ranking made for this request (the matches' fair order); the cursor holds
    the ranking's edition (its day: the order changes daily) and the position after the page."""
    start = 0
    if after is not None:
        name, key, backward = _decoded(after)
        if name != list_name or backward or len(key) != 2 or not isinstance(key[1], int) or key[1] < 0:
            raise InvalidRequest("after", _("This page cursor belongs to another list."))
        if key[0] != edition:
            raise InvalidRequest("after", _("This page cursor is from another day's ranking: start again from the first page."))
        start = key[1]
    end = start + size
    return ranking[start:end], encode_cursor(list_name, [edition, end]) if end < len(ranking) else None
