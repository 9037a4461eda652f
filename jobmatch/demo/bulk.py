"""Bulk inserts of demo rows, ids handed back where asked, and progress reports, shared by every kind of demo row.

On PostgreSQL the rows are copied in (COPY ... FROM STDIN through psycopg): the ORM's bulk insert sends a row at a time
for a model with a version counter (applications, job seekers), and even in batches INSERT costs several times COPY;
ten million applications with their histories are some fifty million rows. Elsewhere (SQLite) Core's executemany."""
from itertools import groupby

from sqlalchemy import func, select

from jobmatch.extensions import db


def insert_rows(model, rows):
    """Insert rows (dicts) into the model's table, in their order, with the column defaults the ORM would give the
    keys a row lacks, and the values bound as the ORM binds them (JSON as JSON, text normalized, ...)."""
    if rows:
        _insert(model.__table__, rows)


def insert_returning_ids(model, rows):
    """Bulk-insert rows and return their new ids in order. On PostgreSQL the ids are drawn from the table's own
    sequence first (so it stays right for the rows inserted later), elsewhere they grow in insertion order."""
    if not rows:
        return []
    table = model.__table__
    if db.session.connection().dialect.name == "postgresql":
        sequence = func.pg_get_serial_sequence(table.name, "id")
        ids = sorted(db.session.scalars(select(func.nextval(sequence)).select_from(func.generate_series(1, len(rows)))))
        _insert(table, [{"id": new_id, **row} for new_id, row in zip(ids, rows, strict=True)])
        return ids
    _insert(table, rows)
    return db.session.scalars(select(table.c.id).order_by(table.c.id.desc()).limit(len(rows))).all()[::-1]


def _insert(table, rows):
    db.session.flush()  # the ORM's pending rows first: these may refer to them
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        _copy(connection, table, rows)
        return
    for _, run in groupby(rows, key=tuple):  # a statement for each run of rows with the same keys, in their order
        connection.execute(table.insert(), list(run))


def _copy(connection, table, rows):
    """COPY the rows in; a key a row lacks takes the column's Python-side default (None when it has none)."""
    names = list(dict.fromkeys(name for row in rows for name in row))
    names += [column.name for column in table.columns if column.name not in names and column.default is not None
              and not column.default.is_sequence]
    computed_in_sql = [name for name in names if table.c[name].server_default is not None and table.c[name].default is None]
    dialect = connection.dialect
    binders = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
    defaults = {name: _default(table.c[name]) for name in names}
    columns = ", ".join(dialect.identifier_preparer.quote(name) for name in names)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {dialect.identifier_preparer.format_table(table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            if computed_in_sql and not all(name in row for name in computed_in_sql):
                raise ValueError(f"{table.name}: a default computed in SQL ({computed_in_sql}) cannot be copied in")
            values = (row[name] if name in row else defaults[name] for name in names)
            copy.write_row([value if bind is None else bind(value) for value, bind in zip(values, binders, strict=True)])


def _default(column):
    """A column's Python-side default, as the ORM would give a row that lacks it (once for a batch: `utc_now` is the
    same moment for all its rows), or None."""
    if column.default is None or column.default.is_scalar:
        return column.default.arg if column.default is not None else None
    if column.default.is_callable:
        return column.default.arg(None)
    raise ValueError(f"{column}: a default computed in SQL cannot be copied in")


def report(progress, what, done, total):
    """Tell the caller's progress callback, when there is one, how far `what` has got."""
    if progress:
        progress(what, done, total)
