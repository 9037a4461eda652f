"""Job-board vocabulary as plain data, in folded form: synonyms, abbreviations, words typed without spaces, filler
words, boilerplate and company-form words, and the words that name destinations and overseas programmes.

Expanded in Python (search/words.py) because the server-core distribution has no synonym filter.
"""

# Words job seekers and employers use for the same work: a search for one also finds the others, ranked a little
# below the words as typed. Whole phrases only: "lao dong" inside "xuat khau lao dong" is not "cong nhan".
SYNONYMS = [
    ("lai xe", "tai xe"),
    ("phu ho", "tho phu"),
    ("tho xay", "tho ho"),
    ("giup viec", "osin", "o sin"),
    ("lap trinh vien", "lap trinh", "developer"),
    ("ke toan", "accountant"),
    ("dieu duong", "y ta"),
    ("ho ly", "cham soc nguoi cao tuoi", "kaigo"),
    ("bao ve", "an ninh"),
    ("tap vu", "ve sinh cong nghiep"),
    ("nhan vien ban hang", "ban hang", "sale", "sales"),
    ("phuc vu", "boi ban"),
    ("dau bep", "nau an"),
    ("cong nhan", "lao dong pho thong"),
    ("tho han", "cong nhan han", "welder"),
    ("nhan su", "hanh chinh nhan su"),
    ("xuat khau lao dong", "di lam viec o nuoc ngoai", "lao dong nuoc ngoai"),
    ("thuc tap sinh", "thuc tap sinh ky nang"),
    ("ky nang dac dinh", "tokutei"),
    ("viec lam them", "lam them", "part time", "ban thoi gian", "parttime"),
    ("telesales", "telesale"),
    ("cham soc khach hang", "customer service"),
]

# Abbreviations typed for a phrase. The abbreviation itself counts only where a posting writes it in capitals
# ("IT", never the "ít" of "ít nhất"), so each is also searched as its phrases.
ABBREVIATIONS = {
    "it": ("cong nghe thong tin", "lap trinh", "phan mem"),
    "ktv": ("ky thuat vien",),
    "nvkd": ("nhan vien kinh doanh",),
    "nvbh": ("nhan vien ban hang",),
    "nvvp": ("nhan vien van phong",),
    "ctv": ("cong tac vien",),
    "pg": ("nhan vien gioi thieu san pham",),
    "pb": ("nhan vien gioi thieu san pham",),
    "qa": ("dam bao chat luong",),
    "qc": ("kiem tra chat luong", "kcs"),
    "kcs": ("kiem tra chat luong", "qc"),
    "hr": ("nhan su",),
    "hcns": ("hanh chinh nhan su",),
    "xkld": ("xuat khau lao dong",),
    "xnk": ("xuat nhap khau",),
    "tts": ("thuc tap sinh",),
    "ldpt": ("lao dong pho thong",),
    "cnc": ("may cnc", "phay cnc", "tien cnc"),
    # Shorthands of the job boards' titles ("NV kho", "GV mầm non", "kỹ sư XD", "CN may", "KS xây dựng").
    "nv": ("nhan vien",),
    "gv": ("giao vien",),
    "cn": ("cong nhan",),
    "ks": ("ky su",),
    "xd": ("xay dung",),
    "cskh": ("cham soc khach hang",),
    "bds": ("bat dong san",),
}

# Words from other languages and colloquial names typed for a Vietnamese word.
TRANSLATIONS = {
    "korea": "han quoc",
    "south korea": "han quoc",
    "japan": "nhat ban",
    "taiwan": "dai loan",
    "germany": "duc",
    "australia": "uc",
    "di nhat": "nhat ban",
    "di han": "han quoc",
    "di dai loan": "dai loan",
    "driver": "lai xe",
    "accounting": "ke toan",
    "security": "bao ve",
    "cook": "dau bep",
    "chef": "dau bep",
    "nurse": "dieu duong",
    "receptionist": "le tan",
    "cashier": "thu ngan",
    "warehouse": "kho",
    "engineer": "ky su",
}

# Common words, also typed run together without spaces ("ketoan", "laixe"): each is split back into its syllables.
COMMON_WORDS = [
    "ke toan", "lai xe", "tai xe", "tho han", "tho may", "cong nhan", "nhan vien", "ban hang", "bao ve", "tap vu",
    "phuc vu", "giup viec", "dieu duong", "ky su", "xay dung", "dien tu", "co khi", "van phong", "le tan", "thu ngan",
    "thu kho", "kinh doanh", "san xuat", "lap trinh", "phu ho", "tho dien", "tho xay", "dau bep", "pha che", "giao hang",
    "xuat khau", "nhap khau", "xuat nhap khau", "lao dong", "thuc tap", "ky thuat", "cham soc", "khach hang", "nha hang",
    "khach san", "han quoc", "nhat ban", "dai loan", "nuoc ngoai", "nhan su", "hanh chinh", "marketing", "giao vien",
    "ky thuat vien", "bao tri", "thiet ke", "do hoa", "bao hiem", "mam non", "xet nghiem", "dien lanh", "phien dich",
    "tu van", "bat dong san", "giao nhan", "quan ly", "giam sat", "sua chua", "van hanh", "dong goi", "che bien",
]

# Words a search may carry without meaning the work ("tuyển gấp", "việc làm", "lương cao", "tại"): they rank what
# has them but are never required. Written with diacritics; a word typed without any is compared folded.
FILLERS = [
    "tuyển", "tuyển dụng", "tuyển gấp", "cần", "cần tuyển", "gấp", "việc", "việc làm", "tìm việc", "làm", "công việc",
    "tại", "ở", "và", "hoặc", "cho", "của", "có", "không", "đi", "lương", "lương cao", "thu nhập", "triệu", "tr",
    "đồng", "vnd", "usd", "tháng", "job", "jobs", "vieclam", "cty", "công ty", "ngành", "ngành nghề", "đơn hàng",
]

# Headings, benefits and forms of words every posting carries: they say nothing about the work, so they never make a
# vacancy match. Removed from the text before words are built, and words never span the gap they leave.
BOILERPLATE = [
    "cong ty", "tnhh", "co phan", "mot thanh vien", "tap doan", "cong nhan vien", "can bo cong nhan vien",
    "mo ta cong viec", "yeu cau cong viec", "yeu cau ung vien", "yeu cau", "quyen loi", "quyen loi duoc huong",
    "che do dai ngo", "che do phuc loi", "phuc loi", "thong tin lien he", "lien he", "dia chi", "dia diem lam viec",
    "noi lam viec", "thoi gian lam viec", "gio lam viec", "muc luong", "luong thuong", "thoa thuan", "thu nhap",
    "hop dong lao dong", "ky hop dong", "bo luat lao dong", "luat lao dong", "theo quy dinh", "theo quy dinh cua phap luat",
    "bao hiem xa hoi", "bao hiem y te", "bao hiem that nghiep", "bhxh", "bhyt", "bhtn", "ho so", "nop ho so",
    "ho so gom", "ung tuyen", "ung vien", "tuyen dung", "tuyen gap", "can tuyen", "cong viec", "lam viec",
    "moi truong lam viec", "nang dong", "chuyen nghiep", "than thien", "co hoi thang tien", "du lich hang nam",
    "nghi phep", "thuong tet", "luong thang 13", "xet tang luong", "duoc dao tao", "day du", "phong nhan su",
    "bo phan nhan su", "phong hanh chinh nhan su", "gui cv", "dien thoai", "so dien thoai", "hotline", "zalo", "email",
    "chung toi", "uu tien",
]

# Words of a company's legal form and line of business: an employer is known by what is left ("Đông Á" of "Công ty
# TNHH Cơ khí Đông Á"), so a search for "cơ khí" finds mechanics, not the receptionist of a mechanical company.
COMPANY_WORDS = [
    "cong ty", "tnhh", "co phan", "cp", "mtv", "mot thanh vien", "trach nhiem huu han", "tap doan", "chi nhanh",
    "tong cong ty", "jsc", "ltd", "co ltd", "company", "limited", "corporation", "corp", "group", "inc", "vn",
    "viet nam", "quoc te", "san xuat", "thuong mai", "dich vu", "dau tu", "phat trien", "xuat nhap khau", "tm", "dv",
    "sx", "xnk", "va", "cua", "co khi", "xay dung", "may mac", "det may", "thuc pham", "cong nghe", "dien tu",
    "ke toan", "kiem toan", "van tai", "logistics", "nhan luc", "cung ung nhan luc", "giao duc", "bat dong san",
    "du lich", "khach san", "nha hang", "bao bi", "nhua", "noi that", "thep", "hoa chat", "duoc pham", "y te",
    "nong nghiep", "thuy san", "xuat khau", "thiet bi", "vat lieu", "ky thuat", "giai phap", "truyen thong",
]

# A destination country's names as postings and people write them, by ISO code.
COUNTRY_NAMES = {
    "KR": ("Hàn Quốc", "Korea", "xứ Hàn"),
    "JP": ("Nhật Bản", "Nhật", "Japan"),
    "TW": ("Đài Loan", "Taiwan"),
    "DE": ("Đức", "CHLB Đức", "Germany"),
    "AU": ("Úc", "Australia"),
}

# What an overseas vacancy is called, whatever its destination, and the names of the reference programmes.
OVERSEAS_WORDS = ("xuất khẩu lao động", "XKLĐ", "đi làm việc ở nước ngoài", "lao động nước ngoài", "làm việc ở nước ngoài")
PROGRAMME_NAMES = {
    "EPS": ("EPS", "chương trình EPS", "cấp phép việc làm"),
    "TITP": ("thực tập sinh", "thực tập sinh kỹ năng", "TTS"),
    "SSW": ("kỹ năng đặc định", "tokutei", "SSW"),
    "TW": ("lao động Đài Loan",),
}

# The kind of an administrative unit, written before its name ("Phường Ba Đình", "TP. Hồ Chí Minh"): a place is
# searched by its name.
PLACE_KINDS = ("thanh pho", "tp", "tinh", "quan", "huyen", "thi xa", "phuong", "xa", "thi tran", "dac khu")
