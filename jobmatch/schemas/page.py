"""The one pagination shape of every API list: arguments size and after, the answer {items, total, next_after}, and the
opaque cursor that after carries."""
import base64
import json

from marshmallow import ValidationError, fields, validate, validates

from jobmatch.i18n import N_
from jobmatch.schemas.base import BaseSchema

PAGE_SIZE = 20
MAX_PAGE_SIZE = 50
MAX_CURSOR_LENGTH = 500
CURSOR_NOT_VALID = N_("This page cursor is not valid.")


def encode_cursor(list_name, key, *, backward=False):
    """An opaque cursor: the list it belongs to and the sort key of the last row of its page (ints and strings); a
    backward cursor (a page's "previous" link) holds the key of the first row of the page it was made on, and asks for
    the rows before it."""
    payload = json.dumps({"list": list_name, "before" if backward else "after": list(key)}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(cursor):
    """(list name, key, backward) from a cursor made by encode_cursor; ValueError for anything else."""
    try:  # binascii.Error, UnicodeDecodeError and JSONDecodeError are all ValueErrors
        payload = json.loads(base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode()))
    except ValueError as error:
        raise ValueError("not a valid page cursor") from error
    if not isinstance(payload, dict) or not isinstance(payload.get("list"), str) or len(payload) != 2:
        raise ValueError("not a valid page cursor")
    backward = "before" in payload
    if not _valid_key(payload.get("before" if backward else "after")):
        raise ValueError("not a valid page cursor")
    return payload["list"], payload["before" if backward else "after"], backward


def _valid_key(key):
    """A list of strings and whole numbers a database can compare (a number past 2**53 was never made here)."""
    return isinstance(key, list) and bool(key) and all(
        isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool) and abs(value) <= 2**53) for value in key
    )


class PageArgsSchema(BaseSchema):
    """The query arguments of every paged list. A list with more arguments (the vacancy search) extends it; its own
    cursor format, if any, is named by cursor_decoder."""

    cursor_decoder = staticmethod(decode_cursor)
    STRICT_BOOLEANS = False  # query arguments are text: "true" and "false"

    size = fields.Integer(
        load_default=PAGE_SIZE,
        validate=validate.Range(min=1, max=MAX_PAGE_SIZE, error=N_("A page has 1 to 50 results.")),
        metadata={"description": f"Results per page, 1 to {MAX_PAGE_SIZE} ({PAGE_SIZE} by default)"},
    )
    after = fields.String(
        metadata={"description": "The next_after of the previous page, as it came (an opaque cursor); omit it for the first page"}
    )

    @validates("after")
    def _cursor_is_ours(self, value, **kwargs):
        if len(value) > MAX_CURSOR_LENGTH:
            raise ValidationError(CURSOR_NOT_VALID)
        try:
            self.cursor_decoder(value)
        except ValueError as error:
            raise ValidationError(CURSOR_NOT_VALID) from error


class PageSchema(BaseSchema):
    """Every list answer: one page of items, how many there are in all, and the cursor of the next page. A subclass
    declares items (and says in its Meta.description what order they come in, or that the list is answered whole)."""

    total = fields.Integer(metadata={"description": "How many items the list has in all, over every page"})
    next_after = fields.String(
        allow_none=True, metadata={"description": "Pass it as after= to get the next page; null on the last page"}
    )


WHOLE_LIST = "The whole list in one answer (bounded by the domain): it takes no size or after, and next_after is always null."
