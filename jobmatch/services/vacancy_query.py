"""What a vacancy search asks for: its arguments and what its text says (places, work abroad) resolved to search
criteria, each active filter as a chip that says how to remove it, and the centre that distances are measured from."""
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from jobmatch import labels
from jobmatch.extensions import db
from jobmatch.i18n import format_day, format_vnd
from jobmatch.models.job_seeker import JobSeeker
from jobmatch.models.place import LegacyWard
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.exchange_rate import rate_table
from jobmatch.rules.money import monthly_vnd, pay_in_text
from jobmatch.services import occupation as occupation_service
from jobmatch.services import overseas as overseas_service
from jobmatch.services import place as place_service
from jobmatch.services.authorization import can
from jobmatch.services.errors import InvalidRequest
from search.folding import fold
from search.gazetteer import strip_unit
from search.text_query import FALLBACK_FROM_WORDS
from search.understanding import area, place_suggestions, text_without, understand
from search.vacancy import VacancyCriteria, effective_sort, search_key
from search.words import VOCABULARY

# No ward has this code: the places asked for do not overlap ("Hà Nội" typed, province=79 chosen), so nothing matches.
NOWHERE = "-"
MAX_CHOICES = 8


@dataclass
class Chip:
    """An active filter as the page shows it, with the arguments that remove it ({name: value}; None: leave it out)."""

    kind: str
    label: str
    without: dict
    understood: bool = False  # read from the text, so understand=false removes it too


@dataclass
class PlaceChoice:
    label: str
    arguments: dict  # the arguments that search this meaning only


@dataclass
class AmbiguousPlace:
    """A place name with several meanings, all searched, each offered as a choice."""

    words: str
    choices: list


@dataclass
class ResolvedSearch:
    criteria: VacancyCriteria
    understood: dict | None = None  # search/understanding.py's reading of the text; None with understand=false
    chips: list = field(default_factory=list)
    ambiguous: list = field(default_factory=list)
    place_label: str | None = None
    centre: dict | None = None  # {"ward_code", "label", "own"}: where the radius, "nearest" and distances start


def resolve_search(filters, *, actor=None):
    """The criteria of validated search arguments. The text is read for places and work abroad unless
    filters["understand"] is false: those words become filters, shown as chips, and the rest is searched as words.
    Places narrow each other (a place typed, the place, province and ward arguments, a radius). The centre is the
    ward argument, or else the signed-in job seeker's own ward."""
    criteria = VacancyCriteria(
        today=vietnam_today(),
        text=filters.get("q", ""),
        radius_km=filters.get("radius_km"),
        isco=filters.get("isco"),
        salary_min=filters.get("salary_min"),
        salary_max=filters.get("salary_max"),
        employment_types=filters.get("employment_type", []),
        scope=filters.get("scope"),
        country=filters.get("country"),
        programme=overseas_service.programme_by_code(filters["programme"]).code if filters.get("programme") else None,
        sort=filters.get("sort", "relevance"),
        size=filters.get("size", 20),
    )
    resolved = ResolvedSearch(criteria=criteria)
    _centre(resolved, filters, actor)
    if filters.get("understand", True) and criteria.text.strip():
        resolved.understood = understand(criteria.text, place_service.gazetteer())
        _pay(resolved)
        criteria.text = resolved.understood["text"]
        # Words that look like a misspelt place are never left out to find something: the user is asked instead.
        if len(criteria.text.split()) >= FALLBACK_FROM_WORDS and _misspelt_place(resolved.understood):
            criteria.text_fallback = False
    _where(resolved, filters)
    _abroad(resolved)
    resolved.chips = _understood_chips(resolved.understood) + _argument_chips(resolved, filters)
    _pay_arguments(resolved, filters)
    if filters.get("after"):
        cursor_sort, cursor_search, criteria.after = filters["after"]
        if cursor_sort != effective_sort(criteria) or cursor_search != search_key(criteria):
            raise InvalidRequest("after", _("This page cursor belongs to another search."))
    return resolved


def _misspelt_place(understood):
    """Whether the words hold a province or town misspelt by one letter ("ha nol"), not a word of the trade that
    merely looks like a place ("đồ họa", "sinh viên")."""
    for words, name in place_suggestions(understood, place_service.gazetteer()):
        typed, meant = " ".join(fold(words).split()), " ".join(fold(name).split())
        if typed.count(" ") == meant.count(" ") and typed not in VOCABULARY and _one_edit_apart(typed, meant):
            return True
    return False


def _one_edit_apart(first, second):
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    for position, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            rest = position + 1
            return first[rest:] == second[rest:] if len(first) == len(second) else first[position:] == second[rest:]
    return True


def _centre(resolved, filters, actor):
    criteria = resolved.criteria
    ward_code, own = filters.get("ward"), False
    if not ward_code and actor is not None and can(actor, "job_seeker.own_pages"):
        ward_code = db.session.scalar(select(JobSeeker.ward_code).where(JobSeeker.id == actor.job_seeker_id))
        own = ward_code is not None
    if ward_code:
        ward = place_service.known_ward_point(ward_code)
        criteria.center = (ward.latitude, ward.longitude)
        resolved.centre = {"ward_code": ward.code, "province_code": ward.province_code, "label": ward.label, "own": own}
    if criteria.radius_km and not criteria.center:
        raise InvalidRequest("radius_km", _("Choose a ward to search within a radius."))
    if criteria.sort == "nearest" and not criteria.center:
        raise InvalidRequest("sort", _("Choose a ward to sort by distance."))


def _where(resolved, filters):
    """Every place the search names, as sets of wards that must all hold: one province by its code, else the wards."""
    criteria, gazetteer = resolved.criteria, place_service.gazetteer()
    areas = []
    if filters.get("province"):
        areas.append(gazetteer.province_wards.get(filters["province"], set()))
    preferred = []
    if filters.get("place"):
        place = place_service.resolve_place(filters["place"])
        resolved.place_label = place.label
        areas.append(area(place.places, gazetteer))
        preferred.append(_narrowest(place.places, gazetteer))
        resolved.ambiguous += _ambiguities(place.places, lambda meaning, _place: {"place": place_service.place_argument(meaning)})
    if filters.get("ward") and not (criteria.radius_km or criteria.sort == "nearest"):
        areas.append({filters["ward"]})  # a ward alone narrows to itself; with a radius or "nearest" it is the centre
        resolved.place_label = resolved.centre["label"]
    if resolved.understood and resolved.understood["places"]:
        places, query = resolved.understood["places"], resolved.understood["query"]
        areas.append(area(places, gazetteer))
        preferred.append(_narrowest(places, gazetteer))
        resolved.ambiguous += _ambiguities(places, lambda meaning, place: {
            "q": text_without(query, [place["span"]]), "place": place_service.place_argument(meaning)})
    if not areas:
        return
    if criteria.radius_km:
        # The builder's radius stands alone; beside other places, the wards within it join the intersection instead.
        areas.append(gazetteer.wards_within(criteria.center, criteria.radius_km))
        criteria.radius_km = None
    codes = set.intersection(*map(set, areas))
    criteria.province_code = gazetteer.province_covered(codes)
    criteria.ward_codes = [] if criteria.province_code else sorted(codes) or [NOWHERE]
    narrowest = set.intersection(codes, *preferred)
    if narrowest and narrowest != codes:
        criteria.preferred_ward_codes = sorted(narrowest)


def _narrowest(places, gazetteer):
    """The wards that rank first for the places named: a province named as it was before July 2025 means that
    province first ("Hải Phòng": the former city, then the Hải Dương it took in), as postings still name it."""
    codes = set()
    for place in places:
        for meaning in place["meanings"]:
            former = _former_province_wards().get(fold(strip_unit(meaning["name"])[0])) if meaning["kind"] == "province" else None
            codes |= former or area([{"meanings": [meaning]}], gazetteer)
    return codes


def _former_province_wards():
    """{folded short name of a province before July 2025: the current wards in it}, read once per app."""
    cached = current_app.extensions.get("former_province_wards")
    if cached is None:
        cached = {}
        for province_name, ward_code in db.session.execute(select(LegacyWard.province_name, LegacyWard.ward_code)):
            cached.setdefault(fold(strip_unit(province_name)[0]), set()).add(ward_code)
        if cached:
            current_app.extensions["former_province_wards"] = cached
    return cached


def _pay(resolved):
    """Pay stated in the text ("lương trên 12 triệu", "1000 usd", "350k/ngày") as a salary filter in đồng a month, shown
    as a chip; vacancies whose stated pay certainly reaches it rank first. Pay that cannot be compared stays text."""
    understood, criteria = resolved.understood, resolved.criteria
    taken = [found["span"] for found in understood["places"] + understood["abroad"]]
    asked = pay_in_text(understood["query"])
    if asked is None or any(start < asked.span[1] and asked.span[0] < end for start, end in taken):
        return
    rates = rate_table().rates
    low, high = (monthly_vnd(amount, currency=asked.currency, period=asked.period, rates=rates) for amount in (asked.low, asked.high))
    if (asked.low is not None and low is None) or (asked.high is not None and high is None):
        return
    span = list(asked.span)
    understood["pay"] = {"words": understood["query"][span[0]:span[1]].strip(), "span": span, "kind": asked.kind,
                         "monthly_low": low, "monthly_high": high, "currency": asked.currency, "period": asked.period}
    understood["text"] = text_without(understood["query"], taken + [span])
    if low is not None:
        criteria.salary_min = max(low, criteria.salary_min or 0)
        criteria.salary_wanted = low
    if high is not None:
        criteria.salary_max = min(high, criteria.salary_max) if criteria.salary_max is not None else high


def _pay_arguments(resolved, filters):
    """A salary filter given as arguments (đồng a month), where the text states no pay, listed with what was understood:
    the answer says what pay is searched however it was asked."""
    low, high = filters.get("salary_min"), filters.get("salary_max")
    if filters.get("understand", True) and (low is not None or high is not None) and not (resolved.understood or {}).get("pay"):
        if resolved.understood is None:  # no text to read
            resolved.understood = {"query": "", "text": "", "places": [], "abroad": []}
        kind = "between" if low is not None and high is not None else "at_least" if low is not None else "at_most"
        resolved.understood["pay"] = {"words": None, "kind": kind, "currency": "VND", "period": "month", "monthly_low": low,
                                      "monthly_high": high}
    if resolved.understood is not None:
        resolved.understood.setdefault("pay", None)


def _abroad(resolved):
    """Work abroad read in the text: overseas vacancies, in the countries and programmes named (as well as any asked)."""
    criteria = resolved.criteria
    abroad = resolved.understood["abroad"] if resolved.understood else []
    if not abroad:
        return
    criteria.scope = criteria.scope or "overseas"
    known = overseas_service.programme_codes() if any(found["programme"] for found in abroad) else set()
    for found in abroad:
        if found["programme"] not in known:
            found["programme"] = None  # the country still holds: "kỹ năng đặc định" is Japan without SSW
    criteria.country = _narrowed(criteria.country, {found["country"] for found in abroad if found["country"]})
    criteria.programme = _narrowed(criteria.programme, {found["programme"] for found in abroad if found["programme"]})


def _narrowed(asked, understood):
    """An argument's value and the values read in the text, both holding: one value, a list, or NOWHERE."""
    if not understood:
        return asked
    values = understood & {asked} if asked else understood
    if not values:
        return NOWHERE
    return values.pop() if len(values) == 1 else sorted(values)


def _ambiguities(places, arguments):
    """The names with several meanings, each meaning a choice with the arguments that search it alone."""
    found = []
    for place in places:
        if len(place["meanings"]) > 1:
            choices = [PlaceChoice(_choice_label(meaning), arguments(meaning, place)) for meaning in place["meanings"][:MAX_CHOICES]]
            found.append(AmbiguousPlace(place["words"], choices))
    return found


def _choice_label(meaning):
    count = len(meaning["ward_codes"])
    if meaning["kind"] == "former_province":
        return _("%(name)s (former, now %(count)d wards)", name=meaning["name"], count=count)
    if meaning["kind"] == "former_district":
        return _("%(name)s, %(province)s (former, now %(count)d wards)", name=meaning["name"], province=meaning["province"], count=count)
    return place_service.meaning_label(meaning)


def _understood_chips(understood):
    if not understood:
        return []
    query = understood["query"]
    chips = [Chip("place", _("Place: %(place)s", place=place["name"]), {"q": text_without(query, [place["span"]])}, True)
             for place in understood["places"]]
    abroad = understood["abroad"]
    intent = [found["span"] for found in abroad if not found["country"] and not found["programme"]]
    countries = {}
    for found in abroad:
        if found["country"] and not found["programme"]:
            countries.setdefault(found["country"], []).append(found["span"])
    for code, spans in countries.items():
        label = _("Abroad: %(country)s", country=labels.COUNTRIES.get(code, code))
        chips.append(Chip("country", label, {"q": text_without(query, spans + intent)}, True))
    for found in abroad:
        if found["programme"]:
            spans = [found["span"]] + ([] if countries else intent)
            chips.append(Chip("programme", _("Programme: %(programme)s", programme=found["programme"]),
                              {"q": text_without(query, spans)}, True))
    if intent and len(chips) == len(understood["places"]):
        chips.append(Chip("overseas", _("Work abroad"), {"q": text_without(query, intent)}, True))
    pay = understood.get("pay")
    if pay:
        chips.append(Chip("salary", _pay_label(pay), {"q": text_without(query, [pay["span"]])}, True))
    return chips


def _pay_label(pay):
    low, high = format_vnd(pay["monthly_low"]), format_vnd(pay["monthly_high"])
    if pay["kind"] == "between":
        label = _("Salary %(low)s to %(high)s", low=low, high=high)
    else:
        label = _("Salary from %(amount)s", amount=low) if pay["kind"] == "at_least" else _("Salary up to %(amount)s", amount=high)
    if (pay["currency"], pay["period"]) != ("VND", "month"):
        label = _("%(salary)s a month (as typed: %(words)s)", salary=label, words=pay["words"])
    if pay["currency"] != "VND":
        table = rate_table()
        label += " · " + _("1 %(currency)s = %(rate)s on %(day)s (%(source)s)", currency=pay["currency"],
                             rate=format_vnd(table.rates[pay["currency"]]), day=format_day(table.on), source=table.source)
    return label


def _argument_chips(resolved, filters):
    chips = []
    if filters.get("place"):
        chips.append(Chip("place", _("Place: %(place)s", place=resolved.place_label), {"place": None}))
    if filters.get("province"):
        names = {province.code: province.name for province in place_service.list_provinces()}
        chips.append(Chip("province", _("Place: %(place)s", place=names.get(filters["province"], filters["province"])), {"province": None}))
    chips += _centre_chips(resolved, filters)
    if filters.get("isco"):
        names = occupation_service.group_labels([filters["isco"]])
        name = labels.localized(*names[filters["isco"]]) if filters["isco"] in names else filters["isco"]
        chips.append(Chip("isco", _("Occupation: %(occupation)s", occupation=name), {"isco": None}))
    if filters.get("salary_min") is not None:
        chips.append(Chip("salary_min", _("Salary from %(amount)s", amount=format_vnd(filters["salary_min"])), {"salary_min": None}))
    if filters.get("salary_max") is not None:
        chips.append(Chip("salary_max", _("Salary up to %(amount)s", amount=format_vnd(filters["salary_max"])), {"salary_max": None}))
    types = filters.get("employment_type") or []
    for value in types:
        others = [other for other in types if other != value]
        chips.append(Chip("employment_type", str(labels.EMPLOYMENT_TYPES.get(value, value)), {"employment_type": others or None}))
    if filters.get("scope"):
        chips.append(Chip("scope", str(labels.SCOPES["true" if filters["scope"] == "overseas" else "false"]), {"scope": None}))
    if filters.get("country"):
        chips.append(Chip("country", _("Abroad: %(country)s", country=labels.COUNTRIES.get(filters["country"], filters["country"])),
                          {"country": None}))
    if filters.get("programme"):
        chips.append(Chip("programme", _("Programme: %(programme)s", programme=filters["programme"]), {"programme": None}))
    return chips


def _centre_chips(resolved, filters):
    centre, nearest = resolved.centre, filters.get("sort") == "nearest"
    if not centre:
        return []
    without_centre = {"ward": None, "radius_km": None, **({"sort": None} if nearest else {})}
    if filters.get("radius_km"):
        label = _("Within %(km)s km of %(place)s", km=f"{filters['radius_km']:g}", place=centre["label"])
        return [Chip("radius", label, {"radius_km": None} if centre["own"] else without_centre)]
    if filters.get("ward") and not nearest:
        return [Chip("ward", _("Place: %(place)s", place=centre["label"]), {"ward": None})]
    if filters.get("ward"):
        return [Chip("centre", _("Nearest first from %(place)s", place=centre["label"]), without_centre)]
    return []
