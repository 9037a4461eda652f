"""Statistics pages: the public table of provinces, each province's dashboard, each centre's dashboard for its
officers, yearly plans, and every table exported to CSV and XLSX with the same suppression."""
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import login_required
from marshmallow import EXCLUDE, ValidationError

from jobmatch import labels
from jobmatch.i18n import translate_errors
from jobmatch.schemas.stats import PeriodArgsSchema, PlanWriteSchema
from jobmatch.services import occupation as occupation_service
from jobmatch.services import overseas as overseas_service
from jobmatch.services import place as place_service
from jobmatch.services import stats as stats_service
from jobmatch.web import actor
from jobmatch.web.forms import FORM_ERRORS, flash_errors, load_form
from jobmatch.web.stats_files import CSV_NOTE, INTERNAL, MARK_MEANINGS, MARKS, csv_response, figure_text, xlsx_response

bp = Blueprint("stats", __name__)
bp.add_app_template_filter(figure_text, "stat_figure")
for name, value in (("stat_marks", MARKS), ("stat_mark_meanings", MARK_MEANINGS), ("stat_internal", INTERNAL),
                    ("stat_csv_note", CSV_NOTE)):
    bp.add_app_template_global(value, name)  # globals: the imported macros, rendered without context, see them


def _period_args():
    """The period (and export table and format) asked for. A bad argument is shown beside the filter, and the page
    falls back to the newest period, answering 400."""
    try:
        args, errors = PeriodArgsSchema(unknown=EXCLUDE).load({name: value for name, value in request.args.items() if value}), {}
    except ValidationError as error:
        args, errors = PeriodArgsSchema().load({}), translate_errors(error.messages)
    return args, stats_service.chosen_period(kind=args["kind"], on=args["on"]), errors


@bp.get("/statistics")
def overview():
    args, period, errors = _period_args()
    tables = stats_service.overview_tables(period=period, split=args["split"])
    return render_template(
        "stats/overview.html", period=period, errors=errors, tables=tables, row_label=_row_labeller(tables.values()),
        table_title=_table_title, split=args["split"],
    ), 400 if errors else 200


@bp.get("/statistics/provinces/<province_code>")
def province(province_code):
    args, period, errors = _period_args()
    province, dashboard = stats_service.province_dashboard(province_code=province_code, period=period, split=args["split"])
    return _render_dashboard(dashboard, args, errors, title=province.name,
                             export_url=url_for("stats.export_province", province_code=province.code, split=args["split"]),
                             plan_url=url_for("stats.set_province_plan", province_code=province.code),
                             plan_permission=("plan.set_province", province))


@bp.get("/centre/statistics")
@login_required
def own_centre():
    if actor().centre_id is None:
        abort(403)
    # The officer's own centre, whatever the query says: a centre_id there is not the route's to take.
    period_args = {name: value for name, value in request.args.items() if name != "centre_id"}
    return redirect(url_for("stats.centre", centre_id=actor().centre_id, **period_args))


@bp.get("/statistics/centres/<int:centre_id>")
@login_required
def centre(centre_id):
    args, period, errors = _period_args()
    centre, dashboard = stats_service.centre_dashboard(actor=actor(), centre_id=centre_id, period=period, split=args["split"])
    return _render_dashboard(dashboard, args, errors, title=centre.name,
                             export_url=url_for("stats.export_centre", centre_id=centre.id, split=args["split"]),
                             plan_url=url_for("stats.set_centre_plan", centre_id=centre.id),
                             plan_permission=("plan.set_centre", centre))


def _render_dashboard(dashboard, args, errors, *, title, export_url, plan_url, plan_permission):
    return render_template(
        "stats/dashboard.html", title=title, dashboard=dashboard, period=dashboard.period, errors=errors,
        dimension=args["dimension"], split=dashboard.split, row_label=_row_labeller(dashboard.tables.values()), table_title=_table_title,
        export_url=export_url, plan_url=plan_url, plan_permission=plan_permission,
    ), 400 if errors else 200


@bp.post("/statistics/centres/<int:centre_id>/plans")
@login_required
def set_centre_plan(centre_id):
    return _set_plan("centre", centre_id, url_for("stats.centre", centre_id=centre_id))


@bp.post("/statistics/provinces/<province_code>/plans")
@login_required
def set_province_plan(province_code):
    return _set_plan("province", province_code, url_for("stats.province", province_code=province_code))


def _set_plan(area_kind, area_code, back):
    try:
        fields = load_form(PlanWriteSchema())
        stats_service.set_plan(actor=actor(), area_kind=area_kind, area_code=area_code, fields=fields)
        flash(_("The plan has been saved."))
        return redirect(f"{back}?kind=year&on={fields['year']}-12-31")
    except FORM_ERRORS as error:
        flash_errors(error)
        return redirect(back)


@bp.get("/statistics/export")
def export_overview():
    args, period = _export_args()
    tables = stats_service.overview_tables(period=period, split=args["split"])
    return _export(list(tables.values()), args, period, "vn", unit=_("Whole country"))


@bp.get("/statistics/provinces/<province_code>/export")
def export_province(province_code):
    args, period = _export_args()
    province, dashboard = stats_service.province_dashboard(province_code=province_code, period=period, split=args["split"])
    return _export(list(dashboard.tables.values()), args, period, f"province-{province_code}", unit=province.name)


@bp.get("/statistics/centres/<int:centre_id>/export")
@login_required
def export_centre(centre_id):
    args, period = _export_args()
    centre, dashboard = stats_service.centre_dashboard(actor=actor(), centre_id=centre_id, period=period, split=args["split"])
    if args["table"] and args["table"] not in dashboard.tables:
        abort(404)
    stats_service.record_internal_export(actor=actor(), centre_id=centre.id)
    return _export(list(dashboard.tables.values()), args, period, f"centre-{centre_id}-internal", unit=centre.name,
                   internal=dashboard.internal)


def _export_args():
    args, period, errors = _period_args()
    if errors:
        abort(400)
    return args, period


def _export(tables, args, period, area_slug, *, unit, internal=False):
    """One table as CSV, or every table as an XLSX sheet behind a cover sheet."""
    if args["table"]:
        tables = [table for table in tables if table.name == args["table"]]
        if not tables:
            abort(404)
    row_label = _row_labeller(tables)
    filename = f"jobmatch-{area_slug}-{period.kind}-{period.start.isoformat()}"
    if args["format"] == "csv":
        return csv_response(tables[0], row_label=row_label, filename=filename, internal=internal)
    return xlsx_response(tables, row_label=row_label, table_title=_table_title, filename=filename, period=period, unit=unit,
                         internal=internal)


def _table_title(table):
    """A table's heading; a programme's stages are headed with its code."""
    if table.row_kind == "stage":
        return _("Cases at each stage: %(programme)s", programme=table.name.removeprefix("funnel_"))
    return str(labels.STAT_TABLES[table.name])


def _row_labeller(tables):
    """Row keys in words: metrics, periods, provinces, countries, occupation groups, programmes' stages in the reader's
    language."""
    tables = list(tables)
    english = str(get_locale()) == "en"
    codes = {key for table in tables if table.row_kind in ("occupation", "isco_major") for key, _ in table.rows}
    occupations = occupation_service.group_labels(codes)
    provinces = {province.code: province.name for province in place_service.list_provinces()}
    stages = {
        f"{programme.code}:{stage['code']}": overseas_service.stage_name(stage)
        for programme in (overseas_service.list_programmes() if any(table.row_kind == "stage" for table in tables) else ())
        for stage in programme.current.stages
    }

    def label(kind, key):
        if kind == "metric":
            return str(labels.STAT_METRICS[key])
        if kind == "target":
            return str(labels.PLAN_TARGETS[key])
        if kind == "period":
            return key.label
        if kind == "province":
            return _("Whole country") if key == "VN" else provinces.get(key, key)
        if kind == "destination":
            return str(labels.COUNTRIES.get(key, key))
        if kind in ("occupation", "isco_major"):
            names = occupations.get(key)
            return f"{key} {names[1] if english else names[0]}" if names else key
        if kind == "stage":
            return stages.get(key, key)
        return key

    return label
