"""Demo applications with their dated histories, and the placements and follow-ups of the hires."""
from datetime import timedelta
from typing import NamedTuple

from sqlalchemy import select

from jobmatch.demo.bulk import insert_returning_ids, insert_rows, report
from jobmatch.extensions import db
from jobmatch.models.application import Application, ApplicationEvent, Placement, PlacementFollowUp
from jobmatch.models.vacancy import Vacancy


class Outcome(NamedTuple):
    status: str
    weight: int  # in shares of a hundred applications


# Where applications end, and the statuses each passes through on the way.
APPLICATION_OUTCOMES = [
    Outcome("submitted", 25), Outcome("viewed", 12), Outcome("shortlisted", 8), Outcome("interviewed", 5), Outcome("offered", 2),
    Outcome("hired", 18), Outcome("rejected", 25), Outcome("withdrawn", 5),
]
APPLICATION_PATHS = {
    "submitted": ["submitted"], "viewed": ["submitted", "viewed"], "shortlisted": ["submitted", "viewed", "shortlisted"],
    "interviewed": ["submitted", "viewed", "shortlisted", "interviewed"],
    "offered": ["submitted", "viewed", "shortlisted", "interviewed", "offered"],
    "hired": ["submitted", "viewed", "shortlisted", "interviewed", "offered", "hired"],
    "rejected": ["submitted", "viewed", "rejected"], "withdrawn": ["submitted", "withdrawn"],
}


def seed_applications(rng, count, *, seekers, vacancy_count, now, progress, batch_size=20_000):
    """Applications of seeded job seekers to the `vacancy_count` latest vacancies that are not drafts (a fifth of them
    referrals by the person's centre). Hires get a placement a few days to two months later, and those hired long
    enough ago their 3- and 6-month follow-ups. They are drawn first and stored in the order they were made, as a live
    exchange stores them: each drawn application is held as one integer while they are sorted (about a hundred bytes
    of memory an application with the pair that must not repeat: ten million take about a gigabyte)."""
    vacancies = db.session.execute(
        select(Vacancy.id, Vacancy.posted_at).where(Vacancy.status != "draft").order_by(Vacancy.id.desc()).limit(vacancy_count)
    ).all()
    if count > len(seekers) * len(vacancies) // 2:
        raise ValueError(f"{count:,} applications need more job seekers and vacancies (each pair applies once)")
    drawn = _draw(rng, count, seekers, vacancies, now)
    officer_of = {seeker_id: officer_id for seeker_id, _, officer_id in seekers}
    for start in range(0, count, batch_size):
        batch = [_unpack(packed, officer_of, now) for packed in drawn[start:start + batch_size]]
        stored = _store(rng, batch, now)
        report(progress, "applications", start + stored, count)


# A drawn application packed into one integer, sorted as the tuple (made at, job seeker, vacancy) it begins with:
# microseconds before the latest moment (up to 2**50, 35 years), the job seeker's and the vacancy's ids (32 bits each)
# and the outcome's index (3 bits), the days to a hire (6 bits: 3 to 60) and whether it was a referral (1 bit).
_LATEST = 2**50
_ID_BITS = 32


def _draw(rng, count, seekers, vacancies, now):
    """The drawn applications, packed (see _LATEST), in the order made."""
    pairs, drawn = set(), []
    statuses, weights = list(range(len(APPLICATION_OUTCOMES))), [outcome.weight for outcome in APPLICATION_OUTCOMES]
    for _ in range(count):
        while True:
            seeker_id, registered_at, _ = rng.choice(seekers)
            vacancy_id, posted_at = rng.choice(vacancies)
            pair = seeker_id << _ID_BITS | vacancy_id
            if pair not in pairs:
                break
        pairs.add(pair)
        created_at = min(max(registered_at, posted_at) + timedelta(minutes=rng.randint(0, 30 * 1440)), now)
        before = (now - created_at) // _MICROSECOND
        packed = (_LATEST - before) << 2 * _ID_BITS | pair
        drawn.append(packed << 10 | rng.choices(statuses, weights)[0] << 7 | rng.randint(3, 60) << 1 | (rng.random() < 0.2))
    drawn.sort()
    return drawn


_MICROSECOND = timedelta(microseconds=1)
_ID_MASK = (1 << _ID_BITS) - 1


def _unpack(packed, officer_of, now):
    """(made at, job seeker, vacancy, their officer, final status, days to hire, whether referred) of a packed draw."""
    referral, days_to_hire, status = packed & 1, packed >> 1 & 63, packed >> 7 & 7
    pair = packed >> 10
    seeker_id, vacancy_id = pair >> _ID_BITS & _ID_MASK, pair & _ID_MASK
    created_at = now - (_LATEST - (pair >> 2 * _ID_BITS)) * _MICROSECOND
    return (created_at, seeker_id, vacancy_id, officer_of[seeker_id], APPLICATION_OUTCOMES[status].status, days_to_hire,
            bool(referral))


def _store(rng, drawn, now):
    """Insert one batch of drawn applications with their events, placements and follow-ups; returns how many."""
    applications, paths, hires = [], [], []
    for created_at, seeker_id, vacancy_id, officer_id, status, days_to_hire, referral in drawn:
        hire_date = (created_at + timedelta(days=days_to_hire)).date()
        if status == "hired" and hire_date > now.date():
            status = "offered"
        path = APPLICATION_PATHS[status]
        moments = [min(created_at + timedelta(days=step * 2), now) for step in range(len(path))]
        applications.append({
            "vacancy_id": vacancy_id, "job_seeker_id": seeker_id, "status": status,
            "source": "referral" if referral else "self", "referred_by_id": officer_id if referral else None,
            "rejection_reason": "qualifications" if status == "rejected" else None,
            "created_at": created_at, "updated_at": moments[-1], "version": len(path),
        })
        paths.append((path, moments))
        hires.append((hire_date, officer_id) if status == "hired" else None)
    application_ids = insert_returning_ids(Application, applications)
    insert_rows(ApplicationEvent, [
        {"application_id": application_id, "from_status": previous, "to_status": step, "at": at,
         "reason": "qualifications" if step == "rejected" else None}
        for application_id, (path, moments) in zip(application_ids, paths, strict=True)
        for previous, step, at in zip([None, *path], path, moments, strict=False)
    ])
    placements = [
        {"application_id": application_id, "hire_date": hire[0], "employer_confirmed": True, "confirmed_by_id": hire[1],
         "confirmed_at": now}
        for application_id, hire in zip(application_ids, hires, strict=True) if hire
    ]
    _store_follow_ups(rng, insert_returning_ids(Placement, placements), placements, now)
    return len(applications)


def _store_follow_ups(rng, placement_ids, placements, now):
    follow_ups = [
        {"placement_id": placement_id, "months": months, "still_employed": rng.random() < still_share,
         "recorded_by_id": placement["confirmed_by_id"], "recorded_at": now}
        for placement_id, placement in zip(placement_ids, placements, strict=True)
        for months, still_share in ((3, 0.8), (6, 0.7))
        if placement["hire_date"] + timedelta(days=months * 30) <= now.date() and rng.random() < 0.85
    ]
    insert_rows(PlacementFollowUp, follow_ups)
