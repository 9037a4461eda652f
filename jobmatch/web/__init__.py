"""HTML blueprints, one per noun, rendering templates/<noun>/; helpers the pages share."""
from flask import request, url_for
from flask_login import current_user
from marshmallow import EXCLUDE, ValidationError

from jobmatch import labels
from jobmatch.i18n import translate_errors
from jobmatch.schemas.page import PAGE_SIZE
from jobmatch.schemas.pay import pay_label
from jobmatch.services import authorization
from jobmatch.services import occupation as occupation_service
from jobmatch.services import place as place_service
from jobmatch.services.page import Page


def actor():
    """The signed-in account (an anonymous user when nobody is signed in), as the services expect it."""
    return current_user._get_current_object()


def home_for(account):
    """Where an account lands after signing in: a job seeker who has not been through the steps of their profile, back
    at the step they reached."""
    job_seeker = account.job_seeker if account.role == "job_seeker" else None
    if job_seeker is not None and job_seeker.setup_step:
        return url_for("job_seeker.setup", number=job_seeker.setup_step)
    return {
        "job_seeker": url_for("job_seeker.profile"),
        "employer": url_for("employer.dashboard"),
        "officer": url_for("worklist.home"),
        "admin": url_for("account.staff"),
    }[account.role]


def picker_options(values):
    """Choices for the ward and occupation pickers: the provinces, the wards of the chosen (or current) province."""
    province_code = values.get("province") or place_service.province_of_ward(values.get("ward_code"))
    return {
        "provinces": [(province.code, province.name) for province in place_service.list_provinces()],
        "province_code": province_code,
        "wards": place_service.wards_of_province(province_code) if province_code else [],
        "occupation_groups": occupation_service.unit_groups_by_major(),
    }


def page_arguments():
    """The page a web list shows: PAGE_SIZE rows after the cursor in the address (the pager's links carry it)."""
    return {"size": PAGE_SIZE, "after": request.args.get("after") or None}


def filtered_page(schema, lister):
    """(page, arguments, errors) of a filtered list: its arguments from the address, loaded by its API's schema (a
    PageArgsSchema), for a page of PAGE_SIZE rows. A filter or cursor refused gives an empty page and the errors by
    field (the list is still asked for, unfiltered, so that its rules refuse a reader it is not for). An empty field
    means any; arguments the page does not know (the language switch, a shared link's tracking) are left aside."""
    values = {name: value for name, value in request.args.items() if value and name != "size"}
    try:
        arguments = {**schema(unknown=EXCLUDE).load(values), "size": PAGE_SIZE}
    except ValidationError as error:
        lister(**{**schema().load({}), "size": 1})
        return Page([], 0), {}, translate_errors(error.messages)
    return lister(**arguments), arguments, {}


def register_blueprints(app):
    from jobmatch.web import (
        account,
        application,
        centre,
        employer,
        forms,
        health,
        interview,
        invitation,
        job_fair,
        job_seeker,
        loan,
        matching,
        overseas,
        referral,
        saved_search,
        stats,
        support,
        support_scheme,
        training,
        training_survey,
        vacancy,
        worklist,
    )

    app.jinja_env.globals["labels"] = labels
    app.jinja_env.filters["pay"] = pay_label
    app.jinja_env.globals["error_summary"] = forms.error_summary
    # Templates ask the authorization layer what the signed-in account may do, never compare roles themselves.
    app.jinja_env.globals["can"] = lambda action, subject=None: authorization.can(current_user, action, subject)
    for module in (vacancy, account, job_seeker, employer, application, job_fair, stats, matching, saved_search, overseas, health,
                   referral, worklist, invitation, interview, support, support_scheme, loan, training,
                   training_survey, centre):
        app.register_blueprint(module.bp)
