"""Every page route and API operation × every kind of user × their own or someone else's object: the expected answer.

Roles: anonymous; a job seeker (whose application and profile the object is: seeker_own) and another (seeker_other);
the employer whose vacancy it is (employer_own) and another, unverified one (employer_other); an officer of the
centre serving the job seeker (officer_this) and of another centre (officer_other); an administrator.
An expectation lists the roles that get through with the answer they get; every other signed-in role is refused (403),
and the anonymous visitor is sent to sign in (302 to /sign-in on pages, 401 on the API). 422 means the request got past
authorization and met a business rule (for example a duplicate application), which is what that role would see.
CSRF protection is tested on its own (tests/web/test_sessions.py) and is off here, so that every cell reaches the
authorization layer.

A status says who got through, not what they were shown, so every cell also checks what its answer contains. The world
holds private things (a person, their applications, a centre's job fair, an employer's draft, an account's e-mail), each
seen by some roles only and recognised in an answer by its words (names, numbers, titles) and by its ids (in links and
forms on pages; in typed fields in JSON). An answer a route gives with 200 shows exactly the private things its row
lists for that role (`shows`: the other centre's officer's list holds their own person and not this centre's); any
other answer it lets through shows nothing a role may not see; a refusal shows nothing at all. What the request itself
named (an id in the path, a value in the body) does not count as shown.
"""
import html
import json
import re
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models import (
    AgencyReport,
    Application,
    ApplicationEvent,
    Invitation,
    JobFair,
    LoanDossier,
    OverseasCase,
    OverseasCaseEvent,
    Placement,
    Programme,
    ReferralRequest,
    SavedSearch,
    SupportClaim,
    SupportScheme,
    TrainingCourse,
    TrainingProvider,
)
from jobmatch.models.training import Enrolment
from jobmatch.models.training_survey import DemandSurvey
from jobmatch.rules.clock import vietnam_today
from jobmatch.services import account as account_service
from jobmatch.services import support as support_service
from jobmatch.services.overseas import load_programmes
from tests.factories import (
    DANANG_WARD,
    HANOI_WARD,
    make_account,
    make_centre,
    make_employer,
    make_job_seeker,
    make_priority_status,
    make_vacancy,
    vacancy_fields,
)
from tests.web.helpers import start_session

ROLES = ("anonymous", "seeker_own", "seeker_other", "employer_own", "employer_other", "officer_this", "officer_other", "admin")
SEEKERS = ("seeker_own", "seeker_other")
EMPLOYERS = ("employer_own", "employer_other")
OFFICERS = ("officer_this", "officer_other")
SIGNED_IN = ROLES[1:]
TOKEN_HOLDERS = SIGNED_IN[:-1]  # administrators hold no API tokens: to the API they are anonymous


@dataclass
class Route:
    kind: str  # "api" (bearer token) or "page" (session cookie)
    method: str
    path: str  # with {placeholders} from the world
    allowed: dict  # role → expected status
    body: dict = field(default_factory=dict)
    public: bool = False  # anonymous visitors get the same answer as the listed roles
    shows: dict = field(default_factory=dict)  # role → the private things (PRIVATE) its 200 answer shows; none when not listed

    def expected(self, role):
        if role in self.allowed:
            return self.allowed[role]
        if role == "anonymous":
            return "sign-in"
        return 403


def each(roles, status):
    return dict.fromkeys(roles, status)


def everyone(status):
    return each(ROLES, status)


def own_email(roles):
    """Each role's answer shows its own account's e-mail address."""
    return {role: (f"{role}'s e-mail",) for role in roles}


def future(days=20):
    return (vietnam_today() + timedelta(days=days)).isoformat()


def vacancy_body():
    return {**{k: v for k, v in vacancy_fields().items() if k != "deadline"}, "deadline": future()}


# Everything the platform holds about the person, and nothing about anyone else.
EXPORTS = {
    "seeker_own": ("A", "A's papers", "A's applications", "A's overseas case", "A's report", "seeker_own's e-mail",
                   "A's saved search"),
    "seeker_other": ("B", "B's papers", "B's application", "B's overseas case", "seeker_other's e-mail", "B's saved search"),
}

# The printable page shows the same record without the applications' numbers (which the matrix finds them by).
MY_DATA_PAGE = {role: tuple(thing for thing in things if "application" not in thing) for role, things in EXPORTS.items()}

PROFILE_BODY = {"full_name": "Vàng A Páo", "citizen_id": "014090000777", "birth_date": "1990-02-02", "ward_code": HANOI_WARD}

API = [
    Route("api", "GET", "/api/v1/vacancies/search", everyone(200), public=True),
    Route("api", "GET", "/api/v1/vacancies/{V1}", everyone(200), public=True),
    Route("api", "GET", "/api/v1/vacancies/{V_draft}", everyone(404), public=True),
    Route("api", "GET", "/api/v1/places/wards?province=01", everyone(200), public=True),
    Route("api", "GET", "/api/v1/occupations/suggest?q=tho%20han", everyone(200), public=True),
    Route("api", "GET", "/api/v1/places/provinces", everyone(200), public=True),
    Route("api", "GET", "/api/v1/places/resolve?q=Q1", everyone(200), public=True),
    Route("api", "GET", "/api/v1/vacancies/occupation-review", each(OFFICERS, 200)),
    Route("api", "POST", "/api/v1/vacancies/{V1}/occupation", {"employer_own": 200}, {"isco_code": "2411"}),
    Route("api", "POST", "/api/v1/vacancies/batch", each(EMPLOYERS, 200), {"vacancies": [{**vacancy_body(), "external_ref": "M-1"}]}),
    Route(
        "api",
        "GET",
        "/api/v1/vacancies/mine",
        each(EMPLOYERS, 200),
        shows={"employer_own": ("this employer's draft",), "employer_other": ("the other employer's draft",)},
    ),
    Route("api", "POST", "/api/v1/vacancies", each(EMPLOYERS, 201), vacancy_body()),
    Route("api", "PUT", "/api/v1/vacancies/{V1}", {"employer_own": 200}, vacancy_body()),
    Route("api", "POST", "/api/v1/vacancies/{V1}/status", {"employer_own": 200}, {"status": "closed"}),
    Route("api", "DELETE", "/api/v1/vacancies/{V_draft}", {"employer_own": 204}),
    Route("api", "GET", "/api/v1/vacancies/{V1}/applications", {"employer_own": 200}, shows={"employer_own": ("A", "A's applications")}),
    Route(
        "api",
        "GET",
        "/api/v1/vacancies/{V_other}/applications",
        {"employer_other": 200},
        shows={"employer_other": ("B", "B's application")},
    ),
    Route(
        "api",
        "GET",
        "/api/v1/account",
        each(SIGNED_IN, 200),
        shows={**own_email(TOKEN_HOLDERS), "seeker_own": ("A", "seeker_own's e-mail"), "seeker_other": ("B", "seeker_other's e-mail")},
    ),
    Route("api", "DELETE", "/api/v1/account/token", each(SIGNED_IN, 204)),
    Route("api", "POST", "/api/v1/job-seekers", each(OFFICERS, 201), PROFILE_BODY),
    Route(
        "api",
        "GET",
        "/api/v1/job-seekers/me",
        each(SEEKERS, 200),
        shows={"seeker_own": ("A", "A's papers"), "seeker_other": ("B", "B's papers")},
    ),
    Route(
        "api",
        "GET",
        "/api/v1/job-seekers/{A}",
        {"seeker_own": 200, "officer_this": 200},
        shows=dict.fromkeys(("seeker_own", "officer_this"), ("A", "A's papers")),
    ),
    Route(
        "api",
        "PUT",
        "/api/v1/job-seekers/{A}",
        {"seeker_own": 200, "officer_this": 200},
        {**PROFILE_BODY, "citizen_id": "001095000001", "birth_date": "1995-05-17"},
        shows=dict.fromkeys(("seeker_own", "officer_this"), ("A",)),  # by the phone the new content left as it was
    ),
    Route(
        "api",
        "GET",
        "/api/v1/job-seekers/{A}/priority-statuses",
        {"seeker_own": 200, "officer_this": 200},
        shows=dict.fromkeys(("seeker_own", "officer_this"), ("A's papers",)),
    ),
    Route(
        "api",
        "POST",
        "/api/v1/job-seekers/{A}/priority-statuses",
        {"seeker_own": 201, "officer_this": 201},
        {"category": "near_poor", "evidence": "Danh sách hộ cận nghèo 2026", "valid_until": future(200)},
    ),
    Route("api", "GET", "/api/v1/job-seekers/{A}/consents", {"seeker_own": 200, "officer_this": 200}),
    Route(
        "api",
        "POST",
        "/api/v1/job-seekers/{A}/consents",
        {"seeker_own": 200, "officer_this": 200},
        {"purpose": "priority_ranking", "given": False},
    ),
    Route(
        "api",
        "GET",
        "/api/v1/job-seekers/{A}/applications",
        {"seeker_own": 200, "officer_this": 200},
        shows=dict.fromkeys(("seeker_own", "officer_this"), ("A's applications",)),
    ),
    Route("api", "GET", "/api/v1/job-seekers/me/export", each(SEEKERS, 200), shows=EXPORTS),
    Route("api", "DELETE", "/api/v1/job-seekers/me", each(SEEKERS, 204)),
    Route("api", "GET", "/api/v1/employers/unverified", each(OFFICERS, 200)),
    Route("api", "POST", "/api/v1/employers/{E2}/verification", each(OFFICERS, 200)),
    Route("api", "GET", "/api/v1/employers/{E1}", {"employer_own": 200}),
    Route("api", "POST", "/api/v1/applications", {"seeker_own": 422, "seeker_other": 201}, {"vacancy_id": "{V1}"}),
    Route("api", "POST", "/api/v1/referrals", {"officer_this": 201}, {"vacancy_id": "{V2}", "job_seeker_id": "{A}"}),
    # The employer's view carries the candidate; the person's and the officer's, the history only.
    Route(
        "api",
        "GET",
        "/api/v1/applications/{app}",
        {"seeker_own": 200, "employer_own": 200, "officer_this": 200},
        shows={"employer_own": ("A",)},
    ),
    Route(
        "api", "POST", "/api/v1/applications/{app}/transitions", {"employer_own": 200}, {"status": "viewed"}, shows={"employer_own": ("A",)}
    ),
    Route("api", "POST", "/api/v1/applications/{app}/transitions", {"seeker_own": 200, "officer_this": 200}, {"status": "withdrawn"}),
    # Interviews and rejections at once (issue 18, item 4): the vacancy's employer only
    Route("api", "POST", "/api/v1/applications/{app}/interviews", {"employer_own": 201},
          {"date": future(2), "time": "10:00", "place": "Xưởng 2"}),
    Route("api", "POST", "/api/v1/vacancies/{V1}/applications/rejections", {"employer_own": 200},
          {"application_ids": ["{app}"], "reason": "experience"}),
    Route(
        "api",
        "POST",
        "/api/v1/applications/{app_offered}/placement",
        {"officer_this": 201},
        {"hire_date": vietnam_today().isoformat(), "employer_confirmed": True},
    ),
    Route(
        "api", "POST", "/api/v1/applications/{app_hired}/placement/follow-ups", {"officer_this": 201}, {"months": 3, "still_employed": True}
    ),
    # A correction needs a recorded follow-up: the world has none, so the officer passes the check and is told why.
    Route("api", "PUT", "/api/v1/applications/{app_hired}/placement/follow-ups", {"officer_this": 422},
          {"months": 3, "still_employed": False}),
    Route(
        "api",
        "GET",
        "/api/v1/job-fairs",
        each(OFFICERS, 200),
        shows={"officer_this": ("this centre's job fair",), "officer_other": ("the other centre's job fair",)},
    ),
    Route(
        "api",
        "POST",
        "/api/v1/job-fairs",
        each(OFFICERS, 201),
        {
            "title": "Phiên giao dịch việc làm tháng 12",
            "held_on": future(10),
            "ward_code": HANOI_WARD,
            "venue": "Nhà văn hóa",
            "vacancy_ids": ["{V1}"],
        },
    ),
    Route("api", "GET", "/api/v1/job-fairs/{JF}", {"officer_this": 200}, shows={"officer_this": ("this centre's job fair",)}),
    Route("api", "GET", "/api/v1/job-seekers/{A}/matches", {"seeker_own": 200, "officer_this": 200}),
    Route("api", "GET", "/api/v1/vacancies/{V1}/matches", {"employer_own": 200, **each(OFFICERS, 200)}),
    # Past authorization, the world's job seekers are not indexed: the engine has nothing to explain.
    Route("api", "GET", "/api/v1/vacancies/{V1}/matches/{A}/explanation", {"officer_this": 404}),
    # Invitations: the employer invites a listed candidate (A agreed to anonymous lists) and sees only the answer; the
    # person answers; an officer of another centre asks the person's own centre to refer them, and that centre answers.
    Route("api", "POST", "/api/v1/vacancies/{V2}/invitations", {"employer_own": 201}, {"job_seeker_id": "{A}"}),
    Route("api", "GET", "/api/v1/vacancies/{V1}/invitations", {"employer_own": 200}, shows={"employer_own": ("A",)}),
    Route("api", "GET", "/api/v1/job-seekers/{A}/invitations", {"seeker_own": 200, "officer_this": 200}),
    Route("api", "POST", "/api/v1/invitations/{INV}/answer", {"seeker_own": 200}, {"accept": False}, shows={"seeker_own": ("A",)}),
    Route("api", "POST", "/api/v1/vacancies/{V2}/referral-requests", {"officer_other": 201}, {"job_seeker_id": "{A}"}),
    Route("api", "GET", "/api/v1/centre/referral-requests", each(OFFICERS, 200), shows={"officer_this": ("A",)}),
    Route("api", "POST", "/api/v1/referral-requests/{RR}/answer", {"officer_this": 200}, {"refer": False},
          shows={"officer_this": ("A",)}),
    Route("api", "GET", "/api/v1/programmes", everyone(200), public=True),
    Route("api", "GET", "/api/v1/programmes/TW", everyone(200), public=True),
    Route("api", "GET", "/api/v1/job-seekers/{A}/eligibility?programme=TW", {"seeker_own": 200, "officer_this": 200}),
    Route(
        "api",
        "GET",
        "/api/v1/job-seekers/{A}/overseas-cases",
        {"seeker_own": 200, "officer_this": 200},
        shows=dict.fromkeys(("seeker_own", "officer_this"), ("A's overseas case",)),
    ),
    Route("api", "GET", "/api/v1/centre/applications", each(OFFICERS, 200),
          shows={"officer_this": ("A", "A's applications"), "officer_other": ("B", "B's application")}),
    Route(
        "api",
        "GET",
        "/api/v1/centre/overseas-cases",
        each(OFFICERS, 200),
        shows={"officer_this": ("A", "A's overseas case"), "officer_other": ("B", "B's overseas case")},
    ),
    Route(
        "api",
        "POST",
        "/api/v1/job-seekers/{A}/overseas-cases",
        {"officer_this": 422},
        {"programme": "TW", "opened_on": vietnam_today().isoformat(), "document": "Phiếu đăng ký"},
    ),
    Route(
        "api",
        "GET",
        "/api/v1/overseas-cases/{case}",
        {"seeker_own": 200, "officer_this": 200},
        shows=dict.fromkeys(("seeker_own", "officer_this"), ("A", "A's overseas case")),
    ),
    Route(
        "api",
        "POST",
        "/api/v1/overseas-cases/{case}/moves",
        {"officer_this": 200},
        {"stage": "selection", "happened_on": vietnam_today().isoformat(), "document": "Thư chọn của chủ sử dụng"},
        shows={"officer_this": ("A", "A's overseas case")},
    ),
    Route(
        "api",
        "POST",
        "/api/v1/overseas-cases/{case}/close",
        {"officer_this": 200},
        {"reason": "withdrew", "happened_on": vietnam_today().isoformat(), "document": "Đơn rút hồ sơ"},
        shows={"officer_this": ("A", "A's overseas case")},
    ),
]

PAGES = [
    Route("page", "GET", "/", everyone(200), public=True),
    Route("page", "GET", "/healthz", everyone(200), public=True),
    Route("page", "GET", "/vacancies/{V1}", everyone(200), public=True),
    Route("page", "GET", "/sign-in", everyone(200), public=True),
    Route("page", "GET", "/sign-up", everyone(200), public=True),
    Route("page", "GET", "/sign-up/employer", everyone(200), public=True),
    Route("page", "GET", "/claim", everyone(200), public=True),
    Route("page", "POST", "/sign-in", everyone(422), {"login": "khong-co@example.vn", "password": "sai mật khẩu rồi"}, public=True),
    Route("page", "POST", "/sign-up", everyone(422), {"full_name": ""}, public=True),
    Route("page", "POST", "/sign-up/employer", everyone(422), {"name": ""}, public=True),
    Route(
        "page",
        "POST",
        "/claim",
        everyone(422),
        {"citizen_id": "001095000001", "claim_code": "ABCDEFGH", "phone": "0912000111", "password": "mật khẩu đủ dài"},
        public=True,
    ),
    Route("page", "POST", "/sign-out", everyone(302), public=True),
    Route("page", "GET", "/account", each(SIGNED_IN, 200), shows=own_email(SIGNED_IN)),
    Route(
        "page", "POST", "/account/password", each(SIGNED_IN, 422), {"current_password": "không đúng", "new_password": "một mật khẩu mới"}
    ),
    Route("page", "POST", "/account/tokens", each(TOKEN_HOLDERS, 200), {"name": "Phần mềm nhân sự"}, shows=own_email(TOKEN_HOLDERS)),
    Route("page", "POST", "/account/tokens/{own_token}/revoke", each(TOKEN_HOLDERS, 302)),
    Route(
        "page",
        "GET",
        "/admin/accounts",
        {"admin": 200},
        shows={"admin": ("admin's e-mail", "officer_this's e-mail", "officer_other's e-mail")},  # staff accounts only
    ),
    Route(
        "page",
        "POST",
        "/admin/accounts",
        {"admin": 302},
        {
            "role": "officer",
            "display_name": "Cán bộ mới",
            "email": "canbo.moi@example.vn",
            "centre_id": "{C1}",
            "password": "trung tâm việc làm",
        },
    ),
    Route("page", "GET", "/admin/accounts/{officer_other_id}/disabled", {"admin": 200}, shows={"admin": ("officer_other's e-mail",)}),
    Route("page", "POST", "/admin/accounts/{officer_other_id}/disabled", {"admin": 302}, {"disabled": "1", "reason": "Nghỉ việc"}),
    Route("page", "POST", "/admin/accounts/{officer_other_id}/reset-code", {"admin": 200}),
    # Getting back in and hearing what happened (issue 18)
    Route("page", "GET", "/password/forgot", everyone(200), public=True),
    Route("page", "POST", "/password/forgot", everyone(200), {"login": "nobody@example.vn"}, public=True),
    Route("page", "GET", "/password/reset/not-a-link", everyone(200), public=True),
    Route("page", "POST", "/password/reset/not-a-link", everyone(422), {"new_password": "một mật khẩu mới"}, public=True),
    Route("page", "GET", "/password/code", everyone(200), public=True),
    Route("page", "POST", "/password/code", everyone(422), {"login": "0999999999", "code": "AAAAAAAA", "new_password": "x" * 10},
          public=True),
    Route("page", "GET", "/account/first-password", each(SIGNED_IN, 200)),
    Route("page", "GET", "/account/notifications/99999", each(SIGNED_IN, 302)),
    Route("page", "POST", "/account/notifications/read", each(SIGNED_IN, 302)),
    Route("page", "POST", "/account/notify-by", each(SIGNED_IN, 302), {"notify_by": "site"}),
    Route("page", "POST", "/centre/job-seekers/{A}/reset-code", {"officer_this": 200, "admin": 200}),
    Route("page", "GET", "/vacancies/{V1}/apply", {"seeker_own": 302, "seeker_other": 200}),
    Route("page", "GET", "/applications/{app}/withdraw", {"seeker_own": 200, "officer_this": 200}, shows={"officer_this": ("A",)}),
    Route("page", "GET", "/employer/vacancies/{V1}/close", {"employer_own": 200}),
    Route("page", "GET", "/me/profile", each(SEEKERS, 200), shows={"seeker_own": ("A", "A's papers"), "seeker_other": ("B", "B's papers")}),
    Route("page", "POST", "/me/profile", each(SEEKERS, 422), {"full_name": ""}),
    Route("page", "GET", "/me/profile/steps/2", each(SEEKERS, 200)),
    Route("page", "POST", "/me/profile/steps/3", each(SEEKERS, 422), {"experience_years": "nhiều", "action": "save"}),
    Route("page", "POST", "/me/profile/steps/4", each(SEEKERS, 302), {"action": "skip"}),
    Route("page", "GET", "/me/consents", each(SEEKERS, 200)),
    Route("page", "POST", "/me/consents", each(SEEKERS, 302), {"show_profile": "on"}),
    Route("page", "GET", "/me/export", each(SEEKERS, 200), shows=EXPORTS),
    Route("page", "GET", "/me/data", each(SEEKERS, 200), shows=MY_DATA_PAGE),
    Route("page", "GET", "/me/delete", each(SEEKERS, 200)),
    Route("page", "POST", "/me/delete", each(SEEKERS, 302)),
    Route(
        "page",
        "GET",
        "/me/applications",
        each(SEEKERS, 200),
        shows={"seeker_own": ("A's applications",), "seeker_other": ("B's application",)},
    ),
    Route(
        "page",
        "POST",
        "/me/priority-statuses",
        each(SEEKERS, 302),
        {"category": "near_poor", "evidence": "Giấy chứng nhận hộ cận nghèo", "valid_until": future(200)},
    ),
    Route("page", "POST", "/applications", each(SEEKERS, 302), {"consent": "on", "vacancy_id": "{V1}"}),
    Route(
        "page",
        "GET",
        "/centre/job-seekers",
        each(OFFICERS, 200),
        # With A's unverified priority status waiting for this centre's officers.
        shows={"officer_this": ("A", "A's papers", "walk-in"), "officer_other": ("B",)},
    ),
    Route("page", "GET", "/centre/job-seekers/new", each(OFFICERS, 200)),
    Route("page", "POST", "/centre/job-seekers/new", each(OFFICERS, 422), {"full_name": ""}),
    Route(
        "page",
        "GET",
        "/centre/job-seekers/{A}",
        {"officer_this": 200, "seeker_own": 200},
        shows=dict.fromkeys(("seeker_own", "officer_this"), ("A", "A's papers", "A's applications")),
    ),
    Route("page", "POST", "/centre/job-seekers/{W}/claim-code", {"officer_this": 200}, shows={"officer_this": ("walk-in",)}),
    Route("page", "POST", "/centre/job-seekers/{A}/claim-code", {}),  # claimed already: nothing to renew
    Route(
        "page",
        "POST",
        "/centre/job-seekers/{A}/priority-statuses",
        {"officer_this": 302, "seeker_own": 302},
        {"category": "poor", "evidence": "Giấy chứng nhận hộ nghèo", "valid_until": future(200)},
    ),
    Route("page", "POST", "/centre/priority-statuses/{status}/verify", {"officer_this": 302}),
    # No citizen ID of A waits for review: the officer of A's centre gets past authorization to that rule.
    Route("page", "POST", "/centre/job-seekers/{A}/citizen-id-review", {"officer_this": 422}, {"card_shows_it": "1"}),
    Route(
        "page",
        "GET",
        "/employer",
        each(EMPLOYERS, 200),
        shows={"employer_own": ("this employer's draft",), "employer_other": ("the other employer's draft",)},
    ),
    Route("page", "GET", "/centre/employers", {**each(OFFICERS, 200), "admin": 200}),
    Route("page", "GET", "/centre/employers/province", each(OFFICERS, 200)),
    Route("page", "POST", "/centre/employers/{E2}/verify", {**each(OFFICERS, 302), "admin": 302}),
    Route("page", "GET", "/employer/vacancies/new", each(EMPLOYERS, 200)),
    Route("page", "POST", "/employer/vacancies/new", each(EMPLOYERS, 302), {**vacancy_body(), "skills": "MISA"}),
    Route("page", "GET", "/employer/vacancies/{V1}/edit", {"employer_own": 200}),
    Route("page", "POST", "/employer/vacancies/{V1}/edit", {"employer_own": 302}, {**vacancy_body(), "skills": "MISA"}),
    Route("page", "POST", "/employer/vacancies/{V1}/status", {"employer_own": 302}, {"status": "closed"}),
    Route("page", "POST", "/employer/vacancies/{V1}/occupation", {"employer_own": 302}, {"isco_code": "2411"}),
    Route("page", "GET", "/centre/vacancies/occupations", each(OFFICERS, 200)),
    Route("page", "GET", "/employer/vacancies/import", each(EMPLOYERS, 200)),
    Route("page", "GET", "/employer/vacancies/import/template.xlsx", everyone(200), public=True),
    # E1 has no ward, so no centre's officers import for it (tests/web/test_vacancy_import_pages.py: one that has)
    Route("page", "GET", "/centre/employers/{E1}/vacancies/import", {}),
    Route("page", "POST", "/employer/vacancies/import/confirm", each(EMPLOYERS, 302), {"rows": "not a preview"}),
    Route("page", "POST", "/employer/vacancies/import", each(EMPLOYERS, 200)),  # no file: asked to choose one
    Route("page", "POST", "/centre/employers/{E1}/vacancies/import", {}),
    Route("page", "POST", "/centre/employers/{E1}/vacancies/import/confirm", {}, {"rows": "not a preview"}),
    Route("page", "GET", "/employer/vacancies/{V1}/applications", {"employer_own": 200}, shows={"employer_own": ("A", "A's applications")}),
    Route(
        "page",
        "GET",
        "/employer/vacancies/{V_other}/applications",
        {"employer_other": 200},
        shows={"employer_other": ("B", "B's application")},
    ),
    Route("page", "POST", "/applications/{app}/move", {"employer_own": 302}, {"status": "viewed"}),
    Route("page", "POST", "/applications/{app}/move", {"seeker_own": 302, "officer_this": 302}, {"status": "withdrawn"}),
    Route("page", "GET", "/employer/applications/{app}/interview", {"employer_own": 200}, shows={"employer_own": ("A",)}),
    Route("page", "POST", "/applications/{app}/interviews", {"employer_own": 302},
          {"date": future(2), "time": "10:00", "place": "Xưởng 2"}),
    Route("page", "POST", "/employer/vacancies/{V1}/rejections", {"employer_own": 302},
          {"application_ids": "{app}", "reason": "experience"}),
    Route("page", "GET", "/centre/applications", each(OFFICERS, 200), shows={"officer_this": ("A",), "officer_other": ("B",)}),
    Route("page", "POST", "/centre/referrals", {"officer_this": 302}, {"vacancy_id": "{V2}", "job_seeker_id": "{A}"}),
    Route(
        "page",
        "POST",
        "/applications/{app_offered}/placement",
        {"officer_this": 302},
        {"hire_date": vietnam_today().isoformat(), "employer_confirmed": "on"},
    ),
    Route("page", "POST", "/applications/{app_hired}/follow-ups", {"officer_this": 302}, {"months": "6", "still_employed": "on"}),
    Route("page", "POST", "/applications/{app_hired}/follow-ups/correction", {"officer_this": 302}, {"months": "3", "still_employed": "0"}),
    # The officer's home and worklists (issue 18): the hire of 95 days ago owes its 3-month follow-up
    Route("page", "GET", "/centre", each(OFFICERS, 200)),
    Route("page", "GET", "/centre/worklists/follow_ups", each(OFFICERS, 200), shows={"officer_this": ("A",)}),
    Route("page", "GET", "/centre/worklists/employers", each(OFFICERS, 200)),
    Route("page", "GET", "/centre/worklists/unanswered", each(OFFICERS, 200)),
    Route("page", "POST", "/centre/worklists/follow-ups/{app_hired}", {"officer_this": 302}, {"months": "3", "still_employed": "on"}),
    Route("page", "POST", "/centre/worklists/unanswered/{app}/reminder", {"officer_this": 302}),
    Route("page", "POST", "/centre/worklists/employers/employers/{E2}/verification", {**each(OFFICERS, 302), "admin": 302}),
    # Referring from a person's matches: the confirmation, the referral, its slip; the slip's code checked by anyone
    Route("page", "GET", "/centre/job-seekers/{A}/referrals/new?vacancy_id={V2}", {"officer_this": 200}, shows={"officer_this": ("A",)}),
    Route("page", "POST", "/centre/job-seekers/{A}/referrals", {"officer_this": 302}, {"vacancy_id": "{V2}"}),
    Route("page", "GET", "/centre/referrals/{app}/slip", {"officer_this": 200}, shows={"officer_this": ("A",)}),
    Route("page", "GET", "/referrals/check?code=ABCD-EFGH", everyone(404), public=True),
    Route(
        "page",
        "GET",
        "/centre/job-fairs",
        each(OFFICERS, 200),
        shows={"officer_this": ("this centre's job fair",), "officer_other": ("the other centre's job fair",)},
    ),
    Route(
        "page",
        "POST",
        "/centre/job-fairs",
        each(OFFICERS, 302),
        {"title": "Phiên giao dịch việc làm", "held_on": future(5), "ward_code": HANOI_WARD, "venue": "Nhà văn hóa", "vacancy_ids": "{V1}"},
    ),
    # With the pickers' choices of this centre's job seekers who may be recorded (the walk-in among them).
    Route("page", "GET", "/centre/job-fairs/{JF}", {"officer_this": 200}, shows={"officer_this": ("this centre's job fair",)}),
    Route("page", "GET", "/centre/job-fairs/{JF}?person_q=Th%E1%BB%8B&vacancy_q=&employer_q=S%C3%B4ng", {"officer_this": 200},
          shows={"officer_this": ("this centre's job fair", "A", "walk-in")}),
    Route("page", "POST", "/centre/job-fairs/{JF}/vacancies", {"officer_this": 302}, {"vacancy_ids": "{V2}"}),
    Route("page", "POST", "/centre/job-fairs/{JF}/vacancies/{V1}/removal", {"officer_this": 302}),
    Route("page", "POST", "/centre/job-fairs/{JF}/employers", {"officer_this": 302}, {"employer_id": "{E1}"}),
    Route("page", "POST", "/centre/job-fairs/{JF}/attendance", {"officer_this": 302}, {"job_seeker_id": "{A}"}),
    Route("page", "GET", "/centre/job-fairs/{JF}/report", {"officer_this": 200}, shows={"officer_this": ("this centre's job fair",)}),
    Route("page", "GET", "/centre/job-fairs/{JF}/report.xlsx", {"officer_this": 200}),
    # The public calendar: every centre's coming job fairs, to anyone; registration for job seekers and employers
    Route("page", "GET", "/job-fairs", everyone(200), public=True,
          shows=dict.fromkeys(ROLES, ("this centre's job fair", "the other centre's job fair"))),
    Route("page", "GET", "/job-fairs/{JF}", everyone(200), public=True, shows=dict.fromkeys(ROLES, ("this centre's job fair",))),
    Route("page", "POST", "/job-fairs/{JF}/registration", {**each(SEEKERS, 302), **each(EMPLOYERS, 302)}),
    Route("page", "GET", "/me/matches", each(SEEKERS, 302)),
    Route("page", "GET", "/job-seekers/{A}/matches", {"seeker_own": 200, "officer_this": 200}),
    Route("page", "GET", "/vacancies/{V1}/candidates", {"employer_own": 200, **each(OFFICERS, 200)}),
    Route("page", "GET", "/vacancies/{V1}/candidates/{A}/explanation", {"officer_this": 404}),
    # A candidate's profile within consent: in full to the person's centre and to the employer A applied to (with the
    # application, to act on it there), anonymous to the other centre; invitations and referral requests as in the API.
    Route("page", "GET", "/vacancies/{V1}/candidates/{A}", {"employer_own": 200, **each(OFFICERS, 200)},
          shows={"employer_own": ("A", "A's applications"), "officer_this": ("A",)}),
    Route("page", "POST", "/vacancies/{V2}/invitations", {"employer_own": 302}, {"job_seeker_id": "{A}"}),
    Route("page", "POST", "/vacancies/{V2}/referral-requests", {"officer_other": 302}, {"job_seeker_id": "{A}"}),
    Route("page", "GET", "/me/invitations", each(SEEKERS, 200)),
    Route("page", "POST", "/invitations/{INV}/answer", {"seeker_own": 302}),
    Route("page", "GET", "/centre/referral-requests", each(OFFICERS, 200), shows={"officer_this": ("A",)}),
    Route("page", "POST", "/referral-requests/{RR}/answer", {"officer_this": 302}),
    Route("page", "POST", "/me/saved-searches", each(SEEKERS, 302), {"kind": "matches"}),
    Route(
        "page",
        "GET",
        "/me/saved-searches",
        each(SEEKERS, 200),
        shows={"seeker_own": ("A's saved search",), "seeker_other": ("B's saved search",)},
    ),
    Route("page", "POST", "/me/saved-searches/{saved}/delete", {"seeker_own": 302, "seeker_other": 404}),
    # The link in an alert is the key: whoever holds it sees the saved search it ends.
    Route("page", "GET", "/alerts/{token}/unsubscribe", everyone(200), public=True, shows=dict.fromkeys(ROLES, ("A's saved search",))),
    Route("page", "POST", "/alerts/{token}/unsubscribe", everyone(200), public=True, shows=dict.fromkeys(ROLES, ("A's saved search",))),
    Route("page", "GET", "/statistics", everyone(200), public=True),
    Route("page", "GET", "/statistics/export", everyone(200), public=True),
    Route("page", "GET", "/statistics/provinces/01", everyone(200), public=True),
    Route("page", "GET", "/statistics/provinces/01/export?format=xlsx", everyone(200), public=True),
    Route("page", "POST", "/statistics/provinces/01/plans", {"admin": 302}, {"year": "2026", "target": "placements", "value": "900"}),
    Route("page", "GET", "/centre/statistics", each(OFFICERS, 302)),
    Route("page", "GET", "/statistics/centres/{C1}", {"officer_this": 200, "admin": 200}),
    Route("page", "GET", "/statistics/centres/{C1}/export?table=headline", {"officer_this": 200, "admin": 200}),
    Route(
        "page",
        "POST",
        "/statistics/centres/{C1}/plans",
        {"officer_this": 302, "admin": 302},
        {"year": "2026", "target": "priority_placements", "value": "120"},
    ),
    # A centre's contacts: its own officers and administrators
    Route("page", "GET", "/centres/{C1}/contacts", {"officer_this": 200, "admin": 200}),
    Route("page", "POST", "/centres/{C1}/contacts", {"officer_this": 302, "admin": 302},
          {"phone": "0236 3822 222", "verification_working_days": "3"}),
    Route("page", "GET", "/programmes", everyone(200), public=True),
    Route("page", "GET", "/programmes/TW", everyone(200), public=True),
    Route(
        "page",
        "GET",
        "/me/overseas",
        each(SEEKERS, 200),
        shows={"seeker_own": ("A's overseas case",), "seeker_other": ("B's overseas case",)},
    ),
    Route("page", "GET", "/me/agency-reports/new", each(SEEKERS, 200)),
    Route(
        "page",
        "POST",
        "/me/agency-reports/new",
        each(SEEKERS, 302),
        {"employer_id": "{E1}", "kind": "unlicensed", "description": "Công ty tuyển người đi Đài Loan mà không có giấy phép."},
    ),
    Route("page", "GET", "/centre/job-seekers/{A}/overseas", {"officer_this": 200}, shows={"officer_this": ("A", "A's overseas case")}),
    # Past authorization, the world's job seeker has no health certificate: not eligible, refused with the reasons.
    Route(
        "page",
        "POST",
        "/centre/job-seekers/{A}/overseas",
        {"officer_this": 422},
        {"programme": "TW", "opened_on": vietnam_today().isoformat(), "document": "Phiếu đăng ký"},
    ),
    Route(
        "page",
        "GET",
        "/centre/overseas-cases",
        each(OFFICERS, 200),
        shows={"officer_this": ("A", "A's overseas case"), "officer_other": ("B", "B's overseas case")},
    ),
    Route(
        "page",
        "GET",
        "/overseas-cases/{case}",
        {"officer_this": 200, "seeker_own": 200},
        shows=dict.fromkeys(("seeker_own", "officer_this"), ("A", "A's overseas case")),
    ),
    Route(
        "page",
        "POST",
        "/overseas-cases/{case}/moves",
        {"officer_this": 302},
        {"stage": "selection", "happened_on": vietnam_today().isoformat(), "document": "Thư chọn của chủ sử dụng"},
    ),
    Route(
        "page",
        "POST",
        "/overseas-cases/{case}/close",
        {"officer_this": 302},
        {"close_reason": "withdrew", "close_happened_on": vietnam_today().isoformat(), "close_document": "Đơn rút hồ sơ"},
    ),
    # Support with costs: the worker and their centre see a case's claims; only the centre records and approves them, and
    # each centre reads its own payment list.
    Route(
        "page",
        "GET",
        "/overseas-cases/{case}/support",
        {"officer_this": 200, "seeker_own": 200},
        shows=dict.fromkeys(("seeker_own", "officer_this"), ("A",)),
    ),
    Route(
        "page",
        "POST",
        "/overseas-cases/{case}/support-claims",
        {"officer_this": 422},
        {"item": "passport", "amount_vnd": "200.000", "receipt_number": "HC-1", "receipt_date": vietnam_today().isoformat(),
         "receipt_issuer": "Công an tỉnh", "document_seen": "Biên lai"},
    ),
    Route("page", "POST", "/support-claims/{claim}/approve", {"officer_this": 302}),
    Route("page", "GET", "/centre/support-payments", each(OFFICERS, 200)),
    Route("page", "POST", "/centre/support-payments/paid", each(OFFICERS, 302), {"paid_on": vietnam_today().isoformat()}),
    # Loan dossiers: prepared and followed by the worker's centre; the printed dossier carries the identity details.
    Route("page", "GET", "/overseas-cases/{case}/loan", {"officer_this": 200, "seeker_own": 200},
          shows=dict.fromkeys(("seeker_own", "officer_this"), ("A",))),
    Route("page", "POST", "/overseas-cases/{case}/loan", {"officer_this": 422},
          {"kind": "eps_deposit", "costs_vnd": "100 triệu", "amount_vnd": "90 triệu", "term_months": "36",
           "bank_branch": "NHCSXH Ba Đình"}),
    Route("page", "GET", "/loan-dossiers/{dossier}", {"officer_this": 200, "seeker_own": 200},
          shows=dict.fromkeys(("seeker_own", "officer_this"), ("A", "A's papers", "A's overseas case"))),
    Route("page", "POST", "/loan-dossiers/{dossier}/status", {"officer_this": 302}, {"status": "submitted"}),
    Route("page", "GET", "/centre/loan-dossiers", each(OFFICERS, 200), shows={"officer_this": ("A",)}),
    Route("page", "GET", "/centre/monitoring-report", each(OFFICERS, 200)),
    # Any centre follows up a report on an agency; only the reporter's own centre learns who made it.
    Route(
        "page",
        "GET",
        "/centre/agency-reports",
        {**each(OFFICERS, 200), "admin": 200},
        shows={"officer_this": ("A's report", "A"), "officer_other": ("A's report",), "admin": ("A's report",)},
    ),
    Route("page", "POST", "/centre/agency-reports/{report}/review", {**each(OFFICERS, 302), "admin": 302}, {"review_note": "Đã xác minh"}),
    Route("page", "GET", "/admin/programmes", {"admin": 200}),
    Route("page", "GET", "/admin/programmes/new", {"admin": 200}),
    Route("page", "POST", "/admin/programmes/new", {"admin": 422}, {"code": "", "stages": ""}),
    Route("page", "GET", "/admin/programmes/TW/edit", {"admin": 200}),
    Route("page", "POST", "/admin/programmes/TW/edit", {"admin": 422}, {"min_age": "40", "max_age": "30"}),
    Route("page", "GET", "/admin/support-schemes", {"admin": 200}),
    Route("page", "GET", "/admin/support-schemes/XKLD_G2G/versions/new", {"admin": 200}),
    Route("page", "POST", "/admin/support-schemes/XKLD_G2G/versions/new", {"admin": 422}, {"valid_from": "01/01/2020"}),
    # Vocational training: open courses are public; a person enrols themself (A is enrolled already); the course's
    # centre manages it, sees who is enrolled, records completions and follow-ups (the world's course has not started:
    # a completion is refused, and a follow-up before it).
    Route("page", "GET", "/courses", everyone(200), public=True),
    Route("page", "GET", "/courses/{COURSE}", everyone(200), public=True),
    Route("page", "POST", "/courses/{COURSE}/enrolment", {"seeker_own": 422, "seeker_other": 302}, shows={}),
    Route("page", "GET", "/me/courses", each(SEEKERS, 200)),
    Route("page", "GET", "/centre/training-providers", each(OFFICERS, 200)),
    Route("page", "POST", "/centre/training-providers", each(OFFICERS, 302), {"name": "Trường nghề Tây Hồ", "ward_code": HANOI_WARD}),
    Route("page", "GET", "/centre/courses", each(OFFICERS, 200)),
    Route("page", "POST", "/centre/courses", {"officer_this": 302, "officer_other": 422},
          {"provider_id": "{PROV}", "title": "Hàn điện", "isco_code": "7212", "length_value": "3", "length_unit": "month",
           "starts_on": future(5), "ends_on": future(95), "ward_code": HANOI_WARD, "seats": "20", "cost_vnd": "2,5 triệu"}),
    Route("page", "GET", "/centre/courses/{COURSE}", {"officer_this": 200}, shows={"officer_this": ("A",)}),
    Route("page", "POST", "/centre/courses/{COURSE}/enrolments", {"officer_this": 302}, {"citizen_id": "{W_cid}"}),
    Route("page", "POST", "/enrolments/{ENR}/completion", {"officer_this": 422},
          {"certificate_number": "CC-1", "certificate_date": vietnam_today().isoformat()}, shows={}),
    Route("page", "POST", "/enrolments/{ENR}/follow-ups", {"officer_this": 422}, {"months": "3", "working": "1"}),
    Route("page", "GET", "/centre/training-outcomes", each(OFFICERS, 200)),
    # Training support on an enrolment: the person reads it, their centre's officers record claims (A holds no verified
    # priority status: the claim is refused).
    Route("page", "GET", "/enrolments/{ENR}/support", {"officer_this": 200, "seeker_own": 200},
          shows=dict.fromkeys(("seeker_own", "officer_this"), ("A",))),
    Route("page", "POST", "/enrolments/{ENR}/support-claims", {"officer_this": 422},
          {"item": "vocational_training", "amount_vnd": "2 triệu", "receipt_number": "BL-1", "receipt_date": vietnam_today().isoformat(),
           "receipt_issuer": "Trường nghề", "document_seen": "Biên lai", "commitment": "employer_commitment"}),
    # The training demand survey: a centre's campaign, answered by job seekers and employers; its table for the centre.
    Route("page", "GET", "/training-surveys", everyone(200), public=True),
    Route("page", "GET", "/training-surveys/{SURVEY}", everyone(200), public=True),
    Route("page", "POST", "/training-surveys/{SURVEY}/wishes", each(SEEKERS, 302),
          {"isco_code": "7212", "wanted_from": future(30), "travel_km": "10"}),
    Route("page", "POST", "/training-surveys/{SURVEY}/needs", each(EMPLOYERS, 302),
          {"isco_code": "7212", "workers": "5", "needed_from": future(30)}),
    Route("page", "GET", "/centre/training-surveys", each(OFFICERS, 200)),
    Route("page", "POST", "/centre/training-surveys", each(OFFICERS, 302),
          {"title": "Khảo sát nhu cầu học nghề", "starts_on": vietnam_today().isoformat(), "ends_on": future(30)}),
    Route("page", "GET", "/centre/training-surveys/{SURVEY}", {"officer_this": 200}),
    Route("page", "GET", "/centre/training-surveys/{SURVEY}.xlsx", {"officer_this": 200}),
]



@dataclass(frozen=True)
class Private:
    """Something of the world only some roles may see, and how an answer would show it: by its words or by its ids."""

    seen_by: frozenset
    words: tuple = ()  # names, numbers and titles, exactly as stored
    refs: frozenset = frozenset()  # (kind, id), as found by refs_in_page and refs_in_json


def private(seen_by, words=(), refs=()):
    return Private(frozenset(seen_by), tuple(words), frozenset(refs))


def build_world():
    """Two centres, two job seekers, two employers, their accounts and API tokens, vacancies and applications; and what
    of it is private to whom. Each side has its own of everything a list shows (a person, an application, a job fair, a
    draft, an overseas case, a saved search), so that a list scoped to the other side is not simply empty.

    Built with the objects kept loaded across the factories' commits: otherwise each commit expires every object made
    so far and the next read of an id reloads it, which took a third of the world's making."""
    session = db.session()
    session.expire_on_commit = False
    try:
        return _build_world()
    finally:
        session.expire_on_commit = True


def _build_world():
    c1, c2 = make_centre(province_code="01"), make_centre(province_code="48")
    e1, e2 = make_employer(name="Công ty TNHH Sông Hồng"), make_employer(name="Công ty Chưa Xác Minh", verified=False)
    v1, v2, v3, v4 = (make_vacancy(e1, title=title) for title in ("Kế toán", "Thủ kho", "Thợ hàn", "Lái xe"))
    v_draft = make_vacancy(e1, status="draft", title="Thợ mộc chưa đăng")
    v_other = make_vacancy(e2, title="Phụ bếp")  # not public: its employer is not verified
    v_other_draft = make_vacancy(e2, status="draft", title="Thợ may chưa đăng")
    a = make_job_seeker(centre_id=c1.id, consents=("show_profile", "anonymous_listing", "priority_ranking"),
                       full_name="Hoàng Thị Riêng")
    b = make_job_seeker(centre_id=c2.id, ward_code=DANANG_WARD, full_name="Trần Thị Bích")
    walk_in = make_job_seeker(centre_id=c1.id, full_name="Lò Thị Mai")  # registered at the centre, not claimed yet
    accounts = {
        "seeker_own": make_account("job_seeker", job_seeker_id=a.id),
        "seeker_other": make_account("job_seeker", job_seeker_id=b.id),
        "employer_own": make_account("employer", employer_id=e1.id),
        "employer_other": make_account("employer", employer_id=e2.id),
        "officer_this": make_account("officer", centre_id=c1.id),
        "officer_other": make_account("officer", centre_id=c2.id),
        "admin": make_account("admin"),
    }
    status = make_priority_status(a, officer=None, evidence="Danh sách hộ nghèo xã Ba Vì số 12/2026")
    app = Application(vacancy_id=v1.id, job_seeker_id=a.id, source="self", events=[ApplicationEvent(to_status="submitted")])
    app_offered = Application(vacancy_id=v3.id, job_seeker_id=a.id, source="self", status="offered")
    app_hired = Application(vacancy_id=v4.id, job_seeker_id=a.id, source="self", status="hired")
    app_hired.placement = Placement(hire_date=vietnam_today() - timedelta(days=95), employer_confirmed=True)
    app_other = Application(vacancy_id=v_other.id, job_seeker_id=b.id, source="self", events=[ApplicationEvent(to_status="submitted")])
    saved = SavedSearch(job_seeker_id=a.id, kind="matches", name="Việc hàn ống gần nhà", unsubscribe_token="matrix-unsubscribe-token")
    saved_other = SavedSearch(job_seeker_id=b.id, kind="matches", name="Việc bếp ở Đà Nẵng", unsubscribe_token="matrix-other-token")
    job_fair = JobFair(
        centre_id=c1.id, title="Phiên Ba Đình tháng 11", held_on=vietnam_today(), ward_code=HANOI_WARD, venue="Sân vận động",
        vacancies=[v1],
    )
    job_fair_other = JobFair(
        centre_id=c2.id, title="Phiên Hải Châu tháng 11", held_on=vietnam_today(), ward_code=DANANG_WARD, venue="Cung văn hóa",
    )
    load_programmes()
    taiwan = db.session.scalar(select(Programme).where(Programme.code == "TW"))
    case, case_other = (
        OverseasCase(job_seeker_id=person.id, programme_id=taiwan.id, programme_version_id=taiwan.current.id, stage="registration",
                     stage_entered_on=vietnam_today() - timedelta(days=10),
                     events=[OverseasCaseEvent(stage="registration", stage_kind="step", happened_on=vietnam_today() - timedelta(days=10),
                                               document=document)])
        for person, document in ((a, "Phiếu đăng ký số 77/BĐ"), (b, "Phiếu đăng ký số 31/HC"))
    )
    report = AgencyReport(employer_id=e1.id, job_seeker_id=a.id, kind="fee_above_cap", description="Thu 90 triệu phí môi giới.")
    invitation = Invitation(vacancy_id=v1.id, job_seeker_id=a.id, employer_id=e1.id, message="Mời chị ứng tuyển")
    referral_request = ReferralRequest(vacancy_id=v1.id, job_seeker_id=a.id, centre_id=c1.id,
                                       requested_by_id=accounts["officer_other"].id)
    db.session.add_all([invitation, referral_request])
    db.session.add_all([app, app_offered, app_hired, app_other, job_fair, job_fair_other, saved, saved_other, case, case_other, report])
    db.session.commit()
    support_service.load_schemes()
    scheme = db.session.scalar(select(SupportScheme).where(SupportScheme.code == "XKLD_G2G"))
    claim = SupportClaim(job_seeker_id=a.id, case_id=case.id, centre_id=c1.id, scheme_version_id=scheme.versions[-1].id,
                         item="meals", quantity=10, amount_vnd=500_000, cap_vnd=500_000, claimed_on=vietnam_today(),
                         receipt_number="BL-12", receipt_date=vietnam_today(), receipt_issuer="Trường nghề", document_seen="Bảng kê")
    dossier = LoanDossier(case_id=case.id, job_seeker_id=a.id, centre_id=c1.id, kind="eps_deposit", amount_vnd=90_000_000,
                          costs_vnd=100_000_000, term_months=36, bank_branch="NHCSXH Ba Đình", verdicts=[], prepared_on=vietnam_today())
    db.session.add_all([claim, dossier])
    db.session.commit()
    provider = TrainingProvider(centre_id=c1.id, name="Trường nghề Ba Đình", ward_code=HANOI_WARD)
    course = TrainingCourse(centre_id=c1.id, provider=provider, title="Hàn điện cơ bản", isco_code="7212", length_value=3,
                            length_unit="month", starts_on=vietnam_today() + timedelta(days=10),
                            ends_on=vietnam_today() + timedelta(days=100), ward_code=HANOI_WARD, seats=20, cost_vnd=0)
    enrolment = Enrolment(course=course, job_seeker_id=a.id, source="self")
    survey = DemandSurvey(centre_id=c1.id, title="Khảo sát học nghề", starts_on=vietnam_today(),
                          ends_on=vietnam_today() + timedelta(days=30))
    db.session.add_all([provider, course, enrolment, survey])
    db.session.commit()
    tokens = {role: account_service.create_api_token(actor=account, name=role) for role, account in accounts.items()
              if role in TOKEN_HOLDERS}
    ids = {
        "C1": c1.id, "E1": e1.id, "E2": e2.id, "V1": v1.id, "V2": v2.id, "V_draft": v_draft.id, "A": a.id, "B": b.id,
        "app": app.id, "app_offered": app_offered.id, "app_hired": app_hired.id, "JF": job_fair.id, "status": status.id,
        "officer_other_id": accounts["officer_other"].id, "saved": saved.id, "token": saved.unsubscribe_token,
        "case": case.id, "report": report.id, "claim": claim.id, "dossier": dossier.id,
        "COURSE": course.id, "PROV": provider.id, "ENR": enrolment.id, "SURVEY": survey.id,
        "W_cid": f"{walk_in.citizen_id[:4]} {walk_in.citizen_id[4:]}",  # spaced as people type it (and kept a string)
        "W": walk_in.id, "INV": invitation.id, "RR": referral_request.id, "V_other": v_other.id,
    }
    # A is this centre's person, who applied to this employer's vacancies and consented to be shown; B is the other
    # centre's, who applied to the other employer's vacancy; the walk-in is this centre's, known to its officers only.
    private_things = {
        "A": private({"seeker_own", "officer_this", "employer_own"}, (a.full_name, a.phone), {("job_seeker", a.id)}),
        "A's papers": private({"seeker_own", "officer_this"}, (a.citizen_id, status.evidence), {("priority_status", status.id)}),
        "A's applications": private(
            {"seeker_own", "officer_this", "employer_own"}, refs={("application", app.id) for app in (app, app_offered, app_hired)}
        ),
        "A's overseas case": private({"seeker_own", "officer_this"}, ("Phiếu đăng ký số 77/BĐ",), {("overseas_case", case.id)}),
        "A's saved search": private({"seeker_own"}, (saved.name,), {("saved_search", saved.id)}),
        # Reports on agencies are followed up by any centre; the reporter stays unknown to the agency.
        "A's report": private(
            {"seeker_own", "officer_this", "officer_other", "admin"}, (report.description,), {("agency_report", report.id)}
        ),
        "walk-in": private({"officer_this"}, (walk_in.full_name, walk_in.citizen_id, walk_in.phone), {("job_seeker", walk_in.id)}),
        "B": private({"seeker_other", "officer_other", "employer_other"}, (b.full_name, b.phone), {("job_seeker", b.id)}),
        "B's papers": private({"seeker_other", "officer_other"}, (b.citizen_id,)),
        "B's application": private({"seeker_other", "officer_other", "employer_other"}, refs={("application", app_other.id)}),
        "B's overseas case": private({"seeker_other", "officer_other"}, ("Phiếu đăng ký số 31/HC",), {("overseas_case", case_other.id)}),
        "B's saved search": private({"seeker_other"}, (saved_other.name,), {("saved_search", saved_other.id)}),
        "this employer's draft": private({"employer_own"}, (v_draft.title,), {("vacancy", v_draft.id)}),
        "the other employer's draft": private({"employer_other"}, (v_other_draft.title,), {("vacancy", v_other_draft.id)}),
        "this centre's job fair": private({"officer_this"}, (job_fair.title,), {("job_fair", job_fair.id)}),
        "the other centre's job fair": private({"officer_other"}, (job_fair_other.title,), {("job_fair", job_fair_other.id)}),
        **{f"{role}'s e-mail": private({role, "admin"}, (account.email,)) for role, account in accounts.items()},
    }
    return accounts, tokens, ids, private_things


def fill(value, ids):
    if isinstance(value, str):
        filled = value.format(**ids)
        return int(filled) if value.startswith("{") and value.endswith("}") and filled.isdigit() else filled
    if isinstance(value, list):
        return [fill(item, ids) for item in value]
    return value


# How a page shows an object: links and form actions carry its id, hidden inputs name it.
PAGE_REFS = [
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("job_seeker", r"/job-seekers/(\d+)"),
        ("job_seeker", r"/candidates/(\d+)"),
        ("job_seeker", r'name="job_seeker_id" value="(\d+)"'),
        ("application", r"/applications/(\d+)"),
        ("vacancy", r"/vacancies/(\d+)"),
        ("vacancy", r'name="vacancy_id" value="(\d+)"'),
        ("job_fair", r"/job-fairs/(\d+)"),
        ("job_fair", r'name="job_fair_id" value="(\d+)"'),
        ("overseas_case", r"/overseas-cases/(\d+)"),
        ("priority_status", r"/priority-statuses/(\d+)"),
        ("saved_search", r"/saved-searches/(\d+)"),
        ("agency_report", r"/agency-reports/(\d+)"),
    )
]
# How JSON shows an object: as an object with the fields of its kind (the first kind that fits), or by a reference field.
JSON_KINDS = (
    ("application", {"events", "source"}),
    ("overseas_case", {"events", "stage", "programme"}),
    ("job_fair", {"held_on", "venue"}),
    ("priority_status", {"category", "evidence"}),
    ("agency_report", {"kind", "description", "employer_id"}),
    ("job_seeker", {"full_name", "skills"}),
    ("vacancy", {"deadline", "title"}),
)
JSON_REFERENCES = {"job_seeker_id": "job_seeker", "vacancy_id": "vacancy", "vacancy_ids": "vacancy", "job_fair_id": "job_fair"}


def refs_in_page(text):
    return {(kind, int(number)) for kind, pattern in PAGE_REFS for number in pattern.findall(text)}


def refs_in_json(value):
    found = set()
    if isinstance(value, dict):
        kind = next((kind for kind, names in JSON_KINDS if names <= value.keys()), None)
        if kind and isinstance(value.get("id"), int):
            found.add((kind, value["id"]))
        for name, item in value.items():
            if name in JSON_REFERENCES:
                found |= {(JSON_REFERENCES[name], number) for number in (item if isinstance(item, list) else [item])
                          if isinstance(number, int)}
            else:
                found |= refs_in_json(item)
    elif isinstance(value, list):
        for item in value:
            found |= refs_in_json(item)
    return found


def answer_content(response):
    """(text, refs) of an answer: JSON with its characters unescaped, HTML with its entities; a redirect's target too."""
    location = response.headers.get("Location", "")
    if response.is_json and response.data:
        content = response.get_json()
        return json.dumps(content, ensure_ascii=False) + location, refs_in_json(content) | refs_in_page(location)
    text = html.unescape(response.get_data().decode("utf-8", "replace")) + location
    return text, refs_in_page(text)


def shown(private_things, text, refs, request_text, request_refs):
    """{name: what showed it} of the private things the answer shows, beyond what the request named itself."""
    found = {}
    for name, thing in private_things.items():
        evidence = [word for word in thing.words if word in text and word not in request_text]
        evidence += [ref for ref in thing.refs & refs if ref not in request_refs]
        if evidence:
            found[name] = evidence
    return found


def check_content(route, role, response, private_things, path, body):
    """What the answer shows: exactly its row's `shows` on a 200, nothing the role may not see on any other answer that
    lets it through, nothing at all on a refusal."""
    text, refs = answer_content(response)
    request_text = path + json.dumps(body, ensure_ascii=False)
    request_refs = refs_in_page(path) | refs_in_json(body)
    found = shown(private_things, text, refs, request_text, request_refs)
    excerpt = text[:1500]
    if response.status_code == 200:
        assert set(found) == set(route.shows.get(role, ())), (found, excerpt)
    elif response.status_code in (401, 403, 404) or response.headers.get("Location", "").startswith("/sign-in"):
        assert found == {}, (found, excerpt)
    else:
        assert {name for name in found if role not in private_things[name].seen_by} == set(), (found, excerpt)


SEARCHING = (
    "/", "/api/v1/vacancies/search", "/api/v1/job-seekers/{A}/matches", "/api/v1/vacancies/{V1}/matches",
    "/api/v1/vacancies/{V1}/matches/{A}/explanation", "/job-seekers/{A}/matches", "/vacancies/{V1}/candidates",
    "/vacancies/{V1}/candidates/{A}/explanation",
)
# A read changes nothing that another role's answer depends on, so the roles of a GET route share one world (building
# it is nearly all of a cell's time); a write gets a world of its own for each role.
READS = [route for route in API + PAGES if route.method == "GET"]
WRITE_CELLS = [(route, role) for route in API + PAGES if route.method != "GET" for role in ROLES]


@pytest.fixture
def matrix_app(app):
    app.config["WTF_CSRF_ENABLED"] = False
    yield app
    app.config["WTF_CSRF_ENABLED"] = True


@pytest.mark.parametrize("route", READS, ids=[f"{r.method} {r.path} [{r.kind}]" for r in READS])
def test_each_role_gets_the_expected_answer_to_a_read(matrix_app, request, route):
    world = _world(request, route)
    failures = []
    for role in ROLES:
        try:
            check_cell(matrix_app, world, route, role)
        except AssertionError as failure:
            failures.append(f"{role}: {failure}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(("route", "role"), WRITE_CELLS, ids=[f"{r.method} {r.path} [{r.kind}] {role}" for r, role in WRITE_CELLS])
def test_each_role_gets_the_expected_answer_to_a_write(matrix_app, request, route, role):
    check_cell(matrix_app, _world(request, route), route, role)


def _world(request, route):
    if route.path in SEARCHING:
        request.getfixturevalue("indexes")  # fresh search indexes only where the route searches
    return build_world()


def check_cell(matrix_app, world, route, role):
    """One role's request to one route: the answer's status, and what it shows."""
    accounts, tokens, world_ids, private_things = world
    client = matrix_app.test_client()
    account = accounts.get(role)
    ids = {**world_ids, "own_token": tokens[role][0].id if role in tokens else 1}
    path = fill(route.path, ids)
    body = {name: fill(value, ids) for name, value in route.body.items()}
    if route.kind == "api":
        headers = {"Authorization": f"Bearer {tokens[role][1]}"} if role in tokens else {}
        response = client.open(path, method=route.method, json=body if route.method != "GET" else None, headers=headers)
    else:
        if account:
            start_session(client, account)
        response = client.open(path, method=route.method, data=body if route.method != "GET" else None)
    expected = route.expected("anonymous" if route.kind == "api" and role not in tokens else role)
    if expected == "sign-in":
        if route.kind == "api":
            assert response.status_code == 401, response.get_data(as_text=True)[:500]
        else:
            assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in")
    else:
        assert response.status_code == expected, response.get_data(as_text=True)[:800]
        if response.status_code == 302:
            assert not response.headers["Location"].startswith("/sign-in")
    check_content(route, role, response, private_things, path, body)


def test_the_matrix_covers_every_route(app):
    """A new route without a row here fails this test."""
    covered = {(route.method, _rule_of(app, route)) for route in API + PAGES}
    exposed = {
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        if not rule.rule.startswith(("/static", "/api/v1/openapi"))
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert exposed - covered == set()


def _rule_of(app, route):
    adapter = app.url_map.bind("localhost")
    path = re.sub(r"\{\w+\}", "1", route.path.split("?")[0])
    rule, _ = adapter.match(path, method=route.method, return_rule=True)  # the rule matched, of an endpoint's several
    return rule.rule


PROTECTED_API = [route for route in API if route.expected("anonymous") == "sign-in"]


@pytest.mark.parametrize("route", PROTECTED_API, ids=[f"{r.method} {r.path}" for r in PROTECTED_API])
def test_anonymous_callers_get_401_before_any_404_or_422(client, route):
    """Without a token, an operation answers 401 whether the object exists or not and whatever the body holds, so that
    trying ids or payloads tells an anonymous caller nothing (the world is empty: every id names nothing)."""
    path = re.sub(r"\{\w+\}", "99999", route.path)
    for body in (None, {"unknown": ["x"], "vacancy_id": "²"}):
        response = client.open(path, method=route.method, json=body)
        assert response.status_code == 401, (body, response.get_data(as_text=True)[:300])
