"""Display labels for coded values, translated through Flask-Babel (Vietnamese by default)."""
from datetime import date

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from jobmatch.i18n import format_day

EMPLOYMENT_TYPES = {
    "full_time": _l("Full time"),
    "part_time": _l("Part time"),
    "seasonal": _l("Seasonal"),
    "contract": _l("Fixed-term contract"),
}
COUNTRIES = {
    "KR": _l("South Korea"),
    "JP": _l("Japan"),
    "TW": _l("Taiwan"),
    "DE": _l("Germany"),
    "AU": _l("Australia"),
}
SCOPES = {"true": _l("Overseas"), "false": _l("In Vietnam")}
SALARY_UNITS = {"month": _l("Per month"), "day": _l("Per day"), "hour": _l("Per hour"), "piece": _l("Per piece")}
SALARY_CURRENCIES = {"VND": _l("Vietnamese đồng (VND)"), "USD": _l("US dollar (USD)"), "JPY": _l("Japanese yen (JPY)"),
                     "KRW": _l("Korean won (KRW)"), "TWD": _l("Taiwan dollar (TWD)")}
SORTS = {
    "relevance": _l("Most relevant"),
    "newest": _l("Newest"),
    "nearest": _l("Nearest"),
    "salary": _l("Highest salary"),
}
APPLICATION_STATUSES = {
    "submitted": _l("Submitted"),
    "viewed": _l("Viewed by the employer"),
    "shortlisted": _l("Shortlisted"),
    "interviewed": _l("Interviewed"),
    "offered": _l("Offered"),
    "hired": _l("Hired"),
    "rejected": _l("Not selected"),
    "withdrawn": _l("Withdrawn"),
}
REJECTION_REASONS = {
    "qualifications": _l("Qualifications do not match"),
    "experience": _l("Not enough experience"),
    "position_filled": _l("Position filled"),
    "no_show": _l("Did not come to the interview"),
    "declined_offer": _l("Declined the offer"),
    "other": _l("Other reason"),
}
SOURCES = {"self": _l("Applied online"), "referral": _l("Referred by a centre"), "job_fair": _l("Job fair")}
INVITATION_STATUSES = {"open": _l("Waiting for an answer"), "accepted": _l("Accepted: applied"), "declined": _l("Declined")}
REFERRAL_REQUEST_STATUSES = {"open": _l("Waiting for the centre"), "referred": _l("Referred"), "declined": _l("Declined")}
VACANCY_STATUSES = {"draft": _l("Draft"), "open": _l("Open"), "closed": _l("Closed"), "filled": _l("Filled")}
PRIORITY_CATEGORIES = {
    "poor": _l("Poor household"),
    "near_poor": _l("Near-poor household"),
    "escaped_poverty": _l("Newly escaped poverty"),
    "ethnic_minority": _l("Ethnic minority"),
    "disability": _l("Person with disability"),
}
EDUCATION_LEVELS = {
    "none": _l("No schooling"),
    "primary": _l("Primary school"),
    "lower_secondary": _l("Lower secondary school"),
    "upper_secondary": _l("Upper secondary school"),
    "vocational": _l("Vocational training"),
    "college": _l("College"),
    "university": _l("University"),
    "postgraduate": _l("Postgraduate"),
}
SEXES = {"female": _l("Female"), "male": _l("Male"), "not_stated": _l("Not stated")}
AGE_BANDS = {"15_24": "15–24", "25_34": "25–34", "35_44": "35–44", "45_54": "45–54", "55_plus": "55+", "unknown": _l("Unknown")}
VISIBILITIES = {
    "public": _l("Public: employers see my profile"),
    "anonymous": _l("Anonymous: employers see my profile without my name and contacts"),
    "hidden": _l("Hidden: only my employment centre sees my profile"),
}
CONSENT_PURPOSES = {
    "show_profile": _l("Show my profile to employers I apply to or am referred to"),
    "priority_ranking": _l("Use my verified priority status to rank me higher and show employers a “priority candidate” mark"),
    "anonymous_listing": _l(
        "Show an anonymous profile (skills, occupation, experience and province; no name, contact, exact address or birth "
        "date) in the candidate lists of verified employers, who may invite me to apply"
    ),
}
LANGUAGES = {
    "ko": _l("Korean"), "ja": _l("Japanese"), "zh": _l("Chinese"), "en": _l("English"), "de": _l("German"),
    "fr": _l("French"), "ru": _l("Russian"), "km": _l("Khmer"), "lo": _l("Lao"), "th": _l("Thai"), "vi": _l("Vietnamese"),
}
STAGE_KINDS = {"step": _l("A step at home"), "departure": _l("Departure abroad"), "return": _l("Return home")}
CASE_STATUSES = {"active": _l("In progress"), "completed": _l("Completed"), "closed": _l("Case closed")}
LATENESS = {"passed": _l("Late"), "soon": _l("Deadline near"), "on_time": _l("On time")}
CLOSE_REASONS = {
    "failed": _l("Did not pass a test"),
    "withdrew": _l("The worker withdrew"),
    "lapsed": _l("Lapsed: the deadline passed"),
    "overstayed": _l("Stayed abroad illegally after the contract"),
    "other": _l("Other reason"),
    "deleted": _l("Closed: the worker deleted their account"),
}
FEE_KINDS = {
    "service": _l("Service fee"),
    "training": _l("Training and language course"),
    "travel": _l("Air ticket and travel"),
    "visa_health": _l("Visa, health check and documents"),
    "deposit": _l("Deposit (refunded after the contract)"),
    "other": _l("Other fees"),
}
RECRUITERS = {
    "licensed_agencies": _l("Licensed placement agencies"),
    "public_only": _l("Only public bodies (no agencies, no fees)"),
}
REPORT_KINDS = {
    "fee_above_cap": _l("Charged a service fee above the legal cap"),
    "undisclosed_fee": _l("Charged a fee that was not disclosed"),
    "brokerage_fee": _l("Charged a brokerage fee"),
    "false_promise": _l("The job or pay was not as promised"),
    "documents_withheld": _l("Kept my passport or documents"),
    "unlicensed": _l("Works without a licence"),
    "other": _l("Other problem"),
}
# Each eligibility verdict in plain words; the parameters come from jobmatch.rules.overseas.Verdict.params.
VERDICT_MESSAGES = {
    "no_birth_date": _l("birth date not recorded"),
    "too_young": _l("under %(min_age)s years old (now %(age)s)"),
    "too_old": _l("over %(max_age)s years old (now %(age)s)"),
    "age_ok": _l("age %(age)s is within the range"),
    "no_certificate": _l("no %(certificate)s certificate yet"),
    "level_too_low": _l("%(certificate)s level below %(min_level)s"),
    "certificate_ok": _l("has the %(certificate)s certificate"),
    "no_health_check": _l("no health check recorded (needed within %(months)s months)"),
    "health_check_old": _l("health check of %(checked_on)s is older than %(months)s months"),
    "health_check_ok": _l("health check of %(checked_on)s"),
    "overstayed": _l("stayed abroad illegally before"),
    "no_overstay_ok": _l("no illegal overstay recorded"),
    "area_banned": _l("%(area)s is barred from recruitment from %(starts_on)s %(until)s"),
    "area_ok": _l("the home area is not barred"),
}


def verdict_message(verdict, area_name=None):
    """One eligibility verdict (a dict as stored, or jobmatch.rules.overseas.Verdict) in the reader's language."""
    data = verdict if isinstance(verdict, dict) else verdict.as_dict()
    params = dict(data.get("params") or {})
    for name in ("starts_on", "ends_on", "checked_on"):
        if params.get(name):
            params[name] = format_day(date.fromisoformat(params[name]))
    if data["reason"] == "area_banned":
        params["area"] = area_name or params.get("ward_code") or params.get("province_code")
        params["until"] = _l("to %(day)s", day=params["ends_on"]) if params.get("ends_on") else _l("until further notice")
    return str(VERDICT_MESSAGES[data["reason"]]) % params


ROLES = {"job_seeker": _l("Job seeker"), "employer": _l("Employer"), "officer": _l("Centre officer"), "admin": _l("Administrator")}
# What an audit entry says was done, as the person reads it in their own data ("who read my data, and when").
AUDIT_ACTIONS = {
    "password_reset_asked": _l("A new password was asked for"), "password_reset_link_sent": _l("A password reset link was sent"),
    "password_reset": _l("The password was reset"), "reset_code_issued": _l("A password reset code was issued"),
    "sign_in": _l("Signed in"), "sign_in_failed": _l("A sign-in failed"), "sign_out": _l("Signed out"),
    "password_changed": _l("The password was changed"), "account_disabled": _l("The account was locked"),
    "account_enabled": _l("The account was unlocked"), "permission_refused": _l("An action was refused"),
    "priority_status_read": _l("The priority status was read"), "priority_status_changed": _l("The priority status was changed"),
    "citizen_id_read": _l("The citizen ID was read"), "citizen_id_changed": _l("The citizen ID was changed"),
    "personal_data_exported": _l("The personal data were read or downloaded"), "account_deleted": _l("The account was deleted"),
    "token_created": _l("An API key was created"), "token_revoked": _l("An API key was revoked"),
    "claim_code_issued": _l("A claim code was issued"), "citizen_id_held_for_review": _l("The citizen ID was held for review"),
    "consent_given": _l("A consent was given"), "consent_withdrawn": _l("A consent was withdrawn"),
    "follow_up_corrected": _l("A follow-up answer was corrected"),
    "support_claim.record": _l("A support claim was recorded"), "support_claim.approve": _l("A support claim was approved"),
    "support_claim.pay": _l("A support claim was paid"), "support_claim.payment_list": _l("A support payment list was read"),
    "loan_dossier.prepare": _l("A loan dossier was prepared"), "loan_dossier.read": _l("The loan dossier was read"),
    "loan_dossier.submitted": _l("The loan dossier was sent to the bank"), "loan_dossier.approved": _l("The bank approved the loan"),
    "loan_dossier.disbursed": _l("The loan was paid out"), "loan_dossier.refused": _l("The bank refused the loan"),
    "loan_dossier.prepared": _l("A loan dossier was prepared"), "monitoring_report.read": _l("A monitoring report was read"),
    "support_scheme.version": _l("A support scheme's version was saved"),
    "stats.internal_export": _l("Internal statistics were exported"),
    "contacts_read": _l("The phone number was read in a list of the centre"),
    "contacts_read_by_employer": _l("The phone number was seen by a company you applied or were referred to"),
}
# Who did it, besides an account's role (labels.ROLES)
ACTORS = {"self": _l("You"), "deleted": _l("A deleted account")}
ENROLMENT_SOURCES = {"self": _l("Enrolled yourself"), "officer": _l("Enrolled by the centre")}
SAVED_SEARCH_KINDS = {"search": _l("A vacancy search"), "matches": _l("Jobs that fit my profile")}
# How a notification went out: by email, or shown on the site
DELIVERY_CHANNELS = {"email": _l("By email"), "page": _l("On the site"), "sms": _l("By SMS")}
# How a person hears of what happened besides the site (every notification stays on the site)
NOTIFICATION_CHANNELS = {"site": _l("Only on the site"), "email": _l("Also by email"), "sms": _l("Also by SMS")}


def localized(label_vi, label_en):
    """The label in the page's language, for reference data that carries both."""
    return label_en if str(get_locale()) == "en" else label_vi


def occupation_label(group):
    """An ISCO group's label in the page's language."""
    return localized(group.label_vi, group.label_en) if group else ""
PERIOD_KINDS = {"day": _l("Day"), "week": _l("Week"), "month": _l("Month"), "year": _l("Year")}
STAT_METRICS = {
    "registered": _l("Job seekers registered"),
    "active_seekers": _l("Job seekers who applied or were referred"),
    "applications": _l("Applications"),
    "referrals": _l("Referrals by a centre"),
    "hires": _l("People placed in work"),
    "overseas_hires": _l("People placed in work abroad"),
    "connection_success": _l("Connection success rate (hired within 90 days)"),
    "referral_to_hire": _l("Referrals that led to a hire"),
    "retention_3m": _l("Still employed after 3 months"),
    "retention_6m": _l("Still employed after 6 months"),
    "time_to_placement": _l("Median days from application to hire"),
    "vacancies_posted": _l("Vacancies posted"),
    "openings_posted": _l("Openings posted"),
    "no_applicant": _l("Vacancies closed without any applicant"),
    "time_to_fill": _l("Median days from posting to first hire"),
    "overseas_departures": _l("Workers who departed to work abroad"),
    "overseas_returns": _l("Workers who returned home on time"),
    "fee_above_cap": _l("Departed workers who paid a service fee above the cap"),
    "cases_reached_stage": _l("Overseas cases that reached the stage"),
    "cases_at_stage": _l("Overseas cases at the stage"),
}
STAT_COLUMNS = {
    "priority": _l("Priority groups"),
    "other": _l("Everyone else"),
    "all": _l("All"),
    "gap": _l("Gap (points)"),
    "hires_priority": _l("Placed: priority groups"),
    "hires_other": _l("Placed: everyone else"),
    "hires_all": _l("Placed: all"),
    "success_priority": _l("Success rate: priority groups"),
    "success_other": _l("Success rate: everyone else"),
    "supply_priority": _l("Job seekers: priority groups"),
    "supply_all": _l("Job seekers: all"),
    "demand": _l("Open positions"),
    "ratio": _l("Positions per job seeker"),
    "target": _l("Target"),
    "actual": _l("Actual"),
    "progress": _l("Progress"),
    "registered": _l("Registered"),
    "active_seekers": _l("Applied or referred"),
    "connection_success": _l("Success rate"),
    "departures_priority": _l("Departed: priority groups"),
    "departures_other": _l("Departed: everyone else"),
    "departures_all": _l("Departed: all"),
    "returns_all": _l("Returned: all"),
    "fee_above_cap": _l("Paid above the fee cap"),
    "at_stage": _l("At this stage"),
    "reached_stage": _l("Reached this stage"),
    "conversion": _l("From the previous stage"),
    **SEXES,
    **AGE_BANDS,
}
STAT_TABLES = {
    "headline": _l("Headline figures"),
    "plan": _l("Plan against actual"),
    "trend": _l("Trend"),
    "by_destination": _l("People placed abroad, by country"),
    "by_sector": _l("People placed, by sector"),
    "by_isco_major": _l("People placed, by occupation group"),
    "by_programme": _l("People placed abroad, by programme"),
    "supply_demand": _l("Supply and demand by occupation"),
    "provinces": _l("Figures by province"),
    "overseas": _l("Workers abroad: departures and returns"),
    "overseas_by_destination": _l("Workers abroad, by country"),
    "overseas_by_programme": _l("Workers abroad, by programme"),
    "people": _l("Figures about people, whole country"),
    "monthly": _l("Month by month this year"),
}
# The breakdowns a dashboard's reader may choose among (overseas placements by country are always shown).
STAT_DIMENSIONS = {"sector": _l("Sector"), "isco_major": _l("Occupation group"), "programme": _l("Overseas programme")}
# What a reader may split people's figures by (services/stats/cells.PERSON_SPLITS).
STAT_SPLITS = {"priority": _l("Priority group"), "sex": _l("Sex"), "age_band": _l("Age band"), "none": _l("No split")}
PLAN_TARGETS = {
    "placements": _l("People placed in work"),
    "priority_placements": _l("Priority-group people placed in work"),
    "overseas_placements": _l("People placed in work abroad"),
}
LOAN_KINDS = {
    "decree_338": _l("Loan to work abroad (Decree 338/2025/NĐ-CP)"),
    "eps_deposit": _l("EPS deposit loan (Decision 16/2023)"),
}
LOAN_STATUSES = {
    "prepared": _l("Prepared"), "submitted": _l("Submitted to the bank"), "approved": _l("Approved"),
    "disbursed": _l("Disbursed"), "refused": _l("Refused"),
}
# What shows that training leads to work (Circular 152/2016), as an officer records it on a training support claim.
COMMITMENTS = {
    "self_employment_plan": _l("A self-employment plan certified by the commune"),
    "employer_commitment": _l("An employer's commitment to hire"),
}
# The rows of a figure split between priority workers and everyone else (rules.training.shares_in_work).
OUTCOME_GROUPS = {"priority": _l("Priority workers"), "others": _l("Others"), "all": _l("Total")}
# An error page's heading: the status in the reader's language (Werkzeug's names are English).
HTTP_ERRORS = {
    400: _l("Bad request"), 401: _l("Sign-in needed"), 403: _l("Not allowed"), 404: _l("Not found"),
    405: _l("Not allowed here"), 409: _l("Conflict"), 410: _l("Gone"), 413: _l("Too large"), 415: _l("Unsupported file"),
    422: _l("Not valid"), 429: _l("Too many requests"), 500: _l("Server error"), 503: _l("Temporarily unavailable"),
}
