"""Computing a period's figures from its facts and storing them as snapshots, replacing what was stored."""
from sqlalchemy import Column, Integer, MetaData, String, Table, delete, func, insert, select

from jobmatch.extensions import db
from jobmatch.models.stats import StatSnapshot
from jobmatch.rules.clock import utc_now
from jobmatch.rules.stats import Period, periods_containing
from jobmatch.services.stats.dialect import insert_many
from jobmatch.services.stats.facts import PERSON_BREAKDOWNS, families


def compute_day(day):
    """Recompute every figure of the periods containing `day` (its day, week, month and year so far), replacing what
    was stored for them. Returns the number of snapshots written."""
    return compute_periods(periods_containing(day))


# Outcomes arrive after their period: a hire up to 90 days after the application, follow-ups at 3 and 6 months.
REVISED_MONTHS = 6


def revise_months(day):
    """Recompute the months that ended in the last six months before `day`, and their years, so that hires and
    follow-ups recorded since then count in the period of the application they follow."""
    month = Period.containing("month", day)
    months = [month.shift(-steps) for steps in range(REVISED_MONTHS, 0, -1)]
    years = list(dict.fromkeys(Period.containing("year", past.start) for past in months))
    return compute_periods([*months, *years])


def compute_periods(periods):
    """Recompute the periods' figures, replacing what was stored for them; returns the number of snapshots written.
    Every run recomputes whole periods from the rows as they are, so a repeated run gives the same figures.

    The site never waits for the computation: each period's figures are computed by reading only (into temporary
    tables, which take no lock on the database), staged in a temporary table, and published by two statements in one
    short transaction. Readers see a period's old figures or its new ones, never a mixture."""
    written = 0
    for period in periods:
        rows = [row for family in families() for row in _family_snapshots(family, period)]
        # End the reading before writing: on SQLite a transaction that has read cannot start writing once another
        # has written meanwhile; the publish must wait for the write lock from its first statement on the database.
        db.session.commit()
        _publish(period, rows)
        written += len(rows)
    return written


SNAPSHOT_COLUMNS = [column for column in StatSnapshot.__table__.columns if column.name != "id"]


def _publish(period, rows):
    """Replace the period's snapshots: the rows go into a temporary table first (no lock on the database yet), then
    the write lock is held for one delete and one copy, a few milliseconds, instead of thousands of inserts."""
    staging = _temporary_table("stat_snapshot_staging", [Column(column.name, column.type) for column in SNAPSHOT_COLUMNS])
    computed_at = utc_now()
    connection = db.session.connection()
    insert_many(connection, staging, [{**row, "computed_at": computed_at} for row in rows])
    connection.execute(
        delete(StatSnapshot).where(StatSnapshot.period_kind == period.kind, StatSnapshot.period_start == period.start)
    )
    names = [column.name for column in SNAPSHOT_COLUMNS]
    connection.execute(insert(StatSnapshot.__table__).from_select(names, select(*(staging.c[name] for name in names))))
    staging.drop(connection)
    db.session.commit()


def _temporary_table(name, columns):
    """A new temporary table: private to this connection, and writing to it locks nothing that others use."""
    table = Table(name, MetaData(), *columns, prefixes=["TEMPORARY"])
    connection = db.session.connection()
    table.drop(connection, checkfirst=True)
    table.create(connection)
    return table


# Types of the fact columns, for the temporary table each family's facts are gathered into once per period.
FACT_COLUMN_TYPES = {
    "province": String(2), "centre": Integer(), "isco_major": String(1), "sector": String(100), "destination": String(2),
    "programme": String(20), "occupation": String(4), "priority_group": String(8), "job_seeker_id": Integer(),
    "sex": String(10), "age_band": String(7),
    "stage": String(51),  # a programme's code, a colon and a stage's code
}


def _gathered(facts, name):
    """The fact rows in a temporary table: one pass of joins and lookups over the base tables, then every grouping
    reads the narrow rows (grouping straight from the joins repeats the lookups for each grouping, and costs more
    than linearly once the tables outgrow the database's cache)."""
    table = _temporary_table(
        f"stat_facts_{name}", [Column(column.name, FACT_COLUMN_TYPES.get(column.name, Integer())) for column in facts.c]
    )
    db.session.connection().execute(insert(table).from_select([column.name for column in facts.c], select(*facts.c)))
    return table


def _family_snapshots(family, period):
    facts = _gathered(family.facts(period), family.name)
    rows = []
    for area_kind in family.areas:
        for breakdown in family.breakdowns_for(area_kind):
            keys = _grouping_keys(facts, area_kind, breakdown)
            rows += _count_snapshots(family, facts, keys, period, area_kind, breakdown)
            for metric, column in family.medians.items():
                # A median is no sum of its groups: "all" is computed on its own.
                for group_names in (("priority_group",), ()) if _split(family, breakdown) else ((),):
                    rows += _median_snapshots(metric, facts, keys, group_names, facts.c[column], period, area_kind, breakdown)
    facts.drop(db.session.connection())
    return rows


def _grouping_keys(facts, area_kind, breakdown):
    """The fact columns one grouping uses, by role; a whole-country area or a total has no column (PostgreSQL refuses
    to group by a constant)."""
    keys = {}
    if area_kind != "country":
        keys["area"] = facts.c[area_kind]
    if breakdown != "total":
        keys["breakdown_value"] = facts.c[breakdown]
    return keys


def _split(family, breakdown):
    """Whether a grouping's figures split by priority group: the sexes and age bands are read for both groups together
    (a page splits people by one of them at a time)."""
    return family.split and breakdown not in PERSON_BREAKDOWNS


def _count_snapshots(family, facts, keys, period, area_kind, breakdown):
    if not family.counts:
        return []
    split = _split(family, breakdown)
    group_columns = [column.label(role) for role, column in keys.items()]
    if split:
        group_columns.append(facts.c.priority_group)
    aggregates = []
    for metric, (count, base) in family.counts.items():
        aggregates.append(func.coalesce(count(facts), 0).label(f"{metric}__count"))
        if base is not None:
            aggregates.append(func.coalesce(base(facts), 0).label(f"{metric}__base"))
    statement = select(*group_columns, *aggregates).where(*(column.is_not(None) for column in keys.values()))
    if group_columns:
        statement = statement.group_by(*group_columns)
    result = db.session.execute(statement).mappings().all()
    # "all" adds the two groups: every job seeker is in exactly one of them for the period.
    totals = {}
    rows = []
    for row in result:
        cell = (str(row.get("area", "VN")), str(row.get("breakdown_value", "")))
        group = row["priority_group"] if split else "all"
        for metric, (_, base) in family.counts.items():
            count = int(row[f"{metric}__count"])
            base_value = int(row[f"{metric}__base"]) if base is not None else None
            if not count and not base_value:
                continue
            rows.append(_snapshot(metric, period, area_kind, cell, breakdown, group, count, base_value))
            if split:
                total = totals.setdefault((metric, cell), [0, 0 if base is not None else None])
                total[0] += count
                if base is not None:
                    total[1] += base_value
    for (metric, cell), (count, base_value) in totals.items():
        rows.append(_snapshot(metric, period, area_kind, cell, breakdown, "all", count, base_value))
    return rows


def _median_snapshots(metric, facts, keys, group_names, value, period, area_kind, breakdown):
    partition = [*keys.values(), *(facts.c[name] for name in group_names)]
    ranked = (
        select(
            *(column.label(role) for role, column in keys.items()),
            *(facts.c[name] for name in group_names),
            value.label("value"),
            func.row_number().over(partition_by=partition or None, order_by=value).label("position"),
            func.count().over(partition_by=partition or None).label("cases"),
        )
        .where(value.is_not(None), *(column.is_not(None) for column in keys.values()))
        .subquery()
    )
    group_columns = [ranked.c[role] for role in keys] + [ranked.c[name] for name in group_names]
    # The middle row, or the mean of the two middle rows (integer division is the same in SQLite and PostgreSQL).
    statement = select(
        *group_columns, func.avg(ranked.c.value).label("median"), func.max(ranked.c.cases).label("cases")
    ).where(ranked.c.position.between((ranked.c.cases + 1) // 2, (ranked.c.cases + 2) // 2))
    if group_columns:
        statement = statement.group_by(*group_columns)
    return [
        _snapshot(
            metric, period, area_kind, (str(row.get("area", "VN")), str(row.get("breakdown_value", ""))), breakdown,
            row["priority_group"] if group_names else "all", int(row["cases"]), None, float(row["median"]),
        )
        for row in db.session.execute(statement).mappings()
        if row["cases"] is not None  # a whole-country median over no rows still gives one row of nulls
    ]


def _snapshot(metric, period, area_kind, cell, breakdown, group, count, base, value=None):
    if value is None and base is not None:
        value = count / base if base else None
    return {
        "metric": metric, "period_kind": period.kind, "period_start": period.start, "area_kind": area_kind,
        "area_code": cell[0], "breakdown": breakdown, "breakdown_value": cell[1], "priority_group": group,
        "count": count, "base": base, "value": value,
    }
