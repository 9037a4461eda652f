"""The words around "nam" and "nữ" that tell a sex asked of workers from a place, a name, a product, a team, a clientele or
a woman worker's right: the word lists of the discrimination check (jobmatch/rules/discrimination.py)."""
from jobmatch.rules.job_title import fold

# "nam"/"nữ" are also places, names, magnets and clientele: the words around them say which.
PLACE_BEFORE = {"việt", "miền", "phía", "bắc", "tây", "đông", "hà", "quảng", "hải", "vân", "phương", "sao", "đại", "an", "hoài",
                "trường", "khu", "bình", "duy", "thành", "tại", "ở",
                "thuốc", "hướng", "gió",  # "nam" is also the South: thuốc nam (herbal medicine), nhà hướng nam, gió nam
                # … and the south side of a site: "cổng Nam", "sảnh Nam", "tòa Nam", "bãi Nam", "cánh Nam", "cửa Nam"
                "cổng", "sảnh", "tòa", "toà", "bãi", "cánh", "cửa", "dãy", "lô", "block", "tháp", "mạn"}
# Typed without diacritics "dong" and "van" are also "động" (lao động nam) and "vấn" (tư vấn nữ).
# … and "cong", "cua", "canh", "bai", "day", "lo", "man", "phan" are also "công" (lao công), "của", "cạnh", "bài", "dạy", "lò".
PLACE_BEFORE_PLAIN = {fold(word) for word in PLACE_BEFORE} - {"van", "binh", "thanh", "cong", "cua", "canh", "bai", "day", "lo",
                                                             "man"}
PLACE_AFTER = {"dinh", "bo", "trung", "phi", "my", "a", "han", "sach", "truc", "dan", "giang", "ky", "cam", "long", "cham",
               "ninh", "kinh", "viet", "cuc", "son", "khoa", "trieu", "phuoc"}
# … and, written with diacritics, the first syllables of places: "Nam Tân Uyên", "Nam Sài Gòn", "Nam Cát Tiên", "Nam Trà My".
PLACE_AFTER_WRITTEN = {"tân", "sài", "thăng", "đông", "phổ", "pơ", "ô", "cát", "yên", "trà", "đình", "hội", "dược"}  # nam dược: herbs
# An administrative unit named just before: "huyện Lục Nam", "xã Tân Nam", "phường Nam Hải" is a place.
UNIT_WORDS = {"huyện", "tỉnh", "xã", "phường", "thị", "trấn", "thôn", "ấp", "khu", "đường", "kcn", "ccn", "tuyến", "quận", "bến",
              "chợ", "cảng", "ga"}
# Without diacritics "tinh" and "duong" are also "(giới) tính" and "(điều) dưỡng": only the unambiguous ones count.
UNIT_WORDS_PLAIN = {"huyen", "xa", "phuong", "tran", "thon", "ap", "khu", "kcn", "ccn"}
NU_AFTER = {"trang", "hoang", "quyen", "doanh", "than"}  # nữ trang (jewellery), nữ hoàng, nữ quyền, nữ doanh nhân, nữ thần
# Typed without diacritics, "nam" between these is "năm" (a year): "thưởng cuối năm", "năm nay".
YEAR_BEFORE = {"sinh", "hang", "moi", "cuoi", "dau", "giua", "trong", "nua", "theo", "tung"}
YEAR_AFTER = {"nay", "toi", "sau", "truoc", "ngoai", "hoc", "tai"}
PERSON_BEFORE = {"anh", "chị", "em", "mr", "ms", "mrs", "ông", "bà", "cô", "chú", "bác", "tên"}
# Words after which "nam"/"nữ" (or "cho nam giới") name whom goods or services are for: women's fashion, men's health.
CLIENTELE_BEFORE = {("thoi", "trang"), ("quan", "ao"), ("giay",), ("dep",), ("dong", "ho"), ("toc",), ("do",), ("ao", "dai"),
                    ("vest",), ("nuoc", "hoa"), ("tui",), ("xa",), ("noi", "y"), ("do", "lot"), ("ao",), ("nail",),
                    ("xach",), ("vi",), ("my", "pham"), ("trang", "phuc"), ("phu", "kien"), ("dam",), ("vay",), ("mu",),
                    ("trang", "suc"), ("do", "ngu"), ("do", "bo"), ("balo",), ("san", "pham"), ("suc", "khoe"),
                    ("sinh", "ly"), ("noi", "tiet"), ("chuc", "nang"), ("duoc", "pham"), ("dau", "goi"),
                    ("khach",), ("nha", "ve", "sinh"), ("khu", "ve", "sinh"), ("phong", "thay", "do"),
                    ("tuc", "xa"), ("toilet",), ("wc",), ("the", "thao"),
                    # clothes, as a uniform is described: "sơ mi (nam), áo dài (nữ)", "đồng phục nữ"
                    ("so", "mi"), ("ao", "khoac"), ("chan", "vay"), ("gile",), ("dong", "phuc"), ("uniform",), ("ao", "thun"),
                    ("ao", "phong"), ("ao", "polo"), ("ao", "len"), ("quan", "tay"), ("quan", "jean"), ("quan", "au"), ("may", "mac"),
                    # teams and sports: the team is of one sex, the job (a coach, a physiotherapist) is not
                    ("bong", "da"), ("bong", "chuyen"), ("bong", "ro"), ("bong", "ban"), ("cau", "long"), ("quan", "vot"),
                    ("futsal",), ("doi",), ("clb",), ("lac", "bo"), ("doi", "tuyen"), ("van", "dong", "vien"),
                    # care products: "sữa rửa mặt nam", "kem dưỡng da nữ", "dao cạo nam"
                    ("rua", "mat"), ("duong", "da"), ("skincare",), ("kem",), ("serum",), ("dao", "cao"), ("khu", "mui"),
                    # rooms and dormitories by sex: "Có KTX nữ, KTX nam", "phòng tắm nữ"
                    ("ktx",), ("ky", "tuc", "xa"), ("nha", "o"), ("phong", "o"), ("cho", "o"), ("khu", "o"), ("nha", "tap", "the"),
                    ("phong", "tam"), ("nha", "tam"), ("phong", "nghi"), ("dorm",), ("dormitory",),
                    # people the work serves or answers to, never the one hired: "cho hội viên nữ", "với sếp nữ"
                    ("hoi", "vien"), ("benh", "nhan"), ("nguoi", "benh"), ("sep",), ("boss",), ("cao", "tuoi"), ("nguoi", "gia"),
                    ("tam", "hoi"), ("xong", "hoi"), ("sauna",)}
# … and people who could also be the one hired, only after a word naming them as served or met: "dạy học sinh nữ",
# "hỗ trợ giám đốc nữ" (not "tuyển quản lý nữ").
OTHERS_AFTER = {("hoc", "sinh"), ("hoc", "vien"), ("sinh", "vien"), ("quan", "ly"), ("giam", "doc"), ("truong", "phong"),
                ("doi", "tac"), ("dong", "nghiep"), ("nguoi",), ("thanh", "vien"), ("giao", "vien"), ("bac", "si"), ("tre",),
                ("be",), ("cu",), ("nguoi", "gia"), ("chu",), ("chu", "nha"), ("doanh", "nhan"), ("phu", "huynh"), ("khach", "moi"),
                ("chu", "tich"), ("tong", "giam", "doc")}
SERVING = {"cho", "voi", "cua", "cung", "phuc", "vu", "cham", "soc", "day", "kem", "ho", "tro", "giup", "dua", "don", "theo"}
# Words before "khách hàng nam/nữ" that make them the clients an advertisement is aimed at, not the workers asked for
# ("nhắm tệp khách hàng nữ", not "nhân viên chăm sóc khách hàng nữ").
AUDIENCE_BEFORE = {"nham", "tep", "target", "targeting", "phan", "khuc", "muc", "tieu", "huong"}
# A salon named just before "nam"/"nữ" is for that sex when the text names such clients ("cho phái mạnh", "khách nữ").
SALONS = {"spa", "salon", "gym", "massage", "barber", "barbershop", "toc", "nail", "yoga", "fitness"}
SAME_SEX_CLIENTS = {"nam": ("phai manh", "nam gioi", "quy ong", "dan ong", "khach nam", "cac anh", "for men", "gentlemen"),
                    "nu": ("phai dep", "nu gioi", "phu nu", "khach nu", "cac chi", "chi em", "for women", "ladies")}
# A business named just before: "Khách sạn Nam Hải", "Công ty TNHH Thương mại Hoàng Nam", "Nhà xe Nam Phương".
BUSINESS = {("cong", "ty"), ("cty",), ("tnhh",), ("khach", "san"), ("nha", "hang"), ("nha", "nghi"), ("tram",), ("thuong", "mai"),
            ("cua", "hang"), ("sieu", "thi"), ("tap", "doan"), ("dai", "ly"), ("hop", "tac"), ("htx",), ("doanh", "nghiep"),
            ("co", "so"), ("chi", "nhanh"), ("nha", "may"), ("xuong",), ("quan",), ("resort",), ("hotel",), ("jsc",), ("khu",),
            ("benh", "vien"), ("phong", "kham"), ("trung", "tam"), ("truong",), ("tiem",), ("shop",), ("nha", "thuoc"),
            ("tap", "hoa"), ("nha", "sach"), ("cafe",), ("ca", "phe"), ("spa",), ("salon",), ("phong", "tap"), ("gym",),
            ("ky", "tuc"), ("lac", "bo"), ("clb",), ("studio",), ("hieu",), ("xi", "nghiep"), ("trang", "trai"), ("nha", "xe"),
            ("gara",), ("garage",), ("van", "phong"), ("showroom",), ("homestay",), ("karaoke",), ("tiem", "vang"), ("nha", "khoa"),
            ("ben", "xe"), ("hang", "xe"), ("tour",), ("du", "lich"), ("group",), ("corp",), ("ltd",)}
# Words naming a trade between a business and "nam"/"nữ" say whom it hires: "Nhà hàng phục vụ nữ".
TRADE_WORDS = {"nhan", "vien", "phuc", "vu", "tho", "le", "tan", "ke", "toan", "bao", "ve", "lao", "dong", "cong", "lai", "xe",
               "tap", "ban", "giao", "hang", "kho", "ky", "thuat", "chinh"}
# A worker's rights named after "nam"/"nữ": "lao động nữ được nghỉ", "lao động nữ mang thai", "lao động nam khi vợ sinh con".
RIGHT_AFTER = {("duoc", verb) for verb in ("nghi", "huong", "ho", "cap", "bo", "giam", "chuyen", "kham", "bao", "tang",
                                             "phat", "mien")} | {
    ("mang", "thai"), ("co", "thai"), ("nuoi", "con"), ("sinh", "con"), ("trong", "thoi"), ("trong", "ky"), ("khi", "mang"),
    ("khi", "vo"), ("co", "vo"), ("nghi", "thai"), ("nghi", "huu"), ("nghi", "che"), ("huong", "che"), ("dang", "nuoi"),
    ("co", "bau"), ("mang", "bau"), ("dang", "mang"), ("sau", "sinh"), ("vua", "sinh"), ("moi", "sinh"), ("hau", "san"),
    ("dang", "o"), ("o", "cu"), ("cho", "con"), ("vi", "mang"), ("vi", "co"), ("vi", "ly")}
# A benefit named before the workers it is for: "chế độ lao động nữ", "quà 8/3 cho nhân viên nữ", "phụ cấp cho công nhân nữ".
BENEFITS = {("che", "do"), ("qua",), ("phuc", "loi"), ("thuong",), ("phu", "cap"), ("tro", "cap"), ("ho", "tro"),
            ("bao", "hiem"), ("quyen", "loi"), ("uu", "dai"), ("chinh", "sach"), ("dong", "phuc"), ("thai", "san"),
            ("nghi", "phep"), ("ngay", "nghi"), ("suc", "khoe"), ("kham",),
            ("vat", "sua"), ("nha", "tre")}
WORKERS = {("lao", "dong"), ("nhan", "vien"), ("cong", "nhan"), ("chi", "em"), ("can", "bo"), ("nguoi", "lao", "dong")}
HIRING = {"tuyen", "nhan", "can", "uu", "tien", "yeu", "cau", "chi", "danh", "hop", "la", "gioi", "tinh", "only", "hiring",
          "for", "gender", "sex", "wanted", "looking"}
# … as written with diacritics, which tell "tuyển" from "tuyến" (a route), "nhận" from "công nhân", "chỉ" from "chi phí".
HIRING_WRITTEN = {"tuyển", "nhận", "cần", "ưu", "tiên", "yêu", "cầu", "chỉ", "dành", "hợp", "là", "giới", "tính"} | (
    HIRING - {"tuyen", "nhan", "can", "uu", "tien", "yeu", "cau", "chi", "danh", "hop", "la", "gioi", "tinh"})
ENGLISH = {"male", "female", "males", "females", "men", "women", "man", "woman", "lady", "ladies", "gentleman", "gentlemen",
           "waitress", "girl", "girls", "boy", "boys"}
# Nouns naming one sex: asked for by a hiring word before them ("tuyển chị em", "ưu tiên phái nữ", "chỉ nhận đàn ông").
GENDER_NOUNS = {("con", "trai"), ("con", "gai"), ("dan", "ong"), ("dan", "ba"), ("phu", "nu"), ("chi", "em"), ("phai", "nu"),
                ("phai", "dep"), ("phai", "manh"), ("chang", "trai"), ("co", "gai"), ("ban", "gai"), ("ban", "trai"), ("em", "gai"),
                ("em", "trai"), ("be", "gai"), ("be", "trai")}  # "em", "bé" only right after a hiring word: "cần 2 bé gái"
# … of which these also alone as an item of a list of requirements: "Thợ phụ điện lạnh: con trai, siêng năng".
LISTED_NOUNS = {("con", "trai"), ("con", "gai"), ("dan", "ong"), ("dan", "ba"), ("chang", "trai"), ("co", "gai"), ("ban", "gai"),
                ("ban", "trai"), ("phai", "manh"), ("phai", "dep"), ("em", "gai"), ("em", "trai")}
# Words of two syllables a quote should not cut in half: it quotes "Ưu tiên phái nữ", "Khách sạn cần Nữ".
COMPOUNDS = {("uu", "tien"), ("yeu", "cau"), ("gioi", "tinh"), ("tuyen", "dung"), ("can", "tuyen"), ("nhan", "vien"),
             ("lao", "dong"), ("cong", "nhan"), ("ky", "thuat"), ("thuat", "vien"), ("phuc", "vu"), ("le", "tan"),
             ("ke", "toan"), ("bao", "ve"), ("giup", "viec"), ("su", "kien"), ("giam", "doc"), ("thuong", "mai"), ("noi", "bo"),
             ("kho", "hang"), ("gia", "dinh"), ("banh", "keo"), ("nha", "may"), ("khach", "san"), ("nha", "hang"),
             ("cong", "ty"), ("ban", "hang"), ("thu", "ngan"), ("pha", "che"), ("tap", "vu"), ("dong", "goi"), ("dien", "tu"),
             ("co", "khi"), ("may", "mac"), ("hang", "hoa"), ("dieu", "duong"), ("tiep", "vien"), ("thu", "ky"), ("lai", "xe"),
             ("tai", "xe"), ("phu", "bep"), ("ve", "sinh"), ("don", "hang")} | {pair for pair in CLIENTELE_BEFORE if len(pair) == 2}
# Short forms typed in chats and on job groups, read as the words they stand for ("ko nhận", "kg tuyển", "ng dân tộc").
TEEN_CODE = {"ko": "khong", "khg": "khong", "hok": "khong", "hk": "khong", "k0": "khong", "kg": "khong",
             "k": "khong", "hong": "khong", "ng": "nguoi", "dc": "duoc", "uv": "ung vien", "ld": "lao dong", "nv": "nhan vien"}
# … of which these only before a verb and after no number: "k" is also a thousand, "kg" a kilogram, "hồng" pink.
TEEN_CODE_BEFORE_VERB = {"k", "kg", "hk", "hong"}
TEEN_VERBS = {"nhan", "tuyen", "can", "chap", "xet", "uu", "ung", "nop", "gui", "lien", "phu", "co", "bi", "mang", "dang",
              "duoc", "dc", "phai", "yeu", "lay", "tham", "ket", "sinh"}
# Provinces and regions (folded), the places of birth an origin ground names: "người quê Thanh Hóa", "người miền Trung".
PROVINCES = frozenset({"ha noi", "ho chi minh", "tp hcm", "hcm", "sai gon", "hai phong", "da nang", "can tho", "hue", "thua thien hue",
                       "thanh hoa", "nghe an", "ha tinh", "quang binh", "quang tri", "quang nam", "quang ngai", "binh dinh", "phu yen",
                       "khanh hoa", "ninh thuan", "binh thuan", "kon tum", "gia lai", "dak lak", "dak nong", "lam dong", "binh phuoc",
                       "tay ninh", "binh duong", "dong nai", "ba ria", "vung tau", "long an", "tien giang", "ben tre", "tra vinh",
                       "vinh long", "dong thap", "an giang", "kien giang", "hau giang", "soc trang", "bac lieu", "ca mau", "ha giang",
                       "cao bang", "bac kan", "tuyen quang", "lao cai", "dien bien", "lai chau", "son la", "yen bai", "hoa binh",
                       "thai nguyen", "lang son", "quang ninh", "bac giang", "phu tho", "vinh phuc", "bac ninh", "hai duong", "hung yen",
                       "thai binh", "ha nam", "nam dinh", "ninh binh"})
# … of which "Bắc", "Trung" alone only as a region ("người Bắc", not "người bắc cầu", "người trung thực"); "thanh" is also "thành thạo".
REGIONS = frozenset({"mien bac", "mien trung", "mien nam", "mien tay", "tay nguyen", "bac bo", "trung bo", "nam bo", "xu nghe",
                     "nghe tinh",
                     "trung(?! (?:quoc|thuc|thanh|tam|cap|binh|nien|hoa|uong|gian|thu|ca|hau|kien|tinh|lap|hoc|cu|dong|nam|tin))",
                     "xu thanh", "xu quang", "bac(?! (?:cau|si|thang|nhat|ky|ho|gia|luong|tien|bac))"})
