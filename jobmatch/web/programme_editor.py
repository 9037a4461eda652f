"""The programme editor's form: the programme's inputs, then one row of inputs per stage and per area ban (a province,
or one of its wards, from the ward picker). A posted form becomes ProgrammeWriteSchema's payload; a refusal comes back
on the row's own input, named by row and field. The rules themselves live in the schema and the service."""
import re

from jobmatch.i18n import translate_errors
from jobmatch.rules.clock import day_text, read_day, vietnam_today
from jobmatch.services import place as place_service

PROGRAMME_INPUTS = ("code", "destination_country", "name_vi", "name_en", "sources", "note")
RULE_INPUTS = ("min_age", "max_age", "health_check_months", "service_fee_months_per_year", "service_fee_max_months")
TEXT_RULE_INPUTS = ("recruiters", "hotline", "official_website")
# A row's inputs are named <kind>-<row number>-<field>: stage-0-code, ban-2-ward.
ROW_INPUTS = {
    "stage": ("code", "name_vi", "name_en", "kind", "due_days", "lapses", "contract"),
    "ban": ("province", "ward", "starts_on", "ends_on", "reason"),
}
# What a row must hold to count: a stage left with only its kind chosen, or a ban with nothing, is an unused row.
FILLED_BY = {"stage": ("code", "name_vi", "name_en", "due_days"), "ban": ("province", "ward", "starts_on", "ends_on", "reason")}
ROW_INPUT = re.compile(r"^(stage|ban)-(\d{1,3})-(\w+)$")
# The schema's names of a ban's fields, and the inputs that show their errors.
BAN_ERRORS_ON = {"province_code": "province", "ward_code": "ward", "_schema": "ward"}


def _numbered_rows(form, kind):
    """[(row number, {field: text})] of the filled rows of one kind, in their order on the page."""
    numbers = sorted({int(match.group(2)) for name in form.keys() if (match := ROW_INPUT.match(name)) and match.group(1) == kind})
    found = [(number, {field: (form.get(f"{kind}-{number}-{field}") or "").strip() for field in ROW_INPUTS[kind]})
             for number in numbers]
    return [(number, row) for number, row in found if any(row[field] for field in FILLED_BY[kind])]


def rows(form, kind):
    """The filled rows of one kind, in their order on the page: [{field: text}]."""
    return [row for _number, row in _numbered_rows(form, kind)]


def edited(form, action):
    """The rows after an "add a row" or "remove" button (the page without scripts): {kind: [{field: text}]}."""
    by_kind = {kind: rows(form, kind) for kind in ROW_INPUTS}
    if match := re.fullmatch(r"remove-(stage|ban)-(\d{1,3})", action or ""):
        kind, removed = match.group(1), int(match.group(2))
        by_kind[kind] = [row for number, row in _numbered_rows(form, kind) if number != removed]
    elif match := re.fullmatch(r"add-(stage|ban)", action or ""):
        by_kind[match.group(1)].append({field: "" for field in ROW_INPUTS[match.group(1)]})
    return by_kind


def shown_rows(by_kind, *, all_wards=False):
    """The rows the page shows, numbered from 0, then one empty row of each kind to fill. Each ban comes with the
    choices of its ward picker: the province's wards when none is chosen yet (or all_wards: the page without scripts
    asked for them), else only the ward chosen, so that a programme with many bans stays a light page (the picker's
    script fetches the others when the list is opened); whether that list is partial; and whether the ban has ended
    (the page folds those away as lines)."""
    today = vietnam_today()
    provinces = {province.code: province.name for province in place_service.list_provinces()}
    bans = []
    for number, row in enumerate([*by_kind["ban"], {}]):
        wards = place_service.wards_of_province(row["province"]) if row.get("province") else []
        partial = bool(row.get("ward")) and not all_wards
        chosen = [ward for ward in wards if ward[0] == row.get("ward")]
        starts_on, ends_on = read_day(row.get("starts_on")), read_day(row.get("ends_on"))
        bans.append({
            "number": number, "row": row, "wards": chosen if partial else wards, "partial": partial,
            "ended": ends_on is not None and ends_on < today,
            "line": f"{chosen[0][1] + ', ' if chosen else ''}{provinces.get(row.get('province'), '')} "
                    f"{day_text(starts_on)} – {day_text(ends_on)}",
        })
    return {"stages": list(enumerate([*by_kind["stage"], {"kind": "step"}])), "bans": bans}


def _iso_day(text):
    """A day as typed (dd/mm/yyyy) or as a date input sends it; what names no day is left for the schema to refuse."""
    day = read_day(text)
    return day.isoformat() if day else text


def _stage(row):
    stage = {field: row[field] for field in ("code", "name_vi", "name_en") if row[field]}
    stage.update(kind=row["kind"] or "step", lapses=bool(row["lapses"]), contract=bool(row["contract"]))
    if row["due_days"]:
        stage["due_days"] = row["due_days"]
    return stage


def _ban(row):
    ban = {"reason": row["reason"], "ends_on": _iso_day(row["ends_on"]) if row["ends_on"] else None}
    if row["starts_on"]:
        ban["starts_on"] = _iso_day(row["starts_on"])
    if row["ward"]:
        ban["ward_code"] = row["ward"]
    elif row["province"]:
        ban["province_code"] = row["province"]
    return ban


def programme_payload(form):
    """The posted editor as ProgrammeWriteSchema expects it: a ban names its ward, or its province when no ward is
    chosen."""
    payload = {name: form[name] for name in PROGRAMME_INPUTS if (form.get(name) or "").strip()}
    payload["sectors"] = [sector.strip() for sector in (form.get("sectors") or "").split(",") if sector.strip()]
    payload["stages"] = [_stage(row) for row in rows(form, "stage")]
    rules = {name: form[name] for name in RULE_INPUTS if (form.get(name) or "").strip()}
    rules.update({name: form[name].strip() for name in TEXT_RULE_INPUTS if (form.get(name) or "").strip()})
    rules["no_overstay"] = "no_overstay" in form
    if (form.get("certificate") or "").strip():
        rules["language"] = {"language": form.get("language") or "", "certificate": form["certificate"],
                             "min_level": form.get("min_level") or None}
    rules["area_bans"] = [_ban(row) for row in rows(form, "ban")]
    payload["rules"] = rules
    return payload


def programme_errors(messages):
    """The schema's errors by the editor's inputs: a stage's or a ban's on its own row's input (rows are shown again
    in the order the payload had them), the path's and the language's on their inputs."""
    errors = {}
    for name, value in messages.items():
        if name == "rules" and isinstance(value, dict):
            for rule, rule_value in value.items():
                if rule == "area_bans" and isinstance(rule_value, dict):
                    errors.update(_row_errors("ban", rule_value, BAN_ERRORS_ON))
                elif rule == "language" and isinstance(rule_value, dict):
                    errors["certificate"] = [message for field in rule_value.values() for message in _flat(field)]
                else:
                    errors[rule] = _flat(rule_value)
        elif name == "stages" and isinstance(value, dict):
            errors.update(_row_errors("stage", value, {"_schema": "code"}))
        else:
            errors[name] = _flat(value)
    return translate_errors(errors)


def service_error_input(field):
    """The input a service's refusal names: a ban's area (rules.area_bans.<n>.ward_code) on that row's picker."""
    match = re.fullmatch(r"rules\.area_bans\.(\d+)\.(\w+)", field)
    return f"ban-{match.group(1)}-{BAN_ERRORS_ON.get(match.group(2), match.group(2))}" if match else field


def _row_errors(kind, by_index, shown_on):
    return {
        f"{kind}-{index}-{shown_on.get(field, field)}": _flat(messages)
        for index, fields in by_index.items() for field, messages in (fields.items() if isinstance(fields, dict) else [("_schema", fields)])
    }


def _flat(value):
    if isinstance(value, dict):
        return [message for item in value.values() for message in _flat(item)]
    return list(value) if isinstance(value, list) else [value]


def programme_form_values(programme):
    """The version in force as the editor's inputs."""
    version = programme.current
    rules = version.rules
    language = rules.get("language") or {}
    values = {
        "code": programme.code, "destination_country": programme.destination_country, "name_vi": version.name_vi,
        "name_en": version.name_en, "sectors": ", ".join(version.sectors), "sources": version.sources,
        "no_overstay": "on" if rules.get("no_overstay") else None, "language": language.get("language"),
        "certificate": language.get("certificate"), "min_level": language.get("min_level"),
        **{name: _number(rules.get(name)) for name in RULE_INPUTS},
        **{name: rules.get(name) for name in TEXT_RULE_INPUTS},
    }
    for number, stage in enumerate(version.stages):
        values.update({f"stage-{number}-{field}": stage.get(field) for field in ("code", "name_vi", "name_en")})
        values.update({f"stage-{number}-kind": stage.get("kind", "step"), f"stage-{number}-due_days": stage.get("due_days"),
                       **{f"stage-{number}-{flag}": "on" for flag in ("lapses", "contract") if stage.get(flag)}})
    for number, ban in enumerate(rules.get("area_bans") or []):
        ward = ban.get("ward_code")
        values.update({
            f"ban-{number}-province": place_service.province_of_ward(ward) if ward else ban.get("province_code"),
            f"ban-{number}-ward": ward, f"ban-{number}-starts_on": ban["starts_on"], f"ban-{number}-ends_on": ban.get("ends_on"),
            f"ban-{number}-reason": ban.get("reason", ""),
        })
    return {name: str(value) for name, value in values.items() if value not in (None, "")}


def _number(value):
    return "" if value is None else (int(value) if float(value).is_integer() else value)
