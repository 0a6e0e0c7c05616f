/* Named entities in article text (issue 4): PER with titles and honorifics,
 * ORG with the place they name, LOC with level and post-2025 province, MISC
 * for quoted programme and event names; later mentions point to the first.
 * Rules over capitalised runs of words (the segmenter's words when a model is
 * given), the places/names gazetteer and the title/organisation vocabulary of
 * Vietnamese news. */
#include "analyze.h"

#include <stdio.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define TK(i)    (&c->t[(i)])

static const char *const honorifics[] = {"anh",  "bà",  "bác", "bé",      "chàng", "cháu",
                                         "chú",  "chị", "cô",  "cụ",      "em",    "nàng",
                                         "thầy", "ông", "đ/c", "đồng chí"};
/* descriptors that announce a person's name */
static const char *const person_nouns[] = {
    "anh hùng",      "bác sĩ",       "bạn gái",     "bạn trai",   "bệnh nhân",     "bị can",
    "bị cáo",        "ca sĩ",        "chuyên gia",  "chồng",      "con nuôi",      "cầu thủ",
    "cựu danh thủ",  "danh thủ",     "diễn viên",   "doanh nhân", "giám khảo",     "giáo viên",
    "hlv",           "hoa hậu",      "huyền thoại", "hậu vệ",     "họa sĩ",        "học sinh",
    "kỳ thủ",        "luật sư",      "lương y",     "mc",         "mẹ nuôi",       "nam ca sĩ",
    "nam diễn viên", "nghi phạm",    "nghệ sĩ",     "ngoại binh", "người mẫu",     "người đẹp",
    "nhà báo",       "nhà khoa học", "nhà thơ",     "nhà văn",    "nhạc sĩ",       "nạn nhân",
    "nữ ca sĩ",      "nữ diễn viên", "sinh viên",   "tay đua",    "thiếu tá",      "thí sinh",
    "thủ môn",       "thủ quân",     "thủ thành",   "tiền vệ",    "tiền đạo",      "trung tá",
    "trung vệ",      "tác giả",      "tỷ phú",      "võ sĩ",      "vận động viên", "vợ",
    "đại tá",        "đạo diễn",     "đối tượng"};
/* titles, written capitalised before or after a name ("Chủ tịch Joan
 * Laporta", "Trần Tuấn Anh, Ủy viên Bộ Chính trị") */
static const char *const titles[] = {"bs",
                                     "bs.",
                                     "bí thư",
                                     "bộ trưởng",
                                     "chánh văn phòng",
                                     "chánh án",
                                     "chính ủy",
                                     "chỉ huy trưởng",
                                     "chủ nhiệm",
                                     "chủ tịch",
                                     "chủ tịch nước",
                                     "công nương",
                                     "cục trưởng",
                                     "cựu",
                                     "giám mục",
                                     "giám đốc",
                                     "giám đốc điều hành",
                                     "giáo hoàng",
                                     "giáo sư",
                                     "gs",
                                     "gs.",
                                     "gs.ts",
                                     "hiệu trưởng",
                                     "hlv",
                                     "hoàng tử",
                                     "huấn luyện viên",
                                     "hòa thượng",
                                     "hạ nghị sĩ",
                                     "kiểm sát viên",
                                     "linh mục",
                                     "lãnh sự",
                                     "nguyên",
                                     "người phát ngôn",
                                     "nsnd",
                                     "nsưt",
                                     "nữ hoàng",
                                     "pgs",
                                     "pgs.",
                                     "pgs.ts",
                                     "phó",
                                     "phó bí thư",
                                     "phó chủ nhiệm",
                                     "phó chủ tịch",
                                     "phó giám đốc",
                                     "phó hiệu trưởng",
                                     "phó thủ tướng",
                                     "phó trưởng công an",
                                     "phó trưởng phòng",
                                     "phó tổng thống",
                                     "thiếu tá",
                                     "thiếu tướng",
                                     "thiếu úy",
                                     "ths",
                                     "ths.",
                                     "thượng nghị sĩ",
                                     "thượng tá",
                                     "thượng tướng",
                                     "thượng úy",
                                     "thạc sĩ",
                                     "thẩm phán",
                                     "thống đốc",
                                     "thủ hiến",
                                     "thủ tướng",
                                     "thứ trưởng",
                                     "tiến sĩ",
                                     "trung tá",
                                     "trung tướng",
                                     "trung úy",
                                     "trưởng",
                                     "trưởng công an",
                                     "trưởng khoa",
                                     "trưởng phòng",
                                     "trưởng đoàn",
                                     "ts",
                                     "ts.",
                                     "tư lệnh",
                                     "tổng biên tập",
                                     "tổng bí thư",
                                     "tổng cục trưởng",
                                     "tổng giám mục",
                                     "tổng giám đốc",
                                     "tổng lãnh sự",
                                     "tổng thư ký",
                                     "tổng thống",
                                     "tổng tư lệnh",
                                     "uỷ viên",
                                     "viện trưởng",
                                     "vụ trưởng",
                                     "đô đốc",
                                     "đại biểu",
                                     "đại sứ",
                                     "đại tá",
                                     "đại tướng",
                                     "đại úy",
                                     "đại đức",
                                     "ủy viên"};
/* words that start an organisation name */
static const char *const org_heads[] = {"ban",
                                        "bcđ",
                                        "bv",
                                        "báo",
                                        "bệnh viện",
                                        "bộ",
                                        "bộ chỉ huy",
                                        "bộ công an",
                                        "bộ quốc phòng",
                                        "bộ tư lệnh",
                                        "bộ đội",
                                        "chi cục",
                                        "chi khu",
                                        "chính phủ",
                                        "clb",
                                        "câu lạc bộ",
                                        "công an",
                                        "công ty",
                                        "cơ quan",
                                        "cảnh sát",
                                        "cục",
                                        "hiệp hội",
                                        "htx",
                                        "huyện uỷ",
                                        "huyện ủy",
                                        "hãng",
                                        "hđnd",
                                        "hải quân",
                                        "học viện",
                                        "hội",
                                        "hội liên hiệp",
                                        "hội đồng",
                                        "hợp tác xã",
                                        "kho bạc",
                                        "khoa",
                                        "kiểm toán nhà nước",
                                        "liên hợp quốc",
                                        "liên minh",
                                        "liên đoàn",
                                        "lãnh sự quán",
                                        "lực lượng",
                                        "mặt trận",
                                        "ngân hàng",
                                        "ngân hàng nhà nước",
                                        "nhà máy",
                                        "nhà xuất bản",
                                        "nxb",
                                        "phòng",
                                        "quân khu",
                                        "quân đội",
                                        "quốc hội",
                                        "quỹ",
                                        "sư đoàn",
                                        "sở",
                                        "tand",
                                        "thanh tra",
                                        "thành uỷ",
                                        "thành ủy",
                                        "thông tấn xã",
                                        "thường trực",
                                        "toà án",
                                        "trung tâm",
                                        "trường",
                                        "trường thcs",
                                        "trường thpt",
                                        "tòa án",
                                        "tập đoàn",
                                        "tỉnh uỷ",
                                        "tỉnh ủy",
                                        "tổ chức",
                                        "tổng công ty",
                                        "tổng cục",
                                        "tổng liên đoàn",
                                        "tổng lãnh sự quán",
                                        "ubnd",
                                        "uỷ ban",
                                        "viện",
                                        "viện hàn lâm",
                                        "viện kiểm sát",
                                        "vksnd",
                                        "văn phòng",
                                        "đh",
                                        "đhqg",
                                        "đoàn",
                                        "đoàn thanh niên",
                                        "đài",
                                        "đại học",
                                        "đại sứ quán",
                                        "đảng",
                                        "đảng bộ",
                                        "đảng uỷ",
                                        "đảng ủy",
                                        "ủy ban",
                                        "ủy ban nhân dân"};
/* heads that take lower-case domain words before the capitalised name
 * ("Viện nghiên cứu Scripps", "Đoàn luật sư Thành phố Hà Nội", "Công ty tài
 * chính FCCOM", "Trường đại học Skidmore"): the structure of Vietnamese
 * institution names, head + domain + proper name */
static const char *const gap_heads[] = {
    "ban",       "bệnh viện", "chi cục",      "công ty",      "cục",      "hiệp hội",  "hãng",
    "học viện",  "hội",       "hội đồng",     "hợp tác xã",   "khoa",     "liên minh", "liên đoàn",
    "ngân hàng", "nhà máy",   "nhà xuất bản", "phòng",        "quỹ",      "sở",        "trung tâm",
    "trường",    "tập đoàn",  "tổ chức",      "tổng công ty", "tổng cục", "uỷ ban",    "viện",
    "đoàn",      "đại học",   "ủy ban"};
/* words that end the domain part: function words, and the first words of
 * "ban tổ chức", "ban lãnh đạo", "thành viên", "giải" (a committee, the
 * board, members, a competition: no name follows) */
static const char *const gap_stop[] = {
    "anh",   "bà",    "bị",    "cho",       "chúng",  "chị",  "các",   "còn",   "có",    "cô",
    "cũng",  "cấp",   "của",   "do",        "dưới",   "giải", "hay",   "hoặc",  "huyện", "họ",
    "khi",   "không", "là",    "lãnh",      "lại",    "mà",   "một",   "nhiều", "nhà",   "như",
    "những", "nào",   "này",   "nói",       "phường", "quận", "ra",    "rất",   "sau",   "sẽ",
    "số",    "theo",  "thành", "thành phố", "thì",    "tp",   "trong", "trên",  "trước", "tại",
    "tỉnh",  "tổ",    "từ",    "và",        "vào",    "vẫn",  "về",    "với",   "xã",    "ông",
    "đang",  "đã",    "đó",    "được",      "đều",    "để",   "ở"};
/* lower-case words before a name that make it an organisation: the press,
 * companies, brands, clubs ("PV Dân Trí", "hãng tin Reuters", "công ty
 * Vinamilk"); the name is labelled without them, as "CLB HA Gia Lai" */
static const char *const org_cues[] = {"báo",         "clb",
                                       "câu lạc bộ",  "công ty",
                                       "hãng",        "hãng hàng không",
                                       "hãng phim",   "hãng thông tấn",
                                       "hãng tin",    "kênh",
                                       "mạng xã hội", "ngân hàng",
                                       "nhà mạng",    "nhãn hàng",
                                       "nhật báo",    "nền tảng",
                                       "phóng viên",  "pv",
                                       "thương hiệu", "trang cá nhân",
                                       "trang tin",   "trang web",
                                       "tạp chí",     "tập đoàn",
                                       "tờ",          "tờ báo",
                                       "ví điện tử",  "website",
                                       "đội bóng",    "ứng dụng"};
/* acronyms that are organisations by themselves */
static const char *const org_acronyms[] = {
    "adb",    "afc",    "afp", "ap",   "apec",    "asean", "bbc",   "cdc",  "cia",  "cnn",
    "eu",     "evn",    "fbi", "fda",  "fifa",    "fpt",   "hđnd",  "imf",  "mttq", "nasa",
    "nato",   "opec",   "pnj", "pti",  "reuters", "sjc",   "ttxvn", "ubnd", "uefa", "un",
    "unesco", "unicef", "vff", "vnpt", "vov",     "vpf",   "vtv",   "wb",   "who",  "wto"};
/* capitalised acronyms that are not names (why: generic nouns written short) */
static const char *const generic_acronyms[] = {
    "ai",   "atm",   "bcđ",  "bhxh", "bhyt",  "bn",  "bs",   "bđs",  "ceo",  "clb", "covid", "cp",
    "ct",   "dj",    "f0",   "f1",   "f2",    "gdp", "gps",  "gs",   "gđkt", "hlv", "hn",    "hđnd",
    "hđqt", "id",    "it",   "k",    "kcn",   "mc",  "nsnd", "nsưt", "nđ",   "ok",  "pcr",   "pgs",
    "ptth", "pv",    "qđ",   "sars", "sms",   "sn",  "thcs", "thcs", "thpt", "ths", "top",   "tp",
    "tp.",  "tphcm", "ts",   "tt",   "ttl",   "tv",  "ubnd", "usd",  "v",    "vip", "vnd",   "vnđ",
    "vđv",  "x",     "đbqh", "đh",   "đhđcđ", "đt",  "ảnh"};
/* a place follows: takes the level from the cue */
static const char *const loc_cues[] = {
    "bang",       "biển",          "buôn",        "bán đảo",   "bãi biển",
    "bản",        "cao tốc",       "châu",        "chợ",       "công viên",
    "cầu",        "cửa khẩu",      "eo biển",     "huyện",     "hầm",
    "hồ",         "khu du lịch",   "khối",        "làng",      "miền",
    "người",      "núi",           "nước",        "phường",    "phố",
    "quần đảo",   "quận",          "quốc lộ",     "sân bay",   "sông",
    "thung lũng", "thành",         "thành phố",   "thôn",      "thị trấn",
    "thị trấn",   "thị xã",        "thủ đô",      "tiểu bang", "tp",
    "tp",         "tp.",           "tuyến đường", "tỉnh",      "tổ dân phố",
    "vùng",       "vườn quốc gia", "vịnh",        "xã",        "xứ",
    "đèo",        "đường",         "đại lộ",      "đảo",       "ấp"};
static const char *const misc_cues[] = {
    "album",     "bộ phim",  "ca khúc",       "chiến dịch", "chương trình", "chủ đề",
    "cuốn sách", "cuộc thi", "cuộc vận động", "diễn đàn",   "dự án",        "festival",
    "game",      "gameshow", "giải",          "hành trình", "hội nghị",     "hội thảo",
    "khẩu hiệu", "kế hoạch", "lễ hội",        "phim",       "phong trào",   "series",
    "show",      "sự kiện",  "thông điệp",    "toạ đàm",    "tác phẩm",     "tọa đàm",
    "đề án"};
static const char *const misc_names[] = {
    "aff cup",      "asiad",          "asian cup", "bundesliga",     "champions league",
    "cúp quốc gia", "euro",           "la liga",   "ngoại hạng anh", "olympic",
    "paralympic",   "premier league", "sea games", "serie a",        "tết",
    "v-league",     "world cup"};
/* lower-case words that continue a capitalised name word when no segmenter
 * is there to say so ("Ban Kinh tế Trung ương") */
static const char *const compounds[] = {
    "an ninh",      "biên phòng",  "bí thư",     "bưu điện",    "bảo hiểm",   "bệnh viện",
    "bộ đội",       "cao đẳng",    "chính phủ",  "chính trị",   "chỉ huy",    "chủ tịch",
    "chữ thập",     "công an",     "công nghệ",  "công thương", "công ty",    "cảnh sát",
    "cổ phần",      "cộng hoà",    "cộng hòa",   "cộng sản",    "du lịch",    "dân tộc",
    "dân vận",      "dầu khí",     "giao thông", "giám đốc",    "giáo dục",   "hiệu trưởng",
    "hàng không",   "hình sự",     "hải quân",   "học viện",    "hội đồng",   "hợp tác",
    "kho bạc",      "khoa học",    "khảo sát",   "kinh tế",     "kiểm soát",  "kiểm sát",
    "kiểm toán",    "kiểm tra",    "kế hoạch",   "lao động",    "liên bang",  "liên đoàn",
    "môi trường",   "mặt trận",    "nghiên cứu", "ngoại giao",  "ngân hàng",  "nhân dân",
    "nhân đạo",     "nông nghiệp", "nội chính",  "nội vụ",      "phát triển", "phụ nữ",
    "quân y",       "quân đội",    "quốc gia",   "quốc hội",    "quốc phòng", "quốc tế",
    "sư phạm",      "thanh niên",  "thanh tra",  "thông tin",   "thương mại", "thường trực",
    "thường vụ",    "thể thao",    "thủ tướng",  "trung học",   "trung tâm",  "trung ương",
    "truyền thông", "trưởng ban",  "tuyên giáo", "tài chính",   "tài nguyên", "tòa án",
    "tôn giáo",     "tư pháp",     "tập đoàn",   "tổ chức",     "tổ quốc",    "tổng cục",
    "uỷ ban",       "uỷ viên",     "viễn thông", "văn hóa",     "vương quốc", "vận tải",
    "xây dựng",     "xã hội",      "y tế",       "điện lực",    "đào tạo",    "đại học",
    "đầu tư",       "địa chất",    "đối ngoại",  "ủy ban",      "ủy viên"};

/* organisation names with lower-case words, as tokens (why: the capitalised
 * run stops at them: "Trung tâm Kiểm soát bệnh tật", "Bộ đội biên phòng") */
static const char *const org_phrases[] = {"ban an toàn giao thông",
                                          "ban chỉ huy quân sự",
                                          "ban chỉ đạo",
                                          "ban chỉ đạo phòng , chống dịch covid-19",
                                          "ban chỉ đạo phòng chống dịch covid-19",
                                          "ban dân vận trung ương",
                                          "ban kinh tế trung ương",
                                          "ban nội chính trung ương",
                                          "ban quản lý dự án",
                                          "ban tuyên giáo trung ương",
                                          "ban tổ chức trung ương",
                                          "ban đối ngoại trung ương",
                                          "bcđ phòng , chống dịch covid-19",
                                          "bcđ phòng chống dịch covid-19",
                                          "bộ chỉ huy bộ đội biên phòng",
                                          "bộ chỉ huy quân sự",
                                          "bộ giao thông vận tải",
                                          "bộ giáo dục và đào tạo",
                                          "bộ khoa học và công nghệ",
                                          "bộ kế hoạch và đầu tư",
                                          "bộ lao động - thương binh và xã hội",
                                          "bộ nông nghiệp và phát triển nông thôn",
                                          "bộ thông tin và truyền thông",
                                          "bộ tài nguyên và môi trường",
                                          "bộ văn hóa , thể thao và du lịch",
                                          "bộ đội biên phòng",
                                          "chi khu quân sự",
                                          "cảnh sát cơ động",
                                          "cảnh sát giao thông",
                                          "hội chữ thập đỏ",
                                          "hội liên hiệp phụ nữ",
                                          "hội đồng nhân dân",
                                          "ngân hàng nhà nước",
                                          "phòng cảnh sát giao thông",
                                          "phòng giáo dục và đào tạo",
                                          "sở giao thông vận tải",
                                          "sở giáo dục và đào tạo",
                                          "sở khoa học và công nghệ",
                                          "sở kế hoạch và đầu tư",
                                          "sở lao động - thương binh và xã hội",
                                          "sở nông nghiệp và phát triển nông thôn",
                                          "sở thông tin và truyền thông",
                                          "sở tài nguyên và môi trường",
                                          "sở văn hóa , thể thao và du lịch",
                                          "trung tâm kiểm soát bệnh tật",
                                          "trung tâm y tế",
                                          "tòa án nhân dân",
                                          "viện kiểm sát nhân dân",
                                          "ủy ban an toàn giao thông quốc gia",
                                          "ủy ban mặt trận tổ quốc",
                                          "ủy ban nhân dân"};

/* capitalised words that name no entity by themselves (why: disease and
 * virus names, English words in brand lines) */
static const char *const not_names[] = {"corona",     "coronavirus", "covid", "covid-19",
                                        "delta",      "ebola",       "ncov",  "omicron",
                                        "sars-cov-2", "vietnam"};

/* lists once local to the rules that use them (file scope so that
 * vnt__an_lists_sorted can check them) */
static const char *const admin[] = {"huyện",  "phường", "quận", "thành phố", "thị trấn",
                                    "thị xã", "tp",     "tp.",  "tỉnh",      "xã"};
static const char *const kinds[] = {"bv",          "thư viện",        "trường thcs",
                                    "trường thpt", "trường tiểu học", "đh"};
static const char *const fields[] = {"bảo vệ",     "chăm sóc",   "kinh doanh", "kiểm tra",
                                     "nghiên cứu", "phát triển", "phẫu thuật", "quản lý",
                                     "sản xuất",   "xuất khẩu",  "đa khoa",    "điều hành",
                                     "điều tra",   "đào tạo",    "đóng tàu"};
static const char *const single[] = {"ban bí thư",    "bộ chính trị", "chính phủ", "hđnd",
                                     "liên hợp quốc", "quốc hội",     "thành uỷ",  "thành ủy",
                                     "tỉnh uỷ",       "tỉnh ủy",      "ubnd",      "đảng"};
static const char *const dirs[] = {"bắc", "nam", "tây", "đông"};
static const char *const cap_cues[] = {
    "chợ",       "công viên", "huyện",  "hồ", "núi", "phường", "quận", "sông",
    "thành phố", "thị xã",    "thủ đô", "tp", "tp.", "tỉnh",   "xã",   "đảo"};
static const char *const street_cues[] = {
    "bản",         "cầu",    "huyện",      "hầm",  "hẻm",   "khu phố",  "làng",
    "ngõ",         "phường", "phố",        "quận", "thôn",  "thị trấn", "thị xã",
    "tuyến đường", "tỉnh",   "tổ dân phố", "xã",   "đường", "đại lộ",   "ấp"};

/* words that make a foreign capitalised name an organisation ("Manchester
 * United", "Nikkei Asia Daily", "Numismatic Insurance Corporation") */
static const char *const foreign_org_words[] = {
    "academy",  "airlines",      "airways", "albion",     "association", "atletico",    "bank",
    "cf",       "city",          "club",    "college",    "corp",        "corporation", "council",
    "daily",    "entertainment", "fc",      "foundation", "group",       "herald",      "holdings",
    "hospital", "hotspur",       "inc",     "institute",  "journal",     "league",      "ltd",
    "magazine", "media",         "motors",  "network",    "news",        "pictures",    "post",
    "press",    "real",          "records", "rovers",     "school",      "sports",      "studio",
    "studios",  "telegraph",     "times",   "tribune",    "united",      "university",  "utd",
    "wanderers"};
/* institutions named after their kind word, written lower case */
static const char *const inst_cues[] = {"bệnh viện",      "học viện", "trường",
                                        "trường đại học", "viện",     "đại học"};
/* words of a competition or event name ("Champions League", "League Cup",
 * "Golden Globe Awards"): MISC (tests/gold/README.md) */
static const char *const foreign_misc_words[] = {"awards", "championship", "championships",
                                                 "cup",    "festival",     "games",
                                                 "league", "olympics",     "prix"};
/* words of a product model ("Galaxy Fold", "Redmi Note", "Xiaomi Mi"):
 * products are not labelled (tests/gold/README.md) */
static const char *const product_words[] = {"fold", "lite", "max",    "mi",   "mini",
                                            "note", "plus", "series", "ultra"};
/* what people do right after their name ("Mourinho nói", "Messi ghi bàn"):
 * person evidence for a foreign name */
static const char *const per_verbs[] = {
    "bày tỏ", "chia sẻ", "cho biết", "cho hay",   "ghi bàn", "khẳng định", "kể",     "nhấn mạnh",
    "nói",    "qua đời", "sinh năm", "thừa nhận", "tiết lộ", "trả lời",    "tâm sự", "viết"};

#define ENTITY_LISTS(X)                                                                            \
    X(honorifics)                                                                                  \
    X(person_nouns)                                                                                \
    X(titles)                                                                                      \
    X(org_heads)                                                                                   \
    X(gap_heads)                                                                                   \
    X(gap_stop)                                                                                    \
    X(org_cues)                                                                                    \
    X(org_acronyms)                                                                                \
    X(generic_acronyms)                                                                            \
    X(loc_cues)                                                                                    \
    X(misc_cues)                                                                                   \
    X(misc_names)                                                                                  \
    X(compounds)                                                                                   \
    X(org_phrases)                                                                                 \
    X(not_names)                                                                                   \
    X(admin)                                                                                       \
    X(kinds)                                                                                       \
    X(fields)                                                                                      \
    X(single)                                                                                      \
    X(dirs)                                                                                        \
    X(cap_cues)                                                                                    \
    X(street_cues)                                                                                 \
    X(foreign_org_words)                                                                           \
    X(per_verbs)                                                                                   \
    X(inst_cues)                                                                                   \
    X(foreign_misc_words)                                                                          \
    X(product_words)

int vnt__an_lists_sorted(void)
{
#define CHECK_LIST(l)                                                                              \
    if (!vnt__an_sorted(l, COUNT(l))) return 0;
    ENTITY_LISTS(CHECK_LIST)
#undef CHECK_LIST
    return vnt__an_facts_lists_sorted() && vnt__an_article_lists_sorted();
}

static int in(const char *w, const char *const *l, size_t n)
{
    return vnt__an_in(w, l, n);
}
#define IN(w, l) in((w), (l), COUNT(l))

static int capital(const an_tok *t)
{
    return t->cse != VNT_CASE_LOWER && (t->type == VNT_TOK_SYLLABLE || t->type == VNT_TOK_FOREIGN ||
                                        t->type == VNT_TOK_ABBREV || t->type == VNT_TOK_CODE);
}

/* Lower-case phrase of tokens [i, j) (one space between). */
static void phrase(an_ctx *c, size_t i, size_t j, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = 0;
    for (size_t k = i; k < j; k++) {
        size_t l = strlen(TK(k)->lk);
        if (o + l + 2 > cap) break;
        if (k > i) out[o++] = ' ';
        memcpy(out + o, TK(k)->lk, l);
        o += l;
        out[o] = 0;
    }
}

/* Longest phrase of at most maxw tokens at i (not past end) found in list. */
enum { VT_PHRASE = 0, VT_FIRST = 1, VT_LAST = 2 };
static unsigned vt_ask(an_ctx *c, int kind, const char *s, size_t n);
static unsigned list_bit(const char *const *l, size_t maxw);

static size_t match_list(an_ctx *c, size_t i, size_t end, const char *const *l, size_t n,
                         size_t maxw)
{
    char buf[160];
    if (i >= end) return 0;
    const char *w0 = TK(i)->lk;
    size_t lo = 0, hi = n, wl = strlen(w0);
    /* a vocabulary list (vocab_lists) none of whose entries begins with
     * this word, by the first-word table: nothing to bisect (why: most
     * words begin no title or organisation head) */
    unsigned bit = list_bit(l, maxw);
    if (bit && !(vt_ask(c, VT_FIRST, w0, wl) & bit)) return 0;
    /* the list is sorted: no entry starts with this word unless the first
     * entry not below it does */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (vnt__strcmp(l[mid], w0) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == n || strncmp(l[lo], w0, wl)) return 0;
    for (size_t w = maxw; w >= 1; w--) {
        if (i + w > end) continue;
        int ok = 1;
        for (size_t k = i + 1; k < i + w; k++)
            if (TK(k)->sent0) ok = 0;
        if (!ok) continue;
        phrase(c, i, i + w, buf, sizeof buf);
        if (in(buf, l, n)) return w;
    }
    return 0;
}
#define MATCH(i, end, l, maxw) match_list(c, (i), (end), (l), COUNT(l), (maxw))

unsigned vnt__an_gaz(an_ctx *c, size_t i, unsigned want)
{
    an_tok *t = TK(i);
    unsigned known = t->gaz >> 4;
    if (want & ~known) {
        char key[48];
        vnt__gaz_key(c->s + t->s, t->e - t->s, key, sizeof key);
        unsigned todo = want & ~known, v = 0;
        if ((todo & VNT__GAZ_SURNAME) && vnt__gaz_surname(key)) v |= VNT__GAZ_SURNAME;
        if ((todo & VNT__GAZ_GIVEN) && vnt__gaz_given(key)) v |= VNT__GAZ_GIVEN;
        if ((todo & VNT__GAZ_PLACE_PREFIX) && vnt__gaz_place_prefix(key))
            v |= VNT__GAZ_PLACE_PREFIX;
        t->gaz = (uint8_t)((known | todo) << 4 | (t->gaz & 15) | v);
    }
    return t->gaz & want & 15;
}

/* Gazetteer: longest place at i within [i, end). */
static size_t match_place(an_ctx *c, size_t i, size_t end, int *level, const char **prov, int *cue)
{
    char key[160];
    /* no place starts with this word: no span can match (why: keying six
     * spans at every word was a tenth of the entity rules) */
    if (i >= end || TK(i)->place0 == 1) return 0;
    if (!TK(i)->place0) { /* once per token (why: asked again and again) */
        size_t kl = vnt__gaz_key(c->s + TK(i)->s, TK(i)->e - TK(i)->s, key, sizeof key);
        /* (without its tone digit: glued to the next word, "Bài-Lào", the
         * tone is written after both) */
        if (kl && key[kl - 1] >= '0' && key[kl - 1] <= '9') key[kl - 1] = 0;
        TK(i)->place0 = vnt__gaz_place_prefix(key) ? 2 : 1;
        if (TK(i)->place0 == 1) return 0;
    }
    /* the longest place of 1..6 words, growing: the key of w words without
     * its last tone digit starts the key of any longer span, so once no
     * place starts with it none of the longer ones can match (why: keying
     * and bisecting six spans at every capital was most of this function) */
    size_t best = 0;
    int blv = 0, bcue = 0;
    const char *bpr = NULL;
    for (size_t w = 1; w <= 6 && i + w <= end; w++) {
        size_t s = TK(i)->s, e = TK(i + w - 1)->e;
        if (e - s > 120) break;
        size_t kl = vnt__gaz_key(c->s + s, e - s, key, sizeof key);
        if (w > 1) {
            char last = kl ? key[kl - 1] : 0;
            if (last >= '0' && last <= '9') key[kl - 1] = 0;
            int pre = vnt__gaz_place_prefix(key);
            if (last >= '0' && last <= '9') key[kl - 1] = last;
            if (!pre) break;
        }
        int cu = 0;
        const char *pr = NULL;
        int lv = vnt__gaz_place(key, &pr, &cu);
        if (lv) best = w, blv = lv, bpr = pr, bcue = cu;
    }
    if (!best) return 0;
    *level = blv;
    *prov = bpr;
    *cue = bcue;
    return best;
}

/* continuation of a capitalised word by lower-case syllables */
static size_t word_end(an_ctx *c, size_t i)
{
    size_t j = TK(i)->wlast + 1;
    if (j > i + 1) return j;
    /* no segmenter: known compounds */
    while (j < c->nt && !TK(j)->sent0 && TK(j)->cse == VNT_CASE_LOWER &&
           TK(j)->type == VNT_TOK_SYLLABLE) {
        char buf[96]; /* "%s %s" by hand (why: snprintf showed in profiles) */
        size_t l1 = strlen(TK(j - 1)->lk), l2 = strlen(TK(j)->lk);
        memcpy(buf, TK(j - 1)->lk, l1);
        buf[l1] = ' ';
        memcpy(buf + l1 + 1, TK(j)->lk, l2 + 1);
        if (!IN(buf, compounds)) break;
        j++;
    }
    return j;
}

/* The capitalised run starting at token i: words whose first syllable is a
 * capital, joined by "-", "&" between capitals. Returns its end. */
static size_t run_end(an_ctx *c, size_t i)
{
    size_t j = i;
    while (j < c->nt && (j == i || !TK(j)->sent0) && !TK(j)->used) {
        an_tok *t = TK(j);
        if (capital(t)) {
            j = word_end(c, j);
            continue;
        }
        /* numbers and roman numerals inside names: "Tháp Bà 86", "V-League 2020" */
        if (j > i && t->type == VNT_TOK_NUMBER && j + 1 <= c->nt &&
            (j + 1 == c->nt || !capital(TK(j + 1)) || TK(j + 1)->sent0) && t->e - t->s <= 4 &&
            TK(j - 1)->type != VNT_TOK_PUNCT && (c->s[t->s] != '0')) {
            /* only when the name is already two words long (not "ngày 26") */
            if (j - i >= 2) {
                j++;
                break;
            }
            break;
        }
        /* "Pue-on", "Tae-hoon": a lower-case part glued by a hyphen to a
         * capitalised one continues a foreign name */
        if (j > i && is(t, "-") && j + 1 < c->nt && t->s == TK(j - 1)->e && TK(j + 1)->s == t->e &&
            capital(TK(j - 1)) && !TK(j + 1)->sent0 && !TK(j + 1)->used &&
            TK(j + 1)->cse == VNT_CASE_LOWER &&
            (TK(j + 1)->type == VNT_TOK_SYLLABLE || TK(j + 1)->type == VNT_TOK_FOREIGN)) {
            j += 2;
            continue;
        }
        if (j > i && (is(t, "-") || is(t, "&")) && j + 1 < c->nt && !TK(j + 1)->sent0 &&
            capital(TK(j + 1)) && !TK(j + 1)->used &&
            !(t->s > 0 && c->s[t->s - 1] == ' ' && MATCH(j + 1, c->nt, titles, 4))) {
            j++;
            continue;
        }
        break;
    }
    return j;
}

typedef struct pend {
    size_t ts[8], te[8];
    int n;
} pend;

static long add_ent(an_ctx *c, vnt_entity_type ty, size_t i, size_t j)
{
    vnt_entity e;
    memset(&e, 0, sizeof e);
    e.type = ty;
    e.start = TK(i)->s;
    e.end = TK(j - 1)->e;
    /* "CLB Barcelona B.": a sentence's full stop glued to an initial is not the name's */
    if (e.end - e.start > 2 && c->s[e.end - 1] == '.' && TK(j - 1)->type == VNT_TOK_ABBREV &&
        TK(j - 1)->e - TK(j - 1)->s == 2)
        e.end--;
    e.ref = -1;
    e.honorific.start = e.honorific.end = e.start;
    e.location.start = e.location.end = e.start;
    for (size_t k = i; k < j; k++)
        TK(k)->used = 1;
    return vnt__an_push_entity(c, &e);
}

static long add_loc(an_ctx *c, size_t i, size_t j, int level, const char *prov)
{
    long k = add_ent(c, VNT_ENT_LOC, i, j);
    if (k >= 0) {
        c->a->entities[k].level = vnt__gaz_level_name(level);
        c->a->entities[k].province = prov;
    }
    return k;
}

static int cue_level(const char *cue)
{
    if (!strcmp(cue, "tỉnh") || !strcmp(cue, "thủ đô")) return 2;
    if (!strcmp(cue, "huyện") || !strcmp(cue, "quận") || !strcmp(cue, "thị xã")) return 3;
    if (!strcmp(cue, "xã") || !strcmp(cue, "phường") || !strcmp(cue, "thị trấn")) return 4;
    if (!strcmp(cue, "cửa khẩu")) return 5;
    if (!strcmp(cue, "thành phố") || !strcmp(cue, "tp") || !strcmp(cue, "tp.")) return 7;
    if (!strcmp(cue, "nước")) return 1;
    if (!strcmp(cue, "miền") || !strcmp(cue, "vùng")) return 6;
    return 8;
}

/* The lower-case cue phrase right before token i, as its length in tokens. */
static size_t cue_before(an_ctx *c, size_t i, const char *const *l, size_t n, char *which,
                         size_t cap)
{
    if (TK(i)->sent0 || i == 0) return 0;
    /* every phrase tried ends with the word before i, unless phrase() had
     * to cut it (not when the three words fit): a vocabulary list none of
     * whose entries ends with that word has nothing to find here */
    unsigned lb = list_bit(l, 0);
    if (lb) {
        size_t len = 3;
        for (size_t w = 1; w <= 3 && w <= i; w++)
            len += strlen(TK(i - w)->lk);
        const char *lw = TK(i - 1)->lk;
        if (len < 96 && !(vt_ask(c, VT_LAST, lw, strlen(lw)) & lb)) return 0;
    }
    for (size_t w = 3; w >= 1; w--) {
        if (i < w) continue;
        int ok = 1;
        for (size_t k = i - w + 1; k <= i; k++)
            if (TK(k)->sent0) ok = 0;
        if (!ok && !TK(i - w)->sent0) continue;
        char buf[96];
        phrase(c, i - w, i, buf, sizeof buf);
        /* by the phrase table first when it holds every entry of w words */
        unsigned bit = list_bit(l, w);
        if (bit && !(vt_ask(c, VT_PHRASE, buf, strlen(buf)) & bit)) continue;
        if (in(buf, l, n)) {
            if (which) snprintf(which, cap, "%s", buf);
            return w;
        }
    }
    return 0;
}

/* A person's name at the end of [i, end): Vietnamese surname + 1-3 given
 * syllables. Returns its start, or end when none. */
static size_t name_tail(an_ctx *c, size_t i, size_t end)
{
    for (size_t len = 4; len >= 2; len--) {
        if (end < i + len) continue;
        size_t s = end - len;
        if (!vnt__an_gaz(c, s, VNT__GAZ_SURNAME)) continue;
        int ok = 1;
        for (size_t k = s; k < end; k++)
            if (TK(k)->type != VNT_TOK_SYLLABLE || TK(k)->cse != VNT_CASE_TITLE) ok = 0;
        int lv, cue;
        const char *pr;
        if (ok && match_place(c, s, end, &lv, &pr, &cue) == end - s) ok = 0;
        if (ok) return s;
    }
    return end;
}

static void misc_quoted(an_ctx *c)
{
    for (size_t i = 0; i + 2 < c->nt; i++) {
        an_tok *q = TK(i);
        if (!(is(q, "“") || is(q, "\"") || is(q, "«"))) continue;
        char which[96];
        int cued = cue_before(c, i, misc_cues, COUNT(misc_cues), which, sizeof which) != 0;
        size_t j = i + 1;
        while (j < c->nt && j < i + 20 && !TK(j)->sent0 &&
               !(is(TK(j), "”") || is(TK(j), "\"") || is(TK(j), "»")))
            j++;
        if (j >= c->nt || j == i + 1 || j >= i + 20 || TK(j)->sent0) continue;
        if (!capital(TK(i + 1))) continue;
        if (!cued) {
            /* a short quoted title right after a name or noun, a slogan
             * ("du lịch Đồng Tháp “Thuần khiết như hồn Sen”"): no clause
             * punctuation inside, nothing that reads as speech (a colon or
             * sentence start before it, a comma or verb of saying after) */
            int ok = j - i - 1 >= 2 && j - i - 1 <= 8 && i > 0 && !TK(i)->sent0 &&
                     TK(i - 1)->type != VNT_TOK_PUNCT && TK(i - 1)->cse != VNT_CASE_LOWER;
            for (size_t k = i + 1; k < j && ok; k++)
                if (TK(k)->type == VNT_TOK_PUNCT && !is(TK(k), "-")) ok = 0;
            if (ok && j + 1 < c->nt && !TK(j + 1)->sent0 &&
                (is(TK(j + 1), ",") || is(TK(j + 1), "nói") || is(TK(j + 1), "cho")))
                ok = 0;
            if (!ok) continue;
        }
        add_ent(c, VNT_ENT_MISC, i + 1, j);
        i = j;
    }
}

static int roman(const an_tok *t, const char *s)
{
    if (t->type != VNT_TOK_ABBREV && t->type != VNT_TOK_FOREIGN && t->type != VNT_TOK_SYLLABLE &&
        t->type != VNT_TOK_NUMBER) /* "XIII" is typed a number */
        return 0;
    if (t->e - t->s > 6) return 0;
    for (size_t k = t->s; k < t->e; k++)
        if (!strchr("IVXL", s[k])) return 0;
    return 1;
}

static void attach_titles(an_ctx *c, long pe, pend *p)
{
    if (pe < 0 || !p->n) return;
    vnt_entity *e = &c->a->entities[pe];
    e->title_begin = c->a->n_titles;
    for (int k = 0; k < p->n; k++)
        vnt__an_push_title(c, TK(p->ts[k])->s, TK(p->te[k] - 1)->e);
    e = &c->a->entities[pe];
    e->n_titles = (size_t)p->n;
    p->n = 0;
}

static void add_title_after(an_ctx *c, long pe, size_t ts, size_t te)
{
    if (pe < 0) return;
    vnt_entity *e = &c->a->entities[pe];
    /* titles of one person are contiguous: only append to the last person */
    if (e->n_titles && e->title_begin + e->n_titles != c->a->n_titles) return;
    if (!e->n_titles) e->title_begin = c->a->n_titles;
    vnt__an_push_title(c, TK(ts)->s, TK(te - 1)->e);
    c->a->entities[pe].n_titles++;
}

/* Organisation [i, j): extend by "tỉnh/TP/huyện … Place" and record the place. */
static size_t org_extend(an_ctx *c, size_t i, size_t j, vnt_span *loc)
{
    loc->start = loc->end = 0;
    /* a place inside: the longest gazetteer suffix */
    for (size_t k = i + 1; k < j; k++) {
        int lv, cue;
        const char *pr;
        size_t w = match_place(c, k, j, &lv, &pr, &cue);
        if (w && k + w == j && lv <= 3) {
            loc->start = TK(k)->s;
            loc->end = TK(j - 1)->e;
            break;
        }
    }
    size_t w = MATCH(j, c->nt, admin, 2);
    if (w && j + w < c->nt && !TK(j + w)->sent0 && capital(TK(j + w)) && !TK(j + w)->used) {
        size_t e = run_end(c, j + w);
        loc->start = TK(j + w)->s;
        loc->end = TK(e - 1)->e;
        return e;
    }
    /* "HĐND tỉnh", "Đảng bộ tỉnh" with no name after: the generic word stays */
    if (w == 1 && (is(TK(j), "tỉnh") || is(TK(j), "huyện")) &&
        (j + 1 >= c->nt || !capital(TK(j + 1)))) {
        an_tok *h = TK(i);
        if (is(h, "hđnd") || is(h, "ubnd")) return j + 1;
    }
    return j;
}

/* An organisation of org_phrases at i, with a place right after it ("Bộ đội
 * biên phòng Lai Châu") or by org_extend; its end, or 0 when none. */
static size_t org_phrase(an_ctx *c, size_t i, vnt_span *loc)
{
    size_t w = MATCH(i, c->nt, org_phrases, 9);
    if (!w) return 0;
    size_t j = i + w;
    int lv, cue;
    const char *pr;
    size_t pw;
    if (j < c->nt && !TK(j)->sent0 && capital(TK(j)) && !TK(j)->used &&
        (pw = match_place(c, j, run_end(c, j), &lv, &pr, &cue)) != 0 && lv <= 3 &&
        j + pw == run_end(c, j)) {
        loc->start = TK(j)->s;
        loc->end = TK(j + pw - 1)->e;
        return j + pw;
    }
    return org_extend(c, i, j, loc);
}

static int cmp_ent(const void *x, const void *y)
{
    const vnt_entity *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

struct an_ekey {
    size_t s, e;
    unsigned gen;
    char k[160];
};

/* The gazetteer key of entity q, cached by span and article (why: the
 * mention loops keyed every earlier entity again, quadratic in an article).
 * The cache grows to cover every current entity at once, so a key returned
 * here stays valid while further keys of existing entities are taken (a
 * realloc inside a pair loop left the first key dangling). */
static const char *ekey(an_ctx *c, size_t q)
{
    const vnt_entity *f = &c->a->entities[q];
    if (q >= c->cap_ek) {
        size_t nc = c->cap_ek ? c->cap_ek : 32;
        while (nc <= q || nc < c->a->n_entities)
            nc *= 2;
        struct an_ekey *nk = realloc(c->ek, nc * sizeof *nk);
        if (!nk) {
            c->nomem = 1;
            static const char none[] = "";
            return none;
        }
        for (size_t i = c->cap_ek; i < nc; i++)
            nk[i].gen = 0;
        c->ek = nk;
        c->cap_ek = nc;
    }
    struct an_ekey *k = &c->ek[q];
    if (k->gen != c->gen || k->s != f->start || k->e != f->end) {
        vnt__gaz_key(c->s + f->start, f->end - f->start, k->k, sizeof k->k);
        k->s = f->start;
        k->e = f->end;
        k->gen = c->gen;
    }
    return k->k;
}

/* Whether entity q starts at one of the offsets in weak[0, nweak). */
static int is_weak(const an_ctx *c, size_t q, const size_t *weak, size_t nweak)
{
    for (size_t w = 0; w < nweak; w++)
        if (c->a->entities[q].start == weak[w]) return 1;
    return 0;
}

/* A key that names a person found so far: the end of a PER name ("Biden"
 * of "Joe Biden") or its first word ("Sofia" of "Sofia Richie"). Persons
 * in weak[] (a single foreign word with only a verb after it: "Google cho
 * biết" may be the company) vouch for no other mention. */
static int per_known(an_ctx *c, const char *ku, const size_t *weak, size_t nweak)
{
    size_t lu = strlen(ku);
    for (size_t q = 0; q < c->a->n_entities; q++) {
        if (c->a->entities[q].type != VNT_ENT_PER || c->a->entities[q].nominal) continue;
        if (is_weak(c, q, weak, nweak)) continue;
        const char *kf = ekey(c, q);
        size_t lf = strlen(kf);
        if (lu < lf && !strncmp(kf, ku, lu) && kf[lu] == ' ') return 1;
        if (lu <= lf && !strcmp(kf + lf - lu, ku) && (lu == lf || kf[lf - lu - 1] == ' ')) return 1;
    }
    return 0;
}

/* A club named after a city ("CLB Barcelona") makes the city's other
 * mentions in the article the club too. */
static void clubs(an_ctx *c)
{
    vnt_article *a = c->a;
    for (size_t i = 0; i < a->n_entities; i++) {
        vnt_entity *e = &a->entities[i];
        if (e->type != VNT_ENT_ORG || e->start < 4) continue;
        size_t b = e->start - 1;
        while (b > 0 && c->s[b - 1] != ' ' && c->s[b - 1] != '\n')
            b--;
        char w[8];
        vnt__an_lower(c->s + b, e->start - 1 - b, w, sizeof w);
        if (strcmp(w, "clb")) continue;
        char ki[160];
        vnt__gaz_key(c->s + e->start, e->end - e->start, ki, sizeof ki);
        size_t lk = strlen(ki);
        for (size_t j = 0; j < a->n_entities; j++) {
            vnt_entity *f = &a->entities[j];
            if (f->type != VNT_ENT_LOC && f->type != VNT_ENT_PER) continue;
            const char *kf = ekey(c, j);
            size_t lf = strlen(kf);
            /* "Barcelona" before "CLB Barcelona B": a foreign city that starts
             * a club's name is the club there, with the rest of the name when
             * it follows ("theo dõi Barcelona B") */
            if (f->type == VNT_ENT_LOC && !f->province && lf < lk && !strncmp(ki, kf, lf) &&
                ki[lf] == ' ') {
                size_t rest = e->end - e->start - (f->end - f->start);
                if (f->end + rest <= c->n &&
                    !memcmp(c->s + f->end, c->s + e->start + (f->end - f->start), rest) &&
                    (f->end + rest == c->n || strchr(" \n.,;:!?)\"", c->s[f->end + rest])))
                    f->end += rest;
            } else if (strcmp(ki, kf))
                continue;
            f->type = VNT_ENT_ORG;
            f->level = f->province = NULL;
            f->n_titles = 0;
            f->honorific.start = f->honorific.end = f->start;
        }
    }
}

static void link_refs(an_ctx *c)
{
    vnt_article *a = c->a;
    for (size_t i = 0; i < a->n_entities; i++) {
        vnt_entity *e = &a->entities[i];
        if (e->nominal) continue; /* linked by nominals() */
        const char *ki = ekey(c, i);
        size_t li = strlen(ki);
        e->ref = -1;
        for (size_t j = 0; j < i; j++) {
            vnt_entity *f = &a->entities[j];
            if (f->type != e->type || f->nominal) continue;
            const char *kj = ekey(c, j);
            size_t lj = strlen(kj);
            int same = !strcmp(ki, kj);
            /* "ông Thụy" after "Nguyễn Đức Thụy"; "ban Kinh tế Trung ương" after "Ban Kinh tế…" */
            if (!same && e->type == VNT_ENT_PER && li < lj && kj[lj - li - 1] == ' ' &&
                !strcmp(kj + lj - li, ki))
                same = 1;
            if (same) {
                e->ref = f->ref >= 0 ? f->ref : (long)j;
                if (e->type == VNT_ENT_LOC && !e->province) e->province = f->province;
                break;
            }
        }
    }
}

/* Institutions named after people ("Bệnh viện Nguyễn Tri Phương", "Trường
 * THPT Trần Hữu Trang", "ĐH Tôn Đức Thắng"): head [i, i+w) of that kind,
 * a space before the name (not "Quốc hộiNguyễn…" glued by scraping). */
static int named_after(an_ctx *c, size_t i, size_t w)
{
    char ph[96];
    phrase(c, i, i + w, ph, sizeof ph);
    return (IN(ph, gap_heads) || IN(ph, kinds)) && i + w < c->nt && TK(i + w)->s > TK(i + w - 1)->e;
}

/* "Viện nghiên cứu Scripps": head [i, i+w) + up to 4 lower-case domain
 * syllables + a capitalised name that is no title, organisation or place
 * cue. Returns the end of the name, or 0. */
static size_t gap_name(an_ctx *c, size_t i, size_t w, size_t *name)
{
    size_t k = i + w;
    char ph[96];
    phrase(c, i, k, ph, sizeof ph);
    if (!IN(ph, gap_heads) || TK(k - 1)->wlast != k - 1) return 0;
    if (is(TK(i), "tổ") && TK(i)->sent0) return 0; /* "Tổ chức …" opening a sentence: the verb */
    for (; k < c->nt && k < i + w + 5; k++) {
        const an_tok *t = TK(k);
        if (t->sent0 || t->used) return 0;
        if (capital(t)) break;
        if (t->type != VNT_TOK_SYLLABLE || t->cse != VNT_CASE_LOWER || IN(t->lk, gap_stop))
            return 0;
        /* a verb ends the name ("Công ty thuê …") unless it names a field */
        if (t->upos == VNT_UPOS_VERB && t->word0) {
            phrase(c, k, t->wlast + 1, ph, sizeof ph);
            if (!IN(ph, fields)) return 0;
        }
    }
    if (k == i + w || k >= c->nt || !capital(TK(k)) || TK(k)->sent0 || TK(k)->used ||
        TK(k - 1)->wlast != k - 1)
        return 0;
    /* another organisation, a title or a place cue after the domain words
     * ("Ban lãnh đạo Công ty", "Đoàn công tác Học viện …") is its own name */
    if (MATCH(k, c->nt, org_heads, 3) || MATCH(k, c->nt, titles, 3) ||
        MATCH(k, c->nt, loc_cues, 2) || IN(TK(k)->lk, honorifics))
        return 0;
    size_t e = run_end(c, k);
    size_t nt = name_tail(c, k, e);
    if (nt > k && nt < e) e = nt;
    /* "Ủy ban điều hành UEFA Jesper Moller": a person after the acronym */
    if (TK(k)->cse == VNT_CASE_UPPER && e > k + 1 && TK(k + 1)->cse == VNT_CASE_TITLE) e = k + 1;
    *name = k;
    return e;
}

/* Later bare mentions of an organisation's name ("Viện nghiên cứu Scripps"
 * … "Scripps") taken for people become the organisation. */
static void org_names(an_ctx *c, const vnt_span *names, size_t nn)
{
    vnt_article *a = c->a;
    for (size_t q = 0; q < nn; q++) {
        char kn[160];
        vnt__gaz_key(c->s + names[q].start, names[q].end - names[q].start, kn, sizeof kn);
        for (size_t i = 0; i < a->n_entities; i++) {
            vnt_entity *e = &a->entities[i];
            if (e->type != VNT_ENT_PER || e->start < names[q].end) continue;
            if (e->end - e->start != names[q].end - names[q].start) continue;
            if (strcmp(kn, ekey(c, i))) continue;
            e->type = VNT_ENT_ORG;
            e->n_titles = 0;
            e->honorific.start = e->honorific.end = e->start;
        }
    }
}

/* [i, j) are the last syllables of a person named before ("Anh", "Tuấn Anh"
 * after "Trần Tuấn Anh") */
static int per_tail(an_ctx *c, size_t i, size_t j)
{
    char ku[160];
    vnt__gaz_key(c->s + TK(i)->s, TK(j - 1)->e - TK(i)->s, ku, sizeof ku);
    size_t lu = strlen(ku);
    for (size_t q = 0; q < c->a->n_entities; q++) {
        const vnt_entity *f = &c->a->entities[q];
        if (f->type != VNT_ENT_PER || f->nominal || f->end > TK(i)->s) continue;
        const char *kf = ekey(c, q);
        size_t lf = strlen(kf);
        if (lu < lf && kf[lf - lu - 1] == ' ' && !strcmp(kf + lf - lu, ku)) return 1;
    }
    return 0;
}

/* Is token k inside a PER entity or one of the titles of a person? */
static int in_person(const an_ctx *c, size_t k)
{
    const vnt_article *a = c->a;
    size_t s = c->t[k].s;
    for (size_t i = 0; i < a->n_entities; i++)
        if (a->entities[i].type == VNT_ENT_PER && a->entities[i].start <= s &&
            s < a->entities[i].end)
            return 1;
    for (size_t i = 0; i < a->n_titles; i++)
        if (a->titles[i].start <= s && s < a->titles[i].end) return 1;
    return 0;
}

/* A capitalised programme/event cue at i ("Đề án", "Cuộc thi", "Chương
 * trình") with a capitalised name right after: the end of the name (up to
 * 12 words, stopping at punctuation, digits and function words), or 0. */
static size_t misc_named(an_ctx *c, size_t i, size_t end)
{
    size_t w = MATCH(i, end, misc_cues, 3);
    if (!w || i + w >= end || !capital(TK(i + w)) || MATCH(i + w, end, titles, 3) ||
        MATCH(i + w, end, org_heads, 3))
        return 0;
    size_t k = i + w;
    while (k < c->nt && k < i + w + 12 && !TK(k)->sent0 && !TK(k)->used) {
        const an_tok *t = TK(k);
        if (t->type != VNT_TOK_SYLLABLE && t->type != VNT_TOK_FOREIGN && t->type != VNT_TOK_ABBREV)
            break;
        if (t->cse == VNT_CASE_LOWER && t->word0 &&
            ((IN(t->lk, gap_stop) && !IN(t->lk, admin)) || t->upos == VNT_UPOS_ADP ||
             t->upos == VNT_UPOS_PRON || t->upos == VNT_UPOS_AUX))
            break;
        k++;
    }
    /* a lower-case tail that ends nowhere capitalised stays out */
    while (k > i + w + 1 && TK(k - 1)->cse == VNT_CASE_LOWER && k > end)
        k--;
    return k;
}

/* Title-only mentions of a person named before ("Trưởng ban Kinh tế Trung
 * ương", "đồng chí Trưởng ban" after "Trần Tuấn Anh, …, Trưởng Ban Kinh tế
 * Trung ương"): a nominal PER whose ref is that person. The title must be
 * one of the person's titles, or its first words; the latest such person
 * wins. Adds entities (unsorted); returns how many. */
static size_t nominals(an_ctx *c)
{
    vnt_article *a = c->a;
    size_t n0 = a->n_entities, added = 0;
    for (size_t i = 0; i < c->nt; i++) {
        const an_tok *t = TK(i);
        if (!capital(t) || in_person(c, i)) continue;
        size_t w = MATCH(i, c->nt, titles, 4);
        if (!w) continue;
        size_t j = i + w;
        /* the organisation it heads: an entity right after, or a bare head */
        for (size_t q = 0; q < n0; q++)
            if (a->entities[q].type == VNT_ENT_ORG && j < c->nt &&
                a->entities[q].start == TK(j)->s) {
                while (j < c->nt && TK(j)->e <= a->entities[q].end)
                    j++;
                break;
            }
        size_t oh;
        if (j == i + w && (oh = MATCH(j, c->nt, org_heads, 2)) != 0 && !TK(j)->sent0) j += oh;
        if (j == i + 1 && (is(t, "trưởng") || is(t, "phó") || is(t, "nguyên") || is(t, "cựu")))
            continue;
        /* a name follows: the title belongs to that mention, not a repeat */
        if (j < c->nt && !TK(j)->sent0 && capital(TK(j))) continue;
        char km[160], kt[160];
        vnt__gaz_key(c->s + t->s, TK(j - 1)->e - t->s, km, sizeof km);
        size_t lm = strlen(km);
        long best = -1;
        for (size_t q = 0; q < n0; q++) {
            const vnt_entity *p = &a->entities[q];
            if (p->type != VNT_ENT_PER || p->nominal || p->end > t->s) continue;
            for (size_t r = 0; r < p->n_titles; r++) {
                const vnt_span *ts = &a->titles[p->title_begin + r];
                vnt__gaz_key(c->s + ts->start, ts->end - ts->start, kt, sizeof kt);
                if (!strncmp(kt, km, lm) && (kt[lm] == 0 || kt[lm] == ' ') &&
                    (best < 0 || p->start > a->entities[best].start))
                    best = (long)q;
            }
        }
        if (best < 0) continue;
        vnt_entity e;
        memset(&e, 0, sizeof e);
        e.type = VNT_ENT_PER;
        e.nominal = 1;
        e.start = t->s;
        e.end = TK(j - 1)->e;
        e.ref = (long)a->entities[best].start; /* an offset until the entities are sorted */
        e.honorific.start = e.honorific.end = e.start;
        e.location.start = e.location.end = e.start;
        char hon[64];
        size_t hw = cue_before(c, i, honorifics, COUNT(honorifics), hon, sizeof hon);
        if (hw) {
            e.honorific.start = TK(i - hw)->s;
            e.honorific.end = TK(i - 1)->e;
        }
        if (vnt__an_push_entity(c, &e) >= 0) added++;
        i = j - 1;
    }
    return added;
}

void vnt__an_entities(an_ctx *c)
{
    c->gen++;
    if (!c->gen) { /* wrapped: no entry may look current */
        for (size_t i = 0; i < c->cap_ek; i++)
            c->ek[i].gen = 0;
        c->org_gen = c->idf_gen = 0;
        c->gen = 1;
    }
    vnt_span names[32]; /* organisation names after a head, for later bare mentions */
    size_t nn = 0;
    size_t later[64][2]; /* foreign names without person evidence yet */
    size_t nlater = 0;
    size_t weak[64]; /* starts of persons on weak evidence (per_known) */
    size_t nweak = 0;
    misc_quoted(c);
    long last_per = -1;
    size_t last_per_end = 0;
    pend p = {{0}, {0}, 0};
    for (size_t i = 0; i < c->nt; i++) {
        an_tok *t = TK(i);
        if (t->sent0) p.n = 0;
        if (t->used || !capital(t)) continue;
        size_t end = run_end(c, i);
        size_t a = i;
        /* sentence-initial capital says nothing: drop a first word that is
         * no name, title, organisation or place */
        if (t->sent0 || (i > 0 && TK(i - 1)->sent0 && TK(i - 1)->type == VNT_TOK_PUNCT)) {
            int lv, cue;
            const char *pr;
            int keep = MATCH(i, end, titles, 4) || MATCH(i, end, org_heads, 4) ||
                       match_place(c, i, end, &lv, &pr, &cue) ||
                       (vnt__an_gaz(c, i, VNT__GAZ_SURNAME) && end - i >= 2 && i + 1 < c->nt &&
                        capital(TK(i + 1))) ||
                       t->upos == VNT_UPOS_PROPN || t->type == VNT_TOK_ABBREV ||
                       (t->type == VNT_TOK_FOREIGN && end - i >= 2) || IN(t->lk, org_acronyms);
            if (IN(t->lk, honorifics)) keep = 0;
            if (!keep) {
                size_t w = word_end(c, i);
                i = w - 1;
                continue;
            }
        }
        size_t mw;
        /* MISC by name: Đại hội XIII, World Cup 2022, V-League */
        if (is(t, "đại") && i + 2 < c->nt && is(TK(i + 1), "hội") && !TK(i + 2)->sent0 &&
            roman(TK(i + 2), c->s)) {
            add_ent(c, VNT_ENT_MISC, i, i + 3);
            i += 2;
            continue;
        }
        /* "Đề án Phát triển du lịch tỉnh Đồng Tháp", "Cuộc thi Đại sứ Văn hóa
         * đọc", "cúp Nhà Vua Tây Ban Nha": a programme or event word then a
         * capitalised name, through its lower-case words to the clause's end */
        if (!t->sent0 && (mw = misc_named(c, i, end)) != 0) {
            add_ent(c, VNT_ENT_MISC, i, mw);
            i = mw - 1;
            continue;
        }
        if (i > 0 && !t->sent0 && is(TK(i - 1), "cúp") && TK(i - 1)->word0 && !TK(i - 1)->used) {
            add_ent(c, VNT_ENT_MISC, i - 1, end);
            i = end - 1;
            continue;
        }
        mw = MATCH(i, end, misc_names, 3);
        if (mw && !(mw == 1 && is(t, "tết"))) {
            size_t e = i + mw;
            if (e < c->nt && TK(e)->type == VNT_TOK_NUMBER && !TK(e)->sent0 &&
                TK(e)->e - TK(e)->s == 4)
                e++;
            /* "LS V-League 2020": a sponsor prefix stays outside */
            add_ent(c, VNT_ENT_MISC, i, e);
            i = e - 1;
            continue;
        }
        size_t pos = a;
        while (pos < end) {
            size_t w;
            int lv = 0, cue = 0;
            const char *pr = NULL;
            char which[96];
            if (TK(pos)->type == VNT_TOK_PUNCT) {
                pos++;
                continue;
            }
            /* a title (with the organisation it heads) */
            if ((w = MATCH(pos, end, titles, 4)) != 0 &&
                !(w == 1 && (is(TK(pos), "trưởng") || is(TK(pos), "phó")) &&
                  !(pos + 1 < end && MATCH(pos + 1, end, org_heads, 3)))) {
                size_t ts = pos, te = pos + w;
                /* lower-case "ban" after "Trưởng": the organisation starts there */
                size_t oh = MATCH(te, c->nt, org_heads, 3);
                vnt_span ploc;
                size_t pe = te < c->nt && !TK(te)->used ? org_phrase(c, te, &ploc) : 0;
                if (pe && pe >= end) {
                    long k = add_ent(c, VNT_ENT_ORG, te, pe);
                    if (k >= 0) c->a->entities[k].location = ploc;
                    te = pe;
                    end = pe;
                } else if (te < end || (oh && te < c->nt && !TK(te)->sent0 && !TK(te)->used)) {
                    if (oh) {
                        size_t oe = end > te + oh ? end : run_end(c, te + oh);
                        if (oe < te + oh) oe = te + oh;
                        /* "Bí thư Tỉnh ủy Lê Trường Lưu": the name right after the
                         * head is the person, not part of the organisation */
                        size_t nt = name_tail(c, te, oe);
                        if (nt >= te + oh && nt < oe) oe = nt;
                        vnt_span loc;
                        size_t ox = org_extend(c, te, oe, &loc);
                        char hp[96];
                        phrase(c, te, te + oh, hp, sizeof hp);
                        /* "đồng chí Trưởng ban đề nghị": a bare generic head is
                         * part of the title, no organisation by itself */
                        if (ox == te + oh && TK(te)->cse == VNT_CASE_LOWER && IN(hp, gap_heads)) {
                            te = ox;
                        } else {
                            long k = add_ent(c, VNT_ENT_ORG, te, ox);
                            if (k >= 0) c->a->entities[k].location = loc;
                            te = ox;
                        }
                        if (te > end) end = te;
                    }
                }
                /* after a person's name: ", Ủy viên Bộ Chính trị, Trưởng Ban…" */
                int after =
                    last_per >= 0 && TK(ts)->s >= last_per_end && TK(ts)->s - last_per_end <= 4;
                if (after) {
                    add_title_after(c, last_per, ts, te);
                    last_per_end = TK(te - 1)->e;
                } else if (p.n < 8) {
                    p.ts[p.n] = ts;
                    p.te[p.n++] = te;
                }
                pos = te;
                continue;
            }
            /* an organisation named with lower-case words */
            vnt_span ploc;
            size_t pe2 = org_phrase(c, pos, &ploc);
            if (pe2 && pe2 >= end) {
                long k = add_ent(c, VNT_ENT_ORG, pos, pe2);
                if (k >= 0) c->a->entities[k].location = ploc;
                pos = end = pe2;
                continue;
            }
            /* an organisation ("Đài Loan", "Hội An": a known place longer than
             * the head word it starts with is the place) */
            int lvh = 0, cueh = 0;
            const char *prh = NULL;
            size_t wh = MATCH(pos, end, org_heads, 3);
            if (wh && match_place(c, pos, end, &lvh, &prh, &cueh) > wh && !cueh) wh = 0;
            if (((w = wh) != 0 || IN(TK(pos)->lk, org_acronyms)) &&
                !(w == 1 && TK(pos)->sent0 && TK(pos)->wlast > pos && TK(pos)->wlast + 1 == end &&
                  TK(pos + 1)->cse == VNT_CASE_LOWER &&
                  MATCH(pos, end, org_heads, 4) != end - pos)) {
                /* (a sentence-initial "Ban đầu", "Hội ý": one lower-case word, no name) */
                size_t oe = end;
                /* a person's name after an organisation needs a title before it or
                 * three syllables ("Ngân hàng … Liên Việt" is the bank's name) */
                size_t nt = name_tail(c, pos + (w ? w : 1), end);
                /* ... but not a name right after the head: institutions are
                 * named after people ("Bệnh viện Nguyễn Tri Phương") */
                if (nt < end && (end - nt >= 3 || p.n) &&
                    !(w && nt == pos + w && !p.n && named_after(c, pos, w)))
                    oe = nt;
                if (!w) oe = pos + 1; /* an acronym alone */
                /* a single generic head with nothing capitalised after is no name */
                if (w && oe == pos + w &&
                    !(is(TK(pos), "quốc hội") || is(TK(pos), "chính phủ") || is(TK(pos), "đảng")) &&
                    !(w >= 2 && TK(pos + 1)->cse != VNT_CASE_LOWER)) {
                    char ph[96];
                    phrase(c, pos, oe, ph, sizeof ph);
                    vnt_span loc;
                    size_t ox = org_extend(c, pos, oe, &loc);
                    size_t gn = 0, gx = ox == oe ? gap_name(c, pos, w, &gn) : 0;
                    if (gx) {
                        ox = org_extend(c, pos, gx, &loc);
                        if (nn < COUNT(names)) names[nn++] = (vnt_span){TK(gn)->s, TK(gx - 1)->e};
                    }
                    if (ox == oe && !IN(ph, single)) {
                        pos = oe;
                        continue;
                    }
                    long k = add_ent(c, VNT_ENT_ORG, pos, ox);
                    if (k >= 0) c->a->entities[k].location = loc;
                    pos = ox;
                    if (pos > end) end = pos;
                    continue;
                }
                vnt_span loc;
                size_t ox = org_extend(c, pos, oe, &loc);
                /* "CLB HA Gia Lai": the club's name without the generic head
                 * (tests/gold/README.md: generic type words stay outside) */
                size_t os = pos;
                if (w && (is(TK(pos), "clb") || (w == 3 && is(TK(pos), "câu"))) && pos + w < ox)
                    os = pos + w;
                long k = add_ent(c, VNT_ENT_ORG, os, ox);
                if (k >= 0) c->a->entities[k].location = loc;
                if (w && oe > pos + w && !loc.end && nn < COUNT(names))
                    names[nn++] = (vnt_span){TK(pos + w)->s, TK(oe - 1)->e};
                pos = ox;
                if (pos > end) end = pos;
                continue;
            }
            /* a name after "PV", "hãng tin", "công ty" (lower case): an
             * organisation, unless the whole name is a known place */
            if (pos == a && is(TK(pos), "pv") && pos + 1 < end && capital(TK(pos + 1))) {
                /* "PV Dân Trí": the reporter's paper */
                add_ent(c, VNT_ENT_ORG, pos + 1, end);
                pos = end;
                continue;
            }
            if (pos == a) {
                char ocue[96] = "";
                size_t ow = cue_before(c, pos, org_cues, COUNT(org_cues), ocue, sizeof ocue);
                /* "kênh" is also a canal ("kênh Kim Đôi"): a channel only when the
                 * name is foreign ("kênh National Geographic") */
                if (ow && !strcmp(ocue, "kênh") && TK(pos)->type != VNT_TOK_FOREIGN) ow = 0;
                int lv4, cue4;
                const char *pr4;
                /* "Tờ Yonhap": a cue capitalised only because it starts the sentence */
                if (ow && TK(pos - ow)->word0 && TK(pos - 1)->wlast == pos - 1 &&
                    (TK(pos - ow)->cse == VNT_CASE_LOWER ||
                     (TK(pos - ow)->sent0 && TK(pos - ow)->cse == VNT_CASE_TITLE)) &&
                    match_place(c, pos, end, &lv4, &pr4, &cue4) != end - pos &&
                    !MATCH(pos, end, titles, 3) && !IN(TK(pos)->lk, honorifics) &&
                    !(end == pos + 1 &&
                      (TK(pos)->e - TK(pos)->s < 2 || IN(TK(pos)->lk, generic_acronyms)))) {
                    size_t oe2 = end;
                    size_t nt2 = name_tail(c, pos, end);
                    if (nt2 > pos && nt2 < end) oe2 = nt2;
                    add_ent(c, VNT_ENT_ORG, pos, oe2);
                    if (nn < COUNT(names)) names[nn++] = (vnt_span){TK(pos)->s, TK(oe2 - 1)->e};
                    pos = oe2;
                    continue;
                }
            }
            /* a team: "vào lưới Bilbao", "dẫn dắt HA Gia Lai", "khoác áo Chelsea";
             * a city or province beaten, held or met is its club ("đánh bại Hà
             * Nội", "hòa Barcelona") */
            if (pos == a && pos > 0 && !TK(pos)->sent0) {
                static const char *const team_any[] = {"dẫn dắt", "gia nhập", "khoác áo", "lưới"};
                static const char *const team_place[] = {"hòa",   "hoà",      "gặp",    "thua",
                                                         "thắng", "đánh bại", "đối đầu"};
                size_t tw = cue_before(c, pos, team_any, COUNT(team_any), NULL, 0);
                int lv6 = 0, cue6;
                const char *pr6;
                if (!tw && cue_before(c, pos, team_place, COUNT(team_place), NULL, 0) &&
                    match_place(c, pos, end, &lv6, &pr6, &cue6) == end - pos &&
                    (lv6 == 2 || lv6 == 7))
                    tw = 1;
                if (tw && !IN(TK(pos)->lk, honorifics) && !MATCH(pos, end, titles, 3) &&
                    name_tail(c, pos, end) != pos) {
                    add_ent(c, VNT_ENT_ORG, pos, end);
                    pos = end;
                    continue;
                }
            }
            /* a stock or product code after "mã" is no entity (tests/gold/README.md:
             * codes are not labelled) */
            if (pos == a && pos > 0 && !TK(pos)->sent0 && is(TK(pos - 1), "mã") &&
                TK(pos)->cse == VNT_CASE_UPPER && end == pos + 1) {
                pos = end;
                continue;
            }
            /* "Sport.Trueid", "VnExpress.net": a name written as a web address */
            if (pos + 2 < c->nt && is(TK(pos + 1), ".") && TK(pos + 1)->s == TK(pos)->e &&
                TK(pos + 2)->s == TK(pos + 1)->e && TK(pos)->e - TK(pos)->s >= 2 &&
                TK(pos + 2)->e - TK(pos + 2)->s >= 2 &&
                (TK(pos)->type == VNT_TOK_SYLLABLE || TK(pos)->type == VNT_TOK_FOREIGN) &&
                (TK(pos + 2)->type == VNT_TOK_FOREIGN ||
                 (TK(pos + 2)->type == VNT_TOK_SYLLABLE && TK(pos + 2)->cse == VNT_CASE_LOWER))) {
                add_ent(c, VNT_ENT_ORG, pos, pos + 3);
                pos += 3;
                if (pos > end) end = pos;
                continue;
            }
            /* "HA Gia Lai", "SHB Đà Nẵng": a sponsor's acronym before a province
             * names a club */
            if (TK(pos)->cse == VNT_CASE_UPPER && TK(pos)->e - TK(pos)->s >= 2 &&
                !IN(TK(pos)->lk, generic_acronyms) && pos + 1 < end) {
                int lv5, cue5;
                const char *pr5;
                size_t pw5 = match_place(c, pos + 1, end, &lv5, &pr5, &cue5);
                if (pw5 && pos + 1 + pw5 == end && lv5 == 2) {
                    add_ent(c, VNT_ENT_ORG, pos, end);
                    pos = end;
                    continue;
                }
            }
            /* facilities named with capitals are places, cue and all ("Sân bay
             * Quốc tế Đà Nẵng"; tests/gold/README.md) */
            {
                static const char *const facilities[] = {
                    "bến xe", "cảng",   "cảng hàng không", "chùa",
                    "ga",     "nhà ga", "sân bay",         "sân vận động"};
                size_t fw = pos == a ? MATCH(pos, c->nt, facilities, 3) : 0;
                if (fw && pos + fw < c->nt && !TK(pos)->sent0 && !TK(pos + fw)->sent0 &&
                    capital(TK(pos + fw)) && !TK(pos + fw)->used) {
                    size_t fe = run_end(c, pos + fw);
                    if (fe < end) fe = end;
                    add_loc(c, pos, fe, 8, NULL);
                    pos = end = fe;
                    continue;
                }
            }
            /* "về phía Đông Bắc", "bán cầu Bắc": a direction, not a place */
            if (pos == a && pos > 0 && !TK(pos)->sent0 &&
                (is(TK(pos - 1), "phía") || is(TK(pos - 1), "hướng") || is(TK(pos - 1), "cầu") ||
                 is(TK(pos - 1), "chính") || is(TK(pos - 1), "cực"))) {
                size_t q = pos;
                while (q < end && IN(TK(q)->lk, dirs))
                    q++;
                if (q == end) {
                    pos = end;
                    continue;
                }
            }
            /* "ông Anh" after "Trần Tuấn Anh": the person, though Anh is a country */
            if (pos == a && end - pos <= 3 &&
                cue_before(c, pos, honorifics, COUNT(honorifics), NULL, 0) &&
                per_tail(c, pos, end)) {
                char hon[64];
                size_t hw = cue_before(c, pos, honorifics, COUNT(honorifics), hon, sizeof hon);
                long k = add_ent(c, VNT_ENT_PER, pos, end);
                if (k >= 0) {
                    c->a->entities[k].honorific.start = TK(pos - hw)->s;
                    c->a->entities[k].honorific.end = TK(pos - 1)->e;
                }
                last_per = k;
                last_per_end = TK(end - 1)->e;
                pos = end;
                continue;
            }
            /* a place */
            size_t cw = cue_before(c, pos, loc_cues, COUNT(loc_cues), which, sizeof which);
            /* the cue is a word of its own: "phiên bản iPhone" holds no "bản" */
            if (cw && !TK(pos - cw)->word0) cw = 0;
            if (pos > a) cw = 0;
            if ((w = match_place(c, pos, end, &lv, &pr, &cue)) != 0 && cue && !cw) {
                /* a name that needs its cue word was cued before in this article */
                char kk[160];
                vnt__gaz_key(c->s + TK(pos)->s, TK(pos + w - 1)->e - TK(pos)->s, kk, sizeof kk);
                for (size_t q = 0; q < c->a->n_entities && cue; q++)
                    if (c->a->entities[q].type == VNT_ENT_LOC && !strcmp(kk, ekey(c, q))) cue = 0;
            }
            if (w && (!cue || cw)) {
                if (cw && !strcmp(which, "cửa khẩu"))
                    lv = 5;
                else if (cw && cue_level(which) >= 3 && cue_level(which) <= 4 && lv == 2)
                    lv = cue_level(which);
                else if (cw && !strcmp(which, "thành phố") && lv == 2)
                    lv = 7;
                size_t we = pos + w;
                /* "Sài Gòn FC", "Manchester United": a place then an
                 * organisation word names a club */
                if (we < end && capital(TK(we)) && IN(TK(we)->lk, foreign_org_words)) {
                    add_ent(c, VNT_ENT_ORG, pos, end);
                    pos = end;
                    continue;
                }
                /* a route "Nội Bài-Lào Cai": two places joined without spaces */
                int lv2, cue2;
                const char *pr2;
                size_t w2;
                if (we + 1 < end && is(TK(we), "-") && TK(we)->s == TK(we - 1)->e &&
                    (w2 = match_place(c, we + 1, end, &lv2, &pr2, &cue2)) != 0) {
                    we += 1 + w2;
                    lv = 8;
                    pr = NULL;
                }
                /* "châu Á", "châu Âu": the continent's name includes "châu" */
                size_t ps = pos;
                if (cw == 1 && !strcmp(which, "châu") && we == pos + 1) ps = pos - 1;
                long k = add_loc(c, ps, we, lv, lv == 1 || lv >= 5 ? NULL : pr);
                w = we - pos;
                /* "Ma Lù Thàng (Việt Nam)-Kim Thủy Hà (Trung Quốc)": the pair of a border gate */
                (void)k;
                if (lv == 5) {
                    size_t q = pos + w;
                    if (q < c->nt && is(TK(q), "(")) {
                        while (q < c->nt && q < pos + w + 6 && !is(TK(q), ")"))
                            q++;
                        q++;
                    }
                    if (q + 1 < c->nt && is(TK(q), "-") && capital(TK(q + 1)) &&
                        !TK(q + 1)->sent0) {
                        size_t e2 = q + 1;
                        while (e2 < c->nt && capital(TK(e2)) && !TK(e2)->sent0)
                            e2++;
                        add_loc(c, q + 1, e2, 5, NULL);
                    }
                }
                pos += w;
                continue;
            }
            /* TP, Thành phố, Tỉnh written as part of the run: a cue */
            size_t ccw = MATCH(pos, end, cap_cues, 2);
            /* "Hồ Văn Cường": Hồ is also a surname; a full name wins over the cue */
            if (ccw == 1 && is(TK(pos), "hồ") && end - pos >= 3 && name_tail(c, pos, end) == pos) {
                int lv3, cue3;
                const char *pr3;
                if (match_place(c, pos + 1, end, &lv3, &pr3, &cue3) != end - pos - 1) ccw = 0;
            }
            if (ccw && pos + ccw < end) {
                phrase(c, pos, pos + ccw, which, sizeof which);
                size_t s2 = pos + ccw;
                size_t w2 = match_place(c, s2, end, &lv, &pr, &cue);
                if (!w2) {
                    w2 = end - s2;
                    lv = cue_level(which);
                    pr = NULL;
                }
                add_loc(c, s2, s2 + w2, lv, lv == 1 || lv >= 5 ? NULL : pr);
                pos = s2 + w2;
                continue;
            }
            /* streets and wards are named after people ("đường Phạm Văn Đồng",
             * "phường Quang Nhân"): after such a cue the name is the place */
            if (cw && IN(which, street_cues)) {
                add_loc(c, pos, end, cue_level(which), NULL);
                pos = end;
                continue;
            }
            /* a person: surname + given names, or a name after an honorific/title */
            /* "Nguyễn Thành Phong Chủ tịch UBND …" (no comma): the name stops at a
             * title of two or more syllables, which then follows the person */
            for (size_t k2 = pos + 1; k2 + 1 < end; k2++)
                if (TK(k2)->word0 && capital(TK(k2)) && MATCH(k2, end, titles, 4) >= 2) {
                    end = k2;
                    break;
                }
            size_t nt = name_tail(c, pos, end);
            char hon[64];
            size_t hw =
                pos == a ? cue_before(c, pos, honorifics, COUNT(honorifics), hon, sizeof hon) : 0;
            size_t pw =
                pos == a ? cue_before(c, pos, person_nouns, COUNT(person_nouns), NULL, 0) : 0;
            int padj = p.n && TK(pos)->s <= TK(p.te[p.n - 1] - 1)->e + 2;
            if (p.n && !padj) p.n = 0;
            int digits = 0; /* "Người đẹp 9X": a generation, no name */
            for (size_t b = TK(pos)->s; b < TK(end - 1)->e; b++)
                digits |= c->s[b] >= '0' && c->s[b] <= '9';
            /* "cầu thủ Man Utd", "Chủ tịch Real Madrid": a foreign name with an
             * organisation word after a person noun or title is the club */
            int orgname = 0;
            if (!hw && (pw || padj) && nt != pos)
                for (size_t k2 = pos; k2 < end; k2++)
                    if (TK(k2)->type == VNT_TOK_FOREIGN && TK(k2)->cse == VNT_CASE_TITLE &&
                        IN(TK(k2)->lk, foreign_org_words))
                        orgname = 1;
            if (orgname && !digits) {
                add_ent(c, VNT_ENT_ORG, pos, end);
                pos = end;
                continue;
            }
            /* "học sinh THCS", "giáo viên THPT": a generic acronym is no name */
            if (end == pos + 1 && IN(TK(pos)->lk, generic_acronyms)) {
                pos = end;
                continue;
            }
            if ((nt == pos || hw || pw || padj) && !digits) {
                size_t pe = end;
                if (nt > pos && nt < end) pe = nt;
                long k = add_ent(c, VNT_ENT_PER, pos, pe);
                if (k >= 0 && hw) {
                    c->a->entities[k].honorific.start = TK(pos - hw)->s;
                    c->a->entities[k].honorific.end = TK(pos - 1)->e;
                }
                attach_titles(c, k, &p);
                last_per = k;
                last_per_end = TK(pe - 1)->e;
                pos = pe;
                continue;
            }
            /* a place by its cue, unknown to the gazetteer */
            if (cw) {
                /* "châu Á", "châu Âu": the continent's name includes "châu" */
                if (cw == 1 && !strcmp(which, "châu") && end == pos + 1) {
                    add_loc(c, pos - 1, end, 6, NULL);
                    pos = end;
                    continue;
                }
                add_loc(c, pos, end, cue_level(which), NULL);
                pos = end;
                continue;
            }
            for (size_t k2 = pos + 1; k2 < end; k2++)
                if (MATCH(k2, end, org_heads, 3) && capital(TK(k2))) {
                    end = k2;
                    break;
                }
            /* unknown: acronyms are organisations, a later mention of a
             * person's last name is that person, other names are people */
            an_tok *u = TK(pos);
            /* codes and scraping residue are no names: "BN2825", "VJ8679",
             * "9X", "Covid-19", "nbspTrước", a heading word in capitals ("BỆNH") */
            int junk = 0;
            for (size_t k2 = pos; k2 < end; k2++) {
                const an_tok *q = TK(k2);
                for (size_t b = q->s; b < q->e; b++)
                    if (c->s[b] >= '0' && c->s[b] <= '9') junk = 1;
                if (!strncmp(q->lk, "nbsp", 4) || IN(q->lk, not_names)) junk = 1;
            }
            if (end - pos == 1 && u->cse == VNT_CASE_UPPER && u->type == VNT_TOK_SYLLABLE) {
                for (size_t b = u->s; b < u->e; b++)
                    if ((unsigned char)c->s[b] >= 0x80 &&
                        !((unsigned char)c->s[b] == 0xc4 && (unsigned char)c->s[b + 1] == 0x90))
                        junk = 1; /* accented capitals other than Đ: a word, not an acronym */
            }
            if (junk) {
                pos = end;
                continue;
            }
            if (end - pos == 1 && (u->type == VNT_TOK_ABBREV || u->cse == VNT_CASE_UPPER)) {
                if (!IN(u->lk, generic_acronyms) && u->e - u->s >= 2)
                    add_ent(c, VNT_ENT_ORG, pos, pos + 1);
                pos = end;
                continue;
            }
            int seen_per = 0;
            char ku[64];
            vnt__gaz_key(c->s + u->s, TK(end - 1)->e - u->s, ku, sizeof ku);
            for (size_t q = 0; q < c->a->n_entities; q++) {
                vnt_entity *f = &c->a->entities[q];
                if (f->type != VNT_ENT_PER || is_weak(c, q, weak, nweak)) continue;
                const char *kf = ekey(c, q);
                size_t lf = strlen(kf), lu = strlen(ku);
                if (lu <= lf && !strcmp(kf + lf - lu, ku) && (lu == lf || kf[lf - lu - 1] == ' '))
                    seen_per = 1;
            }
            int namelike = end - pos >= 2;
            for (size_t k2 = pos; k2 < end && namelike; k2++) {
                if (TK(k2)->type == VNT_TOK_FOREIGN) continue;
                if (TK(k2)->type != VNT_TOK_SYLLABLE || TK(k2)->cse != VNT_CASE_TITLE) {
                    namelike = 0;
                    break;
                }
                if (!vnt__an_gaz(c, k2, VNT__GAZ_GIVEN | VNT__GAZ_SURNAME)) namelike = 0;
            }
            /* foreign names written Title Case ("Sonia Ben Ammar", "Park
             * Hang-Seo", "Zico") are mostly people in news; CamelCase
             * ("TikTok") is a brand */
            int foreign_per = 1;
            for (size_t k2 = pos; k2 < end; k2++) {
                const an_tok *q = TK(k2);
                if (q->type == VNT_TOK_PUNCT) continue;
                if (q->cse == VNT_CASE_MIXED || q->cse == VNT_CASE_UPPER) foreign_per = 0;
            }
            if (u->type != VNT_TOK_FOREIGN) foreign_per = 0;
            /* a name the news writes after "hãng", "báo", "CLB"… (opts->orgs) */
            char ko[160];
            vnt__gaz_key(c->s + u->s, TK(end - 1)->e - u->s, ko, sizeof ko);
            /* "Ngân hàng TMCP Xuất nhập khẩu (Eximbank)", "Công ty Bia Hà Nội
             * (Habeco)": a name in brackets right after an organisation is its
             * short name */
            int closes =
                end < c->nt &&
                (is(TK(end), ")") || ((is(TK(end), "-") || is(TK(end), ",") || is(TK(end), ";")) &&
                                      (u->type == VNT_TOK_FOREIGN || u->cse == VNT_CASE_UPPER ||
                                       u->cse == VNT_CASE_MIXED)));
            if (!seen_per && pos >= 2 && is(TK(pos - 1), "(") && closes) {
                int after_org = 0;
                for (size_t q = 0; q < c->a->n_entities; q++)
                    if (c->a->entities[q].type == VNT_ENT_ORG &&
                        c->a->entities[q].end == TK(pos - 2)->e)
                        after_org = 1;
                if (after_org) {
                    add_ent(c, VNT_ENT_ORG, pos, end);
                    pos = end;
                    continue;
                }
            }
            if (!seen_per && vnt__an_org_name(c, ko)) {
                add_ent(c, VNT_ENT_ORG, pos, end);
                pos = end;
                continue;
            }
            /* a foreign Title Case name is a person only with person evidence:
             * the shape of a personal name (2-3 words, none an organisation
             * word), a verb of saying or a title after it (honorifics, person
             * nouns and titles before it were handled above); else an
             * organisation when an organisation word or cue says so, else no
             * label (why: media, platforms, companies and clubs were guessed PER) */
            int weak_ev = 0;
            if (foreign_per && !seen_per) {
                size_t nw = 0;
                int orgw = 0, miscw = 0, prodw = 0;
                for (size_t k2 = pos; k2 < end; k2++) {
                    if (TK(k2)->type == VNT_TOK_PUNCT) continue;
                    nw++;
                    size_t ll = strlen(TK(k2)->lk);
                    if (IN(TK(k2)->lk, foreign_org_words) ||
                        (ll > 4 && !strcmp(TK(k2)->lk + ll - 4, "bank")))
                        orgw = 1; /* (also "Eximbank", "VPBank") */
                    if (IN(TK(k2)->lk, foreign_misc_words)) miscw = 1;
                    if (k2 > pos && IN(TK(k2)->lk, product_words)) prodw = 1;
                }
                if (prodw) {
                    pos = end;
                    continue;
                }
                if (miscw && nw >= 2) {
                    add_ent(c, VNT_ENT_MISC, pos, end);
                    pos = end;
                    continue;
                }
                int said = end < c->nt && !TK(end)->sent0 && MATCH(end, c->nt, per_verbs, 2);
                /* (organisations too "cho biết", "khẳng định"…: one such verb
                 * vouches for this mention only) */
                static const char *const org_says[] = {"cho biết", "cho hay", "khẳng định",
                                                       "trả lời"};
                weak_ev = said && nw == 1 && MATCH(end, c->nt, org_says, 2);
                if (!said && end + 1 < c->nt && is(TK(end), ",") && !TK(end + 1)->sent0 &&
                    MATCH(end + 1, c->nt, titles, 4))
                    said = 1, weak_ev = 0;
                if (per_known(c, ku, weak, nweak)) said = 1, weak_ev = 0;
                /* "iPhone 12 Pro Max": a model name after a brand's short number is a
                 * product ("hoa hậu Arizona 2010 Brittany Bell" is none) */
                if (!said && pos > 1 && TK(pos - 1)->type == VNT_TOK_NUMBER && !TK(pos)->sent0 &&
                    TK(pos - 1)->e - TK(pos - 1)->s <= 3 && capital(TK(pos - 2))) {
                    pos = end;
                    continue;
                }
                /* "Zico đang tạo nên cơn sốt… Anh ấy đang…": the next sentence
                 * goes on with a personal pronoun */
                for (size_t k2 = end; !said && k2 + 1 < c->nt && k2 < end + 80; k2++) {
                    if (!TK(k2)->sent0) continue;
                    if (IN(TK(k2)->lk, honorifics) && is(TK(k2 + 1), "ấy")) said = 1, weak_ev = 0;
                    break;
                }
                int orgcue = cue_before(c, pos, org_cues, COUNT(org_cues), NULL, 0) != 0;
                /* "đại học Nagoya", "bệnh viện Guru Teg Bahadur": an institution
                 * word as a word of its own ("thị trường" is none) */
                size_t iw = cue_before(c, pos, inst_cues, COUNT(inst_cues), NULL, 0);
                if (iw && TK(pos - iw)->word0) orgcue = 1;
                /* "Theo Science Alert", "(Theo Sputnik)": the source a report
                 * cites is a medium (persons come with "ông", "bà"…) */
                if (pos > 0 && is(TK(pos - 1), "theo") && TK(pos - 1)->word0 &&
                    TK(pos - 1)->wlast == pos - 1)
                    orgcue = 1;
                /* "Bayern Munich", "Inter Milan": a foreign name ending in a
                 * known city or country is a club or company */
                static const char *const place_lead[] = {"east", "new", "north", "south", "west"};
                if (!said && nw >= 2 && TK(end - 1)->type == VNT_TOK_FOREIGN &&
                    !IN(TK(pos)->lk, place_lead)) { /* ("New Mexico" is a place) */
                    int lve = 0, cuee = 0;
                    const char *pre = NULL;
                    if (match_place(c, end - 1, end, &lve, &pre, &cuee) == 1 && !cuee &&
                        (lve == 1 || lve == 7))
                        orgw = 1;
                }
                if (orgw || (!said && orgcue)) {
                    add_ent(c, VNT_ENT_ORG, pos, end);
                    pos = end;
                    continue;
                }
                /* "ở Uttar Pradesh", "tại Los Angeles": a foreign name of two or
                 * three words after a locative word is a place, not a person */
                if (!said && nw >= 2 && pos > 0 && !TK(pos)->sent0 &&
                    (is(TK(pos - 1), "tại") || is(TK(pos - 1), "ở"))) {
                    add_loc(c, pos, end, 8, NULL);
                    pos = end;
                    continue;
                }
                if (!said && !(nw >= 2 && nw <= 3)) {
                    /* decided at the end: a person when the article names
                     * one so elsewhere ("giữ chân Messi" … "Lionel Messi") */
                    if (nlater < COUNT(later)) {
                        later[nlater][0] = pos;
                        later[nlater++][1] = end;
                    }
                    pos = end;
                    continue;
                }
            }
            if (seen_per || namelike || foreign_per) {
                long k = add_ent(c, VNT_ENT_PER, pos, end);
                if (k >= 0 && weak_ev && nweak < COUNT(weak)) weak[nweak++] = TK(pos)->s;
                last_per = k;
                last_per_end = TK(end - 1)->e;
            } else if (u->type == VNT_TOK_FOREIGN || u->cse == VNT_CASE_MIXED) {
                add_ent(c, VNT_ENT_ORG, pos, end);
            }
            pos = end;
        }
        i = (end > i ? end : i + 1) - 1;
    }
    for (size_t q = 0; q < nlater; q++) {
        size_t s0 = later[q][0], e0 = later[q][1];
        char kl[64];
        vnt__gaz_key(c->s + TK(s0)->s, TK(e0 - 1)->e - TK(s0)->s, kl, sizeof kl);
        int free_ = 1;
        for (size_t k2 = s0; k2 < e0; k2++)
            if (TK(k2)->used) free_ = 0;
        if (!free_) continue;
        if (per_known(c, kl, weak, nweak)) {
            add_ent(c, VNT_ENT_PER, s0, e0);
            continue;
        }
        /* "Viettel, Vinaphone và Mobifone" after "nhà mạng Mobifone": the
         * organisation named so elsewhere in the article */
        for (size_t k2 = 0; k2 < c->a->n_entities; k2++)
            if (c->a->entities[k2].type == VNT_ENT_ORG && !strcmp(kl, ekey(c, k2))) {
                add_ent(c, VNT_ENT_ORG, s0, e0);
                break;
            }
    }
    /* "cầu thủ Tottenham" with "CLB Tottenham" elsewhere: a bare foreign name
     * the article also gives as an organisation is that organisation */
    for (size_t q = 0; q < c->a->n_entities; q++) {
        vnt_entity *f = &c->a->entities[q];
        if (f->type != VNT_ENT_PER || f->nominal || f->honorific.end > f->honorific.start) continue;
        /* (a Vietnamese name, "Nhã Phương", stays a person) */
        size_t t0 = 0;
        while (t0 < c->nt && TK(t0)->s < f->start)
            t0++;
        if (t0 == c->nt || TK(t0)->type != VNT_TOK_FOREIGN) continue;
        char kf[160]; /* a copy: the key cache may move */
        snprintf(kf, sizeof kf, "%s", ekey(c, q));
        for (size_t r = 0; r < c->a->n_entities; r++)
            if (c->a->entities[r].type == VNT_ENT_ORG && !strcmp(kf, ekey(c, r))) {
                f->type = VNT_ENT_ORG;
                f->n_titles = 0;
                break;
            }
    }
    if (c->a->n_entities > 1) {
        /* entities were added out of order (titles' organisations); keep the
         * title indices valid: titles are stored by offset, entities sorted */
        qsort(c->a->entities, c->a->n_entities, sizeof *c->a->entities, cmp_ent);
    }
    clubs(c);
    org_names(c, names, nn);
    size_t nom = nominals(c);
    if (nom) qsort(c->a->entities, c->a->n_entities, sizeof *c->a->entities, cmp_ent);
    link_refs(c);
    if (nom) {
        vnt_article *a = c->a;
        /* nominal refs held the first mention's offset: now its index */
        for (size_t i = 0; i < a->n_entities; i++) {
            if (!a->entities[i].nominal) continue;
            size_t off = (size_t)a->entities[i].ref;
            a->entities[i].ref = -1;
            for (size_t q = 0; q < i; q++)
                if (a->entities[q].type == VNT_ENT_PER && !a->entities[q].nominal &&
                    a->entities[q].start == off) {
                    a->entities[i].ref = a->entities[q].ref >= 0 ? a->entities[q].ref : (long)q;
                    break;
                }
        }
    }
}

/* The lists behind the vocabulary bits of vnt__an_vocab, with the widest
 * phrase MATCH tries in each (1: a single word, as IN). */
static const struct vocab_list {
    const char *const *l;
    size_t n, maxw;
    unsigned bit;
} vocab_lists[] = {
    {honorifics, COUNT(honorifics), 1, 1},
    {titles, COUNT(titles), 4, 2},
    {org_heads, COUNT(org_heads), 4, 4},
    {org_cues, COUNT(org_cues), 3, 8},
    {org_acronyms, COUNT(org_acronyms), 1, 8},
    {loc_cues, COUNT(loc_cues), 3, 16},
    {admin, COUNT(admin), 2, 16},
    {misc_cues, COUNT(misc_cues), 3, 32},
    {person_nouns, COUNT(person_nouns), 3, 64},
    {not_names, COUNT(not_names), 2, 128},
    {product_words, COUNT(product_words), 1, 128},
};

/* FNV-1a, fed piece by piece: a phrase's hash continues its first words' */
#define VT_FNV0 0xcbf29ce484222325ull
static uint64_t vt_feed(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h;
}
static uint64_t vt_final(uint64_t h)
{
    return (h | 0x100) & ~(uint64_t)0xFF; /* never 0 (an empty slot); low byte for the bits */
}
static uint64_t vt_hash(const char *s, size_t n)
{
    return vt_final(vt_feed(VT_FNV0, s, n));
}

/* What a table is keyed by (VT_*): each entry whole (the phrases MATCH and
 * IN can find), its first word, or its last word (of every entry, however
 * long: a cue phrase before a name ends with one). */

static const char *vt_last_word(const char *e)
{
    const char *sp = strrchr(e, ' ');
    return sp ? sp + 1 : e;
}

/* Does entry e hold key s[0..n) in the way a table of this kind keys it? */
static int vt_same(const char *e, const char *s, size_t n, int kind)
{
    if (kind == VT_LAST) e = vt_last_word(e);
    return !strncmp(e, s, n) && (e[n] == 0 || (kind == VT_FIRST && e[n] == ' '));
}

/* The bits of the lists whose entries (that MATCH or IN could find) are s
 * (VT_FIRST: begin with the word s; VT_LAST: end with it); 0 = none, 0xFF =
 * no table (every list may). */
static unsigned vt_bits(const an_vtab *t, const char *s, size_t n, uint64_t h, int kind)
{
    if (!t->slot) return 0xFF;
    for (size_t j = (size_t)(h >> 8) & (t->cap - 1);; j = (j + 1) & (t->cap - 1)) {
        uint64_t x = t->slot[j];
        if (!x) return 0;
        if ((x & ~(uint64_t)0xFF) == h && vt_same(t->str[j], s, n, kind))
            return (unsigned)(x & 0xFF);
    }
}

/* Build the table of whole phrases, first words or last words once per
 * article object (why: bisecting eleven lists at every token was a quarter
 * of the analysis); on failure (no memory, or more keys than half the
 * slots) it stays empty and vt_bits says 0xFF. */
static const an_vtab *vt_table(an_vtab *t, int kind)
{
    if (t->slot || t->cap) return t;
    t->cap = 8192;
    t->slot = calloc(t->cap, sizeof *t->slot);
    t->str = calloc(t->cap, sizeof *t->str);
    if (!t->slot || !t->str) {
        free(t->slot);
        free(t->str);
        t->slot = NULL;
        t->str = NULL;
        return t;
    }
    size_t used = 0;
    for (size_t v = 0; v < COUNT(vocab_lists); v++) {
        const struct vocab_list *L = &vocab_lists[v];
        for (size_t k = 0; k < L->n; k++) {
            const char *e = L->l[k];
            size_t words = 1;
            for (const char *q = e; *q; q++)
                words += *q == ' ';
            if (words > L->maxw && kind != VT_LAST) continue; /* MATCH never finds it */
            const char *key = kind == VT_LAST ? vt_last_word(e) : e;
            size_t n = kind == VT_FIRST ? strcspn(e, " ") : strlen(key);
            uint64_t h = vt_hash(key, n);
            for (size_t j = (size_t)(h >> 8) & (t->cap - 1);; j = (j + 1) & (t->cap - 1)) {
                if (!t->slot[j]) {
                    if (++used > t->cap / 2) { /* lists outgrew the table */
                        free(t->slot);
                        free(t->str);
                        t->slot = NULL;
                        t->str = NULL;
                        return t;
                    }
                    t->slot[j] = h | L->bit;
                    t->str[j] = e;
                    break;
                }
                if ((t->slot[j] & ~(uint64_t)0xFF) == h && vt_same(t->str[j], key, n, kind)) {
                    t->slot[j] |= L->bit;
                    break;
                }
            }
        }
    }
    return t;
}

/* The bit of list l in vocab_lists when the phrase and first-word tables
 * hold every entry MATCH can find with maxw words; maxw 0: whatever the
 * width (the last-word table holds them all). 0: not such a list. */
static unsigned list_bit(const char *const *l, size_t maxw)
{
    for (size_t v = 0; v < COUNT(vocab_lists); v++)
        if (vocab_lists[v].l == l && maxw <= vocab_lists[v].maxw) return vocab_lists[v].bit;
    return 0;
}

/* The lists' bits of entries that are s[0..n), begin with it or end with
 * it, by kind (0xFF: no table). */
static unsigned vt_ask(an_ctx *c, int kind, const char *s, size_t n)
{
    an_vtab *t = kind == VT_FIRST ? &c->vfirst : kind == VT_LAST ? &c->vlast : &c->vphrase;
    return vt_bits(vt_table(t, kind), s, n, vt_hash(s, n), kind);
}

/* What the vocabulary of the rules says of token i, for the entity
 * tagger's features (ner.c): bits 0-7 as in ner.h, length of a place name
 * starting here in bits 8-11. A token whose first word begins no entry
 * has none of bits 0-7; otherwise its phrases of 1..4 tokens are looked up
 * whole. */
unsigned vnt__an_vocab(an_ctx *c, size_t i)
{
    size_t end = c->nt < i + 8 ? c->nt : i + 8;
    const char *lk0 = TK(i)->lk;
    size_t l0 = strlen(lk0);
    uint64_t h0 = vt_feed(VT_FNV0, lk0, l0);
    unsigned v = 0, may = vt_bits(vt_table(&c->vfirst, VT_FIRST), lk0, l0, vt_final(h0), VT_FIRST);
    const an_vtab *ph_tab = may ? vt_table(&c->vphrase, VT_PHRASE) : NULL;
    if (ph_tab && ph_tab->slot) {
        /* the phrases MATCH / IN would try (not past end, not across a
         * sentence start, spelled as phrase() spells them: a word that does
         * not fit ends the phrase) */
        char ph[160];
        size_t o = 0;
        uint64_t h = VT_FNV0;
        for (size_t w = 1; w <= 4 && i + w <= end; w++) {
            if (w > 1 && TK(i + w - 1)->sent0) break;
            const char *lk = w == 1 ? lk0 : TK(i + w - 1)->lk;
            size_t l = w == 1 ? l0 : strlen(lk);
            if (o + l + 2 > sizeof ph) break;
            if (w > 1) ph[o++] = ' ', h = vt_feed(h, " ", 1);
            memcpy(ph + o, lk, l + 1);
            o += l;
            h = w == 1 ? h0 : vt_feed(h, lk, l);
            v |= vt_bits(ph_tab, ph, o, vt_final(h), 0);
        }
    } else if (may) /* no table: the lists bisected */
        for (size_t k = 0; k < COUNT(vocab_lists); k++) {
            const struct vocab_list *L = &vocab_lists[k];
            if ((may & L->bit) && !(v & L->bit) && match_list(c, i, end, L->l, L->n, L->maxw))
                v |= L->bit;
        }
    int lv, cue;
    const char *pr;
    size_t pw = capital(TK(i)) ? match_place(c, i, end, &lv, &pr, &cue) : 0;
    return v | (unsigned)(pw > 15 ? 15 : pw) << 8;
}
