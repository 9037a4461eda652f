"""Administrators' pages for support schemes: each scheme with its dated versions, and the form for a new version."""
from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from marshmallow import ValidationError

from jobmatch.i18n import translate_errors
from jobmatch.rules.clock import day_text
from jobmatch.schemas.support_scheme import SchemeVersionWriteSchema
from jobmatch.services import support_scheme as support_scheme_service
from jobmatch.services.errors import InvalidRequest
from jobmatch.web import actor
from jobmatch.web.forms import form_errors

bp = Blueprint("support_scheme", __name__)


@bp.get("/admin/support-schemes")
@login_required
def schemes():
    return render_template("support/admin_schemes.html", schemes=support_scheme_service.list_schemes(actor=actor()))


@bp.route("/admin/support-schemes/<code>/versions/new", methods=["GET", "POST"])
@login_required
def new_version(code):
    scheme = support_scheme_service.get_scheme(actor=actor(), code=code)
    base = support_scheme_service.base_version(scheme)
    errors, form = {}, _values(base)
    if request.method == "POST":
        form = _posted_values(base)
        try:
            version = support_scheme_service.add_version(actor=actor(), code=code, fields=SchemeVersionWriteSchema().load(_payload()))
            flash(_("The version of %(code)s from %(day)s has been saved.", code=scheme.code, day=day_text(version.valid_from)))
            return redirect(url_for("support_scheme.schemes"))
        except ValidationError as error:
            errors = _item_errors(error.messages)
        except InvalidRequest as error:
            errors = form_errors(error)
    return render_template("support/admin_version_form.html", scheme=scheme, base=base, form=form, errors=errors), \
        422 if errors else 200


def _amount(value):
    return "" if value is None else f"{value:,}".replace(",", ".")


def _values(version):
    """The form pre-filled from a version: its texts, its groups, each item's cap, its groups' caps and its mark; the
    day left to choose."""
    return {
        "valid_from": "", "name_vi": version.name_vi, "name_en": version.name_en, "sources": version.sources,
        "unconfirmed": version.unconfirmed, "categories": list(version.rules["categories"]),
        "items": {item["code"]: {"cap": _amount(item.get("cap_vnd")), "unconfirmed": bool(item.get("unconfirmed")), "remove": False,
                                 "group_caps": {key: _amount(cap) for key, cap in (item.get("cap_by_category") or {}).items()}}
                  for item in version.rules["items"]},
    }


def _group_cap_input(code, key):
    return f"cap_{code}__{key}"


def _posted_values(version):
    return {
        **{name: request.form.get(name, "") for name in ("valid_from", "name_vi", "name_en", "sources", "unconfirmed")},
        "categories": request.form.getlist("categories"),
        "items": {item["code"]: {"cap": request.form.get(f"cap_{item['code']}", ""),
                                 "unconfirmed": f"unconfirmed_{item['code']}" in request.form,
                                 "remove": f"remove_{item['code']}" in request.form,
                                 "group_caps": {key: request.form.get(_group_cap_input(item["code"], key), "")
                                                for key in item.get("cap_by_category") or {}}}
                  for item in version.rules["items"]},
    }


def _payload():
    """The posted form as SchemeVersionWriteSchema expects it: one item per "item" input not ticked for removal, its cap
    (empty: paid as charged) and its "unconfirmed" mark."""
    payload = {name: request.form[name] for name in ("valid_from", "name_vi", "name_en", "sources", "unconfirmed")
               if name in request.form}
    payload["categories"] = request.form.getlist("categories")
    prefix = "cap_{code}__"
    payload["items"] = [
        {"code": code, "unconfirmed": f"unconfirmed_{code}" in request.form,
         **({"cap_vnd": request.form[f"cap_{code}"]} if request.form.get(f"cap_{code}", "").strip() else {}),
         "caps_by_category": {name.removeprefix(prefix.format(code=code)): value for name, value in request.form.items()
                              if name.startswith(prefix.format(code=code)) and value.strip()}}
        for code in request.form.getlist("item") if f"remove_{code}" not in request.form
    ]
    return payload


def _item_errors(messages):
    """A schema's errors by input: an item's cap beside its own input."""
    errors = translate_errors(messages)
    items = errors.pop("items", None)
    if isinstance(items, dict):
        codes = [code for code in request.form.getlist("item") if f"remove_{code}" not in request.form]
        for index, item_messages in items.items():
            known = isinstance(index, int) and index < len(codes)
            for name, messages in item_messages.items():
                if name == "caps_by_category" and known and isinstance(messages, dict):  # beside the group's own input
                    for key, key_messages in messages.items():
                        errors[_group_cap_input(codes[index], key)] = key_messages.get("value", key_messages)
                else:
                    errors.setdefault(f"cap_{codes[index]}" if known else "items", []).extend(messages)
    elif items:
        errors["items"] = items
    for field, value in errors.items():  # a list's errors by index (a priority group not known) under the list's name
        if isinstance(value, dict):
            errors[field] = [message for nested in value.values() for message in nested]
    return errors
