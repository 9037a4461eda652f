"""Demo overseas cases: seeded job seekers taken through the loaded programmes' stages, with contracts and fees."""
from datetime import timedelta

from sqlalchemy import select

from jobmatch.demo.bulk import insert_returning_ids, insert_rows, report
from jobmatch.extensions import db
from jobmatch.models.overseas import OverseasCase, OverseasCaseEvent, Programme
from jobmatch.rules.overseas import service_fee_cap

# Programmes' shares of the seeded cases, and the chance that a case goes on from one stage to the next.
CASE_PROGRAMMES = {"EPS": 5, "TITP": 3, "SSW": 1, "TW": 1}
CASE_GOES_ON = 0.8
FEE_ABOVE_CAP_SHARE = 0.08  # of contracts through an agency: the figure the statistics report so it can be driven to zero


def seed_overseas_cases(rng, count, *, seekers, agency_ids, today, progress):
    """Cases of seeded job seekers in the loaded programmes, each step 20 to 90 days after the last, stopping (failed
    or withdrawn) at random or when today is reached; returns how many were made (none without programmes).

    The eligibility verdicts are left empty: the demo opens cases without judging the made-up profiles."""
    programmes = {programme.code: programme for programme in db.session.scalars(select(Programme))}
    codes = [code for code in CASE_PROGRAMMES if code in programmes]
    if not codes:
        return 0
    case_rows, paths = [], []
    for job_seeker_id, registered_at, officer_id in rng.sample(seekers, min(count, len(seekers))):
        programme = programmes[rng.choices(codes, weights=[CASE_PROGRAMMES[code] for code in codes])[0]]
        steps = _steps(rng, programme.current, registered_at, today)
        row = _case(rng, programme, steps, job_seeker_id, officer_id, today)
        if any(stage.get("contract") for stage, _ in steps):
            row.update(_contract(rng, programme, agency_ids))
        case_rows.append(row)
        paths.append((steps, row["close_reason"], row["closed_on"], officer_id))
    case_ids = insert_returning_ids(OverseasCase, case_rows)
    events = _events(case_ids, paths)
    if events:
        insert_rows(OverseasCaseEvent, events)
    report(progress, "overseas cases", len(case_ids), len(case_ids))
    return len(case_ids)


def _steps(rng, version, registered_at, today):
    """The (stage, day) pairs a case has passed, from its opening within two years after the person registered."""
    day = max(registered_at.date(), today - timedelta(days=730))
    day += timedelta(days=rng.randint(0, min(200, max(0, (today - day).days))))
    steps = [(version.stages[0], day)]
    for stage in version.stages[1:]:
        # A return comes after the contract (36 months here); every other step 20 to 90 days after the last.
        day += timedelta(days=36 * 30 + rng.randint(0, 60) if stage["kind"] == "return" else rng.randint(20, 90))
        if day > today or rng.random() > CASE_GOES_ON:
            break
        steps.append((stage, day))
    return steps


def _case(rng, programme, steps, job_seeker_id, officer_id, today):
    """The case row where its steps end: completed, closed a month after its last step (half of those stopped), or active."""
    version = programme.current
    last_stage, last_day = steps[-1]
    completed = len(steps) == len(version.stages)
    closed = not completed and rng.random() < 0.5 and last_day + timedelta(days=30) <= today
    return {
        "job_seeker_id": job_seeker_id, "programme_id": programme.id, "programme_version_id": version.id,
        "stage": last_stage["code"], "stage_entered_on": last_day, "eligibility": [], "opened_by_id": officer_id,
        "status": "completed" if completed else ("closed" if closed else "active"),
        "close_reason": ("failed" if "test" in last_stage["code"] else "withdrew") if closed else None,
        "closed_on": last_day + timedelta(days=30) if closed else None, "version": 1,
    }


def _contract(rng, programme, agency_ids):
    """A 36-month contract's salary and service fee: within the programme's cap, except for a few agencies above it."""
    salary = rng.randint(28, 45) * 1_000_000
    months = 36
    cap = service_fee_cap(programme.current.rules, monthly_salary=salary, contract_months=months)
    paid = 0
    if cap:  # EPS's cap is 0: no service fee
        above = rng.random() < FEE_ABOVE_CAP_SHARE
        paid = cap + rng.randint(1, 30) * 1_000_000 if above else int(cap * rng.uniform(0.5, 1.0))
    return {"agency_id": rng.choice(agency_ids) if agency_ids and programme.code != "EPS" else None,
            "contract_months": months, "monthly_salary_vnd": salary, "service_fee_cap_vnd": cap, "service_fee_paid_vnd": paid}


def _events(case_ids, paths):
    events = []
    for case_id, (steps, close_reason, closed_on, officer_id) in zip(case_ids, paths, strict=True):
        events += [{"case_id": case_id, "stage": stage["code"], "stage_kind": stage["kind"], "happened_on": day,
                    "document": f"{stage['name_vi']} (dữ liệu mẫu)", "recorded_by_id": officer_id} for stage, day in steps]
        if close_reason:
            events.append({"case_id": case_id, "stage": "closed", "stage_kind": "closed", "happened_on": closed_on,
                           "document": "Đơn rút hồ sơ (dữ liệu mẫu)", "recorded_by_id": officer_id,
                           "close_reason": close_reason})
    return events
