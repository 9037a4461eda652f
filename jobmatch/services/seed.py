"""Deterministic Vietnamese demo data: centres and their officers, employers, vacancies at home and abroad, job seekers,
priority statuses, consents, applications with their placements and follow-ups, and demo accounts."""
import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select

from jobmatch.extensions import db
from jobmatch.models.account import Account
from jobmatch.models.application import Application, ApplicationEvent, Placement, PlacementFollowUp
from jobmatch.models.centre import Centre
from jobmatch.models.consent import CONSENT_PURPOSES, Consent
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker, PriorityStatus
from jobmatch.models.overseas import OverseasCase, OverseasCaseEvent, Programme
from jobmatch.models.place import Province, Ward
from jobmatch.models.vacancy import Vacancy
from jobmatch.rules.clock import utc_now, vietnam_today
from jobmatch.rules.overseas import service_fee_cap
from jobmatch.services.account import hash_password

FAMILY_NAMES = [("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 4), ("Huỳnh", 3), ("Phan", 4), ("Vũ", 3),
                ("Võ", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1), ("Ngô", 1), ("Dương", 1), ("Lý", 1)]
MINORITY_FAMILY_NAMES = [
    "Lò",
    "Hà",
    "Sùng",
    "Giàng",
    "Vàng",
    "Lầu",
    "Mùa",
    "Lường",
    "Quàng",
    "Điêu",
    "Nông",
    "Triệu",
    "Ksor",
    "Rơ Châm",
    "Y",
]
MIDDLE_NAMES = {
    "male": ["Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Công", "Xuân"],
    "female": ["Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hoài", "Kim", "Mỹ"],
}
GIVEN_NAMES = {
    "male": [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Duy",
        "Hải",
        "Hiếu",
        "Hùng",
        "Huy",
        "Khánh",
        "Long",
        "Minh",
        "Nam",
        "Phong",
        "Phúc",
        "Quân",
        "Sơn",
        "Tài",
        "Thắng",
        "Trung",
        "Tuấn",
        "Việt",
        "Vinh",
        "Đạt",
    ],
    "female": [
        "Anh",
        "Chi",
        "Dung",
        "Giang",
        "Hà",
        "Hạnh",
        "Hoa",
        "Hương",
        "Lan",
        "Linh",
        "Mai",
        "Nga",
        "Ngọc",
        "Nhung",
        "Phương",
        "Quỳnh",
        "Tâm",
        "Thảo",
        "Trang",
        "Vân",
        "Yến",
        "Uyên",
    ],
}
# General Statistics Office codes (reference table ethnic_group) of the larger minority groups of the mountain provinces.
ETHNIC_GROUP_CODES = ["02", "03", "05", "06", "07", "08", "09", "10", "12", "13", "16", "18", "29"]
BRANDS = [
    "Minh Phát",
    "Hoàng Long",
    "Thành Công",
    "Việt Tiến",
    "An Khang",
    "Phú Thịnh",
    "Đại Dương",
    "Sao Mai",
    "Trường Hải",
    "Hưng Thịnh",
    "Tân Á",
    "Bảo Minh",
    "Nam Việt",
    "Hòa Bình",
    "Thiên Long",
    "Kim Cương",
    "Đông Á",
    "Phương Nam",
    "Sông Hồng",
    "Ánh Dương",
    "Lộc Phát",
    "Hải Đăng",
    "Tiến Thành",
    "Vạn Xuân",
    "Quốc Thịnh",
    "Hồng Hà",
    "Mekong",
    "Tây Bắc",
    "Đất Việt",
    "Toàn Cầu",
]
COMPANY_FORMS = ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Doanh nghiệp tư nhân"]
SIZES = ["micro", "small", "medium", "large"]

# (ISCO-08 unit group, titles, sector, skills, salary range in million VND per month, employment types)
OCCUPATIONS = [
    (
        "8153",
        ["Công nhân may", "Thợ may công nghiệp", "Công nhân may mẫu"],
        "Dệt may",
        ["may máy 1 kim", "may máy 2 kim", "vắt sổ", "đọc rập", "kiểm hàng"],
        (6.5, 11),
        ["full_time"],
    ),
    (
        "7212",
        ["Thợ hàn", "Thợ hàn TIG/MIG", "Thợ hàn kết cấu thép"],
        "Cơ khí",
        ["hàn TIG", "hàn MIG", "hàn hồ quang", "đọc bản vẽ kỹ thuật", "cắt kim loại"],
        (9, 18),
        ["full_time", "contract"],
    ),
    (
        "2411",
        ["Kế toán tổng hợp", "Kế toán viên", "Kế toán thuế", "Kế toán kho"],
        "Dịch vụ",
        ["MISA", "Excel", "báo cáo thuế", "hóa đơn điện tử", "kế toán công nợ"],
        (8, 20),
        ["full_time"],
    ),
    (
        "4321",
        ["Nhân viên kho", "Thủ kho", "Nhân viên xuất nhập kho"],
        "Logistics",
        ["quản lý kho", "xuất nhập kho", "Excel", "lái xe nâng"],
        (7, 12),
        ["full_time"],
    ),
    (
        "8332",
        ["Lái xe tải", "Tài xế xe tải hạng C", "Lái xe container"],
        "Vận tải",
        ["bằng lái hạng C", "bằng lái hạng FC", "an toàn giao thông"],
        (10, 20),
        ["full_time"],
    ),
    (
        "8322",
        ["Lái xe con", "Tài xế riêng", "Lái xe đưa đón công nhân"],
        "Vận tải",
        ["bằng lái hạng B2", "thông thạo đường phố"],
        (8, 14),
        ["full_time", "part_time"],
    ),
    (
        "5120",
        ["Đầu bếp", "Phụ bếp", "Đầu bếp món Việt"],
        "Nhà hàng – khách sạn",
        ["nấu món Việt", "an toàn thực phẩm", "sơ chế"],
        (7, 15),
        ["full_time", "part_time"],
    ),
    (
        "5131",
        ["Nhân viên phục vụ", "Phục vụ nhà hàng", "Nhân viên phục vụ bàn"],
        "Nhà hàng – khách sạn",
        ["giao tiếp", "phục vụ bàn", "tiếng Anh giao tiếp"],
        (5, 8),
        ["part_time", "full_time", "seasonal"],
    ),
    (
        "5223",
        ["Nhân viên bán hàng", "Nhân viên tư vấn bán hàng", "Thu ngân siêu thị"],
        "Bán lẻ",
        ["tư vấn bán hàng", "thu ngân", "giao tiếp"],
        (6, 10),
        ["full_time", "part_time"],
    ),
    (
        "3322",
        ["Nhân viên kinh doanh", "Nhân viên kinh doanh B2B", "Đại diện thương mại"],
        "Thương mại",
        ["đàm phán", "chăm sóc khách hàng", "lập kế hoạch bán hàng"],
        (8, 25),
        ["full_time"],
    ),
    (
        "2512",
        ["Lập trình viên Python", "Lập trình viên Java", "Lập trình viên web"],
        "Công nghệ thông tin",
        ["Python", "Java", "JavaScript", "SQL", "Git"],
        (15, 40),
        ["full_time"],
    ),
    (
        "7411",
        ["Thợ điện", "Thợ điện công nghiệp", "Kỹ thuật viên điện"],
        "Xây dựng",
        ["điện dân dụng", "điện công nghiệp", "đọc bản vẽ điện"],
        (8, 15),
        ["full_time", "contract"],
    ),
    ("7112", ["Thợ xây", "Thợ hồ", "Thợ ốp lát"], "Xây dựng", ["xây trát", "ốp lát", "đọc bản vẽ"], (9, 15), ["contract", "seasonal"]),
    ("9313", ["Lao động phổ thông công trình", "Phụ hồ"], "Xây dựng", ["sức khỏe tốt", "làm việc nhóm"], (7, 10), ["seasonal", "contract"]),
    (
        "8212",
        ["Công nhân lắp ráp điện tử", "Công nhân sản xuất linh kiện", "Công nhân SMT"],
        "Điện tử",
        ["hàn thiếc", "kiểm tra ngoại quan", "lắp ráp linh kiện"],
        (7, 11),
        ["full_time"],
    ),
    (
        "9329",
        ["Lao động phổ thông", "Công nhân đóng gói", "Công nhân sản xuất"],
        "Sản xuất",
        ["đóng gói", "sức khỏe tốt", "làm ca"],
        (6, 9),
        ["full_time", "seasonal"],
    ),
    (
        "8160",
        ["Công nhân chế biến thủy sản", "Công nhân chế biến thực phẩm"],
        "Thực phẩm",
        ["phi lê cá", "an toàn thực phẩm", "đóng gói"],
        (6.5, 10),
        ["full_time", "seasonal"],
    ),
    (
        "6111",
        ["Lao động trồng trọt", "Công nhân nông trường", "Công nhân trồng rau"],
        "Nông nghiệp",
        ["trồng rau", "chăm sóc cây trồng", "vận hành máy nông nghiệp"],
        (5, 8),
        ["seasonal", "full_time"],
    ),
    (
        "6221",
        ["Công nhân nuôi trồng thủy sản", "Kỹ thuật viên nuôi tôm"],
        "Thủy sản",
        ["nuôi tôm", "quản lý ao nuôi"],
        (7, 12),
        ["full_time"],
    ),
    (
        "5321",
        ["Hộ lý", "Nhân viên chăm sóc người cao tuổi", "Điều dưỡng viên chăm sóc"],
        "Y tế",
        ["chăm sóc người cao tuổi", "sơ cứu", "giao tiếp"],
        (7, 12),
        ["full_time"],
    ),
    (
        "2221",
        ["Điều dưỡng", "Điều dưỡng viên"],
        "Y tế",
        ["chứng chỉ hành nghề", "tiêm truyền", "chăm sóc bệnh nhân"],
        (9, 16),
        ["full_time"],
    ),
    (
        "4222",
        ["Nhân viên chăm sóc khách hàng", "Nhân viên tổng đài"],
        "Dịch vụ",
        ["giao tiếp qua điện thoại", "tin học văn phòng", "xử lý khiếu nại"],
        (7, 11),
        ["full_time", "part_time"],
    ),
    (
        "4110",
        ["Nhân viên hành chính", "Nhân viên văn phòng"],
        "Dịch vụ",
        ["tin học văn phòng", "soạn thảo văn bản", "lưu trữ hồ sơ"],
        (7, 11),
        ["full_time"],
    ),
    (
        "7231",
        ["Thợ sửa chữa ô tô", "Kỹ thuật viên ô tô"],
        "Ô tô",
        ["sửa chữa động cơ", "điện ô tô", "bảo dưỡng xe"],
        (9, 18),
        ["full_time"],
    ),
    ("7522", ["Thợ mộc", "Công nhân chế biến gỗ"], "Gỗ", ["đóng đồ gỗ", "vận hành máy cưa", "sơn gỗ"], (8, 14), ["full_time"]),
    ("5414", ["Nhân viên bảo vệ", "Bảo vệ ca đêm"], "Dịch vụ", ["tuần tra", "phòng cháy chữa cháy"], (6, 9), ["full_time"]),
    (
        "9112",
        ["Nhân viên tạp vụ", "Nhân viên vệ sinh công nghiệp"],
        "Dịch vụ",
        ["vệ sinh công nghiệp", "chăm chỉ"],
        (5, 7.5),
        ["full_time", "part_time"],
    ),
    (
        "2431",
        ["Nhân viên marketing", "Chuyên viên marketing online"],
        "Thương mại",
        ["quảng cáo Facebook", "viết nội dung", "SEO"],
        (9, 20),
        ["full_time"],
    ),
    (
        "2341",
        ["Giáo viên tiểu học", "Giáo viên dạy thêm"],
        "Giáo dục",
        ["sư phạm tiểu học", "soạn giáo án"],
        (7, 12),
        ["full_time", "part_time"],
    ),
    (
        "9333",
        ["Nhân viên bốc xếp", "Công nhân bốc xếp hàng hóa"],
        "Logistics",
        ["bốc xếp", "sức khỏe tốt"],
        (7, 11),
        ["full_time", "seasonal"],
    ),
]

# (country, programme, ISCO, titles, skills, language requirement, certificate, salary range in million VND, contract months,
#  fee in million VND)
OVERSEAS = [
    (
        "KR",
        "EPS",
        "9329",
        ["Lao động sản xuất chế tạo tại Hàn Quốc (EPS)"],
        ["làm ca", "sức khỏe tốt"],
        "EPS-TOPIK đạt",
        "EPS-TOPIK",
        (45, 55),
        58,
        0,
    ),
    (
        "KR",
        "EPS",
        "6111",
        ["Lao động nông nghiệp tại Hàn Quốc (EPS)"],
        ["trồng rau", "chăm sóc cây trồng"],
        "EPS-TOPIK đạt",
        "EPS-TOPIK",
        (42, 50),
        58,
        0,
    ),
    (
        "KR",
        "EPS",
        "6221",
        ["Thuyền viên đánh bắt ven bờ Hàn Quốc (EPS)"],
        ["đánh bắt thủy sản", "bơi lội"],
        "EPS-TOPIK đạt",
        "EPS-TOPIK",
        (45, 55),
        58,
        0,
    ),
    (
        "JP",
        "TITP",
        "8160",
        ["Thực tập sinh chế biến thực phẩm tại Nhật Bản"],
        ["an toàn thực phẩm", "đóng gói"],
        "JLPT N5",
        "JLPT",
        (28, 35),
        36,
        60,
    ),
    (
        "JP",
        "SSW",
        "5321",
        ["Kỹ năng đặc định điều dưỡng (kaigo) tại Nhật Bản"],
        ["chăm sóc người cao tuổi", "giao tiếp"],
        "JLPT N4",
        "JLPT",
        (35, 45),
        60,
        70,
    ),
    ("JP", "TITP", "7212", ["Thực tập sinh hàn tại Nhật Bản"], ["hàn TIG", "hàn MIG"], "JLPT N5", "JLPT", (30, 38), 36, 65),
    ("JP", "TITP", "7112", ["Thực tập sinh xây dựng tại Nhật Bản"], ["xây trát", "cốp pha"], "JLPT N5", "JLPT", (30, 36), 36, 60),
    (
        "TW",
        "TW",
        "8212",
        ["Công nhân nhà máy điện tử tại Đài Loan"],
        ["lắp ráp linh kiện", "kiểm tra ngoại quan"],
        None,
        None,
        (20, 26),
        36,
        45,
    ),
    ("TW", "TW", "9329", ["Lao động phổ thông nhà máy tại Đài Loan"], ["làm ca", "đóng gói"], None, None, (19, 24), 36, 45),
]
BENEFITS = [
    "Đóng BHXH, BHYT, BHTN đầy đủ",
    "Thưởng tháng 13",
    "Hỗ trợ nhà ở",
    "Có xe đưa đón",
    "Phụ cấp ăn ca",
    "Tăng lương hằng năm",
    "Được đào tạo tay nghề",
]
REQUIREMENTS = ["Sức khỏe tốt", "Tuổi từ 18 đến 45", "Chăm chỉ, trung thực", "Chấp nhận làm ca", "Tốt nghiệp THCS trở lên"]
# Wards are drawn from these provinces more often: industrial zones for vacancies, poorer mountain provinces for job seekers.
VACANCY_PROVINCE_WEIGHTS = {"79": 20, "01": 18, "31": 8, "24": 7, "75": 6, "48": 4, "22": 3, "38": 3}
MOUNTAIN_PROVINCES = ("04", "08", "11", "12", "14", "15", "20", "52", "66")
SEEKER_PROVINCE_WEIGHTS = {**{code: 2 for code in MOUNTAIN_PROVINCES}, "79": 8, "01": 8, "38": 3}
EDUCATION = [("primary", 10), ("lower_secondary", 30), ("upper_secondary", 30), ("vocational", 12), ("college", 8), ("university", 10)]


def seed_demo_data(*, employers=200, vacancies=2000, job_seekers=5000, applications=0, overseas_cases=0, seed=2025,
                   progress=None, only_if_empty=False):
    """Insert demo rows in bulk; returns counts, or None when only_if_empty and vacancies exist already.

    The same seed on the same day gives the same data. Bulk inserts bypass the outbox, so the caller rebuilds the
    indexes afterwards (reconciliation would catch them too).
    """
    if only_if_empty and db.session.scalar(select(func.count()).select_from(Vacancy)):
        return None
    rng = random.Random(seed)
    wards = db.session.execute(select(Ward.code, Ward.province_code)).all()
    if not wards:
        raise RuntimeError("No administrative units: run `flask reference load` first")
    vacancy_wards = _weighted_wards(wards, VACANCY_PROVINCE_WEIGHTS)
    seeker_wards = _weighted_wards(wards, SEEKER_PROVINCE_WEIGHTS)
    today = vietnam_today()
    now = utc_now()
    province_of_ward = dict(wards)
    centres, officers = _centres_and_officers(progress)
    first_tax_number = (db.session.scalar(select(func.count()).select_from(Employer)) or 0) + 1

    employer_rows = [_employer(rng, index, first_tax_number + index, vacancy_wards, now) for index in range(employers)]
    for row in employer_rows:
        if row["verified"]:
            row["verified_by_id"], row["verified_at"] = officers[province_of_ward[row["ward_code"]]], now
    db.session.execute(insert(Employer), employer_rows)
    employer_ids = db.session.scalars(select(Employer.id).order_by(Employer.id.desc()).limit(employers)).all()
    employer_ids.sort()
    agency_ids = [employer_id for employer_id, row in zip(employer_ids, employer_rows, strict=True) if row["overseas_licence"]]
    domestic_ids = [employer_id for employer_id, row in zip(employer_ids, employer_rows, strict=True) if not row["overseas_licence"]]
    _report(progress, "employers", employers, employers)

    for start in range(0, vacancies, 5000):
        batch = [
            _vacancy(rng, domestic_ids, agency_ids, vacancy_wards, today, now)
            for _ in range(start, min(start + 5000, vacancies))
        ]
        db.session.execute(insert(Vacancy), batch)
        _report(progress, "vacancies", start + len(batch), vacancies)

    first_seeker = db.session.scalar(select(func.coalesce(func.max(JobSeeker.id), 0)))
    if first_seeker + job_seekers > 999_999:
        raise ValueError("Demo citizen IDs have six serial digits: at most 999,999 job seekers in all")
    statuses, first_id, seekers = 0, None, []
    # Registrations over the past year, stored in the order they happened, as a live exchange stores them.
    registered = sorted(now - timedelta(days=rng.randint(0, 365), minutes=rng.randint(0, 1439)) for _ in range(job_seekers))
    for start in range(0, job_seekers, 5000):
        count = min(5000, job_seekers - start)
        drawn = [_job_seeker(rng, first_seeker + start + offset, seeker_wards, today, now) for offset in range(count)]
        for offset, (row, _) in enumerate(drawn):
            row["centre_id"] = centres[province_of_ward[row["ward_code"]]]
            row["created_at"] = registered[start + offset]
        ids = _insert_returning_ids(JobSeeker, [row for row, _ in drawn])
        first_id = first_id or ids[0]
        seekers += [(job_seeker_id, row["created_at"], officers[province_of_ward[row["ward_code"]]])
                    for job_seeker_id, (row, _) in zip(ids, drawn, strict=True)]
        status_rows = [
            status
            for job_seeker_id, (row, minority) in zip(ids, drawn, strict=True)
            for status in _priority_statuses(rng, job_seeker_id, minority, officers[province_of_ward[row["ward_code"]]], today, now)
        ]
        if status_rows:
            db.session.execute(insert(PriorityStatus), status_rows)
        db.session.execute(insert(Consent), _consents(rng, ids, now))
        statuses += len(status_rows)
        _report(progress, "job seekers", start + count, job_seekers)
    if applications and seekers:
        seeded_vacancies = db.session.execute(
            select(Vacancy.id, Vacancy.posted_at).where(Vacancy.status != "draft").order_by(Vacancy.id.desc()).limit(vacancies)
        ).all()
        _applications(rng, applications, seekers, seeded_vacancies, now, progress)
    if overseas_cases and seekers:
        overseas_cases = _overseas_cases(rng, overseas_cases, seekers, agency_ids, today, progress)
    if first_id:
        _demo_accounts(first_id, employer_ids[0])
    db.session.commit()
    return {"employers": employers, "vacancies": vacancies, "job_seekers": job_seekers, "priority_statuses": statuses,
            "applications": applications if seekers else 0, "overseas_cases": overseas_cases if seekers else 0,
            "centres": len(centres)}


# Programmes' shares of the seeded cases, and the chance that a case goes on from one stage to the next.
CASE_PROGRAMMES = {"EPS": 5, "TITP": 3, "SSW": 1, "TW": 1}
CASE_GOES_ON = 0.8
FEE_ABOVE_CAP_SHARE = 0.08  # of contracts through an agency: the figure the statistics report so it can be driven to zero


def _overseas_cases(rng, count, seekers, agency_ids, today, progress):
    """Cases of seeded job seekers in the loaded programmes, each step 20 to 90 days after the last, stopping (failed
    or withdrawn) at random or when today is reached; returns how many were made (none without programmes).

    The eligibility verdicts are left empty: the demo opens cases without judging the made-up profiles."""
    programmes = {programme.code: programme for programme in db.session.scalars(select(Programme))}
    codes = [code for code in CASE_PROGRAMMES if code in programmes]
    if not codes:
        return 0
    case_rows, paths = [], []
    for job_seeker_id, registered_at, officer_id in rng.sample(seekers, min(count, len(seekers))):
        programme = programmes[rng.choices(codes, weights=[CASE_PROGRAMMES[code] for code in codes])[0]]
        version = programme.current
        day = max(registered_at.date(), today - timedelta(days=730))
        day += timedelta(days=rng.randint(0, min(200, max(0, (today - day).days))))
        steps = [(version.stages[0], day)]
        for stage in version.stages[1:]:
            # A return comes after the contract (36 months here); every other step 20 to 90 days after the last.
            day += timedelta(days=36 * 30 + rng.randint(0, 60) if stage["kind"] == "return" else rng.randint(20, 90))
            if day > today or rng.random() > CASE_GOES_ON:
                break
            steps.append((stage, day))
        last_stage, last_day = steps[-1]
        completed = len(steps) == len(version.stages)
        closed = not completed and rng.random() < 0.5 and last_day + timedelta(days=30) <= today
        row = {
            "job_seeker_id": job_seeker_id, "programme_id": programme.id, "programme_version_id": version.id,
            "stage": last_stage["code"], "stage_entered_on": last_day, "eligibility": [], "opened_by_id": officer_id,
            "status": "completed" if completed else ("closed" if closed else "active"),
            "close_reason": ("failed" if "test" in last_stage["code"] else "withdrew") if closed else None,
            "closed_on": last_day + timedelta(days=30) if closed else None, "version": 1,
        }
        if any(stage.get("contract") for stage, _ in steps):
            salary = rng.randint(28, 45) * 1_000_000
            months = 36
            cap = service_fee_cap(version.rules, monthly_salary=salary, contract_months=months)
            paid = 0
            if cap:  # EPS's cap is 0: no service fee
                above = rng.random() < FEE_ABOVE_CAP_SHARE
                paid = cap + rng.randint(1, 30) * 1_000_000 if above else int(cap * rng.uniform(0.5, 1.0))
            row.update(agency_id=rng.choice(agency_ids) if agency_ids and programme.code != "EPS" else None,
                       contract_months=months, monthly_salary_vnd=salary, service_fee_cap_vnd=cap, service_fee_paid_vnd=paid)
        case_rows.append(row)
        paths.append((steps, row["close_reason"], row["closed_on"], officer_id))
    case_ids = _insert_returning_ids(OverseasCase, case_rows)
    events = []
    for case_id, (steps, close_reason, closed_on, officer_id) in zip(case_ids, paths, strict=True):
        events += [{"case_id": case_id, "stage": stage["code"], "stage_kind": stage["kind"], "happened_on": day,
                    "document": f"{stage['name_vi']} (dữ liệu mẫu)", "recorded_by_id": officer_id} for stage, day in steps]
        if close_reason:
            events.append({"case_id": case_id, "stage": "closed", "stage_kind": "closed", "happened_on": closed_on,
                           "document": "Đơn rút hồ sơ (dữ liệu mẫu)", "recorded_by_id": officer_id,
                           "close_reason": close_reason})
    if events:
        db.session.execute(insert(OverseasCaseEvent), events)
    _report(progress, "overseas cases", len(case_ids), len(case_ids))
    return len(case_ids)


# Demo accounts all share this password; `flask seed` prints it. Never seed a production database.
DEMO_PASSWORD = "jobmatch-demo-2026"
DEMO_EMAIL_DOMAIN = "demo.jobmatch.vn"


def _centres_and_officers(progress):
    """One employment service centre per province, each with one officer account ({province code} → id, twice)."""
    password_hash = hash_password(DEMO_PASSWORD)
    centres, officers = {}, {}
    for province in db.session.scalars(select(Province).order_by(Province.code)):
        centre = db.session.scalar(select(Centre).where(Centre.province_code == province.code).order_by(Centre.id).limit(1))
        if centre is None:
            centre = Centre(name=f"Trung tâm Dịch vụ việc làm {province.name}", province_code=province.code)
            db.session.add(centre)
            db.session.flush()
        email = f"can-bo-{province.code}@{DEMO_EMAIL_DOMAIN}"
        officer = db.session.scalar(select(Account).where(Account.email == email))
        if officer is None:
            officer = Account(role="officer", email=email, password_hash=password_hash, centre_id=centre.id,
                              display_name=f"Cán bộ {centre.name}")
            db.session.add(officer)
            db.session.flush()
        centres[province.code], officers[province.code] = centre.id, officer.id
    if not db.session.scalar(select(Account.id).where(Account.email == f"admin@{DEMO_EMAIL_DOMAIN}")):
        db.session.add(Account(role="admin", email=f"admin@{DEMO_EMAIL_DOMAIN}", password_hash=password_hash,
                               display_name="Quản trị hệ thống"))
    _report(progress, "centres", len(centres), len(centres))
    return centres, officers


def _consents(rng, job_seeker_ids, now):
    """Most people agree to show their profile to employers; fewer to use a priority status in ranking."""
    rows = []
    for job_seeker_id in job_seeker_ids:
        for purpose, share in (("show_profile", 0.8), ("priority_ranking", 0.6)):
            if rng.random() < share:
                rows.append({"job_seeker_id": job_seeker_id, "purpose": purpose, "version": CONSENT_PURPOSES[purpose],
                             "given_at": now})
    return rows


# Where applications end, in shares of a hundred, and the statuses each passes through on the way.
APPLICATION_OUTCOMES = [("submitted", 25), ("viewed", 12), ("shortlisted", 8), ("interviewed", 5), ("offered", 2),
                        ("hired", 18), ("rejected", 25), ("withdrawn", 5)]
APPLICATION_PATHS = {
    "submitted": ["submitted"], "viewed": ["submitted", "viewed"], "shortlisted": ["submitted", "viewed", "shortlisted"],
    "interviewed": ["submitted", "viewed", "shortlisted", "interviewed"],
    "offered": ["submitted", "viewed", "shortlisted", "interviewed", "offered"],
    "hired": ["submitted", "viewed", "shortlisted", "interviewed", "offered", "hired"],
    "rejected": ["submitted", "viewed", "rejected"], "withdrawn": ["submitted", "withdrawn"],
}


def _applications(rng, count, seekers, vacancies, now, progress, batch_size=20_000):
    """Applications (a fifth of them referrals by the person's centre) with their dated histories; hires get a
    placement a few days to two months later, and those hired long enough ago their 3- and 6-month follow-ups.
    They are drawn first and stored in the order they were made, as a live exchange stores them."""
    if count > len(seekers) * len(vacancies) // 2:
        raise ValueError(f"{count:,} applications need more job seekers and vacancies (each pair applies once)")
    pairs, drawn = set(), []
    statuses, weights = [s for s, _ in APPLICATION_OUTCOMES], [w for _, w in APPLICATION_OUTCOMES]
    for _ in range(count):
        while True:
            seeker_id, registered_at, officer_id = rng.choice(seekers)
            vacancy_id, posted_at = rng.choice(vacancies)
            if (seeker_id, vacancy_id) not in pairs:
                break
        pairs.add((seeker_id, vacancy_id))
        created_at = min(max(registered_at, posted_at) + timedelta(minutes=rng.randint(0, 30 * 1440)), now)
        drawn.append((created_at, seeker_id, vacancy_id, officer_id, rng.choices(statuses, weights)[0],
                      rng.randint(3, 60), rng.random() < 0.2))
    drawn.sort()
    for start in range(0, count, batch_size):
        applications, paths, hires = [], [], []
        for created_at, seeker_id, vacancy_id, officer_id, status, days_to_hire, referral in drawn[start:start + batch_size]:
            hire_date = (created_at + timedelta(days=days_to_hire)).date()
            if status == "hired" and hire_date > now.date():
                status = "offered"
            path = APPLICATION_PATHS[status]
            moments = [min(created_at + timedelta(days=step * 2), now) for step in range(len(path))]
            applications.append({
                "vacancy_id": vacancy_id, "job_seeker_id": seeker_id, "status": status,
                "source": "referral" if referral else "self", "referred_by_id": officer_id if referral else None,
                "rejection_reason": "qualifications" if status == "rejected" else None,
                "created_at": created_at, "updated_at": moments[-1], "version": len(path),
            })
            paths.append((path, moments))
            hires.append((hire_date, officer_id) if status == "hired" else None)
        application_ids = _insert_returning_ids(Application, applications)
        db.session.execute(insert(ApplicationEvent), [
            {"application_id": application_id, "from_status": previous, "to_status": step, "at": at,
             "reason": "qualifications" if step == "rejected" else None}
            for application_id, (path, moments) in zip(application_ids, paths, strict=True)
            for previous, step, at in zip([None, *path], path, moments, strict=False)
        ])
        placements = [
            {"application_id": application_id, "hire_date": hire[0], "employer_confirmed": True, "confirmed_by_id": hire[1],
             "confirmed_at": now}
            for application_id, hire in zip(application_ids, hires, strict=True) if hire
        ]
        follow_ups = [
            {"placement_id": placement_id, "months": months, "still_employed": rng.random() < still_share,
             "recorded_by_id": placement["confirmed_by_id"], "recorded_at": now}
            for placement_id, placement in zip(_insert_returning_ids(Placement, placements), placements, strict=True)
            for months, still_share in ((3, 0.8), (6, 0.7))
            if placement["hire_date"] + timedelta(days=months * 30) <= now.date() and rng.random() < 0.85
        ]
        if follow_ups:
            db.session.execute(insert(PlacementFollowUp), follow_ups)
        _report(progress, "applications", start + len(applications), count)


def _insert_returning_ids(model, rows):
    """Bulk-insert rows and return their new ids in order (ids grow in insertion order on SQLite and PostgreSQL)."""
    if not rows:
        return []
    db.session.execute(insert(model), rows)
    return db.session.scalars(select(model.id).order_by(model.id.desc()).limit(len(rows))).all()[::-1]


def _demo_accounts(first_job_seeker_id, first_employer_id):
    """A job seeker's and an employer's account to try the site with, on the first seeded profile and company."""
    password_hash = hash_password(DEMO_PASSWORD)
    job_seeker = db.session.get(JobSeeker, first_job_seeker_id)
    for role, email, fields in (
        ("job_seeker", f"nguoi-lao-dong@{DEMO_EMAIL_DOMAIN}", {"job_seeker_id": first_job_seeker_id,
                                                               "display_name": job_seeker.full_name}),
        ("employer", f"doanh-nghiep@{DEMO_EMAIL_DOMAIN}", {"employer_id": first_employer_id, "display_name": "Phòng nhân sự"}),
    ):
        if not db.session.scalar(select(Account.id).where(Account.email == email)):
            db.session.add(Account(role=role, email=email, password_hash=password_hash, **fields))


def _report(progress, what, done, total):
    if progress:
        progress(what, done, total)


def _weighted_wards(wards, province_weights):
    by_province = {}
    for code, province_code in wards:
        by_province.setdefault(province_code, []).append(code)
    provinces = sorted(by_province)
    weights = [province_weights.get(code, 1) for code in provinces]
    return provinces, weights, by_province


def _pick_ward(rng, weighted):
    provinces, weights, by_province = weighted
    province = rng.choices(provinces, weights)[0]
    return rng.choice(by_province[province]), province


def _person_name(rng, minority=False):
    gender = rng.choice(("male", "female"))
    family = rng.choice(MINORITY_FAMILY_NAMES) if minority else rng.choices([n for n, _ in FAMILY_NAMES], [w for _, w in FAMILY_NAMES])[0]
    return gender, f"{family} {rng.choice(MIDDLE_NAMES[gender])} {rng.choice(GIVEN_NAMES[gender])}"


def _employer(rng, index, tax_number, wards, now):
    agency = index % 10 == 9
    if agency:
        name = f"Công ty Cổ phần Cung ứng Nhân lực Quốc tế {rng.choice(BRANDS)}"
        sector = "Đưa người lao động đi làm việc ở nước ngoài"
    else:
        occupation = rng.choice(OCCUPATIONS)
        sector = occupation[2]
        name = f"{rng.choice(COMPANY_FORMS)} {sector} {rng.choice(BRANDS)}"
    return {
        "name": name,
        "tax_code": f"{tax_number:010d}",
        "sector": sector,
        "size": rng.choice(SIZES),
        "ward_code": _pick_ward(rng, wards)[0],
        "verified": rng.random() < 0.85,
        "overseas_licence": f"{rng.randint(1, 450):03d}/LĐTBXH-GP" if agency else None,
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }


def _vacancy(rng, domestic_ids, agency_ids, wards, today, now):
    posted_days_ago = rng.randint(0, 60)
    posted_at = now - timedelta(days=posted_days_ago, minutes=rng.randint(0, 1439))
    deadline = today - timedelta(days=posted_days_ago) + timedelta(days=rng.randint(20, 90))
    status = rng.choices(["open", "closed", "filled", "draft"], [88, 5, 5, 2])[0]
    common = {
        "posted_at": posted_at, "updated_at": posted_at, "deadline": deadline, "status": status, "version": 1,
        "openings": rng.choice([1, 1, 2, 3, 5, 10, 20, 50]),
        "welcomes_priority": rng.random() < 0.3,
        "training_provided": rng.random() < 0.35,
    }
    if agency_ids and rng.random() < 0.08:
        country, programme, isco, titles, skills, language, _, (low, high), months, fee = rng.choice(OVERSEAS)
        # The service fee within the cap (EPS charges none), the rest for training, travel, visa and health check.
        service = min(fee * 1_000_000 // 2, low * 1_000_000 * min(months, 36) // 12) if fee else 0
        fees = [item for item in (
            {"kind": "service", "amount_vnd": service},
            {"kind": "training", "amount_vnd": (fee * 1_000_000 - service) // 2},
            {"kind": "travel", "amount_vnd": fee * 1_000_000 - service - (fee * 1_000_000 - service) // 2},
            {"kind": "visa_health", "amount_vnd": 4_500_000},
        ) if item["amount_vnd"]]
        description = (
            f"Chương trình {programme}, hợp đồng {months} tháng. Yêu cầu: {', '.join(rng.sample(REQUIREMENTS, 2)).lower()}"
            f"{'; ' + language if language else ''}. Người lao động được ký hợp đồng, đóng bảo hiểm theo luật nước sở tại."
        )
        return {
            **common, "employer_id": rng.choice(agency_ids), "title": rng.choice(titles), "description": description,
            "isco_code": isco, "skills": skills, "ward_code": None, "salary_min": int(low * 1_000_000),
            "salary_max": int(high * 1_000_000), "salary_negotiable": False, "employment_type": "contract",
            "no_experience_required": True, "is_overseas": True, "destination_country": country, "programme": programme,
            "contract_months": months, "fees": fees, "worker_fees_vnd": sum(item["amount_vnd"] for item in fees),
            "language_requirement": language,
        }
    isco, titles, sector, skills, (low, high), types = rng.choice(OCCUPATIONS)
    salary_min = int(round(rng.uniform(low, (low + high) / 2), 1) * 1_000_000)
    salary_max = int(round(rng.uniform((low + high) / 2, high), 1) * 1_000_000)
    negotiable = rng.random() < 0.1
    picked = rng.sample(skills, k=min(len(skills), rng.randint(1, 3)))
    title = rng.choice(titles)
    description = (
        f"Tuyển {title} làm việc trong lĩnh vực {sector.lower()}; yêu cầu {', '.join(picked)}.\n"
        f"Yêu cầu: {', '.join(rng.sample(REQUIREMENTS, 2)).lower()}.\n"
        f"Quyền lợi: {', '.join(rng.sample(BENEFITS, 3)).lower()}."
    )
    return {
        **common, "employer_id": rng.choice(domestic_ids), "title": title, "description": description,
        "isco_code": isco, "skills": picked, "ward_code": _pick_ward(rng, wards)[0],
        "salary_min": None if negotiable else salary_min, "salary_max": None if negotiable else salary_max,
        "salary_negotiable": negotiable, "employment_type": rng.choice(types),
        "no_experience_required": rng.random() < 0.4, "is_overseas": False, "destination_country": None, "programme": None,
        "contract_months": None, "worker_fees_vnd": None, "language_requirement": None,
    }


def _job_seeker(rng, sequence, wards, today, now):
    """A profile row, and whether the person belongs to an ethnic minority (recorded only as a priority status)."""
    ward_code, province_code = _pick_ward(rng, wards)
    minority = province_code in MOUNTAIN_PROVINCES and rng.random() < 0.5
    gender, name = _person_name(rng, minority)
    age = rng.randint(18, 55)
    birth_year = today.year - age
    century_digit = (0 if birth_year < 2000 else 2) + (1 if gender == "female" else 0)
    occupations = rng.sample(OCCUPATIONS, k=rng.choice([1, 1, 2]))
    abroad = rng.random() < 0.2 and age <= 39
    countries = sorted(rng.sample(["KR", "JP", "TW"], k=rng.randint(1, 2))) if abroad else []
    languages = []
    if "KR" in countries and rng.random() < 0.5:
        languages.append({"language": "ko", "certificate": "EPS-TOPIK", "level": str(rng.randint(120, 200))})
    if "JP" in countries and rng.random() < 0.5:
        languages.append({"language": "ja", "certificate": "JLPT", "level": rng.choice(["N5", "N4", "N3"])})
    low, high = occupations[0][4]
    return {
        "full_name": name,
        "citizen_id": f"0{province_code}{century_digit}{birth_year % 100:02d}{sequence:06d}",
        "phone": f"+849{rng.randint(0, 99_999_999):08d}",
        "birth_date": datetime(birth_year, rng.randint(1, 12), rng.randint(1, 28), tzinfo=UTC).date(),
        "ward_code": ward_code,
        "education_level": rng.choices([e for e, _ in EDUCATION], [w for _, w in EDUCATION])[0],
        "desired_isco_codes": [occupation[0] for occupation in occupations],
        "skills": sorted({skill for occupation in occupations for skill in rng.sample(occupation[3], k=min(2, len(occupation[3])))}),
        "experience_years": rng.choice([0, 0, 1, 2, 3, 5, 8, 12]),
        "languages": languages,
        "expected_salary": int(rng.uniform(low, high) * 1_000_000) // 500_000 * 500_000,
        "commute_radius_km": rng.choice([5, 10, 20, 30, 50]),
        "willing_to_relocate": rng.random() < 0.3,
        "willing_abroad": abroad,
        "abroad_countries": countries,
        "visibility": rng.choices(["public", "anonymous", "hidden"], [80, 15, 5])[0],
        "updated_at": now,
        "version": 1,
    }, minority


def _priority_statuses(rng, job_seeker_id, minority, officer_id, today, now):
    statuses = []
    valid_until = today.replace(month=12, day=31)
    verified_at = now - timedelta(days=rng.randint(1, 200))
    base = {"job_seeker_id": job_seeker_id, "recorded_by_id": officer_id, "verified_by_id": officer_id, "verified_at": verified_at,
            "created_at": verified_at, "valid_until": valid_until, "ethnic_group_code": None}
    draw = rng.random()
    # Roughly the shares a provincial job exchange sees: about 5 % poor, 4 % near-poor, 2 % newly out of poverty,
    # several times more among ethnic-minority workers in mountain provinces.
    if draw < 0.05 + (0.15 if minority else 0):
        statuses.append({**base, "category": "poor", "evidence": "Danh sách hộ nghèo năm hiện hành của UBND xã"})
    elif draw < 0.09 + (0.25 if minority else 0):
        statuses.append({**base, "category": "near_poor", "evidence": "Danh sách hộ cận nghèo năm hiện hành của UBND xã"})
    elif draw < 0.11 + (0.30 if minority else 0):
        statuses.append({**base, "category": "escaped_poverty", "evidence": "Quyết định công nhận hộ thoát nghèo"})
    if minority:
        statuses.append({**base, "category": "ethnic_minority", "ethnic_group_code": rng.choice(ETHNIC_GROUP_CODES),
                         "evidence": "Căn cước công dân (mục dân tộc)", "valid_until": None})
    return statuses
