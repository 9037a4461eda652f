"""Account pages: sign-in and sign-out, sign-up for job seekers and employers, claiming a walk-in profile, the
account's own settings (password, API tokens, notifications), and staff accounts for administrators."""
from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, has_request_context, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from jobmatch.extensions import limiter
from jobmatch.schemas.account import (
    AccountStateSchema,
    ApiTokenWriteSchema,
    ClaimProfileSchema,
    EmployerSignUpSchema,
    JobSeekerSignUpSchema,
    LoginSchema,
    NewPasswordSchema,
    NotificationChannelSchema,
    PasswordChangeSchema,
    ResetWithCodeSchema,
    SignInSchema,
    StaffAccountSchema,
)
from jobmatch.schemas.fields import plain_text
from jobmatch.security import end_session, start_session
from jobmatch.services import account as account_service
from jobmatch.services import centre as centre_service
from jobmatch.services import messaging, password_reset
from jobmatch.services import notification as notification_service
from jobmatch.services import person_search as person_search_service
from jobmatch.web import actor, home_for, page_arguments, picker_options
from jobmatch.web.forms import FORM_ERRORS, form_errors, load_form

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
            account = account_service.sign_up_job_seeker(fields=load_form(JobSeekerSignUpSchema()))
            start_session(account)
            flash(_("Welcome! Your account is ready. Now your profile, a short step at a time."))
            return redirect(home_for(account))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template("account/sign_up.html", errors=errors, form=request.form), 422 if errors else 200


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
        notifications=notification_service.for_account(account=actor(), **page_arguments()),
        notification_text=notification_service.text,
        channels=messaging.channels_offered(),
        channel=messaging.channel_for(actor()),
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
        errors = _new_password_errors(error)
        if actor().must_change_password:
            return render_template("account/first_password.html", errors=errors), 422
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
    if text:
        page = person_search_service.find_accounts(actor=actor(), text=text, **page_arguments())
    else:
        page = account_service.list_staff_accounts(actor=actor(), **page_arguments())
    centres = [(centre.id, centre.name) for centre in centre_service.list_centres()]
    return render_template(
        "account/staff.html", accounts=page.items, page=page, centres=centres, errors=errors, form=request.form, q=text
    ), 422 if errors else 200


@bp.route("/admin/accounts/<int:account_id>/disabled", methods=["GET", "POST"])
@login_required
def set_disabled(account_id):
    """GET asks the administrator to confirm a lock and give its reason; POST locks (with the reason) or unlocks."""
    errors = {}
    if request.method == "POST":
        try:
            state = load_form(AccountStateSchema())
            account = account_service.set_disabled(
                actor=actor(), account_id=account_id, disabled=state["disabled"], reason=state["reason"]
            )
            flash(_("%(name)s is locked.", name=account.display_name) if account.disabled
                  else _("%(name)s can sign in again.", name=account.display_name))
            return redirect(url_for("account.staff", q=account.email or account.phone))
        except FORM_ERRORS as error:
            errors = form_errors(error)
    account = account_service.account_to_manage(actor=actor(), account_id=account_id)
    return render_template("account/lock.html", account=account, errors=errors, form=request.form), 422 if errors else 200


@bp.post("/admin/accounts/<int:account_id>/reset-code")
@login_required
def issue_reset_code(account_id):
    account, code = password_reset.issue_reset_code(actor=actor(), account_id=account_id)
    return render_template("account/reset_code.html", account=account, code=code)


# Getting back in


def _new_password_errors(error):
    errors = form_errors(error)
    if "password" in errors:
        errors["new_password"] = errors.pop("password")
    return errors


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def forgot_password():
    errors, sent = {}, False
    if request.method == "POST":
        try:
            password_reset.send_reset_link(login=load_form(LoginSchema())["login"])
            sent = True
        except FORM_ERRORS as error:
            errors = form_errors(error)
    return render_template("account/forgot_password.html", errors=errors, sent=sent, form=request.form), 422 if errors else 200


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def reset_password(token):
    errors = {}
    if request.method == "POST":
        try:
            password_reset.reset_with_link(token=token, new_password=load_form(NewPasswordSchema())["new_password"])
            flash(_("Your new password is set. Sign in with it."))
            return redirect(url_for("account.sign_in"))
        except FORM_ERRORS as error:
            errors = _new_password_errors(error)
    usable = password_reset.account_for_link(token) is not None
    return render_template("account/reset_password.html", errors=errors, usable=usable), 422 if errors else 200


@bp.route("/password/code", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def reset_with_code():
    errors = {}
    if request.method == "POST":
        try:
            reset = load_form(ResetWithCodeSchema())
            account = password_reset.reset_with_code(login=reset["login"], code=reset["code"], new_password=reset["new_password"])
            start_session(account)
            flash(_("Your new password is set."))
            return redirect(home_for(account))
        except FORM_ERRORS as error:
            errors = _new_password_errors(error)
    return render_template("account/reset_with_code.html", errors=errors, form=request.form), 422 if errors else 200


# An account whose password an administrator chose does nothing else until its holder has chosen their own.
FIRST_PASSWORD_ALLOWS = {"account.first_password", "account.change_password", "account.sign_out", "static"}


@bp.before_app_request
def require_own_password():
    # The endpoint first: a stylesheet or an API call loads no account for this.
    if request.endpoint in FIRST_PASSWORD_ALLOWS or request.path.startswith("/api/"):
        return None
    if current_user.is_authenticated and current_user.must_change_password:
        return redirect(url_for("account.first_password"))
    return None


@bp.get("/account/first-password")
@login_required
def first_password():
    return render_template("account/first_password.html", errors={})


# Notifications


@bp.app_context_processor
def unread_notifications():
    """Every page's header shows how many notifications the signed-in account has not read."""
    if not has_request_context() or not getattr(current_user, "is_authenticated", False) or request.path.startswith("/api/"):
        return {}  # outside a request (a mail, a fragment rendered by a job) there is no header to count for
    return {"unread_notifications": notification_service.unread_count(account=current_user)}


@bp.get("/account/notifications/<int:notification_id>")
@login_required
def open_notification(notification_id):
    link = notification_service.open_one(account=actor(), notification_id=notification_id)
    return redirect(link or url_for("account.settings", _anchor="notifications"))


@bp.post("/account/notifications/read")
@login_required
def mark_notifications_read():
    notification_service.mark_all_read(account=actor())
    return redirect(url_for("account.settings", _anchor="notifications"))


@bp.post("/account/notify-by")
@login_required
def set_notification_channel():
    try:
        account_service.set_notification_channel(account=actor(), notify_by=load_form(NotificationChannelSchema())["notify_by"])
    except FORM_ERRORS as error:
        return settings(errors=form_errors(error))
    flash(_("Your choice has been saved."))
    return redirect(url_for("account.settings", _anchor="notify-by"))
