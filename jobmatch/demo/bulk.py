"""Bulk inserts that hand back their new ids, and progress reports, shared by every kind of demo row."""
from sqlalchemy import insert, select

from jobmatch.extensions import db


def insert_returning_ids(model, rows):
    """Bulk-insert rows and return their new ids in order (ids grow in insertion order on SQLite and PostgreSQL)."""
    if not rows:
        return []
    db.session.execute(insert(model), rows)
    return db.session.scalars(select(model.id).order_by(model.id.desc()).limit(len(rows))).all()[::-1]


def report(progress, what, done, total):
    """Tell the caller's progress callback, when there is one, how far `what` has got."""
    if progress:
        progress(what, done, total)
