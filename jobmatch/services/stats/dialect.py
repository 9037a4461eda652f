"""SQL that SQLite and PostgreSQL spell differently: Vietnam dates, whole days between dates, JSON array elements, and
many rows inserted at once."""
from sqlalchemy import Date, Integer, func, insert
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from jobmatch.extensions import db


class local_date(FunctionElement):  # noqa: N801 (a SQL function)
    """The Vietnam date of a stored UTC time."""

    type = Date()
    inherit_cache = True


@compiles(local_date, "sqlite")
def _local_date_sqlite(element, compiler, **kw):
    return f"date({compiler.process(element.clauses, **kw)}, '+7 hours')"


@compiles(local_date, "postgresql")
def _local_date_postgresql(element, compiler, **kw):
    return f"CAST(({compiler.process(element.clauses, **kw)}) + INTERVAL '7 hours' AS DATE)"


class days_between(FunctionElement):  # noqa: N801 (a SQL function)
    """Whole days from the second date to the first."""

    type = Integer()
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw):
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_between_postgresql(element, compiler, **kw):
    later, earlier = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(CAST({later} AS DATE) - CAST({earlier} AS DATE))"


def json_text_elements(column, name):
    """The elements of a JSON array column as rows of text (column "value"), correlated with the column's table."""
    if db.engine.dialect.name == "postgresql":
        return func.json_array_elements_text(column).table_valued("value").render_derived(name=name)
    return func.json_each(column).table_valued("value").alias(name)


def insert_many(connection, table, rows):
    """Insert rows (dicts with the table's plain columns as keys, each the same) into a table. On PostgreSQL they are
    copied in (COPY): an executemany sends a statement a row, pipelined, still about 0.2 ms a row, which was most of the
    statistics job's time on a small exchange (a hundred thousand snapshots for a day's periods). SQLite's executemany
    is already fast."""
    if not rows:
        return
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), rows)
        return
    names = list(rows[0])
    preparer = connection.dialect.identifier_preparer
    columns = ", ".join(preparer.quote(name) for name in names)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {preparer.format_table(table)} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[name] for name in names])
