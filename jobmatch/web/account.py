"""Account pages: sign-in and sign-out, sign-up for job seekers and employers, claiming a walk-in profile, the
account's own settings (password, API tokens, notifications), and staff accounts for administrators."""
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from jobmatch.extensions import limiter
from jobmatch.schemas.account import (
    AccountStateSchema,
    ApiTokenWriteSchema,
    ClaimProfileSchema,
    EmployerSignUpSchema,
    JobSeekerSignUpSchema,
    PasswordChangeSchema,
    SignInSchema,
    StaffAccountSchema,
)
from jobmatch.schemas.fields import plain_text
from jobmatch.security import end_session, start_session
from jobmatch.services import account as account_service
from jobmatch.services import centre as centre_service
from jobmatch.services import notification as notification_service
from jobmatch.web import actor, home_for, picker_options
from jobmatch.web.forms import FORM_ERRORS, form_errors, load_form, load_profile_form

bp = Blueprint("account", __name__)


def _sign_in_limit():
    return current_app.config["RATELIMIT_SIGN_IN"]


def _safe_next(target):
    """Only a path on this site: an open redirect would let a phishing link borrow our sign-in page. Browsers drop tabs
    and newlines from URLs and read a backslash as a slash: "/", a tab, "/evil.example" would lead to evil.example."""
    if not target or any(ord(character) < 32 or character == "\\" for character in target):
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_in():
    errors, login = {}, ""
    if request.method == "POST":
        try:
            credentials = load_form(SignInSchema())
            login = credentials["login"]
            account = account_service.authenticate(login=login, password=credentials["password"])
            if account is None:
                errors = {"login": [_("The email, phone number or password is not correct.")]}
            else:
                start_session(account)
                return redirect(_safe_next(request.args.get("next")) or home_for(account))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template("account/sign_in.html", errors=errors, login=login or request.form.get("login", "")), 422 if errors else 200


@bp.post("/sign-out")
def sign_out():
    end_session()
    flash(_("You have signed out on every device."))
    return redirect(url_for("vacancy.search"))


@bp.route("/sign-up", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_up():
    errors = {}
    if request.method == "POST":
        try:
            account = account_service.sign_up_job_seeker(fields=load_profile_form(JobSeekerSignUpSchema()))
            start_session(account)
            flash(_("Welcome! Your profile is ready. Agree below to show it to employers when you apply."))
            return redirect(url_for("job_seeker.consents"))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template("account/sign_up.html", errors=errors, form=request.form, **picker_options(request.form)), 422 if errors else 200


@bp.route("/sign-up/employer", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_up_employer():
    errors = {}
    if request.method == "POST":
        try:
            account = account_service.sign_up_employer(fields=load_form(EmployerSignUpSchema()))
            start_session(account)
            flash(_("Your company is registered. A centre officer will verify it; until then your vacancies stay private."))
            return redirect(url_for("employer.dashboard"))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template(
        "account/sign_up_employer.html", errors=errors, form=request.form, **picker_options(request.form)
    ), 422 if errors else 200


@bp.route("/claim", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def claim():
    errors = {}
    if request.method == "POST":
        try:
            account = account_service.claim_profile(fields=load_form(ClaimProfileSchema()))
            start_session(account)
            return redirect(url_for("job_seeker.profile"))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template("account/claim.html", errors=errors, form=request.form), 422 if errors else 200


@bp.route("/account")
@login_required
def settings(errors=None, new_token=None):
    return render_template(
        "account/settings.html",
        errors=errors or {},
        tokens=account_service.list_api_tokens(actor=actor()),
        notifications=notification_service.for_account(account=actor()),
        notification_text=notification_service.text,
        new_token=new_token,
    ), 422 if errors else 200


@bp.post("/account/password")
@login_required
@limiter.limit(_sign_in_limit)
def change_password():
    try:
        change = load_form(PasswordChangeSchema())
        account_service.change_password(account=actor(), current_password=change["current_password"], new_password=change["new_password"])
    except FORM_ERRORS as error:
        errors = form_errors(error)
        if "password" in errors:
            errors["new_password"] = errors.pop("password")
        return settings(errors=errors)
    # The account's other sessions have ended; this one continues with the new session version.
    start_session(actor())
    flash(_("Your password has been changed. Other devices have been signed out."))
    return redirect(url_for("account.settings"))


@bp.post("/account/tokens")
@login_required
def create_token():
    try:
        _token, secret = account_service.create_api_token(actor=actor(), name=load_form(ApiTokenWriteSchema())["name"])
    except FORM_ERRORS as error:
        return settings(errors=form_errors(error))
    return settings(new_token=secret)


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id):
    account_service.revoke_api_token(actor=actor(), token_id=token_id)
    flash(_("The token has been revoked."))
    return redirect(url_for("account.settings"))


@bp.route("/admin/accounts", methods=["GET", "POST"])
@login_required
def staff():
    errors = {}
    if request.method == "POST":
        try:
            account_service.create_staff_account(actor=actor(), fields=load_form(StaffAccountSchema()))
            flash(_("The account has been created."))
            return redirect(url_for("account.staff"))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    text = plain_text(request.args.get("q"), 254)
    accounts = account_service.list_accounts(actor=actor(), text=text)
    centres = [(centre.id, centre.name) for centre in centre_service.list_centres()]
    return render_template(
        "account/staff.html", accounts=accounts, centres=centres, errors=errors, form=request.form, q=text
    ), 422 if errors else 200


@bp.post("/admin/accounts/<int:account_id>/disabled")
@login_required
def set_disabled(account_id):
    account_service.set_disabled(actor=actor(), account_id=account_id, disabled=load_form(AccountStateSchema())["disabled"])
    return redirect(url_for("account.staff"))
