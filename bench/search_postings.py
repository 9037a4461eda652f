"""How the relevance corpus's postings read: titles, pay, places and descriptions in the style of Vietnamese job boards,
each returned with the ground truth it was written from (bench/search_corpus.py)."""
import re

MILLION = 1_000_000
PART_TIME = {"phuc_vu": 0.35, "pha_che": 0.35, "ban_hang": 0.2, "thu_ngan": 0.2, "giao_hang": 0.25, "pg_pb": 0.4,
             "telesales": 0.15, "giao_vien_tieng_anh": 0.25, "tap_vu": 0.15, "ktv_spa": 0.1}
SEASONAL = {"nong_nghiep": 0.25, "che_bien_thuc_pham": 0.05}
FACTORY_SECTORS = {"may_mac", "dien_tu", "thuc_pham", "co_khi", "noi_that"}
MASS_FAMILIES = {"cong_nhan", "lao_dong_pho_thong"}
# Rounding of amounts abroad, as agencies write them.
CURRENCY_STEP = {"JPY": 1000, "KRW": 10000, "TWD": 100, "EUR": 100, "AUD": 100}


def weighted(rng, weights):
    keys = list(weights)
    return rng.choices(keys, [weights[key] for key in keys])[0]


def million(amount):
    """7.5 → "7,5"; 8.0 → "8"."""
    return f"{amount:g}".replace(".", ",")


def dotted(number):
    """8000000 → "8.000.000", the way Vietnamese postings group digits."""
    return f"{int(number):,}".replace(",", ".")


def cased(rng, title):
    """Board style: Title Case half the time, capitals now and then, otherwise as typed."""
    draw = rng.random()
    if draw < 0.45:
        return " ".join(word[:1].upper() + word[1:] for word in title.split(" "))
    return title.upper() if draw < 0.6 else title


# Pay ---------------------------------------------------------------------------------------------------------------

def pay_statement(rng, concept, employment_type):
    """(truth pay, salary fields, text for the description, text for the title or None)."""
    low, high = concept["pay"]
    if employment_type == "part_time" and rng.random() < 0.6:
        hourly = rng.choice([20, 22, 25, 27, 30, 35]) * 1000
        text = rng.choice([f"{dotted(hourly)}đ/giờ", f"{hourly // 1000}k/giờ"])
        return (hourly * 4 * 26, hourly * 4 * 26), {}, text, text
    kinds = {"range": 46, "negotiable": 22, "from": 9, "upto": 8, "text_only": 7,
             "daily": 4 if low <= 10 else 0, "usd": 4 if high >= 20 else 0}
    kind = weighted(rng, kinds)
    a = round(rng.uniform(low, (low + high) / 2) * 2) / 2
    b = a + rng.choice([1, 2, 2, 3, 4, 5] if a >= 10 else [1, 1, 2, 3])
    if kind == "negotiable":
        text = rng.choice(["Thỏa thuận", "Thoả thuận", "Cạnh tranh", "Thương lượng", "Thỏa thuận theo năng lực"])
        return None, {"salary_negotiable": True}, text, text if rng.random() < 0.1 else None
    if kind == "daily":
        daily = round(a * MILLION / 26 / 10000) * 10000
        text = rng.choice([f"{dotted(daily)}đ/ngày", f"{daily // 1000}k/ngày"])
        fields = {"salary_min": daily * 26} if rng.random() < 0.5 else {}
        return (daily * 26, daily * 26), fields, text, text
    if kind == "usd":
        usd_low, usd_high = round(a * MILLION / 25000, -2), round(b * MILLION / 25000, -2) + 100
        low_text, high_text = f"{usd_low:,.0f}", f"{usd_high:,.0f}"
        text = rng.choice([f"{low_text} - {high_text} USD", f"${low_text} - ${high_text}", f"{low_text}$ - {high_text}$"])
        fields = {"salary_min": int(usd_low * 25000), "salary_max": int(usd_high * 25000)} if rng.random() < 0.5 else {}
        return (int(usd_low * 25000), int(usd_high * 25000)), fields, text, text
    return _stated_pay(rng, kind, a, b)


def _stated_pay(rng, kind, a, b):
    low_vnd, high_vnd = int(a * MILLION), int(b * MILLION)
    if kind == "from":
        text = rng.choice([f"Từ {million(a)} triệu", f"Trên {million(a)} triệu", f"Từ {million(a)}tr",
                           f"Thu nhập từ {million(a)} triệu trở lên", f"Từ {dotted(low_vnd)}đ"])
        return (low_vnd, None), {"salary_min": low_vnd}, text, text
    if kind == "upto":
        text = rng.choice([f"Lên đến {million(b)} triệu", f"Upto {million(b)}tr", f"Tới {million(b)} triệu",
                           f"Up to {million(b)}M", f"Đến {million(b)} triệu"])
        return (None, high_vnd), {"salary_max": high_vnd}, text, text
    text = rng.choice([f"{million(a)} - {million(b)} triệu", f"{million(a)}-{million(b)}tr", f"{dotted(low_vnd)} - {dotted(high_vnd)} VNĐ",
                       f"Từ {million(a)} đến {million(b)} triệu", f"{million(a)} - {million(b)}M", f"{million(a)}tr - {million(b)}tr"])
    fields = {} if kind == "text_only" else {"salary_min": low_vnd, "salary_max": high_vnd}
    return (low_vnd, high_vnd), fields, text, (text if kind != "text_only" else None)


# Places ------------------------------------------------------------------------------------------------------------

def province_form(rng, world, place):
    """How a posting names the province: the former one as most still do (in its usual spellings and abbreviations),
    sometimes the current one, with "(… cũ)" for a province that was merged."""
    places = world["places"]
    if place.province_short != place.province_now_short and rng.random() < places["merged_note"]:
        now = rng.choice(places["province_forms"].get(place.province_now_short, [place.province_now_short]))
        return f"{now} ({place.province_short} cũ)" if rng.random() < 0.6 else now
    return rng.choice(places["province_forms"].get(place.province_short, [place.province_short]))


def district_form(rng, place):
    short = place.district_short.removeprefix("Quận ")  # numbered districts are short-named "Quận 1"
    for unit, forms in (("Quận", ["Quận {0}", "Q.{0}", "Q{0}"] if short.isdigit() else ["Quận {0}", "Q. {0}", "{0}"]),
                        ("Huyện", ["Huyện {0}", "H. {0}", "{0}"]), ("Thành phố", ["TP. {0}", "Thành phố {0}", "{0}"]),
                        ("Thị xã", ["TX. {0}", "Thị xã {0}", "{0}"])):
        if place.district.startswith(unit):
            return rng.choice(forms).format(short)
    return short


def place_tag(rng, world, place):
    if rng.random() < 0.7:
        return province_form(rng, world, place)
    district = district_form(rng, place)
    return f"{district}, {province_form(rng, world, place)}" if rng.random() < 0.5 else district


def workplace(rng, world, place, factory):
    zones = world["places"]["industrial_zones"].get(place.province_short) if factory else None
    forms = {"legacy": 3, "short": 3, "zone": 2 if zones else 0, "current": 2}
    form = weighted(rng, forms)
    if form == "legacy":
        return f"{place.ward}, {place.district}, {place.province}"
    if form == "short":
        return f"{district_form(rng, place)}, {province_form(rng, world, place)}"
    if form == "zone":
        return f"{rng.choice(zones)}, {province_form(rng, world, place)}"
    merged = place.province_short != place.province_now_short and rng.random() < 0.5
    return f"{place.ward_now}, {place.province_now}" + (f" ({place.province_short} cũ)" if merged else "")


# Domestic postings -------------------------------------------------------------------------------------------------

def employment_type_of(rng, concept_key):
    draw = rng.random()
    if draw < PART_TIME.get(concept_key, 0.02):
        return "part_time"
    if draw < PART_TIME.get(concept_key, 0.02) + SEASONAL.get(concept_key, 0.01):
        return "seasonal"
    return "contract" if rng.random() < 0.04 else "full_time"


def domestic_title(rng, world, base, *, tag, pay_title, openings, no_experience):
    title = base
    if rng.random() < 0.3:
        prefix = rng.choice([p for p in world["title_prefixes"] if openings > 1 or "{n}" not in p])
        title = prefix.format(place=tag, n=openings) + title
    if "[" not in title and rng.random() < 0.35:
        title += rng.choice(world["title_place_suffixes"]).format(place=tag)
    if pay_title and rng.random() < 0.35:
        title += rng.choice(world["title_salary_suffixes"]).format(pay=pay_title)
    if no_experience and rng.random() < 0.1:
        title += world["no_experience_perk"]
    elif rng.random() < 0.12:
        title += rng.choice(world["title_perks"])
    return cased(rng, title)[:200]


def domestic_posting(rng, concepts, world, employer, concept_key, place, deadline):
    """(API payload, truth fields) of a vacancy at home."""
    concept = concepts[concept_key]
    employment_type = employment_type_of(rng, concept_key)
    pay, salary_fields, pay_text, pay_title = pay_statement(rng, concept, employment_type)
    no_experience_odds = 0.6 if concept["pay"][1] <= 12 else 0.2
    years = 0 if rng.random() < no_experience_odds else rng.choice([1, 1, 2, 2, 3])
    base = rng.choice(concept["titles"])
    if employment_type == "part_time" and "part" not in base.lower() and rng.random() < 0.4:
        base += rng.choice([" (part-time)", " bán thời gian", " - Part time"])
    mass = bool(MASS_FAMILIES & set(concept["families"]))
    openings = rng.choice([5, 10, 15, 20, 30, 50, 100] if mass else [1, 1, 1, 2, 2, 3, 5])
    title = domestic_title(rng, world, base, tag=place_tag(rng, world, place), pay_title=pay_title,
                           openings=openings, no_experience=years == 0)
    description = domestic_description(rng, world, employer, concept, base, openings=openings, pay_text=pay_text,
                                       years=years, place=place, part_time=employment_type == "part_time")
    payload = {
        "title": title, "description": description, "isco_code": concept["isco"],
        "skills": rng.sample(concept["skills"], k=min(len(concept["skills"]), rng.randint(2, 4))),
        "ward_code": place.ward_code, "salary_min": None, "salary_max": None, "salary_negotiable": False,
        **salary_fields, "employment_type": employment_type, "openings": openings, "deadline": deadline.isoformat(),
        "welcomes_priority": rng.random() < 0.15, "no_experience_required": years == 0 and rng.random() < 0.8,
        "training_provided": rng.random() < (0.6 if years == 0 else 0.2), "is_overseas": False, "publish": True,
    }
    truth = {"concept": concept_key, "place": place, "country": None, "programme": None, "pay": pay,
             "employment_type": employment_type, "experience_years": years}
    return payload, truth


def lowered(title):
    first = title.split(" ")[0]
    return title if first.isupper() or not first[:1].isalpha() else title[:1].lower() + title[1:]


def domestic_description(rng, world, employer, concept, base, *, openings, pay_text, years, place, part_time):
    sector = world["agency"] if employer.agency else world["sectors"][employer.sector]
    lines = [f"{employer.name} {rng.choice(sector['intros'])}"]
    if rng.random() < 0.25:
        hq = f"{district_form(rng, employer.hq)}, {province_form(rng, world, employer.hq)}"
        lines.append(rng.choice(world["branch_lines"]).format(company=employer.name, hq=hq))
    lines.append(rng.choice(world["openings_lines"]).format(short=employer.name, n=openings, title=lowered(base)))
    lines += ["", "MÔ TẢ CÔNG VIỆC:"] + [f"- {duty}" for duty in rng.sample(concept["duties"], k=min(3, len(concept["duties"])))]
    requirements = [line for line in concept["requirements"] if not re.search(r"kinh nghiệm", line, re.IGNORECASE)]
    lines += ["", "YÊU CẦU:", f"- {rng.choice(world['experience_lines'][str(years)])}"]
    lines += [f"- {line}" for line in rng.sample(requirements, k=min(2, len(requirements)))]
    lines += [f"- {rng.choice(world['common_requirements'])}", "", "QUYỀN LỢI:", f"- Mức lương: {pay_text}"]
    lines += [f"- {line}" for line in rng.sample(world["benefits"], k=3)]
    factory = employer.sector in FACTORY_SECTORS
    if factory:
        lines.append(f"- {rng.choice(world['factory_benefits'])}")
    lines.append(rng.choice(world["part_time_hours"] if part_time else world["hours"]))
    if rng.random() < 0.85:
        lines.append(f"ĐỊA ĐIỂM LÀM VIỆC: {workplace(rng, world, place, factory)}")
    lines.append(_apply_line(rng, world, employer))
    return "\n".join(lines)


def _apply_line(rng, world, employer):
    phone = f"09{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
    email = f"tuyendung@congty{employer.number}.vn"
    return rng.choice(world["apply_lines"]).format(company=employer.name, phone=phone, email=email)


# Overseas postings -------------------------------------------------------------------------------------------------

def overseas_pay(rng, country, programme, rate):
    """(truth pay in VND, text in the destination's currency, low and high amounts in that currency)."""
    low, high = country["pay"][programme]
    step = CURRENCY_STEP[country["currency"]]
    a = round(rng.uniform(low, (low + high) / 2) / step) * step
    b = max(a + 5 * step, round(rng.uniform(a, high) / step) * step)
    shape = rng.random()
    unit = country["unit"]
    if shape < 0.5:
        text = f"{dotted(a)} - {dotted(b)} {unit}/tháng"
    elif shape < 0.8:
        b, text = None, f"Từ {dotted(a)} {unit}/tháng"
    else:
        b, text = a, f"{dotted(a)} {unit}/tháng"
    if rng.random() < 0.5:
        text += f" (khoảng {million(round(a * rate / MILLION, 1))} triệu đồng)"
    return (int(a * rate), int(b * rate) if b else None), text, a, b


def overseas_posting(rng, concepts, world, employer, deadline):
    """(API payload, truth fields) of a vacancy abroad posted by a licensed agency."""
    code = weighted(rng, {key: country["weight"] for key, country in world["countries"].items()})
    country = world["countries"][code]
    programme = weighted(rng, country["programmes"])
    concept_key = rng.choice(sorted(key for key, concept in concepts.items() if code in concept.get("overseas", {})))
    concept = concepts[concept_key]
    phrase = rng.choice(concept["overseas"][code])
    rate = world["exchange_rates"][country["currency"]]
    pay, pay_text, amount, _ = overseas_pay(rng, country, programme, rate)
    months = rng.choice(country["contract_months"][programme])
    openings, city = rng.choice([5, 9, 12, 15, 20, 30, 50]), rng.choice(country["cities"])
    salary_fields = {}
    if rng.random() < 0.5:
        salary_fields = {"salary_min": round(pay[0], -5), "salary_max": round(pay[1], -5) if pay[1] else None}
    fees = [{"kind": "training", "amount_vnd": rng.randint(30, 80) * 100_000},
            {"kind": "visa_health", "amount_vnd": rng.randint(10, 40) * 100_000}]
    if salary_fields and programme != "EPS":  # EPS is run by the state: workers pay no service fee
        fees.append({"kind": "service", "amount_vnd": int(round(salary_fields["salary_min"] * 0.5, -5))})
    templates = world["overseas_titles"][programme] if rng.random() < 0.55 else world["overseas_titles"]["any"]
    title = rng.choice(templates).format(
        COUNTRY=country["names"][0].upper(), country=rng.choice(country["names"]), country_short=country["short"], city=city,
        phrase=phrase, Phrase=phrase[:1].upper() + phrase[1:], n=openings, pay=f"{dotted(amount)} {country['unit']}", months=months)
    description = overseas_description(rng, world, employer, concept, code, programme, phrase=phrase, city=city,
                                       pay_text=pay_text, months=months, openings=openings)
    payload = {
        "title": cased(rng, title)[:200], "description": description,
        "isco_code": concept["isco"], "skills": rng.sample(concept["skills"], k=min(2, len(concept["skills"]))),
        "ward_code": None, "salary_min": None, "salary_max": None, "salary_negotiable": False, **salary_fields,
        "employment_type": "contract", "openings": openings, "deadline": deadline.isoformat(), "welcomes_priority": rng.random() < 0.3,
        "no_experience_required": rng.random() < 0.6, "training_provided": True, "is_overseas": True,
        "destination_country": code, "programme": programme or None, "contract_months": months, "fees": fees,
        "language_requirement": country["language"][programme], "publish": True,
    }
    truth = {"concept": concept_key, "place": None, "country": code, "programme": programme or None, "pay": pay,
             "employment_type": "contract", "experience_years": 0}
    return payload, truth


def overseas_description(rng, world, employer, concept, code, programme, *, phrase, city, pay_text, months, openings):
    country = world["countries"][code]
    named = rng.random() < 0.7
    where = f"{city}, {rng.choice(country['names'])}" if named else city
    exam_place = rng.choice(world["exam_places"])
    lines = [f"{employer.name} {rng.choice(world['agency']['intros'])}", f"Tuyển {openings} lao động {phrase} làm việc tại {where}.", "",
             "THÔNG TIN ĐƠN HÀNG:", f"- Ngành nghề: {phrase}", f"- Địa điểm làm việc: {where}", f"- Số lượng: {openings}",
             f"- Mức lương cơ bản: {pay_text}", f"- Thời hạn hợp đồng: {months} tháng"]
    if programme:
        lines.append(f"- Chương trình: {world['programme_names'][programme]}")
    lines += ["", "CÔNG VIỆC:"] + [f"- {duty}" for duty in rng.sample(concept["duties"], k=2)]
    lines += ["", "YÊU CẦU VÀ QUYỀN LỢI:"]
    lines += [f"- {line.format(months=months, exam_place=exam_place)}" for line in rng.sample(world["overseas_lines"], k=4)]
    if country["language"][programme]:
        lines.append(f"- Yêu cầu ngoại ngữ: {country['language'][programme]}")
    lines.append(_apply_line(rng, world, employer))
    return "\n".join(lines)
