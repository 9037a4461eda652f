"""Overseas programmes' rules as plain data: eligibility with each rule's verdict, language levels, the service-fee cap,
and the path of stages. No database and no Flask: the services pass the facts in, labels put the verdicts into words."""
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from jobmatch.rules.person import age_on

# Ordered levels of the certificates whose levels are words; other certificates' levels are scores (EPS-TOPIK out of
# 200, TOPIK 1–6, IELTS 0–9), compared as numbers.
LEVEL_SCALES = {
    "JLPT": ("N5", "N4", "N3", "N2", "N1"),
    "JFT-BASIC": ("A1", "A2"),
    "CEFR": ("A1", "A2", "B1", "B2", "C1", "C2"),
    "TOCFL": ("A1", "A2", "B1", "B2", "C1", "C2"),
}
DEADLINE_NOTICE_DAYS = 30  # a stage's deadline is announced this many days ahead


def _certificate_key(name):
    return re.sub(r"\s+", "-", (name or "").strip().upper())


def level_rank(certificate, level):
    """A comparable rank of a certificate's level (higher is better), or None when the level cannot be read."""
    text = (level or "").strip().upper().replace(",", ".")
    scale = LEVEL_SCALES.get(_certificate_key(certificate))
    if scale:
        return scale.index(text) if text in scale else None
    try:
        return float(text)
    except ValueError:
        return None


def meets_language(languages, requirement):
    """Whether one of the person's certificates is the one asked for, at the level asked for or above."""
    wanted = _certificate_key(requirement["certificate"])
    minimum = requirement.get("min_level")
    for held in languages or []:
        if _certificate_key(held.get("certificate")) != wanted:
            continue
        if not minimum:
            return True
        rank, needed = level_rank(wanted, held.get("level")), level_rank(wanted, minimum)
        if rank is not None and needed is not None and rank >= needed:
            return True
    return False


@dataclass(frozen=True)
class SeekerFacts:
    """What eligibility reads of a job seeker."""

    birth_date: date | None
    languages: list
    health_check_on: date | None
    overstayed_abroad: bool
    ward_code: str | None
    province_code: str | None


@dataclass(frozen=True)
class Verdict:
    """One rule's outcome; `params` fill the plain-words message (labels.verdict_message)."""

    rule: str  # "age", "language", "health_check", "no_overstay", "area_ban"
    passed: bool
    reason: str  # the message's key, e.g. "too_old", "no_certificate", "area_banned"
    params: dict = field(default_factory=dict)

    def as_dict(self):
        return {"rule": self.rule, "passed": self.passed, "reason": self.reason, "params": self.params}


@dataclass(frozen=True)
class Eligibility:
    eligible: bool
    verdicts: list


def active_bans(area_bans, on):
    """The area bans in force on a day (from its first day to its last, inclusive; no last day: until lifted)."""
    return [
        ban for ban in area_bans or []
        if date.fromisoformat(ban["starts_on"]) <= on and (not ban.get("ends_on") or on <= date.fromisoformat(ban["ends_on"]))
    ]


def ended_bans(area_bans, on):
    """(the bans not ended on a day: in force or to come; those whose last day has passed), each in the order given."""
    ended = [ban for ban in area_bans or [] if ban.get("ends_on") and date.fromisoformat(ban["ends_on"]) < on]
    return [ban for ban in area_bans or [] if ban not in ended], ended


def check_eligibility(rules, seeker, on):
    """Each of the programme's rules judged for the person on a day; eligible when every verdict passes."""
    verdicts = []
    if rules.get("min_age") is not None or rules.get("max_age") is not None:
        if seeker.birth_date is None:
            verdicts.append(Verdict("age", False, "no_birth_date"))
        else:
            age = age_on(seeker.birth_date, on)
            if rules.get("min_age") is not None and age < rules["min_age"]:
                verdicts.append(Verdict("age", False, "too_young", {"age": age, "min_age": rules["min_age"]}))
            elif rules.get("max_age") is not None and age > rules["max_age"]:
                verdicts.append(Verdict("age", False, "too_old", {"age": age, "max_age": rules["max_age"]}))
            else:
                verdicts.append(Verdict("age", True, "age_ok", {"age": age}))
    language = rules.get("language")
    if language:
        params = {"certificate": language["certificate"], "min_level": language.get("min_level") or ""}
        held = any(_certificate_key(item.get("certificate")) == _certificate_key(language["certificate"])
                   for item in seeker.languages or [])
        if meets_language(seeker.languages, language):
            verdicts.append(Verdict("language", True, "certificate_ok", params))
        else:
            verdicts.append(Verdict("language", False, "level_too_low" if held else "no_certificate", params))
    if rules.get("health_check_months"):
        months = rules["health_check_months"]
        oldest = on - timedelta(days=math.ceil(months * 30.44))
        if seeker.health_check_on is None:
            verdicts.append(Verdict("health_check", False, "no_health_check", {"months": months}))
        elif seeker.health_check_on < oldest:
            verdicts.append(Verdict("health_check", False, "health_check_old",
                                    {"months": months, "checked_on": seeker.health_check_on.isoformat()}))
        else:
            verdicts.append(Verdict("health_check", True, "health_check_ok", {"checked_on": seeker.health_check_on.isoformat()}))
    if rules.get("no_overstay"):
        verdicts.append(Verdict("no_overstay", not seeker.overstayed_abroad,
                                "overstayed" if seeker.overstayed_abroad else "no_overstay_ok"))
    bans = rules.get("area_bans") or []
    if bans:
        hit = next((ban for ban in active_bans(bans, on)
                    if (ban.get("ward_code") and ban["ward_code"] == seeker.ward_code)
                    or (ban.get("province_code") and ban["province_code"] == seeker.province_code)), None)
        if hit:
            verdicts.append(Verdict("area_ban", False, "area_banned", {
                "ward_code": hit.get("ward_code"), "province_code": hit.get("province_code"),
                "starts_on": hit["starts_on"], "ends_on": hit.get("ends_on"), "reason": hit.get("reason", ""),
            }))
        else:
            verdicts.append(Verdict("area_ban", True, "area_ok"))
    return Eligibility(all(verdict.passed for verdict in verdicts), verdicts)


def licence_in_force(licence, expires_on, day):
    """Whether a placement agency's licence (its number, and its last day or None) is in force on a day."""
    return bool(licence) and (expires_on is None or expires_on >= day)


# Who may recruit for a programme (its rules' "recruiters"): any licensed placement agency, or only public bodies (EPS:
# the Centre of Overseas Labour and the public employment service centres acting for it, Law 69/2020/QH14 Art. 5 and
# the Vietnam-Korea MOU), in which case the worker pays no fee of any kind through the vacancy.
RECRUITERS = ("licensed_agencies", "public_only")


def recruiter_refusal(rules, *, public_body, fees):
    """Why a vacancy of a programme with these rules may not stand: "public_only" (a private company posts for a
    programme only public bodies run), "no_fees" (a service or brokerage fee listed on such a programme's vacancy: the
    worker's own costs, such as travel, visa and health check, training or a deposit, may be listed), or None."""
    if (rules or {}).get("recruiters") != "public_only":
        return None
    if not public_body:
        return "public_only"
    return "no_fees" if any(fee.get("kind") == "service" and fee.get("amount_vnd") for fee in fees or []) else None


def may_post_abroad(*, public_body, licence, expires_on, day):
    """A public body needs no placement licence; a company needs one in force that day."""
    return public_body or licence_in_force(licence, expires_on, day)


# The law's own cap, for an overseas vacancy outside any programme: one month's salary per 12 months of contract
# (Law 69/2020/QH14, Art. 23), three months in all (Circular 21/2021/TT-BLĐTBXH).
LAW_FEE_CAP = {"service_fee_months_per_year": 1, "service_fee_max_months": 3}


def service_fee_cap(rules, *, monthly_salary, contract_months):
    """The most a worker may pay as service fee: so many months' salary per year of contract, at most so many months
    in all (Law 69/2020/QH14, Art. 23; Circular 21/2021/TT-BLĐTBXH). None when the programme sets no cap."""
    per_year = rules.get("service_fee_months_per_year")
    if per_year is None or monthly_salary is None or contract_months is None:
        return None
    months = per_year * contract_months / 12
    if rules.get("service_fee_max_months") is not None:
        months = min(months, rules["service_fee_max_months"])
    return int(months * monthly_salary)


def next_stage(stages, current):
    """The stage that follows `current` on the path, or None at its end."""
    codes = [stage["code"] for stage in stages]
    position = codes.index(current)
    return stages[position + 1] if position + 1 < len(stages) else None


def stage_due_on(stage, entered_on):
    """The day by which the case must move on from this stage (a roster's expiry, …), or None."""
    return entered_on + timedelta(days=stage["due_days"]) if stage.get("due_days") else None


def deadline_state(stage, entered_on, today):
    """"passed", "soon" (within DEADLINE_NOTICE_DAYS) or None for a stage entered on a day, seen today."""
    due = stage_due_on(stage, entered_on)
    if due is None:
        return None
    if today > due:
        return "passed"
    return "soon" if (due - today).days <= DEADLINE_NOTICE_DAYS else None


LATENESS = ("passed", "soon", "on_time")  # deadline_state's answers, None read as "on_time"


def entered_between(stage, lateness, today):
    """The days a case may have entered this stage for deadline_state to answer `lateness` today, as (first, last),
    either None when unbounded; False when no day does (a stage without a deadline is never late)."""
    if not stage.get("due_days"):
        return (None, None) if lateness == "on_time" else False
    due_today = today - timedelta(days=stage["due_days"])  # entered that day, the case is due today: not passed yet
    return {
        "passed": (None, due_today - timedelta(days=1)),
        "soon": (due_today, due_today + timedelta(days=DEADLINE_NOTICE_DAYS)),
        "on_time": (due_today + timedelta(days=DEADLINE_NOTICE_DAYS + 1), None),
    }[lateness]
