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

static int is(const an_tok *t, const char *w)
{
    return !strcmp(t->lk, w);
}

static const char *const honorifics[] = {"ông",      "bà",  "anh",   "chị",  "cô",   "chú",
                                         "bác",      "cụ",  "em",    "thầy", "cháu", "bé",
                                         "đồng chí", "đ/c", "chàng", "nàng"};
/* descriptors that announce a person's name */
static const char *const person_nouns[] = {
    "ca sĩ",       "diễn viên",    "nghệ sĩ",      "cầu thủ",       "tiền vệ",    "tiền đạo",
    "hậu vệ",      "thủ môn",      "người mẫu",    "nhà báo",       "luật sư",    "bác sĩ",
    "nhạc sĩ",     "danh thủ",     "tay đua",      "vận động viên", "tỷ phú",     "doanh nhân",
    "lương y",     "nhà văn",      "họa sĩ",       "giám khảo",     "người đẹp",  "hoa hậu",
    "con nuôi",    "mẹ nuôi",      "bạn trai",     "bạn gái",       "vợ",         "chồng",
    "huyền thoại", "cựu danh thủ", "nữ diễn viên", "nam diễn viên", "nữ ca sĩ",   "nam ca sĩ",
    "mc",          "hlv",          "võ sĩ",        "kỳ thủ",        "sinh viên",  "học sinh",
    "thiếu tá",    "trung tá",     "đại tá",       "nhà khoa học",  "chuyên gia", "giáo viên",
    "nhà thơ",     "đạo diễn",     "tác giả",      "thí sinh",      "bệnh nhân",  "nghi phạm",
    "đối tượng",   "bị can",       "bị cáo",       "nạn nhân",      "anh hùng"};
/* titles, written capitalised before or after a name ("Chủ tịch Joan
 * Laporta", "Trần Tuấn Anh, Ủy viên Bộ Chính trị") */
static const char *const titles[] = {"chủ tịch",
                                     "phó chủ tịch",
                                     "thủ tướng",
                                     "phó thủ tướng",
                                     "tổng thống",
                                     "phó tổng thống",
                                     "bộ trưởng",
                                     "thứ trưởng",
                                     "giám đốc",
                                     "phó giám đốc",
                                     "tổng giám đốc",
                                     "bí thư",
                                     "phó bí thư",
                                     "tổng bí thư",
                                     "ủy viên",
                                     "uỷ viên",
                                     "chánh án",
                                     "viện trưởng",
                                     "hiệu trưởng",
                                     "phó hiệu trưởng",
                                     "hlv",
                                     "huấn luyện viên",
                                     "ts",
                                     "ths",
                                     "gs",
                                     "pgs",
                                     "bs",
                                     "gs.ts",
                                     "pgs.ts",
                                     "ts.",
                                     "ths.",
                                     "gs.",
                                     "pgs.",
                                     "bs.",
                                     "giáo sư",
                                     "tiến sĩ",
                                     "thạc sĩ",
                                     "đại tướng",
                                     "thượng tướng",
                                     "trung tướng",
                                     "thiếu tướng",
                                     "đại tá",
                                     "thượng tá",
                                     "trung tá",
                                     "thiếu tá",
                                     "đại úy",
                                     "chủ nhiệm",
                                     "phó chủ nhiệm",
                                     "trưởng phòng",
                                     "phó trưởng phòng",
                                     "tổng biên tập",
                                     "thủ hiến",
                                     "thống đốc",
                                     "đại sứ",
                                     "tổng thư ký",
                                     "người phát ngôn",
                                     "thượng nghị sĩ",
                                     "hạ nghị sĩ",
                                     "nữ hoàng",
                                     "hoàng tử",
                                     "công nương",
                                     "giáo hoàng",
                                     "chủ tịch nước",
                                     "trưởng đoàn",
                                     "chỉ huy trưởng",
                                     "nsnd",
                                     "nsưt",
                                     "trưởng",
                                     "phó",
                                     "tổng cục trưởng",
                                     "cục trưởng",
                                     "vụ trưởng",
                                     "chánh văn phòng",
                                     "trưởng khoa",
                                     "giám đốc điều hành",
                                     "đại biểu",
                                     "nguyên",
                                     "cựu",
                                     "thẩm phán",
                                     "tổng tư lệnh",
                                     "tư lệnh",
                                     "chính ủy",
                                     "kiểm sát viên",
                                     "trưởng công an",
                                     "phó trưởng công an",

                                     "tổng lãnh sự",
                                     "lãnh sự",
                                     "đô đốc",
                                     "thiếu úy",
                                     "trung úy",
                                     "thượng úy",
                                     "đại đức",
                                     "hòa thượng",
                                     "linh mục",
                                     "tổng giám mục",
                                     "giám mục"};
/* words that start an organisation name */
static const char *const org_heads[] = {"ban",
                                        "bộ",
                                        "sở",
                                        "ủy ban",
                                        "uỷ ban",
                                        "ubnd",
                                        "hđnd",
                                        "tỉnh ủy",
                                        "tỉnh uỷ",
                                        "thành ủy",
                                        "thành uỷ",
                                        "huyện ủy",
                                        "huyện uỷ",
                                        "đảng ủy",
                                        "đảng uỷ",
                                        "đảng bộ",
                                        "đảng",
                                        "công an",
                                        "tòa án",
                                        "toà án",
                                        "viện kiểm sát",
                                        "viện",
                                        "trường",
                                        "đại học",
                                        "đh",
                                        "học viện",
                                        "bệnh viện",
                                        "trung tâm",
                                        "công ty",
                                        "tập đoàn",
                                        "ngân hàng",
                                        "hội",
                                        "liên đoàn",
                                        "quỹ",
                                        "cục",
                                        "tổng cục",
                                        "chi cục",
                                        "văn phòng",
                                        "thường trực",
                                        "quốc hội",
                                        "chính phủ",
                                        "mặt trận",
                                        "hải quân",
                                        "quân đội",
                                        "bộ đội",
                                        "bộ chỉ huy",
                                        "cơ quan",
                                        "clb",
                                        "câu lạc bộ",
                                        "hiệp hội",
                                        "liên hợp quốc",
                                        "hội đồng",
                                        "bcđ",
                                        "tổng công ty",
                                        "kho bạc",
                                        "chi khu",
                                        "hãng",
                                        "nhà máy",
                                        "sư đoàn",
                                        "quân khu",
                                        "bộ tư lệnh",
                                        "thanh tra",
                                        "tổng liên đoàn",
                                        "đoàn thanh niên",
                                        "nhà xuất bản",
                                        "nxb",
                                        "vksnd",
                                        "tand",
                                        "đhqg",
                                        "bv",
                                        "ủy ban nhân dân",
                                        "hội liên hiệp",
                                        "lực lượng",
                                        "ngân hàng nhà nước",
                                        "kiểm toán nhà nước",
                                        "báo",
                                        "đài",
                                        "thông tấn xã",
                                        "đại sứ quán",
                                        "lãnh sự quán",
                                        "tổng lãnh sự quán",
                                        "viện hàn lâm",
                                        "trường thpt",
                                        "trường thcs",
                                        "hợp tác xã",
                                        "htx",
                                        "bộ công an",
                                        "bộ quốc phòng",
                                        "cảnh sát",
                                        "phòng",
                                        "khoa",
                                        "đoàn",
                                        "tổ chức",
                                        "liên minh"};
/* heads that take lower-case domain words before the capitalised name
 * ("Viện nghiên cứu Scripps", "Đoàn luật sư Thành phố Hà Nội", "Công ty tài
 * chính FCCOM", "Trường đại học Skidmore"): the structure of Vietnamese
 * institution names, head + domain + proper name */
static const char *const gap_heads[] = {
    "viện",     "trường",       "bệnh viện",   "học viện",  "đại học",  "trung tâm", "công ty",
    "tập đoàn", "tổng công ty", "ngân hàng",   "hội",       "hiệp hội", "liên đoàn", "quỹ",
    "cục",      "tổng cục",     "chi cục",     "sở",        "phòng",    "ban",       "đoàn",
    "nhà máy",  "hãng",         "tổ chức",     "liên minh", "ủy ban",   "uỷ ban",    "hội đồng",
    "khoa",     "hợp tác xã",   "nhà xuất bản"};
/* words that end the domain part: function words, and the first words of
 * "ban tổ chức", "ban lãnh đạo", "thành viên", "giải" (a committee, the
 * board, members, a competition: no name follows) */
static const char *const gap_stop[] = {
    "của",  "và",   "là",    "có",    "được", "cho",   "với",    "ở",         "tại",  "trong",
    "này",  "đã",   "sẽ",    "đang",  "các",  "những", "một",    "khi",       "từ",   "về",
    "theo", "cũng", "không", "như",   "đó",   "nào",   "mà",     "thì",       "lại",  "còn",
    "vẫn",  "rất",  "đều",   "giải",  "lãnh", "tổ",    "thành",  "nhiều",     "ra",   "vào",
    "trên", "dưới", "sau",   "trước", "để",   "do",    "bị",     "hay",       "hoặc", "chúng",
    "họ",   "nói",  "tỉnh",  "huyện", "quận", "xã",    "phường", "thành phố", "tp",   "nhà",
    "ông",  "bà",   "anh",   "chị",   "cô",   "số",    "cấp"};
/* lower-case words before a name that make it an organisation: the press,
 * companies, brands, clubs ("PV Dân Trí", "hãng tin Reuters", "công ty
 * Vinamilk"); the name is labelled without them, as "CLB HA Gia Lai" */
static const char *const org_cues[] = {"pv",        "phóng viên",  "báo",
                                       "tờ",        "tờ báo",      "nhật báo",
                                       "tạp chí",   "hãng tin",    "hãng thông tấn",
                                       "hãng",      "công ty",     "tập đoàn",
                                       "nhãn hàng", "thương hiệu", "mạng xã hội",
                                       "đội bóng",  "câu lạc bộ",  "clb",
                                       "ứng dụng",  "nền tảng",    "ngân hàng"};
/* acronyms that are organisations by themselves */
static const char *const org_acronyms[] = {
    "ubnd", "hđnd", "who",  "unesco",  "unicef", "asean", "nato", "eu",   "fifa", "uefa",
    "vff",  "vpf",  "afc",  "imf",     "wb",     "adb",   "wto",  "cdc",  "fda",  "bbc",
    "cnn",  "ap",   "afp",  "reuters", "pti",    "ttxvn", "vtv",  "vov",  "sjc",  "pnj",
    "evn",  "fpt",  "vnpt", "un",      "nasa",   "fbi",   "cia",  "opec", "apec", "mttq"};
/* capitalised acronyms that are not names (why: generic nouns written short) */
static const char *const generic_acronyms[] = {
    "hlv",  "ts",   "ths",  "gs",  "pgs", "bs",    "thpt", "thcs", "hđqt", "đhđcđ", "clb", "bcđ",
    "tp",   "tp.",  "pv",   "sn",  "bn",  "gđkt",  "đh",   "nsnd", "nsưt", "ceo",   "gdp", "f0",
    "f1",   "f2",   "usd",  "vnd", "vnđ", "covid", "sars", "ttl",  "ptth", "tt",    "cp",  "nđ",
    "qđ",   "bhxh", "bhyt", "atm", "sms", "vip",   "mc",   "dj",   "tv",   "gps",   "ai",  "it",
    "pcr",  "ct",   "id",   "ok",  "k",   "v",     "x",    "ảnh",  "top",  "vđv",   "đt",  "ubnd",
    "hđnd", "thcs", "đbqh", "kcn", "bđs", "hn",    "tphcm"};
/* a place follows: takes the level from the cue */
static const char *const loc_cues[] = {
    "tỉnh",        "thành phố", "tp",       "tp.",        "huyện",    "quận",       "xã",
    "phường",      "thị xã",    "thị trấn", "thôn",       "buôn",     "bản",        "ấp",
    "làng",        "cửa khẩu",  "đảo",      "sông",       "hồ",       "núi",        "vịnh",
    "đèo",         "công viên", "chợ",      "đường",      "phố",      "nước",       "miền",
    "vùng",        "xứ",        "bang",     "thủ đô",     "tp",       "tổ dân phố", "khối",
    "bãi biển",    "biển",      "châu",     "thung lũng", "quần đảo", "bán đảo",    "sân bay",
    "cao tốc",     "quốc lộ",   "cầu",      "tiểu bang",  "thị trấn", "thành",      "vườn quốc gia",
    "khu du lịch", "người"};
static const char *const misc_cues[] = {
    "chương trình", "tọa đàm",       "toạ đàm",  "hội thảo",  "cuộc thi", "lễ hội",  "giải",
    "chiến dịch",   "phong trào",    "đề án",    "khẩu hiệu", "sự kiện",  "show",    "hội nghị",
    "diễn đàn",     "cuộc vận động", "gameshow", "bộ phim",   "phim",     "ca khúc", "album",
    "cuốn sách",    "tác phẩm",      "dự án",    "kế hoạch",  "game",     "series",  "chủ đề",
    "thông điệp",   "hành trình",    "festival"};
static const char *const misc_names[] = {
    "world cup", "v-league",         "sea games",      "olympic",      "euro",    "aff cup",
    "asian cup", "champions league", "premier league", "la liga",      "serie a", "bundesliga",
    "asiad",     "paralympic",       "ngoại hạng anh", "cúp quốc gia", "tết"};
/* lower-case words that continue a capitalised name word when no segmenter
 * is there to say so ("Ban Kinh tế Trung ương") */
static const char *const compounds[] = {
    "ủy ban",      "uỷ ban",      "kinh tế",    "trung ương",   "cao đẳng",   "đại học",
    "học viện",    "sư phạm",     "lao động",   "tài chính",    "quốc gia",   "nhân dân",
    "y tế",        "quân y",      "chính trị",  "thường vụ",    "quốc hội",   "chính phủ",
    "bệnh viện",   "biên phòng",  "chỉ huy",    "công an",      "giáo dục",   "đào tạo",
    "khoa học",    "công nghệ",   "văn hóa",    "thể thao",     "du lịch",    "nông nghiệp",
    "phát triển",  "thương mại",  "ngân hàng",  "xã hội",       "liên đoàn",  "hội đồng",
    "tổng cục",    "công ty",     "tập đoàn",   "cổ phần",      "kiểm soát",  "tư pháp",
    "ngoại giao",  "quốc phòng",  "nội vụ",     "tài nguyên",   "môi trường", "xây dựng",
    "giao thông",  "vận tải",     "thông tin",  "truyền thông", "kế hoạch",   "đầu tư",
    "công thương", "cảnh sát",    "hình sự",    "tòa án",       "kiểm sát",   "địa chất",
    "khảo sát",    "mặt trận",    "tổ quốc",    "thanh niên",   "phụ nữ",     "cộng sản",
    "trung học",   "thường trực", "bộ đội",     "hải quân",     "quân đội",   "trung tâm",
    "hợp tác",     "nghiên cứu",  "bảo hiểm",   "kho bạc",      "thủ tướng",  "chủ tịch",
    "giám đốc",    "bí thư",      "trưởng ban", "ủy viên",      "uỷ viên",    "hiệu trưởng",
    "kiểm toán",   "thanh tra",   "đối ngoại",  "dân tộc",      "tôn giáo",   "nội chính",
    "tuyên giáo",  "dân vận",     "tổ chức",    "kiểm tra",     "an ninh",    "bưu điện",
    "điện lực",    "dầu khí",     "hàng không", "viễn thông",   "nhân đạo",   "chữ thập",
    "cộng hòa",    "cộng hoà",    "liên bang",  "vương quốc"};

/* organisation names with lower-case words, as tokens (why: the capitalised
 * run stops at them: "Trung tâm Kiểm soát bệnh tật", "Bộ đội biên phòng") */
static const char *const org_phrases[] = {"trung tâm kiểm soát bệnh tật",
                                          "bộ đội biên phòng",
                                          "bộ chỉ huy bộ đội biên phòng",
                                          "bộ chỉ huy quân sự",
                                          "chi khu quân sự",
                                          "ban chỉ huy quân sự",
                                          "bcđ phòng , chống dịch covid-19",
                                          "bcđ phòng chống dịch covid-19",
                                          "ban chỉ đạo phòng , chống dịch covid-19",
                                          "ban chỉ đạo phòng chống dịch covid-19",
                                          "ban chỉ đạo",
                                          "ban quản lý dự án",
                                          "phòng cảnh sát giao thông",
                                          "cảnh sát giao thông",
                                          "cảnh sát cơ động",
                                          "trung tâm y tế",
                                          "bộ giáo dục và đào tạo",
                                          "sở giáo dục và đào tạo",
                                          "phòng giáo dục và đào tạo",
                                          "bộ lao động - thương binh và xã hội",
                                          "sở lao động - thương binh và xã hội",
                                          "bộ tài nguyên và môi trường",
                                          "sở tài nguyên và môi trường",
                                          "bộ kế hoạch và đầu tư",
                                          "sở kế hoạch và đầu tư",
                                          "bộ thông tin và truyền thông",
                                          "sở thông tin và truyền thông",
                                          "bộ nông nghiệp và phát triển nông thôn",
                                          "sở nông nghiệp và phát triển nông thôn",
                                          "bộ văn hóa , thể thao và du lịch",
                                          "sở văn hóa , thể thao và du lịch",
                                          "bộ khoa học và công nghệ",
                                          "sở khoa học và công nghệ",
                                          "bộ giao thông vận tải",
                                          "sở giao thông vận tải",
                                          "ủy ban an toàn giao thông quốc gia",
                                          "ban an toàn giao thông",
                                          "hội chữ thập đỏ",
                                          "ủy ban mặt trận tổ quốc",
                                          "ủy ban nhân dân",
                                          "hội đồng nhân dân",
                                          "tòa án nhân dân",
                                          "viện kiểm sát nhân dân",
                                          "hội liên hiệp phụ nữ",
                                          "ngân hàng nhà nước",
                                          "ban kinh tế trung ương",
                                          "ban tuyên giáo trung ương",
                                          "ban tổ chức trung ương",
                                          "ban dân vận trung ương",
                                          "ban nội chính trung ương",
                                          "ban đối ngoại trung ương"};

/* capitalised words that name no entity by themselves (why: disease and
 * virus names, English words in brand lines) */
static const char *const not_names[] = {"covid",  "covid-19",    "sars-cov-2", "vietnam",
                                        "corona", "coronavirus", "ncov",       "omicron",
                                        "delta",  "ebola"};

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
static size_t match_list(an_ctx *c, size_t i, size_t end, const char *const *l, size_t n,
                         size_t maxw)
{
    char buf[160];
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

/* Gazetteer: longest place at i within [i, end). */
static size_t match_place(an_ctx *c, size_t i, size_t end, int *level, const char **prov, int *cue)
{
    char key[160];
    for (size_t w = 6; w >= 1; w--) {
        if (i + w > end) continue;
        size_t s = TK(i)->s, e = TK(i + w - 1)->e;
        if (e - s > 120) continue;
        vnt__gaz_key(c->s + s, e - s, key, sizeof key);
        int lv = vnt__gaz_place(key, prov, cue);
        if (lv) return *level = lv, w;
    }
    return 0;
}

/* continuation of a capitalised word by lower-case syllables */
static size_t word_end(an_ctx *c, size_t i)
{
    size_t j = TK(i)->wlast + 1;
    if (j > i + 1) return j;
    /* no segmenter: known compounds */
    while (j < c->nt && !TK(j)->sent0 && TK(j)->cse == VNT_CASE_LOWER &&
           TK(j)->type == VNT_TOK_SYLLABLE) {
        char buf[96];
        snprintf(buf, sizeof buf, "%s %s", TK(j - 1)->lk, TK(j)->lk);
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
    if (TK(i)->sent0) return 0;
    for (size_t w = 3; w >= 1; w--) {
        if (i < w) continue;
        int ok = 1;
        for (size_t k = i - w + 1; k <= i; k++)
            if (TK(k)->sent0) ok = 0;
        if (!ok && !TK(i - w)->sent0) continue;
        char buf[96];
        phrase(c, i - w, i, buf, sizeof buf);
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
        char key[48];
        vnt__gaz_key(c->s + TK(s)->s, TK(s)->e - TK(s)->s, key, sizeof key);
        if (!vnt__gaz_surname(key)) continue;
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
        if (!cue_before(c, i, misc_cues, COUNT(misc_cues), which, sizeof which)) continue;
        size_t j = i + 1;
        while (j < c->nt && j < i + 20 && !TK(j)->sent0 &&
               !(is(TK(j), "”") || is(TK(j), "\"") || is(TK(j), "»")))
            j++;
        if (j >= c->nt || j == i + 1 || j >= i + 20 || TK(j)->sent0) continue;
        if (!capital(TK(i + 1))) continue;
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
    static const char *const admin[] = {"tỉnh", "thành phố", "tp",     "tp.",    "huyện",
                                        "quận", "xã",        "phường", "thị xã", "thị trấn"};
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
        char ki[160], kj[160];
        vnt__gaz_key(c->s + e->start, e->end - e->start, ki, sizeof ki);
        for (size_t j = 0; j < a->n_entities; j++) {
            vnt_entity *f = &a->entities[j];
            if (f->type != VNT_ENT_LOC && f->type != VNT_ENT_PER) continue;
            vnt__gaz_key(c->s + f->start, f->end - f->start, kj, sizeof kj);
            if (strcmp(ki, kj)) continue;
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
        char ki[160], kj[160];
        if (e->nominal) continue; /* linked by nominals() */
        vnt__gaz_key(c->s + e->start, e->end - e->start, ki, sizeof ki);
        e->ref = -1;
        for (size_t j = 0; j < i; j++) {
            vnt_entity *f = &a->entities[j];
            if (f->type != e->type || f->nominal) continue;
            vnt__gaz_key(c->s + f->start, f->end - f->start, kj, sizeof kj);
            size_t li = strlen(ki), lj = strlen(kj);
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
    static const char *const kinds[] = {"trường thpt", "trường thcs", "đh",
                                        "bv",          "thư viện",    "trường tiểu học"};
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
            static const char *const fields[] = {
                "nghiên cứu", "đào tạo",    "điều hành", "phát triển", "kiểm tra",
                "điều tra",   "quản lý",    "đa khoa",   "phẫu thuật", "đóng tàu",
                "sản xuất",   "kinh doanh", "bảo vệ",    "chăm sóc",   "xuất khẩu"};
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
        char kn[160], ke[160];
        vnt__gaz_key(c->s + names[q].start, names[q].end - names[q].start, kn, sizeof kn);
        for (size_t i = 0; i < a->n_entities; i++) {
            vnt_entity *e = &a->entities[i];
            if (e->type != VNT_ENT_PER || e->start < names[q].end) continue;
            if (e->end - e->start != names[q].end - names[q].start) continue;
            vnt__gaz_key(c->s + e->start, e->end - e->start, ke, sizeof ke);
            if (strcmp(kn, ke)) continue;
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
    char ku[160], kf[160];
    vnt__gaz_key(c->s + TK(i)->s, TK(j - 1)->e - TK(i)->s, ku, sizeof ku);
    size_t lu = strlen(ku);
    for (size_t q = 0; q < c->a->n_entities; q++) {
        const vnt_entity *f = &c->a->entities[q];
        if (f->type != VNT_ENT_PER || f->nominal || f->end > TK(i)->s) continue;
        vnt__gaz_key(c->s + f->start, f->end - f->start, kf, sizeof kf);
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
    vnt_span names[32]; /* organisation names after a head, for later bare mentions */
    size_t nn = 0;
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
            char key[48];
            vnt__gaz_key(c->s + t->s, t->e - t->s, key, sizeof key);
            int keep =
                MATCH(i, end, titles, 4) || MATCH(i, end, org_heads, 4) ||
                match_place(c, i, end, &lv, &pr, &cue) ||
                (vnt__gaz_surname(key) && end - i >= 2 && i + 1 < c->nt && capital(TK(i + 1))) ||
                t->upos == VNT_UPOS_PROPN || t->type == VNT_TOK_ABBREV ||
                (t->type == VNT_TOK_FOREIGN && end - i >= 2) || IN(t->lk, org_acronyms);
            if (IN(t->lk, honorifics)) keep = 0;
            if (!keep) {
                size_t w = word_end(c, i);
                i = w - 1;
                continue;
            }
        }
        /* MISC by name: Đại hội XIII, World Cup 2022, V-League */
        if (is(t, "đại") && i + 2 < c->nt && is(TK(i + 1), "hội") && !TK(i + 2)->sent0 &&
            roman(TK(i + 2), c->s)) {
            add_ent(c, VNT_ENT_MISC, i, i + 3);
            i += 2;
            continue;
        }
        size_t mw = MATCH(i, end, misc_names, 3);
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
            /* an organisation */
            if (((w = MATCH(pos, end, org_heads, 3)) != 0 || IN(TK(pos)->lk, org_acronyms)) &&
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
                    static const char *const single[] = {
                        "quốc hội", "chính phủ", "đảng",          "bộ chính trị",
                        "tỉnh ủy",  "tỉnh uỷ",   "thành ủy",      "thành uỷ",
                        "ubnd",     "hđnd",      "liên hợp quốc", "ban bí thư"};
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
                size_t ow = cue_before(c, pos, org_cues, COUNT(org_cues), NULL, 0);
                int lv4, cue4;
                const char *pr4;
                if (ow && TK(pos - ow)->word0 && TK(pos - 1)->wlast == pos - 1 &&
                    TK(pos - ow)->cse == VNT_CASE_LOWER &&
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
            /* "về phía Đông Bắc", "bán cầu Bắc": a direction, not a place */
            if (pos == a && pos > 0 && !TK(pos)->sent0 &&
                (is(TK(pos - 1), "phía") || is(TK(pos - 1), "hướng") || is(TK(pos - 1), "cầu") ||
                 is(TK(pos - 1), "chính") || is(TK(pos - 1), "cực"))) {
                static const char *const dirs[] = {"bắc", "nam", "đông", "tây"};
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
            if (pos > a) cw = 0;
            if ((w = match_place(c, pos, end, &lv, &pr, &cue)) != 0 && cue && !cw) {
                /* a name that needs its cue word was cued before in this article */
                char kk[160];
                vnt__gaz_key(c->s + TK(pos)->s, TK(pos + w - 1)->e - TK(pos)->s, kk, sizeof kk);
                for (size_t q = 0; q < c->a->n_entities && cue; q++) {
                    char kq[160];
                    const vnt_entity *f = &c->a->entities[q];
                    vnt__gaz_key(c->s + f->start, f->end - f->start, kq, sizeof kq);
                    if (f->type == VNT_ENT_LOC && !strcmp(kk, kq)) cue = 0;
                }
            }
            if (w && (!cue || cw)) {
                if (cw && !strcmp(which, "cửa khẩu"))
                    lv = 5;
                else if (cw && cue_level(which) >= 3 && cue_level(which) <= 4 && lv == 2)
                    lv = cue_level(which);
                else if (cw && !strcmp(which, "thành phố") && lv == 2)
                    lv = 7;
                size_t we = pos + w;
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
            static const char *const cap_cues[] = {
                "tp",     "tp.",    "thành phố", "tỉnh",      "huyện", "quận", "xã",   "phường",
                "thị xã", "thủ đô", "hồ",        "công viên", "chợ",   "núi",  "sông", "đảo"};
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
            static const char *const street_cues[] = {
                "đường",  "phố",  "phường",     "xã",      "quận",  "huyện", "thị trấn",
                "thị xã", "tỉnh", "thôn",       "ấp",      "bản",   "làng",  "cầu",
                "ngõ",    "hẻm",  "tổ dân phố", "khu phố", "đại lộ"};
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
                if (f->type != VNT_ENT_PER) continue;
                char kf[160];
                vnt__gaz_key(c->s + f->start, f->end - f->start, kf, sizeof kf);
                size_t lf = strlen(kf), lu = strlen(ku);
                if (lu <= lf && !strcmp(kf + lf - lu, ku) && (lu == lf || kf[lf - lu - 1] == ' '))
                    seen_per = 1;
            }
            int namelike = end - pos >= 2;
            for (size_t k2 = pos; k2 < end && namelike; k2++) {
                char kg[48];
                if (TK(k2)->type == VNT_TOK_FOREIGN) continue;
                if (TK(k2)->type != VNT_TOK_SYLLABLE || TK(k2)->cse != VNT_CASE_TITLE) {
                    namelike = 0;
                    break;
                }
                vnt__gaz_key(c->s + TK(k2)->s, TK(k2)->e - TK(k2)->s, kg, sizeof kg);
                if (!vnt__gaz_given(kg) && !vnt__gaz_surname(kg)) namelike = 0;
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
            if (seen_per || namelike || foreign_per) {
                long k = add_ent(c, VNT_ENT_PER, pos, end);
                last_per = k;
                last_per_end = TK(end - 1)->e;
            } else if (u->type == VNT_TOK_FOREIGN || u->cse == VNT_CASE_MIXED) {
                add_ent(c, VNT_ENT_ORG, pos, end);
            }
            pos = end;
        }
        i = (end > i ? end : i + 1) - 1;
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
