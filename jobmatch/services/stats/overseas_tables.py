"""The overseas programmes' tables: departures, returns and fees above the cap, by country and programme, and each
programme's stages."""
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.overseas import Programme
from jobmatch.rules.stats import share_mark, suppression
from jobmatch.services.stats.cells import SPLIT, FigureTable, hidden, split_cells, split_columns
from jobmatch.services.stats.people import person_cells, person_rows
from jobmatch.services.stats.published import LinkedMarks, breakdown_hidden
from jobmatch.services.stats.snapshots import people_snapshots, snapshots

OVERSEAS_COUNTS = ("overseas_departures", "overseas_returns")
OVERSEAS_RATES = ("fee_above_cap",)


def overseas_tables(*, area_kind, area_code, period, suppress=True, split="priority", also=(), linked=None):
    """Departures, returns and the share who paid above the fee cap, split as the reader chose; for the country and
    provinces also by destination and programme, and each programme's stages ("funnel_<code>"), small cells suppressed
    unless internal; `also`: the (figure, column) cells of departures, returns and the fee share's parts that the
    linked public pages hide, and the breakdowns' as `linked` (published.LinkedMarks) gives them."""
    tables = {"overseas": _overseas_table(area_kind, area_code, period, suppress, split, also)}
    if area_kind != "centre":
        for breakdown in ("destination", "programme"):
            tables[f"overseas_by_{breakdown}"] = _overseas_breakdown_table(
                area_kind, area_code, period, breakdown, suppress, linked or LinkedMarks())
        for table in _funnel_tables(area_kind, area_code, period, suppress):
            tables[table.name] = table
    return tables


def _overseas_table(area_kind, area_code, period, suppress, split, also):
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code, metrics=[*OVERSEAS_COUNTS, *OVERSEAS_RATES])
    people = people_snapshots(period=period, area_kind=area_kind, area_code=area_code,
                              metrics=[*OVERSEAS_COUNTS, *OVERSEAS_RATES])
    counts = person_cells(person_rows(stored, people, OVERSEAS_COUNTS), "count", also=also, suppress=suppress)
    rates = person_cells(person_rows(stored, people, OVERSEAS_RATES), "rate", also=also, suppress=suppress)
    rows = [(metric, counts[metric]) for metric in OVERSEAS_COUNTS] + [(metric, rates[metric]) for metric in OVERSEAS_RATES]
    return FigureTable("overseas", "metric", split_columns(split, gap=True), rows)


def _overseas_breakdown_table(area_kind, area_code, period, breakdown, suppress, linked):
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code, breakdown=breakdown,
                       metrics=[*OVERSEAS_COUNTS, *OVERSEAS_RATES])
    values = sorted({value for (_, value, _) in stored})

    def split(metric, groups):
        return {value: {group: stored.get((metric, value, group)) for group in groups} for value in values}

    def hidden_elsewhere(figure):
        return breakdown_hidden(linked, figure=figure, breakdown=breakdown, area_code=area_code,
                                period=period) if suppress else ()

    # The rows of each column add up to the area's figures in the "overseas" table; returns and the fee share are
    # published for both groups together only.
    departures = split_cells(split("overseas_departures", SPLIT), "count", columns_add_up=True, suppress=suppress,
                             also=hidden_elsewhere("overseas_departures"))
    alone = (("all",),)
    returns = split_cells(split("overseas_returns", ("all",)), "count", columns_add_up=True, suppress=suppress,
                          partitions=alone, also=hidden_elsewhere("overseas_returns"))
    fees = split_cells(split("fee_above_cap", ("all",)), "rate", columns_add_up=True, suppress=suppress, partitions=alone,
                       also=hidden_elsewhere("fee_above_cap"), base_also=hidden_elsewhere("fee_above_cap:base"))
    rows = [
        (value, {**{f"departures_{group}": departures[value][group] for group in SPLIT},
                 "returns_all": returns[value]["all"], "fee_above_cap": fees[value]["all"]})
        for value in values
    ]
    rows.sort(key=lambda item: -(item[1]["departures_all"].value or 0))
    columns = (*(f"departures_{group}" for group in SPLIT), "returns_all", "fee_above_cap")
    return FigureTable(f"overseas_by_{breakdown}", breakdown, columns, rows)


def _funnel_tables(area_kind, area_code, period, suppress):
    """One table per programme with cases: each stage of its current path, the cases at it and those that reached it at
    the period's end, and the share of those reaching the previous stage that reached it. No total of these cells is
    published, so each is hidden under five on its own, and a share that would give one away with it."""
    stored = snapshots(period=period, area_kind=area_kind, area_code=area_code, breakdown="stage",
                       metrics=["cases_reached_stage", "cases_at_stage"])
    programmes_with_cases = {value.split(":", 1)[0] for (_, value, _) in stored}
    tables = []
    for programme in db.session.scalars(select(Programme).where(Programme.code.in_(programmes_with_cases)).order_by(Programme.code)):
        keys = [f"{programme.code}:{stage['code']}" for stage in programme.current.stages]
        counts = {
            (key, metric): stored[(metric, key, "all")].count if (metric, key, "all") in stored else 0
            for key in keys for metric in ("cases_at_stage", "cases_reached_stage")
        }
        marks = suppression(counts, []) if suppress else {}
        rows = []
        previous = None
        for key in keys:
            reached = (key, "cases_reached_stage")
            cells = {"at_stage": hidden(counts[(key, "cases_at_stage")], "count", marks.get((key, "cases_at_stage"))),
                     "reached_stage": hidden(counts[reached], "count", marks.get(reached))}
            if previous:
                mark = share_mark(numerator=counts[reached], base=counts[previous], numerator_mark=marks.get(reached),
                                  base_mark=marks.get(previous)) if suppress else None
                value = counts[reached] / counts[previous] if counts[previous] else None
                cells["conversion"] = hidden(value, "rate", mark)
            rows.append((key, cells))
            previous = reached
        tables.append(FigureTable(f"funnel_{programme.code}", "stage", ("at_stage", "reached_stage", "conversion"), rows))
    return tables
