"""What the head and the role words of a posted title say of its unit group: the family of jobs a head names
("kỹ sư", "thợ", "manager"), the professional whose field a trade is under a professional's head, the mechanic of what
a repairer repairs and the supervisor of whom a team leader leads."""
from jobmatch.rules.job_title import fold

# The head of a title says the family of jobs it names, by ISCO-08 major group (the first digit): an engineer is a
# professional (2), a "thợ" a craft or machine worker (7, 8), or a hairdresser or beautician (5), a "trưởng phòng" a
# manager (1). A group of another family scores less (occupation_coding.HEAD_MISMATCH), so that the domain words after the head choose
# within the family ("Kỹ sư bảo trì" is a mechanical engineer, not a fitter; "Thợ trần thạch cao" a plasterer).
HEAD_MAJOR_GROUPS = {
    "kỹ sư": "2", "kiến trúc sư": "2", "lập trình viên": "2", "bác sĩ": "2", "giảng viên": "2", "luật sư": "2",
    "dược sĩ": "23", "giáo viên": "235", "điều dưỡng": "235", "kế toán": "234", "trợ lý": "234", "thư ký": "34",
    "kỹ thuật viên": "357", "ktv": "357", "thợ": "5789", "công nhân": "6789", "lao động phổ thông": "89", "lđpt": "89",
    "tài xế": "8", "lái xe": "8", "vận hành máy": "378", "đứng máy": "78", "giám đốc": "1", "trưởng phòng": "1",
    "trưởng bộ phận": "1", "quản lý": "12", "giám sát": "135",
    "engineer": "23", "developer": "2", "teacher": "2", "technician": "37", "worker": "6789", "operator": "348", "driver": "8",
    "manager": "12", "director": "1", "head of": "1",
}
FOLDED_HEADS = {fold(head): groups for head, groups in HEAD_MAJOR_GROUPS.items()}
# A trade named under a professional's head is the professional's own field: "Kỹ sư bảo trì" maintains machines as a
# mechanical engineer (2144), not as a fitter (7233); "Kỹ sư điện" is an electrical engineer, not an electrician;
# "Kỹ sư giám sát công trình" a civil engineer, not a site foreman (3123).
# Used only when the head allows the professional's major group and not the trade's.
TRADE_PROFESSIONS = {
    "7231": "2144", "7232": "2144", "7233": "2144", "7223": "2144", "7212": "2144", "3115": "2144",
    "7411": "2151", "7412": "2151", "7413": "2151", "3113": "2151", "7421": "2152", "3114": "2152",
    "7422": "2153", "3522": "2153", "3112": "2142", "3123": "2142", "3116": "2145", "3117": "2146",
}
# What a title says its job does to the work of others names another unit group, by the longest prefix of the one its
# domain words name: whoever repairs or maintains what machine operators, drivers or metal workers work with is their
# mechanic ("Nhân viên bảo trì máy may công nghiệp" mends sewing machines, 7233, it does not sew, 8153; "Thợ sửa chữa
# xe tải" 7231; "Thợ cơ khí sửa chữa máy nông nghiệp" 7233, not a structural-metal worker, 7214);
# whoever leads a team of workers or clerks supervises them ("Team Leader - Call Center" 3341, "Tổ trưởng chuyền may"
# 3122); not sales teams, whose leaders the curated titles code as sales agents or managers.
ROLE_SHIFTS = (
    (("bảo trì", "bảo dưỡng", "sửa chữa", "maintenance", "repair", "repairer", "mechanic"),
     {"7214": "7233", "7223": "7233", "81": "7233", "834": "7233", "83": "7231"}),
    (("team leader", "leader", "trưởng nhóm", "tổ trưởng", "trưởng ca", "trưởng chuyền", "chuyền trưởng", "supervisor",
      "foreman", "quản đốc"),
     {"71": "3123", "7": "3122", "8": "3122", "93": "3122", "4": "3341", "52": "5222"}),
)
_FOLDED_ROLE_SHIFTS = tuple(({fold(phrase) for phrase in phrases}, shifts) for phrases, shifts in ROLE_SHIFTS)


def head_major_groups(pieces):
    """The ISCO-08 major groups the head of a title allows, as digits ("" when its head says nothing): the words that
    open its first piece ("Kỹ sư", "Thợ", "Trưởng phòng"), else those that close it ("Nhân viên kế toán", "Software
    Engineer", "Restaurant Manager")."""
    if not pieces:
        return ""
    words = tuple(fold(word) for word in pieces[0])
    for length in range(min(3, len(words)), 0, -1):
        if " ".join(words[:length]) in FOLDED_HEADS:
            return FOLDED_HEADS[" ".join(words[:length])]
    for length in range(min(2, len(words) - 1), 0, -1):
        if " ".join(words[-length:]) in FOLDED_HEADS:
            return FOLDED_HEADS[" ".join(words[-length:])]
    return ""


def role_shifts(pieces, marked):
    """The shifts of ROLE_SHIFTS that a title's words call for."""
    text = f" {' | '.join(' '.join(piece) if marked else fold(' '.join(piece)) for piece in pieces)} "
    return [shifts for phrases, shifts in (ROLE_SHIFTS if marked else _FOLDED_ROLE_SHIFTS)
            if any(f" {phrase} " in text for phrase in phrases)]


def shifted_code(code, shifts_called):
    """The unit group a title's role makes of the one its domain names: 8153 → 7233 for a repairer, 4222 → 3341 for
    a team leader; other groups unchanged."""
    for shifts in shifts_called:
        for length in (4, 3, 2, 1):
            if code[:length] in shifts:
                return shifts[code[:length]]
    return code


def professional_code(code, families):
    """The professional unit group of a trade when the title's head names professionals: 7233 under "kỹ sư" is 2144
    (and the trade stays an alternative, behind)."""
    profession = TRADE_PROFESSIONS.get(code)
    if families and code[0] not in families and profession and profession[0] in families:
        return profession
    return code
