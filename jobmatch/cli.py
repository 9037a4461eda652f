"""flask commands grouped by noun: accounts, reference, search, seed, jobs."""
from datetime import timedelta

import click
from flask import current_app
from flask.cli import AppGroup

from jobmatch.demo.accounts import DEMO_EMAIL_DOMAIN, DEMO_PASSWORD
from jobmatch.demo.seed import seed_demo_data
from jobmatch.jobs import catch_up, reconcile_search_index, relay_search_outbox, run_schedule, schedules
from jobmatch.rules.clock import as_vietnam_time, utc_now
from jobmatch.services import account as account_service
from jobmatch.services import centre as centre_service
from jobmatch.services import employer as employer_service
from jobmatch.services import ethnic_group as ethnic_group_service
from jobmatch.services import job_run as job_run_service
from jobmatch.services import occupation as occupation_service
from jobmatch.services import overseas as overseas_service
from jobmatch.services import place as place_service
from jobmatch.services import search_index
from jobmatch.services import support as support_service
from jobmatch.services.errors import InvalidRequest, SearchUnavailable

reference_cli = AppGroup("reference", help="Reference data: administrative units, occupations, ethnic groups.")
search_cli = AppGroup("search", help="Elasticsearch indexes: set-up, relay, reconciliation, rebuild.")
jobs_cli = AppGroup("jobs", help="The scheduler process and its jobs.")
accounts_cli = AppGroup("accounts", help="Administrator accounts and employment centres, before anyone can sign in.")


def _progress_printer(label):
    """A progress callback printing one line per tenth of the work, readable in a terminal and in a log file alike."""
    printed = set()

    def progress(done, total):
        tenth = done * 10 // max(total, 1)
        if tenth not in printed:
            printed.add(tenth)
            click.echo(f"{label}: {done:,}/{total:,} ({tenth * 10}%)")

    return progress


@reference_cli.command("load")
def reference_load():
    """Load provinces, wards, legacy wards, ISCO-08/ESCO occupations, ethnic groups, overseas programmes and support schemes (once; a
    loaded list is kept, and a programme an administrator has edited is not replaced)."""
    places = place_service.load_places(progress=_progress_printer("Legacy wards mapped"))
    click.echo(f"Places: {places}" if places else "Places already loaded.")
    occupations = occupation_service.load_occupations()
    click.echo(f"Occupations: {occupations}" if occupations else "Occupations already loaded.")
    ethnic_groups = ethnic_group_service.load_ethnic_groups()
    click.echo(f"Ethnic groups: {ethnic_groups}" if ethnic_groups else "Ethnic groups already loaded.")
    programmes = overseas_service.load_programmes()
    click.echo(f"Overseas programmes: {programmes}" if programmes else "Overseas programmes already loaded.")
    schemes = support_service.load_schemes()
    click.echo(f"Support schemes: {schemes}" if schemes else "Support schemes already loaded.")


@search_cli.command("setup")
@click.option("--strays-older-than", "stray_minutes", default=60, show_default=True, type=click.IntRange(0),
              help="Remove indexes left by interrupted rebuilds once older than this many minutes (a younger one may "
                   "still be loading); those older than the live index always go.")
def search_setup(stray_minutes):
    """Create the aliases and their first versioned indexes if missing; remove what interrupted rebuilds left."""
    search_index.ensure_indexes()
    for index in search_index.remove_stray_indexes(grace=timedelta(minutes=stray_minutes)):
        click.echo(f"Removed {index}, left by an interrupted rebuild.")
    click.echo("Search indexes ready.")


@search_cli.command("rebuild")
@click.option("--entity", type=click.Choice(["vacancy", "job_seeker", "all"]), default="all", show_default=True)
def search_rebuild(entity):
    """Build new versioned indexes from the database and swap the aliases to them atomically."""
    _rebuild(list(search_index.ENTITIES) if entity == "all" else [entity])


def _rebuild(names):
    for name in names:
        result = search_index.rebuild_index(entity_name=name, progress=_progress_printer(f"Indexing {name}"))
        click.echo(f"{name}: {result['documents']:,} documents in {result['index']} (failed: {result['failed']})")


@search_cli.command("relay")
def search_relay():
    """Send pending outbox rows to Elasticsearch once."""
    click.echo(relay_search_outbox() or "Nothing to relay.")


@search_cli.command("reconcile")
def search_reconcile():
    """Queue every document whose version differs from the database, then relay."""
    click.echo(reconcile_search_index())


@search_cli.command("status")
def search_status():
    """Pending outbox rows."""
    click.echo(f"pending outbox rows: {search_index.pending_outbox_count()}")


@click.command("seed")
@click.option("--employers", default=200, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--vacancies", default=2000, show_default=True, type=click.IntRange(0, 2_000_000))
@click.option("--job-seekers", default=5000, show_default=True, type=click.IntRange(0, 5_000_000))
@click.option("--applications", default=10000, show_default=True, type=click.IntRange(0, 10_000_000),
              help="With their histories, placements and follow-ups, for the statistics.")
@click.option("--overseas-cases", default=2000, show_default=True, type=click.IntRange(0, 1_000_000),
              help="Cases in the loaded overseas programmes, with their steps, for the statistics.")
@click.option("--seed", "random_seed", default=2025, show_default=True, help="Same seed, same data.")
@click.option("--if-empty", is_flag=True, help="Do nothing when vacancies already exist.")
@click.option("--no-index", is_flag=True, help="Skip the index rebuild (reconciliation catches up later).")
def seed(employers, vacancies, job_seekers, applications, overseas_cases, random_seed, if_empty, no_index):
    """Load deterministic Vietnamese demo data, then rebuild the search indexes."""
    printers = {}

    def progress(what, done, total):
        printers.setdefault(what, _progress_printer(f"Seeding {what}"))(done, total)

    counts = seed_demo_data(
        employers=employers, vacancies=vacancies, job_seekers=job_seekers, applications=applications,
        overseas_cases=overseas_cases, seed=random_seed, progress=progress, only_if_empty=if_empty,
    )
    if counts is None:
        click.echo("Demo data already loaded.")
        return
    click.echo(f"Seeded {counts}")
    domain, password = DEMO_EMAIL_DOMAIN, DEMO_PASSWORD
    click.echo(
        f"Demo accounts (password {password}): admin@{domain}, can-bo-01@{domain} (officer, Hà Nội; can-bo-<province code> "
        f"for the others), doanh-nghiep@{domain} (employer), nguoi-lao-dong@{domain} (job seeker)"
    )
    if not no_index:
        try:
            _rebuild(list(search_index.ENTITIES))
        except SearchUnavailable:
            click.echo("Elasticsearch is unavailable: the scheduler's reconciliation will index the demo data.")


@jobs_cli.command("scheduler")
def jobs_scheduler():
    """Run every scheduled job in this process (run one scheduler only)."""
    from jobmatch.jobs.runner import run_scheduler

    run_scheduler(current_app._get_current_object())


@jobs_cli.command("list")
def jobs_list():
    """Every schedule."""
    for schedule in schedules(current_app.config):
        click.echo(f"{schedule.name:24} {schedule.describe()}")


@jobs_cli.command("run")
@click.argument("name")
@click.option("--period", type=click.DateTime(["%Y-%m-%d"]),
              help="The day to run for (a periodic job's current one by default), e.g. 2026-11-27.")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]),
              help="Run every day from this one to the current one, skipping days done already (a catch-up).")
@click.option("--again", is_flag=True, help="Recompute a period that already succeeded.")
def jobs_run(name, period, since, again):
    """Run one job now, claiming its period as the scheduler does."""
    schedule = next((schedule for schedule in schedules(current_app.config) if schedule.name == name), None)
    if schedule is None:
        raise click.BadParameter(f"unknown job {name!r}", param_hint="NAME")
    if (period or since) and schedule.period is None:
        raise click.BadParameter(f"{name} has no periods: it may run any time", param_hint="--period")
    if since:
        catch_up(schedule, since=since.date(), progress=lambda done, total, outcome: click.echo(f"{done}/{total} {outcome}"))
        return
    click.echo(run_schedule(schedule, period=period.date().isoformat() if period else None, again=again))


@jobs_cli.command("runs")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--problems", is_flag=True, help="Only the failed runs and the stuck ones.")
def jobs_runs(limit, problems):
    """The latest runs of periodic jobs, newest first, with their outcome: "stuck" for a run still marked running whose
    process has not said it is alive for JOB_STALLED_AFTER_S (the next claim of its period takes it over), and a failed
    run's error."""
    now = utc_now()
    for run in job_run_service.recent_runs(limit=limit, problems_only=problems):
        started = as_vietnam_time(run.started_at).strftime("%d/%m/%Y %H:%M")
        if run.outcome == "running":
            state = "stuck" if job_run_service.is_stalled(run) else "running"
            note = f"last heartbeat {_ago(now - (run.heartbeat_at or run.started_at))}"
        elif run.outcome == "failed":
            state, note = "failed", (run.error or "").strip().splitlines()[-1][:200]  # the exception, after its traceback
        else:
            state, note = run.outcome, run.detail or ""
        click.echo(f"{run.job:24} {run.period:12} {state:10} attempts={run.attempts} started {started}  {note}")


def _ago(elapsed):
    seconds = int(elapsed.total_seconds())
    return f"{seconds} s ago" if seconds < 120 else f"{seconds // 60} min ago"


@accounts_cli.command("create-admin")
@click.argument("email")
@click.option("--name", default="Quản trị hệ thống", show_default=True)
@click.password_option(help="Asked for when not given; 8 to 128 characters, not a common password.")
def create_admin(email, name, password):
    """Create an administrator (the first one, on a new database; later ones on the accounts page)."""
    try:
        account = account_service.create_first_admin(email=email, name=name, password=password)
    except InvalidRequest as error:
        raise click.BadParameter(error.message, param_hint=error.field) from None
    click.echo(f"Administrator {account.email} created.")


@accounts_cli.command("create-centre")
@click.argument("province_code")
@click.argument("name")
def create_centre(province_code, name):
    """Add an employment service centre in a province (by its 2-digit code), e.g. 01 "Trung tâm Dịch vụ việc làm Hà Nội"."""
    try:
        centre = centre_service.create_centre(province_code=province_code, name=name)
    except InvalidRequest as error:
        raise click.BadParameter(error.message, param_hint=error.field) from None
    click.echo(f"Centre {centre.id}: {centre.name}")


@accounts_cli.command("mark-public-body")
@click.argument("tax_code")
@click.option("--undo", is_flag=True, help="The company is not a public body after all.")
def mark_public_body(tax_code, undo):
    """Mark a company (by its tax code) as a public body: the Centre of Overseas Labour or a public employment service
    centre. It then needs no placement licence and may post EPS vacancies."""
    try:
        employer = employer_service.mark_public_body(tax_code=tax_code, public=not undo)
    except InvalidRequest as error:
        raise click.BadParameter(error.message, param_hint=error.field) from None
    click.echo(f"{employer.name}: {'a public body' if employer.public_body else 'not a public body'}.")


def register_commands(app):
    app.cli.add_command(accounts_cli)
    app.cli.add_command(reference_cli)
    app.cli.add_command(search_cli)
    app.cli.add_command(jobs_cli)
    app.cli.add_command(seed)
